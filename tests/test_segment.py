"""Tokens and sentences: offsets into the original text, Kazakh abbreviations and suffixes."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derek.doc import Document
from derek.lang.kk.normalize import normalize
from derek.lang.kk.segment import _TOKEN, segment, tokenize

TOKENS = [
    ("БҰҰ-ның мүшесі", ["БҰҰ-ның", "мүшесі"]),
    ("ТМД-ға қосылды", ["ТМД-ға", "қосылды"]),
    ("ШЫҰ-ның саммиті", ["ШЫҰ-ның", "саммиті"]),
    ("АҚШ-пен келісім", ["АҚШ-пен", "келісім"]),
    ("ЕҚЫҰ-да төрағалық", ["ЕҚЫҰ-да", "төрағалық"]),
    ("желтоқсанның 8-інде", ["желтоқсанның", "8-інде"]),
    ("168-ші мүшесі", ["168-ші", "мүшесі"]),
    ("5%-ы", ["5%-ы"]),
    ("1990-жылдары", ["1990-жылдары"]),
    ("ТМД – ға мүше", ["ТМД – ға", "мүше"]),
    ("ТМД — ның жарғысы", ["ТМД — ның", "жарғысы"]),
    ("БҰҰ - да сөз сөйледі", ["БҰҰ - да", "сөз", "сөйледі"]),
    ("2016 – шы жылы", ["2016 – шы", "жылы"]),
    ("Қазақстан – Ресей қатынасы", ["Қазақстан", "–", "Ресей", "қатынасы"]),
    # a hyphen typed for a dash between a word and a name; compounds and suffixes stay whole
    ("ұйымдарына-Халықаралық қор", ["ұйымдарына", "-", "Халықаралық", "қор"]),
    ("Қасым-Жомарт вице-президент", ["Қасым-Жомарт", "вице-президент"]),
    ("әлеуметтік-экономикалық Алматы-Астана", ["әлеуметтік-экономикалық", "Алматы-Астана"]),
    ("2013-2015 жылдар", ["2013-2015", "жылдар"]),
    ("1949–1963 жылдары", ["1949–1963", "жылдары"]),
    ("16-17 шілдеде", ["16-17", "шілдеде"]),
    ("200-210 млн.тонна", ["200-210", "млн.", "тонна"]),
    ("$ 34 млрд. АҚШ", ["$", "34", "млрд.", "АҚШ"]),
    ("54,6 % құрады", ["54,6", "%", "құрады"]),
    ("1,5 млрд тонна", ["1,5", "млрд", "тонна"]),
    ("32877,5 млн. АҚШ долларын", ["32877,5", "млн.", "АҚШ", "долларын"]),
    ("29.05.2014 қол қойылды", ["29.05.2014", "қол", "қойылды"]),
    ("1991 ж. желтоқсан", ["1991", "ж.", "желтоқсан"]),
    ("1993-1995 жж. аралығы", ["1993-1995", "жж.", "аралығы"]),
    ("ХVІІІ ғ. соңы", ["ХVІІІ", "ғ.", "соңы"]),
    ("б.з.б. 500 жыл", ["б.з.б.", "500", "жыл"]),
    ("ауыл, қала т.б. жерлер", ["ауыл", ",", "қала", "т.б.", "жерлер"]),
    ("тау, өзен т.с.с. атаулар", ["тау", ",", "өзен", "т.с.с.", "атаулар"]),
    ("Н.Ә. Назарбаев", ["Н.", "Ә.", "Назарбаев"]),
    ("Н.Ә.Назарбаев", ["Н.", "Ә.", "Назарбаев"]),
    ("Қ.Қ. Тоқаев", ["Қ.", "Қ.", "Тоқаев"]),
    ("https://www.mfa.gov.kz/kz/content сайты", ["https://www.mfa.gov.kz/kz/content", "сайты"]),
    ("(www.akorda.kz).", ["(", "www.akorda.kz", ")", "."]),
    ("info@mfa.kz поштасы", ["info@mfa.kz", "поштасы"]),
    ("іс-қимыл жасайды", ["іс-қимыл", "жасайды"]),
    ("Нұр-Сұлтан қаласы", ["Нұр-Сұлтан", "қаласы"]),
    ("«Ақ жол» партиясы", ["«", "Ақ", "жол", "»", "партиясы"]),
    ("G20 саммиті", ["G20", "саммиті"]),
    ("Сондай-ақ...", ["Сондай-ақ", "..."]),
    ("Неге?! Білмеймін", ["Неге", "?", "!", "Білмеймін"]),
    ("3 миллионнан астам", ["3", "миллионнан", "астам"]),
    ("БҰҰ-әйелдер ұйымы", ["БҰҰ-әйелдер", "ұйымы"]),
    ("XIX ғасырдың", ["XIX", "ғасырдың"]),
    ("Қaзaқстaн", ["Қaзaқстaн"]),
    # letters before : + _ ' - . @ leave the plain-word fast path to the other branches
    ("Сайт:http://akorda.kz ашылды", ["Сайт", ":", "http://akorda.kz", "ашылды"]),
    ("мекенжай:info@mfa.kz", ["мекенжай", ":", "info@mfa.kz"]),
    ("хабар+ақпарат орталығы", ["хабар", "+", "ақпарат", "орталығы"]),
    ("Ресей_Қытай шекарасы", ["Ресей", "_", "Қытай", "шекарасы"]),
    ("Қазақстан-2050 стратегиясы", ["Қазақстан-2050", "стратегиясы"]),
    ("о'кей деді", ["о'кей", "деді"]),
    ("www сайты", ["www", "сайты"]),
    ("ТМД -ға мүше", ["ТМД -ға", "мүше"]),
    ("АҚШ -\tқа барды", ["АҚШ -\tқа", "барды"]),
    ("сөз - ға бөлінді", ["сөз", "-", "ға", "бөлінді"]),
]

SENTENCES = [
    ("Қазақстан БҰҰ мүшесі болды. Ол 1992 жылы болды.", 2),
    ("мүшесі болды.Қазақстанда өкілдік ашылды.", 2),
    ("1991 ж. желтоқсанда ТМД құрылды.", 1),
    ("1993-1995 жж. Қазақстан ядролық қарудан бас тартты.", 1),
    ("ХVІІІ ғ. Абылай хан билік етті.", 1),
    ("Б.з.б. VІ ғасырда сақтар болды.", 1),
    ("б.з.б. 500 жылы сақтар өмір сүрді.", 1),
    ("Сауда $ 34 млрд. АҚШ долларын құрады.", 1),
    ("Ол 34 млрд. теңге болды. Келесі жылы өсті.", 2),
    ("Өсім 54,6 % болды. Бұл рекорд.", 2),
    ("Н.Ә. Назарбаев сөз сөйледі.", 1),
    ("Н.Ә.Назарбаев пен Қ.Қ. Тоқаев кездесті.", 1),
    ("Ауыл, қала т.б. жерлер аталды. Басқасы жоқ.", 2),
    ("Тау, өзен т.с.с. атаулар бар.", 1),
    ("Алматы, Астана т.б. Олар ірі қалалар.", 2),
    ("Ол: «Біз келдік.» деді.", 1),
    ("Ол «Біз келдік.» Сосын кетті.", 2),
    ("Сұрақ па? Иә! Жауап.", 3),
    ("Бірінші абзац\n\nЕкінші абзац", 2),
    ("Тақырып\nМәтін басталды.", 2),
    ("бір жол\nжалғасы осында.", 1),
    ("1,5 млрд тонна мұнай өндірілді.", 1),
    ("2013-2015 жж. аралығында мүше болды.", 1),
    ("29.05.2014 келісімге қол қойылды. Ол 2015 жылы күшіне енді.", 2),
    ("Сайт: https://www.mfa.gov.kz/kz. Келесі сөйлем.", 2),
    ("", 0),
    ("   \n  ", 0),
    ("Тек бір сөз", 1),
    ("Ол т.б.\nКелесі жол", 2),
    ("жылы.Келесі", 2),
    ("ТМД ж.Ол", 1),
    # initials typed apart from their periods: «Ф . М .» closes no sentence
    ("Жазушы Ф . М . Достоевский Семейде тұрды. Ол кейін кетті.", 2),
    ("Ақын А . Құнанбаев өлең жазды.", 1),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_segment_tokens(text, expected):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    for t in tokens:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(("text", "count"), SENTENCES)
def test_segment_sentence_count(text, count):
    doc = segment(Document(text))
    assert len(doc.sentences) == count, [text[s.start : s.end] for s in doc.sentences]


def test_segment_sentences_cover_their_tokens():
    text = "Қазақстан 1992 жылы БҰҰ-ға мүше болды. Н.Ә. Назарбаев сөз сөйледі!"
    doc = segment(Document(text))
    assert [text[s.start : s.end] for s in doc.sentences] == [
        "Қазақстан 1992 жылы БҰҰ-ға мүше болды.",
        "Н.Ә. Назарбаев сөз сөйледі!",
    ]
    for s in doc.sentences:
        toks = doc.sentence_tokens(s)
        assert toks[0].start == s.start and toks[-1].end == s.end


NORMALIZE = [
    ("ХVІІІ ғасыр", "XVIII ғасыр"),
    ("XIX ғасырдың", "XIX ғасырдың"),
    ("ХІХ ғасыр", "XIX ғасыр"),
    ("Қaзaқстaн", "Қазақстан"),
    ("Ӏс-шара", "Іс-шара"),
    ("«сөз»", '"сөз"'),
    ("ТМД – ға", "ТМД - ға"),
    ("1\u00a0000", "1 000"),
    ("СІМ басшысы", "СІМ басшысы"),
    ("Paris", "Paris"),
    ("Й", "Й"),
    # invisible format characters: a soft hyphen or a joiner inside a word goes, a zero-width
    # space parts two words
    ("Самар\u00adқант", "Самарқант"),
    ("\ufeffҚазақстан", "Қазақстан"),
    ("Астана\u200bқаласы", "Астана қаласы"),
]


@pytest.mark.parametrize(("text", "expected"), NORMALIZE)
def test_segment_normalize(text, expected):
    assert normalize(text).text == expected


def test_segment_normalize_maps_decomposed_letters_back():
    text = "И\u0306ран мен Қазақстан"  # Й written as И + combining breve
    norm = normalize(text)
    assert norm.text.startswith("Йран")
    tokens = tokenize(text)
    assert tokens[0].text == "И\u0306ран" and tokens[0].norm == "Йран"
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]


def test_segment_soft_hyphen_stays_in_the_token_text_not_its_norm():
    text = "Самар\u00adқантқа барды, Қазақ\u00adстан\u00ad"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["Самарқантқа", "барды", ",", "Қазақстан"]
    assert tokens[0].text == "Самар\u00adқантқа" and tokens[-1].text == "Қазақ\u00adстан\u00ad"
    assert [text[t.start : t.end] for t in tokens] == [t.text for t in tokens]


def test_segment_mixed_script_token_keeps_original_text():
    text = "ХVІІІ ғасырда Қaзaқ хандығы"
    tokens = tokenize(text)
    assert tokens[0].text == "ХVІІІ" and tokens[0].norm == "XVIII"
    assert tokens[2].text == "Қaзaқ" and tokens[2].norm == "Қазақ"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("аәбғқңөұүһіАӘҚҢXVIaoe0123456789 .,-–«»%$\n\u00a0\u0306\u00ad\u200bт")), max_size=80))
def test_segment_offsets_always_quote_the_text(text):
    doc = segment(Document(text))
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text and t.text.strip()
    ends = [(s.start, s.end) for s in doc.sentences]
    assert ends == sorted(ends)
    assert sum(s.last_token - s.first_token for s in doc.sentences) == len(doc.tokens)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_segment_never_crashes_on_any_unicode(text):
    doc = segment(Document(text))
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text


# the token pattern without its first branch (plain words), as it was before that fast path
_REFERENCE_TOKEN = re.compile("(?P<url>" + _TOKEN.pattern.split("| (?P<url>", 1)[1], re.VERBOSE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="аҚбx1 .:@+-'_\t\n«", max_size=40))
def test_segment_plain_branch_matches_what_word_would(text):
    """The first branch (plain words) takes only what the full alternation gives "word"."""
    for pos in range(len(text)):
        fast, slow = _TOKEN.match(text, pos), _REFERENCE_TOKEN.match(text, pos)
        assert (fast is None) == (slow is None)
        if fast is not None:
            assert fast.span() == slow.span()
            assert fast.lastgroup == slow.lastgroup or (fast.lastgroup, slow.lastgroup) == ("plain", "word")
