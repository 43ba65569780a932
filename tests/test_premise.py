"""The premise stage: whether a paragraph bears out what a question takes for granted.
Pure: hand-made paragraphs and the retriever's scoring, no store."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from handmade import LEXICON, OP4, OP9, PP10, R79, RETRIEVER, read

from assistant.lexicon import unanswered_contrast
from assistant.premise import Premises, _adopts_another, _of_another, _of_pairs, covered, only_requested, says
from assistant.retrieve import Hit, Retriever
from index import OP, Paragraph

PREMISES = Premises(RETRIEVER, LEXICON)
PP14 = Paragraph(R79, "en", "PP", 14, "Stressing the importance of the role of humans in the use of force to ensure "
                                      "responsibility and accountability and for States to comply with international law,")
ARTICLE = Paragraph("NEWS/2024-07-09", "en", "P", 3, (
    "Despite being sponsored by the PRC, the United States endorsed the Resolution."))


def hit(p: Paragraph) -> Hit:
    return Hit(p.provision, {p.lang: p})


@pytest.mark.parametrize("question, held", [
    ("Did the Philippines host a regional conference in December 2023?", True),
    ("Did Sierra Leone host a regional conference in April 2024?", True),
    # the names stand in two items of the list: the December conference was the Philippines'
    ("Did Sierra Leone host a regional conference in December 2023?", False),
    # the item says "regional" where the claim says "international"
    ("Did the Philippines host the international conference?", False),
    ("Did Austria host the international conference in April 2024?", True),
])
def test_a_claim_holds_where_its_names_stand_together(question, held):
    assert PREMISES.holds(read(question), hit(PP10)) is held


def test_a_claim_about_something_done_is_not_borne_out_by_a_request_for_it():
    q = read("When did the Group of Governmental Experts fulfil its mandate?")
    assert q.past and only_requested(PREMISES.claim(q), OP4.text)


def test_who_did_it_must_be_who_the_question_says():
    assert PREMISES.other_agents(read("Did China endorse the resolution?"), hit(ARTICLE))
    assert PREMISES.other_agents(read("Why did the United States sponsor the resolution?"), hit(ARTICLE))
    assert not PREMISES.other_agents(read("Did the United States endorse the resolution?"), hit(ARTICLE))
    established = Paragraph("A/RES/79/62", "en", "PP", 7, "the Group of Governmental Experts, established under the "
                            "Convention on Certain Conventional Weapons")
    assert PREMISES.other_agents(read("Was the Group of Governmental Experts set up by the General Assembly?"), hit(established))
    after = Paragraph("A/RES/79/62", "en", "OP", 11, "Requests that the open informal consultations be conducted, if "
                      "possible, after a meeting of the Group of Governmental Experts")
    asked = "Does 79/62 ask the Group of Governmental Experts to facilitate the open informal consultations?"
    assert PREMISES.other_agents(read(asked), hit(after))  # it asks the Group nothing, and nothing of facilitating
    conduct = Paragraph("A/RES/80/57", "en", "OP", 1, "Underlines ... and encourages States to conduct further exchanges")
    assert not PREMISES.other_agents(read("Does 80/57 encourage States to hold further exchanges?"), hit(conduct))


def test_a_share_of_the_claim_and_its_words_in_other_forms():
    match = PREMISES.claim(read("Will the open informal consultations be convened in New York?"))
    assert says(match, OP9.text)
    assert not says(match, "Decides to include in the provisional agenda", coverage=0.5)
    assert covered(PREMISES.claim(read("Does 79/62 ask States to comply?")), "in compliance with the law")


def test_a_wh_question_is_refuted_by_a_rare_word_of_the_texts_it_lacks():
    # "Philippines" is a word of the texts, and rare; OP 9 does not say it
    assert PREMISES.refuted(read(f"Which conferences did {R79.removeprefix('A/RES/')} hold in the Philippines?"), hit(OP9))


def test_no_doer_is_compared_where_the_question_names_none():
    article = Paragraph("NEWS/2024-07-09", "en", "P", 1, "On 25 June 2024, the General Assembly adopted a draft "
                        "Resolution. The Resolution was sponsored by the People’s Republic of China (PRC).")
    assert not PREMISES.other_agents(read("Did China sponsor the resolution adopted on 25 June 2024?"), hit(article))


def test_a_claim_using_a_contrast_word_is_not_borne_out_by_a_text_saying_neither():
    assert unanswered_contrast("Was the June resolution the first UNGA resolution on AI?",
                               "On 25 June 2024, the General Assembly adopted a draft Resolution")
    assert not unanswered_contrast("Was the March resolution the first on AI?", "which was the first UNGA Resolution")
    # a contrast word that is not a modifier is no claim of which: "to last two days"
    assert not unanswered_contrast("Were the consultations to last two days?", "for a duration of two days in 2025")
    # (a contrast of small words, "before"/"after", is left to the texts' order: not required)
    assert not unanswered_contrast("Was 79/62 adopted before 80/57?", "adopted on 2 December 2024")


def test_a_chinese_adoption_the_paragraph_speaks_of_may_be_another_resolutions():
    pp9 = "注意到以协商一致方式通过了关于军事领域新技术和新兴技术对人权的影响的人权理事会2022年10月7日第51/22号决议"
    assert _adopts_another(pp9, ["A/RES/79/62"])
    assert not _adopts_another(pp9, ["A/HRC/RES/51/22"])


def test_an_adoption_the_paragraph_speaks_of_may_be_another_resolutions():
    text = "Noting the adoption by consensus of Human Rights Council resolution 51/22 of 7 October 2022"
    assert _adopts_another(text, ["A/RES/79/62"])
    assert not _adopts_another(text, ["A/RES/79/62", "51/22"])
    assert not _adopts_another("Resolution 79/62 was adopted on 2 December 2024", ["A/RES/79/62"])


NEWS_META = Paragraph("NEWS/2024-07-09", "en", "META", None, "News article of 9 July 2024.",
                      fields={"issued": "2024-07-09"})
FU = Paragraph("NEWS/2024-07-09", "en", "P", 3, (
    "Despite being sponsored by the PRC, the United States endorsed the Resolution. Ambassador Fu, director-general "
    "of the Department of Arms Control at the Chinese Foreign Affairs Ministry from 2018 to 2022, stated that the "
    "Resolution is a first step."))


@pytest.mark.parametrize("question, outdated", [
    # the article, of 2024, dates his post to a period ended in 2022
    ("What did Ambassador Fu, currently director-general of arms control, say?", True),
    ("Is Fu still the director-general of arms control now?", True),
    ("What did Ambassador Fu, director-general from 2018 to 2022, say?", False),  # no claim of now
    # a sentence not holding the question's names says nothing of it
    ("Which resolution does the PRC currently sponsor?", False),
])
def test_a_claim_of_now_is_refuted_by_a_period_the_text_says_ended(question, outdated):
    premises = Premises(Retriever(SimpleNamespace(paragraphs=[NEWS_META, FU], idf=lambda: {}, bm25=None)), LEXICON)
    assert premises.outdated(read(question), hit(FU)) is outdated


@pytest.mark.parametrize("question, wrong", [
    ("Why did the US ambassador thank China?", True),  # the text's ambassador is at the Chinese ministry
    ("Which US ambassador spoke in favour of the resolution?", True),
    ("What did the Chinese ambassador say?", False),
    ("What did Ambassador Fu say?", False),  # (no State given to him)
])
def test_an_official_given_another_state_than_the_texts_give(question, wrong):
    assert PREMISES.misattributed(read(question), hit(FU)) is wrong


def test_a_resolutions_own_deed_is_not_borne_out_by_anothers():
    from assistant.premise import _only_anothers
    text = "Noting the calls by the Secretary-General to commence negotiations of a legally binding instrument"
    assert _only_anothers(text, {"call"})
    assert not _only_anothers("Calls upon the Group of Governmental Experts to fulfil its mandate", {"call"})
    # "taking note of General Assembly resolution 79/239": the note is the resolution's own
    assert not _only_anothers("and in this regard taking note of General Assembly resolution 79/239", {"take"})



def test_a_claim_putting_things_the_other_way_round_of_after_is_reversed():
    op11 = Paragraph(R79, "en", OP, 11, "Requests that the open informal consultations be conducted, if possible, after a "
                                        "meeting of the Group of Governmental Experts for the purpose of complementarity;")
    premises, hit = Premises(RETRIEVER, LEXICON), Hit(op11.provision, {"en": op11})
    assert premises.reversed_order(read("Does 79/62 want the GGE to meet after the consultations?"), hit)
    assert not premises.reversed_order(read("Does 79/62 want the consultations held after a GGE meeting?"), hit)


@pytest.mark.parametrize("question, held", [
    ("Did Austria host the international conference in April 2024?", True),
    # "May" is no word the index keeps: the month is looked for as the paragraph writes it
    ("Did Austria host the international conference in May 2024?", False),
    ("Did Austria host the international conference on 29 May?", False),
])
def test_a_month_the_claim_dates_by_must_be_the_paragraphs(question, held):
    assert PREMISES.holds(read(question), hit(PP10)) is held


def test_a_claim_that_a_resolution_mentions_words_is_held_by_them_inside_a_title():
    # OP 4 names the Group and the Convention on Prohibitions ... only in long titles
    assert PREMISES.holds(read("Does 79/62 mention prohibitions?"), hit(OP4))
    assert not PREMISES.holds(read("Does 79/62 ban autonomous weapons?"), hit(OP4))


def test_a_word_the_question_itself_puts_as_to_be_done_is_no_sign_of_a_mere_request():
    asked = PREMISES.claim(read("Why did 79/62 decide to hold the consultations?"))
    assert not only_requested(asked, "Decides to convene the consultations", "Why did 79/62 decide to hold the consultations?")
    assert only_requested(PREMISES.claim(read("When did the Group finish its mandate?")),
                          "Calls upon the Group to finish its mandate", "When did the Group finish its mandate?")


def test_a_preambular_paragraph_decides_nothing():
    assert not PREMISES.holds(read("Why did 79/62 decide to acknowledge the conference hosted by Austria?"), hit(PP10))
    assert PREMISES.holds(read("Why did 79/62 acknowledge the conference hosted by Austria?"), hit(PP10))


def test_the_purpose_a_why_question_states_must_be_the_paragraphs():
    assert not PREMISES.holds(read("Why does 79/62 stress the role of humans in the use of force to ensure victory?"), hit(PP14))
    assert PREMISES.holds(read("Why does 79/62 stress the role of humans in the use of force to ensure accountability?"), hit(PP14))


@pytest.mark.parametrize("claim, pairs", [
    ("the role of States in the use of force", [("role", ["state"]), ("use", ["forc"])]),
    ("States' role", [("role", ["state"])]),  # the owner before the thing
    ("implications of military technologies", [("implic", ["militari", "technolog"])]),
    # an event after "of", not an owner: nothing to compare
    ("the risk of weapons ending up with unauthorized recipients", []),
])
def test_what_a_claim_has_of_what(claim, pairs):
    assert _of_pairs(claim) == pairs


def test_a_thing_the_claim_has_of_another_owner_than_the_paragraph():
    for swapped in ("Why does the Assembly stress the role of States in the use of force?",
                    "Does 79/62 stress States' role in the use of force?"):
        assert not PREMISES.holds(read(swapped), hit(PP14)), swapped
    for held in ("Why does the Assembly stress the role of humans in the use of force?",
                 "Does 79/62 stress the importance of human control in the use of force?"):  # "of the role of humans"
        assert not _of_another(held, PP14.text), held
    # an abbreviation is read with its words: the report is the Secretary-General's, not the ICRC's
    op1 = Paragraph(R79, "en", "OP", 1, "Notes with appreciation the report of the Secretary-General, which reflects "
                                        "views of the International Committee of the Red Cross and civil society;")
    assert _of_another(PREMISES.spelt_out("Why does 79/62 note the report of the ICRC?"), op1.text)
    assert not _of_another(PREMISES.spelt_out("Does 79/62 note the report of the SG?"), op1.text)


def test_a_negation_the_claim_states_is_not_borne_out_by_a_paragraph_saying_none():
    pp5 = Paragraph(R79, "en", "PP", 5, "Recognizing that new and emerging technologies hold great promise and may "
                                        "help better protect civilians in conflict,")
    assert not PREMISES.holds(read("Why does the Assembly hold that new technologies could not help protect civilians?"), hit(pp5))
    assert PREMISES.holds(read("Why does the Assembly hold that new technologies could help protect civilians?"), hit(pp5))
    pp4 = Paragraph(R79, "en", "PP", 4, "Concerned about proliferation, including to unauthorized recipients and non-State actors,")
    # "that aren't States" is "non-State"
    assert PREMISES.holds(read("Is 79/62 concerned about proliferation to actors that aren't States?"), hit(pp4))


def test_a_word_after_a_prepositional_to_is_no_request():
    claim = "Why was the Assembly mindful of the challenges raised by artificial intelligence?"
    text = "Mindful of the challenges that applications, including those related to artificial intelligence, raise"
    assert not only_requested(PREMISES.claim(read(claim)), text, claim)
    claim = "Why did the Assembly recognize that new technologies could help better protect civilians?"
    assert not only_requested(PREMISES.claim(read(claim)), "technologies may help to better protect civilians", claim)
    # ... while "to" before a deed asked for still is one
    assert only_requested(PREMISES.claim(read("When did the Group finish its mandate?")),
                          "Calls upon the Group to finish its mandate", "When did the Group finish its mandate?")


def test_an_obligation_is_not_borne_out_by_a_call():
    assert not PREMISES.holds(read("Does 79/62 require the Group to fulfil its mandate by the end of 2025?"), hit(OP4))
    assert PREMISES.holds(read("Does 79/62 call upon the Group to fulfil its mandate by the end of 2025?"), hit(OP4))


def test_a_thing_of_a_list_holds_each_item_of_it():
    op9 = Paragraph(R79, "en", "OP", 9, "Decides that these consultations shall be open to the full participation of all "
                                        "Member States and observer States, international and regional organizations, the "
                                        "International Committee of the Red Cross and civil society, including the scientific "
                                        "community and industry;")
    assert not _of_another("Are the consultations open to the full participation of civil society?", op9.text)
    assert not _of_another("Are they open to the participation of industry?", op9.text)
    # ... but not past the start of another clause: the report is the Secretary-General's
    op1 = Paragraph(R79, "en", "OP", 1, "Notes with appreciation the report of the Secretary-General, submitted pursuant to "
                                        "resolution 78/241, which reflects views of Member States, the International "
                                        "Committee of the Red Cross and industry;")
    assert not _of_another("the views of the International Committee of the Red Cross", op1.text)
    assert _of_another("the report of the International Committee of the Red Cross", op1.text)


def test_a_negation_word_that_negates_no_claim_is_no_stated_negation():
    claim = "Does 79/62 decide that the consultations will be held in New York or not?"
    assert PREMISES.holds(read(claim), hit(OP9)), claim
