"""Session-15 lead fixes in questions — own sentences, not from the corpus or the seeds."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek

DOCS = {
    "union.txt": "Кедендік одақ 2010 жылы құрылды. Одаққа мүше үш елде 170 миллионнан астам адам тұрады.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round15"), DOCS)


# «кіреді» (enters, belongs to) asks what «мүше» states: the noun is in the join sense group
# (data/verb_synonyms.tsv), so the member count's sentence supports the answer
@pytest.mark.parametrize("question", [
    "Кедендік одаққа неше мемлекет мүше?",
    "Кедендік одаққа қанша мемлекет кіреді?",
    "Кедендік одаққа қанша ел кіреді?",
])
def test_member_count_asked_with_enter(kb_path, question: str) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.value == "3"
    assert answer.sources and "мүше үш" in answer.sources[0]["text"]


@pytest.mark.parametrize("question", ["ЕАЭО-ға қанша мемлекет кіреді?", "ЕАЭО-ға неше мемлекет мүше?"])
def test_member_count_asked_with_enter_on_the_sample_corpus(sample_kb, question: str) -> None:
    assert sample_kb.ask(question).value == "5"
