"""A figure on a card, a timeline or the facts table reads as its document wrote it (session 21),
not as the stored normalized value («1.83e+08 person»). Own sentences."""

from __future__ import annotations

import pytest

from derek.query.render import fact_value
from tests.conftest import kb_of_texts


@pytest.mark.parametrize(("fact", "shown"), [
    # what it measures is a word the figure's text lacks: it leads
    ({"value": "20", "qualifiers": {"quantity_text": "20-дан астам", "measure": "агенттік"}}, "агенттік: 20-дан астам"),
    # the text already names it (in any inflection), or the measure is a unit code
    ({"value": "16", "qualifiers": {"quantity_text": "16 мемлекеттің", "measure": "мемлекет"}}, "16 мемлекеттің"),
    # a difference keeps its comparative word (the measured thing outranks the unit code)
    ({"value": "50 KZT", "qualifiers": {"quantity_text": "елу теңгеге", "measure": "KZT", "measured": "арзан"}},
     "арзан: елу теңгеге"),
    ({"value": "1.83e+08 person", "qualifiers": {"quantity_text": "183 миллионнан астам адам", "measure": "person"}},
     "183 миллионнан астам адам"),
    # no figure text: the stored value; no value at all: nothing
    ({"value": "Бейбітшілік туралы декларация", "qualifiers": {}}, "Бейбітшілік туралы декларация"),
    ({"value": None, "qualifiers": {"quantity_text": "5"}}, ""),
])
def test_fact_value(fact: dict, shown: str) -> None:
    assert fact_value(fact) == shown


def test_fact_value_on_the_card_and_in_the_facts_table(tmp_path, runner) -> None:
    from derek.cli import main

    db = kb_of_texts(tmp_path, {"a.txt": "Қазіргі кезде Қазақстанда БҰҰ-ның 20-дан астам агенттігі жұмыс істейді.\n"})
    card = runner.invoke(main, ["entity", "БҰҰ", "--db", str(db)])
    assert card.exit_code == 0, card.output
    assert "агенттік: 20-дан астам" in card.output
    table = runner.invoke(main, ["facts", "--predicate", "quantity", "--json", "--db", str(db)])
    assert '"value": "20"' in table.output  # the JSON contract keeps the stored value
