"""Session 20, round 2 (issue 7): an answer span closes on its head noun and never ends inside a
name; a «quoted» title before the asked noun answers whole; of two dates in a sentence, one inside
a noun phrase («… ету құқығы») is not the asked event's. Own sentences throughout."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

import derek
from derek.doc import Token
from derek.query.heads import closed_on_head, is_initial
from derek.query.passages import kb_passages
from derek.query.question import analyze_question

SPANS = ("Биыл ауыл әкімі жаңа мектепке қамқорлық көрсетті. "
         "Үкімет Жапония мен Корея арасында сабырлы саясат ұстанды. "
         "Мектептің Білім беру бөлімі директоры Асан Сейітов жиналысты ашты. "
         "Ақмола облысының оқушылары жарысқа қатысты.")


@pytest.fixture(scope="module")
def spans_kb(tmp_path_factory) -> str:
    return str(kb_of_texts(tmp_path_factory.mktemp("heads"), {"heads.txt": SPANS}))


@pytest.mark.parametrize(("question", "last", "closed"), [
    ("Үкімет қандай саясат ұстанды?", "сабырлы", "саясат"),  # an adjective takes its head
    ("Асан Сейітов қандай лауазымда жиналысты ашты?", "бөлімі", "бөлімі"),  # possessed: closed
    ("Асан Сейітов қандай лауазымда жиналысты ашты?", "беру", "бөлімі"),  # a compound's noun
    ("Жарысқа кімнің оқушылары қатысты?", "облысының", "облысының"),  # the genitive is asked
    ("Жарысқа қай облыстың оқушылары қатысты?", "Ақмола", "Ақмола"),  # a name closes itself
    ("Биыл кім қамқорлық көрсетті?", "жаңа", "мектепке"),  # an adjective takes its cased head
])
def test_span_closes_on_its_head(spans_kb: str, question: str, last: str, closed: str) -> None:
    asked = analyze_question(question)
    with derek.open(spans_kb) as store:
        p = next(p for p in kb_passages(store.db, asked) if any(t.norm == last for t in p.tokens))
    at = next(i for i, t in enumerate(p.tokens) if t.norm == last)
    assert p.tokens[closed_on_head(p, asked, at)].norm == closed


@pytest.mark.parametrize(("word", "initial"), [("Б.", True), ("Н", True), ("Ә.", True), ("Ба", False), ("ҚР", False), ("н", False)])
def test_initials(word: str, initial: bool) -> None:
    assert is_initial(Token(0, len(word), word, word)) is initial


TITLE = ("Ел тарихы туралы бір мақала. 1995 жылғы 5 мамырда А.Б Сейітов пен Қ.Н Омаров екі облыстың "
         "атынан «Бейбітшілік, достық және ынтымақтастық туралы» шартқа қол қойды.")


def test_quoted_title_before_the_asked_noun(tmp_path) -> None:
    answer = ask_in(kb_of_texts(tmp_path, {"title.txt": TITLE}), "Сейітов пен Омаров қандай шартқа қол қойды?")
    assert answer.answer and "Бейбітшілік, достық және ынтымақтастық туралы" in answer.answer
    assert answer.answer.strip("«»") != "Б"


RIGHT = "2015 жылғы 10 наурызда Астанада өткен жиналыста Алматыға 2020 жылы көрмені өткізу құқығы берілді."
ONE = "Жиналыста Алматыға 2020 жылы көрмені өткізу құқығы берілді."


@pytest.mark.parametrize(("text", "year"), [(RIGHT, "2015"), (ONE, "2020")])
def test_date_inside_a_noun_phrase(tmp_path, text: str, year: str) -> None:
    answer = ask_in(kb_of_texts(tmp_path, {"right.txt": text}), "Алматыға көрмені өткізу құқығы қай жылы берілді?")
    assert answer.answer and year in answer.answer
