"""Session 21, round 3: wrong answers (issue 7). The possessor in the genitive after «қай» is the
asked noun; a word of the asked name found only inside another name says nothing of it; a treaty's
signers are those of its first signing, not the later accessions. Own sentences throughout."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

from derek.query.question import analyze_question

# «қай X-тің Y-і»: the possessor X is asked, unless X is an answer noun (then its type, as before)
POSSESSORS = [
    ("Тоқаев қай министрліктің басшысы болды?", "description", "министрлік"),
    ("Ол қай комитеттің төрағасы болды?", "description", "комитет"),
    ("Қай мемлекеттің президенті Астанаға келді?", "state", "мемлекет"),
    ("Қай ұйымның хатшысы сөз сөйледі?", "organization", "ұйым"),
    # no genitive after «қай»: the answer noun next to it types the question, as before
    ("Тоқаев қай жылы министр болды?", "year", None),
    ("Ол қай қызметке тағайындалды?", "description", "қызмет"),
]


@pytest.mark.parametrize(("question", "kind", "focus"), POSSESSORS)
def test_round21c_possessor_after_kai(question: str, kind: str, focus: str | None) -> None:
    q = analyze_question(question)
    assert q.answer_type == kind
    if focus is not None:
        assert q.focus == focus


SHARED_WORD = (
    "# Шанхай бестігі және Ұйым\n\n"
    "Шанхай бестігі деп аталған кездесулер бес елдің басшыларын жинады. "
    "2001 жылғы 15 маусымда Шанхайда алты ел Шанхай ынтымақтастық ұйымын құру туралы декларацияға "
    "қол қойды.\n"
)


@pytest.mark.parametrize("question", [
    "Шанхай бестігі қай айда құрылды?",
    "шанхай бестігі кай айда құрылды",
])
def test_round21c_shared_word_no_answer(tmp_path, question: str) -> None:
    """«Шанхай» of the asked «Шанхай бестігі» is found only in the place and in the declaration
    founding another organization: the text's topic lends that sentence nothing."""
    answer = ask_in(kb_of_texts(tmp_path, {"bestik.txt": SHARED_WORD}), question)
    assert answer.answer is None or "маусым" not in answer.answer


def test_round21c_shared_word_own_sentence(tmp_path) -> None:
    """Near negative: a sentence that names the asked body itself still answers."""
    text = SHARED_WORD + "\nШанхай бестігі 1996 жылғы сәуірде құрылды.\n"
    answer = ask_in(kb_of_texts(tmp_path, {"bestik.txt": text}), "Шанхай бестігі қай айда құрылды?")
    assert answer.answer is not None and "сәуір" in answer.answer


SIGNERS = {
    "odaq.txt": (
        "Одақ туралы шартқа 2014 жылғы 29 мамырда Астанада Беларусь, Қазақстан және Ресей "
        "президенттері қол қойды.\n\n"
        "Армения шартқа 2014 жылғы 10 қазанда қол қойды. "
        "Қырғызстан шартқа 2014 жылғы 23 желтоқсанда қол қойды.\n"
    ),
}


def test_round21c_first_signing_only(tmp_path) -> None:
    from derek.query.signings import first_signing

    def item(state: str, *times: str) -> tuple:
        fact = {"predicate": "signed", "object": {"id": "treaty:x"}, "time": None,
                "sources": [{"time": t} for t in times]}
        return ((state, state), fact, 0.9)

    found = [item("by", "2014-05-29"), item("kz", "2014-05"), item("ru", "2014-05-29"),
             item("am", "2014-10-10"), item("kg", "2014-12-23")]
    assert [v for (v, _), _, _ in first_signing(found)] == ["by", "kz", "ru"]
    # one first signer, or an undated signer: nothing can be told apart, nothing dropped
    assert len(first_signing(found[:1] + found[3:])) == 3
    assert len(first_signing([*found, item("uz")])) == 6


def test_round21c_signers_list(tmp_path) -> None:
    path = kb_of_texts(tmp_path, SIGNERS)
    answer = ask_in(path, "Одақ туралы шартқа қай мемлекеттердің президенттері қол қойды?")
    if answer.method == "facts":
        assert "Армения" not in answer.answer and "Қырғызстан" not in answer.answer
