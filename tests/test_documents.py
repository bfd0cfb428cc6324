"""Documents adopted and things proposed that are no gazetteer entity (derek.extract.documents,
derek.extract.doc_names): sentences of our own, one per shape, plus the name-phrase reader."""

from __future__ import annotations

import unicodedata

import pytest

from derek.doc import Document
from derek.extract.doc_names import noun_form
from derek.lang.kk.resources import load_tsv
from derek.pipeline import run

# (text, expected (subject, predicate, object or value, time) of the whole text)
ADOPTED_CASES = [
    # passive, the body is the owner of the meeting; «туралы» complement with a verbal noun and
    # an entity in the accusative stays in the name
    ("2019 жылы ШЫҰ саммитінде Ұйымды кеңейту туралы декларация қабылданды.",
     {("org:sco", "adopted", "Ұйымды кеңейту туралы декларация", "2019")}),
    # the genitive owner is the subject, a date governed by «дейінгі» is part of the name
    ("ЕАЭО-ның 2030 жылға дейінгі даму жоспары 2021 жылы бекітілді.",
     {("org:eaeu", "adopted", "2030 жылға дейінгі даму жоспары", "2021")}),
    # «тарапынан» names the agent; the quoted title comes with its head noun; «ұсынған» drafted it
    ("Қазақстан ұсынған «Жасыл көпір» бағдарламасы 2012 жылы БҰҰ тарапынан мақұлданды.",
     {("org:un", "adopted", "«Жасыл көпір» бағдарламасы", "2012"),
      ("state:kz", "proposed", "«Жасыл көпір» бағдарламасы", None)}),
    # active, accusative document; coordination inside the name; the head back in the nominative
    ("БҰҰ Бас Ассамблеясы 1966 жылы Азаматтық және саяси құқықтар туралы халықаралық пактіні қабылдады.",
     {("org:un-ga", "adopted", "Азаматтық және саяси құқықтар туралы халықаралық пакті", "1966")}),
    # a meeting with no owner belongs to the organization the text is about
    ("АӨСШК 1999 жылы құрылды. 2014 жылғы саммитте сенім шаралары жөніндегі іс-қимыл жоспары қабылданды.",
     {("org:cica", "founded_on", None, "1999"),
      ("org:cica", "adopted", "сенім шаралары жөніндегі іс-қимыл жоспары", "2014")}),
    # a body proclaims a day: the accusative date is what is named, not when
    ("Бас Ассамблея 2011 жылғы 2 желтоқсанда 29 тамызды Халықаралық жастар күні деп жариялады.",
     {("org:un-ga", "adopted", "Халықаралық жастар күні", "2011-12-02")}),
]

PROPOSED_CASES = [
    # the noun phrase a verbal noun takes, its head back in the nominative
    ("Президент Тоқаев 2021 жылы аймақтық азық-түлік қауіпсіздігі қорын құруды ұсынды.",
     {("person:tokayev", "proposed", "аймақтық азық-түлік қауіпсіздігі қоры", "2021")}),
    # the idea fronted before the proposer; a state before «Президенті» and a name is no proposer
    ("Еуразиялық энергетикалық кеңістік құру идеясын Қазақстан Президенті Нұрсұлтан Назарбаев 2006 жылы ұсынды.",
     {("person:nazarbayev", "proposed", "Еуразиялық энергетикалық кеңістік", "2006")}),
    # on the initiative of / at the proposal of: what the clause founds
    ("Қазақстанның бастамасымен 1992 жылы АӨСШК құрылды.",
     {("org:cica", "founded_on", None, "1992"), ("state:kz", "proposed", "org:cica", None)}),
    ("Ресейдің ұсынысы бойынша 2015 жылы ЕАЭО құрылды.",
     {("org:eaeu", "founded_on", None, "2015"), ("state:ru", "proposed", "org:eaeu", None)}),
    # an organization before a dative verbal noun is what the document is for: the document was proposed
    ("Назарбаевтың бастамасымен Шанхай ынтымақтастық ұйымын нығайтуға арналған бағдарлама жасалды.",
     {("person:nazarbayev", "proposed", "Шанхай ынтымақтастық ұйымын нығайтуға арналған бағдарлама", None)}),
    ("Тоқаевтың бастамасымен Тәуелсіз мемлекеттер достастығын дамытуға арналған жаңа жоспар әзірленген.",
     {("person:tokayev", "proposed", "Тәуелсіз мемлекеттер достастығын дамытуға арналған жаңа жоспар", None)}),
]

NO_DOCUMENT_CASES = [
    "2023 жылғы саммитте маңызды декларация қабылданды.",  # no name, only an adjective
    "Декларация 1975 жылы қабылданды.",  # a bare noun and no body
    "Ол кітапты қабылдады.",
    "Қазақстан әзірлеген қарар жобасы 2009 жылы қабылданды.",  # nobody named for the adoption
    "Кеңес жұмысына он мемлекет қатысты.",
]


def _facts(text: str) -> set:
    doc = run(Document(text))
    return {(f.subject, f.predicate, f.object or f.value, f.time) for f in doc.facts}


@pytest.mark.parametrize(("text", "expected"), ADOPTED_CASES)
def test_documents_adopted_by_name(text: str, expected: set) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), PROPOSED_CASES)
def test_documents_proposed_things(text: str, expected: set) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize("text", NO_DOCUMENT_CASES)
def test_documents_no_fact_without_name_or_body(text: str) -> None:
    assert {f for f in _facts(text) if f[1] in ("adopted", "proposed")} == set()


NOUN_FORMS = [
    ("стратегиясын", ("стратегия", "document", True, "ACC")),
    ("бағдарламасы", ("бағдарлама", "document", True, "NOM")),  # the analyser reads a verb here
    ("Жарғысына", ("жарғы", "document", True, "DAT")),
    ("мәлімдеме", ("мәлімдеме", "document", False, "NOM")),
    ("саммитте", ("саммит", "meeting", False, "LOC")),
    ("бастамасымен", ("бастама", "proposal", True, "INS")),
    ("жоспарлады", None),  # a verb from the same stem
    ("актив", None),
]


@pytest.mark.parametrize(("word", "expected"), NOUN_FORMS)
def test_documents_noun_form(word: str, expected: tuple | None) -> None:
    form = noun_form(word)
    assert (None if form is None else (form.stem, form.kind, form.possessive, form.case)) == expected


def test_documents_noun_list_shape() -> None:
    rows = load_tsv("document_nouns.tsv", "derek.extract")
    nouns = [r["noun"] for r in rows]
    assert len(nouns) == len(set(nouns))
    assert {r["kind"] for r in rows} == {"document", "collection", "meeting", "proposal", "instrument"}
    assert all(unicodedata.normalize("NFC", n) == n and n.islower() for n in nouns)
