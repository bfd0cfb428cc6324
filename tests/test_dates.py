"""Tests for derek.lang.kk.dates: every form of issue 4, guards, offsets, random text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derek.doc import Document
from derek.lang.kk.dates import extract_dates, find_dates

# (text, [(span text, type, value, mod)])
DATES = [
    ("1991 жылғы 8 желтоқсанда", [("1991 жылғы 8 желтоқсанда", "DATE", "1991-12-08", None)]),
    ("1991 ж. желтоқсанның 8-інде кездесті", [("1991 ж. желтоқсанның 8-інде", "DATE", "1991-12-08", None)]),
    ("1993 жылдың желтоқсанында", [("1993 жылдың желтоқсанында", "DATE", "1993-12", None)]),
    ("2014 ж мамырында", [("2014 ж мамырында", "DATE", "2014-05", None)]),
    ("2 наурыз 1992", [("2 наурыз 1992", "DATE", "1992-03-02", None)]),
    ("күні 29.05.2014 болды", [("29.05.2014", "DATE", "2014-05-29", None)]),
    ("2013-2015 жылдар аралығында", [("2013-2015 жылдар аралығында", "DATE", "2013/2015", None)]),
    ("1949-1963 жылдары", [("1949-1963 жылдары", "DATE", "1949/1963", None)]),
    ("90 жылдардың ортасына дейін", [("90 жылдардың ортасына дейін", "DATE", "199X", "BEFORE")]),
    ("ХVІІІ ғасырдың соңындағы", [("ХVІІІ ғасырдың соңындағы", "DATE", "17XX", "END")]),
    ("XVIII ғасырдың басында", [("XVIII ғасырдың басында", "DATE", "17XX", "START")]),
    ("б.з.б. 500 жылы", [("б.з.б. 500 жылы", "DATE", "BC0500", None)]),
    ("соңғы 10 жылда", [("соңғы 10 жылда", "DURATION", "P10Y", None)]),
    ("он жыл бойы", [("он жыл бойы", "DURATION", "P10Y", None)]),
    ("жыл сайын өтеді", [("жыл сайын", "SET", "P1Y", None)]),
    ("2010 жылы келді. Осы жылдың 5 қазанында", [("2010 жылы", "DATE", "2010", None),
                                                  ("Осы жылдың 5 қазанында", "DATE", "2010-10-05", None)]),
    ("1991 жылы құрылды, 21 желтоқсанда", [("1991 жылы", "DATE", "1991", None),
                                          ("21 желтоқсанда", "DATE", "1991-12-21", None)]),
    ("2010 жылы 16-17 шілдеде", [("2010 жылы 16-17 шілдеде", "DATE", "2010-07-16/2010-07-17", None)]),
    ("2001 жылдан бастап", [("2001 жылдан бастап", "DATE", "2001", "SINCE")]),
    ("2000 жылдан кейін", [("2000 жылдан кейін", "DATE", "2000", "AFTER")]),
    ("2014\u00a0ж \u00a0 мамырында", [("2014\u00a0ж \u00a0 мамырында", "DATE", "2014-05", None)]),
    # guards: cauldron, the city Kazan, sessions and ordinals are not dates
    ("ас қазан толы", []),
    ("2014 ж Қазан қаласында", [("2014 ж", "DATE", "2014", None)]),
    ("Делегация Қазанға барды", []),
    ("47-сессиясында сөйледі", []),
    ("168-ші мүшесі", []),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates_forms(text, expected):
    found = find_dates(text)
    assert [(d.text, d.type, d.value, d.mod) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


def test_dates_offsets_into_original_with_lookalikes():
    text = "Бұл XVIII ғ. емес, ХVІІІ ғасырдың соңындағы оқиға"
    found = find_dates(text)
    assert [text[d.start : d.end] for d in found] == ["XVIII ғ.", "ХVІІІ ғасырдың соңындағы"]


def test_dates_extract_stage_fills_document():
    doc = extract_dates(Document(text="1992 жылғы 2 наурызда мүше болды"))
    assert [d.value for d in doc.dates] == ["1992-03-02"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-–жылғыдңақпанқазанXVIІХ%$\u00a0\u0301ӀабвAa\n")) , max_size=80))
def test_dates_random_text_never_crashes(text):
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text and d.start <= d.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_dates_any_unicode_never_crashes(text):
    for d in find_dates(text):
        assert text[d.start : d.end] == d.text
