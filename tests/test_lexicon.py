"""The lexicon: abbreviations derived from the texts' word pairs, the hand table, spelling.
Pure: a `Lexicon` built from a small dict of known terms, no store."""
from __future__ import annotations

import pytest
from handmade import LEXICON

from assistant.lexicon import SPELLING_CUTOFF, Lexicon, contradicts, in_english, renamed, unchat
from assistant.text import chinese_content, translated
from index.lexical import terms

TEXT = "Encourages the Open-ended Working Group to consider international humanitarian law,"


def lexicon_of(*texts: str) -> Lexicon:
    """Known terms as the index holds them (stemmed tokens and word pairs), all weighing 1."""
    return Lexicon({t: 1.0 for text in texts for t in terms(text)}, list(texts))


def test_an_abbreviation_is_derived_from_a_chain_of_word_pairs():
    lex = lexicon_of(TEXT)
    assert lex.acronym("OEWG") == "open end work group"  # stemmed, as the index holds the words
    assert lex.acronym("OEW") == "open end work"
    assert lex.acronym("OE") is None  # two letters are too few to tell a phrase by ("UN" is no "urgent need")


def test_only_a_name_makes_an_abbreviation():
    lex = lexicon_of("calls upon the international community to join forces and the Open-ended Working Group")
    assert lex.acronym("ICJ") is None  # "international community to join" is no name
    assert lex.acronym("OEWG") == "open end work group"


def test_a_derived_abbreviation_takes_the_most_common_chain():
    known = {"open": 1.0, "end": 1.0, "work": 1.0, "group": 1.0, "grant": 1.0,
             "open_end": 1.0, "end_work": 1.0, "work_group": 0.5, "work_grant": 2.0}
    assert Lexicon(known).acronym("OEWG") == "open end work group"
    known.update(work_group=2.0, work_grant=0.5)  # the weights are IDF: lower is more common
    assert Lexicon(known).acronym("OEWG") == "open end work grant"


def test_what_is_not_an_abbreviation():
    lex = lexicon_of(TEXT)
    assert lex.acronym("oewg") is None  # lower case: an ordinary word, perhaps misspelt
    assert lex.acronym("WORK") is None  # a word the texts use, in capitals
    assert lex.acronym("OHCHR") is None  # no chain of pairs spells it
    assert lex.acronym("G") is None  # a single letter


def test_the_hand_table_is_used_whatever_the_texts_say():
    lex = lexicon_of(TEXT)
    assert lex.acronym("GGE") == "Group of Governmental Experts"
    assert lex.acronym("IHL") == "international humanitarian law"
    # always-acronyms are read in lower case too; others only in capitals
    assert lex.acronym("ihl") == "international humanitarian law"
    assert lex.acronym("Laws") is None and lex.acronym("LAWS") == "lethal autonomous weapons systems"


def test_a_close_misspelling_is_corrected():
    assert LEXICON.correct("consultatons") == "consultations"
    assert LEXICON.correct("humantarian") == "humanitarian"
    assert LEXICON.correct("cnsultatns") == "consultations"  # just above the cutoff (ratio 87)


def test_spelling_correction_has_a_cutoff_and_a_minimum_length():
    assert SPELLING_CUTOFF == 85
    assert LEXICON.correct("cnsltatns") is None  # ratio 82: too far
    assert LEXICON.correct("moratorium") is None  # nothing like it in the texts
    assert LEXICON.correct("grp") is None  # too short to correct safely ("group")
    assert LEXICON.correct("grop") == "group"  # four letters: one missing letter only (ratio 89)
    assert LEXICON.correct("gruo") is None  # four letters, a changed letter (ratio 75)
    assert LEXICON.correct("xonsultations") is None  # the first letter is kept
    assert LEXICON.correct("consultations") is None  # known words are left alone
    assert LEXICON.correct("2025s") is None  # not a word


def test_rewrite_corrects_words_but_not_names_or_abbreviations():
    assert LEXICON.rewrite("where are the consultatons convend") == "where are the consultations convened"
    assert LEXICON.rewrite("Did Beijing host the Summit in Seoul?") == "Did Beijing host the Summit in Seoul?"
    assert LEXICON.rewrite("Is the CONSULTATONS date set?") == "Is the CONSULTATONS date set?"
    # a long capitalised word a letter off a word of the texts is a slip in a name they use
    assert LEXICON.rewrite("Does it call for universalization of the Conventon?") == \
        "Does it call for universalization of the Convention?"


def test_a_four_letter_word_of_the_synonym_table_is_corrected_only_for_one_missing_letter():
    assert LEXICON.correct("venu") == "venue"  # "venue" is a word of the table, not of the texts
    assert LEXICON.correct("talk") == "talks"
    assert LEXICON.correct("hlod") is None  # two letters swapped: "hold" is too far for four letters


def test_a_slip_on_the_first_letter_is_not_corrected():
    # "onvened" is one letter from "convened" (ratio 93), but a correction keeps the first letter
    assert LEXICON.correct("onvened") is None
    assert LEXICON.correct("onsultations") is None


def test_misspelt_words_of_the_synonym_table_are_corrected():
    # "finish", "treaty", "attend" are not in the texts: the synonym table reads them
    assert LEXICON.correct("finsh") == "finish"
    assert LEXICON.correct("trety") == "treaty"
    assert LEXICON.correct("atend") == "attend"
    assert LEXICON.correct("compelte") == "complete"
    assert LEXICON.rewrite("when must they finsh the work") == "when must they finish the work"


# ---------------------------------------------------------------- chat shorthand


def test_chat_shorthand_is_spelt_out():
    assert unchat("r civilians mentioned n 80/57") == "are civilians mentioned in 80/57"
    assert unchat("wat abt OP 4 n 79/62 pls") == "what about OP 4 in 79/62 please"
    assert unchat("whats the deadline") == "what is the deadline"


def test_chat_shorthand_leaves_capitals_words_and_abbreviations_alone():
    assert unchat("R civilians mentioned N 80/57") == "R civilians mentioned N 80/57"
    assert unchat("are civilians mentioned in 80/57") == "are civilians mentioned in 80/57"  # inside words: no
    assert unchat("is it n/a or u.s. policy") == "is it n/a or u.s. policy"  # followed by / or .: not chat


def test_a_letter_in_parentheses_is_not_chat():
    question = "which resolution came under agenda item 99 (n)?"
    assert unchat(question) == question


# ---------------------------------------------------------------- Chinese names


def test_a_chinese_name_the_texts_never_use_is_found():
    assert LEXICON.new_chinese_name("日内瓦") == "日内瓦"
    assert LEXICON.new_chinese_name(chinese_content("磋商是否在日内瓦举行？")) == "日内瓦"


@pytest.mark.parametrize("question", [
    "政府专家组应在什么时候完成任务？",
    "第79/62号决议何时通过？",
    "磋商在哪里举行？",
    "会议是否在纽约举行？",
])
def test_ordinary_chinese_question_words_are_no_new_name(question):
    assert LEXICON.new_chinese_name(chinese_content(question)) is None


def test_question_words_must_be_taken_out_first():
    # read raw, the question words straddle unknown bigrams ("议何时"): chinese_content is the guard
    assert LEXICON.new_chinese_name("第79/62号决议何时通过？") is not None


def test_a_new_pairing_of_known_characters_is_no_name():
    # each character is in the texts (天, 纽, 会); only their pairing is new
    assert LEXICON.new_chinese_name("天纽会") is None


def test_an_unknown_character_inside_a_word_of_the_table_is_no_name():
    # "帮" and "担" are in no text, but "帮助" (help) and "担心" (concerned) are words, not names
    assert LEXICON.new_chinese_name("纽约帮助会议") is None
    assert LEXICON.new_chinese_name("担心纽约会议") is None
    # ... while a name beside a word of the table still is one
    assert LEXICON.new_chinese_name("日本主办") is not None


def test_a_doer_joined_to_its_deed_is_written_apart():
    from assistant.lexicon import phrased
    assert phrased("Was it a US-sponsored text?") == "Was it a US sponsored text?"
    assert phrased("a State-led conference") == "a State led conference"
    assert phrased("a well-armed group") == "a well-armed group"  # no name before the hyphen


def test_a_claim_is_contradicted_by_the_other_word_of_a_contrast():
    from assistant.lexicon import contradicts
    text = "Noting the adoption by consensus of Human Rights Council resolution 51/22"
    assert contradicts("Was resolution 51/22 adopted by a vote?", text)
    assert not contradicts("Was resolution 51/22 adopted by consensus?", text)
    assert not contradicts("Was resolution 51/22 adopted?", text)  # no word of the contrast asked
    both = "the regional conferences hosted by Sierra Leone and the international conference hosted by Austria"
    assert not contradicts("Did Sierra Leone host a regional conference?", both)  # the claim's own word is there
    assert contradicts("Is the work moving in the wrong direction?", "the work is moving in the right direction")
    assert not contradicts("Was resolution 51/22 adopted without a vote?", text)  # the phrase table: "consensus"


def test_a_phrase_is_one_concept_in_its_own_words_or_the_texts():
    from assistant.text import concepts
    found = concepts("Will the consultations take place in New York?")
    assert [["take", "place"], ["conven"]] in found
    assert not any(["talk"] in c for c in concepts("Does 80/57 talk about universalization?"))


def test_reporting_verbs_are_not_what_a_claim_is_about():
    from assistant.text import concepts
    assert concepts("Does 79/62 refer to the New Agenda for Peace?") == concepts("Does 79/62 the New Agenda for Peace?")


def test_chat_digits_are_words_only_before_a_determiner():
    from assistant.lexicon import unchat
    assert unchat("acording 2 the article") == "acording to the article"
    assert unchat("thanks 4 it") == "thanks for it"
    for kept in ("what does OP 2 of 79/62 say", "consultations in 2 days", "what is item 4 on the agenda",
                 "what does para 4 say", "did the Philippines host 4 regional conferences", "the 2 resolutions"):
        assert unchat(kept) == kept


def test_an_abbreviation_may_take_two_letters_of_a_word_of_the_name():
    lexicon = Lexicon(
        {"respons_artifici": 1.0, "artifici_intellig": 1.0, "intellig_militari": 1.0, "militari_domain": 1.0,
         "respons": 1.0, "artifici": 1.0, "intellig": 1.0, "militari": 1.0, "domain": 1.0},
        ["the Responsible Artificial Intelligence in the Military Domain Summit"])
    assert lexicon.acronym("REAIM") == "respons artifici intellig militari"
    assert lexicon.acronym("NATO") is None


def test_an_abbreviation_the_texts_define_stands_for_its_name():
    lexicon = Lexicon({"prc": 1.0, "china": 1.0}, ["sponsored by the People’s Republic of China (PRC) and approved"])
    assert lexicon.acronym("PRC") == "People’s Republic of China"


def test_two_swapped_letters_are_a_slip():
    lexicon = Lexicon({"right": 1.0}, ["human rights law"])
    assert lexicon.correct("rigths") == "rights"
    assert lexicon.correct("rites") is None  # not one slip away


def test_a_phrase_with_a_small_word_is_the_texts_word_only():
    from assistant.text import concepts
    assert [["establish"]] in concepts("Did 80/57 set up a new body?")
    assert not any(["set"] in c for c in concepts("Did 80/57 set up a new body?"))


def test_a_country_typed_in_lower_case_after_the_is_the_country():
    from assistant.lexicon import unchat
    assert unchat("did the us sponsor it") == "did the US sponsor it"
    assert unchat("tell us about it") == "tell us about it"  # the pronoun stays


def test_chinese_is_read_through_the_table_longest_word_first_with_its_dates():
    english, rest = in_english("文章说2024年3月21日的决议强调了什么威胁？")
    assert english[0] == ["21 March 2024"]
    assert ["threat"] in english and ["stressing", "stressed", "emphasized", "underlines"] in english
    assert "威胁" not in rest and "决议" not in rest  # "决议" names no subject: read, with no English
    assert in_english("国际人道法")[0] == [["international humanitarian law"]]  # not "international" + ...


def test_months_in_words_and_the_words_of_asking_are_read():
    english, rest = in_english("文章说六月的决议如何评价？")
    assert ["June"] in english  # a month in words, as a date in figures is
    assert "评价" not in rest and not any("评价" in w for w in english)  # "how does it assess": asking, no subject


def test_what_the_table_cannot_read_counts_against_a_paragraph():
    about, words = translated("文章说美国发挥了什么作用？")
    assert [["state"], ["us"]] in about and [["role"]] in about
    assert any(c[0][0] == "发挥" for c in about)  # untranslated, it stays a Chinese concept
    assert "United States" in words and "role" in words
    assert translated("什么？") == ([], "")


@pytest.mark.parametrize("abbreviation, full", [("LBI", "legally binding instrument"), ("ROK", "Republic of Korea"),
                                                ("PwDs", "persons with disabilities"), ("IOs", "international organizations")])
def test_abbreviations_common_in_united_nations_work(abbreviation, full):
    assert LEXICON.acronym(abbreviation) == full


def test_a_word_of_a_phrase_of_the_table_is_no_slip():
    lex = lexicon_of("the consultations convened at a rapid pace")
    assert lex.correct("place") == "pace"  # a slip, read alone
    # ... but "take place" is a phrase of the table, its words no slips
    assert lex.rewrite("Where did the consultations take place?") == "Where did the consultations take place?"


def test_the_texts_names_are_written_as_the_texts_write_them():
    lex = lexicon_of("established by the General Assembly and the Security Council")
    assert lex.cased("was it set up by the general assembly?") == "was it set up by the General Assembly?"
    assert lex.cased("a general rule") == "a general rule"  # one word of a name is no name


def test_a_capital_standing_for_its_state_is_renamed_and_nothing_else_is():
    assert renamed("Did Washington back it?") == "Did United States back it?"
    assert renamed("Did Beijing sponsor it?") == "Did China sponsor it?"
    assert renamed("Did Austria host it? back") == "Did Austria host it? back"  # (a synonym not a name: "back")


def test_states_named_by_name_or_nationality():
    from assistant.lexicon import nations
    assert nations("the US ambassador") == {"United States"}
    assert nations("at the Chinese Foreign Affairs Ministry") == {"China"}
    assert nations("tell us what they said") == set()  # (the pronoun is no State)


def test_kept_out_contradicts_open_to_participation():
    from assistant.lexicon import contradicts
    text = "these consultations shall be open to the full participation of Member and observer States"
    assert contradicts("Why were observer States kept out of the consultations?", text)
    assert not contradicts("Why were observer States invited to the consultations?", text)
    assert contradicts("Why does 79/62 discourage States from taking part as observers?", "encourages all States to take part")
    assert contradicts("Did 79/62 decide that the consultations would last two weeks?", "for a duration of two days")
    assert not contradicts("Did 79/62 decide that the consultations would last two days?", "for a duration of two days")


def test_the_words_answering_a_contrast_otherwise():
    from assistant.lexicon import contrasting
    assert contrasting("the US voting against it", "the United States endorsed the Resolution") == ["endors"]
    assert contrasting("the US endorsing it", "the United States endorsed the Resolution") == []


def test_a_claim_that_something_may_be_done_is_contradicted_by_must_not():
    text = "Reaffirming that any weapon that cannot be used in compliance with international humanitarian law must not be used"
    assert contradicts("May a weapon that cannot comply with international humanitarian law be used?", text)
    assert contradicts("can LAWS that can't comply w/ IHL still be used?", text)
    assert not contradicts("Must a weapon that cannot comply with international humanitarian law not be used?", text)
    assert not contradicts("Can a weapon be used?", "Decides that weapons may be used")


@pytest.mark.parametrize("claim, text, unborne", [
    ("Why is the Assembly skeptical of the contributions of civil society?", "Recognizing the valuable contributions", True),
    ("Why does it affirm that only international humanitarian law applies?", "Affirming that international law applies", True),
    ("Does it say such weapons can never be used?", "such weapons may be used in certain circumstances", True),
    ("Does it say the report reflected not only the views of States?", "reflects the views of States", False),  # "not only"
    ("Does 79/62 object to the report?", "the objective of the Convention", True),  # "object to", not "objective"
    ("Why does 79/62 recognize the contributions of civil society?", "Recognizing the valuable contributions", False),
    ("Is the Group the only forum?", "the only forum", False),
    ("Will they help protect civilians in all circumstances?", "help protect civilians in certain circumstances", True),
    ("Why has the Secretary-General been against an instrument?", "the calls by the Secretary-General to", True),
    ("Does it call for a non-binding instrument?", "calls for an instrument", False),  # "non-binding" is no obligation
    ("Are the consultations required to be open to industry?", "shall be open to ... industry", False),
])
def test_a_qualifier_the_text_does_not_use_is_not_borne_out(claim, text, unborne):
    from assistant.lexicon import unborne_qualifier
    assert unborne_qualifier(claim, text) is unborne


def test_the_everyday_names_of_the_laws_of_war_are_the_texts_own():
    from assistant.lexicon import phrased
    assert phrased("arms that can't comply with the laws of armed conflict") == \
        "arms that can't comply with the international humanitarian law"
    assert "proliferation to" in phrased("weapons falling into the hands of non-state groups")
