"""Session 17 (issue 6): general rules behind misses that recur across the blind dev golds — a
figure approximated on its unit («тоннадай») or bounded by «аса», the holder of a post named by a
passive verbal noun after an accusative person, and «… туралы келісімге келді» as signing.
Every sentence here is our own."""

from __future__ import annotations

import pytest

import derek

QUANTITIES = [
    # the equative on the unit, not on the figure: about 300 000 tonnes
    ("Өткен жылы облыста 300000 тоннадай астық жиналды.", 300000.0, "tonne", "approx"),
    ("Жолдың бұл бөлігі 40 шақырымдай.", 40.0, "km", "approx"),
    # «-ден аса» (exceeding): a lower bound, like «-ден астам»
    ("Қалада 50-ден аса мектеп бар.", 50.0, None, "more_than"),
    ("Көрмеге 200-ден аса адам келді.", 200.0, "person", "more_than"),
]


@pytest.mark.parametrize(("text", "value", "unit", "approx"), QUANTITIES)
def test_facts_round17_quantity_bounds(text: str, value: float, unit: str | None, approx: str) -> None:
    quantity = derek.analyze(text).quantities[0]
    assert (quantity.value, quantity.unit, quantity.approx) == (value, unit, approx)
    assert text[quantity.start:quantity.end] == quantity.text


NOT_A_BOUND = [
    "Ол өзеннен аса алмады.",  # «аса» as a verb with no figure before it
    "Жүк көліктері асуды 3 сағатта аса алмады.",
]


@pytest.mark.parametrize("text", NOT_A_BOUND)
def test_facts_round17_asa_needs_a_cased_figure(text: str) -> None:
    assert all(q.approx != "more_than" for q in derek.analyze(text).quantities)


COUNTS = [
    ("2010 жылы Қазақстанда 200-ден аса қоғамдық бірлестік болды.", "state:kz", "200", "2010"),
    ("Қазір Астанада 90-нан аса ұлт өкілі тұрады.", "place:astana", "90", None),
    ("Биыл Қостанай облысында 400000 тоннадай бидай шықты.", "place:kostanay-region", "400000 tonne", None),
]


@pytest.mark.parametrize(("text", "subject", "value", "time"), COUNTS)
def test_facts_round17_located_counts(text: str, subject: str, value: str, time: str | None) -> None:
    facts = [(f.subject, f.value, f.time) for f in derek.analyze(text).facts if f.predicate == "quantity"]
    assert (subject, value, time) in facts


APPOINTED = [
    # the accusative person congratulated on a post holds it, not the congratulator
    ("Тоқаев Асқар Маминді премьер-министр лауазымына тағайындалуымен құттықтады.",
     "person:mamin", "премьер-министр"),
    ("Маминді премьер-министр болып тағайындалуына байланысты Тоқаев құттықтады.",
     "person:mamin", "премьер-министр"),
    # the plain passive keeps its nominative holder
    ("Асқар Мамин премьер-министр болып тағайындалды.", "person:mamin", "премьер-министр"),
]


@pytest.mark.parametrize(("text", "holder", "post"), APPOINTED)
def test_facts_round17_congratulated_holder(text: str, holder: str, post: str) -> None:
    facts = [(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "appointed_as"]
    assert facts == [(holder, post)]


AGREED = [
    ("Қазақстан мен Қытай көші-қон туралы келісімге келді.",
     {("state:kz", "көші-қон туралы келісім", None), ("state:cn", "көші-қон туралы келісім", None)}),
    ("Ресей мен Беларусь 1999 жылы одақтас мемлекет құру туралы келісімге келді.",
     {("state:ru", "одақтас мемлекет құру туралы келісім", "1999"),
      ("state:by", "одақтас мемлекет құру туралы келісім", "1999")}),
    ("Қазақстан Ресеймен газ бағасы туралы келісімге келді.",
     {("state:kz", "газ бағасы туралы келісім", None), ("state:ru", "газ бағасы туралы келісім", None)}),
    # agreeing on a matter with no document named signs nothing
    ("Қазақстан мен Қырғызстан шекара мәселесі бойынша келісімге келді.", set()),
    ("Тараптар бағаға қатысты келісімге келді.", set()),
]


@pytest.mark.parametrize(("text", "expected"), AGREED)
def test_facts_round17_agreement_reached(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    doc = derek.analyze(text)
    facts = {(f.subject, f.value, f.time) for f in doc.facts if f.predicate == "signed"}
    assert facts == expected
    assert all(0 <= f.start < f.end <= len(text) for f in doc.facts)
