"""Cutting one suffix by the grammar of suffixes.tsv (`suffixes.strip_suffix`), not by a
hand-listed ending: harmony, assimilation, abbreviations after a hyphen, letter case kept."""

import pytest

from derek.extract.entities_people import surname_lemma
from derek.lang.kk.suffixes import realizations, strip_suffix

STRIPPED = [
    ("Кеңесінің", "GEN", {}, "Кеңесі"),
    ("Қазақстанның", "GEN", {}, "Қазақстан"),
    ("мектептің", "GEN", {}, "мектеп"),
    ("ТМД-ның", "GEN", {}, "ТМД"),  # an abbreviation's ending follows its letters as said
    ("АҚШ-тың", "GEN", {}, "АҚШ"),
    ("президенттік", "DER.LYQ", {}, "президент"),
    ("министрлік", "DER.LYQ", {}, "министр"),  # a stem with only «и» takes either row
    ("қолбасшы", "DER.SHY", {}, "қолбас"),
    ("Сейітовтің", "GEN", {"loose": True}, "Сейітов"),  # -тің after -ов: as said, not spelled
    # not the suffix, or not realised so
    ("ақын", "GEN", {}, None),
    ("Сейітовтің", "DAT", {}, None),
    ("мектепнің", "GEN", {}, None),  # wrong assimilation: -тің after п
    ("Арыстанбекова", "DAT", {"loose": True, "after": "N"}, None),  # dative «-а» only after -м
]


@pytest.mark.parametrize(("word", "tag", "options", "expected"), STRIPPED)
def test_suffixes_strip(word, tag, options, expected):
    assert strip_suffix(word, tag, **options) == expected


@pytest.mark.parametrize(("word", "expected"), [
    ("Сейітовке", "Сейітов"), ("Ахметовпен", "Ахметов"), ("Петрованың", "Петрова"),
    ("Арыстанбекова", "Арыстанбекова"), ("Ивановна", "Ивановна"),
])
def test_suffixes_surname_case_cut(word, expected):
    assert surname_lemma(word) == expected


@pytest.mark.parametrize(("tag", "options", "expected"), [
    ("GEN", {}, {"ның", "нің", "дың", "дің", "тың", "тің"}),
    ("DAT", {"after": "N"}, {"ға", "ге", "қа", "ке"}),  # not the «-а» after a 1st-person possessive
    ("LOC", {"after": "NP3", "prev": "V"}, {"нда", "нде"}),
    ("INS", {"after": "NP3", "prev": "V"}, {"мен", "менен"}),
])
def test_suffixes_realizations(tag, options, expected):
    forms = realizations(tag, **options)
    assert set(forms) == expected
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)  # longest first
