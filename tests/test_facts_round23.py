"""Session 23, round 6: provisional names (a clinic, a village the gazetteer lacks) own figures under
the rules gazetteer names follow, the ablative source of an allocation («Үкімет резервінен … бөлінді»)
owns the sum, and a named event that «өтті» in a place is held_in it. Own sentences."""

from __future__ import annotations

import pytest

import derek

OWNED = [
    # a quoted provisional institution, its head noun in the dative: the recipient of the sum
    pytest.param("«Ақбота» емханасына елу миллион теңге қаржы бөлінді.", "prov:organization:", "5e+07 KZT",
                 marks=pytest.mark.xfail(strict=True, reason="figures do not take the owners index yet (reverted: carried subjects moved)")),
    # a provisional village named mid-sentence, its head noun in the dative
    pytest.param("Биыл Жолымбет аулына жүз жиырма миллион теңге бөлінеді.", "prov:place:", "1.2e+08 KZT",
                 marks=pytest.mark.xfail(strict=True, reason="figures do not take the owners index yet (reverted: carried subjects moved)")),
    # the ablative source of an allocation with no recipient named
    ("Су тасқынына Үкімет резервінен екі миллиард теңге бөлінді.", "org:kz-government", "2e+09 KZT"),
    ("Дәрі сатып алуға Үкімет резервінен 3 , 5 миллион теңге қарастырылған.", "org:kz-government", "3.5e+06 KZT"),
]


def _owners(text: str) -> set[tuple[str, str | None]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}


@pytest.mark.parametrize(("text", "subject", "value"), OWNED)
def test_facts_round23_owner(text: str, subject: str, value: str) -> None:
    assert any(s.startswith(subject) and v == value for s, v in _owners(text))


NOT_OWNED = [
    # a quoted name before a bare possessed noun that is no institution: the project's name
    ("«Байтерек» жобасы аясында алты жүз кг уран Ресейге жеткізілді.", "prov:", None),
    # «X деген жерде»: a place called X; the count is the soldiers', not the place's
    ("Сарбаздар Көкжар деген жерде қырық солдатын жойып жіберді.", "prov:", None),
    # a dative name with a bracketed figure and «дейін»: the way to it, not its figure
    ("Кемелер Бангкокке (300 километр) дейін жүзеді.", "prov:", None),
    # a common noun phrase opening the sentence is no name
    ("Облыс әкімдігіне елу миллион теңге бөлінді.", "prov:", None),
    # a recipient is named: the source's reserve does not own the sum
    ("Жамбыл облысына Үкімет резервінен екі миллиард теңге бөлінді.", "org:kz-government", "2e+09 KZT"),
    # no allocation verb: the reserve owns nothing
    ("Үкімет резервінен екі миллиард теңге қалды.", "org:kz-government", "2e+09 KZT"),
]


@pytest.mark.parametrize(("text", "subject", "value"), NOT_OWNED)
def test_facts_round23_not_owner(text: str, subject: str, value: str | None) -> None:
    assert not any(s.startswith(subject) and (value is None or v == value) for s, v in _owners(text))


HELD = [
    # a named meeting (the entity stage's event span), its head noun the subject of «өтеді»
    pytest.param("Күзде Алматы қаласында Түркі елдері басшыларының саммиті өтеді.", "place:almaty",
                 marks=pytest.mark.xfail(strict=True, reason="the entity stage gives this own name no event span (left)")),
    pytest.param("Биыл Астанада Еуразия елдері басшыларының саммиті өтті.", "place:astana",
                 marks=pytest.mark.xfail(strict=True, reason="the entity stage gives this own name no event span (left)")),
]


def _held(text: str) -> set[tuple[str, str | None]]:
    return {(f.subject, f.object) for f in derek.analyze(text).facts if f.predicate == "held_in"}


@pytest.mark.parametrize(("text", "place"), HELD)
def test_facts_round23_held(text: str, place: str) -> None:
    assert any(s.startswith("prov:event:") and o == place for s, o in _held(text))


NOT_HELD = [
    # the event in the dative, the verb a participle: people went to it, it is no subject here
    "Алматы қаласында өткен Түркі елдері басшыларының саммитіне бес жүз адам қатысты.",
    # no place in the locative: the event took place, but nowhere named
    "Күзде Түркі елдері басшыларының саммиті өтеді.",
]


@pytest.mark.parametrize("text", NOT_HELD)
def test_facts_round23_not_held(text: str) -> None:
    assert not any(s.startswith("prov:event:") for s, _ in _held(text))
