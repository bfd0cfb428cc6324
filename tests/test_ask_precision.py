"""Precision round (session 7): whose noun is asked, a place named by its event, two steps before a
confident one-step answer, and negated questions answered by an exception. Sentences of our own."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.excepted import negated_question
from derek.query.owners import owned_noun
from derek.query.question import analyze_question

# Invented events and years: nothing here is a fact of the corpus.
DOCS = {
    "a.txt": "2031 жылы Қырғызстанда «Таза су» қозғалысы құрылды. "
             "Қозғалыстың талабымен 2033 жылғы 4 мамырда Президент Н.Ә. Назарбаев Ыстықкөл туралы жарлыққа қол қойды. "
             "Бұл жарлық кейін Тянь-Шань қорығы мен Орталық Азия су одағының іргетасына айналды.",
    "c.txt": "Моңғолия мен Түркия 2030 жылғы 5 мамырда Бішкек саммитінде ТМД-ға бақылаушы ретінде қабылданды. "
             "2032 жылғы 14 қыркүйекте Бішкекте ЕҚЫҰ-ның сегізінші саммиті өтті. "
             "Моңғолия мен Түркия 2030 жылы ЕҚЫҰ-ның Душанбедегі жетінші саммитіне қатысты.",
    "d.txt": "Жапония мен Моңғолияны қоспағанда, форумның барлық мүшелері 2036 жылғы Тараз кездесуіне қатысты. "
             "Қытай мен Үндістан 2037 жылғы Шымкент кеңесіне қатысты.",
}

# question, the noun whose owner answers it (None: not asked)
OWNED = [
    ("Жарлыққа кімнің талабымен қол қойылды?", "талап"),
    ("Бұл жарлық кейін неге іргетас болды?", "іргетас"),
    ("Абылай кімнің ұлы?", "ұл"),
    ("Қазақстан неге қол қойды?", None),  # «неге» with a verb: why, not whose
    ("Жарлыққа кім қол қойды?", None),
]

NEGATED = [
    ("Кездесуге қай мемлекеттер қатыспады?", True),
    ("Шартқа кім қол қоймады?", True),
    ("Кездесуге қай мемлекеттер қатысты?", False),
]


@pytest.mark.parametrize(("question", "noun"), OWNED)
def test_ask_precision_owned_noun(question: str, noun: str | None) -> None:
    assert owned_noun(analyze_question(question)) == noun


@pytest.mark.parametrize(("question", "negated"), NEGATED)
def test_ask_precision_negated_question(question: str, negated: bool) -> None:
    assert negated_question(analyze_question(question)) is negated


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("precision"), DOCS)


# question, the expected answer (None: derek must abstain)
ANSWERS = [
    # the genitive owner of «талабымен» is the movement, not the person who signed
    ("Ыстықкөл туралы жарлыққа кімнің талабымен қол қойылды?", None),
    # the owner phrase of «іргетасына», question words inside it
    ("Ыстықкөл туралы жарлық кейін неге іргетас болды?", "Тянь-Шань қорығы мен Орталық Азия су одағының"),
    # an exception answers a negated verb; a sentence that only states the verb does not
    ("2036 жылғы Тараз кездесуіне форумның қай мүшелері қатыспады?", "Жапония мен Моңғолия"),
    ("2037 жылғы Шымкент кеңесіне қай мемлекеттер қатыспады?", None),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_ask_precision_answers(kb_path, question: str, expected: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == expected


def test_ask_precision_excepted_is_no_participant(kb_path) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask("2036 жылғы Тараз кездесуіне қай мемлекеттер қатысты?")
    assert "Жапония" not in (answer.answer or "")


def test_ask_precision_two_steps_before_a_confident_one(kb_path) -> None:
    """The one-step reading takes «2030» of the description and answers «жетінші»; the question
    asks about the city of the description: Бішкек, then its summit."""
    from derek.query.ask import _ask_one

    question = "Моңғолия мен Түркия 2030 жылы ТМД-ға қабылданған қалада ЕҚЫҰ-ның нешінші саммиті өтті?"
    with derek.open(kb_path) as kb:
        one = _ask_one(kb.db, question)
        answer = kb.ask(question)
    assert one.answer == "жетінші"  # what the one step alone answers
    assert answer.answer == "сегізінші" and [s["answer"] for s in answer.steps] == ["Бішкек", "сегізінші"]


# «Бішкек саммиті» names where the summit was; Ташкент only hosted a meeting that called one (one
# document alone: the margin is the ×1.1 of owners.named_place)
PLACE_DOC = {
    "b.txt": "2034 жылы АӨСШК-ге Қырғызстан төрағалық етті. Сол жылдың 5 ақпанында Ташкентте АӨСШК сыртқы істер "
             "министрлерінің бейресми кездесуі болды, онда саммит шақыру туралы келісімге қол жеткізілді. "
             "Төрағалықтың басты оқиғасы — 2034 жылғы 3 наурызда өткен Бішкек саммиті.",
}


def test_ask_precision_place_named_by_its_event(tmp_path) -> None:
    with derek.open(kb_of_texts(tmp_path, PLACE_DOC)) as kb:
        answer = kb.ask("АӨСШК-нің 2034 жылғы саммиті қай қалада өткен?")
    assert answer.answer == "Бішкек"
