"""The four history golds' errors, round 2 (session 21): a space before a hyphenated ending, a
khan's bare given name, initials before an untagged surname, and the session's gazetteer rows.
All sentences are our own."""

from __future__ import annotations

from functools import partial

import pytest
from conftest import entities_of, needs_ner_model

import derek
from derek.doc import Document, EntityMention
from derek.extract.entities import provisional_key
from derek.extract.entities_people import initialled_names, is_initial, surname_lemma
from derek.extract.gazetteer import word_keys
from derek.lang.kk.morphology import analyze


def _found(text: str, use_ner: bool = True) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in entities_of(text, use_ner=use_ner, deixis=False)]


@pytest.mark.parametrize(("word", "key"), [
    ("II -нің", "ii"),   # a space typed before the hyphenated ending stays out of the key
    ("II-нің", "ii"),
    ("ХХ -ғасыр", "хх"),
])
def test_word_keys_space_before_hyphen(word: str, key: str) -> None:
    assert key in word_keys(word)
    assert not any(k.endswith(" ") for k in word_keys(word))


@pytest.mark.parametrize(("text", "mention", "entity"), [
    ("Екатерина II -нің жарлығы шықты.", "Екатерина II -нің", "person:catherine-ii"),
    ("Жарлықты Петр I -ге жіберді.", "Петр I -ге", "person:peter-i"),
])
def test_space_before_suffix_reaches_row(text: str, mention: str, entity: str) -> None:
    assert (mention, entity) in _found(text, use_ner=False)


@pytest.mark.parametrize(("text", "key"), [
    ("Аббас II -ге", "аббас_ii"),
    ("Аббас II -нің", "аббас_ii"),
    ("Ж. Ахметов", "ж_ахметов"),
])
def test_provisional_key_has_no_trailing_space(text: str, key: str) -> None:
    found, name = provisional_key(derek.analyze(text).tokens)
    assert found == key and not name.endswith(" ")


@pytest.mark.parametrize(("word", "stem"), [
    ("Нұрпейісовтің", "Нұрпейісов"),   # the analyzer lowercases the word it cannot read
    ("Сейітовке", "Сейітов"),
    ("Петрованың", "Петрова"),
])
def test_surname_lemma_cuts_lowercased_reading(word: str, stem: str) -> None:
    assert surname_lemma(word) == stem


@needs_ner_model
@pytest.mark.parametrize(("text", "mention", "entity"), [
    # a khan's bare given name is the titled row
    ("Шыңғыс қаланы алды.", "Шыңғыс", "person:genghis-khan"),
    # one sense per document: a person of the document with that given name comes first
    ("Шыңғыс Уәлиханов келді. Шыңғыс үйге қайтты.", "Шыңғыс", "person:shyngys-valikhanov"),
])
def test_titled_given_names(text: str, mention: str, entity: str) -> None:
    assert (mention, entity) in _found(text)


@needs_ner_model
@pytest.mark.parametrize(("text", "mention", "entity"), [
    # initials before a surname the CRF left untagged make a provisional person
    ("Қазбаны М. Е. Массон басқарды.", "М. Е. Массон", "prov:person:м_е_массон"),
    ("Оны К. Нұрпейісовтің еңбегі дәлелдейді.", "К. Нұрпейісовтің", "prov:person:к_нұрпейісов"),
])
def test_initialled_names(text: str, mention: str, entity: str) -> None:
    assert (mention, entity) in _found(text)


def _initials_before(doc: Document, i: int) -> int:
    while i > 0 and is_initial(doc.tokens[i - 1].norm):
        i -= 1
    return i


@pytest.mark.parametrize(("text", "names"), [
    ("Қазбаға Т. Н. Сенигова келді.", ["Т. Н. Сенигова"]),
    ("Қазбаға Т. Н. Сениговалар келді.", []),  # a plural surname names a family, no person
    ("Қазбаға Сенигова келді.", []),           # no initials, nothing
])
def test_initialled_names_plural(text: str, names: list[str]) -> None:
    doc = derek.analyze(text)
    found = initialled_names(doc, set(), partial(_initials_before, doc),
                             lambda a, b: EntityMention(doc.tokens[a].start, doc.tokens[b - 1].end,
                                                        text[doc.tokens[a].start:doc.tokens[b - 1].end],
                                                        "person", "prov:person:x", "x", None, "ner"),
                             lambda w: "PL" in analyze(w)[0].tags)
    assert [m.text for m in found] == names


@pytest.mark.parametrize(("text", "mention", "entity"), [
    ("Қоқан әскері шегінді.", "Қоқан", "state:kokand-khanate"),
    ("Селжұқ әскері жеңді.", "Селжұқ", "state:seljuk"),
    ("Керуен Қашкар арқылы өтті.", "Қашкар", "place:kashgar"),
    ("Елші Қарақорымға барды.", "Қарақорымға", "place:karakorum"),
    ("Ол Царицындегі шайқасқа қатысты.", "Царицындегі", "place:tsaritsyn"),
    ("Ғалым Геродотты жиі келтіреді.", "Геродотты", "person:herodotus"),
    ("Оркестр Моцарттың шығармасын орындады.", "Моцарттың", "person:mozart"),
    ("Хатты Миттеран жазды.", "Миттеран", "person:mitterrand"),
    ("Бұйрыққа Тимошенко қол қойды.", "Тимошенко", "person:timoshenko"),
    ("Жорықты Тоғрұл бек бастады.", "Тоғрұл бек", "person:tughril-beg"),
])
def test_session21_rows(text: str, mention: str, entity: str) -> None:
    assert (mention, entity) in _found(text, use_ner=False)


@needs_ner_model
@pytest.mark.parametrize(("text", "pairs"), [
    # a CRF person run into a name that now has a row keeps its own words
    ("Мұхаммед Қарақорымға барды.", [("Мұхаммед", "prov:person:мұхаммед"), ("Қарақорымға", "place:karakorum")]),
    ("Цицерон Геродотты мақтады.", [("Цицерон", "person:cicero"), ("Геродотты", "person:herodotus")]),
])
def test_run_on_names_split_by_rows(text: str, pairs: list[tuple[str, str]]) -> None:
    found = _found(text)
    assert all(p in found for p in pairs), found
