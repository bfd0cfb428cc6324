"""Dense values for a re-ranker over the span reader's likeliest candidates (its linear score, rank
and expected F1, its sentence's probability, length, shape, alignment, answer type); measured with
LightGBM by scripts/train_reranker.py (KazQAD round 9), not yet used by reader.decode.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from derek.query.reader import _bag, _f1

if TYPE_CHECKING:
    import numpy as np

TOP = 30  # candidates re-ranked per question: the linear reader's likeliest
MBR_SPANS = 30  # as reader.MBR_SPANS: the expected F1 is taken against this many likeliest spans
# lexical span features stay in the linear score; the trees see the rest of the feature dict
LEXICAL = ("head=", "prev=", "qw=", "type=")


@dataclass(slots=True)
class Candidates:
    """One question's candidates as the linear reader left them (parallel lists)."""

    feats: list[dict[str, float]]  # the linear reader's feature dicts (with "sm:logp")
    texts: list[str]
    sentences: list[str]  # the text of each candidate's sentence
    of: list[int]  # each candidate's sentence index among the read ones
    extras: list[dict[str, float]]  # per read sentence (reader_sentence.sentence_extras)
    kind: str  # the answer type
    scores: list[float]  # linear scores


def top_values(c: Candidates, top: int = TOP) -> tuple[list[int], list[dict[str, float]]]:
    """The ``top`` likeliest candidates (indexes, best first) and each one's named values."""
    s = [float(x) for x in c.scores]
    order = sorted(range(len(s)), key=lambda i: -s[i])  # stable, as reader.decode
    if not order:
        return [], []
    best = s[order[0]]
    z = sum(math.exp(x - best) for x in s)
    p = [math.exp(x - best) / z for x in s]
    likely = order[:MBR_SPANS]
    bags = {i: _bag(c.texts[i]) for i in order[: max(top, MBR_SPANS)]}
    gains = {i: sum(p[j] * _f1(bags[i], bags[j]) for j in likely) for i in order[:top]}
    gain_rank = {i: r for r, i in enumerate(sorted(gains, key=lambda i: -gains[i]))}
    mass: Counter = Counter()
    for i, x in enumerate(p):
        mass[c.of[i]] += x
    mass_rank = {k: r for r, (k, _) in enumerate(mass.most_common())}
    entropy = -sum(p[i] * math.log(p[i] + 1e-12) for i in likely)
    shared = {"rr:top_prob": p[order[0]], "rr:entropy": entropy, "rr:candidates": math.log1p(len(s)),
              "rr:best_gain": max(gains.values()), f"kind={c.kind}": 1.0}
    rows = []
    for r, i in enumerate(order[:top]):
        v = {k: x for k, x in c.feats[i].items() if not k.startswith(LEXICAL)}
        v.update(shared)
        v.update(c.extras[c.of[i]] if c.of[i] < len(c.extras) else {})
        v.update(_set_values(c, i, r, s[i] - best, p[i], gains, gain_rank, bags, order[0]))
        v["rr:sent_mass"] = mass[c.of[i]]
        v["rr:sent_mass_rank"] = mass_rank[c.of[i]]
        v["rr:sent_top"] = float(c.of[i] == c.of[order[0]])
        rows.append(v)
    return order[:top], rows


def _set_values(c: Candidates, i: int, rank: int, gap: float, p: float, gains: dict[int, float],
                gain_rank: dict[int, int], bags: dict[int, Counter], first: int) -> dict[str, float]:
    """Candidate i against the others and its own shape: rank, expected F1, overlap with the
    likeliest, duplicates, length and place in its sentence."""
    text, sentence = c.texts[i], c.sentences[i]
    at = sentence.find(text) if text else -1
    return {"rr:rank": rank, "rr:gap": gap, "rr:logp": math.log(p + 1e-12), "rr:gain": gains[i],
            "rr:gain_gap": gains[i] - max(gains.values()), "rr:gain_rank": gain_rank[i],
            "rr:f1_top": _f1(bags[i], bags[first]),
            "rr:dupes": sum(bags[j] == bags[i] for j in gains if j != i),
            "rr:inside_top": float(not (bags[i] - bags[first])),
            "rr:holds_top": float(not (bags[first] - bags[i])),
            "rr:words": len(text.split()), "rr:chars": len(text),
            "rr:offset": at / max(len(sentence), 1) if at >= 0 else -1.0,
            "rr:digit": float(any(ch.isdigit() for ch in text)),
            "rr:upper": float(text[:1].isupper()), "rr:quote": float(any(q in text for q in "«»\""))}


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    """The rows' values in the columns ``names`` (a value not named by a row is 0)."""
    import numpy as np

    index = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, v in enumerate(rows):
        for k, val in v.items():
            j = index.get(k)
            if j is not None:
                x[r, j] = val
    return x
