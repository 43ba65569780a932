"""Stage 3, select evidence: the spans of a paragraph that answer the question.

A paragraph is cut into clauses (at commas, semicolons and sentence ends, never inside
parentheses); the clauses that bear on the question are kept, as character spans of the
paragraph's own text, so a quotation can only ever be the paragraph's words. A list is cut
item by item, so one item asked for comes back alone; whatever is left out is marked with
an ellipsis when quoted. A very long name inside a kept clause (the CCW's 26 words) is
shortened to its first and last words, the gap marked too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from index import META, OP, PP, P, Paragraph
from index.lexical import CJK_CHAR, terms

from .retrieve import Matcher
from .text import MONTHS, ORDINAL_WORDS, same_word, tokens
from .understand import holds

SHORT_WORDS = 32  # a paragraph this short is quoted whole
QUOTE_WORDS = 32  # budget of a quotation for a question after one fact
BROAD_WORDS = 48  # budget for a broader question
LONG_CLAUSE = 16  # a clause longer than this is cut at its "and"s
LIST_ITEM = 7  # a phrase this short after a comma is an item of the list begun before
PURPOSE_WORDS = 8  # a purpose this short ("with a view to future negotiations") is quoted with its clause
# the words a list opens with, after the clause it qualifies
_LIST_OPENS = re.compile(r"\s*(?:包括|including\b|encompassing\b|such as\b|namely\b)")
# a sentence of prose enumerating: "Firstly, ...", "Lastly, ..."
_ENUMERATES = re.compile(r"\s*(?:first|second|third|fourth|fifth|last|final)(?:ly)?\b,?", re.I)
# a capitalised name, counted as one word in a list item: "the International Committee of the Red Cross"
_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|the|for|on|and|in)\s+)*[A-Z][\w'-]*)*")
NAME_WORDS = 12  # a capitalised name longer than this is shortened
NEAR = 0.9  # a clause this close in meaning to the best one is quoted with it
ANSWER_BONUS = 2.0  # a clause holding the kind of thing asked for (a date for "when")
ELLIPSIS = {"en": "…", "zh": "……"}

# What holds each kind of fact, for ranking clauses and for the direct answer.
_MONTHS = "|".join(MONTHS)
# a date with its year: "preferably by the end of 2025", "on 13 and 14 December 2023", "2025年底之前"
_DATED = (rf"\b(?:(?:preferably\s+)?(?:by|before|until|after|in|on|from|during|prior to|no later than)\s+)?"
          rf"(?:the\s+(?:end|beginning|start|first half|second half|middle)\s+of\s+)?"
          rf"(?:\d{{1,2}}(?:\s+(?:and|to)\s+\d{{1,2}}|\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTHS})\s+|(?:{_MONTHS})\s+)?(?:19|20)\d\d\b"
          r"(?:\s*(?:to|until|[-–])\s*(?:19|20)\d\d\b)?"  # "from 2018 to 2022"
          r"|\d{4}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日(?:\s*(?:和|至|[-–])\s*\d{1,2}\s*日)?)?(?:底|年底)?(?:之前|以前|之后|以后)?")
FACT_PATTERNS = {
    "year": re.compile(_DATED),  # "What year ...?": a time relative to an event is no answer
    "when": re.compile(
        _DATED +
        # relative to an event: "after a meeting of the Group of Governmental Experts"
        r"|\b(?:after|before|prior to|following|ahead of)\s+(?:a|the|each|every|its)\s+(?:\w+\s+)?"
        r"(?:meeting|session|conference|summit)s?\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*){0,4}"
        # a session named by its ordinal: "at its eighty-first session", "第八十届会议"
        rf"|\b(?:(?:at|of|during|until|to|in|before)\s+)?(?:its|the)\s+(?:next|current|{ORDINAL_WORDS})\s+session\b"
        r"|第[一二三四五六七八九十百]+届会议"),
    "where": re.compile(r"\b(?:in|at)\s+(?!the\b|its\b|this\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|在[\u4e00-\u9fff]{2,4}(?=举行|召开)"),
    "how-long": re.compile(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)[- ](?:day|week|month|year)s?\b"
                           r"|(?:[一二两三四五六七八九十]+|(?<!\d)\d{1,2})\s*(?:天|周|个月|年)"),
    # a document symbol, a Treaty Series or Official Records reference
    "reference": re.compile(r"\b[A-Z]{1,2}/(?:[A-Za-z0-9.]+/)*[A-Za-z0-9.]*\d[A-Za-z0-9.]*"
                            r"|Treaty Series,?\s+vol\.\s*\d+(?:,\s*No\.\s*\d+)?|Supplement\s+No\.\s*\d+[A-Z]?"),
    # a resolution by its symbol: "resolutions 78/241 of 22 December 2023 and 79/62 of 2 December 2024"
    "resolution": re.compile(rf"\b(?:(?:General Assembly|Human Rights Council|Security Council)\s+)?resolutions?\s+\d+/\d+"
                             rf"(?:\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})?(?:,?\s+and\s+\d+/\d+(?:\s+of\s+\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})?)*"
                             r"|第\s*\d+/\d+\s*号决议"),
    "how-many": re.compile(r"(?<![/A-Za-z0-9.])(?!(?:19|20)\d\d(?!\d))\d+(?![/A-Za-z0-9])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"twenty|thirty|hundred|thousand|million|dozens?)\b|[一二两三四五六七八九十百千万]+\s*(?:个|名|项|份|次)", re.I),
    "who": re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][a-z]+)*|国家|组织|委员会|社会"),
}
# A reason or purpose a text gives, which alone answers "why": "for the purpose of
# complementarity", "in particular to support developing countries", "以便相互补充"
# A definition a text gives, which alone answers "How does 79/62 define ...?"
DEFINES = re.compile(r"\b(?:means|is defined as|are defined as|shall mean|refers? to|is understood as|are understood as|"
                     r"for the purposes? of this)\b|是指|系指|定义为|指的是", re.I)
REASON = re.compile(r"\b(?:for the purpose of|in order to|so as to|with a view to|in particular to|because|owing to|due to|"
                    r"given that|in view of|aimed at|with the aim of|to (?:ensure|support|promote|address|prevent|avoid|"
                    r"enable|allow|facilitate|strengthen|contribute))\b|以便|为了|以期|以确保|旨在|因为|由于", re.I)
_CONNECTOR = {"of", "on", "or", "to", "the", "be", "which", "may", "have", "and", "for", "in", "a", "an"}


@dataclass(frozen=True)
class Evidence:
    """Spans `(start, end)` of one paragraph's text, in order, that an answer quotes."""

    paragraph: Paragraph
    spans: tuple[tuple[int, int], ...]

    def quote(self) -> str:
        """The spans joined, every omission (before, between, after) marked with an ellipsis."""
        text, zh = self.paragraph.text, self.paragraph.lang == "zh"
        mark = ELLIPSIS["zh" if zh else "en"]
        pieces = [text[a:b].strip().rstrip(",;:，；：、") for a, b in self.spans]
        body = (mark if zh else f" {mark} ").join(pieces)
        if text[: self.spans[0][0]].strip():
            body = mark + ("" if zh else " ") + body
        if text[self.spans[-1][1] :].strip(" .;,:。；，：、"):
            body = body.rstrip(" ,;:，；：、") + ("" if zh else " ") + mark
        else:
            body = body.rstrip(".;,:。；，：、")
        return body


def _adjacent(text: str, end: int, start: int) -> bool:
    return not text[end:start].strip(" ,;:，；：、")


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clause boundaries of a paragraph: cut after a comma, semicolon or sentence end that is
    not inside parentheses."""
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",;:，；：" or (ch in ".!?。！？" and (i + 1 == len(text) or text[i + 1] == " "))):
            if text[start : i + 1].strip():
                spans.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return [piece for a, b in spans for piece in _split_long(text, *_trim(text, a, b))]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries of prose: after a full stop, question or exclamation mark and a space."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?。！？])[”\"]?\s+(?=[A-Z“\"])", text):
        spans.append(_trim(text, start, m.start()))
        start = m.end()
    spans.append(_trim(text, start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _split_long(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A clause too long to quote whole (a list run together with "and") is cut before each
    " and ", so one item of the list can be quoted alone."""
    if _words(text[a:b]) <= LONG_CLAUSE:
        return [(a, b)]
    cuts = [a] + [a + m.start() + 1 for m in re.finditer(r" and (?!\d)", text[a:b])] + [b]
    return [(x, y - 1 if text[y - 1] == " " else y) for x, y in zip(cuts, cuts[1:]) if text[x:y].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _words(text: str) -> int:
    return len(text.split()) + len(re.findall(r"[\u3400-\u9fff]", text)) // 2


def select(p: Paragraph, match: Matcher, asks: str | None, *, broad: bool = False, whole: bool = False,
           names: list[list[list[str]]] | None = None, verbatim: bool = False, listing: bool = False,
           kind: set[str] = frozenset(), purpose: bool = False) -> Evidence:
    """The clauses of `p` that answer: the best, the one holding the fact asked for, the
    paragraph's opening clause (its verb), then those that add what the question asks and is
    not yet covered, within a word budget."""
    text = p.text
    # Prose (a news article) is quoted by sentences; a resolution's paragraph by clauses.
    # (a clause's purpose, where a purpose is asked: "with a view to future negotiations")
    spans = sentence_spans(text) if p.part == P else _with_relatives(text, clause_spans(text), purposes=purpose)
    if verbatim:  # "quote it in full": every word, long names too
        return Evidence(p, ((0, len(text)),))
    if whole or not spans or _words(text) <= SHORT_WORDS:
        return _shorten_names(Evidence(p, ((0, len(text)),)))
    budget = BROAD_WORDS if broad else QUOTE_WORDS
    pattern = FACT_PATTERNS.get(asks or "")
    pieces = [text[a:b] for a, b in spans]
    read = [match.read(x) for x in pieces]  # (score, has the focus, concepts covered), read once
    focus = [f for _, f, _ in read]
    scores = [score + (ANSWER_BONUS if pattern is not None and pattern.search(x) else 0.0)
              + (match.focus_weight if f else 0.0)  # the question's most specific word counts twice
              for x, (score, f, _) in zip(pieces, read)]
    costs = [_words(_shortened(x)) for x in pieces]
    # The answer lies where the question's most specific word is, when any clause has it.
    focused = [i for i, f in enumerate(focus) if f] or list(range(len(spans)))
    best = max(focused, key=lambda i: (scores[i], -i))
    keep = {best}
    protected = {best}
    # The clause holding the most specific fact of the kind asked for ("by the end of 2025"
    # rather than "in 2023") is kept whatever else scores higher.
    if pattern is not None and asks != "who":
        facts = [(_specific(m.group(0))[0], i) for i, x in enumerate(pieces) for m in pattern.finditer(x)]
        if facts:
            forced = max(facts, key=lambda f: (f[0], focus[f[1]], scores[f[1]]))[1]
            keep.add(forced)
            protected.add(forced)
    # A clause holding a name or number the question uses ("Can the ICRC take part?") is the
    # one the question is about: it stays.
    for i, x in enumerate(pieces):
        have = terms(x)
        if names and any(any(all(t in have or same_word(t, have) for t in alt) for alt in alts) for alts in names):
            keep.add(i)
            protected.add(i)
    # "Why did 79/62 decide to convene ...?": the purpose it gives ("in order to further ...")
    # is the answer, the one after the best clause first
    if purpose and (opens := [i for i, x in enumerate(pieces) if PURPOSE_IN.search(x)]):
        said = min(opens, key=lambda i: (i < best, abs(i - best)))
        keep.add(said)
        protected.add(said)
    # Who takes part, who is invited: the list that follows the clause is the answer, so it
    # is kept to its end (";" or "."), not cut after its first name.
    if asks == "who":
        for i in range(best + 1, len(spans)):
            if pieces[i - 1].rstrip().endswith((";", ".", "；", "。")):
                break
            keep.add(i)
            protected.add(i)
    # "What are the three reasons?" of prose: its sentences enumerating ("Firstly, ...", "Lastly, ...")
    if listing and p.part == P:
        for i, x in enumerate(pieces):
            if _ENUMERATES.match(x):
                keep.add(i)
                protected.add(i)
    # "哪些风险？": the list the best clause opens ("……影响，包括可能引发军备竞赛，……") is the answer
    if listing:
        starts = [i for i in range(best, len(spans)) if _LIST_OPENS.match(pieces[i])]
        if starts and not any(pieces[i].rstrip().endswith((";", ".", "；", "。")) for i in range(best, starts[0])):
            for i in range(starts[0], len(spans)):
                keep.add(i)
                protected.add(i)
                if pieces[i].rstrip().endswith((";", ".", "；", "。")):
                    break
    # "Which perspectives ...?" of "including consideration of legal, | technological, | ...
    # humanitarian and security perspectives": the list the kind asked for ends is the answer
    for i in (i for i in range(len(spans)) if kind and kind <= set(tokens(pieces[i]))):
        j = i
        while j > 0 and _words(pieces[j - 1]) <= LIST_ITEM and not _LIST_OPENS.match(pieces[j]):
            j -= 1
        if i - j >= 2:  # (a list of three items or more)
            for k in range(j - (0 if _LIST_OPENS.match(pieces[j]) else 1) if j else 0, i + 1):
                keep.add(k)
                protected.add(k)
    # The opening clause says who acts and how ("Calls upon the Group ..."); keep it if it fits.
    if p.part in (OP, PP, META) and best != 0:
        keep.add(0)
    # A clause too short to stand alone ("preferably by the end of 2025,") takes the one before.
    if best > 0 and _words(pieces[best]) < 6:
        keep.add(best - 1)
    # Then, greedily, the clause that adds the most of the question not yet covered (each
    # item of a list asked about by name, each part of a two-part question), while it fits.
    covered = set().union(*(read[i][2] for i in keep))
    while True:
        used = sum(costs[i] for i in keep)
        gain, i = max(((match.weight(read[i][2] - covered), i) for i in range(len(spans))
                       if i not in keep and used + costs[i] <= budget), default=(0.0, -1))
        if gain <= 0:
            break
        keep.add(i)
        covered |= read[i][2]
    while len(keep) > len(protected) and sum(costs[i] for i in keep) > budget:
        drop = min((i for i in keep if i not in protected), key=lambda i: (scores[i], -abs(i - best)))
        keep.discard(drop)
    return _shorten_names(Evidence(p, tuple(_merge([spans[i] for i in sorted(keep)], text))))


_PURPOSE = r"(?:with\s+a\s+view\s+to|in\s+order\s+to|so\s+as\s+to|for\s+the\s+purposes?\s+of)\b"
PURPOSE_IN = re.compile(rf"\b{_PURPOSE}", re.I)  # a purpose anywhere in a clause
_PURPOSE_OPENS = re.compile(rf"[\s,;]*{_PURPOSE}", re.I)  # a clause that is a purpose


def _with_relatives(text: str, spans: list[tuple[int, int]], purposes: bool = False) -> list[tuple[int, int]]:
    """A relative clause is quoted with what it qualifies: "a rolling text, | which represents a
    significant milestone"."""
    out: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(spans):
        # (in Chinese, what follows a comma and carries on the clause's verb: "鼓励所有会员国积极参加
        # 政府专家组的工作，| 并考虑 ...", and a closing "including": "…的工作，| 包括考虑作为观察员参加 ..."
        # (an "including" the list's further items follow is the list itself, quoted by its items))
        # ... and a purpose is quoted with what it is the purpose of: "to work towards completing
        # the set of elements ..., | with a view to future negotiations"
        # (a short one: a long purpose is a clause of its own, quoted when it answers)
        purpose = purposes and _PURPOSE_OPENS.match(text[a:b]) and _words(text[a:b]) <= PURPOSE_WORDS
        if out and (purpose or re.match(r"\s*(?:which|who|whose)\b|[，,]?\s*(?:并且?|以便|以及)", text[a:b])) \
                or (out and i == len(spans) - 1 and re.match(r"[，,]?\s*包括", text[a:b])):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def select_by_meaning(p: Paragraph, similarity: list[float]) -> Evidence:
    """For a question in another language than the paragraph (a Chinese question, an English-
    only resolution), no word of the question is in the text: its clauses are chosen by their
    meaning, `similarity[i]` being clause i's (of `clause_spans`) to the question. The closest
    clause, the opening clause that says who acts, and clauses nearly as close, within the
    budget."""
    text = p.text
    spans = clause_spans(text)
    if not spans or _words(text) <= SHORT_WORDS or len(similarity) != len(spans):
        return _shorten_names(Evidence(p, ((0, len(text)),)))
    best = max(range(len(spans)), key=lambda i: similarity[i])
    keep = {best} | ({0} if p.part in (OP, PP, META) else set())
    for i in sorted(range(len(spans)), key=lambda i: -similarity[i]):
        if similarity[i] >= NEAR * similarity[best] and sum(_words(text[a:b]) for a, b in
                                                            (spans[j] for j in keep | {i})) <= QUOTE_WORDS:
            keep.add(i)
    return _shorten_names(Evidence(p, tuple(_merge([spans[i] for i in sorted(keep)], text))))


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _adjacent(text, out[-1][1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_NAME_WORD = re.compile(r"\S+")


def _long_names(text: str, a: int, b: int, whole: bool = False) -> list[tuple[int, int]]:
    """Stretches of a capitalised name longer than NAME_WORDS words, as (cut start, cut end):
    the name's first four and last two words stay (or, `whole`, the entire name)."""
    words = [(m.start() + a, m.end() + a, m.group(0)) for m in _NAME_WORD.finditer(text[a:b])]
    cuts, i = [], 0
    while i < len(words):
        if not words[i][2][:1].isupper():  # a name starts on a capitalised word, not on "of the"
            i += 1
            continue
        j = i
        while j < len(words) and (words[j][2][:1].isupper() or words[j][2].lower().strip(",") in _CONNECTOR):
            j += 1
        # the run must start and end on a capitalised word
        k = j
        while k > i and not words[k - 1][2][:1].isupper():
            k -= 1
        if k - i > NAME_WORDS:
            h = i + 3  # the kept head ends on a capitalised word: "High Contracting Parties", not "... to"
            while h > i and not words[h][2][:1].isupper():
                h -= 1
            # a relative clause inside the name ("... Conventional Weapons Which May Be Deemed ..."):
            # what it qualifies is the name's own noun, kept; the clause is cut
            rel = next((r for r in range(h + 4, k) if words[r][2] in ("Which", "That", "Who")), None)
            if whole:
                cuts.append((words[i][0], words[k - 1][1]))
            elif rel is not None:
                cuts += [(words[h][1], words[rel - 4][1]), (words[rel - 1][1], words[k - 1][1])]
            else:
                cuts.append((words[h][1], words[k - 3][1]))
        i = max(j, i + 1)
    return cuts


def long_names(text: str) -> list[tuple[int, int]]:
    """The spans of the long capitalised names of `text` (those a quotation shortens), whole."""
    return _long_names(text, 0, len(text), whole=True)


def _shortened(piece: str) -> str:
    cuts = _long_names(piece, 0, len(piece))
    for a, b in reversed(cuts):
        piece = piece[:a] + " … " + piece[b:]
    return piece


def _shorten_names(ev: Evidence) -> Evidence:
    spans: list[tuple[int, int]] = []
    for a, b in ev.spans:
        start = a
        for ca, cb in _long_names(ev.paragraph.text, a, b):
            spans.append((start, ca))
            start = cb + 1
        spans.append((start, b))
    # (what is left between a cut name and the clause's end may be a footnote marker: ",1")
    spans = [(a, b) for a, b in spans if re.search(r"[^\W\d_]", ev.paragraph.text[a:b])] or spans
    return Evidence(ev.paragraph, tuple(_trim(ev.paragraph.text, a, b) for a, b in spans))


def fact_in(ev: Evidence, asks: str | None, match: Matcher | None = None, deadline: bool = False,
            names: list[list[list[str]]] | None = None) -> str | None:
    """The words of the evidence that answer a when / where / how-long question directly: for
    a question asking by when, the most specific (a deadline before a date before a year);
    otherwise the one that follows the question's focus most closely ("agreed to by the High
    Contracting Parties ... in 2023", not the later "by the end of 2025")."""
    pattern = FACT_PATTERNS.get(asks or "")
    if pattern is None or asks in ("who", "how-many"):  # a name or a bare number is no answer on its own
        return None
    text = ev.paragraph.text
    # where the question's names stand ("the Austrian one": Austria) or else its focus word
    focus = _name_positions(text, names) or _focus_positions(text, match)
    # of an article's several sentences, those about the question ("The Resolution adopted on 25
    # June ...", not Fu's "from 2018 to 2022")
    about = sentences_about(text, match) if match is not None else []
    found = []
    for a, b in ev.spans:
        for m in pattern.finditer(text[a:b]):
            if about and not any(x <= a + m.start() < y for x, y in about):
                continue
            # the fact that follows the question's focus most closely ("by Sierra Leone on 17 ...")
            after = [a + m.start() - f for f in focus if f <= a + m.start()]
            found.append((-min(after, default=10**6), m.group(0)))
    if not found:
        return None
    if deadline:
        return max(found, key=lambda f: (_specific(f[1])[0], f[0], _specific(f[1])[1]))[1]
    return max(found, key=lambda f: (f[0], _specific(f[1])))[1]


def sentences_about(text: str, match: Matcher) -> list[tuple[int, int]]:
    """Of a paragraph of several sentences (an article's), those saying most of what the
    question asks about: at least half as much, by weight, as the one saying most ("The
    Resolution adopted on 25 June ...", not Fu's sentence naming it in passing). Empty for a
    paragraph of one sentence."""
    spans = sentence_spans(text)
    if len(spans) < 2 or not match.about:
        return []
    weights = [match.weight(set(match.read(text[a:b])[2])) for a, b in spans]
    best = max(weights)
    return [span for span, w in zip(spans, weights) if best and w >= best / 2]


def _name_positions(text: str, names: list[list[list[str]]] | None) -> list[int]:
    """Where the words of the question's names stand in `text` (a word that begins or is begun
    by a name's word counts: "Austria" for "Austrian")."""
    wanted = {t for alts in names or [] for alt in alts for t in alt if not t.isdigit()}
    return [m.start() for m in re.finditer(r"[A-Za-z][\w-]*", text)
            if any(t in wanted or same_word(t, wanted) for t in tokens(m.group(0)))] + \
        [m.start() for t in wanted if "/" in t for m in re.finditer(rf"(?<![\d/]){re.escape(t)}(?![\d/])", text)]  # "51/22"


def _focus_positions(text: str, match: Matcher | None) -> list[int]:
    """Where the words of the question's focus stand in `text`."""
    if match is None or match.focus is None:
        return []
    wanted = {t for alt in match.focus for tok in alt for t in tok.split("_")}
    # (a Chinese word is found where it stands: the text has no spaces to split it by)
    return [m.start() for m in re.finditer(r"[A-Za-z][\w-]*", text) if set(tokens(m.group(0))) & wanted] + \
        [m.start() for t in wanted if CJK_CHAR.match(t) for m in re.finditer(re.escape(t), text)]


_DEADLINE = re.compile(r"\b(by|before|until|no later than|end of|prior to)\b|底|之前|以前", re.I)


def is_deadline(fact: str) -> bool:
    """"by the end of 2025", "before its next session": a time something must happen by."""
    return bool(_DEADLINE.search(fact))


def _specific(fact: str) -> tuple[int, int]:
    """How specific a fact is: a deadline over a date over a bare year."""
    return (bool(_DEADLINE.search(fact)) * 2 + bool(re.search(r"\d{1,2}\s+[A-Z]|月", fact)), len(fact))


def new_facts(text: str, asks: str | None, question: str, counted: list[str] | None = None) -> list[str]:
    """The facts of the kind asked for in `text` that the question does not already state:
    "in 2025" does not answer "When in 2025 ...?". A number answers "how many X" only when
    it counts X ("two days" does not say how much money)."""
    pattern = FACT_PATTERNS.get(asks or "")
    if pattern is None:
        return []
    asked = set(tokens(question))
    found = []
    for m in pattern.finditer(text):
        if set(tokens(m.group(0))) <= asked:
            continue
        # a resolution the question itself names is not the one it asks for ("第79/62号决议")
        if asks == "resolution" and set(re.findall(r"\d+/\d+", m.group(0))) <= set(re.findall(r"\d+/\d+", question)):
            continue
        # what follows the number: four words, or in Chinese six characters ("12个国家")
        after = text[m.end() : m.end() + 6] if CJK_CHAR.match(text[m.end() : m.end() + 2][-1:] or " ") \
            else " ".join(text[m.end() :].split()[:4])
        if counted and not set(counted) <= set(tokens(after)):
            continue
        found.append(m.group(0))
    return found


_AGENT_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w'’-]*)*(?:\s+\([A-Z]+\))?"


# (the verbs in either case, the name as names are written: capitalised)
ASKS_TO = rf"\b(?i:requests?|invites?|calls?\s+upon|encourages?|urges?|asks?|mandates?)\s+({_AGENT_NAME})\s+to\b"


def asked_to(text: str) -> list[set[str]]:
    """Those `text` asks to do something: "Requests the Secretary-General to facilitate ...",
    "ask the Group of Governmental Experts to ..."."""
    return [n for m in re.finditer(ASKS_TO, text) if (n := _name_words(m.group(1)))]


def agents(text: str, verb: set[str], authors: bool = False) -> list[set[str]] | None:
    """Who does what the verb names, as `text` says it: the names after "by" that follow the
    verb ("sponsored by the People's Republic of China", "hosted by the Philippines ... and by
    Sierra Leone") or the name just before it ("the United States endorsed"), each as its
    tokens; None when the text names no one doing it. The resolution's author is a doer only
    where a question names it so (`authors`): "Did the General Assembly itself host ...?"."""
    text = re.sub(r"\b(itself|themselves|himself|herself)\s+", "", text) if authors else text
    words = list(re.finditer(r"[\w'’-]+", text))
    at = _deeds(words, verb, asked=True)
    found: list[set[str]] = []
    for n, i in enumerate(at):
        end = words[at[n + 1]].start() if n + 1 < len(at) else len(text)
        after = re.split(r"[.;](?:\s|$)", text[words[i].end() : end], maxsplit=1)[0]  # in its own sentence
        # the verb's own "by" (or "under"), just after it, then any "and by" of the same list:
        # "hosted by the Philippines on ... and by Sierra Leone"; not "fulfil its mandate as
        # agreed to by the High Contracting Parties" (that "by" is "agreed"'s)
        if first := re.match(rf"\s*(?:\w+\s+){{0,2}}?(by|under)\s+({_AGENT_NAME}(?:\s+and\s+{_AGENT_NAME})*)", after):
            found += [_name_words(name) for name in re.split(r"\s+and\s+", first.group(2))]  # "the Netherlands and the Republic of Korea"
            found += [_name_words(m.group(1)) for m in re.finditer(rf"\band\s+by\s+({_AGENT_NAME})", after[first.end() : 200])]
        before = text[max(0, words[i].start() - 60) : words[i].start()]
        # "Requests the Secretary-General to facilitate": the one asked to do it
        if m := re.search(rf"{ASKS_TO}\s+(?:\w+\s+)?$", before):
            found.append(_name_words(m.group(1)))
            continue
        if re.match(r"\s*(?:\w+\s+)?(?:by|under)\b", after):  # passive: the name before is what it was done to
            continue
        if m := re.search(rf"({_AGENT_NAME})\s+(?:has\s+|have\s+|had\s+)?$", before):
            if authors or not _NOT_DOER.match(m.group(1)):
                found.append(_name_words(m.group(1)))
    return [f for f in found if f] or None


# what a role is of, not who holds it: "the Chair of the Group of Governmental Experts"
_BODY = re.compile(r"\b(?:Group|Convention|Assembly|Committee|Council|Conference|Experts|Parties|Nations|Secretariat|"
                   r"Commission|Department|Ministry|Organization|Summit|Meeting)\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)


def tells_who(text: str, verb: str, question: str) -> bool:
    """Whether `text` speaks of the deed a who-question asks about ("Who chairs the Group?") as
    a deed done, or names its doer: "the Chair of the Group" is the role, not who holds it;
    "Invites the Chair" speaks of the deed, and so does a noun whose doer it names ("the chairing
    of the Netherlands"), not the body a role is of."""
    stems = set(tokens(verb))
    asked = set(tokens(question))
    for m in re.finditer(r"[\w'’-]+", text):
        own = tokens(m.group(0))
        if not own or not (set(own) & stems or same_word(own[0], stems)):
            continue
        if not _DETERMINER.search(text[max(0, m.start() - 8) : m.start()]):
            return True  # a verb: "Invites", "hosted by"
        if (of := re.match(rf"\s+(?:of|by)\s+({_AGENT_NAME})", text[m.end() :])) and not set(tokens(of.group(1))) <= asked \
                and not _BODY.search(of.group(1)):
            return True  # a noun whose doer is named, other than what the question names (and no body it is of)
    return False


# "由菲律宾于2023年12月13日和14日以及塞拉利昂于2024年4月17日和18日主办的区域会议": who, when, what
_ZH_HOSTED = re.compile(r"(?:^|[，、；]|和|由)((?:[\u4e00-\u9fff]{2,6}?于[\d\s年月日和至]+(?:以及|和)?)+)(?:主办|举办|召开|举行)的([^，；。、]+?)(?=[，；。、]|和|$)")
_ZH_BY = re.compile(r"([\u4e00-\u9fff]{2,6}?)于([\d\s年月日和至]+)")


def zh_doer(text: str, question: str) -> str | None:
    """Who hosted the thing a Chinese question describes: of the "X于<date>主办的Y" of `text`,
    the X whose Y shares the most of the question's words (two-character pieces) and whose
    date the question's numbers, if any, fit."""
    asked = {question[i : i + 2] for i in range(len(question) - 1)}
    numbers = set(re.findall(r"\d+", question))
    scored = []
    for m in _ZH_HOSTED.finditer(text):
        thing = m.group(2)
        for doer, date in _ZH_BY.findall(m.group(1)):
            doer = re.sub(r"^(?:以及|和|由)", "", doer)
            fits = numbers <= set(re.findall(r"\d+", date)) if numbers else True
            scored.append((sum(thing[i : i + 2] in asked for i in range(len(thing) - 1)) if fits else -1, doer))
    best = max((s for s, _ in scored), default=0)
    tied = [doer for s, doer in scored if s == best]
    if best < 2 or (len(tied) > 1 and "哪些" not in question):  # "哪些国家": all of them
        return None
    return "、".join(tied)


def doers(text: str, verb: set[str], wanted: list[list[list[str]]]) -> list[str]:
    """The names `text` gives as doing what the verb names ("hosted by ..."), of the one it
    does it with what the question names: "Who hosted a regional conference in December
    2023?" -> ["the Philippines"] from "regional conferences hosted by the Philippines on 13
    and 14 December 2023 and by Sierra Leone on 17 and 18 April 2024"."""
    words = list(re.finditer(r"[\w'’-]+", text))
    at = _deeds(words, verb)
    found: list[str] = []
    for n, i in enumerate(at):
        start = words[at[n - 1]].end() if n else 0
        end = words[at[n + 1]].start() if n + 1 < len(at) else len(text)
        before, after = text[start : words[i].start()], text[words[i].end() : end]
        before = re.split(r",|\band\s+(?=the\b)", before)[-1]  # the item the verb is said of
        names = [(m.start(), m.group(1)) for m in re.finditer(rf"\bby\s+({_AGENT_NAME}(?:\s+and\s+{_AGENT_NAME})*)", after)]
        if not names or names[0][0] > 12:  # the verb's own "by", just after it
            # or its subject, just before it: "the United States endorsed the Resolution"
            if (m := re.search(rf"({_AGENT_NAME})\s+(?:has\s+|have\s+|had\s+)?$", before)) and not _NOT_DOER.match(m.group(1)) \
                    and holds(terms(f"{before} {re.split(r'[,.;]', after)[0]}"), wanted):
                found.append(m.group(1))
            continue
        for k, (at_, name) in enumerate(names):
            window = after[at_ : names[k + 1][0] if k + 1 < len(names) else len(after)]
            head = len("by ") + len(name) + (len(window) - len(window.lstrip()))  # the name, then its item up to the next
            window = window[:head] + re.split(r",|\band\s+(?=the\b)", window[head:])[0]
            # the question's names stand before the verb ("the ... Summit hosted") or in the item
            if holds(terms(f"{before} {window}"), wanted):
                found.append(name)
    return found


def _deeds(words: list[re.Match], verb: set[str], asked: bool = False) -> list[int]:
    """Where the verb is done ("sponsored", "held"), or, `asked`, named after an auxiliary ("Did
    China endorse"); not a noun of the same stem ("Resolution")."""
    return [i for i, w in enumerate(words)
            if (_DONE.search(w.group(0)) or (asked and any(x.group(0).lower() in _AUXILIARY for x in words[max(0, i - 4) : i])))
            and (set(tokens(w.group(0))) & verb or same_word(next(iter(tokens(w.group(0))), ""), verb))]


_NOT_DOER = re.compile(r"(?:the\s+)?(?:Resolution|Assembly|General Assembly)\b", re.I)  # the text's own voice
_AUXILIARY = {"did", "does", "do", "to", "will", "would", "can", "could", "should", "shall", "has", "have", "had"}
_DONE = re.compile(r"(?:ed|en|un|held|led|set|made|met|done)$", re.I)


def _name_words(name: str) -> set[str]:
    """A name's tokens; a name the index keeps no token of ("the General Assembly"), its words;
    a question word is no name ("Who hosted ...?")."""
    name = re.sub(r"^(?:who|what|which|when|where|why|how|did|does|do|is|are|was|were|has|have|had)\b\s*", "", name, flags=re.I)
    if not name:
        return set()
    return set(tokens(name)) or {w.lower() for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "the"}


def actors(text: str) -> list[set[str]]:
    """Everyone `text` names as doing something: after "by", or just before a past verb."""
    found = [m.group(1) for m in re.finditer(rf"\bby\s+({_AGENT_NAME})", text)]
    found += [m.group(1) for m in re.finditer(rf"({_AGENT_NAME})\s+(?:has\s+|have\s+|had\s+)?[a-z]+ed\b", text)]
    return [set(tokens(f)) for f in found if tokens(f)]


def claim_text(p: Paragraph) -> str:
    """What a paragraph states in its own words, for testing a question's premise: the text
    with long names blanked out, so "ban" is not borne out by the word "Prohibitions" in the
    title of the Convention on Prohibitions or Restrictions on the Use of ...."; and without the
    adverbs that number its points ("Firstly, it underscores ..." says nothing is first)."""
    return _ENUMERATING.sub(" ", _blank_names(p.text, 0, len(p.text)))


_ENUMERATING = re.compile(r"\b(?:first|second|third|fourth|fifth|last)ly\b", re.I)


class Unit(NamedTuple):
    """A clause or list item a claim must be found within."""

    words: str  # its words in the paragraph
    own: str  # what it says, in its own words (long names blanked), with its list's head
    head: str  # the head of its list in its own words ("" when it is a head itself)
    tail: str = ""  # what is said of the whole list after it ("..., applies in relation to ...")
    context: str = ""  # the clause an "including ..." head continues, in its own words


# A verb saying something of a whole list before it, as resolutions write ("..., applies to ...")
_PREDICATE = re.compile(r"\s*(?:applies|apply|remains?|constitutes?|must|should|shall|is|are)\b")


_LIST_TAIL = re.compile(r"\s(?:in|for|by|through|to)\s+[a-z]+ing\b")
_CONTINUES = re.compile(r"\s*(?:including|in particular|inter alia|notably)\b")


def claim_units(p: Paragraph) -> list[Unit]:
    """The units a claim must be found within, clauses (long ones cut at their "and"s). An
    item of a list says what it says with the list's head, which holds the words the others
    leave out: "regional conferences hosted by the Philippines on ... and by Sierra Leone on
    ...", "the report ..., which reflects ... views of Member States, ..., civil society, the
    scientific community and industry"."""
    text = p.text
    spans = sentence_spans(text) if p.part == P else clause_spans(text) or [(0, len(text))]
    units, head, context = [], "", ""
    items: list[tuple[int, int]] = []
    for x, y in [item for a, b in spans for item in _split_long(text, a, b)]:
        # a relative or participle clause belongs to what it qualifies: "including autonomous
        # weapons systems, | that cannot be used ...", "the report of the Secretary-General, |
        # submitted pursuant to ..."
        if items and re.match(r"\s*(?:that|which|who|whose|[a-z]+ed)\b", text[x:y]):
            items[-1] = (items[-1][0], y)
        else:
            items.append((x, y))
    for i, (x, y) in enumerate(items):
        own = _blank_names(text, x, y)
        # a further item of the list begun before: after "and", or a short phrase after a
        # comma ("Member States, ..., the International Committee of the Red Cross, civil
        # society, the scientific community and industry")
        # ("..., academia, industry and other stakeholders | in enriching international
        # discussions ...": what follows the paragraph's last item is said of every item)
        tail = _LIST_TAIL.search(own) if i and i == len(items) - 1 else None
        short = _words(_NAME.sub("N", own[: tail.start()] if tail else own)) <= LIST_ITEM
        if tail and short and text[:x].rstrip().endswith(","):
            units = [u._replace(own=f"{u.own} {own[tail.start():]}", tail=own[tail.start():]) for u in units]
            units.append(Unit(text[x:y], head + " " + own, head, context=context))
        elif i and _PREDICATE.match(own):
            # the list's predicate: said of each of its items ("international humanitarian law
            # and international human rights law, | applies in relation to autonomous weapons")
            units = [u._replace(own=f"{u.own} {own}", tail=own) for u in units]
            units.append(Unit(text[x:y], head + " " + own, head, own, context))
        elif re.match(r"\s*(?:and|or)\s", own) or (i and text[:x].rstrip().endswith(",") and short):
            units.append(Unit(text[x:y], head + " " + own, head, context=context))
            if not short:  # "... and that these consultations shall be open to the full
                head = f"{head} {own}"  # participation of ..., civil society, ..."
        else:
            # "encourages all Member States to take part ..., | including to consider ... and
            # adhering to the Convention": an "including" clause continues the one before it
            context = (units[-1].own if units else "") if _CONTINUES.match(own) else ""
            head = own
            units.append(Unit(text[x:y], own, "", context=context))
    return units


def _blank_names(text: str, a: int, b: int) -> str:
    out = text[a:b]
    for x, y in reversed(_long_names(text, a, b, whole=True)):
        out = out[: x - a] + " " + out[y - a :]
    # A Chinese title stands in 《》 ("《禁止或限制使用某些常规武器公约》"), whatever its length.
    return re.sub(r"《[^》]*》", " ", out)


def purpose_in(ev: Evidence) -> str | None:
    """The purpose the quoted words give, from its marker to the end of its clause: "for the
    purpose of complementarity and enriching its discussions" (a why-question's direct answer)."""
    text = ev.paragraph.text
    for a, b in ev.spans:
        if m := PURPOSE_IN.search(text, a, b):
            end = re.search(r"[,;.]|$", text[m.start():b]).start() + m.start()
            return text[m.start():end].strip() or None
    return None
