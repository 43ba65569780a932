"""Word documents (.docx, as the UN's document system offers them), read with python-docx
paragraph by paragraph. Footnote references become `[^n]` and the footnotes themselves
`[^n]: text`, the shape `parse.py` reads; a superscript number in a run is a marker too."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .manifest import SeedError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SeedError(path.name, f"not a readable Word (.docx) file ({exc})") from exc
    numbers: dict[str, int] = {}  # Word's footnote ids, numbered in the order they are cited
    lines = [_text(p._p, numbers) for p in document.paragraphs]
    notes = _footnotes(document, numbers)
    out = [ln for ln in lines if ln.strip()]
    return "\n".join(out + [""] + [f"[^{n}]: {t}" for n, t in sorted(notes.items())]) + "\n"


def _text(element, numbers: dict[str, int]) -> str:
    parts: list[str] = []
    for run in element.iter(f"{_W}r"):
        ref = run.find(f"{_W}footnoteReference")
        if ref is not None:
            fid = ref.get(f"{_W}id")
            numbers.setdefault(fid, len(numbers) + 1)
            parts.append(f"[^{numbers[fid]}]")
            continue
        text = "".join(t.text or "" if t.tag == f"{_W}t" else " " for t in run if t.tag in (f"{_W}t", f"{_W}tab"))
        va = run.find(f"{_W}rPr/{_W}vertAlign")
        if va is not None and va.get(f"{_W}val") == "superscript" and re.fullmatch(r"\d{1,3}", text.strip()):
            text = f"[^{text.strip()}]"
        parts.append(text)
    line = "".join(parts).strip()
    # A footnote typed as a paragraph that opens with its superscript number.
    return re.sub(r"^\[\^(\d+)\]\s*(?=\S)", r"[^\1]: ", line)


def _footnotes(document, numbers: dict[str, int]) -> dict[int, str]:
    part = next((r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes")), None)
    if part is None:
        return {}
    from lxml import etree

    root = etree.fromstring(part.blob)
    notes = {}
    for note in root.iter(f"{_W}footnote"):
        fid = note.get(f"{_W}id")
        if fid in numbers:
            text = " ".join(_text(p, {}) for p in note.iter(f"{_W}p")).strip()
            notes[numbers[fid]] = re.sub(r"^\[\^\d+\]:?\s*", "", text)
    return notes
