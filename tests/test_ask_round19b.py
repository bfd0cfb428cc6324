"""Session 19, round 2: yes/no answered «Жоқ» by a stated contrary (yes_no_contrary.py), and no
answer from a sentence about another state (yes_no.rival_named). Own sentences only."""

from __future__ import annotations

import pytest
from conftest import ask_in, kb_of_texts

DOCS = {
    "b.txt": "Қазақстан көршілерімен сауданы кеңейтуді жақтайды. "
             "Қазақстан шекарадағы кедендік бөгеттерді жақтамайды. "
             "Өзбекстан су бөлісу туралы келісімге қарсы.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round19b"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("Қазақстан көршілерімен сауданы кеңейтуге қарсы ма?", "Жоқ"),  # «жақтайды»: the contrary stated
    ("Қазақстан кедендік бөгеттерге қарсы ма?", None),  # «жақтамайды» is no contrary of «қарсы»
    ("Қазақстан су бөлісу туралы келісімге қарсы ма?", None),  # another state is against it
    ("Қазақстан көршілерімен теміржол салуға қарсы ма?", None),  # silence: «теміржол» is nowhere
])
def test_contrary(kb_path, question: str, expected: str | None) -> None:
    assert ask_in(kb_path, question).answer == expected
