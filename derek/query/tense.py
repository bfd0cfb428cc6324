"""Tense agreement between a question and a sentence: a plan («сатып алмақ», intentional -мақ/-мек)
does not answer what happened («сатып алды?»). Reads Question.tokens/verb and Passage.tokens."""

from __future__ import annotations

from derek.kb.search import term
from derek.lang.kk.morphology import analyze
from derek.query.passages import Passage
from derek.query.question import Question


def tags(word: str) -> tuple[str, ...]:
    """The morphological tags of a word's first reading."""
    readings = analyze(word)
    return readings[0].tags if readings else ()


def planned_only(p: Passage, question: Question) -> bool:
    """True when the question asks in the past tense and the sentence has the same verb only as
    an intention («2010 жылға қарай … сатып алмақ»): the sentence states a plan, not a fact."""
    verb = question.verb
    asked = [t for t in question.tokens if verb and term(t) == verb]
    if not asked or "PAST" not in tags(asked[-1].norm):
        return False
    same = [t for t in p.tokens if term(t) == verb]
    return bool(same) and all("INTENT" in tags(t.norm) for t in same)
