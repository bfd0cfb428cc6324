"""Sentence-level lemmatization: the word-level lemmas of derek.lang.kk.morphology, corrected
where the neighbouring words decide (a sentence-initial capital; the rules of sentence_rules.py;
a re-ranker)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from derek.lang.kk import morphology
from derek.lang.kk.lexicon import capitalized
from derek.lang.kk.morphology import Analysis, Analyzer
from derek.lang.kk.resources import load_list, load_tsv
from derek.lang.kk.sentence_rules import (
    attributive_adjectives,
    dative_postpositions,
    detached_endings,
    governed_verbal_nouns,
    possessed_loans,
)


def lemmatize_sentence(words: Sequence[str], analyzer: Analyzer | None = None,
                       model: ContextModel | None = None) -> list[str]:
    """The lemma of every word of one sentence (punctuation tokens included, lemma = itself).

    Without ``analyzer`` the shipped analyzer, the memoized ``morphology.lemma`` and the shipped
    context re-ranker are used; with one, the re-ranker runs only when ``model`` is given."""
    an = analyzer or morphology.default_analyzer()
    lemma: Callable[[str], str] = an.lemma if analyzer is not None else morphology.lemma
    out = [lemma(word) for word in words]
    first = next((i for i, word in enumerate(words) if word[:1].isalpha()), None)
    if first is not None:
        out[first] = initial_lemma(an, words[first], lemma)
    analyze = an.analyze if analyzer else morphology.analyze
    governed_verbal_nouns(words, out, analyze)
    dative_postpositions(words, out, analyze)
    attributive_adjectives(an, words, out, analyze)
    detached_endings(an, words, out, analyze)
    possessed_loans(an, words, out, analyze)
    if analyzer is None and model is None:
        model = shipped_model()
    if model is not None and out:
        out = rerank(an, model, words, out, an.analyze if analyzer else morphology.analyze)
    return out


def initial_lemma(an: Analyzer, word: str, lemma: Callable[[str], str]) -> str:
    """The lemma of a sentence's first word: a capital there says nothing about the word, so a
    capitalized lemma is lower-cased when its stem is a common one (UD: Сенат → сенат)."""
    found = lemma(word)
    if not found[:1].isupper() or word[1:2].isupper():
        return found  # lower-case already, or an abbreviation (ТМД, АҚШ-пен)
    low = word.lower()
    if low in an.memory or low in an.exceptions:
        return found  # remembered exact forms keep the capital they were seen with
    return found.lower() if is_common(an, found.lower()) else found


def is_common(an: Analyzer, stem: str) -> bool:
    """Whether a lower-cased stem is a common word: a UD lemma list says so, running text writes
    it in lower case inside sentences at least half of the time, or nothing is known of it and
    it lacks a name ending (UD KTB sentence-initial words with unknown stems are mostly common
    words: Тіпті, Практика; but Михайлов, Хұзыстан)."""
    known = an.known.get(stem)
    if known is not None and known.pos:
        capital = capitalized(known)  # how capitalized words of the lemma were lemmatized
        return known.pos != "PROPN" if capital is None else not capital
    ev = an.stems.get(stem)
    if ev is None or not (ev.noun or ev.verb or ev.freq):
        return not any(stem.endswith(end) and len(stem) >= len(end) + 3
                       for end in load_list("name_endings.txt"))
    return ev.cap < 50




# --- lexicalized context re-ranking (issue 3, round 6) --------------------------------------
# A sparse log-linear model over each word's candidate lemmas: the UD lemmas of its exact form
# and its best analyzer readings, scored from how often each lemma was seen next to the same
# neighbouring words in UD (form + lemma + next/previous word, lemma + next word/lemma) backed
# off to the neighbours' shape (a number before it, the next word's last two letters).
NUMERIC = ("mem", "share", "top", "unch", "r0", "r1", "nor", "lexn", "lexp", "lemn", "lemp",
           "lemnl", "pc", "nc", "gap")
_STOPS = (".", ",", "</s>")


@dataclass(slots=True)
class ContextCounts:
    """Counts learned from lemmatized sentences: per form its lemmas (with their commonest
    UPOS), and (table, form, lemma, neighbour) co-occurrences (form "-" for lemma tables)."""

    forms: dict[str, Counter] = field(default_factory=dict)
    upos: dict[tuple[str, str], str] = field(default_factory=dict)
    table: Counter = field(default_factory=Counter)


@dataclass(slots=True)
class Choice:
    """One word's candidate lemmas (lower case), their features, and the readings' casing."""

    lemmas: list[str]
    numeric: list[tuple[float, ...]]
    names: list[list[str]]
    top: str
    cased: dict[str, str]
    pos: list[str] = field(default_factory=list)
    seen: list[int] = field(default_factory=list)


def normalize_neighbour(token: str) -> str:
    low = token.lower()
    return "#" if low[:1].isdigit() else low


def prev_class(p: str) -> str:
    return p if p in ("#", "<s>") else ("punct" if not p[:1].isalpha() else "w")


def next_class(n: str) -> str:
    return n if n in ("#", "</s>") else ("punct" if not n[:1].isalpha() else n[-2:])


def context_counts(sentences: Iterable[Sequence[tuple[str, str, str]]]) -> ContextCounts:
    """The count tables of (form, lemma, UPOS) sentences (PUNCT words are context only)."""
    counts = ContextCounts()
    upos: dict[tuple[str, str], Counter] = defaultdict(Counter)
    table = counts.table
    for sent in sentences:
        for i, (form, gold, tag) in enumerate(sent):
            if tag == "PUNCT":
                continue
            f, g = form.lower(), gold.lower()
            counts.forms.setdefault(f, Counter())[g] += 1
            upos[(f, g)][tag] += 1
            n = normalize_neighbour(sent[i + 1][0]) if i + 1 < len(sent) else "</s>"
            p = normalize_neighbour(sent[i - 1][0]) if i else "<s>"
            nl = sent[i + 1][1].lower() if i + 1 < len(sent) else "</s>"
            for key in (("fn", f, g, n), ("fp", f, g, p), ("ln", "-", g, n), ("lp", "-", g, p),
                        ("ll", "-", g, nl), ("pc", f, g, prev_class(p)),
                        ("nc", f, g, next_class(n))):
                table[key] += 1
    counts.upos = {key: c.most_common(1)[0][0] for key, c in upos.items()}
    return counts


def choice(counts: ContextCounts, words: Sequence[str], i: int, lemmas: Sequence[str],
           readings: list[Analysis]) -> Choice | None:
    """The candidates of words[i] (the UD lemmas of its form, else its best readings, plus the
    next readings) and their features (None: nothing to choose)."""
    low = words[i].lower()
    mem = counts.forms.get(low)
    if mem:
        rest, top = readings[1:4], mem.most_common(1)[0][0]
    elif readings:
        rest, mem, top = readings[:3], Counter(), readings[0].lemma.lower()
    else:
        return None
    cands = list(dict.fromkeys([*mem, *(r.lemma.lower() for r in rest)]))
    if len(cands) < 2:
        return None
    p, n, nl = _neighbours(words, lemmas, i)
    total = sum(mem.values()) or 1
    get = counts.table.get
    out = Choice(cands, [], [], top, {r.lemma.lower(): r.lemma for r in readings})
    for c in cands:
        rank = next((k for k, r in enumerate(rest) if r.lemma.lower() == c), 9)
        pos = counts.upos.get((low, c)) or next(r.pos for r in rest if r.lemma.lower() == c)
        gap = (rest[rank].score - rest[0].score) / 10 if rank < 9 and rest[0].score < 99 else 0.0
        seen = mem[c]
        # pc/nc: how often this lemma of the form had a neighbour of the same class (0 if unseen)
        out.numeric.append((
            math.log1p(seen), seen / total, float(bool(seen) and c == top), float(c == low),
            float(rank == 0), float(rank == 1), float(rank == 9),
            math.log1p(get(("fn", low, c, n), 0)), math.log1p(get(("fp", low, c, p), 0)),
            math.log1p(get(("ln", "-", c, n), 0)), math.log1p(get(("lp", "-", c, p), 0)),
            math.log1p(get(("ll", "-", c, nl), 0)),
            math.log((get(("pc", low, c, prev_class(p)), 0) + 0.5) / (seen + 1)) if seen else 0.0,
            math.log((get(("nc", low, c, next_class(n)), 0) + 0.5) / (seen + 1)) if seen else 0.0,
            gap))
        out.names.append(_indicators(c == low, pos, p, n))
        out.pos.append(pos)
        out.seen.append(seen)
    return out


def _neighbours(words: Sequence[str], lemmas: Sequence[str], i: int) -> tuple[str, str, str]:
    """(previous word, next word, next word's lemma), normalized; <s> and </s> at the ends."""
    p = normalize_neighbour(words[i - 1]) if i else "<s>"
    if i + 1 == len(words):
        return p, "</s>", "</s>"
    return p, normalize_neighbour(words[i + 1]), lemmas[i + 1].lower()


def _indicators(unchanged: bool, pos: str, p: str, n: str) -> list[str]:
    """Back-off features: the candidate's shape and UPOS with the neighbours' classes (a number
    before it: «1991 жылы» → жыл; the next word's last two letters)."""
    pnum, nsuf, nend = p == "#", n[-2:], n if n in _STOPS else "w"
    return [f"u{unchanged}|ns={nsuf}", f"u{unchanged}|pnum={pnum}", f"pos={pos}|ns={nsuf}",
            f"pos={pos}|pnum={pnum}", f"u{unchanged}|nend={nend}", f"pos={pos}|n={nend}"]


_STATIC = ("mem", "share", "top", "unch", "r0", "r1", "nor", "gap")  # neighbour-free features
_MISSING = object()
CACHE_SIZE = 500_000
DECISIONS_SIZE = 200_000  # (word, neighbours) decisions rerank() remembers


@dataclass(slots=True)
class ContextModel:
    """Count tables and weights (over NUMERIC and the indicator names) of the re-ranker."""

    counts: ContextCounts
    weights: dict[str, float]
    cache: dict = field(default_factory=dict)  # word → its neighbour-free part (scores())
    indicators: dict = field(default_factory=dict)  # memo of _indicator_weight()
    lemmas: set[str] = field(default_factory=set)  # lemmas the lemma tables count
    decisions: dict = field(default_factory=dict)  # memo of rerank()'s choice in a context
    fixed: dict = field(default_factory=dict)  # word → whether rerank() never changes it

    def best(self, ch: Choice) -> str:
        """The highest-scoring candidate (the first of equal scores): the definition."""
        scores = self.slow_scores(ch)
        return ch.lemmas[scores.index(max(scores))]

    def slow_scores(self, ch: Choice) -> list[float]:
        """Each candidate's score from its explicit feature vector."""
        w = self.weights
        num = [w.get(name, 0.0) for name in NUMERIC]
        return [sum(a * b for a, b in zip(num, values)) + sum(w.get(n, 0.0) for n in names)
                for values, names in zip(ch.numeric, ch.names)]

    def scores(self, words: Sequence[str], i: int, lemmas: Sequence[str],
               analyze: Callable[[str], list[Analysis]]) -> tuple[Choice, list[float]] | None:
        """The same scores as slow_scores(choice(...)), with the neighbour-free part of each word
        computed once (memoized per word)."""
        word = words[i]
        entry = self.static(word, analyze)
        if entry is None:
            return None
        ch, base, lemma_seen = entry
        w, get, low = self.weights, self.counts.table.get, word.lower()
        p, n, nl = _neighbours(words, lemmas, i)
        pc, nc = prev_class(p), next_class(n)
        wn, wp, wln, wlp, wll = (w.get(k, 0.0) for k in ("lexn", "lexp", "lemn", "lemp", "lemnl"))
        wpc, wnc = w.get("pc", 0.0), w.get("nc", 0.0)
        out = []
        for c, b, pos, seen, known in zip(ch.lemmas, base, ch.pos, ch.seen, lemma_seen):
            total = b + self._indicator_weight(c == low, pos, p, n)
            if known:  # the lemma tables only count UD lemmas
                total += (wln * math.log1p(get(("ln", "-", c, n), 0))
                          + wlp * math.log1p(get(("lp", "-", c, p), 0))
                          + wll * math.log1p(get(("ll", "-", c, nl), 0)))
            if seen:  # the form tables only count lemmas the form was seen with
                total += (wn * math.log1p(get(("fn", low, c, n), 0))
                          + wp * math.log1p(get(("fp", low, c, p), 0))
                          + wpc * math.log((get(("pc", low, c, pc), 0) + 0.5) / (seen + 1))
                          + wnc * math.log((get(("nc", low, c, nc), 0) + 0.5) / (seen + 1)))
            out.append(total)
        return ch, out

    def static(self, word: str, analyze: Callable[[str], list[Analysis]]
               ) -> tuple[Choice, list[float], list[bool]] | None:
        """_static(word), memoized per word (None: fewer than two candidates)."""
        entry = self.cache.get(word, _MISSING)
        if entry is _MISSING:
            if len(self.cache) >= CACHE_SIZE:
                self.cache.clear()
            entry = self.cache[word] = self._static(word, analyze)
        return entry

    def _indicator_weight(self, unchanged: bool, pos: str, p: str, n: str) -> float:
        """The summed weights of _indicators(), memoized by what they depend on."""
        key = (unchanged, pos, p == "#", n[-2:], n if n in _STOPS else "w")
        value = self.indicators.get(key)
        if value is None:
            get = self.weights.get
            value = self.indicators[key] = sum(get(k, 0.0)
                                               for k in _indicators(unchanged, pos, p, n))
        return value

    def _static(self, word: str, analyze: Callable[[str], list[Analysis]]
                ) -> tuple[Choice, list[float], list[bool]] | None:
        """(the word's Choice without neighbours, each candidate's neighbour-free score)."""
        ch = choice(self.counts, (word,), 0, (word,), analyze(word))
        if ch is None:
            return None
        if not self.lemmas:
            self.lemmas.update(key[2] for key in self.counts.table if key[1] == "-")
        index = [NUMERIC.index(name) for name in _STATIC]
        w = [self.weights.get(name, 0.0) for name in _STATIC]
        return (ch, [sum(a * values[k] for a, k in zip(w, index)) for values in ch.numeric],
                [c in self.lemmas for c in ch.lemmas])


def rerank(an: Analyzer, model: ContextModel, words: Sequence[str], lemmas: list[str],
           analyze: Callable[[str], list[Analysis]]) -> list[str]:
    """The lemmas with each word's candidate re-chosen in context (changed only when the model
    prefers another candidate than the memory's or the ranker's top). ``analyze`` must be the
    analyzer's own (memoized or not); the model memoizes per word, so use one model per
    analyzer."""
    out = list(lemmas)
    memo, fixed = model.decisions, model.fixed
    norms = [normalize_neighbour(word) for word in words]  # what _neighbours() reads
    last = len(words) - 1
    for i, word in enumerate(words):
        skip = fixed.get(word)
        if skip is None:
            skip = _fixed(an, model, word, analyze)
        if skip:
            continue
        # the decision depends only on the word and _neighbours(), so it is memoized by them
        key = ((word, norms[i - 1] if i else "<s>", "</s>", "</s>") if i == last
               else (word, norms[i - 1] if i else "<s>", norms[i + 1], lemmas[i + 1].lower()))
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            if len(memo) >= DECISIONS_SIZE:
                memo.clear()
            found = memo[key] = _decide(model, words, i, lemmas, analyze)
        if found is not None:
            out[i] = found
    return out


def _fixed(an: Analyzer, model: ContextModel, word: str,
           analyze: Callable[[str], list[Analysis]]) -> bool:
    """Whether rerank() keeps the word's lemma whatever its neighbours (not a plain word, a listed
    exception, a hyphenated form, or fewer than two candidates), remembered per form."""
    if len(model.fixed) >= CACHE_SIZE:
        model.fixed.clear()
    skip = (not word[:1].isalpha() or an.listed(word.lower()) or "-" in word[1:]
            or model.static(word, analyze) is None)
    model.fixed[word] = skip
    return skip


def _decide(model: ContextModel, words: Sequence[str], i: int, lemmas: Sequence[str],
            analyze: Callable[[str], list[Analysis]]) -> str | None:
    """The lemma the model re-chooses for words[i], or None to keep the word-level one."""
    found = model.scores(words, i, lemmas, analyze)
    if found is None:
        return None
    ch, scores = found
    best = ch.lemmas[scores.index(max(scores))]
    if best == ch.top:
        return None
    cased = ch.cased.get(best, best)
    return cased if words[i][:1].isupper() else cased.lower()


def counts_from_rows(rows: Iterable[dict[str, str]]) -> ContextCounts:
    """ContextCounts from data/lemma_context.tsv rows (table fl: form → lemma, UPOS)."""
    counts = ContextCounts()
    for r in rows:
        n = int(r["count"])
        if r["table"] == "fl":
            counts.forms.setdefault(r["form"], Counter())[r["lemma"]] += n
            counts.upos[(r["form"], r["lemma"])] = r["neighbour"]
        else:
            counts.table[(r["table"], r["form"], r["lemma"], r["neighbour"])] += n
    return counts


def count_rows(counts: ContextCounts) -> list[tuple[str, str, str, str, int]]:
    """The rows data/lemma_context.tsv stores (the inverse of counts_from_rows)."""
    rows = [("fl", f, lem, counts.upos[(f, lem)], n)
            for f, c in counts.forms.items() for lem, n in c.items()]
    rows.extend((*key, n) for key, n in counts.table.items())
    return sorted(rows)


@cache
def shipped_model() -> ContextModel:
    """The re-ranker learned from all of UD KTB (data/lemma_context*.tsv)."""
    weights = {r["feature"]: float(r["weight"]) for r in load_tsv("lemma_context_weights.tsv")}
    return ContextModel(counts_from_rows(load_tsv("lemma_context.tsv")), weights)
