"""Comparing resolutions of one series: phrase-level word diffs, merges and splits (no store).

79/62 and 80/57 come from the seeds; 78/241 is a hand-made paragraph list from
/work/shared/docs/A_RES_78_241-EN.md (tests/data), as a correct reading of that file gives it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer import Citation
from assistant.compare import Comparison, align, as_markdown, as_text, continuation, word_diff
from index import Paragraph, load_corpus

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def texts() -> dict[str, list[Citation]]:
    order = {"META": 0, "PP": 1, "OP": 2, "FN": 3}
    paras = [p for p in load_corpus(ROOT / "seeds").paragraphs if p.lang == "en" and p.part in order]
    data = json.loads((ROOT / "tests/data/A_RES_78_241.paragraphs.json").read_text(encoding="utf-8"))
    paras += [Paragraph.from_dict(d) for d in data["paragraphs"]]
    by_doc: dict[str, list[Citation]] = {}
    for p in sorted(paras, key=lambda p: (order[p.part], p.number or 0)):
        by_doc.setdefault(p.doc, []).append(Citation.of(p))
    return by_doc


def text_of(texts, label: str) -> str:
    return next(c.text for cs in texts.values() for c in cs if c.label == label)


def compare(texts, old: str, new: str) -> Comparison:
    return Comparison(old, new, align(texts[old], texts[new]))


def change_of(comparison, label):
    return next(c for c in comparison.changes if c.old and c.old.label == label)


def test_the_hand_made_78_241_has_the_counts_of_sources_md(texts):
    parts = [c.part for c in texts["A/RES/78/241"]]
    assert (parts.count("PP"), parts.count("OP"), parts.count("FN")) == (9, 4, 2)


def test_a_dropped_phrase_is_one_deletion(texts):
    diff = word_diff(text_of(texts, "A/RES/79/62 PP 2"), text_of(texts, "A/RES/80/57 PP 2"))
    assert ("delete", "and international criminal law") in diff
    assert not any("law and international criminal" in words and op == "delete" for op, words in diff)
    assert [op for op, _ in diff] == ["equal", "delete", "insert", "equal", "delete", "equal"]


@pytest.mark.parametrize(("old", "new", "gone", "came"), [
    ("A/RES/79/62 PP 4", "A/RES/80/57 PP 4", "global security and regional and international stability", "international peace and security"),
    ("A/RES/79/62 PP 13", "A/RES/80/57 PP 10", "urgently conclude", "commence"),
    ("A/RES/79/62 OP 12", "A/RES/80/57 OP 4", "eightieth", "eighty-first"),
    ("A/RES/79/62 PP 7", "A/RES/80/57 PP 7", "in this regard underlining the significant", "appreciating the substantial"),
    ("A/RES/78/241 PP 1", "A/RES/79/62 PP 2", "in particular", "including"),
    ("A/RES/78/241 OP 4", "A/RES/79/62 OP 12", "seventy-ninth", "eightieth"),
    ("A/RES/78/241 PP 4", "A/RES/79/62 PP 4", "conflict", "and escalation of conflicts"),
])
def test_known_rewordings_read_as_phrases(texts, old, new, gone, came):
    diff = word_diff(text_of(texts, old), text_of(texts, new))
    i = diff.index(("delete", gone))
    assert diff[i + 1] == ("insert", came)


@pytest.mark.parametrize(("old", "new", "added"), [
    ("A/RES/78/241 PP 3", "A/RES/79/62 PP 3", "and emerging"),
    ("A/RES/78/241 PP 4", "A/RES/79/62 PP 4", ", of exacerbating existing conflicts and humanitarian crises, miscalculations"),
    ("A/RES/79/62 PP 7", "A/RES/80/57 PP 7", "growing"),
])
def test_known_insertions(texts, old, new, added):
    assert ("insert", added) in word_diff(text_of(texts, old), text_of(texts, new))


def test_an_unchanged_text_has_one_equal_span_and_a_changed_one_rebuilds_both_sides(texts):
    a, b = text_of(texts, "A/RES/79/62 PP 16"), text_of(texts, "A/RES/80/57 PP 13")
    assert word_diff(a, a) == [("equal", a)]
    diff = word_diff(a, b)
    old = " ".join(w for op, w in diff if op != "insert")
    new = " ".join(w for op, w in diff if op != "delete")
    squeeze = lambda t: "".join(t.replace("’", "'").split())  # noqa: E731 - spacing aside, every character kept
    assert squeeze(old) == squeeze(a) and squeeze(new) == squeeze(b)


def test_a_paragraph_merged_into_part_of_another(texts):
    c = compare(texts, "A/RES/79/62", "A/RES/80/57")
    merged = change_of(c, "A/RES/79/62 PP 9")
    assert merged.status == "merged" and merged.new.label == "A/RES/80/57 PP 8"
    assert merged.span.endswith("Human Rights Council resolution 51/22 of 7 October 2022")
    assert ("equal", "Human Rights Council resolution 51/22 of 7 October 2022") in merged.diff
    assert change_of(c, "A/RES/79/62 PP 8").new.label == "A/RES/80/57 PP 8"  # PP 8 keeps its own pair
    assert "MERGED    A/RES/79/62 PP 9 -> merged into A/RES/80/57 PP 8" in as_text(c)
    assert "## Merged: [A/RES/79/62 PP 9] -> merged into [A/RES/80/57 PP 8]" in as_markdown(c)
    data = c.to_dict()
    assert data["counts"]["merged"] == 1 and {"status", "old", "new", "similarity", "diff", "span"} <= set(data["changes"][0])


def test_a_paragraph_split_from_part_of_another():
    def para(doc, number, text):
        return Citation.of(Paragraph(doc, "en", "OP", number, text))

    old = [para("A/RES/1/1", 1, "Decides to convene open informal consultations in 2025 in New York for two days, and to "
                               "invite the Chair of the Group to brief them, and requests the Secretary-General to facilitate them;")]
    new = [para("A/RES/2/1", 1, "Decides to convene open informal consultations in 2026 in New York for two days, and to "
                               "invite the Chair of the Group to brief them;"),
           para("A/RES/2/1", 2, "Requests the Secretary-General to facilitate them;")]
    changes = align(old, new)
    assert [(ch.status, ch.new.label) for ch in changes] == [("reworded", "A/RES/2/1 OP 1"), ("split", "A/RES/2/1 OP 2")]
    assert changes[1].span == "requests the Secretary-General to facilitate them"
    assert changes[1].diff == [("delete", "requests"), ("insert", "Requests"), ("equal", "the Secretary-General to facilitate them"),
                               ("insert", ";")]
    assert "SPLIT     A/RES/2/1 OP 2 <- split from A/RES/1/1 OP 1" in as_text(Comparison("A/RES/1/1", "A/RES/2/1", changes))


def test_continuation_ignores_words_the_counterpart_accounts_for():
    whole = "Mindful of artificial intelligence in the military domain, and taking note of resolution 51/22 of 7 October 2022,"
    part = "Noting resolution 51/22 of 7 October 2022 on technologies in the military domain,"
    share, where = continuation(part, whole, taken=set(range(0, 10)))  # "Mindful ... domain," is taken
    assert 0.4 < share < 0.6 and where.start >= 10


def test_78_241_to_79_62_pairs_that_a_reader_agrees_with(texts):
    c = compare(texts, "A/RES/78/241", "A/RES/79/62")
    pairs = {ch.old.label: (ch.status, ch.new.label if ch.new else None) for ch in c.changes if ch.old}
    assert pairs["A/RES/78/241 PP 1"] == ("reworded", "A/RES/79/62 PP 2")
    assert pairs["A/RES/78/241 PP 2"] == ("unchanged", "A/RES/79/62 PP 5")
    assert pairs["A/RES/78/241 PP 6"] == ("unchanged", "A/RES/79/62 PP 9")
    assert pairs["A/RES/78/241 PP 8"] == ("unchanged", "A/RES/79/62 PP 11")
    assert pairs["A/RES/78/241 OP 2"] == ("reworded", "A/RES/79/62 OP 1")
    assert pairs["A/RES/78/241 OP 4"] == ("reworded", "A/RES/79/62 OP 12")
    assert {ch.new.label for ch in c.changes if ch.status == "added"} >= {"A/RES/79/62 PP 1", "A/RES/79/62 PP 14"}


def test_a_change_taken_for_granted_that_did_not_happen_is_answered_no(assistant):
    answer = assistant.ask("Why did the 2025 resolution drop the language on the role of humans in the use of force?")
    assert answer.answer.startswith("No. [A/RES/79/62 PP 14] [A/RES/80/57 PP 11]")
    dropped = assistant.ask("Why did 80/57 drop international criminal law?")  # it did: the change, no "No"
    assert not dropped.answer.startswith("No") and "international criminal law" in dropped.answer


def test_keep_and_drop_are_read_of_what_the_question_names_not_of_its_words_for_the_change(assistant):
    assert assistant.ask("Did 80/57 drop the reference to international criminal law?").answer.startswith("Yes.")
    assert assistant.ask("Did 80/57 keep international criminal law?").answer.startswith("No.")
