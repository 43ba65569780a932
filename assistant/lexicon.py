"""The words a question may use that the texts do not: abbreviations, everyday words, typos.

Three sources, in order of trust:
  1. the hand-made table in `data/lexicon.toml` (abbreviations the texts never spell out as
     initials, everyday words for the texts' own vocabulary);
  2. abbreviations derived from the texts themselves: "IHL" is the initials of a phrase the
     corpus uses ("international humanitarian law"), found through its indexed word pairs;
  3. spelling: a word the corpus does not know is matched to the closest word it does know
     (rapidfuzz, edit-distance ratio), so "confrence" reads as "conference".
"""
from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from index.detect import MONTHS as _MONTHS_BY_LANG
from index.lexical import STOPWORDS, phrase_pairs, tokens

DATA = Path(__file__).resolve().parent / "data" / "lexicon.toml"
_TABLE = tomllib.loads(DATA.read_text(encoding="utf-8"))
ACRONYMS: dict[str, str] = _TABLE["acronyms"]
ALWAYS_ACRONYMS = frozenset(_TABLE["always_acronyms"])
SYNONYMS: dict[str, str] = _TABLE["synonyms"]
QUESTION_VERBS = frozenset(_TABLE["question_verbs"])
PHRASES: dict[str, str] = _TABLE["phrases"]
_PHRASE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PHRASES), key=len, reverse=True)) + r")\b", re.I)
MONTHS: tuple[str, ...] = _MONTHS_BY_LANG["en"]
CHINESE: dict[str, str] = _TABLE["chinese"]
NATIONS: dict[str, str] = _TABLE["nations"]
_NATION = re.compile(r"\b(" + "|".join(sorted(map(re.escape, NATIONS), key=len, reverse=True)) + r")\b", re.I)
_LONGEST_CHINESE = max(map(len, CHINESE), default=0)
# the table's Chinese words for things that are not names (their English is in lower case)
_CHINESE_WORD = re.compile("|".join(sorted((re.escape(w) for w, en in CHINESE.items() if len(w) > 1 and en and en == en.lower()),
                                           key=len, reverse=True)) or "(?!)")
CONTRASTS: list[frozenset[str]] = [frozenset(tokens(" ".join(group), keep_stopwords=True)) for group in _TABLE["contrasts"]]


def phrases(question: str) -> tuple[str, list[tuple[str, str]]]:
    """The question less its phrases of the table, and those phrases with the texts' word for
    each: "take place in New York" -> ("in New York", [("take place", "convened")])."""
    found = [(m.group(1), PHRASES[m.group(1).lower()]) for m in _PHRASE.finditer(question)]
    return _PHRASE.sub(" ", question), found


_ZH_DATE = re.compile(r"(?:(\d{4})\s*年)?\s*(?:(\d{1,2})\s*月)?\s*(?:(\d{1,2})\s*日)?")


def _english_date(m: re.Match) -> str:
    """"2024年3月21日" -> "21 March 2024" (as the English texts write dates)."""
    year, month, day = m.groups()
    month_name = MONTHS[int(month) - 1] if month and 1 <= int(month) <= 12 else ""
    return " ".join(x for x in (day if month_name else "", month_name, year) if x)


def in_english(text: str) -> tuple[list[list[str]], str]:
    """A Chinese text read through the table: for each Chinese word it holds (each stretch read
    as the longest word the table has) and each date, the English words that may stand for it;
    and what is left untranslated."""
    english, rest = _in_english(text)
    return [list(words) for words in english], rest


@lru_cache(maxsize=256)  # (one Chinese question is read by retrieval, selection and the premise test)
def _in_english(text: str) -> tuple[tuple[tuple[str, ...], ...], str]:
    english: list[tuple[str, ...]] = [(d,) for m in _ZH_DATE.finditer(text) if m.group(0).strip() and (d := _english_date(m))]
    text = _ZH_DATE.sub(lambda m: " " if _english_date(m) else m.group(0), text)
    rest: list[str] = []
    i = 0
    while i < len(text):
        found = next((text[i : i + n] for n in range(min(_LONGEST_CHINESE, len(text) - i), 0, -1)
                      if text[i : i + n] in CHINESE), None)
        if found:
            if alternatives := tuple(a.strip() for a in CHINESE[found].split("|") if a.strip()):
                english.append(alternatives)
            rest.append(" ")
            i += len(found)
        else:
            rest.append(text[i])
            i += 1
    return tuple(english), "".join(rest)


def phrased(question: str) -> str:
    """The question with the phrase table's words for its phrases ("set up" -> "established"),
    and a doer joined to its deed written apart: "a US-sponsored text" -> "a US sponsored text"."""
    question = _DOER_JOINED.sub(r"\1 \2", question)
    return _PHRASE.sub(lambda m: PHRASES[m.group(1).lower()] or m.group(1), question)


# "US-sponsored", "China-led", "State-led": a name, a hyphen, a deed's past participle
_DOER_JOINED = re.compile(r"\b([A-Z][\w.]*)-([a-z]+ed)\b")


def nations(text: str) -> set[str]:
    """The States `text` names, by name or nationality ("Chinese", "the US"; not the pronoun "us")."""
    return {NATIONS[m.group(1).lower()] for m in _NATION.finditer(text) if m.group(1)[:1].isupper() or len(m.group(1)) > 3}


def table_names(text: str) -> list[str]:
    """The names the word table reads in a Chinese text (words capitalised in every English
    reading), as the English texts write them: "日内瓦" -> "Geneva", "安全理事会" -> "Security Council"."""
    return [words[0] for words in in_english(text)[0] if words and all(w[:1].isupper() for w in words)]


def as_named(text: str) -> str:
    """`text` with the everyday names of the phrase table written as the texts name them:
    "South Korea" -> "Republic of Korea"."""
    for phrase, name in phrases(text)[1]:
        if name[:1].isupper():
            text = text.replace(phrase, name)
    return text


def renamed(question: str) -> str:
    """The question with a name the synonym table gives another name for written as the texts
    name it: "Did Washington back ...?" is the United States' backing."""
    return re.sub(r"\b[A-Z][a-z]+\b", lambda m: n if (n := SYNONYMS.get(m.group(0).lower(), ""))[:1].isupper() else m.group(0),
                  question)


def contrasting(claim: str, text: str) -> list[str]:
    """The words of `text` answering a contrast the claim uses with another word of it, not
    with the claim's own ("Was 51/22 adopted by a vote?" against "the adoption by consensus")."""
    # ("without a vote" is "consensus")
    said, asked = set(tokens(text, keep_stopwords=True)), set(tokens(phrased(claim), keep_stopwords=True))
    # "May a weapon that cannot comply with IHL be used?" against "... must not be used"
    forbidden = [w for m in _PERMITS.finditer(claim) for w in ("not", m.group(1).lower())
                 if re.search(rf"\b(?:must|shall|should|may)\s+not\s+be\s+{m.group(1)}\b", text, re.I)]
    return sorted({w for group in CONTRASTS if asked & group and not said & asked & group for w in said & group - asked}
                  | set(tokens(" ".join(forbidden), keep_stopwords=True)))


# a claim that something may be done: "can LAWS that can't comply w/ IHL still be used?" (not "can't")
_PERMITS = re.compile(r"\b(?:can|may|could|might)(?!['’]t|not)\s+(?:[^\s?]+\s+){0,10}?(?:still\s+)?be\s+([a-z]+ed)\b", re.I)


# a qualifier's words, as written (stems would take "objective" for "object to"); one negated is
# none ("not only" is no restriction, "non-binding" no obligation)
_QUALIFIERS = [re.compile(r"(?<!\bnot )(?<!non-)\b(?:" + "|".join(map(re.escape, group)) + r")\b", re.I)
               for group in _TABLE["qualifiers"]]


def unborne_qualifier(claim: str, text: str) -> bool:
    """The claim qualifies what it says with a word of the qualifiers table (a stance against,
    a restriction, an absolute) and `text` uses no word of that kind."""
    return any(q.search(claim) and not q.search(text) for q in _QUALIFIERS)


def contradicts(claim: str, text: str) -> bool:
    return bool(contrasting(claim, text))


def unanswered_contrast(claim: str, text: str) -> bool:
    """The claim uses a word of a contrast of content words as a modifier ("the first
    resolution", "by consensus", "a regional conference"; not the verb of "to last two days")
    and `text` holds no word of it at all: it does not say which."""
    said = set(tokens(text, keep_stopwords=True))
    asked = {t for m in _MODIFIER.finditer(claim) for t in tokens(m.group(1), keep_stopwords=True)}
    return any((asked & group) and not (said & group) for group in CONTRASTS if not group & STOPWORDS)


_MODIFIER = re.compile(r"\b(?:the|a|an|its|their|by|this|that)\s+((?:[a-z]+\s+)?[a-z]+)", re.I)  # its next two words


CHAT: dict[str, str] = _TABLE["chat"]
# not a letter in parentheses: "agenda item 99 (n)" is a sub-item, not chat
_CHAT = re.compile(r"(?<![(&'/-])\b(" + "|".join(sorted(map(re.escape, CHAT), key=len, reverse=True)) + r")\b(?![/.\d)&'=-])")


# "2" and "4" as words before a determiner or pronoun ("acording 2 the article", "thanks 4 it");
# anywhere else a digit is a number ("host 4 conferences", "the 2 resolutions")
_CHAT_DIGIT = re.compile(r"\b([a-z]+) ([24]) (?=(?:the|a|an|it|its|them|their|this|that|these|those|me|you|us)\b)", re.I)
_NOT_BEFORE_CHAT_DIGIT = {"op", "pp", "fn", "no", "item", "para", "paragraph", "footnote", "in", "for", "of", "last",
                          "first", "and", "or", "to", "than", "is", "are", "be"}


def _chat_digit(m: re.Match) -> str:
    if m.group(1).lower() in _NOT_BEFORE_CHAT_DIGIT:
        return m.group(0)
    return f"{m.group(1)} {'to' if m.group(2) == '2' else 'for'} "


# a country or body typed in lower case after "the": "the us" is never the pronoun
_THE_ABBREVIATION = re.compile(r"\b(the\s+)(us|usa|uk|un|eu|prc)\b")


def unchat(question: str) -> str:
    """Chat shorthand spelt out ("r civilians mentioned n 80/57" -> "are civilians mentioned
    in 80/57"); lower case only, so an abbreviation in capitals stays what it is."""
    question = _THE_ABBREVIATION.sub(lambda m: m.group(1) + m.group(2).upper(), question)
    question = _CHAT_DIGIT.sub(_chat_digit, question)
    return _CHAT.sub(lambda m: CHAT[m.group(1)], question)

NAME_SLIP_LENGTH, NAME_SLIP_CUTOFF = 7, 88  # a capitalised word is read as a slip only when long and this close
SPELLING_CUTOFF = 85  # rapidfuzz ratio: "confrence"/"conference" 95, "moratorium"/"memorandum" 60
MIN_SPELLING_LENGTH = 4  # shorter words are too easily "corrected" into another word
SHORT_WORD_CUTOFF = 88  # a four-letter word only for one missing letter ("leon"/"leone" 89, "vote"/"note" 75)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# a run of capitalised words, joined by the small words a name may hold
_HYPHENED = re.compile(r"\b[a-z]+-[A-Z][a-z]+\s+[a-z]+")
_NAME = re.compile(r"\b[A-Z][\w-]*(?:\s+(?:(?:of|on|or|for|the|and|in|to|which|may|be)\s+)*[A-Z][\w-]*)+")


def _starts(token: str, letters: str, at: int) -> list[int]:
    """How many of `letters` from `at` on the token may stand for: its first letter, or its
    first two while more than one letter is left."""
    return [n for n in (1, 2) if at + n <= len(letters) and token.startswith(letters[at : at + n])
            and (n == 1 or at + n < len(letters))]


class Lexicon:
    """Reads question words against one corpus: `known` is the corpus's indexed vocabulary
    (stemmed tokens and word pairs, as in `index.lexical.terms`); `texts` gives the surface
    words that spelling corrections may choose from (read only when first needed)."""

    def __init__(self, known: dict[str, float], texts: list[str] | None = None):
        self.known = known
        self._texts = texts or []

    @cached_property
    def _surface(self) -> dict[str, list[str]]:
        """The words a misspelling may be read as, by first letter (a slip rarely falls on it)."""
        words = {w.lower() for t in self._texts for w in _WORD.findall(t)}
        # the everyday words the synonym table reads are words a question may misspell too
        found = {w for w in words if len(w) >= MIN_SPELLING_LENGTH and self.knows(w)} \
            | {w for w in SYNONYMS if len(w) >= MIN_SPELLING_LENGTH and w.isalpha()}
        by_letter: dict[str, list[str]] = defaultdict(list)
        for w in sorted(found):
            by_letter[w[0]].append(w)
        return by_letter

    @cached_property
    def _follows(self) -> dict[str, list[str]]:
        """Each token -> the tokens that follow it in the corpus's word pairs. With the texts
        at hand, only pairs inside a capitalised name count: an abbreviation stands for a
        name ("Group of Governmental Experts"), not for any words that happen to follow one
        another ("international community to join" is no "ICJ")."""
        # (and a name of lower-case words around a capitalised one: "non-State actors")
        names = {pair for t in self._texts for pattern in (_NAME, _HYPHENED) for m in pattern.finditer(t)
                 for pair in phrase_pairs(m.group(0))}
        out: dict[str, list[str]] = defaultdict(list)
        for term in self.known:
            if "_" in term and (not self._texts or term in names):
                a, b = term.split("_", 1)
                out[a].append(b)
        return out

    @cached_property
    def _characters(self) -> frozenset[str]:
        return frozenset(c for term in self.known for c in term if "\u3400" <= c <= "\u9fff")

    def new_chinese_name(self, text: str) -> str | None:
        """A stretch of Chinese the texts never use, holding a character they never use
        ("日内瓦", Geneva): a name of something they do not speak of."""
        # (a character the texts never use inside a word of the table naming nothing, "担心"
        # (concerned), "帮助" (help), is no sign of a name)
        worded = {i for m in _CHINESE_WORD.finditer(text) for i in range(m.start(), m.end())}
        for m in re.finditer(r"[\u3400-\u9fff]+", text):
            run = m.group(0)
            unknown = [run[i : i + 2] not in self.known for i in range(len(run) - 1)]
            for i in range(len(unknown) - 1):
                new = [k for k in range(i, i + 3) if run[k] not in self._characters]
                if unknown[i] and unknown[i + 1] and new and not all(m.start() + k in worded for k in new):
                    return run[i : i + 3]
        return None

    @cached_property
    def _casing(self) -> dict[str, str]:
        """The texts' names of two to six words, by their lower-case form."""
        return {m.group(0).lower(): m.group(0) for t in self._texts
                for m in re.finditer(r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,5}\b", t)}

    def cased(self, text: str) -> str:
        """`text` with the texts' names written as the texts write them: "was the GGE set up by
        the general assembly?" names "the General Assembly", as a hurried asker does not. (A
        look-up of the question's word runs, not one pattern of every name: the texts may hold
        tens of thousands.)"""
        words = list(re.finditer(r"[\w-]+", text))
        out, i, last = [], 0, 0
        while i < len(words):
            for n in range(min(6, len(words) - i), 1, -1):
                span = text[words[i].start() : words[i + n - 1].end()]
                if re.fullmatch(r"[\w-]+(?:\s+[\w-]+)*", span) and (name := self._casing.get(span.lower())):
                    out += [text[last : words[i].start()], name]
                    last, i = words[i + n - 1].end(), i + n
                    break
            else:
                i += 1
        return "".join(out) + text[last:]

    def knows(self, word: str) -> bool:
        toks = tokens(word)
        return bool(toks) and all(t in self.known for t in toks)

    def acronym(self, word: str) -> str | None:
        """What an abbreviation stands for: the hand table, else a phrase of the texts whose
        content words' initials spell it (stemmed, as the index holds it)."""
        low = word.lower()
        if low in ACRONYMS and (word.isupper() or low in ALWAYS_ACRONYMS):
            return ACRONYMS[low]
        if len(word) > 2 and word.endswith("s") and word[:-1].isupper():  # a plural: "HCPs"
            return self.acronym(word[:-1])
        if word.isupper() and word in self._defined:  # the texts say what it stands for
            return self._defined[word]
        # two letters are too few to tell a phrase by ("UN" is not "urgent need"): the table only
        if not (word.isupper() and 3 <= len(word) <= 6 and word.isalpha()) or self.knows(word):
            return None
        return self._derive(low)

    def defined(self, abbreviation: str) -> str | None:
        """What the texts spell an abbreviation out as, where they define it: "PRC" -> "People's Republic of China"."""
        return self._defined.get(abbreviation)

    @cached_property
    def _defined(self) -> dict[str, str]:
        """Abbreviations the texts define: "the People's Republic of China (PRC)"."""
        out: dict[str, str] = {}
        for t in self._texts:
            for m in re.finditer(r"((?:[A-Z][\w'’-]*\s+(?:(?:of|on|for|the|and|in)\s+)*){1,8})\(([A-Z]{2,6})\)", t):
                name, abbr = m.group(1).strip(), m.group(2)
                if name and name[0] == abbr[0]:
                    out.setdefault(abbr, name)
        return out

    def _derive(self, letters: str) -> str | None:
        """The most common chain of word pairs whose tokens start with `letters` in turn, a
        token giving its first letter or its first two ("REAIM": "Responsible Artificial
        Intelligence in the Military ...")."""
        best: tuple[float, list[str]] | None = None

        def walk(chain: list[str], used: int, cost: float) -> None:
            nonlocal best
            if used == len(letters):
                if len(chain) > 1 and (best is None or (cost, len(chain)) < (best[0], len(best[1]))):
                    best = (cost, chain)
                return
            for b in self._follows.get(chain[-1], ()):
                for n in _starts(b, letters, used):
                    walk(chain + [b], used + n, cost + self.known[f"{chain[-1]}_{b}"])

        for a in self._follows:
            for n in _starts(a, letters, 0):
                walk([a], n, 0.0)
        return " ".join(best[1]) if best else None

    def correct(self, word: str) -> str | None:
        """The corpus word closest in spelling to an unknown word, if one is close enough."""
        low = word.lower()
        if len(low) < MIN_SPELLING_LENGTH or low in STOPWORDS or self.knows(low) or low in SYNONYMS or not low.isalpha():
            return None
        cutoff = SHORT_WORD_CUTOFF if len(low) < 5 else SPELLING_CUTOFF
        # A slip rarely falls on a word's first letter ("wepons", "cnsultatns").
        candidates = self._surface.get(low[0], [])
        found = process.extractOne(low, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        if not found and len(low) >= 5:  # two letters swapped ("rigths"), not another word ("place", "peace")
            found = process.extractOne(low, [c for c in candidates if sorted(c) == sorted(low)], scorer=OSA.distance,
                                       score_cutoff=1)
        return found[0] if found else None

    def rewrite(self, question: str) -> str:
        """The question with misspelt words replaced by the corpus's spelling."""
        # the words of a phrase of the table are no slips ("place" of "take place" is not "pace")
        phrased = [(p.start(), p.end()) for p in _PHRASE.finditer(question)]

        def repl(m: re.Match) -> str:
            word = m.group(0)
            if word.isupper() or any(a <= m.start() < b for a, b in phrased):  # abbreviations stay
                return word
            fixed = self.correct(word)
            if word[0].isupper() and m.start() > 0:  # names stay, but for a slip in a word of the texts' names
                # (or two of its letters swapped: "Human Rigths Council")
                named = fixed is not None and (len(word) >= NAME_SLIP_LENGTH and fuzz.ratio(word.lower(), fixed) >= NAME_SLIP_CUTOFF
                                               or sorted(word.lower()) == sorted(fixed))
                return fixed[0].upper() + fixed[1:] if named else word  # ("the Conventon on ...")
            return fixed if fixed else word

        return _WORD.sub(repl, question)
