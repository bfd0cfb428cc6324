"""Session 22, round 4: wrong answers (issue 7). A nominative or genitive question word asks a noun
phrase, so an adverbial in a case of place, source, goal or means (or an auxiliary alone) is no
answer to it; a role asked with «ретінде» is not answered by a sentence naming another role. Own
sentences throughout."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.kb.search import term
from derek.query.question import analyze_question
from derek.query.roles import ROLE_OTHER, roles_named

ADVERBIAL = (
    "# Өлкенің мұңы\n\n"
    "Бұл тұрғыда бірінші орында өлкенің екі мұңы тұр. "
    "Өлке халқы бұл жағдайға ұзақ жылдар бойы көнді.\n"
)


@pytest.mark.parametrize("question", [
    "Өлкенің екі мұңы қандай?",
    "Өлкенің екі мұңы не?",
])
def test_round22_adverbial_no_answer(tmp_path, question: str) -> None:
    """«бірінші орында» (in the first place) and «тұр» (stands) are no noun phrase for «қандай?»
    (the span reader may still guess, at a low confidence: that is not this rule's)."""
    answer = ask_in(kb_of_texts(tmp_path, {"mun.txt": ADVERBIAL}), question)
    assert answer.answer not in ("бірінші орында", "тұр")
    assert answer.method != "passages"


@pytest.mark.parametrize(("question", "expected"), [
    ("Өлкенің басты мұңы не?", "құрғақшылық"),
    ("Кеңес мінберді не үшін пайдаланды?", "таныстыру"),
])
def test_round22_noun_phrase_kept(tmp_path, question: str, expected: str) -> None:
    """Near negatives: a nominative noun phrase still answers «не?»; «не үшін?» (what for) asks a
    purpose, in the dative here, and keeps it."""
    text = ("# Өлке\n\nӨлкенің басты мұңы – ұзаққа созылған құрғақшылық. "
            "Кеңес мінберді жаңа жобаларын таныстыруға пайдаланды.\n")
    answer = ask_in(kb_of_texts(tmp_path, {"olke.txt": text}), question)
    assert answer.answer is not None and expected in answer.answer


@pytest.mark.parametrize(("question", "roles"), [
    ("Моңғолия Ұйымға бақылаушы ретінде қай жылы қабылданды?", {"бақылаушы"}),
    ("Түркия Ұйымға серіктес ретінде қашан қосылды?", {"серіктес"}),
    ("Қазақстан Ұйымға қандай мемлекет ретінде кірді?", set()),  # the role itself is asked
    ("Моңғолия Ұйымға қай жылы қабылданды?", set()),
])
def test_round22_roles_asked(question: str, roles: set[str]) -> None:
    q = analyze_question(question)
    role = {term(t) for t in q.tokens if t.norm in roles}
    assert roles_named(q.tokens, frozenset(q.words)) == role


ROLES = (
    "# Дала ұйымы\n\n"
    "Моңғолия Дала ұйымына 2004 жылы бақылаушы ретінде қабылданды. "
    "Түркия Дала ұйымына 2012 жылы толық мүше ретінде қабылданды.\n"
)


def test_round22_other_role_no_answer(tmp_path) -> None:
    """Türkiye's full membership does not date its being an observer (blind 7 j007's shape)."""
    answer = ask_in(kb_of_texts(tmp_path, {"dala.txt": ROLES}),
                    "Түркия Дала ұйымына бақылаушы ретінде қай жылы қабылданды?")
    assert answer.answer is None or "2012" not in answer.answer
    assert ROLE_OTHER < 1.0


@pytest.mark.parametrize(("question", "year"), [
    ("Моңғолия Дала ұйымына бақылаушы ретінде қай жылы қабылданды?", "2004"),
    ("Түркия Дала ұйымына толық мүше ретінде қай жылы қабылданды?", "2012"),
    ("Түркия Дала ұйымына қай жылы қабылданды?", "2012"),
])
def test_round22_same_role_answers(tmp_path, question: str, year: str) -> None:
    """Near negatives: the sentence naming the asked role, or any when no role is asked, answers."""
    answer = ask_in(kb_of_texts(tmp_path, {"dala.txt": ROLES}), question)
    assert answer.answer is not None and year in answer.answer
