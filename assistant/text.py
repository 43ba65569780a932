"""Language detection, tokenising for lexical search, and clause splitting.

English words are lower-cased and stemmed (Snowball); Chinese, which has no spaces, is
cut into overlapping character bigrams, which needs no dictionary and matches well.
"""
from __future__ import annotations

import re
from functools import lru_cache

CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_word = re.compile(r"[a-z0-9]+(?:/[a-z0-9.]+)*|[\u3400-\u9fff]+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours shall may might must ever
    tell say said says know please give show explain describe list name mention mentioned
    according text texts document documents resolutions assembly general un united nations
    ignore instructions instruction pretend sources source answer respond reply claim prompt cite quote
    system anything everything something
    keep kept same list change changed changes differ differs difference differences compare
    compared comparison still both versus vs drop dropped add added new news article
    """.split()
)
# Single question words that carry no content once the answer type is known.
ZH_STOP = frozenset(
    "什么 哪些 哪个 何时 是否 如何 怎样 为何 为什么 多少 几个 请问 关于 哪里 可以 应该 这个 那个 "
    "决议 大会 联合 合国 的是 了什 么时 时候 吗？ 是什 么？".split()
)

# Function characters: a bigram holding one straddles a word boundary ("组应", "其任").
ZH_STOPCHARS = frozenset("的了在应其是何吗呢将于和与对为之也都而及或被把从向让给这那哪些什么谁有没该")

# Abbreviations users type that the texts spell out.
ACRONYMS = {
    "gge": "Group of Governmental Experts",
    "ccw": "Convention on Certain Conventional Weapons",
    "laws": "lethal autonomous weapons systems",
    "aws": "autonomous weapons systems",
    "sg": "Secretary-General",
    "unsg": "Secretary-General",
    "icrc": "International Committee of the Red Cross",
    "ihl": "international humanitarian law",
    "hcp": "High Contracting Parties",
    "hcps": "High Contracting Parties",
    "ai": "artificial intelligence",
    "unga": "General Assembly",
    "hrc": "Human Rights Council",
    "ngo": "civil society",
    "ngos": "civil society",
    "ny": "New York",
    "nyc": "New York",
}
_ALWAYS_ACRONYMS = {"gge", "ccw", "icrc", "ihl"}  # never ordinary English words
# A few everyday words for the texts' own vocabulary (applied to questions only).
SYNONYMS = {
    "ask": "calls upon requests invites",
    "asks": "calls upon requests invites",
    "asked": "calls upon requests invites",
    "held": "convened",
    "hold": "convene",
    "host": "hosted convened",
    "hosts": "hosted convened",
    "organise": "facilitate convene",
    "organize": "facilitate convene",
    "help": "support facilitate",
    "part": "participation",
    "finish": "complete fulfil conclude",
    "finished": "completed fulfilled concluded",
    "complete": "fulfil conclude",
    "deadline": "end",
    "treaty": "instrument convention",
    "ban": "prohibitions",
    "bans": "prohibitions",
    "banned": "prohibitions",
    "prohibit": "prohibitions",
    "prohibited": "prohibitions",
    "meeting": "consultations",
    "meetings": "consultations",
    "meet": "convene consultations",
    "talks": "consultations negotiations",
    "participate": "participation part",
    "brief": "briefing",
    "long": "duration",
    "chair": "chair",
    "venue": "convened",
    "where": "convened",
    "humans": "humans human",
    "human": "humans human",
    "countries": "states countries",
    "nations": "states",
    "agenda": "agenda item",
    "adopted": "plenary",
    "adopt": "adopted plenary",
    "committee": "committee report",
}


def language(text: str) -> str:
    """"zh" when Chinese characters make up a real share of the letters, else "en"."""
    cjk = len(CJK_CHAR.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk and cjk * 3 >= latin * 0.5 else "en"


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def expand(question: str) -> str:
    """Spell out abbreviations and add the texts' words for everyday ones."""
    def repl(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if low in ACRONYMS and (word.isupper() or low in _ALWAYS_ACRONYMS):
            return f"{word} {ACRONYMS[low]}"
        if low in SYNONYMS:
            return f"{word} {SYNONYMS[low]}"
        return word

    return re.sub(r"[A-Za-z]+", repl, question)


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Lexical tokens: stemmed English words and Chinese character bigrams."""
    out: list[str] = []
    english: list[str] = []
    for tok in _word.findall(text.lower()):
        if CJK_CHAR.match(tok):
            out += [tok] if len(tok) == 1 else [tok[i : i + 2] for i in range(len(tok) - 1)]
        elif keep_stopwords or tok not in STOPWORDS:
            english.append(tok)
    out += _stemmer().stemWords(english) if english else []
    return out


Concept = list[list[str]]  # alternatives, each a list of tokens that must all be present


def concepts(question: str) -> list[Concept]:
    """What a question is about, one entry per content word: the word's own tokens, or
    its spelled-out form (GGE) or the texts' words for it (finish), whichever is present."""
    out: list[Concept] = []
    seen: set[str] = set()
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
        alternatives = []
        if low in ACRONYMS and (word.isupper() or low in _ALWAYS_ACRONYMS):
            alternatives = [content_terms(ACRONYMS[low])]
        else:
            alternatives = [content_terms(word)]  # "capacity-building": both parts
            if CJK_CHAR.match(word):
                alternatives = [[t] for t in alternatives[0]]
            if low in SYNONYMS:
                alternatives += [[t] for t in content_terms(SYNONYMS[low])]
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


def phrase_pairs(text: str) -> list[str]:
    """Adjacent content-token pairs ("secur_council"): they tie words into a phrase."""
    toks = [t for t in tokens(text) if not CJK_CHAR.match(t)]
    return [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


def content_terms(text: str) -> list[str]:
    """The distinct tokens of a question that an answer must be about."""
    seen: dict[str, None] = {}
    for t in tokens(text):
        if t not in ZH_STOP and len(t) > 1 and not (CJK_CHAR.match(t) and ZH_STOPCHARS & set(t)):
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
