"""The reader's sentence model: the shipped stem vectors, the soft overlap, pooled sentence features
and the sentence log-probability every span receives."""

from __future__ import annotations

import math
import unicodedata
from importlib import resources

import numpy as np
import pytest

from derek.pipeline import analyze
from derek.query.passages import document_passages
from derek.query.question import analyze_question
from derek.query.reader import load_weights, scored_spans
from derek.query.reader_sentence import (
    LOGP,
    PREFIX,
    log_probabilities,
    sentence_features,
    soft_overlap,
    vectors,
)

# (question stems, sentence stems, vec:soft): exact stems count 1, stems unknown to the vectors 0
OVERLAPS = [
    (["астан", "қала"], ["астан", "қала", "болды"], 1.0),
    (["астан", "қала"], ["астан"], 0.5),  # «қала» is close to «астан» but its cosine is below 1
    (["зззззз"], ["ыыыыыы"], 0.0),
]

# (pairs of stems that co-occur in Kazakh text, a stem of another topic): the first pair is closer
NEIGHBOURS = [("қала", "астан", "бидай"), ("өзен", "ертіс", "ақын"), ("хан", "сұлта", "бидай")]


def test_reader_sentence_vectors_load() -> None:
    index, rows = vectors()
    size = len(resources.files("derek.query").joinpath("data/stem_vectors.npz").read_bytes())
    assert len(index) > 1000 and rows.shape == (len(index), rows.shape[1]) and rows.shape[1] >= 50
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-2)
    assert all(s == unicodedata.normalize("NFC", s) and s == s.lower() for s in index)
    assert size <= 5_000_000


@pytest.mark.parametrize(("question", "sentence", "soft"), OVERLAPS)
def test_reader_sentence_soft_overlap(question: list[str], sentence: list[str], soft: float) -> None:
    found = soft_overlap(question, sentence)
    if soft in (0.0, 1.0):
        assert found["vec:soft"] == pytest.approx(soft)
    else:
        assert soft < found["vec:soft"] < 1.0


@pytest.mark.parametrize(("word", "near", "far"), NEIGHBOURS)
def test_reader_sentence_vectors_place_neighbours_closer(word: str, near: str, far: str) -> None:
    index, rows = vectors()
    assert rows[index[word]] @ rows[index[near]] > rows[index[word]] @ rows[index[far]]


def test_reader_sentence_features_pool_spans() -> None:
    feats = [{"coverage": 0.5, "al:left_run": 0.3, "src=date": 1.0}, {"coverage": 0.5, "al:left_run": 0.6},
             {"coverage": 0.1, "src=ngram": 1.0}]
    rows = sentence_features(feats, [0, 0, 1], [{"first": 1.0}, {"first": 0.0}], "year")
    assert rows[0] == {"first": 1.0, "coverage": 0.5, "best:al:left_run": 0.6, "type=year|src=date": 1.0}
    assert rows[1] == {"first": 0.0, "coverage": 0.1}


def test_reader_sentence_log_probabilities() -> None:
    logp = log_probabilities([{"first": 1.0}, {"first": 0.0}], {PREFIX + "first": math.log(3)})
    assert [math.exp(x) for x in logp] == pytest.approx([0.75, 0.25])


def test_reader_sentence_shipped_weights() -> None:
    weights = load_weights()
    assert weights[LOGP] > 0  # the span ranker trusts the sentence model
    assert sum(k.startswith(PREFIX) for k in weights) >= 10


def test_reader_sentence_shifts_every_span_of_a_sentence() -> None:
    doc = analyze("Абай 1845 жылы Шыңғыстау бөктерінде туған. Ол ақын әрі ағартушы болды.")
    question = analyze_question("Абай қай жылы туған?")
    passages = document_passages(doc, "context", question)
    plain = scored_spans(passages, question, {})
    shifted = scored_spans(passages, question, {LOGP: 1.0, PREFIX + "first": math.log(3)})
    assert {s.passage.start == 0 for _, s in shifted} == {True, False}
    for (before, _), (after, s) in zip(plain, shifted):
        assert after - before == pytest.approx(math.log(0.75 if s.passage.start == 0 else 0.25))
