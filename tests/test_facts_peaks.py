"""A height in parentheses right after a mountain's name (session 14, KazQAD dev11): bare «м»
closing the parenthesis is metres, the figure is the named peak's and nobody else's. Sentences
of our own; expectations written before derek ran on them."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected (subject, value) quantity facts, (subject, value) facts that must not appear)
PEAK_CASES = [
    ("Жетісудағы ең биік шыңдар: Хан Тәңірі (6995 м) және Талғар (5017 м).",
     [("place:khan-tengri", "6995 m")], [("place:zhetysu", "6995 m")]),
    ("Ұлытау (1133 м) — Сарыарқаның батысындағы тау.",
     [("place:ulytau", "1133 m")], [("place:saryarka", "1133 m")]),
    # a second figure in the parenthesis does not stop the reading («(2176 м, Бессаз)»)
    ("Қаратау (2176 м, Бессаз) жотасы оңтүстікте жатыр.", [("place:karatau", "2176 m")], []),
    # an unnamed peak's height is not the topic's
    ("Қазақстан — ұлы дала елі. Ең биік шыңы – Жеңіс (7439 м).", [], [("state:kz", "7439 m")]),
    # the peak does not become the owner of a later figure with no owner
    ("Алатау (4973 м) биік тау. Ауданы 20 мың км².", [("place:alatau", "4973 m")],
     [("place:alatau", "20000 km2")]),
]

# (text, the figure's text, its unit): bare «м» is metres only closing a parenthesis it opens
METRE_CASES = [
    ("Кибо (5895 м) сөнген жанартау.", "5895 м", "m"),
    ("Көкшетау үстірті (947 м, Көкше тауы) биік.", "947 м", "m"),
    ("Тау етегі (800 м биіктікте) құрғақ.", "800", None),
    ("Ол 5 мен 6 ай жұмыс істеді.", "5", None),
    ("Шыңның биіктігі 1025 м. Ол биік.", "1025", None),
]


@pytest.mark.parametrize("text,expected,absent", PEAK_CASES)
def test_facts_peaks_height_in_parentheses(text, expected, absent):
    facts = {(f.subject, f.value) for f in run(Document(text)).facts if f.predicate == "quantity"}
    assert set(expected) <= facts
    assert not set(absent) & facts


@pytest.mark.parametrize("text,figure,unit", METRE_CASES)
def test_facts_peaks_bare_metre_unit(text, figure, unit):
    quantities = {q.text: q.unit for q in run(Document(text)).quantities}
    assert quantities[figure] == unit
