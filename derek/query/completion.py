"""Completing a short description answer that the phrase finder cut at a word the question shares
(session 18, blind set 9's dev half).

The phrase finder (``phrases.describe``) answers with the run of words the question lacks, so a word
the question shares ends the answer. Two constructions lose the word that makes the answer whole:

* an exam stem that ends in its head noun («… байланысты саясат:») is answered by a modifier of that
  noun in the sentence («… байланысты әскери саясат»): the bare modifier «әскери» is half an answer,
  the phrase with the head noun («әскери саясат») is what the stem asks;
* «… болса, не болады?» asks what happens: the sentence's consequence clause («…, ел де тыныш
  болады») answers, not its predicate word alone («тыныш») — the verb «болады» is shared, and «де»
  breaks the run.
"""

from __future__ import annotations

from derek.query.conjuncts import CASES
from derek.query.passages import Passage
from derek.query.question import Question

COPULA = "бол"  # «… не болады?», «… не болды?»: a question ending in the copula asks for the event
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "."})
MAX_CLAUSE = 8  # words from the clause's start to its verb; a longer one is not a short answer


def _words(p: Passage) -> list[int]:
    return [i for i, t in enumerate(p.tokens) if any(c.isalnum() for c in t.norm)]


def _bare(word: str) -> bool:
    """A word without a case or possessive ending: an adjective or a bare noun modifying the next."""
    from derek.lang.kk.morphology import analyze

    readings = analyze(word.lower())
    return not readings or not (set(readings[0].tags) & CASES or any(t.startswith("POSS") for t in readings[0].tags))


def completed(p: Passage, question: Question, first: int, last: int) -> tuple[int, int]:
    """The answer's token range, widened over the stem's head noun or to the consequence clause."""
    from derek.kb.search import term

    words = _words(p)
    following = [i for i in words if i > last][:1]
    if not following:
        return first, last
    nxt = following[0]
    asked = [t for t in question.tokens if any(c.isalnum() for c in t.norm)]
    stem_head = question.text.rstrip().endswith(":") and asked and term(p.tokens[nxt]) == term(asked[-1])
    if stem_head and nxt in p.matched and question.focus is None and _bare(p.tokens[last].norm):
        return first, nxt  # «әскери» + «саясат» for «… саясат:»
    if asked and term(asked[-1]) == COPULA and term(p.tokens[nxt]) == COPULA:  # the question ends in «болады»
        start = first
        while start > 0 and p.tokens[start - 1].norm not in CLAUSE_BREAKS and start - 1 not in p.matched:
            start -= 1
        if start > 0 and p.tokens[start - 1].norm in CLAUSE_BREAKS \
                and len([i for i in words if start <= i <= nxt]) <= MAX_CLAUSE:
            return start, nxt  # «ел де тыныш болады» for «… болса, не болады?»
    return first, last
