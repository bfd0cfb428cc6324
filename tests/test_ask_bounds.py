"""A question date with «кейін» (after) is a bound: the facts and sentences of any later year meet it."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek

# Sentences of our own (invented years)
DOCS = {"a.txt": "Бутан 2019 жылғы 3 наурызда ТМД-ға мүше болды. Непал 2026 жылғы 5 мамырда ТМД-ға мүше"
                 " болды. Лаос 2028 жылғы 9 қазанда ТМД-ға мүше болды."}

BOUNDED = [
    ("2025 жылдан кейін ТМД-ға қандай мемлекеттер мүше болды?", ["state:la", "state:np"]),
    ("2027 жылдан кейін ТМД-ға қай мемлекет мүше болды?", "state:la"),
    ("2030 жылдан кейін ТМД-ға қандай мемлекеттер мүше болды?", None),  # no year after it
    ("2026 жылы ТМД-ға қай мемлекет мүше болды?", "state:np"),  # a date, not a bound
]


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("bounds"), DOCS)


@pytest.mark.parametrize(("question", "value"), BOUNDED)
def test_ask_bounds_after_a_year(kb_path, question: str, value) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    assert answer.value == value
    if value is None:
        assert answer.answer is None
