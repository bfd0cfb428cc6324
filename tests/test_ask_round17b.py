"""Session 17, round 2 of the blind dev errors (docs/ask.md): counts over ranges of years and lists
of places asked by a plural noun. Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.query.plural_places import plural_place
from derek.query.question import analyze_question
from derek.query.ranges import dated_in_range, year_range
from tests.conftest import kb_of_texts

# one document per behaviour, so each question reads only its own sentences
DOCS = {
    "kense.txt": "Ұйымның кеңсесі 2015–2017 жылдары Алматыда жұмыс істеді.",
    "komissiya.txt": "Комиссия 2020–2021 жылдары Астанада жұмыс істеді.",
    "akim.txt": "Серік Ахметов 2001–2003 және 2006–2010 жылдары Алматы әкімі болды.",
    "kenes.txt": "Топ 2012–2014 жылдары Кеңестің мүшесі болып табылады.",
    "forum.txt": "ШЫҰ-ның бірінші форумы 2011 жылы Алматыда, екінші форумы 2015 жылы Астанада, үшінші "
                 "форумы 2021 жылы Шымкентте өтті.",
    "jasaq.txt": "Жасақ 1741 жылы Сайрам маңында жауды жеңді, ал 1742 жылы Түркістан түбінде жауды тағы жеңді.",
    "sayahat.txt": "Саяхатшылар Ташкент пен Түркістанға, сондай-ақ Сайрамға барды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round17b"), DOCS)


def _value(kb_path, question: str) -> object:
    with derek.open(kb_path) as kb:
        return kb.ask(question).value


@pytest.mark.parametrize(("question", "value"), [
    # «X–Y жылдары» names the calendar years: both ends counted
    ("Ұйымның кеңсесі Алматыда неше жыл жұмыс істеді?", "3"),
    ("Комиссия Астанада неше жыл жұмыс істеді?", "2"),
    # two ranges joined by «және»: the terms add up (3 + 5)
    ("Серік Ахметов неше жыл Алматы әкімі болды?", "8"),
])
def test_counts_over_years(kb_path, question: str, value: str) -> None:
    assert str(_value(kb_path, question)) == value


@pytest.mark.parametrize(("question", "value"), [
    # dated items of a list inside the question's range (read off the sentence: a one-sentence
    # knowledge base scores too low to answer)
    ("2010–2016 жылдары ШЫҰ-ның неше форумы өтті?", "2"),
    ("2010–2022 жылдары ШЫҰ-ның неше форумы өтті?", "3"),
    ("2012–2014 жылдары ШЫҰ-ның неше форумы өтті?", None),  # one item is no count
])
def test_dated_items_in_range(question: str, value: str | None) -> None:
    from derek.pipeline import analyze
    from derek.query.passages import document_passages

    asked = analyze_question(question)
    passage = document_passages(analyze(DOCS["forum.txt"]), "forum.txt", asked)[0]
    found = dated_in_range(passage, asked)
    assert (found[0][1] if found else None) == value


@pytest.mark.parametrize("question", [
    # the range times another event (membership), not the asked one (work): no count of it
    "Топ неше жыл жұмыс істеді?",
])
def test_range_of_another_event(kb_path, question: str) -> None:
    assert str(_value(kb_path, question)) != "3"


@pytest.mark.parametrize(("value", "span"), [
    ("2017/2018", (2017, 2018)), ("2007/2011", (2007, 2011)), ("2018", None), ("2018-01/2018-05", None),
])
def test_year_range(value: str, span: tuple[int, int] | None) -> None:
    assert year_range(value) == span


@pytest.mark.parametrize(("question", "plural"), [
    ("Жасақ қай жерлерде жеңді?", True),
    ("Саяхатшылар қандай қалаларға барды?", True),
    ("Жасақ қай жерде жеңді?", False),
    ("Саяхатшылар қай қалаға барды?", False),
])
def test_plural_place(question: str, plural: bool) -> None:
    assert plural_place(analyze_question(question)) is plural


@pytest.mark.parametrize(("question", "value"), [
    # two clauses across «, ал»
    ("Жасақ жауды қай жерлерде жеңді?", ["place:sairam", "place:turkistan"]),
    # a list continued by «сондай-ақ»
    ("Саяхатшылар қандай қалаларға барды?", ["place:sairam", "place:tashkent", "place:turkistan"]),
])
def test_plural_place_list(kb_path, question: str, value: list[str]) -> None:
    found = _value(kb_path, question)
    assert isinstance(found, list) and sorted(found) == value
