"""The Chroma paragraph store: built once, reused, rebuilt when its inputs change, never half-built."""
from __future__ import annotations

import json

import chromadb
import pytest
from chromadb.config import Settings

from index import make_encoder, open_store
from index.encoders import UseEncoder
from index.records import Paragraph
from index.store import COLLECTION, paragraph_nodes, token_count, windows


@pytest.fixture(scope="module")
def use():
    return make_encoder("use")


def test_store_holds_one_vector_per_paragraph_with_citation_metadata(assistant):
    store = assistant.store
    chroma_dir = store.path / store.info["chroma_dir"]
    assert (store.path / "fingerprint.json").is_file() and chroma_dir.is_dir()
    client = chromadb.PersistentClient(path=str(chroma_dir), settings=Settings(anonymized_telemetry=False))
    got = client.get_collection(COLLECTION).get(ids=["A/RES/79/62|en|OP|4|w0"], include=["metadatas", "documents"])
    meta = got["metadatas"][0]
    assert (meta["doc"], meta["lang"], meta["part"], meta["number"]) == ("A/RES/79/62", "en", "OP", 4)
    assert meta["tokens"] == token_count(got["documents"][0]) > 50
    assert store.info["paragraphs"] == len(store.paragraphs) == 90
    assert store.info["nodes"] >= store.info["paragraphs"]


def test_store_is_reused_then_rebuilt_when_a_seed_changes(tmp_path, seeds_copy, use):
    messages: list[str] = []
    root = tmp_path / "store"
    first = open_store(root, seeds_copy, use, progress=messages.append)
    assert any("no store yet" in m for m in messages)
    messages.clear()
    again = open_store(root, seeds_copy, use, progress=messages.append)
    assert messages == [] and again.info["built_at"] == first.info["built_at"]

    seed = seeds_copy / "000_9206ef3da7d86d67.txt"
    seed.write_text(seed.read_text().replace("preferably by the end of 2025", "preferably by the end of 2026"))
    changed = open_store(root, seeds_copy, use, progress=messages.append)
    assert any("changed" in m for m in messages)
    op4 = next(p for p in changed.paragraphs if p.key == ("A/RES/79/62", "en", "OP", 4))
    assert "end of 2026" in op4.text
    # The vectors were rebuilt too, not only the records.
    node_id, cosine = changed.dense(use.encode([op4.text])[0], 1)[0]
    assert node_id.startswith("A/RES/79/62|en|OP|4|") and cosine > 0.99

    messages.clear()
    open_store(root, seeds_copy, use, rebuild=True, progress=messages.append)
    assert any("rebuild asked" in m for m in messages)
    assert [p.name for p in root.iterdir() if not p.name.endswith(".lock")] == [changed.path.name]


class Exploding(UseEncoder):
    """Fails in the middle of a build, as a killed or crashing build would."""

    def _encode(self, texts):
        raise RuntimeError("boom")


def test_failed_build_leaves_the_previous_store_usable(tmp_path, seeds_copy, use):
    before = open_store(tmp_path, seeds_copy, use)
    (seeds_copy / "004_e60b74bb240d1de4.txt").write_text("New title\n\nA new paragraph.\n")
    with pytest.raises(RuntimeError, match="boom"):
        open_store(tmp_path, seeds_copy, Exploding())
    info = json.loads((before.path / "fingerprint.json").read_text())
    assert info["fingerprint"] == before.info["fingerprint"]
    reopened = open_store(tmp_path, seeds_copy, use)  # sees the change and finishes the build
    assert any(p.text == "A new paragraph." for p in reopened.paragraphs)


def test_long_paragraph_is_embedded_in_overlapping_windows_that_cite_it():
    text = " ".join(f"word{i}" for i in range(400))
    chunks = windows(text, 100, overlap=20)
    assert len(chunks) >= 5
    assert chunks[0].split()[-1] in chunks[1]  # consecutive windows overlap
    p = Paragraph("A/RES/1/1", "en", "OP", 3, text)
    nodes = paragraph_nodes([p], 100)
    assert len(nodes) == len(windows(text, 100))
    assert {(n.metadata["doc"], n.metadata["part"], n.metadata["number"]) for n in nodes} == {("A/RES/1/1", "OP", 3)}
    assert all(n.metadata["tokens"] == token_count(text) for n in nodes)
    assert paragraph_nodes([Paragraph("A/RES/1/1", "en", "OP", 1, "short")], 100)[0].text == "short"


ARTICLE = "A second article\n\nISSUED ON: 01/02/2025\n\nThe first paragraph of it.\n\nThe second paragraph of it.\n"


def test_adding_a_document_embeds_only_its_paragraphs(tmp_path, seeds_copy, use):
    root = tmp_path / "store"
    first = open_store(root, seeds_copy, use)
    assert first.info["embedded"] == first.info["nodes"]
    (seeds_copy / "005_new.txt").write_text(ARTICLE)
    with open(seeds_copy / "manifest.toml", "a") as fh:
        fh.write('\n[[document]]\nfile = "005_new.txt"\ndoc = "NEWS/2025-02-01"\ntitle = "A second article"\n'
                 'lang = "en"\nkind = "commentary"\ndate = "2025-02-01"\n')
    messages: list[str] = []
    second = open_store(root, seeds_copy, use, progress=messages.append)
    assert second.info["embedded"] == 3  # two paragraphs and the article's record
    assert second.info["nodes"] == first.info["nodes"] + 3
    assert any("embedding 3 of" in m for m in messages)
    vector = use.encode(["The second paragraph of it."])[0]
    assert second.dense(vector, 1)[0][0].startswith("NEWS/2025-02-01|en|P|2|")
    # A vector carried over from the first build still finds its paragraph.
    op4 = next(p for p in second.paragraphs if p.key == ("A/RES/79/62", "en", "OP", 4))
    assert second.dense(use.encode([op4.text])[0], 1)[0][0].startswith("A/RES/79/62|en|OP|4|")

    messages.clear()
    again = open_store(root, seeds_copy, use, progress=messages.append)
    assert messages == [] and again.info["build"] == second.info["build"]  # nothing changed: nothing done

    (seeds_copy / "005_new.txt").unlink()
    third = open_store(root, seeds_copy, use)
    assert third.info["embedded"] == 0 and third.info["nodes"] == first.info["nodes"]
    assert "005_new.txt: file not found" in " ".join(third.corpus.errors)
