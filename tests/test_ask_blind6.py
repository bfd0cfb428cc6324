"""Session-14 round (bench/data/qa_blind6.jsonl dev errors): «қандай X ретінде» asks for the kind, a
description, not an entity of X's type; and noun paraphrases (кіріс ~ табыс, айқын ~ анық, қоғамдастық ~
қауымдастық) — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.matching import word_groups
from derek.query.question import analyze_question

# (question, answer type)
TYPES = [
    ("Қазақстан әлемге өзін қандай мемлекет ретінде таныстырды?", "description"),
    ("Моңғолия ШЫҰ-ға қандай ұйым ретінде қарайды?", "description"),
    ("Бас Ассамблея 29 тамызды қандай күн деп жариялады?", "description"),
    ("Қазақстан қандай мемлекеттерге қосылды?", "states"),  # no «ретінде»: the entities
    ("Қазақстан қандай ұйымға мүше болды?", "organization"),
]


@pytest.mark.parametrize(("question", "kind"), TYPES)
def test_ask_blind6_as_what_kind_is_a_description(question: str, kind: str) -> None:
    assert analyze_question(question).answer_type == kind


# (word, a word of its sense group)
PAIRS = [("кіріс", "табыс"), ("табыс", "кіріс"), ("айқын", "анық"), ("қоғамдастық", "қауымдастық")]


@pytest.mark.parametrize(("word", "other"), PAIRS)
def test_ask_blind6_noun_paraphrases_share_a_group(word: str, other: str) -> None:
    assert other in word_groups()[word]


DOCS = {
    "brazil.txt": "Бразилия тәуелсіздік алған соң әлемдік қоғамдастықта тең құқылы ел болып, "
                  "егеменді мемлекет ретінде қалыптасты. "
                  "Әлемдік қауымдастыққа Бразилия өзін бейтарап мемлекет болуға ниетті ел ретінде таныстырды. "
                  "Бразилия 1945 жылы БҰҰ-ға мүше болды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("blind6"), DOCS)


# (question, answer): the kind asked «ретінде», from the sentence whose «қауымдастыққа» is the question's
# «қоғамдастыққа», not the rival sentence that shares the question's own word
ANSWERS = [
    ("Бразилия әлемдік қоғамдастыққа өзін қандай мемлекет ретінде таныстырды?", "бейтарап мемлекет"),
]


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_ask_blind6_answers(kb_path, question: str, expected: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == expected
