"""Stage 3, evidence: the spans of a paragraph that answer, how they are quoted, and the fact
they hold. Pure: hand-made paragraph records and a matcher over their IDF, no store."""
from __future__ import annotations

import pytest
from handmade import AGENDA80, META79, OP4, OP4_ZH, OP9, OP9_ZH, OP10, PP10, R79, matcher

from assistant.evidence import FACT_PATTERNS, Evidence, fact_in, select
from index import OP, Paragraph

LIST = Paragraph(R79, "en", OP, 1, "Recalls its resolution 78/241, welcomes the report of the Secretary-General, "
                                   "and decides to remain seized of the matter;")
LIST_ZH = Paragraph(R79, "zh", OP, 1, "回顾其第78/241号决议，欣见秘书长的报告，并决定继续处理此事项；")


def whole(p: Paragraph) -> Evidence:
    return Evidence(p, ((0, len(p.text)),))


def span_of(p: Paragraph, words: str) -> tuple[int, int]:
    start = p.text.index(words)
    return start, start + len(words)


def texts(ev: Evidence) -> list[str]:
    return [ev.paragraph.text[a:b] for a, b in ev.spans]


# ---------------------------------------------------------------- select


def test_the_clause_with_the_fact_asked_for_is_kept_with_the_opening_clause():
    ev = select(OP4, matcher("By when should the GGE fulfil its mandate?"), "when")
    kept = texts(ev)
    assert kept[0].startswith("Calls upon the Group of Governmental Experts to fulfil its mandate")
    assert any("preferably by the end of 2025" in k for k in kept)
    assert not any("spare no effort" in k for k in kept)  # the closing clause is not asked about


def test_one_item_of_a_long_list_is_quoted_alone_the_rest_marked():
    ev = select(OP9, matcher("Does the International Committee of the Red Cross participate?"), None)
    assert ev.quote() == ("Decides that the open informal consultations should be convened in New York for a "
                          "duration of two days in 2025 … the International Committee of the Red Cross and civil "
                          "society …")
    assert "scientific community" not in ev.quote() and "Member States" not in ev.quote()


def test_a_short_paragraph_is_quoted_whole():
    ev = select(OP10, matcher("What does the Secretary-General facilitate?"), None)
    assert ev.spans == ((0, len(OP10.text)),)
    assert ev.quote() == OP10.text.rstrip(";")


def test_every_span_is_the_paragraphs_own_text():
    for p, q, asks in [(OP4, "By when should the GGE fulfil its mandate?", "when"),
                       (OP9, "Are regional organizations invited?", None),
                       (PP10, "When did Sierra Leone host a conference?", "when")]:
        ev = select(p, matcher(q), asks)
        assert all(0 <= a < b <= len(p.text) for a, b in ev.spans)
        assert list(ev.spans) == sorted(ev.spans)
        for piece in ev.quote().split("…"):
            assert piece.strip(" ,;") in p.text


def test_a_long_name_is_shortened_to_its_first_and_last_words():
    quote = select(OP4, matcher(""), None, whole=True).quote()
    assert "High Contracting Parties … Indiscriminate Effects in 2023" in quote
    assert "Excessively Injurious" not in quote
    # a name of a dozen words or fewer stays whole
    assert "International Committee of the Red Cross" in select(OP9, matcher(""), None, whole=True).quote()
    assert "…" not in select(OP9, matcher(""), None, whole=True).quote()


# ---------------------------------------------------------------- Evidence.quote


def test_quote_marks_omissions_before_between_and_after():
    middle = Evidence(LIST, (span_of(LIST, "welcomes the report of the Secretary-General,"),))
    assert middle.quote() == "… welcomes the report of the Secretary-General …"
    ends = Evidence(LIST, (span_of(LIST, "Recalls its resolution 78/241,"), span_of(LIST, "and decides to remain")))
    assert ends.quote() == "Recalls its resolution 78/241 … and decides to remain …"
    last = Evidence(LIST, (span_of(LIST, "and decides to remain seized of the matter;"),))
    assert last.quote() == "… and decides to remain seized of the matter"  # the closing ";" dropped, no mark


def test_quote_of_the_whole_paragraph_has_no_marks():
    assert whole(LIST).quote() == LIST.text.rstrip(";")


def test_quote_in_chinese_uses_the_chinese_ellipsis_without_spaces():
    ev = Evidence(LIST_ZH, (span_of(LIST_ZH, "回顾其第78/241号决议，"), span_of(LIST_ZH, "并决定继续处理此事项；")))
    assert ev.quote() == "回顾其第78/241号决议……并决定继续处理此事项"
    assert Evidence(LIST_ZH, (span_of(LIST_ZH, "欣见秘书长的报告，"),)).quote() == "……欣见秘书长的报告……"


# ---------------------------------------------------------------- fact_in


def test_the_deadline_is_preferred_to_a_bare_year():
    ev = select(OP4, matcher("By when should the GGE fulfil its mandate?"), "when")
    assert fact_in(ev, "when") == "preferably by the end of 2025"  # not "in 2023"


def test_facts_are_read_only_from_the_quoted_spans():
    ev = Evidence(OP4, (span_of(OP4, "Indiscriminate Effects in 2023 as soon as possible,"),))
    assert fact_in(ev, "when") == "in 2023"


@pytest.mark.parametrize("p, asks, fact", [
    (OP9, "where", "in New York"),
    (OP9, "how-long", "two days"),
    (OP9, "when", "in 2025"),
    (AGENDA80, "when", "of its eighty-first session"),
    (META79, "when", "on 2 December 2024"),
    (OP4_ZH, "when", "2025年底之前"),
    (OP9_ZH, "where", "在纽约"),
])
def test_fact_in_finds_the_fact_asked_for(p, asks, fact):
    assert fact_in(whole(p), asks) == fact


def test_fact_in_finds_a_chinese_duration():
    assert fact_in(whole(OP9_ZH), "how-long") == "两天"


def test_no_fact_for_who_or_for_no_kind():
    assert fact_in(whole(OP9), "who") is None
    assert fact_in(whole(OP9), None) is None
    assert fact_in(whole(OP10), "when") is None


def test_the_fact_nearest_after_the_questions_focus_is_chosen():
    ev = whole(PP10)
    assert fact_in(ev, "when", matcher("When did Sierra Leone host a conference?")) == "on 17 and 18 April 2024"
    assert fact_in(ev, "when", matcher("When did Austria host a conference?")) == "on 29 and 30 April 2024"
    assert fact_in(ev, "when") == "on 13 and 14 December 2023"  # no focus: the first of equals


@pytest.mark.parametrize("text", [
    "at its eighty-first session", "during the seventy-ninth session", "at its eightieth session",
    "until its next session", "第八十一届会议", "no later than 15 March 2026", "2025年底之前",
])
def test_when_pattern_reads_sessions_and_deadlines_whole(text):
    m = FACT_PATTERNS["when"].search(text)
    assert m and m.group(0) == text
