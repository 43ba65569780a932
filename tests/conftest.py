"""Shared fixtures: one real store (real USE embeddings, real Chroma on disk) per test run."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("store")


@pytest.fixture(scope="session")
def assistant(store_dir):
    from assistant import Assistant

    return Assistant(store_dir=store_dir)


@pytest.fixture()
def seeds_copy(tmp_path) -> Path:
    """A private copy of the seeds that a test may change."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture(scope="session")
def unres(store_dir, assistant):
    """Run the real `unres` command as a subprocess against the session's store."""
    exe = Path(sys.executable).with_name("unres")

    def run(*args: str, input: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "UNRES_STORE_DIR": str(store_dir), **(env or {})}
        return subprocess.run([str(exe), *args], input=input, capture_output=True, env=full_env, timeout=300)

    return run
