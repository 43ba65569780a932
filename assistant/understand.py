"""Stage 1, understand: what a question asks, about what, of which resolution.

`understand(question, history, corpus)` returns a `Query`: the intent (a fact, yes-no, a count
or other structure, the paragraphs that mention something, the adoption record, what changed),
the kind of fact asked for (when, where, how long, who), the explicit references, the language,
whether it continues the conversation and the resolution under discussion, and for a question
with two parts, its parts. No store is needed: the corpus is described by `Corpus`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .references import Reference, find_references, resolve_relative
from .text import content_terms, language

# What kind of fact a question asks for. English and Chinese.
ASKS = [
    ("when", re.compile(r"\b(when|by when|what date|which date|which year|what year|deadline|how soon|until when)\b|"
                        r"何时|什么时候|哪一年|哪年|哪一天|哪天|日期|截止", re.I)),
    ("where", re.compile(r"\b(where|venue|which city|what city|location)\b|在哪|何地|地点", re.I)),
    ("how-long", re.compile(r"\b(how long|duration|how many days|for how many)\b|多长|几天|多久", re.I)),
    ("reference", re.compile(r"\b(symbol|document number|treaty series|official records|supplement|volume|vol\.|"
                             r"which document|what document|citation|published|reference number|No\.)\b|文号|文件编号|条约汇编|正式记录", re.I)),
    ("who", re.compile(r"\b(who|whom|which states|which organi[sz]ations|which bodies|which body)\b|谁|哪些国家|哪些组织", re.I)),
]
_YES_NO = re.compile(r"^\s*(?:and\s+|so\s+|but\s+)?(does|did|do|is|are|was|were|has|have|had|can|could|will|would|"
                     r"should|shall|may|might|must)\b|是否|是不是|有没有|吗\s*[？?]?\s*$", re.I)
_WHEN_DID = re.compile(r"\s*when (did|does|do|will|was|were)\b", re.I)
_WHY = re.compile(r"^\s*(why|for what reason|how come)\b|为什么|为何", re.I)
_COUNT = re.compile(r"\bhow many\b.{0,40}?\b(operative|preambular|paragraphs?|footnotes?|sub-?paragraphs?)\b|"
                    r"多少(?:个|段|条)?(执行|序言|脚注|段)|几(?:个|段|条)(执行|序言|脚注|段)?", re.I)
_MENTIONS = re.compile(r"\b(which|what|list( all)?( the)?)\s+(\w+\s+)?(paragraphs?|provisions?|parts?)\b.{0,30}\b"
                       r"(mention|mentions|refer|refers|cite|cites|talk about|deal with|address|contain|contains|include)\b|"
                       r"\bwhere (?:in .{1,40}? )?(is|are) (.+?) mentioned\b|哪些段落|哪几段|哪一段", re.I)
_LAST = re.compile(r"\b(last|final|closing)\s+(operative|preambular)\s+paragraph\b|最后一段", re.I)
_ADOPTION = re.compile(
    r"\b(when|what date|which date|which day|on what day)\b.{0,60}\b(adopted|adoption|passed|voted)\b|"
    r"\b(adopted|adoption|passed)\b.{0,20}\b(when|on what date|which date|which meeting|plenary)\b|"
    r"\b(plenary meeting|agenda item|committee report|report of the first committee|which committee|"
    r"which session|what session|recorded vote|adoption record|date of adoption)\b|"
    r"何时通过|哪天通过|什么时候通过|通过日期|全体会议|议程项目", re.I)
_COMPARE = re.compile(r"\b(same|identical|unchanged|compare|comparison|differ|differs|difference|differences|change|changed|changes|"
                      r"what's new|what is new|new in|keep|kept|still|drop|dropped|removed|added|versus|vs\.?)\b|"
                      r"比较|区别|变化|不同|保留|删除|新增", re.I)
# A question leans on the conversation when it starts by continuing it, or when a pronoun
# stands for something named only before ("they", "it") and the question names little itself.
# Only its own words decide: a pronoun in a question that stands on its own ("its mandate",
# "a weapon that cannot ...") does not make it a follow-up.
_CONTINUES = re.compile(r"^\s*(and|but|so|what about|how about|also|then)\b|^\s*(那么|还有|那)|呢\s*[？?]?\s*$", re.I)
_PRONOUN = re.compile(r"\b(they|them|their|theirs|it|its|this|that|these|those|he|she|his|her|there|else)\b|"
                      r"他们|它|其|该|这些|那些|上述|此", re.I)
# "the group", "the chair" point back too, but they are nouns the question has of its own.
_DEFINITE = re.compile(r"\bthe (group|chair)\b", re.I)
# "that resolution", "the text", "that paragraph": something of the turn before, so the
# resolution under discussion. "The resolution on capacity-building ..." or "the text adopted
# in 2024" describes one instead.
_POINTS_BACK = re.compile(r"\b(that|this|the|same)\s+(resolution|text|document|paragraph|provision)\b"
                          r"(?!\s+(?:on|about|of|adopted|concerning|entitled|titled|from|by|in|that|which)\b)|"
                          r"这项决议|该决议|此决议", re.I)
_ELSE = re.compile(r"\b(else|other|another|besides)\b|还有什么|其他", re.I)
# "X and when/how many/who ...": a second question joined by "and".
_SPLIT = re.compile(r"(?:,\s*|\s+)and\s+(?=(?:when|where|who|whom|what|which|how|why|does|did|is|are|was|were|has|have)\b)"
                    r"|[？?]\s*(?:and\s+)?(?=\S)|，?(?:以及|并且|还有)(?=[^，。？?]{2,})", re.I)
_STANDS_ALONE = 3  # a question with this many content words of its own is not a follow-up


@dataclass
class Corpus:
    """What understanding needs to know of the indexed texts."""

    resolutions: dict[str, str]  # symbol -> adoption date (ISO)
    lexicon: Lexicon


@dataclass
class Query:
    question: str  # as asked (cleaned)
    lang: str  # "en" or "zh"
    intent: str  # fact | yes-no | why | count | mentions | adoption | compare | quote
    asks: str | None  # when | where | how-long | who | None
    ref: Reference  # what the question names
    search: str  # what to search with: the question less its references, spelling corrected
    follow_up: bool = False  # read together with the turn before
    previous: str = ""  # the earlier question it continues (its search text)
    exclude: set[tuple] = field(default_factory=set)  # provisions already given ("what else")
    parts: list[Query] = field(default_factory=list)  # sub-questions of a compound question
    count_part: str | None = None  # for a count: PP, OP, FN or None (all paragraphs)

    @property
    def docs(self) -> list[str]:
        return self.ref.docs

    @property
    def claims(self) -> bool:
        """The question takes something for granted that the texts must bear out: a yes-no or
        why question, or "When did 80/57 ban ...?"."""
        return self.intent in ("yes-no", "why") or (self.intent == "fact" and bool(_WHEN_DID.match(self.question)))


def understand(question: str, history: list, corpus: Corpus) -> Query:
    """Read `question` (with the earlier answers of the conversation, oldest first)."""
    pieces = [p.strip(" ,;") for p in _SPLIT.split(question) if p and p.strip(" ,;?？")]
    if len(pieces) > 1 and all(len(content_terms(p)) >= 1 for p in pieces):
        whole = _one(question, history, corpus)
        parts = []
        for piece in pieces:
            part = _one(piece if piece.endswith(("?", "？")) else piece + "?", history, corpus)
            # "When was 79/62 adopted and how many paragraphs does it have?": "it" is 79/62,
            # whatever the turn before was about.
            if whole.ref.docs and not find_references(piece, corpus.resolutions).docs:
                part.ref.docs = list(whole.ref.docs)
            parts.append(part)
        whole.parts = parts
        return whole
    return _one(question, history, corpus)


def _one(question: str, history: list, corpus: Corpus) -> Query:
    lang = language(question)
    ref = find_references(question, corpus.resolutions)
    previous_docs = _under_discussion(history, corpus)
    if ref.relative:
        ref.docs += [d for d in resolve_relative(ref.relative, corpus.resolutions, previous_docs) if d not in ref.docs]
    rest = ref.rest or question
    search = corpus.lexicon.rewrite(rest) if lang == "en" else rest
    query = Query(question, lang, _intent(question, ref), _asks(question), ref, search)
    if query.intent == "count":
        query.count_part = _count_part(question)
    if history:
        own = content_terms(_PRONOUN.sub(" ", _POINTS_BACK.sub(" ", search)))
        pointing = bool(_PRONOUN.search(question) or _DEFINITE.search(question) or _POINTS_BACK.search(question))
        query.follow_up = bool(_CONTINUES.search(question)) or ((pointing or not own) and len(own) < _STANDS_ALONE)
        # A follow-up, or "that resolution": the resolution under discussion, unless the question names one.
        if not ref.docs and not ref.mentioned and (query.follow_up or _POINTS_BACK.search(question)):
            ref.docs = list(previous_docs)
        if query.follow_up:
            last = history[-1]
            query.previous = find_references(last.question, corpus.resolutions).rest
            if _ELSE.search(question) and not re.search(r"\b(paragraph|in it|there)\b|该段|这一段", question, re.I):
                query.exclude = {(c.doc, c.part, c.number) for c in last.citations}
    return query


def _under_discussion(history: list, corpus: Corpus) -> list[str]:
    """The resolution(s) the last turn was about: what it named, else what it cited."""
    if not history:
        return []
    last = history[-1]
    named = find_references(last.question, corpus.resolutions).docs
    if named:
        return named
    cited = list(dict.fromkeys(c.doc for c in last.citations if c.doc in corpus.resolutions))
    return cited if len(cited) == 1 else []


def _intent(question: str, ref: Reference) -> str:
    if _COUNT.search(question):
        return "count"
    if _MENTIONS.search(question):
        return "mentions"
    if ref.paragraph or _LAST.search(question):
        return "quote"
    if _ADOPTION.search(question) and not re.search(r"\badopt(?:ed|s|ing)?\s+(?:a|an)\b", question, re.I):
        return "adoption"
    if _COMPARE.search(question) and (len(ref.docs) > 1 or ref.relative or re.search(
            r"\b(change|changed|changes|differ|difference|keep|kept|still|drop|dropped|new|same|identical|unchanged)\b|"
            r"变化|区别|保留|相同", question, re.I)):
        return "compare"
    if _WHY.search(question):
        return "why"
    if _YES_NO.search(question):
        return "yes-no"
    return "fact"


def _asks(question: str) -> str | None:
    return next((name for name, pattern in ASKS if pattern.search(question)), None)


def _count_part(question: str) -> str | None:
    low = question.lower()
    if "operative" in low or "执行" in question:
        return "OP"
    if "preambular" in low or "序言" in question:
        return "PP"
    if "footnote" in low or "脚注" in question:
        return "FN"
    return None
