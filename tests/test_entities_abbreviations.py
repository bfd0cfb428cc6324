"""Unknown all-caps abbreviations as provisional organizations, the zhuzes as no entity, and the
initial and mixed-script shapes of names that must keep working (session 10)."""

from __future__ import annotations

import pytest
from conftest import entities_of, needs_ner_model

pytestmark = needs_ner_model


def _entities(text: str) -> list:
    return entities_of(text, use_ner=True, deixis=False)


# (text, abbreviation as written, provisional id, case): the CRF tags none of these as anything
ABBREVIATIONS = [
    ("ЗАПУ ұйымы 1961 жылы құрылды.", "ЗАПУ", "prov:organization:запу", "NOM"),
    ("Мозамбикте ФРЕЛИМО-ның жасақтары соғысты.", "ФРЕЛИМО-ның", "prov:organization:фрелимо", "GEN"),
    ("Кеше АНК-ға жаңа мүшелер қабылданды.", "АНК-ға", "prov:organization:анк", "DAT"),
    ("Біз ЮНИТА-ны қолдамаймыз деді министр.", "ЮНИТА-ны", "prov:organization:юнита", "ACC"),
    # an ending in capitals after the bare abbreviation the text wrote before
    ("СВАПО ұйымы құрылды. Кейін СВАПОНЫҢ басшысы сайланды.", "СВАПОНЫҢ", "prov:organization:свапо", "GEN"),
    # two abbreviations the CRF tags as one span are two organizations
    ("Ол ФРЕЛИМО мен МПЛА өкілдерімен кездесті.", "МПЛА", "prov:organization:мпла", "NOM"),
    ("Ол ФРЕЛИМО мен МПЛА өкілдерімен кездесті.", "ФРЕЛИМО", "prov:organization:фрелимо", "NOM"),
]


@pytest.mark.parametrize(("text", "span", "entity", "case"), ABBREVIATIONS)
def test_entities_abbreviations_unknown_is_organization(text: str, span: str, entity: str, case: str) -> None:
    found = [(m.text, m.entity, m.type, m.case) for m in _entities(text)]
    assert (span, entity, "organization", case) in found


# (text, all-caps token that must not become an organization)
NOT_ORGANIZATIONS = [
    ("ХІХ ғасырда мұнда қала болды.", "ХІХ"),  # a Roman numeral in Cyrillic letters
    ("ТАРИХ ЖӘНЕ ҚОҒАМ", "ТАРИХ"),  # a heading in capitals
    ("Бұл туралы БАҚ хабарлады.", "БАҚ"),  # the morphology knows the word (бақ)
    ("Ол ШЕШІМ деген сөзді бас әріппен жазды.", "ШЕШІМ"),  # a common word in capitals
    ("Кеңесте ОАР Президенті сөйледі.", "ОАР"),  # a gazetteer name (ambiguous ~ОАР), another type
    ("Ол АҚШ-қа барды.", "АҚШ-қа"),  # a gazetteer state
    ("Шекараға БТР-лер келді.", "БТР-лер"),  # a plural: vehicles of a kind, no name
]


@pytest.mark.parametrize(("text", "word"), NOT_ORGANIZATIONS)
def test_entities_abbreviations_not_an_organization(text: str, word: str) -> None:
    assert not [m for m in _entities(text) if m.text == word and m.type == "organization"]


# (text, the abbreviations found, in order): a heading in capitals bars only its own words, and
# a document's later sentences are still read (the sentence of each abbreviation is looked up)
HEADING_THEN_TEXT = [
    ("ТАРИХ ЖӘНЕ ҚОҒАМ\n\nЗАПУ ұйымы 1961 жылы құрылды.", ["ЗАПУ"]),
    ("ЗАПУ ұйымы құрылды.\n\nТАРИХ ЖӘНЕ ҚОҒАМ\n\nКеше АНК-ға мүшелер қабылданды.", ["ЗАПУ", "АНК-ға"]),
]


@pytest.mark.parametrize(("text", "found"), HEADING_THEN_TEXT)
def test_entities_abbreviations_heading_bars_its_own_sentence(text: str, found: list[str]) -> None:
    assert [m.text for m in _entities(text) if m.source == "ner" and m.type == "organization"] == found


# the zhuzes are tribal unions: no entity, whatever class the CRF gives them (entities_gold.md)
ZHUZES = [
    "Ұлы жүз, Орта жүз және Кіші жүз бірікті.",
    "Ұлы жүзге қарасты рулар көшті.",
    "Кіші жүз бен Орта жүз арасында келісім болды.",
    "Сол жылы Кіші жүзде көтеріліс басталды.",
]


@pytest.mark.parametrize("text", ZHUZES)
def test_entities_abbreviations_zhuz_is_no_entity(text: str) -> None:
    assert not [m for m in _entities(text) if "жүз" in m.text]


# (text, person span): initials written with or without spaces close into the person's span
INITIALS = [
    ("Мақаланы А. Байтұрсынов жазған.", "А. Байтұрсынов"),
    ("Кітапты Ә. Н. Бөкейханов аударды.", "Ә. Н. Бөкейханов"),
    ("Кітапты Ә.Н.Бөкейханов аударды.", "Ә.Н.Бөкейханов"),
    ("Кеше Ш.Уәлиханов туралы баяндама жасалды.", "Ш.Уәлиханов"),
    ("Мұнда Е. Б. Ахметжанов жұмыс істеді.", "Е. Б. Ахметжанов"),  # a CRF name, no gazetteer row
]


@pytest.mark.parametrize(("text", "span"), INITIALS)
def test_entities_abbreviations_initials_join_the_person(text: str, span: str) -> None:
    assert span in [m.text for m in _entities(text) if m.type == "person"]


# (text, span): a Latin «i» inside a Cyrillic hyphenated name still reaches its gazetteer row
MIXED_SCRIPT = [
    ("Сұлтан Мәлiк-шахтың әскері жеңді.", "Мәлiк-шахтың"),
    ("Бұл кезде Мәлiк-шахқа елшілер келді.", "Мәлiк-шахқа"),
]


@pytest.mark.parametrize(("text", "span"), MIXED_SCRIPT)
def test_entities_abbreviations_mixed_script_hyphenated_name(text: str, span: str) -> None:
    assert (span, "person:malik-shah") in [(m.text, m.entity) for m in _entities(text)]
