"""Names closed by a head noun (river, uezd, khanate, front) and compass words opening a place."""

from __future__ import annotations

import pytest
from conftest import entities_of as _entities

from derek.doc import EntityMention
from derek.extract.entities_heads import head_of


def _find(entities: list[EntityMention], text: str) -> EntityMention:
    found = [m for m in entities if m.text == text]
    assert found, [(m.text, m.entity) for m in entities]
    return found[0]


# (word, head kind or None, case)
HEADS = [
    ("өзенінің", "geo", "GEN"),
    ("уезінде", "admin", "LOC"),
    ("қағанатын", "state", "ACC"),
    ("майданына", "front", "DAT"),
    ("даласы", "geo", "NOM"),
    ("өзендерінің", None, ""),   # plural: «Шу және Талас өзендерінің» names two rivers
    ("хандықтары", None, ""),
    ("өзен", None, ""),          # no possessive: not tied to a name
    ("Өзені", None, ""),         # capitalized: a name itself
]


@pytest.mark.parametrize(("word", "kind", "case"), HEADS)
def test_entities_heads_head_of(word: str, kind: str | None, case: str) -> None:
    head = head_of(word)
    assert (head.kind, head.case) == (kind, case) if kind else head is None


# (sentence, mention as written, type, entity id or the prefix of a provisional one)
NAMES = [
    ("Көшпенділер Сарыбел өзенінің бойында қыстады.", "Сарыбел өзенінің", "place", "prov:place:"),
    ("Ол Қостанай уезінде дүниеге келген.", "Қостанай уезінде", "place", "prov:place:"),
    ("Бұл жылы Авар қағанаты әлсіреді.", "Авар қағанаты", "state", "prov:state:"),
    ("Қытай империясы батысқа әскер жіберді.", "Қытай империясы", "state", "prov:state:"),
    ("Отряд Түркістан майданына оқ-дәрі жеткізді.", "Түркістан майданына", "organization", "prov:organization:"),
    ("Ақтөбе майданының бөлімдері шегінді.", "Ақтөбе майданының", "organization", "prov:organization:"),
    ("Көпестер Шығыс Еуропаға жол тартты.", "Шығыс Еуропаға", "place", "prov:place:"),
    ("Шаруалар Оңтүстік Ресейден көшіп келді.", "Оңтүстік Ресейден", "place", "prov:place:"),
    ("Экспедиция Алтай тауына жетті.", "Алтай тауына", "mountain", "place:altai"),
    # left alone: a state before «мемлекеті» or a geographic head, a city before a river's head
    ("Қазақстан мемлекетінің саясаты өзгерді.", "Қазақстан", "state", "state:kz"),
    ("Қазақстан даласында қар жауды.", "Қазақстан", "state", "state:kz"),
]


@pytest.mark.parametrize(("text", "span", "type_", "entity"), NAMES)
def test_entities_heads_names(text: str, span: str, type_: str, entity: str) -> None:
    m = _find(_entities(text), span)
    assert m.type == type_
    assert m.entity.startswith(entity) if entity.endswith(":") else m.entity == entity


def test_entities_heads_repeats_are_one_state() -> None:
    """Found inside a sentence, the name is found lowercase and opening a sentence too."""
    text = "Оғыз мемлекеті күшейді. Кейін Оғыз мемлекеті әлсіреді. Бірақ оғыз мемлекеті сақталды."
    entities = [m for m in _entities(text) if m.type == "state"]
    assert [m.text for m in entities] == ["Оғыз мемлекеті", "Оғыз мемлекеті", "оғыз мемлекеті"]
    assert len({m.entity for m in entities}) == 1


def test_entities_heads_sentence_start_alone_is_no_name() -> None:
    assert _entities("Ұйғыр мемлекеті күшейді.") == []


# lowercase words before a state head that no capitalized name introduced stay out
PLAIN = ["Көрші мемлекеті көмектесті.", "Бұл елдің мемлекеті құлады.", "Ол тауы биік жерде тұрды."]


@pytest.mark.parametrize("text", PLAIN)
def test_entities_heads_plain_words_stay_out(text: str) -> None:
    assert _entities(text) == []


# gazetteer spellings the history texts use (nominative)
ALIASES = [
    ("Отряд Ашғабадқа жетті.", "Ашғабадқа", "place:ashgabat"),
    ("Әбілқайыр мемлекеті ыдырады.", "Әбілқайыр мемлекеті", "state:abulkhair-khanate"),
]


@pytest.mark.parametrize(("text", "span", "entity"), ALIASES)
def test_entities_heads_aliases(text: str, span: str, entity: str) -> None:
    assert _find(_entities(text), span).entity == entity
