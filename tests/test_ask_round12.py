"""Session-12 fixes from the fourth blind set's dev half: a year named by its event («… ұсынған жылы
…»), the neighbour of a list item («X-тан кейін кім?»), and the asked noun after the reader's span
(own sentences, not from the corpus or the seeds)."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.question import analyze_question
from derek.query.sequence import asked_step
from derek.query.two_step import find_description, inner_question, outer_question

# (question, inner question, outer question with «2003» in the description's place)
YEAR_DESCRIPTIONS = [
    ("Назарбаев Токиода жаңа бағдарламаны ұсынған жылы Алматыда қандай келісімге қол қойылды?",
     "Назарбаев Токиода жаңа бағдарламаны қай жылы ұсынған?",
     "2003 жылы Алматыда қандай келісімге қол қойылды?"),
    ("Кеден кодексі күшіне енген жылы ШЫҰ-ға қай мемлекет төрағалық етті?",
     "Кеден кодексі күшіне қай жылы енген?",
     "2003 жылы ШЫҰ-ға қай мемлекет төрағалық етті?"),
]


@pytest.mark.parametrize(("question", "inner", "outer"), YEAR_DESCRIPTIONS)
def test_ask_round12_year_named_by_its_event(question: str, inner: str, outer: str) -> None:
    q = analyze_question(question)
    found = find_description(q)
    assert found is not None and found.kind == "year"
    assert inner_question(q, found) == inner
    assert outer_question(q, found, "2003") == outer


# «жылы» asked by the question itself is no description («… қай жылы қол қойды?»)
@pytest.mark.parametrize("question", ["Қазақстан шартқа қай жылы қол қойды?",
                                      "Келісім жасалған жылы:"])
def test_ask_round12_asked_year_is_no_description(question: str) -> None:
    found = find_description(analyze_question(question))
    assert found is None or found.kind != "year"


DOCS = {
    "a.txt": "2003 жылғы 12 мамырда Назарбаев Токиода жаңа бағдарламаны ұсынды.",
    "b.txt": "2003 жылғы 9 қарашада Алматыда Қазақстан мен Моңғолия арасындағы сауда туралы келісімге қол қойылды. "
             "1999 жылы Алматыда көлік туралы келісімге қол қойылды.",
    "c.md": "Комиссияны мына тұлғалар басқарды:\n\n1. Марат Тәжин — 2001–2003\n"
            "2. Ержан Қазыханов — 2003–2006\n3. Қанат Саудабаев — 2006–2008\n",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round12"), DOCS)


def test_ask_round12_two_steps_through_a_year(kb_path) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(YEAR_DESCRIPTIONS[0][0])
    assert answer.answer is not None and "сауда туралы келісім" in answer.answer
    assert answer.steps and answer.steps[0]["value"] == "2003"
    assert {s["doc"] for s in answer.sources} == {"a.txt", "b.txt"}


# (question, person id, step)
STEPS = [
    ("Комиссияны Марат Тәжиннен кейін кім басқарды?", "person:tazhin", 1),
    ("Ержан Қазыхановтан соң комиссияны кім басқарды?", "person:kazykhanov", 1),
    ("Қанат Саудабаевтан бұрын комиссия төрағасы кім болды?", "person:saudabayev", -1),
]


@pytest.mark.parametrize(("question", "person", "step"), STEPS)
def test_ask_round12_asked_step(question: str, person: str, step: int) -> None:
    assert asked_step(analyze_question(question)) == (person, step)


@pytest.mark.parametrize("question", ["Марат Тәжин қай жылы тағайындалды?",  # not a person question
                                      "Марат Тәжиннің орынбасары кім болды?"])  # no кейін/бұрын
def test_ask_round12_no_step(question: str) -> None:
    assert asked_step(analyze_question(question)) is None


# (question, the neighbour's name, or None past the list's end)
NEIGHBOURS = [
    ("Комиссияны Марат Тәжиннен кейін кім басқарды?", "Ержан Қазыханов"),
    ("Комиссияны Ержан Қазыхановтан кейін кім басқарды?", "Қанат Саудабаев"),
    ("Комиссияны Қанат Саудабаевтан бұрын кім басқарды?", "Ержан Қазыханов"),
    ("Комиссияны Қанат Саудабаевтан кейін кім басқарды?", None),
]


@pytest.mark.parametrize(("question", "name"), NEIGHBOURS)
def test_ask_round12_list_neighbour(kb_path, question: str, name: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    if name is None:
        assert answer.answer is None or answer.method != "passages" or answer.confidence != 0.8
        return
    assert answer.answer == name and [s["doc"] for s in answer.sources] == ["c.md", "c.md"]
    assert answer.spans and answer.spans[0]["text"] == name
