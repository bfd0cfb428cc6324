"""The reader's sentence model: which read sentence holds the answer, a softmax over the read
sentences from features pooled over their spans (overlap, alignment, typed candidates) and a soft
overlap of count-based stem vectors (data/stem_vectors.npz); each span gets "sm:logp".
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from derek.query.question import stopwords

if TYPE_CHECKING:
    import numpy as np

PREFIX = "sm|"  # the sentence model's weights in reader_weights.tsv carry this prefix
LOGP = "sm:logp"  # the span feature: log-probability of the span's sentence
# decoding (``follow``): the span ranker's scores + FOLLOW · the sentence's log-probability − MASS ·
# the log-sum-exp of the spans' scores in the sentence, fitted by likelihood on held-out KazQAD
# predictions (scripts/measure_decoding.py, round 13: nested 36.8 / 45.8 → 37.1 / 46.4 EM / F1)
FOLLOW = 0.236
MASS = 0.309
# span features constant over a sentence, taken as they are
SHARED = ("coverage", "coverage_gap", "stem_share", "stem_missing", "stem_bigrams", "sentence_length")
# span features whose best value over the sentence's spans is a sentence feature
BEST = ("prior", "al:left_run", "al:right_run", "al:left_lcs", "al:right_lcs", "before_qverb", "has_focus",
        "before_focus", "al:case_same", "al:same_form")


def content_stems(stems: list[str]) -> list[str]:
    """The stems that carry content: no function words, nothing shorter than three letters."""
    stop = stopwords()
    return [s for s in stems if len(s) >= 3 and s not in stop]


@cache
def vectors() -> tuple[dict[str, int], np.ndarray]:
    """Stem -> row, and the unit-length rows (scripts/build_vectors.py: PPMI + truncated SVD)."""
    import numpy as np  # lazily: `derek ask` over a knowledge base never reads the vectors

    with resources.files("derek.query").joinpath("data/stem_vectors.npz").open("rb") as f:
        data = np.load(f)
        names, rows = [str(s) for s in data["stems"]], data["vectors"].astype(np.float32)
    return {s: i for i, s in enumerate(names)}, rows


def soft_overlap(question: list[str], sentence: list[str]) -> dict[str, float]:
    """Mean over the question's content stems of the best cosine to a stem of the sentence (an
    exact stem counts 1): "vec:soft"; the same over the stems the sentence lacks: "vec:para"."""
    index, rows = vectors()
    asked = list(dict.fromkeys(content_stems(question)))
    words = set(content_stems(sentence))
    if not asked:
        return {}
    known = [index[s] for s in words if s in index]
    best = {}
    for s in asked:
        if s in words:
            best[s] = 1.0
        elif s in index and known:
            best[s] = max(0.0, float((rows[known] @ rows[index[s]]).max()))
        else:
            best[s] = 0.0
    lacking = [best[s] for s in asked if s not in words]
    return {"vec:soft": sum(best.values()) / len(asked),
            "vec:para": sum(lacking) / len(lacking) if lacking else 1.0}


def sentence_extras(question: list[str], sentences: list[list[str]], firsts: list[bool]) -> list[dict[str, float]]:
    """What the spans do not carry, per read sentence (stems ``sentences``): the soft overlap with
    the question's stems and whether the sentence opens its document."""
    return [{"first": float(first), **soft_overlap(question, keys)} for keys, first in zip(sentences, firsts)]


def sentence_features(feats: list[dict[str, float]], of: list[int], extras: list[dict[str, float]],
                      kind: str) -> list[dict[str, float]]:
    """One feature dict per read sentence, pooled from its spans' features (``of``: each span's
    sentence): the sentence-wide values, the best alignment and prior, the typed candidates present
    (× the answer type ``kind``), with ``extras`` (``sentence_extras``) on top."""
    out: list[dict[str, float]] = [dict(x) for x in extras]
    routes: dict[str, tuple[int, str]] = {}  # _route's answers, without its call per feature
    for f, i in zip(feats, of):
        o = out[i]
        for k, v in f.items():
            if (found := routes.get(k)) is None:
                found = routes[k] = _route(k, kind)
            route, name = found
            if route == _SKIP:
                continue
            if route == _COPY:
                o[name] = v
            elif route == _MAX:
                o[name] = max(o.get(name, 0.0), v)
            elif route == _ONE:
                o[name] = 1.0
    return out


_SKIP, _COPY, _MAX, _ONE = range(4)


@lru_cache(maxsize=1 << 16)
def _route(k: str, kind: str) -> tuple[int, str]:
    """How a span feature enters its sentence's row, and under which name (the same few hundred
    names come back for every span: ~60 features × ~250 spans a sentence)."""
    if k in SHARED or k.startswith(("sent:", "rank=")):
        return _COPY, k
    if k in BEST:
        return _MAX, "best:" + k
    if k.startswith("ner=exact|") or (k.startswith("src=") and k != "src=ngram"):
        return _ONE, f"type={kind}|{k}"
    if k == "al:sides=2" or k.startswith("alx:"):
        return _ONE, "any:" + k
    return _SKIP, k


def log_probabilities(rows: list[dict[str, float]], weights: dict[str, float]) -> list[float]:
    """The softmax over the sentences (weights ``sm|<feature>``), as log-probabilities."""
    scores = [sum(weights.get(PREFIX + k, 0.0) * v for k, v in r.items()) for r in rows]
    top = max(scores, default=0.0)
    z = math.log(sum(math.exp(s - top) for s in scores) or 1.0)
    return [s - top - z for s in scores]


def add_log_probability(feats: list[dict[str, float]], of: list[int], rows: list[dict[str, float]],
                        weights: dict[str, float]) -> None:
    """Give every span the log-probability of its sentence ("sm:logp"), in place."""
    logp = log_probabilities(rows, weights)
    for f, i in zip(feats, of):
        f[LOGP] = logp[i]


def follow(scores: list[float], logp: list[float], of: list[int], lam: float = FOLLOW, mu: float = MASS) -> list[float]:
    """The span scores re-weighed towards the sentence model: + λ · the sentence's log-probability,
    − μ · the log-sum-exp of the scores of the spans in the same sentence. The ranker's softmax puts
    more mass on a sentence the more candidates it holds; taking part of that mass off lets the
    sentence model's choice count (μ = 1 would make the ranker a within-sentence model)."""
    mass = sentence_mass(scores, of)
    return [s + lam * lp - mu * m for s, lp, m in zip(scores, logp, mass)]


def sentence_mass(scores: list[float], of: list[int]) -> list[float]:
    """Each span's log-sum-exp of the scores of every span in its sentence."""
    top: dict[int, float] = {}
    for s, i in zip(scores, of):
        top[i] = max(top.get(i, s), s)
    z: dict[int, float] = {}
    for s, i in zip(scores, of):
        z[i] = z.get(i, 0.0) + math.exp(s - top[i])
    return [top[i] + math.log(z[i]) for i in of]
