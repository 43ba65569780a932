"""Read a document file of any supported format into text the parser understands."""
from __future__ import annotations

from pathlib import Path

from .detect import normalise
from .manifest import SeedError
from .pdftext import looks_like_pdftotext, to_paragraphs

FORMATS = (".txt", ".md", ".pdf", ".docx")


def read_document(path: Path) -> str:
    """The file's text; `SeedError` names the file and says why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise SeedError(path.name, f"unsupported format {suffix or '(none)'}; use one of {', '.join(FORMATS)}")
    if not path.is_file():
        raise SeedError(path.name, f"file not found in {path.parent}")
    if suffix == ".pdf":
        from .pdf import read_pdf

        return normalise(read_pdf(path))
    if suffix == ".docx":
        from .word import read_docx

        return normalise(read_docx(path))
    try:
        text = normalise(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SeedError(path.name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return to_paragraphs(text) if looks_like_pdftotext(text) else text
