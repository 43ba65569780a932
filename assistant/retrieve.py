"""Hybrid retrieval: dense (Chroma) and lexical (BM25) rankings, fused by reciprocal rank.

Results are provisions, `(doc, part, number)`: the English and Chinese versions of one
paragraph are one provision, scored by whichever version matches better.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np

from index import Paragraph, Store
from index.lexical import terms

from .text import CJK_CHAR, Concept, concepts, tokens

RRF_K = 60  # the usual reciprocal-rank constant: flattens differences deep in a ranking
RANK_LEADERS = 3  # the first few of the dense and of the lexical ranking are always candidates


def fuse(rankings: list[tuple[Iterable[Hashable], float]], k: int = RRF_K) -> dict[Hashable, float]:
    """Reciprocal-rank fusion: in each ranking (best first, each item once) the item at rank r,
    counted from 0, scores weight / (k + r); an item's score is the sum over the rankings that
    hold it. Items in no ranking are absent."""
    scores: dict[Hashable, float] = {}
    for ranking, weight in rankings:
        for rank, item in enumerate(ranking):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


@dataclass
class Filters:
    """Restrictions from the caller or from the question itself."""

    docs: list[str] = field(default_factory=list)
    lang: str | None = None
    parts: list[str] = field(default_factory=list)

    def admits(self, p: Paragraph) -> bool:
        return (
            (not self.docs or p.doc in self.docs)
            and (not self.lang or p.lang == self.lang)
            and (not self.parts or p.part in self.parts)
        )

    def admits_provision(self, p: Paragraph) -> bool:
        """Language aside: any version of a provision is evidence for the others."""
        return (not self.docs or p.doc in self.docs) and (not self.parts or p.part in self.parts)

    def chroma_where(self) -> dict | None:
        clauses = []
        if self.docs:
            clauses.append({"doc": {"$in": list(self.docs)}})
        if self.parts:
            clauses.append({"part": {"$in": list(self.parts)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass
class Hit:
    """One provision, with the evidence for it."""

    provision: tuple[str, str, int | None]
    versions: dict[str, Paragraph]  # by language
    dense: float = 0.0  # best cosine of the query with any window of any version
    lexical: float = 0.0  # best BM25 score of any version
    coverage: float = 0.0  # share of the question's terms (IDF-weighted) the text contains
    score: float = 0.0  # fused rank score
    bonus: float = 0.0  # the text holds the kind of thing asked for (a date for "when")

    @property
    def support(self) -> float:
        """How well this provision answers; compared with the abstention threshold."""
        return self.dense + self.coverage + self.bonus


class Retriever:
    def __init__(self, store: Store, dense_weight: float = 1.0, lexical_weight: float = 1.0):
        self.store = store
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self.paragraphs = store.paragraphs
        self.by_node = {p.node_id: i for i, p in enumerate(self.paragraphs)}
        self.by_provision: dict[tuple, dict[str, Paragraph]] = defaultdict(dict)
        for p in self.paragraphs:
            self.by_provision[p.provision][p.lang] = p
        self.idf = store.idf()
        # A word the corpus never uses (informal wording, a word of the question's own) weighs
        # like an ordinary word of the corpus: it should not sink a paragraph that matches the
        # rest, nor carry one that matches nothing else.
        words = sorted(v for t, v in self.idf.items() if "_" not in t)
        self.unknown_idf = words[len(words) // 2] if words else math.log(1 + len(self.paragraphs))
        self.max_idf = words[-1] if words else math.log(1 + len(self.paragraphs))
        self.bm25 = store.bm25
        self._terms: dict[int, set[str]] = {}  # paragraph index -> its terms, computed when first scored

    def term_set(self, i: int) -> set[str]:
        if i not in self._terms:
            self._terms[i] = terms(self.paragraphs[i].text)
        return self._terms[i]

    def containing(self, about: list[Concept]) -> list[int]:
        """The paragraphs (by index) whose words could hold every concept, read from the
        lexical index rather than by tokenising every paragraph: a word pair's two words
        must both be present; the caller checks the pairs themselves."""
        vocab = self.bm25.vocab_dict
        rows: set[int] | None = None
        for concept in about:
            either: set[int] = set()
            for alt in concept:
                words = {w for t in alt for w in t.split("_")}
                if not all(w in vocab for w in words):
                    continue
                have: set[int] | None = None
                for w in words:
                    got = set(np.flatnonzero(self.bm25.get_scores([w]) > 0).tolist())
                    have = got if have is None else have & got
                either |= have or set()
            rows = either if rows is None else rows & either
            if not rows:
                return []
        return sorted(rows or ())

    def weight(self, term: str) -> float:
        """IDF; a word the corpus never uses weighs most, except a Chinese bigram, which is
        usually a pair of characters straddling two words rather than a new word."""
        if term in self.idf:
            return self.idf[term]
        return 1.0 if CJK_CHAR.match(term) else self.unknown_idf

    def concept_weight(self, about: list[Concept], have: set[str]) -> float:
        """The IDF-weighted amount of the question's concepts found in `have`."""
        got = 0.0
        for alternatives in about:
            got += self._weight(alternatives) * max(sum(t in have for t in alt) / len(alt) for alt in alternatives)
        return got

    def _weight(self, alternatives: Concept) -> float:
        known = [self.idf[t] for alt in alternatives for t in alt if t in self.idf]
        return max(known) if known else self.weight(alternatives[0][0])

    def matcher(self, about: list[Concept]) -> Matcher:
        return Matcher(self, about)

    def coverage(self, about: list[Concept], i: int) -> float:
        """The share of the question's concepts that paragraph i expresses."""
        if not about:
            return 0.0
        return self.concept_weight(about, self.term_set(i)) / sum(self._weight(a) for a in about)

    def search(
        self,
        query: str,
        filters: Filters,
        *,
        k: int = 10,
        mode: str = "hybrid",
        about: list[Concept] | None = None,
        words: str | None = None,
    ) -> list[Hit]:
        """The k best provisions for `query`, best first. `about` holds the question's
        concepts for coverage (by default those of `query`); `words`, the text the lexical
        ranking looks for (by default `query`: another for a question read in translation)."""
        about = concepts(query) if about is None else about
        hits: dict[tuple, Hit] = {}

        def hit(p: Paragraph) -> Hit:
            h = hits.get(p.provision)
            if h is None:
                h = hits[p.provision] = Hit(p.provision, self.by_provision[p.provision])
            return h

        dense_rank: dict[tuple, None] = {}  # provisions in rank order (a dict: ordered, quick to test)
        if mode in ("hybrid", "dense"):
            vec = self.store.embed([query])[0]
            n_nodes = int(self.store.info.get("nodes", len(self.paragraphs)))
            for node_id, cos in self.store.dense(vec, min(n_nodes, max(50, 4 * k)), filters.chroma_where()):
                p = self.paragraphs[self.by_node[node_id.rsplit("|", 1)[0]]]
                h = hit(p)
                h.dense = max(h.dense, cos)
                dense_rank.setdefault(h.provision)

        lexical_rank: dict[tuple, None] = {}
        if mode in ("hybrid", "lexical"):
            q = tokens(query if words is None else words)
            if q and any(t in self.bm25.vocab_dict for t in q):
                scores = self.bm25.get_scores(q)
                if filters.docs or filters.parts:  # restricted: rank everything, skip what is not admitted
                    top = np.argsort(-scores)
                else:  # only the best few need sorting, however large the corpus
                    want = min(len(scores), 8 * max(50, 4 * k))
                    top = np.argpartition(-scores, want - 1)[:want]
                    top = top[np.argsort(-scores[top])]
                for i in top:
                    if scores[i] <= 0:
                        break
                    p = self.paragraphs[i]
                    if not filters.admits_provision(p):
                        continue
                    h = hit(p)
                    h.lexical = max(h.lexical, float(scores[i]))
                    lexical_rank.setdefault(h.provision)
                    if len(lexical_rank) >= max(50, 4 * k):
                        break

        if mode == "hybrid":  # lexical finds the nearest-neighbour search missed: score them exactly
            missing = [v.node_id + "|w0" for prov in lexical_rank if prov not in dense_rank
                       for v in hits[prov].versions.values()]
            for node_id, cos in self.store.cosines(vec, missing).items():
                h = hits[self.paragraphs[self.by_node[node_id.rsplit("|", 1)[0]]].provision]
                h.dense = max(h.dense, cos)
        for prov, score in fuse([(dense_rank, self.dense_weight), (lexical_rank, self.lexical_weight)]).items():
            hits[prov].score = score
        for h in hits.values():
            h.coverage = max(self.coverage(about, self.by_node[p.node_id]) for p in h.versions.values())
        # A language filter chooses which version is shown; it needs one to show.
        admitted = [h for h in hits.values() if any(filters.admits(v) for v in h.versions.values())]
        ranked = sorted(admitted, key=lambda h: (-h.score, -h.support))
        # Fusion rewards agreement, so a paragraph that only one side finds sinks however
        # clearly it leads there ("sierra leone" is in one paragraph's words, nowhere near
        # it in meaning space): the leaders of each ranking stay candidates.
        leaders = {prov for ranking in (dense_rank, lexical_rank) for prov in list(ranking)[:RANK_LEADERS]}
        return ranked[:k] + [h for h in ranked[k:] if h.provision in leaders]


class Matcher:
    """Scores pieces of text (clauses, sentences) against one question's concepts."""

    def __init__(self, retriever: Retriever, about: list[Concept]):
        self.retriever = retriever
        self.about = about
        known = [a for a in about if any(t in retriever.idf for alt in a for t in alt)]
        # The question's most specific concept that the corpus uses at all.
        self.focus = max(known, key=retriever._weight) if known else None

    def score(self, text: str) -> float:
        return self.retriever.concept_weight(self.about, terms(text))

    @property
    def focus_weight(self) -> float:
        return self.retriever._weight(self.focus) if self.focus else 0.0

    def read(self, text: str) -> tuple[float, bool, set[int]]:
        """One reading of `text`: its score, whether it has the focus, and which of the
        question's concepts (by position) it expresses."""
        have = terms(text)
        covered = {i for i, c in enumerate(self.about) if any(all(t in have for t in alt) for alt in c)}
        focus = self.focus is not None and any(all(t in have for t in alt) for alt in self.focus)
        return self.retriever.concept_weight(self.about, have), focus, covered

    def weight(self, concepts: set[int]) -> float:
        """The weight of some of the question's concepts (by position)."""
        return sum(self.retriever._weight(self.about[i]) for i in concepts)
