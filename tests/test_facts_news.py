"""Documents and posts in news text (session 9, KazNERD dev7): sentences of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected (subject, predicate, value, time) facts of these predicates)
CASES = [
    # a title whose «туралы» the phrase passed keeps its whole complement, back to the signer …
    ("Қасым-Жомарт Тоқаев Қазақстан азаматтарының салық жүктемесін азайту туралы Жарлыққа қол қойды.",
     [("person:tokayev", "signed", "Қазақстан азаматтарының салық жүктемесін азайту туралы Жарлық", None)]),  # as written
    (("Екі ұйым өзара тиімді серіктестік туралы меморандумға қол қойды. Назарбаев 1995 жылы өзара "
      "тиімді серіктестік туралы меморандумға қол қойды."),
     [("person:nazarbayev", "signed", "өзара тиімді серіктестік туралы меморандум", "1995")]),
    # … but not a place before it
    ("Тоқаев Алматыда жер учаскелерін беру тәртібі туралы Жарлыққа қол қойды.",
     [("person:tokayev", "signed", "жер учаскелерін беру тәртібі туралы Жарлық", None)]),
    # a body in the locative adopts an unowned document in the passive; a state there does not
    ("Бүгін Парламент Сенатында «Білім туралы» заң қабылданды.",
     [("org:kz-senate", "adopted", "«Білім туралы» заң", None)]),
    ("2020 жылы Парламент Мәжілісінде «Көші-қон туралы» заң қабылданды.",
     [("org:kz-mazhilis", "adopted", "«Көші-қон туралы» заң", "2020")]),
    ("1995 жылы Қазақстанда «Білім туралы» заң қабылданды.", []),
    ("Парламент Мәжілісінде «Көші-қон туралы» заң жобасы талқыланды.", []),
    # a passive participle of appointing before a post and its holder (in any case)
    ("Бүгін жаңадан тағайындалған Ұлттық банк төрағасы Ерболат Досаев баспасөз мәслихатын өткізді.",
     [("person:dosayev", "appointed_as", "ұлттық банк төрағасы", None)]),
    (("Президент жаңадан тағайындалған Қазақстан Республикасының Сыртқы істер министрі Мұхтар "
      "Тілеубердіні қабылдады."),
     [("person:tileuberdi", "appointed_as", "Қазақстан Республикасының Сыртқы істер министрі", None)]),
    ("Бұған дейін тағайындалған жаза Арман Сейітовке ауыр тиді.", []),
    # «кірісті» takes up a post only through «X қызметіне / лауазымына»
    ("Тоқаев өз қызметіне ресми кірісті.", []),
    ("Асқар Мамин жұмысқа кірісті.", []),
    ("Ыбырай 1879 жылы инспектор қызметіне кірісті.", [("person:altynsarin", "appointed_as", "инспектор", "1879")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_facts_news_documents_and_posts(text: str, expected: list[tuple]) -> None:
    predicates = {"signed", "adopted", "appointed_as"}
    facts = {(f.subject, f.predicate, f.object or f.value, f.time) for f in run(Document(text)).facts
             if f.predicate in predicates}
    assert facts == set(expected)


# session 12, KazNERD dev10: a body's sitting is where, and so who, adopted; a parent organization
# named in the nominative before its own body is part of the body's name, not a second party
SITTING_CASES = [
    ("Парламент Мәжілісінің пленарлық отырысында көші-қон туралы заң қабылданды.",
     {("org:kz-mazhilis", "adopted", "көші-қон туралы заң", None)}),
    ("2021 жылы Парламент Сенатының кезекті отырысында жер туралы заң қабылданды.",
     {("org:kz-senate", "adopted", "жер туралы заң", "2021")}),
    ("Парламент Сенатының төрағасы отыз жыл бұрын заң қабылданғанын айтты.", set()),
    ("Президент Нью-Йоркте өтетін Біріккен Ұлттар Ұйымы Бас Ассамблеясының сессиясына қатысады.",
     {("org:un-ga", "held_in", "place:new-york", None)}),
    ("Келесі жылы Женевада Біріккен Ұлттар Ұйымы Адам құқықтары жөніндегі кеңесінің сессиясы өтеді.",
     {("org:un-hrc", "held_in", "place:geneva", None)}),
    ("2010 жылы Астанада Еуропадағы қауіпсіздік және ынтымақтастық ұйымы мен ТМД кездесуі өтті.",
     {("org:osce", "held_in", "place:astana", "2010"), ("org:cis", "held_in", "place:astana", "2010")}),
]


@pytest.mark.parametrize(("text", "expected"), SITTING_CASES)
def test_facts_news_sittings_and_bodies(text: str, expected: set[tuple]) -> None:
    facts = {(f.subject, f.predicate, f.object or f.value, f.time) for f in run(Document(text)).facts
             if f.predicate in ("adopted", "held_in")}
    assert facts == expected
