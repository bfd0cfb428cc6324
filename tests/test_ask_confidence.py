"""A confidence is a number between 0 and 1 whatever path answered (facts, passages, reader):
passage scores multiply coverage by fit factors and may pass 1, the confidence may not."""

from __future__ import annotations

import pytest

from derek.query.ask import ask_context

QUESTIONS = [
    "Қазақстан ЕҚЫҰ-ға қашан төрағалық етті?",  # a heading matches every word: coverage × fit > 1
    "Қазақстан БҰҰ-ға қашан мүше болды?",
    "ШЫҰ-ға қандай мемлекеттер мүше?",
    "Тоқаев кім?",
    "Бүгінде БҰҰ неше мемлекетті біріктіреді?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_confidence_is_between_0_and_1(sample_kb, question: str) -> None:
    answer = sample_kb.ask(question)
    assert answer.answer is not None
    assert 0.0 <= answer.confidence <= 1.0
    assert 0.0 <= answer.to_dict()["confidence"] <= 1.0


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_confidence_reading_one_text(question: str) -> None:
    answer = ask_context("Қазақстан және ЕҚЫҰ: 2010 жылғы төрағалық. Қазақстан БҰҰ-ға 1992 жылғы "
                         "2 наурызда мүше болды.", question)
    assert 0.0 <= answer.confidence <= 1.0
