"""Tests for derek.lang.kk.context: sentence-level lemmas (sentence-initial capitals, rules
that read the neighbouring words, the re-ranker)."""

from __future__ import annotations

import unicodedata

import pytest

from derek.lang.kk import morphology
from derek.lang.kk.context import (
    NUMERIC,
    ContextModel,
    _decide,
    choice,
    context_counts,
    count_rows,
    counts_from_rows,
    is_common,
    lemmatize_sentence,
    rerank,
    shipped_model,
)
from derek.lang.kk.resources import load_list, load_tsv

# Without the UD exact-form memory, so the sentence rule (not a remembered form) decides.
GRAMMAR = morphology.Analyzer(memory={})

SENTENCES = [  # (words, lemmas in context)
    (["Тіпті", "ол", "келді"], ["тіпті", "ол", "кел"]),  # unknown stem at the start: common
    (["«", "Жабдықтар", "келді", "."], ["«", "жабдық", "кел", "."]),  # after an opening quote
    (["Абонемент", "бар"], ["абонемент", "бар"]),
    (["Қараңғылық"], ["қараңғылық"]),
    (["Қазақстанның", "Ресеймен"], ["Қазақстан", "Ресей"]),  # proper stems keep the capital
    (["Германиямен", "келісім"], ["Германия", "келісім"]),
    (["Тоқаевқа", "хат"], ["Тоқаев", "хат"]),
    (["Мәскеуде"], ["Мәскеу"]),
    (["ТМД-ға", "кірді"], ["ТМД", "кір"]),  # abbreviations keep their capitals
    (["АҚШ-пен", "келісім"], ["АҚШ", "келісім"]),
    (["Алматыда", "Тіпті"], ["Алматы", "Тіпті"]),  # only the first word is sentence-initial
    (["Ұйымның", "мүшелері"], ["ұйым", "мүше"]),
    (["Михайлов", "келді"], ["Михайлов", "кел"]),  # unknown, but a surname ending
    (["Петрова", "келді"], ["Петров", "кел"]),  # surname ending; UD KTB: the male form
    (["Хұзыстан", "аймағы"], ["Хұзыстан", "аймақ"]),
    (["Дастан", "айтты"], ["дастан", "айт"]),  # a common word in -стан
    # a verbal noun after an accusative it governs is the verb; not after a bare -ды word
    (["Ол", "сапасын", "арттыруға", "тырысты"], ["ол", "сапа", "арттыр", "тырыс"]),
    (["Біз", "жолдарды", "жөндеу", "туралы", "айттық"], ["біз", "жол", "жөнде", "туралы", "айт"]),
    (["Олар", "маңызды", "кездесу", "өткізді"], ["олар", "маңызды", "кездесу", "өткіз"]),
    (["Сайлау", "учаскесі", "ашылды"], ["сайлау", "учаске", "аш"]),
    # a dative-governing postposition after a dative is its own lemma; a verb elsewhere
    (["Бала", "мектепке", "қарай", "жүгірді"], ["бала", "мектеп", "қарай", "жүгір"]),
    (["Бұл", "тарихына", "қатысты", "кітап"], ["бұл", "тарих", "қатысты", "кітап"]),
    (["Қиындықтарға", "қарамастан", "жетті"], ["қиындық", "қарамастан", "жет"]),
    (["Ол", "100-ге", "тарта", "кітап", "оқыды"], ["ол", "100", "тарта", "кітап", "оқы"]),
    (["Ол", "терезеге", "қарады"], ["ол", "терезе", "қара"]),
    (["Кешке", "жақын", "келді"], ["кеш", "жақын", "кел"]),
    # an -ды/-ты word before a known noun in the nominative or the copula is the -лы adjective
    (["Бұл", "заңды", "тұлға", "емес"], ["бұл", "заңды", "тұлға", "е"]),
    (["Ол", "білімді", "дипломат", "еді"], ["ол", "білімді", "дипломат", "е"]),
    (["Мұнда", "боранды", "күндер", "көп"], ["бұл", "боранды", "күн", "көп"]),
    (["Қала", "қуатты", "болды"], ["қала", "қуатты", "бол"]),
    (["Деректі", "фильм", "көрдік"], ["деректі", "фильм", "көр"]),  # sentence-initial too
    # ... but an accusative before its verb, after a vowel or р/й/у (-лы there), before a name
    (["Біз", "заңды", "оқыдық"], ["біз", "заң", "оқы"]),
    (["Ол", "білімді", "алды"], ["ол", "білім", "ал"]),
    (["Олар", "суды", "ішті"], ["олар", "су", "іш"]),
    (["Олар", "жағдайды", "түзетті"], ["олар", "жағдай", "түзет"]),
    (["Ол", "жылды", "Еріктілер", "жылы", "деп", "атады"],
     ["ол", "жыл", "ерікті", "жыл", "де", "ата"]),
    # a copula person ending or an -лы allomorph written apart from its bare nominal
    (["Біз", "мүдделі", "міз", "."], ["біз", "мүдделі", "е", "."]),
    (["Мен", "қуанышты", "мын", "."], ["мен", "қуанышты", "е", "."]),
    (["Біз", "мемлекет", "терміз", "."], ["біз", "мемлекет", "е", "."]),
    (["Ол", "екпін", "ді", "адам"], ["ол", "екпін", "лы", "адам"]),
    (["Атқа", "мін", "."], ["ат", "мін", "."]),  # after a dative: the verb мін- 'mount'
    # a loanword with -ы/-і after a bare or genitive noun is the possessed head of a compound
    (["Ол", "полк", "командирі", "болды"], ["ол", "полк", "командир", "бол"]),
    (["Университеттің", "ректоры", "келді"], ["университет", "ректор", "кел"]),
    (["Германия", "канцлері", "сөйледі"], ["Германия", "канцлер", "сөйле"]),
    (["Ұлыбритания", "королі", "келді"], ["Ұлыбритания", "король", "кел"]),
    (["Құбырдың", "диаметрі", "үлкен"], ["құбыр", "диаметр", "үлкен"]),
    (["Елдің", "режимі", "өзгерді"], ["ел", "режим", "өзгер"]),
    # ... not after a pronoun, nor the -ЛЫ adjective, a patronymic or a native word
    (["Ол", "командирі", "болды"], ["ол", "командирі", "бол"]),
    (["Бұл", "интерактивті", "сабақ"], ["бұл", "интерактивті", "сабақ"]),
    (["Дания", "Мәдиқызы", "келді"], ["Дания", "Мәдиқызы", "кел"]),
    (["Ол", "ауыл", "сыпайы", "адам"], ["ол", "ауыл", "сыпайы", "адам"]),
]


@pytest.mark.parametrize(("words", "expected"), SENTENCES)
def test_context_lemmatize_sentence(words: list[str], expected: list[str]) -> None:
    assert lemmatize_sentence(words, GRAMMAR) == expected


def test_context_words_elsewhere_match_word_lemmas() -> None:
    words = ["Тіпті", "Абонемент", "Қазақстанның", "келді"]
    assert lemmatize_sentence(words, GRAMMAR)[1:] == [GRAMMAR.lemma(w) for w in words[1:]]


def test_context_default_analyzer_and_empty_sentence() -> None:
    assert lemmatize_sentence([]) == []
    assert lemmatize_sentence(["Қазақстанның", "Ресеймен"]) == ["Қазақстан", "Ресей"]
    assert lemmatize_sentence(["!", "?"]) == ["!", "?"]


@pytest.mark.parametrize(("stem", "common"), [
    ("қараңғылық", True), ("ұйым", True), ("қазақстан", False), ("германия", False),
])
def test_context_is_common(stem: str, common: bool) -> None:
    assert is_common(GRAMMAR, stem) is common


def test_context_dative_postpositions_file() -> None:
    words = load_list("dative_postpositions.txt")
    assert words and len(words) == len(set(words))
    for word in words:
        assert word == unicodedata.normalize("NFC", word) and word.islower()
        assert set(word) <= set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")


def test_context_name_endings_file() -> None:
    endings = load_list("name_endings.txt")
    assert endings and len(endings) == len(set(endings))
    for end in endings:
        assert end == unicodedata.normalize("NFC", end) and end.islower()
        assert set(end) <= set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")


# --- lexicalized context re-ranker ----------------------------------------------------------

# Toy lemmatized sentences: жылы is "year" (жыл) after a number, "warm" (жылы) elsewhere.
TOY = [
    [("1991", "1991", "NUM"), ("жылы", "жыл", "NOUN"), (".", ".", "PUNCT")],
    [("2000", "2000", "NUM"), ("жылы", "жыл", "NOUN"), ("келді", "кел", "VERB")],
    [("ауа", "ауа", "NOUN"), ("жылы", "жылы", "ADJ"), (".", ".", "PUNCT")],
]
TOY_ANALYZER = morphology.Analyzer(memory=morphology.lex.memory_from_rows(
    (f, lem, u, 1) for s in TOY for f, lem, u in s if u != "PUNCT"))

RERANKED = [  # (words, lemmas with the toy model)
    (["1995", "жылы", "."], ["1995", "жыл", "."]),  # a number before it: the commoner lemma
    (["күн", "жылы", "."], ["күн", "жылы", "."]),  # a word before it, as only жылы was seen
    (["Күн", "жылы", "болды"], ["күн", "жылы", "бол"]),
]


def _toy_model(weights: dict[str, float]) -> ContextModel:
    return ContextModel(context_counts(TOY), weights)


@pytest.mark.parametrize(("words", "expected"), RERANKED)
def test_context_rerank_previous_word_class(words: list[str], expected: list[str]) -> None:
    model = _toy_model({"mem": 1.0, "pc": 2.0})
    assert lemmatize_sentence(words, TOY_ANALYZER, model) == expected


def test_context_rerank_needs_a_model_with_a_custom_analyzer() -> None:
    assert lemmatize_sentence(["күн", "жылы", "."], TOY_ANALYZER) == ["күн", "жыл", "."]


def test_context_rerank_keeps_top_without_context_weights() -> None:
    words = ["күн", "жылы", "."]
    plain = lemmatize_sentence(words, TOY_ANALYZER)
    model = _toy_model({"top": 1.0})
    assert rerank(TOY_ANALYZER, model, words, plain, TOY_ANALYZER.analyze) == plain


def test_context_counts_tables() -> None:
    counts = context_counts(TOY)
    assert counts.forms["жылы"] == {"жыл": 2, "жылы": 1}
    assert counts.upos[("жылы", "жылы")] == "ADJ"
    assert counts.table[("fp", "жылы", "жыл", "#")] == 2
    assert counts.table[("fn", "жылы", "жыл", "келді")] == 1
    assert counts.table[("ll", "-", "жыл", "кел")] == 1
    assert counts.table[("nc", "жылы", "жылы", "punct")] == 1


def test_context_count_rows_round_trip() -> None:
    counts = context_counts(TOY)
    rows = [dict(zip(("table", "form", "lemma", "neighbour", "count"), map(str, row)))
            for row in count_rows(counts)]
    again = counts_from_rows(rows)
    assert again.forms == counts.forms and again.table == counts.table
    assert again.upos == counts.upos


def test_context_shipped_model_data() -> None:
    model = shipped_model()
    assert model.counts.forms and model.counts.table
    assert set(NUMERIC) & set(model.weights)
    assert all(abs(w) < 100 for w in model.weights.values())
    tables = {row["table"] for row in load_tsv("lemma_context.tsv")}
    assert tables == {"fl", "fn", "fp", "ln", "lp", "ll", "pc", "nc"}


def test_context_shipped_reranker_year_after_number() -> None:
    assert lemmatize_sentence(["1991", "жылы", "құрылды"])[:2] == ["1991", "жыл"]


@pytest.mark.parametrize("words", [
    ["1991", "жылы", "құрылған", "сайлау", "комиссиясы", "."],
    ["Ол", "елші", "ретінде", "Мәскеуге", "барды", "."],
    ["Қазақстан", "БҰҰ-ға", "1992", "жылы", "мүше", "болды"],
])
def test_context_fast_scores_match_features(words: list[str]) -> None:
    an = morphology.default_analyzer()
    model = ContextModel(shipped_model().counts, shipped_model().weights)
    lemmas = lemmatize_sentence(words, an)
    checked = 0
    for i, word in enumerate(words):
        ch = choice(model.counts, words, i, lemmas, an.analyze(word))
        fast = model.scores(words, i, lemmas, an.analyze)
        assert (ch is None) == (fast is None)
        if ch is not None:
            assert fast[0].lemmas == ch.lemmas
            assert fast[1] == pytest.approx(model.slow_scores(ch), abs=1e-9)
            checked += 1
    assert checked


RERANK_SENTENCES = [  # (words, toy model?): repeated forms in other contexts, punctuation, hyphens
    (["1991", "жылы", "құрылған", "сайлау", "комиссиясы", "1992", "жылы", "."], False),
    (["Ол", "елші", "ретінде", "Мәскеуге", "барды", ",", "ол", "елші", "болды"], False),
    (["Қазақстан", "БҰҰ-ға", "мүше", "болды", "және", "мүше", "болып", "қалды"], False),
    (["Алматыда", "жаңа", "мектеп", "ашылды", "«", "Мектеп", "»", "ашылды"], False),
    (["1995", "жылы", ",", "күн", "жылы", "болды", ",", "2001", "жылы", "."], True),
    (["күн", "жылы", ",", "1995", "жылы", "күн", "жылы", "."], True),
    (["күн", "жылы", "болды", ",", "1995", "жылы", "болды"], True),  # same next word
]


@pytest.mark.parametrize(("words", "toy"), RERANK_SENTENCES)
def test_context_rerank_memos_match_per_word_decisions(words: list[str], toy: bool) -> None:
    an = TOY_ANALYZER if toy else morphology.default_analyzer()
    shipped = shipped_model()
    model = _toy_model({"mem": 1.0, "pc": 2.0}) if toy else ContextModel(shipped.counts, shipped.weights)
    plain = [an.lemma(w) for w in words]
    expected = list(plain)
    for i, word in enumerate(words):  # the definition: every plain word decided afresh
        if word[:1].isalpha() and word.lower() not in an.exceptions and "-" not in word[1:]:
            found = _decide(model, words, i, plain, an.analyze)
            expected[i] = expected[i] if found is None else found
    assert (expected != plain) == toy  # the toy model re-chooses жылы after a number
    assert rerank(an, model, words, plain, an.analyze) == expected
    assert rerank(an, model, words, plain, an.analyze) == expected  # from the memos
    for word, fixed in model.fixed.items():  # a form marked fixed has no second candidate
        if word[:1].isalpha() and "-" not in word and word.lower() not in an.exceptions:
            assert fixed == (model.static(word, an.analyze) is None)
