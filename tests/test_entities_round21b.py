"""Session 21, round 2: geographic heads and compass words at a place's boundary, CRF runs of
two names split at a head or a genitive, and the rows and aliases added for them (own
sentences)."""

from __future__ import annotations

import pytest

from derek.pipeline import analyze


def _spans(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in analyze(text).entities]


def _texts(text: str) -> list[str]:
    return [m.text for m in analyze(text).entities]


@pytest.mark.parametrize("sentence, span", [
    ("Жолаушылар Шатқал қыратындағы ауылға жетті.", "Шатқал қыратындағы"),  # upland
    ("Керуен Шанаш асуы арқылы өтті.", "Шанаш асуы"),  # pass
    ("Археологтар Есік обасы маңында жұмыс істеді.", "Есік обасы"),  # kurgan
    ("Ғалымдар Қошқар ата ойпатынан тас құралдар тапты.", "Қошқар ата ойпатынан"),  # honorific
    ("Біз Талас Алатауындағы ауылға бардық.", "Талас Алатауындағы"),  # compound with possessive
    ("Көшпенділер Солтүстік Қара теңіз өңірін мекендеді.", "Солтүстік Қара теңіз өңірін"),
    ("Ақын Махмұд Талас-Шу алқабындағы ауылда туған.", "Талас-Шу алқабындағы"),  # run-on cut
    ("Дархан Есік обасы үлкен қорымның шетінде тұр.", "Есік обасы"),  # run past the head
])
def test_geographic_head_closes_the_place(sentence: str, span: str) -> None:
    assert span in _texts(sentence)


@pytest.mark.parametrize("sentence, span, absent", [
    # a head after a name in another case: a crossing from the Irtysh, not a pass
    ("Ол Ертістен асуы керек еді.", "Ертістен", "Ертістен асуы"),
    # «өңір» alone is the land around a place, not part of its name
    ("Балқаш өңірінде жаңбыр аз.", "Балқаш", "Балқаш өңірінде"),
    # a city before the Alatau is two names
    ("Алматы Алатауының баурайында орналасқан.", "Алматы", "Алматы Алатауының"),
])
def test_near_negatives_keep_the_bare_name(sentence: str, span: str, absent: str) -> None:
    texts = _texts(sentence)
    assert span in texts and absent not in texts


@pytest.mark.parametrize("sentence, entity", [
    ("Қаршыға Алатау асуынан өтті.", "prov:place:алатау_ас"),  # a pass is no mountain row
    ("Ол Алтай тауында тұрды.", "place:altai"),  # a restating head keeps the row
])
def test_feature_heads_make_a_place_of_their_own(sentence: str, entity: str) -> None:
    assert entity in [m.entity for m in analyze(sentence).entities]


def test_genitive_then_possessive_is_two_people() -> None:
    spans = _spans("Асанның Мұраты Алматыға барды.")
    assert ("Асанның", "person") in spans and ("Мұраты", "person") in spans


def test_a_bare_compass_word_is_no_name() -> None:
    assert not [t for t in _texts("Солтүстік пен Оңтүстік арасында соғыс болды.") if t in ("Солтүстік", "Оңтүстік")]


@pytest.mark.parametrize("sentence, span, entity", [
    ("Ғалымдар Алдыңғы Азияның қалаларын зерттеді.", "Алдыңғы Азияның", "place:western-asia"),
    ("Ол Сырдың арғы бетіне өтті.", "Сырдың", "place:syr-darya"),
    ("Біз Сыр бойында тұрдық.", "Сыр", "place:syr-darya"),  # «бойы» is no part of the name (s21 round 3)
    ("Сырым ел басқарды.", "Сырым", "person:syrym"),  # not «Сыр» with a 1st-person possessive
    ("Отрядты подполковник Рукиннің өзі басқарды.", "Рукиннің", "person:rukin"),  # title stays out
])
def test_rows_and_aliases(sentence: str, span: str, entity: str) -> None:
    assert (span, entity) in [(m.text, m.entity) for m in analyze(sentence).entities]
