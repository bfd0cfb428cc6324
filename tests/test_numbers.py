"""Tests for derek.lang.kk.numbers: scaled figures with units, approximations, random text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derek.doc import Document
from derek.lang.kk.dates import extract_dates, find_dates
from derek.lang.kk.numbers import extract_quantities, find_quantities

# (text, [(span text, value, unit, range, approx, kind)])
QUANTITIES = [
    ("1,5 млярд тонна көмір", [("1,5 млярд тонна", 1.5e9, "tonne", None, None, "cardinal")]),
    ("1,5 миллярд тонна", [("1,5 миллярд тонна", 1.5e9, "tonne", None, None, "cardinal")]),
    ("$ 34 млрд. құрады", [("$ 34 млрд.", 3.4e10, "USD", None, None, "money")]),
    ("54,6 %, оның", [("54,6 %", 54.6, "percent", None, None, "percent")]),
    ("32877,5 млн. АҚШ долларын құрады", [("32877,5 млн. АҚШ долларын", 3.28775e10, "USD", None, None, "money")]),
    ("200-210 млн.тонна", [("200-210 млн.тонна", 2.1e8, "tonne", [2e8, 2.1e8], None, "cardinal")]),
    ("шамамен 25 %-ын", [("шамамен 25 %", 25.0, "percent", None, "approx", "percent")]),
    ("3 миллионнан астам адам", [("3 миллионнан астам адам", 3e6, "person", None, "more_than", "count")]),
    ("168-ші мүшесі", [("168-ші", 168.0, None, None, None, "ordinal")]),
    ("2 есеге өсті", [("2 есеге", 2.0, "times", None, None, "multiplier")]),
    ("26 мемлекет", [("26 мемлекет", 26.0, "state", None, None, "count")]),
    ("тоғыз мемлекетті", [("тоғыз мемлекетті", 9.0, "state", None, None, "count")]),
    ("он бір ел", [("он бір ел", 11.0, "country", None, None, "count")]),
    ("екі мың адам", [("екі мың адам", 2000.0, "person", None, None, "count")]),
    ("10 215,1 млн АҚШ долларын", [("10 215,1 млн АҚШ долларын", 1.02151e10, "USD", None, None, "money")]),
    ("130-ға жуық", [("130-ға жуық", 130.0, None, None, "approx", "cardinal")]),
    ("47-сессиясында", [("47", 47.0, None, None, None, "ordinal")]),
    # not numbers: «үшін» (for), «онда» (there), «бір-бірінен» (each other), a URL
    ("ол үшін онда бір-бірінен", []),
    ("http://www.mfa.kz/kz/oon-4 сайты", []),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITIES)
def test_numbers_forms(text, expected):
    found = find_quantities(text)
    got = [(q.text, q.value, q.unit, q.range, q.approx, q.kind) for q in found]
    assert got == expected
    for q in found:
        assert text[q.start : q.end] == q.text


def test_numbers_skip_figures_inside_dates():
    text = "1991 жылғы 21 желтоқсанда 11 мемлекет қол қойды"
    found = find_quantities(text, find_dates(text))
    assert [(q.text, q.value) for q in found] == [("11 мемлекет", 11.0)]


def test_numbers_extract_stage_uses_document_dates():
    doc = extract_quantities(extract_dates(Document(text="2004 жылы 56 % өсті")))
    assert [(q.text, q.value, q.unit) for q in doc.quantities] == [("56 %", 56.0, "percent")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-–%$млнрдтонаекіүшжылАҚШXІ\u00a0\u0301Ӏa\n")), max_size=80))
def test_numbers_random_text_never_crashes(text):
    for q in find_quantities(text, find_dates(text)):
        assert text[q.start : q.end] == q.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_numbers_any_unicode_never_crashes(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
