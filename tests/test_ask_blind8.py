"""Session 16, blind set 8's dev half: general fixes, tested on own sentences (not the corpus or seeds)."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.lang.kk.morphology import analyze
from derek.query.question import analyze_question

DOCS = {
    "a.txt": "2021 жылғы 3 наурызда Ақтауда ДДСҰ-ның өңірлік зертханасы ашылды.",
    "b.txt": "2018 жылы Таразда Германияның мәдени орталығы жұмысын бастады.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("blind8"), DOCS)


# 1. the possessive pronoun of a noun, «that of» (-ДЫкі after a consonant, -нЫкі after a vowel):
# «ұйымдыкі» is read from «ұйым», so «қай ұйымдыкі?» asks an organization
@pytest.mark.parametrize(("word", "stem"), [
    ("ұйымдыкі", "ұйым"),
    ("мекемелердікі", "мекеме"),
    ("ағасыныкі", "аға"),
    ("мемлекеттікі", "мемлекет"),
    ("біздікі", "біз"),
    ("әріптесі", "әріптес"),  # a bare possessive is left as it was
])
def test_possessive_pronoun_suffix_is_stripped(word: str, stem: str) -> None:
    assert analyze(word)[0].lemma.lower() == stem


@pytest.mark.parametrize(("question", "answer_type"), [
    ("Ақтаудағы зертхана қай ұйымдыкі?", "organization"),
    ("Бұл орталық қай мемлекеттікі?", "state"),
])
def test_question_whose_asks_the_noun_type(question: str, answer_type: str) -> None:
    assert analyze_question(question).answer_type == answer_type


@pytest.mark.parametrize(("question", "value"), [
    ("Ақтаудағы өңірлік зертхана қай ұйымдыкі?", "org:un-who"),
    ("Таразда жұмысын бастаған мәдени орталық қай мемлекеттікі?", "state:de"),
])
def test_ask_whose_answers_the_owner(kb_path, question: str, value: str) -> None:
    answer = ask_in(kb_path, question)
    assert answer.value == value or value in (answer.value or [])
