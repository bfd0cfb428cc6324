"""Session 16: a question's names that no gazetteer lists, linked to the knowledge base's provisional
entities (query/provisional.py) — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import kb_of_texts

import derek
from derek.query.answer_facts import answer_from_facts
from derek.query.provisional import link_provisional
from derek.query.question import analyze_question

DOCS = {
    "people.txt": ("Дархан Қуанышбаев 2004 жылы мәдениет министрі болып тағайындалды. "
                   "Марат Тілеуов 1998 жылы ауыл әкімі болды. "
                   "Бақыт Тілеуов 2005 жылы елші болып тағайындалды. "
                   "Ж. Құлмағамбетов 1999 жылы кітапхана директоры болып тағайындалды."),
    "bare.txt": "Сапаров 2010 жылы аудан әкімі болды.",
    "full.txt": "Ерлан Сапаров 2012 жылы елші болып тағайындалды.",
}
KUANYSH = "prov:person:дархан_қуанышбаев"


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("provisional"), DOCS)


@pytest.fixture(scope="module")
def db(kb_path):
    connection = sqlite3.connect(kb_path)
    yield connection
    connection.close()


def _linked(db: sqlite3.Connection, text: str) -> list[str]:
    return [e.entity for e in link_provisional(db, analyze_question(text)).entities if e.entity.startswith("prov:")]


@pytest.mark.parametrize(("question", "expected"), [
    ("Дархан Қуанышбаев қашан министр болды?", [KUANYSH]),  # the full name
    ("Қуанышбаев қандай қызмет атқарды?", [KUANYSH]),  # a bare surname one person bears
    ("Қуанышбаевтың қызметі қандай?", [KUANYSH]),  # inflected: the same lemma key
    ("Қуанышбаевқа қандай қызмет берілді?", [KUANYSH]),
    ("Ж. Құлмағамбетов қашан директор болды?", ["prov:person:ж_құлмағамбетов"]),  # with the initial
    ("Жанболат Құлмағамбетов қашан директор болды?", ["prov:person:ж_құлмағамбетов"]),  # the initial agrees
    ("Құлмағамбетовтың қызметі қандай?", ["prov:person:ж_құлмағамбетов"]),
    ("Тілеуов қашан әкім болды?", []),  # two people share the surname: no guess
    ("Марат Тілеуов қашан әкім болды?", ["prov:person:марат_тілеуов"]),  # the given name tells them apart
    ("Нұрлан Қуанышбаев қашан министр болды?", []),  # another given name: another person
    ("Б. Құлмағамбетов қашан директор болды?", []),  # another initial
    ("Сейітқазы Омарбеков қашан министр болды?", []),  # a name the knowledge base does not hold
    ("Сапаров қашан әкім болды?", []),  # a bare surname held alone, while another person bears it
    ("Ерлан Сапаров қашан елші болды?", ["prov:person:ерлан_сапаров"]),
])
def test_provisional_names_linked(db, question: str, expected: list[str]) -> None:
    assert _linked(db, question) == expected


@pytest.mark.parametrize(("question", "case"), [
    ("Қуанышбаевтың қызметі қандай?", "GEN"),
    ("Қуанышбаевқа қандай қызмет берілді?", "DAT"),
    ("Қуанышбаев қандай қызмет атқарды?", "NOM"),
])
def test_provisional_mention_case_and_offsets(db, question: str, case: str) -> None:
    mention = next(e for e in link_provisional(db, analyze_question(question)).entities if e.entity == KUANYSH)
    assert mention.case == case
    assert question[mention.start:mention.end] == mention.text and mention.type == "person"


@pytest.mark.parametrize("question", [
    "Қуанышбаев_% қашан министр болды?",
    "Қуанышбаев' OR 1=1 -- қашан министр болды?",
    "%_% Қашан %?",
    "Тілеуов\\_ қашан әкім болды?",
])
def test_provisional_hostile_strings(db, question: str) -> None:
    linked = _linked(db, question)  # no error; a LIKE wildcard or a quote matches nothing by itself
    assert set(linked) <= {KUANYSH}
    assert "prov:person:марат_тілеуов" not in linked and "prov:person:бақыт_тілеуов" not in linked


def test_question_alone_links_no_provisional_name() -> None:
    # analyze_question(text) knows no knowledge base: it links gazetteer names only, as before
    assert analyze_question("Дархан Қуанышбаев қашан министр болды?").entities == []


def test_linking_twice_adds_nothing(db) -> None:
    question = link_provisional(db, analyze_question("Қуанышбаев қандай қызмет атқарды?"))
    assert len(link_provisional(db, question).entities) == 1


@pytest.mark.parametrize(("question", "value"), [
    ("Дархан Қуанышбаев қашан министр болды?", "2004"),
    ("Қуанышбаев қашан министр болып тағайындалды?", "2004"),
    ("Қуанышбаев қандай қызмет атқарды?", "мәдениет министрі"),
    ("Дархан Қуанышбаев кім?", "мәдениет министрі"),  # «кім?» of a person asks the posts held
])
def test_facts_path_answers_provisional_person(db, question: str, value: str) -> None:
    found = answer_from_facts(db, link_provisional(db, analyze_question(question)))
    assert found is not None and value in found.answer
    assert "Дархан Қуанышбаев 2004" in found.sources[0]["text"]


@pytest.mark.parametrize(("question", "value", "method"), [
    ("Қуанышбаев қандай қызмет атқарды?", "мәдениет министрі", "facts"),
    ("Дархан Қуанышбаев кім?", "мәдениет министрі", None),  # the passages agree, surer
    ("Қуанышбаев қашан министр болды?", "2004", None),
])
def test_ask_answers_provisional_person(kb_path, question: str, value: str, method: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer is not None and value in answer.answer
    assert method is None or answer.method == method
    assert answer.sources and "Қуанышбаев" in answer.sources[0]["text"]
