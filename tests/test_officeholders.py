"""Office-holders named by their office («Қазақстан Президенті» in 1994 is Nazarbayev): mentions
with source="role", and the facts they act in. Every case is a sentence of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (sentence, expected role mentions as (text, entity))
MENTIONS = [
    ("1994 жылы Қазақстан Президенті Еуропаға сапар жасады.", [("Президенті", "person:nazarbayev")]),
    ("2020 жылы Қазақстан Президенті Еуропаға сапар жасады.", [("Президенті", "person:tokayev")]),
    ("1994 жылы Ресей Президенті Алматыға келді.", [("Президенті", "person:yeltsin")]),
    ("2001 жылы БҰҰ Бас хатшысы Астанаға келді.", [("Бас хатшысы", "person:annan")]),
    ("1995 жылы ҚР Сыртқы істер министрі Брюссельге барды.", [("Сыртқы істер министрі", "person:tokayev")]),
    ("Еліміздің Президенті 2010 жылы ЕҚЫҰ саммитін ашты.", [("Президенті", "person:nazarbayev")]),
    # the year may come from the sentence before
    ("1999 жылы Астанада кездесу өтті. Оған Қазақстан Президенті қатысты.", [("Президенті", "person:nazarbayev")]),
    # a name after the office is the name's own mention; no year, no holder; a list of owners'
    # presidents is several people; the office that owns the next noun is not acting
    ("2020 жылы Қазақстан Президенті Тоқаев Германияға барды.", []),
    ("Қазақстан Президенті Астанаға келді.", []),
    ("2014 жылы Беларусь, Ресей және Қазақстан президенттері шартқа қол қойды.", []),
    ("1997 жылы Қазақстан Президенті Жарлығымен Ақмола елорда болды.", []),
]


@pytest.mark.parametrize(("text", "expected"), MENTIONS)
def test_officeholders_mentions(text: str, expected: list) -> None:
    doc = run(Document(text))
    roles = [m for m in doc.entities if m.source == "role"]
    assert [(m.text, m.entity) for m in roles] == expected
    for m in roles:
        assert text[m.start : m.end] == m.text


FACTS = [
    # the office-holder acts; the state only names whose office it is
    ("1992 жылы Қазақстан Президенті Лиссабон хаттамасына қол қойды.",
     {("person:nazarbayev", "signed", "treaty:lisbon-protocol", "1992")}),
    # «… жарияланды» without «болып» proclaims a thing, it appoints nobody (the proclaimed
    # independence is the state's founding, session 16)
    ("1990 жылы Назарбаев пен Ельциннің қатысуымен Намибияның тәуелсіздігі жарияланды.",
     {("state:na", "founded_on", None, "1990")}),
    ("1841 жылы Кенесары хан болып жарияланды.", {("person:kenesary", "appointed_as", "хан", "1841")}),
]


@pytest.mark.parametrize(("text", "expected"), FACTS)
def test_officeholders_facts(text: str, expected: set) -> None:
    doc = run(Document(text))
    assert {(f.subject, f.predicate, f.object or f.value, f.time) for f in doc.facts} == expected
