"""Every encoder behind one llama-index `BaseEmbedding`, for building nodes and for stock
llama-index parts (the benchmark's baseline retriever)."""
from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from .encoders import Encoder


class EncoderEmbedding(BaseEmbedding):
    """A llama-index embedding model backed by one of our encoders."""

    _encoder: Any = PrivateAttr()

    def __init__(self, encoder: Encoder, **kwargs: Any):
        super().__init__(model_name=encoder.id, embed_batch_size=64, **kwargs)
        self._encoder = encoder

    @property
    def encoder(self) -> Encoder:
        return self._encoder

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encoder.encode([query])[0].tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_query_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.encode(texts).tolist()
