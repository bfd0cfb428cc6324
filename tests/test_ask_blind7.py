"""Session 15, blind set 7's dev half: general fixes, tested on own sentences (not the corpus or seeds)."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.question import analyze_question
from derek.query.two_step import find_description, inner_question, outer_question
from derek.query.typed import restore_word

DOCS = {
    "a.txt": "2005 жылғы 3 наурызда Вильнюсте Польша, Литва, Латвия және Эстония экологиялық "
             "ынтымақтастық туралы хаттамаға қол қойды.",
    "b.txt": "2019 жылдың мамырында 80 қазақстандық дәрігер БҰҰ-ның Ливандағы уақытша күштерінің "
             "құрамына аттанды.",
    "c.txt": "2000–2015 жылдар аралығында Қазақстан мен Жапония арасындағы тауар айналымы 3 еседен астам өсті. "
             "Жапониямен тауар айналымы 2015 жылы 12 млрд доллар болды.",
    "e.txt": "Қазақстанның Кореямен тауар айналымы 2015 жылы 9 млрд доллар болды.",
    "d.txt": "Словения 2004 жылғы 1 мамырда Еуропалық одаққа қосылды. "
             "Қасым-Жомарт Тоқаев 2002–2007 жылдары Сыртқы істер министрі болды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("blind7"), DOCS)


# 1. typed on a Russian keyboard: a name's Russian spelling is no rival to its Kazakh one, and an
# abbreviation typed without its Kazakh letter keeps the ending typed with them
@pytest.mark.parametrize(("typed", "mixed", "restored"), [
    ("атамкуловтан", False, "атамқұловтан"),  # Атамкулов (Russian) and Атамқұлов are one name
    ("ШЫУ-ға", True, "ШЫҰ-ға"),
    ("ШЫУ-ның", False, "ШЫҰ-ның"),
    ("БҰҰ-ға", True, None),  # typed right
    ("Ресей-ге", True, None),  # no abbreviation
])
def test_typed_names_and_abbreviations(typed: str, mixed: bool, restored: str | None) -> None:
    assert restore_word(typed, mixed) == restored


# 2. «неше ай/жыл/күн» asks a span of time: a figure counting something else does not answer it
@pytest.mark.parametrize("question", [
    "2019 жылы Ливанға аттанған қазақстандық дәрігерлер неше ай болды?",
    "Қазақстандық дәрігерлер Ливандағы күштердің құрамында неше ай болды?",
])
def test_ask_count_of_months_is_not_a_count_of_people(kb_path, question: str) -> None:
    answer = ask_in(kb_path, question)
    assert answer.answer is None or "80" not in answer.answer


# 3. «неше мемлекет» with no figure in the sentence: the states listed together count them
@pytest.mark.parametrize(("question", "count"), [
    ("2005 жылы Вильнюсте хаттамаға неше мемлекет қол қойды?", "4"),
    ("Экологиялық ынтымақтастық туралы хаттамаға неше ел қол қойды?", "4"),
])
def test_ask_counts_the_listed_states(kb_path, question: str, count: str) -> None:
    answer = ask_in(kb_path, question)
    assert str(answer.value) == count and answer.sources[0]["doc"] == "a.txt"


# 4. «қай елдегі X» ← a state named inside a body's name («БҰҰ-ның Ливандағы уақытша күштері»)
def test_ask_state_inside_a_body_name(kb_path) -> None:
    answer = ask_in(kb_path, "2019 жылы қазақстандық дәрігерлер БҰҰ-ның қай елдегі уақытша күштеріне аттанды?")
    assert answer.value == "state:lb"


# 5. «неше есе» wants a multiple, not a sum; «сауда» (trade) ~ «тауар айналымы» (trade turnover)
@pytest.mark.parametrize("question", [
    "2000–2015 жылдары Қазақстан мен Жапония арасындағы сауда неше есе өсті?",
    "Қазақстан мен Жапония арасындағы тауар айналымы неше есе өсті?",
])
def test_ask_multiplier_through_trade_paraphrase(kb_path, question: str) -> None:
    answer = ask_in(kb_path, question)
    assert str(answer.value) == "3" and answer.sources[0]["doc"] == "c.txt"


@pytest.mark.parametrize(("figure", "fits"), [
    ({"attrs": {"kind": "money"}, "value": "9000000000", "text": "9 млрд доллар"}, False),
    ({"attrs": {"kind": "multiplier"}, "value": "3", "text": "3 еседен"}, True),
])
def test_candidates_times_is_not_a_sum(figure: dict, fits: bool) -> None:
    from derek.query.figure_fit import number_fits as _number_fits

    assert _number_fits(figure, "number", analyze_question("Кореямен сауда неше есе өсті?")) is fits


# 6. «… -ған кезде» (when it happened) names a year by its event, as «… -ған жылы» does
@pytest.mark.parametrize(("question", "inner", "outer"), [
    ("Словения Еуропалық одаққа қосылған кезде сыртқы істер министрі кім еді?",
     "Словения Еуропалық одаққа қай жылы қосылған?", "2004 жылы сыртқы істер министрі кім еді?"),
    ("Словения Еуропалық одаққа қосылған кезінде министр кім болды?",
     "Словения Еуропалық одаққа қай жылы қосылған?", "2004 жылы министр кім болды?"),
])
def test_two_step_when_clause(question: str, inner: str, outer: str) -> None:
    analysed = analyze_question(question)
    found = find_description(analysed)
    assert found is not None and found.kind == "year"
    assert inner_question(analysed, found) == inner
    assert outer_question(analysed, found, "2004") == outer


def test_ask_two_step_when_clause(kb_path) -> None:
    answer = ask_in(kb_path, "Словения Еуропалық одаққа қосылған кезде Сыртқы істер министрі кім еді?")
    assert answer.value == "person:tokayev"
    assert {s["doc"] for s in answer.sources} == {"d.txt"}


# 7. a list of single years from the facts reads «2003, 2008 және 2013 жылдар», one unit at the end
@pytest.mark.parametrize(("answers", "text"), [
    (["2003 жыл", "2008 жыл", "2013 жыл"], "2003, 2008 және 2013 жылдар"),
    (["2007–2011 жылдар", "2013–2019 жылдар"], "2007–2011 және 2013–2019 жылдар"),
    (["2003 жыл", "2008 жылғы 5 мамыр"], "2003 жыл және 2008 жылғы 5 мамыр"),
])
def test_answer_facts_years_listed_once(answers: list[str], text: str) -> None:
    from derek.query.answer_facts import _every_time

    values = [f"v{i}" for i in range(len(answers))]
    found = [((a, v), {"sources": []}, 0.9) for a, v in zip(answers, values)]
    question = analyze_question("Түркістан кеңестің отырыстарын қай жылдары қабылдады?")
    assert _every_time(found, values, question).answer == text
