"""Is every sentence of an answer backed by the paragraphs it cites?

Each sentence of an answer ends with its citations in brackets. `unsupported(answer)` applies
the same checks as the verify stage (`assistant.verify`): quotations verbatim in the cited
paragraph, framings naming a cited paragraph, the words and numbers of a lead found in its
evidence. Sentences without citations must be one of the fixed statements that the texts do
not say something. The tests run it on every answer.
"""
from __future__ import annotations

import re

from .answer import Answer
from .verify import sentence_holds, sentences_with_citations

__all__ = ["sentences_with_citations", "unsupported"]

# Statements that carry no claim about a paragraph and so need no citation.
_UNCITED = re.compile(
    r"^(No: |The premise of this question is not in the texts: )?the indexed texts (?:do not say so|say otherwise);|"
    r"^Resolution \S+ is not itself indexed|is not indexed, so it cannot be quoted|"
    r"^The indexed texts do not answer|^The indexed texts have no|^否。|^所收录的文本|本身未被收录|"
    r"^（(?:第\S+号决议|该文件)没有中文文本", re.I)


def unsupported(answer: Answer) -> list[str]:
    """Problems found: sentences without citations that are not fixed statements, labels not
    among the answer's citations, and sentences whose claims the cited paragraphs do not hold.
    Empty means grounded."""
    if answer.abstained:
        return [] if not answer.citations else ["an abstention cites paragraphs as support"]
    cited = {c.label: c for c in answer.citations}
    problems = []
    for sentence, labels in sentences_with_citations(answer.answer):
        if not labels:
            if not all(_UNCITED.search(s) for s in re.split(r"(?<=[.。])\s*(?=\S)", sentence) if s.strip()):
                problems.append(f"no citation: {sentence!r}")
            continue
        missing = [label for label in labels if label not in cited]
        if missing:
            problems.append(f"cites {missing} which are not among the answer's citations")
        elif not sentence_holds(_claim(sentence), labels, cited):
            problems.append(f"not held by {labels}: {sentence!r}")
    return problems


def _claim(sentence: str) -> str:
    """A cited segment less the fixed statements that may run into it."""
    parts = [s for s in re.split(r"(?<=[.。])\s+(?=[A-Z（第])", sentence) if not _UNCITED.search(s)]
    return " ".join(parts) or sentence

