"""Yes/no questions («Қазақстан ШЫҰ-ның құрылтайшысы ма?»): «Иә» when a fact or a sentence states
it, «Жоқ» only when the facts say the state left what it joined, else no answer: derek never
says no for want of a source."""

from __future__ import annotations

from itertools import pairwise

from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question

YES, NO = "Иә", "Жоқ"
STATED = 0.9  # a sentence says yes when it covers this share of the question, its verb included
DENIALS = frozenset({"емес", "жоқ"})  # «мүше емес», «мүшелігі жоқ»


def yes_in(p: Passage, question: Question) -> list[Candidate]:
    """«Иә» when this sentence names every entity asked about, holds the question's verb and most
    of its words, and denies nothing."""
    from derek.kb.search import term

    asked = {e.entity for e in question.entities}
    named = {x["value"] for x in p.spans if x["kind"] == "entity"}
    if not asked <= named or p.coverage < STATED:
        return []
    if question.verb and not any(term(t) == question.verb for t in p.tokens):
        return []
    if any(t.norm.lower() in DENIALS or "NEG" in _tags(t.norm) for t in p.tokens) or _renounces(p):
        return []
    return [Candidate(YES, "yes", p.coverage, p)]


def _tags(word: str) -> tuple[str, ...]:
    from derek.lang.kk.morphology import analyze

    readings = analyze(word)
    return readings[0].tags if readings else ()


def _renounces(p: Passage) -> bool:
    """«толық мүшеліктен бас тартып»: «бас тарт-» (renounce) denies what follows it as «емес» does."""
    words = [t for t in p.tokens if any(c.isalnum() for c in t.norm)]
    return any(a.norm.lower() == "бас" and b.lemma.lower() == "тарт" for a, b in pairwise(words))
