"""Adding a document: read it, detect what it is, copy it into the documents folder and list it
in the manifest. The store picks it up on its next (incremental) build."""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .manifest import SeedDoc, SeedError, entry_toml, read_manifest_entries
from .parse import detect_text, parse_document
from .read import read_document
from .records import FN, META, OP, PP, Paragraph

MANIFEST = "manifest.toml"
MANIFEST_HEAD = """# One entry per document file, written by `unres add` (hand-written entries work too).
# `doc` is the citation symbol; `kind` is "resolution" or "commentary".
"""


class FolderError(ValueError):
    """The documents folder cannot be created or written; the message names it and says why."""


@dataclass
class Added:
    """What `unres add` reports for one file."""

    file: str
    doc: str | None = None
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    added: bool = False
    error: str | None = None
    seed: SeedDoc | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        return {"file": self.file, "doc": self.doc, "lang": self.lang, "title": self.title, "date": self.date,
                "counts": self.counts, "added": self.added, "error": self.error}


def counts_of(paragraphs: list[Paragraph]) -> dict[str, int]:
    c = Counter(p.part for p in paragraphs)
    return {PP: c[PP], OP: c[OP], FN: c[FN]}


def examine(path: Path) -> Added:
    """Read and parse one file as a resolution, changing nothing; `error` says why it cannot be added."""
    result = Added(str(path))
    try:
        text = read_document(path)
        found = detect_text(text, path.name)
        if not found.symbol:
            raise SeedError(path.name, "no document symbol (such as A/RES/78/265) or resolution number found")
        if not found.adopted:
            raise SeedError(path.name, "no adoption date found (\"Resolution adopted by ... on ...\" or the plenary line)")
        seed = SeedDoc(path.name, found.symbol, found.title or found.symbol, found.lang, "resolution", found.adopted)
        paragraphs = parse_document(text, seed)
    except SeedError as exc:
        result.error = str(exc)
        return result
    meta = next(p for p in paragraphs if p.part == META)
    result.doc, result.lang, result.date = seed.doc, seed.lang, seed.date
    result.title = meta.fields.get("title", seed.title)
    result.counts = counts_of(paragraphs)
    result.seed = SeedDoc(seed.file, seed.doc, result.title, seed.lang, seed.kind, seed.date)
    return result


def add_documents(paths: list[Path], seeds_dir: Path, dry_run: bool = False) -> list[Added]:
    """Examine each file; copy the good ones into `seeds_dir` and list them in its manifest.
    A file already listed under the same symbol and language is refused (or, byte for byte the
    same file, reported as not added)."""
    manifest = seeds_dir / MANIFEST
    listed, _, _ = read_manifest_entries(manifest) if manifest.is_file() else ([], [], set())
    by_key = {(d.doc, d.lang): d for d in listed}
    results: list[Added] = []
    for path in paths:
        r = examine(path)
        results.append(r)
        if r.error or r.seed is None:
            continue
        old = by_key.get((r.doc, r.lang))
        if old is not None:
            if (seeds_dir / old.file).is_file() and (seeds_dir / old.file).read_bytes() == path.read_bytes():
                continue  # already there: nothing to do
            r.error = f"{path.name}: {r.doc} ({r.lang}) is already indexed from {old.file}; remove that entry first"
            continue
        dest = _free_name(seeds_dir, path.name, {d.file for d in listed})
        r.seed = SeedDoc(dest, r.seed.doc, r.seed.title, r.seed.lang, r.seed.kind, r.seed.date)
        by_key[(r.doc, r.lang)] = r.seed
        listed.append(r.seed)
        r.added = True
        if not dry_run:
            _store_file(path, seeds_dir, dest)
            old_text = manifest.read_text(encoding="utf-8") if manifest.is_file() else MANIFEST_HEAD
            _write(manifest, old_text + entry_toml(r.seed))
    return results


def _store_file(path: Path, seeds_dir: Path, dest: str) -> None:
    """Copy `path` into the documents folder (made if missing) as `dest`, whole or not at all."""
    try:
        seeds_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FolderError(f"cannot create the documents folder {seeds_dir} ({exc.strerror}); "
                          "set UNRES_SEEDS_DIR to a folder that can be written") from exc
    tmp = seeds_dir / f".{dest}.adding"
    try:
        shutil.copyfile(path, tmp)
        tmp.replace(seeds_dir / dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise FolderError(f"cannot write {dest} in the documents folder {seeds_dir} ({exc.strerror})") from exc


@contextmanager
def undo_on_failure(seeds_dir: Path) -> Iterator[None]:
    """Restore the manifest and remove new files (and folders made for them) when adding or
    indexing what was added fails."""
    manifest = seeds_dir / MANIFEST
    before = manifest.read_text(encoding="utf-8") if manifest.is_file() else None
    files = {f.name for f in seeds_dir.iterdir()} if seeds_dir.is_dir() else set()
    made = [d for d in (seeds_dir, *seeds_dir.parents) if not d.exists()]  # innermost first
    try:
        yield
    except BaseException:
        if seeds_dir.is_dir():
            for f in seeds_dir.iterdir():
                if f.name not in files and f.is_file():
                    f.unlink()
        if before is not None:
            _write(manifest, before)
        for d in made:
            try:
                d.rmdir()
            except OSError:
                break
        raise


def _free_name(seeds_dir: Path, name: str, taken: set[str]) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate in taken or (seeds_dir / candidate).exists():
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    return candidate


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
