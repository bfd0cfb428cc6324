"""Session-13 precision round d (bench/data/qa_unanswerable.jsonl): an organization named by its head
noun alone as the thing the verb does, a former name from a renaming, a value in a clause of another
entity, and «ол» of a sentence about another person — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.doc import Token
from derek.query.former_names import PRESENT_NAME, asks_former_name, present_name_factor
from derek.query.passages import Passage
from derek.query.question import analyze_question

DOCS = {
    "eaeu.txt": "Еуразиялық экономикалық одақ 2015 жылы жұмыс істей бастады. "
                "Шанхай ынтымақтастық ұйымы туралы да айтылды. "
                "Одақ құру идеясы 1994 жылғы 29 наурызда БҰҰ Бас Ассамблеясының сессиясында айтылды. "
                "Тәжікстан 2016 жылы Одаққа қосылу туралы өтініш берді, ал кейін Одақ мүшесі болуды кейінге қалдырды.",
    "sco.txt": "Ұйым 1996 жылы «Шанхай бестігі» деген атпен құрылды. "
               "2001 жылдан бастап «Шанхай бестігі» Шанхай ынтымақтастық ұйымы деп аталады. "
               "Бүгінде ұйымның Бейжіңдегі кеңсесі ШЫҰ Хатшылығы деп аталады.",
    "members.txt": "Моңғолия 2004 жылы ШЫҰ-ға бақылаушы болды, ал Үндістан 2017 жылы Астанада толық мүше атанды.",
    "tokayev.txt": "Қасым-Жомарт Тоқаев 1994 жылы сыртқы істер министрі болды. "
                   "2015–2017 жылдары ол Парижде ЮНЕСКО бас директорының кеңесшісі болып жұмыс істеді.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round13d"), DOCS)


# (question, answer or None)
ANSWERS = [
    # «Одақ» (the EAEU of its text) is what was founded and joined, not the UN or the SCO
    ("БҰҰ қашан құрылды?", None),
    ("Тәжікстан ШЫҰ-ға қай жылы мүше болды?", None),
    ("Тәжікстан ЕАЭО-ға қай жылы мүше болды?", "2016 жыл"),  # the Union's own head noun
    # the former name is the renamed entity, not the asked entity's name in the renaming
    ("ШЫҰ бұрын қалай аталды?", "Шанхай бестігі"),
    ("ШЫҰ-ның бұрынғы атауы қандай?", "Шанхай бестігі"),
    # the city of the «ал Үндістан» clause is India's
    ("Моңғолия ШЫҰ-ға қай қалада бақылаушы болды?", None),
    ("Үндістан ШЫҰ-ға қай қалада толық мүше болды?", "Астана"),
    # «ол» leans on a sentence about Tokayev
    ("Назарбаев ЮНЕСКО бас директорының кеңесшісі болып қай жылдары Парижде жұмыс істеді?", None),
    ("Тоқаев ЮНЕСКО бас директорының кеңесшісі болып қай жылдары Парижде жұмыс істеді?", "2015–2017 жылдар"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_ask_round13d_answers(kb_path, question: str, expected: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == expected


def test_ask_round13d_former_name_quotes_the_renaming(kb_path) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask("ШЫҰ бұрын қалай аталды?")
    texts = [s["text"] for s in answer.sources]
    assert answer.value == "org:shanghai-five" and answer.method == "facts"
    assert any("деп аталады" in t for t in texts) and any("деген атпен құрылды" in t for t in texts)


# (question, asks a former name)
FORMER = [
    ("ЕҚЫҰ бұрын қалай аталды?", True),
    ("ШЫҰ-ның алғашқы атауы қандай болған?", True),
    ("ЕҚЫҰ қалай аталады?", False),  # no «earlier» word
    ("ЕҚЫҰ бұрын қай қалада өтті?", False),  # no naming word
    ("ЕҚЫҰ 1990 жылы қалай аталды?", False),  # a dated name is no former one
]


@pytest.mark.parametrize(("question", "former"), FORMER)
def test_ask_round13d_asks_former_name(question: str, former: bool) -> None:
    assert asks_former_name(analyze_question(question)) is former


def _passage(words: list[str]) -> Passage:
    tokens, at = [], 0
    for w in words:
        tokens.append(Token(at, at + len(w), w, w, w.lower()))
        at += len(w) + 1
    return Passage("x.txt", None, 0, at, " ".join(words), [], tokens=tokens)


# (sentence words, question, factor)
PRESENT = [
    (["Бүгінде", "ол", "ЕҚЫҰ", "кеңсесі", "деп", "аталады", "."], "ЕҚЫҰ бұрын қалай аталды?", PRESENT_NAME),
    (["Қазір", "ол", "ЕҚЫҰ", "кеңсесі", "деп", "аталады", "."], "ЕҚЫҰ бұрын қалай аталды?", PRESENT_NAME),
    (["Ол", "ЕҚЫҰ", "кеңесі", "деп", "аталды", "."], "ЕҚЫҰ бұрын қалай аталды?", 1.0),
    (["Бүгінде", "ол", "ЕҚЫҰ", "кеңсесі", "деп", "аталады", "."], "ЕҚЫҰ қалай аталады?", 1.0),
]


@pytest.mark.parametrize(("words", "question", "factor"), PRESENT)
def test_ask_round13d_present_name_is_no_former_name(words: list[str], question: str, factor: float) -> None:
    assert present_name_factor(_passage(words), analyze_question(question)) == factor
