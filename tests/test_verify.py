"""Stage 5, verify: a sentence stays only if what it says stands in the paragraphs it cites.
Pure: hand-made paragraph records, no store."""
from __future__ import annotations

from handmade import META79, OP4, OP4_ZH, OP9, OP10

from assistant.compose import quotation
from assistant.evidence import Evidence
from assistant.verify import quotation_holds, sentences_with_citations, verified

CITED = {p.label: p for p in (OP4, OP9, OP10, META79, OP4_ZH)}
QUOTE = ("Resolution 79/62 (OP 4): “Calls upon the Group of Governmental Experts to fulfil its mandate … "
         "preferably by the end of 2025 …”. [A/RES/79/62 OP 4]")


def test_a_correct_quotation_is_kept():
    assert verified([QUOTE], CITED) == [QUOTE]


def test_a_composed_quotation_is_kept():
    start = OP4.text.index("preferably")
    built = quotation(Evidence(OP4, ((0, 60), (start, start + 30))), "2024-12-02", "resolution")
    assert verified([built], CITED) == [built]


def test_a_quotation_not_verbatim_in_the_cited_paragraph_is_dropped():
    assert verified([QUOTE.replace("fulfil its mandate", "complete its mandate")], CITED) == []
    # verbatim, but in another paragraph than the one cited
    assert verified([QUOTE.replace("[A/RES/79/62 OP 4]", "[A/RES/79/62 OP 9]").replace("(OP 4)", "(OP 9)")],
                    CITED) == []


def test_quoted_pieces_must_come_in_the_paragraphs_order():
    swapped = ("Resolution 79/62 (OP 4): “preferably by the end of 2025 … Calls upon the Group of Governmental "
               "Experts”. [A/RES/79/62 OP 4]")
    assert verified([swapped], CITED) == []


def test_a_framing_naming_another_paragraph_than_the_cited_one_is_dropped():
    assert verified([QUOTE.replace("(OP 4)", "(OP 9)")], CITED) == []
    assert verified([QUOTE.replace("Resolution 79/62", "Resolution 80/57")], CITED) == []


def test_a_citation_of_a_paragraph_not_given_is_dropped():
    assert verified(["By the end of 2025. [A/RES/79/62 OP 5]"], CITED) == []


def test_a_lead_must_hold_only_numbers_and_words_of_its_evidence():
    good = "By the end of 2025. [A/RES/79/62 OP 4]"
    assert verified([good], CITED) == [good]
    assert verified(["By the end of 2026. [A/RES/79/62 OP 4]"], CITED) == []  # a number not in the evidence
    assert verified(["By the end of 2025, in Geneva. [A/RES/79/62 OP 4]"], CITED) == []  # a word not in it
    meeting = "On 2 December 2024, at its 44th plenary meeting. [A/RES/79/62 META]"
    assert verified([meeting], CITED) == [meeting]
    assert verified([meeting.replace("44th", "45th")], CITED) == []


def test_a_count_must_match_the_paragraphs_cited():
    ok = "Resolution 79/62 has 10 operative paragraphs. [A/RES/79/62 OP 10]"
    assert verified([ok], CITED) == [ok]
    assert verified([ok.replace("has 10", "has 11")], CITED) == []


def test_a_chinese_quotation_is_checked_piece_by_piece():
    zh = "第79/62号决议（执行部分第4段）：“吁请政府专家组尽快……最好是在2025年底之前……”。[A/RES/79/62 OP 4 (zh)]"
    assert verified([zh], CITED) == [zh]
    assert verified([zh.replace("2025", "2026")], CITED) == []


def test_an_uncited_statement_passes_and_a_partly_failing_sentence_is_dropped_whole():
    assert verified(["The indexed texts do not say so."], CITED) == ["The indexed texts do not say so."]
    both = "By the end of 2025. [A/RES/79/62 OP 4] By the end of 2026. [A/RES/79/62 OP 4]"
    assert verified([both], CITED) == []


def test_quotation_holds_ignores_spacing_and_clause_marks_at_the_cuts():
    text = "Decides that the consultations,\n  should be convened;"
    assert quotation_holds("Decides that the consultations … should be convened", text)
    assert not quotation_holds("should be convened … Decides", text)
    assert quotation_holds("… the consultations, …", text)


def test_sentences_are_split_at_their_citations():
    answer = "By the end of 2025. [A/RES/79/62 OP 4] Resolution 79/62 (OP 4): “Calls upon”. [A] [B] Trailing."
    assert sentences_with_citations(answer) == [
        ("By the end of 2025.", ["A/RES/79/62 OP 4"]),
        ("Resolution 79/62 (OP 4): “Calls upon”.", ["A", "B"]),
        ("Trailing.", []),
    ]
