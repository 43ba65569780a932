"""Explicit references in questions, and the grounding check itself."""
from __future__ import annotations

import pytest

from assistant import Answer, Citation
from assistant.grounding import unsupported
from assistant.references import find_references, resolve_relative

RESOLUTIONS = {"A/RES/79/62": "2024-12-02", "A/RES/80/57": "2025-12-01"}


@pytest.mark.parametrize(
    "question, docs, part, number",
    [
        ("What does resolution 80/57 say?", ["A/RES/80/57"], None, None),
        ("Compare 79/62 and A/RES/80/57", ["A/RES/79/62", "A/RES/80/57"], None, None),
        ("What does operative paragraph 4 say?", [], "OP", 4),
        ("Read OP4 of 79/62", ["A/RES/79/62"], "OP", 4),
        ("What did the 2025 resolution decide?", ["A/RES/80/57"], None, None),
        ("preambular paragraph 3 of the 2024 resolution", ["A/RES/79/62"], "PP", 3),
        ("the third preambular paragraph", [], "PP", 3),
        ("footnote 2 of 80/57", ["A/RES/80/57"], "FN", 2),
        ("第79/62号决议执行部分第4段说了什么？", ["A/RES/79/62"], "OP", 4),
        ("第79/62号决议序言部分第2段", ["A/RES/79/62"], "PP", 2),
        ("What did resolution 78/241 ask?", [], None, None),
    ],
)
def test_references(question, docs, part, number):
    ref = find_references(question, RESOLUTIONS)
    assert (ref.docs, ref.part, ref.number) == (docs, part, number)


@pytest.mark.parametrize("question, docs", [
    ("What did the December 2024 resolution decide?", ["A/RES/79/62"]),  # adopted on 2 December 2024
    ("What did the june 2024 resolution decide?", []),  # no resolution adopted that month
    ("What did the June 2025 text decide?", []),
    ("What did the 2025 resolution decide?", ["A/RES/80/57"]),  # a year alone, as before
    ("What did the December 2025 resolution decide?", ["A/RES/80/57"]),
    ("What deadline did the Assembly's 2024 LAWS resolution set?", ["A/RES/79/62"]),  # words of its subject between
    ("What did the June 2024 AI resolution say?", []),
    ("What happened in 2024 and the resolution?", []),  # no description of one text
])
def test_a_month_and_year_name_a_resolution_only_if_its_adoption_month_matches(question, docs):
    assert find_references(question, RESOLUTIONS).docs == docs


def test_a_month_and_year_naming_no_resolution_stay_in_the_search_text():
    assert find_references("What did the June 2024 resolution decide?", RESOLUTIONS).rest == (
        "What did the June 2024 resolution decide?")
    assert find_references("What did the December 2024 resolution decide?", RESOLUTIONS).rest == "What did the decide?"


def test_named_but_not_indexed_resolutions_are_kept_apart():
    ref = find_references("What did resolution 78/241 ask?", RESOLUTIONS)
    assert ref.mentioned == ["A/RES/78/241"] and ref.docs == []


def test_reference_words_are_removed_from_the_search_text():
    assert find_references("When was resolution 79/62 adopted?", RESOLUTIONS).rest == "When was adopted?"
    assert find_references("第79/62号决议是哪一天通过的？", RESOLUTIONS).rest == "是哪一天通过的？"


def test_relative_references():
    ref = find_references("And what did the previous year's resolution ask?", RESOLUTIONS)
    assert ref.relative == "previous"
    assert resolve_relative("previous", RESOLUTIONS, ["A/RES/80/57"]) == ["A/RES/79/62"]
    assert resolve_relative("previous", RESOLUTIONS, []) == ["A/RES/79/62"]
    assert resolve_relative("latest", RESOLUTIONS, []) == ["A/RES/80/57"]
    assert find_references("What does this year's resolution add?", RESOLUTIONS).relative == "latest"


OP4 = Citation("A/RES/79/62", "en", "OP", 4, "A/RES/79/62 OP 4",
               "Calls upon the Group of Governmental Experts to fulfil its mandate as soon as possible, "
               "preferably by the end of 2025, and also calls upon the High Contracting Parties;")
OP4_ZH = Citation("A/RES/79/62", "zh", "OP", 4, "A/RES/79/62 OP 4 (zh)", "吁请政府专家组尽快，最好是在2025年底之前，完成任务；")


def _answer(text: str, *citations: Citation) -> Answer:
    return Answer("q", text, False, "en", list(citations), [])


@pytest.mark.parametrize(
    "text, citation",
    [
        ("Preferably by the end of 2025. [A/RES/79/62 OP 4] Resolution 79/62 (OP 4): “Calls upon the Group of Governmental Experts "
         "to fulfil its mandate as soon as possible, preferably by the end of 2025 …”. [A/RES/79/62 OP 4]", OP4),
        ("Resolution 79/62 (OP 4): “Calls upon the Group of Governmental Experts … "
         "preferably by the end of 2025 …”. [A/RES/79/62 OP 4]", OP4),
        ("2025年底之前。 [A/RES/79/62 OP 4 (zh)] 第79/62号决议（执行部分第4段）：“吁请政府专家组尽快，最好是在2025年底之前，完成任务”。"
         "[A/RES/79/62 OP 4 (zh)]", OP4_ZH),
        ("No: the indexed texts do not say so; the nearest paragraph follows. Resolution 79/62 (OP 4): “Calls upon the Group "
         "of Governmental Experts …”. [A/RES/79/62 OP 4]", OP4),
    ],
)
def test_grounding_accepts_supported_sentences(text, citation):
    assert unsupported(_answer(text, citation)) == []


@pytest.mark.parametrize(
    "text, citation, problem",
    [
        ("Resolution 79/62 (OP 4): “bans autonomous weapons”. [A/RES/79/62 OP 4]", OP4, "not held by"),
        ("By the end of 2026. [A/RES/79/62 OP 4]", OP4, "not held by"),
        ("Resolution 79/62 (OP 5): “Calls upon the Group of Governmental Experts”. [A/RES/79/62 OP 4]", OP4, "not held by"),
        ("Resolution 79/62 (OP 4): “Calls upon the Group of Governmental Experts to fulfil its mandate "
         "preferably by the end of 2025”. [A/RES/79/62 OP 4]", OP4, "not held by"),
        ("The Group must finish by 2025.", OP4, "no citation"),
        ("The Group should fulfil its mandate. [A/RES/80/57 OP 4]", OP4, "not among the answer's citations"),
        ("第79/62号决议（执行部分第4段）：“禁止自主武器”。 [A/RES/79/62 OP 4 (zh)]", OP4_ZH, "not held by"),
    ],
)
def test_grounding_rejects_unsupported_sentences(text, citation, problem):
    problems = unsupported(_answer(text, citation))
    assert problems and problem in problems[0]


def test_the_previous_resolution_follows_the_series_not_the_calendar():
    dates = {"A/RES/78/241": "2023-12-22", "A/RES/78/265": "2024-03-21", "A/RES/79/62": "2024-12-02",
             "A/RES/79/239": "2024-12-24", "A/RES/80/57": "2025-12-01"}
    laws = ["A/RES/78/241", "A/RES/79/62", "A/RES/80/57"]
    line = {d: laws for d in laws} | {"A/RES/78/265": ["A/RES/78/265"], "A/RES/79/239": ["A/RES/79/239"]}
    # by the calendar the resolution before 80/57 is 79/239 (an unrelated one of December 2024)
    assert resolve_relative("previous", dates, ["A/RES/80/57"]) == ["A/RES/79/239"]
    assert resolve_relative("previous", dates, ["A/RES/80/57"], line.get) == ["A/RES/79/62"]
    assert resolve_relative("previous", dates, ["A/RES/79/62"], line.get) == ["A/RES/78/241"]
    assert resolve_relative("latest", dates, ["A/RES/78/241"], line.get) == ["A/RES/80/57"]
    # the first of its series has no previous resolution, whatever the calendar holds
    assert resolve_relative("previous", dates, ["A/RES/78/265"], line.get) == []
    assert resolve_relative("previous", dates, ["A/RES/79/239"], line.get) == []


def test_the_resolution_after_the_one_under_discussion():
    assert find_references("what about the follow-up resolution a year later?", RESOLUTIONS).relative == "next"
    assert find_references("and its successor?", RESOLUTIONS).relative == "next"
    assert resolve_relative("next", RESOLUTIONS, ["A/RES/79/62"]) == ["A/RES/80/57"]
    assert resolve_relative("next", RESOLUTIONS, ["A/RES/80/57"]) == []  # none after the newest
