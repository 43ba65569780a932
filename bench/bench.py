"""Speed of the grounded Q&A core on this machine, against stock llama-index in the same run.

Prints, and writes to bench/results/core.json:
  - index build time (a fresh store in a temporary folder)
  - cold `unres ask` wall time (a new process each time), median of 3
  - warm `Assistant.ask` p50/p95 over the gold questions
  - the same questions through a stock llama-index retriever (VectorStoreIndex over the same
    Chroma collection and embedding model, default dense retriever) as the baseline, and ratios

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


def questions() -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "evals" / "gold.jsonl").read_text().splitlines() if line.strip()]
    return [turn for row in rows for turn in row["turns"][:1]]


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


def main() -> None:
    from assistant import Assistant

    qs = questions()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        assistant = Assistant(store_dir=tmp)
        build_s = time.perf_counter() - t

        env = {**os.environ, "UNRES_STORE_DIR": tmp}
        unres = Path(sys.executable).with_name("unres")
        cold = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([str(unres), "ask", qs[0]], env=env, capture_output=True, check=True)
            cold.append(time.perf_counter() - t)

        for q in qs:  # warm every code path once
            assistant.ask(q)
        ours = timed(assistant.ask, qs)

        from llama_index.core import VectorStoreIndex

        index = VectorStoreIndex.from_vector_store(assistant.store.vector_store(), embed_model=assistant.store.embed_model)
        retriever = index.as_retriever(similarity_top_k=5)
        for q in qs:
            retriever.retrieve(q)
        stock = timed(retriever.retrieve, qs)

    result = {
        "questions": len(qs),
        "index_build_s": round(build_s, 2),
        "cold_unres_ask_s": round(statistics.median(cold), 2),
        "warm_ask_ms": {"p50": round(percentile(ours, 0.5), 1), "p95": round(percentile(ours, 0.95), 1)},
        "stock_llama_index_retrieve_ms": {"p50": round(percentile(stock, 0.5), 1), "p95": round(percentile(stock, 0.95), 1)},
    }
    result["ratio_p50_ours_over_stock"] = round(result["warm_ask_ms"]["p50"] / result["stock_llama_index_retrieve_ms"]["p50"], 2)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "core.json").write_text(json.dumps(result, indent=1))
    print(f"index build          {result['index_build_s']:.2f} s")
    print(f"cold `unres ask`     {result['cold_unres_ask_s']:.2f} s (median of 3)")
    print(f"warm ask             p50 {result['warm_ask_ms']['p50']} ms, p95 {result['warm_ask_ms']['p95']} ms over {len(qs)} questions x3")
    print(f"stock llama-index    p50 {result['stock_llama_index_retrieve_ms']['p50']} ms, p95 {result['stock_llama_index_retrieve_ms']['p95']} ms (dense retrieve only)")
    print(f"ratio ours/stock p50 {result['ratio_p50_ours_over_stock']}x (ours also does lexical search, fusion and composes the answer)")


if __name__ == "__main__":
    main()
