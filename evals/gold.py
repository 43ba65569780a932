"""The gold question set: hand-written from the seed texts, versioned in gold.jsonl.

Each item belongs to a split: `dev` items may be used to tune word lists, patterns and
thresholds; `test` items never are (they were written in their own commits, before the code
meant to pass them), so the `test` numbers are the ones that say how the assistant does on
questions nobody tuned for.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold.jsonl"
_LABEL = re.compile(r"^(?P<doc>\S+) (?P<part>PP|OP|FN|META|P)(?: (?P<number>\d+))?$")

SPLITS = ("dev", "test")
CORPORA = ("both", "seeds", "all")  # seeds alone, seeds plus the added resolutions, or either
EXPECT = (None, "yes", "no")

Provision = tuple[str, str, "int | None"]
Fact = str | list[str]  # a string the answer must contain, or a list of acceptable forms


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
    facts: list[Fact]  # what the answer must contain; a list entry means "any one of these"
    answerable: bool
    forbidden: list[str] = field(default_factory=list)  # strings an answer must not contain
    paraphrase: bool = False  # facts are paraphrased, not quoted from the gold paragraph
    split: str = "dev"
    expect: str | None = None  # a yes-no question: the answer must say "yes" or "no" first
    false_premise: bool = False  # built on something the texts do not say: must not be accepted
    corpus: str = "both"  # which corpus the item is written for (see CORPORA)
    note: str = ""  # why the gold is what it is, for a reader checking the item

    def __post_init__(self) -> None:
        if self.split not in SPLITS:
            raise ValueError(f"{self.id}: split must be one of {SPLITS}")
        if self.corpus not in CORPORA:
            raise ValueError(f"{self.id}: corpus must be one of {CORPORA}")
        if self.expect not in EXPECT:
            raise ValueError(f"{self.id}: expect must be 'yes', 'no' or null")
        if self.lang not in ("en", "zh") or not self.turns or not all(isinstance(t, str) and t for t in self.turns):
            raise ValueError(f"{self.id}: needs lang 'en' or 'zh' and at least one non-empty turn")
        for group in self.gold:
            for label in group:
                provision(label)
        for fact in self.facts:
            if not (isinstance(fact, str) or (isinstance(fact, list) and fact and all(isinstance(f, str) for f in fact))):
                raise ValueError(f"{self.id}: a fact is a string or a non-empty list of strings")

    @property
    def question(self) -> str:
        return self.turns[-1]

    @property
    def groups(self) -> list[set[Provision]]:
        return [{provision(label) for label in group} for group in self.gold]

    @property
    def fact_forms(self) -> list[list[str]]:
        """Each required fact as its list of acceptable forms."""
        return [[f] if isinstance(f, str) else list(f) for f in self.facts]


def load_gold(path: Path = GOLD, split: str | None = None) -> list[GoldItem]:
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
    return [i for i in items if split is None or i.split == split]
