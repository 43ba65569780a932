"""Text that `pdftotext` made from an official UN PDF, turned into one line per paragraph.

With `-layout` a paragraph is a block whose first line is indented deeper than the lines that
continue it; without it every line starts at the margin and a paragraph starts where the
previous line closed a clause and a capitalised word or a number opens the next. Both shapes
carry page debris (job numbers "24-24617 (E)", bar codes "*2424617*", page marks "2/4", running
headers with the symbol), footnotes under a rule of underscores with the number on its own
line, and hyphens split from their words ("non -proliferation").

The result has the masthead lines as printed, then one line per paragraph, then the footnotes
as `[^n]: text`, the shape `parse.py` reads.
"""
from __future__ import annotations

import re

from .detect import SYMBOL, opening_line

_JOB = re.compile(r"^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\d{1,3}/\d{1,3})?\s*$")
_PAGE = re.compile(r"^\s*\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{0,5})?\s*$")  # "2/3   24-23093", cut short at times
_BARCODE = re.compile(r"^\s*\*\d{7,}\*\s*$")
_RULE = re.compile(r"^\s*_{5,}\s*$")
_FN_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_FN_INLINE = re.compile(r"^\s*(\d{1,3})\s{2,}(\S.*)$")
_NUMBERED = re.compile(r"^(?:\d{1,3}\.\s|\([a-z]{1,4}\)\s)")
_PARA_START = re.compile(r"^(?:\d{1,3}\.\s|\([a-z]{1,4}\)\s|[A-ZÀ-ÝА-Я])")


def looks_like_pdftotext(text: str) -> bool:
    """Job numbers or page marks between pages: the signs of text extracted from an official PDF."""
    lines = text.split("\n")
    return "\f" in text or any(_JOB.match(ln) or _PAGE.match(ln) or _BARCODE.match(ln) for ln in lines)


def is_debris(line: str) -> bool:
    return bool(_JOB.match(line) or _PAGE.match(line) or _BARCODE.match(line))


def repair_hyphens(text: str) -> str:
    """"non -proliferation", "Secretary -General": a hyphen the extraction split from its word."""
    return re.sub(r"(?<=\w) -(?=[^\W\d_])", "-", text)


def to_paragraphs(text: str) -> str:
    """Clean page debris and footnotes out of `pdftotext` output; one line per paragraph."""
    notes: dict[int, str] = {}
    pages: list[list[str]] = []
    for page in _pages(text):
        body, found = _split_footnotes(page, notes)
        notes.update(found)
        pages.append(body)
    flat = [ln for page in pages for ln in page]
    found = opening_line(flat)
    if found is None:
        return text  # not a resolution: parse.py says so
    start = found[0]
    paragraphs: list[str] = []
    seen = 0
    for page in pages:
        paragraphs = _join_page(page[max(0, start + 1 - seen) :], paragraphs)
        seen += len(page)
    out = [ln.rstrip() for ln in flat[:start]] + [flat[start].strip(), ""]
    out += [repair_hyphens(p) for p in paragraphs]
    out += [""] + [f"[^{n}]: {repair_hyphens(t)}" for n, t in sorted(notes.items())]
    return "\n".join(out) + "\n"


def _pages(text: str) -> list[list[str]]:
    """Pages without their debris: job numbers, bar codes, page marks and running headers."""
    pages: list[list[str]] = [[]]
    for line in text.replace("\f", "\n\f\n").split("\n"):
        if line == "\f" or is_debris(line):
            if any(ln.strip() for ln in pages[-1]):
                pages.append([])
            continue
        pages[-1].append(line)
    return [_drop_running_header(p) for p in pages if any(ln.strip() for ln in p)]


def _drop_running_header(page: list[str]) -> list[str]:
    """A page opens with the title and the symbol set apart ("A/RES/79/62      Lethal ..."),
    sometimes over two lines; the masthead of the first page is kept (it holds the symbol
    next to "United Nations")."""
    top = [i for i, ln in enumerate(page) if ln.strip()][:3]
    marked = [i for i in top if _running_header(page[i])]
    if not marked or any("Distr" in page[i] or "United Nations" in page[i] for i in top):
        return page
    return page[marked[-1] + 1 :]


def _running_header(line: str) -> bool:
    s = line.strip()
    return bool(SYMBOL.search(s)) and bool(re.search(r"\S\s{3,}\S", s) or SYMBOL.fullmatch(s))


def _split_footnotes(page: list[str], notes: dict[int, str]) -> tuple[list[str], dict[int, str]]:
    """Take the footnotes from under the page's rule: "1" on its own line (or "1  text"), then text."""
    body: list[str] = []
    found: dict[int, str] = {}
    current: int | None = None
    zone = False
    for line in page:
        if _RULE.match(line):
            zone, current = True, None
            continue
        if not zone:
            body.append(line)
        elif not line.strip():
            zone = current is None  # a blank line ends the footnotes once one has been read
        elif m := _FN_NUMBER.match(line):
            current = int(m.group(1))
            found[current] = ""
        elif (m := _FN_INLINE.match(line)) and (current is None or int(m.group(1)) == current + 1):
            current = int(m.group(1))
            found[current] = m.group(2).strip()
        elif current is not None:
            found[current] = join(found[current], line)
        elif notes:  # the rest of a footnote carried over from the previous page
            last = max(notes)
            notes[last] = join(notes[last], line)
    return body, found


def join(left: str, right: str) -> str:
    left, right = left.strip(), right.strip()
    if not left or not right:
        return left or right
    if left.endswith("-"):  # "multi-" + "stakeholder", "Secretary -" + "General": one word
        return re.sub(r"\s+-$", "-", left) + right
    return f"{left} {right}"


_TERMINAL = (",", ";", ":", ".", "，", "；", "：", "。", "،", "؛")


def _ends_clause(text: str) -> bool:
    text = re.sub(r"(?<=[,;:.])\s*\d{1,3}$|\[\^\d+\]$", "", text.rstrip()).rstrip("”\"’'»")
    return text.endswith(_TERMINAL)


def _join_page(lines: list[str], paragraphs: list[str]) -> list[str]:
    body = [ln.rstrip() for ln in lines if ln.strip()]
    return join_lines([(len(ln) - len(ln.lstrip()), ln.strip()) for ln in body], paragraphs, step=2)


def join_lines(lines: list[tuple[float, str]], paragraphs: list[str], step: float) -> list[str]:
    """Add one page's body lines, (indent, text), to the paragraphs. A line indented `step` or
    more beyond the page's margin opens a paragraph when the previous one closed a clause;
    with no indentation at all, a capitalised word or a number after a closed clause does."""
    if not lines:
        return paragraphs
    margin = min(i for i, _ in lines)  # continuation lines sit at the margin; a first line deeper
    layout = max(i for i, _ in lines) - margin >= step
    for indent, s in lines:
        closed = not paragraphs or _ends_clause(paragraphs[-1])
        if layout:
            opens = closed and (indent >= margin + step or bool(_NUMBERED.match(s)))
        else:
            opens = closed and bool(_PARA_START.match(s))
        if opens or not paragraphs:
            paragraphs.append(s)
        else:
            paragraphs[-1] = join(paragraphs[-1], s)
    return paragraphs
