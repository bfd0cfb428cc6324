"""Whose figure it is in other authors' text (session 13, issue 6): «Оның» + a measure noun and a
locative owner not carried to the next sentence, a source in the ablative of a stand-alone sentence, the partner of a pair, a unit shared by a
series of places. Sentences of our own; expectations written before derek ran on them."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected (subject, value) quantity facts, (subject, value) facts that must not appear)
ITS_MEASURE_CASES = [
    # «Оның» before a measure noun points at the place the previous sentence named last
    ("Астана — Қазақстанның астанасы. Оның халқы 1 млн адамнан асады.",
     [("place:astana", "1e+06 person")], [("state:kz", "1e+06 person")]),
    ("Балқаш көлі — Қазақстандағы ірі көл. Оның ауданы 16 мың км².",
     [("place:balkhash", "16000 km2")], [("state:kz", "16000 km2")]),
    ("Каспий теңізі — әлемдегі ең үлкен тұйық су айдыны. Оның тереңдігі 1025 метр.",
     [("place:caspian-sea", "1025 m")], []),
    # a figure of a place named in the locative is not carried to the next sentence's figure
    ("Мысырдың халқы 100 млн адамнан асады. Каирда 20 млн адам тұрады. Тұрғындардың 90 %-ы мұсылмандар.",
     [("place:cairo", "2e+07 person"), ("state:eg", "90 percent")], [("place:cairo", "90 percent")]),
    ("Қазақстанның халқы 19 млн адам. Алматыда 2 млн адам тұрады. Халықтың 70 %-ы қалада тұрады.",
     [("state:kz", "70 percent")], [("place:almaty", "70 percent")]),
    # not before a counted noun: «Оның 3 баласы» (his three children) is nobody's measure
    ("Павлодар — ірі қала. Оның 3 баласы болды.", [], [("place:pavlodar", "3")]),
    # nor a counted noun after the figure («751 ж. оның бойында»: a year, and no measure)
    ("Талас өзені жазықпен ағады. 751 ж. оның бойында бекініс салынды.", [],
     [("place:talas-river", "751")]),
]

SOURCE_CASES = [
    # in a sentence standing alone, a place in the ablative (the source) owns the figure
    ("Қостанай облысынан былтыр 200 мың тонна астық экспортталды .",
     [("place:kostanay-region", "200000 tonne")], []),
    ("Ресейден тартылған инвестиция 5 миллиард долларға жетті .", [("state:ru", "5e+09 USD")], []),
    ("Шымкенттен вирус жұқтырғандардың саны 25 адамға жетті .", [("place:shymkent", "25 person")], []),
    # not after a text that named its topic, and a destination (dative) still owns nothing
    ("Қазақстан — Орталық Азиядағы мемлекет. Ресейден 100 мың адам көшіп келді.", [],
     [("state:ru", "100000 person")]),
    # people who simply arrive are the receiving place's (session 19, dev8's «… адам келді»)
    ("Қазақстанға былтыр 2000 адам келді .", [("state:kz", "2000 person")], []),
]

PAIR_CASES = [
    # the partner (the second of «X мен Y арасындағы», «X мен Y-тың өзара») owns a bilateral figure
    ("Қазақстан мен Қырғызстан арасындағы шекараның ұзындығы 1241 шақырым .",
     [("state:kg", "1241 km")], [("state:kz", "1241 km")]),
    ("Қазақстан мен Қытайдың өзара сауда айналымы 20 миллиард долларға жетті .",
     [("state:cn", "2e+10 USD")], [("state:kz", "2e+10 USD")]),
    ("Қазақстан мен Ресей арасындағы сауда айналымы 18 миллиард доллар болды .",
     [("state:ru", "1.8e+10 USD")], [("state:kz", "1.8e+10 USD")]),
]

SHARED_UNIT_CASES = [
    # a bare number before «, PLACE-LOC N unit» shares that unit
    ("Бидай бағасы Ресейде 30 , Қазақстанда 25 % өсті .",
     [("state:ru", "30 percent"), ("state:kz", "25 percent")], []),
    ("Ресейде — 200 , Беларусьте 150 теңгеге қымбат .",
     [("state:ru", "200 KZT"), ("state:by", "150 KZT")], []),
    # «бұл көрсеткіш» does not pass the first place's figure to the next place
    ("Бұл көрсеткіш Қытайда 12 , Үндістанда 15 % болды .",
     [("state:cn", "12 percent"), ("state:in", "15 percent")], [("state:cn", "15 percent")]),
    # not a unit with a scale word: «5 , … 7 млн» is not «5 адам»
    ("Ресейде 5 , Беларусьте 7 млн адам тұрады .", [], [("state:ru", "5 person"), ("state:ru", "5")]),
]


def _check(text: str, expected: list, absent: list) -> None:
    doc = run(Document(text))
    got = {(f.subject, f.value) for f in doc.facts if f.predicate == "quantity"}
    for fact in expected:
        assert fact in got, (fact, got)
    for fact in absent:
        assert fact not in got, (fact, got)


@pytest.mark.parametrize("text,expected,absent", ITS_MEASURE_CASES + SOURCE_CASES + PAIR_CASES + SHARED_UNIT_CASES)
def test_facts_quantities_owner_and_unit(text: str, expected: list, absent: list) -> None:
    _check(text, expected, absent)
