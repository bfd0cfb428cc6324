"""Reader round 11 (session 17): the tooling that splits the reader's wrong answers by where the
answer's sentence was lost (scripts/measure_sentences.py, the gold sentence's rank kept by
scripts/train_reader.py's feature cache)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from measure_sentences import _bucket, sentence_rank
from train_reader import _gold_rank


@dataclass
class _Sentence:
    start: int
    end: int


# sentences in the reader's order (best covered first), the gold answer's first character, its rank
GOLD_RANKS = [
    ([(20, 40), (0, 20), (40, 60)], 5, 1),
    ([(20, 40), (0, 20), (40, 60)], 20, 0),
    ([(20, 40), (0, 20), (40, 60)], 59, 2),
    ([(0, 20)], 25, -1),
    ([], 0, -1),
]


@pytest.mark.parametrize(("bounds", "start", "expected"), GOLD_RANKS)
def test_reader_round11_gold_rank(bounds: list[tuple[int, int]], start: int, expected: int) -> None:
    assert _gold_rank([_Sentence(*b) for b in bounds], start) == expected


@pytest.mark.parametrize(("rank", "expected"), [(-2, "unknown (old cache)"), (-1, "not located"), (0, "0"),
                                                (9, "9"), (10, "10+"), (40, "10+")])
def test_reader_round11_bucket(rank: int, expected: str) -> None:
    assert _bucket(rank) == expected


def _question(coverages: list[float], answer_sentence: int) -> dict:
    """A cached question with one span per read sentence, each sentence 10 characters long."""
    n = len(coverages)
    return {"feats": [{"coverage": c} for c in coverages], "of": list(range(n)), "extras": [{} for _ in range(n)],
            "kind": "description", "sentences": [(10 * i, 10 * i + 10) for i in range(n)],
            "answer_start": 10 * answer_sentence + 3 if answer_sentence >= 0 else 10 * n + 3}


# (each read sentence's coverage, the gold sentence's index, the weight of coverage) -> (the sentence
# model's rank of the gold sentence, its most likely sentence)
SENTENCE_RANKS = [
    ([0.9, 0.1], 1, 1.0, (1, 0)),
    ([0.9, 0.1], 0, 1.0, (0, 0)),
    ([0.9, 0.1, 0.5], 2, 1.0, (1, 0)),
    ([0.9, 0.1, 0.5], 1, -1.0, (0, 1)),
    ([0.9, 0.1], -1, 1.0, (-1, 0)),
]


@pytest.mark.parametrize(("coverages", "gold", "weight", "expected"), SENTENCE_RANKS)
def test_reader_round11_sentence_rank(coverages: list[float], gold: int, weight: float,
                                      expected: tuple[int, int]) -> None:
    assert sentence_rank(_question(coverages, gold), {"sm|coverage": weight}) == expected
