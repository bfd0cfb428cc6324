"""A confidence is a number between 0 and 1 whatever path answered (facts, passages, reader):
passage scores multiply coverage by fit factors and may pass 1, the confidence may not."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

import derek
from derek.ingest import ingest_paths
from derek.query.ask import ask_context

QUESTIONS = [
    "Қазақстан ЕҚЫҰ-ға қашан төрағалық етті?",  # a heading matches every word: coverage × fit > 1
    "Қазақстан БҰҰ-ға қашан мүше болды?",
    "ШЫҰ-ға қандай мемлекеттер мүше?",
    "Тоқаев кім?",
    "Бүгінде БҰҰ неше мемлекетті біріктіреді?",
]


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory):
    if not EXAMPLES.is_dir():
        pytest.skip("sample corpus not present")
    with derek.open(tmp_path_factory.mktemp("confidence") / "corpus.db") as kb:
        ingest_paths(kb, [str(EXAMPLES)])
        yield kb


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_confidence_is_between_0_and_1(corpus_kb, question: str) -> None:
    answer = corpus_kb.ask(question)
    assert answer.answer is not None
    assert 0.0 <= answer.confidence <= 1.0
    assert 0.0 <= answer.to_dict()["confidence"] <= 1.0


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_confidence_reading_one_text(question: str) -> None:
    answer = ask_context("Қазақстан және ЕҚЫҰ: 2010 жылғы төрағалық. Қазақстан БҰҰ-ға 1992 жылғы "
                         "2 наурызда мүше болды.", question)
    assert 0.0 <= answer.confidence <= 1.0
