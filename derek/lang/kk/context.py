"""Sentence-level lemmatization: the word-level lemmas of derek.lang.kk.morphology, corrected
where the neighbouring words decide (a capital that only marks the start of a sentence)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from derek.lang.kk import morphology
from derek.lang.kk.lexicon import capitalized
from derek.lang.kk.morphology import Analyzer
from derek.lang.kk.resources import load_list


def lemmatize_sentence(words: Sequence[str], analyzer: Analyzer | None = None) -> list[str]:
    """The lemma of every word of one sentence (punctuation tokens included, lemma = itself).

    Without ``analyzer`` the shipped analyzer and the memoized ``morphology.lemma`` are used."""
    an = analyzer or morphology.default_analyzer()
    lemma: Callable[[str], str] = an.lemma if analyzer is not None else morphology.lemma
    out = [lemma(word) for word in words]
    first = next((i for i, word in enumerate(words) if word[:1].isalpha()), None)
    if first is not None:
        out[first] = initial_lemma(an, words[first], lemma)
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
