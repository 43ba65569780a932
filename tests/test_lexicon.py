"""The lexicon: abbreviations derived from the texts' word pairs, the hand table, spelling.
Pure: a `Lexicon` built from a small dict of known terms, no store."""
from __future__ import annotations

from handmade import LEXICON

from assistant.lexicon import SPELLING_CUTOFF, Lexicon
from index.lexical import terms

TEXT = "Encourages the open-ended working group to consider international humanitarian law,"


def lexicon_of(*texts: str) -> Lexicon:
    """Known terms as the index holds them (stemmed tokens and word pairs), all weighing 1."""
    return Lexicon({t: 1.0 for text in texts for t in terms(text)}, list(texts))


def test_an_abbreviation_is_derived_from_a_chain_of_word_pairs():
    lex = lexicon_of(TEXT)
    assert lex.acronym("OEWG") == "open end work group"  # stemmed, as the index holds the words
    assert lex.acronym("OE") == "open end"


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
    assert lex.acronym("IHRL") is None  # no chain of pairs spells it
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
    assert LEXICON.rewrite("Where are the Consultatons held?") == "Where are the Consultatons held?"
    assert LEXICON.rewrite("Is the CONSULTATONS date set?") == "Is the CONSULTATONS date set?"
