"""Round 13 of the span reader: decoding follows the sentence model (reader_sentence.follow)."""

from __future__ import annotations

import math

import pytest

from derek import analyze
from derek.query import reader
from derek.query.passages import document_passages
from derek.query.question import analyze_question
from derek.query.reader_sentence import FOLLOW, LOGP, MASS, follow, sentence_mass

# (span scores, their sentences, each span's log-sum-exp over its sentence)
MASS_CASES = [
    ([1.0], [0], [1.0]),
    ([0.0, 0.0], [0, 0], [math.log(2), math.log(2)]),
    ([2.0, 0.0, 5.0], [0, 1, 0], [5.0 + math.log(1 + math.exp(-3)), 0.0, 5.0 + math.log(1 + math.exp(-3))]),
]


@pytest.mark.parametrize(("scores", "of", "expected"), MASS_CASES)
def test_reader_round13_sentence_mass(scores: list[float], of: list[int], expected: list[float]) -> None:
    got = sentence_mass(scores, of)
    assert got == pytest.approx(expected)


# (scores, sentence log-probabilities, sentences, λ, μ, index of the best followed score)
FOLLOW_CASES = [
    # λ = μ = 0: the ranker's own order
    ([3.0, 2.0, 1.0], [-2.0, -0.1, -0.1], [0, 1, 1], 0.0, 0.0, 0),
    # the sentence model's weight moves the pick to the likelier sentence
    ([3.0, 2.0, 1.0], [-2.0, -0.1, -0.1], [0, 1, 1], 1.0, 0.0, 1),
    # μ = 1: within-sentence log-probabilities, a lone span in its sentence scores 0 and wins
    ([3.0, 2.9, 2.8, 1.0], [-0.7, -0.7, -0.7, -0.7], [0, 0, 0, 1], 0.0, 1.0, 3),
]


@pytest.mark.parametrize(("scores", "logp", "of", "lam", "mu", "best"), FOLLOW_CASES)
def test_reader_round13_follow(scores: list[float], logp: list[float], of: list[int], lam: float, mu: float,
                               best: int) -> None:
    got = follow(scores, logp, of, lam, mu)
    assert max(range(len(got)), key=lambda i: got[i]) == best


def test_reader_round13_follow_keeps_order_inside_a_sentence() -> None:
    """Within one sentence the shift is equal for every span, so the ranker's order stays."""
    scores, of = [0.3, 1.2, -0.5, 0.9], [0, 0, 1, 1]
    got = follow(scores, [-1.0, -1.0, -0.4, -0.4], of, FOLLOW, MASS)
    assert got[1] > got[0] and got[3] > got[2]
    assert 0 < FOLLOW < 1 and 0 < MASS < 1


# (document, question, a word the answer holds): own sentences
READ_CASES = [
    ("Абай Құнанбайұлы 1845 жылы Семей өңірінде туған. Ол ақын әрі ағартушы болды.", "Абай қай жерде туған?", "Семей"),
    ("Астана 1997 жылы елорда болды. Қала Есіл өзенінің жағасында орналасқан.", "Астана қай өзеннің жағасында орналасқан?", "Есіл"),
]


@pytest.mark.parametrize(("text", "question", "word"), READ_CASES)
def test_reader_round13_read_follows_and_keeps_probability(text: str, question: str, word: str) -> None:
    """``read`` decodes the followed scores; its probability stays the ranker's likeliest span's."""
    q = analyze_question(question)
    passages = document_passages(analyze(text), "d", q)
    scored, feats, _, _, _ = reader.span_inputs(passages, q)
    assert all(LOGP in f for f in feats)
    reading = reader.read(passages, q)
    assert reading is not None and word in reading.span.text
    top = max(s for s, _ in scored)
    assert reading.probability == pytest.approx(1.0 / sum(math.exp(s - top) for s, _ in scored))


def test_reader_round13_decode_without_follow_is_unchanged() -> None:
    """``decode`` with no decoding scores reads the ranker's scores as before."""
    q = analyze_question("Абай қай жерде туған?")
    passages = document_passages(analyze(READ_CASES[0][0]), "d", q)
    scored = reader.scored_spans(passages, q)
    a, b = reader.decode(scored), reader.decode(scored, [s for s, _ in scored])
    assert a is not None and b is not None and a.span is b.span and a.probability == b.probability
