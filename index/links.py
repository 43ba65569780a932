"""References between resolutions, and the series they form.

A resolution cites others in its own words: "Recalling its resolution 78/241 of 22 December
2023", "pursuant to resolution 79/62", "taking note of General Assembly resolution 79/239 and
Human Rights Council resolution 51/22", "paragraph 2 of resolution 78/241", "第78/241号决议".
`find_links` turns these into `Link` records from a paragraph to a resolution (and to one of
its paragraphs where the reference names it). `series` groups resolutions that continue one
another: the same title, the same agenda sub-item of a session, or an explicit recall in the
first preambular paragraph, where the General Assembly names the text it builds on.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .records import PP, Paragraph, label_for

# Symbol prefixes of the bodies whose resolutions the General Assembly cites.
_BODIES = {
    "general assembly": "A/RES/",
    "human rights council": "A/HRC/RES/",
    "security council": "S/RES/",
    "economic and social council": "E/RES/",
    "大会": "A/RES/",
    "人权理事会": "A/HRC/RES/",
    "安全理事会": "S/RES/",
    "安理会": "S/RES/",
    "经济及社会理事会": "E/RES/",
}
_BODY = r"General Assembly|Human Rights Council|Security Council|Economic and Social Council"
_NUMBER = r"\d{1,3}/\d{1,4}(?![\d/])|\d{3,4}\s*\(\d{4}\)"  # 78/241; a Security Council 2231 (2015)
_DATE = r"(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
_ENGLISH = re.compile(
    rf"(?:(?:(?P<kind>operative|preambular)\s+)?paragraphs?\s+(?P<para>\d+)(?:\s*\([a-z]\))?\s+of\s+)?"
    rf"(?:(?P<body>{_BODY})\s+|(?:its|their)\s+)?resolutions?\s+"
    rf"(?P<list>(?:{_NUMBER}){_DATE}(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:{_NUMBER}){_DATE})*)",
    re.I,
)
_FULL_SYMBOL = re.compile(r"\b(?:A|A/HRC|E|S)/RES/(?:\d{1,3}/\d{1,4}(?![\d/])|\d{3,4}\s*\(\d{4}\))")
# "第78/241号决议", "第78/241号和第79/62号决议" (each item of a list ends in 号), "第78/241号决议第2段".
_CHINESE = re.compile(r"第(?P<number>\d{1,3}/\d{1,4}(?![\d/])|\d{3,4}\s*\(\d{4}\))号(?=(?P<rest>(?:[^。；，第]|第\d{1,3}/\d{1,4}号){0,40}?决议)"
                      r"(?:第(?P<para>\d+)段)?)")
_CHINESE_BODY = re.compile("|".join(sorted((b for b in _BODIES if not b.isascii()), key=len, reverse=True)))
_RECALL = re.compile(r"\b(recalling|reaffirming|recalls|reaffirms)\b[^,;]*$|(回顾|重申)[^，；]*$", re.I)


@dataclass(frozen=True)
class Link:
    """A reference from one paragraph to a resolution, or to one paragraph of it."""

    source: tuple[str, str, str, int | None]  # the citing paragraph's (doc, lang, part, number)
    target: str  # the cited resolution's symbol: "A/RES/78/241", "A/HRC/RES/51/22"
    part: str | None = None  # "OP" when the reference names a paragraph
    number: int | None = None
    recall: bool = False  # introduced by "Recalling" or "Reaffirming": the text builds on it
    text: str = ""  # the reference as printed

    @property
    def source_label(self) -> str:
        return label_for(*self.source)

    @property
    def target_label(self) -> str:
        return self.target if self.part is None else f"{self.target} {self.part} {self.number}"

    def to_dict(self) -> dict:
        return {"from": self.source_label, "to": self.target_label, "doc": self.target, "part": self.part,
                "number": self.number, "recall": self.recall, "text": self.text}


def find_links(paragraphs: Iterable[Paragraph]) -> list[Link]:
    """Every reference to a resolution in `paragraphs`, paragraph by paragraph, each target
    once a paragraph; a document's references to itself are left out."""
    out: list[Link] = []
    for p in paragraphs:
        found = _chinese(p) if p.lang == "zh" else _english(p)
        seen: set[tuple] = set()
        for link in found:
            if link.target != p.doc and (link.target, link.part, link.number) not in seen:
                seen.add((link.target, link.part, link.number))
                out.append(link)
    return out


def _symbol(prefix: str, number: str) -> str:
    if "(" in number:  # "2231 (2015)": only the Security Council numbers its resolutions this way
        return "S/RES/" + re.sub(r"\s*\(", " (", number.strip())
    return prefix + number


def _english(p: Paragraph) -> list[Link]:
    links: list[Link] = []
    covered: list[tuple[int, int]] = []
    home = "A/HRC/RES/" if p.doc.startswith("A/HRC/") else "A/RES/"  # "its resolution" is the author's own
    for m in _ENGLISH.finditer(p.text):
        prefix = _BODIES[m.group("body").lower()] if m.group("body") else home
        recall = bool(_RECALL.search(p.text[: m.start()]))
        numbers = re.findall(_NUMBER, m.group("list"))
        for i, number in enumerate(numbers):
            # "paragraph 2 of resolutions 78/241 and 79/62" names a paragraph of the first only.
            para = int(m.group("para")) if m.group("para") and i == 0 else None
            part = (PP if (m.group("kind") or "").lower() == "preambular" else "OP") if para else None
            links.append(Link(p.key, _symbol(prefix, number), part, para, recall, m.group(0).strip()))
        covered.append(m.span())
    for m in _FULL_SYMBOL.finditer(p.text):
        if not any(a <= m.start() < b for a, b in covered):
            prefix, number = m.group(0).split("/RES/")
            links.append(Link(p.key, _symbol(prefix + "/RES/", number), text=m.group(0),
                              recall=bool(_RECALL.search(p.text[: m.start()]))))
    return links


def _chinese(p: Paragraph) -> list[Link]:
    links: list[Link] = []
    for m in _CHINESE.finditer(p.text):
        before = p.text[max(0, m.start() - 25) : m.start()]
        before = re.split(r"[，；、。]", before)[-1]  # the body is named in the same clause
        bodies = _CHINESE_BODY.findall(before)
        prefix = _BODIES[bodies[-1]] if bodies else "A/RES/"
        # A paragraph number belongs to the resolution just before it: "第78/241号决议第2段".
        para = int(m.group("para")) if m.group("para") and m.group("rest") == "决议" else None
        text = m.group(0) + m.group("rest") + (f"第{para}段" if para else "")
        links.append(Link(p.key, _symbol(prefix, m.group("number")), "OP" if para else None, para,
                          bool(_RECALL.search(p.text[: m.start()])), text))
    return links


@dataclass(frozen=True)
class Document:
    """What decides whether two resolutions belong to one series."""

    doc: str
    title: str
    date: str  # ISO date of adoption
    session: str = ""
    agenda_item: str = ""  # as printed: "98 (ss)"
    recalls: frozenset[str] = frozenset()  # resolutions recalled in the first preambular paragraph


def documents(resolutions: Iterable[tuple[str, str, str]], paragraphs: Iterable[Paragraph],
              links: Iterable[Link]) -> list[Document]:
    """`Document` records for `resolutions` given as (symbol, title, ISO date); the session and
    agenda item come from each adoption record (META), the recalls from `links`."""
    meta: dict[str, dict[str, str]] = {}
    for p in paragraphs:
        if p.part == "META" and (p.doc not in meta or p.lang == "en"):
            meta[p.doc] = p.fields
    recalls: dict[str, set[str]] = {}
    for link in links:
        doc, _, part, number = link.source
        if link.recall and (part, number) == (PP, 1):
            recalls.setdefault(doc, set()).add(link.target)
    return [Document(doc, title, date, meta.get(doc, {}).get("session", ""), meta.get(doc, {}).get("agenda_item", ""),
                     frozenset(recalls.get(doc, ()))) for doc, title, date in resolutions]


def _title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().casefold()


def _related(a: Document, b: Document) -> bool:
    if _title_key(a.title) and _title_key(a.title) == _title_key(b.title):
        return True
    # An agenda sub-item ("98 (ss)") names one topic within a session; a bare item number
    # ("99 General and complete disarmament") holds dozens of unrelated resolutions.
    if a.session and a.session == b.session and "(" in a.agenda_item and a.agenda_item == b.agenda_item:
        return True
    return b.doc in a.recalls or a.doc in b.recalls


def series(doc: str, documents: Iterable[Document]) -> list[str]:
    """The resolutions of `doc`'s series, oldest first (`doc` included); empty when `doc`
    is not among `documents`. Membership is transitive: a text that recalls last year's,
    which has the title of the year before, joins all three."""
    by_doc = {d.doc: d for d in documents}
    if doc not in by_doc:
        return []
    members, todo = {doc}, [doc]
    while todo:
        current = by_doc[todo.pop()]
        for other in by_doc.values():
            if other.doc not in members and _related(current, other):
                members.add(other.doc)
                todo.append(other.doc)
    return sorted(members, key=lambda d: (by_doc[d].date, d))
