"""Train the reader's sentence model (derek/query/reader_sentence.py) inside scripts/train_reader.py:
a softmax over each question's read sentences towards the one holding the gold answer, and the
span feature "sm:logp" for the span ranker, out-of-fold on its training questions (stacking).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import minimize

L2 = 3.0  # Gaussian prior on the sentence weights (KazQAD held out: 0.3 / 1.0 / 3.0 → 54.9 / 55.1 / 55.2%)
INNER = 5  # inner folds (by passage) giving the training questions their out-of-fold "sm:logp"
MIN_COUNT = 3  # a sentence feature seen in fewer training questions is dropped


def rows(d: dict) -> tuple[list[dict[str, float]], int]:
    """The question's sentence feature dicts and the index of the gold answer's sentence (-1: the
    answer's sentence was not read)."""
    from derek.query.reader_sentence import sentence_features

    sentences = list(dict.fromkeys(d["sentences"]))
    gold = next((i for i, (s, e) in enumerate(sentences) if s <= d["answer_start"] < e), -1)
    return sentence_features(d["feats"], d["of"], d["extras"], d["kind"]), gold


def train(data: list[dict]) -> dict[str, float]:
    """L-BFGS on the log-likelihood of the gold sentences (questions with one read sentence, or
    none holding the answer, skipped); the weights carry reader_sentence.PREFIX."""
    from derek.query.reader_sentence import PREFIX

    examples = [r for r in map(rows, data) if r[1] >= 0 and len(r[0]) > 1]
    counts: dict[str, int] = {}
    for fs, _ in examples:
        for k in {k for f in fs for k in f}:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT)
    index = {k: i for i, k in enumerate(names)}
    xs = []
    for fs, gold in examples:
        x = np.zeros((len(fs), len(names)))
        for r, f in enumerate(fs):
            for k, v in f.items():
                if k in index:
                    x[r, index[k]] = v
        xs.append((x, gold))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * L2 * w @ w, L2 * w
        for x, gold in xs:
            s = x @ w
            top = s.max()
            p = np.exp(s - top)
            z = p.sum()
            total -= s[gold] - top - math.log(z)
            grad = grad + x.T @ (p / z) - x[gold]
        return total, grad

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return {PREFIX + k: float(v) for k, v in zip(names, result.x) if abs(v) > 1e-6}


def with_logp(d: dict, weights: dict[str, float]) -> dict:
    """A copy of the question whose span features hold their sentence's log-probability."""
    from derek.query.reader_sentence import add_log_probability

    feats = [dict(f) for f in d["feats"]]
    add_log_probability(feats, d["of"], rows(d)[0], weights)
    return {**d, "feats": feats}


def stacked(data: list[dict]) -> list[dict]:
    """The questions with "sm:logp" from a sentence model trained on the other inner folds (by
    passage): the span ranker learns how far to trust it on probabilities it did not fit."""
    contexts = list(dict.fromkeys(d["context"] for d in data))
    fold = {c: k % INNER for k, c in enumerate(contexts)}
    out: list[dict] = [{}] * len(data)
    for k in range(INNER):
        weights = train([d for d in data if fold[d["context"]] != k])
        for i, d in enumerate(data):
            if fold[d["context"]] == k:
                out[i] = with_logp(d, weights)
    return out


def accuracy(data: list[dict], weights: list[dict[str, float]]) -> float:
    """Share of the questions whose most likely sentence holds the gold answer (``weights``: each
    question's sentence weights)."""
    from derek.query.reader_sentence import log_probabilities

    hit = 0
    for d, w in zip(data, weights):
        fs, gold = rows(d)
        if gold >= 0 and fs:
            logp = log_probabilities(fs, w)
            hit += max(range(len(fs)), key=lambda i: logp[i]) == gold
    return round(100 * hit / max(len(data), 1), 1)
