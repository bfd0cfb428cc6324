"""Session-14 round 2 of blind set 6 — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.question import analyze_question
from derek.query.spans import echoes

DOCS = {
    "a.txt": "Экономикалық дағдарыс 1998 жылдың күзінде анық байқалды. "
             "Ел 2001 жылы жаңа бағдарлама қабылдады.",
    "b.txt": "XV ғасырдың ортасы қазақ тайпалары үшін аса маңызды кезең болды.",
    "c.txt": "2010 жылғы 5 мамырда Бішкекте Орталық Азияда ортақ энергетика нарығын құру туралы шартқа қол қойылды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("blind6b"), DOCS)


# 1. an aspect verb after a converb («көріне бастады», began to appear) is no main verb
@pytest.mark.parametrize(("question", "verb", "dropped"), [
    ("Дағдарыс қашан айқын көріне бастады?", "көрін", "баста"),
    ("Экспорт қай жылы арта түсті?", "арт", "түс"),
    ("Қазақстан қай жылы жұмысын бастады?", "баста", None),  # «жұмысын» is no converb
    ("Кім соғысты бастады?", "баста", None),
])
def test_question_aspect_verb_after_a_converb(question: str, verb: str, dropped: str | None) -> None:
    analysed = analyze_question(question)
    assert analysed.verb == verb
    assert dropped is None or dropped not in analysed.terms


def test_ask_paraphrase_behind_an_aspect_verb(kb_path) -> None:
    # «айқын көріне бастады» ~ «анық байқалды»: the converb «көрін» and «байқа» share a sense group
    answer = ask_in(kb_path, "Экономикалық дағдарыс қашан айқын көріне бастады?")
    assert answer.answer is not None and "1998" in answer.answer
    assert answer.sources[0]["doc"] == "a.txt"


# 2. an answer that is only the asked noun names no kind of it
@pytest.mark.parametrize(("answer", "echo"), [
    ("ғасырдың", True),
    ("XV ғасырдың ортасы", False),
    ("тайпалары", False),
])
def test_candidates_echo_of_the_asked_noun(answer: str, echo: bool) -> None:
    question = analyze_question("Қазақ тайпалары үшін қай ғасырдың ортасы маңызды кезең болды?")
    assert echoes(answer, question) is echo


def test_ask_does_not_answer_with_the_asked_noun(kb_path) -> None:
    answer = ask_in(kb_path, "Қазақ тайпалары үшін қай ғасырдың ортасы маңызды кезең болды?")
    assert answer.answer is None or answer.answer.lower() not in ("ғасыр", "ғасырдың")


# 3. members in the plural with «қандай» ask for the member states, a list
@pytest.mark.parametrize(("question", "kind"), [
    ("ЕАЭО-ның мүшелері қандай?", "states"),
    ("ШЫҰ-ның мүшелері қандай?", "states"),
    ("ЕАЭО-ның мүшесі қандай?", "description"),  # one member: as before
])
def test_question_plural_members_ask_for_a_list(question: str, kind: str) -> None:
    assert analyze_question(question).answer_type == kind


def test_ask_plural_members_on_the_sample_corpus(sample_kb) -> None:
    plural = sample_kb.ask("ЕАЭО-ның мүшелері қандай?")
    listed = sample_kb.ask("ЕАЭО-ға қандай мемлекеттер мүше?")
    assert isinstance(plural.value, list) and len(plural.value) >= 3
    assert sorted(plural.value) == sorted(listed.value)


# 4. signing is not entry into force: the signing sentence («… құру туралы» triggers a founding,
# a paraphrase of any verb) no longer answers «күшіне енді» (0.67 before), and still answers signing
@pytest.mark.parametrize(("question", "expected"), [
    ("Орталық Азияда ортақ энергетика нарығын құру туралы шарт қай жылы күшіне енді?", None),
    ("Орталық Азияда ортақ энергетика нарығын құру туралы шартқа қай жылы қол қойылды?", "2010 жыл"),
])
def test_ask_rival_event_is_no_answer(kb_path, question: str, expected: str | None) -> None:
    assert ask_in(kb_path, question).answer == expected
