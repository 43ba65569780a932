"""The real `unres` command, run as a subprocess: output, JSON, exit codes."""
from __future__ import annotations

import json


def test_ask_prints_a_cited_answer_and_its_sources(unres):
    r = unres("ask", "By when should the GGE fulfil its mandate?")
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "preferably by the end of 2025 …”. [A/RES/79/62 OP 4]" in out.replace("\n", " ")
    assert "Sources:" in out and "spare no effort in this regard;" in out.replace("\n", " ")


def test_ask_json_follows_the_answer_contract(unres):
    r = unres("ask", "When was resolution 80/57 adopted?", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"question", "answer", "abstained", "language", "citations", "contexts", "intent", "verdict"}
    assert data["citations"][0]["label"] == "A/RES/80/57 META"
    assert "1 December 2025" in data["answer"]


def test_ask_with_filters(unres):
    r = unres("ask", "What about the Group of Governmental Experts?", "--json", "--doc", "A/RES/80/57")
    assert {c["doc"] for c in json.loads(r.stdout)["citations"]} == {"A/RES/80/57"}
    r = unres("ask", "What about the Group of Governmental Experts?", "--json", "--lang", "zh")
    assert {c["lang"] for c in json.loads(r.stdout)["citations"]} == {"zh"}


def test_abstention_exits_zero_and_cites_nothing(unres):
    r = unres("ask", "Who won the 2022 football World Cup?", "--json")
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert data["abstained"] is True and data["citations"] == []


def test_chinese_question_through_the_cli(unres):
    r = unres("ask", "政府专家组应在何时完成其任务？")
    assert r.returncode == 0 and "2025年底之前" in r.stdout.decode()


def test_bad_input_exits_2_with_one_line_on_stderr(unres):
    for args in (["ask", ""], ["ask", "   "], ["ask", "x" * 2500], ["ask", "hi", "--doc", "A/RES/1/1"],
                 ["show", "A/RES/79/62 OP 99"], ["show", "not a reference"], ["ask"], ["nonsense"]):
        r = unres(*args)
        assert r.returncode == 2, (args, r.stderr)
        err = r.stderr.decode()
        assert "Traceback" not in err and err.strip(), args
    r = unres("ask", "")
    assert r.stderr.decode().strip() == "unres: error: the question is empty"


def test_invalid_utf8_argument_is_refused(unres):
    r = unres("ask", b"caf\xe9?".decode("utf-8", "surrogateescape"))
    assert r.returncode == 2 and "not valid UTF-8" in r.stderr.decode()


def test_internal_error_exits_1(unres, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    r = unres("--store", str(blocker / "store"), "ask", "anything at all?")
    assert r.returncode == 1
    err = r.stderr.decode().strip().splitlines()
    assert err[-1].startswith("unres: error:") and "Traceback" not in r.stderr.decode()


def test_show_prints_paragraph_footnotes_and_other_language(unres):
    r = unres("show", "A/RES/79/62 OP 1")
    out = r.stdout.decode()
    assert r.returncode == 0
    assert out.startswith("A/RES/79/62 OP 1: operative paragraph 1 of A/RES/79/62, Lethal autonomous weapons systems "
                          "(2 December 2024)")
    assert "Cite as: A/RES/79/62, operative paragraph 1" in out
    assert "Footnote 3: A/79/88." in out
    assert "[A/RES/79/62 OP 1 (zh)]" in out and "赞赏地注意到秘书长" in out
    data = json.loads(unres("show", "79/62 PP 7", "--json").stdout)
    assert data["paragraph"]["label"] == "A/RES/79/62 PP 7"
    assert data["footnotes"][0]["text"].startswith("United Nations, Treaty Series")


def test_chat_json_keeps_the_conversation(unres):
    lines = "\n".join([
        "What is the Group of Governmental Experts called upon to do in 79/62?",
        "Who was invited to brief them?",
        "",
    ]).encode() + b"\xff\xfe bad bytes\n" + b"   \n"
    r = unres("chat", "--json", input=lines)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert rows[0]["citations"][0]["label"] == "A/RES/79/62 OP 4"
    assert rows[1]["citations"][0]["label"] == "A/RES/79/62 OP 8"
    assert rows[2] == {"question": "", "error": "the input line is not valid UTF-8 text"}
    assert len(rows) == 3


def test_index_reports_the_store(unres):
    r = unres("index")
    assert r.returncode == 0
    assert "90 paragraphs" in r.stdout.decode()
