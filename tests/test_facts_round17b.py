"""Session 17, round 2: figure owners and carried subjects — a parenthesised height after a
genitive phrase, an ablative name or inside the parenthesis, a bare class noun naming the entity
of its class again, a parenthesised aside of a common noun. Own sentences."""

from __future__ import annotations

import pytest

import derek


def _quantities(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}


HEIGHTS = [
    # genitive name + possessed head before the parenthesis: the name's height
    ("Ұлытаудың таулы жерлері (1133 м) биік.", ("place:ulytau", "1133 m")),
    # the name opening the parenthesis, the height its last item
    ("Батысында Аракан тауы (Виктория тауы, 3053 м) жатыр.", ("place:mount-victoria", "3053 m")),
    # an ablative name in a list of peaks («тұрады»: consists of) is a peak, not a distance
    ("Жота Мавензи (5355 м), Кибо (5895 м) және Ширадан (4006 м) құралған.", ("place:shira", "4006 m")),
]


@pytest.mark.parametrize(("text", "expected"), HEIGHTS)
def test_facts_round17b_height_owner(text: str, expected: tuple[str, str]) -> None:
    assert expected in _quantities(text)


CLASS_NOUNS = [
    # «Өзен» opening the sentence bare names the one river named before
    ("Есіл — ұзын өзен. Өзен 2450 километр.", {("place:ishim", "2450 km")}),
    ("Меконг — Азиядағы ең ірі өзен. Өзен 4500 километр, алабы 810 мың километр квадрат.",
     {("place:mekong", "4500 km"), ("place:mekong", "810000 km2")}),
    # two rivers before: which one is meant is not known
    ("Ертіс пен Есіл — ұзын өзендер. Өзен 2450 километр.", set()),
    # a parenthesised aside measures the common noun it follows (the delta), not the river
    ("Меконг — Азиядағы ең ірі өзен. Өзен 4500 километр, кең атырау (70 мың километр квадрат) жасайды.",
     {("place:mekong", "4500 km")}),
]


@pytest.mark.parametrize(("text", "expected"), CLASS_NOUNS)
def test_facts_round17b_class_noun(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


def test_facts_round17b_class_noun_owns_its_sentence_only() -> None:
    text = "Меконг — Азиядағы ең ірі өзен. Өзен 4500 километр. Кемелер 350 километр жүзеді."
    assert ("place:mekong", "350 km") not in _quantities(text)


def test_facts_round17b_name_in_parenthesis_keeps_its_figure() -> None:
    assert ("place:caspian-sea", "2000 km") in _quantities("Қазақстанның Каспий теңізі (2000 км) жағалауы бар.")


UNITS = [
    ("Мұздықтың жалпы көлемі - 6,32 км³.", (6.32, "km3")),
    ("Шың (Бейбіт тауы, 2500 м) биік.", (2500.0, "m")),
    ("Бұл 5 мен 6 м арасы.", None),  # bare «м» outside a parenthesis stays no unit
]


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_facts_round17b_units(text: str, expected: tuple[float, str] | None) -> None:
    found = {(q.value, q.unit) for q in derek.analyze(text).quantities}
    if expected is None:
        assert all(unit != "m" for _, unit in found)
    else:
        assert expected in found
