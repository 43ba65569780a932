"""Premises: whether the texts bear out what a question takes for granted.

A yes-no, why or "when did" question claims something; a wh-question about what a resolution
did presumes it. The claim is read as concepts (its words, their other forms and the texts'
words for them) and tested against the best paragraph: most of it said in the paragraph's own
words (long titles blanked), its names standing together in one clause or list item with the
clause that governs it, no contrast word against it ("by a vote" / "by consensus"), no rare
word of the texts it needs missing, and who did what as the paragraph says it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from index import META, OP, PP, Paragraph
from index.lexical import CJK_CHAR, STOPWORDS, terms

from .evidence import PURPOSE_IN, actors, agents, asked_to, claim_text, claim_units, clause_spans, sentence_spans
from .lexicon import (
    SYNONYMS,
    Lexicon,
    contradicts,
    contrasting,
    in_english,
    nations,
    phrased,
    renamed,
    table_names,
    unanswered_contrast,
    unborne_qualifier,
)
from .retrieve import Hit, Matcher, Retriever
from .text import MONTHS, Concept, chinese_content, concepts, same_word, tokens, translated
from .understand import Query, holds

# Share of a claim's concepts (IDF-weighted; a word the texts never use counts at a median
# word's weight) the best paragraph must express: set on dev, where 0.6 and 0.7 tie.
PREMISE_COVERAGE = 0.7
WHY_COVERAGE = 0.8  # of a why-question's claim
RARE_WORD = 0.9  # share of the highest IDF at which a word of the texts is rare enough to tell a claim by


class Premises:
    """Tests claims against paragraphs of one corpus."""

    def __init__(self, retriever: Retriever, lexicon: Lexicon):
        self.retriever = retriever
        self.lexicon = lexicon
        # the words resolutions frame a paragraph with ("Acknowledging", "Recognizing", "Notes")
        self.framing = frozenset(t for p in retriever.paragraphs if p.part in (PP, OP) and p.lang == "en"
                                 for t in terms(p.text.split(maxsplit=1)[0] if p.text.strip() else ""))
        # the year each text was adopted or issued: what it dates to an earlier year is past
        self._years = {p.doc: int(year[:4]) for p in retriever.paragraphs if p.part == META
                       for year in [p.fields.get("adopted") or p.fields.get("issued") or ""] if year[:4].isdigit()}
        # a question's claim is read once, whichever tests it goes through
        self._claims = lru_cache(maxsize=64)(lambda search: retriever.matcher(_claimed(concepts(search, lexicon), retriever)))

    def holds(self, query: Query, best: Hit) -> bool:
        """A yes-no or why question's claim is in the texts: the best paragraph expresses most
        of it in its own words (not inside the long name of a treaty); a word the texts never
        use lowers that share rather than vetoing the claim ("want", "refer"). A claim
        naming things or numbers must hold where they stand together, in one clause or list
        item: "the Philippines" and "the international conference" are in one paragraph but
        in two items of its list."""
        # a name the texts never use (日内瓦) is not held; of an English-only text, one the word table
        # reads (美国, "United States") is looked for in English below
        said = query.search if "zh" in best.versions else in_english(query.search)[1]
        if query.lang == "zh" and self.lexicon.new_chinese_name(chinese_content(said)):
            return False
        # ... nor a name the word table reads that the provision's English version lacks
        # ("安全理事会主席" of a paragraph inviting the Chair of the Group)
        if query.lang == "zh" and (en := best.versions.get("en")) and _names_lacking(query.search, en.text):
            return False
        p = main_version(best.versions)
        stated = claim_text(p)  # what the paragraph says in its own words, long titles blanked
        purpose = _STATED_PURPOSE.search(query.search)  # what the claim says something is for
        match = self.claim(query)
        if not match.about and query.follow_up:  # "Why?" after a turn: it claims nothing of its own
            return True
        # "Is 'economic' one of the perspectives ...?": words the asker quotes are the claim's own
        if query.lang == "en" and any(not set(terms(q)) <= terms(" ".join(v.text for v in best.versions.values()))
                                      for q in _QUOTED.findall(query.question)):
            return False
        if query.lang == "en" and query.past and only_requested(match, p.text, query.search):
            return False
        # "Did Austria host it in May 2024?": a month the claim dates by is the paragraph's
        # ("May" is no word the index keeps, so no required name holds it)
        if query.lang == "en" and any(not re.search(rf"\b{m}\b", p.text) for m in _claimed_months(query.question)):
            return False
        # "Why did 79/62 decide that international criminal law applies ...?" of "Affirming that
        # ...": a preambular paragraph decides nothing
        if query.lang == "en" and p.part == PP and _DECIDED.search(query.search):
            return False
        # "Why does 79/62 stress the role of humans ... to ensure victory?": the purpose a why-question
        # states is all in the paragraph, or the paragraph gives another ("to ensure responsibility")
        if query.lang == "en" and query.intent == "why" and not query.negated and purpose:
            wanted = self._claims(purpose.group(1))
            if wanted.about and len(covered(wanted, stated)) < len(wanted.about):
                return False
        # "Why does the Assembly stress the role of States in the use of force ...?" of "the role of
        # humans": a thing the claim has "of" another is the paragraph's, of a third
        if query.lang == "en" and query.intent in ("yes-no", "why") and _of_another(self.spelt_out(query.search), stated):
            return False
        # "Why is the Assembly skeptical of ...?", "... that only international humanitarian law
        # applies?": a stance against, a restriction the paragraph does not take
        if query.lang == "en" and unborne_qualifier(query.search, stated):
            return False
        # "Why does the Assembly hold that new technologies could not help ...?": a negation the
        # claim states, of a paragraph saying none
        if query.lang == "en" and not query.negated and _STATED_NEGATION.search(_NO_NEGATION.sub(" ", query.question)) \
                and not _NEGATION.search(stated):
            return False
        # "Does 79/62 mention prohibitions?": a claim about its words, which a treaty's title or
        # another's call holds as well as its own clauses
        if query.lang == "en" and _MENTION_CLAIM.match(query.question):
            return any(says(match, v.text) and holds(terms(v.text), query.required) for v in best.versions.values())
        # "Was 79/62 adopted by consensus?" of "the adoption by consensus of ... resolution 51/22":
        # the adoption the paragraph speaks of is another resolution's
        if self.anothers_adoption(query, p):
            return False
        if self.reversed_order(query, best):  # "the GGE to meet after the consultations"
            return False
        # "Was the June resolution the first on AI?" of a paragraph that says neither first nor last
        if query.lang == "en" and query.intent in ("yes-no", "why") and unanswered_contrast(query.search, stated):
            return False
        # a rare word of the texts that the claim uses and the paragraph does not is what the
        # claim is about: "international criminal law" is 79/62's, not 80/57's
        if query.lang == "en" and self.rare_missing(match, stated):
            return False
        if query.lang == "zh" and self._contradicted_where_named(query, match, best.versions.get("zh")):
            return False
        claimed = query.search
        if query.lang == "zh" and "zh" not in best.versions:  # an English-only text: the claim in its words
            about, english = translated(query.search)
            match = self.retriever.matcher(about) if about else match
            claimed = english or claimed  # ("美国反对了" is "opposed", against "endorsed")
        # a Chinese clause is too short a unit; an article's sentences are not a list's items
        if not query.required or query.lang != "en" or p.part not in (PP, OP, META):
            # (a Chinese question's numbers cannot be looked for in an English-only text)
            required = query.required if query.lang == "en" or query.lang in best.versions else []
            # (a why-question takes its whole claim for granted: a word of it the paragraph does
            # not use is what it gets wrong: "the role of machines", "to widen the digital divide")
            # (... but where the paragraph gives a purpose the question does not state, that is
            # the reason asked, and the claim is read as any other)
            cov = WHY_COVERAGE if query.intent == "why" and not query.negated and not (
                PURPOSE_IN.search(stated) and not purpose) else PREMISE_COVERAGE
            return any(says(match, claim_text(v), coverage=cov) and holds(terms(v.text), required)
                       and not contradicts(claimed, claim_text(v)) for v in best.versions.values())
        names = {i for i, c in enumerate(match.about)  # a name's words, word pairs split: "member_state"
                 if any(holds({w for t in alt for w in t.split("_")}, [required]) for alt in c for required in query.required)}
        in_stated = covered(match, stated)
        elsewhere = in_stated - names
        # a name the paragraph holds in a long title stands for it wherever it is referred to:
        # "the Convention on ... Certain Conventional Weapons ..." ... "adhering to the Convention"
        def words_in(text: str) -> set[int]:  # a name's words, in any order ("the Use of Certain Conventional Weapons")
            have = terms(text)
            return {i for i in names if any(all(w in have for t in alt for w in t.split("_")) for alt in match.about[i])}

        titled = words_in(p.text) - words_in(stated)
        if titled:  # ... with the rest of the claim the title holds ("the Group ... on lethal autonomous weapons systems")
            titled |= covered(match, p.text) - in_stated
        units = claim_units(p)
        opening = units[0].own  # the clause whose verb governs the paragraph: "Decides that ..."
        for k, unit in enumerate(units):
            own = " ".join(dict.fromkeys(x for x in (opening, unit.context, unit.own) if x))
            # "and international | and regional organizations": a bare modifier before is the item's
            near = units[k - 1].words if k and len(units[k - 1].words.split()) <= 2 else ""
            # the names stand together: in the item or in its list's head ("the report of the
            # Secretary-General" ... "and industry"), with the paragraph's opening clause, not
            # some in each of two items ("Sierra Leone" with "December": the Philippines')
            named = _named_in(unit, opening, query.required) \
                or (titled and holds(terms(f"{opening} {unit.context} {unit.own}") | terms(p.text), query.required))
            # ... and the item does not say otherwise: "the regional conferences hosted by the
            # Philippines" of a paragraph opening with "international and regional conferences"
            if named and says(match, own, titled) and not contradicts(query.search, unit.own):
                # a word of the claim that the paragraph uses, but not where its names stand,
                # belongs to another item: "the Philippines" hosted a regional conference, the
                # "international" one was Austria's
                if not (elsewhere - covered(match, f"{own} {near}") - titled):
                    return True
        return False

    def apart(self, query: Query, best: Hit) -> bool:
        """"When in December 2023 did Sierra Leone host ...?": the names and the date a
        wh-question states are all in a resolution's paragraph, but in different items of it
        (December 2023 is the Philippines' conference): what it takes for granted, the
        paragraph says otherwise."""
        p = main_version(best.versions)
        numbers = [r for r in query.required if any(t[:1].isdigit() for alt in r for t in alt)]
        if query.lang != "en" or p.part not in (PP, OP) or not numbers or len(numbers) == len(query.required) \
                or not holds(terms(p.text), query.required):
            return False
        units = claim_units(p)
        # ("Who hosted the REAIM Summit in April 2024?": the month too, where the question gives one)
        months = _claimed_months(query.question)
        return not any(_named_in(unit, units[0].own, query.required) and all(re.search(rf"\b{m}\b", unit.words) for m in months)
                       for unit in units)

    def other_agents(self, query: Query, best: Hit) -> bool:
        """The paragraph says who does what the question says a name it uses did, and that is
        someone else: "sponsored by the People's Republic of China" against "Why did the United
        States sponsor ...?", "the United States endorsed" against "Did China endorse ...?"."""
        p = main_version(best.versions)
        if query.lang != "en" or p is None:
            return False

        def spelt(names: list[set[str]] | None) -> list[set[str]]:  # "PRC": also "People's Republic of China"
            return [a | {t for x in a if (full := self.lexicon.acronym(x.upper())) for t in tokens(full)} for a in names or []]

        # "Does 80/57 call for negotiations?" of "Noting the calls by the Secretary-General to
        # commence negotiations": the resolution's deed, said only as another's
        # ("Did 79/62 ban ...?" in the texts' word: "prohibitions")
        if query.docs and (m := _ITS_OWN_DEED.match(query.question)) and _only_anothers(
                p.text, set(tokens(m.group(1))) | set(tokens(SYNONYMS.get(m.group(1).lower(), "")))):
            return True
        # the question's names that the paragraph has doing something (not "AI", not "2024")
        doers = [r for r in query.required if any(holds(a, [r]) for a in spelt(actors(p.text)))]
        have = terms(claim_text(p))
        for _, verb in deeds(self.claim(query).about, query.required):
            found = spelt(agents(p.text, verb))
            # who the question says does it ("set up by the UNGA" is "established" by it)
            stated = spelt(agents(self.lexicon.cased(phrased(renamed(query.search))), verb, authors=True))
            # "established by the General Assembly" against "established under the Convention"
            said = [a for a in stated if a - verb]
            if not found:
                # "Does 79/62 ask the Group to facilitate ...?" of a paragraph asking the Group
                # nothing and speaking of no facilitating: not that one asked to do it
                wanted = spelt(asked_to(query.search))
                if wanted and not any(t in have or same_word(t, have) for t in verb) \
                        and not any(a & b for a in wanted for b in spelt(asked_to(p.text))):
                    return True
                continue
            if said and not any(a & b or (a & _AUTHOR_WORDS and b & _AUTHOR_WORDS) for a in said for b in found):
                return True
            if not doers:
                continue
            # ... among the names the paragraph has doing something (none stated, nothing to compare)
            asked = [r for r in doers if any(holds(a, [r]) for a in stated)]
            if asked and not any(holds(agent, [r]) for agent in found for r in asked):
                return True
        return False

    def refuted(self, query: Query, best: Hit) -> bool:
        """What a wh-question takes for granted is refuted by the best paragraph: it lacks a
        rare word of the texts the question uses, or it only asks for what the question says
        was done."""
        p = main_version(best.versions)
        # (what it asks for is no part of what it takes for granted: "What is the number of the
        # resolution ... that 80/57 takes note of?")
        match = self._claims(_ASKED_THING.sub("", query.search))
        return query.lang == "en" and (self.rare_missing(match, claim_text(p))
                                       or (query.past and only_requested(match, p.text, query.search))
                                       or contradicts(query.search, claim_text(p)))  # "vetoing" against "endorsed"

    def contrary(self, query: Query, best: Hit) -> list[str]:
        """A wh-question says of what it asks about the contrary of what the best paragraph
        says ("the reason for the US voting against" where the US "endorsed" it): the
        paragraph's words saying so."""
        if query.lang != "en" or query.intent not in ("fact", "why") or query.follow_up:
            return []
        p = main_version(best.versions)
        # ("Was 79/62 adopted without consensus?" is not answered by "the adoption by consensus of ... 51/22")
        if self.anothers_adoption(query, p):
            return []
        return contrasting(query.search, claim_text(p))

    @staticmethod
    def anothers_adoption(query: Query, p: Paragraph) -> bool:
        """The question is about a named resolution's adoption and the adoption the paragraph
        speaks of is another resolution's."""
        return bool(query.docs) and bool(_ADOPT.search(query.search)) and _adopts_another(
            p.text, query.docs + query.ref.mentioned + re.findall(r"\b\d+/\d+\b", query.question))

    def reversed_order(self, query: Query, best: Hit) -> bool:
        """"79/62 wants the GGE to meet after the consultations" where the paragraph has the
        consultations "after a meeting of the Group": what the claim puts on one side of
        "after" or "before", the paragraph puts on the other."""
        if query.lang != "en" or not (m := re.search(r"\b(after|before)\b", query.search, re.I)):
            return False
        text = claim_text(main_version(best.versions))
        if not (n := re.search(rf"\b{m.group(1)}\b", text, re.I)):
            return False
        sides = text[: n.start()], text[n.end() :]

        def placed(part: str) -> tuple[set[int], set[int]]:  # concepts said only before, only after the word
            match = self._claims(part)
            before, after = covered(match, sides[0]), covered(match, sides[1])
            return before - after, after - before

        left, right = placed(query.search[: m.start()]), placed(query.search[m.end() :])
        return bool(left[1]) and not left[0] and bool(right[0]) and not right[1]

    def rare_missing(self, match: Matcher, text: str) -> bool:
        """A concept of the claim that `text` does not express (in any form) but the texts use,
        rarely: a word nearly as rare as any, not one the texts never use ("refer"), nor a
        word resolutions frame paragraphs with ("acknowledge" for "Recognizing")."""
        said = covered(match, text)
        rare = RARE_WORD * self.retriever.max_idf
        # (a short word is too plain to tell a claim by, however rare here: "end", "use")
        return any(i not in said and any(alt and all(self.retriever.idf.get(t, 0.0) >= rare and len(t) >= 5 and t not in self.framing
                                                        for t in alt) for alt in c)
                   for i, c in enumerate(match.about))

    def _contradicted_where_named(self, query: Query, match: Matcher, p: Paragraph | None) -> bool:
        """A clause holding a name of the claim (three characters or more of it, each pair of
        them rare in the texts: "奥地利") says otherwise than the claim: "奥地利...主办的国际会议"
        against "由奥地利主办的区域会议"."""
        if p is None:
            return False
        rare = RARE_WORD * self.retriever.max_idf
        claim = chinese_content(query.search)
        names = {claim[i : i + 3] for i in range(len(claim) - 2)
                 if all(self.retriever.idf.get(claim[j : j + 2], 0.0) >= rare for j in (i, i + 1))}
        return any(any(n in p.text[a:b] for n in names) and contradicts(query.search, p.text[a:b])
                   for a, b in clause_spans(p.text))

    def outdated(self, query: Query, best: Hit) -> bool:
        """The question says something holds now ("Fu, currently director-general", "现任") of
        what the paragraph dates to a period ended before its text was written ("from 2018 to
        2022", in an article of 2024): in a sentence holding the question's names, if it has any."""
        if not _NOW.search(query.question):
            return False
        p = main_version(best.versions)
        written = self._years.get(p.doc)
        if written is None:
            return False
        for a, b in sentence_spans(p.text):
            sentence = p.text[a:b]
            if query.required and not holds(terms(sentence), query.required):
                continue
            if any(int(end) < written for m in _ENDED.finditer(sentence) for end in m.groups() if end):
                return True
        return False

    def misattributed(self, query: Query, best: Hit) -> bool:
        """The question gives an official a State ("the US ambassador") and the paragraph gives
        the official it speaks of another ("Ambassador Fu, ... at the Chinese Foreign Affairs
        Ministry ..., stated")."""
        p = main_version(best.versions)
        if query.lang != "en" or p is None:
            return False
        asked = {n for m in _ROLE.finditer(query.question) for n in nations(_before(query.question, m.start()))}
        if not asked:
            return False
        given = {n for m in _ROLE.finditer(p.text)
                 for n in nations(_before(p.text, m.start()) + " " + _SAYING.split(p.text[m.end():], maxsplit=1)[0][:300])}
        return bool(given) and not asked & given

    def spelt_out(self, text: str) -> str:
        """`text` with each abbreviation the texts spell out followed by its words ("the ICRC
        International Committee of the Red Cross"): a text may use either."""
        return re.sub(r"\b[A-Z][A-Za-z]*[A-Z]s?\b", lambda m: f"{m.group(0)} {self.lexicon.acronym(m.group(0)) or ''}", text)

    def claim(self, query: Query) -> Matcher:
        """The matcher of what a question claims or takes for granted (its own words only)."""
        return self._claims(query.search)


# "currently", "now", "现任": the question says it holds at the time of asking
_NOW = re.compile(r"\b(?:current|currently|now|presently|at present|today|incumbent|sitting|still)\b|现任|目前|现在|如今", re.I)
# the end of a period a text dates something to: "from 2018 to 2022", "until 2022", "2018-2022"
_ENDED = re.compile(r"\b(?:from|between)\s+(?:\d{4})\s+(?:to|and|until)\s+(\d{4})\b|\buntil\s+(?:\w+\s+)?(\d{4})\b"
                    r"|\b\d{4}\s*[-–]\s*(\d{4})\b")
# an official, and where what is said of the official ends ("..., stated that")
_ROLE = re.compile(r"\b(?:ambassador|delegate|representative|minister|envoy|diplomat|spokesperson|official)s?\b", re.I)
_SAYING = re.compile(r"\b(?:stated|said|says|states|noted|added|told|remarked|declared|expressed|thanked|stressed)\b|[.;]")


# what a wh-question asks for, no part of what it takes for granted: "What is the number of ..."
_ASKED_THING = re.compile(r"^\s*(?:and\s+)?(?:what|which)(?:['’]s|\s+(?:is|was|are|were))\s+the\s+(?:[a-z-]+\s+){1,2}?of\s+", re.I)
# the last "to ..." of a claim: what it says something is for ("... to ensure victory")
_STATED_PURPOSE = re.compile(r"\bto\s+((?:(?!\bto\b)[^?])+?)\s*\??\s*$", re.I)
_STATED_NEGATION = re.compile(r"\b(?:that|which)\b[^?]*?(?:\b(?:not|never|no|cannot)\b|n['’]t\b)", re.I)
# negation words that negate no claim: "... or not?", "..., no?", "not only", "no more than"
_NO_NEGATION = re.compile(r"\bor\s+not\b|,\s*no\s*[?？]?\s*$|\bnot\s+(?:only|just|merely)\b|"
                          r"\bno\s+(?:more|less|fewer|later|earlier|sooner)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|never|no|cannot|without)\b|n['’]t\b|\bnon-(?=\w)", re.I)  # ("non-State": "that aren't States")
_DECIDED = re.compile(r"\b(?:decide|decides|decided)\b", re.I)
# a month a claim dates by: "in May 2024", "on 29 April"
_MONTH_DATED = re.compile(rf"\b({'|'.join(MONTHS)})(?=\s+\d{{1,4}}\b)|(?<=\d\s)({'|'.join(MONTHS)})\b")


def _claimed_months(question: str) -> list[str]:
    return [m.group(1) or m.group(2) for m in _MONTH_DATED.finditer(question)]


# "Does 80/57 mention the rolling text?", "Is the ICRC referred to in 79/62?": nothing said of it
_MENTION_CLAIM = re.compile(r"^\s*(?:does|do|did)\s+[^?]{1,40}?\s+(?:mention|refer to|cite)\s+[^?]{1,60}?\s*\??\s*$|"
                            r"^\s*(?:is|are)\s+[^?]{1,60}?\s+(?:mentioned|referred to|referenced|cited)(?:\s+(?:in|by)\s+[^?]{1,40}?)?\s*\??\s*$", re.I)
# words a question quotes: 'economic', "rolling text", “elements”
_QUOTED = re.compile(r"(?<!\w)['‘\"“]([^'’\"”]{2,60})['’\"”](?!\w)")


_OWNER = re.compile(r"\b([A-Za-z][\w-]*?)(?:['’]s|(?<=s)['’])\s+([a-z][\w-]+)")  # "States' role"
_ARTICLES = frozenset({"the", "a", "an"})


def _stem(word: str) -> str:
    """One word as the index keeps it, stop words too ("of" stays "of")."""
    return (tokens(word, keep_stopwords=True) or [""])[0]


def _of_pairs(text: str) -> list[tuple[str, list[str]]]:
    """The (thing, whose) pairs "thing of [the] whose" and "whose's thing" say: the thing's word
    and the words of the name after "of", stemmed; not "the risk of weapons ending up with
    ...", where what follows "of" is an event."""
    words = re.findall(r"[\w-]+", _OWNER.sub(r"\2 of \1", text).lower())
    pairs = []
    for i in range(1, len(words) - 1):
        if words[i] != "of" or words[i - 1] in STOPWORDS:
            continue
        j = i + 1 + (words[i + 1] in _ARTICLES)
        k = j
        while k < len(words) and k - j < 3 and words[k] not in STOPWORDS:
            k += 1
        if k > j and not any(w.endswith("ing") for w in words[j:k]):
            pairs.append((_stem(words[i - 1]), tokens(" ".join(words[j:k]))))
    return pairs


def _of_another(claim: str, text: str) -> bool:
    """The claim has a thing "of" a name whose words the paragraph uses, but where the paragraph
    has that thing "of" something, it is of a third: "the role of States" of "the role of humans
    in the use of force to ensure ... for States to comply". What the paragraph has the thing of
    runs to the end of its phrase, through a list ("the full participation of all Member States
    ..., the International Committee of the Red Cross and civil society"), up to a clause's
    start ("to ensure", "which reflects") or a ";"."""
    pairs = _of_pairs(claim)
    if not pairs:  # (most claims have none: the paragraph is not read)
        return False
    words = [(m.group(0).lower(), _stem(m.group(0))) for m in re.finditer(r"[^\W_][\w'’-]*|[;.]", text)]
    have = {stem for _, stem in words}

    def same(a: str, b: str) -> bool:
        return a == b or same_word(a, {b})

    def phrase_after(k: int) -> list[str]:  # the stems of what the thing at k is "of"
        out = []
        for word, stem in words[k + 2 :]:
            if word in _PHRASE_ENDS:
                break
            out.append(stem)
        return out

    for thing, whose in pairs:
        spots = [k for k in range(len(words) - 1) if words[k + 1][0] == "of" and same(thing, words[k][1])]
        if spots and any(w in have or same_word(w, have) for w in whose) and not any(
                same(w, x) for k in spots for x in phrase_after(k) for w in whose):
            return True
    return False


_PHRASE_ENDS = frozenset({";", ".", "to", "which", "that", "who", "whose", "where", "while", "whereas"})


def _named_in(unit, opening: str, required: list[list[list[str]]]) -> bool:
    """The names stand together in one clause or list item, with its list's head and the
    paragraph's opening clause: "the report of the Secretary-General" ... "and industry"."""
    around = f"{opening} {unit.context}"
    return any(holds(terms(f"{around} {words} {unit.tail}"), required) for words in (unit.words, unit.head) if words) \
        or (unit.tail == unit.own.removeprefix(unit.head + " ") and holds(terms(f"{around} {unit.own}"), required))


def _before(text: str, at: int, words: int = 3) -> str:
    """The few words before position `at`: what a role is qualified by ("the US ambassador")."""
    return " ".join(text[:at].split()[-words:])


_ADOPT = re.compile(r"\badopt(?:ed|ion|s)?\b|通过", re.I)


def _names_lacking(question: str, english: str) -> bool:
    """A name of a Chinese question, read through the word table (not the texts' authors),
    that an English text does not hold."""
    have = terms(english)
    return any(n not in _AUTHORS and (found := tokens(n)) and not all(t in have for t in found) for n in table_names(question))


_AUTHORS = frozenset({"General Assembly", "United Nations"})
# the General Assembly as a doer's words: "the General Assembly", "the UNGA", "the 78th Session of the UN General Assembly"
_AUTHOR_WORDS = frozenset({"general", "assembly", "unga", "ga"})


# "Does 80/57 (itself) call for ...?": what the resolution is asked to have done, its verb
_ITS_OWN_DEED = re.compile(r"^\s*(?:why\s+)?(?:does|did|do)\s+(?:resolution\s+)?\d+/\d+\s+(?:itself\s+|also\s+|actually\s+|really\s+)?([a-z]+)\b", re.I)


def _only_anothers(text: str, verb: set[str]) -> bool:
    """Every word of `text` in `verb`'s forms stands as someone else's: "the calls by the
    Secretary-General", "the Secretary-General's calls", or in what another calls for ("the
    calls by the Secretary-General to conclude ... an instrument with prohibitions")."""
    if not verb or not any(len(v) >= 4 for v in verb):
        return False
    at = [w for w in re.finditer(r"[A-Za-z][\w-]*", text) if same_word(tokens(w.group(0))[0] if tokens(w.group(0)) else "", verb)
          or set(tokens(w.group(0))) & verb]
    return bool(at) and all(re.match(r"\s+by\s+(?:the\s+)?[A-Z]", text[w.end():])
                            or re.search(r"[A-Z][\w-]*['’]s\s+(?:\w+\s+)?$", text[: w.start()])
                            or _ANOTHERS_CALL.search(text[: w.start()]) for w in at)


# what another calls for, up to the word: "calls by the Secretary-General to urgently conclude ... with"
_ANOTHERS_CALL = re.compile(r"\bcalls?\s+(?:by|of)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:to|for)\b[^;.]*$")


def _adopts_another(text: str, docs: list[str]) -> bool:
    """Every clause of `text` speaking of an adoption names a resolution other than `docs`."""
    own = {d.rsplit("/RES/", 1)[-1] for d in docs}
    clauses = [c for c in re.split(r"[,;，；]", text) if _ADOPT.search(c)]
    return bool(clauses) and all((named := set(re.findall(r"(?<![\d/])\d+/\d+(?![\d/])", c))) and not named & own for c in clauses)


def _claimed(about: list[Concept], retriever: Retriever) -> list[Concept]:
    """A claim's concepts less the Chinese character pairs the texts never use: pairs that
    straddle two words ("利主" of "奥地利主办"), not words of the claim (a name the texts do not
    use is caught before, as a new name)."""
    return [c for c in about if not (CJK_CHAR.match(c[0][0]) and len(c) == 1 and len(c[0]) == 1 and c[0][0] not in retriever.idf)]


def deeds(about: list[Concept], required: list[list[list[str]]]) -> list[tuple[Concept, set[str]]]:
    """The concepts of a question that name what is done (not a name it uses, not a word
    pair), each with its words: "sponsor" of "Did the United States sponsor ...?"."""
    named = {t for r in required for alt in r for t in alt}
    out = []
    for c in about:
        verb = {t for alt in c for t in alt if "_" not in t and len(t) >= 4}
        if verb and not verb & named:
            out.append((c, verb))
    return out


# words after which "to" asks for no deed: a preposition ("related to artificial intelligence"),
# or what can be ("help to better protect civilians")
_TO_ASKS_NOTHING = frozenset({
    "help", "helps", "helped", "able", "likely", "related", "relating", "according", "due", "prior", "pursuant",
    "addition", "relation", "contrary", "applies", "apply", "applied", "contribute", "contributes", "contributed",
    "contribution", "contributions", "regard", "respect", "reference", "access", "threat", "risks"})


def only_requested(match: Matcher, text: str, claimed: str = "") -> bool:
    """Some word of the question stands in `text` only as something to be done ("calls upon
    the Group to fulfil its mandate"): a question asking when it was done assumes too much;
    not one the question itself puts as to be done ("Why did 79/62 decide to hold ...?")."""
    def read(said: str) -> list[tuple[str, set[str]]]:  # its words, each with its tokens
        return [(w, set(tokens(w))) for w in re.findall(r"[A-Za-z][\w-]*", said)]

    def requested_at(words: list[tuple[str, set[str]]], wanted: set[str]) -> list[bool]:  # "to" before each word wanted
        return [i > 0 and words[i - 1][0].lower() == "to" and (i < 2 or words[i - 2][0].lower() not in _TO_ASKS_NOTHING)
                for i, (_, toks) in enumerate(words) if toks & wanted]

    words, asked = read(text), read(claimed)
    for concept in match.about:
        wanted = {t for alt in concept for t in alt if "_" not in t}
        at, said = requested_at(words, wanted), requested_at(asked, wanted)
        if at and all(at) and not (said and all(said)):
            return True
    return False


def says(match: Matcher, text: str, also: set[int] = frozenset(), coverage: float = PREMISE_COVERAGE) -> bool:
    """`text` expresses most of the question's concepts (with `also`, those known held)."""
    total = match.weight(set(range(len(match.about))))
    return bool(total) and match.weight(covered(match, text) | also) / total >= coverage


def covered(match: Matcher, text: str) -> set[int]:
    """The question's concepts (by position) that `text` expresses, a word counting in another
    form of it too: "comply" in "compliance", "universalizing" in "universalization" (their
    stems share a beginning of five letters or more, one the start of the other)."""
    have = terms(text)
    found = set(match.read(text)[2])
    for i, concept in enumerate(match.about):
        if i not in found and any(all(t in have or same_word(t, have) for t in alt) for alt in concept):
            found.add(i)
    return found


def main_version(versions: dict[str, Paragraph]) -> Paragraph | None:
    """The English version of a provision where there is one, else its only one."""
    return versions.get("en") or next(iter(versions.values()), None)
