"""Session 22: a measure noun that opens its sentence with no owner («Биіктігі 6995 м») is the
entry's own (the paragraph's headword, else the name the sentence before ends on), also when an
encyclopedia abbreviates it («Биікт.», «Аум.»: no sentence break after them); a name right after the figure («Аум. 75 мың га X саябағы бар») owns it
instead. Own sentences."""

from __future__ import annotations

import pytest

import derek

OWNED = [
    # the headword of a definition, a peak's too
    ("Хан Тәңірі — Тянь-Шаньдағы шың. Биіктігі 6995 м.", "place:khan-tengri", "6995 m"),
    ("Хан Тәңірі — Тянь-Шаньдағы шың. Биікт. 6995 метр.", "place:khan-tengri", "6995 m"),
    # no definition: the nominative name the sentence before ends on
    ("Балқаш көлі Қазақстанда орналасқан. Ауданы 16 400 км².", "place:balkhash", "16400 km2"),
    # the name right after the figure owns it, not the headword
    ("Килиманджаро — Танзаниядағы тау. Аум. 75 мың га Килиманджаро ұлттық саябағы бар.",
     "place:kilimanjaro-np", "75000 ha"),
]


@pytest.mark.parametrize(("text", "subject", "value"), OWNED)
def test_opening_measure_owner(text: str, subject: str, value: str) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert (subject, value) in facts


NOT_OWNED = [
    # the entry owns the opening measure's sentence only, not a later figure with no measure owner
    ("Хан Тәңірі — Тянь-Шаньдағы шың. Биіктігі 6995 м. 1000 – 1800 м биіктікте ормандар өседі.",
     "place:khan-tengri", "1800 m"),
    # a common noun in the genitive owns the measure: not the headword's
    ("Хан Тәңірі — Тянь-Шаньдағы шың. Мұздықтың ауданы 20 км².", "place:khan-tengri", "20 km2"),
    # the measure is not first: a name before the figure owns it as before
    ("Хан Тәңірі — Тянь-Шаньдағы шың. Көктөбенің биіктігі 1100 м.", "place:khan-tengri", "1100 m"),
]


@pytest.mark.parametrize(("text", "subject", "value"), NOT_OWNED)
def test_opening_measure_not_owner(text: str, subject: str, value: str) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert (subject, value) not in facts


SEGMENTS = [
    ("Тау Азияда. Биікт. 5895 м. Аум. 20 км².", 3),
    ("Тау Азияда. Ұз. 120 км.", 2),
]


@pytest.mark.parametrize(("text", "count"), SEGMENTS)
def test_measure_abbreviations_do_not_end_sentences(text: str, count: int) -> None:
    assert len(derek.analyze(text).sentences) == count


METRES = [
    ("Бас редакторы 2 м.Сералин болды.", 2.0, None),  # an initial glued to a name: no metres
]


@pytest.mark.parametrize(("text", "value", "unit"), METRES)
def test_bare_metres_after_measure(text: str, value: float, unit: str | None) -> None:
    quantities = [(q.value, q.unit) for q in derek.analyze(text).quantities]
    assert quantities[:1] == [(value, unit)]
