"""The gold set is true to the seeds, the support judge works, and the default passes the gate."""
from __future__ import annotations

import json

import pytest

from evals import GATE, gate_failures, load_gold, run_eval
from evals.gold import provision
from evals.support import supports

GOLD = load_gold()


def test_gold_set_is_large_and_covers_every_kind():
    assert len(GOLD) >= 80
    kinds = {i.category for i in GOLD}
    assert kinds >= {"operative", "preambular", "list", "footnote", "adoption", "comparison", "article", "chinese",
                     "chinese-english-only", "paraphrase", "conversation", "unanswerable", "injection"}
    assert any(len(i.turns) == 3 for i in GOLD) and sum(i.lang == "zh" for i in GOLD) >= 10
    assert sum(not i.answerable for i in GOLD) >= 12


# Kinds of question real users ask; each needs sealed test items and dev items to tune on.
USER_KINDS = {"keyword", "typo", "abbreviation", "yes-no", "false-premise", "count-structure", "list-item",
              "footnote-fact", "compound", "follow-up", "standalone-after-unrelated", "chinese",
              "chinese-english-only", "mentioned-resolution", "unanswerable", "added-docs"}


def test_gold_set_has_test_and_dev_items_of_every_user_kind():
    assert len(load_gold(split="test")) >= 100
    for split in ("test", "dev"):
        assert USER_KINDS <= {i.category for i in load_gold(split=split)}, split
    assert all(i.expect == "no" and not i.answerable for i in GOLD if i.false_premise)
    assert {i.expect for i in GOLD if i.category == "yes-no"} == {"yes", "no"}


@pytest.mark.parametrize("item", GOLD, ids=lambda i: i.id)
def test_gold_paragraphs_exist_and_hold_the_key_facts(assistant, item):
    if item.corpus == "all":
        pytest.skip("cites A/RES/78/241 or A/RES/78/265, which the seed store does not index")
    by_provision: dict = {}
    for p in assistant.store.paragraphs:
        by_provision.setdefault(p.provision, []).append(p.text)
    if not item.false_premise:  # a false premise may cite what the texts do say
        assert item.answerable == bool(item.gold)
    for group in item.groups:
        for prov in group:
            assert prov in by_provision, f"{item.id}: no paragraph {prov}"
    if item.paraphrase:
        return
    texts = " ".join(t for group in item.groups for prov in group for t in by_provision[prov])
    for forms in item.fact_forms:
        assert any(f.lower() in texts.lower() for f in forms), f"{item.id}: {forms!r} is in none of its gold paragraphs"


def test_gold_labels_parse():
    assert provision("A/RES/79/62 OP 4") == ("A/RES/79/62", "OP", 4)
    assert provision("A/RES/80/57 META") == ("A/RES/80/57", "META", None)
    with pytest.raises(ValueError):
        provision("79/62 paragraph 4")


@pytest.fixture(scope="module")
def texts(assistant):
    return {label: assistant.paragraph(label).text for label in
            ("A/RES/79/62 OP 4", "A/RES/79/62 OP 4 (zh)", "A/RES/79/62 PP 6", "A/RES/79/62 OP 9")}


SUPPORTED = [
    ("called upon the Group of Governmental Experts to fulfil its mandate as soon as possible, preferably by the end of 2025.", "A/RES/79/62 OP 4"),
    ("the Group of Governmental Experts fulfil its mandate preferably by the end of 2025", "A/RES/79/62 OP 4"),
    ("decided that the open informal consultations should be convened in New York for a duration of two days in 2025", "A/RES/79/62 OP 9"),
    ("affirmed that any weapon that cannot be used in compliance with international humanitarian law must not be used", "A/RES/79/62 PP 6"),
    ("吁请政府专家组尽快，最好是在2025年底之前，完成任务。", "A/RES/79/62 OP 4 (zh)"),
]
UNSUPPORTED = [
    ("called upon the Group of Governmental Experts to fulfil its mandate by the end of 2026.", "A/RES/79/62 OP 4"),
    ("the High Contracting Parties called upon the Convention to spare the Group of Governmental Experts", "A/RES/79/62 OP 4"),
    ("decided that the consultations should be convened in Geneva for three weeks", "A/RES/79/62 OP 9"),
    ("called upon States to ban autonomous weapons systems", "A/RES/79/62 OP 4"),
    ("吁请政府专家组在2030年底之前完成任务。", "A/RES/79/62 OP 4 (zh)"),
    ("decided that the open informal consultations should be convened in New York for a duration of two days in 2025", "A/RES/79/62 OP 4"),
    ("the Group of Governmental Experts in New York", "A/RES/79/62 OP 9"),
]


@pytest.mark.parametrize("claim, label", SUPPORTED)
def test_support_judge_accepts_supported_claims(assistant, texts, claim, label):
    assert supports(claim, [texts[label]], assistant.similarity)


@pytest.mark.parametrize("claim, label", UNSUPPORTED)
def test_support_judge_rejects_unsupported_claims(assistant, texts, claim, label):
    assert not supports(claim, [texts[label]], assistant.similarity)


def test_default_configuration_passes_the_gate(store_dir, tmp_path):
    report = run_eval(store_dir=store_dir)
    assert gate_failures(report) == [], json.dumps(report["summary"], indent=1)
    assert report["summary"]["crashes"] == 0
    assert set(GATE) <= set(report["summary"])
    for category, agg in report["by_category"].items():
        assert agg["items"] > 0, category


def test_unres_eval_writes_reports_and_compares(unres, tmp_path):
    out = tmp_path / "run"
    r = unres("eval", "--out", str(out), "--gate")
    assert r.returncode == 0, r.stderr.decode()
    report = json.loads((out / "report.json").read_text())
    assert (out / "report.md").read_text().startswith("# Eval: hybrid-use")
    assert (out / "categories.png").read_bytes()[:4] == b"\x89PNG"
    old = report | {"summary": {**report["summary"], "recall@1": 0.0}}
    (tmp_path / "old.json").write_text(json.dumps(old))
    r = unres("eval", "--out", str(tmp_path / "again"), "--compare", str(tmp_path / "old.json"))
    assert "better overall" in r.stdout.decode() and "recall@1" in r.stdout.decode()
    r = unres("eval", "--config", "nope")
    assert r.returncode == 2
