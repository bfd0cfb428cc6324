"""History gold 3, round 2 (session 15): quoted titles of works are no mentions, a name the
document writes alone is split from the words the CRF runs it into, and a bare given name is the
person written with a patronymic in the same document. All sentences are our own."""

from __future__ import annotations

import pytest
from conftest import entities_of, needs_ner_model

from derek.extract.entities_titles import title_spans


def _ner(text: str) -> list:
    return entities_of(text, use_ner=True, deixis=False)


@pytest.mark.parametrize(("text", "titles"), [
    ("Әнші «Қарлығаш», «Ақбөбек» сияқты әндерін орындады.", ["Қарлығаш", "Ақбөбек"]),
    ("Ол «Жайлау» («Жазғы қоныс») деген күйін шығарды.", ["Жайлау", "«Жазғы қоныс»"]),  # its translation
    ("Жазушы «Көкшетау» романын жазды.", ["Көкшетау"]),
    ("Композитор «Сайрам» мен «Ордабасы» операларын жазды.", ["Сайрам", "Ордабасы"]),
    ("«Ақ жол» партиясы сайлауға қатысты.", []),  # a party, not a work
    ("Біз «Ақтау» қаласына бардық.", []),
    ("«Балауса» деп аталды.", []),  # no noun of a work follows
])
def test_title_spans(text: str, titles: list[str]) -> None:
    assert [text[s:e] for s, e, quoted in title_spans(text)] == titles


@needs_ner_model
@pytest.mark.parametrize(("text", "gone"), [
    ("Күйші «Сарыарқа», «Ерназар» сияқты күйлерін тартты.", ["Сарыарқа", "Ерназар"]),
    ("Ол «Астана» атты өлеңін оқыды.", ["Астана"]),
])
def test_quoted_work_titles_are_no_mentions(text: str, gone: list[str]) -> None:
    assert not [m for m in _ner(text) if m.text in gone]


@needs_ner_model
def test_name_inside_a_title_and_a_place_stay() -> None:
    text = "Біз Сарыарқа даласында тұрдық. «Сарыарқа» газеті шықты."
    assert [m.text for m in _ner(text) if m.text == "Сарыарқа"] == ["Сарыарқа", "Сарыарқа"]


@needs_ner_model
@pytest.mark.parametrize(("text", "name"), [
    ("Жамбыл Жабаевтың ақын екені белгілі. Жамбыл Арал теңізінің жағасында жүрді. Жамбыл ән айтты.",
     "Жамбыл"),
])
def test_a_name_written_alone_is_split_from_the_next_words(text: str, name: str) -> None:
    spans = [m.text for m in _ner(text)]
    assert not any(s.startswith(name + " ") and s != name for s in spans[1:]), spans


@pytest.mark.parametrize(("given", "patronymic"), [("Құрманғазы", "Сағырбайұлы"), ("Дина", "Нұрпейісқызы")])
def test_a_bare_given_name_is_the_person_with_a_patronymic(given: str, patronymic: str) -> None:
    from derek.doc import EntityMention
    from derek.extract.entities_people import given_name_people

    full = EntityMention(0, 20, f"{given} {patronymic}", "person", "prov:person:x", f"{given} {patronymic}")
    bare = EntityMention(40, 50, given, "place", f"prov:place:{given.lower()}", given, source="ner")
    other = EntityMention(60, 70, "Ертіс", "place", "prov:place:ертіс", "Ертіс", source="ner")
    given_name_people([full, bare, other])
    assert (bare.entity, bare.type) == ("prov:person:x", "person")
    assert (other.entity, other.type) == ("prov:place:ертіс", "place")


def test_a_gazetteer_name_or_initial_is_left_alone() -> None:
    from derek.doc import EntityMention
    from derek.extract.entities_people import given_name_people

    full = EntityMention(0, 20, "А. Сағырбайұлы", "person", "prov:person:а_сағырбайұлы", "А. Сағырбайұлы")
    bare = EntityMention(40, 41, "А", "place", "prov:place:а", "А", source="ner")
    linked = EntityMention(50, 56, "Астана", "place", "place:astana", "Астана")
    given_name_people([full, bare, linked])
    assert bare.type == "place" and linked.entity == "place:astana"
