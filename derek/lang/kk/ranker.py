"""Log-linear ranking of lemma candidates: stem evidence, paradigm size, suffix chain and shape
features weighted by data/lemma_ranker.tsv (trained on UD KTB by scripts/train_lemma_ranker.py)."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from derek.lang.kk.resources import load_tsv

if TYPE_CHECKING:
    from derek.lang.kk.morphology import Analyzer, _Candidate

# numeric features, in the order numeric_features() returns them
NUMERIC = (
    "ev", "ev_other", "bare_freq", "paradigm", "paradigm_other", "known", "known_other",
    "known_any", "unknown", "stripped", "stem_len", "short_stem", "no_tags", "verb",
    "cap_bare", "cap_verb", "cap_stripped", "cap_ratio", "altered", "keeps_derivation",
    "chain_logp", "chain_unseen_logp", "listed_whole",
)
_LOG = [math.log1p(n) for n in range(64)]


def _log1p(n: int) -> float:
    return _LOG[n] if 0 <= n < 64 else math.log1p(max(n, 0))


def numeric_features(an: Analyzer, cand: _Candidate, word: str, low: str) -> tuple[float, ...]:
    """The numeric feature vector of one candidate (see NUMERIC)."""
    stem = cand.root or cand.stem
    ev = an.stems.get(stem)
    known = an.known.get(stem)
    verb = cand.kind == "V"
    cap = word[0].isupper()
    tagged = bool(cand.tags)
    if ev is not None:
        same, other = (ev.verb, ev.noun) if verb else (ev.noun, ev.verb)
        para, para_other = (ev.vchains, ev.nchains) if verb else (ev.nchains, ev.vchains)
        freq, cap_ratio = ev.freq, ev.cap / 100
    else:
        same = other = para = para_other = freq = 0
        cap_ratio = 0.0
    if known is not None:
        k_same, k_other = (known.verb, known.noun) if verb else (known.noun, known.verb)
    else:
        k_same = k_other = 0
    key = (cand.kind, cand.tags)
    return (
        _log1p(same), _log1p(other), _log1p(freq), _log1p(para), _log1p(para_other),
        _log1p(k_same), _log1p(k_other), float(known is not None),
        float(ev is None and known is None), float(len(low) - cand.cut), float(len(cand.stem)),
        float(len(cand.stem) <= 2), float(not tagged), float(verb),
        float(cap and not tagged), float(cap and verb), float(cap and tagged),
        cap_ratio if cap else 0.0, float(not low.startswith(cand.stem)), float(bool(cand.root)),
        an.chain_logp.get(key, -9.0), an.unseen_logp.get(key, -9.0),
        float(not tagged and low in an.no_strip),
    )


def chain_names(kind: str, tags: tuple[str, ...]) -> list[str]:
    """Indicator features of a suffix chain: the whole chain, each tag, the first and last tag."""
    if not tags:
        return [f"chain={kind}:-"]
    names = [f"chain={kind}:{'+'.join(tags)}", f"first={kind}:{tags[0]}", f"last={tags[-1]}"]
    names.extend(f"tag={tag}" for tag in set(tags))
    return names


def lemma_names(cand: _Candidate) -> list[str]:
    """Indicator features of the lemma's shape: its last one and two letters, per stem kind."""
    stem = cand.stem
    return [f"end1={cand.kind}:{stem[-1:]}", f"end2={cand.kind}:{stem[-2:]}"]


class Ranker:
    """Scores candidates with weights over NUMERIC, chain_names() and lemma_names() features."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.numeric = tuple(weights.get(name, 0.0) for name in NUMERIC)
        self._chains: dict[tuple[str, tuple[str, ...]], float] = {}

    def score(self, an: Analyzer, cand: _Candidate, word: str, low: str) -> float:
        """The candidate's linear score (higher is better)."""
        values = numeric_features(an, cand, word, low)
        total = sum(w * v for w, v in zip(self.numeric, values))
        key = (cand.kind, cand.tags)
        chain = self._chains.get(key)
        if chain is None:
            chain = sum(self.weights.get(name, 0.0) for name in chain_names(*key))
            self._chains[key] = chain
        get = self.weights.get
        stem = cand.stem
        return (total + chain + get(f"end1={cand.kind}:{stem[-1:]}", 0.0)
                + get(f"end2={cand.kind}:{stem[-2:]}", 0.0))


@cache
def shipped_weights() -> dict[str, float]:
    """data/lemma_ranker.tsv as a dict."""
    return {row["feature"]: float(row["weight"]) for row in load_tsv("lemma_ranker.tsv")}
