"""Session 18, round 2: yes/no over a count of times (yes_no_times.py), a negated «бол-» and an entity
named before (yes_no.py), and the verb missing from the answer's sentence (yes_no.lacks_predicate).
Own sentences only."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

import derek
from derek.query.ask import Answer
from derek.query.passages import Passage
from derek.query.question import analyze_question
from derek.query.yes_no import lacks_predicate
from derek.query.yes_no_times import counts_of_times, times_checked

DOCS = {
    "a.txt": "ШЫҰ 2001 жылы Шанхайда құрылды. Ұйымның алғашқы жылдары жеңіл болмады. "
             "Ұйымның бас хатшысы жыл сайын баяндама жасайды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round18b"), DOCS)


@pytest.mark.parametrize(("text", "counts"), [
    ("ол бірнеше рет сайланды", ["several"]),
    ("бір-ақ рет келді", [1]),
    ("бір ғана рет келді", [1]),
    ("екі рет төрағалық етті", [2]),
    ("3 рет кездесті", [3]),
    ("бірінші рет келді", []),  # an ordinal: the first time, no count
    ("талай рет айтылды", ["several"]),
    ("өкіл ретінде қатысты", []),
])
def test_counts_of_times(text: str, counts: list) -> None:
    assert counts_of_times(text.split()) == counts


def _yes(question: str, sentence: str) -> Answer:
    return Answer(question, "Иә", "yes", "yesno", 0.9, [{"doc": "a.txt", "start": 0, "end": len(sentence),
                                                         "text": sentence}])


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("Түркия кеңеске бір-ақ рет төрағалық етті ме?", "Түркия кеңеске бірнеше рет төрағалық етті.", "Жоқ"),
    ("Түркия кеңеске бір рет төрағалық етті ме?", "Түркия кеңеске екі рет төрағалық етті.", "Жоқ"),
    ("Түркия кеңеске бірнеше рет төрағалық етті ме?", "Түркия кеңеске бір-ақ рет төрағалық етті.", "Жоқ"),
    ("Түркия кеңеске бірнеше рет төрағалық етті ме?", "Түркия кеңеске үш рет төрағалық етті.", "Иә"),
    ("Түркия кеңеске екі рет төрағалық етті ме?", "Түркия кеңеске екі рет төрағалық етті.", "Иә"),
    ("Түркия кеңеске төрағалық етті ме?", "Түркия кеңеске екі рет төрағалық етті.", "Иә"),
])
def test_times_checked(question: str, sentence: str, expected: str) -> None:
    assert times_checked(analyze_question(question), _yes(question, sentence)).answer == expected


def _passage(text: str) -> Passage:
    doc = derek.analyze(text)
    return Passage("a.txt", 1, 0, len(text), text, [], tokens=list(doc.tokens))


@pytest.mark.parametrize(("question", "sentence", "lacks"), [
    ("Келісімге неше мемлекет қол қойды?", "Жиынға он мемлекеттің басшылары қатысып, келісім қабылданды.", True),
    ("Келісімге неше мемлекет қол қойды?", "Келісімге он мемлекет қол қойды.", False),
    ("Келісімге неше мемлекет қол қойды?", "Келісімге он мемлекет қол қойған.", False),
])
def test_lacks_predicate(question: str, sentence: str, lacks: bool) -> None:
    assert lacks_predicate(_passage(sentence), analyze_question(question)) is lacks


@pytest.mark.parametrize(("question", "expected"), [
    ("ШЫҰ-ның алғашқы жылдары жеңіл болды ма?", "Жоқ"),  # «жеңіл болмады»: a negated «бол-» denies
])
def test_yes_no_negated_be(kb_path, question: str, expected: str) -> None:
    assert ask_in(kb_path, question).answer == expected
