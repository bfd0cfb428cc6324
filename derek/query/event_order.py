"""An order of events: «Ираннан кейін қабылданған мемлекет», «Астана саммитінен бұрынғы саммиті» ask
for the thing next to a named one, so a sentence that orders nothing (a plain list of members, a
date of another meeting) does not answer them (session 21). Reads the question's and passage's tokens.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from derek.kb.search import term
from derek.query.fit import ordinals
from derek.query.post_order import ORDER
from derek.query.question import Question

if TYPE_CHECKING:
    from derek.query.passages import Passage

# a sentence with no word of order and no ordinal against an order question: the confident wrong
# answers of two blind sets came from a list of observers («… Ауғанстан, Беларусь, Иран …») and a
# dated meeting before the summit, while the answering sentences say «бір жылдан соң», «… кейінгі»
ORDER_MISSING = 0.6
# the case the anchor takes before each postposition: «Ираннан кейін», «саммитке дейін»
ANCHOR_CASE = {"дейін": "DAT", "шейін": "DAT"}
NOMINAL = frozenset({"NOUN", "PROPN"})
# a count or a time «before X» («Қырғызстанға дейін … неше мемлекет қол қойды?») is answered by
# a dated sentence that need not order anything: only a question for the next or previous thing
UNORDERED_TYPES = frozenset({"number", "date", "year", "month", "yesno", "ordinal"})


def asked_order(question: Question) -> int | None:
    """+1 (after) or −1 (before) when a postposition of order («кейін», «бұрынғы») follows a noun or
    name in its case («Ираннан», «саммитінен»); None for a clause («алғаннан кейін»: a participle),
    a date («2006 жылдан кейін» is a bound the date scorer reads), a count or time asked, or no
    such word."""
    found = _anchor(question)
    return found[0] if found else None


def _anchor(question: Question) -> tuple[int, bool] | None:
    """(side, whether the anchor is a proper name) of the question's order, as ``asked_order``."""
    from derek.extract.gazetteer import case_of
    from derek.lang.kk.morphology import analyze

    if question.answer_type in UNORDERED_TYPES:
        return None
    for prev, tok in pairwise(question.tokens):
        side = ORDER.get(term(tok))
        if side is None or any(d.start <= prev.start < d.end for d in question.dates):
            continue
        readings = analyze(prev.norm.lower())
        if not readings or readings[0].pos not in NOMINAL or any(t.startswith("PTCP") for t in readings[0].tags):
            continue
        if case_of(prev.norm) == ANCHOR_CASE.get(term(tok), "ABL"):
            named = any(e.start <= prev.start < e.end for e in question.entities)
            return side, named
    return None


def order_factor(passage: Passage, question: Question) -> float:
    """×0.6 for a sentence with neither a word of order nor an ordinal against an order question;
    against a named anchor («Армениядан кейін қай мемлекет қосылды?») a date orders too: the
    states' turns are told by the dates they joined («Қырғызстан … 2015 жылы қосылды»)."""
    found = _anchor(question)
    if found is None:
        return 1.0
    if any(term(t) in ORDER for t in passage.tokens) or ordinals(passage.tokens):
        return 1.0
    dated = any(s["kind"] == "date" for s in passage.spans)
    return 1.0 if found[1] and dated else ORDER_MISSING
