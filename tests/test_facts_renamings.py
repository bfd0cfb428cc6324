"""Session 14 round 2 (KazQAD dev11): a renaming whose subject is a common noun, a pronoun with
«атауы» or nothing; a founding year alone in parentheses; a height followed by its name in
parentheses. Sentences of our own; expectations written before derek ran on them."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected (subject, value, time) renamed_to facts, facts that must not appear)
RENAMING_CASES = [
    # a common noun stands for the organization named last
    ("Назарбаев Университеті 2010 жылы ашылды. 2015 жылы университет Астана Жаңа Университеті болып өзгертілді.",
     [("org:nazarbayev-university", "Астана Жаңа Университеті", "2015")], []),
    # «болып өзгерді» (changed into), a longer lowercase name after a capitalized word
    ("Балқашмыс ірі кәсіпорын. 1960 ж. кәсіпорын Балқаш кен металлургия комбинаты болып өзгерді.",
     [("org:balkhashmys", "Балқаш кен металлургия комбинаты", "1960")], []),
    # no subject in the clause: «…, ал 1992 жылы Y болып ауыстырды», «X атындағы» kept in the name
    (("Меңдіқара қазақ педагогикалық училищесі 1940 жылы құрылды. "
      "Кейін ол көшірілді, ал 1995 жылы Абай атындағы Қостанай колледжі болып ауыстырды."),
     [("org:mendikara-college", "Абай атындағы Қостанай колледжі", "1995")], []),
    # a place renamed through «атауы» (its name), the pronoun standing for the place named last
    ("1700 жылы Ақмола бекеті салынды. 1998 жылы ол астана болды, атауы Астана деп өзгертілді.",
     [], []),  # the gazetteer keeps Ақмола as Astana's alias: the same entity, no renaming to itself
    ("1653 жылы Жаңа Амстердам салынды. 1664 жылы ол ағылшындарға өтіп, атауы Нью-Йорк деп өзгертілді.",
     [("place:new-amsterdam", "Нью-Йорк", "1664")], []),
    # a lowercase new name is no name
    ("Мәскеу мемлекеттік университеті ашылды. 1800 жылы мектеп орыс училищесі болып өзгертілді.",
     [], [("org:msu", "орыс училищесі", "1800")]),
    # a place's new name without «атауы» goes to no earlier place
    ("Алматы үлкен қала. 1891 жылы Ереже бойынша Дала генерал-губернаторлығы болып қайта құрылды.",
     [], [("place:almaty", "Дала генерал-губернаторлығы", "1891")]),
    # a capitalized name no gazetteer knows before the new one may be the old one: no guess
    ("Назарбаев Университеті ашылды. 1920 жылы Қызыл Жұлдыз клубы Астана Жаңа Университеті болып өзгерді.",
     [], [("org:nazarbayev-university", "Астана Жаңа Университеті", "1920")]),
]


@pytest.mark.parametrize("text,expected,absent", RENAMING_CASES)
def test_facts_renamings_topic_subject(text, expected, absent):
    facts = {(f.subject, f.value, f.time) for f in run(Document(text)).facts if f.predicate == "renamed_to"}
    assert set(expected) <= facts
    assert not set(absent) & facts


# (text, expected (subject, time) founded_on facts)
FOUNDING_CASES = [
    ("Балқашмыс алғаш (1938) комбинат болып құрылды.", [("org:balkhashmys", "1938")]),
    # a dated clause keeps its date; the bracketed figure is a count, not a year
    ("Балқашмыс 1938 жылы құрылды (5000 жұмысшы).", [("org:balkhashmys", "1938")]),
    ("Балқашмыс құрылды (120).", [("org:balkhashmys", None)]),
]


@pytest.mark.parametrize("text,expected", FOUNDING_CASES)
def test_facts_renamings_bracketed_founding_year(text, expected):
    facts = {(f.subject, f.time) for f in run(Document(text)).facts if f.predicate == "founded_on"}
    assert set(expected) <= facts


# (text, expected (subject, value) quantity facts, facts that must not appear)
NAMED_AFTER_CASES = [
    ("Батысы аласа, шығысы 1133 метр (Ұлытау таулары) биіктікке жетеді.",
     [("place:ulytau", "1133 m")], []),
    ("Ең биік нүктесі — 2176 метр (Қаратау жотасы).", [("place:karatau", "2176 m")], []),
    # a length in kilometres is not a height: no owner from the parenthesis
    ("Жотаның ұзындығы 400 км (Қаратау жотасы) шамасында.", [], [("place:karatau", "400 km")]),
    # the parenthesis must hold the name alone
    ("Биіктігі 1200 метр (Ұлытаудан төмен).", [], [("place:ulytau", "1200 m")]),
]


@pytest.mark.parametrize("text,expected,absent", NAMED_AFTER_CASES)
def test_facts_renamings_height_named_after(text, expected, absent):
    facts = {(f.subject, f.value) for f in run(Document(text)).facts if f.predicate == "quantity"}
    assert set(expected) <= facts
    assert not set(absent) & facts
