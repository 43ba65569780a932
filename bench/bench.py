"""Speed of the question path on this machine, against stock llama-index in the same run.

The baseline is built from stock llama-index parts: a `VectorStoreIndex` over the same
Chroma collection and the same embedding model (through llama-index's `BaseEmbedding`),
with its default retriever (dense top-5, no lexical side, no fusion, no answer composed).

Prints, and writes bench/results/core.json and core.png:
  - index build time (a fresh store in a temporary folder)
  - cold `unres ask` wall time (a new process each time, median of 3) and where the time
    goes (imports, store open, model load, answering), and the same for a cold stock query
  - warm query p50/p95 over the gold questions, ours and stock, and their ratio
  - peak memory of a cold process, ours and stock
  - recall@5 of the gold paragraphs, ours and stock (speed must not cost accuracy)

Run: .venv/bin/python bench/bench.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "results"

# Run in a fresh interpreter: each phase of a cold question, timed.
# ru_maxrss would include the parent's memory inherited across fork; VmHWM starts at exec.
PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
"""
COLD_OURS = PEAK + """
import json, sys, threading, time
t0 = time.perf_counter()
import assistant.cli
from assistant import Assistant
t1 = time.perf_counter()
a = Assistant()
t2 = time.perf_counter()
a.store.encoder.load()  # started in the background while the store opened; wait for it
t3 = time.perf_counter()
a.ask(sys.argv[1])
t4 = time.perf_counter()
mods = [m for m in ("llama_index.core", "gradio", "sentence_transformers", "torch") if m in sys.modules]
print(json.dumps({"imports": t1 - t0, "store_open": t2 - t1, "model_load_wait": t3 - t2, "answer": t4 - t3,
                  "peak_mb": peak_mb(), "heavy_modules": mods}))
"""
COLD_STOCK = PEAK + """
import json, sys, time
t0 = time.perf_counter()
from llama_index.core import VectorStoreIndex
from index import make_encoder, open_store
from index.embeddings import EncoderEmbedding
from assistant import Settings
t1 = time.perf_counter()
s = Settings.load()
store = open_store(s.store_dir, s.seeds_dir, make_encoder(s.embedding))
retriever = VectorStoreIndex.from_vector_store(store.vector_store(), embed_model=EncoderEmbedding(store.encoder)).as_retriever(similarity_top_k=5)
t2 = time.perf_counter()
store.encoder.load()
t3 = time.perf_counter()
retriever.retrieve(sys.argv[1])
t4 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "store_open": t2 - t1, "model_load_wait": t3 - t2, "answer": t4 - t3,
                  "peak_mb": peak_mb()}))
"""


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def timed(fn, items, repeat: int = 3) -> list[float]:
    out = []
    for _ in range(repeat):
        for item in items:
            t = time.perf_counter()
            fn(item)
            out.append((time.perf_counter() - t) * 1000)
    return out


def cold(script: str, question: str, env: dict) -> dict:
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", script, question], env=env, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row["wall"] = time.perf_counter() - t
        runs.append(row)
    best = sorted(runs, key=lambda r: r["wall"])[1]  # the median run
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in best.items()}


def recall_at_5(contexts_of, items) -> float:
    hits = [bool(set(contexts_of(i.question)[:5]) & g) for i in items for g in i.groups[:1]]
    return round(sum(hits) / len(hits), 3)


def main() -> None:
    from llama_index.core import VectorStoreIndex

    from assistant import Assistant
    from evals import load_gold
    from index.embeddings import EncoderEmbedding

    gold = [i for i in load_gold() if i.answerable and len(i.turns) == 1]
    qs = [i.question for i in gold]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ours = Assistant(store_dir=tmp)
        build_s = time.perf_counter() - t

        env = {**os.environ, "UNRES_STORE_DIR": tmp, "PYTHONPATH": str(ROOT)}
        wall = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([str(Path(sys.executable).with_name("unres")), "ask", qs[0]], env=env, capture_output=True, check=True)
            wall.append(time.perf_counter() - t)
        cold_ours, cold_stock = cold(COLD_OURS, qs[0], env), cold(COLD_STOCK, qs[0], env)

        stock = VectorStoreIndex.from_vector_store(ours.store.vector_store(), embed_model=EncoderEmbedding(ours.store.encoder))
        retriever = stock.as_retriever(similarity_top_k=5)
        for q in qs:  # warm every code path once
            ours.ask(q)
            retriever.retrieve(q)
        ours_ms, stock_ms = timed(ours.ask, qs), timed(retriever.retrieve, qs)

        def stock_contexts(q):
            return [(n.node.metadata["doc"], n.node.metadata["part"], None if n.node.metadata["number"] < 0
                     else n.node.metadata["number"]) for n in retriever.retrieve(q)]

        def our_contexts(q):
            return [(c.doc, c.part, c.number) for c in ours.ask(q).contexts]

        accuracy = {"ours_recall@5": recall_at_5(our_contexts, gold), "stock_recall@5": recall_at_5(stock_contexts, gold)}

    result = {
        "questions": len(qs),
        "index_build_s": round(build_s, 2),
        "cold_unres_ask_s": round(statistics.median(wall), 2),
        "cold_breakdown_s": {"ours": cold_ours, "stock": cold_stock},
        "warm_ms": {"ours": {"p50": round(percentile(ours_ms, 0.5), 1), "p95": round(percentile(ours_ms, 0.95), 1)},
                    "stock": {"p50": round(percentile(stock_ms, 0.5), 1), "p95": round(percentile(stock_ms, 0.95), 1)}},
        "accuracy": accuracy,
    }
    w = result["warm_ms"]
    result["ratios_ours_over_stock"] = {
        "warm_p50": round(w["ours"]["p50"] / w["stock"]["p50"], 2),
        "warm_p95": round(w["ours"]["p95"] / w["stock"]["p95"], 2),
        "cold_wall": round(cold_ours["wall"] / cold_stock["wall"], 2),
        "peak_memory": round(cold_ours["peak_mb"] / cold_stock["peak_mb"], 2),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "core.json").write_text(json.dumps(result, indent=1))
    _plot(result, OUT / "core.png")
    r = result["ratios_ours_over_stock"]
    print(f"index build            {result['index_build_s']:.2f} s")
    print(f"cold `unres ask`       {result['cold_unres_ask_s']:.2f} s wall (median of 3)")
    for name, row in result["cold_breakdown_s"].items():
        print(f"  cold {name:5}         imports {row['imports']:.2f} s, store open {row['store_open']:.2f} s, "
              f"model load (waited) {row['model_load_wait']:.2f} s, answer {row['answer']:.3f} s, "
              f"peak {row['peak_mb']:.0f} MB")
    print(f"  heavy modules on the question path: {cold_ours.get('heavy_modules') or 'none'}")
    print(f"warm ours              p50 {w['ours']['p50']} ms, p95 {w['ours']['p95']} ms ({len(qs)} questions x3)")
    print(f"warm stock llama-index p50 {w['stock']['p50']} ms, p95 {w['stock']['p95']} ms (dense retrieval only)")
    print(f"ratios ours/stock      warm p50 {r['warm_p50']}x, p95 {r['warm_p95']}x, cold {r['cold_wall']}x, "
          f"peak memory {r['peak_memory']}x")
    print(f"recall@5 on the gold   ours {accuracy['ours_recall@5']}, stock {accuracy['stock_recall@5']}")


def _plot(result: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    w = result["warm_ms"]
    labels = ["p50", "p95"]
    left.bar([0, 1], [w["ours"][k] for k in labels], 0.35, label="ours (hybrid + answer)")
    left.bar([0.35, 1.35], [w["stock"][k] for k in labels], 0.35, label="stock llama-index (dense)")
    left.set_xticks([0.175, 1.175], labels)
    left.set_ylabel("warm query, ms")
    left.legend(fontsize=8)
    phases = ["imports", "store_open", "model_load_wait", "answer"]
    bottom = [0.0, 0.0]
    for phase in phases:
        values = [result["cold_breakdown_s"][n][phase] for n in ("ours", "stock")]
        right.bar(["ours", "stock"], values, bottom=bottom, label=phase)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    right.set_ylabel("cold question, s")
    right.legend(fontsize=8)
    fig.suptitle("Question speed on this machine")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main()
