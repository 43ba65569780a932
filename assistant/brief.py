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
from .compare import Change, marked, normal_text
from .compose import human_date, sentence
from .references import find_references
from .retrieve import Filters, Hit
from .text import concepts, expand, language, names, phrase_pairs, sentences

MAX_POINTS = 4
MAX_PARAGRAPHS = 8
RELATIVE_CUT = 0.7  # a paragraph belongs in the note when its support is this share of the best
FLOOR = 0.8  # ... and at least this share of the abstention threshold: a topic is a bare noun phrase
# A paragraph is on the topic when one of its sentences holds this share of what the
# paragraph matches: "human ... use" in one sentence and "join forces" in the next is not
# "the human role in the use of force" (a resolution paragraph is one sentence).
TOGETHER = 0.8
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
                if ch.diff:
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
    if ch.status == "merged":
        return f"{ch.old.label} → merged into {ch.new.label}:"
    if ch.status == "split":
        return f"{ch.new.label} → split from {ch.old.label}:"
    if ch.status == "dropped":
        return f"{ch.old.label}: no counterpart in the later resolution."
    if ch.status == "added":
        return f"{ch.new.label}: new, no counterpart in the earlier resolution."
    if ch.status == "unchanged":
        return f"{ch.old.label} → {ch.new.label}: unchanged."
    return f"{ch.old.label} → {ch.new.label}:"


def _change_line(ch: Change, delete: str, insert: str) -> str:
    head = _change_head(ch)
    return f"{head} {marked(ch.diff, delete, insert)}" if ch.diff else head


def make_brief(assistant, topic: str) -> Brief:
    """Build the note from `assistant`'s store: the provisions that support the topic best
    (at least `RELATIVE_CUT` of the best support, and above the abstention threshold) and
    hold it together in one sentence, most relevant first; a provision repeated word for
    word in later resolutions is one point citing each."""
    qlang = language(topic)
    subject = TOPIC_WORDS.sub(" ", topic).strip() or topic
    about = concepts(subject)
    hits = sorted(assistant.retriever.search(expand(subject), Filters(), k=10, about=about), key=lambda h: -h.support)
    floor = FLOOR * assistant.settings.min_support
    if not hits or hits[0].support < floor or _names_unknown(assistant, topic):
        return Brief(topic)
    match = assistant.retriever.matcher(about)
    keep = [h for h in hits if h.support >= max(floor, RELATIVE_CUT * hits[0].support) and _on_topic(h, match)]
    shown = {h.provision: _version(h, qlang) for h in keep}
    # Most relevant first: the topic's words, then how close the paragraph as a whole is to
    # it (a paragraph about the topic before one that mentions it among other things).
    keep.sort(key=lambda h: -(h.coverage + assistant.similarity(subject, shown[h.provision].text)))
    keep = keep[:MAX_PARAGRAPHS]
    brief = Brief(topic)
    # Identical texts: the newest states the point, every one is cited, oldest first.
    groups: dict[str, list[Hit]] = {}
    for h in keep:
        groups.setdefault(normal_text(h.versions.get("en", shown[h.provision]).text), []).append(h)
    for same in list(groups.values())[:MAX_POINTS]:
        same.sort(key=lambda h: assistant.docs[h.provision[0]].date)
        p = shown[same[-1].provision]
        seed = assistant.docs[p.doc]
        cited = [Citation.of(shown[h.provision]) for h in same]
        text = sentence(p, topic, match, seed.kind, seed.date).removesuffix(f" [{p.label}]")
        brief.points.append(Point(f"{text} {' '.join(f'[{c.label}]' for c in cited)}", cited))
    order = sorted(assistant.docs, key=lambda d: (not assistant.docs[d].is_resolution, assistant.docs[d].date))
    for doc in order:
        in_doc = [shown[h.provision] for h in keep if h.provision[0] == doc]
        if in_doc:
            reading = {c.label: i for i, c in enumerate(assistant.paragraphs_of(doc, in_doc[0].lang))}
            brief.paragraphs[doc] = sorted((Citation.of(p) for p in in_doc), key=lambda c: reading[c.label])
    brief.evolution = _evolution(assistant, {h.provision for h in keep})
    for doc in brief.paragraphs:
        seed = assistant.docs[doc]
        brief.sources.append({"doc": doc, "title": seed.title, "date": human_date(seed.date), "kind": seed.kind})
    return brief


def _evolution(assistant, wanted: set[tuple]) -> list[Change]:
    """The changes touching `wanted` provisions along each series they belong to, from its
    first resolution to its last."""
    out: list[Change] = []
    done: set[str] = set()
    for doc in sorted({d for d, _, _ in wanted if d in assistant.resolutions}, key=assistant.resolutions.get):
        if doc in done:
            continue
        chain = assistant.series(doc)
        done.update(chain)
        for old, new in zip(chain, chain[1:]):
            for ch in assistant.compare(old, new).changes:
                if {(c.doc, c.part, c.number) for c in (ch.old, ch.new) if c} & wanted:
                    out.append(ch)
    return out


def _on_topic(h: Hit, match) -> bool:
    p = h.versions.get("en") or next(iter(h.versions.values()))
    whole = match.score(p.text)
    return whole > 0 and max(match.score(s) for s in sentences(p.text)) >= TOGETHER * whole


def _version(h: Hit, lang: str):
    """The topic's language where the provision has it, else English."""
    return h.versions.get(lang) or h.versions.get("en") or next(iter(h.versions.values()))


def _names_unknown(assistant, topic: str) -> bool:
    """A topic naming a resolution that is not indexed, or a body the texts never name."""
    ref = find_references(topic, assistant.resolutions)
    if ref.mentioned and not ref.docs:
        return True
    return any(pairs and not any(p in assistant.retriever.idf for p in pairs)
               for pairs in (phrase_pairs(n) for n in names(ref.rest or topic)))
