"""Session 22, round 5: the Government named by a bare «Үкімет» is the home state's (a foreign
state's «Үкіметі» and a government with another capitalized word before it are not); «Ертіс
өңірі» is Pavlodar region; a place + lowercase words + an event head noun is one event mention;
«хатун» and «ана» after a name are titles of the person (own sentences)."""

from __future__ import annotations

import pytest

from derek.extract.entities_events import event_heads
from derek.extract.entities_government import home_bodies
from derek.pipeline import analyze


def _links(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in analyze(text).entities]


def test_entities_round22b_data_rows() -> None:
    assert home_bodies()["үкімет"] == ("org:kz-government", "state:kz")
    assert {"саммит", "фестиваль", "чемпионат", "жиын"} <= event_heads()


@pytest.mark.parametrize("text, expected", [
    ("Көктемде Үкімет резервінен қаражат бөлінді .", ("Үкімет", "org:kz-government")),
    ("Кеше Үкімет отырысында жаңа жоба талқыланды .", ("Үкімет", "org:kz-government")),
    ("Ауыл тұрғындары Үкіметке хат жолдады .", ("Үкіметке", "org:kz-government")),
    ("Үкімет жаңа бағдарламаны бекітті .", ("Үкімет", "org:kz-government")),
    ("Қазақстан Республикасының Үкіметі қаулы қабылдады .",
     ("Қазақстан Республикасының Үкіметі", "org:kz-government")),
    ("Кеше Қазақстан Үкіметі мәлімдеме жасады .", ("Қазақстан Үкіметі", "org:kz-government")),
])
def test_entities_round22b_home_government(text: str, expected: tuple[str, str]) -> None:
    assert expected in _links(text)


@pytest.mark.parametrize("text", [
    "Ресей Үкіметі жаңа бағдарламаны бекітті .",  # a foreign state's government
    "Ресей Үкіметі шешім шығарды . Кейін Үкімет отырысы өтті .",  # the bare one after it is Russia's
    "1917 жылы Уақытша Үкімет құлады .",  # another government, named by a capitalized word
    "Патша үкіметі жаңа заң шығарды .",  # lowercase: no name
])
def test_entities_round22b_not_home_government(text: str) -> None:
    assert all(entity != "org:kz-government" for _, entity in _links(text))


@pytest.mark.parametrize("text, expected", [
    ("Ертіс өңірінде жаңа зауыт салынды .", ("Ертіс өңірінде", "place:pavlodar-region")),
    ("Ертіс өзенінің суы тартылды .", ("Ертіс өзенінің", "place:irtysh")),
])
def test_entities_round22b_irtysh_region(text: str, expected: tuple[str, str]) -> None:
    assert expected in _links(text)


@pytest.mark.parametrize("text, span", [
    ("Күзде Алматыда Орта Азия мемлекеттері басшыларының саммиті өтеді .",
     "Орта Азия мемлекеттері басшыларының саммиті"),
    ("Былтыр Еуропа елдерінің жастар фестивалі Парижде өтті .", "Еуропа елдерінің жастар фестивалі"),
])
def test_entities_round22b_event_named_by_kind(text: str, span: str) -> None:
    events = [m for m in analyze(text).entities if m.type == "event"]
    assert [m.text for m in events] == [span]
    assert events[0].entity.startswith("prov:event:") and text.find(span) == events[0].start


@pytest.mark.parametrize("text, kept", [
    ("Астана саммиті 2010 жылы өтті .", ("Астана", "place:astana")),  # the place right before the head
    ("Астанада шайбалы хоккейден әлем чемпионаты өтеді .", ("Астанада", "place:astana")),  # a locative
    ("ШЫҰ елдері басшыларының саммиті Астанада өтті .", ("ШЫҰ", "org:sco")),  # an owner, not a place
])
def test_entities_round22b_no_event_span(text: str, kept: tuple[str, str]) -> None:
    links = _links(text)
    assert kept in links and all(not entity.startswith("prov:event:") for _, entity in links)


@pytest.mark.parametrize("text, span", [
    ("Ел аузында Жұбан ана туралы аңыз сақталған .", "Жұбан ана"),
])
def test_entities_round22b_woman_titles(text: str, span: str) -> None:
    assert any(t == span for t, _ in _links(text))
