"""A re-ranker over the span reader's likeliest candidates: their dense values (linear score, rank and
expected F1, sentence probability, length, shape, alignment, answer type) and a numpy evaluator of
the boosted trees scripts/train_reranker.py measures (measured, not shipped: docs/ask.md rounds 10, 14).
Round 14: the candidates and their ``rr:*`` values can come from the followed scores
(``reader_sentence.follow``, the decoding round 13 ships), the raw ones kept as ``rw:*``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from derek.query.reader import token_bag, token_f1

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
    # the scores decoding ranks by (reader_sentence.follow); None: the linear scores themselves
    followed: list[float] | None = None


def top_values(c: Candidates, top: int = TOP) -> tuple[list[int], list[dict[str, float]]]:
    """The ``top`` likeliest candidates (indexes, best first) and each one's named values; with
    ``c.followed`` the order and ``rr:*`` values are the followed scores', plus ``_raw_values``."""
    s = [float(x) for x in (c.scores if c.followed is None else c.followed)]
    order = sorted(range(len(s)), key=lambda i: -s[i])  # stable, as reader.decode
    if not order:
        return [], []
    best = s[order[0]]
    z = sum(math.exp(x - best) for x in s)
    p = [math.exp(x - best) / z for x in s]
    likely = order[:MBR_SPANS]
    bags = {i: token_bag(c.texts[i]) for i in order[: max(top, MBR_SPANS)]}
    gains = {i: sum(p[j] * token_f1(bags[i], bags[j]) for j in likely) for i in order[:top]}
    gain_rank = {i: r for r, i in enumerate(sorted(gains, key=lambda i: -gains[i]))}
    mass: Counter = Counter()
    for i, x in enumerate(p):
        mass[c.of[i]] += x
    mass_rank = {k: r for r, (k, _) in enumerate(mass.most_common())}
    entropy = -sum(p[i] * math.log(p[i] + 1e-12) for i in likely)
    shared = {"rr:top_prob": p[order[0]], "rr:entropy": entropy, "rr:candidates": math.log1p(len(s)),
              "rr:best_gain": max(gains.values()), f"kind={c.kind}": 1.0}
    raw = _raw_values(c, order[:top]) if c.followed is not None else {}
    rows = []
    for r, i in enumerate(order[:top]):
        v = {k: x for k, x in c.feats[i].items() if not k.startswith(LEXICAL)}
        v.update(shared)
        v.update(c.extras[c.of[i]] if c.of[i] < len(c.extras) else {})
        v.update(_set_values(c, i, r, s[i] - best, p[i], gains, gain_rank, bags, order[0]))
        v["rr:sent_mass"] = mass[c.of[i]]
        v["rr:sent_mass_rank"] = mass_rank[c.of[i]]
        v["rr:sent_top"] = float(c.of[i] == c.of[order[0]])
        v.update(raw.get(i, {}))
        rows.append(v)
    return order[:top], rows


def _raw_values(c: Candidates, keep: list[int]) -> dict[int, dict[str, float]]:
    """What the followed order hides, per candidate: its linear score's gap, rank and log-probability
    (``rw:*``, round 9's view) and its sentence's rank under the sentence model (``rw:sm_rank``)."""
    s = [float(x) for x in c.scores]
    best = max(s)
    z = math.log(sum(math.exp(x - best) for x in s))
    rank = {i: r for r, i in enumerate(sorted(range(len(s)), key=lambda i: -s[i]))}
    logp: dict[int, float] = {}
    for f, k in zip(c.feats, c.of):
        logp.setdefault(k, f.get("sm:logp", 0.0))
    sm_rank = {k: r for r, k in enumerate(sorted(logp, key=lambda k: -logp[k]))}
    return {i: {"rw:gap": s[i] - best, "rw:rank": rank[i], "rw:logp": s[i] - best - z,
                "rw:sm_rank": sm_rank[c.of[i]]} for i in keep}


def _set_values(c: Candidates, i: int, rank: int, gap: float, p: float, gains: dict[int, float],
                gain_rank: dict[int, int], bags: dict[int, Counter], first: int) -> dict[str, float]:
    """Candidate i against the others and its own shape: rank, expected F1, overlap with the
    likeliest, duplicates, length and place in its sentence."""
    text, sentence = c.texts[i], c.sentences[i]
    at = sentence.find(text) if text else -1
    return {"rr:rank": rank, "rr:gap": gap, "rr:logp": math.log(p + 1e-12), "rr:gain": gains[i],
            "rr:gain_gap": gains[i] - max(gains.values()), "rr:gain_rank": gain_rank[i],
            "rr:f1_top": token_f1(bags[i], bags[first]),
            "rr:dupes": sum(bags[j] == bags[i] for j in gains if j != i),
            "rr:inside_top": float(not (bags[i] - bags[first])),
            "rr:holds_top": float(not (bags[first] - bags[i])),
            "rr:words": len(text.split()), "rr:chars": len(text),
            "rr:offset": at / max(len(sentence), 1) if at >= 0 else -1.0,
            "rr:digit": float(any(ch.isdigit() for ch in text)),
            "rr:upper": float(text[:1].isupper()), "rr:quote": float(any(q in text for q in "«»\""))}


def matrix(rows: list[dict[str, float]], names: list[str]) -> np.ndarray:
    """The rows' values in the columns ``names`` (a value not named by a row is 0)."""
    index = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, v in enumerate(rows):
        for k, val in v.items():
            j = index.get(k)
            if j is not None:
                x[r, j] = val
    return x


ZERO = 1e-35  # LightGBM's kZeroThreshold: |x| at most this is "zero" for a zero-as-missing split


@dataclass(slots=True)
class Forest:
    """Boosted regression trees as flat node arrays (every tree's nodes one after another); a child
    below 0 is the leaf ~child. Evaluated as LightGBM evaluates numerical splits."""

    columns: list[str]  # the feature named by each column of the input matrix
    roots: np.ndarray  # each tree's first node (below 0: a one-leaf tree, its leaf ~root)
    feature: np.ndarray  # per node: the column it splits on
    threshold: np.ndarray  # per node: x <= threshold goes left
    default_left: np.ndarray  # per node: where a missing value goes
    missing: np.ndarray  # per node: 0 none (NaN read as 0), 1 zero is missing, 2 NaN is missing
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray  # leaf values
    scale: float = 1.0  # the trees' summed output times this (1 / seeds: the seeds' mean)
    decode: str = "mbr:0.5"  # how the pick is made from the scores (``pick``)
    top: int = TOP

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The trees' scaled summed output for each row of ``x`` (rows × columns)."""
        trees = len(self.roots)
        node = np.tile(self.roots, len(x))
        row = np.repeat(np.arange(len(x)), trees)
        live = np.flatnonzero(node >= 0)
        while live.size:
            n = node[live]
            v = x[row[live], self.feature[n]]
            nan = np.isnan(v)
            kind = self.missing[n]
            v = np.where(nan & (kind != 2), 0.0, v)
            gone = (nan & (kind == 2)) | ((kind == 1) & (np.abs(v) <= ZERO))
            go_left = np.where(gone, self.default_left[n], v <= self.threshold[n])
            node[live] = np.where(go_left, self.left[n], self.right[n])
            live = live[node[live] >= 0]
        return self.leaf[~node].reshape(len(x), trees).sum(1) * self.scale

    def choose(self, c: Candidates) -> int:
        """The re-ranked pick among all of ``c``'s candidates (an index into its lists)."""
        order, rows = top_values(c, self.top)
        r = self.predict(matrix(rows, self.columns))
        return order[pick([c.texts[i] for i in order], r, rows, self.decode)]


def pick(texts: list[str], r: np.ndarray, rows: list[dict[str, float]], decode: str) -> int:
    """The pick among re-ranked candidates (scores ``r``): the best score ("argmax"), the best
    expected F1 against the softmax of the scores at temperature T ("mbr:T"), the linear gap
    plus A × the score ("blend:A"), or the best expected F1 against the softmax of that sum
    ("mix:A", round 14: A 0 is the linear reader's own decoding over these candidates)."""
    how, _, t = decode.partition(":")
    if how == "argmax":
        return int(np.argmax(r))
    if how in ("blend", "mix"):
        r = np.array([v["rr:gap"] for v in rows]) + float(t) * r
        if how == "blend":
            return int(np.argmax(r))
        t = "1"
    p = np.exp((r - r.max()) / float(t))
    p /= p.sum()
    bags = [token_bag(text) for text in texts]
    gains = [sum(pj * token_f1(b, o) for pj, o in zip(p, bags)) for b in bags]
    return int(np.argmax(gains))


def forest(spec: dict) -> Forest:
    """A Forest from its JSON form (``to_json``)."""
    t = spec["trees"]
    ints = {k: np.array(t[k], dtype=np.int64) for k in ("roots", "feature", "left", "right")}
    return Forest(spec["columns"], ints["roots"], ints["feature"], np.array(t["threshold"], dtype=float),
                  np.array(t["default_left"], dtype=bool), np.array(t["missing"], dtype=np.int8),
                  ints["left"], ints["right"], np.array(t["leaf"], dtype=float), float(spec["scale"]),
                  spec["decode"], int(spec["top"]))


def to_json(f: Forest, header: dict) -> dict:
    """The JSON form of a Forest, with ``header`` (how it was trained)."""
    trees = {"roots": f.roots, "feature": f.feature, "threshold": f.threshold, "default_left": f.default_left,
             "missing": f.missing, "left": f.left, "right": f.right, "leaf": f.leaf}
    return {"header": header, "columns": f.columns, "scale": f.scale, "decode": f.decode, "top": f.top,
            "trees": {k: v.tolist() for k, v in trees.items()}}
