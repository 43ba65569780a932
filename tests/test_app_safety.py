"""The chat app under hostile or careless use: typed markup stays text, a broken character
gets a message, uploads are bounded, notes do not pile up, a rebuilt store is picked up."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, running_app

UNRES = Path(sys.executable).with_name("unres")
GGE = "By when should the GGE fulfil its mandate?"


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    """An app of its own (own seeds and store), for tests that change them."""
    base = tmp_path_factory.mktemp("private")
    seeds = base / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    files = base / "store" / "app-files"
    files.mkdir(parents=True)
    (files / "tmpabc123").write_bytes(b"half an upload")  # left by a dropped connection
    for i in range(5):
        (files / f"brief-old{i}").mkdir()
    env = {"UNRES_STORE_DIR": str(base / "store"), "UNRES_SEEDS_DIR": str(seeds), "UNRES_MAX_NOTES": "2",
           "UNRES_MAX_UPLOAD_MB": "1"}
    with running_app(env) as url:
        yield {"url": url, "env": {**os.environ, **env}, "seeds": seeds, "files": files}


def _upload(url: str, size: int) -> int:
    boundary = "unresboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + b"x" * size + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(url + "gradio_api/upload", data=body, method="POST",
                                 headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    try:
        return urllib.request.urlopen(req, timeout=60).status
    except urllib.error.HTTPError as exc:
        return exc.code


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_uploads_are_bounded_and_a_refused_one_leaves_nothing(private):
    assert not (private["files"] / "tmpabc123").exists()  # a partial upload of an earlier run is swept
    before = _files(private["files"])
    assert _upload(private["url"], 3 * 1024 * 1024) == 413
    assert _files(private["files"]) == before
    assert _upload(private["url"], 1000) == 200  # a small one is taken


def test_the_app_switches_to_a_rebuilt_store(private):
    from gradio_client import Client

    client = Client(private["url"], verbose=False)
    assert "end of 2025" in client.predict(GGE, api_name="/ask")["answer"]
    seed = private["seeds"] / "000_9206ef3da7d86d67.txt"
    seed.write_text(seed.read_text().replace("preferably by the end of 2025", "preferably by the end of 2027"))
    subprocess.run([str(UNRES), "index"], env=private["env"], check=True, capture_output=True, timeout=180)
    deadline = time.monotonic() + 60
    while "end of 2027" not in (answer := client.predict(GGE, api_name="/ask"))["answer"]:
        assert time.monotonic() < deadline, answer["answer"]
        time.sleep(1)
    assert answer["citations"][0]["label"] == "A/RES/79/62 OP 4"


def test_briefing_notes_on_disk_are_bounded(browser, private):
    page = browser.new_page()
    page.goto(private["url"])
    page.get_by_role("tab", name="Brief").click()
    for topic in ("capacity-building", "<b>bold</b> *emphasis* [link](http://example.com) consultations"):
        page.locator("#unres-topic textarea").fill(topic)
        page.locator("#unres-brief-run").click()
        page.locator("#unres-brief").get_by_text(topic[:12]).first.wait_for(timeout=60_000)
    note = page.locator("#unres-brief")
    assert note.locator("a[href*='example.com'], b:text('bold'), em:text('emphasis')").count() == 0  # text, not markup
    assert "<b>bold</b> *emphasis* [link](http://example.com)" in note.inner_text()
    page.close()
    assert len(list(private["files"].glob("brief-*"))) == 2


def test_typed_html_shows_as_text_in_the_users_bubble(browser, app_url):
    seen: list[str] = []
    page = browser.new_page()
    page.on("request", lambda req: seen.append(req.url))
    page.goto(app_url)
    typed = ('<form action="http://198.51.100.1/"><input name="pw" value="FIELD"></form>'
             '<img src="http://198.51.100.1/pixel.png"> ![x](http://198.51.100.1/md.png) **bold** $x^2$')
    box = page.locator("#unres-question textarea")
    box.fill(typed)
    box.press("Enter")
    chat = page.locator("#unres-chat")
    chat.get_by_text("Not answered by the indexed texts").first.wait_for(timeout=60_000)
    assert chat.locator("form, input, img[src*='198.51.100.1'], strong:text-is('bold')").count() == 0
    assert '<form action="http://198.51.100.1/">' in chat.inner_text()
    assert not [u for u in seen if "198.51.100.1" in u]
    page.close()


def test_a_lone_surrogate_gets_a_message_and_keeps_the_conversation(browser, app_url):
    page = browser.new_page()
    page.goto(app_url)
    box = page.locator("#unres-question textarea")
    box.fill(GGE)
    box.press("Enter")
    chat = page.locator("#unres-chat")
    chat.get_by_text("preferably by the end of 2025").first.wait_for(timeout=60_000)
    box.evaluate("(el) => { el.value = 'When was it adopted\\ud800?'; el.dispatchEvent(new Event('input')); }")
    box.press("Enter")
    chat.get_by_text("lone surrogate").first.wait_for(timeout=60_000)
    assert "preferably by the end of 2025" in chat.inner_text()  # the conversation is still there
    page.close()
