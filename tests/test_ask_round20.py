"""Session 20: confident wrong answers (issue 7). A question's predicates leave out a treaty's topic
(«қосылу туралы шартқа») and keep the role named before «ретінде»; a sentence that counts the asked
things («екі ұсыныс») does not answer for the n-th of them. Own sentences throughout."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.fit import COUNTED_NOT_NAMED
from derek.query.question import analyze_question

PREDICATES = [
    # the word before «туралы» names the treaty's topic, not the asked event
    ("Моңғолия ШЫҰ-ға қосылу туралы шартқа қай жылы қол қойды?", "signed", "joined"),
    ("Түркия Одаққа кіру туралы келісімге қашан қол қойды?", "signed", "joined"),
    # the role before «ретінде» is what is asked, not every sense of «қабылданды»
    ("Моңғолия ШЫҰ-ға бақылаушы ретінде қай жылы қабылданды?", "observer_of", "member_of"),
]


@pytest.mark.parametrize(("question", "kept", "dropped"), PREDICATES)
def test_ask_round20_predicates(question: str, kept: str, dropped: str) -> None:
    predicates = analyze_question(question).predicates
    assert kept in predicates and dropped not in predicates


UNCHANGED = [
    ("Моңғолия ШЫҰ-ға қай жылы қосылды?", "joined"),
    ("Моңғолия ШЫҰ-ға қай жылы мүше болып қабылданды?", "member_of"),
]


@pytest.mark.parametrize(("question", "kept"), UNCHANGED)
def test_ask_round20_predicates_unchanged(question: str, kept: str) -> None:
    assert kept in analyze_question(question).predicates


SIGNING = ("Моңғолия ШЫҰ-ға 2012 жылғы 3 наурызда толық мүше болып қабылданды. "
           "Моңғолия 2011 жылғы 9 қазанда ШЫҰ-ға қосылу туралы шартқа қол қойды.")


@pytest.mark.parametrize(("question", "value"), [
    ("Моңғолия ШЫҰ-ға қосылу туралы шартқа қай айда қол қойды?", "2011-10"),
    ("Моңғолия ШЫҰ-ға қай айда мүше болды?", "2012-03"),
])
def test_ask_round20_signing_not_joining(tmp_path, question: str, value: str) -> None:
    answer = ask_in(kb_of_texts(tmp_path, {"mn.txt": SIGNING}), question)
    assert answer.value == value


PROPOSALS = ("Министр 2015 жылы Бас Ассамблеяның сессиясында екі маңызды ұсыныс жасады. "
             "Оның біріншісі – өңірлік су қорын құру. "
             "Екінші ұсынысы – жастардың халықаралық форумын өткізу.")
COUNTS = "Форумның бірінші отырысына 12 мемлекеттің өкілдері қатысты."


def factors(tmp_path, text: str, question: str) -> dict[str, float]:
    """``ordinal_factor`` of each sentence of ``text`` retrieved for ``question``, by its first words."""
    import derek
    from derek.query.fit import ordinal_factor
    from derek.query.passages import kb_passages

    asked = analyze_question(question)
    with derek.open(kb_of_texts(tmp_path, {"t.txt": text})) as store:
        return {" ".join(p.text.split()[:2]): ordinal_factor(p, asked) for p in kb_passages(store.db, asked)}


@pytest.mark.parametrize(("question", "factor"), [
    ("Министрдің сессиядағы екінші ұсынысы қандай болды?", COUNTED_NOT_NAMED),
    ("Министр сессияда жасаған алғашқы ұсыныс қандай?", COUNTED_NOT_NAMED),
    ("Министр сессияда қандай ұсыныс жасады?", 1.0),  # no ordinal asked
])
def test_ask_round20_counted_is_no_item(tmp_path, question: str, factor: float) -> None:
    assert factors(tmp_path, PROPOSALS, question)["Министр 2015"] == factor


def test_ask_round20_count_question_keeps_figure(tmp_path) -> None:
    # «неше мемлекет» asks the count: «12 мемлекеттің» is the answer, not a lead-in
    assert factors(tmp_path, COUNTS, "Форумның бірінші отырысына неше мемлекет қатысты?")["Форумның бірінші"] == 1.0
    (tmp_path / "k").mkdir()
    answer = ask_in(kb_of_texts(tmp_path / "k", {"f.txt": COUNTS}), "Форумның бірінші отырысына неше мемлекет қатысты?")
    assert answer.value in (12, 12.0, "12")
