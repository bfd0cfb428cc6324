"""Session 21, round 3: a unit made an adjective by -лық after a figure («420 метрлік биіктікте»,
«5 тонналық жүк») keeps the figure's unit, so a carried lake's height is a fact; a counted noun's
adjective («10 адамдық топ») stays no unit. Own sentences."""

from __future__ import annotations

import pytest

import derek

UNIT_ADJECTIVES = [
    ("Кеме 5 тонналық жүк тасиды.", 5.0, "tonne"),
    ("Ол 100 долларлық сыйлық алды.", 100.0, "USD"),
    ("Тау 2 300,5 метрлік биіктікке жетеді.", 2300.5, "m"),
    ("Алқап 40 гектарлық жерді алады.", 40.0, "ha"),
    ("Жол 12 километрлік учаскеден тұрады.", 12.0, "km"),
    # the unit as before: a plain unit word and its case endings
    ("Кеме 5 тонна жүк тасиды.", 5.0, "tonne"),
    # a counted noun's adjective is no measure: the figure stays without a unit
    ("Топта 10 адамдық орын бар.", 10.0, None),
    # -лық on a word that is no unit: no unit
    ("Олар 5 жылдық жоспар жасады.", 5.0, None),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNIT_ADJECTIVES)
def test_unit_adjective(text: str, value: float, unit: str | None) -> None:
    quantities = [(q.value, q.unit) for q in derek.analyze(text).quantities]
    assert quantities[:1] == [(value, unit)]


HEIGHTS = [
    # a bare class noun carries the lake named before; its height is given as an adjective
    ("Зайсан — Шығыс Қазақстандағы көл. Көл 420 метрлік абсолюттік биіктікте жатыр.",
     {("place:zaysan", "420 m")}),
    ("Зайсан — Шығыс Қазақстандағы көл. Көл 1 449,3 метрлік биіктікте жатыр.",
     {("place:zaysan", "1449.3 m")}),
    # no lake named before the class noun: no owner, no fact
    ("Көл 420 метрлік биіктікте жатыр.", set()),
]


@pytest.mark.parametrize(("text", "expected"), HEIGHTS)
def test_carried_height_with_unit_adjective(text: str, expected: set[tuple[str, str]]) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert facts == expected
