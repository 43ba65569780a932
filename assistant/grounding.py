"""Is every word of an answer backed by the paragraphs it cites?

Each sentence of an answer ends with its citations in brackets. The sentence's words,
less the fixed phrasing that introduces a paragraph ("In resolution 79/62 (OP 4), the
General Assembly ..."), must all occur in the cited paragraphs, compared as stemmed
tokens (so "called upon" matches "Calls upon") or, for Chinese, as character bigrams.
"""
from __future__ import annotations

import re

from .answer import Answer
from .text import tokens

_CITES = re.compile(r"\[([^\[\]]+)\]")
# The fixed phrasing that frames a restated paragraph; it carries no claim of its own.
_FRAMES = [
    r"In resolution \d+/\d+ \((?:OP|PP) \d+\), the General Assembly(?: was)?",
    r"Resolution \d+/\d+ \((?:OP|PP) \d+\) reads:",
    r"Footnote \d+ of resolution \d+/\d+ reads:",
    r"A news article issued on \d{1,2} \w+ \d{4} \(a secondary source, not a resolution\) reports:",
    r"大会在第\d+/\d+号决议（(?:执行|序言)部分第\d+段）中",
    r"第\d+/\d+号决议脚注\d+：",
    r"（第\d+/\d+号决议没有中文文本，以下引自英文文本。）",
    r"…|……",
    r"The wording changed:|\bbecame\b|\bwas added\b|\bwas dropped\b",
    r"The paragraph is the same in both resolutions\.",
    r"Resolution \d+/\d+ has no corresponding paragraph\.|The earlier resolution had no corresponding paragraph\.",
]
_FRAME = re.compile("|".join(_FRAMES))


def sentences_with_citations(text: str) -> list[tuple[str, list[str]]]:
    """Split an answer into (sentence, [labels it cites])."""
    out = []
    pos = 0
    for m in re.finditer(r"((?:\s*\[[^\[\]]+\])+)", text):
        sentence = text[pos : m.start()].strip()
        labels = _CITES.findall(m.group(1))
        if sentence:
            out.append((sentence, labels))
        pos = m.end()
    tail = text[pos:].strip()
    if tail:
        out.append((tail, []))
    return out


def claims(text: str) -> list[tuple[str, list[str]]]:
    """Each sentence of an answer as (its claim, less the fixed framing; the labels it cites)."""
    return [(_FRAME.sub(" ", s).strip(), labels) for s, labels in sentences_with_citations(text)]


def unsupported(answer: Answer) -> list[str]:
    """Problems found: sentences without citations, labels not among the answer's
    citations, and words not found in the cited paragraphs. Empty means grounded."""
    if answer.abstained:
        return [] if not answer.citations else ["an abstention cites paragraphs as support"]
    texts = {c.label: c.text for c in answer.citations}
    problems = []
    for (sentence, labels), (claim, _) in zip(sentences_with_citations(answer.answer), claims(answer.answer), strict=True):
        if not labels:
            if tokens(claim):
                problems.append(f"no citation: {sentence!r}")
            continue
        missing = [label for label in labels if label not in texts]
        if missing:
            problems.append(f"cites {missing} which are not among the answer's citations")
            continue
        source = set(tokens(" ".join(texts[label] for label in labels), keep_stopwords=True))
        extra = [t for t in tokens(claim, keep_stopwords=True) if t not in source]
        if extra:
            problems.append(f"words not in {labels}: {extra} in {sentence!r}")
    return problems
