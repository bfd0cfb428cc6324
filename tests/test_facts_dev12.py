"""Session 15 (KazNERD dev12 census): years written as ordinals («2017-нші жылы», «екі мың он
жетінші жылы»), candidacies approved for a post, a post held «ретінде» before a participle
phrase, «X-тың төрағалығымен» (chaired by X), quoted organization names closed by their kind
(«« Астана ЛРТ » компаниясы») and «азамат», «қандас» counted as people. Sentences of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.lang.kk.dates import find_dates
from derek.pipeline import run

# (text, expected DATE values): a year read aloud is an ordinal, in digits or in words
ORDINAL_YEARS = [
    ("Келісім 2015-інші жылы жасалды .", ["2015"]),
    ("Зауыт 1998-інші жылы іске қосылды .", ["1998"]),
    ("Ұйым 2001-нші жылы құрылды .", ["2001"]),
    ("Бағдарлама 2030-ыншы жылға дейін созылады .", ["2030"]),
    ("Ұйым екі мың он бесінші жылы құрылды .", ["2015"]),
    ("Тәуелсіздік мың тоғыз жүз тоқсан бірінші жылы жарияланды .", ["1991"]),
    ("Ол бір мың тоғыз жүз сексен алтыншы жылы туған .", ["1986"]),
    ("Жоспар екі мың жиырмасыншы жылы бекітілді .", ["2020"]),
    ("Мақсат екі мың қырқыншы жылға қарай орындалады .", ["2040"]),
    ("Стратегия екі мың елуінші жылға дейін жасалды .", ["2050"]),
    ("Жаңа заң 2019-ыншы жылдың 5 наурызында күшіне енді .", ["2019-03-05"]),
    # an ordinal below a thousand is the n-th year of something, no calendar year
    ("Бесінші жылы ол оқуды бітірді .", []),
    ("Оқудың үшінші жылында ол ауылға қайтты .", []),
]


@pytest.mark.parametrize(("text", "values"), ORDINAL_YEARS)
def test_ordinal_years(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text) if d.type == "DATE"] == values


# (text, expected (subject, predicate, object, value) facts, facts that must not appear)
FACT_CASES = [
    # a candidacy approved for a post named «ретінде» or «… лауазымына» before the candidate
    ("Депутаттар Премьер-министр ретінде Асқар Маминнің кандидатурасын бірауыздан қолдады .",
     [("person:mamin", "appointed_as", None, "премьер-министр")], []),
    ("Сенат Ұлттық банк төрағасы лауазымына Ерболат Досаевтың кандидатурасын бірауыздан мақұлдады .",
     [("person:dosayev", "appointed_as", None, "ұлттық банк төрағасы")], []),
    ("Мәжіліс Премьер-министр ретінде Бақыт Сұлтановтың кандидатурасын бекітті .",
     [("prov:person:бақыт_сұлтанов", "appointed_as", None, "премьер-министр")], []),
    # proposed, negated: no appointment
    ("Президент Премьер-министр ретінде Асқар Маминнің кандидатурасын ұсынды .",
     [], [("person:mamin", "appointed_as", None, "премьер-министр")]),
    ("Депутаттар Премьер-министр ретінде Асқар Маминнің кандидатурасын мақұлдамады .",
     [], [("person:mamin", "appointed_as", None, "премьер-министр")]),
    # «ретінде» then a participle phrase, then the holder
    ("Құрметті төраға ретінде сөз алған Қасым-Жомарт Тоқаев жастарға сәттілік тіледі .",
     [("person:tokayev", "appointed_as", None, "құрметті төраға")], []),
    ("Құрметті төраға ретінде форумға қатысқан Нұрсұлтан Назарбаев ынтымақты атап өтті .",
     [("person:nazarbayev", "appointed_as", None, "құрметті төраға")], []),
    # a bare lowercase role «ретінде» stays a role at an event
    ("Төраға ретінде сөз алған Қасым-Жомарт Тоқаев жастарға сәттілік тіледі .",
     [], [("person:tokayev", "appointed_as", None, "төраға")]),
    # «X-тың төрағалығымен» with the body in the locative (the bare «Мәжіліс» is the chamber)
    ("Кеше Мәжілісте Нұрлан Нығматулиннің төрағалығымен бюджет талқыланды .",
     [("person:nigmatulin", "chaired", "org:kz-mazhilis", None)], []),
    ("Парламент Сенатында Дариға Назарбаеваның төрағалығымен отырыс өтті .",
     [("person:dariga-nazarbayeva", "chaired", "org:kz-senate", None)], []),
    # «азамат» counts people
    ("Қазақстанда Өзбекстанның он мыңнан астам азаматы жұмыс істейді .",
     [("state:kz", "quantity", None, "10000 person")], []),
    ("Алматы облысында бес мың қандасымыз тұрады .",
     [("place:almaty-region", "quantity", None, "5000 person")], []),
]


def _facts(text: str) -> set[tuple]:
    return {(f.subject, f.predicate, f.object, f.value) for f in run(Document(text)).facts}


@pytest.mark.parametrize(("text", "expected", "absent"), FACT_CASES)
def test_dev12_facts(text: str, expected: list[tuple], absent: list[tuple]) -> None:
    facts = _facts(text)
    for fact in expected:
        assert fact in facts
    for fact in absent:
        assert fact not in facts


# (text, the organization's quoted words, entity ids that must not be mentioned)
QUOTED_ORGS = [
    ("« Алматы Моторс » компаниясы биыл бес мың көлік сатты .", "Алматы Моторс", ["place:almaty"]),
    ("« Қазақстан Темір Жолы » компаниясы жаңа вагондар сатып алды .", "Қазақстан Темір Жолы", ["state:kz"]),
    ("« Астана Құрылыс » серіктестігі жаңа мектеп салды .", "Астана Құрылыс", ["place:astana"]),
    ("« Азия Авиа » әуекомпаниясы екі ұшақ сатып алды .", "Азия Авиа", ["place:asia"]),
    ("Қаржы « Шымкент Инвест » қорына бөлінді .", "Шымкент Инвест", ["place:shymkent"]),
]


@pytest.mark.parametrize(("text", "name", "absent"), QUOTED_ORGS)
def test_quoted_organizations(text: str, name: str, absent: list[str]) -> None:
    mentions = run(Document(text)).entities
    assert any(m.text == name and m.type == "organization" for m in mentions)
    assert not any(m.entity in absent for m in mentions)


def test_quoted_place_without_org_head_stays_a_place() -> None:
    """«« Алматы » деген сөз»: a quoted place with no organization head is still the place."""
    mentions = run(Document("Ол « Алматы » қаласына келді .")).entities
    assert any(m.entity == "place:almaty" for m in mentions)
