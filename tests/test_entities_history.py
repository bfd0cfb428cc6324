"""Names in history text: titles after a name, initials before a CRF name, khanate variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from derek.doc import Document, EntityMention
from derek.extract.entities import extract_entities, extract_gazetteer_entities
from derek.lang.kk.dates import extract_dates
from derek.lang.kk.numbers import extract_quantities
from derek.lang.kk.segment import segment
from derek.pipeline import lemmatize

NER_MODEL = Path(__file__).resolve().parents[1] / "derek" / "extract" / "data" / "ner.crfsuite"
needs_model = pytest.mark.skipif(not NER_MODEL.exists(), reason="CRF model not trained")


def _entities(text: str, use_ner: bool) -> list[EntityMention]:
    doc = Document(text)
    for stage in (segment, lemmatize, extract_dates, extract_quantities):
        doc = stage(doc)
    doc = extract_entities(doc) if use_ner else extract_gazetteer_entities(doc)
    for m in doc.entities:
        assert doc.text[m.start : m.end] == m.text
    return [m for m in doc.entities if m.source != "deixis"]


# (sentence, span as written, entity id, case): a gazetteer person takes the title after it
GAZETTEER_TITLES = [
    ("Көктемде Исатай батыр қолын бастап шықты.", "Исатай батыр", "person:isatai", "NOM"),
    ("Сол жылы Исатай батырдың сарбаздары ауылды шапты.", "Исатай батырдың", "person:isatai", "GEN"),
    ("Кейін Есенбұға ханға елшілер келді.", "Есенбұға ханға", "person:esen-buqa", "DAT"),
]


@pytest.mark.parametrize(("text", "span", "entity", "case"), GAZETTEER_TITLES)
def test_entities_history_gazetteer_person_takes_title(text: str, span: str, entity: str, case: str) -> None:
    found = [(m.text, m.entity, m.case) for m in _entities(text, use_ner=False)]
    assert (span, entity, case) in found


# a possessive «ханы» is "the khan of …" and a title at a sentence start closes no name
NOT_TITLES = [
    ("Моғолстан ханы Есенбұға қайтыс болды.", "Есенбұға", "person:esen-buqa"),
    ("Жұртты Исатай бастады. Батыр ауылға келді.", "Исатай", "person:isatai"),
]


@pytest.mark.parametrize(("text", "span", "entity"), NOT_TITLES)
def test_entities_history_no_title_across_possessive_or_sentence(text: str, span: str, entity: str) -> None:
    found = [(m.text, m.entity) for m in _entities(text, use_ner=False)]
    assert (span, entity) in found


# (sentence, span, provisional id): a name in no gazetteer, keyed without its title
PROVISIONAL_TITLES = [
    ("Соғыста Барақ ханның ұлы жеңіске жетті.", "Барақ ханның", "prov:person:барақ"),
    ("Сол кезде Рүстем сұлтан қонақтарды қабылдады.", "Рүстем сұлтан", "prov:person:рүстем"),
    ("Ертеде Қамбар батыр елін қорғады.", "Қамбар батыр", "prov:person:қамбар"),
]


@needs_model
@pytest.mark.parametrize(("text", "span", "entity"), PROVISIONAL_TITLES)
def test_entities_history_provisional_person_takes_title(text: str, span: str, entity: str) -> None:
    found = [(m.text, m.entity, m.type) for m in _entities(text, use_ner=True)]
    assert (span, entity, "person") in found


# initials written as separate tokens join a CRF person name, and the CRF's initials alone go
INITIALS = [
    ("Бұл туралы академик Б.А. Төлепбаевтың еңбегінде жазылған.", "Б.А. Төлепбаевтың"),
    ("Мақалада тарихшы М.К. Қойгелдиевтің пікірі келтірілген.", "М.К. Қойгелдиевтің"),
]


@needs_model
@pytest.mark.parametrize(("text", "span"), INITIALS)
def test_entities_history_initials_join_provisional_person(text: str, span: str) -> None:
    found = _entities(text, use_ner=True)
    person = next(m for m in found if m.text == span)
    assert person.type == "person" and person.entity.startswith("prov:person:")
    assert not [m for m in found if m is not person and person.start <= m.start < person.end]


# spelling variants of historic states and regions the texts use (nominative aliases)
VARIANTS = [
    ("Көшпелілер Әбілхайыр хандығынан көшіп кетті.", "Әбілхайыр хандығынан", "state:abulkhair-khanate"),
    ("Моголстан ханы шекарасын қорғады.", "Моголстан", "state:moghulistan"),
    ("Тайпалар қазақ хандығына келіп қосылды.", "қазақ хандығына", "state:kazakh-khanate"),
    ("Түркістан Қазақ ордасының астанасы болды.", "Қазақ ордасының", "state:kazakh-khanate"),
    ("Сығанақ Ақ Орда ұлысының астанасы болған.", "Ақ Орда ұлысының", "state:white-horde"),
    ("Көшпелілер Дешті-Қыпшақтан қоныс аударды.", "Дешті-Қыпшақтан", "place:desht-i-kipchak"),
    ("Керуен Бұхараға қарай аттанды.", "Бұхараға", "place:bukhara"),
    ("Көтерілісшілер Хиуа жағына өтті.", "Хиуа", "state:khiva-khanate"),
    ("Ұрыс ханның ұрпақтары қарсы шықты.", "Ұрыс ханның", "person:urus-khan"),
    ("Ә. Бокейханов ақталды.", "Ә. Бокейханов", "person:bokeikhanov"),
    ("Қазақстан Компартиясы ОК комиссиясы құрылды.", "Қазақстан Компартиясы ОК",
     "org:communist-party-of-kazakhstan-cc"),
]


@pytest.mark.parametrize(("text", "span", "entity"), VARIANTS)
def test_entities_history_variant_names_link(text: str, span: str, entity: str) -> None:
    found = [(m.text, m.entity) for m in _entities(text, use_ner=False)]
    assert (span, entity) in found


# two people share a name: the one whose years of office are nearest the dates around it
OF_ITS_TIME = [
    ("1430 жылы Әбілқайыр хан Тоболдың бойында билікке келді.", "Әбілқайыр хан", "person:abulkhair-shaybanid"),
    ("Әбілхайыр 1731 жылы Ресей бодандығын қабылдады.", "Әбілхайыр", "person:abulkhair"),
    ("1643 жылы Жәңгір хан жоңғарларды тойтарды.", "Жәңгір хан", "person:salqam-zhangir"),
    ("Жәңгір хан 1824 жылы Бөкей ордасын басқара бастады.", "Жәңгір хан", "person:zhangir-bokeikhanov"),
    # no date in the text: the reading the gazetteer prefers
    ("Әбілқайыр хан Ресеймен келіссөз жүргізді.", "Әбілқайыр хан", "person:abulkhair"),
]


@pytest.mark.parametrize(("text", "span", "entity"), OF_ITS_TIME)
def test_entities_history_namesakes_by_their_time(text: str, span: str, entity: str) -> None:
    found = [(m.text, m.entity) for m in _entities(text, use_ner=False) if m.type == "person"]
    assert found == [(span, entity)]


@pytest.mark.parametrize(("roles", "period"), [
    ("khan:state:bokei-horde:1823/1845", (1823, 1845)),
    ("president:state:kz:2019/|prime_minister:state:kz:1999/2002", (1999, 2100)),
    ("khan:state:kazakh-khanate", None),
])
def test_entities_history_role_period(roles: str, period) -> None:  # noqa: ANN001
    from derek.extract.gazetteer import role_period

    assert role_period(roles) == period
