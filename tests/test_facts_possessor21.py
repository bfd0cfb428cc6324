"""Session 21 (lead): a genitive right before a body of its own («НАТО-ның … бағдарламасына»)
owns the body and acts in nothing (the gazetteer's ``parent``). Own sentences."""

from __future__ import annotations

import pytest

import derek

LEAD = "Қазақстан өз қауіпсіздігін нығайтты. "
CASES = [
    # NATO owns the programme: Kazakhstan, carried from the sentence before, is the one joining
    (LEAD + "Бұған Ресеймен «Достық туралы шартқа» қол қоюы, НАТО-ның «Бейбітшілік жолындағы "
     "серіктестік» бағдарламасына қосылуы көмектесті.", {("state:kz", "joined", "org:nato-pfp")}),
    (LEAD + "Бұған НАТО-ның «Бейбітшілік жолындағы серіктестік» бағдарламасына қосылу көмектесті.", set()),
    # near: a genitive subject of a verbal noun before an object of no such parent acts
    ("1992 жылы Қазақстанның БҰҰ-ға мүше болуы маңызды оқиға болды.", {("state:kz", "member_of", "org:un")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_genitive_owner_of_a_body_is_no_subject(text: str, expected: set) -> None:
    facts = {(f.subject, f.predicate, f.object) for f in derek.analyze(text).facts}
    assert expected <= facts
    assert not {f for f in facts if f[0] == "org:nato"}
