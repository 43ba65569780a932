"""Stage 4, compose: leads and framings built only from the evidence and the records.
Pure: hand-made paragraph records, no store."""
from __future__ import annotations

import pytest
from handmade import AGENDA80, META79, META79_ZH, OP4, OP4_ZH, OP9, PP3, R79, R80

from assistant.compose import (
    _ordinal,
    adoption_lead,
    carrier_lead,
    count_lead,
    fact_lead,
    framing,
    human_date,
    mentions_lead,
    quotation,
)
from assistant.evidence import Evidence
from index import FN, META, OP, PP, P, Paragraph


def span(p: Paragraph, words: str) -> Evidence:
    start = p.text.index(words)
    return Evidence(p, ((start, start + len(words)),))


def test_fact_lead_drops_preferably_and_capitalises():
    ev = span(OP4, "preferably by the end of 2025,")
    assert fact_lead("preferably by the end of 2025", ev) == "Preferably by the end of 2025. [A/RES/79/62 OP 4]"
    assert fact_lead("in New York", span(OP9, "in New York")) == "In New York. [A/RES/79/62 OP 9]"


def test_fact_lead_of_a_session_reads_at_its_session():
    ev = span(AGENDA80, "of its eighty-first session")
    assert fact_lead("of its eighty-first session", ev) == "At its eighty-first session. [A/RES/80/57 OP 4]"


def test_fact_lead_in_chinese_ends_with_a_chinese_full_stop():
    ev = span(OP4_ZH, "最好是在2025年底之前，")
    assert fact_lead("2025年底之前", ev) == "2025年底之前。 [A/RES/79/62 OP 4 (zh)]"


def test_adoption_lead_gives_the_date_and_the_meeting():
    assert adoption_lead(META79) == "On 2 December 2024, at its 44th plenary meeting. [A/RES/79/62 META]"
    assert adoption_lead(META79_ZH) == "2024年12月2日。 [A/RES/79/62 META (zh)]"


def test_adoption_lead_says_only_what_the_record_says():
    no_meeting = Paragraph(R79, "en", META, None, "Adopted on 2 December 2024.", fields={"adopted": "2024-12-02",
                                                                                        "plenary_meeting": "44"})
    assert adoption_lead(no_meeting) == "On 2 December 2024. [A/RES/79/62 META]"
    other_date = Paragraph(R79, "en", META, None, "Adopted on 3 December 2024.", fields={"adopted": "2024-12-02"})
    assert adoption_lead(other_date) is None
    assert adoption_lead(Paragraph(R79, "en", META, None, "Adopted without a date.")) is None


@pytest.mark.parametrize("n, word", [("1", "1st"), ("2", "2nd"), ("3", "3rd"), ("11", "11th"), ("12", "12th"),
                                     ("13", "13th"), ("21", "21st"), ("52", "52nd"), ("111", "111th"),
                                     ("resumed", "resumed")])
def test_ordinals(n, word):
    assert _ordinal(n) == word


def test_human_date():
    assert human_date("2024-12-02") == "2 December 2024"
    assert human_date("2025-01-31") == "31 January 2025"


def test_quotation_is_framed_and_cited():
    ev = span(OP4, "preferably by the end of 2025,")
    assert quotation(ev, "2024-12-02", "resolution") == (
        "Resolution 79/62 (OP 4): “… preferably by the end of 2025 …”. [A/RES/79/62 OP 4]")
    whole_pp = Evidence(PP3, ((0, len(PP3.text)),))
    assert quotation(whole_pp, "2024-12-02", "resolution").startswith("Resolution 79/62 (PP 3): “Mindful of")
    zh = span(OP4_ZH, "最好是在2025年底之前，")
    assert quotation(zh, "2024-12-02", "resolution") == "第79/62号决议（执行部分第4段）：“……最好是在2025年底之前……”。[A/RES/79/62 OP 4 (zh)]"


def test_framings_of_other_parts_and_of_a_news_article():
    assert framing(META79, "2024-12-02", "resolution") == "Resolution 79/62 (adoption record):"
    assert framing(Paragraph(R79, "en", FN, 3, "A/79/88."), "", "resolution") == "Resolution 79/62 (footnote 3):"
    news = Paragraph("NEWS/2024-07-09", "en", P, 1, "The resolution was sponsored by China.")
    assert framing(news, "2024-07-09", "news") == (
        "A news article of 9 July 2024 (secondary source):")


def test_count_lead():
    assert count_lead(R79, "OP", 11, "en", ["A/RES/79/62 OP 11"]) == (
        "Resolution 79/62 has 11 operative paragraphs. [A/RES/79/62 OP 11]")
    assert count_lead(R79, None, 30, "en", ["x"]) == "Resolution 79/62 has 30 paragraphs. [x]"
    assert count_lead(R79, "FN", 3, "zh", ["y"]) == "第79/62号决议有3个脚注。 [y]"


def test_mentions_lead_lists_each_resolutions_paragraphs_and_cites_them():
    lead = mentions_lead({R79: [PP3, OP9], R80: [AGENDA80]}, "en")
    assert lead == ("Mentioned in resolution 79/62 (PP 3, OP 9) and resolution 80/57 (OP 4). "
                    "[A/RES/79/62 PP 3] [A/RES/79/62 OP 9] [A/RES/80/57 OP 4]")
    assert mentions_lead({R79: [OP4_ZH]}, "zh") == "见第79/62号决议（执行部分第4段）。 [A/RES/79/62 OP 4 (zh)]"


def test_carrier_lead_names_the_paragraph_that_carries_the_footnote():
    carrier = Paragraph(R79, "en", OP, 1, "Recalls its resolution 78/241,3", footnotes=(3,))
    assert carrier_lead(carrier, 3, "en") == "Footnote 3 is attached to resolution 79/62 (OP 1). [A/RES/79/62 OP 1]"
    preambular = Paragraph(R80, "en", PP, 6, "Noting the report,2", footnotes=(2,))
    assert carrier_lead(preambular, 2, "en") == "Footnote 2 is attached to resolution 80/57 (PP 6). [A/RES/80/57 PP 6]"


def test_carrier_lead_in_chinese():
    carrier = Paragraph(R79, "zh", OP, 1, "回顾其第78/241号决议，3", footnotes=(3,))
    assert carrier_lead(carrier, 3, "zh") == "脚注3附于第79/62号决议（执行部分第1段）。 [A/RES/79/62 OP 1 (zh)]"
    preambular = Paragraph(R79, "zh", PP, 4, "注意到报告，2", footnotes=(2,))
    assert carrier_lead(preambular, 2, "zh") == "脚注2附于第79/62号决议（序言部分第4段）。 [A/RES/79/62 PP 4 (zh)]"


def test_an_articles_count_names_the_article():
    from assistant.compose import count_lead
    assert count_lead("NEWS/2024-07-09", "P", 4, "en", ["NEWS/2024-07-09 P 4"]) == \
        "NEWS/2024-07-09 has 4 paragraphs. [NEWS/2024-07-09 P 4]"
