"""Session 19, round 4: posts whose owner is a coordination or a verbal noun with its object,
«атанды» stating a post, a digit ordinal counting the holders, «болыс» read as a title, a
«Title – Name» line, and a day written as an ordinal. Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.extract.post_coordination import bare_modifier, title_word, turn_ordinal, verbal_noun
from derek.lang.kk.dates import find_dates


def _posts(text: str) -> set[tuple[str, str, str | None]]:
    return {(f.subject, f.value, f.time) for f in derek.analyze(text).facts if f.predicate == "appointed_as"}


@pytest.mark.parametrize(("word", "bare", "vnoun", "turn"), [
    ("ғылым", True, False, False),
    ("дамыту", True, True, False),
    ("нарқын", False, False, False),   # accusative: an object, not a modifier
    ("министр", False, False, False),  # a title: two posts are joined, not two modifiers
    ("2-нші", False, False, True),
    ("бірінші", False, False, False),  # a rank in words stays in the post
])
def test_facts_round19d_words(word: str, bare: bool, vnoun: bool, turn: bool) -> None:
    assert (bare_modifier(word), verbal_noun(word), turn_ordinal(word)) == (bare, vnoun, turn)


def test_facts_round19d_title_word() -> None:
    assert title_word("Болыс") == "болыс" and title_word("болды") is None


POSTS = [
    # two modifiers joined by «және» share the title
    ("Президент жаңадан тағайындалған Білім және ғылым министрі Ерлан Сағадиевті қабылдады.",
     {("prov:person:ерлан_сағадиев", "Білім және ғылым министрі", None)}),
    # a verbal noun with its accusative object inside the owner
    ("Асан Бекұлы 1999 жылы елді басқару комитетінің төрағасы болып сайланды.",
     {("prov:person:асан_бекұлы", "елді басқару комитетінің төрағасы", "1999")}),
    # two titles joined by «және» stay two posts
    ("Асан Бекұлы 1999 жылы Премьер-Министр және Сенат төрағасы болды.",
     {("prov:person:асан_бекұлы", "премьер-министр", "1999"), ("prov:person:асан_бекұлы", "сенат төрағасы", None)}),
    # «атанды» states the post; the digit ordinal counts holders, the ordinal in words is a rank
    ("2015 жылы Ерлан Бекұлы Қазақстан Республикасының 5-інші Президенті атанды.",
     {("prov:person:ерлан_бекұлы", "Қазақстан Республикасының Президенті", "2015")}),
    ("Асан Бекұлы 1999 жылы облыстық партия комитетінің бірінші хатшысы болды.",
     {("prov:person:асан_бекұлы", "облыстық партия комитетінің бірінші хатшысы", "1999")}),
    # a nickname after «атанды» is no post
    ("Ерлан Асанұлы «Дала бұлбұлы» атанды.", set()),
    # «болыс» is a title although the analyser reads бол- + reciprocal
    ("Ерлан Бекұлы 1874 жылы елге оралып, он жыл уақыт болыс болды.",
     {("prov:person:ерлан_бекұлы", "болыс", "1874")}),
    # «Title – Name»: the post first, one person alone after the dash
    ("Бас редакторы - Бекжан Асанов.", {("prov:person:бекжан_асанов", "бас редактор", None)}),
    ("Журналдың бас редакторы - Бекжан Асанов.", set()),
    ("Қонақтар - Бекжан Асанов.", set()),
]


@pytest.mark.parametrize(("text", "expected"), POSTS)
def test_facts_round19d_posts(text: str, expected: set) -> None:
    assert _posts(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("2019-ыншы жылдың 12-нші маусымында Асан келді.", "2019-06-12"),
    ("2019 жылдың 12 маусымында Асан келді.", "2019-06-12"),
    ("Асан 5-інші маусымда келді.", "XXXX-06-05"),
    ("1990 жылы қазан айының 25-і күні келді.", "1990-10-25"),
])
def test_facts_round19d_ordinal_day(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text)] == [value]
