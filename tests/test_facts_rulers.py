"""Rulers and foundings in history text (session 7, KazQAD dev4): reigns said by «биледі»,
«билеген», «өкімет / билік басына келді», a title before the name with a reign period, and
which state a founding verb founds when the clause names several. Sentences of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

_PREDICATES = {"appointed_as", "founded_on"}

RULER_CASES = [
    # a finite «биле» (ruled) after a titled ruler
    ("Ол кезде Қазақ хандығын Тәуке хан биледі.", {("person:tauke-khan", "appointed_as", "хан", None)}),
    # a participle of rule right before the ruler
    ("Қазақ хандығын билеген Қасым хан Сарайшықта жерленген.",
     {("person:kasym-khan", "appointed_as", "хан", None)}),
    # came to power: a participle phrase (its date is the fact's) and a finite verb
    ("Билік басына 1680 жылы келген Тәуке хан елді біріктірді.",
     {("person:tauke-khan", "appointed_as", "хан", "1680")}),
    ("Абылай хан 1771 жылы өкімет басына келді.", {("person:abylai", "appointed_as", "хан", "1771")}),
    # a title before the name and a reign period in parentheses after it
    ("Моғолстан ханы Есенбұға (1429—1462) батыс шекарасын қорғады.",
     {("person:esen-buqa", "appointed_as", "Моғолстан ханы", "1429/1462")}),
    # not a reign: another participle, a title that is no ruler's, no period
    ("Сарайшықта жерленген Қасым хан халқына танымал.", set()),
    ("Әйгілі батыр Абылай (1711—1781) жорыққа аттанды.", set()),
    ("Моғолстан ханы Есенбұға батыс шекарасын қорғады.", set()),
    # «қалыптасты» (was formed) founds a state standing right before it
    ("1465 жылы Қазақ хандығы қалыптасты.", {("state:kazakh-khanate", "founded_on", None, "1465")}),
    # of two nominative states, the one right before the verb is founded
    ("Моғолстан әлсіреп, 1465 жылы Қазақ хандығы құрылды.",
     {("state:kazakh-khanate", "founded_on", None, "1465")}),
    # a founding that something led to is no founding (the date is the cause's)
    ("1456 жылы тайпалардың Моғолстанға көшуі Қазақ хандығының құрылуына себеп болды.", set()),
]


def _facts(text: str) -> set:
    doc = run(Document(text))
    return {(f.subject, f.predicate, (f.object or f.value or "").casefold() or None, f.time)
            for f in doc.facts if f.predicate in _PREDICATES}


@pytest.mark.parametrize(("text", "expected"), RULER_CASES)
def test_facts_rulers_reigns_and_foundings(text: str, expected: set) -> None:
    assert _facts(text) == {(s, p, v.casefold() if v else None, t) for s, p, v, t in expected}
