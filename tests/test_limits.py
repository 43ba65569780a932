"""Bounded requests: the conversation history and the filters are checked at the edge of the
question path, in the Python API and in the app's `/ask` endpoint."""
from __future__ import annotations

import time

import pytest

from assistant import Answer, QuestionError, Settings
from assistant.limits import clean_filters, clean_history

GGE = "By when should the GGE fulfil its mandate?"


def _turn(question: str = "When was 79/62 adopted?", **changes) -> dict:
    return {"question": question, "answer": "On 2 December 2024 [A/RES/79/62 META].", "abstained": False,
            "language": "en", "citations": [{"doc": "A/RES/79/62", "lang": "en", "part": "META", "number": None,
                                             "label": "A/RES/79/62 META", "text": "44th plenary meeting"}],
            "contexts": [], **changes}


@pytest.mark.parametrize("history, message", [
    ("When was 79/62 adopted?", "must be a list of earlier answers, not str"),
    ({"question": "x"}, "must be a list of earlier answers, not dict"),
    ([["When was 79/62 adopted?"]], r"history\[0\] must be an earlier answer \(an object\), not list"),
    ([{"question": "x"}], r"history\[0\]\.answer: field required"),
    ([_turn(["a", "list"])], r"history\[0\]\.question: input should be a valid string"),
    ([_turn(answer=7)], r"history\[0\]\.answer: input should be a valid string"),
    ([_turn(citations=[{"doc": 1}])], r"history\[0\]\.citations\[0\]\.doc"),
    ([_turn(citations="A/RES/79/62 OP 4")], r"history\[0\]\.citations"),
    ([_turn("x" * 100_000)], r"history\[0\]\.question is 100000 characters long; the limit is 2000"),
    ([_turn(answer="y" * 2_400_000)], r"history\[0\]\.answer: string should have at most 20000 characters"),
])
def test_a_malformed_or_oversized_history_gets_a_clear_message(assistant, history, message):
    with pytest.raises(QuestionError, match=message):
        assistant.ask("Who was invited to brief them?", history)


@pytest.mark.parametrize("filters, message", [
    ({"doc": 123}, "the doc filter must be text or a list of texts, not int"),
    ({"doc": ["A/RES/79/62", ["nested"]]}, "the doc filter must be text, not list"),
    ({"doc": ["x" * 5000]}, "the doc filter is 5000 characters long; the limit is 100"),
    ({"doc": ["79/62"] * 10_000}, "the doc filter lists 10000 values; the limit is 50"),
    ({"lang": ["en"]}, "the lang filter must be text, not list"),
    ({"part": [1]}, "the part filter must be text, not int"),
    ({"doc": "A/RES/1/1"}, "unknown document 'A/RES/1/1'"),
    ({"lang": "fr"}, "unknown language 'fr'"),
    ({"part": "XX"}, "unknown part 'XX'"),
])
def test_a_malformed_or_unknown_filter_gets_a_clear_message(assistant, filters, message):
    with pytest.raises(QuestionError, match=message):
        assistant.ask(GGE, **filters)


def test_a_long_history_is_cut_not_refused(assistant):
    first = assistant.ask(GGE)
    history = [_turn()] * 5000 + [first.to_dict()]
    start = time.perf_counter()
    follow = assistant.ask("Who was invited to brief them?", history)
    assert time.perf_counter() - start < 2
    assert follow.citations[0].label == "A/RES/79/62 OP 8"


def test_clean_history_keeps_the_last_turns_as_answers():
    settings = Settings.load(max_turns=3)
    turns = [_turn(f"question {i}?") for i in range(10)]
    kept = clean_history(turns, settings)
    assert [a.question for a in kept] == ["question 7?", "question 8?", "question 9?"]
    assert all(isinstance(a, Answer) for a in kept) and kept[0].citations[0].number is None
    assert clean_history(None, settings) == [] and clean_history(turns, Settings.load(max_turns=0)) == []


def test_clean_filters_normalises_single_values():
    assert clean_filters("79/62", "en", "op") == (["79/62"], "en", ["op"])
    assert clean_filters(None, None, []) == (None, None, None)


# ---------------------------------------------------------------- the app's /ask endpoint


@pytest.mark.parametrize("history, message", [
    ("not a list", "must be a list of earlier answers"),
    ([["a list where an answer belongs"]], r"history[0] must be an earlier answer"),
    ([{"question": "x"}], "history[0].answer: field required"),
    ([_turn("x" * 100_000)], "history[0].question is 100000 characters long"),
])
def test_app_ask_reports_a_malformed_history(client, history, message):
    r = client.predict("Who was invited to brief them?", history, api_name="/ask")
    assert message in r["error"]


def test_app_ask_reports_bad_filters(client):
    assert "unknown part 'XX'" in client.predict(GGE, None, None, None, ["XX"], api_name="/ask")["error"]
    assert "the lang filter must be text" in client.predict(GGE, None, None, ["en"], None, api_name="/ask")["error"]
    ok = client.predict(GGE, [_turn()] * 50, api_name="/ask")  # a long history is cut, not refused
    assert "error" not in ok and ok["citations"]
