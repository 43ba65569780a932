"""The official UN PDF, read character by character with pdfplumber.

Sizes and positions tell the parts apart (measured on A/RES/78/265): body text 10 pt with
superscript footnote markers at 6.5 pt; footnotes 8.5 pt under a rule of underscores, each
opening with a 5.5 pt number; a running header (title and symbol, 8.5 pt) above the body of
every page after the first; the page number, job number and bar code below the footnotes.
Plain text extraction loses all of that, so footnotes and headers end up inside paragraphs.

The result has the shape `pdftext.to_paragraphs` gives: masthead lines, one line per
paragraph with `[^n]` where a marker was, then `[^n]: text` for each footnote.
"""
from __future__ import annotations

import re
from pathlib import Path

from .detect import opening_line
from .manifest import SeedError
from .pdftext import is_debris, join, join_lines, repair_hyphens

SMALL = 0.7  # markers are about 0.65 of their line's size (6.5 pt in 10, 5.5 in 8.5); a masthead mixes 10 and 14
BODY_MIN = 9.5  # pt: body text is 10 pt; running headers and footnotes are 8.5 pt
INDENT = 5.0  # pt beyond the margin that opens a paragraph (the PDF indents by about 24 pt)


def read_pdf(path: Path) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page_lines(page) for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise SeedError(path.name, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        if "pdf" in type(exc).__module__.lower():
            raise SeedError(path.name, f"not a readable PDF ({exc})") from exc
        raise
    if not any(pages):
        raise SeedError(path.name, "the PDF has no text layer (a scan?); only PDFs with text can be read")
    return _assemble(pages)


def _page_lines(page) -> list[dict]:
    """Each line of the page: its text (markers as `[^n]`), size, left edge and top."""
    out = []
    for ln in page.extract_text_lines(return_chars=True, layout=False):
        chars = [c for c in ln["chars"] if c["text"].strip()]
        if not chars:
            continue
        size = max(c["size"] for c in chars)
        baseline = max(c["bottom"] for c in chars if c["size"] >= SMALL * size)
        text, marker, lead, prev = "", "", "", None
        for c in chars:
            # A marker is a small digit raised above the line's baseline.
            small = c["size"] < SMALL * size and c["text"].isdigit() and c["bottom"] < baseline - 0.5
            if prev is not None and c["x0"] - prev["x1"] > 0.15 * min(c["size"], prev["size"]) and not marker:
                text += " "
            if small:
                marker += c["text"]
            else:
                if marker:
                    if text.strip():
                        text = text.rstrip() + f"[^{marker}]" + (" " if c["x0"] - prev["x1"] > 0.5 else "")
                    else:
                        lead = marker  # a footnote's own number, at the start of its line
                    marker = ""
                text += c["text"]
            prev = c
        if marker:
            text = text.rstrip() + f"[^{marker}]" if text.strip() else text
            lead = lead or (marker if not text.strip() else "")
        out.append({"text": text.strip(), "size": size, "x0": ln["x0"], "top": ln["top"], "lead": lead})
    return out


def _assemble(pages: list[list[dict]]) -> str:
    header: list[str] = []
    paragraphs: list[str] = []
    notes: dict[int, str] = {}
    opened = False
    for number, lines in enumerate(pages):
        rule = next((ln["top"] for ln in lines if re.fullmatch(r"_{5,}", ln["text"])), None)
        first_body = next((ln["top"] for ln in lines if ln["size"] >= BODY_MIN), 0.0)
        body: list[tuple[float, str]] = []
        current: int | None = None
        for ln in lines:
            text = ln["text"]
            if is_debris(text) or re.fullmatch(r"_{5,}", text):
                continue
            if number > 0 and ln["top"] < first_body and ln["size"] < BODY_MIN:
                continue  # the running header
            if rule is not None and ln["top"] > rule:
                if ln["lead"]:
                    current = int(ln["lead"])
                    notes[current] = text
                elif current is not None:
                    notes[current] = join(notes[current], text)
                elif notes:  # a footnote carried over from the previous page
                    notes[max(notes)] = join(notes[max(notes)], text)
                continue
            if not opened:
                if opening_line([text]):
                    opened = True
                    header.append(text)
                else:
                    header.append(text)
                continue
            body.append((ln["x0"], text))
        paragraphs = join_lines(body, paragraphs, INDENT)
    if not opened:
        return "\n".join(header) + "\n"
    # The masthead prints the symbol as a large "A" beside "/RES/78/265".
    masthead = re.sub(r"(?m)^([AS])\n(.*?)\s*(/RES/\S+)", r"\1\3\n\2", "\n".join(header[:-1]))
    out = [masthead, header[-1], ""] + [repair_hyphens(p) for p in paragraphs]
    out += [""] + [f"[^{n}]: {repair_hyphens(t)}" for n, t in sorted(notes.items())]
    return "\n".join(out) + "\n"
