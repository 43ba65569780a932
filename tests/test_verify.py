"""Stage 5, verify: a sentence stays only if what it says stands in the paragraphs it cites.
Pure: hand-made paragraph records, no store."""
from __future__ import annotations

from handmade import META79, OP4, OP4_ZH, OP9, OP10, R79

from assistant.answer import Citation
from assistant.compose import carrier_lead, quotation
from assistant.evidence import Evidence
from assistant.verify import quotation_holds, sentences_with_citations, verified
from index import OP, Paragraph

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


def test_a_chinese_lead_must_stand_in_its_evidence_as_written():
    assert verified(["2025年底之前。 [A/RES/79/62 OP 4 (zh)]"], CITED) == ["2025年底之前。 [A/RES/79/62 OP 4 (zh)]"]
    assert verified(["2025年。 [A/RES/79/62 OP 4 (zh)]"], CITED) == ["2025年。 [A/RES/79/62 OP 4 (zh)]"]  # one character after the year
    assert verified(["2025年初。 [A/RES/79/62 OP 4 (zh)]"], CITED) == []


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


# ---------------------------------------------------------------- footnote carriers

CARRIER = Paragraph(R79, "en", OP, 1, "Recalls its resolution 78/241,3", footnotes=(3,))
CARRIER_ZH = Paragraph(R79, "zh", OP, 1, "回顾其第78/241号决议，3", footnotes=(3,))


def test_a_carrier_framing_is_kept_when_the_cited_paragraph_carries_the_marker():
    lead = "Footnote 3 is attached to resolution 79/62 (OP 1). [A/RES/79/62 OP 1]"
    assert carrier_lead(CARRIER, 3, "en") == lead
    assert verified([lead], {CARRIER.label: CARRIER}) == [lead]
    zh = carrier_lead(CARRIER_ZH, 3, "zh")
    assert verified([zh], {CARRIER_ZH.label: CARRIER_ZH}) == [zh]


def test_a_carrier_framing_is_dropped_when_the_cited_paragraph_does_not_carry_the_marker():
    assert verified(["Footnote 2 is attached to resolution 79/62 (OP 1). [A/RES/79/62 OP 1]"],
                    {CARRIER.label: CARRIER}) == []
    assert verified(["脚注2附于第79/62号决议（执行部分第1段）。 [A/RES/79/62 OP 1 (zh)]"],
                    {CARRIER_ZH.label: CARRIER_ZH}) == []
    # the framing must name the paragraph cited
    assert verified(["Footnote 3 is attached to resolution 79/62 (OP 4). [A/RES/79/62 OP 1]"],
                    {CARRIER.label: CARRIER}) == []
    # a paragraph with no markers at all carries none
    assert verified(["Footnote 3 is attached to resolution 79/62 (OP 4). [A/RES/79/62 OP 4]"], CITED) == []


def test_a_carrier_framing_read_back_from_an_answer_is_checked_by_the_paragraph_it_names():
    # a Citation has no footnote markers: the paragraph named being the one cited is what is checked
    cited = {CARRIER.label: Citation.of(CARRIER)}
    assert verified(["Footnote 3 is attached to resolution 79/62 (OP 1). [A/RES/79/62 OP 1]"], cited) != []
    assert verified(["Footnote 3 is attached to resolution 79/62 (OP 2). [A/RES/79/62 OP 1]"], cited) == []


def test_a_chinese_yes_or_no_lead_is_kept():
    for lead in ("是。 [A/RES/79/62 OP 4 (zh)]", "否。 [A/RES/79/62 OP 4 (zh)]"):
        assert verified([lead], CITED) == [lead]
    # the lead words are framing, not a licence: a claim after them is still checked
    assert verified(["是。日内瓦。 [A/RES/79/62 OP 4 (zh)]"], CITED) == []
