"""Reading questions: language, abbreviations, concepts, names; cutting text into clauses.

The lexical form itself (tokens, stop words, word pairs) lives in `index.lexical`, so that
paragraphs and questions are analysed alike.
"""
from __future__ import annotations

import re

from index.detect import MONTHS as _MONTHS_BY_LANG
from index.lexical import CJK_CHAR, STOPWORDS, phrase_pairs, tokens  # noqa: F401  (re-exported)

MONTHS: tuple[str, ...] = _MONTHS_BY_LANG["en"]  # "January" ... "December"
# A spelled-out ordinal as sessions are named: "eightieth", "eighty-first", "seventy-ninth".
ORDINAL_WORDS = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:first|second|third|fourth|fifth|"
                 r"sixth|seventh|eighth|ninth)|(?:tenth|eleventh|twelfth|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth)")

NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen twenty").split()
_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_TEENS = "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
_TENS = "twent thirt fort fift sixt sevent eight ninet".split()


def spelled_ordinal(n: int) -> str | None:
    """81 -> "eighty-first", as sessions are named; None outside 1..99."""
    if not 0 < n < 100:
        return None
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return f"{_TENS[tens - 2]}ieth" if not unit else f"{_TENS[tens - 2]}y-{_UNITS[unit - 1]}"


# Single question words that carry no content once the answer type is known.
ZH_STOP = frozenset(
    "什么 哪些 哪个 何时 是否 如何 怎样 为何 为什么 多少 几个 请问 关于 哪里 可以 应该 这个 那个 "
    "决议 大会 联合 合国 的是 了什 么时 时候 吗？ 是什 么？ 根据 按照 一次 那篇 这篇 那项 这项 文章".split()
)

# Function characters: a bigram holding one straddles a word boundary ("组应", "其任").
ZH_STOPCHARS = frozenset("的了在应其是何吗呢将于和与对为之也都而及或被把从向让给这那哪些什么谁有没该")

# Hand-made tables live in data/lexicon.toml; derived abbreviations and spelling in lexicon.py.
from .lexicon import ACRONYMS, ALWAYS_ACRONYMS, QUESTION_VERBS, SYNONYMS, Lexicon, in_english, phrases  # noqa: E402


def language(text: str) -> str:
    """"zh" when Chinese characters make up a real share of the letters, else "en"."""
    cjk = len(CJK_CHAR.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk * 3 >= latin * 0.5 else "en"


def _acronym(word: str, lexicon: Lexicon | None) -> str | None:
    if lexicon is not None:
        return lexicon.acronym(word)
    low = word.lower()
    return ACRONYMS[low] if low in ACRONYMS and (word.isupper() or low in ALWAYS_ACRONYMS) else None


def expand(question: str, lexicon: Lexicon | None = None) -> str:
    """Spell out abbreviations and add the texts' words for everyday ones."""
    def repl(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if (full := _acronym(word, lexicon)) is not None:
            return f"{word} {full}"
        if low in SYNONYMS:
            return f"{word} {SYNONYMS[low]}"
        return word

    return re.sub(r"[A-Za-z]+", repl, question)


Concept = list[list[str]]  # alternatives, each a list of tokens that must all be present


def concepts(question: str, lexicon: Lexicon | None = None) -> list[Concept]:
    """What a question is about, one entry per content word: the word's own tokens, or
    its spelled-out form (GGE) or the texts' words for it (finish), whichever is present."""
    out: list[Concept] = []
    seen: set[str] = set()
    # a phrase is one concept, in its own words or the texts' ("take part": "participation")
    question, found = phrases(question)
    for phrase, theirs in found:
        # (its own words only when all of them count: "set up" is not "set")
        own = content_terms(phrase) if len(content_terms(phrase)) == len(phrase.split()) else []
        alternatives = [a for a in (own, content_terms(theirs)) if a] if theirs else []
        key = "|".join(sorted(" ".join(a) for a in alternatives))
        if alternatives and key not in seen:
            seen.add(key)
            out.append(alternatives)
    words = re.findall(r"[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*|[\u3400-\u9fff]+", question)
    in_names: set[str] = set()
    for name in names(question):  # "Security Council" must appear as a name, not as two words
        pairs = phrase_pairs(name)
        if pairs and "|".join(pairs) not in seen:
            seen.add("|".join(pairs))
            out.append([pairs])
            in_names |= set(name.split())
    for i, word in enumerate(words):
        low = word.lower()
        # Document symbols and paragraph numbers are references, handled as filters.
        if word in in_names or "/" in word or re.fullmatch(r"(?:OP|PP|FN)\d*", word) or (
                word.isdigit() and i and words[i - 1] in ("OP", "PP", "FN")):
            continue
        if low in QUESTION_VERBS:
            continue
        alternatives = []
        if (full := _acronym(word, lexicon)) is not None:
            if not content_terms(full):  # "GA", "UN": the texts' own authors, implied
                continue
            alternatives = [content_terms(full)]
        else:
            alternatives = [content_terms(word)]  # "capacity-building": both parts
            if CJK_CHAR.match(word):
                alternatives = [[t] for t in alternatives[0]]
            if low in SYNONYMS:
                alternatives += [[t] for t in content_terms(SYNONYMS[low])]
            if (m := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)) and (spelled := spelled_ordinal(int(m.group(1)))):
                alternatives.append(content_terms(spelled))  # "81st": "eighty-first"
        if CJK_CHAR.match(word):  # each bigram is a concept of its own
            for alt in alternatives:
                if alt[0] not in seen:
                    seen.add(alt[0])
                    out.append([alt])
            continue
        alternatives = [a for a in alternatives if a]
        key = "|".join(sorted(" ".join(a) for a in alternatives))
        if alternatives and key not in seen:
            seen.add(key)
            out.append(alternatives)
    return out


_name = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-z]+(?:\s+(?:of\s+the\s+|of\s+|for\s+|on\s+|in\s+the\s+)?[A-Z][a-z]+)+")


def names(text: str) -> list[str]:
    """Runs of capitalised words inside a sentence: "Security Council", "Sierra Leone"."""
    return [m.group(0) for m in _name.finditer(text.strip())]


def translated(text: str) -> tuple[list[Concept], str]:
    """A Chinese question's concepts for reading an English text: each Chinese word of the
    lexicon's table as its English words, and what is left untranslated as Chinese (which no
    English text holds, so it counts against a paragraph rather than being ignored); and the
    English words, for a lexical search."""
    english, rest = in_english(text)
    about = [alts for words in english if (alts := [a for w in words if (a := content_terms(w))])]
    if not about:
        return [], ""
    return about + concepts(rest), " ".join(w for words in english for w in words)


def chinese_content(text: str) -> str:
    """A Chinese question less its question words and function characters (spaces in their
    place), so that what is left is what it speaks of."""
    text = _ZH_WHICH.sub(" ", text)  # "哪两个", "哪几项": which, however many
    for word in ZH_STOP:
        text = text.replace(word, " ")
    return "".join(" " if c in ZH_STOPCHARS else c for c in text)


_ZH_WHICH = re.compile(r"哪[一二两三四五六七八九十几]*[个位项份次届些]?")


def content_terms(text: str) -> list[str]:
    """The distinct tokens of a question that an answer must be about."""
    seen: dict[str, None] = {}
    for t in tokens(text):
        # (a stop word once stemmed too: "generals" of "secretary-generals" is "general")
        if t not in ZH_STOP and t not in STOPWORDS and len(t) > 1 and not (CJK_CHAR.match(t) and ZH_STOPCHARS & set(t)):
            seen[t] = None
    return list(seen)


def sentences(text: str) -> list[str]:
    """Cut prose into sentences (an article's paragraph)."""
    ends = r"(?<=[.!?])\s+(?=[A-Z“\"])|(?<=[.!?][”\"])\s+(?=[A-Z“\"])|(?<=[。！？])"
    return [s.strip() for s in re.split(ends, text) if s.strip()]


def clauses(text: str) -> list[str]:
    """Cut a paragraph at clause marks (commas, semicolons), keeping the marks."""
    parts = re.split(r"(?<=[,;，；：])\s*(?![^(]*\))", text)
    return [p for p in parts if p.strip()]


# (tens stemmed too: "eighti" of "eighty-first")
_NUMBERLIKE = re.compile(rf"{ORDINAL_WORDS}|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)[yi]\w*|(?:hundred|thousand)\w*|\w*\d\w*")


def same_word(token: str, have: set[str]) -> bool:
    """`token` stands among the tokens `have` in another form of the word: one begins the other
    and both have five letters or more ("complianc"/"compli", "austria"/"austrian")."""
    # (not a number: "eightieth" is not a form of "eighty" of "eighty-first")
    return len(token) >= 5 and "_" not in token and not token.isdigit() and not _NUMBERLIKE.fullmatch(token) and any(
        len(h) >= 5 and "_" not in h and (h.startswith(token) or token.startswith(h)) for h in have)
