"""Two-step questions: a description inside the question is answered first, then the outer question."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.question import analyze_question
from derek.query.two_step import find_description, inflect, inner_question, outer_question

# Sentences of our own (invented years): the city of one event in one document, what happened
# there in another.
DOCS = {
    "a.txt": "Моңғолия мен Түркия 2030 жылғы 5 мамырда Бішкек саммитінде ТМД-ға бақылаушы ретінде қабылданды.",
    "b.txt": "2032 жылғы 14 қыркүйекте Бішкекте АӨСШК-нің сегізінші саммиті өтті.",
}

# question, the inner question, the outer question when the inner one answers «Бішкек»
DESCRIPTIONS = [
    ("Моңғолия мен Түркия ТМД-ға қабылданған қалада АӨСШК-нің нешінші саммиті өтті?",
     "Моңғолия мен Түркия ТМД-ға қай қалада қабылданған?", "Бішкекте АӨСШК-нің нешінші саммиті өтті?"),
    ("2030 жылы ТМД-дан шыққан мемлекет қай ұйымға мүше болды?",
     "2030 жылы ТМД-дан қай мемлекет шыққан?", "Бішкек қай ұйымға мүше болды?"),
    ("Астана саммитінде ШЫҰ-ға қабылданған мемлекеттің астанасы қай қала?",
     "Астана саммитінде ШЫҰ-ға қай мемлекет қабылданған?", "Бішкектің астанасы қай қала?"),
    # a compound verb's bare noun stays with its verb: «қай мемлекет қол қойған», not «қол қай … қойған»
    ("2030 жылы Шартқа қол қойған мемлекет қай ұйымға мүше болды?",
     "2030 жылы Шартқа қай мемлекет қол қойған?", "Бішкек қай ұйымға мүше болды?"),
]

NOT_DESCRIPTIONS = [
    "БҰҰ-ның мамандандырылған мекемелері қашан ашылды?",  # one word before: the noun's owner
    "Абай туған қала қай?",  # the head is what is asked
    "ЕҚЫҰ саммиті өткен қала қай?",
    "Қазақстан қол қойған Қорытынды акт қашан қабылданды?",  # a name is named already
    "Қазақстан қай қалада ШЫҰ-ға қабылданған?",  # no participle before a noun
    "Шартқа қол қойған мемлекеттердің қайсылары ЕАЭО-ға мүше?",  # a plural head names several entities
]

INFLECTED = [
    ("Астана", "LOC", "Астанада"),
    ("Бішкек", "LOC", "Бішкекте"),
    ("Алматы", "ABL", "Алматыдан"),
    ("Қазақстан", "GEN", "Қазақстанның"),
    ("Ресей", "ACC", "Ресейді"),
    ("ЕҚЫҰ", "DAT", "ЕҚЫҰ-ға"),
    ("Мәскеу", "NOM", "Мәскеу"),
]


@pytest.mark.parametrize(("question", "inner", "outer"), DESCRIPTIONS)
def test_two_step_finds_the_description(question: str, inner: str, outer: str) -> None:
    q = analyze_question(question)
    found = find_description(q)
    assert found is not None
    assert inner_question(q, found) == inner
    assert outer_question(q, found, "Бішкек") == outer


@pytest.mark.parametrize("question", NOT_DESCRIPTIONS)
def test_two_step_no_description(question: str) -> None:
    assert find_description(analyze_question(question)) is None


@pytest.mark.parametrize(("name", "case", "form"), INFLECTED)
def test_two_step_inflect(name: str, case: str, form: str) -> None:
    assert inflect(name, case) == form


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("two_step"), DOCS)


def test_two_step_answers_with_both_sources(kb_path) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask("Моңғолия мен Түркия ТМД-ға қабылданған қалада АӨСШК-нің нешінші саммиті өтті?")
    assert answer.answer == "сегізінші" and str(answer.value) == "8"
    assert [s["doc"] for s in answer.sources] == ["b.txt", "a.txt"]  # the outer sentence first
    assert [step["answer"] for step in answer.steps] == ["Бішкек", "сегізінші"]
    assert answer.to_dict()["steps"][0]["question"] == "Моңғолия мен Түркия ТМД-ға қай қалада қабылданған?"


ABSTAINED = [
    "Жапония мен Үндістан ТМД-ға қабылданған қалада АӨСШК-нің нешінші саммиті өтті?",  # no such city
    "Моңғолия мен Түркия ТМД-ға қабылданған қалада ЕҚЫҰ-ның нешінші саммиті өтті?",  # no such summit
]


@pytest.mark.parametrize("question", ABSTAINED)
def test_two_step_abstains_when_a_step_fails(kb_path, question: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer is None and answer.steps == []
