"""Session 18, round 2: figure owners not in the nominative — a plural demonym in the genitive
stands for its place («канадалықтардың 60 %-ы»), the dative recipient of money an allocation verb
gives owns it («облысына … теңге бөлінді»), and a figure whose measure noun follows it continues
the series of the owned figure before its comma («қалыңдығы 200 м, 3400 м биіктікте»). Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.extract.oblique_owners import allocation_verbs, demonym_place


def _quantities(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}


@pytest.mark.parametrize(("word", "place"), [
    ("канадалықтардың", "state:ca"),
    ("Шымкенттіктердің", "place:shymkent"),  # -тік after a voiceless stem
    ("алматылықтардың", "place:almaty"),  # -лық after a vowel
    ("ресейліктердің", "state:ru"),
    ("ауылдықтардың", None),  # a -лық word whose stem is no place: no entity
    ("мұздықтардың", None),
    ("ұлттықтардың", None),
    ("канадалық", None),  # singular, no case: an adjective, not the people
])
def test_facts_round18b_demonym_place(word: str, place: str | None) -> None:
    assert demonym_place(word) == place


DEMONYMS = [
    ("Канадалықтардың 60 %-ы ағылшын тілінде сөйлейді.", {("state:ca", "60 percent")}),
    ("Сауалнама бойынша шымкенттіктердің 45 %-ы жаңа саябақты қолдады.", {("place:shymkent", "45 percent")}),
    # a zero subject in the next sentence carries the place; «екі тілде» (how) is no figure
    ("Канадалықтардың 60 %-ы ағылшын тілінде сөйлейді. 20 % халық екі тілде сөйлейді.",
     {("state:ca", "60 percent"), ("state:ca", "20 percent")}),
    # no place under the -лық word: nobody owns the share
    ("Ауылдықтардың 40 %-ы қалаға көшті.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DEMONYMS)
def test_facts_round18b_demonym_owner(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


ALLOCATIONS = [
    ("Жамбыл облысына республикалық бюджеттен 500 млн теңге бөлінді.", {("place:zhambyl-region", "5e+08 KZT")}),
    ("Үкімет Алматыға 2 млрд теңге жұмсады.", {("place:almaty", "2e+09 KZT")}),
    # a name whose head noun takes the dative: the economy of Kazakhstan received the investment
    ("Жапония Қазақстан экономикасына 5 млрд доллар инвестиция салды.", {("state:kz", "5e+09 USD")}),
    # a destination of people keeps today's behaviour: no owner
    ("Жетісуға 200 мың адам көшті.", set()),
    # (arrivals with no allocation verb are the destination's since session 19: figure_clauses)
    ("Қазақстанға 3000 адам келді.", {("state:kz", "3000 person")}),
]


@pytest.mark.parametrize(("text", "expected"), ALLOCATIONS)
def test_facts_round18b_allocation_recipient(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


def test_facts_round18b_allocation_verbs_are_stems() -> None:
    verbs = allocation_verbs()
    assert {"бөл", "аудар", "қаржыландыр"} <= verbs
    assert not verbs & {"көш", "кел"}  # motion verbs keep the dative a destination


SERIES = [
    (("Облыстағы ең үлкен мұздық — Корженевский мұздығы. Оның ұзындығы - 11 км, қалыңдығы 200-250 м, "
      "3400 м биіктікте жатыр, ауданы - 30 км²."),
     {("place:korzhenevsky-glacier", v) for v in ("11 km", "250 m", "3400 m", "30 km2")}),
    # no owned figure before the comma: the height stays unowned
    ("Жол бойында 3400 м биіктікте ауыл бар.", set()),
]


@pytest.mark.parametrize(("text", "expected"), SERIES)
def test_facts_round18b_measure_after_figure(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected
