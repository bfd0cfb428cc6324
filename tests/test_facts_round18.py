"""Session 18: constructions the session-17 census left — posts held in a list before a plural
post noun («… лауазымдарын атқарған X»), and a bare «м» read as metres when a length noun names
the measure («тереңдігі 26 м», «340 м биіктікте»). Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.lang.kk.numbers import find_quantities


def _posts(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "appointed_as"}


POST_LISTS = [
    # a participle of serving before its holder: one post per comma item, mixed possessives
    (("Бұған дейін облыс әкімі, министр, Премьер-министрдің орынбасары лауазымдарын атқарған "
      "Қайрат Нұрпейісов жаңа қызметке кірісті."),
     {"облыс әкімі", "министр", "Премьер-министрдің орынбасары"}),
    # a manner word between the plural noun and the participle; the accusative holder
    ("Ол мектеп директоры, аудан әкімі қызметтерін абыроймен атқарған Айгүл Серікованы марапаттады.",
     {"мектеп директоры", "аудан әкімі"}),
    # a finite verb: the nominative person before the list holds the posts, not part of the first
    ("Қайрат Нұрпейісов облыс әкімі, министр, Премьер-министрдің орынбасары қызметтерін атқарды.",
     {"облыс әкімі", "министр", "Премьер-министрдің орынбасары"}),
    ("Айгүл Серікова мектеп директоры және аудан әкімі лауазымдарын атқарды.",
     {"мектеп директоры", "аудан әкімі"}),
]


@pytest.mark.parametrize(("text", "expected"), POST_LISTS)
def test_facts_round18_post_list(text: str, expected: set[str]) -> None:
    values = {v for _, v in _posts(text)}
    assert expected <= values
    assert len({s for s, _ in _posts(text)}) == 1


@pytest.mark.parametrize("text", [
    "Бұл қызметтерді атқарған Қайрат Нұрпейісов жаңа қызметке кірісті.",  # no list: nothing named
    "Облыс әкімі лауазымын атқарған Қайрат Нұрпейісов келді.",  # one post, singular: not this rule
])
def test_facts_round18_post_list_needs_a_list(text: str) -> None:
    facts = [f for f in derek.analyze(text).facts if f.predicate == "appointed_as"]
    assert len(facts) <= 1


BARE_METRES = [
    ("Көлдің тереңдігі 26 м.", [(26.0, "m")]),
    ("Көлдің тереңдігі — 35 м.", [(35.0, "m")]),
    ("Мұздықтың қалыңдығы 150-200 м, 4100 м биіктікте жатыр.", [(200.0, "m"), (4100.0, "m")]),
    ("Ені 3 – 5 м.", [(5.0, "m")]),
    # no length noun: bare «м» stays no unit (session 7), and «мен» is the conjunction
    ("Ауыл 1200 м жерде тұр.", [(1200.0, None)]),
    ("5 мен 6 аралығында", [(5.0, None), (6.0, None)]),
    # «м.» before a name is an initial, not a unit
    ("Биіктігі 2500 м. Сералин келді.", [(2500.0, None)]),
]


@pytest.mark.parametrize(("text", "expected"), BARE_METRES)
def test_numbers_round18_bare_metres(text: str, expected: list[tuple[float, str | None]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Балқаш көлінің тереңдігі 26 м.", ("place:balkhash", "26 m")),
    ("Балқаш көлінің орташа тереңдігі 6 м, ұзындығы 600 км.", ("place:balkhash", "6 m")),
])
def test_facts_round18_bare_metres_owner(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
