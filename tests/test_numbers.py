"""Tests for derek.lang.kk.numbers: scaled figures with units, approximations, random text."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derek.doc import Document
from derek.lang.kk import numbers
from derek.lang.kk.dates import extract_dates, find_dates
from derek.lang.kk.numbers import extract_quantities, find_quantities
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.word_regex import alternation, harmony, lookup, lowered

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
    # vowel harmony: -мен/-бен/-пен go with any stem; a back stem (адам) does not take -ге
    ("5 пайызбен өсті", [("5 пайызбен", 5.0, "percent", None, None, "percent")]),
    ("3 адамға", [("3 адамға", 3.0, "person", None, None, "count")]),
    ("3 адамге", [("3", 3.0, None, None, None, "cardinal")]),
    ("12 мүшесі", [("12 мүшесі", 12.0, "member", None, None, "count")]),
    # a scale word typed onto its digits; «жарты» (half) and «жарым» (and a half)
    ("150млн. тонна тұз", [("150млн. тонна", 1.5e8, "tonne", None, None, "cardinal")]),
    ("жарты миллион астам адам", [("жарты миллион астам адам", 5e5, "person", None, "more_than", "count")]),
    ("екі жарым мың тонна", [("екі жарым мың тонна", 2500.0, "tonne", None, None, "cardinal")]),
    ("үш миллоннан астам адам", [("үш миллоннан астам адам", 3e6, "person", None, "more_than", "count")]),
    ("жарты ғасыр бойы, оның жартысы", []),
    ("тартылып отыр.150млн. тонна", [("150млн. тонна", 1.5e8, "tonne", None, None, "cardinal")]),
    # session 4: the equative -дай/-дей on a scale word or a figure is «about»
    ("260 мыңдай адам", [("260 мыңдай адам", 2.6e5, "person", None, "approx", "count")]),
    ("3 миллиондай тонна", [("3 миллиондай тонна", 3e6, "tonne", None, "approx", "cardinal")]),
    ("50-дей мемлекет", [("50-дей мемлекет", 50.0, "state", None, "approx", "count")]),
    ("сегіз мыңдай адам", [("сегіз мыңдай адам", 8000.0, "person", None, "approx", "count")]),
    # a number word alone in the case «астам»/«жуық» govern (ablative, dative) is a figure
    ("мыңнан астам адам", [("мыңнан астам адам", 1000.0, "person", None, "more_than", "count")]),
    ("миллионға жуық тонна", [("миллионға жуық тонна", 1e6, "tonne", None, "approx", "cardinal")]),
    ("жүзден астам мемлекет", [("жүзден астам мемлекет", 100.0, "state", None, "more_than", "count")]),
    ("шамамен 4 млн адам", [("шамамен 4 млн адам", 4e6, "person", None, "approx", "count")]),
    # «hundreds / thousands of» give no figure; «онда артық» is "there … extra", «мыңда» "at a thousand"
    ("жүздеген адам, мыңдаған тонна, ондаған ел", []),
    ("онда артық ештеңе жоқ", []),
    # square and cubic units as written (a superscript, a digit, «кв.»): area, not length
    ("ауданы 18 мың км² құрайды", [("18 мың км²", 18000.0, "km2", None, None, "cardinal")]),
    ("аумағы 2 724 900 км2", [("2 724 900 км2", 2724900.0, "km2", None, None, "cardinal")]),
    ("алаңы 500 кв.км", [("500 кв.км", 500.0, "km2", None, None, "cardinal")]),
    ("көлемі 30 м³ су", [("30 м³", 30.0, "m3", None, None, "cardinal")]),
    # superscript markup left by HTML, raw or escaped once more; the unit's name after «квадрат»
    ("ауданы 510 млн км<sup>2</sup> құрайды",
     [("510 млн км<sup>2</sup>", 5.1e8, "km2", None, None, "cardinal")]),
    ("көлемі 30 мың м&lt;sup&gt;3&lt;/sup&gt;-ге тең",
     [("30 мың м&lt;sup&gt;3&lt;/sup&gt;", 3e4, "m3", None, None, "cardinal")]),
    ("5 мен 6 аралығы", [("5", 5.0, None, None, None, "cardinal"), ("6", 6.0, None, None, None, "cardinal")]),
    ("алабы 810 мың километр квадрат", [("810 мың километр квадрат", 8.1e5, "km2", None, None, "cardinal")]),
    ("ұзындығы 12 км<sup>", [("12 км", 12.0, "km", None, None, "cardinal")]),
    # a vowelless abbreviation takes its endings after a hyphen: the span covers them
    ("халқы 2,5 млн-нан асады", [("2,5 млн-нан", 2.5e6, None, None, None, "cardinal")]),
    ("қашықтығы 5 км-ден асады", [("5 км-ден", 5.0, "km", None, None, "cardinal")]),
    # a unit typed onto its digits, with or without a case ending (a letter before still blocks it)
    ("қашықтығы 900км-ден асады", [("900км-ден", 900.0, "km", None, None, "cardinal")]),
    ("жолдың ұзындығы 1200км", [("1200км", 1200.0, "km", None, None, "cardinal")]),
    ("бағасы 5000теңге болды", [("5000теңге", 5000.0, "KZT", None, None, "money")]),
    ("Б2км жолы", []),  # a code glued to a letter is no figure
    # the particle «-ақ/-ек» ("only") on a figure: it reads on to the scale and unit
    ("халықтың 14-ақ проценті", [("14-ақ проценті", 14.0, "percent", None, None, "percent")]),
    ("екі-ақ мың адам қалды", [("екі-ақ мың адам", 2000.0, "person", None, None, "count")]),
    ("жеті-ақ мемлекет", [("жеті-ақ мемлекет", 7.0, "state", None, None, "count")]),
    ("3-ақ млн тонна", [("3-ақ млн тонна", 3e6, "tonne", None, None, "cardinal")]),
]

HARMONY = [("желтоқсан", "back"), ("мүше", "front"), ("процент", "front"), ("елу", "front"),
           ("км", None), ("январь", None)]


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


def test_numbers_extract_stage_uses_shared_normalization(monkeypatch):
    doc = Document(text="Ай\u0306тылды: 1,5 млрд тонна")  # й decomposed (NFD)
    doc.normalized()

    def normalize_again(text):
        raise AssertionError("extract_quantities must use doc.normalized()")

    monkeypatch.setattr(numbers, "normalize", normalize_again)
    found = extract_quantities(doc).quantities
    assert [(q.text, q.value, q.unit) for q in found] == [("1,5 млрд тонна", 1.5e9, "tonne")]
    assert doc.text[found[0].start : found[0].end] == found[0].text


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


@pytest.mark.parametrize(("word", "expected"), HARMONY)
def test_numbers_harmony_of_stems(word, expected):
    assert harmony(word) == expected


def test_numbers_lookup_takes_longest_stem_and_voicing():
    assert lookup({"аралық": "range", "ара": "between"}, "Аралығында") == "range"
    assert lookup({"дейін": "BEFORE", "дейінгі": "BEFORE_ATTR"}, "дейінгі") == "BEFORE_ATTR"
    with pytest.raises(KeyError):
        lookup({"жыл": "Y"}, "ай")


def test_numbers_lowered_keeps_offsets():
    text = "İSTANBUL-да 5 МЛН"
    low = lowered(text)
    assert len(low) == len(text) and low.endswith("5 млн")


def test_numbers_alternation_matches_whole_words_with_endings():
    pattern = re.compile(alternation(["ай", "апта", "шаршы метр"]))
    assert [m.group() for m in pattern.finditer("айында тайм аптаға шаршы метрге айге")] == [
        "айында", "аптаға", "шаршы метрге"]


def test_numbers_data_files_shape():
    columns = {"noun_suffixes.tsv": ("suffix", "category", "harmony"),
               "number_words.tsv": ("word", "value", "kind", "alone"),
               "scale_words.tsv": ("word", "factor"), "units.tsv": ("word", "unit", "kind"),
               "approx_words.tsv": ("word", "position", "approx", "takes_unit", "governs")}
    for name, header in columns.items():
        rows = load_tsv(name)
        assert rows and all(tuple(r) == header for r in rows)
        assert len({r[header[0]] for r in rows}) == len(rows), name
        assert all(unicodedata.is_normalized("NFC", c) and c == c.strip() for r in rows for c in r.values())
    for row in load_tsv("noun_suffixes.tsv"):
        expected = "any" if row["category"] == "instrumental" else (harmony(row["suffix"]) or "any")
        assert row["harmony"] == expected, row
