"""Session-14 lead fixes in questions — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek

DOCS = {
    "sco.txt": "Ұйым 1996 жылы «Шанхай бестігі» деген атпен құрылды. "
               "2001 жылдан бастап «Шанхай бестігі» Шанхай ынтымақтастық ұйымы деп аталады. "
               "ШЫҰ хатшысы өкілеттігін мерзімінен бұрын тоқтатты.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round14"), DOCS)


# «аталған» (the participle) asks what «аталды» asks: the naming verb is a word of the question,
# so the renaming supports the answer and «мерзімінен бұрын» (ahead of time) does not
@pytest.mark.parametrize("question", ["ШЫҰ бұрын қалай аталды?", "ШЫҰ бұрын қалай аталған?"])
def test_former_name_in_any_tense(kb_path, question: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.answer == "Шанхай бестігі"


# in the sample corpus a sentence about Nazarbayev has «мерзімінен бұрын» (ahead of time): with
# «аталған» it answered «өкілеттігін мерзімінен» above the floor
@pytest.mark.parametrize("question", ["ЕҚЫҰ бұрын қалай аталды?", "ЕҚЫҰ бұрын қалай аталған?"])
def test_former_name_in_any_tense_on_the_sample_corpus(sample_kb, question: str) -> None:
    answer = sample_kb.ask(question)
    assert answer.answer == "Еуропадағы қауіпсіздік және ынтымақтастық кеңесі"


# «Президенті кім?» asks who held the post: «… Қазақстан және Ресей президенттері қол қойды» makes
# no state a president (neither as the leaders' states nor as the subject of a «verb» that is the
# question's post noun)
@pytest.mark.parametrize("question", ["Қазақстанның тұңғыш Президенті кім?", "Қазақстанның бірінші Президенті кім болды?"])
def test_a_post_is_held_by_a_person_not_a_state(sample_kb, question: str) -> None:
    answer = sample_kb.ask(question)
    assert answer.answer == "Нұрсұлтан Назарбаев"


@pytest.mark.parametrize(("question", "expected"), [
    ("Қазақстанның президенті кім?", None),
    ("Шартқа кімдер қол қойды?", "Беларусь, Қазақстан және Ресей"),  # the leaders' states still answer an act
])
def test_leaders_states_answer_acts_not_posts(tmp_path, question: str, expected: str | None) -> None:
    path = kb_of_texts(tmp_path, {"a.txt": "2014 жылы Астанада Беларусь, Қазақстан және Ресей президенттері шартқа қол қойды."})
    with derek.open(path) as kb:
        assert kb.ask(question).answer == expected
