"""KazQAD round 14: the re-ranker given round 13's view (docs/ask.md): candidates and their ``rr:*``
values from the scores followed towards the sentence model, the raw ones as ``rw:*``, and the
nesting of ``scripts/train_reranker.py`` (each row under the λ, μ of the outer fold it serves)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from derek.query.reader_rerank import Candidates, top_values
from derek.query.reader_sentence import follow

REPO = Path(__file__).resolve().parents[1]

# (candidate texts, linear scores, each candidate's sentence, sentence log-probabilities,
#  the order under the raw scores, the order under the followed ones)
FOLLOWED_CASES = [
    # the sentence model prefers sentence 1: its lone span overtakes sentence 0's crowd
    (["Абай", "Абай Құнанбайұлы", "ақын Абай", "Шыңғыстау"], [2.0, 1.9, 1.8, 1.7], [0, 0, 0, 1],
     [-3.0, -0.05], [0, 1, 2, 3], [3, 0, 1, 2]),
    # both sentences alike: the followed order keeps the raw one
    (["Алматы", "Астана", "Семей"], [3.0, 2.0, 1.0], [0, 1, 2], [-1.1, -1.1, -1.1], [0, 1, 2], [0, 1, 2]),
]


def _candidates(texts: list[str], scores: list[float], of: list[int], logp: list[float], lam: float = 1.0,
                mu: float = 0.5) -> Candidates:
    """Candidates of one made-up question, followed with (λ, μ)."""
    feats = [{"coverage": 0.5, "sm:logp": logp[k]} for k in of]
    sentences = [" ".join(texts) + "."] * len(texts)
    extras = [{"first": float(k == 0)} for k in range(len(logp))]
    followed = follow(scores, [logp[k] for k in of], of, lam, mu)
    return Candidates(feats, texts, sentences, of, extras, "person", scores, followed)


@pytest.mark.parametrize(("texts", "scores", "of", "logp", "raw", "followed"), FOLLOWED_CASES)
def test_reader_round14_followed_order(texts: list[str], scores: list[float], of: list[int], logp: list[float],
                                       raw: list[int], followed: list[int]) -> None:
    c = _candidates(texts, scores, of, logp)
    got, rows = top_values(c, top=len(texts))
    assert got == followed
    assert [r["rr:rank"] for r in rows] == list(range(len(texts)))
    assert rows[0]["rr:gap"] == 0.0
    # the raw view is kept: each row's raw rank is its place in the raw order
    assert [r["rw:rank"] for r in rows] == [raw.index(i) for i in got]
    assert max(r["rw:gap"] for r in rows) == 0.0
    assert math.isclose(sum(math.exp(r["rw:logp"]) for r in rows), 1.0)


@pytest.mark.parametrize(("texts", "scores", "of", "logp", "raw", "followed"), FOLLOWED_CASES)
def test_reader_round14_sentence_rank(texts: list[str], scores: list[float], of: list[int], logp: list[float],
                                      raw: list[int], followed: list[int]) -> None:
    got, rows = top_values(_candidates(texts, scores, of, logp), top=len(texts))
    ranking = sorted(range(len(logp)), key=lambda k: -logp[k])  # stable, as _raw_values
    assert [r["rw:sm_rank"] for r in rows] == [ranking.index(of[i]) for i in got]


@pytest.mark.parametrize(("texts", "scores", "of", "logp", "raw", "followed"), FOLLOWED_CASES)
def test_reader_round14_raw_view_unchanged(texts: list[str], scores: list[float], of: list[int], logp: list[float],
                                           raw: list[int], followed: list[int]) -> None:
    """Without followed scores the values are round 10's: no ``rw:*`` column, the raw order."""
    c = _candidates(texts, scores, of, logp)
    c.followed = None
    got, rows = top_values(c, top=len(texts))
    assert got == raw
    assert not any(k.startswith("rw:") for r in rows for k in r)


@pytest.mark.parametrize(("texts", "scores", "of", "logp", "raw", "followed"), FOLLOWED_CASES)
def test_reader_round14_zero_follow_is_raw(texts: list[str], scores: list[float], of: list[int], logp: list[float],
                                           raw: list[int], followed: list[int]) -> None:
    """λ 0, μ 0 follows nothing: the followed values equal the raw ones."""
    got, rows = top_values(_candidates(texts, scores, of, logp, 0.0, 0.0), top=len(texts))
    assert got == raw
    assert all(math.isclose(r["rr:gap"], r["rw:gap"]) and r["rr:rank"] == r["rw:rank"] for r in rows)


# (a question's fold, the folds its linear reader was trained without, the outer fold the row serves)
OUTER_CASES = [
    (2, frozenset({2}), 2),  # a test row of fold 2
    (2, frozenset({2, 4}), 4),  # fold 2's question training fold 4's re-ranker
    (0, frozenset({0, 1}), 1),
    (1, frozenset({0, 1}), 0),
]


@pytest.mark.parametrize(("fold", "key", "outer"), OUTER_CASES)
def test_reader_round14_outer_fold(fold: int, key: frozenset, outer: int) -> None:
    """Every row is followed with the λ, μ of the one outer fold that reads it (nested honest)."""
    sys.path.insert(0, str(REPO / "scripts"))
    import train_reranker

    assert train_reranker.outer_fold(fold, key) == outer


# (candidate texts, linear gaps of the followed order, tree scores, decoding, the index picked)
MIX_CASES = [
    # A 0: the followed softmax alone (round 13's pick), the trees ignored
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.0, -0.1, -3.0], [0.0, 0.0, 5.0], "mix:0", 0),
    # A 0 with two nearly equal: expected F1 takes the span the others overlap most
    (["Сығанақ", "Сығанақ қаласы", "қаласы"], [0.0, -0.01, -0.02], [0.0, 0.0, 0.0], "mix:0", 1),
    # A 2: the trees' strong vote for «Жәнібек» overturns the followed order
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.0, -0.1, -3.0], [0.0, 0.0, 5.0], "mix:2", 2),
    # blend is the argmax of the same sum
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.0, -0.1, -3.0], [0.0, 0.0, 1.0], "blend:1", 0),
]


@pytest.mark.parametrize(("texts", "gaps", "trees", "decode", "expected"), MIX_CASES)
def test_reader_round14_mix_pick(texts: list[str], gaps: list[float], trees: list[float], decode: str,
                                 expected: int) -> None:
    import numpy as np

    from derek.query.reader_rerank import pick

    rows = [{"rr:gap": g} for g in gaps]
    assert pick(texts, np.array(trees), rows, decode) == expected


# (passages, shuffle seed): every question of a passage lands in one fold, the same on every call
SHUFFLE_CASES = [(12, 1), (30, 7)]


@pytest.mark.parametrize(("passages", "seed"), SHUFFLE_CASES)
def test_reader_round14_shuffled_folds(passages: int, seed: int) -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    import train_reranker

    data = [{"context": f"мәтін {k % passages}"} for k in range(3 * passages)]
    folds = train_reranker.shuffled_folds(seed)
    got = folds(data)
    assert got == folds(data)
    by_passage: dict[str, set[int]] = {}
    for d, f in zip(data, got):
        by_passage.setdefault(d["context"], set()).add(f)
    assert all(len(v) == 1 for v in by_passage.values())
    assert sorted({f for v in by_passage.values() for f in v}) == list(range(5))
