"""The paragraph record: the unit that is indexed, retrieved and cited."""
from __future__ import annotations

from dataclasses import dataclass, field

# Parts of a document, as DESIGN.md defines them.
PP = "PP"  # preambular paragraph, counted 1..n in order
OP = "OP"  # operative paragraph, numbered as printed
FN = "FN"  # footnote, numbered as printed
META = "META"  # adoption record (session, agenda item, report, meeting, date)
P = "P"  # paragraph of a document that is not a resolution, counted 1..n
PARTS = (PP, OP, FN, META, P)

PART_NAMES = {
    PP: "preambular paragraph",
    OP: "operative paragraph",
    FN: "footnote",
    META: "adoption record",
    P: "paragraph",
}


@dataclass(frozen=True)
class Paragraph:
    """One citable paragraph: `(doc, lang, part, number)` identifies it."""

    doc: str
    lang: str
    part: str
    number: int | None
    text: str
    footnotes: tuple[int, ...] = ()
    fields: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> tuple[str, str, str, int | None]:
        return (self.doc, self.lang, self.part, self.number)

    @property
    def provision(self) -> tuple[str, str, int | None]:
        """The same provision across language versions."""
        return (self.doc, self.part, self.number)

    @property
    def label(self) -> str:
        return label_for(self.doc, self.lang, self.part, self.number)

    @property
    def node_id(self) -> str:
        return f"{self.doc}|{self.lang}|{self.part}|{'' if self.number is None else self.number}"

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "lang": self.lang,
            "part": self.part,
            "number": self.number,
            "text": self.text,
            "footnotes": list(self.footnotes),
            "fields": dict(self.fields),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Paragraph:
        return cls(
            doc=d["doc"],
            lang=d["lang"],
            part=d["part"],
            number=d["number"],
            text=d["text"],
            footnotes=tuple(d.get("footnotes", ())),
            fields=dict(d.get("fields", {})),
        )


def label_for(doc: str, lang: str, part: str, number: int | None) -> str:
    """`A/RES/79/62 OP 4`; other language versions carry their code: `A/RES/79/62 OP 4 (zh)`."""
    base = f"{doc} {part}" if number is None else f"{doc} {part} {number}"
    return base if lang == "en" else f"{base} ({lang})"
