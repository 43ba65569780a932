"""The judge's own reading of text: normalisation, tokens, numbers, clauses.

Deliberately separate from the answer code's tokenizer (`index.lexical`, `assistant.text`):
a judge that shares the composer's analysis repeats its mistakes instead of catching them.
English words are lower-cased and stemmed (PyStemmer, the Snowball stemmer); Chinese is read
as overlapping character pairs, which needs no dictionary and matches word for word.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

CJK = "\u3400-\u9fff"
_WORD = re.compile(rf"\d+(?:[.,/]\d+)*|[a-z]+(?:['’][a-z]+)?|[{CJK}]+")
NUMBER = re.compile(r"(?<![A-Za-z0-9/])\d+(?:[.,/]\d+)*(?![A-Za-z0-9/])|\d+(?=st|nd|rd|th)")

# English words that carry no claim of their own: what is left has to be in the cited text.
STOPWORDS = frozenset(
    "a an the of to in on at by for from with and or as is are was were be been being has have had do does did "
    "that this these those it its their his her they them which who whom whose what when where how why "
    "but yes no also such any all each other than then so into upon about under over between through during "
    "there here shall should will would may might must can could not nor never without".split()
)
# Words that flip a statement; kept apart so that removing one is noticed.
NEGATORS_EN = frozenset("not no never without nor cannot neither".split())
NEGATORS_ZH = "不未没无非勿"
# Auxiliaries that say when or whether something happens (see `support._tense`).
PAST_AUX = frozenset("was were had has have did been".split())
IRREALIS_AUX = frozenset("will shall should would may might must to can could".split())
ZH_PAST = ("已经", "已", "曾")
ZH_FUTURE = ("将",)

_stemmer = Stemmer.Stemmer("english")
_PUNCT = re.compile(r"[,;.:!?，；。：、]")


def normalise(text: str) -> str:
    """NFKC, one kind of quote, dash and space, footnote markers dropped, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", "", text)
    text = text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "‑": "-", "–": "-", "—": "-",
                                         "\u00a0": " "}))
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class Token:
    form: str  # the surface word, lower case ("convened"), or a Chinese character pair
    key: str  # what is compared: the stem ("conven"), the number, or the character pair
    content: bool  # False for stop words
    negated: bool  # a negator stands just before it in the same clause
    pos: int  # index among the text's tokens


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Stemmed words, numbers and Chinese character pairs, in order, each marked for negation."""
    out: list[Token] = []
    flip = 0  # tokens left in the reach of the last negator; punctuation ends it
    norm = normalise(text).replace("cannot", "can not")
    last = 0
    for m in _WORD.finditer(norm):
        w = m.group(0)
        if _PUNCT.search(norm, last, m.start()):
            flip = 0
        last = m.end()
        if w[0] >= "\u3400":
            pairs = [w[i:i + 2] for i in range(len(w) - 1)] or [w]
            for i, pair in enumerate(pairs):
                # A Chinese negator governs the next few characters ("不得使用", "尚未详细讨论").
                negated = any(c in NEGATORS_ZH for c in w[max(0, i - 2):i + 1])
                out.append(Token(pair, pair, True, negated, len(out)))
            flip = 0
            continue
        if w in NEGATORS_EN:
            flip = 4
            out.append(Token(w, w, False, False, len(out)))
            continue
        key = w if w[0].isdigit() else _stemmer.stemWord(w.replace("'", ""))
        out.append(Token(w, key, w not in STOPWORDS, flip > 0, len(out)))
        flip = max(0, flip - 1)
    return tuple(out)


def numbers(text: str) -> list[str]:
    """Numbers as written ("2025", "79/62", "1342"), ordinal endings dropped ("44th" -> "44")."""
    return NUMBER.findall(unicodedata.normalize("NFKC", text))


# Where a paragraph's clauses end: a full stop or semicolon, a comma before "and" that opens a
# new clause ("…, and also calls upon"), "and that", and the Chinese "；", "。", "，并".
_CLAUSE_END = re.compile(r"[;.:](?:\s|$)|,\s+and\s+(?=also|to\b|in\b|that\b|\w+(?:s|ing)\b)|\s+and\s+that\s+|[；。：]|，并")


def clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_END.split(text) if c and c.strip()]


def is_cjk(text: str) -> bool:
    return bool(re.search(f"[{CJK}]", text))
