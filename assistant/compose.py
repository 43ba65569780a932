"""Turn retrieved paragraphs into a short, direct answer without a language model.

Each sentence restates one paragraph: who acted (the General Assembly, in resolution
79/62, operative paragraph 4), the paragraph's own verb put in the past tense, and the
clauses of the paragraph that bear on the question. Every word after the opening comes
from the cited paragraph; omitted clauses are marked with an ellipsis.
"""
from __future__ import annotations

import re

from index import FN, META, OP, PP, Paragraph

from .retrieve import Matcher
from .text import clauses, sentences, tokens

FOCUS_WEIGHT = 5.0  # outweighs the topic words that every sentence of a paragraph repeats
ANSWER_TYPE_WEIGHT = 1.5  # a clause holding the kind of thing asked for (a date for "when")
SHORT_WORDS = 45  # a paragraph this short is restated whole (a Chinese word counts as two characters)
MAX_WORDS = 90  # a sentence longer than this drops its least relevant clauses
ELLIPSIS = {"en": " … ", "zh": "……"}

# Opening words of preambular paragraphs, as the General Assembly's past action.
PREAMBULAR = {
    "recalling": "recalled", "reaffirming": "reaffirmed", "affirming": "affirmed",
    "recognizing": "recognized", "noting": "noted", "welcoming": "welcomed",
    "acknowledging": "acknowledged", "stressing": "stressed", "highlighting": "highlighted",
    "emphasizing": "emphasized", "underlining": "underlined", "expressing": "expressed",
    "considering": "considered", "reiterating": "reiterated", "bearing": "bore",
    "taking": "took", "commending": "commended", "underscoring": "underscored",
    "convinced": "was convinced", "mindful": "was mindful", "concerned": "was concerned",
    "aware": "was aware", "alarmed": "was alarmed", "determined": "was determined",
    "guided": "was guided", "cognizant": "was cognizant", "conscious": "was conscious",
    "encouraged": "was encouraged", "deeply": "was deeply", "gravely": "was gravely",
}
IRREGULAR = {"takes": "took", "bears": "bore", "reads": "read"}
ADVERBS = {"also", "further", "strongly", "again", "once", "firmly", "deeply", "urgently"}

# What kind of answer a question wants, and how to spot it: `strict` marks a paragraph
# as holding that kind of thing (used to rank paragraphs), `loose` marks a clause worth
# keeping in the answer sentence.
ANSWER_TYPES = [
    (re.compile(r"\b(when|by when|what date|which year|what year|deadline|how soon)\b|何时|什么时候|哪一年|哪一天|哪天|日期", re.I),
     re.compile(r"\b(19|20)\d\d\b|\d{4}\s*年"),
     re.compile(r"\b(19|20)\d\d\b|\d{4}\s*年|\b(after|before|by the end of|until|prior to|following)\b|之前|之后|以前|以后")),
    (re.compile(r"\b(where|venue|which city)\b|在哪|何地", re.I),
     re.compile(r"\b(in|at)\s+(?!the\b)[A-Z][a-z]+(\s+[A-Z][a-z]+)*|在[\u4e00-\u9fff]{2,4}举行"),
     re.compile(r"\b(in|at)\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)*|在[\u4e00-\u9fff]{2,4}举行")),
    (re.compile(r"\b(how long|duration|how many days)\b|多长|几天", re.I),
     re.compile(r"\b(one|two|three|four|five|\d+)\s+(day|week|month|year)s?\b|两天|\d+天"),
     re.compile(r"\b(one|two|three|four|five|\d+)\s+(day|week|month|year)s?\b|两天|天")),
    (re.compile(r"\b(who|which states|which organi[sz]ations|whom)\b|谁|哪些", re.I),
     None,
     re.compile(r"\b[A-Z][a-z]+|国|组织|委员会|社会")),
]


def answer_patterns(question: str, strict: bool = False) -> list[re.Pattern]:
    """Patterns for the kind of thing the question asks for (a date, a place, ...)."""
    return [s if strict else loose for ask, s, loose in ANSWER_TYPES if ask.search(question) and (s or not strict)]


def past_tense(verb: str) -> str:
    low = verb.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("s"):
        stem = low[:-1]
        return stem + "d" if stem.endswith("e") else stem + "ed"
    return low


def _opening(text: str) -> tuple[str, str] | None:
    """Split "Calls upon the Group ..." into ("called", "upon the Group ...")."""
    words = text.split(" ")
    i = 0
    while i < len(words) - 1 and words[i].lower() in ADVERBS:
        i += 1
    head, rest = words[i], " ".join(words[i + 1 :])
    prefix = " ".join(w.lower() for w in words[:i])
    low = head.lower().strip(",")
    if low in PREAMBULAR:
        verb = PREAMBULAR[low]
    elif head[:1].isupper() and low.endswith("s") and low.isalpha():
        verb = past_tense(low)
    else:
        return None
    if prefix and verb.startswith("was "):
        verb = f"was {prefix} {verb[4:]}"
    elif prefix:
        verb = f"{prefix} {verb}"
    return verb, rest


def _score(piece: str, match: Matcher, wanted: list[re.Pattern]) -> float:
    return match.score(piece) + sum(ANSWER_TYPE_WEIGHT for p in wanted if p.search(piece))


def select_sentences(text: str, question: str, match: Matcher) -> str:
    """The one or two sentences of a prose paragraph that bear most on the question."""
    parts = sentences(text)
    if len(text.split()) <= SHORT_WORDS * 1.5:
        return text
    wanted = answer_patterns(question)
    scores = [_score(s, match, wanted) for s in parts]
    # Prose repeats its topic in every sentence; the sentence that also holds the
    # question's most specific word ("sponsored") is the one that answers it.
    for i, s in enumerate(parts):
        if match.has_focus(s):
            scores[i] += FOCUS_WEIGHT
    ranked = sorted(range(len(parts)), key=lambda i: -scores[i])
    keep = ranked[:1] + [i for i in ranked[1:2] if scores[i] >= 0.8 * scores[ranked[0]] > 0]
    return " ".join(parts[i] for i in sorted(keep))


def select_clauses(text: str, question: str, match: Matcher, lang: str) -> str:
    """The stretch of the paragraph from its opening clause to the last clause that bears on
    the question; a short paragraph is kept whole, and a stretch too long to read drops its
    least relevant clauses, marking each gap with an ellipsis."""
    parts = clauses(text)
    if len(parts) <= 1 or _words(parts, set(range(len(parts)))) <= SHORT_WORDS:
        return text
    wanted = answer_patterns(question)
    scores = [_score(c, match, wanted) for c in parts]
    best = max(scores[1:])
    relevant = [i for i, s in enumerate(scores) if i and s > 0 and s >= 0.5 * best]
    relevant += [i for i, c in enumerate(parts) if i and any(p.search(c) for p in wanted)]
    keep = set(range(max(relevant, default=0) + 1))
    # Too long: drop the weakest clauses (never the first) until it fits.
    while len(keep) > 1 and _words(parts, keep) > MAX_WORDS:
        keep.remove(min((i for i in keep if i), key=lambda i: scores[i]))
    out, last = "", -1
    for i in sorted(keep):
        piece = parts[i].strip()
        if last >= 0 and i != last + 1:
            out = out.rstrip(" ,;，；") + ELLIPSIS[lang]
        elif out:
            out += "" if lang == "zh" else " "
        out += piece
        last = i
    return out


def _words(parts: list[str], keep: set[int]) -> int:
    return sum(len(parts[i].split()) + len(re.findall(r"[\u3400-\u9fff]", parts[i])) // 2 for i in keep)


def _end(text: str, lang: str) -> str:
    text = text.rstrip(" ,;:，；：")
    if lang == "zh":
        return text if text.endswith(("。", "”")) else text + "。"
    return text if text.endswith((".", "”", '"')) else text + "."


def short_symbol(doc: str) -> str:
    return doc.removeprefix("A/RES/")


def sentence(p: Paragraph, question: str, match: Matcher, kind: str, date: str, *, whole: bool = False) -> str:
    """One answer sentence restating paragraph `p` (only the clauses that bear on the
    question, unless `whole`), ending with its citation."""
    if whole or p.part == META:
        body = p.text
    elif kind != "resolution":
        body = select_sentences(p.text, question, match)
    else:
        body = select_clauses(p.text, question, match, p.lang)
    sym = short_symbol(p.doc)
    if p.lang == "zh":
        where = {OP: "执行部分", PP: "序言部分"}.get(p.part)
        if where:
            text = f"大会在第{sym}号决议（{where}第{p.number}段）中{body}"
        elif p.part == FN:
            text = f"第{sym}号决议脚注{p.number}：{body}"
        else:
            text = body
        return f"{_end(text, 'zh')} [{p.label}]"
    if p.part == META:
        return f"{_end(body, p.lang)} [{p.label}]"
    if kind != "resolution":
        text = f"A news article issued on {human_date(date)} (a secondary source, not a resolution) reports: “{_end(body, 'en')}”"
        return f"{text} [{p.label}]"
    if p.part in (OP, PP):
        opening = _opening(body)
        if opening:
            verb, rest = opening
            text = f"In resolution {sym} ({p.part} {p.number}), the General Assembly {verb} {rest}"
        else:
            text = f"Resolution {sym} ({p.part} {p.number}) reads: “{_end(body, 'en')}”"
            return f"{text} [{p.label}]"
    elif p.part == FN:
        text = f"Footnote {p.number} of resolution {sym} reads: “{_end(body, 'en')}”"
        return f"{text} [{p.label}]"
    else:
        text = body
    return f"{_end(text, 'en')} [{p.label}]"


def human_date(iso: str) -> str:
    """2024-12-02 -> 2 December 2024."""
    months = "January February March April May June July August September October November December".split()
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {months[m - 1]} {y}"


def used_clauses(text: str, answer: str) -> list[str]:
    """The clauses of a paragraph that an answer restates (most of their words are in it)."""
    said = set(tokens(answer, keep_stopwords=True))
    out = []
    for c in clauses(text):
        words = tokens(c, keep_stopwords=True)
        if words and sum(w in said for w in words) >= 0.8 * len(words):
            out.append(c.strip())
    return out




MAX_EDITS = 4  # edits named in a change sentence, in the order of the text
EDIT_WORDS = 12  # a longer inserted or deleted stretch is cut with an ellipsis


def _clip(words: str) -> str:
    w = words.split()
    return " ".join(w[:EDIT_WORDS]) + " …" if len(w) > EDIT_WORDS else words


def change_sentence(change, resolutions: dict[str, str]) -> str:
    """One sentence on how an aligned pair of paragraphs changed, citing both."""
    old, new = change.old, change.new
    cites = " ".join(f"[{c.label}]" for c in (old, new) if c)
    if change.status == "dropped":
        later = [d for d in sorted(resolutions, key=resolutions.get) if resolutions[d] > resolutions[old.doc]]
        return f"Resolution {short_symbol(later[0]) if later else 'the later text'} has no corresponding paragraph. {cites}"
    if change.status == "added":
        return f"The earlier resolution had no corresponding paragraph. {cites}"
    if change.status == "unchanged":
        return f"The paragraph is the same in both resolutions. {cites}"
    edits = []
    pending = None
    for op, words in change.diff + [("equal", "")]:
        if op == "delete":
            pending = words
        elif op == "insert":
            edits.append((pending or "", words))
            pending = None
        else:
            if pending:
                edits.append((pending, ""))
            pending = None
    edits = [(_clip(g), _clip(c)) for g, c in edits if re.search(r"\w", g + c)][:MAX_EDITS]
    parts = []
    for gone, came in edits:
        if gone and came:
            parts.append(f"“{gone}” became “{came}”")
        elif came:
            parts.append(f"“{came}” was added")
        else:
            parts.append(f"“{gone}” was dropped")
    return f"The wording changed: {'; '.join(parts)}. {cites}"
