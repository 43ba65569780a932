"""Does a cited paragraph support a sentence? Judged without a language model.

A claim (an answer sentence less its fixed framing) is supported by a set of paragraphs when
  1. at least SUPPORT_COVERAGE of its tokens (stemmed English words, stop words included;
     Chinese character bigrams) occur in the paragraphs,
  2. every number in it occurs in the paragraphs, and
  3. a claim made of quotations (“...”) has each quotation word for word in one cited
     paragraph; any other claim has at least SUPPORT_ORDER of its tokens in the same order
     as in one paragraph (the longest common subsequence: the same words rearranged into
     another claim, "the Parties called upon the Convention ...", are not support) and an
     embedding at least SIMILARITY_CUT cosine-similar to the clauses it restates.
The cuts were set on the supported and unsupported pairs in tests/test_eval.py (English and
Chinese): supported claims scored cosine 0.42 to 0.82, claims with a changed fact or another
subject 0.07 to 0.39 where the word tests had not already caught them.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from assistant.text import clauses, tokens

SUPPORT_COVERAGE = 0.9
SUPPORT_ORDER = 0.85
SIMILARITY_CUT = 0.35

Similarity = Callable[[str, str], float]


def supports(claim: str, texts: list[str], similarity: Similarity) -> bool:
    if not texts:
        return False
    source = " ".join(texts)
    claim_tokens = tokens(claim, keep_stopwords=True)
    if not claim_tokens:
        return True
    have = set(tokens(source, keep_stopwords=True))
    if sum(t in have for t in claim_tokens) / len(claim_tokens) < SUPPORT_COVERAGE:
        return False
    if any(n not in source for n in re.findall(r"\d+", claim)):
        return False
    quotes = re.findall(r"“([^”]*)”", claim)
    if quotes:
        # A quotation must stand word for word in one of the cited paragraphs.
        return all(_contiguous(q, texts) for q in quotes)
    if max(_in_order(claim_tokens, tokens(t, keep_stopwords=True)) for t in texts) < SUPPORT_ORDER * len(claim_tokens):
        return False
    return similarity(claim, _relevant_part(claim_tokens, texts)) >= SIMILARITY_CUT


def _contiguous(quote: str, texts: list[str]) -> bool:
    words = " ".join(t for t in tokens(quote.replace("…", " "), keep_stopwords=True))
    return any(words in " ".join(tokens(t, keep_stopwords=True)) for t in texts)


def _relevant_part(claim_tokens: list[str], texts: list[str]) -> str:
    """The clauses of the cited paragraphs that the claim draws on: a short claim from a
    long paragraph is compared with what it restates, not with the whole paragraph."""
    said = set(claim_tokens)
    parts = [c for t in texts for c in clauses(t) if _share(tokens(c, keep_stopwords=True), said) >= 0.5]
    return " ".join(parts) or " ".join(texts)


def _share(words: list[str], said: set[str]) -> float:
    return sum(w in said for w in words) / len(words) if words else 0.0


def _in_order(claim: list[str], source: list[str]) -> int:
    """Length of the longest common subsequence of two token lists."""
    prev = [0] * (len(source) + 1)
    for c in claim:
        cur = [0]
        for j, s in enumerate(source):
            cur.append(prev[j] + 1 if c == s else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def citation_scores(claims: list[tuple[str, list[str]]], texts: dict[str, str], similarity: Similarity):
    """ALCE citation recall and precision (Gao et al. 2023) for one answer.

    Recall: a sentence counts when its citations together support it. Precision: a
    citation counts unless it neither supports the sentence alone nor is needed, i.e. the
    other citations support it without it. Returns (supported sentences, sentences,
    relevant citations, citations)."""
    supported = sentences = relevant = cited = 0
    for claim, labels in claims:
        sentences += 1
        cited += len(labels)
        full = supports(claim, [texts[lab] for lab in labels if lab in texts], similarity)
        supported += full
        if not full:
            continue
        for lab in labels:
            alone = supports(claim, [texts[lab]], similarity) if lab in texts else False
            rest = [texts[other] for other in labels if other != lab and other in texts]
            needed = not (rest and supports(claim, rest, similarity))
            relevant += alone or needed
    return supported, sentences, relevant, cited
