"""What an answer is: the contract the CLI, the chat UI, briefings and evaluations rely on."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """A paragraph that supports a sentence of the answer, with its full text."""

    doc: str
    lang: str
    part: str
    number: int | None  # None for the adoption record (META)
    label: str  # "A/RES/79/62 OP 4", as it appears in the answer text
    text: str

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("doc", "lang", "part", "number", "label", "text")}


@dataclass(frozen=True)
class Context:
    """A retrieved paragraph, in ranking order; not necessarily cited."""

    doc: str
    lang: str
    part: str
    number: int | None
    score: float

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("doc", "lang", "part", "number", "score")}


@dataclass
class Answer:
    question: str
    answer: str  # plain sentences, each followed by its citation(s) in brackets
    abstained: bool
    language: str  # "en" or "zh": the language of the question and of the answer
    citations: list[Citation] = field(default_factory=list)
    contexts: list[Context] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "language": self.language,
            "citations": [c.to_dict() for c in self.citations],
            "contexts": [c.to_dict() for c in self.contexts],
        }
