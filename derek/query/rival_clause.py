"""A value in a clause of its own subject: «Иран … тоғызыншы мүшесі болды, ал Беларусь … Астанада
оныншы мүше атанды» — the city of the «ал Беларусь» clause is Belarus's, not Iran's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.query.question import Question, load_words

if TYPE_CHECKING:
    from derek.query.passages import Passage

RIVAL_CLAUSE = 0.5  # a value in a clause that names another entity of an asked one's kind


def rival_clause_factor(p: Passage, positions: list[int], question: Question) -> float:
    """×0.5 for a value whose clause (between «ал», «;» … marks) names, outside the value, an
    entity of an asked entity's type that is not asked, while the asked entities stand in the
    sentence's other clauses only: that clause tells of the other entity."""
    kinds = {e.type for e in question.entities}
    marks = [i for i, t in enumerate(p.tokens) if t.norm.lower() in load_words("clause_marks.txt")]
    if not kinds or not marks or not positions:
        return 1.0
    first = max((m for m in marks if m < positions[0]), default=-1)
    last = min((m for m in marks if m > positions[-1]), default=len(p.tokens))
    asked = {e.entity for e in question.entities}
    inside, outside = set(), set()
    for x in p.spans:
        index = _token_at(p, x["start"])
        if x["kind"] != "entity" or index is None or index in positions:
            continue
        (inside if first < index < last else outside).add((x["value"], x["label"]))
    if any(v in asked for v, _ in inside) or not any(v in asked for v, _ in outside):
        return 1.0
    return RIVAL_CLAUSE if any(label in kinds for _, label in inside) else 1.0


def _token_at(p: Passage, offset: int) -> int | None:
    """The index of the passage token that starts at or covers a document offset."""
    at = offset - p.start
    return next((i for i, t in enumerate(p.tokens) if t.start <= at < max(t.end, t.start + 1)), None)
