"""Session 19, round 3: posts said with participles and verbal nouns (a genitive holder, a post
before a participle that qualifies the person after it, taking up the duties of the title before
a name) and organizations founded by being opened. Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.extract.post_participles import kin_nouns


def _posts(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "appointed_as"}


def _foundings(text: str) -> set[tuple[str, str | None]]:
    return {(f.subject, f.time) for f in derek.analyze(text).facts if f.predicate == "founded_on"}


def test_facts_round19c_kin_nouns() -> None:
    assert {"бала", "ұл", "іні"} <= kin_nouns() and "күн" not in kin_nouns()


PARTICIPLES = [
    # a genitive holder of a verbal noun of appointing
    ("Бекжан Сейітовтың Қазақстан Республикасының Президенті болып сайланғанына он жыл.",
     {("prov:person:бекжан_сейітов", "Қазақстан Республикасының Президенті")}),
    ("Бекжанның хан сайланғанын естіген Ерлан қуанды.", {("prov:person:бекжан", "хан")}),
    # a bare participle qualifies the person after it, a kinship noun aside
    ("Әкесі өлгеннен кейін хан сайланған ұлы Тәукені орыс үкіметі мойындамады.", {("person:tauke-khan", "хан")}),
    # a participle before a noun no rule takes stays silent
    ("Ерлан хан сайланған күні Берік келді.", set()),
    ("Сотта тағайындалған жазаны Ерлан өтеді.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPLES)
def test_facts_round19c_participles(text: str, expected: set) -> None:
    assert _posts(text) == expected


TOOK_OFFICE = [
    # the title written before the name; «мамырдың 1-і» has no year, so no time
    ("Айта кетейін, император Акихито сәуірдің 30-ы күні ресми қызметіне кіріскен еді.",
     {("prov:person:акихито", "император")}),
    ("Сонымен, халық таңдаған Президент Нұрсұлтан Назарбаев өз қызметіне ресми кірісті.",
     {("person:nazarbayev", "президент")}),
    ("Бүгін Нұрсұлтан Назарбаев Қазақстан Республикасы Президентінің лауазымын атқаруға ресми кірісті.",
     {("person:nazarbayev", "Қазақстан Республикасы Президенті")}),
    # a post named in the dative stays the trigger rule's; a task or plain duties name none
    ("Ерлан Омаров инспектор қызметіне кірісті.", {("prov:person:ерлан_омаров", "инспектор")}),
    ("Ерлан Омаров жұмысқа кірісті.", set()),
    ("Ерлан Омаров өз қызметіне ресми кірісті.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TOOK_OFFICE)
def test_facts_round19c_took_office(text: str, expected: set) -> None:
    assert _posts(text) == expected


OPENED = [
    # an organization opened with no place named is founded then
    ("2005 жылы «Хабар 2» телеканалы ашылды.", {("org:khabar-2", "2005")}),
    ("1991 жылы «Азат» партиясының ашылуы маңызды оқиға болды.", {("org:azat-party", "1991")}),
    # with a place it is an opening there; something else opened «according to» it is no founding
    ("2005 жылы Алматыда «Хабар 2» телеканалы ашылды.", set()),
    ("«Хабар 2» телеканалы жөніндегі ережеге сәйкес жаңа курс ашылды.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OPENED)
def test_facts_round19c_opened(text: str, expected: set) -> None:
    assert _foundings(text) == expected
