"""A figure asked of a named entity by what it measures, answered from its quantity fact
(``query/figures_asked.py``): the fact carries the owner and the year that the figure's own
sentence leaves to the sentence before. Own sentences."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

TRADE = ("2021 жылы Моңғолияның сыртқы сауда айналымы 16,1 млрд долларды құрады. "
         "Экспорт 9,2 млрд долларға, импорт 6,9 млрд долларға жетті.")


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("figures"), {"trade.txt": TRADE})


@pytest.mark.parametrize(("question", "expected"), [
    ("Моңғолияның экспорты 2021 жылы қанша болды?", "9,2 млрд"),
    ("Моңғолияның импорты 2021 жылы қанша болды?", "6,9 млрд"),
    ("Моңғолияның экспорты қанша?", "9,2 млрд"),
])
def test_figure_from_its_fact(kb, question: str, expected: str) -> None:
    answer = ask_in(kb, question)
    assert answer.answer is not None and answer.answer.startswith(expected)
    assert answer.method == "facts"
    assert any(expected in s["text"] for s in answer.sources)  # the figure's own sentence


@pytest.mark.parametrize("question", [
    "Моңғолияның экспорты 2019 жылы қанша болды?",  # another year: the fact's time does not fit
    "Қытайдың экспорты 2021 жылы қанша болды?",  # another owner
])
def test_no_figure_of_another_year_or_owner(kb, question: str) -> None:
    assert ask_in(kb, question).answer is None


def test_a_measure_the_question_does_not_name_does_not_answer(kb) -> None:
    from derek.query.figures_asked import _measured

    fact = {"qualifiers": {"measure": "сауда айналым"}}
    assert _measured(fact, {"моңғолия", "сауда", "айналым"})
    assert not _measured(fact, {"моңғолия", "экспорт"})
    assert not _measured({"qualifiers": {"measure": "USD"}}, {"моңғолия"})  # a unit names nothing


def test_a_substance_counted_by_a_unit_is_no_measure_noun() -> None:
    from derek.query.figures_asked import _measured

    produced = {"qualifiers": {"measure": "tonne", "measured": "мұнай"}}  # «… тонна мұнай өндірілді»
    assert not _measured(produced, {"қазақстан", "тонна", "мұнай", "экспортта"})


@pytest.mark.parametrize("question", [
    "Моңғолияның мыс экспорты қанша?",  # a narrower export than the sentence's
    "Моңғолияның экспорты 2021 жылы қанша тоннаға жетті?",  # tonnes: the figure is in dollars
])
def test_no_figure_when_the_question_asks_more(kb, question: str) -> None:
    assert ask_in(kb, question).answer is None
