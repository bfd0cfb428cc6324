"""Yes/no questions: «Иә» with the fact or sentence that states it, «Жоқ» when the facts say the
state left what it joined or a sentence denies the asked predicate itself, and no answer otherwise
(never «Жоқ» for want of a source)."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.ask import ask, ask_context
from derek.query.question import analyze_question

FORMS = [  # (question, is it a yes/no question?)
    ("Қазақстан ШЫҰ-ның құрылтайшысы ма?", True),
    ("Қазақстан БҰҰ-ға мүше ме?", True),
    ("Грузия ТМД-дан шықты ма?", True),
    ("Қазақстан ЕҚЫҰ-ға төрағалық етті ме?", True),
    ("Жапония ШЫҰ-ға мүше бе?", True),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", False),
    ("ШЫҰ-ға қандай мемлекеттер мүше?", False),
    ("Ма?", False),  # a particle with nothing to ask about
]


@pytest.mark.parametrize(("question", "yes_no"), FORMS)
def test_yes_no_question_form(question: str, yes_no: bool) -> None:
    assert (analyze_question(question).answer_type == "yesno") is yes_no


TEXT = ("Әзербайжан 1993 жылы ТМД-ға қосылды. Грузия 1993 жылы ТМД-ға қосылды. "
        "Грузия 2009 жылы ТМД-дан шықты. Моңғолия ШЫҰ-ға мүше емес.")

ANSWERS = [  # (question, answer, value)
    ("Әзербайжан ТМД-ға мүше ме?", "Иә", "yes"),
    ("Грузия ТМД-ға мүше ме?", "Жоқ (шықты: 2009 жыл)", "no"),  # joined, then left
    ("Грузия ТМД-дан шықты ма?", "Иә", "yes"),
    ("1993 жылы Грузия ТМД-ға қосылды ма?", "Иә", "yes"),  # then it had joined
    ("Моңғолия ШЫҰ-ға мүше ме?", "Жоқ", "no"),  # the sentence denies the asked predicate: «мүше емес»
    ("Жапония ТМД-ға мүше ме?", None, None),  # nothing known: no answer, not «Жоқ»
]


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("yesno"), {"yesno.txt": TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "answer", "value"), ANSWERS)
def test_yes_no_answers_with_a_source(kb, question: str, answer: str | None, value: str | None) -> None:
    found = ask(kb.db, question)
    assert (found.answer, found.value) == (answer, value)
    assert bool(found.sources) is (answer is not None)
    assert all(s["text"] in TEXT for s in found.sources)


CONTEXTS = [  # (one text, question, answer)
    ("Қазақстан 1992 жылы БҰҰ-ға мүше болды.", "Қазақстан БҰҰ-ға мүше ме?", "Иә"),
    ("Қазақстан 1992 жылы БҰҰ-ға мүше болды.", "Қазақстан НАТО-ға мүше ме?", None),
    ("Қазақстан НАТО-ға мүше болған жоқ.", "Қазақстан НАТО-ға мүше ме?", None),  # denied
    ("Қазақстан БҰҰ-мен ынтымақтасады.", "Қазақстан БҰҰ-ға мүше ме?", None),  # the verb is not stated
]


@pytest.mark.parametrize(("context", "question", "answer"), CONTEXTS)
def test_yes_no_reading_one_text(context: str, question: str, answer: str | None) -> None:
    assert ask_context(context, question).answer == answer


def test_yes_no_a_withdrawal_dated_otherwise_is_the_other_side(tmp_path) -> None:
    texts = {"a.txt": "Молдова 1994 жылы ТМД-ға қосылды. Молдова 2012 жылы ТМД-дан шықты.",
             "b.txt": "Молдова 2013 жылы ТМД-дан шықты."}  # the sources disagree on the year it left
    with derek.open(kb_of_texts(tmp_path, texts)) as kb:
        found = ask(kb.db, "Молдова ТМД-ға мүше ме?")
    assert (found.answer, found.value) == ("Жоқ (шықты: 2012 жыл)", "no")
    assert all("2013" not in s["text"] for s in found.sources)
    assert [(side["answer"], side["value"]) for side in found.conflicts] == [("Жоқ (шықты: 2013 жыл)", "no")]
    assert "2013" in found.conflicts[0]["sources"][0]["text"]


LESSER_TEXT = ("Түрікменстан 2005 жылы ТМД-ның қауымдастырылған мүшесі болды. "
               "Моңғолия ШЫҰ-ға бақылаушы мемлекет ретінде қатысады. "
               "Үндістан 2005 жылы ШЫҰ-ға бақылаушы болды. Үндістан 2017 жылы ШЫҰ-ға мүше болды.")

LESSER = [  # (question, answer, value): a status short of membership is a «Жоқ» that names it
    ("Түрікменстан ТМД-ның толық мүшесі ме?", "Жоқ (қауымдастырылған мүше, 2005 жылдан)", "no"),
    ("Моңғолия ШЫҰ-ға мүше ме?", "Жоқ (бақылаушы)", "no"),
    ("Үндістан ШЫҰ-ға мүше ме?", "Иә", "yes"),  # an observer first, a member later
]


@pytest.mark.parametrize(("question", "answer", "value"), LESSER)
def test_yes_no_lesser_status_is_no_membership(tmp_path, question: str, answer: str, value: str) -> None:
    with derek.open(kb_of_texts(tmp_path, {"status.txt": LESSER_TEXT})) as kb:
        found = ask(kb.db, question)
    assert (found.answer, found.value) == (answer, value)
    assert found.sources and all(s["text"] in LESSER_TEXT for s in found.sources)


DENIALS = [  # (context, question, answer): «Жоқ» only when «емес/жоқ» denies what is asked
    ("Бұл қор сауда ұйымы емес, ол қайырымдылық қоры болып табылады.", "Бұл қор сауда ұйымы ма?", "Жоқ"),
    # a word coordinated with the asked one stands between them: the denial covers both
    ("Бұл қор сауда ұйымы немесе банк емес, ол қайырымдылық қоры болып табылады.",
     "Бұл қор сауда ұйымы ма?", "Жоқ"),
    # «емес» between two words the question joins: «тұрақты емес өкілі» for «тұрақты өкілі ме?»
    ("Моңғолия Кеңестің тұрақты емес өкілі болып сайланды.", "Моңғолия Кеңестің тұрақты өкілі ме?", "Жоқ"),
    # «және» does not carry the denial back: «X және Y емес» may deny Y alone
    ("Бұл қор дербес заңды тұлға және ұлттық мекеме емес.", "Бұл қор дербес заңды тұлға ма?", None),
    # a denial of something else in the sentence says nothing of the question: no answer
    ("Бұл қор сауда ұйымы емес, ол қайырымдылық қоры болып табылады.", "Бұл қор қайырымдылық қоры ма?", None),
    ("Моңғолия Кеңестің тұрақты өкілі болып сайланды.", "Моңғолия Кеңестің тұрақты өкілі ме?", "Иә"),
]


@pytest.mark.parametrize(("context", "question", "answer"), DENIALS)
def test_yes_no_a_sentence_denying_the_predicate_says_no(context: str, question: str, answer: str | None) -> None:
    assert ask_context(context, question).answer == answer
