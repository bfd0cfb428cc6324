"""Session-13 round 2: an answer in the sentence next to the one that matches the question — the
place of an event the matched sentence dates, the names after a lead-in's common noun, the name a
genitive common noun («Партияның талабымен») stands for — own sentences, not from the corpus."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek

DOCS = {
    # the matched sentence dates the meeting; the sentence before places it
    "forum.txt": "Жастар форумы бірнеше рет өтті. Алматы форумның отырыстарын 2012 және 2019 жылдары "
                 "қабылдады. 2019 жылғы отырыста жастар бағдарламасы бекітілді. Форумның хатшылығы "
                 "тұрақты жұмыс істейді.",
    # a lead-in names people by a common noun; their names follow
    "ministers.txt": "Тәуелсіз елдің сыртқы саясаты туралы. Сыртқы істер министрлері жаңа бастамалар көтеруге "
                     "жиі ұмтылды. Марат Тәжин су туралы ұсыныс жасаса, Қанат Саудабаев көлік туралы ұсыныс "
                     "жасады.",
    # a genitive common noun stands for the name the sentence before gives it
    "party.txt": "Қала тұрғындары жиналыс өткізді. 2004 жылы «Нұр Отан» партиясы ауыл тұрғындарының "
                 "өтінішін қарады. Партияның талабымен ескі зауыт жабылды.",
}

# a description whose first word is the last of a list in its case keeps the whole list
LISTS = {
    "policy.txt": "Ауыл әкімдігі құрғақшылықпен, жұмыссыздықпен, кедейлікпен күрес жүргізуді өзінің басты "
                  "міндеті деп таныды. Әкімдік жыл сайын есеп береді.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round13b"), DOCS | LISTS)


# (question, value, cited document)
ANSWERS = [
    ("Форумның жастар бағдарламасы қай қалада бекітілді?", "place:almaty", "forum.txt"),
    ("Қай министрлер жаңа бастамалар көтерді?", ["person:saudabayev", "person:tazhin"], "ministers.txt"),
    ("Ескі зауыт кімнің талабымен жабылды?", "prov:organization:нұр_отан", "party.txt"),
]


@pytest.mark.parametrize(("question", "expected", "doc"), ANSWERS)
def test_ask_round13b_answer_in_the_next_sentence(kb_path, question: str, expected: str, doc: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.value == expected
    assert answer.sources[0]["doc"] == doc


# no link between the matched sentence and its neighbour: no answer from the neighbour
UNLINKED = [
    "Форумның хатшылығы қай қалада жұмыс істейді?",  # no shared year with «Алматы … 2012 және 2019»
]


@pytest.mark.parametrize("question", UNLINKED)
def test_ask_round13b_unlinked_neighbour_gives_no_answer(kb_path, question: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer is None


# (question, answer)
DESCRIPTIONS = [
    ("Ауыл әкімдігі өзінің басты міндеті деп қандай күресті таныды?",
     "құрғақшылықпен, жұмыссыздықпен, кедейлікпен күрес"),
]


@pytest.mark.parametrize(("question", "expected"), DESCRIPTIONS)
def test_ask_round13b_description_keeps_its_list(kb_path, question: str, expected: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == expected
