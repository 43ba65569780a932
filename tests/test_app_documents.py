"""The app's Documents tab, driven in headless Chromium against an app of its own (a copy of the
seeds as its documents folder, its own store, a 1 MB upload limit): a real resolution PDF is
uploaded, listed with its counts and cited in the chat; an oversized file, a non-resolution
text and a broken PDF are refused with a message and change nothing."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, running_app

DATA = Path(__file__).resolve().parent / "data"
PDF = "A_RES_78_265-EN.pdf"  # the official PDF: 9 PP, 13 OP, 10 FN (tests/data, SOURCES.md)


@pytest.fixture(scope="module")
def docs_app(tmp_path_factory):
    base = tmp_path_factory.mktemp("documents-app")
    seeds = base / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    env = {"UNRES_STORE_DIR": str(base / "store"), "UNRES_SEEDS_DIR": str(seeds), "UNRES_MAX_UPLOAD_MB": "1"}
    with running_app(env) as url:
        yield {"url": url, "seeds": seeds, "store": base / "store", "files": base / "store" / "app-files"}


def _state(app: dict) -> tuple:
    """The documents folder, its manifest and the store build: what an addition changes."""
    return (sorted(f.name for f in app["seeds"].iterdir()), (app["seeds"] / "manifest.toml").read_text(),
            [f.read_text() for f in sorted(app["store"].glob("*/fingerprint.json"))])


def _received(app: dict) -> list[Path]:
    """Files the app holds from uploads (briefing notes aside)."""
    return [f for f in app["files"].rglob("*") if f.is_file() and not f.parent.name.startswith("brief-")]


def _documents_tab(browser, app: dict):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app["url"])
    page.get_by_role("tab", name="Documents").click()
    page.locator("#unres-documents [role=gridcell]", has_text="A/RES/80/57").first.wait_for(timeout=30_000)
    return page


def _rows(page) -> dict[tuple[str, str], list[str]]:
    """The table of indexed documents by (symbol, language)."""
    rows = page.locator("#unres-documents [role=row]")
    cells = [rows.nth(i).locator("[role=gridcell]").all_inner_texts() for i in range(rows.count())]
    return {(c[0], c[1]): c for c in cells if c}


def test_upload_a_resolution_see_it_listed_and_cited(browser, docs_app):
    page = _documents_tab(browser, docs_app)
    before = _rows(page)
    assert before[("A/RES/79/62", "zh")][5:] == ["16", "12", "3"] and ("A/RES/78/265", "en") not in before

    page.locator("#unres-upload input[type=file]").set_input_files(DATA / PDF)
    report = page.locator("#unres-added li", has_text="A/RES/78/265")
    report.wait_for(timeout=60_000)
    assert "adopted 2024-03-21: PP 9, OP 13, FN 10 [added]" in report.inner_text()
    page.locator("#unres-documents [role=gridcell]", has_text="A/RES/78/265").first.wait_for(timeout=10_000)
    assert _rows(page)[("A/RES/78/265", "en")] == [
        "A/RES/78/265", "en", "Seizing the opportunities of safe, secure and trustworthy artificial intelligence "
        "systems for sustainable development", "2024-03-21", "resolution", "9", "13", "10"]
    assert 'doc = "A/RES/78/265"' in (docs_app["seeds"] / "manifest.toml").read_text()
    assert (docs_app["seeds"] / PDF).read_bytes() == (DATA / PDF).read_bytes()
    assert _received(docs_app) == []  # the uploaded copy is gone; the documents folder has the file

    page.get_by_role("tab", name="Ask").click()
    page.get_by_text("Filters").click()
    page.locator("label", has_text="A/RES/78/265").wait_for(timeout=10_000)  # the other tabs know it too
    box = page.locator("#unres-question textarea")
    box.fill("What does resolution 78/265 encourage the private sector to do?")
    box.press("Enter")
    cited = page.locator("#unres-sources details[data-label='A/RES/78/265 OP 9']")
    cited.wait_for(timeout=60_000)
    assert "Encourages the private sector" in cited.inner_text()
    assert "A/RES/78/265 OP 9" in page.locator("#unres-chat").inner_text()
    page.close()


def test_oversized_non_resolution_and_broken_files_are_refused(browser, docs_app, tmp_path):
    before = _state(docs_app)
    page = _documents_tab(browser, docs_app)
    listed = _rows(page)
    upload = page.locator("#unres-upload input[type=file]")

    big = tmp_path / "big.pdf"
    big.write_bytes((DATA / PDF).read_bytes() * 5)  # 1.3 MB, over the 1 MB limit
    upload.set_input_files(big)
    page.get_by_text("exceed the maximum allowed size").first.wait_for(timeout=30_000)

    notes = tmp_path / "notes.txt"
    notes.write_text("Minutes of the meeting.\n\nThe delegates discussed resolutions.\n")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((DATA / PDF).read_bytes()[:2000])
    upload.set_input_files([notes, broken])
    page.locator("#unres-added li", has_text="broken.pdf").wait_for(timeout=60_000)
    refused = page.locator("#unres-added li.unres-refused").all_inner_texts()
    assert len(refused) == 2
    assert refused[0].startswith("⚠️ Refused: notes.txt: ") and "not a resolution text" in refused[0]
    assert refused[1].startswith("⚠️ Refused: broken.pdf: not a readable PDF")

    assert _rows(page) == listed
    assert _state(docs_app) == before
    assert _received(docs_app) == []  # nothing received is kept, refused or oversized
    page.close()
