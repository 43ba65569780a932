"""Explicit references in a question: which resolution, which paragraph.

"resolution 80/57", "79/62", "A/RES/79/62", "the 2025 resolution", "last year's text",
"operative paragraph 4", "OP4", "PP 3", "footnote 3", "第79/62号决议", "执行部分第4段".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from index.detect import MONTHS

ORDINALS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        1,
    )
}
# Not inside a longer symbol: "ES-11/1", "A/HRC/RES/51/22" and "A/C.1/79/L.43" hold no "11/1" etc.
_symbol = re.compile(r"(?:A/RES/|(?<![\dA-Za-z/.\-]))(\d{2,3})/(\d{1,4})(?![\d/])", re.I)

_MONTHS = [m.lower() for m in MONTHS["en"]]
# "the 2025 resolution", "the June 2024 resolution" (a month must match the adoption date too),
# "the 2024 LAWS resolution" (words of its subject between)
_year_doc = re.compile(
    rf"\b(?:({'|'.join(_MONTHS)})\s+)?(20\d\d)(?:'s)?\s+"
    r"(?:(?!(?:the|a|an|and|or|of|in|on|to|by|for|this|that|which|its|their)\s)[A-Za-z-]+\s+){0,4}?(?:resolution|text)"
    r"|resolutions?\s+(?:of|from|adopted in)\s+"
    r"(20\d\d)|(20\d\d)\s*年的?决议",
    re.I,
)
_latest = re.compile(r"\b(this year's|latest|most recent|newest|current|newer|later)\b.{0,12}\b(resolution|text)|最新|今年的?决议", re.I)
# the one after the resolution under discussion: "the follow-up resolution a year later", "its successor"
_next = re.compile(r"\b(?:follow-up|following\s+year's|next\s+year's|subsequent|successor)\b.{0,12}\b(?:resolution|text|one)\b"
                   r"(?:\s+(?:a|one)\s+year\s+later\b)?"
                   r"|\bits\s+successor\b|\b(?:resolution|text|one)\s+(?:a|one)\s+year\s+later\b|\bthe\s+year\s+after\b", re.I)
_previous = re.compile(
    r"\b(last year's|previous year's|the year before|previous|prior|earlier|older|preceding)\b.{0,12}\b(resolution|text|one|year)|上一年|去年|前一年|之前的决议",
    re.I,
)
_paragraph = [
    (re.compile(r"\bpreambular\s+para(?:graph)?s?\.?\s*(\d+)", re.I), "PP"),
    (re.compile(r"\b(?:PP|pp)\s?(\d+)\b"), "PP"),
    (re.compile(r"\bfoot\s?notes?\s*(\d+)", re.I), "FN"),
    (re.compile(r"\bFN\s?(\d+)\b"), "FN"),
    (re.compile(r"\b(?:OP|op)\s?(\d+)\b"), "OP"),
    (re.compile(r"\b(?:operative\s+)?para(?:graph)?s?\.?\s*(\d+)\b", re.I), "OP"),
    (re.compile(r"序言部分第\s*(\d+)\s*段"), "PP"),
    (re.compile(r"脚注\s*(\d+)"), "FN"),
    (re.compile(r"(?:执行部分)?第\s*(\d+)\s*段"), "OP"),
]
_ordinal = re.compile(
    r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\s+(preambular|operative)\s+para(?:graph)?\b", re.I
)


@dataclass
class Reference:
    """What a question names explicitly."""

    docs: list[str] = field(default_factory=list)  # resolution symbols in the corpus
    part: str | None = None
    number: int | None = None
    relative: str | None = None  # "latest", "previous" or "next" resolution, not yet resolved
    mentioned: list[str] = field(default_factory=list)  # symbols named but not in the corpus
    rest: str = ""  # the question without the names of indexed resolutions, for searching

    @property
    def paragraph(self) -> bool:
        return self.part is not None and self.number is not None


_HRC = re.compile(r"\b(?:Human Rights Council|HRC)\s+(?:resolution\s+)?$", re.I)


def number_of(symbol: str) -> str:
    """"A/RES/79/62" -> "79/62", "A/HRC/RES/51/22" -> "51/22": as the texts cite it."""
    return symbol.rsplit("/RES/", 1)[-1]


def find_references(question: str, resolutions: dict[str, str]) -> Reference:
    """`resolutions` maps each resolution symbol in the corpus to its adoption date."""
    ref = Reference()
    for m in _symbol.finditer(question):
        a, b = m.groups()
        symbol = f"A/RES/{int(a)}/{int(b)}"
        if _HRC.search(question[: m.start()]):  # "Human Rights Council resolution 51/22"
            symbol = f"A/HRC/RES/{int(a)}/{int(b)}"
        target = ref.docs if symbol in resolutions else ref.mentioned
        if symbol not in target:
            target.append(symbol)
    ref.rest = question
    for a, b in _symbol.findall(question):
        if f"A/RES/{int(a)}/{int(b)}" in ref.docs:
            ref.rest = re.sub(
                rf"(?:(?:General Assembly|GA|UNGA)\s+)?(?:resolutions?\s+)?第?\s*(?:A/RES/|(?<![\dA-Za-z/.\-])){a}/{b}(?![\d/])(?:\s*号决议)?",
                " ", ref.rest, flags=re.I,
            )
    for m in _year_doc.finditer(question):
        month, year = m.group(1), next(g for g in m.groups()[1:] if g)
        prefix = f"{year}-{_MONTHS.index(month.lower()) + 1:02d}" if month else year
        found = [d for d, date in resolutions.items() if date.startswith(prefix) and d not in ref.docs]
        ref.docs += found
        if found:  # a year that names no indexed resolution stays in the words searched
            ref.rest = ref.rest.replace(m.group(0), " ")
    for pattern in (_previous, _latest, _next):
        ref.rest = pattern.sub(" ", ref.rest)
    ref.rest = re.sub(r"\s+", " ", ref.rest).strip()
    if _next.search(question):
        ref.relative = "next"
    elif _previous.search(question):
        ref.relative = "previous"
    elif _latest.search(question):
        ref.relative = "latest"
    for pattern, part in _paragraph:
        # "A/RES/99/1 OP 1" names a paragraph of a resolution that is not indexed: no reference.
        m = next((m for m in pattern.finditer(question) if not _names_unknown_symbol(question[: m.start()], ref)), None)
        if m:
            ref.part, ref.number = part, int(m.group(1))
            break
    if ref.part is None and (m := _ordinal.search(question)):
        ref.part = "PP" if m.group(2).lower() == "preambular" else "OP"
        ref.number = ORDINALS.get(m.group(1).lower()) or int(m.group(1)[:-2])  # "fifth", "5th"
    return ref


def _names_unknown_symbol(before: str, ref: Reference) -> bool:
    tail = before[-20:]
    return any(number_of(m) in tail for m in ref.mentioned)


def resolve_relative(relative: str, resolutions: dict[str, str], context_docs: list[str],
                     series: Callable[[str], list[str]] | None = None) -> list[str]:
    """"latest" is the newest resolution; "previous" is the one before the resolution under
    discussion (or before the newest when nothing is under discussion). With `series`, both
    follow the series that resolution belongs to (same title or agenda item, or an explicit
    recall), so "last year's resolution" is not an unrelated text of the year before."""
    ordered = sorted(resolutions, key=lambda d: resolutions[d])
    if not ordered:
        return []
    current = [d for d in context_docs if d in resolutions]
    anchor = max(current, key=ordered.index) if current else ordered[-1]
    if series is not None and (line := [d for d in series(anchor) if d in resolutions]):
        ordered = line
        if relative == "previous" and ordered[0] == anchor:
            return []  # the first of its series: nothing earlier is indexed
    if relative == "latest":
        return [ordered[-1]]
    at = ordered.index(anchor) if anchor in ordered else len(ordered) - 1
    if relative == "next":  # (none after the newest)
        return [ordered[at + 1]] if anchor in ordered and at + 1 < len(ordered) else []
    return [ordered[at - 1]] if at > 0 else [ordered[0]]


# Document symbols of other shapes than "A/RES/79/62": Security Council resolutions, emergency
# special sessions, one- or four-digit sessions, drafts and reports ("S/RES/2231 (2015)",
# "A/RES/ES-11/1", "A/RES/1/1", "A/C.1/79/L.43", "A/79/408"), and the short forms
# "resolution ES-11/1" and "resolution 2231 (2015)".
_OTHER_SYMBOL = re.compile(r"\b(?:A|S)/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]*\d[A-Z0-9.\-]*(?:\s*\(\d{4}\))?", re.I)
_GA_SYMBOL = re.compile(r"A/RES/\d{2,3}/\d{1,4}$", re.I)
_SHORT_ES = re.compile(r"(?<![A-Za-z0-9/.\-])(ES-\d+/\d+)(?![\d/])", re.I)
_SHORT_SC = re.compile(r"\bresolution\s+(\d{1,4})\s*\((\d{4})\)", re.I)


def other_symbols(question: str) -> list[str]:
    """Symbols in a question that are not General Assembly resolutions of the usual shape."""
    out = []
    for m in _OTHER_SYMBOL.finditer(question):
        sym = m.group(0).upper().rstrip(".")
        if "/" in sym[2:] and not _GA_SYMBOL.match(sym) and sym not in out:
            out.append(sym)
    out += [s for m in _SHORT_ES.finditer(question) if (s := f"A/RES/{m.group(1).upper()}") not in out]
    out += [s for m in _SHORT_SC.finditer(question) if (s := f"S/RES/{m.group(1)} ({m.group(2)})") not in out]
    return out


# A document named by its title: a run of capitalised words holding a word for a kind of
# document ("the Paris Agreement", "the Geneva Conventions", "Treaty on the Non-Proliferation
# of Nuclear Weapons").
_TITLE_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|on|for|to|against|and|in)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*")
_DOCUMENT_WORD = re.compile(r"\b(Agreement|Accord|Convention|Treaty|Protocol|Charter|Declaration|Covenant|Statute|"
                            r"Pact)s?\b")


def document_names(question: str) -> list[str]:
    """Documents a question names by title rather than by symbol."""
    return list(dict.fromkeys(m.group(0) for m in _TITLE_RUN.finditer(question) if _DOCUMENT_WORD.search(m.group(0))))
