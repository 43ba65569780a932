"""The store on a Chroma server instead of the embedded one (`UNRES_CHROMA_URL`)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from index import make_encoder, open_store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    exe = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(exe), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={"ANONYMIZED_TELEMETRY": "False",
                                                                                       "PATH": "/usr/bin:/bin"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def test_store_builds_into_a_chroma_server_and_answers_through_it(chroma_url, tmp_path, seeds_copy):
    from assistant import Assistant

    assistant = Assistant(store_dir=tmp_path / "store", seeds_dir=seeds_copy, chroma_url=chroma_url)
    info = assistant.store.info
    assert info["chroma_url"] == chroma_url and info["collection"].startswith("unres-")
    assert not any(p.name.startswith("chroma-") for p in assistant.store.path.iterdir())  # no local vectors
    answer = assistant.ask("By when should the GGE fulfil its mandate?")
    assert answer.citations[0].label == "A/RES/79/62 OP 4"

    # A rebuild goes into a new collection, carries unchanged vectors over and drops the old one.
    seed = seeds_copy / "004_e60b74bb240d1de4.txt"
    seed.write_text(seed.read_text() + "\nA final paragraph added for the test.\n")
    store = open_store(tmp_path / "store", seeds_copy, make_encoder("use"), chroma_url=chroma_url)
    assert store.info["collection"] != info["collection"] and store.info["embedded"] == 1  # the new paragraph
    import chromadb

    names = {getattr(c, "name", c) for c in chromadb.HttpClient(host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1])).list_collections()}
    assert store.info["collection"] in names and info["collection"] not in names


def test_a_bad_chroma_url_is_a_clear_error(tmp_path, seeds_copy):
    from index import StoreError

    with pytest.raises(StoreError, match="must look like http"):
        open_store(tmp_path, seeds_copy, make_encoder("use"), chroma_url="localhost")
