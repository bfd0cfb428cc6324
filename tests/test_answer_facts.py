"""Answers from facts (derek.query.answer_facts), on sentences written for these tests: a post's
fact answers «қандай қызмет атқарды» with the post, and a date question only about that post
(«министрлігінің басшылығына» asks about a «министр»)."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.answer_facts import _as_written, _time_slot, _title_fits
from derek.query.ask import ask
from derek.query.question import analyze_question

TEXT = ("Марат Тәжин 2007 жылдың қаңтарында сыртқы істер министрі болып тағайындалды. "
        "Марат Тәжин 2009–2011 жылдары Мемлекеттік хатшы болды.")

POSTS = [  # (question, answer, value)
    ("Тәжин 2009–2011 жылдары қандай қызмет атқарды?", "хатшы", "хатшы"),
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "2007 жылғы қаңтар", "2007-01"),
]


@pytest.fixture(scope="module")
def posts_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("posts"), {"posts.txt": TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "answer", "value"), POSTS)
def test_answer_facts_post_held(posts_kb, question: str, answer: str, value: str) -> None:
    found = ask(posts_kb.db, question)
    assert (found.answer, found.value, found.method) == (answer, value, "facts")
    assert found.sources


TITLES = [  # (question, the fact's post, does the fact answer?)
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "сыртқы істер министрі", True),
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "хатшы", False),
    ("Тәжин қай жылы елші болып тағайындалды?", "елші", True),
    ("Тәжин 2009–2011 жылдары қандай қызмет атқарды?", "хатшы", True),  # the post is what is asked
]


@pytest.mark.parametrize(("question", "post", "fits"), TITLES)
def test_answer_facts_post_fact_answers_only_about_its_post(question: str, post: str, fits: bool) -> None:
    fact = {"predicate": "appointed_as", "value": post}
    assert _title_fits(fact, analyze_question(question)) is fits


MONTHS = [("1994-10", ("1994 жылғы қазан", "1994-10")), ("1994-10-05", ("1994 жылғы қазан", "1994-10")),
          ("2009/2011", None), ("2009", None)]  # a year or a span of years names no month


@pytest.mark.parametrize(("time", "slot"), MONTHS)
def test_answer_facts_month_slot(time: str, slot: tuple[str, str] | None) -> None:
    assert _time_slot(time, "month") == slot


MEMBERS_TEXT = ("Әзербайжан 1993 жылы ТМД-ға қосылды. Молдова 1994 жылы ТМД-ға қосылды. "
                "Грузия 1993 жылы ТМД-ға қосылды. Грузия 2009 жылы ТМД-дан шықты.")

MEMBERS = [  # (question, member ids): a state that left after joining is no member now
    ("ТМД-ға қандай мемлекеттер мүше?", ["state:az", "state:md"]),
    ("1993 жылы ТМД-ға қандай мемлекеттер қосылды?", ["state:az", "state:ge"]),  # then, it was
]


@pytest.fixture(scope="module")
def members_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("members"), {"members.txt": MEMBERS_TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "members"), MEMBERS)
def test_answer_facts_members_who_left_are_no_members(members_kb, question: str, members: list[str]) -> None:
    found = ask(members_kb.db, question)
    assert (found.value, found.method) == (members, "facts")


WRITTEN = [  # (value, source sentence, the value as the source writes it)
    ("премьер-министр", "Ол 1999–2002 жылдары Премьер-Министр болды.", "Премьер-Министр"),
    ("қр бұұ жанындағы тұрақты өкілі", "Ол ҚР БҰҰ жанындағы бірінші тұрақты өкілі болды.",
     "ҚР БҰҰ жанындағы тұрақты өкілі"),  # a rank word stood between: word by word
]


@pytest.mark.parametrize(("value", "text", "written"), WRITTEN)
def test_answer_facts_value_as_written(value: str, text: str, written: str) -> None:
    assert _as_written({"value": value, "sources": [{"text": text}]}) == written
