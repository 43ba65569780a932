"""The seed manifest: which file holds which document, in which language."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

KINDS = ("resolution", "commentary")


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
    """Read `manifest.toml`; every entry needs file, doc, title, lang, kind and date."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SeedError(path.name, f"cannot read manifest ({exc})") from exc
    docs = []
    for i, entry in enumerate(data.get("document", []), 1):
        missing = [k for k in ("file", "doc", "title", "lang", "kind", "date") if not entry.get(k)]
        if missing:
            raise SeedError(path.name, f"entry {i} lacks {', '.join(missing)}")
        if entry["kind"] not in KINDS:
            raise SeedError(path.name, f"entry {i} has kind {entry['kind']!r}, not one of {KINDS}")
        docs.append(SeedDoc(**{k: str(entry[k]) for k in SeedDoc.__dataclass_fields__}))
    if not docs:
        raise SeedError(path.name, "no [[document]] entries")
    seen = set()
    for d in docs:
        if (d.doc, d.lang) in seen:
            raise SeedError(path.name, f"{d.doc} ({d.lang}) is listed twice")
        seen.add((d.doc, d.lang))
    return docs
