"""Session-11 fixes from the blind sets' dev halves: a «quoted» name holding a question word, a
later clause with its own topic, a date asked of a state other states stand for, and «екінші рет»
that no sentence states (own sentences, not from the corpus or the seeds)."""

from __future__ import annotations

import pytest

from derek.pipeline import analyze
from derek.query.ask import ask_context
from derek.query.fit import ORDINAL_MISMATCH, STATE_RIVAL, ordinal_factor, rival_state_factor
from derek.query.passages import document_passages
from derek.query.phrases import describe
from derek.query.question import analyze_question


def _passage(sentence: str, question: str):  # -> (Passage, Question)
    q = analyze_question(question)
    return document_passages(analyze(sentence), "t", q)[0], q


# (sentence, question, answer): a quoted name is one phrase though it holds a question word, and
# the asked noun after it («форматындағы» for «қай форматта») is the question's word, not the name
QUOTED = [
    ("Биылғы саммитте «ТМД плюс» форматындағы кездесу өтті.",
     "Биылғы ТМД саммитінде қай форматта кездесу өтті?", "«ТМД плюс»"),
    ("Биылғы саммитте «Жасыл көпір» форматындағы кездесу өтті.",
     "Биылғы саммитте қай форматта кездесу өтті?", "«Жасыл көпір»"),
    ("Назарбаев бітімгершілік қорына «бір+бір» формуласын ұсынды.",
     "Назарбаев бітімгершілік қорына қандай формуланы ұсынды?", "«бір+бір»"),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), QUOTED)
def test_ask_unseen_quoted_name_is_whole(sentence: str, question: str, answer: str) -> None:
    p, q = _passage(sentence, question)
    assert max(describe(p, q), key=lambda c: c.score).answer == answer


# (context, question, year): «X-те … жойылды, ал Y-те мұндай шешім … қабылданды» — the later clause
# points back for its predicate but names its own topic; its year is Y's, not X's
TWO_TOPICS = ("Солтүстік өлкеде 1995 жылғы «Жер туралы» жарлық бойынша салық жойылды, "
              "ал Оңтүстік өлкеде мұндай шешім 1998 жылы қабылданды.")
TOPICS = [
    (TWO_TOPICS,
     "Солтүстік өлкеде салық жойылған жыл:", "1995"),
    (TWO_TOPICS,
     "Оңтүстік өлкеде салық қай жылы жойылды?", "1998"),
]


@pytest.mark.parametrize(("context", "question", "year"), TOPICS)
def test_ask_unseen_later_clause_has_its_own_topic(context: str, question: str, year: str) -> None:
    assert ask_context(context, question).value == year


# (question, sentence, factor): a date or figure asked of a state the sentence lacks, while it
# names other states; a name asked (the other state may be the answer) or the state named: 1.0
RIVAL_STATES = [
    ("Моңғолия Кеден туралы шартқа қай күні қол қойды?",
     "Кеден туралы шартқа 2014 жылғы 3 мамырда Беларусь, Қазақстан және Ресей қол қойды.", STATE_RIVAL),
    ("Қазақстан Кеден туралы шартқа қай күні қол қойды?",
     "Кеден туралы шартқа 2014 жылғы 3 мамырда Беларусь, Қазақстан және Ресей қол қойды.", 1.0),
    ("Моңғолия Кеден туралы шартқа қай күні қол қойды?",
     "Кеден туралы шартқа 2014 жылғы 3 мамырда қол қойылды.", 1.0),  # no other state
    ("Моңғолиямен бірге Кеден туралы шартқа қай мемлекет қол қойды?",
     "Кеден туралы шартқа 2014 жылғы 3 мамырда Беларусь қол қойды.", 1.0),  # a state is asked
]


@pytest.mark.parametrize(("question", "sentence", "factor"), RIVAL_STATES)
def test_ask_unseen_other_states_in_place_of_the_asked_one(question: str, sentence: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert rival_state_factor(p, q, set()) == factor


# (sentence, question, factor): «екінші рет» (the second time) needs a sentence that says so
REPEATS = [
    ("Қазақстан 2010 жылы Кеңеске төрағалық етті.", "Қазақстан Кеңеске екінші рет қай жылы төрағалық етті?",
     ORDINAL_MISMATCH),
    ("Қазақстан 2016 жылы Кеңеске екінші рет төрағалық етті.",
     "Қазақстан Кеңеске екінші рет қай жылы төрағалық етті?", 1.0),
    ("Қазақстан 2010 жылы Кеңеске төрағалық етті.", "Қазақстан Кеңеске алғаш рет қай жылы төрағалық етті?", 1.0),
    ("Кеңестің саммиті 2010 жылы өтті.", "Кеңестің екінші саммиті қай жылы өтті?", 1.0),  # no «рет»
]


@pytest.mark.parametrize(("sentence", "question", "factor"), REPEATS)
def test_ask_unseen_second_time_must_be_stated(sentence: str, question: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert ordinal_factor(p, q) == factor
