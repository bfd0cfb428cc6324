"""Session 17: general fixes from the blind question sets' dev halves (docs/ask.md, "Session 17:
blind dev errors"). Every sentence here is the test's own."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import derek
from derek.query.ask import ask_context
from derek.query.phrases import _after_clause, _reference
from derek.query.question import analyze_question

# «қандай A B C-ын»: the asked noun is the phrase's head, the words before it its modifiers
ASKED_PHRASES = [
    ("Үкімет қандай ішкі саясат бағдарламасын қабылдады?", "бағдарлама", {"ішкі", "саясат"}),
    ("Қала қандай жаңа көлік жүйесіне көшті?", "жүйе", {"жаңа", "көлік"}),
    ("Хан қандай халықаралық ұйым болып табылады деді?", None, None),  # not a description
    ("Абылай қандай саясат жүргізді?", "саясат", set()),  # one word: read as before
    ("Ел өзін қандай мемлекет ретінде таныстырды?", "мемлекет", set()),  # «ретінде» is no head
]


@pytest.mark.parametrize(("question", "focus", "modifiers"), ASKED_PHRASES)
def test_ask_round17_asked_phrase_head(question: str, focus: str | None, modifiers: set[str] | None) -> None:
    q = analyze_question(question)
    if focus is None:
        assert q.answer_type != "description" or not q.modifiers
        return
    assert (q.focus, set(q.modifiers)) == (focus, modifiers)


# «болып» and a negated verb deny the noun before it, as «емес» does
DENIALS = [
    ("ТМД мемлекет болып табылмайды, ол егемен елдердің ерікті бірлестігі.", "ТМД мемлекет пе?", "Жоқ"),
    ("ТМД мемлекет болып саналмайды, оның мүшелері тең құқылы.", "ТМД мемлекет пе?", "Жоқ"),
    ("ТМД халықаралық ұйым болып табылады.", "ТМД халықаралық ұйым ба?", "Иә"),
]


@pytest.mark.parametrize(("context", "question", "expected"), DENIALS)
def test_ask_round17_negated_copula(context: str, question: str, expected: str) -> None:
    assert ask_context(context, question).answer == expected


# a demonstrative and the asked noun («аталған Келісімнің») refer back: no answer by themselves
REFERENCES = [
    ("Басшылар аталған Келісімнің мәтінін бекітті.", "Басшылар қай келісімнің мәтінін бекітті?", "аталған Келісімнің", True),
    ("Басшылар осы шарттың мәтінін бекітті.", "Басшылар қай шарттың мәтінін бекітті?", "осы шарттың", True),
    ("Басшылар Ташкент келісімінің мәтінін бекітті.", "Басшылар қай келісімнің мәтінін бекітті?", "Ташкент келісімінің", False),
]


@pytest.mark.parametrize(("sentence", "question", "phrase", "expected"), REFERENCES)
def test_ask_round17_reference_is_no_answer(sentence: str, question: str, phrase: str, expected: bool) -> None:
    doc = derek.analyze(sentence)
    start = sentence.index(phrase)
    words = [t for t in doc.tokens if start <= t.start < start + len(phrase)]
    assert _reference(words, analyze_question(question)) is expected


# with modifiers asked, a participle closes a relative clause that is no part of the kind
CLAUSES = [
    ("Үкімет өңірлерге арналған ұзақ мерзімді ішкі саясат бағдарламасын қабылдады.",
     "Үкімет қандай ішкі саясат бағдарламасын қабылдады?", "өңірлерге", "бағдарламасын",
     "ұзақ мерзімді ішкі саясат бағдарламасын"),
    ("Үкімет ұзақ мерзімді ішкі саясат бағдарламасын қабылдады.",
     "Үкімет қандай ішкі саясат бағдарламасын қабылдады?", "ұзақ", "бағдарламасын",
     "ұзақ мерзімді ішкі саясат бағдарламасын"),
]


@pytest.mark.parametrize(("sentence", "question", "first", "last", "expected"), CLAUSES)
def test_ask_round17_relative_clause_left_out(sentence: str, question: str, first: str, last: str,
                                              expected: str) -> None:
    doc = derek.analyze(sentence)
    forms = [t.text for t in doc.tokens]
    p = SimpleNamespace(tokens=doc.tokens)
    run = list(range(forms.index(first), forms.index(last) + 1))
    kept = _after_clause(p, run, analyze_question(question))
    assert sentence[doc.tokens[kept[0]].start:doc.tokens[kept[-1]].end] == expected
