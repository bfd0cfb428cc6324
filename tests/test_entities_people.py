"""People linking: given names against the gazetteer person, provisional people grouped by surname."""

import pytest
from conftest import kb_of_texts

import derek
from derek.errors import NotFound
from derek.extract.entities import provisional_key
from derek.extract.entities_people import agrees, name_form, surname_lemma
from derek.pipeline import analyze_tokens
from derek.query.facts import resolve_entity


def _people(text: str) -> list[tuple[str, str]]:
    doc = derek.analyze(text)
    found = []
    for m in doc.entities:
        assert doc.text[m.start:m.end] == m.text
        if m.type == "person":
            found.append((m.text, m.entity))
    return found


# (sentence, the person's span, its entity): a given name or initial that is not the gazetteer
# person's makes a provisional person; an agreeing one (any spelling) keeps the link
GIVEN_NAMES = [
    ("Ерлан Назарбаев зауытта жұмыс істеді.", "Ерлан Назарбаев", "prov:person:ерлан_назарбаев"),
    ("Айгүл Арыстанбекова кітап жазды.", "Айгүл Арыстанбекова", "prov:person:айгүл_арыстанбекова"),
    ("Кеше Ерлан Назарбаевтың інісі келді.", "Ерлан Назарбаевтың", "prov:person:ерлан_назарбаев"),
    ("Зауыт директоры Ерлан Әбішұлы Назарбаев сөйледі.", "Ерлан Әбішұлы Назарбаев",
     "prov:person:ерлан_әбішұлы_назарбаев"),
    ("Е. Назарбаев мектепте сабақ берді.", "Е. Назарбаев", "prov:person:е_назарбаев"),
    ("Кеше Н. Назарбаев сөз сөйледі.", "Н. Назарбаев", "person:nazarbayev"),
    ("Кеше Н.Ә. Назарбаев сөз сөйледі.", "Н.Ә. Назарбаев", "person:nazarbayev"),
    ("Біз Нұрсұлтан Назарбаевтың сөзін тыңдадық.", "Нұрсұлтан Назарбаевтың", "person:nazarbayev"),
    ("Бүгін Нурсұлтан Назарбаев келді.", "Нурсұлтан Назарбаев", "person:nazarbayev"),
    ("Бүгін Ақмарал Арыстанбекова келді.", "Ақмарал Арыстанбекова", "person:arystanbekova"),
    ("Президент Назарбаев сөйледі.", "Назарбаев", "person:nazarbayev"),
    ("Кеше Дариға Назарбаева сөйледі.", "Дариға Назарбаева", "person:dariga-nazarbayeva"),
    # initials typed apart from their periods belong to the name, and decide it the same way
    ("Ақын Ш . Уәлиханов Қашқарға барды.", "Ш . Уәлиханов", "person:shokan"),
    ("Кеше Е . Назарбаев келді.", "Е . Назарбаев", "prov:person:е_назарбаев"),
    ("Жазушы Ф . М . Достоевский 1854 жылы келді.", "Ф . М . Достоевский", "prov:person:ф_м_достоевский"),
    # surname first, as official lists write a name; the last word carries the case
    ("Назарбаев Нұрсұлтан Әбішұлы 1940 жылы туған.", "Назарбаев Нұрсұлтан Әбішұлы", "person:nazarbayev"),
    ("Біз Назарбаев Нұрсұлтан Әбішұлының сөзін тыңдадық.", "Назарбаев Нұрсұлтан Әбішұлының",
     "person:nazarbayev"),
    ("Назарбаев Нұрсұлтанға хат келді.", "Назарбаев Нұрсұлтанға", "person:nazarbayev"),
    ("Тоқаев Қасым-Жомарт Кемелұлы сөз сөйледі.", "Тоқаев Қасым-Жомарт Кемелұлы", "person:tokayev"),
    ("Назарбаев Ерлан зауытта істеді.", "Назарбаев Ерлан", "prov:person:ерлан_назарбаев"),
    ("Бүгін Назарбаев Алматыға келді.", "Назарбаев", "person:nazarbayev"),
    # a single historical name is no family name: the capitalized word after it is not a given name
    ("Бабыр Ферғананың әмірі болды.", "Бабыр", "person:babur"),
    ("Шайбани Бабырдан Ферғананы тартып алды.", "Бабырдан", "person:babur"),
    ("Мұхаммед Шайбани Бабырдан Ферғананы тартып алды.", "Бабырдан", "person:babur"),
    ("Мұхаммед Шайбани Бабырдан Ферғананы тартып алды.", "Мұхаммед Шайбани", "person:shaybani-khan"),
    # the CRF runs a name into the place after it: the place is the gazetteer's, the name stays
    ("Жазушы Ф . М . Достоевский Семейде бес жыл тұрды.", "Ф . М . Достоевский", "prov:person:ф_м_достоевский"),
    # Кенесары is a given name, not a surname: the word before it is another person
    ("Сыпатай Кенесарыны қолдады.", "Кенесарыны", "person:kenesary"),
]


@pytest.mark.parametrize(("text", "span", "entity"), GIVEN_NAMES)
def test_entities_people_given_name_decides(text: str, span: str, entity: str) -> None:
    assert (span, entity) in _people(text)


# (text, [(span, entity)] of its people in order): a bare surname after a fuller provisional person
# with that surname is that person; initials keep «Ж.» and «Д.» apart
GROUPS = [
    ("Ж. Сейітов хатты жазды. Сейітовтің хаты жарияланды.",
     [("Ж. Сейітов", "prov:person:ж_сейітов"), ("Сейітовтің", "prov:person:ж_сейітов")]),
    ("Ж. Ахметов хатты жазды. Ахметовтың хаты жарияланды.",
     [("Ж. Ахметов", "prov:person:ж_ахметов"), ("Ахметовтың", "prov:person:ж_ахметов")]),
    ("Ж. Сейітов хат жазды. Д. Сейітов жауап берді. Сейітовке сәлем айтты.",
     [("Ж. Сейітов", "prov:person:ж_сейітов"), ("Д. Сейітов", "prov:person:д_сейітов"),
      ("Сейітовке", "prov:person:д_сейітов")]),
    ("Жанат Сейітов келді. Ж. Сейітовтің кітабы шықты.",
     [("Жанат Сейітов", "prov:person:жанат_сейітов"), ("Ж. Сейітовтің", "prov:person:жанат_сейітов")]),
    # a feminine surname is its own key: the analyzer would read «Петрова» as Петров + «-а»
    ("Анна Петрова мен Иван Петров келді. Петрова сөйледі.",
     [("Анна Петрова", "prov:person:анна_петрова"), ("Иван Петров", "prov:person:иван_петров"),
      ("Петрова", "prov:person:анна_петрова")]),
    ("Ж. Сейітова хатты жазды. Сейітованың хаты жарияланды.",
     [("Ж. Сейітова", "prov:person:ж_сейітова"), ("Сейітованың", "prov:person:ж_сейітова")]),
    ("Ерлан Назарбаев зауытта жұмыс істеді. Назарбаевтың зауыты үлкен.",
     [("Ерлан Назарбаев", "prov:person:ерлан_назарбаев"), ("Назарбаевтың", "prov:person:ерлан_назарбаев")]),
]


@pytest.mark.parametrize(("text", "people"), GROUPS)
def test_entities_people_grouped_by_surname(text: str, people: list[tuple[str, str]]) -> None:
    assert _people(text) == people


KEYS = [
    ("Ж. Ахметов", "ж_ахметов"),
    ("Ж.Б. Ахметов", "ж_б_ахметов"),
    ("Г. Сейітов", "г_сейітов"),
    ("Жанат Сейітовке", "жанат_сейітов"),
    ("Сейітовтің", "сейітов"),
]


@pytest.mark.parametrize(("name", "key"), KEYS)
def test_entities_people_provisional_key(name: str, key: str) -> None:
    assert provisional_key(analyze_tokens(name))[0] == key


@pytest.mark.parametrize(("word", "stem"), [("Сейітовке", "Сейітов"), ("Ахметовтың", "Ахметов"),
                                            ("Алматыда", "Алматы")])
def test_entities_people_surname_lemma(word: str, stem: str) -> None:
    assert surname_lemma(word) == stem


@pytest.mark.parametrize(("entity", "first", "expected"), [
    ("person:nazarbayev", "Нурсултан", True), ("person:nazarbayev", "Нұрсұлтан", True),
    ("person:nazarbayev", "Н.", True), ("person:nazarbayev", "Ерлан", False),
    ("person:nazarbayev", "Е.", False), ("person:bokeikhanov", "Алихан", True),
    ("person:bokeikhanov", "А.", True),
])
def test_entities_people_agrees(entity: str, first: str, expected: bool) -> None:
    assert agrees(entity, first) is expected


def test_entities_people_name_form_mixed_spellings() -> None:
    assert name_form("Нұрсұлтан") == name_form("Нурсултан") == "нурсултан"


def test_entities_people_counted_in_kb(tmp_path) -> None:
    path = kb_of_texts(tmp_path, {
        "a.txt": "Ж. Сейітов хатты жазды. Сейітовтің хаты жарияланды. Кейін Д. Сейітов жауап берді.",
        "b.txt": "Ж. Сейітов тағы жазды. Ерлан Назарбаевтың інісі Алматыда тұрады.",
    })
    with derek.open(path) as kb:
        counts = {r["id"]: (r["mentions"], r["documents"]) for r in kb.entities("person")}
    assert counts["prov:person:ж_сейітов"] == (3, 2)
    assert counts["prov:person:д_сейітов"] == (1, 1)
    assert counts["prov:person:ерлан_назарбаев"] == (1, 1)
    assert "person:nazarbayev" not in counts


@pytest.mark.parametrize(("name", "expected"), [
    ("Ж. Сейітов", "prov:person:ж_сейітов"),
    ("Д. Сейітов", "prov:person:д_сейітов"),
    ("Сейітов", "prov:person:ж_сейітов"),  # a bare surname: the most mentioned of its people
    ("Сейітовтің", "prov:person:ж_сейітов"),
    ("Ерлан Назарбаев", "prov:person:ерлан_назарбаев"),
])
def test_entities_people_resolved_by_any_name(tmp_path, name: str, expected: str) -> None:
    path = kb_of_texts(tmp_path, {
        "a.txt": "Ж. Сейітов хатты жазды. Сейітовтің хаты жарияланды. Кейін Д. Сейітов жауап берді.",
        "b.txt": "Ерлан Назарбаевтың інісі Алматыда тұрады.",
    })
    with derek.open(path) as kb:
        assert resolve_entity(kb.db, name) == expected


def test_entities_people_unknown_surname_with_wildcards_is_not_found(tmp_path) -> None:
    path = kb_of_texts(tmp_path, {"a.txt": "Ж. Сейітов хатты жазды."})
    with derek.open(path) as kb, pytest.raises(NotFound):
        resolve_entity(kb.db, "%_%")
