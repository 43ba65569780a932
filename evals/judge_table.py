"""Score the support judges on the hand-made adversarial pairs: `python -m evals.judge_table`
(`-v` also lists the pairs the new judge gets wrong).

Each pair (tests/data/judge_pairs.jsonl) is a sentence, the paragraphs it cites (read from the
store, so the texts are the real seed paragraphs) and whether they support it. The earlier
judge is the one at OLD_JUDGE_COMMIT, graded as the evaluation used it: the answer code's
framing removed first (`assistant.grounding.claims` as it was then).
"""
from __future__ import annotations

import json
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

from .support import Similarity, supports

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "judge_pairs.jsonl"
OLD_JUDGE_COMMIT = "0cb7359"  # the last commit whose evals/support.py shared the answer code's tokenizer

Judge = Callable[[str, dict[str, str]], bool]


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def new_judge(similarity: Similarity) -> Judge:
    return lambda sentence, cited: supports(sentence, cited, similarity)


def _module_at(commit: str, path: str, name: str, package: str) -> types.ModuleType:
    """A module as it was at `commit`, its relative imports resolved in today's `package`."""
    root = Path(__file__).resolve().parents[1]
    source = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=root, capture_output=True, text=True, check=True).stdout
    module = types.ModuleType(name)
    module.__package__ = package
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)
    return module


def old_judge(similarity: Similarity) -> Judge:
    """The earlier judge; needs the answer code (`assistant.text`) it used to share."""
    support = _module_at(OLD_JUDGE_COMMIT, "evals/support.py", "old_support", "evals")
    grounding = _module_at(OLD_JUDGE_COMMIT, "assistant/grounding.py", "old_grounding", "assistant")

    def judge(sentence: str, cited: dict[str, str]) -> bool:
        answer = sentence + " " + " ".join(f"[{label}]" for label in cited)
        claims = grounding.claims(answer)
        return all(support.supports(claim, [cited[lab] for lab in labels if lab in cited], similarity)
                   for claim, labels in claims)

    return judge


def score(pairs: list[dict], texts: Callable[[str], str], judges: dict[str, Judge]) -> dict[str, dict[str, list[bool]]]:
    """Per judge, per kind of pair: whether each verdict was right."""
    out: dict[str, dict[str, list[bool]]] = {name: {} for name in judges}
    for p in pairs:
        cited = {label: texts(label) for label in p["cited"]}
        for name, judge in judges.items():
            out[name].setdefault(p["kind"], []).append(judge(p["sentence"], cited) == p["supported"])
    return out


def table(results: dict[str, dict[str, list[bool]]]) -> str:
    names = list(results)
    kinds = sorted({k for r in results.values() for k in r}, key=lambda k: (k == "control", k))
    lines = ["| pairs | n | " + " | ".join(f"{n} judge" for n in names) + " |", "|---|---|" + "---|" * len(names)]
    for kind in kinds:
        n = len(results[names[0]][kind])
        lines.append(f"| {kind} | {n} | " + " | ".join(f"{sum(results[x][kind])}/{n}" for x in names) + " |")
    total = sum(len(v) for v in results[names[0]].values())
    right = {x: sum(sum(v) for v in results[x].values()) for x in names}
    lines.append(f"| **all** | {total} | " + " | ".join(f"**{right[x]}/{total} = {right[x] / total:.2f}**" for x in names) + " |")
    return "\n".join(lines)


def main() -> None:
    from assistant import Assistant

    assistant = Assistant()
    pairs = load_pairs()
    results = score(pairs, lambda label: assistant.paragraph(label).text,
                    {"old": old_judge(assistant.similarity), "new": new_judge(assistant.similarity)})
    print(table(results))
    if "-v" in sys.argv[1:]:
        judge = new_judge(assistant.similarity)
        for p in pairs:
            cited = {label: assistant.paragraph(label).text for label in p["cited"]}
            if judge(p["sentence"], cited) != p["supported"]:
                print(f"new judge wrong on {p['id']}")


if __name__ == "__main__":
    main()
