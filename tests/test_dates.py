"""Tests for derek.lang.kk.dates: every form of issue 4, guards, offsets, random text."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derek.doc import Document
from derek.lang.kk import dates
from derek.lang.kk.dates import extract_dates, find_dates
from derek.lang.kk.resources import load_tsv

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
    ("5-ақ жыл өтті", [("5-ақ жыл", "DURATION", "P5Y", None)]),
    ("үш-ақ ай ішінде", [("үш-ақ ай", "DURATION", "P3M", None)]),
    ("жыл сайын өтеді", [("жыл сайын", "SET", "P1Y", None)]),
    ("2010 жылы келді. Осы жылдың 5 қазанында", [("2010 жылы", "DATE", "2010", None),
                                                  ("Осы жылдың 5 қазанында", "DATE", "2010-10-05", None)]),
    ("1991 жылы құрылды, 21 желтоқсанда", [("1991 жылы", "DATE", "1991", None),
                                          ("21 желтоқсанда", "DATE", "1991-12-21", None)]),
    # a span of months of one year (the months a figure covers)
    ("2021 жылдың қаңтар-қыркүйек айларында",
     [("2021 жылдың қаңтар-қыркүйек айларында", "DATE", "2021-01/2021-09", None)]),
    ("2019 жылғы қаңтар–маусымда", [("2019 жылғы қаңтар–маусымда", "DATE", "2019-01/2019-06", None)]),
    ("2019 жылғы маусым-қаңтар", [("2019 жылғы маусым", "DATE", "2019-06", None), ("қаңтар", "DATE", "2019-01", None)]),
    ("2010 жылы 16-17 шілдеде", [("2010 жылы 16-17 шілдеде", "DATE", "2010-07-16/2010-07-17", None)]),
    ("2001 жылдан бастап", [("2001 жылдан бастап", "DATE", "2001", "SINCE")]),
    ("2000 жылдан кейін", [("2000 жылдан кейін", "DATE", "2000", "AFTER")]),
    ("2014\u00a0ж \u00a0 мамырында", [("2014\u00a0ж \u00a0 мамырында", "DATE", "2014-05", None)]),
    # guards: cauldron, the city Kazan, sessions and ordinals are not dates
    ("ас қазан толы", []),
    ("2014 ж Қазан қаласында", [("2014 ж", "DATE", "2014", None)]),
    ("Делегация Қазанға барды", []),
    # a month word that is the whole of a quotation is a name: a party, a holiday
    ("1990 жылы «Желтоқсан» партиясы құрылды", [("1990 жылы", "DATE", "1990", None)]),
    ('"Наурыз" мерекесі', []),
    ("47-сессиясында сөйледі", []),
    ("168-ші мүшесі", []),
    # a year glued to the previous sentence's period; the instrumental -мен does not harmonize
    ("Келісім жасалды.1995 жылы күшіне енді", [("1995 жылы", "DATE", "1995", None)]),
    ("2003 жылмен салыстырғанда", [("2003 жылмен", "DATE", "2003", None)]),
    ("Шарт бекітілді.1997 жылдың 10 қазанында", [("1997 жылдың 10 қазанында", "DATE", "1997-10-10", None)]),
    # vowel harmony: a back stem (жыл, желтоқсан) does not take front endings (-де, -ге)
    ("1991 жылде", []),
    ("1991 жылы желтоқсанге", [("1991 жылы", "DATE", "1991", None)]),
    ("12345 жыл", []),
    # a bare range of years runs forward; a year list shares the last item's year word
    ("Әкім — 2001–2005", [("2001–2005", "DATE", "2001/2005", None)]),
    ("бет 2005–2001", []),
    ("1997, 2003 және 2009 жылдары", [("1997", "DATE", "1997", None), ("2003", "DATE", "2003", None),
                                     ("2009 жылдары", "DATE", "2009", None)]),
    ("1995–1998 және 2004–2006 жылдары", [("1995–1998", "DATE", "1995/1998", None),
                                           ("2004–2006 жылдары", "DATE", "2004/2006", None)]),
    ("1997, 2003 адам", []),
    # the end year shortened to its last two digits, before a year word only
    ("1879-89 жылдары инспектор болды", [("1879-89 жылдары", "DATE", "1879/1889", None)]),
    ("1992–93 жж. оқыды", [("1992–93 жж.", "DATE", "1992/1993", None)]),
    ("нөмірі 1879-89 болды", []),
    # session 4: the day after «айының» or a genitive month, with the possessive ending; «күні»
    # (the day of) stays outside the span; a year written earlier fills a date without one
    ("1995 жылы наурыз айының 12-сі күні ашылды", [("1995 жылы наурыз айының 12-сі", "DATE", "1995-03-12", None)]),
    ("2001 жылы маусымның 15-і күні", [("2001 жылы маусымның 15-і", "DATE", "2001-06-15", None)]),
    ("1997 жылы. Қазан айының 20-сы күні жиналды.",
     [("1997 жылы", "DATE", "1997", None), ("Қазан айының 20-сы", "DATE", "1997-10-20", None)]),
    ("шілденің 4-і", [("шілденің 4-і", "DATE", "XXXX-07-04", None)]),
    ("30 қазан күні өтті", [("30 қазан", "DATE", "XXXX-10-30", None)]),
    # a month without the genitive before the day, or a day without an ending, is no such date
    ("қазан 5 адам", []),
    ("мамырдың 9 жеңіс", [("мамырдың", "DATE", "XXXX-05", None)]),
    # a bracketed span of years after a name is a period however long; a bare one only up to 60
    ("Ноғай Ордасы (1440-1634) ыдырады", [("1440-1634", "DATE", "1440/1634", None)]),
    ("1440-1634 бет", []),
    ("(1634-1440)", []),
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


def test_dates_extract_stage_uses_shared_normalization(monkeypatch):
    doc = Document(text="Ай̆тылды: 1991 жылғы 8 желтоқсанда")  # й decomposed (NFD)
    doc.normalized()

    def normalize_again(text):
        raise AssertionError("extract_dates must use doc.normalized()")

    monkeypatch.setattr(dates, "normalize", normalize_again)
    found = extract_dates(doc).dates
    assert [(d.text, d.value) for d in found] == [("1991 жылғы 8 желтоқсанда", "1991-12-08")]
    assert doc.text[found[0].start : found[0].end] == found[0].text


def test_dates_data_files_shape():
    months = load_tsv("months.tsv")
    assert sorted(int(r["month"]) for r in months) == list(range(1, 13))
    names = [r["kk"] for r in months] + [v for r in months for v in r["variants"].split("|") if v]
    assert len(names) == len(set(names))
    words = load_tsv("date_words.tsv")
    assert len({r["word"] for r in words}) == len(words)
    assert {r["role"] for r in words} <= {"year", "century", "part", "relation", "range", "set", "unit",
                                          "recent", "span"}
    for row in months + words:
        assert all(unicodedata.is_normalized("NFC", cell) for cell in row.values())
        assert all(cell == cell.strip() for cell in row.values())


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


# a word the morphology reads as a longer noun is not a month (майдан, the front, is no май + -дан);
# a month next to its day, and months the analyser does not know with endings, stay dates
@pytest.mark.parametrize(("text", "expected"), [
    ("Ол Түркістан майданының қолбасшысы болды.", []),
    ("Әскер Батыс майданына жіберілді.", []),
    ("Ол 1919 жылы майданға аттанды.", [("1919 жылы", "1919")]),
    ("Кездесу 5 майда өтті.", [("5 майда", "XXXX-05-05")]),
    ("1995 жылғы октябрьде ашылды.", [("1995 жылғы октябрьде", "1995-10")]),
    ("1992 жылғы мамырда келісім жасалды.", [("1992 жылғы мамырда", "1992-05")]),
])
def test_dates_month_lookalike_nouns(text, expected):
    assert [(d.text, d.value) for d in find_dates(text)] == expected
