"""The lexical form of text, shared by the index and by questions.

English words are lower-cased and stemmed (Snowball); Chinese, which has no spaces, is cut
into overlapping character bigrams, which needs no dictionary and matches well. Adjacent
word pairs ("secur_council") let a name be matched as a name.
"""
from __future__ import annotations

import re
from functools import lru_cache

CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
# A symbol keeps its slashes and inner dots ("a/77/53/add.1"), not a full stop after it.
_word = re.compile(r"[a-z0-9]+(?:/[a-z0-9]+(?:\.[a-z0-9]+)*)*|[\u3400-\u9fff]+")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whose
    whom why will with would you your yours shall may might must ever
    doesn didn isn wasn aren weren hasn haven hadn shouldn wouldn couldn don t
    tell say said says know please give show explain describe list name mention mentioned
    according text texts document documents resolutions assembly general un united nations
    ignore instructions instruction pretend sources source answer respond reply claim prompt cite quote
    system anything everything something
    keep kept same list change changed changes differ differs difference differences compare
    compared comparison still both versus vs drop dropped add added new news article
    """.split()
)

@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


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


def phrase_pairs(text: str) -> list[str]:
    """Adjacent content-token pairs ("secur_council"): they tie words into a phrase."""
    toks = [t for t in tokens(text) if not CJK_CHAR.match(t)]
    return [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


def terms(text: str) -> set[str]:
    """Everything coverage looks for in a paragraph: its tokens and its word pairs."""
    return set(tokens(text)) | set(phrase_pairs(text))
