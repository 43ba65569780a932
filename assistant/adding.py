"""Adding documents, as `unres add`, `Assistant.add_many` and the app's Documents tab do it: each
file is read and detected (index/intake.py), the good ones are copied into the documents folder
and listed in its manifest, and the store is built again incrementally. If that build fails,
the documents folder is put back as it was."""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from index import Encoder, Store, make_encoder, open_store
from index.intake import Added, add_documents, undo_on_failure

from .config import Settings

# One addition at a time in this process: each one reads the manifest, appends to it and rebuilds.
_ADDING = threading.Lock()


def add_files(paths: list[Path], settings: Settings, *, encoder: Encoder | None = None, dry_run: bool = False,
              progress: Callable[[str], None] | None = None) -> tuple[list[dict], Store | None]:
    """Add `paths` to the documents folder of `settings` (made if missing) and index them.
    Returns what `unres add --json` prints, one dict per file, and the rebuilt store (None when
    nothing was added). A file that cannot be read as a resolution comes back with `error` set
    and changes nothing."""
    with _ADDING, undo_on_failure(settings.seeds_dir):
        results = add_documents([Path(p) for p in paths], settings.seeds_dir, dry_run)
        store = None
        if not dry_run and any(r.added for r in results):
            store = open_store(settings.store_dir, settings.seeds_dir, encoder or make_encoder(settings.embedding),
                               chroma_url=settings.chroma_url or None, progress=progress or (lambda msg: None))
    return [r.to_dict() for r in results], store


def over_limit(path: Path, max_mb: float) -> str | None:
    """The message refusing a received file larger than `max_mb` megabytes, or None."""
    size = path.stat().st_size
    if size <= max_mb * 1024 * 1024:
        return None
    return (f"{path.name}: {size / 1024 / 1024:.1f} MB is more than the {max_mb:g} MB a file may have "
            "(setting UNRES_MAX_UPLOAD_MB)")


def add_received(assistant, paths: list[Path], max_mb: float) -> list[dict]:
    """What the app's upload does: `assistant.add_many` for the files within the size limit, a
    refusal with a message for each larger one; one dict per file, in the order given."""
    refused = {p: msg for p in paths if (msg := over_limit(p, max_mb))}
    added = iter(assistant.add_many([p for p in paths if p not in refused]) if len(refused) < len(paths) else [])
    return [Added(str(p), error=refused[p]).to_dict() if p in refused else next(added) for p in paths]
