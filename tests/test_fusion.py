"""Retrieval's reciprocal-rank fusion, alone and as `Retriever.search` uses it. Pure: the
search tests run on a stand-in store whose dense and lexical rankings are given by hand."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.retrieve import RANK_LEADERS, RRF_K, Filters, Retriever, fuse
from index import OP, Paragraph

# ---------------------------------------------------------------- fuse


def test_one_ranking_scores_one_over_k_plus_rank():
    assert fuse([(["a", "b", "c"], 1.0)]) == {"a": 1 / RRF_K, "b": 1 / (RRF_K + 1), "c": 1 / (RRF_K + 2)}
    assert RRF_K == 60


def test_rankings_add_up_with_their_weights():
    scores = fuse([(["a", "b"], 2.0), (["b", "a"], 1.0)], k=10)
    assert scores["a"] == pytest.approx(2 / 10 + 1 / 11)
    assert scores["b"] == pytest.approx(2 / 11 + 1 / 10)
    assert scores["a"] > scores["b"]  # the heavier ranking decides
    flipped = fuse([(["a", "b"], 1.0), (["b", "a"], 2.0)], k=10)
    assert flipped["b"] > flipped["a"]


def test_mirrored_rankings_of_equal_weight_tie_exactly():
    scores = fuse([(["a", "b"], 1.0), (["b", "a"], 1.0)])
    assert scores["a"] == scores["b"]


def test_an_item_missing_from_a_ranking_gets_only_the_others():
    scores = fuse([(["a", "b"], 1.0), (["c", "a"], 1.0)])
    assert scores["b"] == 1 / (RRF_K + 1)
    assert scores["c"] == 1 / RRF_K
    assert scores["a"] == pytest.approx(1 / RRF_K + 1 / (RRF_K + 1))
    assert "d" not in scores
    # being ranked anywhere beats being absent; a second list's top beats the first's second
    assert scores["a"] > scores["c"] > scores["b"]


def test_empty_rankings_and_a_smaller_k():
    assert fuse([]) == {} and fuse([([], 1.0)]) == {}
    assert fuse([(["a", "b"], 1.0)], k=1) == {"a": 1.0, "b": 0.5}  # a small k: the top matters more


# ---------------------------------------------------------------- search


def para(n: int, lang: str = "en") -> Paragraph:
    return Paragraph("A/RES/79/62", lang, OP, n, f"Paragraph {n} on the consultations.")


A, B, C, A_ZH = para(1), para(2), para(3), para(1, "zh")


class Store:
    """Dense results (node, cosine) and lexical scores given by hand, in place of Chroma and BM25."""

    def __init__(self, paragraphs, dense, lexical):
        self.paragraphs = paragraphs
        self.info = {"nodes": len(paragraphs)}
        self._dense = [(p.node_id + "|w0", cos) for p, cos in dense]
        scores = np.array([lexical.get(p, 0.0) for p in paragraphs])
        self.bm25 = SimpleNamespace(vocab_dict={"consult": 0}, get_scores=lambda q: scores)

    def idf(self):
        return {"consult": 1.0, "paragraph": 1.0}

    def embed(self, texts):
        return [np.zeros(1)]

    def dense(self, vec, n, where):
        return self._dense[:n]

    def cosines(self, vec, node_ids):
        return {node: 0.1 for node in node_ids}


def search(dense, lexical, **weights):
    paragraphs = [A, B, C, A_ZH]
    hits = Retriever(Store(paragraphs, dense, lexical), **weights).search("consultations", Filters(), k=5)
    return [(h.provision[2], h.score) for h in hits]


def test_search_ranks_by_fused_score():
    hits = search(dense=[(A, 0.5), (B, 0.4)], lexical={C: 2.0, A: 1.0})
    assert [n for n, _ in hits] == [1, 3, 2]
    assert dict(hits) == pytest.approx({1: 1 / 60 + 1 / 61, 3: 1 / 60, 2: 1 / 61})


def test_search_weights_the_rankings():
    hits = search(dense=[(A, 0.5), (B, 0.4)], lexical={C: 2.0, A: 1.0}, dense_weight=3.0)
    assert [n for n, _ in hits] == [1, 2, 3]
    assert dict(hits) == pytest.approx({1: 3 / 60 + 1 / 61, 2: 3 / 61, 3: 1 / 60})


def test_two_language_versions_are_one_provision_ranked_once():
    hits = search(dense=[(A, 0.5), (A_ZH, 0.5), (B, 0.4)], lexical={})
    assert dict(hits) == pytest.approx({1: 1 / 60, 2: 1 / 61})


def test_a_tie_in_fused_score_goes_to_the_better_supported_provision():
    hits = search(dense=[(A, 0.2), (B, 0.9)], lexical={B: 2.0, A: 1.0})
    assert hits[0][1] == hits[1][1]
    assert [n for n, _ in hits] == [2, 1]


def test_the_leaders_of_each_ranking_stay_candidates_below_k():
    assert RANK_LEADERS == 3
    ps = [para(n) for n in range(1, 9)]
    p1, p2, p3, p4, p5, p6, p7, p8 = ps
    dense = [(p1, 0.9), (p2, 0.8), (p3, 0.7), (p4, 0.6), (p5, 0.5)]
    lexical = {p6: 5.0, p7: 4.0, p8: 3.0, p2: 2.0}
    hits = Retriever(Store(ps, dense, lexical)).search("consultations", Filters(), k=2)
    numbers = [h.provision[2] for h in hits]
    # the two best by fused score, then the leaders the cut at k left out, still in fused order:
    # 6, 7, 8 lead the lexical ranking, 3 is third of the dense one; 4 and 5 lead neither
    assert numbers[:2] == [2, 1]
    assert numbers == [2, 1, 6, 7, 3, 8]
    # with k large enough, nothing is dropped
    hits = Retriever(Store(ps, dense, lexical)).search("consultations", Filters(), k=8)
    assert sorted(h.provision[2] for h in hits) == [1, 2, 3, 4, 5, 6, 7, 8]
