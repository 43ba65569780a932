"""What changed between two resolutions, paragraph by paragraph.

Paragraphs are paired by content, not by number (80/57 has 13 preambular and 4 operative
paragraphs where 79/62 has 16 and 12, and its operative paragraphs come in another order):
preambular with preambular, operative with operative, by the best one-to-one assignment of
word-sequence similarity, keeping pairs at or above `MIN_SIMILARITY`. Each paragraph is then
unchanged, reworded (with a word-level diff), added or dropped.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

import numpy as np

from .answer import Citation
from .text import tokens

MIN_SIMILARITY = 0.4  # below this two paragraphs are different provisions (measured: pairs 0.49+, others 0.31-)
STATUSES = ("unchanged", "reworded", "added", "dropped")


@dataclass
class Change:
    """One aligned pair, or a paragraph with no counterpart."""

    status: str
    old: Citation | None
    new: Citation | None
    similarity: float = 0.0
    diff: list[tuple[str, str]] = field(default_factory=list)  # ("equal"|"delete"|"insert", words)

    @property
    def deleted(self) -> list[str]:
        return [words for op, words in self.diff if op == "delete"]

    @property
    def inserted(self) -> list[str]:
        return [words for op, words in self.diff if op == "insert"]

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "old": self.old.to_dict() if self.old else None,
            "new": self.new.to_dict() if self.new else None,
            "similarity": round(self.similarity, 3),
            "diff": [list(d) for d in self.diff],
        }


@dataclass
class Comparison:
    old_doc: str
    new_doc: str
    changes: list[Change]

    def counts(self) -> dict[str, int]:
        return {s: sum(c.status == s for c in self.changes) for s in STATUSES}

    def to_dict(self) -> dict:
        return {"old": self.old_doc, "new": self.new_doc, "counts": self.counts(),
                "changes": [c.to_dict() for c in self.changes]}


def similarity(a: str, b: str) -> float:
    """Share of the two word sequences that match in order (stemmed, stop words kept)."""
    return difflib.SequenceMatcher(None, tokens(a, keep_stopwords=True), tokens(b, keep_stopwords=True),
                                   autojunk=False).ratio()


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


_piece = re.compile(r"[\w'/.-]*\w|[^\w\s]")


def _words(text: str) -> list[str]:
    """Words and punctuation marks as separate pieces, so "law," and "law" match."""
    return _piece.findall(_normal(text))


def join_words(words: list[str]) -> str:
    out = ""
    for w in words:
        out += w if (not out or re.fullmatch(r"[,;:.)\]”]", w) or out.endswith(("(", "“"))) else " " + w
    return out


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level edits turning `a` into `b`. A single word left standing between two edits
    ("global [security] and regional ...") joins them, so a rewritten phrase reads as one."""
    wa, wb = _words(a), _words(b)
    spans: list[list] = []  # [op, old words, new words]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        kind = "equal" if op == "equal" else "change"
        if spans and spans[-1][0] == kind == "change":
            spans[-1][1] += wa[i1:i2]
            spans[-1][2] += wb[j1:j2]
        else:
            spans.append([kind, wa[i1:i2], wb[j1:j2]])
    merged: list[list] = []
    for i, span in enumerate(spans):
        island = span[0] == "equal" and 0 < i < len(spans) - 1 and sum(bool(re.match(r"\w", w)) for w in span[1]) <= 1
        if island or (span[0] == "change" and merged and merged[-1][0] == "change"):
            merged[-1][1] += span[1]
            merged[-1][2] += span[2]
        else:
            merged.append([span[0], list(span[1]), list(span[2])])
    out: list[tuple[str, str]] = []
    for kind, old, new in merged:
        if kind == "equal":
            out.append(("equal", join_words(old)))
            continue
        if old:
            out.append(("delete", join_words(old)))
        if new:
            out.append(("insert", join_words(new)))
    return out


def align(old: list[Citation], new: list[Citation]) -> list[Change]:
    """Pair the paragraphs of two documents part by part; old order first, then additions."""
    from scipy.optimize import linear_sum_assignment

    changes: list[Change] = []
    for part in ("PP", "OP"):
        a = [p for p in old if p.part == part]
        b = [p for p in new if p.part == part]
        pairs: dict[int, tuple[int, float]] = {}
        if a and b:
            sim = np.array([[similarity(x.text, y.text) for y in b] for x in a])
            for i, j in zip(*linear_sum_assignment(-sim), strict=True):
                if sim[i, j] >= MIN_SIMILARITY:
                    pairs[i] = (j, float(sim[i, j]))
        matched = {j for j, _ in pairs.values()}
        for i, x in enumerate(a):
            if i not in pairs:
                changes.append(Change("dropped", x, None))
                continue
            j, s = pairs[i]
            y = b[j]
            same = _normal(x.text) == _normal(y.text)
            changes.append(Change("unchanged" if same else "reworded", x, y, s, [] if same else word_diff(x.text, y.text)))
        changes += [Change("added", None, y) for j, y in enumerate(b) if j not in matched]
    return changes


# ---------------------------------------------------------------- rendering


def _marked(diff: list[tuple[str, str]], delete: str, insert: str) -> str:
    out = ""
    for op, words in diff:
        piece = words if op == "equal" else (delete if op == "delete" else insert).format(words)
        out += piece if not out or re.match(r"[,;:.]", words) else " " + piece
    return out


def as_text(c: Comparison) -> str:
    """For the terminal: [-deleted-] and {+inserted+} as wdiff writes them."""
    lines = [f"{c.old_doc} -> {c.new_doc}: " + ", ".join(f"{n} {s}" for s, n in c.counts().items()), ""]
    for ch in c.changes:
        if ch.status == "reworded":
            lines += [f"REWORDED  {ch.old.label} -> {ch.new.label} (similarity {ch.similarity:.2f})",
                      "  " + _marked(ch.diff, "[-{}-]", "{{+{}+}}"), ""]
        elif ch.status == "unchanged":
            lines += [f"UNCHANGED {ch.old.label} = {ch.new.label}", ""]
        elif ch.status == "dropped":
            lines += [f"DROPPED   {ch.old.label}", "  " + ch.old.text, ""]
        else:
            lines += [f"ADDED     {ch.new.label}", "  " + ch.new.text, ""]
    return "\n".join(lines)


def as_markdown(c: Comparison) -> str:
    """~~deleted~~ and **inserted** words; every item carries both citations."""
    lines = [f"# Changes from {c.old_doc} to {c.new_doc}", "",
             ", ".join(f"{n} {s}" for s, n in c.counts().items()), ""]
    for ch in c.changes:
        old = f"[{ch.old.label}]" if ch.old else "—"
        new = f"[{ch.new.label}]" if ch.new else "—"
        lines.append(f"## {ch.status.capitalize()}: {old} → {new}")
        lines.append("")
        if ch.status == "reworded":
            lines.append(_marked(ch.diff, "~~{}~~", "**{}**"))
        else:
            lines.append((ch.new or ch.old).text)
        lines.append("")
    return "\n".join(lines)
