"""The paragraph store: parse the seeds, embed one node per paragraph window, keep them in Chroma.

A store folder (one per embedding model, so switching models does not thrash) holds:
    fingerprint.json   what the store was built from; any change means a (re)build
    paragraphs.json    every Paragraph record, the manifest and any seed errors
    lexical/           the BM25 index and term document frequencies
    chroma-<build>/    Chroma's files (collection "paragraphs", cosine space), when local;
                       with a Chroma server the vectors are in its collection "unres-<model>-<build>"
A build writes a new folder (and collection) beside the old one and swaps it in under a file
lock: an interrupted build leaves the previous store usable, two builders never interleave,
and a reader that finds the folder mid-swap waits for the lock instead of judging it damaged. Builds are incremental: a paragraph whose text and place are unchanged keeps its
vector, so adding a document embeds only that document's paragraphs.
"""
from __future__ import annotations

import atexit
import errno
import hashlib
import json
import math
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from filelock import FileLock, Timeout

from .encoders import Encoder
from .lexical import terms, tokens
from .manifest import SeedDoc, SeedError, read_manifest_entries
from .parse import parse_document
from .read import FORMATS, read_document
from .records import Paragraph

SCHEMA = 2
COLLECTION = "paragraphs"
WINDOW_OVERLAP = 32  # tokens shared by consecutive windows of one long paragraph
BATCH = 1000  # vectors per Chroma call
BUILD_WAIT = 1800.0  # seconds to wait for another process's build (100k paragraphs take about 13 min)
# Cosine space; a wider search beam than Chroma's default 10, for recall at 100k+ vectors.
HNSW = {"hnsw:space": "cosine", "hnsw:search_ef": 100}
_INDEX_SOURCES = ("records.py", "manifest.py", "parse.py", "lexical.py", "store.py", "detect.py", "pdftext.py",
                  "pdf.py", "word.py", "read.py")

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
    docs, problems, listed = read_manifest_entries(seeds_dir / "manifest.toml")
    errors = [f"manifest.toml: {p}" for p in problems]
    errors += [f"{f.name}: not listed in manifest.toml, so not indexed" for f in document_files(seeds_dir)
               if f.name not in listed]
    paragraphs: list[Paragraph] = []
    good: list[SeedDoc] = []
    for seed in docs:
        try:
            found = parse_document(read_document(seeds_dir / seed.file), seed)
        except SeedError as exc:
            errors.append(str(exc))
            continue
        paragraphs += found
        good.append(seed)
        adopted = next((p.fields.get("adopted") for p in found if p.part == "META"), None)
        if seed.is_resolution and adopted and adopted != seed.date:
            errors.append(f"{seed.file}: the manifest gives the date {seed.date} but the text was adopted on {adopted}")
    if not paragraphs:
        raise StoreError("no seed could be read: " + "; ".join(errors))
    return Corpus(good, paragraphs, errors)


def document_files(seeds_dir: Path) -> list[Path]:
    """Every file in the documents folder in a format that can be read."""
    return sorted(f for f in seeds_dir.iterdir() if f.is_file() and f.suffix.lower() in FORMATS)


def fingerprint(seeds_dir: Path, encoder_id: str, window: int) -> str:
    """Changes whenever the seeds, the manifest, the parser or the embedding model change."""
    h = hashlib.sha256(f"schema={SCHEMA};embed={encoder_id};window={window};overlap={WINDOW_OVERLAP}".encode())
    for name in _INDEX_SOURCES:
        h.update((Path(__file__).parent / name).read_bytes())
    manifest = seeds_dir / "manifest.toml"
    h.update(manifest.read_bytes() if manifest.is_file() else b"")
    for seed in document_files(seeds_dir) if seeds_dir.is_dir() else []:
        h.update(seed.name.encode() + b"\0" + seed.read_bytes())
    return h.hexdigest()


def _model_key(encoder: Encoder) -> str:
    """What vectors depend on: reused across builds only while this is unchanged."""
    return f"schema={SCHEMA};embed={encoder.id};window={encoder.window};overlap={WINDOW_OVERLAP}"


@lru_cache(maxsize=1)
def _encoding():
    # llama-index points tiktoken at the encodings it ships, so nothing is downloaded.
    from llama_index.core.utils import get_tokenizer

    get_tokenizer()
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def token_count(text: str) -> int:
    return len(_encoding().encode(text))


def windows(text: str, size: int, overlap: int = WINDOW_OVERLAP, ids: list[int] | None = None) -> list[str]:
    """The paragraph itself if it fits, else overlapping windows of `size` tokens
    (`ids`: the text already encoded, to save encoding it again)."""
    enc = _encoding()
    ids = enc.encode(text) if ids is None else ids
    if len(ids) <= size:
        return [text]
    step = max(1, size - overlap)
    starts = range(0, max(1, len(ids) - overlap), step)
    return [enc.decode(ids[s : s + size]) for s in starts]


def paragraph_nodes(paragraphs: list[Paragraph], window: int):
    """One llama-index node per paragraph (per window of a long one), each carrying the citation."""
    from llama_index.core.schema import TextNode

    nodes = []
    for p in paragraphs:
        ids = _encoding().encode(p.text)
        parts, count = windows(p.text, window, ids=ids), len(ids)
        for i, chunk in enumerate(parts):
            meta = {
                "doc": p.doc,
                "lang": p.lang,
                "part": p.part,
                "number": -1 if p.number is None else p.number,  # Chroma metadata has no null
                "window": i,
                "windows": len(parts),
                "tokens": count,
                "sha": hashlib.sha256(chunk.encode()).hexdigest()[:16],  # unchanged text keeps its vector
            }
            nodes.append(TextNode(id_=f"{p.node_id}|w{i}", text=chunk, metadata=meta,
                                  excluded_embed_metadata_keys=list(meta), excluded_llm_metadata_keys=list(meta)))
    return nodes


# ---------------------------------------------------------------- Chroma, local or served


def _client(path: Path | None = None, url: str | None = None):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if url:
        u = urlparse(url)
        if u.scheme not in ("http", "https") or not u.hostname:
            raise StoreError(f"UNRES_CHROMA_URL must look like http://127.0.0.1:8000, not {url!r}")
        return chromadb.HttpClient(host=u.hostname, port=u.port or 8000, ssl=u.scheme == "https", settings=settings)
    return chromadb.PersistentClient(path=str(path), settings=settings)


def _collection(folder: Path, info: dict, url: str | None):
    if info.get("chroma_url"):
        return _client(url=info["chroma_url"] if url is None else url).get_collection(info["collection"])
    chroma = folder / info["chroma_dir"]
    if not os.access(chroma, os.W_OK):
        chroma = _writable_copy(chroma)
    return _client(chroma).get_collection(COLLECTION)


def _writable_copy(chroma: Path) -> Path:
    """Chroma opens its database for writing even to read it, so a store on a read-only mount
    is read through a private copy, removed when the process ends."""
    copy = Path(tempfile.mkdtemp(prefix="unres-readonly-")) / chroma.name
    atexit.register(shutil.rmtree, copy.parent, True)
    shutil.copytree(chroma, copy)
    return copy


EMBEDDED_KEPT = 32  # single texts whose vectors a store keeps (the searches of one answer)


@dataclass
class Store:
    """An opened store: the records, BM25 over them, and dense search over their vectors."""

    path: Path
    corpus: Corpus
    encoder: Encoder
    info: dict
    collection: object
    bm25: object
    df: dict[str, int]
    # one question is embedded by several searches of one answer (its own, a Chinese question's
    # reading of English-only texts, a statement it takes for granted): the last few are kept
    _embedded: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.corpus.paragraphs

    def embed(self, texts: list[str]) -> np.ndarray:
        if len(texts) != 1:
            return self.encoder.encode(texts)
        text = texts[0]
        if text not in self._embedded:
            if len(self._embedded) >= EMBEDDED_KEPT:
                self._embedded.pop(next(iter(self._embedded)))
            self._embedded[text] = self.encoder.encode([text])[0]
        return self._embedded[text][None, :]

    def dense(self, query_vector, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Top-k node ids by cosine similarity, best first: [(node_id, cosine), ...]."""
        kwargs = {"where": where} if where else {}
        res = self.collection.query(query_embeddings=[list(map(float, query_vector))], n_results=k,
                                    include=["distances"], **kwargs)
        return [(i, 1.0 - d) for i, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    def cosines(self, query_vector, node_ids: list[str]) -> dict[str, float]:
        """Exact cosine of the query with given nodes (for candidates the approximate
        nearest-neighbour search did not return)."""
        if not node_ids:
            return {}
        got = self.collection.get(ids=node_ids, include=["embeddings"])
        q = np.asarray(query_vector, dtype=np.float32)
        return {i: float(np.asarray(e, dtype=np.float32) @ q) for i, e in zip(got["ids"], got["embeddings"], strict=True)}

    def vector_store(self):
        """The same collection as a llama-index vector store (for stock llama-index parts)."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        return ChromaVectorStore(chroma_collection=self.collection)

    def newer_build(self) -> bool:
        """Whether another process has since swapped a different build into this store's folder."""
        info = _read_info(self.path)
        return bool(info) and info.get("build") != self.info.get("build")

    def idf(self) -> dict[str, float]:
        n = len(self.paragraphs)
        return {t: math.log(1 + n / c) for t, c in self.df.items()}


@contextmanager
def _locked(lock_path: Path, timeout: float, progress: Progress) -> Iterator[None]:
    """Hold the build lock; a second builder or reader waits here, then finds the store built."""
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store folder {lock_path.parent} ({exc.strerror})") from exc
    lock = FileLock(lock_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        progress(f"another process is building the store in {lock_path.parent}; waiting for it (up to {timeout:.0f} s)")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreError(f"another process has been building the store in {lock_path.parent} for more than "
                             f"{timeout:.0f} s (lock {lock_path}); try again when it has finished") from None
    except OSError as exc:  # a read-only folder, say
        raise StoreError(f"the store in {lock_path.parent} needs building or checking, but its lock cannot be "
                         f"taken ({exc.strerror})") from exc
    try:
        yield
    finally:
        lock.release()


def _read_info(path: Path) -> dict | None:
    try:
        info = json.loads((path / "fingerprint.json").read_text(encoding="utf-8"))
        return info if isinstance(info, dict) and "fingerprint" in info else None
    except (OSError, ValueError):
        return None


def _disk_full(exc: BaseException, folder: Path) -> bool:
    """Whether a failed write ran out of space: an OSError says so by its number; Chroma's and
    SQLite's errors only in their text, so the free space decides for them."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc).lower()
    if "no space left" in text or "disk is full" in text or "os error 28" in text:
        return True
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def _build(final: Path, seeds_dir: Path, encoder: Encoder, fp: str, url: str | None, progress: Progress,
           reuse: bool = True) -> None:
    """Build into a folder beside `final`, then swap it in; on any failure the partial
    folder (and collection) is removed and the previous store is left as it was."""
    build = f"{fp[:8]}-{time.time_ns():x}"
    tmp = final.parent / f".{final.name}.building-{os.getpid()}"
    collection = f"unres-{final.name[:40]}-{build}" if url else None
    try:
        _build_into(tmp, final, seeds_dir, encoder, fp, url, progress, reuse, build, collection)
    except BaseException as exc:
        full = _disk_full(exc, final.parent)
        shutil.rmtree(tmp, ignore_errors=True)
        if url:
            _drop_collection(url, collection)
        if full:
            raise StoreError(f"the disk is full: no space left to build the store in {final.parent}; the partial build "
                             f"was removed{' and the previous store kept' if final.exists() else ''}. "
                             "Free some space and run `unres index`") from exc
        raise


def _build_into(tmp: Path, final: Path, seeds_dir: Path, encoder: Encoder, fp: str, url: str | None,
                progress: Progress, reuse: bool, build: str, collection: str | None) -> None:
    started = time.perf_counter()
    corpus = load_corpus(seeds_dir)
    for err in corpus.errors:
        progress(f"warning: skipped {err}")
    nodes = paragraph_nodes(corpus.paragraphs, encoder.window)
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)

    old = _read_info(final)
    old = old if reuse and old and old.get("model") == _model_key(encoder) and old.get("chroma_url") == url else None
    old_col = None
    if old:
        try:
            old_col = _collection(final, old, url)
        except Exception:  # a damaged old store: build from nothing
            old_col = None
    before = {}
    if old_col is not None:
        got = old_col.get(include=["metadatas"])
        before = {i: m.get("sha") for i, m in zip(got["ids"], got["metadatas"], strict=True)}
    fresh = [n for n in nodes if before.get(n.id_) != n.metadata["sha"]]
    fresh_ids = {n.id_ for n in fresh}
    all_ids = {n.id_ for n in nodes}
    gone = [i for i in before if i not in all_ids]
    progress(f"embedding {len(fresh)} of {len(nodes)} nodes ({len(nodes) - len(fresh)} unchanged) "
             f"for {len(corpus.paragraphs)} paragraphs with {encoder.id}")

    info = {"fingerprint": fp, "model": _model_key(encoder), "embedding": encoder.id, "build": build,
            "chroma_url": url}
    client = None
    if url:
        info["collection"] = collection
        col = _client(url=url).create_collection(info["collection"], embedding_function=None,
                                                 metadata=HNSW)
        if old_col is not None:  # a server cannot copy a collection: carry the unchanged vectors over
            keep = [n.id_ for n in nodes if n.id_ not in fresh_ids]
            for start in range(0, len(keep), BATCH):
                got = old_col.get(ids=keep[start : start + BATCH], include=["embeddings", "metadatas", "documents"])
                col.add(ids=got["ids"], embeddings=got["embeddings"], metadatas=got["metadatas"], documents=got["documents"])
    else:
        info["chroma_dir"] = f"chroma-{build}"
        if old_col is not None:  # copy the old files, then change only what changed
            shutil.copytree(final / old["chroma_dir"], tmp / info["chroma_dir"])
        client = _client(tmp / info["chroma_dir"])
        col = client.get_or_create_collection(COLLECTION, embedding_function=None, metadata=HNSW)
        changed = gone + [n.id_ for n in fresh if n.id_ in before]
        for start in range(0, len(changed), BATCH):
            col.delete(ids=changed[start : start + BATCH])
    try:
        # Embed and store a batch at a time: a large corpus never holds all its vectors in memory.
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start : start + BATCH]
            for node, vec in zip(batch, encoder.encode([n.get_content() for n in batch]), strict=True):
                node.embedding = vec.tolist()
            _add(col, batch)
            for node in batch:
                node.embedding = None
            if len(fresh) > BATCH:
                progress(f"embedded {min(start + BATCH, len(fresh))}/{len(fresh)}")
    finally:
        if client is not None:
            client.close()

    lexical = tmp / "lexical"
    _write_lexical(corpus.paragraphs, lexical)
    records = {"docs": [d.__dict__ for d in corpus.docs], "paragraphs": [p.to_dict() for p in corpus.paragraphs],
               "errors": corpus.errors}
    (tmp / "paragraphs.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    info.update(paragraphs=len(corpus.paragraphs), nodes=len(nodes), embedded=len(fresh),
                built_seconds=round(time.perf_counter() - started, 2),
                built_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    # The fingerprint is written last: a folder without it was never finished.
    (tmp / "fingerprint.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    stale = final.parent / f".{final.name}.old-{os.getpid()}"
    if final.exists():
        final.rename(stale)
    tmp.rename(final)
    shutil.rmtree(stale, ignore_errors=True)
    if old and url:
        _drop_collection(url, old.get("collection"))
    progress(f"built {final} in {info['built_seconds']} s ({len(fresh)} nodes embedded)")


def _add(collection, nodes) -> None:
    from llama_index.vector_stores.chroma import ChromaVectorStore

    if nodes:
        ChromaVectorStore(chroma_collection=collection).add(nodes)


def _write_lexical(paragraphs: list[Paragraph], folder: Path) -> None:
    import bm25s

    folder.mkdir()
    bm25 = bm25s.BM25()
    bm25.index([tokens(p.text) for p in paragraphs], show_progress=False)
    bm25.save(str(folder / "bm25"))
    df = Counter(t for p in paragraphs for t in terms(p.text))
    (folder / "df.json").write_text(json.dumps(df, ensure_ascii=False), encoding="utf-8")


def _drop_collection(url: str, name: str | None) -> None:
    if name:
        try:
            _client(url=url).delete_collection(name)
        except Exception:  # already gone
            pass


def _sweep(root: Path, name: str, url: str | None) -> None:
    """Remove leftovers of interrupted builds; restore a store caught mid-swap."""
    final = root / name
    for stale in root.glob(f".{name}.old-*"):
        if not final.exists() and _read_info(stale):
            stale.rename(final)
        else:
            shutil.rmtree(stale, ignore_errors=True)
    for tmp in root.glob(f".{name}.building-*"):
        shutil.rmtree(tmp, ignore_errors=True)
    if url:  # collections of builds that never finished
        current = (_read_info(final) or {}).get("collection")
        try:
            for col in _client(url=url).list_collections():
                cname = getattr(col, "name", col)
                if cname.startswith(f"unres-{name[:40]}-") and cname != current:
                    _drop_collection(url, cname)
        except Exception as exc:
            raise StoreError(f"cannot reach the Chroma server at {url} ({exc})") from exc


def _open(final: Path, encoder: Encoder, info: dict, url: str | None) -> Store:
    import bm25s

    if info.get("embedding") != encoder.id:
        raise StoreError(f"was built with {info.get('embedding')}, not {encoder.id}")
    records = json.loads((final / "paragraphs.json").read_text(encoding="utf-8"))
    corpus = Corpus([SeedDoc(**d) for d in records["docs"]], [Paragraph.from_dict(d) for d in records["paragraphs"]],
                    records["errors"])
    if len(corpus.paragraphs) != info["paragraphs"]:
        raise StoreError(f"holds {len(corpus.paragraphs)} paragraphs, expected {info['paragraphs']}")
    collection = _collection(final, info, url)
    if collection.count() != info["nodes"]:
        raise StoreError(f"holds {collection.count()} vectors, expected {info['nodes']}")
    bm25 = bm25s.BM25.load(str(final / "lexical" / "bm25"))
    df = json.loads((final / "lexical" / "df.json").read_text(encoding="utf-8"))
    return Store(final, corpus, encoder, info, collection, bm25, df)


def open_store(root: Path, seeds_dir: Path, encoder: Encoder, *, rebuild: bool = False,
               chroma_url: str | None = None, progress: Progress = lambda msg: None,
               lock_timeout: float = BUILD_WAIT) -> Store:
    """Open the store for this encoder under `root`, building it first when it is missing,
    stale (the fingerprint differs), damaged, or `rebuild` is asked for."""
    name = "".join(c if c.isalnum() else "-" for c in encoder.id)[:80]
    final = root / name
    fp = fingerprint(seeds_dir, encoder.id, encoder.window)
    info = None if rebuild else _read_info(final)
    if info and info["fingerprint"] == fp and info.get("chroma_url") == chroma_url:
        try:
            return _open(final, encoder, info, chroma_url)  # the common case: no lock, no build
        except Exception:
            # Perhaps another process is swapping in a build: judge again under the lock.
            pass
    with _locked(root / f".{name}.lock", lock_timeout, progress):
        _sweep(root, name, chroma_url)
        info = _read_info(final)
        if not rebuild and info and info["fingerprint"] == fp and info.get("chroma_url") == chroma_url:
            try:
                return _open(final, encoder, info, chroma_url)
            except Exception as exc:  # damaged files: say so, then build afresh below
                progress(f"the store at {final} is damaged ({exc}); rebuilding it")
                rebuild = True
        if rebuild or not info or info["fingerprint"] != fp or info.get("chroma_url") != chroma_url:
            reason = ("rebuild asked" if rebuild else "no store yet" if not info
                      else "the Chroma server changed" if info.get("chroma_url") != chroma_url
                      else "seeds, parser or model changed")
            progress(f"building the paragraph store ({reason})")
            _build(final, seeds_dir, encoder, fp, chroma_url, progress, reuse=not rebuild)
            info = _read_info(final)
        try:
            return _open(final, encoder, info, chroma_url)
        except Exception as exc:  # Chroma and JSON raise many kinds on damaged files
            raise StoreError(f"the store at {final} cannot be opened ({exc}); run `unres index --rebuild`") from exc
