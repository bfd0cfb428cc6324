"""Log-linear ranking of lemma candidates: stem evidence, paradigm size, suffix chain and shape
features weighted by data/lemma_ranker.tsv (trained on UD KTB by scripts/train_lemma_ranker.py)."""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from derek.lang.kk.resources import load_tsv

if TYPE_CHECKING:
    from derek.lang.kk.lexicon import StemEvidence
    from derek.lang.kk.morphology import Analyzer
    from derek.lang.kk.splits import SplitCandidate

# numeric features, in the order numeric_features() returns them
NUMERIC = (
    "ev", "ev_other", "bare_freq", "paradigm", "paradigm_other", "known", "known_other",
    "known_any", "unknown", "stripped", "stem_len", "short_stem", "no_tags", "verb",
    "cap_bare", "cap_verb", "cap_stripped", "cap_ratio", "altered", "keeps_derivation",
    "chain_logp", "chain_unseen_logp", "listed_whole", "text_ratio",
)
_LOG = [math.log1p(n) for n in range(64)]


def _log1p(n: int) -> float:
    return _LOG[n] if 0 <= n < 64 else math.log1p(max(n, 0))


class _Log1p(dict):
    """log1p of a count by subscript (``LOG1P[n] == _log1p(n)``): a dict hit, no call."""

    def __missing__(self, n: int) -> float:
        return _log1p(n)


LOG1P = _Log1p(enumerate(_LOG))


def numeric_features(an: Analyzer, cand: SplitCandidate, word: str, low: str) -> tuple[float, ...]:
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
    # how much commoner the stripped lemma is than the word itself as a word of running text
    counts = an.word_counts
    ratio = _log1p(counts.get(cand.stem, 0)) - _log1p(counts.get(low, 0)) if tagged else 0.0
    return (
        _log1p(same), _log1p(other), _log1p(freq), _log1p(para), _log1p(para_other),
        _log1p(k_same), _log1p(k_other), float(known is not None),
        float(ev is None and known is None), float(len(low) - cand.cut), float(len(cand.stem)),
        float(len(cand.stem) <= 2), float(not tagged), float(verb),
        float(cap and not tagged), float(cap and verb), float(cap and tagged),
        cap_ratio if cap else 0.0, float(not low.startswith(cand.stem)), float(bool(cand.root)),
        an.chain_logp.get(key, -9.0), an.unseen_logp.get(key, -9.0),
        float(not tagged and low in an.no_strip), ratio,
    )


def chain_names(kind: str, tags: tuple[str, ...]) -> list[str]:
    """Indicator features of a suffix chain: the whole chain, each tag, the first and last tag."""
    if not tags:
        return [f"chain={kind}:-"]
    names = [f"chain={kind}:{'+'.join(tags)}", f"first={kind}:{tags[0]}", f"last={tags[-1]}"]
    names.extend(f"tag={tag}" for tag in set(tags))
    return names


def lemma_names(cand: SplitCandidate) -> list[str]:
    """Indicator features of the lemma's shape: its last one, two and three letters, per kind."""
    stem = cand.stem
    return [f"end1={cand.kind}:{stem[-1:]}", f"end2={cand.kind}:{stem[-2:]}",
            f"end3={cand.kind}:{stem[-3:]}"]


class Ranker:
    """Scores candidates with weights over NUMERIC, chain_names() and lemma_names() features.

    The score is split into a stem evidence part, a lemma-ending part and a suffix-chain part
    (each computed on first use and kept per kind) and a few shape terms, so scoring a candidate
    is three dict hits and a handful of additions. The tables belong to the analyzer passed to
    ``score`` and are emptied when another one is passed; the analyzer's ``stems`` and ``known``
    must not change afterwards. Stem terms are filled lazily: building them for every stem the
    analyzer knows took longer than lemmatizing 2,000 unique words."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.weights = weights
        self.numeric = tuple(weights.get(name, 0.0) for name in NUMERIC)
        self.w = dict(zip(NUMERIC, self.numeric))
        w = self.w
        # stem length terms: stem_len and short_stem together, by length
        self._length = [w["stem_len"] * n + w["short_stem"] * (n <= 2) for n in range(64)]
        self._shape = (w["stripped"], w["keeps_derivation"], w["altered"], w["listed_whole"])
        self._unknown = (w["unknown"], 0.0)
        self._ratio = w["text_ratio"]
        self._ev_weights = tuple(w[name] for name in (
            "ev", "ev_other", "bare_freq", "paradigm", "paradigm_other", "cap_ratio"))
        self._known_weights = (w["known"], w["known_other"], w["known_any"])
        self._bound: Analyzer | None = None
        self._has_evidence: set[str] = set()  # the bound analyzer's stems and known lemmas
        # per kind ("N", "V"): stem → evidence terms, last three letters → ending weights,
        # suffix tags → chain terms
        self._evidence: dict[str, dict[str, tuple[float, float]]] = {"N": {}, "V": {}}
        self._ends: dict[str, dict[str, float]] = {"N": {}, "V": {}}
        self._chains: dict[str, dict[tuple[str, ...], tuple[float, float]]] = {"N": {}, "V": {}}
        self._tables = {kind: (self._evidence[kind], self._ends[kind], self._chains[kind])
                        for kind in ("N", "V")}

    def score(self, an: Analyzer, cand: SplitCandidate, word: str, low: str) -> float:
        """The candidate's linear score (higher is better); equals the weighted features."""
        return self.scores(an, [cand], word, low)[0]

    def scores(self, an: Analyzer, cands: list[SplitCandidate], word: str, low: str) -> list[float]:
        """The linear scores of all candidates of one word (the hot loop: locals only)."""
        if an is not self._bound:
            self._bind(an)
        tables = self._tables
        has_evidence, unknown = self._has_evidence, self._unknown
        stripped, keeps, altered, listed = self._shape
        length = self._length
        cap = word[0].isupper()
        listed_whole = listed if low in an.no_strip else 0.0
        counts, w_ratio, log = an.word_counts, self._ratio, LOG1P
        own = log[counts.get(low, 0)]  # the word itself as a word of running text
        n_low = len(low)
        out = []
        for stem, kind, tags, cut, root in cands:  # SplitCandidate fields, or the same plain tuple
            evidence, ends, chains = tables[kind]
            key = root or stem
            if key in has_evidence:
                ev_terms = evidence.get(key) or self._stem_terms(kind, key)
            else:  # most candidate stems: no evidence at all
                ev_terms = unknown
            end = ends.get(stem[-3:])
            if end is None:
                end = self._end_terms(kind, stem)
            chain_terms = chains.get(tags) or self._chain_terms(an, kind, tags)
            n = len(stem)
            total = (ev_terms[0] + end + chain_terms[0] + stripped * (n_low - cut)
                     + (length[n] if n < 64 else self.w["stem_len"] * n))
            if root:
                total += keeps
            if tags:  # text_ratio: the lemma against the word, as words of running text
                total += w_ratio * (log[counts.get(stem, 0)] - own)
            else:
                total += listed_whole
            if not low.startswith(stem):
                total += altered
            if cap:
                total += ev_terms[1] + chain_terms[1]
            out.append(total)
        return out

    def _bind(self, an: Analyzer) -> None:
        """Forget the terms computed for another analyzer."""
        self._bound = an
        self._has_evidence = an.stems.keys() | an.known.keys()
        for table in (*self._evidence.values(), *self._chains.values()):
            table.clear()

    def _stem_terms(self, kind: str, stem: str) -> tuple[float, float]:
        """The evidence terms of a stem with evidence for one kind, computed once (stems without
        any are most candidates: they share one value and are not kept)."""
        an = self._bound
        terms = self._evidence[kind][stem] = self._evidence_terms(
            an.stems.get(stem), an.known.get(stem), kind == "V")
        return terms

    def _evidence_terms(self, ev: StemEvidence | None, known: StemEvidence | None,
                        verb: bool) -> tuple[float, float]:
        """(score terms of a stem's evidence, extra terms when the word is capitalized)."""
        w_ev, w_other, w_freq, w_para, w_para_other, w_cap = self._ev_weights
        log = LOG1P
        total = 0.0
        cap = 0.0
        if ev is not None:
            same, other = (ev.verb, ev.noun) if verb else (ev.noun, ev.verb)
            para, para_other = (ev.vchains, ev.nchains) if verb else (ev.nchains, ev.vchains)
            total += (w_ev * log[same] + w_other * log[other] + w_freq * log[ev.freq]
                      + w_para * log[para] + w_para_other * log[para_other])
            cap = w_cap * ev.cap / 100
        if known is not None:
            w_known, w_known_other, w_known_any = self._known_weights
            k_same, k_other = (known.verb, known.noun) if verb else (known.noun, known.verb)
            total += (w_known * log[k_same] + w_known_other * log[k_other] + w_known_any)
        elif ev is None:
            total += self.w["unknown"]
        return total, cap

    def _end_terms(self, kind: str, stem: str) -> float:
        """Weights of the lemma's last one, two and three letters (end1, end2, end3)."""
        get = self.weights.get
        value = (get(f"end1={kind}:{stem[-1:]}", 0.0) + get(f"end2={kind}:{stem[-2:]}", 0.0)
                 + get(f"end3={kind}:{stem[-3:]}", 0.0))
        self._ends[kind][stem[-3:]] = value
        return value

    def _chain_terms(self, an: Analyzer, kind: str, tags: tuple[str, ...]) -> tuple[float, float]:
        """(score terms of a suffix chain, extra terms when the word is capitalized)."""
        w = self.w
        key = (kind, tags)
        total = sum(self.weights.get(name, 0.0) for name in chain_names(kind, tags))
        total += (w["chain_logp"] * an.chain_logp.get(key, -9.0)
                  + w["chain_unseen_logp"] * an.unseen_logp.get(key, -9.0))
        verb = kind == "V"
        if not tags:
            total += w["no_tags"]
        if verb:
            total += w["verb"]
        cap = w["cap_bare"] if not tags else w["cap_stripped"]
        if verb:
            cap += w["cap_verb"]
        self._chains[kind][tags] = (total, cap)
        return total, cap

    def slow_score(self, an: Analyzer, cand: SplitCandidate, word: str, low: str) -> float:
        """The same score from the explicit feature vector (the definition; used in tests)."""
        values = numeric_features(an, cand, word, low)
        total = sum(w * v for w, v in zip(self.numeric, values))
        get = self.weights.get
        names = chain_names(cand.kind, cand.tags) + lemma_names(cand)
        return total + sum(get(name, 0.0) for name in names)


@cache
def shipped_weights() -> dict[str, float]:
    """data/lemma_ranker.tsv as a dict."""
    return {row["feature"]: float(row["weight"]) for row in load_tsv("lemma_ranker.tsv")}
