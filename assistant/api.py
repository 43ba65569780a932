"""The public Python API: `Assistant(**config).ask(question, history) -> Answer`."""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from index import FN, META, OP, PART_NAMES, PARTS, PP, P, Paragraph, label_for, make_encoder, open_store
from index.lexical import CJK_CHAR, terms
from index.links import Link, find_links, series
from index.links import documents as series_documents

from .answer import Answer, Citation, Context, Source
from .brief import Brief, make_brief
from .compare import Change, Comparison, align
from .compose import (
    NO,
    NOT_DEFINED,
    NOT_SAID,
    NOT_SAID_WHY,
    NOT_SO,
    PART_WORDS,
    YES,
    adoption_lead,
    begins_lead,
    carrier_lead,
    change_sentence,
    cite,
    count_lead,
    fact_lead,
    human_date,
    mentions_lead,
    quotation,
    short_symbol,
    used_clauses,
)
from .config import Settings
from .evidence import (
    ASKS_TO,
    DEFINES,
    FACT_PATTERNS,
    REASON,
    Evidence,
    claim_text,
    clause_spans,
    doers,
    fact_in,
    is_deadline,
    long_names,
    new_facts,
    purpose_in,
    select,
    select_by_meaning,
    sentence_spans,
    sentences_about,
    tells_who,
    zh_doer,
)
from .lexicon import ALWAYS_ACRONYMS, MONTHS, SYNONYMS, Lexicon, as_named, contradicts, in_english, table_names
from .limits import MAX_LIST, clean_filters, clean_history, surrogate_problem
from .premise import Premises, covered, deeds, main_version, says
from .references import Reference, document_names, number_of, other_symbols
from .retrieve import Filters, Hit, Matcher, Retriever
from .text import (
    Concept,
    chinese_content,
    concepts,
    content_terms,
    expand,
    names,
    phrase_pairs,
    same_word,
    tokens,
    translated,
)
from .understand import Corpus, Query, described_dates, holds, parts_named, presupposed_deed, understand
from .verify import sentences_with_citations, verified

_LABEL = re.compile(r"^\s*((?:A/RES/)?\d+/\d+|[\w/-]+)\s+(PP|OP|FN|META|P)\s*(\d+)?\s*(?:\((\w+)\))?\s*$", re.I)
# The words that ask for mentions, not the thing mentioned.
_MENTION_WORDS = re.compile(r"\b(which|what|where|paragraphs?|provisions?|parts?|mention(?:s|ed)?|refer(?:s|red)?|"
                            r"cite[sd]?|talks? about|speaks? (?:about|of)|deals? with|address(?:es)?|contain(?:s)?|include[sd]?|list|all|"
                            r"is|are|the|in|operative|preambular)\b|哪些段落|哪几段|哪一段|提到|提及|执行部分|序言部分", re.I)

# Words that ask for the adoption record rather than for something in it.
_ADOPTION_WORDS = re.compile(r"\b(when|what|which|date|day|was|were|is|adopted|adopt|adoption|passed|pass|"
                             r"resolution|record|general|assembly|on|at|in|the|by|under|of|"
                             r"symbol|document number|number)\b", re.I)  # (what kind of fact is asked: not in the record)

# "Who hosted ...?", "Which country sponsored ...?": asks who did it (not "on whose report",
# "whom does it invite", "who was invited")
_THING_ASKED = re.compile(r"^\s*(?:and\s+)?what\s+(?:(?:was|is|were|are|will\s+be)\s+the\s+(?:[a-z]+\s+)?([a-z]+)(?:\s+of\b|\s*\?)"
                          r"|([a-z]+)\s+(?:was|were|is|are|has|have|will|would)\b)"
                          # "What did the conference conclude?", "How much did they cost?": what a thing the
                          # texts only name came to (not what an indexed text itself does: "What does 79/62 propose?")
                          r"|^\s*(?:and\s+)?(?:what|how\s+much)\s+(?:did|does|do|has|have|will|would)\s+"
                          r"(?!(?:it|the\s+(?:resolution|text|article|piece)|(?:the\s+)?(?:GA\s+|General\s+Assembly\s+)?"
                          r"(?:resolution\s+)?(?:A/RES/)?\d+/\d+)\s)[^?]+?\s+"
                          r"(?:actually\s+|really\s+|finally\s+)?(conclude|propose|recommend|find|cover|discuss|achieve|produce|cost)\b"
                          # "What was agreed at the consultations?", "What conclusions came out of them?"
                          r"|^\s*(?:and\s+)?what\s+(?:\w+\s+)?(?:was|were|has\s+been|have\s+been)\s+(agreed|concluded|achieved|recommended)\s+(?:(?:at|in|during|by)\b|there\b|then\b)"
                          r"|^\s*(?:and\s+)?what\s+(?:\w+\s+)?(?:came|comes|resulted)\s+(?:out\s+of|from)\b()"
                          # "What's the programme of work for ...?", "What is the procedure for ...?"
                          r"|^\s*(?:and\s+)?what(?:['’]s|\s+is|\s+was|\s+are|\s+were|\s+will\s+be)\s+the\s+(?:[a-z]+\s+)?([a-z]+)\s+for\b"
                          r"|^\s*(?:and\s+)?what['’]s\s+the\s+(?:[a-z]+\s+)?([a-z]+)(?:\s+of\b|\s*\?)"
                          # "How much are the consultations going to cost?"
                          r"|^\s*(?:and\s+)?how\s+much\s+(?:is|are|was|were|will)\b[^?]*?\b(cost)\b",
                          re.I)
_WHICH_THING = re.compile(r"^\s*(?:and\s+)?(?:which|what)\s+(?:(?!(?:of|on|in|for|to|by|with|about|from|at)\s)[a-z-]+\s+){0,3}?([a-z-]+)\s+"
                          r"(?:is|are|was|were|did|does|do|has|have|had|will|would|could|can|should)\b", re.I)
_TITLE_WORDS = frozenset({"title", "titles", "name"})
_GIVES_TITLE = re.compile(r"\b(?:entitled|titled)\b|[“\"«]")
# "What is the title of 79/62?", "What's it called?", "79/62号决议的标题是什么？" (the resolution named
# is out of the words searched)
_TITLE_ASKED = re.compile(r"^\s*(?:and\s+)?what(?:['’]s|\s+is|\s+was)\s+(?:the\s+(?:(?:full|official|exact)\s+)?(?:title|name)\s+of"
                          r"(?:\s+(?:the|that|this))?(?:\s+(?:resolution|text))?|(?:its|their)\s+(?:(?:full|official|exact)\s+)?(?:title|name)"
                          r"|(?:it|(?:the\s+)?(?:resolution|text))?\s*(?:called|entitled|titled))\s*[?.!]*\s*$"
                          r"|(?:标题|题目|名称|名字)是什么", re.I)
# the title in an adoption record: "Resolution 79/62 (Lethal autonomous weapons systems) was adopted", "第79/62号决议《...》"
_RECORD_TITLE = re.compile(r"^Resolution\s+\S+\s+\(([^)]+)\)|^[^《]{0,20}《([^》]+)》")
# a question asking on which day(s), and a date that gives one
_ASKS_DAY = re.compile(r"\b(?:exact|specific|precise)\s+(?:dates?|days?)\b|\b(?:on\s+)?(?:what|which)\s+(?:exact\s+)?days?\b"
                       r"|\bon\s+(?:what|which)\s+dates?\b|哪一?天|哪两天|几号|几月几日|具体日期", re.I)
_DAY = re.compile(rf"\b\d{{1,2}}(?:\s+(?:and|to|-|–)\s+\d{{1,2}})?\s+(?:{'|'.join(MONTHS)})\b|\d{{1,2}}\s*日")
# what a Chinese question asks a thing came to, and the words a paragraph would say it in
_ZH_THINGS = [(r"结论|成果|结果", r"结论|成果|结果"), (r"多少钱|费用|经费|预算|花费", r"费用|经费|预算|资金|资源"),
              (r"投了?什么票|投票|表决", r"投票|表决")]
# what a thing holds, asked of it: "What's actually in the rolling text?", "What are the elements of ...?"
_CONTENTS_ASKED = re.compile(r"^\s*(?:and\s+)?what(?:['’]s|\s+is|\s+are)\s+(?:actually\s+|really\s+|exactly\s+)?in(?:side)?\s+(.+?)\s*[?.!-]*$"
                             r"|^\s*(?:and\s+)?what\s+(?:are|were|is)\s+the\s+(?:main\s+|key\s+|actual\s+|specific\s+)?"
                             r"(?:elements|contents|components|items)\s+(?:in|of)\s+(.+?)\s*[?.!]*$"
                             # "What does the Chair's rolling text actually contain?" (not of a resolution or the article)
                             r"|^\s*(?:and\s+)?what\s+(?:does|do|did|will)\s+(?!(?:it|they|this|that|the\s+(?:resolution|text|article))\s)"
                             r"((?:(?!\b(?:resolution|article)\b)[^?/])+?)\s+(?:actually\s+|really\s+|exactly\s+)?"
                             r"(?:contain|include|consist\s+of|comprise)\s*[?.!]*$", re.I)
# kinds of a thing asked for: "Which kinds of autonomous weapons would be prohibited?"
_KINDS_OF = re.compile(r"^\s*(?:and\s+)?(?:under\s+[^,]+,\s*)?(?:which|what)\s+(?:kinds?|types?|categories|sorts?|classes)\s+of\s+"
                       r"([a-z][a-z -]*?)\s+(?:would|will|are|is|were|does|do|did|can|could|should|must)\b", re.I)
# a resolution's place in a sequence: "the first UNGA resolution on AI"
_ORDINALS = r"first|second|third|last|latest"
# a purpose asked for, which a clause's "with a view to ..." gives
_PURPOSE_ASKED = re.compile(r"\b(?:why|purpose|aim|aims|goal|end|what\s+for|for\s+what)\b|为什么|为何|目的|为了", re.I)
# words for any thing at all, said in other words where it is answered ("What role ...?": "a positive role")
# "How will the item be voted on?", "How are the consultations funded?": how a deed is done
_HOW_DONE = re.compile(r"^\s*(?:and\s+)?how\s+(?:will|would|is|are|was|were|can|could|should|shall)\s+[^?]{1,60}?\s+(?:be\s+)?"
                       r"([a-z]{3,}(?:ed|en))\b", re.I)
# kinds whose members are asked for by name: "Which countries ...?", "Which non-State actors ...?"
_NAMED_KINDS = frozenset("actors countries states nations organizations organisations entities companies governments "
                         "donors sponsors delegations".split())
_ANY_THING = frozenset("""kind kinds type types sort sorts part parts thing things role roles position positions
    names symbol number purpose purposes aim aims goal status content contents text wording language
    meaning point points issue issues aspect aspects step steps action actions measure measures message
    one ones official officials person persons people""".split())
_WHO_VERB = re.compile(r"^\s*(?:and\s+)?(?:who|(?:which|what)\s+(?:[a-z-]+\s+){0,2}?(?:states|countries|nations|organi[sz]ations|"
                       r"delegations|governments|members|participants|groups))\s+"
                       r"(?:(?:in|from|at)\s+the\s+(?:news\s+)?(?:article|piece|report|text)\s+)?"
                       r"(?:(?:have|has|had)\s+(?=[a-z]+ed\b))?"  # "Which Member States have joined ...?"
                       # "Who will chair the consultations?": a deed to come, its verb bare
                       r"(?:(?:will|would|shall|is\s+going\s+to|are\s+going\s+to)\s+(?!be\b|have\b|take\s+part\b)(?=[a-z]+\b))?"
                       r"(?!is\b|was\b|has\b|does\b|besides\b)((?<=will )[a-z]+|(?<=would )[a-z]+|(?<=shall )[a-z]+|(?<=to )[a-z]+|"
                       r"[a-z]+(?:ed|s)|wrote|led|made|gave|took|chose|drew|ran|held|sent|"
                       r"won|met|brought|built|sought|paid|set|put)\b", re.I)
# what a question says happened to a provision between two resolutions
_KEPT = r"still|keep|keeps|kept|retain|retains|retained|maintain|maintains|continue|continues"
_DROPPED = r"drop|drops|dropped|remove|removes|removed|omit|omits|omitted|delete|deleted|no longer"
_ADDED = r"add|adds|added|introduce|introduces|introduced"
_PRESUMED_CHANGE = re.compile(rf"^\s*(?:and\s+)?(?:why|how|what(?:\s+\w+){{0,2}}\s+(?:did|does|has|have))\b.*\b(?:{_DROPPED}|{_ADDED}|{_KEPT}|change|changes|changed|"
                              r"harden|hardened|soften|softened|strengthen|strengthened|weaken|weakened)\b", re.I)
# the words of a question saying what happened to a provision, not what the provision says
_CHANGE_WORDS = re.compile(rf"\b(?:{_DROPPED}|{_KEPT}|{_ADDED}|"
                           r"(?:the\s+)?(?:reference|references|language|mention|wording|words?)\s+(?:to|on|of|about))\b", re.I)
_WHO_IS_NAMED = re.compile(r"^\s*(?i:and\s+)?(?i:who\s+(?:is|was)\s+(?:the\s+)?)(?:[A-Z][\w.-]*\s+)*[A-Z][\w-]*\b(?!\s+of\b)")
# A list asked for: "哪些风险？", "What risks does 80/57 list?", "the three reasons the article gives"
# (not every English "What risks ...?": keeping those lists whole cost a test fact and the
# single-fact word median)
_LISTING = re.compile(r"哪些|\b(?:list|lists|listed|enumerates?|enumerated|spells? out)\b"
                      r"|\bthe\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+[a-z]+s\b"
                      r"|\b(?:two|three|four|five|six)\s+(?:main\s+|key\s+|principal\s+)?(?:reasons|points|aims|goals|ways|"
                      r"factors|objectives|priorities|things)\b", re.I)
_ZH_WHO_IS_ROLE = re.compile(r"(主席|秘书长|主任|总干事|大使|作者|负责人|主持人)(?:是谁|是哪一?位|叫什么|的名字|的姓名)"
                             r"|(?:由谁|谁)(?:担任|出任|当)(主席|秘书长|主任|总干事|大使|负责人|主持人)")
# "What is Ambassador Fu's full name?": more of a name than the question gives
_FULL_NAME = re.compile(r"\b(?:full|first|given|whole|complete)\s+name\b", re.I)
# what a text is asked to say something about: "What did the March resolution say about autonomous weapons?"
_SAY_ABOUT = re.compile(r"(?:^|[,:;-]\s*)what\s+(?:does|did|do)\b.{1,80}?\b(?:say|says|said|state|states|stated)\s+(?:about|on|regarding)\s+(.+?)\s*[?.!]*$", re.I)
# "What does CCW stand for?", "the full title of the Convention on Certain Conventional Weapons"
_STANDS_FOR = re.compile(r"^\s*what\s+(?:does|do|is)\s+(?:the\s+)?([A-Za-z]{2,6})\s+(?:stand\s+for|short\s+for)\b"
                         r"|\b(?:full|complete|official|whole)\s+(?:name|title)\s+of\s+(?:the\s+)?([A-Za-z][\w\s-]{1,80}?)\s*[?.!]*$"
                         r"|\b((?-i:[A-Z]{2,6}))['’]s\s+(?:full|complete|official|whole)\s+(?:name|title)\b", re.I)
# "Who does 79/62 ask to facilitate ...?": the one the paragraph asks to do it
_WHO_ASKED = re.compile(r"^\s*(?:and\s+)?whom?\s+(?:does|did|do)\s+.{0,40}?\b(?:ask|request|invite|call\s+(?:up)?on|urge|encourage)\s", re.I)
# "Which perspectives ...?": the kind of thing a list is asked for by
_KIND_ASKED = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?([a-z]{4,}s)\b", re.I)
_PERSON = re.compile(r"\b(?:Ambassador|Mr|Ms|Mrs|Dr|Professor|Minister)\.?\s+[A-Z]")
_TITLE = re.compile(r"(?:Ambassador|Mr|Ms|Mrs|Dr|Professor|President|Chair|Minister|Director-General|Secretary-General)\.?$")
# What a document decided, recommended or concluded: its content, which a mention of it does not give
_CONTENT_ASKED = re.compile(r"\b(?:did|does|do|will)\b.{0,80}?\b(decide|request|recommend|propose|conclude|find|classify|establish|urge)\b|"
                            r"\b(recommendations?|conclusions?|findings?|proposals?|decisions?)\b", re.I)
# a question having the General Assembly adopt a resolution
_GA_ADOPTS = re.compile(r"\b(?:General\s+Assembly|UNGA|GA|the\s+Assembly)\b[^?]{0,60}\badopt|\badopted\s+by\s+the\s+(?:General\s+)?Assembly\b", re.I)
# "Who is the Chair of the Group?", "What's the name of the Secretary-General ...?": the holder of
# a role, which a paragraph naming the role alone does not give
_WHO_IS_ROLE = re.compile(r"^\s*(?:and\s+)?(?:who(?:\s+(?:is|was)|['’]s)\s+(?:currently\s+)?the|what(?:'s|\s+is|\s+was)\s+the\s+(?:full\s+)?name\s+of\s+the)"
                          r"\s+(?:current\s+|present\s+)?([a-z][\w-]*)\b", re.I)
_WHO_DID = re.compile(r"^\s*(?:and\s+)?(?:who|which\s+[a-z]+(?:\s+(?!(?:was|were|is|are|does|did|do|besides)\b)[a-z]+)?)\s+"
                      r"(?!was\b|were\b|is\b|are\b|does\b|did\b|do\b)[a-z]+(?:ed|s)\b", re.I)
_BESIDES_ETC = re.compile(r"\b(?:besides|other than|apart from|except|aside from|before|after|another|else)\b", re.I)
_MENTIONED_IN = re.compile(r"\b(?:mentioned|recalled|noted|cited|referred to)\s+(?:in|by)\b|提到的|提及的|回顾的", re.I)
_ZH_ADOPTION_WORDS = re.compile(r"通过|决议|哪天|哪一天|何时|什么时候|日期|大会|联大")
FURTHER = 0.8  # share of min_support a "what else" follow-up needs
SAID_ABOUT = 0.5  # share of "what does X say about Y?"'s Y (the words the texts know) its answer must express
NAMED_ONLY_HERE = 0.7  # share of min_support enough for the one paragraph holding the question's names
BESIDES_WHOLE = 80  # words: "what other ... besides X" quotes a paragraph this short whole
TRANSLATED = 0.85  # share of its support a paragraph found through the Chinese word table keeps
NEAR_BEST = 0.75  # share of the best support a paragraph needs to answer in its place
DISCUSSED_BONUS = 0.15  # support added to a paragraph the turn before cited, for a follow-up
ANSWER_TYPE_BONUS = 0.2  # a paragraph holding what a when/where/how-long question asks for
ABSTAIN = {
    "en": "The indexed texts do not answer this question.",
    "zh": "所收录的文本没有回答这个问题。",
}
RELATED = {"en": "Nearest paragraphs (related, not support): ", "zh": "最接近的段落（仅供参考，不作为依据）："}
ENGLISH_ONLY = "（第{sym}号决议没有中文文本，以下引自英文文本。）"
ENGLISH_ONLY_OTHER = "（该文件没有中文文本，以下引自英文文本。）"  # an article, a report: not a resolution


class QuestionError(ValueError):
    """The question (or a filter) cannot be used; the message says why."""


class Assistant:
    """Grounded question answering over the indexed resolutions.

    `Assistant(**config)` opens the store (building it on first use); any field of
    `Settings` may be passed, e.g. `Assistant(embedding="minilm")`.
    """

    def __init__(self, progress: Callable[[str], None] | None = None, **config):
        self.settings = Settings.load(**config)
        encoder = make_encoder(self.settings.embedding)
        # Load the model's weights while the store opens: the two take about as long.
        threading.Thread(target=_quietly(encoder.load), daemon=True).start()
        self._progress = progress or (lambda msg: None)
        self._attach(open_store(
            self.settings.store_dir,
            self.settings.seeds_dir,
            encoder,
            chroma_url=self.settings.chroma_url or None,
            progress=self._progress,
        ))

    def _attach(self, store) -> None:
        """Use `store`: everything derived from its paragraphs is computed here, then swapped in
        at once (after `add`, questions in flight on other threads see the old or the new state)."""
        retriever = Retriever(store, self.settings.dense_weight, self.settings.lexical_weight)
        resolutions = {d.doc: d.date for d in store.corpus.docs if d.is_resolution}
        lexicon = Lexicon(retriever.idf, [p.text for p in store.paragraphs])
        # One entry per document; the English entry's title where there are several languages.
        docs = {d.doc: d for d in sorted(store.corpus.docs, key=lambda d: d.lang == "en")}
        self.__dict__.update(
            store=store,
            retriever=retriever,
            docs=docs,
            resolutions=resolutions,
            _title_terms={doc: set(tokens(d.title)) for doc, d in docs.items()},
            by_key={p.key: p for p in store.paragraphs},
            _comparisons={},
            _doc_words={},
            _languages={(d.doc, d.lang) for d in store.corpus.docs},
            _by_label={p.label: p for p in store.paragraphs},
            premises=Premises(retriever, lexicon),
            # a question's concepts, read once however many paragraphs are checked against them
            _matcher_of=lru_cache(maxsize=64)(lambda search: retriever.matcher(concepts(search, lexicon))),
            lexicon=lexicon,
            corpus=Corpus(resolutions, lexicon, self._series_of),
        )
        # Found on first use from the paragraphs: found again for the new ones.
        self.__dict__.pop("_links", None)
        self.__dict__.pop("_series_docs", None)
        self.__dict__.pop("_carrying", None)

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, label: str) -> Paragraph:
        """Look up "A/RES/79/62 OP 4" (or "79/62 OP 4", "A/RES/79/62 OP 4 (zh)")."""
        m = _LABEL.match(label)
        if not m:
            raise QuestionError(f"not a paragraph reference: {label!r} (try \"A/RES/79/62 OP 4\")")
        doc, part, number, lang = m.group(1), m.group(2).upper(), m.group(3), (m.group(4) or "en").lower()
        if re.fullmatch(r"\d+/\d+", doc):
            doc = f"A/RES/{doc}"
        doc = next((d for d in self.docs if d.lower() == doc.lower()), doc)
        key = (doc, lang, part, int(number) if number else None)
        if key not in self.by_key:
            raise QuestionError(f"no paragraph {label_for(*key)} in the indexed texts")
        return self.by_key[key]

    def versions(self, p: Paragraph) -> list[Paragraph]:
        """The same provision in the corpus's other languages."""
        return [v for lang, v in sorted(self.retriever.by_provision[p.provision].items()) if lang != p.lang]

    def footnotes(self, p: Paragraph) -> list[Paragraph]:
        return [self.by_key[k] for n in p.footnotes if (k := (p.doc, p.lang, FN, n)) in self.by_key]

    def documents(self) -> list[dict]:
        """Each indexed document: symbol, title, kind, date and the languages it has."""
        langs: dict[str, list[str]] = {}
        for d in self.store.corpus.docs:
            langs.setdefault(d.doc, []).append(d.lang)
        return [{"doc": d.doc, "title": d.title, "kind": d.kind, "date": d.date, "langs": sorted(langs[d.doc])}
                for d in self.docs.values()]

    def paragraphs_of(self, doc: str, lang: str = "en") -> list[Citation]:
        """A document's paragraphs in reading order: preamble, operative part, footnotes, record."""
        order = {"META": 0, "PP": 1, "P": 1, "OP": 2, "FN": 3}
        found = [p for p in self.store.paragraphs if p.doc == doc and p.lang == lang]
        if not found:
            raise QuestionError(f"no document {doc} in language {lang!r}")
        return [Citation.of(p) for p in sorted(found, key=lambda p: (order[p.part], p.number or 0))]

    def source(self, p: Paragraph, used: str = "") -> Source:
        """What a reader needs to check paragraph `p`; `used` is the answer text that cites it."""
        seed = self.docs[p.doc]
        where = PART_NAMES[p.part] + ("" if p.number is None else f" {p.number}")
        when = self.by_key.get((p.doc, "en", "META", None)) or self.by_key.get((p.doc, p.lang, "META", None))
        date = (when.fields.get("adopted") or when.fields.get("issued") or seed.date) if when else seed.date
        return Source(
            Citation.of(p),
            title=f"{where} of {p.doc}, {seed.title} ({human_date(date)})",
            reference=f"{p.doc}, {where}" + ("" if p.lang == "en" else f" ({p.lang})"),
            highlights=used_clauses(p.text, used) if used else [],
            footnotes=[Citation.of(f) for f in self.footnotes(p)],
            versions=[Citation.of(v) for v in self.versions(p)],
            secondary=not seed.is_resolution,
        )

    def sources(self, answer: Answer) -> list[Source]:
        """The cited paragraphs of an answer (for an abstention, the related ones), each with
        the clauses the answer drew on highlighted."""
        if answer.citations:
            return [self.source(self.by_key[(c.doc, c.lang, c.part, c.number)], _citing(answer.answer, c.label))
                    for c in answer.citations]
        return [self.source(self.by_key[(c.doc, c.lang, c.part, c.number)]) for c in answer.contexts[:3]
                if (c.doc, c.lang, c.part, c.number) in self.by_key]

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two texts under the store's embedding model."""
        ea, eb = self.store.embed([a, b])
        return float(ea @ eb)

    # ------------------------------------------------------------------ questions

    def ask(
        self,
        question: str,
        history: list[Answer] | None = None,
        *,
        doc: str | list[str] | None = None,
        lang: str | None = None,
        part: str | list[str] | None = None,
    ) -> Answer:
        """Answer `question` from the indexed texts, with citations, or abstain.

        `history` holds the earlier answers of the conversation, oldest first; `doc`,
        `lang` and `part` restrict which paragraphs may be used. The question goes through
        the stages in order: understand, retrieve, select, compose, verify.
        """
        question = self._check(question)
        filters = self._filters(*clean_filters(doc, lang, part))
        history = clean_history(history, self.settings)
        query = understand(question, history, self.corpus)
        if not query.parts:
            return self._answer(query, filters)
        answers = [self._answer(q, Filters(list(filters.docs), filters.lang, list(filters.parts))) for q in query.parts]
        answered = [a for a in answers if not a.abstained] or answers[:1]
        citations = list({c.label: c for a in answered for c in a.citations}.values())
        contexts = list({(c.doc, c.lang, c.part, c.number): c for a in answers for c in a.contexts}.values())
        # each part's sentences, once: "Where ... and for how long?" quotes OP 9 for both parts
        seen: set[tuple] = set()
        pieces = []
        for a in answered:
            for sentence, labels in sentences_with_citations(a.answer):
                if labels and (sentence, tuple(labels)) in seen:
                    continue
                seen.add((sentence, tuple(labels)))
                pieces.append(cite(sentence, labels) if labels else sentence)
        return Answer(question, " ".join(pieces), all(a.abstained for a in answers),
                      query.lang, citations, contexts, "compound", "")

    def _answer(self, query: Query, filters: Filters) -> Answer:
        """One question (or one part of a compound question) through retrieve, select,
        compose and verify."""
        if query.ref.relative == "previous" and not query.docs and not filters.docs:
            text = {"en": "No earlier resolution of the same series is indexed, so the indexed texts do not answer "
                          "this question. Indexed: " + ", ".join(sorted(self.docs)) + ".",
                    "zh": "所收录的文本中没有同一系列的更早决议。所收录的文本：" + ", ".join(sorted(self.docs)) + "。"}[query.lang]
            return Answer(query.asked or query.question, text, True, query.lang, [], [], query.intent, "")
        unknown = self._not_indexed(query)
        # "When was HRC resolution 51/22, mentioned in 79/62, adopted?": the mention says
        if unknown and (not query.docs or (query.intent == "adoption" and _MENTIONED_IN.search(query.question))):
            if query.docs and not filters.docs:
                filters.docs = list(query.docs)
            return self._mentioned(query, unknown, filters)
        if self._names_unknown(query.search):
            if query.docs and not filters.docs and query.intent == "yes-no":
                filters = Filters(list(query.docs), filters.lang, list(filters.parts))
            hits, match = self._retrieve(query, filters)
            contexts = [self._context(h, query.lang, filters) for h in hits[: self.settings.top_k]]
            # "Was 79/62 adopted on the report of the Sixth Committee?", "在日内瓦举行的协商为期几天？",
            # "Which three-day session in Geneva did 79/62 set up?": what they say of the rest, if anything
            if hits and (query.intent == "yes-no" or query.lang == "zh" or hits[0].support >= self.settings.min_support):
                return self._not_said(query, hits, match, contexts, filters)
            return self._abstain(query.asked or query.question, query.lang, hits, contexts, filters)
        if query.stated and query.intent != "yes-no":
            # "79/62 asks the Secretary-General to draft a treaty. What's the deadline?": the
            # statement is asked first, as a yes-no question; "No" answers the whole
            claim = understand(query.stated, [], self.corpus)
            # (a statement of an adoption is checked against the record: "79/62 was adopted on ...")
            checked = self._answer(replace(claim, intent="adoption" if claim.intent == "adoption" else "yes-no", polar=True,
                                           asked=query.asked or query.question),
                                   Filters(list(filters.docs), filters.lang, list(filters.parts)))
            if checked.verdict == "no":
                return checked
        if query.docs and not filters.docs and query.intent != "compare":
            if query.inherited:  # "Where were they held?": the consultations may be another text's
                within = self._answer(replace(query, inherited=False), Filters(list(query.docs), filters.lang,
                                                                              list(filters.parts)))
                if not within.abstained and within.verdict != "no":
                    return within
                anywhere = self._answer(replace(query, inherited=False, ref=replace(query.ref, docs=[])), filters)
                return within if anywhere.abstained or anywhere.verdict == "no" else anywhere
            filters.docs = list(query.docs)
        if query.place_part in (OP, PP) and not filters.parts:  # "Which preambular paragraph lists ...?"
            within = self._answer(query, Filters(list(filters.docs), filters.lang, [query.place_part]))
            if not within.abstained or query.lang != "en":
                return within
            # "In which operative paragraph does 79/62 affirm ...?" where a preambular one does
            other = PP if query.place_part == OP else OP
            found = self._answer(replace(query, place_part=None), Filters(list(filters.docs), filters.lang, []))
            if found.abstained or found.verdict == "no" or found.citations[0].part != other:
                return within
            lead = NO["en"] + f"no {PART_WORDS['en'][query.place_part][:-1]} says so; the indexed texts say it in the {PART_WORDS['en'][other][:-1]} that follows."
            return replace(found, answer=f"{lead} {found.answer}", verdict="no")
        if query.in_article and not query.docs and not filters.docs:
            filters.docs = [d for d in self.docs if d not in self.resolutions]
        if query.intent == "quote":
            return self._quote_reference(query, filters)
        # "What does CCW stand for?" (not a person's full name: "Ambassador Fu's")
        if query.lang == "en" and not _PERSON.search(query.question) and (m := _STANDS_FOR.search(query.question)) \
                and (spelt := self._spelt_out(next(g for g in m.groups() if g), filters)):
            return spelt
        if query.intent == "count":
            return self._count(query, filters)
        if _TITLE_ASKED.search(query.search) and (named := [d for d in query.docs if d in self.resolutions]):
            return self._title(query, named, filters)
        # A structural reading that finds nothing ("which session" of an agenda decision, not
        # of the adoption) gives way to an ordinary search rather than a refusal.
        if query.intent in ("mentions", "adoption"):
            answer = (self._mentions if query.intent == "mentions" else self._adoption)(query, filters)
            # ... unless it asks of a named resolution's adoption what its record does not say;
            # a resolution described, not named ("the first UNGA resolution on AI"), may be
            # one an article reports
            named = [d for d in query.docs or filters.docs if d in self.resolutions]
            if not answer.abstained or (named and re.search(r"\b(adopt\w*|pass(ed)?|vot\w+)\b|通过", query.question, re.I)):
                return answer
            query = replace(query, intent="yes-no" if query.polar else "fact")

        hits, match = self._retrieve(query, filters)
        contexts = [self._context(h, query.lang, filters) for h in hits[: self.settings.top_k]]
        if (otherwise := self._ordinal_otherwise(query, filters)) is not None:
            # "What made the 25 June resolution the first on AI?" where the article says the March one was
            p, (a, b) = otherwise
            return self._finish(query, [NO[query.lang] + NOT_SO[query.lang]]
                                + self._quoted(Evidence(p, ((a, b),)), query.lang), contexts, filters, "no")
        if query.place_part == FN and (found := self._footnote_of(hits)):
            # "Which footnote gives the symbol of the report?": the footnote of the paragraph that
            # speaks of it (a footnote has too few words of its own to be found by them)
            carrier, note = found
            return self._finish(query, [carrier_lead(carrier, note.number or 0, query.lang)]
                                + self._quoted(select(self._version(Hit(note.provision, self.retriever.by_provision[note.provision]),
                                                                   query.lang, filters), match, None, whole=True), query.lang),
                                contexts, filters)
        # "in that paragraph" points at the evidence: no threshold second-guesses the user.
        # "What else?" asks for more of a topic the conversation has established: a lower bar.
        pointed = query.in_discussed or (query.intent == "compare" and bool(query.discussed))
        # ... and so does a follow-up whose best paragraph is the one the turn before cited ("What
        # did he say about the US?" after a question about the article's Fu)
        further = query.exclude or (query.follow_up and bool(hits) and hits[0].provision in query.discussed)
        floor = 0.0 if pointed else self.settings.min_support * (FURTHER if further else 1.0)
        if hits and hits[0].support < floor and self._named_only_here(query, hits):
            floor *= NAMED_ONLY_HERE
        if not hits or hits[0].support < floor:
            if query.intent in ("yes-no", "why") and hits:
                return self._not_said(query, hits, match, contexts, filters)
            return self._abstain(query.asked or query.question, query.lang, hits, contexts, filters)
        # The answer comes from a paragraph that holds the question's names and numbers and,
        # for "when", "where" and the like, a fact of that kind the question does not state.
        # ... among paragraphs nearly as close to the question as the best: a date elsewhere in
        # the texts does not answer "When in 2025 will the consultations be held?"
        near = max(floor, NEAR_BEST * hits[0].support) if hits else floor
        deed = presupposed_deed(query.question) if query.lang == "en" and query.intent == "fact" else None
        answering = [h for h in hits[: self.settings.top_k]
                     if h.support >= near and self._answers(query, h) and self._speaks_of_thing(query, h)
                     and (deed is None or self._speaks_of_deed(deed, h))]
        # "Does 79/62 mention the CCW or the GGE?": an "or" that names no choice the paragraph
        # settles (both, or neither) is a yes-no question after all
        if query.choice and (not answering or self._chosen(query, main_version(answering[0].versions)) is None):
            return self._answer(replace(query, intent="yes-no", choice=None), filters)
        if not answering:
            # ("Who signed the instrument in 2025?": what it says was done, the texts do not say)
            if query.intent in ("yes-no", "why") or self._misnumbered(query, hits[0]) or deed or (
                    (m := _WHO_VERB.match(query.question)) and m.group(1).lower().endswith("ed")):
                return self._not_said(query, hits, match, contexts, filters)
            return self._abstain(query.asked or query.question, query.lang, hits, contexts, filters)
        if query.also_asks:  # "when and where": a paragraph that says both first
            both = [h for h in answering if self._answers(replace(query, asks=query.also_asks), h)]
            answering = _first(both, answering)
        hits = _first(answering, hits)
        # "What do 79/62 and 80/57 say about ...?", "Do both ... mention ...?": each named
        # resolution answers from its own best paragraph, and a claim must hold in each.
        each = [next((h for h in hits if h.provision[0] == d and h.support >= floor and self._answers(query, h)), None)
                for d in query.docs] if len(query.docs) > 1 and query.intent in ("fact", "yes-no", "why") else []
        # "What did Fu, currently director-general, say?", "Why did the US ambassador Fu thank China?"
        # ... "When in December 2023 did Sierra Leone host ...?"
        if self.premises.outdated(query, hits[0]) or self.premises.misattributed(query, hits[0]) \
                or (query.intent == "fact" and self.premises.apart(query, hits[0])):
            return self._not_said(query, hits, match, contexts, filters, lead=NO[query.lang] + NOT_SO[query.lang])
        if query.item:  # "When was the second one held?": what it takes for granted, the conversation set
            pass
        elif query.claims and each:
            held = [h is not None and self.premises.holds(query, h) for h in each]
            if not all(held):
                missing = query.docs[held.index(False)]
                rest = [h for h in hits if h.provision[0] == missing] or hits
                return self._not_said(query, rest, match, contexts, filters)
        elif query.intent == "fact" and self.premises.reversed_order(query, hits[0]):
            return self._not_said(query, hits, match, contexts, filters, lead=NO[query.lang] + NOT_SO[query.lang])
        elif contrary := self.premises.contrary(query, hits[0]):  # "the reason for the US voting against" what it "endorsed"
            p = self._version(hits[0], query.lang, filters)
            return self._finish(query, [NO[query.lang] + NOT_SO[query.lang]]
                                # (the clause saying otherwise stays, and with it what the question names:
                                # "kept out" against "open to ... including the scientific community and industry")
                                + self._quoted(select(p, match, None, names=[[[w]] for w in contrary]), query.lang),
                                contexts, filters, "no")
        elif (query.presumes and self.premises.refuted(query, hits[0])) or \
                ((query.claims or query.presumes) and self.premises.other_agents(query, hits[0])):
            return self._not_said(query, hits, match, contexts, filters)
        elif query.negated:  # "Why does 79/62 not mention the CCW?": "No." if it does
            if not self.premises.holds(query, hits[0]):
                return self._not_said(query, hits, match, contexts, filters, why=True)
            p = self._version(hits[0], query.lang, filters)
            return self._finish(query, [cite(NO["zh"] if query.lang == "zh" else "No.", [p.label])]
                                + self._quoted(select(p, match, None, names=query.required), query.lang),
                                contexts, filters, "no")
        elif (query.claims or self._who_claims(query, hits[0])) and not self.premises.holds(query, hits[0]):
            return self._not_said(query, hits, match, contexts, filters)
        elif query.defines and not any(DEFINES.search(v.text) for v in hits[0].versions.values()):
            # "How does 79/62 define a lethal autonomous weapon?": a paragraph using the term defines nothing
            return self._not_said(query, hits, match, contexts, filters, lead=NOT_DEFINED[query.lang])
        elif query.intent == "why" and not any(REASON.search(v.text) for v in hits[0].versions.values()):
            # a reason is what "why" asks; a paragraph stating the fact gives none
            return self._not_said(query, hits, match, contexts, filters, why=True)
        # "Is that wording different from 79/62?": the paragraph just discussed, compared
        discussed = [h for h in hits if h.provision in query.discussed] if query.follow_up else []
        change = self._change_for(_first(discussed, hits), query.ref, filters) if query.intent == "compare" else None
        if change:
            return self._changed(query, change, contexts, filters)
        chosen = [h for h in each if h] if each and all(each) else self._choose(hits, query)
        sentences: list[str] = []
        if query.intent == "yes-no":
            sentences.append(cite(YES[query.lang], [self._version(chosen[0], query.lang, filters).label]))
        for i, h in enumerate(chosen):
            p = self._version(h, query.lang, filters)
            read_as = self.retriever.matcher(translated(query.search)[0]) if query.lang == "zh" and p.lang == "en" else None
            if read_as is not None and read_as.about and not query.whole:  # the question's words in English
                ev = select(p, read_as, query.asks, broad=query.asks is None or query.asks == "who", names=query.required,
                            purpose=bool(_PURPOSE_ASKED.search(query.question)))
            elif query.lang != p.lang and not query.whole:  # no word in common: clauses by meaning
                ev = select_by_meaning(p, self._clause_similarity(query.question, p))
            else:
                # "Apart from an arms race, what other risks ...?": the clause saying it is not the
                # answer; the rest of its list is (a paragraph of a few lines, whole)
                chosen_by = self.retriever.matcher(concepts(query.besides_removed, self.lexicon)) if query.besides else match
                whole = query.whole or (bool(query.besides) and len(p.text.split()) <= BESIDES_WHOLE)
                ev = select(p, chosen_by, query.asks, broad=query.asks is None or query.asks == "who", whole=whole,
                            names=query.required, listing=bool(_LISTING.search(query.question)),
                            kind=set(tokens(m.group(1))) if (m := _KIND_ASKED.search(query.question)) else set(),
                            purpose=query.intent == "why" or bool(_PURPOSE_ASKED.search(query.question)))
            notes = self._footnotes_for(p, query, match) if i == 0 else []
            if i == 0 and (lead := self._chosen(query, p)):
                sentences.append(lead)
            elif i == 0 and query.intent == "why" and query.lang == "en" and p.lang == "en" and (purpose := purpose_in(ev)):
                sentences.append(fact_lead(purpose, ev))  # "For the purpose of complementarity and ..."
            if i == 0 and query.intent == "fact":
                # the fact asked for, from the paragraph or else from a footnote it carries
                for asks in filter(None, (query.asks, query.also_asks)):
                    found = [(fact, e) for e in [ev] + notes
                             if (fact := fact_in(e, asks, match, query.deadline, query.required))]
                    sentences += [fact_lead(*found[0])] if found else []
                if query.asks == "who" and query.lang == "zh" and p.lang == "zh" and (who := zh_doer(p.text, query.question)):
                    sentences.append(cite(f"{who}。", [p.label]))  # "军事领域负责任人工智能峰会是哪个国家主办的？" -> "大韩民国。"
                if query.asks == "who" and query.lang == "en" and _WHO_ASKED.match(query.question) \
                        and len(named := list(dict.fromkeys(m.group(1) for m in re.finditer(ASKS_TO, p.text)))) == 1:
                    sentences.append(cite(named[0][:1].upper() + named[0][1:] + ".", [p.label]))  # "The Secretary-General."
                if query.asks == "who" and query.lang == "en" and _WHO_DID.match(query.question) \
                        and not _BESIDES_ETC.search(query.question) and (who := self._who(query, match, p)):
                    sentences.append(who)  # "Who hosted ... in December 2023?" -> "The Philippines."
                if query.asks == "who" and query.lang == "zh" and p.lang == "en" and read_as is not None and read_as.about \
                        and (who := self._who(replace(query, required=[]), read_as, p)):
                    sentences.append(who)  # "... 是哪个国家提出的？" of the article, in its words: "The PRC."
            sentences += self._quoted(ev, query.lang)
            for note in notes:
                sentences += self._quoted(note, query.lang)
        verdict = "yes" if query.intent == "yes-no" else ""
        return self._finish(query, sentences, contexts, filters, verdict)

    def _finish(self, query: Query, sentences: list[str], contexts: list[Context], filters: Filters,
                verdict: str = "") -> Answer:
        """Verify the composed sentences; cite what survives; abstain if nothing does."""
        cited = {lab: self._by_label[lab] for s in sentences for _, labels in sentences_with_citations(s)
                 for lab in labels if lab in self._by_label}
        text = " ".join(verified(sentences, cited))
        labels = list(dict.fromkeys(lab for _, labels in sentences_with_citations(text) for lab in labels))
        if not labels:
            return self._abstain(query.asked or query.question, query.lang, [], contexts, filters)
        citations = [Citation.of(cited[lab]) for lab in labels]
        return Answer(query.asked or query.question, text, False, query.lang, citations, contexts, query.intent, verdict)

    def _who(self, query: Query, match: Matcher, p: Paragraph) -> str | None:
        """The names the paragraph gives as doing what the question asks who did, of the item
        holding what else the question says: a lead of a few names, or none."""
        have = terms(p.text)
        # what else the question says that the paragraph says too, to tell its items apart (not
        # the kind of answer it wants: "Which countries ...?")
        kind = set(tokens(m.group(1))) if (m := re.search(r"\b(?:which|what|whose)\s+(\w+)", query.question, re.I)) else set()
        said = [c for c in match.about if any(all(t in have for t in alt) for alt in c) and not kind & {t for alt in c for t in alt}]
        for c, verb in deeds(match.about, query.required):
            if verb & kind:
                continue
            found = doers(p.text, verb, [])  # one doer named is the one; of several, the item's
            if len(found) > 1:
                found = doers(p.text, verb, query.required + [x for x in said if x is not c])
            # never one the question names itself ("Who besides the Philippines ...?")
            found = [f for f in found if not set(tokens(f)) & set(tokens(query.question))]
            if 0 < len(found) <= 3:
                # "the PRC": as the text spells it out where it defines it ("the People's Republic of
                # China (PRC)"), that paragraph cited too
                spelt = [self._spelt_out_in(p.doc, f) for f in found]
                names = " and ".join(full or f for full, f in zip((s[0] if s else None for s in spelt), found))
                labels = list(dict.fromkeys([p.label] + [s[1] for s in spelt if s]))
                return cite(names[:1].upper() + names[1:] + ".", labels)
        return None

    def _ordinal_otherwise(self, query: Query, filters: Filters) -> tuple[Paragraph, tuple[int, int]] | None:
        """A question calling a resolution it describes by its month "the first" (or second,
        last ...) resolution of a kind, where a sentence of the texts gives that place to a
        resolution of another month, or another place to one of that month: that sentence."""
        if query.lang != "en" or query.intent not in ("fact", "why", "yes-no") or \
                not (m := re.search(rf"\b({_ORDINALS})(?:-ever)?\b(?:\s+[\w'’-]+){{0,4}}?\s+resolution", query.question, re.I)):
            return None
        months = {x.lower() for x in re.findall(rf"\b(?:{'|'.join(MONTHS)})\b", query.question)}
        if not months:
            return None
        for p in self.store.paragraphs:
            if p.lang != "en" or not filters.admits_provision(p):
                continue
            for a, b in sentence_spans(p.text):
                sentence = p.text[a:b]
                said = re.search(rf"\b({_ORDINALS})\b(?:\s+[\w-]+){{0,4}}?\s+resolution", sentence, re.I)
                dated = {x.lower() for x in re.findall(rf"\b(?:{'|'.join(MONTHS)})\b", sentence)}
                if not said or not dated:
                    continue
                same = said.group(1).lower() == m.group(1).lower()
                if (dated & months and not same) or (not dated & months and same):
                    return p, (a, b)
        return None

    def _spelt_out_in(self, doc: str, name: str) -> tuple[str, str] | None:
        """An abbreviation ("the PRC") as `doc` spells it out where it defines it, and that
        paragraph's label: ("the People’s Republic of China (PRC)", "NEWS/2024-07-09 P 1")."""
        if not (m := re.fullmatch(r"(?:the\s+)?([A-Z]{2,6})", name)) or not (full := self.lexicon.defined(m.group(1))):
            return None
        defined = f"{full} ({m.group(1)})"
        return next(((name.replace(m.group(1), defined), q.label) for q in self.store.paragraphs
                     if q.doc == doc and q.lang == "en" and defined in q.text), None)

    def _chosen(self, query: Query, p: Paragraph) -> str | None:
        """Of a choice ("by a vote or by consensus?"), the one alternative the paragraph says, as
        a lead ("By consensus."); none when it says both or neither."""
        held = [c for c in query.choice or () if self._says_choice(c, p.text)]
        return cite(held[0][:1].upper() + held[0][1:] + ".", [p.label]) if len(held) == 1 else None

    def _says_choice(self, alternative: str, text: str) -> bool:
        """Whether `text` says one alternative of a choice ("by consensus", "under the CCW"):
        all its concepts, or, of one the index keeps no word of ("by the General Assembly"),
        its words as they stand."""
        match = self.retriever.matcher(concepts(alternative, self.lexicon))
        if match.about:
            return len(covered(match, text)) == len(match.about)
        words = re.sub(r"^(?:\w+\s+)?(?:the|a|an)\s+", "", alternative, flags=re.I)
        return bool(re.search(rf"\b{re.escape(words)}\b", text, re.I))

    def _footnote_of(self, hits: list[Hit]) -> tuple[Paragraph, Paragraph] | None:
        """The best paragraph near the top carrying a footnote, with that footnote (one giving
        a reference first); a footnote found itself comes with its carrier."""
        floor = FURTHER * self.settings.min_support
        for h in hits[: self.settings.top_k]:
            p = main_version(h.versions)
            if h.support < floor or p is None:
                continue
            if p.part == FN and (carriers := self._carriers(p)):
                return carriers[0], p
            if notes := self.footnotes(p):
                return p, next((n for n in notes if new_facts(n.text, "reference", "")), notes[0])
        return None

    def _footnotes_for(self, p: Paragraph, query: Query, match: Matcher) -> list[Evidence]:
        """A paragraph is read with its footnotes: a footnote that holds what the question asks
        (a document symbol, a Treaty Series or Official Records reference, or words of the
        question the paragraph itself lacks) is quoted after it."""
        out = []
        own = self.retriever.term_set(self.retriever.by_node[p.node_id])
        missing = [c for c in match.about if not any(all(t in own for t in alt) for alt in c)]
        for f in self.footnotes(p):
            have = self.retriever.term_set(self.retriever.by_node[f.node_id])
            if query.asks == "reference" or any(any(all(t in have for t in alt) for alt in c) for c in missing):
                out.append(select(f, match, None, whole=True))
        return out

    def _quoted(self, ev: Evidence, qlang: str) -> list[str]:
        p = ev.paragraph
        seed = self.docs[p.doc]
        out = []
        if qlang == "zh" and p.lang != "zh":
            out.append(ENGLISH_ONLY.format(sym=short_symbol(p.doc)) if p.doc in self.resolutions else ENGLISH_ONLY_OTHER)
        out.append(quotation(ev, seed.date, seed.kind))
        return out

    def compare(self, old: str, new: str) -> Comparison:
        """Paragraph-by-paragraph changes from resolution `old` to resolution `new` (English texts)."""
        docs = self._filters([old, new], None, None).docs
        key = tuple(docs)
        if key not in self._comparisons:
            for d in docs:
                if d not in self.resolutions:
                    raise QuestionError(f"{d} is not a resolution; compare resolutions: {', '.join(self.resolutions)}")
            old_paras, new_paras = (self.paragraphs_of(d, "en") for d in docs)
            self._comparisons[key] = Comparison(docs[0], docs[1], align(old_paras, new_paras))
        return self._comparisons[key]

    def brief(self, topic: str) -> Brief:
        """A briefing note on `topic`: key points, the paragraphs in full, how the language
        evolved between the resolutions, and the sources."""
        return make_brief(self, self._check(topic))

    # ------------------------------------------------------------------ helpers

    def _retrieve(self, query: Query, filters: Filters) -> tuple[list[Hit], Matcher]:
        """Candidate provisions ranked by support, and the matcher of the question's concepts."""
        text = query.search
        # a resolution only mentioned is no filter but a word to find: "What does 80/57 say about 79/239?"
        about = concepts(text, self.lexicon) + [[[n]] for m in query.ref.mentioned
                                                if (n := number_of(m).lower()) in self.retriever.idf and n in text.lower()]
        if query.follow_up and query.previous:
            # A follow-up is searched together with the question before it; its own words
            # count three times as much.
            text = f"{query.previous} {text}"
            about = about * 3 + concepts(query.previous, self.lexicon)
        hits = self._search(expand(text, self.lexicon), about, filters)
        if query.lang != "en":
            hits = self._bridge(hits, text, query.lang, filters)
            # a provision's English version is evidence too, read through the word table: "担心
            # ...哪些风险" is "concerned ... risk" of 79/62 PP 4, whose Chinese says "关切" and no "风险"
            if (english := translated(text)[0]):
                for h in hits:
                    if (en := h.versions.get("en")) is not None and len(h.versions) > 1:
                        h.coverage = max(h.coverage, TRANSLATED * self.retriever.coverage(english, self.retriever.by_node[en.node_id]))
        pattern = FACT_PATTERNS.get(query.asks or "") if query.asks != "who" else None
        # "By when ...?" asks for a deadline: a bare year is no answer to it.
        deadline = query.deadline
        for h in hits:
            # a reference usually sits in the paragraph's footnote
            read = list(h.versions.values()) + (self.footnotes(self._english(h.provision)) if query.asks == "reference" else [])
            facts = [m.group(0) for v in read for m in pattern.finditer(v.text)] if pattern else []
            if facts and (not deadline or any(is_deadline(f) for f in facts)):
                h.bonus = ANSWER_TYPE_BONUS
        hits = [h for h in hits if h.provision not in query.exclude]
        # A follow-up is most likely about what the turn before cited (and its footnotes);
        # "in that paragraph" is only about it.
        discussed = set(query.discussed) | {f.provision for prov in query.discussed
                                            if (p := self._english(prov)) for f in self.footnotes(p)}
        if query.in_discussed or query.asks == "reference" or query.intent == "compare":  # candidates whatever the search found
            found = {h.provision for h in hits}
            added = [Hit(prov, self.retriever.by_provision[prov], coverage=self.retriever.coverage(about, self.retriever.by_node[p.node_id]))
                     for prov in sorted(discussed - found, key=str) if (p := self._english(prov)) and filters.admits_provision(p)]
            # scored by meaning too, as the search scores what it finds: equal coverage is no tie to
            # leave to the order of a set ("Does 80/57 say the same thing?" of two paragraphs cited)
            cosines = self.store.cosines(self.store.embed([expand(text, self.lexicon)])[0],
                                         [v.node_id + "|w0" for h in added for v in h.versions.values()])
            for h in added:
                h.dense = max((cosines.get(v.node_id + "|w0", 0.0) for v in h.versions.values()), default=0.0)
            hits += added
        if query.in_discussed:
            hits = [h for h in hits if h.provision in discussed] or hits
        for h in hits:
            if h.provision in discussed:
                h.bonus += DISCUSSED_BONUS
        hits.sort(key=lambda h: -h.support)
        return hits, self.retriever.matcher(about)

    def _clause_similarity(self, question: str, p: Paragraph) -> list[float]:
        """Cosine of the question with each clause of p, under the store's multilingual model."""
        clauses = [p.text[a:b] for a, b in clause_spans(p.text)]
        if not clauses:
            return []
        vectors = self.store.embed([question] + clauses)
        return [float(vectors[0] @ v) for v in vectors[1:]]

    def _carriers(self, p: Paragraph) -> list[Paragraph]:
        """The paragraphs that carry footnote p's marker (none for a paragraph)."""
        if p.part != FN:
            return []
        if "_carrying" not in self.__dict__:  # (doc, lang, marker) -> paragraphs, built on first use
            carrying: dict[tuple, list[Paragraph]] = {}
            for c in self.store.paragraphs:
                for n in c.footnotes if c.part != FN else ():
                    carrying.setdefault((c.doc, c.lang, n), []).append(c)
            self._carrying = carrying
        return self._carrying.get((p.doc, p.lang, p.number), [])

    def _english(self, provision: tuple) -> Paragraph | None:
        return main_version(self.retriever.by_provision.get(provision, {}))

    def _answers(self, query: Query, h: Hit) -> bool:
        """Whether a paragraph (with its footnotes) can answer the question: it holds every
        name and number the question uses and, for a fact question asking when, where, how
        long, how many or for a reference, something of that kind not already in the question."""
        english = main_version(h.versions)
        own = h.versions.get(query.lang, english)
        # a paragraph is read with its footnotes, a footnote with the paragraph that carries it
        read = [english] + [v for v in h.versions.values() if v is not english] + self.footnotes(english) \
            + self._carriers(english)
        texts = [p.text for p in dict.fromkeys([english, own] + self.footnotes(english))]
        # Chinese numbers cannot be looked for in a text that has no Chinese version
        required = query.required if query.lang == "en" or query.lang in h.versions else []
        # a name the resolution's title holds is what the whole text is about ("the LAWS consultations");
        # a name of one alternative of a choice need not be there ("in New York or Geneva?")
        title = self._title_terms.get(english.doc, set())
        either = set(tokens(expand(" ".join(query.choice), self.lexicon))) if query.choice else set()
        required = [r for r in required if not any(alt and (set(alt) <= title or set(alt) <= either) for alt in r)]
        vocabulary = set().union(*(self.retriever.term_set(self.retriever.by_node[p.node_id]) for p in read))
        if required and not holds(self._short_names(english, vocabulary, required), required):
            return False
        # "the symbol of the 25 June 2024 resolution": a reference in a paragraph (or its notes) of
        # another date is another text's
        if query.asks in ("reference", "resolution") and query.lang == "en" and any(
                d.lower() not in " ".join(p.text for p in read).lower() for d in described_dates(query.question) if not d.isdigit()):
            return False
        if query.intent == "fact" and query.asks in FACT_PATTERNS and query.asks != "who":
            # (the resolutions it names are stated, not asked for: "第79/62号决议 ... 哪项决议")
            stated = " ".join([query.search] + [number_of(d) for d in query.docs])
            # in an article's paragraph of several sentences, the fact stands in one about the
            # question: Fu's "from 2018 to 2022" does not say when the resolution was adopted
            match = self._matcher_of(query.search)
            # ... and "On what exact dates ...?", "哪两天" ask for days, which a year does not give
            day = query.asks == "when" and bool(_ASKS_DAY.search(query.question))
            return any(not day or _DAY.search(fact) for t in texts for s in [t[a:b] for a, b in sentences_about(t, match)] or [t]
                       for fact in new_facts(s, query.asks, stated, query.counted))
        # "What did the March resolution say about autonomous weapons?": what it is asked to say
        # something about, the paragraph must speak of (in the words the texts know)
        if query.intent == "fact" and query.lang == "en" and (m := _SAY_ABOUT.search(query.search)):
            about = [c for c in concepts(m.group(1), self.lexicon) if any(t in self.retriever.idf for alt in c for t in alt)]
            have = " ".join(p.text for p in read)
            # (a long name's words in any order: "the Convention on ... Certain Conventional Weapons")
            words = terms(have)
            named = {i for i, c in enumerate(about) if any(all(w in words for t in alt for w in t.split("_")) for alt in c)}
            if about and not says(self.retriever.matcher(about), have, named, coverage=SAID_ABOUT):
                return False
            # ... and the text asked is the one it speaks of: "the March 2024 resolution" is not
            # one of December (a text described by its month)
            if any(month.lower() not in have.lower() for month in re.findall(rf"\b(?:{'|'.join(MONTHS)})\b", query.search[: m.start(1)])):
                return False
        # "Who chaired the consultations?": a paragraph that does not speak of chairing does not say who
        if query.lang == "en" and ((query.asks == "who" and (m := _WHO_VERB.match(query.question))) or (m := _WHO_IS_ROLE.match(query.question))):
            return any(tells_who(t, m.group(1), expand(query.question, self.lexicon)) for t in texts)
        # "政府专家组现任主席是谁？": the role's holder, read in the English text ("the Chair of the Group")
        # (of a person, named with a title: "Ambassador Fu"; not "the full name of the CCW")
        if query.lang == "en" and _FULL_NAME.search(query.question) and _PERSON.search(query.question) and query.required:
            return any(_more_of_name(t, query.required) for t in texts)
        if query.lang == "zh" and (m := _ZH_WHO_IS_ROLE.search(query.question)) and (role := in_english(m.group(1) or m.group(2))[0]):
            asked = " ".join(w for alts in in_english(query.question)[0] for w in alts)
            return any(tells_who(english.text, alt, f"{asked} {expand(asked, self.lexicon)}") for alt in role[0])
        return True

    def _speaks_of_thing(self, query: Query, h: Hit) -> bool:
        """"What budget was allocated ...?", "What was the outcome of ...?": a paragraph that does
        not speak of the thing asked for does not say what it was."""
        if query.intent != "fact":
            return True
        if query.lang == "en" and (m := _CONTENTS_ASKED.match(query.question)):
            # "What's actually in the Chair's rolling text?": a paragraph naming it without a list
            # after its name ("..., including ...", ": ...") does not say what is in it
            english = main_version(h.versions)
            named = [t for t in tokens(next(g for g in m.groups() if g)) if t in self.retriever.idf]
            spots = [x.end() for t in named for x in re.finditer(rf"\b{re.escape(t)}", english.text, re.I)]
            return bool(spots) and any(re.search(r"(?:including|such as|namely|inter alia|:)\s", english.text[at:]) for at in spots)
        if query.lang == "en" and (m := _KINDS_OF.match(query.question)):
            # "Which kinds of autonomous weapons would be prohibited?": a paragraph telling kinds of
            # them apart by a word of its own before them or a clause or list after them
            english = main_version(h.versions).text
            head, asked = m.group(1).split()[0], set(tokens(query.question))
            before = [w for w in re.findall(rf"\b([A-Za-z-]+)\s+{re.escape(head)}", english, re.I)
                      if tokens(w) and not set(tokens(w)) <= asked]
            return bool(before) or bool(re.search(rf"\b{re.escape(m.group(1))}\w*(?:\s+\w+)?\s*,?\s+(?:that|which|such as|including|namely)\b",
                                                  english, re.I))
        if query.lang == "zh":  # "得出了什么结论？", "花了多少钱？", "投了什么票？": the paragraph's words for it
            kinds = [words for pattern, words in _ZH_THINGS if re.search(pattern, query.question)]
            return not kinds or any(re.search(words, v.text) for v in h.versions.values() if v.lang == "zh" for words in kinds) \
                or "zh" not in h.versions
        said_as = ""  # the texts' words for it, where they have others
        if (m := _THING_ASKED.match(query.question)) and (query.asks is None or m.group(3) or m.group(8)):
            # ("how much did it cost" asks a number too)
            thing = next((g for g in m.groups() if g), "outcome").lower()  # (what came out of it: its outcome)
        elif query.asks is None and (m := _WHICH_THING.match(query.question)):
            thing = m.group(1).lower()  # "Which concrete projects are PAM and CGS running?"
        elif query.asks is None and (m := _HOW_DONE.match(query.question)):
            # "How will the item be voted on?": a paragraph not speaking of the deed ("held" in the
            # texts' words too: "convened") does not say how it is done
            thing = m.group(1).lower()
            said_as = SYNONYMS.get(thing, "")
        else:
            return True
        english = main_version(h.versions)
        read = [english] + self.footnotes(english)
        if thing in _TITLE_WORDS:  # a title stands in quotation marks or after "entitled", seldom after "title"
            return english.part == META or any(_GIVES_TITLE.search(p.text) for p in read)
        if thing in _ANY_THING or not tokens(thing):
            return True
        have = set().union(*(self.retriever.term_set(self.retriever.by_node[p.node_id]) for p in read))
        if not any(t in have or same_word(t, have) for t in tokens(f"{thing} {said_as}")):
            return False
        # "Which non-State actors ...?" asks for names: a paragraph naming only the kind ("to
        # unauthorized recipients and non-State actors") names none of them
        return thing not in _NAMED_KINDS or any(_names_beyond(p.text, query.question) for p in read)

    def _short_names(self, p: Paragraph, have: set[str], required: list[list[list[str]]]) -> set[str]:
        """`have`, with a long name that the paragraph refers to by its head ("the Convention")
        and its resolution spells out elsewhere ("the Convention on ... Certain Conventional
        Weapons"): "the CCW HCPs" are the "High Contracting Parties to the Convention"."""
        doc = self._doc_terms(p.doc)
        return have | {t for alts in required for alt in alts if len(alt) > 1 and alt[0] in have
                       and all(t in doc for t in alt) for t in alt}

    def _doc_terms(self, doc: str) -> set[str]:
        if doc not in self._doc_words:
            self._doc_words[doc] = set().union(*(self.retriever.term_set(i) for i, q in enumerate(self.retriever.paragraphs)
                                                 if q.doc == doc and q.lang == "en"))
        return self._doc_words[doc]

    @staticmethod
    def _who_claims(query: Query, best: Hit) -> bool:
        """"Which country's ambassador thanked China ...?", "Who warned the resolution would make
        AI less collaborative?": all but who did it is a claim the article's sentence must bear out."""
        return query.lang == "en" and query.intent == "fact" and query.asks == "who" and best.provision[1] == P

    def _speaks_of_deed(self, verb: str, h: Hit) -> bool:
        """"the instrument adopted by 79/62", "the negotiations that 80/57 launched": a paragraph
        not speaking of that deed (the verb, another form of it, or the texts' word for it) does
        not bear out that the resolution did it."""
        words = set(tokens(verb)) | set(tokens(SYNONYMS.get(verb.lower(), "")))
        have = set().union(*(self.retriever.term_set(self.retriever.by_node[v.node_id]) for v in h.versions.values()))
        return any(w in have or same_word(w, have) for w in words)

    def _named_only_here(self, query: Query, hits: list[Hit]) -> bool:
        """The best paragraph is the only candidate holding the names the question uses
        ("Ambassador Fu"): words of the asker's own ("Journalist here") lower its support, but
        no other paragraph could answer."""
        names = [r for r in query.required if not any(t[:1].isdigit() for alt in r for t in alt)]
        # (not for "who": a name the paragraph holds is no person holding the office asked of; but
        # "Who is Ambassador Fu?" asks who the one named is)
        if not names or query.lang != "en" or (query.asks == "who" and not _WHO_IS_NAMED.match(query.question)):
            return False
        holding = [h for h in hits[: self.settings.top_k] if self._answers(replace(query, required=names, asks=None), h)]
        return [h.provision for h in holding] == [hits[0].provision]

    def _misnumbered(self, query: Query, best: Hit) -> bool:
        """The best paragraph holds what the question names but not the number it states: "the
        provisional agenda of the 80th session" where 80/57 says "eighty-first" takes for
        granted what the texts do not say."""
        numbers = [r for r in query.required if any(t[:1].isdigit() for alt in r for t in alt)]
        if query.lang != "en" or not numbers:
            return False
        return self._answers(replace(query, required=[r for r in query.required if r not in numbers]), best)

    def _not_said(self, query: Query, hits: list[Hit], match: Matcher, contexts: list[Context],
                  filters: Filters, why: bool = False, lead: str = "") -> Answer:
        """"No: the indexed texts do not say so." and what the nearest paragraph does say; for a
        why-question whose paragraph gives no reason, that the texts do not say why."""
        # "Why did 79/62 ban ...?" is answered "No" as plainly as "Did 79/62 ban ...?".
        why = why or query.negated  # "Why does 79/62 not mention Geneva?": it does not, and says not why
        # "Were the consultations to last a week?": of the paragraphs as close to the claim
        # as the best, the one saying what holds instead ("for a duration of two days")
        stated = next((kind for kind in ("how-long", "when", "where") if FACT_PATTERNS[kind].search(query.search)), None)
        instead = [h for h in hits[: self.settings.top_k] if h.coverage >= hits[0].coverage
                   and any(new_facts(v.text, stated, query.search) for v in h.versions.values())] if stated else []
        hits = _first(instead[:1], hits)
        # a paragraph saying something else than the claim is "say otherwise", not "do not say"
        # (of a yes-no claim; a wh-question's own date is no claim the paragraph answers otherwise)
        best = main_version(hits[0].versions)
        # ... and another date or place only where the paragraph says the rest of the claim ("two
        # days" of the consultations asked about, not some other date of another matter)
        rest = FACT_PATTERNS[stated].sub(" ", query.search) if stated else ""
        otherwise = query.intent == "yes-no" and (
            bool(instead) and query.lang == "en" and says(self.premises.claim(replace(query, search=rest)), claim_text(best))
            or (query.lang == "en" and ((contradicts(query.search, claim_text(best)) and not self.premises.anothers_adoption(query, best))
                                        or self.premises.other_agents(query, hits[0]))))
        lead = lead or (NOT_SAID_WHY[query.lang] if why else NO[query.lang] + (NOT_SO if otherwise else NOT_SAID)[query.lang])
        sentences = [lead]
        p = self._version(hits[0], query.lang, filters)
        sentences += self._quoted(select(p, match, stated or query.asks, names=query.required), query.lang)
        verdict = "no" if lead.startswith(NO[query.lang]) else ""
        answer = self._finish(query, sentences, contexts, filters, verdict)
        if answer.abstained:
            return Answer(query.asked or query.question, lead, False, query.lang, [], contexts, query.intent, verdict)
        return answer

    def _changed(self, query: Query, change, contexts: list[Context], filters: Filters) -> Answer:
        """What changed in the aligned pair: both paragraphs, briefly, then the edits."""
        ch, old, new = change
        match = self._matcher_of(query.search)
        sentences, verdict = [], ""
        # "Why did 80/57 drop ...?", "How did 80/57 change ...?" take a change for granted: "No." if none
        presumed = not query.polar and bool(_PRESUMED_CHANGE.search(query.question))
        if query.polar or presumed:  # "Is that also in 80/57?", "Is the wording the same?": the alignment decides
            asked = re.sub(r"\b[A-Z][a-z]+\b", " ", query.question).lower()  # (not "New" of "New Agenda")
            # what the question says is kept, dropped or added ("still list international criminal law"),
            # less the words saying so ("drop the reference to")
            claim = self.premises.claim(replace(query, search=_CHANGE_WORDS.sub(" ", query.search)))
            # (a rare word of the claim the paragraph lacks is what the claim is about: "international criminal law")
            old_says, new_says = (bool(c) and says(claim, text := claim_text(self.paragraph(c.label)))
                                  and not self.premises.rare_missing(claim, text) for c in (ch.old, ch.new))
            if claim.about and re.search(rf"\b(?:{_KEPT})\b", asked):
                yes = new_says
            elif claim.about and re.search(rf"\b(?:{_DROPPED})\b", asked):
                yes = old_says and not new_says
            elif claim.about and re.search(rf"\b(?:{_ADDED})\b", asked):
                yes = new_says and not old_says
            elif re.search(r"\b(?:same|identical|unchanged|verbatim)\b", asked):
                yes = ch.status == "unchanged"
            elif re.search(r"\b(?:new|different|differ|differs|change|changed|added|dropped|removed)\b", asked):
                yes = ch.status != "unchanged"
            else:
                yes = ch.old is not None and ch.new is not None
            verdict = "yes" if yes else "no"
            if query.polar or not yes:
                sentences.append(cite("Yes." if yes else "No.", [c.label for c in (ch.old, ch.new) if c]))
        for h in (old, new):
            if h is not None:
                sentences += self._quoted(select(self._version(h, "en", filters), match, None), "en")
        sentences.append(change_sentence(ch, self.resolutions))
        return self._finish(query, sentences, contexts, filters, verdict)

    def _not_indexed(self, query: Query) -> list[str]:
        """Documents the question names that are not indexed: by symbol, or by a title that is
        no indexed document's when a paragraph of it is asked for or the texts never use it."""
        named = list(query.ref.mentioned) + other_symbols(query.question)
        titles = [set(tokens(d.title)) for d in self.docs.values()]
        for name in document_names(query.question):
            own = set(tokens(name))
            if any(own <= t or t <= own for t in titles if t):
                continue
            if query.ref.part or self._unheard(name):
                named.append(name)
        return [d for d in named if d not in self.docs]

    def _mentioned(self, query: Query, unknown: list[str], filters: Filters) -> Answer:
        """A resolution that is not indexed: answered from the indexed paragraphs that mention
        it, saying so; otherwise refused, naming what is indexed."""
        short = [number_of(d) for d in unknown]
        # a Human Rights Council resolution is named so ("Human Rights Council resolution 51/22"),
        # not by its number alone, which may be a General Assembly resolution's too
        said = [rf"(?:Human Rights Council|HRC|人权理事会)\D{{0,20}}{re.escape(s)}" if d.startswith("A/HRC/") else re.escape(s)
                for d, s in zip(unknown, short)]
        mentioning = [p for p in self.store.paragraphs if p.lang == ("zh" if query.lang == "zh" else "en")
                      and any(re.search(rf"(?<![\d/]){x}(?![\d/])", p.text) for x in said)
                      and filters.admits_provision(p)]
        # a footnote giving the symbol is read with the paragraph that carries it
        mentioning = list(dict.fromkeys(c for p in mentioning for c in ([*self._carriers(p), p] if p.part == FN else [p])))
        if query.intent == "fact" and query.asks in FACT_PATTERNS and query.asks != "who":
            # "How many submissions did ... A/79/88 receive?": the mention must say how many.
            mentioning = [p for p in mentioning if any(new_facts(r.text, query.asks, query.search, query.counted)
                                                       for r in [p] + self.footnotes(p))]  # or its footnote
        elif query.intent == "fact" and query.lang == "en":
            # ... and the names the question asks of it: "What did 51/22 ask its Advisory
            # Committee to do?" is not answered by a mention
            mentioning = [p for p in mentioning if holds(terms(" ".join(r.text for r in [p, *self.footnotes(p)])), query.required)]
            # ... nor "What did 79/239 decide?", "What did A/79/88 recommend?" by one not speaking of it
            if m := _CONTENT_ASKED.search(query.question):
                deed = set(tokens(next(g for g in m.groups() if g)))
                mentioning = [p for p in mentioning if any(t in (have := terms(p.text)) or same_word(t, have) for t in deed)]
        if not mentioning or query.ref.paragraph:
            listed = ", ".join(sorted(self.docs))
            text = (f"{', '.join(unknown)}不在所收录的文本中。所收录的文本：{listed}。" if query.lang == "zh" else
                    f"{', '.join(unknown)} is not indexed, so it cannot be quoted or cited. Indexed: {listed}.")
            return Answer(query.asked or query.question, text, True, query.lang, [], [], query.intent, "")
        what = (f"Human Rights Council resolution {short[0]}" if unknown[0].startswith("A/HRC/") else
                f"Resolution {short[0]}" if unknown[0].startswith("A/RES/") else
                f"Document {short[0]}" if re.search(r"\d", short[0]) else short[0])
        note = (f"第{short[0]}号决议本身未被收录；以下是提到它的段落。" if query.lang == "zh" else
                f"{what} is not itself indexed; the indexed texts mention it as follows.")
        match = self.retriever.matcher(concepts(" ".join(short) + " " + query.search, self.lexicon))
        sentences, verdict = [note], ""
        if query.polar:  # the verdict first, then what the texts say of the resolution
            otherwise = contradicts(query.search, mentioning[0].text)
            said = says(self.premises.claim(query), claim_text(mentioning[0])) and not otherwise
            verdict = "yes" if said else "no"
            sentences.insert(0, cite(YES[query.lang], [mentioning[0].label]) if said else NO[query.lang] + (
                NOT_SO if query.lang == "en" and otherwise else NOT_SAID)[query.lang])
        elif query.lang == "en" and _mention_otherwise(query, unknown[0], short[0], mentioning[0].text):
            verdict = "no"
            sentences.insert(0, NO[query.lang] + NOT_SO[query.lang])
        elif query.intent == "why" and query.claims and not self.premises.holds(
                query, Hit(mentioning[0].provision, self.retriever.by_provision[mentioning[0].provision])):
            # "Why did the Assembly note 51/22 on social media platforms?": the claim is tested
            # against the mention as against any paragraph
            verdict = "no"
            sentences.insert(0, NO[query.lang] + NOT_SAID[query.lang])
        elif lead := self._chosen(query, mentioning[0]):
            sentences.insert(0, lead)
        for p in mentioning[:2]:
            ev = select(p, match, query.asks, names=[[[s]] for s in short])  # the clause naming it stays
            notes = self._footnotes_for(p, query, match) if query.asks else []
            found = [(fact, e) for e in [ev] + notes if query.asks in ("when", "reference") and verdict != "no"
                     and (fact := fact_in(e, query.asks, match, names=[[[s]] for s in short]))]  # the fact of its mention
            sentences += [fact_lead(*found[0])] if found else []
            sentences += self._quoted(ev, query.lang)
            for note in notes:
                sentences += self._quoted(note, query.lang)
        contexts = [Context(p.doc, p.lang, p.part, p.number, 1.0) for p in mentioning[:self.settings.top_k]]
        return self._finish(query, sentences, contexts, filters, verdict)

    def _in_scope(self, query: Query, filters: Filters) -> list[str]:
        """The resolutions a structural question is about: those named, else all of them (an
        article only when named: "How many paragraphs does the news article have?")."""
        docs = filters.docs or query.docs or [d for d in self.resolutions]
        return [d for d in docs if d in self.resolutions or (d in self.docs and query.in_article)]

    def _count(self, query: Query, filters: Filters) -> Answer:
        """How many paragraphs of a kind a resolution has, counted from the records."""
        lang = "zh" if query.lang == "zh" else "en"
        sentences = []
        for d in self._in_scope(query, filters)[: MAX_LIST // 2]:  # two sentences a resolution at most
            mine = [p for p in self.store.paragraphs if p.doc == d and p.lang == (lang if (d, lang) in self._languages else "en")
                    and p.part in ((query.count_part,) if query.count_part else (PP, OP, P))]
            if not mine:
                continue
            if query.begins:  # those that begin with a word, in any of its forms ("Decides", "Deciding")
                word = set(tokens(query.begins))
                starting = [p for p in sorted(mine, key=lambda p: (p.part != PP, p.number or 0))
                            if (first := tokens(p.text.split(maxsplit=1)[0] if p.text.strip() else "")) and
                            (set(first) & word or same_word(first[0], word))]
                sentences.append(begins_lead(d, query.count_part, query.begins, starting, query.lang))
                continue
            if d not in self.resolutions:
                last = max(mine, key=lambda p: p.number or 0)
                sentences.append(count_lead(d, P, last.number or len(mine), query.lang, [last.label]))
            elif query.count_part:
                last = max(mine, key=lambda p: p.number or 0)
                # the last one shows the count; the others would be citations nothing needs
                sentences.append(count_lead(d, query.count_part, last.number or len(mine), query.lang, [last.label]))
            else:
                for part in (PP, OP):
                    ps = [p for p in mine if p.part == part]
                    if ps:
                        last = max(ps, key=lambda p: p.number or 0)
                        sentences.append(count_lead(d, part, last.number or 0, query.lang, [last.label]))
        contexts = []
        return self._finish(query, sentences, contexts, filters)

    def _mentions(self, query: Query, filters: Filters) -> Answer:
        """Which paragraphs mention something: every paragraph whose words include all of the
        thing's words (or its spelled-out form), in reading order."""
        about = [c for c in concepts(_MENTION_WORDS.sub(" ", query.search), self.lexicon)]
        if not about:
            return self._abstain(query.asked or query.question, query.lang, [], [], filters)
        found: dict[str, list[Paragraph]] = {}
        # "which operative paragraphs mention ...": only those
        parts = set(parts_named(query.question)) - {FN}
        for i in self.retriever.containing(about):
            if parts and self.retriever.paragraphs[i].part not in parts:
                continue
            p = self.retriever.paragraphs[i]
            versions = self.retriever.by_provision[p.provision]
            if not filters.admits_provision(p) or p.part == META:
                continue
            have = self.retriever.term_set(i)
            shown = versions.get(query.lang) or versions.get("en") or p
            # any version may hold the words (a Chinese question, the Chinese text); one per provision
            if all(any(all(t in have for t in alt) for alt in c) for c in about) and shown not in found.get(p.doc, []):
                found.setdefault(p.doc, []).append(shown)
        if not found:
            return self._abstain(query.asked or query.question, query.lang, [], [], filters)
        order = {PP: 0, P: 0, OP: 1, FN: 2}
        found = {d: sorted(ps, key=lambda p: (order.get(p.part, 3), p.number or 0)) for d, ps in found.items()}
        # an answer must fit in the history of the next question: at most MAX_LIST citations
        kept, room = {}, MAX_LIST
        for d, ps in found.items():
            if room > 0:
                kept[d], room = ps[:room], room - len(ps[:room])
        found = kept
        sentences = [mentions_lead(found, query.lang)]
        match = self.retriever.matcher(about)
        shown = [p for ps in found.values() for p in ps]
        if len(shown) <= 3:
            for p in shown:
                sentences += self._quoted(select(p, match, None), query.lang)
        contexts = [Context(p.doc, p.lang, p.part, p.number, 1.0) for p in shown[: self.settings.top_k]]
        return self._finish(query, sentences, contexts, filters)

    def _adoption(self, query: Query, filters: Filters) -> Answer:
        """When, where and on what report a resolution was adopted: its adoption record."""
        sentences, verdicts = [], []
        match = self._matcher_of(query.search)
        docs = [d for d in self._in_scope(query, filters) if d in self.resolutions]  # an article has no adoption record
        # what the question says of the resolution besides its adoption; in Chinese, its words
        # ("关于人工智能的决议": a resolution on AI), when no resolution is named
        # (a clause describing the resolution is not asked of its record: "80/57, which recalls 78/241,")
        described = re.sub(r",\s*(?:which|that)\s+[^,?]+,?", " ", query.search)
        wanted = concepts(_ADOPTION_WORDS.sub(" ", described), self.lexicon) if query.lang == "en" else \
            [] if query.docs or filters.docs else [[[w]] for w in content_terms(_ZH_ADOPTION_WORDS.sub(" ", chinese_content(query.search)))]
        for d in docs[:3]:
            p = self._record(d, query.lang)
            if p is None:
                continue
            # The record must hold what is asked ("which committee" yes, "the recorded vote" no).
            english = self.by_key.get((d, "en", META, None)) or p
            have = set().union(*(self.retriever.term_set(self.retriever.by_node[r.node_id]) for r in {english, p}))
            held = holds(have, query.required) and all(any(all(t in have for t in alt) for alt in c) for c in wanted)
            # a Chinese question's numbers ("第45次全体会议") are the record's, or it says otherwise
            numbers = re.findall(r"\d+", query.search) if query.lang == "zh" else []
            held = held and all(n in re.findall(r"\d+", p.text) for n in numbers)
            # (a date or meeting the question states, which the record may give otherwise)
            stated = bool(numbers) or any(_numeric(r) for r in query.required)
            if query.polar:  # "Was 79/62 adopted at the 52nd plenary meeting?": the record decides
                verdicts.append(held)
                sentences.append(cite(YES[query.lang], [p.label]) if held else
                                 NO[query.lang] + (NOT_SO if stated else NOT_SAID)[query.lang])
            elif not held and stated and holds(have, [r for r in query.required if not _numeric(r)]):
                # "At which meeting was 79/62 adopted on 22 December 2024?": the record's date is another
                verdicts.append(False)
                sentences.append(NO[query.lang] + NOT_SO[query.lang])
            elif not held:
                continue
            ev = select(p, match, query.asks)
            if query.asks in ("when", "year") and (lead := adoption_lead(p)):
                sentences.append(lead)
            elif query.asks == "reference" and (fact := fact_in(ev, "reference", match)):
                sentences.append(fact_lead(fact, ev))  # "What's the symbol of the report ...?": "A/80/534."
            sentences += self._quoted(ev, query.lang)
        contexts = [Context(d, "en", META, None, 1.0) for d in docs[: self.settings.top_k]]
        verdict = ("yes" if all(verdicts) else "no") if verdicts else ""
        return self._finish(query, sentences, contexts, filters, verdict)

    def _change_for(self, hits: list[Hit], ref: Reference, filters: Filters) -> tuple[Change, Hit | None, Hit | None] | None:
        """For a question about what changed: the aligned pair holding the best resolution
        paragraph, as (change, older paragraph's hit, newer paragraph's hit)."""
        if len(ref.docs) == 1 and ref.docs[0] in self.resolutions:
            # one resolution named ("Why did 80/57 drop ...?", "Is that different from 79/62?"): it
            # and its neighbours in its series
            chain = [d for d in self._series_of(ref.docs[0]) if d in self.resolutions] or \
                sorted(self.resolutions, key=lambda d: self.resolutions[d])
            i = chain.index(ref.docs[0]) if ref.docs[0] in chain else 0
            ordered = chain[max(0, i - 1) : i + 2]
        else:
            ordered = sorted(ref.docs if len(ref.docs) > 1 else self.resolutions, key=lambda d: self.resolutions[d])
        best = next((h for h in hits if h.provision[0] in ordered and h.provision[1] in ("PP", "OP")), None)
        if best is None or len(ordered) < 2:
            return None
        # the pair of its series around the best paragraph's resolution (78/265 is no earlier 79/62)
        chain = [d for d in self._series_of(best.provision[0]) if d in ordered]
        if len(chain) < 2 or best.provision[0] not in chain:
            chain = ordered
        j = chain.index(best.provision[0])
        old, new = (chain[j - 1], chain[j]) if j else (chain[0], chain[1])
        for ch in self.compare(old, new).changes:
            sides = [(c.doc, c.part, c.number) if c else None for c in (ch.old, ch.new)]
            if best.provision in sides:
                by = {h.provision: h for h in hits}
                pair = [by.get(s) or (Hit(s, self.retriever.by_provision[s]) if s else None) for s in sides]
                if any(h and not any(filters.admits(v) for v in h.versions.values()) for h in pair):
                    return None
                return ch, pair[0], pair[1]
        return None

    def _search(self, query: str, about: list[Concept], filters: Filters) -> list[Hit]:
        k = max(10, self.settings.top_k)
        hits = self.retriever.search(query, filters, k=k, mode=self.settings.retrieval, about=about)
        return [h for h in hits if any(filters.admits(v) for v in h.versions.values())]

    def _bridge(self, hits: list[Hit], query: str, qlang: str, filters: Filters) -> list[Hit]:
        """Reach documents that have no text in the question's language through the
        parallel texts: the English version of the best same-language paragraphs becomes
        the query for English-only documents. A bridged hit is as strong as its weaker link."""
        single = [d for d in (filters.docs or self.docs) if (d, qlang) not in self._languages]
        if not single:
            return hits
        pivot = self._search(expand(query), concepts(query), Filters([], qlang, filters.parts))
        pivot = sorted((h for h in pivot if "en" in h.versions), key=lambda h: -h.support)
        if not pivot:
            return hits
        english = pivot[0].versions["en"].text
        bridged = self._search(english, concepts(english), Filters(single, "en", filters.parts))
        top = max((h.support for h in bridged), default=0.0)
        # Scaled below the pivot so that a paragraph in the question's own language wins a tie.
        scale = 0.95 * min(1.0, pivot[0].support / top) if top else 0.0
        for h in bridged:
            h.coverage, h.dense, h.bonus = h.coverage * scale, h.dense * scale, h.bonus * scale
        return _strongest(hits, bridged + self._translated(query, single, filters))

    def _translated(self, question: str, single: list[str], filters: Filters) -> list[Hit]:
        """The English-only texts searched for a Chinese question read through the lexicon's
        Chinese table: its words in English for the lexical ranking and for coverage (what stays
        untranslated counts against it), its own words for the multilingual model."""
        about, english = translated(question)
        if not about:
            return []
        found = self.retriever.search(question, Filters(single, "en", filters.parts), k=max(10, self.settings.top_k),
                                      mode=self.settings.retrieval, about=about, words=english)
        for h in found:  # a reading through a word table: a paragraph in the question's own language wins a tie
            h.coverage, h.dense, h.bonus = h.coverage * TRANSLATED, h.dense * TRANSLATED, h.bonus * TRANSLATED
        return found

    def _check(self, question: object) -> str:
        if not isinstance(question, str):
            raise QuestionError(f"a question must be text, not {type(question).__name__}")
        if any("\udc80" <= ch <= "\udcff" for ch in question):  # undecodable bytes from argv
            raise QuestionError("the question is not valid UTF-8 text")
        if problem := surrogate_problem(question):  # checked before control characters are dropped
            raise QuestionError(f"the question {problem}")
        # Control characters (other than line breaks and tabs) carry no meaning here.
        question = "".join(ch for ch in question if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
        question = question.strip()
        if not question:
            raise QuestionError("the question is empty")
        if len(question) > self.settings.max_question_chars:
            raise QuestionError(
                f"the question is {len(question)} characters long; the limit is {self.settings.max_question_chars}"
            )
        return question

    def _filters(self, doc, lang, part) -> Filters:
        docs = [doc] if isinstance(doc, str) else list(doc or [])
        resolved = []
        for d in docs:
            full = f"A/RES/{d}" if re.fullmatch(r"\d+/\d+", d) else d
            if full not in self.docs:
                raise QuestionError(f"unknown document {d!r}; indexed: {', '.join(sorted(self.docs))}")
            resolved.append(full)
        langs = {lang for _, lang in self._languages}
        if lang and lang not in langs:
            raise QuestionError(f"unknown language {lang!r}; indexed: {', '.join(sorted(langs))}")
        parts = [part] if isinstance(part, str) else list(part or [])
        parts = [x.upper() for x in parts]
        for x in parts:
            if x not in PARTS:
                raise QuestionError(f"unknown part {x!r}; use one of {', '.join(PARTS)}")
        return Filters(resolved, lang, parts)

    def _names_unknown(self, text: str) -> bool:
        """A question about a named body or thing the texts never mention ("the Paris Agreement";
        in Chinese, a name the word table reads as one the texts never use: "日内瓦", Geneva)."""
        if CJK_CHAR.search(text):
            return any((found := tokens(n)) and all(t not in self.retriever.idf for t in found) for n in table_names(text))
        return any(self._unheard(n) for n in names(as_named(text)))  # ("South Korea": the texts' "Republic of Korea")

    def _unheard(self, name: str) -> bool:
        """A name of several words that the texts never use as such."""
        pairs = phrase_pairs(name)
        return bool(pairs) and not any(p in self.retriever.idf for p in pairs)

    def _version(self, h: Hit, qlang: str, filters: Filters) -> Paragraph:
        """The version to show: the question's language where it exists and is allowed."""
        allowed = {lang: p for lang, p in h.versions.items() if filters.admits(p)}
        return allowed.get(qlang) or allowed.get("en") or next(iter(allowed.values()))

    def _context(self, h: Hit, qlang: str, filters: Filters) -> Context:
        p = self._version(h, qlang, filters)
        return Context(p.doc, p.lang, p.part, p.number, round(h.support, 4))

    def _choose(self, hits: list[Hit], query: Query) -> list[Hit]:
        """The paragraphs to quote: the best; for a broad question others nearly as good."""
        best = hits[0]
        chosen = [best]
        if query.asks in (None, "who") and query.intent == "fact":
            for h in hits[1:]:
                if len(chosen) >= 2:
                    break
                if h.support >= 0.92 * best.support and h.coverage >= best.coverage * 0.95:
                    chosen.append(h)
        return chosen

    def _spelt_out(self, name: str, filters: Filters) -> Answer | None:
        """"What does CCW stand for?", "the full title of the Convention on Certain Conventional
        Weapons": the longest name in the texts holding every word of what it stands for, quoted
        whole (not shortened, as a long name in a quotation otherwise is)."""
        full = self.lexicon.acronym(name) if name.isupper() or name.lower() in ALWAYS_ACRONYMS else name
        wanted = set(tokens(full or ""))
        if not wanted:
            return None
        best: tuple[int, Paragraph, int, int] | None = None
        for p in self.retriever.paragraphs:
            if p.lang != "en" or not filters.admits(p):
                continue
            spans = long_names(p.text) + [(m.start(), m.end()) for m in re.finditer(re.escape(full), p.text, re.I)]
            for a, b in spans:
                # (from the name's own first word: not "High Contracting Parties to the Convention ...")
                a = max(a, p.text.lower().find(full.split()[0].lower(), a, b))
                b = a + len(p.text[a:b].rstrip(" ,;:."))
                if wanted <= set(tokens(p.text[a:b])) and (best is None or b - a > best[0]):
                    best = (b - a, p, a, b)
        if best is None:
            return None
        _, p, a, b = best
        clause = next(((x, y) for x, y in clause_spans(p.text) if x <= a < y), (a, b))
        ev = Evidence(p, ((min(clause[0], a), max(clause[1], b)),))
        lead = cite(p.text[a:b].strip() + ".", [p.label])
        return self._finish(replace(understand(name, [], self.corpus), asked=name), [lead] + self._quoted(ev, "en"), [], filters)

    def _record(self, doc: str, lang: str) -> Paragraph | None:
        """A resolution's adoption record, in `lang` where it has one."""
        return self.by_key.get((doc, lang, META, None)) or self.by_key.get((doc, "en", META, None))

    def _title(self, query: Query, docs: list[str], filters: Filters) -> Answer:
        """"What is the title of 79/62?": the title its adoption record gives, then the record."""
        sentences = []
        for d in docs[:2]:
            p = self._record(d, query.lang)
            if p is None or not (m := _RECORD_TITLE.search(p.text)):
                continue
            sentences.append(cite((m.group(1) or m.group(2)) + ("。" if p.lang == "zh" else "."), [p.label]))
            sentences += self._quoted(select(p, self.retriever.matcher([]), None, whole=True), query.lang)
        contexts = [Context(d, "en", META, None, 1.0) for d in docs[: self.settings.top_k]]
        return self._finish(query, sentences, contexts, filters)

    def _quote_reference(self, query: Query, filters: Filters) -> Answer:
        """A question naming a paragraph ("What does OP 4 of 79/62 say?", "the last operative
        paragraph of 80/57") gets that paragraph."""
        ref = query.ref
        docs = filters.docs or list(self.resolutions)
        hits = []
        for d in docs:
            part, number = ref.part, ref.number
            if number is None:  # "the last operative paragraph", "the second-to-last ..."
                part = ref.part or ("PP" if PP in parts_named(query.question) else "OP")
                numbers = sorted(n for (dd, pp, n) in self.retriever.by_provision if dd == d and pp == part and n)
                back = 3 if re.search(r"third[- ](?:to[- ])?last", query.question, re.I) else \
                    2 if re.search(r"second[- ](?:to[- ])?last|penultimate", query.question, re.I) else 1
                number = numbers[-back] if len(numbers) >= back else None
            versions = self.retriever.by_provision.get((d, part, number))
            if versions:
                hits.append(Hit((d, part, number), versions, coverage=1.0))
        hits = [h for h in hits if any(filters.admits(v) for v in h.versions.values())]
        contexts = [self._context(h, query.lang, filters) for h in hits[: self.settings.top_k]]
        if not hits:
            name = f"{PART_NAMES[ref.part or 'OP']} {ref.number or ''}".strip()
            msg = {"en": f"The indexed texts have no {name} in {', '.join(docs)}.",
                   "zh": f"所收录的文本中没有{', '.join(docs)}的该段落。"}[query.lang]
            return Answer(query.asked or query.question, msg, True, query.lang, [], [], query.intent, "")
        sentences = []
        verdict = ""
        why = bool(re.match(r"\s*(?:and\s+)?why\b|为什么", query.question, re.I))
        if (query.polar or why) and len(hits) == 1 and hits[0].provision[1] != FN:
            # "Is 'economic' one of the perspectives OP 6 of 79/62 lists?", "Why does OP 9 convene
            # the consultations in Geneva?": the claim, in that paragraph (a footnote has too few
            # words of its own to hold one)
            held = self.premises.holds(replace(query, intent="yes-no"), hits[0])
            label = self._version(hits[0], query.lang, filters).label
            if query.polar:
                verdict = "yes" if held else "no"
                sentences.append(cite(YES[query.lang], [label]) if held else NO[query.lang] + NOT_SAID[query.lang])
            elif not held:
                verdict = "no"
                sentences.append(NO[query.lang] + NOT_SAID[query.lang])
        for h in hits[:3]:
            p = self._version(h, query.lang, filters)
            if p.part == FN and query.asks_carrier:  # "Which paragraph carries footnote 3?"
                sentences += [carrier_lead(c, p.number, query.lang) for c in self._carriers(p)][:1]
            sentences += self._quoted(select(p, self.retriever.matcher([]), None, whole=True), query.lang)
        return self._finish(query, sentences, contexts, filters, verdict)

    def _abstain(self, question, qlang, hits, contexts, filters) -> Answer:
        related = ", ".join(self._version(h, qlang, filters).label for h in hits[:3])
        text = ABSTAIN[qlang] + (f" {RELATED[qlang]}{related}." if related and qlang == "en" else
                                 f"{RELATED[qlang]}{related}。" if related else "")
        return Answer(question, text, True, qlang, [], contexts)

    # ------------------------------------------------------------------ series and links

    def links(self) -> list[Link]:
        """Every reference from an indexed paragraph to a resolution (found on first use)."""
        if not hasattr(self, "_links"):
            self._links = find_links(self.store.paragraphs)
        return self._links

    def document(self, name: str) -> str | None:
        """The indexed document `name` ("79/62", "A/RES/79/62") names, or None when `name`
        is not a bare document symbol (a paragraph reference, say)."""
        if not re.fullmatch(r"\s*(?:A/RES/)?\d+/\d+\s*|\s*[A-Z][\w.-]*/[\w./-]+\s*", name):
            return None
        return self._filters([name.strip()], None, None).docs[0]

    def series(self, doc: str) -> list[str]:
        """The indexed resolutions of `doc`'s series (same title, same agenda sub-item, or
        an explicit recall), oldest first: "the previous resolution" is the one before."""
        full = self._filters([doc], None, None).docs[0]
        if not hasattr(self, "_series_docs"):
            self._series_docs = series_documents(
                [(d, s.title, s.date) for d, s in self.docs.items() if s.is_resolution], self.store.paragraphs, self.links())
        return series(full, self._series_docs)

    def _series_of(self, doc: str) -> list[str]:
        try:
            return self.series(doc)
        except QuestionError:
            return []

    def cites(self, what: Paragraph | str) -> list[Link]:
        """What a paragraph, or a whole document (by symbol), refers to."""
        if isinstance(what, Paragraph):
            return [link for link in self.links() if link.source == what.key]
        return _once([link for link in self.links() if link.source[0] == what])

    def cited_by(self, what: Paragraph | str) -> list[Link]:
        """The indexed paragraphs that refer to a paragraph, or to a document (by symbol)."""
        if isinstance(what, Paragraph):
            found = [link for link in self.links()
                     if link.target == what.doc and (link.part, link.number) == (what.part, what.number)]
        else:
            found = [link for link in self.links() if link.target == what]
        return _once(found)

    # ------------------------------------------------------------------ adding documents

    def add(self, path: str | Path, dry_run: bool = False) -> dict:
        """Add one resolution file (PDF, .docx, text): detect it, list it in the manifest, copy it
        into the documents folder and index it. Returns what `unres add --json` prints for it;
        a file that cannot be read as a resolution comes back with `error` set and changes nothing."""
        return self.add_many([path], dry_run)[0]

    def add_many(self, paths: list[str | Path], dry_run: bool = False) -> list[dict]:
        """`add` for several files, indexed in one incremental build."""
        from .adding import add_files

        results, store = add_files([Path(p) for p in paths], self.settings, encoder=self.store.encoder,
                                   dry_run=dry_run, progress=self._progress)
        if store is not None:
            self._attach(store)
        return results

    def indexed(self) -> list[dict]:
        """Each indexed document and language version, with the fields `unres add` reports."""
        from index.intake import counts_of

        out = []
        for d in self.store.corpus.docs:
            paras = [p for p in self.store.paragraphs if (p.doc, p.lang) == (d.doc, d.lang)]
            counts = counts_of(paras) if d.is_resolution else {"P": sum(p.part == "P" for p in paras)}
            out.append({"file": d.file, "doc": d.doc, "lang": d.lang, "title": d.title, "date": d.date,
                        "kind": d.kind, "counts": counts, "added": True, "error": None})
        return out


def _numeric(required: list[list[str]]) -> bool:
    """A required number or date (in one of its forms), not a name."""
    return any(t[:1].isdigit() for alt in required for t in alt)


def _more_of_name(text: str, names: list[list[list[str]]]) -> bool:
    """`text` gives more of a name the question names than the question does: a capitalised
    word, not a title, next to it ("Fu Cong", not "Ambassador Fu,")."""
    for m in re.finditer(r"\b[A-Z][\w'’-]*\b", text):
        if not holds(set(tokens(m.group(0))), names):
            continue
        before = text[: m.start()].split()[-1:] or [""]
        after = re.match(r"\s+([A-Z][\w'’-]*)", text[m.end():])
        if (before[0][:1].isupper() and not _TITLE.match(before[0])) or (after and not _TITLE.match(after.group(1))):
            return True
    return False


def _strongest(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """One hit per provision, the one with the most support."""
    merged: dict[tuple, Hit] = {}
    for h in more + hits:
        if h.provision not in merged or h.support > merged[h.provision].support:
            merged[h.provision] = h
    return list(merged.values())


def _first(front: list[Hit], hits: list[Hit]) -> list[Hit]:
    """`hits` with those of `front` moved to the front, in front's order."""
    chosen = {id(h) for h in front}
    return front + [h for h in hits if id(h) not in chosen]


def _once(links: list[Link]) -> list[Link]:
    """One link per provision and target: the English paragraph's where there are several."""
    best: dict[tuple, Link] = {}
    for link in links:
        doc, lang, part, number = link.source
        key = (doc, part, number, link.target, link.part, link.number)
        if key not in best or lang == "en":
            best[key] = link
    return list(best.values())


def _quietly(load: Callable[[], None]) -> Callable[[], None]:
    """A background load whose failure surfaces later, at first use, as a clear error."""
    def run() -> None:
        try:
            load()
        except Exception:
            pass

    return run


def _citing(text: str, label: str) -> str:
    """The sentences of an answer that cite `label`."""
    return " ".join(s for s, labels in sentences_with_citations(text) if label in labels)


def _names_beyond(text: str, question: str) -> bool:
    """`text` has a name (a capitalised word after its first) that `question` does not use and
    the texts' authors are not: "Philippines" in a paragraph asked "Which countries ...?"."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
    return any(w.lower() not in asked and w not in _AUTHOR_WORDS
               for w in re.findall(r"(?<![\w-])[A-Z][\w-]*", text.split(maxsplit=1)[1] if len(text.split()) > 1 else ""))


_AUTHOR_WORDS = frozenset({"General", "Assembly", "United", "Nations", "Member", "State", "States"})


def _mention_otherwise(query: Query, symbol: str, number: str, mention: str) -> bool:
    """An English question says of a resolution only mentioned what its mention says otherwise."""
    # "When did the General Assembly adopt resolution 51/22?" of "Human Rights Council resolution 51/22"
    if symbol.startswith("A/RES/") and _GA_ADOPTS.search(query.question) and re.search(
            rf"(?:Human Rights Council|HRC)\D{{0,20}}(?<![\d/]){re.escape(number)}", mention):
        return True
    # "Why did the Assembly recall its resolution 78/241 of 22 December 2022?" of "... of 22 December 2023"
    if (stated := _dated(query.question, number)) and (given := _dated(mention, number)) and stated not in given:
        return True
    # "Why was HRC resolution 51/22 adopted by a recorded vote?" of "the adoption by consensus of ... 51/22"
    return query.intent in ("why", "fact") and contradicts(query.search, mention)


def _dated(text: str, number: str) -> str | None:
    """The date `text` gives resolution `number` ("78/241 of 22 December 2023" -> "22 December 2023")."""
    m = re.search(rf"(?<![\d/]){re.escape(number)}\s+of\s+((?:\d{{1,2}}\s+[A-Z][a-z]+\s+)?\d{{4}})\b", text)
    return m.group(1) if m else None
