"""Session 17 (KazNERD dev14): a number phrase whose last word carries the case ending.

Sentences are our own. «бір мың жеті жүз алпыс алтыға жетті» used to stop before «алтыға» and
read 1760; the cased last word now closes the phrase, and closed-class homographs stay out.
"""

from __future__ import annotations

import pytest

import derek
from derek.lang.kk.numbers import find_quantities

CASED_PHRASES = [
    ("Кітаптар бір мың жеті жүз алпыс алтыға жетті .", "бір мың жеті жүз алпыс алты", 1766.0),
    ("Оқушылар саны екі мың үш жүз он беске жетті .", "екі мың үш жүз он бес", 2315.0),
    ("Тұрғындар саны жүз жиырма үштен асты .", "жүз жиырма үш", 123.0),
    ("Ауылда үш жүз қырық төртте бір мектеп бар .", "үш жүз қырық төрт", 344.0),
    ("Кітапхана елу жетіні сатып алды .", "елу жеті", 57.0),
    ("Қала тоқсан тоғыздың бірі болды .", "тоқсан тоғыз", 99.0),
]

NOT_CASED = [
    ("Шебер екі жүз алтын сақина соқты .", "екі жүз", 200.0),  # «алтын» gold, not «алты+н»
    ("Бес жүз онда тұрады .", "Бес жүз", 500.0),  # «онда» there
    ("Жүз елу мыңға жуық адам келді .", "Жүз елу мыңға жуық адам", 150000.0),  # a scale keeps its endings
]


@pytest.mark.parametrize(("text", "span", "value"), CASED_PHRASES + NOT_CASED)
def test_facts_dev14_cased_number_phrase(text: str, span: str, value: float) -> None:
    quantities = find_quantities(text)
    assert quantities, text
    first = quantities[0]
    assert text[first.start : first.end] == span
    assert first.value == value


FIGURE_FACTS = [
    ("Оңтүстік Кореяда туристердің саны бір мың төрт жүз елу үшке жетті .", "state:kr", "1453"),
    ("Жапонияда жұмыссыздар саны сегіз жүз жиырма үшке жетті .", "state:jp", "823"),
]


@pytest.mark.parametrize(("text", "subject", "value"), FIGURE_FACTS)
def test_facts_dev14_cased_figure_fact(text: str, subject: str, value: str) -> None:
    facts = [(f.subject, f.predicate, f.value) for f in derek.analyze(text).facts]
    assert (subject, "quantity", value) in facts
