"""Questions with a negated verb («… қайсылары қатыспады?»): what a sentence excepts answers them
(«Балтық елдері мен Грузияны қоспағанда, … барлығы кездесуге қатысты»); a sentence that only
states the verb does not. Reads a passage's tokens, matches and spans."""

from __future__ import annotations

from typing import Any

from derek.kb.search import term
from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question
from derek.query.yes_no import DENIALS

EXCEPT_WORDS = frozenset({"қоспағанда"})  # «X-ны қоспағанда» (excepting X)
EXCEPT_FIT = 1.25  # the exception mirrors the negated verb as a frame word mirrors its value (FRAME_FIT)
NOT_DENIED = 0.5  # a sentence that states the verb without a negation or an exception
EXCEPTED_VALUE = 0.5  # a value the sentence excepts, for a question that is not negated
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–"})


def _negated(word: str) -> bool:
    from derek.lang.kk.morphology import analyze

    readings = analyze(word.lower())  # «қоймады» reads as NEG.PAST under a NOUN tag: the tag decides
    return bool(readings) and "NEG" in readings[0].tags


def negated_question(question: Question) -> bool:
    """Is the question's verb negated («қатыспады», «қол қоймады»)?"""
    verbs = [t for t in question.tokens if question.verb and term(t) == question.verb]
    return bool(verbs) and _negated(verbs[-1].norm)


def exception(p: Passage) -> tuple[int, int] | None:
    """(first, end) token indexes of the phrase an except word governs: «[Балтық елдері мен
    Грузияны] қоспағанда», back to the clause's start."""
    at = next((i for i, t in enumerate(p.tokens) if t.norm.lower() in EXCEPT_WORDS), None)
    if not at:
        return None
    first = max((i + 1 for i in range(at) if p.tokens[i].norm in CLAUSE_BREAKS), default=0)
    return (first, at) if first < at else None


def excepted(p: Passage, question: Question) -> list[Candidate]:
    """The excepted phrase as one answer, its last word in the nominative («Грузияны» → Грузия),
    its value the entities inside; only for a negated question whose verb the sentence states."""
    from derek.lang.kk.morphology import analyze

    span = exception(p) if negated_question(question) else None
    if span is None or not any(i > span[1] and not _negated(p.tokens[i].norm) for i in p.matched):
        return []
    first, end = span
    last = p.tokens[end - 1]
    readings = analyze(last.norm.lower())
    stem = last.norm[: len(readings[0].lemma)] if readings and "ACC" in readings[0].tags else last.norm
    text = p.text[p.tokens[first].start : last.start] + stem
    lo, hi = p.start + p.tokens[first].start, p.start + last.end
    ids = sorted({x["value"] for x in p.spans if x["kind"] == "entity" and lo <= x["start"] < hi})
    return [Candidate(text, ids or None, p.coverage * EXCEPT_FIT, p, lo)]


def denial_factor(p: Passage, question: Question, value: dict[str, Any] | None = None) -> float:
    """×``NOT_DENIED`` for a negated question's answer from a sentence that neither negates nor
    excepts; ×``EXCEPTED_VALUE`` for a value inside an exception when the question is not negated
    («Грузияны қоспағанда, … барлығы қатысты»: Грузия did not take part)."""
    negated = negated_question(question)
    span = exception(p)
    if not negated:
        inside = span is not None and value is not None and \
            p.start + p.tokens[span[0]].start <= value["start"] < p.start + p.tokens[span[1]].start
        return EXCEPTED_VALUE if inside else 1.0
    if span is not None or any(t.norm.lower() in DENIALS or _negated(t.norm) for t in p.tokens):
        return 1.0
    return NOT_DENIED
