"""The support judge: independent of the answer code, right on the adversarial pairs."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from evals.judge_table import load_pairs, new_judge, score, table
from evals.sentences import framing, lead_word, split_answer
from evals.support import citation_scores, judge
from evals.text import clauses, numbers, tokens

PAIRS = load_pairs()
EVALS = Path(__file__).resolve().parents[1] / "evals"


def no_similarity(a: str, b: str) -> float:  # for sentences too short to be compared as restatements
    raise AssertionError("similarity should not be needed here")


def test_the_judge_does_not_import_the_answer_code():
    for name in ("support.py", "sentences.py", "text.py"):
        tree = ast.parse((EVALS / name).read_text())
        imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in imported if m.split(".")[0] in ("assistant", "index")], name


def test_pairs_cover_every_adversarial_kind_in_both_languages():
    wrong = [p for p in PAIRS if not p["supported"]]
    assert len(PAIRS) >= 40 and len(wrong) >= 40
    assert {p["kind"] for p in wrong} >= {"negation", "number", "framing", "quotation", "list", "tense"}
    assert {p["lang"] for p in wrong} == {"en", "zh"} and sum(p["lang"] == "zh" for p in PAIRS) >= 10
    assert len({p["id"] for p in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p["id"])
def test_judge_on_adversarial_pair(assistant, pair):
    cited = {label: assistant.paragraph(label).text for label in pair["cited"]}
    verdict = judge(pair["sentence"], cited, assistant.similarity)
    assert verdict.supported == pair["supported"], f"{pair['note']}: {verdict.reason or 'judged supported'}"


def test_table_counts_right_verdicts_per_kind():
    pairs = [{"kind": "tense", "sentence": "a", "cited": ["X OP 1"], "supported": False},
             {"kind": "control", "sentence": "b", "cited": ["X OP 1"], "supported": True}]
    results = score(pairs, lambda label: "", {"always": lambda s, c: True, "never": lambda s, c: False})
    assert results == {"always": {"tense": [False], "control": [True]}, "never": {"tense": [True], "control": [False]}}
    text = table(results)
    assert "| tense | 1 | 0/1 | 1/1 |" in text and "| control | 1 | 1/1 | 0/1 |" in text
    assert "**1/2 = 0.50**" in text


def test_new_judge_is_callable_on_real_paragraphs(assistant):
    j = new_judge(assistant.similarity)
    text = assistant.paragraph("A/RES/79/62 OP 4").text
    assert j("By the end of 2025.", {"A/RES/79/62 OP 4": text})
    assert not j("By the end of 2026.", {"A/RES/79/62 OP 4": text})


# ------------------------------------------------------------------ pure functions


def test_answer_split_keeps_citations_with_their_sentence():
    answer = ("No: the indexed texts do not say that resolution 79/62 establishes a negotiating body. "
              "Resolution 79/62 (OP 4): “Calls upon … by the end of 2025”. [A/RES/79/62 OP 4] "
              "The wording changed: “a” became “b”. [A/RES/79/62 OP 12] [A/RES/80/57 OP 4]")
    got = [(s.text, s.labels) for s in split_answer(answer)]
    assert got == [
        ("No: the indexed texts do not say that resolution 79/62 establishes a negotiating body.", ()),
        ("Resolution 79/62 (OP 4): “Calls upon … by the end of 2025”.", ("A/RES/79/62 OP 4",)),
        ("The wording changed: “a” became “b”.", ("A/RES/79/62 OP 12", "A/RES/80/57 OP 4")),
    ]


@pytest.mark.parametrize("sentence, named", [
    ("Resolution 79/62 (OP 4): “x”.", [("79/62", "OP", 4)]),
    ("resolution 80/57 (PP 3, OP 2) says", [("80/57", "PP", 3), ("80/57", "OP", 2)]),
    ("Resolution 79/62 (footnote 3): “A/79/88.”", [("79/62", "FN", 3)]),
    ("Resolution 79/62 (adoption record): “x”", [("79/62", "META", None)]),
    ("第79/62号决议（执行部分第4段）：“吁请”。", [("79/62", "OP", 4)]),
    ("（序言部分第3段）：“意识到”", [(None, "PP", 3)]),
    ("第79/62号决议（脚注3）：“A/79/88。”", [("79/62", "FN", 3)]),
    ("Resolution 79/62 (PP 1): “Recalling its resolution 78/241 of 22 December 2023”.", [("79/62", "PP", 1)]),
    ("In resolution 79/62 (OP 1), the General Assembly noted the report submitted pursuant to resolution 78/241.",
     [("79/62", "OP", 1)]),
])
def test_framing_names_the_paragraphs_and_only_them(sentence, named):
    mentions, _ = framing(sentence)
    assert [(m.resolution, m.part, m.number) for m in mentions] == named


def test_framing_is_removed_from_the_claim():
    assert framing("In resolution 79/62 (OP 4), the General Assembly called upon the Group.")[1] == "called upon the Group."
    assert framing("大会在第79/62号决议（执行部分第7段）中决定于2025年举行")[1] == "决定于2025年举行"
    assert framing("Yes. Resolution 79/62 (PP 6): “x”")[1] == "“x”"


def test_lead_word():
    assert lead_word("Yes. [A]") == "yes" and lead_word("No: the texts") == "no"
    assert lead_word("是。") == "yes" and lead_word("不，") == "no" and lead_word("By the end") is None


def test_tokens_mark_negation_and_stem():
    toks = [(t.key, t.negated) for t in tokens("must not be used, but may be used") if t.content]
    assert toks == [("use", True), ("use", False)]
    assert any(t.negated and t.key == "使用" for t in tokens("不得使用"))
    assert [t.key for t in tokens("Calls upon the convened")] == ["call", "upon", "the", "conven"]


def test_numbers_and_clauses():
    assert numbers("on 2 December 2024 at its 44th plenary meeting (A/79/408, para. 114)") == ["2", "2024", "44", "114"]
    assert numbers("在2025年底之前") == ["2025"]
    assert clauses("preferably by the end of 2025, and also calls upon the Parties; Decides") == [
        "preferably by the end of 2025", "also calls upon the Parties", "Decides"]


def test_citation_scores_skip_absence_claims_and_count_uncited_sentences():
    texts = {"A/RES/79/62 OP 4": "Calls upon the Group to fulfil its mandate, preferably by the end of 2025, and also"}
    answer = "The indexed texts do not answer this question."
    assert citation_scores(answer, texts, no_similarity) == (0, 0, 0, 0)
    answer = "By the end of 2025. [A/RES/79/62 OP 4] By the end of 2026. [A/RES/79/62 OP 4] The Group met."
    assert citation_scores(answer, texts, no_similarity) == (1, 3, 1, 2)
    assert citation_scores("Yes. [A/RES/79/62 OP 4]", texts, no_similarity) == (1, 1, 1, 1)
    assert citation_scores("By the end of 2025. [A/RES/79/62 OP 9]", texts, no_similarity) == (0, 1, 0, 1)


def test_a_count_of_paragraphs_beginning_with_a_word_is_checked_against_them():
    decides = {"A/RES/79/62 OP 7": "Decides to convene ...", "A/RES/79/62 OP 9": "Decides that ...",
               "A/RES/79/62 OP 12": "Decides to include ..."}
    lead = "Three operative paragraphs of resolution 79/62 begin with “Decides”: OP 7, OP 9 and OP 12."
    assert judge(lead, decides, no_similarity).supported
    assert not judge(lead.replace("Three", "Four"), decides, no_similarity).supported
    assert not judge(lead, {**decides, "A/RES/79/62 OP 9": "Requests that ..."}, no_similarity).supported


def _no_similarity(a: str, b: str) -> float:
    return 0.0


@pytest.mark.parametrize("sentence, supported", [
    ("Resolution 78/241 of 22 December 2023.", True),  # the cited text's words, naming what it names
    ("Resolution 78/241 of 22 December 2024.", False),  # not its words
    ("2024年12月2日。", True),
    ("2024年12月3日。", False),
])
def test_a_direct_answer_in_the_cited_paragraphs_own_words_is_supported(sentence, supported):
    cited = {"A/RES/79/62 PP 1": "Recalling its resolution 78/241 of 22 December 2023,",
             "A/RES/79/62 META": "第79/62号决议《致命自主武器系统》于2024年12月2日第44次全体会议通过"}
    assert judge(sentence, cited, _no_similarity).supported is supported
