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

    @classmethod
    def of(cls, paragraph) -> "Citation":
        """The citation of an indexed paragraph record."""
        p = paragraph
        return cls(p.doc, p.lang, p.part, p.number, p.label, p.text)

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
    intent: str = ""  # what the question asked: fact, yes-no, why, count, mentions, adoption, compare, quote
    verdict: str = ""  # for a yes-no or premise question: "yes", "no" (the texts do not say so), or ""

    @classmethod
    def from_dict(cls, d: dict) -> "Answer":
        """The inverse of `to_dict`, for conversations passed in as JSON."""
        return cls(
            d["question"], d["answer"], bool(d["abstained"]), d["language"],
            [Citation(**c) for c in d.get("citations", [])],
            [Context(**c) for c in d.get("contexts", [])],
            str(d.get("intent", "")), str(d.get("verdict", "")),
        )

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "language": self.language,
            "citations": [c.to_dict() for c in self.citations],
            "contexts": [c.to_dict() for c in self.contexts],
            "intent": self.intent,
            "verdict": self.verdict,
        }


@dataclass
class Source:
    """A paragraph as a reader checks it: where it stands, how to cite it, the clauses an
    answer used, its footnotes and the same paragraph in the corpus's other languages."""

    paragraph: Citation
    title: str  # "operative paragraph 4 of A/RES/79/62, Lethal autonomous weapons systems (2 December 2024)"
    reference: str  # "A/RES/79/62, operative paragraph 4": the citation to paste into a text
    highlights: list[str] = field(default_factory=list)  # clauses of the text the answer used
    footnotes: list[Citation] = field(default_factory=list)
    versions: list[Citation] = field(default_factory=list)
    secondary: bool = False  # a news article or other commentary, not a resolution

    def to_dict(self) -> dict:
        return {
            "paragraph": self.paragraph.to_dict(), "title": self.title, "reference": self.reference,
            "highlights": list(self.highlights), "footnotes": [f.to_dict() for f in self.footnotes],
            "versions": [v.to_dict() for v in self.versions], "secondary": self.secondary,
        }
