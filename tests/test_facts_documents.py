"""Documents signed and adopted by their full name (session 11, round 3): sentences of our own,
each expectation written from the rulebook before derek ran on it. A gazetteer treaty is the
object; any other document is the value, its whole name in the nominative."""

from __future__ import annotations

import re

import pytest

from derek.doc import Document
from derek.pipeline import run

KZ, RU, CN, UZ = "state:kz", "state:ru", "state:cn", "state:uz"


def _signed(subjects: list[str], value: str | None, time: str | None, treaty: str | None = None) -> set:
    return {(s, "signed", treaty, value, time) for s in subjects}


# (text, the signed/adopted facts of the text: (subject, predicate, object, value, time))
CASES = [
    # parties named only in the title «X мен Y арасындағы» sign a passive
    ("1995 жылы Қазақстан мен Ресей арасындағы экономикалық ынтымақтастық туралы келісімге қол қойылды.",
     _signed([KZ, RU], "Қазақстан мен Ресей арасындағы экономикалық ынтымақтастық туралы келісім", "1995")),
    # a place before the parties is where, not part of the title
    ("2004 жылы Мәскеуде Қазақстан мен Ресей арасындағы ғарыш туралы келісімге қол қойылды.",
     _signed([KZ, RU], "Қазақстан мен Ресей арасындағы ғарыш туралы келісім", "2004")),
    ("Ташкенттен Қазақстан мен Өзбекстан арасындағы көлік туралы шартқа 2017 жылы қол қойылды.",
     _signed([KZ, UZ], "Қазақстан мен Өзбекстан арасындағы көлік туралы шарт", "2017")),
    ("Қазақстан мен Ресей 1995 жылы экономикалық ынтымақтастық туралы келісімге қол қойды.",
     _signed([KZ, RU], "экономикалық ынтымақтастық туралы келісім", "1995")),
    # gazetteer treaties
    ("Қазақстан 1992 жылы Лиссабон хаттамасына қол қойды.",
     _signed([KZ], None, "1992", "treaty:lisbon-protocol")),
    ("Армения 1992 жылы ұжымдық қауіпсіздік туралы шартқа қол қойды.",
     _signed(["state:am"], None, "1992", "treaty:cst")),
    ("Беларусь 1993 жылы ТМД-ның Жарғысына қол қойды.",
     _signed(["state:by"], None, "1993", "treaty:cis-charter")),
    (("1998 жылы Ресей мен Қазақстан XXI ғасырға бағдарланған мәңгілік достық пен одақтастық туралы "
      "декларацияға қол қойды."), _signed([RU, KZ], None, "1998", "treaty:kz-ru-1998")),
    ("1991 жылы 8 желтоқсанда Ресей, Украина және Беларусь Беловеж келісіміне қол қойды.",
     _signed([RU, "state:ua", "state:by"], None, "1991-12-08", "treaty:cis-agreement")),
    # «… жөніндегі», a quoted title before the head, a genitive party, a co-party «-пен»
    ("2019 жылы Қазақстан мен Өзбекстан су ресурстарын бірлесіп пайдалану жөніндегі меморандумға қол қойды.",
     _signed([KZ, UZ], "су ресурстарын бірлесіп пайдалану жөніндегі меморандум", "2019")),
    ("Назарбаев 2000 жылы «Мәңгілік достық туралы» шартқа қол қойды.",
     _signed(["person:nazarbayev"], "Мәңгілік достық туралы шарт", "2000")),
    ("Қазақстан 2008 жылы Еуропа кеңесінің мәдениет туралы конвенциясына қол қойды.",
     _signed([KZ], "Еуропа кеңесінің мәдениет туралы конвенциясы", "2008")),
    ("2001 жылы Қазақстан мен Ресей Каспий теңізінің түбін бөлу туралы келісімге қол қойды.",
     _signed([KZ, RU], "Каспий теңізінің түбін бөлу туралы келісім", "2001")),
    ("Тоқаев 2022 жылы «Конституцияға өзгерістер енгізу туралы» заңға қол қойды.",
     _signed(["person:tokayev"], "Конституцияға өзгерістер енгізу туралы заң", "2022")),
    ("Қазақстан 2015 жылы АҚШ-пен ядролық қауіпсіздік жөніндегі бірлескен мәлімдемеге қол қойды.",
     _signed([KZ, "state:us"], "ядролық қауіпсіздік жөніндегі бірлескен мәлімдеме", "2015")),
    # a coordinated pair: one fact per document
    ("Қазақстан мен Қытай 2002 жылы тату көршілік туралы шарт пен шекара туралы хаттамаға қол қойды.",
     _signed([KZ, CN], "тату көршілік туралы шарт", "2002") | _signed([KZ, CN], "шекара туралы хаттама", "2002")),
    # a treaty worded its own way: the gazetteer treaty of that month whose name names both parties
    ("1994 жылғы сәуірде Қазақстан мен Қытай арасындағы мемлекеттік шекара туралы шартқа қол қойылды.",
     _signed([KZ, CN], None, "1994-04", "treaty:kz-cn-1994")),
    ("1994 жылы Қазақстан мен Қытай арасындағы мемлекеттік шекара туралы шартқа қол қойылды.",
     _signed([KZ, CN], "Қазақстан мен Қытай арасындағы мемлекеттік шекара туралы шарт", "1994")),
    # a name dated by its own day
    ("1994 жылғы 20 қаңтардағы біртұтас экономикалық кеңістік құру туралы шартқа Қазақстан мен Өзбекстан қол қойды.",
     _signed([KZ, UZ], "1994 жылғы 20 қаңтардағы біртұтас экономикалық кеңістік құру туралы шарт", "1994-01-20")),
    # no crossing a comma-bounded clause or a verb
    ("Келіссөздер аяқталған соң, Қазақстан мен Қытай мұнай құбыры туралы келісімге қол қойды.",
     _signed([KZ, CN], "мұнай құбыры туралы келісім", None)),
    ("Ұзақ келіссөздерден кейін 2005 жылы Қазақстан мен Ресей шекара туралы шартқа қол қойды.",
     _signed([KZ, RU], "шекара туралы шарт", "2005")),
    # a co-party of a converb's comma clause (consulted with …) is no signer (session 12)
    ("Қазақстан Ресеймен кеңесіп, 2010 жылы кеден туралы келісімге қол қойды.",
     _signed([KZ], "кеден туралы келісім", "2010")),
    ("Қазақстан Қытаймен келіссөз жүргізіп, 2011 жылы су туралы келісімге қол қойды.",
     _signed([KZ], "су туралы келісім", "2011")),
    ("Қазақстан 2012 жылы Қытаймен су туралы келісімге қол қойды.",
     _signed([KZ, CN], "су туралы келісім", "2012")),
    ("Қазақстан Қытаймен бірлесіп су туралы келісімге қол қойды.",
     _signed([KZ, CN], "су туралы келісім", None)),
    # historical documents
    ("1917 жылы Ленин Бейбітшілік туралы декретке қол қойды.",
     _signed(["person:lenin"], "Бейбітшілік туралы декрет", "1917")),
    ("1731 жылы 19 ақпанда Анна Иоанновна Кіші жүзді Ресейдің қол астына қабылдау туралы грамотаға қол қойды.",
     _signed(["person:anna-ioannovna"], "Кіші жүзді Ресейдің қол астына қабылдау туралы грамота", "1731-02-19")),
    ("1867 жылы II Александр Жетісу облысын басқару туралы уақытша ережеге қол қойды.",
     _signed(["person:alexander-ii"], "Жетісу облысын басқару туралы уақытша ереже", "1867")),
    # adopted by a body, a ruler, a state
    # a fronted object: the adopter named after the document (session 12)
    ("Жеті жарғыны Тәуке хан қабылдады.", {("person:tauke-khan", "adopted", None, "Жеті жарғы", None)}),
    ("Тәуке хан Жеті жарғыны қабылдады.", {("person:tauke-khan", "adopted", None, "Жеті жарғы", None)}),
    ("Терроризмге қарсы іс-қимыл стратегиясын 2016 жылы ҰҚШҰ қабылдады.",
     {("org:csto", "adopted", None, "Терроризмге қарсы іс-қимыл стратегиясы", "2016")}),
    ("Мемлекеттік егемендік туралы декларацияны 1990 жылы Қазақ КСР Жоғарғы Кеңесі қабылдады.",
     {("org:kazakh-ssr-supreme-soviet", "adopted", None, "Мемлекеттік егемендік туралы декларация", "1990")}),
    ("1995 жылы 30 тамызда Қазақстан Республикасының Конституциясы қабылданды.",
     {(KZ, "adopted", None, "Қазақстан Республикасының Конституциясы", "1995-08-30")}),
    ("1990 жылы 25 қазанда Қазақ КСР Жоғарғы Кеңесі Мемлекеттік егемендік туралы Декларация қабылдады.",
     {("org:kazakh-ssr-supreme-soviet", "adopted", None, "Мемлекеттік егемендік туралы Декларация", "1990-10-25")}),
    ("Бас Ассамблея 2009 жылы ядролық сынақтарға қарсы халықаралық күн туралы қарар қабылдады.",
     {("org:un-ga", "adopted", None, "ядролық сынақтарға қарсы халықаралық күн туралы қарар", "2009")}),
    # session 12 round 3: an unquoted title before «деген / атты» — a verbal-noun clause with its
    # objects and one place — is the name with its naming word (dev10's «… деген резолюция»)
    ("Парламент Мәжілісінің отырысында Астанада жаңа ғимарат салу деген резолюция қабылданды.",
     {("org:kz-mazhilis", "adopted", None, "Астанада жаңа ғимарат салу деген резолюция", None)}),
    ("2015 жылы Парламент Мәжілісі ауыл шаруашылығын дамыту деген бағдарлама қабылдады.",
     {("org:kz-mazhilis", "adopted", None, "ауыл шаруашылығын дамыту деген бағдарлама", "2015")}),
    ("Парламент Мәжілісі «Жер туралы» деген заң қабылдады.",
     {("org:kz-mazhilis", "adopted", None, "«Жер туралы» деген заң", None)}),
    ("Парламент Мәжілісі Астанада ғимарат салу туралы резолюция қабылдады.",
     {("org:kz-mazhilis", "adopted", None, "ғимарат салу туралы резолюция", None)}),
]


def _norm(value: str | None) -> str | None:
    """As bench/facts.py scores a value: quotes dropped, spaces collapsed, case folded."""
    return None if value is None else " ".join(re.sub(r'["«»“”„]', " ", value).split()).casefold()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_facts_documents_full_name(text: str, expected: set) -> None:
    doc = run(Document(text))
    got = {(f.subject, f.predicate, f.object, _norm(f.value), f.time) for f in doc.facts
           if f.predicate in ("signed", "adopted")}
    assert got == {(s, p, o, _norm(v), t) for s, p, o, v, t in expected}
