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
    ([_turn(citations=[{**_turn()["citations"][0], "text": "z" * 20_001}])],
     r"history\[0\]\.citations\[0\]\.text: string should have at most 20000 characters"),
    ([_turn(citations=_turn()["citations"] * 51)], r"history\[0\]\.citations: list should have at most 50 items"),
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


@pytest.mark.parametrize("where", ["start", "middle", "end", "alone", "low"])
def test_a_lone_surrogate_in_the_question_is_refused(assistant, where):
    question = {"start": "\ud800" + GGE, "middle": "By when\udbff should the GGE fulfil its mandate?",
                "end": GGE + "\udfff", "alone": "\ud800", "low": "caf\udc00?"}[where]
    with pytest.raises(QuestionError, match=r"^the question holds a lone surrogate \(U\+D[89A-F][0-9A-F]{2}\) at "
                                            r"character \d+, which is not text$"):
        assistant.ask(question)
    with pytest.raises(ValueError, match="lone surrogate"):  # QuestionError is a ValueError
        assistant.brief(question)


@pytest.mark.parametrize("history, message", [
    ([_turn("When was 79/62 adopted?\ud800")],
     r"history\[0\]\.question: holds a lone surrogate \(U\+D800\) at character 24, which is not text"),
    ([_turn(answer="On 2 December\udfff 2024.")], r"history\[0\]\.answer: holds a lone surrogate \(U\+DFFF\)"),
    ([_turn(), _turn(language="e\ud800n")], r"history\[1\]\.language: holds a lone surrogate"),
    ([_turn(citations=[{**_turn()["citations"][0], "text": "44th\ud800 plenary"}])],
     r"history\[0\]\.citations\[0\]\.text: holds a lone surrogate"),
])
def test_a_lone_surrogate_in_the_history_is_refused(assistant, history, message):
    with pytest.raises(QuestionError, match=message):
        assistant.ask("Who was invited to brief them?", history)


def test_a_lone_surrogate_in_a_filter_is_refused(assistant):
    with pytest.raises(QuestionError, match=r"the doc filter holds a lone surrogate \(U\+D800\) at character 12"):
        assistant.ask(GGE, doc="A/RES/79/62\ud800")


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


def _call_ask(url: str, data: list) -> dict:
    """/ask over plain HTTP: Python's JSON escapes a lone surrogate as \\ud800, which a browser
    or another client can send as well."""
    import json
    import urllib.request

    body = json.dumps({"data": data}).encode()
    req = urllib.request.Request(url + "gradio_api/call/ask", data=body, headers={"Content-Type": "application/json"})
    event = json.loads(urllib.request.urlopen(req, timeout=60).read())["event_id"]
    stream = urllib.request.urlopen(f"{url}gradio_api/call/ask/{event}", timeout=120).read().decode()
    kind = next(line for line in stream.splitlines() if line.startswith("event: "))
    payload = [line for line in stream.splitlines() if line.startswith("data: ")][-1]
    assert kind == "event: complete", stream  # not "event: error": the app did not break
    return json.loads(payload.removeprefix("data: "))[0]


@pytest.mark.parametrize("question, history", [
    ("Who was invited to brief them?", [_turn("When was 79/62 adopted?\ud800")]),
    ("Who was invited to brief them?", [_turn(answer="On 2 December\udfff 2024.")]),
    ("By when\ud800 should the GGE fulfil its mandate?", None),
])
def test_app_ask_reports_a_lone_surrogate(app_url, question, history):
    r = _call_ask(app_url, [question, history, None, None, None])
    assert "lone surrogate" in r["error"]
