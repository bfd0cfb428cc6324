"""How a sentence fits the asked relation (derek.query.fit), on sentences written for these tests:
two pairs joined by «мен» pair off in order, the question's accusative object before another verb
mirrors its frame, «алғаш» (for the first time) is the ordinal 1, and an ordinal goes with its noun."""

from __future__ import annotations

import pytest

from derek.pipeline import analyze
from derek.query.fit import (
    ORDINAL_MISMATCH,
    OTHER_PLACE,
    PAIR_RIVAL,
    RESPECTIVE_MISMATCH,
    object_mirrored,
    ordinal_factor,
    ordinal_hits,
    other_conjunct,
    pair_factor,
    place_factor,
    respective_factor,
)
from derek.query.passages import document_passages
from derek.query.question import analyze_question


def _passage(sentence: str, question: str):  # -> (Passage, Question)
    q = analyze_question(question)
    return document_passages(analyze(sentence), "t", q)[0], q


RESPECTIVE = [  # (sentence, question, person id, factor): «A мен B X пен Y арасындағы»: A ~ X, B ~ Y
    ("2013 жылы Тоқаев пен Путин Қазақстан мен Ресей арасындағы шекара туралы шартқа қол қойды.",
     "Шекара туралы шартқа Ресей атынан кім қол қойды?", "person:putin", 1.0),
    ("2013 жылы Тоқаев пен Путин Қазақстан мен Ресей арасындағы шекара туралы шартқа қол қойды.",
     "Шекара туралы шартқа Ресей атынан кім қол қойды?", "person:tokayev", RESPECTIVE_MISMATCH),
    ("2013 жылы Тоқаев пен Путин Қазақстан мен Ресей арасындағы шекара туралы шартқа қол қойды.",
     "Шекара туралы шартқа Қазақстан атынан кім қол қойды?", "person:tokayev", 1.0),
    # three states in a list are no pair: nothing to pair the two persons with
    ("2013 жылы Тоқаев пен Путин Беларусь, Қазақстан және Ресей қатысқан кездесуде сөйледі.",
     "Кездесуде Ресей атынан кім сөйледі?", "person:tokayev", 1.0),
]


@pytest.mark.parametrize(("sentence", "question", "person", "factor"), RESPECTIVE)
def test_fit_respective_pairs_pair_off_in_order(sentence: str, question: str, person: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    value = next(x for x in p.spans if x["kind"] == "entity" and x["value"] == person)
    assert respective_factor(p, value, q) == factor


OBJECTS = [  # (question, sentence, mirrored?): the accusative object stands before the sentence's verb
    ("Заңның жобасын қай министрлік дайындады?", "Бұл заңның жобасын Әділет министрлігі ұсынған еді.", True),
    ("Заңның жобасын қай министрлік дайындады?", "Заңның жобасы парламентте ұзақ талқыланды.", False),
    ("Заңның жобасын қай министрлік дайындады?", "Жобасын көрген сарапшылар заң туралы көп айтты.", False),
    ("Қай министрлік заң дайындады?", "Бұл заңның жобасын Әділет министрлігі ұсынған еді.", False),
]


@pytest.mark.parametrize(("question", "sentence", "mirrored"), OBJECTS)
def test_fit_object_of_the_question_mirrored(question: str, sentence: str, mirrored: bool) -> None:
    p, q = _passage(sentence, question)
    assert object_mirrored(p.tokens, q) is mirrored


FIRST_TIME = [  # (sentence, question, factor): «алғаш» asks for the first time, not the second
    ("Ол министрлікке екінші рет 2012 жылы келді.", "Ол министрлікке алғаш қай жылы келді?", ORDINAL_MISMATCH),
    ("Ол министрлікке 1994 жылы келді.", "Ол министрлікке алғаш қай жылы келді?", 1.0),
    ("Ол министрлікке алғаш рет 1994 жылы келді.", "Ол министрлікке алғаш қай жылы келді?", 1.0),
]


@pytest.mark.parametrize(("sentence", "question", "factor"), FIRST_TIME)
def test_fit_first_time_is_the_ordinal_one(sentence: str, question: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert ordinal_factor(p, q) == factor


ATTACHED = [  # (sentence, question, factor): the ordinal goes with a noun a few words after it
    ("Жарлықпен елшіліктің бірінші хатшысы болып Асқаров тағайындалды.", "Елшіліктің бірінші елшісі кім?", 1.0),
    ("Елші Жарлығымен елшіліктің бірінші хатшысы болып Асқаров тағайындалды.", "Елшіліктің бірінші елшісі кім?",
     ORDINAL_MISMATCH),
    ("Асқаров елшіліктің бірінші тұрақты елшісі болды.", "Елшіліктің бірінші елшісі кім?", 1.0),
    ("Елші 1993 жылы тұңғыш рет сөз сөйледі.", "Елшіліктің тұңғыш елшісі кім?", ORDINAL_MISMATCH),
]


@pytest.mark.parametrize(("sentence", "question", "factor"), ATTACHED)
def test_fit_ordinal_goes_with_the_asked_noun(sentence: str, question: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert ordinal_factor(p, q) == factor


@pytest.mark.parametrize(("word", "sentence", "hits"), [
    ("бірінші", "Ол елдің тұңғыш елшісі болды.", [2]),
    ("бірінші", "Ол елдің алғашқы елшісі болды.", [2]),
    ("бірінші", "Ол елдің екінші елшісі болды.", []),
    ("бесінші", "Бесінші саммит өтті.", [0]),
    ("елші", "Ол елдің тұңғыш елшісі болды.", []),
])
def test_fit_ordinal_written_otherwise(word: str, sentence: str, hits: list[int]) -> None:
    p, _ = _passage(sentence, "Кім?")
    assert ordinal_hits(word, p.tokens) == hits


POSTS = [  # (sentence, question, holds the asked kind?): «қандай қызмет» is there in a post's title
    ("Бұрын ол 2005–2008 жылдары облыс әкімі болды.", "Ол 2005–2008 жылдары қандай қызмет атқарды?", True),
    ("Бұрын ол 2005–2008 жылдары Парламент төрағасы болды.", "Ол 2005–2008 жылдары қандай лауазым атқарды?", True),
    ("Бұрын ол 2005–2008 жылдары Алматыда тұрды.", "Ол 2005–2008 жылдары қандай қызмет атқарды?", False),
]


@pytest.mark.parametrize(("sentence", "question", "holds"), POSTS)
def test_fit_post_title_holds_the_asked_post(sentence: str, question: str, holds: bool) -> None:
    from derek.query.fit import holds_answer_kind

    assert holds_answer_kind(*_passage(sentence, question)) is holds


PLACES = [  # (sentence, question, factor): a place the question names, another in the sentence
    ("2022 жылы Астанада Кеңестің саммиті өтті.", "Кеңестің Стамбұлдағы саммиті қашан өтті?", OTHER_PLACE),
    ("2014 жылы Стамбұлда Кеңестің саммиті өтті.", "Кеңестің Стамбұлдағы саммиті қашан өтті?", 1.0),
    ("2014 жылы Кеңестің саммиті өтті.", "Кеңестің Стамбұлдағы саммиті қашан өтті?", 1.0),  # no other place
    ("2022 жылы Астанада Кеңестің саммиті өтті.", "Кеңестің саммиті қашан өтті?", 1.0),  # none asked
]


@pytest.mark.parametrize(("sentence", "question", "factor"), PLACES)
def test_fit_another_place_tells_of_another_event(sentence: str, question: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert place_factor(p, q, set()) == factor


PARTNERS = [  # (sentence, question, factor): the asked partner («Түркиямен») missing, another in its case
    ("Қазақстан көрші елдермен жыл сайын 20 млрд доллар тауар айналымын жүргізеді.",
     "Қазақстанның Түркиямен тауар айналымы қанша?", PAIR_RIVAL),
    ("Қазақстан Түркиямен жыл сайын 2 млрд доллар тауар айналымын жүргізеді.",
     "Қазақстанның Түркиямен тауар айналымы қанша?", 1.0),
    # «сонымен» is a conjunction, not a partner
    ("Сонымен Қазақстанның тауар айналымы 20 млрд доллар болды.", "Қазақстанның Түркиямен тауар айналымы қанша?", 1.0),
]


@pytest.mark.parametrize(("sentence", "question", "factor"), PARTNERS)
def test_fit_another_partner_in_the_asked_case(sentence: str, question: str, factor: float) -> None:
    p, q = _passage(sentence, question)
    assert pair_factor(p, q, set()) == factor


CONJUNCTS = [  # (sentence, question, value word, in another comma-joined part than the asked name?)
    ("Бірінші жиын Ақтауда, екінші жиын Таразда, үшінші жиын Семейде өтті.", "Таразда нешінші жиын өтті?",
     "үшінші", True),
    ("Бірінші жиын Ақтауда, екінші жиын Таразда, үшінші жиын Семейде өтті.", "Таразда нешінші жиын өтті?",
     "екінші", False),
    # the parts share no word: a comma inside one statement joins no parallel parts
    ("Кеңес Таразда құрылды, кейін оның үшінші отырысы өтті.", "Таразда нешінші отырыс өтті?", "үшінші", False),
]


@pytest.mark.parametrize(("sentence", "question", "word", "other"), CONJUNCTS)
def test_fit_value_in_another_conjunct(sentence: str, question: str, word: str, other: bool) -> None:
    from derek.query.phrases import anchor_tokens

    p, q = _passage(sentence, question)
    positions = [i for i, t in enumerate(p.tokens) if t.norm == word]
    assert other_conjunct(p, positions, anchor_tokens(p, q)) is other
