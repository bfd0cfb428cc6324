"""List order: «X-тан кейін кім …?» asks for the person of the list item after X's («Қанат Саудабаев —
2009–2011» → «Ержан Қазыханов — 2011–2012»), «X-тан бұрын кім …?» for the one before (session 12), and
so does «X-ке дейін кім …?» (session 13).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from derek.query.passages import Passage, spans_in
from derek.query.question import Question

# the postposition after a name in its case: which neighbour in the list it asks for («Тәжинге дейін»,
# up to Tazhin, is the item before his as «Тәжиннен бұрын» is)
STEPS = {("ABL", "кейін"): 1, ("ABL", "соң"): 1, ("ABL", "бұрын"): -1, ("DAT", "дейін"): -1}
ITEM_DASHES = (" — ", " – ", " - ")  # «Марат Тәжин — 2007–2009»: a name, a dash, its term
NEIGHBOURS = 4  # sentences looked at on each side: a number line («6.») may stand between items


@dataclass(slots=True)
class Neighbour:
    """The person of the neighbouring list item and the two items' sentences as sources."""

    name: str
    entity: str
    sources: list[dict[str, Any]]
    span: dict[str, Any]  # the name's words in its sentence (doc, start, end, text)


def asked_step(question: Question) -> tuple[str, int] | None:
    """(person id, +1 after / −1 before) when a person question names a person in the ablative
    right before «кейін/соң/бұрын», or in the dative right before «дейін»."""
    if question.answer_type != "person":
        return None
    for mention in question.entities:
        if mention.type != "person":
            continue
        after = [t for t in question.tokens if t.start >= mention.end]
        if after and (step := STEPS.get((mention.case, after[0].norm.lower()))):
            return mention.entity, step
    return None


def neighbour(db, question: Question, passages: list[Passage]) -> Neighbour | None:  # noqa: ANN001 - sqlite3
    """The person of the list item next to the asked person's item, in the first retrieved
    document whose list holds that person exactly once; None when no list holds them."""
    step = asked_step(question)
    if step is None:
        return None
    entity, direction = step
    for doc_id, doc in dict.fromkeys((p.doc_id, p.doc) for p in passages if p.doc_id is not None):
        items = list_items(db, doc_id)
        own = [i for i, item in enumerate(items) if item[3]["value"] == entity]
        if len(own) != 1 or not 0 <= own[0] + direction < len(items):
            continue
        (start, end, text, _), (n_start, n_end, n_text, name) = items[own[0]], items[own[0] + direction]
        if not adjacent_items(db, doc_id, min(end, n_end), max(start, n_start)):
            continue
        sources = [{"doc": doc, "start": s, "end": e, "text": t} for s, e, t in
                   ((n_start, n_end, n_text), (start, end, text))]
        span = {"doc": doc, "start": name["start"], "end": name["end"], "text": name["text"]}
        return Neighbour(name["text"], name["value"], sources, span)
    return None


def list_items(db, doc_id: int) -> list[tuple[int, int, str, dict[str, Any]]]:  # noqa: ANN001
    """The document's list items that open with a person's name followed by a dash, in order."""
    opening: dict[int, dict[str, Any]] = {}  # each offset's first span, the document read once
    for span in spans_in(db, doc_id, 0, 1 << 62):
        opening.setdefault(span["start"], span)
    items = []
    for start, end, text in db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ?"
                                       " ORDER BY start", (doc_id,)):
        first = opening.get(start)
        if first is None or first["end"] > end or first["kind"] != "entity" or first["label"] != "person":
            continue
        if text[first["end"] - start:].startswith(ITEM_DASHES):
            items.append((start, end, text, first))
    return items


def adjacent_items(db, doc_id: int, start: int, end: int) -> bool:  # noqa: ANN001
    """Nothing but number lines («6.») stands between two items."""
    between = db.execute("SELECT text FROM sentences WHERE doc_id = ? AND start >= ? AND end <= ?",
                         (doc_id, start, end)).fetchall()
    return len(between) <= NEIGHBOURS and all(row[0].strip().rstrip(".").isdigit() for row in between)
