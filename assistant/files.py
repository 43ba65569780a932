"""Writing output files safely: the whole file appears under its name or nothing does, and a
link planted beside the target cannot redirect the write."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class OutputError(ValueError):
    """The output file cannot be written where it was asked for; the message says why."""


def write_file(target: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """Call `write` with a new, exclusively created temporary file in `target`'s folder, then
    rename it over `target`. The rename replaces a link at `target` rather than following it."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    try:
        # mkstemp: a unique name, O_EXCL creation and mode 0600, so nothing planted is reused.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"cannot write in {folder} ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # the permissions an ordinary new file would have
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_text(target: str | Path, text: str) -> Path:
    return write_file(target, lambda fh: fh.write(text.encode("utf-8")))
