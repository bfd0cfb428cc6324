"""History gold 3 (session 15): the shape of the three KazQAD history entity golds, and the
behaviours its first run led to — institutions «X атындағы … университеті», the district head
«ауданы», and a name of several words closed by a short common noun in a case («Жібек жолында»)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import entities_of, needs_ner_model

REPO = Path(__file__).resolve().parents[1]
KAZQAD = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"
GOLDS = ["entities_gold_kazqad.jsonl", "entities_gold_kazqad2.jsonl", "entities_gold_kazqad3.jsonl",
         "entities_gold_kazqad4.jsonl"]
TYPES = {"state", "organization", "treaty", "person", "place"}


def _rows(name: str) -> list[dict]:
    lines = (REPO / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _passages() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("bench_facts", REPO / "bench" / "facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.kazqad_passages()


@pytest.mark.parametrize("name", GOLDS)
def test_entities_gold3_rows_are_well_formed(name: str) -> None:
    from derek.extract.gazetteer import load_gazetteer

    entries = load_gazetteer().entries
    for row in _rows(name):
        assert set(row) == {"doc", "start", "end", "text", "type", "entity"}, row
        assert row["doc"].startswith("kazqad:") and row["type"] in TYPES, row
        assert row["entity"] == "prov" or row["entity"] in entries, row
        assert 0 <= row["start"] < row["end"], row


@pytest.mark.skipif(not KAZQAD.is_file(), reason="../shared/data/kazqad not present")
@pytest.mark.parametrize("name", GOLDS)
def test_entities_gold3_offsets_give_the_span_text(name: str) -> None:
    passages = _passages()
    for row in _rows(name):
        text = passages[row["doc"].removeprefix("kazqad:")]
        assert text[row["start"]:row["end"]] == row["text"], row


def test_entities_gold3_shares_no_passage_with_the_other_golds() -> None:
    third = {r["doc"] for r in _rows(GOLDS[2])}
    assert not third & {r["doc"] for name in GOLDS[:2] for r in _rows(name)}


def _entities(text: str) -> list:
    return entities_of(text, use_ner=True, deixis=False)


# (text, organization span): «X атындағы» + words + an institution head is one organization
NAMED_AFTER = [
    ("Ол Абай атындағы Қазақ ұлттық педагогикалық университетінде оқыды.",
     "Абай атындағы Қазақ ұлттық педагогикалық университетінде"),
    ("Мұхтар Әуезов атындағы драма театры жабылды.", "Мұхтар Әуезов атындағы драма театры"),
    ("Ол Қорқыт Ата атындағы Қызылорда мемлекеттік университетінің профессоры.",
     "Қорқыт Ата атындағы Қызылорда мемлекеттік университетінің"),
    # a title opening the sentence stays out of the name
    ("Ол көп жыл сабақ берді. Академик Е.А.Бөкетов атындағы Қарағанды университетінің оқытушысы болды.",
     "Е.А.Бөкетов атындағы Қарағанды университетінің"),
]


@needs_ner_model
@pytest.mark.parametrize(("text", "span"), NAMED_AFTER)
def test_entities_gold3_named_after_institution(text: str, span: str) -> None:
    found = _entities(text)
    assert (span, "organization") in [(m.text, m.type) for m in found]
    org = next(m for m in found if m.text == span)
    # names are not nested: the person and the city inside are no mentions of their own
    assert not [m for m in found if m is not org and org.start <= m.start < org.end]


# «атындағы» before a street or a prize is no institution: the person stays
@needs_ner_model
@pytest.mark.parametrize("text", ["Біз Абай атындағы көшеде тұрамыз.", "Ол Абай атындағы сыйлықты алды."])
def test_entities_gold3_named_after_needs_an_institution_head(text: str) -> None:
    assert "person:abai" in [m.entity for m in _entities(text)]


# (text, span, type): «ауданы» after a name makes a district of its own; after a gazetteer
# region it is "the area of" and the region stays
DISTRICTS = [
    ("Мен Қарқаралы ауданында тұрамын.", "Қарқаралы ауданында", "place"),
    ("Ол Целиноград ауданы аумағында туған.", "Целиноград ауданы", "place"),
    ("Кеме Кіші Азия ауданына барды.", "Кіші Азия", "region"),
]


@needs_ner_model
@pytest.mark.parametrize(("text", "span", "type_"), DISTRICTS)
def test_entities_gold3_district_head(text: str, span: str, type_: str) -> None:
    assert (span, type_) in [(m.text, m.type) for m in _entities(text)]


# (text, span): a gazetteer name of several words whose last word is a short common noun in a case
SHORT_HEADS = [
    ("Тараз Ұлы Жібек жолында тұрды.", "Ұлы Жібек жолында"),
    ("Керуендер Жібек жолында жүрді.", "Жібек жолында"),
    ("Керуендер Ұлы Жібек жолы арқылы өтті.", "Ұлы Жібек жолы"),
]


@needs_ner_model
@pytest.mark.parametrize(("text", "span"), SHORT_HEADS)
def test_entities_gold3_short_last_word(text: str, span: str) -> None:
    assert (span, "place:great-silk-road") in [(m.text, m.entity) for m in _entities(text)]


# a one-word name still needs its stem long enough against its endings (no stubs)
def test_entities_gold3_short_stems_only_close_longer_names() -> None:
    from derek.extract.gazetteer import short_stems, word_keys

    assert "жол" in short_stems("жолында") and "жол" not in word_keys("жолында")
