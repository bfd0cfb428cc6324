"""Session 18, blind sets 8 and 9's dev halves together: an item of an enumeration by ordinal
adverbs (ordinal_items.py) and a list asked by «нелер-» (conjuncts.py). Own sentences only."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.conjuncts import list_case
from derek.query.matching import sentence_tokens
from derek.query.ordinal_items import adverb_value, ordinal_value
from derek.query.question import analyze_question

DOCS = {
    "a.txt": "Жапония біздің елге өте маңызды серіктес. Бұл ел, біріншіден, жаңа технологияның көзі болып тұр. "
             "Екіншіден, жапон компаниялары бізде зауыттар салды. Үшіншіден, екі елдің студенттері бір-бірінде оқиды.",
    "b.txt": "Мектепте балалар тіліне, дініне, ата-анасының жұмысына қарамай бірдей білім алады.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round18"), DOCS)


def _ask(kb_path, question: str):
    with derek.open(kb_path) as kb:
        return kb.ask(question)


@pytest.mark.parametrize(("word", "value"), [
    ("екінші", 2), ("үшіншіден", 3), ("оныншы", 10), ("бірінші", 1), ("нешінші", None), ("Жапония", None),
])
def test_ordinal_value(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value


# an item's adverb opens its sentence or stands between commas; a name's «Біріншіден бастап» is none
@pytest.mark.parametrize(("sentence", "value"), [
    ("Екіншіден, бұл өлкеде көл көп.", 2),
    ("Бұл қала, біріншіден, теңіз жағасында тұр.", 1),
    ("Петр Біріншіден бастап патшалар солай қарады.", None),
    ("Бұл өлкеде көл көп.", None),
])
def test_adverb_value(sentence: str, value: int | None) -> None:
    assert adverb_value(sentence_tokens(sentence)) == value


# «… екінші себебі:» is the sentence of «Екіншіден, …», found by walking back to «біріншіден» in
# a sentence that names the asked state; a question on another state gets no answer from it
@pytest.mark.parametrize(("question", "answer"), [
    ("Жапонияның біздің елге маңызды болуының екінші себебі:", "жапон компаниялары бізде зауыттар салды"),
    ("Жапонияның біздің елге маңызды болуының үшінші себебі қандай?", "екі елдің студенттері бір-бірінде оқиды"),
    ("Жапонияның біздің елге маңызды болуының бірінші себебі:", "жаңа технологияның көзі болып тұр"),
])
def test_ordinal_item_answer(kb_path, question: str, answer: str | None) -> None:
    got = _ask(kb_path, question)
    assert got.answer == answer
    if answer:
        span = got.spans[0]
        assert span["text"] == answer and span["end"] - span["start"] == len(answer)


# the enumeration opens on Japan: a question on Korea is not answered from it (the question's name
# is neither in the opening's words nor a linked entity of the document)
@pytest.mark.parametrize("question", [
    "Кореяның біздің елге маңызды болуының екінші себебі:",
    "Қытайдың біздің елге маңызды болуының үшінші себебі:",
])
def test_ordinal_item_needs_the_asked_name(kb_path, question: str) -> None:
    from derek.query.ordinal_items import ordinal_item

    with derek.open(kb_path) as kb:
        assert ordinal_item(kb.db, analyze_question(question)) is None


@pytest.mark.parametrize(("question", "case"), [
    ("Балалар нелерге қарамай оқиды?", "DAT"), ("Нелерді қабылдады?", "ACC"), ("Балалар неге оқиды?", None),
])
def test_list_case(question: str, case: str | None) -> None:
    assert list_case(analyze_question(question)) == case


# «нелерге қарамай?» is the whole comma list in the dative, not its first conjunct
@pytest.mark.parametrize(("question", "answer"), [
    ("Мектепте балалар нелерге қарамай бірдей білім алады?", "тіліне, дініне, ата-анасының жұмысына"),
])
def test_plural_what_gets_the_whole_list(kb_path, question: str, answer: str) -> None:
    assert _ask(kb_path, question).answer == answer
