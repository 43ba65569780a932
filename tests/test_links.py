"""References between resolutions and the series they form (pure functions, no store)."""
from __future__ import annotations

from index import Paragraph
from index.links import Document, documents, find_links, series


def links_in(text: str, lang: str = "en", doc: str = "A/RES/80/57", part: str = "PP", number: int = 3):
    return [(link.target, link.part, link.number, link.recall) for link in find_links([Paragraph(doc, lang, part, number, text)])]


def test_the_reference_shapes_of_the_seeds():
    assert links_in("Recalling its resolution 78/241 of 22 December 2023,") == [("A/RES/78/241", None, None, True)]
    assert links_in("Recalling its resolutions 78/241 of 22 December 2023 and 79/62 of 2 December 2024,") == [
        ("A/RES/78/241", None, None, True), ("A/RES/79/62", None, None, True)]
    assert links_in("Notes with appreciation the report of the Secretary-General, submitted pursuant to resolution "
                    "78/241 on lethal autonomous weapons systems,") == [("A/RES/78/241", None, None, False)]
    assert links_in("Mindful of ..., and in this regard taking note of General Assembly resolution 79/239 of "
                    "24 December 2024 and Human Rights Council resolution 51/22 of 7 October 2022,") == [
        ("A/RES/79/239", None, None, False), ("A/HRC/RES/51/22", None, None, False)]


def test_a_named_paragraph_links_paragraph_to_paragraph():
    assert links_in("Recalling paragraph 2 of its resolution 78/241,") == [("A/RES/78/241", "OP", 2, True)]
    assert links_in("Requests, pursuant to operative paragraph 3 (b) of resolution 79/62, a report") == [
        ("A/RES/79/62", "OP", 3, False)]
    assert links_in("Recalling preambular paragraph 4 of resolution 79/62,") == [("A/RES/79/62", "PP", 4, True)]


def test_other_bodies_symbols_and_lists():
    assert links_in("Noting Security Council resolution 2231 (2015) and resolutions 1/2, 3/4 and 5/6 and A/RES/77/1") == [
        ("S/RES/2231 (2015)", None, None, False), ("A/RES/1/2", None, None, False), ("A/RES/3/4", None, None, False),
        ("A/RES/5/6", None, None, False), ("A/RES/77/1", None, None, False)]
    # A recall ends at the clause: "Recalling the report ..., noting ... pursuant to resolution 79/62" is no recall.
    assert links_in("Recalling the report of the Secretary General, and in this respect, noting with appreciation "
                    "the open informal consultations convened in 2025 pursuant to resolution 79/62,") == [
        ("A/RES/79/62", None, None, False)]
    assert links_in("Recalling its resolution 80/57,") == []  # a text does not cite itself
    assert links_in("Welcomes the report (A/79/88) of 2 December 2024") == []  # a report is not a resolution


def test_chinese_references():
    assert links_in("回顾其2023年12月22日第78/241号决议，", "zh") == [("A/RES/78/241", None, None, True)]
    assert links_in("回顾其2023年12月22日第78/241号和2024年12月2日第79/62号决议，", "zh") == [
        ("A/RES/78/241", None, None, True), ("A/RES/79/62", None, None, True)]
    assert links_in("注意到以协商一致方式通过了关于军事领域新技术和新兴技术对人权的影响的人权理事会2022年10月7日第51/22号决议，", "zh") == [
        ("A/HRC/RES/51/22", None, None, False)]
    assert links_in("又回顾第78/241号决议第2段，以及安全理事会第2231(2015)号决议", "zh") == [
        ("A/RES/78/241", "OP", 2, True), ("S/RES/2231 (2015)", None, None, False)]  # the recall ends at "，"


LAWS = "Lethal autonomous weapons systems"


def test_a_series_is_title_agenda_sub_item_or_recall_in_date_order():
    docs = [
        Document("A/RES/80/57", LAWS, "2025-12-01", "eightieth", "99 (kk)", frozenset({"A/RES/79/62", "A/RES/78/241"})),
        Document("A/RES/79/239", "Artificial intelligence in the military domain and its implications for international "
                 "peace and security", "2024-12-24", "seventy-ninth", "98 (k)"),
        Document("A/RES/78/241", LAWS, "2023-12-22", "seventy-eighth", "99"),
        Document("A/RES/79/62", LAWS + ":", "2024-12-02", "seventy-ninth", "98 (ss)", frozenset({"A/RES/78/241"})),
    ]
    assert series("A/RES/79/62", docs) == ["A/RES/78/241", "A/RES/79/62", "A/RES/80/57"]
    # "The previous resolution" before 80/57 is 79/62, not 79/239, adopted later in the calendar.
    chain = series("A/RES/80/57", docs)
    assert chain[chain.index("A/RES/80/57") - 1] == "A/RES/79/62"
    assert series("A/RES/79/239", docs) == ["A/RES/79/239"]
    assert series("A/RES/1/1", docs) == []
    renamed = Document("A/RES/81/9", "Autonomous weapons", "2026-12-01", "eighty-first", "97 (b)", frozenset({"A/RES/80/57"}))
    assert series("A/RES/78/241", docs + [renamed])[-1] == "A/RES/81/9"
    same_sub_item = Document("A/RES/79/63", "Something else", "2024-12-02", "seventy-ninth", "98 (ss)")
    assert "A/RES/79/63" in series("A/RES/79/62", docs + [same_sub_item])
    bare_item = Document("A/RES/78/242", "Something else", "2023-12-22", "seventy-eighth", "99")
    assert "A/RES/78/242" not in series("A/RES/78/241", docs + [bare_item])  # a whole item is many topics


def test_documents_take_recalls_from_the_first_preambular_paragraph_only():
    paras = [
        Paragraph("A/RES/80/57", "en", "PP", 1, "Recalling its resolution 79/62,"),
        Paragraph("A/RES/80/57", "en", "PP", 5, "Recalling its resolution 70/1 on the 2030 Agenda,"),
        Paragraph("A/RES/80/57", "en", "META", None, "...", fields={"session": "eightieth", "agenda_item": "99 (kk)"}),
    ]
    (doc,) = documents([("A/RES/80/57", LAWS, "2025-12-01")], paras, find_links(paras))
    assert doc.recalls == frozenset({"A/RES/79/62"}) and doc.agenda_item == "99 (kk)" and doc.session == "eightieth"
