"""Stage 5, verify: what an answer says must stand in the paragraphs it cites.

Checked for every sentence, at run time: each quotation (“…”) is, piece by piece between the
ellipses, verbatim in the cited paragraph and in order; a framing that names a resolution and
paragraph ("Resolution 79/62 (OP 4):") names a cited one; every number and content word of
a lead sentence is in its evidence. A sentence that fails is dropped.
"""
from __future__ import annotations

import re

from index import Paragraph

from .text import tokens

_CITES = re.compile(r"\[([^\[\]]+)\]")
_QUOTE = re.compile(r"“(.*?)”", re.S)
_NAMED = re.compile(r"\b[Rr]esolution (\d+/\d+) \((OP|PP) (\d+)\)|\b[Rr]esolution (\d+/\d+) \(footnote (\d+)\)|"
                    r"第(\d+/\d+)号决议（(执行|序言)部分第(\d+)段）|第(\d+/\d+)号决议（脚注(\d+)）")
# Words of fixed framings, never claims ("Yes", "On", "Mentioned in", "has 3 footnotes").
_FRAME_WORDS = re.compile(
    r"\b(yes|no|on|by|in|at|its|the|mentioned|resolution|resolutions|has|have|paragraphs?|preambular|operative|"
    r"footnotes?|adoption|record|news|article|secondary|source|not|a|of|and|closest|they|come|indexed|texts|do|"
    r"say|so|op|pp|fn)\b|\d+/\d+|^\s*(?:是|不|否)。", re.I)


_COUNT = re.compile(r"\bhas (\d+) (preambular paragraphs|operative paragraphs|footnotes|paragraphs)\b|"
                    r"有(\d+)(段序言部分段落|段执行部分段落|个脚注|个段落)")
_COUNT_PARTS = {"preambular paragraphs": "PP", "operative paragraphs": "OP", "footnotes": "FN", "paragraphs": None,
                "段序言部分段落": "PP", "段执行部分段落": "OP", "个脚注": "FN", "个段落": None}


_CARRIER = re.compile(r"^Footnote (\d+) is attached to |^脚注(\d+)附于")
_ALIGNMENT = re.compile(r"has no corresponding paragraph\.|had no corresponding paragraph\.|"
                        r"The paragraph is the same in both resolutions\.|^The wording changed:|merged into|split into")


def _named(sentence: str) -> list[tuple[str, str, int]]:
    out = []
    for m in _NAMED.finditer(sentence):
        g = m.groups()
        if g[0]:
            out.append((g[0], g[1], int(g[2])))
        elif g[3]:
            out.append((g[3], "FN", int(g[4])))
        elif g[5]:
            out.append((g[5], "OP" if g[6] == "执行" else "PP", int(g[7])))
        else:
            out.append((g[8], "FN", int(g[9])))
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quotation_holds(quote: str, text: str) -> bool:
    """Each piece between ellipses is verbatim in `text`, the pieces in order."""
    pos = 0
    source = _norm(text)
    for piece in re.split(r"\s*(?:……|…)\s*", quote):
        piece = _norm(piece).strip(" ,;:，；：、")
        if not piece:
            continue
        at = source.find(piece, pos)
        if at < 0:
            return False
        pos = at + len(piece)
    return True


def sentence_holds(sentence: str, labels: list[str], cited: dict[str, Paragraph]) -> bool:
    paragraphs = [cited[lab] for lab in labels if lab in cited]
    if len(paragraphs) != len(labels) or not paragraphs:
        return False
    for sym, part, number in _named(sentence):
        if not any(p.doc.endswith(sym) and p.part == part and p.number == number for p in paragraphs):
            return False
    if sentence.startswith(("Mentioned in ", "见第")) or _ALIGNMENT.search(sentence):
        # a list of the cited paragraphs themselves, or what the alignment of two cited
        # paragraphs found (its quoted edits are still checked below)
        if not _QUOTE.search(sentence):
            return True
    carrier = _CARRIER.search(sentence)
    if carrier:  # "Footnote 3 is attached to resolution 79/62 (OP 1).": the paragraph carries its marker
        n = int(carrier.group(1) or carrier.group(2))
        # (a Citation, as read back from an answer, has no footnote markers: the framing's
        # paragraph being the one cited is then all there is to check)
        return bool(_named(sentence)) and all(n in getattr(p, "footnotes", (n,)) for p in paragraphs)
    count = _COUNT.search(sentence)
    if count:  # "Resolution 79/62 has 3 footnotes.": the cited paragraphs run to that number
        n = int(count.group(1) or count.group(3))
        part = _COUNT_PARTS[(count.group(2) or count.group(4)).lower()]
        numbers = [p.number or 0 for p in paragraphs if part is None or p.part == part]
        return bool(numbers) and max(numbers) == n
    quotes = _QUOTE.findall(sentence)
    for q in quotes:
        if not any(quotation_holds(q, p.text) for p in paragraphs):
            return False
    if quotes:
        return True
    # A lead: its numbers and content words must be in the evidence.
    claim = _FRAME_WORDS.sub(" ", sentence)
    source = " ".join(p.text for p in paragraphs)
    if any(n not in source for n in re.findall(r"\d+", claim)):
        return False
    # Chinese words as they stand in the evidence ("2025年": its one character is no word pair)
    if any(run not in source for run in re.findall(r"[\u3400-\u9fff]+", claim)):
        return False
    have = set(tokens(source))
    return all(t in have for t in tokens(re.sub(r"[\u3400-\u9fff]+", " ", claim)) if not t.isdigit())


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


def verified(sentences: list[str], cited: dict[str, Paragraph]) -> list[str]:
    """The sentences that hold; a sentence without citations (a fixed statement that the texts
    do not say something, or that a document is not indexed) passes through."""
    kept = []
    for sentence in sentences:
        parts = sentences_with_citations(sentence)
        if all(labels == [] for _, labels in parts):
            kept.append(sentence)
        elif all(sentence_holds(s, labels, cited) for s, labels in parts):
            kept.append(sentence)
    return kept
