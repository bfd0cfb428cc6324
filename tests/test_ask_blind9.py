"""Session 18, blind set 9's dev half: general fixes, tested on own sentences (not the corpus or seeds)."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.completion import _bare

DOCS = {
    "a.txt": "Мектеп жұмысымен тікелей байланысты ғылыми саясат. Ел экономикасымен тығыз байланысты сыртқы сауда.",
    "b.txt": "Көктемде жаңбыр көп жауса, егін де мол болады. Қыс жылы болса, мал да семіз болады.",
    "c.txt": "Ауылдың жолы жөнделсе, сауда да жанданады.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("blind9"), DOCS)


# 1. an exam stem ending in its head noun is answered by the modifier with that noun, not the bare
# modifier: «… байланысты саясат:» → «ғылыми саясат», not «ғылыми»
@pytest.mark.parametrize(("question", "answer"), [
    ("Мектеп жұмысымен тікелей байланысты саясат:", "ғылыми саясат"),
    ("Ел экономикасымен тығыз байланысты сауда:", "сыртқы сауда"),
])
def test_exam_stem_answer_keeps_the_head_noun(kb_path, question: str, answer: str) -> None:
    assert ask_in(kb_path, question).answer == answer


# 2. «… болса, не болады?» asks for the consequence clause, not its predicate word alone
@pytest.mark.parametrize(("question", "answer"), [
    ("Көктемде жаңбыр көп жауса не болады?", "егін де мол болады"),
    ("Қыс жылы болса не болады?", "мал да семіз болады"),
    ("Ауылдың жолы жөнделсе не болады?", "сауда да жанданады"),  # another verb: unchanged
])
def test_what_happens_is_answered_by_the_clause(kb_path, question: str, answer: str) -> None:
    assert ask_in(kb_path, question).answer == answer


# the modifier test: a word without a case or possessive ending may take the head noun after it
@pytest.mark.parametrize(("word", "bare"), [
    ("ғылыми", True),
    ("сыртқы", True),
    ("саясатты", False),
    ("елдің", False),
    ("жүйесі", False),
])
def test_bare_modifier(word: str, bare: bool) -> None:
    assert _bare(word) is bare
