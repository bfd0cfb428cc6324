"""Session 5 figure and adoption rules of derek.extract (facts_counts, figure_owners,
facts_adopted): which figure of a sentence belongs to which owner and year, and documents adopted
with a state owner or an indefinite object. Every case is a sentence of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run


def _found(text: str, index: int) -> set:
    doc = run(Document(text))
    sentence = doc.sentences[index]
    return {(f.subject, f.predicate, f.object or f.value, f.time) for f in doc.facts if f.start == sentence.start}


# (text, sentence index, expected facts of that sentence)
YEAR_CASES = [
    # «X жылдан Y жылға дейін» (from … until …) is the figure's period
    ("2001 жылдан 2011 жылға дейін Моңғолияның экспорты 4 есеге артты.", 0,
     {("state:mn", "quantity", "4 times", "2001/2011")}),
    ("Қырғызстан 2003 жылдан 2006 жылға дейін ЕҚЫҰ-ға төрағалық етті.", 0,
     {("state:kg", "chaired", "org:osce", "2003/2006")}),
    # a change against a base year is a figure of the period between the two (session 8 rule:
    # before, the base year was dropped and the later year kept)
    ("Қазақстанның өнеркәсіп өндірісі 1998 жылы 1990 жылмен салыстырғанда екі есе азайды.", 0,
     {("state:kz", "quantity", "2 times", "1990/1998")}),
    ("Моңғолияның экспорты 2015 жылмен салыстырғанда 2020 жылы 20 %-ға өсті.", 0,
     {("state:mn", "quantity", "20 percent", "2015/2020")}),
    ("2012 жылға қарағанда 2018 жылы Қырғызстанның импорты 3 есе көбейді.", 0,
     {("state:kg", "quantity", "3 times", "2012/2018")}),
    # a level beside a base year keeps its own year; a starting point («бері») makes no period
    ("Моңғолияның экспорты 2020 жылы 7 млрд доллар болды, 2015 жылмен салыстырғанда.", 0,
     {("state:mn", "quantity", "7e+09 USD", "2020")}),
    ("Моңғолияның экспорты 2015 жылдан бері 2020 жылы 20 %-ға өсті.", 0,
     {("state:mn", "quantity", "20 percent", "2020")}),
    # a per-date list: «date — figure» items take the list's unit and owner, each its own year
    ("Моңғолияның халқы 1990 жылы 2 млн адам болса, 2005 жылы — 2,5 млн, 2020 жылы — 3,3 млн.", 0,
     {("state:mn", "quantity", "2e+06 person", "1990"), ("state:mn", "quantity", "2.5e+06 person", "2005"),
      ("state:mn", "quantity", "3.3e+06 person", "2020")}),
    # a second figure of the same unit with no measure of its own continues the first («болса, …»)
    ("Қырғызстанның экспорты 2010 жылы 2 млрд доллар болса, 2021 жылы 3 млрд долларға өсті.", 0,
     {("state:kg", "quantity", "2e+09 USD", "2010"), ("state:kg", "quantity", "3e+09 USD", "2021")}),
    # a change after «… болса» continues the last figure's owner, over the period between the years
    ("Моңғолияның экспорты 2019 жылы 7 млрд доллар болса, 2020 жылы 15 %-ға азайды.", 0,
     {("state:mn", "quantity", "7e+09 USD", "2019"), ("state:mn", "quantity", "15 percent", "2019/2020")}),
    # … but not across a name derek does not know («Шардарада»): that figure is not the list's
    ("Қырғызстанның халқы 2010 жылы 5 млн адам болса, Шардарада 2021 жылы 80 мың адам тұрды.", 0,
     {("state:kg", "quantity", "5e+06 person", "2010")}),
    ("Түркияның ЖІӨ-сі 2016 жылы – 860 млрд доллар, 2017 жылы – 850 млрд доллар болды.", 0,
     {("state:tr", "quantity", "8.6e+11 USD", "2016"), ("state:tr", "quantity", "8.5e+11 USD", "2017")}),
    # a year inside the measure phrase does not part the genitive owner from its measure
    ("Өзбекстанның 2019 жылғы сыртқы сауда айналымы 42 млрд доллар болды.", 0,
     {("state:uz", "quantity", "4.2e+10 USD", "2019")}),
    # the months a figure covers are one span of time
    ("2021 жылдың қаңтар-маусым айларында Түркияның экспорты 100 млрд доллар болды.", 0,
     {("state:tr", "quantity", "1e+11 USD", "2021-01/2021-06")}),
    # «…, ал импорты …»: the next measure of a series after «ал» keeps the owner and the year
    ("Өзбекстанның экспорты 2019 жылы 17 млрд долларды, ал импорты 24 млрд долларды құрады.", 0,
     {("state:uz", "quantity", "1.7e+10 USD", "2019"), ("state:uz", "quantity", "2.4e+10 USD", "2019")}),
]

OWNER_CASES = [
    # a mountain in the locative owns what is counted on it, a four-digit count included
    ("Жетісу Алатауында 1369 мұздық бар.", 0, {("place:zhetysu-alatau", "quantity", "1369", None)}),
    ("Алатауда 2020 жылы 300 мың турист болды.", 0, {("place:alatau", "quantity", "300000", "2020")}),
    # … and its own properties; a year before a word that is no counted noun stays no figure
    ("Алатаудың ұзындығы 300 км.", 0, {("place:alatau", "quantity", "300 km", None)}),
    ("Қазақстанда 1916 көтеріліс болды.", 0, set()),
    # per-partner items «X-мен – N км»: each partner owns its own figure
    ("Ауғанстан солтүстігінде Тәжікстанмен – 1357 км, Өзбекстанмен – 144 км шектеседі.", 0,
     {("state:tj", "quantity", "1357 km", None), ("state:uz", "quantity", "144 km", None)}),
    # a border length belongs to the neighbour in the instrumental (the partner of a bilateral figure)
    ("Моңғолия оңтүстігінде 4677 км Қытаймен шектеседі.", 0, {("state:cn", "quantity", "4677 km", None)}),
    # … but only a length: an area in a sentence about borders stays its owner's
    ("Моңғолияның ауданы 1,56 млн шаршы км, ол Ресеймен шектеседі.", 0,
     {("state:mn", "quantity", "1.56e+06 km2", None)}),
    # a place in the locative owns a count of what is there: past a -лық attribute, and a
    # compound noun whose head takes -(с)ы («су қоймалары») is still the plain nominative
    ("Кеңес дәуірінде Қырғызстанда 20-дан астам су қоймалары салынған.", 0,
     {("state:kg", "quantity", "20", None)}),
    ("1949-1989 жылдары Семей полигонында 456 ядролық сынақ жүргізілді.", 0,
     {("place:semipalatinsk-test-site", "quantity", "456", "1949/1989")}),
    # a figure with the possessive ending is a part of a whole named before it: it counts nothing after it
    ("Бөлінген 50 млн сомның 20 млн-ы Қырғызстанда, 30 млн-ы ақ әскерлерге жұмсалды.", 0, set()),
    # an area in km² written with superscript markup that HTML (or escaped web text) left
    ("Моңғолияның ауданы 1,56 млн км<sup>2</sup>.", 0, {("state:mn", "quantity", "1.56e+06 km2", None)}),
    # a genitive name with a locative side after it places the figure, it does not own it
    ("Қарағанды қаласының оңтүстігінде 40 км жерде көмір кені бар.", 0, set()),
    # the second measure of a series after a comma keeps the first one's owner
    ("Семей ядролық сынақ полигонының ұзындығы 300 км, ені 180 км.", 0,
     {("place:semipalatinsk-test-site", "quantity", "300 km", None),
      ("place:semipalatinsk-test-site", "quantity", "180 km", None)}),
    # a known river in the parenthesis owns its length; the genitive state owns nothing
    ("Ресейдің ең ұзын өзені — Лена (4 400 км), ең терең көлі — Байкал.", 0,
     {("place:lena", "quantity", "4400 km", None)}),
    # a multiplier measures the verbal noun right before it (past the figure's year)
    ("Қазақстанның мұнай өндіру 1995 жылы 2 есе қысқарды.", 0, {("state:kz", "quantity", "2 times", "1995")}),
    # a percentage of a plural common noun in the genitive is that thing's share, not the topic's;
    # «ол» before a noun is a determiner («ол жылдары»), not a pointer to the last name
    ("Қазақстан экономикасы қиын жағдайда болды. Ол жылдары зауыттардың 60%-ы тоқтап қалды.", 1, set()),
    ("Қазақстан экономикасы қиын жағдайда болды. 1921 жылы вагондардың 90%-ы жөндеуді қажет етті.", 1, set()),
    # … but residents are a population: their share stays the topic's
    ("Моңғолия туралы. Халқы көп емес. Қалалықтар тұрғындардың 68 %-ын құрайды.", 2,
     {("state:mn", "quantity", "68 percent", None)}),
]

ADOPTED_CASES = [
    # passive, the document's genitive owner is a state: the state adopts, the value keeps the owner
    ("1993 жылы 28 қаңтарда Қазақстан Республикасының Конституциясы қабылданды.", 0,
     {("state:kz", "adopted", "Қазақстан Республикасының Конституциясы", "1993-01-28")}),
    # a law «about» the state: the genitive is the law's topic, kept in the value
    ("1995 жылы Қазақстан Республикасының мемлекеттік рәміздері туралы заң қабылданды.", 0,
     {("state:kz", "adopted", "Қазақстан Республикасының мемлекеттік рәміздері туралы заң", "1995")}),
    # active with an indefinite (bare nominative) object after the body
    ("1992 жылы Қазақ КСР Жоғарғы Кеңесі Жер туралы заң қабылдады.", 0,
     {("org:kazakh-ssr-supreme-soviet", "adopted", "Жер туралы заң", "1992")}),
    # a document with no owner and no body named gives no fact (the rulebook's 1789 declaration)
    ("1948 жылы Адам құқықтары туралы декларация қабылданды.", 0, set()),
]


@pytest.mark.parametrize(("text", "index", "expected"), YEAR_CASES)
def test_facts_figures_year_of_each_figure(text: str, index: int, expected: set) -> None:
    assert _found(text, index) == expected


@pytest.mark.parametrize(("text", "index", "expected"), OWNER_CASES)
def test_facts_figures_owner_of_each_figure(text: str, index: int, expected: set) -> None:
    assert _found(text, index) == expected


@pytest.mark.parametrize(("text", "index", "expected"), ADOPTED_CASES)
def test_facts_figures_adopted_documents(text: str, index: int, expected: set) -> None:
    assert _found(text, index) == expected


NOT_CONTINUED = [  # (sentence, owner that must not take the change figure after «болса»)
    ("Моңғолияның экспорты 2019 жылы 7 млрд доллар болса, Қытайдың импорты 2020 жылы 2 есе өсті.", "state:mn"),
    ("Моңғолияның экспорты 2019 жылы 7 млрд доллар болса, Алатауда 2020 жылы 3 есе өсті.", "state:mn"),
]


@pytest.mark.parametrize(("text", "owner"), NOT_CONTINUED)
def test_facts_figures_change_not_continued_across_a_name(text: str, owner: str) -> None:
    doc = run(Document(text))
    assert not [f for f in doc.facts if f.subject == owner and (f.value or "").endswith("times")]


MEASURE_CASES = [  # (sentence, the measure qualifier of its figure)
    ("Моңғолияның сауда айналымы 2022 жылы 16 млрд доллар болды.", "сауда айналым"),
    ("Моңғолияның сауда балансы 2022 жылы 2 млрд доллар болды.", "сауда баланс"),
    # a pronoun before the measure qualifies nothing
    ("Моңғолияның экспортында мыс басым: олардың үлесі 2022 жылы 40 пайыз болды.", "үлес"),
]


@pytest.mark.parametrize(("text", "measure"), MEASURE_CASES)
def test_facts_figures_measure_qualifier(text: str, measure: str) -> None:
    doc = run(Document(text))
    assert [f.qualifiers.get("measure") for f in doc.facts if f.predicate == "quantity"] == [measure]


# Session 12 (issue 6): a bare year or date in brackets closing the clause that holds a figure
# dates it («… бар (2005).»); a bracketed year elsewhere (a life, another clause) does not.
BRACKET_YEAR_CASES = [
    ("Қазақстанның халқы 16 млн адам (2005).", 0, {("state:kz", "quantity", "1.6e+07 person", "2005")}),
    ("Қазақстанда 10 мыңнан астам дәрігер бар (2010).", 0, {("state:kz", "quantity", "10000", "2010")}),
    ("Моңғолияның экспорты 7 млрд доллар (2020 жылғы 1 қаңтар).", 0,
     {("state:mn", "quantity", "7e+09 USD", "2020-01-01")}),
    ("Қазақстанның халқы 16 млн адам. Оның астанасы Астана (1997).", 0,
     {("state:kz", "quantity", "1.6e+07 person", None)}),
    ("Қазақстанның халқы 16 млн адам, ал Моңғолияның астанасы Ұланбатыр (1924).", 0,
     {("state:kz", "quantity", "1.6e+07 person", None)}),
]


@pytest.mark.parametrize(("text", "index", "expected"), BRACKET_YEAR_CASES)
def test_facts_figures_bracketed_year(text: str, index: int, expected: set) -> None:
    assert _found(text, index) == expected
