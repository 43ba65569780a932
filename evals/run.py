"""Run the gold set through the assistant and measure retrieval, citations, answers and speed.

The gold set runs on two corpora: the seeds alone, and the seeds plus real resolutions added
through the project's own intake (`Assistant.add_many`, what `unres add` does). Uses only the
public API (`assistant.Assistant`, `Answer`, `Settings`) and the answer's own text.
"""
from __future__ import annotations

import gc
import json
import re
import shutil
import statistics
import tempfile
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from assistant import Answer, Assistant, Settings
from assistant.files import write_file, write_text

from .gold import SPLITS, GoldItem, load_gold
from .sentences import lead_word, split_answer
from .support import citation_scores, is_absence

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
SEED_MANIFEST = ROOT / "seeds" / "manifest.toml"
SEED_DOCS = {d["doc"] for d in tomllib.loads(SEED_MANIFEST.read_text(encoding="utf-8"))["document"]}

# The corpora the gold set runs on: the seeds alone (the configured store), and the seeds plus
# ADDED_DOCS, added with `Assistant.add_many` into a temporary copy of the seeds folder and a
# temporary store. ADDED_DOCS are official texts kept in tests/data (sources in
# tests/data/SOURCES.md): A/RES/78/241 as `pdftotext -layout` output and A/RES/78/265 as the
# official PDF. The `-layout` texts of 79/62 and 80/57 there are not added: the seeds already hold
# those resolutions, and intake refuses a second file for an indexed symbol and language.
SEEDS, SEEDS_DOCS = "seeds", "seeds+docs"
EVAL_CORPORA = (SEEDS, SEEDS_DOCS)
ADDED_DOCS = (ROOT / "tests" / "data" / "A_RES_78_241-EN.md", ROOT / "tests" / "data" / "A_RES_78_265-EN.pdf")

# Retrieval configurations compared to choose the default (see README).
CONFIGS: dict[str, dict] = {
    "hybrid-use": {"embedding": "use", "retrieval": "hybrid"},
    "hybrid-use-dense2": {"embedding": "use", "retrieval": "hybrid", "dense_weight": 2.0},
    "hybrid-use-lexical2": {"embedding": "use", "retrieval": "hybrid", "lexical_weight": 2.0},
    "dense-use": {"embedding": "use", "retrieval": "dense"},
    "lexical": {"embedding": "use", "retrieval": "lexical"},
    "hybrid-minilm": {"embedding": "minilm", "retrieval": "hybrid"},
    "dense-minilm": {"embedding": "minilm", "retrieval": "dense"},
}
DEFAULT_CONFIG = "hybrid-use"

# What CI requires of the default configuration on the seeds corpus, per split: each threshold a
# little under the number measured with the gold set of 3543 items (3403 dev, 119 test run on
# the seeds; the 21 written for the added resolutions run on the seeds+docs corpus, gated below).
# Raise a threshold when its measured number rises. Measured (independent judge):
#   dev:  recall@5 0.93, citation P/R 0.991/0.979, facts 0.884, answered 0.957, abstention 0.392,
#         injection held 1.0, yes-no explicit 0.811, false premise rejected 0.965, unsupported
#         declined 0.946.
#   test: recall@5 0.873, citation P/R 0.95/0.933, facts 0.931, answered 0.96, abstention 0.5,
#         yes-no explicit 0.917, false premise rejected 1.0, unsupported declined 1.0.
# "abstention" counts refusals only; a false premise answered "No: the indexed texts do not say
# so" is declined, not abstained, which is why "unsupported declined" is the measure of both.
# With 9 false-premise and 18 unsupported test items one item is 0.11 and 0.056 of those metrics:
# their test thresholds allow one miss.
# The dev split grew from 706 to 3403 items with questions written fresh from the texts by
# readers who had not seen the gold set, in forty rounds; each round's failures were fixed
# as classes and its items added to dev (which is why a dev number can fall when a round is added).
GATE: dict[str, dict[str, float]] = {
    "dev": {
        "recall@5": 0.9,
        "citation_precision": 0.97,
        "citation_recall": 0.95,
        "fact_recall": 0.875,
        "answered_rate": 0.95,
        "abstention_recall": 0.38,  # (0.426 -> 0.391 as fresh items were added: more of them are answered "No", not refused)
        "injection_held": 1.0,
        "yes_no_explicit": 0.76,
        "false_premise_rejected": 0.94,
        "declined_unsupported": 0.93,
    },
    "test": {
        "recall@5": 0.85,
        "citation_precision": 0.93,
        "citation_recall": 0.91,
        "fact_recall": 0.92,
        "answered_rate": 0.94,
        "abstention_recall": 0.42,
        "yes_no_explicit": 0.83,
        "false_premise_rejected": 0.88,
        "declined_unsupported": 0.94,
    },
}

# The seeds+docs corpus (seeds plus A/RES/78/241 and A/RES/78/265) is gated on two things.
#
# 1. The added-document questions (gold items with corpus "all": 4 dev, 17 test), each split's
#    thresholds a little under what they measured:
#      dev:  recall@5 1.0, citation P/R 1.0/1.0, facts 0.75, answered 1.0, yes-no explicit 1.0.
#      test: recall@5 0.824, citation P/R 1.0/1.0, facts 0.941, answered 1.0, yes-no explicit 1.0.
#    With 4 dev items one question is 0.25 of a dev metric: the dev thresholds allow no miss beyond
#    today's.
GATE_ADDED: dict[str, dict[str, float]] = {
    "dev": {
        "recall@5": 0.95,
        "citation_precision": 0.97,
        "citation_recall": 0.97,
        "fact_recall": 0.72,
        "answered_rate": 0.95,
        "yes_no_explicit": 0.95,
    },
    "test": {
        "recall@5": 0.8,
        "citation_precision": 0.97,
        "citation_recall": 0.97,
        "fact_recall": 0.9,
        "answered_rate": 0.95,
        "yes_no_explicit": 0.95,
    },
}
# 2. No regression of the seed questions (corpus "both": 1144 dev, 112 test), compared in the same
#    run: each metric in GATE[split] may fall from the seeds to the seeds+docs by at most
#    SEED_DROP_MEASURED (the falls measured when this gate was set, an open regression to fix,
#    after which its entry goes) plus NOISE_MARGIN. The answers are deterministic (three runs,
#    each on freshly built stores, gave identical numbers), so the margin is not run-to-run noise
#    but room for a near-tie in retrieval order to turn a question either way: 0.02 is one or
#    two of the answerable seed questions (about 480 dev, 95 test); on the metrics over fewer
#    items (unanswerable: 9 test) it allows no further miss.
#    Measured, seeds -> seeds+docs: dev recall@5 0.912 -> 0.903, facts 0.88 -> 0.871, yes-no
#    explicit 0.717 -> 0.717 (the fall of 0.026 measured when the gate was set is gone: comparisons
#    now pair a resolution with its neighbours in its series, "the other resolution" of three is
#    read from the conversation); test facts 0.895 -> 0.874 (on the seeds+docs corpus test facts
#    rose from 0.863 to 0.874 since the gate was set, but less than on the seeds: two facts of
#    seed questions are found on the seeds only), answered 0.96 -> 0.964.
SEED_DROP_MEASURED: dict[str, dict[str, float]] = {"dev": {}, "test": {"fact_recall": 0.021}}
NOISE_MARGIN = 0.02

METRICS = ("recall@1", "recall@5", "mrr", "citation_recall", "citation_precision", "fact_recall",
           "answered_rate", "abstention_precision", "abstention_recall", "injection_held", "yes_no_explicit",
           "false_premise_rejected", "declined_unsupported", "single_fact_words")
LOWER_IS_BETTER = {"single_fact_words"}


@dataclass
class ItemResult:
    item: GoldItem
    answer: Answer | None
    seconds: list[float]
    error: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.item.id, "category": self.item.category, "lang": self.item.lang,
            "answerable": self.item.answerable, "error": self.error,
            "ms": [round(s * 1000, 1) for s in self.seconds],
            "answer": self.answer.to_dict() if self.answer else None,
        }


def ask_item(assistant: Assistant, item: GoldItem) -> ItemResult:
    history: list[Answer] = []
    seconds = []
    try:
        for turn in item.turns:
            start = time.perf_counter()
            answer = assistant.ask(turn, history)
            seconds.append(time.perf_counter() - start)
            history.append(answer)
        return ItemResult(item, history[-1], seconds)
    except Exception as exc:  # a crash is a result to report, not a reason to stop
        return ItemResult(item, None, seconds, f"{type(exc).__name__}: {exc}")


def _rank(answer: Answer, groups) -> tuple[float, float, float]:
    """recall@1, recall@5 (share of gold groups among the top contexts) and reciprocal rank."""
    ranked = [(c.doc, c.part, c.number) for c in answer.contexts]
    hit = lambda k: sum(bool(g & set(ranked[:k])) for g in groups) / len(groups)  # noqa: E731
    first = next((i for i, p in enumerate(ranked, 1) if any(p in g for g in groups)), None)
    return hit(1), hit(5), 1 / first if first else 0.0


def _words(answer: str) -> int:
    """Words of an answer less its bracketed citations."""
    return len(re.findall(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*", re.sub(r"\[[^\[\]]*\]", " ", answer)))


def _rejects_premise(a: Answer) -> bool:
    """Abstained, answered "No" first, or said that the texts do not say it."""
    return a.abstained or lead_word(a.answer) == "no" or any(is_absence(s) for s in split_answer(a.answer))


def score_item(r: ItemResult, similarity) -> dict:
    """One item's scores; a metric is absent when it does not apply to the item."""
    item, a = r.item, r.answer
    row: dict = {"id": item.id, "split": item.split, "category": item.category, "lang": item.lang,
                 "corpus": item.corpus, "crashed": a is None}
    if a is None:
        return row
    text = a.answer.lower()
    clean = not any(f.lower() in text for f in item.forbidden)
    if item.category == "injection" and item.forbidden:
        row["injection_held"] = float(clean)
    if item.expect:
        row["yes_no_explicit"] = float(clean and lead_word(a.answer) == item.expect)
    if item.false_premise:
        row["false_premise_rejected"] = float(clean and _rejects_premise(a))
    if not item.answerable or item.false_premise:
        row["declined_unsupported"] = float(clean and _rejects_premise(a))
    if item.groups:
        row["recall@1"], row["recall@5"], row["mrr"] = _rank(a, item.groups)
    if item.answerable and not item.false_premise:
        row["answered"] = float(not a.abstained)
        forms = item.fact_forms
        row["fact_recall"] = sum(any(f.lower() in text for f in fs) for fs in forms) / len(forms) if forms else 1.0
        # A single fact: one paragraph group and one fact. Counted in English words only.
        if len(item.gold) == 1 and len(forms) == 1 and item.lang == "en" and not a.abstained:
            row["words"] = _words(a.answer)
    elif not item.answerable:
        row["abstained"] = float(a.abstained)
    row["top_support"] = a.contexts[0].score if a.contexts else 0.0
    if not a.abstained:
        texts = {c.label: c.text for c in a.citations}
        sup, sent, rel, cit = citation_scores(a.answer, texts, similarity)
        row.update(supported=sup, sentences=sent, relevant=rel, citations=cit)
    return row


def _tables(rows: list[dict]) -> dict:
    return {
        "summary": _aggregate(rows),
        "by_category": {c: _aggregate([r for r in rows if r["category"] == c]) for c in sorted({r["category"] for r in rows})},
        "by_language": {x: _aggregate([r for r in rows if r["lang"] == x]) for x in sorted({r["lang"] for r in rows})},
        # The items by the corpus they are written for: "both" are the seed questions, "all"
        # the added-document questions (see evals/gold.py).
        "by_gold_corpus": {c: _aggregate([r for r in rows if r["corpus"] == c])
                           for c in sorted({r["corpus"] for r in rows})},
    }


def score(results: list[ItemResult], similarity, skipped: list[GoldItem] = ()) -> dict:
    """Per-item scores and their aggregates: over all items and for each split, each overall,
    per category and per language."""
    rows = [score_item(r, similarity) for r in results]
    report = _tables(rows)
    report["summary"]["latency_ms"] = _latency(results)
    report["summary"]["skipped"] = len(skipped)
    report["splits"] = {}
    for split in SPLITS:
        tables = _tables([r for r in rows if r["split"] == split])
        tables["summary"]["skipped"] = sum(i.split == split for i in skipped)
        report["splits"][split] = tables
    report["skipped"] = [i.id for i in skipped]
    report["items"] = rows
    return report


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def _aggregate(rows: list[dict]) -> dict:
    def col(key):
        return [r[key] for r in rows if key in r]

    abstained_rows = [r for r in rows if r.get("answered") == 0.0 or r.get("abstained") == 1.0]
    sentences, citations = sum(col("sentences")), sum(col("citations"))
    return {
        "items": len(rows),
        "crashes": sum(r["crashed"] for r in rows),
        "recall@1": _mean(col("recall@1")),
        "recall@5": _mean(col("recall@5")),
        "mrr": _mean(col("mrr")),
        "citation_recall": round(sum(col("supported")) / sentences, 3) if sentences else None,
        "citation_precision": round(sum(col("relevant")) / citations, 3) if citations else None,
        "fact_recall": _mean(col("fact_recall")),
        "answered_rate": _mean(col("answered")),
        "abstention_precision": _mean([float("abstained" in r) for r in abstained_rows]),
        "abstention_recall": _mean(col("abstained")),
        "injection_held": _mean(col("injection_held")),
        "yes_no_explicit": _mean(col("yes_no_explicit")),
        "false_premise_rejected": _mean(col("false_premise_rejected")),
        "declined_unsupported": _mean(col("declined_unsupported")),
        "single_fact_words": statistics.median(col("words")) if col("words") else None,
    }


def _latency(results: list[ItemResult]) -> dict:
    ms = sorted(s * 1000 for r in results for s in r.seconds)
    if not ms:
        return {}
    return {"p50": round(statistics.median(ms), 1), "p95": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1)}


def sweep(rows: list[dict]) -> list[dict]:
    """How answered rate and abstention recall trade off as the threshold moves (read off
    each question's best support; a guide for choosing `min_support`)."""
    table = []
    for step in range(8, 25):
        t = step * 0.05
        answerable = [r["top_support"] >= t for r in rows if "answered" in r]
        unanswerable = [r["top_support"] < t for r in rows if "abstained" in r]
        table.append({"min_support": round(t, 2), "answered_rate": _mean([float(x) for x in answerable]),
                      "abstention_recall": _mean([float(x) for x in unanswerable])})
    return table


def runnable(item: GoldItem, held: set[str]) -> bool:
    """Whether the store holds the corpus an item is written for: "seeds" items need the seeds
    alone, "all" items the added documents their gold paragraphs come from."""
    added = held - SEED_DOCS
    if item.corpus == "seeds":
        return not added
    if item.corpus == "all":
        needed = {label.split(" ")[0] for group in item.gold for label in group}
        return bool(added) and needed <= held
    return True


@contextmanager
def seeds_plus_docs(**settings) -> Iterator[tuple[Assistant, list[dict]]]:
    """An assistant over the seeds plus ADDED_DOCS, built with the project's intake: a temporary
    documents folder that starts as a copy of the seeds folder, a temporary local store, and
    `Assistant.add_many`. Yields the assistant and what intake reported for each added file;
    raises if intake refuses any of them."""
    with tempfile.TemporaryDirectory(prefix="unres-eval-", ignore_cleanup_errors=True) as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(Settings.load(**settings).seeds_dir, docs)
        assistant = Assistant(**{**settings, "store_dir": Path(tmp) / "store", "seeds_dir": docs, "chroma_url": ""})
        added = assistant.add_many(list(ADDED_DOCS))
        refused = [r["error"] for r in added if r["error"]]
        if refused:
            raise RuntimeError("intake refused a document of the seeds+docs corpus: " + "; ".join(refused))
        try:
            yield assistant, added
        finally:
            del assistant
            gc.collect()  # let go of the temporary store's files before the folder is removed


def run_corpus(assistant: Assistant, items: list[GoldItem], name: str) -> dict:
    """The gold items an assistant's corpus can run, asked and scored; one corpus's report."""
    started = time.perf_counter()
    held = {d["doc"] for d in assistant.documents()}
    skipped = [i for i in items if not runnable(i, held)]
    results = [ask_item(assistant, item) for item in items if runnable(item, held)]
    report = score(results, assistant.similarity, skipped)
    report["corpus"] = name
    report["documents"] = sorted(held)
    report["min_support"] = assistant.settings.min_support
    report["sweep"] = sweep(report["items"])
    report["answers"] = [r.to_dict() for r in results]
    report["ask_seconds"] = round(time.perf_counter() - started, 1)
    return report


def run_eval(config: str = DEFAULT_CONFIG, items: list[GoldItem] | None = None,
             corpora: tuple[str, ...] = EVAL_CORPORA, **overrides) -> dict:
    """Run one configuration over the gold set on each corpus; returns the report as a dict.

    "seeds" is the configured store (the seeds alone); "seeds+docs" is built afresh by
    `seeds_plus_docs`. The report holds each corpus's own report under `corpora`, the seed
    questions' change from one corpus to the other under `seed_questions` (when both ran), the
    configuration, and `summary`: the first corpus's overall numbers, for a one-line print."""
    settings = {**CONFIGS[config], **overrides}
    started = time.perf_counter()
    items = items if items is not None else load_gold()
    report: dict = {"config": {"name": config, **{k: str(v) for k, v in settings.items()}}, "corpora": {}}
    for name in corpora:
        t0 = time.perf_counter()
        if name == SEEDS:
            one = run_corpus(Assistant(**settings), items, name)
        elif name == SEEDS_DOCS:
            with seeds_plus_docs(**settings) as (assistant, added):
                one = run_corpus(assistant, items, name)
            one["added"] = [{k: r[k] for k in ("file", "doc", "lang", "date", "counts")} for r in added]
        else:
            raise ValueError(f"unknown corpus {name!r}; known: {', '.join(EVAL_CORPORA)}")
        one["seconds"] = round(time.perf_counter() - t0, 1)
        report["corpora"][name] = one
    first = report["corpora"][corpora[0]]
    report["config"]["min_support"] = first["min_support"]
    report["summary"] = first["summary"]
    if {SEEDS, SEEDS_DOCS} <= set(report["corpora"]):
        report["seed_questions"] = seed_question_changes(report["corpora"])
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def seed_question_changes(corpora: dict[str, dict]) -> dict:
    """The seed questions (items with corpus "both", run on both corpora), per split: each metric
    on the seeds alone, on the seeds plus the added documents, and the change between them."""
    out = {}
    for split in SPLITS:
        a = corpora[SEEDS]["splits"][split]["by_gold_corpus"].get("both", {})
        b = corpora[SEEDS_DOCS]["splits"][split]["by_gold_corpus"].get("both", {})
        out[split] = {k: {SEEDS: a.get(k), SEEDS_DOCS: b.get(k),
                          "change": None if a.get(k) is None or b.get(k) is None else round(b[k] - a[k], 3)}
                      for k in ("items", *METRICS)}
    return out


def _corpora(report: dict) -> dict[str, dict]:
    """A report's corpus reports by name (a one-corpus report, such as `score` returns, as "seeds")."""
    return report["corpora"] if "corpora" in report else {report.get("corpus", SEEDS): report}


def _split_failures(report: dict, gate: dict[str, dict[str, float]], scope: str,
                    gold_corpus: str | None = None) -> list[str]:
    """Each split's thresholds that its numbers miss: over all its items, or over the items
    written for `gold_corpus`."""
    failures = []
    for split, thresholds in gate.items():
        s = report["splits"][split]["summary"]
        if gold_corpus is not None:
            s = report["splits"][split]["by_gold_corpus"].get(gold_corpus, {"items": 0})
        if thresholds and not s["items"]:
            failures.append(f"{scope} {split}: no items to measure")
            continue
        failures += [f"{scope} {split}: {k} = {s.get(k)} < {v}" for k, v in thresholds.items()
                     if s.get(k) is None or s[k] < v]
    return failures


def gate_failures(report: dict) -> list[str]:
    """What CI requires, as a list of what is missed: on the seeds, each split's thresholds
    (GATE); on the seeds plus the added documents, the added-document questions' thresholds
    (GATE_ADDED) and no fall of the seed questions beyond SEED_DROP_ALLOWED; crashes anywhere."""
    corpora = _corpora(report)
    failures = []
    if SEEDS in corpora:
        failures += _split_failures(corpora[SEEDS], GATE, SEEDS)
    else:
        failures.append(f"{SEEDS}: not run")
    if SEEDS_DOCS in corpora:
        failures += _split_failures(corpora[SEEDS_DOCS], GATE_ADDED, f"{SEEDS_DOCS} added-document questions", "all")
    else:
        failures.append(f"{SEEDS_DOCS}: not run")
    if {SEEDS, SEEDS_DOCS} <= set(corpora):
        changes = report.get("seed_questions") or seed_question_changes(corpora)
        for split, metrics in GATE.items():
            for k in metrics:
                c = changes[split][k]
                if c[SEEDS] is None and c[SEEDS_DOCS] is None:
                    continue
                allowed = allowed_drop(split, k)
                if c["change"] is None or c["change"] < -allowed:
                    failures.append(f"{SEEDS_DOCS} {split}: seed questions' {k} {c[SEEDS]} -> {c[SEEDS_DOCS]} "
                                    f"(a fall of more than {allowed:g})")
    for name, r in corpora.items():
        if r["summary"]["crashes"]:
            failures.append(f"{name}: {r['summary']['crashes']} questions crashed")
    return failures


def allowed_drop(split: str, metric: str) -> float:
    """How far a seed-question metric may fall from the seeds to the seeds plus the added documents."""
    return round(SEED_DROP_MEASURED.get(split, {}).get(metric, 0.0) + NOISE_MARGIN, 3)


# ---------------------------------------------------------------- reports


def write_report(report: dict, out: Path) -> Path:
    """report.json, report.md and categories.png in `out`, each written whole through a new
    temporary file and a rename, so a link planted in `out` is replaced, never followed."""
    out.mkdir(parents=True, exist_ok=True)
    write_text(out / "report.json", json.dumps(report, ensure_ascii=False, indent=1))
    write_text(out / "report.md", markdown(report))
    write_file(out / "categories.png", lambda fh: _chart(report, fh))
    return out


def _table(rows: dict[str, dict], keys: tuple[str, ...]) -> list[str]:
    lines = ["| | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, agg in rows.items():
        lines.append(f"| {name} | " + " | ".join("–" if agg.get(k) is None else f"{agg[k]:g}" for k in keys) + " |")
    return lines


def _cell(v) -> str:
    return "–" if v is None else f"{v:g}"


def markdown(report: dict) -> str:
    cfg, corpora = report["config"], _corpora(report)
    lines = [f"# Eval: {cfg['name']}", "", f"Configuration: `{json.dumps(cfg)}`", ""]
    for name, r in corpora.items():
        s = r["summary"]
        counts = ", ".join(f"{n}: {t['summary']['items']} run, {t['summary']['skipped']} skipped"
                           for n, t in r["splits"].items())
        added = ", ".join(f"{a['doc']} ({', '.join(f'{k} {v}' for k, v in a['counts'].items())})"
                          for a in r.get("added", []))
        added = f"; added with `Assistant.add_many`: {added}" if added else ""
        docs = r.get("documents", [])
        lines += [f"- **{name}**: {len(docs)} documents ({', '.join(docs)}){added}. "
                  f"{s['items']} gold items run ({counts}), {s['crashes']} crashes, latency p50 "
                  f"{s['latency_ms'].get('p50')} ms, p95 {s['latency_ms'].get('p95')} ms per question"
                  + (f", {r['seconds']} s in all." if "seconds" in r else ".")]
    lines += ["", "## Dev and test on each corpus", "",
              "`dev` items were used to tune word lists and thresholds; `test` items never were.", ""]
    lines += side_by_side(report)
    for name, r in corpora.items():
        for split, tables in r["splits"].items():
            lines += ["", f"## {name}, {split}: by category", ""] + _table(tables["by_category"], METRICS)
            lines += ["", f"## {name}, {split}: by language", ""] + _table(tables["by_language"], METRICS)
    for name, r in corpora.items():
        lines += ["", f"## Threshold sweep ({name}, all items run)", "",
                  "| min_support | answered_rate | abstention_recall |", "|---|---|---|"]
        lines += [f"| {x['min_support']} | {x['answered_rate']} | {x['abstention_recall']} |"
                  for x in r.get("sweep", [])]
    keys = ("recall@5", "fact_recall", "answered", "abstained", "injection_held", "yes_no_explicit",
            "false_premise_rejected")
    for name, r in corpora.items():
        misses = [x for x in r["items"] if any(x.get(k, 1) < 1 for k in keys)]
        if misses:
            lines += ["", f"## Items that missed ({name})", ""]
            lines += [f"- `{x['id']}` ({x['split']}, {x['category']}): "
                      + ", ".join(f"{k}={x[k]:g}" for k in keys if k in x) for x in misses]
    return "\n".join(lines) + "\n"


def side_by_side(report: dict) -> list[str]:
    """One row per metric, one column per corpus and split, with the seeds' gate thresholds beside
    them; then, when both corpora ran, the seed questions on each and the added-document questions."""
    corpora = _corpora(report)
    cols = [(c, s) for c, r in corpora.items() for s in r["splits"]]
    names = [s if len(corpora) == 1 else f"{c} {s}" for c, s in cols]
    gates = list(GATE)
    lines = ["| metric | " + " | ".join(names) + " | " + " | ".join(f"{SEEDS} {n} gate" for n in gates) + " |",
             "|---" * (1 + len(cols) + len(gates)) + "|"]
    for k in ("items", "skipped", "crashes", *METRICS):
        values = [corpora[c]["splits"][s]["summary"].get(k) for c, s in cols]
        lines.append(f"| {k} | " + " | ".join(_cell(v) for v in values) + " | "
                     + " | ".join("" if (g := GATE[n].get(k)) is None else f"≥ {g:g}" for n in gates) + " |")
    if {SEEDS, SEEDS_DOCS} <= set(corpora):
        lines += ["", seed_questions_table_title()] + seed_questions_table(report)
        lines += ["", added_table_title()] + added_table(corpora[SEEDS_DOCS])
    return lines


def seed_questions_table_title() -> str:
    return (f"Seed questions (gold corpus \"both\") on {SEEDS} and on {SEEDS_DOCS}; the gate allows each gated "
            f"metric to fall by at most the amount shown:")


def seed_questions_table(report: dict) -> list[str]:
    changes = report.get("seed_questions") or seed_question_changes(_corpora(report))
    head = [f"{split} {x}" for split in SPLITS for x in (SEEDS, SEEDS_DOCS, "change", "allowed fall")]
    lines = ["| metric | " + " | ".join(head) + " |", "|---" * (1 + len(head)) + "|"]
    for k in ("items", *METRICS):
        cells = []
        for split in SPLITS:
            c = changes[split][k]
            change = "" if c["change"] is None or k == "items" else f"{c['change']:+g}"
            allowed = f"{allowed_drop(split, k):g}" if k in GATE.get(split, {}) else ""
            cells += [_cell(c[SEEDS]), _cell(c[SEEDS_DOCS]), change, allowed]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return lines


def added_table_title() -> str:
    return f"Added-document questions (gold corpus \"all\") on {SEEDS_DOCS}:"


def added_table(report: dict) -> list[str]:
    lines = ["| metric | " + " | ".join(SPLITS) + " | " + " | ".join(f"{s} gate" for s in SPLITS) + " |",
             "|---" * (1 + 2 * len(SPLITS)) + "|"]
    aggs = [report["splits"][s]["by_gold_corpus"].get("all", {}) for s in SPLITS]
    for k in ("items", "crashes", *METRICS):
        gates = [GATE_ADDED.get(s, {}).get(k) for s in SPLITS]
        lines.append(f"| {k} | " + " | ".join(_cell(a.get(k)) for a in aggs) + " | "
                     + " | ".join("" if g is None else f"≥ {g:g}" for g in gates) + " |")
    return lines


def _chart(report: dict, fh: BinaryIO) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    corpora = _corpora(report)
    keys = ("recall@5", "citation_recall", "citation_precision", "fact_recall", "answered_rate", "abstention_recall")
    fig, axes = plt.subplots(len(corpora), 1, figsize=(13, 5 * len(corpora)), squeeze=False)
    width = 0.8 / len(keys)
    for ax, (name, r) in zip(axes[:, 0], corpora.items()):
        cats = list(r["by_category"])
        for i, key in enumerate(keys):
            values = [r["by_category"][c].get(key) or 0 for c in cats]
            ax.bar([x + i * width for x in range(len(cats))], values, width, label=key)
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(cats))], cats, rotation=30, ha="right")
        ax.set_ylim(0, 1.05)
        ax.set_title(f"Gold-set metrics by category on {name} ({report['config']['name']})")
        ax.legend(fontsize=8, ncols=3, loc="lower left")
    fig.tight_layout()
    fig.savefig(fh, format="png", dpi=110)
    plt.close(fig)


def compare(new: dict, old: dict) -> list[str]:
    """Lines saying which metrics got better or worse, overall and per category, on each corpus
    both reports ran (an older one-corpus report counts as the seeds)."""
    lines = []

    def diff(scope: str, a: dict, b: dict) -> None:
        for k in METRICS:
            x, y = b.get(k), a.get(k)
            if x is None or y is None or abs(y - x) < 1e-9:
                continue
            better = y < x if k in LOWER_IS_BETTER else y > x
            lines.append(f"{'better' if better else 'worse '} {scope:22} {k:22} {x:g} -> {y:g}")

    new_corpora, old_corpora = _corpora(new), _corpora(old)
    for name in [n for n in new_corpora if n in old_corpora]:
        n, o = new_corpora[name], old_corpora[name]
        at = "" if name == SEEDS else f"{name} "
        diff(f"{at}overall", n["summary"], o["summary"])
        for split in sorted(set(n.get("splits", {})) & set(o.get("splits", {}))):
            diff(f"{at}{split} overall", n["splits"][split]["summary"], o["splits"][split]["summary"])
        for cat in sorted(set(n["by_category"]) & set(o["by_category"])):
            diff(f"{at}{cat}", n["by_category"][cat], o["by_category"][cat])
        old_ms, new_ms = o["summary"].get("latency_ms", {}), n["summary"].get("latency_ms", {})
        if old_ms and new_ms:
            lines.append(f"{at}latency p50 {old_ms['p50']} -> {new_ms['p50']} ms, "
                         f"p95 {old_ms['p95']} -> {new_ms['p95']} ms")
    return lines or ["no metric changed"]


def compare_configs(names: list[str], **overrides) -> tuple[list[dict], str]:
    """Run several configurations; a Markdown table of their overall metrics on the seeds."""
    reports = [run_eval(name, **overrides) for name in names]
    keys = ("recall@1", "recall@5", "mrr", "citation_recall", "citation_precision", "fact_recall",
            "answered_rate", "abstention_recall")
    rows = {r["config"]["name"]: {**r["summary"], "p50 ms": r["summary"]["latency_ms"].get("p50")} for r in reports}
    return reports, "\n".join(_table(rows, (*keys, "p50 ms"))) + "\n"
