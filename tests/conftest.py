"""Shared fixtures: one real store (real USE embeddings, real Chroma on disk) per test run."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(store_dir, assistant):
    port = _free_port()
    env = {**os.environ, "UNRES_STORE_DIR": str(store_dir)}
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited: {proc.stdout.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("app.py did not start within 180 s")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)
