"""Reading an answer as the judge sees it: sentences, the labels each cites, and the framing
that names a resolution and paragraph ("Resolution 79/62 (OP 4):", "第79/62号决议（执行部分第4段）").

Grades both answer formats: the quoting one ("Resolution 79/62 (OP 4): “…”. [A/RES/79/62 OP 4]")
and the restating one ("In resolution 79/62 (OP 4), the General Assembly called upon …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(r"^(?P<doc>\S+) (?P<part>PP|OP|FN|META|P)(?: (?P<number>\d+))?(?: \((?P<lang>[a-z]{2})\))?$")
_CITES = re.compile(r"((?:\s*\[[^\[\]]+\])+)")
ELLIPSIS = re.compile(r"…+|\.{3}")


@dataclass(frozen=True)
class Label:
    doc: str
    part: str
    number: int | None
    lang: str

    @property
    def resolution(self) -> str | None:
        """"A/RES/79/62" -> "79/62"; None for a document that is not a resolution."""
        m = re.fullmatch(r"A/RES/(\d+/\d+)", self.doc)
        return m.group(1) if m else None


def parse_label(label: str) -> Label | None:
    m = _LABEL.match(label.strip())
    if not m:
        return None
    return Label(m["doc"], m["part"], int(m["number"]) if m["number"] else None, m["lang"] or "en")


@dataclass(frozen=True)
class Sentence:
    text: str
    labels: tuple[str, ...]


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost quotation, its marks included. Curly quotations nest
    (a news article quoting a resolution); straight ones pair up outside curly ones."""
    spans, depth, start, straight = [], 0, 0, None
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0 and straight is None:
                start = i
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
            if depth == 0 and straight is None:
                spans.append((start, i + 1))
        elif ch == '"' and depth == 0:
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
    return spans


def _mask_quotes(text: str, notes: bool = False) -> str:
    """The text with quotations (and, with `notes`, full-width parenthesised notes) blanked
    out, same length, so that what they hold is neither framing nor a sentence end."""
    for a, b in quotations(text):
        text = text[:a] + "\0" * (b - a) + text[b:]
    return re.sub(r"（[^（）]*）", lambda m: "\0" * len(m.group(0)), text) if notes else text


# A sentence ends at ". ", "? ", "! " or "。" outside quotations, before a capital, a quotation or
# Chinese; or after a word (not an abbreviation: "vol.", "No.", "para.") before a number ("... as
# follows. 7 October 2022.").
_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"第（\u3400-\u9fff])|(?<=[。！？])|(?<=[a-z]{4}\.)(?<!para\.)\s+(?=\d)")


def split_answer(answer: str) -> list[Sentence]:
    """Each sentence with the labels in the brackets that follow it; a run of text before one
    group of brackets may hold several sentences, and only the last is the one cited."""
    out: list[Sentence] = []
    pos = 0
    chunks: list[tuple[str, tuple[str, ...]]] = []
    for m in _CITES.finditer(answer):
        chunks.append((answer[pos:m.start()], tuple(re.findall(r"\[([^\[\]]+)\]", m.group(1)))))
        pos = m.end()
    chunks.append((answer[pos:], ()))
    for chunk, labels in chunks:
        masked = _mask_quotes(chunk, notes=True)
        cuts = [0] + [m.end() for m in _END.finditer(masked)] + [len(chunk)]
        parts = [chunk[a:b].strip() for a, b in zip(cuts, cuts[1:])]
        parts = [p for p in parts if p]
        for i, p in enumerate(parts):
            out.append(Sentence(p, labels if i == len(parts) - 1 else ()))
    return out


# ------------------------------------------------------------------ framing


@dataclass(frozen=True)
class Mention:
    """A paragraph (or only a resolution, part None) that the framing of a sentence names."""

    resolution: str | None  # "79/62"; None when the framing names a paragraph of the resolution in view
    part: str | None
    number: int | None
    news: bool = False  # "A news article …": must cite a document that is not a resolution


_EN_PART = re.compile(
    r"\b(?:(OP|PP|FN)\s*(\d+)|(?:operative paragraph|operative para\.?)\s*(\d+)|(?:preambular paragraph)\s*(\d+)"
    r"|footnotes?\s*(\d+)|(adoption record|record of adoption))", re.I)
_ZH_PART = re.compile(r"(执行部分第|序言部分第|脚注)(\d+)段?|(通过记录)")
_EN_RES = re.compile(r"(?:\b[Ii]n\s+)?\b[Rr]esolution\s+(\d+/\d+)(?:\s*\(([^()]*)\))?")
_EN_FOOTNOTE_OF = re.compile(r"\bFootnote (\d+) of resolution (\d+/\d+)")
_ZH_RES = re.compile(r"第(\d+/\d+)号决议(?:（([^（）]*)）)?(?:脚注(\d+))?")
_ZH_PARTS_ONLY = re.compile(r"（((?:执行部分第\d+段|序言部分第\d+段|脚注\d+|通过记录)(?:[、，,]\s*(?:执行部分第\d+段|序言部分第\d+段|脚注\d+|通过记录))*)）")
_NEWS = re.compile(r"\bA news article (?:of|issued on) \d{1,2} \w+ \d{4} \((?:a )?secondary source(?:, not a resolution)?\)(?: reports)?:?")
# Fixed phrasing around a named paragraph; it carries no claim of its own.
_FIXED = re.compile(
    r"^,?\s*[Tt]he General Assembly(?: was)?\b|\breads:|^\s*[:：]|大会在|^中|"
    r"（(?:第\d+/\d+号决议|该文件)没有中文文本，以下引自英文文本。）|\(resolution \d+/\d+ has no Chinese text; quoted from the English text\.\)")
_LEAD_WORD = re.compile(r"^(?:(?:Yes|No)\b[.,:;]?|(?:是|否|不)[。，：])\s*")


def _en_parts(inside: str) -> list[tuple[str, int | None]]:
    out = []
    for m in _EN_PART.finditer(inside):
        if m.group(1):
            out.append((m.group(1).upper(), int(m.group(2))))
        elif m.group(3):
            out.append(("OP", int(m.group(3))))
        elif m.group(4):
            out.append(("PP", int(m.group(4))))
        elif m.group(5):
            out.append(("FN", int(m.group(5))))
        else:
            out.append(("META", None))
    return out


def _zh_parts(inside: str) -> list[tuple[str, int | None]]:
    codes = {"执行部分第": "OP", "序言部分第": "PP", "脚注": "FN"}
    return [(codes[m.group(1)], int(m.group(2))) if m.group(1) else ("META", None) for m in _ZH_PART.finditer(inside)]


def framing(sentence: str) -> tuple[list[Mention], str]:
    """The paragraphs a sentence's framing names, and the sentence less its framing.

    Only framing is read here: a resolution named inside a quotation, or further into a
    restated sentence ("… submitted pursuant to resolution 78/241"), is content."""
    mentions: list[Mention] = []
    spans: list[tuple[int, int]] = []
    masked = _mask_quotes(sentence)

    def take(m: re.Match, found: list[Mention]) -> None:
        mentions.extend(found)
        spans.append(m.span())

    for m in _NEWS.finditer(masked):
        take(m, [Mention(None, "P", None, news=True)])
    for m in _EN_FOOTNOTE_OF.finditer(masked):
        take(m, [Mention(m.group(2), "FN", int(m.group(1)))])
    for m in _EN_RES.finditer(masked):
        if any(a <= m.start() < b for a, b in spans):
            continue
        parts = _en_parts(m.group(2) or "")
        at_start = not masked[:m.start()].strip(" ,:") or bool(_LEAD_WORD.fullmatch(masked[:m.start()]))
        if parts:
            take(m, [Mention(m.group(1), p, n) for p, n in parts])
        elif at_start:  # "Resolution 79/62 has 3 footnotes", "In resolution 79/62, …": the subject
            take(m, [Mention(m.group(1), None, None)])
    for m in _ZH_RES.finditer(masked):
        parts = _zh_parts(m.group(2) or "") + ([("FN", int(m.group(3)))] if m.group(3) else [])
        if parts:
            take(m, [Mention(m.group(1), p, n) for p, n in parts])
        elif not masked[:m.start()].strip() or masked[:m.start()].endswith("在"):
            take(m, [Mention(m.group(1), None, None)])
    for m in _ZH_PARTS_ONLY.finditer(masked):
        if not any(a <= m.start() < b for a, b in spans):
            take(m, [Mention(None, p, n) for p, n in _zh_parts(m.group(1))])
    rest = sentence
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    rest = _LEAD_WORD.sub("", rest.strip())
    rest = _FIXED.sub(" ", rest.strip())
    rest = _FIXED.sub(" ", rest.strip())
    return mentions, rest.strip()


def lead_word(sentence: str) -> str | None:
    """"yes" or "no" when the sentence opens with one (是 / 否, 不 in Chinese)."""
    m = re.match(r"\s*(Yes|No)\b|\s*(是|否|不)", sentence)
    if not m:
        return None
    return "yes" if (m.group(1) or m.group(2)) in ("Yes", "是") else "no"
