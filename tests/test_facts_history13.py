"""Session 13 history shapes: an undated «Name - post» line and a coordinated founding."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected {(subject, value casefolded)} of appointed_as); sentences of our own
NAMED_LINE_CASES = [
    ("* Абылай хан - жоңғарлармен соғысқан қазақ халқының ханы.", {("person:abylai", "қазақ халқының ханы")}),
    ("Тәуке хан – Қазақ хандығының ханы.", {("person:tauke-khan", "қазақ хандығының ханы")}),
    ("* Кенесары Қасымұлы - Ресейге қарсы көтеріліс бастаған батыр.", set()),
    ("* Абылай хан - Бұқар жыраудың досы.", set()),
    ("* Абылай хан мен Кенесары Қасымұлы - қазақ халқының ханы.", set()),
]

# (text, expected founded_on subjects)
COORDINATED_FOUNDING_CASES = [
    ("Бұрынғы Алтын Орданың орнына Қазақ хандығы мен Ноғай Ордасы құрылды.",
     {"state:kazakh-khanate", "state:nogai-horde"}),
    ("Қазақ хандығы және Қоқан хандығы құрылды.", {"state:kazakh-khanate", "state:kokand-khanate"}),
    ("Өзбекстан қосылғаннан кейін Қазақ хандығы құрылды.", {"state:kazakh-khanate"}),
    ("Ресей мен Қытай келісім негізінде құрылды.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_LINE_CASES)
def test_facts_history13_named_post_line(text: str, expected: set[tuple[str, str]]) -> None:
    facts = run(Document(text)).facts
    got = {(f.subject, (f.value or "").casefold()) for f in facts if f.predicate == "appointed_as"}
    assert got == expected
    assert all(f.time is None for f in facts if f.predicate == "appointed_as")


@pytest.mark.parametrize(("text", "expected"), COORDINATED_FOUNDING_CASES)
def test_facts_history13_coordinated_founding(text: str, expected: set[str]) -> None:
    facts = run(Document(text)).facts
    assert {f.subject for f in facts if f.predicate == "founded_on"} == expected
