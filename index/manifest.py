"""The seed manifest: which file holds which document, in which language."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

KINDS = ("resolution", "commentary")
# A/RES/78/265, A/RES/ES-11/1, S/RES/2231 (2015), drafts A/C.1/79/L.43 (as index/detect.py finds them).
SYMBOL = re.compile(r"A/RES/(?:ES-\d+/|S-\d+/)?\d+(?:/\d+)?|S/RES/\d+ \(\d{4}\)|A/(?:C\.\d/)?\d+/L\.\d+(?:/Rev\.\d+)?")


class SeedError(Exception):
    """A seed file or manifest entry that cannot be read; names the file and the problem."""

    def __init__(self, file: str, problem: str):
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem


@dataclass(frozen=True)
class SeedDoc:
    file: str
    doc: str
    title: str
    lang: str
    kind: str
    date: str  # ISO date of adoption (resolutions) or issue (commentary)

    @property
    def is_resolution(self) -> bool:
        return self.kind == "resolution"


def read_manifest(path: Path) -> list[SeedDoc]:
    """Read `manifest.toml`; raises `SeedError` on the first entry that is wrong."""
    docs, errors, _ = read_manifest_entries(path)
    if errors:
        raise SeedError(path.name, errors[0])
    return docs


def read_manifest_entries(path: Path) -> tuple[list[SeedDoc], list[str], set[str]]:
    """Read `manifest.toml`: the good entries, a description of each bad one, and every file
    named. Every entry needs file, doc, title, lang, kind and date; a resolution's doc is its
    symbol (A/RES/79/62)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SeedError(path.name, f"cannot read manifest ({exc})") from exc
    docs: list[SeedDoc] = []
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    for i, entry in enumerate(data.get("document", []), 1):
        missing = [k for k in ("file", "doc", "title", "lang", "kind", "date") if not entry.get(k)]
        if missing:
            errors.append(f"entry {i} lacks {', '.join(missing)}")
            continue
        doc = SeedDoc(**{k: str(entry[k]) for k in SeedDoc.__dataclass_fields__})
        if doc.kind not in KINDS:
            errors.append(f"entry {i} ({doc.file}) has kind {doc.kind!r}, not one of {KINDS}")
        elif doc.is_resolution and not SYMBOL.fullmatch(doc.doc):
            errors.append(f"entry {i} ({doc.file}) names the resolution {doc.doc!r}; a symbol looks like A/RES/79/62")
        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date):
            errors.append(f"entry {i} ({doc.file}) has date {doc.date!r}; use YYYY-MM-DD")
        elif (doc.doc, doc.lang) in seen:
            errors.append(f"entry {i} ({doc.file}): {doc.doc} ({doc.lang}) is listed twice")
        else:
            seen.add((doc.doc, doc.lang))
            docs.append(doc)
    if not docs and not errors:
        errors.append("no [[document]] entries")
    return docs, errors, {str(e.get("file")) for e in data.get("document", [])}


def entry_toml(doc: SeedDoc) -> str:
    """One `[[document]]` entry, as `read_manifest_entries` reads it."""
    import json

    # JSON string literals are valid TOML basic strings.
    rows = "".join(f"{k} = {json.dumps(getattr(doc, k), ensure_ascii=False)}\n" for k in SeedDoc.__dataclass_fields__)
    return f"\n[[document]]\n{rows}"
