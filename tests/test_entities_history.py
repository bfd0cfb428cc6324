"""Names in history text: titles after a name, initials before a CRF name, khanate variants."""

from __future__ import annotations

import pytest
from conftest import entities_of
from conftest import needs_ner_model as needs_model

from derek.doc import Document
from derek.lang.kk.dates import extract_dates
from derek.lang.kk.numbers import extract_quantities
from derek.lang.kk.segment import segment
from derek.pipeline import lemmatize


def _entities(text: str, use_ner: bool) -> list:
    return entities_of(text, use_ner, deixis=False)


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


def _segmented(text: str) -> Document:
    doc = Document(text)
    for stage in (segment, lemmatize, extract_dates, extract_quantities):
        doc = stage(doc)
    return doc


def _token_span(doc: Document, text: str, span: str) -> tuple[int, int]:
    """The tokens a..b-1 that ``span`` (its first occurrence in ``text``) covers."""
    at = text.index(span)
    a = next(i for i, t in enumerate(doc.tokens) if t.start == at)
    return a, next(i for i, t in enumerate(doc.tokens) if t.end == at + len(span)) + 1


# (sentence, CRF span as written, person name kept): lowercase words either side and the next
# name's initials leave a CRF person (session 9)
PERSON_TRIMS = [
    ("Ол князь Г.Г.Орловтың көмегімен сарайға кірді.", "Г.Г.Орловтың көмегімен сарайға", "Г.Г.Орловтың"),
    ("Семейде Петровский М. Д. Сейітоваға үйленді.", "Петровский М.", "Петровский"),
    ("Оны генерал Сергеев қабылдады.", "генерал Сергеев", "Сергеев"),
    ("Кейін Сейтқали батырдың ауылына барды.", "Сейтқали батырдың", "Сейтқали батырдың"),
]


@pytest.mark.parametrize(("text", "crf", "name"), PERSON_TRIMS)
def test_entities_history_person_name_only(text: str, crf: str, name: str) -> None:
    from derek.extract.entities import _name_only

    doc = _segmented(text)
    a, b = _token_span(doc, text, crf)
    x, y = _name_only(doc, a, b)
    assert text[doc.tokens[x].start : doc.tokens[y - 1].end] == name


# (sentence, CRF span, the name before the title inside it, or None)
TITLE_INSIDE = [
    ("Соғыста Қасым ханның ұлы жеңіске жетті.", "Қасым ханның ұлы жеңіске", "Қасым"),
    ("Соғыста Ақжол Әлібек батырдың інісі жеңді.", "Ақжол Әлібек батырдың інісі", "Ақжол Әлібек"),
    ("Соғыста Қасым ханның жеңісі болды.", "Қасым ханның", None),   # the title ends the span
    ("Ол Қасым қаласының ұлы ақыны еді.", "Қасым қаласының ұлы ақыны", None),
]


@pytest.mark.parametrize(("text", "crf", "name"), TITLE_INSIDE)
def test_entities_history_title_inside_crf_span(text: str, crf: str, name: str | None) -> None:
    from derek.extract.entities import _title_inside

    doc = _segmented(text)
    a, b = _token_span(doc, text, crf)
    k = _title_inside(doc, a, b, {s.first_token for s in doc.sentences})
    assert (None if k is None else text[doc.tokens[a].start : doc.tokens[k - 1].end]) == name


# a plural of a state's name is its people, not the state (session 9)
PLURALS = [
    ("Қытайлар толық жеңілді.", False),
    ("Қытайлардың әскері шегінді.", False),
    ("Қытай әскері шегінді.", True),
    ("Біріккен Араб Әмірліктері келісті.", True),
]


@pytest.mark.parametrize(("text", "found"), PLURALS)
def test_entities_history_plural_is_a_people(text: str, found: bool) -> None:
    assert bool([m for m in _entities(text, use_ner=False) if m.type == "state"]) == found


class _FakeTags:
    """CRF spans given by hand: (first token, end token, KazNERD class) for sentence 0."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.spans = spans

    def of(self, k: int) -> list[tuple[int, int, str]]:
        return self.spans if k == 0 else []


@pytest.mark.parametrize(("text", "crf", "kept"), [
    ("Шартқа Б.Н Ельцин қол қойды.", "Б.", False),        # a lone initial the CRF called a body
    ("Шартқа А. Б. қол қойды.", "А. Б.", False),
    ("Шартқа ЕҚЫҰ өкілі қол қойды.", "ЕҚЫҰ", True),
])
def test_entities_history_initials_alone_name_nothing(text: str, crf: str, kept: bool) -> None:
    from derek.extract.entities import _ner_mentions

    doc = _segmented(text)
    a, b = _token_span(doc, text, crf)
    found = _ner_mentions(doc, _FakeTags([(a, b, "ORGANISATION")]), set(), set())
    assert bool([m for m in found if m.text == crf]) == kept


# a multiword name with the attributive after its possessive locative («облысындағы») is the
# gazetteer's, not a compass + state region; a university named after a person is no person
@pytest.mark.parametrize(("text", "span", "entity"), [
    ("Шығыс Қазақстан облысындағы кәсіпорындар жабылды.", "Шығыс Қазақстан облысындағы", "place:ekz-region"),
    ("Қарағанды облысындағы шахталар тоқтады.", "Қарағанды облысындағы", "place:karaganda-region"),
    ("Назарбаев Университетінің түлектері келді.", "Назарбаев Университетінің", "org:nazarbayev-university"),
])
def test_entities_history_long_inflected_names(text: str, span: str, entity: str) -> None:
    assert (span, entity) in [(m.text, m.entity) for m in _entities(text, use_ner=False)]
