"""Session 19, every blind set's dev half together: questions over a numbered roster of persons
(roster.py) and a year named by a clause whose verb is a converb and its auxiliary (two_step.py).
Own sentences only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.question import analyze_question
from derek.query.roster import _fold, _occurrence
from derek.query.two_step import _named, find_description, inner_question, outer_question

ROSTER = ("## Облыс әкімдері\n\n"
          "Тәуелсіздік жылдарында облысты мына адамдар басқарды:\n\n"
          "1. Асқар Бекенов — 1992–1995\n"
          "2. Ермек Жұмабаев — 1995–1999\n"
          "3. Асқар Бекенов — 1999–2003\n"
          "4. Гүлнар Сәрсенова — 2003–2008\n"
          "5. Нұрлан Омаров — 2008–2012\n")
DOCS = {"akimder.md": ROSTER,
        "zauyt.txt": "Облыста 2003 жылы үлкен цемент зауыты салынды. Университетті көп жыл бір ректор басқарды."}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round19"), DOCS)


# the roster answers what no single line states: a person's number, the n-th person, the number of
# distinct persons (one listed twice counts once), the person before, the term of the n-th time
@pytest.mark.parametrize(("question", "expected"), [
    ("Гүлнар Сәрсенова нешінші облыс әкімі болды?", "4"),
    ("Облыстың үшінші әкімі кім?", "Асқар Бекенов"),
    ("Облысты неше адам басқарды?", "4"),
    ("Ермек Жұмабаев облысқа кімнен кейін әкім болды?", "Асқар Бекенов"),
    ("Асқар Бекенов облысты екінші рет қай жылдары басқарды?", "1999–2003"),
])
def test_roster_answers(kb_path, question: str, expected: str) -> None:
    answer = ask_in(kb_path, question)
    assert answer.answer == expected
    assert any(s["doc"].endswith("akimder.md") for s in answer.sources)
    for span in answer.spans:  # the words stand in the document at their offsets
        assert ROSTER[span["start"]:span["end"]] == span["text"]


# a person listed twice has no one number unless the question says which time; a lead about
# another post («Университетті … басқарды») is no roster for the question
@pytest.mark.parametrize(("question", "not_expected"), [
    ("Асқар Бекенов нешінші облыс әкімі болды?", {"1", "3"}),
    ("Университетті неше адам басқарды?", {"4"}),
    ("Асқар Бекенов облысқа кімнен кейін әкім болды?", {"Ермек Жұмабаев"}),
    ("Ермек Жұмабаев кімнен кейін келді?", {"Асқар Бекенов"}),  # the question names no word of the lead
])
def test_roster_refuses(kb_path, question: str, not_expected: set[str]) -> None:
    assert ask_in(kb_path, question).answer not in not_expected


@pytest.mark.parametrize(("question", "which"), [
    ("Асқар Бекенов алғаш қай жылы әкім болды?", 1),
    ("Асқар Бекенов екінші рет қай жылы әкім болды?", 2),
    ("Асқар Бекенов соңғы рет қай жылы әкім болды?", -1),
    ("Асқар Бекенов қай жылы әкім болды?", None),
])
def test_roster_occurrence(question: str, which: int | None) -> None:
    assert _occurrence(analyze_question(question)) == which


@pytest.mark.parametrize(("typed", "written"), [("сырткы", "сыртқы"), ("ис", "іс"), ("министр", "министр")])
def test_roster_fold(typed: str, written: str) -> None:
    assert _fold(typed) == _fold(written)


# a converb and its auxiliary are one verb: «қай жылы» goes before both; a bare noun stays too
@pytest.mark.parametrize(("question", "inner", "outer"), [
    ("Асқар Бекенов әкім бола бастаған жылы облыста қандай зауыт салынды?",
     "Асқар Бекенов қай жылы әкім бола бастаған?", "2003 жылы облыста қандай зауыт салынды?"),
    ("Ермек Жұмабаев облысқа келген жылы облыста қандай зауыт салынды?",
     "Ермек Жұмабаев облысқа қай жылы келген?", "2003 жылы облыста қандай зауыт салынды?"),
])
def test_two_step_converb(question: str, inner: str, outer: str) -> None:
    q = analyze_question(question)
    found = find_description(q)
    assert found is not None
    assert inner_question(q, found) == inner
    assert outer_question(q, found, "2003") == outer


# several periods («1992–1995 және 1999–2003 жылдары») name the year it first happened
@pytest.mark.parametrize(("value", "year"), [
    (["1992/1995", "1999/2003"], "1992"), ("2003/2008", "2003"), ("2003-05-01", "2003"), (["person:x"], None),
])
def test_two_step_named_periods(value, year: str | None) -> None:
    assert _named(SimpleNamespace(answer="…", value=value), "year") == year
