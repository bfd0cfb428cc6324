"""Session-13 precision round (bench/data/qa_unanswerable.jsonl): a post asked before or after the
post the question names is not that post, a figure dated in another year than the asked one
belongs to that year, a date asked of a person the sentence lacks is another person's — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import kb_of_texts

import derek
from derek.query.post_order import ordered_posts, other_posts
from derek.query.question import analyze_question


def _found(post: str, *times: str) -> tuple:
    fact = {"time": times[0] if times else None, "sources": [{"time": t} for t in times]}
    return (post, post), fact, 0.9


HELD = [_found("кеңесші", "1995/1999"), _found("вице-министр", "2000/2004"),
        _found("сыртқы істер министрі", "2005/2008"), _found("Сенат төрағасы", "2009/2012")]

# (question, the posts kept of HELD)
ORDERED = [
    ("Асқар Бекұлы министр болғанға дейін қандай қызмет атқарды?", ["кеңесші", "вице-министр"]),
    ("Асқар Бекұлы министр болғаннан кейін қандай қызмет атқарды?", ["Сенат төрағасы"]),
    ("Асқар Бекұлы кеңесші болғаннан кейін қандай қызметте болды?",
     ["вице-министр", "сыртқы істер министрі", "Сенат төрағасы"]),
    ("Асқар Бекұлы Сенат төрағасы болғанға дейін қандай қызмет атқарды?",
     ["кеңесші", "вице-министр", "сыртқы істер министрі"]),
    # no order word, or no post of the person named: every post stays
    ("Асқар Бекұлы қандай қызмет атқарды?", [p for (p, _), _, _ in HELD]),
    ("Асқар Бекұлы 2005 жылдан кейін қандай қызмет атқарды?", [p for (p, _), _, _ in HELD]),
]


@pytest.mark.parametrize(("question", "kept"), ORDERED)
def test_ask_round13c_posts_ordered_against_the_named_post(question: str, kept: list[str]) -> None:
    assert [p for (p, _), _, _ in ordered_posts(HELD, analyze_question(question))] == kept


# the only post held is the named one: nothing held before or after it is known
@pytest.mark.parametrize("question", ["Асқар Бекұлы министр болғанға дейін қандай қызмет атқарды?",
                                      "Асқар Бекұлы министр қызметінен кейін қандай қызметке тағайындалды?"])
def test_ask_round13c_named_post_alone_answers_nothing(question: str) -> None:
    alone = [_found("сыртқы істер министрі", "2005/2008")]
    assert ordered_posts(alone, analyze_question(question)) == []
    titles = [SimpleNamespace(answer="сыртқы істер министрі"), SimpleNamespace(answer="кеңесші")]
    assert [c.answer for c in other_posts(titles, analyze_question(question))] == ["кеңесші"]


DOCS = {
    "trade.txt": "Қазақстан мен Жапония арасындағы байланыстар нығайып келеді. "
                 "Жапониямен сауда айналымы 2021 жылы 5,2 млрд доллар болды. "
                 "Екі ел көлік пен энергетика салаларында ынтымақтасады.",
    "people.txt": "Марат Тәжин 2007 жылғы 10 қаңтарда сыртқы істер министрі болып тағайындалды. "
                  "Ол бұл қызметте екі жыл болды.",
    "khans.txt": "Абылай 1750 жылы Ордада ел ағасы болып жарияланды. Бұл шешімді билер кеңесі қабылдады.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round13c"), DOCS)


# (question, answer or None)
ANSWERS = [
    ("2019 жылы Жапониямен сауда айналымы қанша болды?", None),  # the figure is 2021's
    ("2021 жылы Жапониямен сауда айналымы қанша болды?", "5,2 млрд доллар"),
    ("Марат Тәжин министр болғанға дейін қандай қызмет атқарды?", None),  # only the post asked from
    ("Марат Тәжин қандай қызмет атқарды?", "сыртқы істер министрі (2007 жыл)"),
    ("Әбілқайыр Ордада ел ағасы болып қай жылы жарияланды?", None),  # Abylai's year, not Abulkhair's
    ("Абылай Ордада ел ағасы болып қай жылы жарияланды?", "1750 жыл"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_ask_round13c_answers(kb_path, question: str, expected: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == expected
