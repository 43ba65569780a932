"""Briefing notes: what the indexed texts say on a topic, with exact references.

A note has a few key points (each a sentence with its citation), the relevant paragraphs
quoted in full and grouped by document in reading order, how the language evolved between
the resolutions, and the sources. Nothing in it is not in a cited paragraph; when the texts
say nothing on the topic, the note says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .answer import Citation
from .compare import Change, _marked
from .compose import human_date, sentence
from .references import find_references
from .retrieve import Filters
from .text import concepts, expand, language

MAX_POINTS = 4
MAX_PARAGRAPHS = 8
RELATIVE_CUT = 0.7  # a paragraph belongs in the note when its support is this share of the best
FLOOR = 0.8  # ... and at least this share of the abstention threshold: a topic is a bare noun phrase
# Words that name the kind of note wanted, not what it is about ("the role of the GGE").
TOPIC_WORDS = re.compile(r"\b(role|roles|importance|issue|issues|question|questions|matter|aspects?|"
                         r"position|positions|language|provisions?|references?)\b\s*(of|on|in|about)?", re.I)


@dataclass
class Point:
    text: str  # one sentence ending with its citation
    citations: list[Citation]

    def to_dict(self) -> dict:
        return {"text": self.text, "citations": [c.to_dict() for c in self.citations]}


@dataclass
class Brief:
    topic: str
    points: list[Point] = field(default_factory=list)
    paragraphs: dict[str, list[Citation]] = field(default_factory=dict)  # by document, reading order
    evolution: list[Change] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)  # doc, title, date, kind

    @property
    def empty(self) -> bool:
        return not self.points

    def to_dict(self) -> dict:
        return {
            "topic": self.topic, "empty": self.empty,
            "points": [p.to_dict() for p in self.points],
            "paragraphs": {doc: [c.to_dict() for c in cs] for doc, cs in self.paragraphs.items()},
            "evolution": [c.to_dict() for c in self.evolution],
            "sources": self.sources,
        }

    def to_markdown(self) -> str:
        lines = [f"# Briefing note: {self.topic}", ""]
        if self.empty:
            return "\n".join(lines + [f"The indexed texts say nothing on {self.topic!r}.", ""])
        lines += ["## Key points", ""] + [f"- {p.text}" for p in self.points] + ["", "## The paragraphs", ""]
        for doc, paras in self.paragraphs.items():
            lines += [f"### {doc}{_secondary(self, doc)}", ""]
            lines += [f"**{c.label}.** {c.text}\n" for c in paras]
        if self.evolution:
            lines += ["## How the language evolved", ""]
            for ch in self.evolution:
                lines += [_change_line(ch, "~~{}~~", "**{}**"), ""]
        lines += ["## Sources", ""] + [f"- {s['doc']}: {s['title']} ({s['date']}){_kind(s)}" for s in self.sources]
        return "\n".join(lines) + "\n"

    def to_docx(self, path: Path) -> Path:
        """A Word document with the same content; deletions struck through, insertions bold."""
        from docx import Document

        doc = Document()
        doc.add_heading(f"Briefing note: {self.topic}", level=1)
        if self.empty:
            doc.add_paragraph(f"The indexed texts say nothing on {self.topic!r}.")
            doc.save(path)
            return path
        doc.add_heading("Key points", level=2)
        for p in self.points:
            doc.add_paragraph(p.text, style="List Bullet")
        doc.add_heading("The paragraphs", level=2)
        for d, paras in self.paragraphs.items():
            doc.add_heading(f"{d}{_secondary(self, d)}", level=3)
            for c in paras:
                para = doc.add_paragraph()
                para.add_run(f"{c.label}. ").bold = True
                para.add_run(c.text)
        if self.evolution:
            doc.add_heading("How the language evolved", level=2)
            for ch in self.evolution:
                para = doc.add_paragraph()
                para.add_run(_change_head(ch) + " ").italic = True
                if ch.status == "reworded":
                    for op, words in ch.diff:
                        run = para.add_run(words + " ")
                        run.font.strike = op == "delete"
                        run.bold = op == "insert"
        doc.add_heading("Sources", level=2)
        for s in self.sources:
            doc.add_paragraph(f"{s['doc']}: {s['title']} ({s['date']}){_kind(s)}", style="List Bullet")
        doc.save(path)
        return path


def _kind(source: dict) -> str:
    return "" if source["kind"] == "resolution" else ", a secondary source"


def _secondary(brief: Brief, doc: str) -> str:
    return next((" (secondary source)" for s in brief.sources if s["doc"] == doc and s["kind"] != "resolution"), "")


def _change_head(ch: Change) -> str:
    if ch.status == "dropped":
        return f"{ch.old.label}: no counterpart in the later resolution."
    if ch.status == "added":
        return f"{ch.new.label}: new, no counterpart in the earlier resolution."
    if ch.status == "unchanged":
        return f"{ch.old.label} → {ch.new.label}: unchanged."
    return f"{ch.old.label} → {ch.new.label}:"


def _change_line(ch: Change, delete: str, insert: str) -> str:
    head = _change_head(ch)
    return f"{head} {_marked(ch.diff, delete, insert)}" if ch.status == "reworded" else head


def make_brief(assistant, topic: str) -> Brief:
    """Build the note from `assistant`'s store: the provisions that support the topic best
    (at least `RELATIVE_CUT` of the best support, and above the abstention threshold)."""
    qlang = language(topic)
    subject = TOPIC_WORDS.sub(" ", topic).strip() or topic
    about = concepts(subject)
    hits = assistant._search(expand(subject), about, Filters())
    if qlang != "en":
        hits = assistant._bridge(hits, subject, qlang, Filters())
    hits.sort(key=lambda h: -h.support)
    floor = FLOOR * assistant.settings.min_support
    if not hits or hits[0].support < floor or assistant._names_unknown(find_references(topic, assistant.resolutions), topic):
        return Brief(topic)
    keep = [h for h in hits if h.support >= max(floor, RELATIVE_CUT * hits[0].support)][:MAX_PARAGRAPHS]
    match = assistant.retriever.matcher(about)
    brief = Brief(topic)
    # Points: the best paragraph of each document first, then the next best.
    firsts = [next(h for h in keep if h.provision[0] == d) for d in dict.fromkeys(h.provision[0] for h in keep)]
    for h in (firsts + [h for h in keep if h not in firsts])[:MAX_POINTS]:
        p = assistant._version(h, qlang, Filters())
        seed = assistant.docs[p.doc]
        brief.points.append(Point(sentence(p, topic, match, seed.kind, seed.date), [Citation.of(p)]))
    order = sorted(assistant.docs, key=lambda d: (not assistant.docs[d].is_resolution, assistant.docs[d].date))
    for doc in order:
        in_doc = [assistant._version(h, qlang, Filters()) for h in keep if h.provision[0] == doc]
        if in_doc:
            reading = {c.label: i for i, c in enumerate(assistant.paragraphs_of(doc, in_doc[0].lang))}
            brief.paragraphs[doc] = sorted((Citation.of(p) for p in in_doc), key=lambda c: reading[c.label])
    wanted = {h.provision for h in keep}
    resolutions = sorted(assistant.resolutions, key=assistant.resolutions.get)
    for old, new in zip(resolutions, resolutions[1:]):
        for ch in assistant.compare(old, new).changes:
            sides = {(c.doc, c.part, c.number) for c in (ch.old, ch.new) if c}
            if sides & wanted:
                brief.evolution.append(ch)
    for doc in brief.paragraphs:
        seed = assistant.docs[doc]
        brief.sources.append({"doc": doc, "title": seed.title, "date": human_date(seed.date), "kind": seed.kind})
    return brief
