"""All configuration in one place. Each setting has a default and an environment variable
(`UNRES_<NAME>`) that overrides it; keyword arguments to `Assistant(...)` override both."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def _setting(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    store_dir: Path = _setting(PROJECT / ".store", "Where the paragraph store lives (git ignores it).")
    seeds_dir: Path = _setting(PROJECT / "seeds", "Seed texts and their manifest.toml.")
    embedding: str = _setting("use", "Embedding backend: 'use' (multilingual), 'minilm', or a local model folder.")
    retrieval: str = _setting("hybrid", "Retrieval mode: 'hybrid', 'dense' or 'lexical'.")
    dense_weight: float = _setting(1.0, "Weight of the dense ranking in reciprocal-rank fusion.")
    lexical_weight: float = _setting(1.0, "Weight of the lexical (BM25) ranking in fusion.")
    top_k: int = _setting(5, "How many retrieved paragraphs an answer lists as contexts.")
    min_support: float = _setting(
        0.7,
        "Abstain when the best paragraph's support (dense cosine + term coverage) is below this.",
    )
    max_question_chars: int = _setting(2000, "Longer questions are refused.")
    chroma_url: str = _setting("", "A Chroma server (http://host:port) to keep the vectors in, instead of the store folder.")
    host: str = _setting("127.0.0.1", "Address the chat app listens on (loopback unless told otherwise).")
    port: int = _setting(7860, "Port of the chat app.")

    @classmethod
    def load(cls, **overrides) -> Settings:
        """Defaults, then UNRES_* environment variables, then keyword arguments."""
        values = {}
        for f in fields(cls):
            raw = overrides.get(f.name, os.environ.get(f"UNRES_{f.name.upper()}"))
            if raw is None:
                continue
            kind = type(f.default)
            values[f.name] = Path(raw).expanduser() if isinstance(f.default, Path) else kind(raw)
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        settings = cls(**values)
        if settings.retrieval not in ("hybrid", "dense", "lexical"):
            raise ValueError(f"retrieval must be 'hybrid', 'dense' or 'lexical', not {settings.retrieval!r}")
        return settings
