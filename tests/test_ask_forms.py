"""Question forms found by the blind question set (bench/data/qa_blind.md), on sentences written
for these tests: «қай екі мемлекет» asks for exactly two, a plan («сатпақ») does not answer
«сатты?», «бас тартты» denies, «қай күні» needs a day, and the question's own date is no answer."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.answer_facts import _slot
from derek.query.ask import ask, ask_context
from derek.query.question import analyze_question, asked_count

COUNTED = [  # (question, answer type, how many values it asks for)
    ("Қай екі мемлекет ұйымның құрылтайшысы болды?", "states", 2),
    ("Қазақстан қай үш ұйымға мүше болды?", "organizations", 3),
    ("Қай 2 мемлекет шартқа қол қойды?", "states", 2),
    ("Қай мемлекет ұйымның құрылтайшысы болды?", "state", None),
    ("1992 жылы қай мемлекет шартқа қол қойды?", "state", None),  # a year counts nothing
]


@pytest.mark.parametrize(("question", "answer_type", "count"), COUNTED)
def test_ask_forms_a_numeral_after_the_question_word_asks_a_list(question: str, answer_type: str,
                                                                   count: int | None) -> None:
    q = analyze_question(question)
    assert (q.answer_type, asked_count(q)) == (answer_type, count)


LISTS = [  # (context, question, values): a list of another length than asked is no answer
    ("ШЫҰ-ға Қазақстан мен Қырғызстан 2001 жылы мүше болды.", "ШЫҰ-ға қай екі мемлекет мүше болды?",
     ["state:kg", "state:kz"]),
    ("ШЫҰ-ға Қазақстан, Қырғызстан, Ресей және Тәжікстан 2001 жылы мүше болды.",
     "ШЫҰ-ға қай екі мемлекет мүше болды?", None),
    ("ШЫҰ-ға Қазақстан, Қырғызстан, Ресей және Тәжікстан 2001 жылы мүше болды.",
     "ШЫҰ-ға қандай мемлекеттер мүше болды?", ["state:kg", "state:kz", "state:ru", "state:tj"]),
]


@pytest.mark.parametrize(("context", "question", "values"), LISTS)
def test_ask_forms_counted_list_has_the_asked_length(context: str, question: str, values: list | None) -> None:
    assert ask_context(context, question).value == values


PLANS_TEXT = ("2030 жылға қарай Қытай бізден жыл сайын 5 миллион тонна астық сатып алмақ. "
              "2020 жылы Жапония бізден 2 миллион тонна мақта сатып алды.")
PLANS = [  # (question, answered?): a plan (-мақ/-мек) does not answer a past question
    ("2030 жылы Қытай бізден қанша астық сатып алды?", False),
    ("2030 жылға қарай Қытай бізден қанша астық сатып алмақ?", True),
    ("2020 жылы Жапония бізден қанша мақта сатып алды?", True),
]


@pytest.fixture(scope="module")
def plans_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("plans"), {"plans.txt": PLANS_TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "answered"), PLANS)
def test_ask_forms_a_plan_does_not_answer_what_happened(plans_kb, question: str, answered: bool) -> None:
    assert (ask(plans_kb.db, question).answer is not None) is answered


RENOUNCED = [  # (context, question, answer): «бас тартты» denies as «емес» does
    ("Моңғолия 2005 жылы толық мүшеліктен бас тартып, ұйымның қауымдастырылған мүшесі болды.",
     "Моңғолия ұйымның толық мүшесі ме?", None),
    ("Моңғолия 2005 жылы толық мүшеліктен бас тартып, ШЫҰ-ның қауымдастырылған мүшесі атанды.",
     "Моңғолия ШЫҰ-ның толық мүшесі ме?", None),
    ("Моңғолия 2005 жылы ШЫҰ-ның толық мүшесі болды.", "Моңғолия ШЫҰ-ның толық мүшесі ме?", "Иә"),
]


@pytest.mark.parametrize(("context", "question", "answer"), RENOUNCED)
def test_ask_forms_renouncing_is_no_yes(context: str, question: str, answer: str | None) -> None:
    assert ask_context(context, question).answer == answer


SLOTS = [  # (question, the fact's time, slot value): «қай күні» needs a day; the question's date is none
    ("Саммит қай күні өтті?", "2010", None),
    ("Саммит қай күні өтті?", "2010-12-01", "2010-12-01"),
    ("Саммит қай жылы өтті?", "2010-12-01", "2010"),
    ("1992 жылы қол қойылған акт қай жылы қабылданды?", "1992-07-08", None),
    ("1992 жылы қол қойылған акт қай жылы қабылданды?", "1975", "1975"),
]


@pytest.mark.parametrize(("question", "time", "value"), SLOTS)
def test_ask_forms_fact_time_slot(question: str, time: str, value: str | None) -> None:
    slot = _slot({"time": time}, analyze_question(question), set())
    assert (slot[1] if slot else None) == value


OWN_DATE = [  # (context, question, answer value): a sentence's date equal to the question's is none
    ("Ел 1992 жылғы 8 шілдеде актіге қол қойды.", "Ел 1992 жылы қол қойған акт қай жылы қабылданды?", None),
    ("Акт 1975 жылы қабылданды. Ел 1992 жылғы 8 шілдеде актіге қол қойды.",
     "Ел 1992 жылы қол қойған акт қай жылы қабылданды?", "1975"),
]


@pytest.mark.parametrize(("context", "question", "value"), OWN_DATE)
def test_ask_forms_the_question_date_is_no_answer(context: str, question: str, value: str | None) -> None:
    assert ask_context(context, question).value == value


POSTS_TEXT = ("Тоқаев 2007–2011 жылдары Сенат төрағасы болды. Кейін Тоқаев 2013–2019 жылдары тағы да Сенат "
              "төрағасы болды.")

POSTS_TIMES = [  # (question, answer): a post held twice is answered with both terms
    ("Тоқаев Сенатты қай жылдары басқарды?", "2007–2011 және 2013–2019 жылдар"),
    ("Тоқаев Сенатты алғаш қай жылдары басқарды?", "2007–2011 жылдар"),  # «алғаш»: the first
    ("Тоқаев Сенатты соңғы рет қай жылдары басқарды?", "2013–2019 жылдар"),
]


BOTH_TERMS_TEXT = "Тоқаев 2007–2011 және 2013–2019 жылдары Сенат төрағасы болды."


@pytest.mark.parametrize("question", ["Тоқаев Сенат төрағасы қай жылдары болды?",
                                      "Тоқаев қай жылдары Сенат төрағасы болды?"])
def test_ask_forms_both_terms_from_one_sentence(tmp_path, question: str) -> None:
    # the passage's best value is the term its clause holds; the facts hold both and cover it
    with derek.open(kb_of_texts(tmp_path, {"terms.txt": BOTH_TERMS_TEXT})) as kb:
        assert ask(kb.db, question).answer == "2007–2011 және 2013–2019 жылдар"


@pytest.mark.parametrize(("question", "answer"), POSTS_TIMES)
def test_ask_forms_post_held_twice(tmp_path, question: str, answer: str) -> None:
    with derek.open(kb_of_texts(tmp_path, {"posts.txt": POSTS_TEXT})) as kb:
        found = ask(kb.db, question)
    assert found.answer == answer and found.method == "facts"


@pytest.mark.parametrize(("question", "predicates"), [
    ("Ыдырысов қашан министр болды?", ["appointed_as"]),  # a title before «бол-» asks about the post
    ("Тоқаев қай жылдары Сенат төрағасы болды?", ["chaired", "appointed_as"]),
    ("Тоқаев Сенат төрағасы қай жылдары болды?", ["chaired", "appointed_as"]),  # the date's words between
    ("Тоқаев қашан Премьер-Министр болды?", ["appointed_as"]),  # a hyphenated title
    ("2010 жылы ЕҚЫҰ-ның Бас хатшысы кім болды?", []),  # «кім» between: who held it, not when
    ("Тоқаев қашан келді?", []),
])
def test_ask_forms_title_before_be_asks_about_a_post(question: str, predicates: list[str]) -> None:
    assert analyze_question(question).predicates == predicates
