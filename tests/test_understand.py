"""Stage 1, understand: intent, the kind of fact asked for, references, follow-ups and parts.
Pure: a hand-made `Corpus`, no store."""
from __future__ import annotations

import pytest
from handmade import AGENDA80, META79, OP9, R79, R80, read, turn

INTENTS = [
    # (question, intent, asks)
    ("By when should the GGE fulfil its mandate?", "fact", "when"),
    ("Where will the consultations be convened?", "fact", "where"),
    ("For how long will the consultations be held?", "fact", "how-long"),
    ("Who was invited to the consultations?", "fact", "who"),
    ("Does 79/62 mention civil society?", "yes-no", None),
    ("Why does the resolution mention ethical perspectives?", "why", None),
    ("Which paragraphs mention civil society?", "mentions", None),
    ("When was resolution 79/62 adopted?", "adoption", "when"),
    ("Which committee reported on 80/57?", "adoption", None),
    ("Did the Assembly adopt a moratorium?", "yes-no", None),  # "adopt a ...": not the adoption record
    ("What changed between 79/62 and 80/57?", "compare", None),
    ("How does 80/57 differ from 79/62?", "compare", None),
    ("What does OP 4 of 79/62 say?", "quote", None),
    ("What does the third preambular paragraph of 79/62 say?", "quote", None),
    ("What does the last operative paragraph of 80/57 say?", "quote", None),
    ("政府专家组应在什么时候完成任务？", "fact", "when"),
    ("磋商在哪里举行？", "fact", "where"),
    ("会议持续多久？", "fact", "how-long"),
    ("谁被邀请参加磋商？", "fact", "who"),
    ("第80/57号决议是否提到国际人道法？", "yes-no", None),
    ("为什么决议提到伦理？", "why", None),
    ("哪些段落提到民间社会？", "mentions", None),
    ("第79/62号决议何时通过？", "adoption", "when"),
    ("第80/57号决议与第79/62号决议有什么区别？", "compare", None),
    ("第79/62号决议执行部分第4段说了什么？", "quote", None),
]


@pytest.mark.parametrize("question, intent, asks", INTENTS)
def test_intent_and_kind_of_fact(question, intent, asks):
    q = read(question)
    assert (q.intent, q.asks) == (intent, asks)


@pytest.mark.parametrize("question, part", [
    ("How many operative paragraphs does 79/62 have?", "OP"),
    ("How many preambular paragraphs does 79/62 have?", "PP"),
    ("How many footnotes does 80/57 have?", "FN"),
    ("How many paragraphs does 80/57 have?", None),
    ("第79/62号决议有多少个执行段落？", "OP"),
])
def test_a_count_names_the_part_counted(question, part):
    q = read(question)
    assert q.intent == "count" and q.count_part == part


def test_two_resolutions_without_asking_what_changed_is_not_a_comparison():
    q = read("Which new technologies are mentioned in 79/62 and 80/57?")
    assert q.docs == [R79, R80] and q.intent == "fact"


def test_compared_with_another_resolution_is_a_comparison():
    assert read("What does 80/57 say about the Group compared with 79/62?").intent == "compare"


def test_claims_are_the_questions_that_take_something_for_granted():
    assert read("Does 79/62 mention civil society?").claims
    assert read("When did 80/57 ban autonomous weapons?").claims
    assert not read("By when should the GGE fulfil its mandate?").claims


def test_references_become_filters_and_leave_the_search_text():
    q = read("When was resolution 79/62 adopted?")
    assert q.docs == [R79] and q.search == "When was adopted?"
    q = read("What does A/RES/80/57 decide?")
    assert q.docs == [R80] and "80/57" not in q.search
    q = read("第79/62号决议有多少个执行段落？")
    assert q.docs == [R79] and q.search == "有多少个执行段落？"
    q = read("What does the 2025 resolution say about civil society?")
    assert q.docs == [R80] and "2025" not in q.search and "civil society" in q.search
    q = read("What does OP 4 of 79/62 say?")
    assert (q.ref.part, q.ref.number) == ("OP", 4)


def test_a_resolution_not_in_the_corpus_is_mentioned_not_filtered():
    q = read("What does resolution 99/1 say about civil society?")
    assert q.docs == [] and q.ref.mentioned == ["A/RES/99/1"]


def test_the_previous_resolution_is_the_one_before_the_one_under_discussion():
    q = read("What did the previous resolution say about it?", turn("What does 80/57 decide?", AGENDA80))
    assert q.docs == [R79]
    assert read("What does the latest resolution decide?").docs == [R80]


def test_search_text_is_spelling_corrected():
    q = read("Where will the consultatons be convend?")
    assert q.search == "Where will the consultations be convened?"
    # Chinese is left as asked
    assert read("磋商在哪里举行？").search == "磋商在哪里举行？"


def test_language():
    assert read("磋商在哪里举行？").lang == "zh"
    assert read("Where will the consultations be convened?").lang == "en"


def test_compound_question_splits_and_carries_the_resolution_into_the_part_that_says_it():
    q = read("When was 79/62 adopted and how many paragraphs does it have?")
    assert [(p.intent, p.docs) for p in q.parts] == [("adoption", [R79]), ("count", [R79])]
    assert q.parts[1].question == "how many paragraphs does it have?"


def test_compound_question_in_chinese():
    q = read("第79/62号决议何时通过，以及它有多少个执行段落？")
    assert [(p.intent, p.docs) for p in q.parts] == [("adoption", [R79]), ("count", [R79])]
    assert q.parts[1].count_part == "OP"


def test_a_simple_question_has_no_parts():
    assert read("Where will the consultations be convened?").parts == []


def test_without_history_nothing_is_a_follow_up():
    q = read("And how many paragraphs does it have?")
    assert not q.follow_up and q.docs == []


@pytest.mark.parametrize("question", [
    "And how many paragraphs does it have?",
    "What does it say about civil society?",
    "When will they be convened?",
    "Where?",
])
def test_a_question_leaning_on_the_last_turn_is_a_follow_up_and_inherits_its_resolution(question):
    q = read(question, turn("When was 79/62 adopted?", META79))
    assert q.follow_up
    assert q.docs == [R79]
    assert q.previous == "When was adopted?"


def test_a_chinese_pronoun_question_is_a_follow_up():
    q = read("它是什么时候通过的？", turn("第79/62号决议说了什么？", OP9))
    assert q.follow_up and q.docs == [R79]


def test_the_resolution_under_discussion_is_the_one_cited_when_none_was_named():
    q = read("What does it say about civil society?", turn("Where will the consultations be convened?", OP9))
    assert q.follow_up and q.docs == [R79]


@pytest.mark.parametrize("question", [
    "What is the agenda of the eighty-first session of the Assembly?",
    "Which organizations may participate in the consultations?",
])
def test_a_standalone_question_after_an_unrelated_turn_is_not_a_follow_up(question):
    q = read(question, turn("When was 79/62 adopted?", META79))
    assert not q.follow_up
    assert q.docs == [] and q.previous == ""


def test_a_pronoun_with_enough_words_of_its_own_keeps_the_resolution_but_is_no_follow_up():
    last = turn("When was 79/62 adopted?", META79)
    q = read("Who may participate in these open informal consultations?", last)  # four content words
    assert not q.follow_up and q.docs == [R79]
    assert read("Where are these consultations convened?", last).follow_up  # two
    assert read("And who may participate in the open informal consultations?", last).follow_up  # "And ..."


def test_a_standalone_question_naming_its_subject_does_not_inherit_the_resolution():
    q = read("By when should the Group of Governmental Experts fulfil its mandate?",
             turn("When was 80/57 adopted?", AGENDA80))
    assert not q.follow_up
    assert q.docs == []


def test_what_else_excludes_what_was_cited():
    last = turn("Where will the consultations be convened?", OP9)
    q = read("What else?", last)
    assert q.follow_up and q.exclude == {(R79, "OP", 9)}
    assert read("Who else was invited?", last).exclude == {(R79, "OP", 9)}
    # "what else does the paragraph say" asks for more of the same paragraph
    assert read("What else does the paragraph say?", last).exclude == set()
    # not asking for something else: nothing excluded
    assert read("When will they be convened?", last).exclude == set()
