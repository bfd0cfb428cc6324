"""A list after a colon answers a plural asked noun: «… ұраны төрт «T» әрпі болды: сенім (trust),
дәстүр (tradition) … және төзімділік» for «… төрт «T» әрпі қандай ұғымдарды білдірді?»."""

from __future__ import annotations

from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question

COLONS = frozenset({":"})
JOINERS = frozenset({",", "және", "мен", "пен", "бен"})  # a list has two items at least
ENDS = frozenset({".", ";", "!", "?"})
MIN_LEAD = 2  # question words the lead-in before the colon must hold
LIST_FIT = 1.0  # the list is the sentence's own answer to the lead-in: its coverage, unchanged


def colon_list(p: Passage, question: Question) -> list[Candidate]:
    """The words after the sentence's colon, when the question asks for a plural noun («қандай
    ұғымдарды», «қандай қағидаттар»), the words after the colon hold none of the question's and
    make a list («a, b және c»), and the lead-in before it holds at least ``MIN_LEAD`` of them."""
    colon = next((i for i, t in enumerate(p.tokens) if t.norm in COLONS), None)
    if colon is None or not _plural_focus(question):
        return []
    end = len(p.tokens)
    while end > colon + 1 and p.tokens[end - 1].norm in ENDS:
        end -= 1
    items = p.tokens[colon + 1 : end]
    lead = [i for i in set(p.matched) if i < colon]
    if len(lead) < MIN_LEAD or any(i > colon for i in p.matched) \
            or not any(t.norm.lower() in JOINERS for t in items) \
            or any(t.norm in COLONS or t.norm in ENDS for t in items):
        return []
    start, stop = p.start + items[0].start, p.start + items[-1].end
    text = p.text[start - p.start : stop - p.start]
    return [Candidate(text, None, p.coverage * LIST_FIT, p, start, stop)]


def _plural_focus(question: Question) -> bool:
    """Is the asked noun (the focus) written in the plural in the question («ұғымдарды»)?"""
    from derek.kb.search import term
    from derek.lang.kk.morphology import analyze

    if not question.focus:
        return False
    for t in question.tokens:
        if term(t) == question.focus:
            readings = analyze(t.norm.lower())
            return bool(readings) and "PL" in readings[0].tags
    return False
