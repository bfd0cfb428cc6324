"""Yes/no questions («Қазақстан ШЫҰ-ның құрылтайшысы ма?»): «Иә» when a fact or a sentence states
it, «Жоқ» only when the facts say the state left what it joined, else no answer: derek never
says no for want of a source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question
from derek.query.render import render_date

if TYPE_CHECKING:  # ask imports candidates, which import this module
    from derek.query.ask import Answer

YES, NO = "Иә", "Жоқ"
STATED = 0.9  # a sentence says yes when it covers this share of the question, its verb included
DENIALS = frozenset({"емес", "жоқ"})  # «мүше емес», «мүшелігі жоқ»


def yes_no_from_facts(found: list, kept: list, left: dict[tuple, dict[str, Any]], question: Question,
                      sources) -> Answer:  # noqa: ANN001 - answer_facts._sources
    """«Иә» from the facts that state it; «Жоқ» with the date it left when every membership the
    facts hold ended in a withdrawal («Грузия ТМД-ға мүше ме?»)."""
    from derek.query.ask import Answer

    if kept:
        facts = [f for _, f, _ in kept]
        return Answer(question.text, YES, "yes", "yesno", max(c for _, _, c in kept), sources(facts), [], "facts")
    exits = [left[(f["subject"]["id"], (f["object"] or {}).get("id"))] for _, f, _ in found]
    last = max(exits, key=lambda f: f["time"] or "")
    when = render_date(last["time"]) if last["time"] else None
    text = f"{NO} (шықты: {when})" if when else NO
    return Answer(question.text, text, "no", "yesno", last["confidence"], sources([last]), [], "facts")


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
    if any(t.norm.lower() in DENIALS or "NEG" in _tags(t.norm) for t in p.tokens):
        return []
    return [Candidate(YES, "yes", p.coverage, p)]


def _tags(word: str) -> tuple[str, ...]:
    from derek.lang.kk.morphology import analyze

    readings = analyze(word)
    return readings[0].tags if readings else ()
