"""Value conflicts (issue 6): member counts compare only at one time (a year, or both «now»), and
figures only of one measured thing; each case is a knowledge base built from two small texts."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek

# Sentences written for derek (session 10). (first text, second text, predicate, the values in
# dispute — empty when the two do not disagree).
VALUE_CASES = [
    # both «now»: a real disagreement
    ("Қазір ЕҚЫҰ-да 57 қатысушы мемлекет бар.", "Қазіргі уақытта ЕҚЫҰ-ға 56 мемлекет мүше.",
     "has_member_count", {"56", "57"}),
    # one year, two counts
    ("1995 жылы ЕҚЫҰ-ға 53 мемлекет мүше болды.", "1995 жылы ЕҚЫҰ-ға 55 мемлекет мүше болды.",
     "has_member_count", {"53", "55"}),
    # a count after a past event and today's count
    ("Осы кеңейтуден кейін ЕҚЫҰ мүшелерінің саны 52-ден 55 мемлекетке дейін өсті.",
     "Бүгінде ЕҚЫҰ 57 мемлекетті біріктіреді.", "has_member_count", set()),
    # a year and «now»
    ("1995 жылы ЕҚЫҰ-ға 53 мемлекет мүше болды.", "Қазір ЕҚЫҰ-ға 57 мемлекет мүше.", "has_member_count", set()),
    # an undated past count and a present one
    ("Ол кезде ШЫҰ-ға 6 мемлекет мүше болды.", "ШЫҰ-ға 10 мемлекет мүше.", "has_member_count", set()),
    # two figures of two things
    ("Қазақстан жыл сайын 2 млрд тоннаға жуық пайдалы кен өндіреді.",
     "Жыл сайын Қазақстанның жерінен 100 млн тонна тұзды құм желмен ұшады.", "quantity", set()),
    # two figures of one thing
    ("Қазақстан жыл сайын 90 млн тонна мұнай өндіреді.", "Қазақстан жыл сайын 80 млн тонна мұнай өндіреді.",
     "quantity", {"9e+07 tonne", "8e+07 tonne"}),
]


@pytest.mark.parametrize(("first", "second", "predicate", "disputed"), VALUE_CASES)
def test_conflicts_values_compare_at_one_time_and_thing(tmp_path, first, second, predicate, disputed):
    path = kb_of_texts(tmp_path, {"a.txt": first, "b.txt": second})
    with derek.open(path) as kb:
        assert {f["predicate"] for f in kb.facts()} >= {predicate}  # both texts gave a fact
        found = [c for c in kb.conflicts() if c["predicate"] == predicate]
    assert {side["value"] for c in found for side in c["sides"]} == disputed
    for c in found:  # both sides stay visible, each with its own document's sentence
        assert {side["sources"][0]["doc"] for side in c["sides"]} == {"a.txt", "b.txt"}


FRAME_CASES = [
    ("Қазір ЕҚЫҰ-ға 57 мемлекет мүше.", {"as_of": "present"}),
    ("Бүгінде ЕҚЫҰ 57 мемлекетті біріктіреді.", {"as_of": "present"}),
    ("Осы кеңейтуден кейін ЕҚЫҰ мүшелерінің саны 55 мемлекетке жетті.", {"as_of": "past"}),
    ("Ол кезде ШЫҰ-ға 6 мемлекет мүше болатын.", {"as_of": "past"}),
    ("2001 жылы ШЫҰ-ға 6 мемлекет мүше болды.", {}),  # a dated count keeps its time instead
]


@pytest.mark.parametrize(("text", "qualifiers"), FRAME_CASES)
def test_conflicts_member_count_states_its_time_frame(text, qualifiers):
    counts = [f for f in derek.analyze(text).facts if f.predicate == "has_member_count"]
    stated = {k: v for k, v in counts[0].qualifiers.items() if k != "rule_confidence"}  # every fact keeps its rule's constant
    assert len(counts) == 1 and stated == qualifiers


MEASURED_CASES = [
    ("Қазақстан жыл сайын 2 млрд тоннаға жуық пайдалы кен өндіреді.", "кен"),
    ("Қазақстан жыл сайын 90 млн тоннаға жуық мұнай мен конденсат өндіреді.", "мұнай"),
    ("Қазақстан жыл сайын 100 млн тоннадан астам тұзды құм теңізге төгеді.", "құм"),
    ("Қазақстан былтыр 20 млн тонна бидай сатып алды.", "бидай"),
    ("Қазақстан жыл сайын 90 млн тонна өндіреді.", None),  # the figure names no thing
]


@pytest.mark.parametrize(("text", "measured"), MEASURED_CASES)
def test_conflicts_quantity_names_the_thing_it_measures(text, measured):
    figures = [f for f in derek.analyze(text).facts if f.predicate == "quantity"]
    assert len(figures) == 1 and figures[0].qualifiers.get("measured") == measured


def test_conflicts_cli_prints_the_time_both_sides_state(tmp_path, runner) -> None:
    import json

    from derek.cli import main

    path = kb_of_texts(tmp_path, {"a.txt": VALUE_CASES[0][0], "b.txt": VALUE_CASES[0][1]})
    result = runner.invoke(main, ["conflicts", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "has_member_count (now) — value differs" in result.output
    assert "«Қазір ЕҚЫҰ-да 57 қатысушы мемлекет бар.»" in result.output
    data = [json.loads(line) for line in runner.invoke(main, ["conflicts", "--db", str(path), "--json"]).output.splitlines()]
    assert [c["time"] for c in data if c["predicate"] == "has_member_count"] == ["present"]
