"""Session 21: wrong answers, round 2 (issue 7). An order question («X-тан кейін», «X-тен бұрынғы»)
is not answered by a sentence that orders nothing; «кейінгі атауы» asks the name a renaming gave.
Own sentences throughout."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.event_order import asked_order
from derek.query.former_names import asks_former_name, asks_later_name
from derek.query.question import analyze_question

ORDERS = [
    ("Ираннан кейін ШЫҰ-ға қабылданған мемлекет қайсы?", 1),
    ("ЕҚЫҰ-ның Астана саммитінен бұрынғы саммиті қай қалада өтті?", -1),
    ("Моңғолиядан соң Ұйымға қандай мемлекет кірді?", 1),
    # a date is a bound the date scorer reads, a clause («алғаннан кейін») is no named anchor
    ("2006 жылдан кейін төрағалық қай мемлекетке берілді?", None),
    ("Тәуелсіздік алғаннан кейін Қазақстан қай ұйымға кірді?", None),
    ("Иран ШЫҰ-ға қай жылы қабылданды?", None),
    # a count before a named event is answered by a date, not by an order
    ("Армения мен Қырғызстанға дейін шартқа неше мемлекет қол қойды?", None),
]


@pytest.mark.parametrize(("question", "side"), ORDERS)
def test_ask_round21_asked_order(question: str, side: int | None) -> None:
    assert asked_order(analyze_question(question)) == side


ORDER_TEXT = ("ШЫҰ-ға бақылаушы елдер – Моңғолия, Үндістан, Пәкістан және Иран. "
              "Үндістан 2017 жылғы 9 маусымда ШЫҰ-ның мүшесі болды, ал Иран "
              "алты жылдан соң, 2023 жылғы 4 шілдеде, Ұйымның мүшесі атанды.")


def test_ask_round21_order_needs_an_ordering_sentence(tmp_path) -> None:
    """The list of observers orders nothing: the answer comes from the sentence with «соң», or none."""
    path = kb_of_texts(tmp_path, {"turan.txt": ORDER_TEXT})
    answer = ask_in(path, "Үндістаннан кейін ШЫҰ-ға қабылданған мемлекет қайсы?")
    assert answer.answer in (None, "Иран")
    if answer.answer is not None:
        assert "соң" in answer.sources[0]["text"]


NAMES = [
    # (question, asks a later name, asks a former name)
    ("Еуропадағы қауіпсіздік және ынтымақтастық кеңесінің кейінгі атауы:", True, False),
    ("Шанхай бестігінің жаңа атауы қандай?", True, False),
    ("ЕҚЫҰ бұрын қалай аталды?", False, True),
    ("ШЫҰ-ның алғашқы атауы қандай?", False, True),
    ("Шанхай бестігі қай жылы құрылды?", False, False),
]


@pytest.mark.parametrize(("question", "later", "former"), NAMES)
def test_ask_round21_name_questions(question: str, later: bool, former: bool) -> None:
    analysed = analyze_question(question)
    assert asks_later_name(analysed) is later
    assert asks_former_name(analysed) is former


RENAMING = ("Моңғолия Еуропадағы қауіпсіздік және ынтымақтастық кеңесіне 2012 жылы қосылды. "
            "1995 жылдан бастап кеңес Еуропадағы қауіпсіздік және ынтымақтастық ұйымы деп аталады.")


@pytest.mark.parametrize("question", [
    "Еуропадағы қауіпсіздік және ынтымақтастық кеңесінің кейінгі атауы қандай?",
    "Еуропадағы қауіпсіздік және ынтымақтастық кеңесінің кейінгі атауы:",
])
def test_ask_round21_later_name(tmp_path, question: str) -> None:
    """The renaming's new name, quoting the renaming; never the question's own entity."""
    path = kb_of_texts(tmp_path, {"oaiu.txt": RENAMING})
    answer = ask_in(path, question)
    assert answer.method == "facts"
    assert answer.answer == "Еуропадағы қауіпсіздік және ынтымақтастық ұйымы"
    assert "деп аталады" in answer.sources[0]["text"]



JOINS = ("ЕАЭО-ға мүше елдер – Ресей, Беларусь, Армения және Қырғызстан. "
         "Армения Одаққа 2015 жылғы 2 қаңтарда қосылды. Қырғызстан Одаққа 2015 жылғы 12 тамызда қосылды.")


def test_ask_round21_named_anchor_ordered_by_dates(tmp_path) -> None:
    """Against a named anchor a dated sentence orders: the join dates, not the plain member list."""
    path = kb_of_texts(tmp_path, {"eaeo.txt": JOINS})
    answer = ask_in(path, "ЕАЭО-ға Армениядан кейін қай мемлекет қосылды?")
    assert answer.answer in (None, "Қырғызстан")
    if answer.answer is not None:
        assert "тамыз" in answer.sources[0]["text"]
