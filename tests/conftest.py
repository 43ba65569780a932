"""Shared fixtures: one real store (real USE embeddings, real Chroma on disk) per test run, the
chat app launched for real, and headless Chromium to drive it."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]


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


@contextmanager
def running_app(env: dict[str, str]) -> Iterator[str]:
    """`app.py` as a user starts it, with `env` added to the environment; yields its URL."""
    port = _free_port()
    log = tempfile.TemporaryFile()  # not a pipe: a long-running app would fill it and stall
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], env={**os.environ, **env},
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"app.py exited: {log.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("app.py did not start within 180 s")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture(scope="session")
def app_url(store_dir, assistant):
    with running_app({"UNRES_STORE_DIR": str(store_dir)}) as url:
        yield url


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's package, installed by setup.sh), one per test module."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: setup.sh installs it (apt package chromium)")
        pytest.skip("Chromium is not installed (setup.sh installs it where apt is available)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()
