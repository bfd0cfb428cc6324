"""Tests for derek.lang.kk.context: sentence-level lemmas (sentence-initial capitals)."""

from __future__ import annotations

import unicodedata

import pytest

from derek.lang.kk import morphology
from derek.lang.kk.context import is_common, lemmatize_sentence
from derek.lang.kk.resources import load_list

# Without the UD exact-form memory, so the sentence rule (not a remembered form) decides.
GRAMMAR = morphology.Analyzer(memory={})

SENTENCES = [  # (words, lemmas in context)
    (["Тіпті", "ол", "келді"], ["тіпті", "ол", "кел"]),  # unknown stem at the start: common
    (["«", "Жабдықтар", "келді", "."], ["«", "жабдық", "кел", "."]),  # after an opening quote
    (["Абонемент", "бар"], ["абонемент", "бар"]),
    (["Қараңғылық"], ["қараңғылық"]),
    (["Қазақстанның", "Ресеймен"], ["Қазақстан", "Ресей"]),  # proper stems keep the capital
    (["Германиямен", "келісім"], ["Германия", "келісім"]),
    (["Тоқаевқа", "хат"], ["Тоқаев", "хат"]),
    (["Мәскеуде"], ["Мәскеу"]),
    (["ТМД-ға", "кірді"], ["ТМД", "кір"]),  # abbreviations keep their capitals
    (["АҚШ-пен", "келісім"], ["АҚШ", "келісім"]),
    (["Алматыда", "Тіпті"], ["Алматы", "Тіпті"]),  # only the first word is sentence-initial
    (["Ұйымның", "мүшелері"], ["ұйым", "мүше"]),
    (["Михайлов", "келді"], ["Михайлов", "кел"]),  # unknown, but a surname ending
    (["Петрова", "келді"], ["Петрова", "кел"]),
    (["Хұзыстан", "аймағы"], ["Хұзыстан", "аймақ"]),
    (["Дастан", "айтты"], ["дастан", "айт"]),  # a common word in -стан
]


@pytest.mark.parametrize(("words", "expected"), SENTENCES)
def test_context_lemmatize_sentence(words: list[str], expected: list[str]) -> None:
    assert lemmatize_sentence(words, GRAMMAR) == expected


def test_context_words_elsewhere_match_word_lemmas() -> None:
    words = ["Тіпті", "Абонемент", "Қазақстанның", "келді"]
    assert lemmatize_sentence(words, GRAMMAR)[1:] == [GRAMMAR.lemma(w) for w in words[1:]]


def test_context_default_analyzer_and_empty_sentence() -> None:
    assert lemmatize_sentence([]) == []
    assert lemmatize_sentence(["Қазақстанның", "Ресеймен"]) == ["Қазақстан", "Ресей"]
    assert lemmatize_sentence(["!", "?"]) == ["!", "?"]


@pytest.mark.parametrize(("stem", "common"), [
    ("қараңғылық", True), ("ұйым", True), ("қазақстан", False), ("германия", False),
])
def test_context_is_common(stem: str, common: bool) -> None:
    assert is_common(GRAMMAR, stem) is common


def test_context_name_endings_file() -> None:
    endings = load_list("name_endings.txt")
    assert endings and len(endings) == len(set(endings))
    for end in endings:
        assert end == unicodedata.normalize("NFC", end) and end.islower()
        assert set(end) <= set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")
