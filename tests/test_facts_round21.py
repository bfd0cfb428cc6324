"""Session 21: figures that describe a noun rather than count a place's things, the tens of an
ordinal in words, and «тараптары келісімге келді» (agreeing, nothing signed). Own sentences."""

from __future__ import annotations

import pytest

import derek

QUANTITIES = [
    # a -лық adjective of a counter noun makes a kind: a 200-bed hospital, a 600-seat school
    ("Түркістан қаласында 200 төсектік аурухана салынады.", set()),
    ("Ақтөбеде 600 орындық жаңа мектеп салынды.", set()),
    # near: a plain count, and a -лық word from a noun that is no counter, keep their figure
    ("Түркістан қаласында 200 мектеп салынады.", {("place:turkistan", "200")}),
    ("Семей полигонында 456 ядролық сынақ өткізілді.", {("place:semipalatinsk-test-site", "456")}),
    # the tens of an ordinal in words («он төртінші ғасыр») count nothing
    ("Жетісу аумағында он үшінші – он төртінші ғасырларда қала көп болған.", set()),
    ("Жетісу аумағында он төрт қала болған.", {("place:zhetysu", "14")}),
    # a figure inside a relative clause about an unnamed institution is its capacity
    ("Шымкентте күніне 300 науқасты қабылдайтын жаңа аурухана ашылды.", set()),
    ("Қазақстанда 5 мың адам жұмыс істейтін зауыт салынды.", set()),
    # near: a participle right after the figure qualifies the counted noun itself
    ("Қазақстанда 1400-ге жуық бірлескен кәсіпорын жұмыс істейді.", {("state:kz", "1400")}),
    ("Шымкентте күніне 300 науқас ауруханаға түседі.", {("place:shymkent", "300")}),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_facts_round21_kind_not_count(text: str, expected: set[tuple[str, str]]) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert facts == expected


AGREED = [
    # the nominative «тараптары» heads the subject: agreeing, no document named
    ("Өзбекстан және Тәжікстан тараптары келісімге келді.", set()),
    ("Қазақстан мен Ресей елдері келісімге келді.", set()),
    # near: a «туралы» complement still names the document signed
    ("Өзбекстан мен Тәжікстан көші-қон туралы келісімге келді.",
     {("state:uz", "көші-қон туралы келісім"), ("state:tj", "көші-қон туралы келісім")}),
]


@pytest.mark.parametrize(("text", "expected"), AGREED)
def test_facts_round21_parties_agree(text: str, expected: set[tuple[str, str]]) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "signed"}
    assert facts == expected
