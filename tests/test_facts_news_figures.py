"""Figures in stand-alone news sentences (session 10, KazNERD dev7 + dev8): sentences of our own."""

from __future__ import annotations

import pytest
from test_facts_quantities import _check  # one quantity check for every figures table

# (text, expected (subject, value) quantity facts, (subject, value) facts that must not appear)
CASES = [
    # a decimal comma a tokenized text cut off with spaces on both sides is one figure …
    ("Өткен жылы Ресеймен тауар айналымы 12 , 4 миллиард долларға жетті .",
     [("state:ru", "1.24e+10 USD")], [("state:ru", "4e+09 USD")]),
    ("Павлодар облысында жұмыссыздық 7 , 5 %-ке өсті .", [("place:pavlodar-region", "7.5 percent")], []),
    # … but not a list comma of ordinary text
    ("Павлодар облысында жұмыссыздық 7, 5 %-ке өсті .", [], [("place:pavlodar-region", "7.5 percent")]),
    # in a text that has named nothing before, the place in the locative owns the figure
    ("Маңғыстау облысында жұмыссыздық 12 %-ке өсті .", [("place:mangystau-region", "12 percent")], []),
    ("Ресейде және Беларусьте нан бағасы 300 теңгеден асты .",
     [("state:ru", "300 KZT"), ("state:by", "300 KZT")], []),
    # only the place after the last earlier figure
    ("Қытайда 20 , Жапонияда 30 % өсті .", [("state:jp", "30 percent")], [("state:cn", "30 percent")]),
    # a time in the locative after a number is no counted thing
    ("Коронавирустан Жапонияда соңғы 1 тәулікте 40 адам қайтыс болды .",
     [("state:jp", "40 person")], [("state:jp", "1")]),
    # people who arrive are counted by the place that receives them (session 19, dev8's rule;
    # before, a name that says whither owned nothing), while a resettlement («көшті») stays none;
    # a place beside an aside on another noun's rank owns nothing
    ("Қазақстанға былтыр 2000 адам келді .", [("state:kz", "2000 person")], []),
    ("Аудан астық жинаудан Қазақстанда алдыңғы орын алады (60%) .", [], [("state:kz", "60 percent")]),
    # a unit word the number stage left unread gives no bare figure
    ("Былтыр Қостанай облысында 400000 тоннадай бидай шықты .", [], [("place:kostanay-region", "400000")]),
]


@pytest.mark.parametrize("text,expected,absent", CASES)
def test_facts_news_figures_owner_and_value(text: str, expected: list, absent: list) -> None:
    _check(text, expected, absent)
