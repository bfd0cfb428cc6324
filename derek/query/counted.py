"""Counts a sentence leaves to the reader, and figures that count something other than what is asked.

«неше мемлекет қол қойды?» is answered by a sentence that lists the states without a figure (five
names, so 5); «неше ай болды?» is not answered by a figure that counts people. Session 15, blind
set 7's dev half (docs/ask.md "Seventh blind set").
"""

from __future__ import annotations

from typing import Any

from derek.doc import Token
from derek.query.cases import is_focus
from derek.query.passages import Passage
from derek.query.question import Question, answer_nouns

ENTITY_LIST_JOINERS = frozenset({",", "және", "мен", "пен", "бен"})
COUNTED_ENTITY = 0.9  # a count the sentence leaves to the reader: a little below a stated figure
# «неше жыл/ай/күн …»: the units of a span of time (the date stage's DURATION units)
TIME_UNITS = frozenset({"жыл", "ай", "апта", "күн", "сағат", "минут"})
TIME_KINDS = frozenset({"year", "date", "month"})


def counted_entities(p: Passage, question: Question) -> list[tuple[str, str, dict[str, Any]]]:
    """«неше мемлекет қол қойды?» ← «Қазақстан, Беларусь, Украина, Ресей және АҚШ … қол қойды»: when
    no figure counts them, the entities of the asked noun's kind listed together (commas, «және»)
    count them: 5. A name repeated in the run is counted once."""
    from derek.query.candidates import TYPES

    kind = answer_nouns().get(question.focus or "")
    if kind not in TYPES or kind in TIME_KINDS:
        return []
    names = sorted((x for x in p.spans if x["kind"] == "entity" and x["label"] in TYPES[kind]),
                   key=lambda x: x["start"])
    runs: list[list[dict[str, Any]]] = []
    for x in names:
        between = p.text[runs[-1][-1]["end"] - p.start : x["start"] - p.start].strip() if runs else None
        if between in ENTITY_LIST_JOINERS and x["value"] not in {y["value"] for y in runs[-1]}:
            runs[-1].append(x)
        elif not runs or x["start"] >= runs[-1][-1]["end"]:
            runs.append([x])
    run = max(runs, key=len, default=[])
    if len(run) < 2:
        return []
    span = {"kind": "count", "start": run[0]["start"], "end": run[-1]["end"], "attrs": {"counted": True}}
    return [(f"{len(run)} {question.focus}", str(len(run)), span)]


def other_than_time(p: Passage, x: dict[str, Any], question: Question) -> bool:
    """«неше ай болды?» asks a span of months: a bare figure that counts something else («120
    қазақстандық бітімгер») does not answer it; «40 жылда», «екі жылдан кейін» (the unit after the
    figure, or inside its span) do."""
    if question.answer_type != "number" or (question.focus or "") not in TIME_UNITS:
        return False
    return not any(is_focus(t, question) for t in figure_words(p, x, 1))


def figure_words(p: Passage, x: dict[str, Any], after: int) -> list[Token]:
    """The words of a figure's span and the ``after`` words that follow it: where the noun it
    counts stands («16 мемлекет», «40 жылда»)."""
    inside = [t for t in p.tokens if x["start"] <= p.start + t.start < x["end"]]
    return inside + [t for t in p.tokens if p.start + t.start >= x["end"]][:after]
