"""Session 22, round 5: figure owners not named as a measure's nominative owner. The route of what
passes «арқылы» with a verb of passing or carrying (a country's transit, a river's water, not goods
over a sea), the place whose people (agent nouns in -шы) are the clause's subject, the name «N
халқы бар» qualifies; and a decimal comma a tokenizer wrote apart («12 , 5 миллион»). Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.lang.kk.numbers import find_quantities

OWNED = [
    # the route of a flow or of transit freight
    ("Ертіс өзені арқылы жыл сайын 9 млрд текше метр су ағады.", "place:irtysh", "9e+09 m3"),
    ("Өзбекстаннан Қазақстан арқылы 3 млн тонна жүк тасымалданды.", "state:kz", "3e+06 tonne"),
    ("Ресей арқылы Еуропаға 2 млн тонна мұнай тасымалданады.", "state:ru", "2e+06 tonne"),
    # the people of a place (or a sea) stand for it
    ("Каспий балықшылары былтыр 20 мың тонна балық аулады.", "place:caspian-sea", "20000 tonne"),
    # «… халқы бар X»: the name the figure's noun qualifies
    ("Ол 20 миллион халқы бар Қазақстанның астанасы.", "state:kz", "2e+07"),
]


@pytest.mark.parametrize(("text", "subject", "value"), OWNED)
def test_oblique_owner(text: str, subject: str, value: str) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert (subject, value) in facts


NOT_OWNED = [
    # a sea owns water passing through it, not goods carried over it
    ("Каспий теңізі арқылы жыл сайын 10 млн тонна мұнай тасымалданады.", "place:caspian-sea", "1e+07 tonne"),
    # another owner is named: the route is only a route
    ("Қазақстанның 5 млн тонна жүгі Ресей арқылы тасымалданды.", "state:ru", "5e+06 tonne"),
    # «арқылы» inside a participle before the figure: the route of another noun
    ("Ертіс өзені арқылы өткен кемелер 9 млн тонна жүк тасыды.", "place:irtysh", "9e+06 tonne"),
    # the fishermen's place, when the clause names the owner of the catch in the genitive
    ("Каспий балықшылары Атырау облысының 20 мың тонна балығын аулады.", "place:caspian-sea", "20000 tonne"),
    # a common noun after «бар» is no name
    ("Ол 20 миллион халқы бар елдің астанасы. Қазақстан үлкен ел.", "state:kz", "2e+07"),
]


@pytest.mark.parametrize(("text", "subject", "value"), NOT_OWNED)
def test_not_oblique_owner(text: str, subject: str, value: str) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}
    assert (subject, value) not in facts


SPACED = [
    ("Көлде 6 , 5 тонна балық ауланды.", [6.5]),
    ("Үйлердің ауданы 12 , 5 миллион шаршы метр.", [12_500_000.0]),
    # no scale word or unit after it: two figures, as before
    ("Ол 12 , 5 жасар балаларды оқытады.", [12.0, 5.0]),
    # a list of figures is not a decimal
    ("Жыл сайын 1 , 2 , 5 тонна жиналды.", [1.0, 2.0, 5.0]),
    # a year before a comma is no whole of a decimal
    ("2018 , 5 миллион теңге бөлінді.", [2018.0, 5_000_000.0]),
]


@pytest.mark.parametrize(("text", "values"), SPACED)
def test_spaced_decimal_comma(text: str, values: list[float]) -> None:
    assert [q.value for q in find_quantities(text)] == values
