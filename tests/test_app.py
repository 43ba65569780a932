"""The chat app, launched for real: driven through gradio_client and through headless Chromium."""
from __future__ import annotations

import os
import socket
import urllib.request
from pathlib import Path

import pytest


def test_app_listens_on_loopback_only(app_url):
    """Started without --host (as the fixture does), the app answers on 127.0.0.1 and refuses a
    connection to the machine's other address."""
    port = int(app_url.rstrip("/").rsplit(":", 1)[1])
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # picks the outgoing address; nothing is sent
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    socket.create_connection(("127.0.0.1", port), timeout=5).close()
    if address.startswith("127.") or address == "0.0.0.0":
        pytest.skip("this machine has no address other than loopback")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, port), timeout=5).close()


def test_ask_endpoint_answers_with_the_expected_citation(client):
    r = client.predict("By when should the GGE fulfil its mandate?", api_name="/ask")
    assert r["citations"][0]["label"] == "A/RES/79/62 OP 4" and "end of 2025" in r["answer"]
    follow = client.predict("Who was invited to brief them?", [r], api_name="/ask")
    assert follow["citations"][0]["label"] == "A/RES/79/62 OP 8"


def test_ask_endpoint_abstains_and_reports_bad_input(client):
    r = client.predict("Who won the 2022 football World Cup?", api_name="/ask")
    assert r["abstained"] is True and r["citations"] == []
    assert client.predict("   ", api_name="/ask") == {"error": "the question is empty"}


def test_show_endpoint_returns_the_paragraph_footnotes_and_translation(client):
    r = client.predict("A/RES/79/62 OP 1", api_name="/show")
    assert r["paragraph"]["text"].startswith("Notes with appreciation the report of the Secretary-General")
    assert r["footnotes"][0]["text"] == "A/79/88." and r["versions"][0]["lang"] == "zh"
    assert r["reference"] == "A/RES/79/62, operative paragraph 1"
    assert "error" in client.predict("A/RES/79/62 OP 99", api_name="/show")


def test_browser_question_answer_and_cited_paragraph(browser, app_url, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    box = page.locator("#unres-question textarea")
    box.fill("By when should the GGE fulfil its mandate?")
    box.press("Enter")
    page.locator("#unres-chat").get_by_text("preferably by the end of 2025").first.wait_for(timeout=60_000)
    cited = page.locator("#unres-sources details[data-label='A/RES/79/62 OP 4']")
    assert cited.get_attribute("open") is not None  # the first cited paragraph is shown open
    assert "preferably by the end of 2025" in page.locator("#unres-sources mark").all_inner_texts()[-1]
    chinese = cited.locator("details summary").first
    chinese.click()
    assert "2025年底之前" in cited.locator("details").first.inner_text()
    assert page.locator("#unres-copy textarea").input_value() == "A/RES/79/62, operative paragraph 4"
    shot = Path(os.environ.get("UNRES_SCREENSHOT", tmp_path / "answer.png"))
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    box.fill("Who won the 2022 football World Cup?")
    box.press("Enter")
    page.locator("#unres-chat").get_by_text("Not answered by the indexed texts").first.wait_for(timeout=60_000)
    assert "related only" in page.locator("#unres-sources").inner_text()
    page.close()


def test_browser_empty_question_and_paragraph_browser(browser, app_url):
    page = browser.new_page()
    page.goto(app_url)
    page.locator("#unres-send").click()
    page.locator("#unres-chat").get_by_text("the question is empty").first.wait_for(timeout=30_000)
    page.get_by_role("tab", name="Browse").click()
    reader = page.locator("#unres-browse")
    reader.get_by_text("A/RES/79/62 PP 1").first.wait_for(timeout=30_000)
    assert "Recalling its resolution 78/241 of 22 December 2023," in reader.inner_text()
    page.close()


def test_browser_compare_and_brief_tabs(browser, app_url):
    page = browser.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name="Compare").click()
    page.locator("#unres-compare-run").click()
    changes = page.locator("#unres-compare")
    changes.locator("del", has_text="urgently conclude").first.wait_for(timeout=30_000)
    assert changes.locator("ins", has_text="commence").count() >= 1
    assert "4 unchanged, 13 reworded, 1 merged, 0 split, 0 added, 10 dropped" in changes.inner_text()
    page.get_by_role("tab", name="Brief").click()
    page.locator("#unres-topic textarea").fill("capacity-building and developing countries")
    page.locator("#unres-brief-run").click()
    page.locator("#unres-brief").get_by_text("Key points").wait_for(timeout=30_000)
    assert "A/RES/80/57 PP 13" in page.locator("#unres-brief").inner_text()
    link = page.locator("#unres-brief-file a[download='briefing-note.docx']")
    link.wait_for(timeout=30_000)
    assert urllib.request.urlopen(link.get_attribute("href"), timeout=10).read()[:2] == b"PK"  # a real .docx
    page.close()
