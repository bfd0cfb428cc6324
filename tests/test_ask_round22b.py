"""Session 22, round 5: wrong answers (issue 7). An organization in the genitive followed by its
body's own words asks the body («ШЫҰ-ның хатшылығы»); an event named by its place («Астана
саммиті») is not answered by a sentence about a meeting held at another venue; the possessive
pronoun suffix «-дікі» keeps its front vowel after a back stem («ұйымдікі» → ұйым). Own sentences
throughout (the dates and figures are made up)."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.extract.rules import word_info
from derek.query.event_names import asked_events
from derek.query.question import analyze_question


@pytest.mark.parametrize(("question", "body"), [
    ("ШЫҰ-ның хатшылығы қайда орналасқан?", "org:sco-secretariat"),
    ("ШЫҰ-ның Хатшылығы қай қалада?", "org:sco-secretariat"),
    ("ТМД-ның атқарушы комитеті қайда?", "org:cis-ec"),
    ("ШЫҰ-ның өңірлік лаңкестікке қарсы құрылымы қай қалада?", "org:sco-rats"),
])
def test_round22b_owned_body_linked(question: str, body: str) -> None:
    """The owner in the genitive stays, and its body (gazetteer ``parent``) is added, whatever the
    case of the letters."""
    ids = [e.entity for e in analyze_question(question).entities]
    assert body in ids and ids.index(body) > 0


@pytest.mark.parametrize("question", [
    "ШЫҰ-ның мүшелері кімдер?",
    "ШЫҰ-ның хатшысы кім?",
    "Ұйымның хатшылығы қайда?",
])
def test_round22b_owned_body_not_linked(question: str) -> None:
    """Near negatives: a noun that is no body's own words (members, a secretary: «хатшы», not
    «хатшылық»), or an owner the question does not name, adds no body."""
    assert not any(e.type == "body" for e in analyze_question(question).entities)


BODIES = (
    "# Шанхай ынтымақтастық ұйымы\n\n"
    "Шанхай ынтымақтастық ұйымының екі тұрақты органы бар. "
    "Өңірлік лаңкестікке қарсы құрылым Ташкентте, ал Ұйымның Хатшылығы Бейжіңде орналасқан.\n"
)


@pytest.mark.parametrize(("question", "expected"), [
    ("ШЫҰ-ның хатшылығы қайда орналасқан?", "Бейжің"),
    ("ШЫҰ-ның өңірлік лаңкестікке қарсы құрылымы қайда орналасқан?", "Ташкент"),
])
def test_round22b_owned_body_answer(tmp_path, question: str, expected: str) -> None:
    """Each body's own place, not the other body's in the same sentence."""
    answer = ask_in(kb_of_texts(tmp_path, {"shyu.txt": BODIES}), question)
    assert answer.answer is not None and expected in answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("ЕҚЫҰ-ның Астана саммиті қашан өтті?", [("place:astana", "астана", "саммит")]),
    ("Стамбул кездесуі қай жылы болды?", [("place:istanbul", "стамбул", "кездесу")]),
    ("Астанада қандай саммит өтті?", []),
    ("ЕҚЫҰ саммиті қашан өтті?", []),
])
def test_round22b_asked_events(question: str, expected: list) -> None:
    """A place in the nominative right before an event noun names the event; a place in the
    locative, or an event noun after no place, names none."""
    assert asked_events(analyze_question(question)) == expected


EVENTS = (
    "# Ұйымның жылы\n\n"
    "2009 жылғы 5 наурызда Алматыда ЕҚЫҰ министрлерінің кездесуі болды, онда саммит шақыру туралы "
    "уағдаластыққа қол жеткізілді. "
    "Жылдың басты оқиғасы — 2009 жылғы 3–4 қарашада өткен Астана саммиті. "
    "Саммитке 40 мемлекеттің делегациясы келді.\n"
)


@pytest.mark.parametrize(("question", "expected"), [
    ("ЕҚЫҰ-ның Астана саммиті қашан өтті?", "қараша"),
    ("Астана саммитіне неше мемлекеттің делегациясы келді?", "40"),
])
def test_round22b_event_by_place(tmp_path, question: str, expected: str) -> None:
    """The meeting at another venue («Алматыда … кездесуі … саммит») does not date the Astana
    summit, whose date stands in the participle clause before its name; a bare «Саммитке» with
    no venue still answers about it (near negative)."""
    answer = ask_in(kb_of_texts(tmp_path, {"events.txt": EVENTS}), question)
    assert answer.answer is not None and expected in answer.answer


@pytest.mark.parametrize(("word", "lemma"), [
    ("ұйымдікі", "ұйым"),
    ("кітаптікі", "кітап"),
    ("баланікі", "бала"),
    ("ұйымдыкі", "ұйым"),
    ("мемлекеттікі", "мемлекет"),
    ("кімдікі", "кім"),
])
def test_round22b_possessive_pronoun(word: str, lemma: str) -> None:
    """«-дікі» after a back stem is the possessive pronoun suffix, as after a front one."""
    assert word_info(word)[:2] == (lemma, frozenset({"POSS.PRON"}))


@pytest.mark.parametrize(("word", "lemma"), [
    ("мүшелікті", "мүшелік"),
    ("ұйымдық", "ұйымдық"),
    ("мемлекеттік", "мемлекеттік"),
])
def test_round22b_possessive_pronoun_near(word: str, lemma: str) -> None:
    """Near negatives: a «-лық/-лік» derivative (and its accusative) keeps its own lemma."""
    assert word_info(word)[0] == lemma and "POSS.PRON" not in word_info(word)[1]


BANK = "# Отын банкі\n\nАлтайдағы отын банкі МАГАТЭ-нің төмен байытылған уран қоры ретінде 2019 жылы ашылды.\n"


def test_round22b_whose_asked(tmp_path) -> None:
    """«қай ұйымдікі?» (whose, of which organization) is answered by the owner in the genitive, not
    by the phrase running past it («МАГАТЭ-нің төмен байытылған …»)."""
    answer = ask_in(kb_of_texts(tmp_path, {"bank.txt": BANK}), "Алтайдағы отын банкі қай ұйымдікі?")
    assert answer.answer is not None and answer.answer.startswith("МАГАТЭ") and "байытылған" not in answer.answer
