"""The gold question set: hand-written from the seed texts, versioned in gold.jsonl."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
_LABEL = re.compile(r"^(?P<doc>\S+) (?P<part>PP|OP|FN|META|P)(?: (?P<number>\d+))?$")

Provision = tuple[str, str, "int | None"]


def provision(label: str) -> Provision:
    """"A/RES/79/62 OP 4" -> ("A/RES/79/62", "OP", 4): a paragraph in any language."""
    m = _LABEL.match(label)
    if not m:
        raise ValueError(f"not a gold paragraph label: {label!r}")
    return m["doc"], m["part"], int(m["number"]) if m["number"] else None


@dataclass(frozen=True)
class GoldItem:
    id: str
    category: str
    lang: str
    turns: list[str]  # a conversation; the last turn is the one scored
    gold: list[list[str]]  # groups an answer needs, each a list of acceptable paragraphs
    facts: list[str]  # strings the answer must contain
    answerable: bool
    forbidden: list[str] = field(default_factory=list)  # strings an answer must not contain
    paraphrase: bool = False  # facts are paraphrased, not quoted from the gold paragraph

    @property
    def question(self) -> str:
        return self.turns[-1]

    @property
    def groups(self) -> list[set[Provision]]:
        return [{provision(label) for label in group} for group in self.gold]


def load_gold(path: Path = GOLD) -> list[GoldItem]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(GoldItem(**json.loads(line)))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{path.name} line {n}: {exc}") from exc
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path.name}: duplicate ids")
    return items
