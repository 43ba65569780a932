"""Comparing resolutions paragraph by paragraph, and cited briefing notes."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from assistant import Answer
from assistant.compare import as_markdown, as_text
from assistant.grounding import unsupported

# Written from the texts: 79/62 paragraph -> its counterpart in 80/57 (None: dropped). PP 9 (Human
# Rights Council resolution 51/22) now sits inside 80/57 PP 8, beside what 79/62 PP 8 became.
EXPECTED = {
    ("PP", 1): ("PP", 1), ("PP", 2): ("PP", 2), ("PP", 3): ("PP", 3), ("PP", 4): ("PP", 4),
    ("PP", 5): ("PP", 5), ("PP", 6): ("PP", 6), ("PP", 7): ("PP", 7), ("PP", 8): ("PP", 8),
    ("PP", 9): ("PP", 8), ("PP", 10): None, ("PP", 11): ("PP", 9), ("PP", 12): None,
    ("PP", 13): ("PP", 10), ("PP", 14): ("PP", 11), ("PP", 15): ("PP", 12), ("PP", 16): ("PP", 13),
    ("OP", 1): None, ("OP", 2): None, ("OP", 3): ("OP", 2), ("OP", 4): ("OP", 3), ("OP", 5): None,
    ("OP", 6): ("OP", 1), ("OP", 7): None, ("OP", 8): None, ("OP", 9): None, ("OP", 10): None,
    ("OP", 11): None, ("OP", 12): ("OP", 4),
}
UNCHANGED = {("PP", 3), ("PP", 5), ("PP", 6), ("PP", 14)}


@pytest.fixture(scope="module")
def comparison(assistant):
    return assistant.compare("A/RES/79/62", "A/RES/80/57")


def change_of(comparison, part, number):
    return next(c for c in comparison.changes if c.old and (c.old.part, c.old.number) == (part, number))


def test_alignment_matches_the_hand_made_table(comparison):
    got = {(c.old.part, c.old.number): (c.new.part, c.new.number) if c.new else None for c in comparison.changes if c.old}
    assert got == EXPECTED
    assert [c for c in comparison.changes if c.status == "added"] == []  # every 80/57 paragraph has a source
    assert {(c.old.part, c.old.number) for c in comparison.changes if c.status == "unchanged"} == UNCHANGED
    assert comparison.counts() == {"unchanged": 4, "reworded": 13, "merged": 1, "split": 0, "added": 0, "dropped": 10}
    assert change_of(comparison, "PP", 9).status == "merged"


def test_the_three_named_changes_are_found(comparison):
    pp2 = change_of(comparison, "PP", 2)
    assert pp2.status == "reworded" and any("international criminal" in d for d in pp2.deleted)
    pp4 = change_of(comparison, "PP", 4)
    assert any("global security" in d for d in pp4.deleted) and any("international peace" in i for i in pp4.inserted)
    assert any("regional and international stability" in d for d in pp4.deleted)
    pp13 = change_of(comparison, "PP", 13)
    assert (pp13.new.part, pp13.new.number) == ("PP", 10)
    assert "urgently conclude" in pp13.deleted and "commence" in pp13.inserted


def test_renderings_carry_both_citations(comparison):
    text = as_text(comparison)
    assert "REWORDED  A/RES/79/62 PP 13 -> A/RES/80/57 PP 10" in text and "[-urgently conclude-] {+commence+}" in text
    md = as_markdown(comparison)
    assert "## Reworded: [A/RES/79/62 PP 13] → [A/RES/80/57 PP 10]" in md and "~~urgently conclude~~ **commence**" in md
    data = json.loads(json.dumps(comparison.to_dict()))
    for item in data["changes"]:
        assert item["old"] or item["new"]
        if item["status"] in ("reworded", "unchanged"):
            assert item["old"]["label"] and item["new"]["label"]


def test_change_questions_are_answered_from_the_alignment(assistant):
    answer = assistant.ask("What changed between 79/62 and 80/57 about the Secretary-General's calls?")
    assert [c.label for c in answer.citations] == ["A/RES/79/62 PP 13", "A/RES/80/57 PP 10"]
    assert "“urgently conclude” became “commence”" in answer.answer
    assert unsupported(answer) == []
    kept = assistant.ask("Did 80/57 keep international criminal law?")
    assert {c.label for c in kept.citations} == {"A/RES/79/62 PP 2", "A/RES/80/57 PP 2"}
    assert "“and international criminal law” was dropped" in kept.answer  # one phrase, not "[-law and ...-] law"
    dropped = assistant.ask("Did 80/57 keep the paragraph on the New Agenda for Peace?")
    assert dropped.citations[0].label == "A/RES/79/62 PP 12" and "has no corresponding paragraph" in dropped.answer
    same = assistant.ask("Is the paragraph on the role of humans in the use of force the same in both resolutions?")
    assert "The paragraph is the same in both resolutions." in same.answer and unsupported(same) == []


def test_comparing_something_that_is_not_a_resolution_is_refused(assistant):
    from assistant import QuestionError

    with pytest.raises(QuestionError, match="not a resolution"):
        assistant.compare("A/RES/79/62", "NEWS/2024-07-09")
    with pytest.raises(QuestionError, match="unknown document"):
        assistant.compare("A/RES/79/62", "A/RES/1/1")


@pytest.mark.parametrize("topic", ["role of the Group of Governmental Experts", "capacity-building and developing countries",
                                   "human control over the use of force"])
def test_brief_cites_only_paragraphs_that_support_its_points(assistant, topic):
    note = assistant.brief(topic)
    assert not note.empty and 2 <= len(note.points) <= 4
    for point in note.points:
        assert unsupported(Answer(topic, point.text, False, "en", point.citations, [])) == []
    cited = {c.label for p in note.points for c in p.citations}
    listed = {c.label for paras in note.paragraphs.values() for c in paras}
    assert cited <= listed
    for doc, paras in note.paragraphs.items():
        assert all(c.doc == doc for c in paras)
        order = [c.label for c in assistant.paragraphs_of(doc, paras[0].lang)]
        assert [c.label for c in paras] == sorted((c.label for c in paras), key=order.index)
    assert {s["doc"] for s in note.sources} == set(note.paragraphs)


def test_brief_on_the_group_of_governmental_experts(assistant):
    note = assistant.brief("role of the Group of Governmental Experts")
    assert {"A/RES/79/62", "A/RES/80/57"} <= set(note.paragraphs)
    assert all("Group of Governmental Experts" in c.text or "Group" in c.text for p in note.paragraphs.values() for c in p)
    assert any(ch.status == "reworded" and ch.old.label == "A/RES/79/62 OP 4" for ch in note.evolution)
    md = note.to_markdown()
    assert md.startswith("# Briefing note: role of the Group of Governmental Experts")
    assert "## How the language evolved" in md and "## Sources" in md and "Lethal autonomous weapons systems (2 December 2024)" in md


def test_brief_on_an_absent_topic_says_so(assistant):
    note = assistant.brief("football transfer rules")
    assert note.empty and note.points == [] and note.paragraphs == {}
    assert "The indexed texts say nothing on 'football transfer rules'." in note.to_markdown()
    assert note.to_dict()["empty"] is True


def test_brief_docx_opens_in_libreoffice(assistant, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are not installed (setup.sh installs them where apt is available)")
    path = assistant.brief("capacity-building and developing countries").to_docx(tmp_path / "note.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / "note.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())  # lines wrap in the PDF
    assert "Briefing note: capacity-building and developing countries" in text
    assert "A/RES/80/57 PP 13" in text and "How the language evolved" in text and "Sources" in text


def test_cli_compare_and_brief(unres, tmp_path):
    r = unres("compare", "A/RES/79/62", "A/RES/80/57")
    assert r.returncode == 0 and "[-urgently conclude-] {+commence+}" in r.stdout.decode()
    data = json.loads(unres("compare", "79/62", "80/57", "--format", "json").stdout)
    assert data["counts"]["dropped"] == 10 and data["counts"]["merged"] == 1
    out = tmp_path / "note.md"
    r = unres("brief", "capacity-building and developing countries", "--out", str(out))
    assert r.returncode == 0 and out.read_text().startswith("# Briefing note:")
    assert not list(tmp_path.glob(".*.tmp"))
    r = unres("brief", "anything", "--format", "docx")
    assert r.returncode == 2 and "needs --out" in r.stderr.decode()
    data = json.loads(unres("brief", "football", "--format", "json").stdout)
    assert data["empty"] is True
    r = unres("brief", "capacity-building", "--format", "docx", "--out", str(tmp_path / "n.docx"))
    assert r.returncode == 0 and (tmp_path / "n.docx").read_bytes()[:2] == b"PK"


def test_brief_keeps_to_the_topic_and_states_identical_provisions_once(assistant):
    note = assistant.brief("human role in the use of force")
    labels = [[c.label for c in p.citations] for p in note.points]
    assert ["A/RES/79/62 PP 14", "A/RES/80/57 PP 11"] in labels  # one point citing both, oldest first
    assert labels[0] == ["A/RES/79/62 PP 14", "A/RES/80/57 PP 11"]  # about the topic before mentioning it
    assert "NEWS/2024-07-09" not in note.paragraphs  # "join forces" matches a word, not the topic
    assert all(unsupported(Answer("t", p.text, False, "en", p.citations, [])) == [] for p in note.points)
    assert [p["citations"][0]["label"] for p in note.to_dict()["points"]][0] == "A/RES/79/62 PP 14"


def test_brief_evolution_follows_the_series_in_order(assistant):
    assert assistant.series("79/62") == ["A/RES/79/62", "A/RES/80/57"]
    note = assistant.brief("Human Rights Council resolution")
    merged = [ch for ch in note.evolution if ch.status == "merged"]
    assert [(ch.old.label, ch.new.label) for ch in merged] == [("A/RES/79/62 PP 9", "A/RES/80/57 PP 8")]
    assert "A/RES/79/62 PP 9 → merged into A/RES/80/57 PP 8:" in note.to_markdown()


def test_cli_show_lists_links_both_ways(unres):
    r = unres("show", "A/RES/79/62 PP 1")
    out = r.stdout.decode()
    assert r.returncode == 0 and "Cites:\n  [A/RES/79/62 PP 1] -> A/RES/78/241 (not indexed): its resolution 78/241" in out
    data = json.loads(unres("show", "79/62", "--json").stdout)
    assert data["series"] == ["A/RES/79/62", "A/RES/80/57"]
    assert {(c["from"], c["indexed"]) for c in data["cited_by"]} == {("A/RES/80/57 PP 1", True), ("A/RES/80/57 PP 12", True)}
    assert {c["to"] for c in data["cites"]} == {"A/RES/78/241", "A/HRC/RES/51/22"}
    pp8 = json.loads(unres("show", "80/57 PP 8", "--json").stdout)
    assert [c["to"] for c in pp8["cites"]] == ["A/RES/79/239", "A/HRC/RES/51/22"] and pp8["paragraph"]["label"]
    r = unres("show", "A/RES/1/1")
    assert r.returncode == 2 and "unknown document" in r.stderr.decode()
