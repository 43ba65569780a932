"""All configuration in one place. Each setting has a default and an environment variable
(`UNRES_<NAME>`) that overrides it; keyword arguments to `Assistant(...)` override both.
Every value is validated when the settings are loaded: a bad one is a `SettingsError` that
names the variable and what it accepts."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

import annotated_types as at
from pydantic import AfterValidator, AliasChoices, BeforeValidator, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT = Path(__file__).resolve().parents[1]
PREFIX = "UNRES_"


def _not_blank(value: object) -> object:
    # An empty path would silently mean the current directory.
    if isinstance(value, str) and not value.strip():
        raise ValueError("must not be empty")
    return value


Folder = Annotated[Path, BeforeValidator(_not_blank), AfterValidator(Path.expanduser)]
Text = Annotated[str, BeforeValidator(_not_blank)]


class SettingsError(ValueError):
    """A setting has a value it cannot take; the message names the variable and what it accepts."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="forbid", populate_by_name=True)

    store_dir: Folder = Field(PROJECT / ".store", description="Where the paragraph store lives (git ignores it).")
    seeds_dir: Folder = Field(PROJECT / "seeds", description="Seed texts and their manifest.toml.")
    embedding: Text = Field("use", description="Embedding backend: 'use' (multilingual), 'minilm', or a local model folder.")
    retrieval: Literal["hybrid", "dense", "lexical"] = Field("hybrid", description="Retrieval mode.")
    dense_weight: float = Field(1.0, ge=0, allow_inf_nan=False, description="Weight of the dense ranking in fusion.")
    lexical_weight: float = Field(1.0, ge=0, allow_inf_nan=False, description="Weight of the lexical (BM25) ranking in fusion.")
    top_k: int = Field(5, ge=1, le=100, description="How many retrieved paragraphs an answer lists as contexts.")
    min_support: float = Field(
        0.7, ge=0, le=3, allow_inf_nan=False,
        description="Abstain when the best paragraph's support (dense cosine + term coverage) is below this.",
    )
    max_question_chars: int = Field(2000, ge=1, le=100_000, description="Longer questions are refused.")
    max_turns: int = Field(6, ge=0, le=100, description="Earlier turns of a conversation kept; older ones are dropped.")
    chroma_url: str = Field("", description="A Chroma server (http://host:port) to keep the vectors in, instead of the store folder.")
    host: Text = Field("127.0.0.1", description="Address the chat app listens on (loopback unless told otherwise).",
                       validation_alias=AliasChoices("host", f"{PREFIX}HOST", "GRADIO_SERVER_NAME"))
    port: int = Field(7860, ge=1, le=65535, description="Port of the chat app.",
                      validation_alias=AliasChoices("port", f"{PREFIX}PORT", "GRADIO_SERVER_PORT"))
    max_upload_mb: float = Field(20, gt=0, allow_inf_nan=False, description="Largest file the chat app accepts.")
    max_notes: int = Field(20, ge=1, description="Briefing notes the chat app keeps on disk; older ones are deleted.")

    @classmethod
    def load(cls, **overrides) -> Settings:
        """Defaults, then environment variables, then keyword arguments."""
        unknown = set(overrides) - set(cls.model_fields)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        try:
            return cls(**overrides)
        except ValidationError as exc:
            raise SettingsError(_explain(exc, overrides)) from None


def _explain(exc: ValidationError, overrides: dict) -> str:
    """One line: which variable, the value it had, and what it accepts."""
    err = exc.errors()[0]
    name = next((str(x) for x in err["loc"] if str(x) in Settings.model_fields), str(err["loc"][0]))
    if name in overrides:
        return f"{name}={overrides[name]!r} is not accepted; it takes {accepts(name)}"
    # Environment names match without regard to case; aliases (GRADIO_SERVER_PORT) count too.
    alias = Settings.model_fields[name].validation_alias
    wanted = [a for a in alias.choices if a != name] if isinstance(alias, AliasChoices) else [PREFIX + name]
    env = next((k for w in wanted for k in os.environ if k.upper() == w.upper()), PREFIX + name.upper())
    return f"{env}={os.environ.get(env, err.get('input'))!r} is not accepted; it takes {accepts(name)}"


def accepts(name: str) -> str:
    """What a setting accepts, read from its declaration, so that a new setting explains itself."""
    info = Settings.model_fields[name]
    kind = info.annotation
    if getattr(kind, "__origin__", None) is Literal:
        what = "one of " + ", ".join(map(repr, kind.__args__))
    else:
        blank = any(getattr(m, "func", None) is _not_blank for m in info.metadata)
        what = {int: "a whole number", float: "a finite number", Path: "a path"}.get(kind, "text")
        what += " (not empty)" if blank else ""
    bounds = [f"at least {m.ge}" if isinstance(m, at.Ge) else f"more than {m.gt}" if isinstance(m, at.Gt)
              else f"at most {m.le}" for m in info.metadata if isinstance(m, (at.Ge, at.Gt, at.Le))]
    return what + (f", {' and '.join(bounds)}" if bounds else "")
