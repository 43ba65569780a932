"""The gold set is true to the seeds, reports show both splits, and the default passes the gate on both."""
from __future__ import annotations

import json

import pytest

from evals import GATE, gate_failures, load_gold, run_eval
from evals.gold import provision
from evals.run import SEED_DOCS, runnable, side_by_side

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


def test_default_configuration_passes_the_gate_on_both_splits(store_dir, tmp_path):
    if not any(i.split == "test" for i in GOLD):
        pytest.skip("the gold set holds no test items yet; the gate needs both splits")
    report = run_eval(store_dir=store_dir)
    assert gate_failures(report) == [], json.dumps({k: v["summary"] for k, v in report["splits"].items()}, indent=1)
    assert report["summary"]["crashes"] == 0
    for split, thresholds in GATE.items():
        assert thresholds and set(thresholds) <= set(report["splits"][split]["summary"])
        for category, agg in report["splits"][split]["by_category"].items():
            assert agg["items"] > 0, (split, category)


def test_gate_fails_a_split_that_misses_or_lacks_items():
    def summary(**values):
        return {"items": 10, "crashes": 0, **{k: 1.0 for t in GATE.values() for k in t}, **values}

    report = {"summary": {"crashes": 0}, "splits": {"dev": {"summary": summary()}, "test": {"summary": summary()}}}
    assert gate_failures(report) == []
    report["splits"]["test"]["summary"] = summary(recall_5=None, **{"recall@5": 0.1})
    assert gate_failures(report) == [f"test: recall@5 = 0.1 < {GATE['test']['recall@5']}"]
    report["splits"]["test"]["summary"] = summary(items=0)
    assert gate_failures(report) == ["test: no items to measure"]


def test_items_run_only_on_the_corpus_they_are_written_for():
    seeds_only, with_added = set(SEED_DOCS), set(SEED_DOCS) | {"A/RES/78/241"}
    item = GOLD[0]
    from dataclasses import replace

    assert runnable(item, seeds_only) and runnable(item, with_added)
    assert not runnable(replace(item, corpus="all", gold=[["A/RES/78/241 OP 1"]]), seeds_only)
    assert runnable(replace(item, corpus="all", gold=[["A/RES/78/241 OP 1"]]), with_added)
    assert not runnable(replace(item, corpus="all", gold=[["A/RES/78/265 OP 1"]]), with_added)
    assert runnable(replace(item, corpus="seeds"), seeds_only) and not runnable(replace(item, corpus="seeds"), with_added)


def test_answer_level_metrics_on_a_report(store_dir):
    """Single-fact length, explicit yes-no, rejected premise: scored on real answers."""
    from dataclasses import replace

    from assistant import Answer
    from evals.run import ItemResult, score

    base = GOLD[0]
    cite = "[A/RES/79/62 OP 4]"
    yes = ItemResult(replace(base, id="y", split="test", expect="yes", facts=[]), Answer("q", f"Yes. {cite}", False, "en"), [0.1])
    bare = ItemResult(replace(base, id="b", split="test", expect="no", facts=[]), Answer("q", f"It does. {cite}", False, "en"), [0.1])
    premise = ItemResult(replace(base, id="p", split="test", false_premise=True, answerable=False, gold=[], forbidden=["moratorium"]),
                         Answer("q", "No: the indexed texts do not say that resolution 79/62 imposes a moratorium.", False, "en"), [0.1])
    accepted = ItemResult(replace(base, id="a", split="test", false_premise=True, answerable=False, gold=[], forbidden=[]),
                          Answer("q", f"Because of the risks. {cite}", False, "en"), [0.1])
    short = ItemResult(replace(base, id="s", split="dev"), Answer("q", f"By the end of 2025. {cite}", False, "en"), [0.1])
    report = score([yes, bare, premise, accepted, short], lambda a, b: 1.0)
    test, dev = report["splits"]["test"]["summary"], report["splits"]["dev"]["summary"]
    assert test["yes_no_explicit"] == 0.5
    assert test["false_premise_rejected"] == 0.0  # the rejecting answer still contains the forbidden word
    assert dev["single_fact_words"] == 5 and dev["fact_recall"] == 1.0
    assert "| yes_no_explicit | – | 0.5 |" in "\n".join(side_by_side(report))


def test_unres_eval_writes_reports_and_compares(unres, tmp_path):
    out = tmp_path / "run"
    r = unres("eval", "--out", str(out), "--gate")
    if any(i.split == "test" for i in GOLD):
        assert r.returncode == 0, r.stderr.decode()
    else:  # a gate over a split with nothing in it protects nothing
        assert r.returncode == 1 and "test: no items to measure" in r.stderr.decode()
    report = json.loads((out / "report.json").read_text())
    md = (out / "report.md").read_text()
    assert md.startswith("# Eval: hybrid-use") and "## Dev and test side by side" in md
    assert "## test: by category" in md and "## dev: by language" in md
    assert set(report["splits"]) == {"dev", "test"} and report["splits"]["dev"]["by_language"]
    assert (out / "categories.png").read_bytes()[:4] == b"\x89PNG"
    old = report | {"summary": {**report["summary"], "recall@1": 0.0}}
    (tmp_path / "old.json").write_text(json.dumps(old))
    r = unres("eval", "--out", str(tmp_path / "again"), "--compare", str(tmp_path / "old.json"))
    assert "better overall" in r.stdout.decode() and "recall@1" in r.stdout.decode()
    r = unres("eval", "--config", "nope")
    assert r.returncode == 2
