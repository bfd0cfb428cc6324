"""Session 19, round 2: figure owners set by the clause around the figure — the destination of
people who arrive, the named place a participle of living qualifies, a pair of places sharing one
locative ending (a price is each place's, a count is joint), and a figure inside a participle
attribute, which measures the noun after it. Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.extract.figure_clauses import arrival_verbs, dwelling_verbs


def _quantities(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}


def test_facts_round19b_lexicons() -> None:
    assert "кел" in arrival_verbs() and "көш" not in arrival_verbs()
    assert ("тұр",) in dwelling_verbs() and ("өмір", "сүр") in dwelling_verbs()


ARRIVALS = [
    # people who arrive are counted by the place that receives them
    ("Шетелден Қазақстанға 3500 адам келді.", {("state:kz", "3500 person")}),
    ("Былтыр Түркиядан Алматыға 700 адам келген.", {("place:almaty", "700 person")}),
    ("Алматыға 40 адам келіп, жиналыс өтті.", {("place:almaty", "40 person")}),
    # a resettlement moves a population between two places: no owner
    ("Жетісуға 200 мың адам көшті.", set()),
    ("Жетісуға 100 мың адам көшіп келді.", set()),
    # another motion verb, or no person count: not this rule
    ("Делегация құрамында 12 адам Астанаға барды.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ARRIVALS)
def test_facts_round19b_arrivals(text: str, expected: set) -> None:
    assert _quantities(text) == expected


DWELLINGS = [
    ("Жүз мыңнан астам адам тұратын Омбы облысында мереке өтті.", {("place:omsk-oblast", "100000 person")}),
    ("Сексен мыңнан астам қандасымыз тұратын Омбы облысында той өтті.", {("place:omsk-oblast", "80000 person")}),
    # the participle qualifies a noun that names no place: no owner
    ("Елу мыңға жуық адам тұратын ауылда мектеп ашылды.", set()),
    ("Жиырма адам тұратын үй биыл салынды.", set()),
]


@pytest.mark.parametrize(("text", "expected"), DWELLINGS)
def test_facts_round19b_dwellings(text: str, expected: set) -> None:
    assert _quantities(text) == expected


PAIRS = [
    # one locative ending on the last of two places: a price holds in each
    ("Ақтөбе мен Атырауда бензин 250 теңге тұрады.", {("place:aktobe", "250 KZT"), ("place:atyrau", "250 KZT")}),
    # a count over the pair is joint: no row per place
    ("Павлодар мен Семейде 30 бала ауырды.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_facts_round19b_locative_pairs(text: str, expected: set) -> None:
    assert _quantities(text) == expected


ATTRIBUTES = [
    # the length measures the rivers; the count of rivers is the country's
    ("Қазақстанда ұзындығы 500 км-ден асатын 12 өзен бар.", {("state:kz", "12")}),
    ("Қазақстанда ұзындығы 900 км-ден асатын 6 өзен бар.", {("state:kz", "6")}),
    ("Қазақстанда ұзындығы 800км-ден асатын 7 өзен бар.", {("state:kz", "7")}),  # unit typed onto digits
    # a measure with no participle after it keeps its owner
    ("Ертістің ұзындығы 4248 км.", {("place:irtysh", "4248 km")}),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTES)
def test_facts_round19b_participle_attributes(text: str, expected: set) -> None:
    assert _quantities(text) == expected


RELATIVES = [
    # a relative clause holding the figure, closed by a participle right before a named place
    ("Әсіресе 2100 м биіктікте тау арасында орналасқан Марқакөл көлі ерекше әдемі.", {("place:markakol", "2100 m")}),
    ("Биыл 40 % кіріс әкелген Жапонияда салық төмен.", {("state:jp", "40 percent")}),
    # the name qualifies a noun after it, or the participle a plain noun: no owner
    ("Екі миллион адам қатысқан Алматы марафоны өтті.", set()),
    ("Қолжазбаның 506 жолдан тұратын нұсқасы бар.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVES)
def test_facts_round19b_relative_places(text: str, expected: set) -> None:
    assert _quantities(text) == expected
