"""Kazakh lemmatizer and morphological analyzer: suffix-chain candidates from the suffix grammar
(split by splits.py), ranked by stem evidence from the lexicon. Input is one normalized word; no
Document fields."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from derek.lang.kk import lexicon as lex
from derek.lang.kk.closed_class import ClosedClass
from derek.lang.kk.ranker import Ranker, shipped_weights
from derek.lang.kk.splits import (
    RawSplit,
    SplitCandidate,
    add_glide,
    add_soft,
    add_stems,
    add_ya,
    add_yu,
    loan_cluster,
    loan_i,
    split_points,
)
from derek.lang.kk.suffixes import VOWELS, ending_table, ending_trie, harmony, letter_class

_CLASS = {ch: letter_class(ch) for ch in "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә"}
_NUMBER_CHARS = frozenset("0123456789,.%")
# -стан names places (Қазақстан, Хұзыстан): an unknown stem in -с plus the ablative -тан is not
# proposed for it (Хұзыс+тан); a known one is (дос+тан)
PLACE_ENDING = "стан"
FEMININE = ("ова", "ева")  # female surnames; UD KTB lemmatizes them as the male form
UNSEEN = -3.0  # log-score offset for a stem the lexicon has never seen
ENDING_WEIGHT = 0.8  # per letter of ending stripped from an unseen stem
RARE = -9.0  # log-probability of a suffix chain never counted
SMOOTH = 5  # add-k smoothing of chain counts
BARE = 1.0  # bonus when the stem also occurs as a word on its own
# -лық/-дық/-тық keeps к/қ voiced only before a vowel, so a lemma in -лығы/-дігі … is a
# possessed derivation, never a stem: ұзындығы → ұзындық + POSS.3
_VOICED_DERIVATION = re.compile(r"[лдт][ыі][ғг][ыі]")


@dataclass(slots=True, frozen=True)
class Analysis:
    """One reading of a word: lemma, coarse UPOS, suffix tags (outermost last) and a score."""

    lemma: str
    pos: str
    tags: tuple[str, ...]
    score: float


class Analyzer:
    """Ranks grammar candidates; ``memory`` holds lemmas learned from UD, ``weights`` the
    log-linear ranker (``{}``: the hand-set evidence score the lexicon builder uses)."""

    def __init__(self, stems: dict[str, lex.StemEvidence] | None = None,
                 memory: dict[str, lex.Memorized] | None = None,
                 chains: dict[tuple[str, tuple[str, ...]], tuple[int, ...]] | None = None,
                 weights: dict[str, float] | None = None,
                 word_counts: dict[str, int] | None = None) -> None:
        self.stems = lex.stem_lexicon() if stems is None else stems
        self.word_counts = lex.word_counts() if word_counts is None else word_counts
        counts = lex.chain_counts() if chains is None else chains
        self.chain_logp = _chain_logp(counts, 1)
        self.unseen_logp = _chain_logp(counts, 2)
        self.held_out: dict[tuple[str, str], int] = {}  # evidence to ignore (leave-one-out)
        self.memory = lex.ud_memory() if memory is None else memory
        self.known = lex.lemma_evidence(self.memory)
        self.exceptions = lex.exceptions()
        self.no_strip = lex.no_strip()
        for word in self.no_strip:  # listed whole words are also well-attested stems
            self.known.setdefault(word.lower(), lex.StemEvidence()).noun += 5
        self.names = lex.gazetteer_stems()
        for word in self.names:  # names are nominative proper stems (Назарбаев)
            ev = self.stems.get(word)
            if ev is None or ev.cap >= 50:  # not a common word inside a name (Адам Смит)
                self.known.setdefault(word, lex.StemEvidence(pos="PROPN")).noun += 2
        self.table = ending_table()
        self.closed = ClosedClass(self.exceptions, self.memory, self.table)
        self.trie = ending_trie()  # ending_table() keyed by reversed letters
        weights = shipped_weights() if weights is None else weights
        self.ranker = Ranker(weights) if weights else None

    def analyze(self, word: str) -> list[Analysis]:
        """All readings of ``word``, best first."""
        if not word:
            return []
        low = word.lower()
        if "-" in word[1:] or word[0].isdigit():
            readings = self._attached(word) or self._rank(word, low)
        else:
            readings = self._rank(word, low)
        return self._with_fixed(word, low, readings)

    def lemma_and_readings(self, word: str) -> tuple[str, list[Analysis]]:
        """(lemma(word), analyze(word)) from one scoring of the candidates."""
        if not word or "-" in word[1:] or word[0].isdigit():
            return self.lemma(word), self.analyze(word)
        low = word.lower()
        cands, scores = self._scored(word, low)
        readings = self._with_fixed(word, low, self._ranked(word, cands, scores))
        fixed = self.fixed(low)
        if fixed is not None:
            return _fixed_lemma(word, fixed), readings
        best = cands[scores.index(max(scores))]  # as best_candidate() picks
        return self._lemma_of(word, best), readings

    def _with_fixed(self, word: str, low: str, readings: list[Analysis]) -> list[Analysis]:
        """The readings with a remembered or listed lemma put first."""
        fixed = self.fixed(low)
        if fixed is None:
            return readings
        chosen = _fixed_lemma(word, fixed)
        same = [r for r in readings if r.lemma.lower() == chosen.lower()]
        tags = same[0].tags if same else ()
        rest = [r for r in readings if r.lemma.lower() != chosen.lower()]
        return [Analysis(chosen, fixed.pos, tags, 100.0)] + rest

    def fixed(self, low: str) -> lex.Memorized | None:
        """A listed or remembered lemma of a lower-cased form, or the copula's: a listed form of
        е- (екен, емес) followed by a nominal ending is е- too (екенімен, екендіктерін)."""
        fixed = self.exceptions.get(low) or self.memory.get(low)
        if fixed is not None or len(low) < 5:
            return fixed
        if " " in low:  # an analytic verb form written as one token: келген жоқ
            return self.closed.analytic(low, self.analyze)
        ruled = self.closed.lemma(low)  # pronouns and auxiliaries by rule: меніңше, тұрмын
        if ruled is not None:
            return ruled
        head = self.exceptions.get(low[:4]) if low[:1] == "е" else None
        if head is not None and head.lemma == "е" and _nominal_ending(self.table, low[4:]):
            return head
        return None

    def listed(self, low: str) -> bool:
        """Whether a lower-cased form's lemma comes from the hand-written table or a rule over it
        (not from the UD memory): the context re-ranker leaves such words alone."""
        return low in self.exceptions or (low not in self.memory and self.fixed(low) is not None)

    def lemma(self, word: str) -> str:
        """The lemma of the best reading, without ranking the others."""
        if not word:
            return word
        low = word.lower()
        fixed = self.fixed(low)
        if fixed is not None:
            return _fixed_lemma(word, fixed)
        if "-" in word[1:] or word[0].isdigit():
            special = self._attached(word)
            if special:
                return special[0].lemma
        best = self._best(low, word)
        return self._lemma_of(word, best) if best else word

    def _attached(self, word: str) -> list[Analysis]:
        """Numbers, abbreviations and compounds with a hyphen-attached ending (БҰҰ-ның, 8-інде)."""
        head, _, tail = word.rpartition("-")
        if not head:
            head, tail = word, ""
        if head[0].isdigit() and set(head) <= _NUMBER_CHARS:
            return [Analysis(head.rstrip("%"), "NUM", self._tail_tags(tail), 10.0)]
        if head.isupper() and len(head) > 1 and tail.islower():
            return [Analysis(head, "PROPN", self._tail_tags(tail), 10.0)]
        if tail.lower() == head.lower():  # a doubled word is its own lemma: келе-келе
            return [Analysis(word, "ADV", (), 10.0)]
        if tail and head and not head[-1].isdigit():
            best = self.analyze(tail)
            if best:
                top = _paired_tail(self.analyze, head, best)
                lemma = top.lemma if tail[0].isupper() else top.lemma.lower()
                return [Analysis(f"{head}-{lemma}", top.pos, top.tags, top.score)]
        return []

    def _tail_tags(self, tail: str) -> tuple[str, ...]:
        variants = self.table.get(tail.lower())
        if not variants:
            return ("SFX",) if tail else ()
        return next(iter(variants.values()))[0].tags

    def _rank(self, word: str, low: str) -> list[Analysis]:
        return self._ranked(word, *self._scored(word, low))

    def _scored(self, word: str, low: str) -> tuple[list[RawSplit], list[float]]:
        cands = self._candidates(low)
        if self.ranker is not None:
            return cands, self.ranker.scores(self, cands, word, low)
        return cands, [self._score(cand, low) for cand in cands]

    def _ranked(self, word: str, cands: list[RawSplit], scores: list[float]) -> list[Analysis]:
        scored: dict[tuple[str, str], tuple[float, RawSplit]] = {}
        for cand, score in zip(cands, scores):
            key = cand[:2]  # (stem, kind)
            if key not in scored or score > scored[key][0]:
                scored[key] = (score, cand)
        ranked = sorted(scored.values(), key=lambda item: -item[0])
        return [self._reading(word, cand, score) for score, cand in ranked]

    def best_candidate(self, low: str, word: str = "") -> SplitCandidate | None:
        """The top-scoring candidate of a lower-cased word (also used to estimate the lexicon)."""
        best = self._best(low, word or low)
        return None if best is None else SplitCandidate._make(best)

    def _best(self, low: str, word: str) -> RawSplit | None:
        cands = self._candidates(low)
        if self.ranker is None:
            return max(cands, key=lambda cand: self._score(cand, low), default=None)
        scores = self.ranker.scores(self, cands, word, low)
        return cands[scores.index(max(scores))]  # the first of equal scores, as max() picks

    def score(self, cand: SplitCandidate, word: str, low: str) -> float:
        """The ranker's score of a candidate, or the evidence score without a ranker."""
        if self.ranker is not None:
            return self.ranker.score(self, cand, word, low)
        return self._score(cand, low)

    def candidates(self, low: str) -> list[SplitCandidate]:
        """Every (stem, kind, tags) split the suffix grammar allows, the unsplit word first."""
        return list(map(SplitCandidate._make, self._candidates(low)))

    def _candidates(self, low: str) -> list[RawSplit]:
        """candidates() as plain tuples."""
        found = [(low, "N", (), len(low), ""), (low, "V", (), len(low), "")]
        table = self.table
        harm, start = "", 0
        for i, variants in split_points(low, self.trie):
            first = low[i]
            if variants is None and first not in "июя":  # nothing to add at this point
                continue
            harm = harmony(low[start:i]) or harm  # the harmony of low[:i], built up
            start = i
            stem = low[:i]
            last = stem[-1]
            if last == stem[-2] == first:  # no stem ends where three letters repeat: қуатт|тан
                continue
            if first == "и":  # ы/і + й written и: оқиды → оқы, дами → дамы
                add_glide(found, table.get("й" + low[i + 1:]), stem, harm, i)
            elif first == "ю" and last in VOWELS:  # й + у written ю: қою → қой
                add_yu(found, table.get("у" + low[i + 1:]), stem, harm, i)
            elif first == "я" and last in VOWELS and len(stem) > 1:  # й + а written я: қояды → қой
                add_ya(found, table.get("а" + low[i + 1:]), stem, i)
            if variants is None:
                continue
            cls = _CLASS.get(last, "Z")
            # и is ы/і + й: loanwords in -и may take the endings of -й (Хаменеидің, таксиді)
            classes = (cls, "R") if last == "и" else (cls,)
            # surnames in -ев follow the vowel before it: Назарбаевтың, Тоқаевқа; loanwords that
            # end in a consonant cluster with к/г take front endings too: банктің, паркке
            # and so do loanwords whose last vowel is и before a consonant: саммиті, лимиттің
            # (the letter tests in front only skip calls that would return False)
            both = not harm or (len(stem) > 3 and (
                last == "ь" or stem.endswith("ев") or (last in "кг" and loan_cluster(stem))
                or (last not in VOWELS and "и" in stem and loan_i(stem))))
            for h in ("b", "f") if both else (harm,):
                for c in classes:
                    for chain in variants.get((h, c), ()):
                        add_stems(found, stem, first, chain, h, i)
            if harm == "b" and last == "л" and len(stem) > 3 and first in VOWELS:
                add_soft(found, variants.get(("f", cls), ()), stem, i)
        if _VOICED_DERIVATION.search(low):
            found = [c for c in found if not _VOICED_DERIVATION.search(c[0][-4:])] or found
        if low.endswith(PLACE_ENDING) and len(low) > len(PLACE_ENDING) + 2:
            return [c for c in found if c[3] <= len(low) - len(PLACE_ENDING) or c[3] == len(low)
                    or (c[4] or c[0]) in self.stems or (c[4] or c[0]) in self.known]
        return found

    def _score(self, cand: RawSplit, low: str) -> float:
        lemma, kind, tags, cut, root = cand
        stem = root or lemma
        ev = self.stems.get(stem)
        known = self.known.get(stem)
        support = 0.0
        if ev is not None:
            support += ev.noun if kind == "N" else ev.verb
        if known is not None:
            support += 3 * (known.noun if kind == "N" else known.verb)
        if self.held_out:
            support -= self.held_out.get((stem, kind), 0)
        elif not tags and ev is not None and ev.freq:
            support -= 1  # the word's own form: leave it out, as the lexicon builder does
        key = (kind, tags)
        if not tags and low in self.no_strip:  # never strip a listed whole word
            return 50.0
        if support <= 0:  # an unseen stem: chains as distributed over rare words
            return UNSEEN + self.unseen_logp.get(key, RARE) + ENDING_WEIGHT * (len(low) - cut)
        bare = BARE if tags and ev is not None and ev.freq else 0.0
        return math.log1p(support) + bare + self.chain_logp.get(key, RARE)

    def _lemma_of(self, word: str, cand: RawSplit) -> str:
        """_reading(word, cand, score).lemma; a word in lower case keeps the stem as written."""
        if word[0].isupper() or cand[0] in self.no_strip:
            return self._reading(word, cand, 0.0).lemma
        return cand[0]

    def _reading(self, word: str, cand: RawSplit, score: float) -> Analysis:
        lemma, kind, tags, cut, _ = cand
        listed = self.no_strip.get(lemma)
        if listed is not None and (word[0].isupper() or listed[0].islower()):
            return Analysis(listed, "PROPN" if listed[0].isupper() else "NOUN", tags, score)
        ev = self.stems.get(lemma)
        known = self.known.get(lemma)
        if word[0].isupper() and _keeps_capital(word, ev, known):
            lemma = word[:cut] + lemma[cut:] if cut <= len(lemma) else lemma
            lemma = lemma[:1].upper() + lemma[1:]
            if word.isupper() and len(word) > 1:
                lemma = lemma.upper()
            elif lemma.endswith(FEMININE) and len(lemma) > 5 and lemma.lower() not in self.names:
                lemma = lemma[:-1]  # Сәтбаева → Сәтбаев (not a listed name: Молдова, Женева)
        pos = known.pos if known is not None and known.pos else _default_pos(kind, tags, ev, word)
        return Analysis(lemma, pos, tags, round(score, 3))


def _fixed_lemma(word: str, fixed: lex.Memorized) -> str:
    """A remembered lemma in the word's case: memory forms are lower-cased, and a word written
    in lower case has a lower-case lemma (UD KTB: 3,420 of 3,421; орыс-иран → иран, not Иран)."""
    lemma = fixed.lemma
    if word[:1].islower() and lemma[:1].isupper() and not lemma[1:2].isupper():
        return lemma.lower()
    if word[:1].isupper() and not word[1:2].isupper() and not lemma[1:2].isupper():
        capital = fixed.capitalized()  # how capitalized occurrences were lemmatized
        if capital is not None:
            return lemma[:1].upper() + lemma[1:] if capital else lemma[:1].lower() + lemma[1:]
    return lemma


def _paired_tail(analyze: Callable[[str], list[Analysis]], head: str,
                 tail: list[Analysis]) -> Analysis:
    """The tail's reading in a paired word: both parts of a pair are of one part of speech, so
    after a bare noun a tail read as a participle or verbal noun is read as the noun it makes
    (ағайын-туғаны → ағайын-туған, ақын-жазушылар → ақын-жазушы, not -ту, -жаз)."""
    top = tail[0]
    if top.pos != "VERB" or not top.tags or not top.tags[0].startswith(("PTCP", "VNOUN")):
        return top
    first = analyze(head)
    if first and first[0].pos == "NOUN" and not first[0].tags:
        return next((r for r in tail if r.pos == "NOUN"), top)
    return top


def _chain_logp(chains: dict, column: int) -> dict:
    """Log-probabilities of suffix chains over distinct forms (column 1) or hapax forms (2)."""
    total = sum(row[column] for row in chains.values()) + SMOOTH * len(chains) or 1
    return {key: math.log((row[column] + SMOOTH) / total) for key, row in chains.items()}


def _keeps_capital(word: str, ev: lex.StemEvidence | None, known: lex.StemEvidence | None) -> bool:
    if known is not None and known.pos:
        capital = lex.capitalized(known)
        return known.pos == "PROPN" if capital is None else capital
    if ev is None or not (ev.noun or ev.verb or ev.freq):  # no capitalization evidence
        return True
    return ev.cap >= 50


def _default_pos(kind: str, tags: tuple[str, ...], ev: lex.StemEvidence | None,
                 word: str) -> str:
    if kind == "V":
        return "VERB"
    if "ORD" in tags:
        return "NUM"
    if word[0].isupper() and (ev is None or ev.cap >= 50):
        return "PROPN"
    return "NOUN"


def _nominal_ending(table: dict, ending: str) -> bool:
    """Whether the grammar allows ``ending`` after a front nominal stem in н (as after екен)."""
    chains = table.get(ending, {}).get(("f", "N"), ())
    return any(chain.kind == "N" for chain in chains)


_DEFAULT: Analyzer | None = None


def default_analyzer() -> Analyzer:
    """The analyzer built from the shipped data files (created on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


CACHE_SIZE = 500_000  # words per memo; a full memo is emptied and refilled
_LEMMAS: dict[str, str] = {}
_READINGS: dict[str, tuple[Analysis, ...]] = {}


def analyze(word: str) -> list[Analysis]:
    """All readings of one normalized word, best first (memoized; the list is a fresh copy)."""
    readings = _READINGS.get(word)
    if readings is None:
        if len(_READINGS) >= CACHE_SIZE:
            _READINGS.clear()
        readings = _READINGS[word] = tuple(default_analyzer().analyze(word))
    return list(readings)


def lemma(word: str) -> str:
    """The lemma of the best reading (the word itself when it has none); memoized."""
    try:
        return _LEMMAS[word]
    except KeyError:
        if len(_LEMMAS) >= CACHE_SIZE:
            _LEMMAS.clear()
        if not word[:1].isalpha() or "-" in word[1:] or word in _READINGS:
            value = _LEMMAS[word] = default_analyzer().lemma(word)
            return value
        # a word's readings are asked for next (context.rerank, gazetteer): rank it once
        value, readings = default_analyzer().lemma_and_readings(word)
        if len(_READINGS) >= CACHE_SIZE:
            _READINGS.clear()
        _LEMMAS[word], _READINGS[word] = value, tuple(readings)
        return value


def clear_caches() -> None:
    """Empty the lemma() and analyze() memos (after changing the default analyzer's data)."""
    _LEMMAS.clear()
    _READINGS.clear()
