"""Bounds on what enters the question path from outside (the Python API, the app's `/ask`,
`unres chat`): the earlier turns of a conversation and the filters. Every text is bounded so
that one request cannot exhaust memory, and a malformed value is a `QuestionError` that says
what is wrong instead of an exception from deep inside."""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .answer import Answer, Citation, Context
from .config import Settings

MAX_ANSWER_CHARS = 20_000  # an answer quotes at most three paragraphs in full
MAX_PARAGRAPH_CHARS = 20_000
MAX_LIST = 50  # citations or contexts of one turn, documents or parts in a filter
MAX_NAME_CHARS = 100  # a symbol, label, language or part name

_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_problem(text: str) -> str | None:
    """What is wrong with `text` if it holds a lone surrogate. Python strings can (a browser or a
    broken encoder can send one), but it is not a character and cannot be written out as UTF-8,
    so it is refused at the edge instead of failing deep in the question path."""
    m = _SURROGATE.search(text)
    if m is None:
        return None
    return f"holds a lone surrogate (U+{ord(m.group()):04X}) at character {m.start() + 1}, which is not text"


def _text_only(value: object) -> object:
    if isinstance(value, str) and (problem := surrogate_problem(value)):
        raise ValueError(problem)
    return value


# Listed after a length limit in Annotated[...] so that the limit keeps its own message.
NO_SURROGATE = BeforeValidator(_text_only)
Text = Annotated[str, NO_SURROGATE]
Name = Annotated[str, Field(max_length=MAX_NAME_CHARS), NO_SURROGATE]


class _Shape(BaseModel):
    # Strict: a list where a string belongs is an error, not something to coerce.
    model_config = ConfigDict(strict=True, extra="ignore")


class _Citation(_Shape):
    doc: Name
    lang: Name
    part: Name
    number: int | None
    label: Name
    text: Annotated[str, Field(max_length=MAX_PARAGRAPH_CHARS), NO_SURROGATE]


class _Context(_Shape):
    doc: Name
    lang: Name
    part: Name
    number: int | None
    score: float


class _Turn(_Shape):
    question: Text
    answer: Annotated[str, Field(max_length=MAX_ANSWER_CHARS), NO_SURROGATE]
    abstained: bool
    language: Name
    citations: Annotated[list[_Citation], Field(max_length=MAX_LIST)] = []
    contexts: Annotated[list[_Context], Field(max_length=MAX_LIST)] = []


def _refuse(msg: str) -> Exception:
    from .api import QuestionError  # api.py imports this module, so not at the top

    return QuestionError(msg)


def _first_problem(exc: ValidationError, where: str) -> str:
    err = exc.errors()[0]
    path = "".join(f"[{x}]" if isinstance(x, int) else f".{x}" for x in err["loc"])
    msg = err["msg"].removeprefix("Value error, ")
    return f"{where}{path}: {msg[:1].lower()}{msg[1:]}"


def clean_history(history: object, settings: Settings) -> list[Answer]:
    """The last `settings.max_turns` turns of `history` (Answers or their `to_dict()` form),
    checked and bounded; older turns are dropped, not refused."""
    if history is None:
        return []
    if not isinstance(history, list | tuple):
        raise _refuse(f"the history must be a list of earlier answers, not {type(history).__name__}")
    first = max(0, len(history) - settings.max_turns)
    turns = []
    for i in range(first, len(history)):
        item = history[i]
        raw = item.to_dict() if isinstance(item, Answer) else item
        if not isinstance(raw, dict):
            raise _refuse(f"history[{i}] must be an earlier answer (an object), not {type(raw).__name__}")
        try:
            turn = _Turn.model_validate(raw)
        except ValidationError as exc:
            raise _refuse(_first_problem(exc, f"history[{i}]")) from None
        if len(turn.question) > settings.max_question_chars:
            raise _refuse(f"history[{i}].question is {len(turn.question)} characters long; "
                          f"the limit is {settings.max_question_chars}")
        turns.append(Answer(turn.question, turn.answer, turn.abstained, turn.language,
                            [Citation(**c.model_dump()) for c in turn.citations],
                            [Context(**c.model_dump()) for c in turn.contexts]))
    return turns


def clean_filters(doc: object, lang: object, part: object) -> tuple[list[str] | None, str | None, list[str] | None]:
    """The filters as (documents, language, parts), each a bounded text or list of texts.
    Whether a value names something indexed is checked later, against the store."""
    return _names(doc, "doc"), _name(lang, "lang") if lang else None, _names(part, "part")


def _name(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise _refuse(f"the {what} filter must be text, not {type(value).__name__}")
    if len(value) > MAX_NAME_CHARS:
        raise _refuse(f"the {what} filter is {len(value)} characters long; the limit is {MAX_NAME_CHARS}")
    if problem := surrogate_problem(value):
        raise _refuse(f"the {what} filter {problem}")
    return value


def _names(value: object, what: str) -> list[str] | None:
    if not value:
        return None
    if isinstance(value, str):
        return [_name(value, what)]
    if not isinstance(value, list | tuple):
        raise _refuse(f"the {what} filter must be text or a list of texts, not {type(value).__name__}")
    if len(value) > MAX_LIST:
        raise _refuse(f"the {what} filter lists {len(value)} values; the limit is {MAX_LIST}")
    return [_name(v, what) for v in value]
