"""Hand-made inputs for the stage tests: a few paragraphs of resolutions 79/62 and 80/57 as
records, the lexicon and IDF they give, and a matcher over them. No store, no embedding model.
"""
from __future__ import annotations

import math
from collections import Counter
from types import SimpleNamespace

from assistant.answer import Answer, Citation
from assistant.lexicon import Lexicon
from assistant.retrieve import Matcher, Retriever
from assistant.text import concepts
from assistant.understand import Corpus, Query, understand
from index import META, OP, PP, Paragraph
from index.lexical import terms

R79, R80 = "A/RES/79/62", "A/RES/80/57"
RESOLUTIONS = {R79: "2024-12-02", R80: "2025-12-01"}

OP4 = Paragraph(R79, "en", OP, 4, (
    "Calls upon the Group of Governmental Experts to fulfil its mandate as agreed to by the High Contracting "
    "Parties to the Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which "
    "May Be Deemed to Be Excessively Injurious or to Have Indiscriminate Effects in 2023 as soon as possible, "
    "preferably by the end of 2025, and also calls upon the High Contracting Parties to the Convention to spare "
    "no effort in this regard;"))
OP8 = Paragraph(R79, "en", OP, 8, (
    "Invites the Chair of the Group of Governmental Experts to participate in the open informal consultations "
    "for the purpose of briefing the Member States of the work within the Group of Governmental Experts, its "
    "progress, and how it relates to the work of the General Assembly;"))
OP9 = Paragraph(R79, "en", OP, 9, (
    "Decides that the open informal consultations should be convened in New York for a duration of two days "
    "in 2025 and that these consultations shall be open to the full participation of all Member States and "
    "observer States and international and regional organizations, the International Committee of the Red "
    "Cross and civil society, including the scientific community and industry;"))
OP10 = Paragraph(R79, "en", OP, 10, (
    "Requests the Secretary-General to facilitate the informal consultations and to provide the support "
    "necessary to convene them;"))
PP3 = Paragraph(R79, "en", PP, 3, (
    "Mindful of the serious challenges and concerns that new and emerging technological applications in the "
    "military domain, including those related to artificial intelligence and autonomy in weapons systems, also "
    "raise from humanitarian, legal, security, technological and ethical perspectives,"))
PP10 = Paragraph(R79, "en", PP, 10, (
    "Acknowledging the important contribution of State-led international and regional conferences and "
    "initiatives, including the latest regional conferences hosted by the Philippines on 13 and 14 December 2023 "
    "and by Sierra Leone on 17 and 18 April 2024, the international conference hosted by Austria on 29 and 30 April "
    "2024 and the Responsible Artificial Intelligence in the Military Domain Summit hosted by the Republic of Korea "
    "on 9 and 10 September 2024,"))
META79 = Paragraph(R79, "en", META, None, (
    "Resolution 79/62 (Lethal autonomous weapons systems) was adopted by the General Assembly on 2 December 2024 "
    "at its 44th plenary meeting, seventy-ninth session, under agenda item 98 (ss), on the report of the First "
    "Committee (A/79/408, para. 114)."), fields={"adopted": "2024-12-02", "plenary_meeting": "44"})
AGENDA80 = Paragraph(R80, "en", OP, 4, (
    "Decides to include in the provisional agenda of its eighty-first session the item entitled "
    "“Lethal autonomous weapons systems”."))
META80 = Paragraph(R80, "en", META, None, (
    "Resolution 80/57 (Lethal autonomous weapons systems) was adopted by the General Assembly on 1 December 2025 "
    "at its 52nd plenary meeting, eightieth session, under agenda item 99 (kk), on the report of the First "
    "Committee (A/80/534, para. 7)."), fields={"adopted": "2025-12-01", "plenary_meeting": "52"})
OP4_ZH = Paragraph(R79, "zh", OP, 4, (
    "吁请政府专家组尽快，最好是在2025年底之前，完成《禁止或限制使用某些可被认为具有过分伤害力或滥杀滥伤作用的常规武器公约》"
    "缔约国商定的2023年任务，并吁请《公约》缔约国在这方面不遗余力；"))
OP9_ZH = Paragraph(R79, "zh", OP, 9, (
    "决定于2025年在纽约举行为期两天的公开非正式协商，所有会员国和观察员国、国际和区域组织、红十字国际委员会以及包括科学界和"
    "工业界在内的民间社会均可充分参与这些协商；"))
META79_ZH = Paragraph(R79, "zh", META, None, "第79/62号决议《致命自主武器系统》于2024年12月2日第44次全体会议通过。",
                      fields={"adopted": "2024-12-02", "plenary_meeting": "44"})

PARAGRAPHS = [OP4, OP8, OP9, OP10, PP3, PP10, META79, AGENDA80, META80, OP4_ZH, OP9_ZH, META79_ZH]

# As the store computes it: log(1 + N / document frequency) over each paragraph's terms.
_df = Counter(t for p in PARAGRAPHS for t in terms(p.text))
IDF = {t: math.log(1 + len(PARAGRAPHS) / n) for t, n in _df.items()}
LEXICON = Lexicon(IDF, [p.text for p in PARAGRAPHS])
CORPUS = Corpus(dict(RESOLUTIONS), LEXICON)

# The retriever's scoring of text against a question needs only the IDF: a stand-in store
# with no index behind it (no embeddings, no BM25).
RETRIEVER = Retriever(SimpleNamespace(paragraphs=PARAGRAPHS, idf=lambda: IDF, bm25=None))


def matcher(question: str) -> Matcher:
    """The question's concepts, scored against text as the answer path scores them."""
    return RETRIEVER.matcher(concepts(question, LEXICON))


def turn(question: str, *cited: Paragraph) -> Answer:
    """An earlier turn of a conversation: its question and the paragraphs it cited."""
    return Answer(question, "", False, "en", [Citation.of(p) for p in cited])


def read(question: str, *history: Answer) -> Query:
    return understand(question, list(history), CORPUS)
