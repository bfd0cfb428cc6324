"""Session 16 (KazQAD history dev13 census): a state's declared or gained independence as its
founding date, a century abbreviated with a hyphenated ending («19 ғ-дың») as a date and no
count, a ruler adopting an unnamed document in the active («… туралы ант қабылдады») and a
person set off by commas keeping its own case. Sentences of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.lang.kk.dates import find_dates
from derek.pipeline import run

# (text, expected DATE values): «ғ-» + a case ending is the century abbreviation inflected
CENTURIES = [
    ("Бұл тайпалар 19 ғ-дың басында көшіп келді .", ["18XX"]),
    ("Қала 12 ғ-да гүлденді .", ["11XX"]),
    ("Қорғандар 5 ғ-лар шамасында салынды .", ["04XX"]),
    ("Қала 15 ғасырда салынды .", ["14XX"]),
]


@pytest.mark.parametrize(("text", "values"), CENTURIES)
def test_hyphenated_century(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text) if d.type == "DATE"] == values


# (text, expected (subject, predicate, object, value, time) facts, facts that must not appear)
FACT_CASES = [
    ("1991 жылы 16 желтоқсанда Қазақстан тәуелсіздігін жариялады .",
     [("state:kz", "founded_on", None, None, "1991-12-16")], []),
    ("Украина 1991 жылы тәуелсіздік алды .", [("state:ua", "founded_on", None, None, "1991")], []),
    ("1960 жылы Нигерия тәуелсіздігін алды .", [("state:ng", "founded_on", None, None, "1960")], []),
    ("1991 жылы Өзбекстанның тәуелсіздігі жарияланды .",
     [("state:uz", "founded_on", None, None, "1991")], []),
    # a ruler adopts an unnamed document in the active; the «туралы» walk stops at the ruler
    ("1731 жылы Әбілқайыр хан Ресей патшалығының қол астына қарау туралы ант қабылдады .",
     [("person:abulkhair", "adopted", None, "Ресей патшалығының қол астына қарау туралы ант", "1731")], []),
    ("Абылай хан Қытаймен сауда туралы ереже қабылдады .",
     [("person:abylai", "adopted", None, "сауда туралы ереже", None)], []),
    # a person between commas is an apposition, not a list with the dative state after it
    ("1740 жылы : Орта жүздің ханы , Әбілмәмбет хан , Ресейге бағыну туралы ант қабылдады .",
     [], [("state:ru", "adopted")]),
    ("1731 жылы : Кіші жүздің ханы , Әбілқайыр хан , Ресейге бағыну туралы ант қабылдады .",
     [("person:abulkhair", "adopted", None, "Ресейге бағыну туралы ант", "1731")], []),
    # an oath with no ruler named, or a century, gives nothing
    ("Сарбаздар әскери ант қабылдады .", [], [(None, "adopted")]),
    ("Бұл халықтар 19 ғ-дың басында Намибияда өмір сүрді .", [], [("state:na", "quantity")]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), FACT_CASES)
def test_dev13_facts(text: str, expected: list[tuple], absent: list[tuple]) -> None:
    facts = run(Document(text)).facts
    got = {(f.subject, f.predicate, f.object, f.value, f.time) for f in facts}
    for fact in expected:
        assert fact in got
    for subject, predicate in absent:
        assert not any(f.predicate == predicate and subject in (None, f.subject) for f in facts)
