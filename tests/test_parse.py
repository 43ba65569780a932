"""Parsing the seed texts (and texts of the same shapes) into paragraph records."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from index import SeedDoc, SeedError, load_corpus, parse_document, read_manifest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(SEEDS)


def counts(corpus, doc, lang):
    return Counter(p.part for p in corpus.paragraphs if p.doc == doc and p.lang == lang)


def para(corpus, doc, lang, part, number):
    return next(p for p in corpus.paragraphs if p.key == (doc, lang, part, number))


def test_every_seed_parses_without_errors(corpus):
    assert corpus.errors == []
    assert {(d.doc, d.lang) for d in corpus.docs} == {
        ("A/RES/79/62", "en"), ("A/RES/80/57", "en"), ("A/RES/79/62", "zh"), ("NEWS/2024-07-09", "en")}


@pytest.mark.parametrize(
    "doc, lang, expected",
    [
        ("A/RES/79/62", "en", {"PP": 16, "OP": 12, "FN": 3, "META": 1}),
        ("A/RES/80/57", "en", {"PP": 13, "OP": 4, "FN": 3, "META": 1}),
        ("A/RES/79/62", "zh", {"PP": 16, "OP": 12, "FN": 3, "META": 1}),
        ("NEWS/2024-07-09", "en", {"P": 4, "META": 1}),
    ],
)
def test_paragraph_counts(corpus, doc, lang, expected):
    assert dict(counts(corpus, doc, lang)) == expected


def test_numbers_run_in_order(corpus):
    for (doc, lang) in {(p.doc, p.lang) for p in corpus.paragraphs}:
        for part in ("PP", "OP", "FN", "P"):
            numbers = [p.number for p in corpus.paragraphs if (p.doc, p.lang, p.part) == (doc, lang, part)]
            assert numbers == list(range(1, len(numbers) + 1)), (doc, lang, part)


def test_text_is_clean(corpus):
    for p in corpus.paragraphs:
        assert "*" not in p.text and "http" not in p.text and "___" not in p.text, p.label
        assert "[^" not in p.text and "](#)" not in p.text, p.label
        assert not re.search(r"[¹²³]", p.text), p.label
        assert "  " not in p.text and p.text == p.text.strip(), p.label
        if p.lang == "zh":
            assert not re.search(r"[\u3400-\u9fff]\s+[\u3400-\u9fff]", p.text), p.label


def test_paragraph_boundaries(corpus):
    first = para(corpus, "A/RES/79/62", "en", "PP", 1)
    assert first.text == "Recalling its resolution 78/241 of 22 December 2023,"
    # PP 7 runs across a page break; OP 2 is split by the page's footnotes.
    pp7 = para(corpus, "A/RES/79/62", "en", "PP", 7).text
    assert "Use of Certain Conventional Weapons" in pp7 and pp7.endswith("the various proposals presented,")
    op2 = para(corpus, "A/RES/79/62", "en", "OP", 2).text
    assert "concerns with utmost urgency, in particular" in op2 and "Treaty Series" not in op2
    assert para(corpus, "A/RES/79/62", "en", "OP", 12).text.startswith("Decides to include")
    assert para(corpus, "A/RES/80/57", "en", "PP", 7).text.count("Welcoming") == 1
    assert "Lethal Autonomous Weapons Systems, established" in para(corpus, "A/RES/80/57", "en", "PP", 7).text


def test_op4_of_80_57_is_recovered_from_the_last_footnote(corpus):
    op4 = para(corpus, "A/RES/80/57", "en", "OP", 4)
    assert op4.text == (
        "Decides to include in the provisional agenda of its eighty-first session the item entitled "
        "“Lethal autonomous weapons systems”."
    )
    assert para(corpus, "A/RES/80/57", "en", "FN", 3).text == "A/79/88."


@pytest.mark.parametrize(
    "doc, lang, part, number, footnotes",
    [
        ("A/RES/79/62", "en", "PP", 7, (1,)),
        ("A/RES/79/62", "en", "PP", 9, (2,)),
        ("A/RES/79/62", "en", "OP", 1, (3,)),
        ("A/RES/80/57", "en", "PP", 7, (1,)),
        ("A/RES/80/57", "en", "PP", 8, (2,)),
        ("A/RES/80/57", "en", "PP", 12, (3,)),
        ("A/RES/79/62", "zh", "PP", 7, (1,)),
        ("A/RES/79/62", "zh", "PP", 9, (2,)),
        ("A/RES/79/62", "zh", "OP", 1, (3,)),
    ],
)
def test_footnote_markers_are_linked_and_removed(corpus, doc, lang, part, number, footnotes):
    p = para(corpus, doc, lang, part, number)
    assert p.footnotes == footnotes
    assert not re.search(r"[,，]\s?\d\b", p.text[-40:] if part == "PP" else p.text), p.text


def test_op1_of_79_62_points_at_footnote_3(corpus):
    op1 = para(corpus, "A/RES/79/62", "en", "OP", 1)
    assert "Secretary-General, submitted pursuant" in op1.text
    assert para(corpus, "A/RES/79/62", "en", "FN", op1.footnotes[0]).text == "A/79/88."


def test_chinese_text_joins_wrapped_lines(corpus):
    pp2 = para(corpus, "A/RES/79/62", "zh", "PP", 2).text
    assert pp2 == "申明国际法，包括《联合国宪章》、国际人道法、国际人权法和国际刑法，均适用于自主武器系统，"
    pp7 = para(corpus, "A/RES/79/62", "zh", "PP", 7).text
    assert "下设立的致命自主武器系统领域新兴技术问题政府专家组" in pp7 and "联合国，《条约汇编》" not in pp7
    assert para(corpus, "A/RES/79/62", "zh", "OP", 4).text.startswith("吁请政府专家组尽快，最好是在2025年底之前")


@pytest.mark.parametrize(
    "doc, lang, fields",
    [
        ("A/RES/79/62", "en", {"session": "seventy-ninth", "agenda_item": "98 (ss)", "report": "A/79/408",
                               "committee": "First Committee", "plenary_meeting": "44", "adopted": "2024-12-02"}),
        ("A/RES/80/57", "en", {"session": "eightieth", "agenda_item": "99 (kk)", "report": "A/80/534",
                               "committee": "First Committee", "plenary_meeting": "52", "adopted": "2025-12-01"}),
        ("A/RES/79/62", "zh", {"plenary_meeting": "44", "adopted": "2024-12-02"}),
    ],
)
def test_adoption_record(corpus, doc, lang, fields):
    meta = para(corpus, doc, lang, "META", None)
    assert fields.items() <= meta.fields.items()
    assert meta.number is None


def test_article_is_a_secondary_source(corpus):
    seed = next(d for d in corpus.docs if d.doc == "NEWS/2024-07-09")
    assert seed.kind == "commentary" and not seed.is_resolution
    assert para(corpus, "NEWS/2024-07-09", "en", "P", 1).text.startswith("On 25 June 2024")
    assert para(corpus, "NEWS/2024-07-09", "en", "META", None).fields["issued"] == "2024-07-09"


# ---- the same shapes, other contents: the parser is not tuned to the seed files

MARKDOWN = """**Eighty-second session**

Agenda item 12

Some topic**Resolution adopted by the General Assembly
on 3 March 2027***[on the report of the Third Committee (A/82/100, para. 9)]***82/7. Some topic***The General Assembly,**Recalling* its resolution [81/1](#),¹*Noting* with concern the matter,*Convinced* that more is needed,

1. *Decides* to act;

2. *Requests* the Secretary-General to report, including on the two questions below:

¹ [A/81/5](#).

(a) the first question;

3. *Decides* to remain seized of the matter.

*12th plenary meeting
3 March 2027*"""

FOOTNOTES_AT_END = """---
symbol: A/RES/82/8
---

Eighty-second session Agenda item 13

Resolution adopted by the General Assembly on 4 March 2027

[on the report of the First Committee (A/82/200, para. 3)]

82/8. Another topic

The General Assembly,

Recalling its resolution 81/2,1

Welcoming the report of the

Secretary-General,2

1. Takes note of the report;

---

[^1]: A/81/9.

[^2]: A/82/1. 2. Decides to include the item in its agenda. 13th plenary meeting 4 March 2027"""

PDF_CHINESE = """  82/9. 某个议题
 大会，
 回顾其第 81/3 号决议，1
 注意到秘书长的报告，其中说明了

__________________
 1 A/81/3。
https://undocs.org/ch/A/81/3
 有关情况，
 1. 决定采取行动；
 2. 请秘书长提出报告。

2027 年 3 月 5 日
第 14 次全体会议
"""


def _seed(doc: str, lang: str = "en", kind: str = "resolution") -> SeedDoc:
    return SeedDoc("test.txt", doc, "Some topic", lang, kind, "2027-03-03")


def test_markdown_shape_with_other_counts():
    paras = parse_document(MARKDOWN, _seed("A/RES/82/7"))
    by = {(p.part, p.number): p for p in paras}
    assert Counter(p.part for p in paras) == {"PP": 3, "OP": 3, "FN": 1, "META": 1}
    assert by[("PP", 1)].text == "Recalling its resolution 81/1," and by[("PP", 1)].footnotes == (1,)
    assert by[("PP", 2)].text == "Noting with concern the matter,"
    assert by[("OP", 2)].text.endswith("the two questions below:\n(a) the first question;")
    assert by[("FN", 1)].text == "A/81/5."
    meta = by[("META", None)].fields
    assert meta["committee"] == "Third Committee" and meta["plenary_meeting"] == "12" and meta["adopted"] == "2027-03-03"


def test_footnotes_at_end_shape_with_spilled_paragraph():
    paras = parse_document(FOOTNOTES_AT_END, _seed("A/RES/82/8"))
    by = {(p.part, p.number): p for p in paras}
    assert Counter(p.part for p in paras) == {"PP": 2, "OP": 2, "FN": 2, "META": 1}
    assert by[("PP", 2)].text == "Welcoming the report of the Secretary-General," and by[("PP", 2)].footnotes == (2,)
    assert by[("OP", 2)].text == "Decides to include the item in its agenda."
    assert by[("FN", 2)].text == "A/82/1."
    assert by[("META", None)].fields["plenary_meeting"] == "13"


def test_pdf_chinese_shape():
    paras = parse_document(PDF_CHINESE, _seed("A/RES/82/9", "zh"))
    by = {(p.part, p.number): p for p in paras}
    assert Counter(p.part for p in paras) == {"PP": 2, "OP": 2, "FN": 1, "META": 1}
    assert by[("PP", 1)].text == "回顾其第81/3号决议，" and by[("PP", 1)].footnotes == (1,)
    assert by[("PP", 2)].text == "注意到秘书长的报告，其中说明了有关情况，"
    assert by[("META", None)].fields == {"symbol": "A/RES/82/9", "title": "某个议题", "plenary_meeting": "14",
                                         "adopted": "2027-03-05"}


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "empty"),
        ("Just some prose.\n\nNothing else.", "not a resolution"),
        (MARKDOWN.replace("3. *Decides* to remain", "2. *Decides* to remain"), "duplicate or missing"),
        (FOOTNOTES_AT_END, "manifest says A/RES/99/1"),
    ],
)
def test_unreadable_texts_name_the_problem(text, problem):
    doc = "A/RES/99/1" if "manifest" in problem else "A/RES/82/7"
    with pytest.raises(SeedError, match=problem) as err:
        parse_document(text, _seed(doc))
    assert str(err.value).startswith("test.txt: ")


def test_a_bad_file_is_reported_and_the_rest_still_load(seeds_copy):
    (seeds_copy / "001_bac3471558808315.txt").write_bytes(b"\xff\xfe not utf-8 \x80")
    (seeds_copy / "004_e60b74bb240d1de4.txt").unlink()
    corpus = load_corpus(seeds_copy)
    assert len(corpus.errors) == 2
    assert any(e.startswith("001_bac3471558808315.txt: not UTF-8") for e in corpus.errors)
    assert any(e.startswith("004_e60b74bb240d1de4.txt: file not found") for e in corpus.errors)
    assert {d.doc for d in corpus.docs} == {"A/RES/79/62"}


def test_manifest_problems_name_the_manifest(tmp_path):
    (tmp_path / "manifest.toml").write_text('[[document]]\nfile = "x.txt"\ndoc = "A/RES/1/1"\n')
    with pytest.raises(SeedError, match="manifest.toml: entry 1 lacks title, lang, kind, date"):
        read_manifest(tmp_path / "manifest.toml")


def test_bad_manifest_entries_and_unlisted_files_are_reported_and_the_rest_load(seeds_copy):
    manifest = seeds_copy / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('doc = "A/RES/80/57"', 'doc = "resolution eighty"'))
    (seeds_copy / "009_stray.txt").write_text("Some text nobody listed.\n")
    corpus = load_corpus(seeds_copy)
    assert any("names the resolution 'resolution eighty'; a symbol looks like A/RES/79/62" in e for e in corpus.errors)
    assert "009_stray.txt: not listed in manifest.toml, so not indexed" in corpus.errors
    assert {d.doc for d in corpus.docs} == {"A/RES/79/62", "NEWS/2024-07-09"}
