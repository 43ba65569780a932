"""The paragraph store: parse the seeds, embed one node per paragraph window, persist in Chroma.

Layout of a store folder (one per embedding model, so switching models does not thrash):
    chroma-<build>/    Chroma's persistent files (collection "paragraphs", cosine space); named
                       per build because Chroma caches one client per path in a process
    paragraphs.json    every Paragraph record, plus the manifest and any seed errors
    fingerprint.json   what the store was built from; a mismatch means rebuild
A build writes a sibling temporary folder and swaps it in, under a file lock, so an
interrupted build leaves the previous store intact and two builders never interleave.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import TextNode

from .embeddings import embedding_id, window_tokens
from .manifest import SeedDoc, SeedError, read_manifest
from .parse import parse_document
from .records import Paragraph

SCHEMA = 1
COLLECTION = "paragraphs"
WINDOW_OVERLAP = 32  # tokens shared by consecutive windows of one long paragraph
_INDEX_SOURCES = ("records.py", "manifest.py", "parse.py", "store.py")

Progress = Callable[[str], None]


class StoreError(Exception):
    """The store cannot be opened or built; the message says what to do."""


@dataclass
class Corpus:
    """Every paragraph the seeds yield, the manifest, and the files that could not be read."""

    docs: list[SeedDoc]
    paragraphs: list[Paragraph]
    errors: list[str] = field(default_factory=list)


def load_corpus(seeds_dir: Path) -> Corpus:
    """Parse every seed in the manifest; a bad file is reported and the rest still load."""
    docs = read_manifest(seeds_dir / "manifest.toml")
    paragraphs: list[Paragraph] = []
    errors: list[str] = []
    good: list[SeedDoc] = []
    for seed in docs:
        try:
            raw = (seeds_dir / seed.file).read_bytes().decode("utf-8")
            paragraphs += parse_document(raw, seed)
            good.append(seed)
        except FileNotFoundError:
            errors.append(f"{seed.file}: file not found in {seeds_dir}")
        except UnicodeDecodeError as exc:
            errors.append(f"{seed.file}: not UTF-8 text ({exc.reason} at byte {exc.start})")
        except SeedError as exc:
            errors.append(str(exc))
    if not paragraphs:
        raise StoreError("no seed could be read: " + "; ".join(errors))
    return Corpus(good, paragraphs, errors)


def fingerprint(seeds_dir: Path, embed_id: str, window: int) -> str:
    """Changes whenever the seeds, the manifest, the parser or the embedding model change."""
    h = hashlib.sha256(f"schema={SCHEMA};embed={embed_id};window={window};overlap={WINDOW_OVERLAP}".encode())
    for name in _INDEX_SOURCES:
        h.update((Path(__file__).parent / name).read_bytes())
    manifest = seeds_dir / "manifest.toml"
    h.update(manifest.read_bytes() if manifest.is_file() else b"")
    for seed in sorted(seeds_dir.glob("*.txt")):
        h.update(seed.name.encode() + b"\0" + seed.read_bytes())
    return h.hexdigest()


def _encoding():
    # llama-index points tiktoken at the encodings it ships, so nothing is downloaded.
    from llama_index.core.utils import get_tokenizer

    get_tokenizer()
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def token_count(text: str) -> int:
    return len(_encoding().encode(text))


def windows(text: str, size: int, overlap: int = WINDOW_OVERLAP) -> list[str]:
    """The paragraph itself if it fits, else overlapping windows of `size` tokens."""
    enc = _encoding()
    ids = enc.encode(text)
    if len(ids) <= size:
        return [text]
    step = max(1, size - overlap)
    starts = range(0, max(1, len(ids) - overlap), step)
    return [enc.decode(ids[s : s + size]) for s in starts]


def paragraph_nodes(paragraphs: list[Paragraph], window: int) -> list[TextNode]:
    """One node per paragraph (per window of a long one), each carrying the citation."""
    nodes = []
    for p in paragraphs:
        parts = windows(p.text, window)
        for i, chunk in enumerate(parts):
            meta = {
                "doc": p.doc,
                "lang": p.lang,
                "part": p.part,
                "number": -1 if p.number is None else p.number,  # Chroma metadata has no null
                "window": i,
                "windows": len(parts),
                "tokens": token_count(p.text),
            }
            nodes.append(
                TextNode(
                    id_=f"{p.node_id}|w{i}",
                    text=chunk,
                    metadata=meta,
                    excluded_embed_metadata_keys=list(meta),
                    excluded_llm_metadata_keys=list(meta),
                )
            )
    return nodes


@dataclass
class Store:
    """An opened store: the records, and dense search over their embeddings."""

    path: Path
    corpus: Corpus
    embed_model: BaseEmbedding
    info: dict
    _collection: object = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.corpus.paragraphs

    def vector_store(self):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self._collection)

    def dense(self, query_embedding: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Top-k node ids by cosine similarity, best first: [(node_id, cosine), ...]."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        query = VectorStoreQuery(query_embedding=query_embedding, similarity_top_k=k)
        kwargs = {"where": where} if where else {}
        result = self.vector_store().query(query, **kwargs)
        # ChromaVectorStore reports exp(-distance); with cosine space distance = 1 - cos.
        return [(n.node_id, 1.0 + math.log(s)) for n, s in zip(result.nodes, result.similarities, strict=True)]


def _client(path: Path):
    import chromadb
    from chromadb.config import Settings

    return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))


@contextmanager
def _locked(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # a second builder waits here, then reuses the result
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_info(path: Path) -> dict | None:
    try:
        return json.loads((path / "fingerprint.json").read_text())
    except (OSError, ValueError):
        return None


def _build(final: Path, seeds_dir: Path, emb: BaseEmbedding, fp: str, progress: Progress) -> None:
    started = time.perf_counter()
    corpus = load_corpus(seeds_dir)
    for err in corpus.errors:
        progress(f"warning: skipped {err}")
    nodes = paragraph_nodes(corpus.paragraphs, window_tokens(emb))
    progress(f"embedding {len(nodes)} nodes for {len(corpus.paragraphs)} paragraphs with {embedding_id(emb)}")
    vectors = emb.get_text_embedding_batch([n.get_content() for n in nodes])
    for node, vec in zip(nodes, vectors, strict=True):
        node.embedding = vec

    tmp = final.parent / f".{final.name}.building-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    chroma_dir = f"chroma-{fp[:8]}-{time.time_ns():x}"
    client = _client(tmp / chroma_dir)
    try:
        from llama_index.vector_stores.chroma import ChromaVectorStore

        collection = client.create_collection(
            COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        ChromaVectorStore(chroma_collection=collection).add(nodes)
    finally:
        client.close()
    records = {
        "docs": [d.__dict__ for d in corpus.docs],
        "paragraphs": [p.to_dict() for p in corpus.paragraphs],
        "errors": corpus.errors,
    }
    (tmp / "paragraphs.json").write_text(json.dumps(records, ensure_ascii=False, indent=1))
    info = {
        "fingerprint": fp,
        "chroma_dir": chroma_dir,
        "embedding": embedding_id(emb),
        "paragraphs": len(corpus.paragraphs),
        "nodes": len(nodes),
        "built_seconds": round(time.perf_counter() - started, 2),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    # The fingerprint is written last: a folder without it was never finished.
    (tmp / "fingerprint.json").write_text(json.dumps(info, indent=1))
    old = final.parent / f".{final.name}.old-{os.getpid()}"
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    progress(f"built {final} in {info['built_seconds']} s")


def _sweep(root: Path, name: str) -> None:
    """Remove leftovers of interrupted builds; restore a store caught mid-swap."""
    final = root / name
    for old in root.glob(f".{name}.old-*"):
        if not final.exists() and _read_info(old):
            old.rename(final)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in root.glob(f".{name}.building-*"):
        shutil.rmtree(tmp, ignore_errors=True)


def open_store(
    root: Path,
    seeds_dir: Path,
    emb: BaseEmbedding,
    *,
    rebuild: bool = False,
    progress: Progress = lambda msg: None,
) -> Store:
    """Open the store for this embedding model under `root`, building it first if it is
    missing, stale (fingerprint differs) or `rebuild` is asked for."""
    name = "".join(c if c.isalnum() else "-" for c in embedding_id(emb))[:80]
    final = root / name
    window = window_tokens(emb)
    fp = fingerprint(seeds_dir, embedding_id(emb), window)
    with _locked(root / f".{name}.lock"):
        _sweep(root, name)
        info = _read_info(final)
        if rebuild or info is None or info.get("fingerprint") != fp:
            reason = "rebuild asked" if rebuild else "no store yet" if info is None else "seeds, parser or model changed"
            progress(f"building the paragraph store ({reason})")
            _build(final, seeds_dir, emb, fp, progress)
            info = _read_info(final)
    try:
        records = json.loads((final / "paragraphs.json").read_text())
        collection = _client(final / info["chroma_dir"]).get_collection(COLLECTION)
        if collection.count() != info["nodes"]:
            raise StoreError(f"holds {collection.count()} vectors, expected {info['nodes']}")
    except StoreError as exc:
        raise StoreError(f"the store at {final} is damaged ({exc}); run `unres index --rebuild`") from exc
    except Exception as exc:  # Chroma and JSON raise many kinds on damaged files
        raise StoreError(f"the store at {final} is damaged ({exc}); run `unres index --rebuild`") from exc
    corpus = Corpus(
        [SeedDoc(**d) for d in records["docs"]],
        [Paragraph.from_dict(d) for d in records["paragraphs"]],
        records["errors"],
    )
    return Store(final, corpus, emb, info, collection)
