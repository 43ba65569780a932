"""Stage 3, evidence: the spans of a paragraph that answer, how they are quoted, and the fact
they hold. Pure: hand-made paragraph records and a matcher over their IDF, no store."""
from __future__ import annotations

import pytest
from handmade import AGENDA80, META79, OP4, OP4_ZH, OP9, OP9_ZH, OP10, PP10, R79, R80, matcher, read

from assistant.evidence import (
    FACT_PATTERNS,
    Evidence,
    claim_text,
    claim_units,
    clause_spans,
    fact_in,
    is_deadline,
    new_facts,
    purpose_in,
    select,
    select_by_meaning,
    zh_doer,
)
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


def test_a_long_name_is_shortened_to_its_first_words_and_the_noun_its_relative_clause_qualifies():
    quote = select(OP4, matcher(""), None, whole=True).quote()
    # "... Certain Conventional Weapons Which May Be Deemed to Be Excessively Injurious ...": the clause goes
    assert "High Contracting Parties … Certain Conventional Weapons … in 2023" in quote
    assert "Excessively Injurious" not in quote and "Which May" not in quote
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
    "until its next session", "第八十一届会议", "no later than 15 March 2026", "2025年底之前", "from 2018 to 2022",
    "2024年4月17日和18日",
])
def test_when_pattern_reads_sessions_and_deadlines_whole(text):
    m = FACT_PATTERNS["when"].search(text)
    assert m and m.group(0) == text


# ---------------------------------------------------------------- new_facts

NOTE = Paragraph(R79, "en", OP, 3, "Takes note of the 42 submissions received from Member States, as contained in "
                                   "document A/79/88, and of the United Nations, Treaty Series, vol. 1342, No. 22495;")


def test_a_fact_already_in_the_question_is_not_new():
    assert new_facts(OP9.text, "when", "When will the consultations be convened?") == ["in 2025"]
    assert new_facts(OP9.text, "when", "When in 2025 will the consultations be convened?") == []
    assert new_facts(OP9.text, "where", "Where in New York are they convened?") == []
    assert new_facts(OP9.text, None, "When?") == []


def test_a_number_answers_how_many_only_when_it_counts_what_is_asked():
    assert new_facts(OP9.text, "how-many", "How much money is given?", ["money"]) == []  # "two days"
    assert new_facts(OP9.text, "how-many", "How many days?", ["day"]) == ["two"]
    assert new_facts(OP9.text, "how-many", "How many?") == ["two"]  # nothing named: any number
    # the number counts the noun that follows it, not a word further on
    assert new_facts(NOTE.text, "how-many", "How many submissions were received?", ["submiss"]) == ["42"]
    assert new_facts(NOTE.text, "how-many", "How many observers spoke?", ["observ"]) == []


def test_a_chinese_number_counts_the_word_after_it():
    text = "邀请十二个国家参加，会期两天；"
    assert new_facts(text, "how-many", "多少国家？", ["国家"]) == ["十二个"]
    assert new_facts(text, "how-many", "多少组织？", ["组织"]) == []


def test_digits_in_chinese_text_count_the_word_after_them():
    assert any("12" in f for f in new_facts("邀请12个国家参加；", "how-many", "多少国家？", ["国家"]))


def test_a_number_does_not_count_a_noun_further_on_in_the_clause():
    assert new_facts(NOTE.text, "how-many", "How many States made submissions?", ["state"]) == []


# ---------------------------------------------------------------- FACT_PATTERNS


@pytest.mark.parametrize("text", [
    "A/79/88", "A/C.1/79/L.43", "A/RES/78/241", "S/RES/2231",
    "Treaty Series, vol. 1342, No. 22495", "Treaty Series, vol. 1342", "Supplement No. 53",
])
def test_reference_pattern_reads_symbols_and_treaty_series_whole(text):
    m = FACT_PATTERNS["reference"].search(text)
    assert m and m.group(0) == text


def test_reference_pattern_finds_no_reference_in_plain_prose():
    assert FACT_PATTERNS["reference"].search(OP9.text) is None
    assert [m.group(0) for m in FACT_PATTERNS["reference"].finditer(NOTE.text)] == [
        "A/79/88", "Treaty Series, vol. 1342, No. 22495"]


@pytest.mark.parametrize("text, found", [
    ("for a duration of two days in 2025", ["two"]),  # a year is not a count
    ("the 42 submissions", ["42"]),
    ("twelve States and a dozen organizations", ["twelve", "dozen"]),
    ("resolution 78/241 of 2023", []),  # neither a symbol nor a year
    ("邀请三名专家", ["三名"]),
])
def test_how_many_pattern(text, found):
    assert [m.group(0) for m in FACT_PATTERNS["how-many"].finditer(text)] == found


@pytest.mark.parametrize("text", [
    "after a meeting of the Group of Governmental Experts", "following each session of the Group",
])
def test_when_pattern_reads_a_time_relative_to_a_meeting(text):
    m = FACT_PATTERNS["when"].search(text)
    assert m and m.group(0) == text


def test_when_pattern_needs_whose_meeting():
    assert FACT_PATTERNS["when"].search("after the meeting") is None


@pytest.mark.parametrize("fact, deadline", [
    ("by the end of 2025", True), ("before its next session", True), ("until 2026", True),
    ("no later than 15 March 2026", True), ("prior to the session", True), ("2025年底之前", True),
    ("in 2025", False), ("on 2 December 2024", False), ("of its eighty-first session", False), ("2025年", False),
])
def test_is_deadline(fact, deadline):
    assert is_deadline(fact) is deadline


# ---------------------------------------------------------------- claims


def test_claim_text_blanks_long_names():
    said = claim_text(OP4)
    assert "Prohibitions" not in said and "Conventional Weapons" not in said
    assert "Calls upon the Group of Governmental Experts to fulfil its mandate" in said  # short names stay
    assert "preferably by the end of 2025" in said


def test_claim_text_drops_the_adverbs_numbering_points():
    p = Paragraph("NEWS/2024-07-09", "en", "P", 3, "It is relevant for three reasons. Firstly, it underscores ... Lastly, it marks ...")
    said = claim_text(p)
    assert "Firstly" not in said and "Lastly" not in said and "underscores" in said


def test_claim_text_blanks_chinese_titles():
    said = claim_text(OP4_ZH)
    assert "禁止" not in said and "《" not in said and "公约" not in said
    assert "2025年底之前" in said and "缔约国" in said


def test_claim_units_are_clauses_and_list_items_in_the_paragraphs_words():
    units = claim_units(OP9)
    assert all(u.words in OP9.text for u in units)
    assert [u.words for u in units][:3] == [
        "Decides that the open informal consultations should be convened in New York for a duration of two days "
        "in 2025",
        "and that these consultations shall be open to the full participation of all Member States",
        "and observer States"]


def test_an_and_item_carries_the_first_item_of_its_list():
    own = {u.words: u.own for u in claim_units(PP10)}
    philippines = "including the latest regional conferences hosted by the Philippines on 13 and 14 December 2023"
    assert own[philippines] == philippines  # the first item says what it says alone
    sierra_leone = "and by Sierra Leone on 17 and 18 April 2024,"
    assert own[sierra_leone] == f"{philippines} {sierra_leone}"
    korea = next(w for w in own if "Korea" in w)
    assert own[korea].startswith("the international conference hosted by Austria")  # the head of its own list


def test_a_short_phrase_after_a_comma_is_an_item_of_the_list_with_its_head():
    units = claim_units(OP9)
    science = next(u for u in units if "scientific community" in u.words)
    # "... open to the full participation of all Member States and observer States, ...,
    # the International Committee of the Red Cross and civil society, including the
    # scientific community and industry": the item is read with what the list is of
    assert science.head.startswith("Decides") and "full participation" in science.head
    assert science.own.endswith(science.words.strip())


def test_a_long_clause_after_a_comma_starts_a_head_of_its_own():
    austria = next(u for u in claim_units(PP10) if "Austria" in u.words)
    assert austria.head == "" and "Philippines" not in austria.own


def test_claim_units_blank_long_names():
    assert not any("Excessively Injurious" in u.own for u in claim_units(OP4))
    assert any("Excessively Injurious" in u.words for u in claim_units(OP4))


# ---------------------------------------------------------------- select: names, who


def test_a_clause_holding_a_required_name_is_kept():
    q = "When was the conference held by Korea?"
    without = texts(select(PP10, matcher(q), "when"))
    assert not any("Korea" in k for k in without)
    kept = texts(select(PP10, matcher(q), "when", names=read(q).required))
    assert any("Republic of Korea on 9 and 10 September 2024" in k for k in kept)


def test_the_list_answering_who_is_kept_to_its_end():
    m = matcher("Who may participate in the consultations?")
    assert texts(select(OP9, m, None)) == [
        "and that these consultations shall be open to the full participation of all Member States"]
    kept = " ".join(texts(select(OP9, m, "who")))
    assert kept.startswith("and that these consultations shall be open")
    assert kept.endswith("including the scientific community and industry;")  # to the ";"
    assert "observer States" in kept and "International Committee of the Red Cross" in kept


# ---------------------------------------------------------------- select_by_meaning

# five short clauses of 12, 6, 8, 11 and 7 words: 44 in all, over the 32-word budget
MANY = Paragraph(R79, "en", OP, 2, (
    "Welcomes the report of the Secretary-General on the views of Member States, notes the submissions of observer "
    "States, notes with appreciation the submissions of civil society, takes note of the work of the Group of "
    "Governmental Experts, and encourages further exchanges among all stakeholders;"))
OPENING = "Welcomes the report of the Secretary-General on the views of Member States"


def test_by_meaning_the_closest_clause_comes_with_the_opening_clause():
    quote = select_by_meaning(MANY, [0.1, 0.2, 0.9, 0.5, 0.3]).quote()
    assert quote == f"{OPENING} … notes with appreciation the submissions of civil society …"


def test_by_meaning_a_clause_nearly_as_close_is_added_within_the_budget():
    quote = select_by_meaning(MANY, [0.1, 0.2, 0.9, 0.85, 0.3]).quote()
    assert quote == (f"{OPENING} … notes with appreciation the submissions of civil society, "
                     "takes note of the work of the Group of Governmental Experts …")
    # all nearly as close: the nearest that fit (12 + 8 + 11 = 31 words), no more
    quote = select_by_meaning(MANY, [0.1, 0.85, 0.9, 0.88, 0.87]).quote()
    assert "Group of Governmental Experts" in quote
    assert "observer States" not in quote and "stakeholders" not in quote


def test_by_meaning_the_opening_clause_alone_when_it_is_closest():
    assert select_by_meaning(MANY, [0.9, 0.2, 0.1, 0.5, 0.3]).quote() == f"{OPENING} …"


def test_by_meaning_a_short_paragraph_or_unmatched_similarities_give_the_whole():
    assert select_by_meaning(OP10, [0.9, 0.1]).spans == ((0, len(OP10.text)),)
    assert select_by_meaning(MANY, [0.9]).spans == ((0, len(MANY.text)),)  # one similarity for five clauses


def test_a_participle_or_relative_clause_is_read_with_what_it_qualifies():
    p = Paragraph(R79, "en", "OP", 1, "Notes with appreciation the report of the Secretary-General, submitted pursuant "
                  "to resolution 78/241, which reflects a wide range of views, and welcomes the submissions;")
    units = [u.words for u in claim_units(p)]
    assert any("Secretary-General" in u and "submitted pursuant" in u and "which reflects" in u for u in units)


def test_a_lists_predicate_is_said_of_each_of_its_items():
    p = Paragraph(R79, "en", "PP", 2, "Affirming that international law, including the Charter of the United Nations, "
                  "international humanitarian law and international human rights law, applies in relation to "
                  "autonomous weapons systems,")
    units = claim_units(p)
    charter = next(u for u in units if "Charter" in u.words)
    assert charter.tail.startswith("applies") and "autonomous weapons" in charter.own
    assert all("applies in relation" in u.own for u in units)


def test_who_does_what_a_verb_names():
    from assistant.evidence import actors, agents
    article = ("Despite being sponsored by the PRC, the United States endorsed the Resolution. "
               "The conferences were hosted by the Netherlands and the Republic of Korea.")
    assert agents(article, {"sponsor"}) == [{"prc"}]
    assert agents(article, {"endors"}) == [{"state"}]
    assert {"korea", "republ"} in agents(article, {"host"}) and {"netherland"} in agents(article, {"host"})
    assert agents(article, {"condemn"}) is None
    assert {"prc"} in actors(article) and {"state"} in actors(article)


def test_on_whose_authority_and_who_in_a_question():
    from assistant.evidence import agents
    assert agents("the Group of Governmental Experts, established under the Convention on Prohibitions", {"establish"}) \
        == [{"convent"}]
    assert agents("Was the Group established by the General Assembly?", {"establish"}) == [{"general", "assembly"}]
    assert agents("Did China endorse the resolution?", {"endors"}) == [{"china"}]
    assert agents("The Resolution was sponsored by the PRC.", {"resolut"}) is None  # a noun, not a deed


def test_a_chinese_enumeration_comma_does_not_end_a_clause():
    text = "认可红十字国际委员会、民间社会组织、学术界和工业界的宝贵贡献，以及其他利益攸关方。"
    assert [text[a:b] for a, b in clause_spans(text)][0] == "认可红十字国际委员会、民间社会组织、学术界和工业界的宝贵贡献，"


def test_the_doers_of_the_item_the_question_names():
    from assistant.evidence import doers
    text = PP10.text
    assert doers(text, {"host"}, [[["decemb"]], [["2023"]]]) == ["the Philippines"]
    assert doers(text, {"host"}, [[["region"]]]) == ["the Philippines", "Sierra Leone"]
    assert doers(text, {"host"}, [[["internat"]], [["april"]]]) == ["Austria"]
    assert doers(text, {"condemn"}, []) == []


def test_a_relative_clause_is_quoted_with_what_it_qualifies():
    p = Paragraph(R79, "en", "PP", 7, "Welcoming the growing interest in these issues, and the efforts of the Chair to "
                  "capture this as part of a rolling text, which represents a significant milestone in the work of "
                  "the Group towards the fulfilment of its mandate, and noting other matters of the session,")
    quoted = " ".join(p.text[a:b] for a, b in select(p, matcher("What does 80/57 say about the rolling text?"), None).spans)
    assert "rolling text, which represents a significant milestone" in quoted


ZH_PP10 = ("承认国家主导的国际和区域会议及倡议的重要贡献，这些会议包括最近由菲律宾于2023年12月13日和14日以及塞拉利昂于2024年4月17日和18日"
           "主办的区域会议，奥地利于2024年4月29日和30日主办的国际会议和大韩民国于2024年9月9日和10日举办的军事领域负责任人工智能峰会，")


@pytest.mark.parametrize("question, who", [
    ("军事领域负责任人工智能峰会是哪个国家主办的？", "大韩民国"),
    ("2024年4月的区域会议是谁主办的？", "塞拉利昂"),  # of two hosts of regional conferences, the one of that date
    ("区域会议是哪些国家主办的？", "菲律宾、塞拉利昂"),
    ("区域会议是谁主办的？", None),  # one asked of two: not guessed
])
def test_a_chinese_who_question_is_answered_by_the_host_of_the_thing_it_describes(question, who):
    assert zh_doer(ZH_PP10, question) == who


def test_the_doer_named_as_the_subject_of_the_verb():
    from assistant.evidence import doers
    text = ("Despite being sponsored by the PRC, the United States endorsed the Resolution. "
            "The General Assembly adopted the resolution without a vote.")
    assert doers(text, {"endors"}, []) == ["the United States"]
    assert doers(text, {"sponsor"}, []) == ["the PRC"]
    assert doers(text, {"adopt"}, []) == []  # the text's own voice is no doer


def test_a_role_named_is_not_who_holds_it():
    from assistant.evidence import tells_who
    op8 = "Invites the Chair of the Group of Governmental Experts to participate in the open informal consultations"
    asked = "Who chairs the Group of Governmental Experts?"
    assert not tells_who(op8, "chairs", asked)  # the role, its holder unnamed
    assert tells_who(op8, "invites", asked)  # the deed itself
    assert tells_who("negotiations under the leadership of the Netherlands", "leads", "Who leads the negotiations?") is False  # other stem
    assert tells_who("the chairing of the Netherlands", "chairs", asked)  # a noun whose doer is named


def test_those_a_text_asks_to_do_something():
    from assistant.evidence import agents, asked_to
    op10 = "Requests the Secretary-General to facilitate the informal consultations"
    assert asked_to(op10) == [{"secretari"}]
    assert agents(op10, {"facilit"}) == asked_to(op10)
    assert asked_to("Requests that the open informal consultations be conducted") == []
    # the name as names are written: not the clause after it
    long = "Requests the Secretary-General to seek the views of Member States and to submit a report to the General Assembly"
    assert asked_to(long) == [{"secretari"}]


def test_of_an_articles_sentences_those_about_the_question():
    from assistant.evidence import sentences_about
    text = ("The Resolution adopted on 25 June 2024 delves further into the theme. It underscores the challenges. "
            "Ambassador Fu, director-general from 2018 to 2022, stated that China is thankful.")
    match = matcher("When was the capacity-building resolution adopted?")
    about = [text[a:b] for a, b in sentences_about(text, match)]
    assert about[0].startswith("The Resolution adopted") and not any("2018" in s for s in about)
    assert sentences_about("Decides to convene consultations in 2025.", match) == []  # one sentence: all of it


def test_a_list_question_keeps_the_list_the_best_clause_opens():
    text = ("关切自主武器系统可能对全球安全以及区域和国际稳定造成的负面后果和影响，包括可能引发军备竞赛，加剧现有冲突和人道主义危机、"
            "误判、降低冲突门槛和冲突升级以及扩散，包括扩散给未经授权的接受者和非国家行为体等，")
    p = Paragraph(R79, "zh", "PP", 4, text)
    match = matcher("第79/62号决议关切自主武器系统会带来哪些风险？")
    assert "军备竞赛" in select(p, match, None, listing=True).quote()
    assert "军备竞赛" not in select(p, match, None).quote()  # (the best clause alone)


def test_a_list_question_keeps_the_list_from_the_best_clause_when_that_clause_opens_it():
    text = ("Concerned about the possible negative consequences and impact of autonomous weapon systems on "
            "international peace and security, including the risk of an emerging arms race, of exacerbating conflicts "
            "and humanitarian crises, miscalculations, lowering the threshold for and escalation of conflicts and "
            "proliferation, including to unauthorized recipients and non-State actors,")
    p = Paragraph(R80, "en", "PP", 4, text)
    match = matcher("What risks does 80/57 list?")
    listed = select(p, match, None, listing=True).quote()
    assert "arms race, of exacerbating conflicts and humanitarian crises, miscalculations" in listed
    assert "miscalculations" not in select(p, match, None).quote()  # (the best clause alone)


@pytest.mark.parametrize("question, listing", [
    ("What risks does 80/57 list?", True),
    ("What are the three reasons the article gives?", True),
    ("It matters for three main reasons. What are they?", True),
    ("Were the consultations two days long?", False),
    ("79/62号决议担心哪些风险？", True),
    ("What risks does 80/57 mention?", False),
])
def test_a_question_asking_for_a_list(question, listing):
    from assistant.api import _LISTING
    assert bool(_LISTING.search(question)) is listing


def test_the_list_a_kind_asked_for_ends_is_kept_whole():
    text = ("Underlines that a comprehensive and inclusive approach will be required to address the full range of "
            "challenges and concerns posed by autonomous weapons systems, including consideration of legal, "
            "technological, ethical, humanitarian and security perspectives, in order to safeguard international "
            "peace and security;")
    p = Paragraph(R79, "en", "OP", 6, text)
    match = matcher("Which perspectives should a comprehensive approach consider?")
    kept = select(p, match, None, kind={"perspect"}).quote()
    assert "legal, technological, ethical, humanitarian and security perspectives" in kept
    assert "technological, ethical" not in select(p, match, None).quote()


def test_a_list_of_prose_is_its_enumerating_sentences():
    text = ("The Resolution is relevant for three main reasons. Firstly, it underscores the challenges faced by "
            "developing countries. Its authors add much detail here that is not a reason at all, over many words of "
            "prose. Secondly, it reiterates that AI developments must comply with international law. Lastly, it "
            "marks a significant step further due to its global reach.")
    p = Paragraph("NEWS/2024-07-09", "en", "P", 3, text)
    match = matcher("What are the three main reasons?")
    quote = select(p, match, None, listing=True).quote()
    assert all(w in quote for w in ("developing countries", "international law", "global reach"))


def test_a_chinese_clause_carried_on_after_a_comma_is_quoted_with_its_verb():
    op3 = Paragraph(R79, "zh", OP, 3, "重点指出必须应对自主武器系统带来的挑战和关切，并鼓励所有会员国积极参加政府专家组的工作，"
                                      "包括考虑作为观察员参加政府专家组的工作和加入《公约》；")
    quoted = select(op3, matcher("鼓励 会员国"), None).quote()
    assert "并鼓励所有会员国积极参加政府专家组的工作，包括考虑作为观察员参加" in quoted  # a closing "including" too


def test_a_short_purpose_is_quoted_with_its_clause_where_a_purpose_is_asked():
    op3 = Paragraph(R80, "en", OP, 3, "Calls upon the High Contracting Parties to the Convention on Prohibitions or Restrictions on "
                                      "the Use of Certain Conventional Weapons to work towards completing the set of elements for an "
                                      "instrument being developed within the mandate of the Group of Governmental Experts on Emerging "
                                      "Technologies in the Area of Lethal Autonomous Weapons Systems, with a view to future negotiations;")
    asked = select(op3, matcher("Why complete the set of elements"), None, purpose=True).quote()
    assert asked.endswith("with a view to future negotiations")
    assert "future negotiations" not in select(op3, matcher("complete the set of elements"), None).quote()


def test_the_purpose_a_paragraph_gives_is_kept_where_a_purpose_is_asked():
    # 79/62 OP 7: the purpose stands mid-clause, after a long clause of its own
    op7 = Paragraph(R79, "en", OP, 7, (
        "Decides to convene open informal consultations in 2025 to consider the report of the Secretary-General in full "
        "complementarity with and in a manner that supports the fulfilment of the mandate of the Group of Governmental "
        "Experts in order to further the international community's understanding of the issues involved by discussing "
        "the full range of views received, including proposals and relevant aspects raised in the report that may thus "
        "far not have been discussed in detail in the Group of Governmental Experts;"))
    asked = matcher("Why did 79/62 decide to hold open informal consultations in 2025?")
    assert "in order to further the international community" in select(op7, asked, None, purpose=True).quote()
    assert "in order to further" not in select(op7, asked, None).quote()

    assert purpose_in(select(op7, asked, None, purpose=True)).startswith("in order to further the international community")
    assert purpose_in(select(op7, matcher("open informal consultations in 2025"), None)) is None


def test_what_follows_a_lists_last_item_is_said_of_every_item():
    pp = Paragraph("A/RES/80/57", "en", "PP", 9, (
        "Recognizing the valuable contributions made by United Nations entities and international and regional "
        "organizations, the International Committee of the Red Cross, civil society organizations, academia, "
        "industry and other stakeholders in enriching international discussions on autonomous weapons systems,"))
    units = claim_units(pp)
    red_cross = next(u for u in units if "Red Cross" in u.words)
    assert "in enriching international discussions" in red_cross.own
    assert all("enriching" in u.own for u in units)
