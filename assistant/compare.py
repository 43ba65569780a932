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
KEEP_RUN = 4  # words in a row shared by two texts that a word diff always shows as kept
MIN_RUN = 3  # words in a row that show one paragraph's text continuing inside another
CONTINUES = 0.5  # share of a paragraph's words found in another for it to have merged into (or split from) it
CONTINUES_CITING = 0.25  # ... when both name the same resolution
# "merged": an old paragraph continues in part of a new one; "split": a new one continues part of an old one.
STATUSES = ("unchanged", "reworded", "merged", "split", "added", "dropped")


@dataclass
class Change:
    """One aligned pair, or a paragraph with no counterpart."""

    status: str
    old: Citation | None
    new: Citation | None
    similarity: float = 0.0  # for "merged" and "split": the share of the paragraph found in the other
    diff: list[tuple[str, str]] = field(default_factory=list)  # ("equal"|"delete"|"insert", words)
    span: str = ""  # "merged": the part of `new` that `old` continues in; "split": the part of `old` `new` continues

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
            "span": self.span,
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


def normal_text(text: str) -> str:
    """Quotation marks and spacing made uniform: two texts equal under this read the same."""
    return re.sub(r"\s+", " ", text.replace("“", '"').replace("”", '"').replace("’", "'")).strip()


_piece = re.compile(r"[\w'/.-]*\w(?:(?<=s)'(?!\w))?|[^\w\s]")  # "countries'" keeps its apostrophe


def _words(text: str) -> list[str]:
    """Words and punctuation marks as separate pieces, so "law," and "law" match."""
    return _piece.findall(normal_text(text))


def join_words(words: list[str]) -> str:
    out = ""
    quotes = 0  # straight quotes seen: an odd count means one is open
    for w in words:
        closing = w == '"' and quotes % 2 == 1
        opened = out.endswith('"') and quotes % 2 == 1
        quotes += w == '"'
        glue = not out or re.fullmatch(r"[,;:.)\]”]", w) or closing or out.endswith(("(", "“")) or opened
        out += w if glue else " " + w
    return out


_OPS = {-1: "delete", 0: "equal", 1: "insert"}
_CONNECTORS = {"and", "or", "of", "in", "to", "with", "on", "for", "the", "by", "as", "including"}


def _word_ops(wa: list[str], wb: list[str]) -> list[tuple[int, list[str]]]:
    """diff-match-patch over words (each word coded as one character), with its semantic
    clean-up: a word left standing between two edits joins them, so a rewritten phrase
    reads as one edit."""
    from diff_match_patch import diff_match_patch

    code: dict[str, str] = {}
    word = {}
    for w in wa + wb:
        if w not in code:
            code[w] = chr(0x10000 + len(code))  # beyond the basic plane: no clash with control characters
            word[code[w]] = w
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # paragraphs are short: always the minimal diff
    diffs = dmp.diff_main("".join(code[w] for w in wa), "".join(code[w] for w in wb), False)
    # The clean-up folds any shared stretch shorter than the edits around it into them; a
    # phrase of KEEP_RUN words or more says what stayed (a resolution carried into a longer
    # paragraph), so it is kept and each stretch between such phrases is cleaned on its own.
    out: list[tuple[int, str]] = []
    stretch: list[tuple[int, str]] = []
    for op, text in diffs + [(0, "")]:
        if op == 0 and (not text or sum(bool(re.match(r"\w", word[c])) for c in text) >= KEEP_RUN):
            dmp.diff_cleanupSemantic(stretch)
            out += stretch + ([(op, text)] if text else [])
            stretch = []
        else:
            stretch.append((op, text))
    return _slide([(op, [word[c] for c in text]) for op, text in out])


def _boundary(left: str | None, right: str | None) -> int:
    """How good a place for an edit to start or end: at the text's edge or punctuation best,
    before a connecting word next."""
    if left is None or right is None:
        return 3
    if not re.match(r"\w", left) or not re.match(r"\w", right):
        return 2
    return 1 if right.lower() in _CONNECTORS else 0


def _slide(ops: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Move each lone insertion or deletion along the words it is flanked by to where it
    reads as a phrase: "rights law [-and international criminal law-]," rather than
    "rights [-law and international criminal-] law,". diff-match-patch does this for
    characters (cleanupSemanticLossless); its scores mean nothing for coded words."""
    ops = [list(o) for o in ops]
    for i in range(1, len(ops) - 1):
        (op0, before), (op, edit), (op2, after) = ops[i - 1], ops[i], ops[i + 1]
        if op0 != 0 or op == 0 or op2 != 0 or not edit:
            continue
        while before and before[-1] == edit[-1]:  # leftmost position
            before, edit, after = before[:-1], [before[-1]] + edit[:-1], [edit[-1]] + after
        best = (before, edit, after)
        score = lambda b, e, a: _boundary(b[-1] if b else None, e[0]) + _boundary(e[-1], a[0] if a else None)  # noqa: E731
        top = score(*best)
        while after and after[0] == edit[0]:
            before, edit, after = before + [edit[0]], edit[1:] + [after[0]], after[1:]
            if score(before, edit, after) > top:
                best, top = (before, edit, after), score(before, edit, after)
        ops[i - 1][1], ops[i][1], ops[i + 1][1] = best
    return [(op, words) for op, words in ops if words]


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level edits turning `a` into `b`: ("equal"|"delete"|"insert", words), a deletion
    before the insertion that replaces it."""
    return [(_OPS[op], join_words(words)) for op, words in _word_ops(_words(a), _words(b))]


def _claimed(a: str, b: str) -> tuple[set[int], set[int]]:
    """Positions of the words of `a` and of `b` that a diff of the two keeps."""
    i = j = 0
    keep_a, keep_b = set(), set()
    for op, words in _word_ops(_words(a), _words(b)):
        n = len(words)
        if op == 0:
            keep_a.update(range(i, i + n))
            keep_b.update(range(j, j + n))
        i += n if op <= 0 else 0
        j += n if op >= 0 else 0
    return keep_a, keep_b


def continuation(part: str, whole: str, taken: set[int]) -> tuple[float, range]:
    """How much of paragraph `part` continues inside paragraph `whole`, leaving out the words
    of `whole` in `taken` (positions that its own counterpart accounts for): the share of
    `part`'s words found there in runs of `MIN_RUN` or more, and the stretch of `whole`
    that holds them, as word positions (the free words around the runs, up to a clause
    boundary)."""
    wa, wb = _words(part), _words(whole)
    keys_b = [w.lower() if k not in taken else None for k, w in enumerate(wb)]
    blocks = difflib.SequenceMatcher(None, [w.lower() for w in wa], keys_b, autojunk=False).get_matching_blocks()
    runs = [(j, j + n, sum(bool(re.match(r"\w", w)) for w in wa[i : i + n])) for i, j, n in blocks]
    runs = [(start, end) for start, end, words in runs if words >= MIN_RUN]
    total = sum(bool(re.match(r"\w", w)) for w in wa)
    if not runs or not total:
        return 0.0, range(0)
    start, end = runs[0][0], runs[-1][1]
    while start > 0 and start - 1 not in taken and wb[start - 1] not in (",", ";"):
        start -= 1
    while end < len(wb) and end not in taken and wb[end] not in (",", ";"):
        end += 1
    while start < end and wb[start].lower() in ("and", ","):
        start += 1
    found = sum(bool(re.match(r"\w", w)) for s, e in runs for w in wb[s:e])
    return found / total, range(start, end)


def _cites(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w/])\d{1,3}/\d{1,4}(?![\w/])", text))


def _continues(share: float, part: str, span: str) -> bool:
    """Enough of a paragraph lives on: most of its words, or a good part of them together
    with the resolution it cites (a paragraph taking note of a resolution is about it)."""
    return share >= CONTINUES or (share >= CONTINUES_CITING and bool(_cites(part) & _cites(span)))


def _continued_in(text: str, others: list[Citation], taken: dict[int, set[int]]) -> tuple[float, range, int, str] | None:
    """Where an unpaired paragraph continues in the other text, if it does: the share of its
    words found there, the word range, which paragraph, and that part's words."""
    (share, where), k = max(((continuation(text, o.text, taken[k]), k) for k, o in enumerate(others)),
                            key=lambda t: t[0][0], default=((0.0, range(0)), 0))
    span = join_words(_words(others[k].text)[where.start : where.stop]) if where else ""
    return (share, where, k, span) if _continues(share, text, span) else None


def align(old: list[Citation], new: list[Citation]) -> list[Change]:
    """Pair the paragraphs of two documents part by part; old order first, then additions.

    A paragraph left without a counterpart is then looked for inside the paragraphs of the
    other text, in the words their own counterparts do not account for: an old paragraph
    found there is "merged" into that paragraph, a new one found in an old paragraph is
    "split" from it; the diff is of the part it continues in."""
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
        taken_a: dict[int, set[int]] = {i: set() for i in range(len(a))}
        taken_b: dict[int, set[int]] = {j: set() for j in range(len(b))}
        for i, (j, _) in pairs.items():
            taken_a[i], taken_b[j] = _claimed(a[i].text, b[j].text)
        matched = {j for j, _ in pairs.values()}
        merged: dict[int, Change] = {}
        for i, x in enumerate(a):
            if i not in pairs and (found := _continued_in(x.text, b, taken_b)):
                share, where, j, span = found
                merged[i] = Change("merged", x, b[j], share, word_diff(x.text, span), span)
                taken_b[j] |= set(where)
                matched.add(j)
        split: dict[int, list[Change]] = {}
        for j, y in enumerate(b):
            if j not in matched and (found := _continued_in(y.text, a, taken_a)):
                share, where, i, span = found
                split.setdefault(i, []).append(Change("split", a[i], y, share, word_diff(span, y.text), span))
                taken_a[i] |= set(where)
                matched.add(j)
        for i, x in enumerate(a):
            if i in merged:
                changes.append(merged[i])
            elif i not in pairs:
                changes.append(Change("dropped", x, None))
            else:
                j, s = pairs[i]
                y = b[j]
                same = normal_text(x.text) == normal_text(y.text)
                changes.append(Change("unchanged" if same else "reworded", x, y, s, [] if same else word_diff(x.text, y.text)))
            changes += split.get(i, [])
        changes += [Change("added", None, y) for j, y in enumerate(b) if j not in matched]
    return changes


# ---------------------------------------------------------------- rendering


def marked(diff: list[tuple[str, str]], delete: str, insert: str) -> str:
    """A diff as one line, deletions and insertions in the given formats ("[-{}-]")."""
    out = ""
    for op, words in diff:
        piece = words if op == "equal" else (delete if op == "delete" else insert).format(words)
        out += piece if not out or re.match(r"[,;:.]", words) else " " + piece
    return out


def _moved(ch: Change, cite: str = "{}") -> str:
    """"A/RES/79/62 PP 9 -> merged into A/RES/80/57 PP 8", "... PP 5 <- split from ... PP 3"."""
    old, new = cite.format(ch.old.label), cite.format(ch.new.label)
    return f"{old} -> merged into {new}" if ch.status == "merged" else f"{new} <- split from {old}"


def as_text(c: Comparison) -> str:
    """For the terminal: [-deleted-] and {+inserted+} as wdiff writes them."""
    lines = [f"{c.old_doc} -> {c.new_doc}: " + ", ".join(f"{n} {s}" for s, n in c.counts().items()), ""]
    for ch in c.changes:
        if ch.status == "reworded":
            lines += [f"REWORDED  {ch.old.label} -> {ch.new.label} (similarity {ch.similarity:.2f})",
                      "  " + marked(ch.diff, "[-{}-]", "{{+{}+}}"), ""]
        elif ch.status == "unchanged":
            lines += [f"UNCHANGED {ch.old.label} = {ch.new.label}", ""]
        elif ch.status in ("merged", "split"):
            lines += [f"{ch.status.upper():<9} {_moved(ch)} ({ch.similarity:.0%} of its words)",
                      "  " + marked(ch.diff, "[-{}-]", "{{+{}+}}"), ""]
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
        if ch.status in ("merged", "split"):
            lines[-1] = f"## {ch.status.capitalize()}: {_moved(ch, '[{}]')}"
        if ch.status in ("reworded", "merged", "split"):
            lines.append(marked(ch.diff, "~~{}~~", "**{}**"))
        else:
            lines.append((ch.new or ch.old).text)
        lines.append("")
    return "\n".join(lines)
