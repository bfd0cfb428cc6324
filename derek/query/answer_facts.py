"""Answers from the knowledge base's facts: the question's entities fill some slots of a fact
with a predicate the question asks about; the slot of the expected type is the answer."""

from __future__ import annotations

from typing import Any

from derek.query.ask import Answer
from derek.query.candidates import TYPES as _TYPES
from derek.query.candidates import short_names
from derek.query.facts import compatible, fact_records
from derek.query.question import Question
from derek.query.render import join_list, render_date


def answer_from_facts(db, question: Question) -> Answer | None:  # noqa: ANN001 - sqlite3
    asked = list(dict.fromkeys(e.entity for e in question.entities))
    if not asked or not question.predicates:
        return None
    marks = ",".join("?" * len(question.predicates))
    ids = ",".join("?" * len(asked))
    rows = db.execute(
        f"SELECT id, subject, predicate, object FROM facts WHERE predicate IN ({marks})"
        f" AND (subject IN ({ids}) OR object IN ({ids}))", [*question.predicates, *asked, *asked]).fetchall()
    found = []
    for fact in fact_records(db, rows):
        slots = {fact["subject"]["id"], (fact["object"] or {}).get("id"), (fact["place"] or {}).get("id")}
        if not set(asked) <= slots or not _date_fits(fact, question):
            continue
        value = _slot(fact, question, set(asked))
        if value is not None:
            rank = question.predicates.index(fact["predicate"])
            found.append((value, fact, fact["confidence"] * (1.0 - 0.05 * rank)))
    if not found:
        return None
    return _list(found, question) if question.wants_list else _single(found, question)


def _date_fits(fact: dict[str, Any], question: Question) -> bool:
    dates = [d.value for d in question.dates if d.type == "DATE"]
    return not dates or any(fact["time"] and compatible(fact["time"], d) for d in dates)


def _slot(fact: dict[str, Any], question: Question, asked: set[str]) -> tuple[str, Any] | None:
    """(rendered answer, value) of the slot the question asks for, if the fact has it."""
    kind = question.answer_type
    if kind in ("date", "year", "month", "day"):
        time = fact["time"]
        if not time or (kind == "date" and len(time) < 7 and question.answer_type == "day"):
            return None
        value = time[:4] if kind == "year" and "/" not in time else time[:7] if kind == "month" else time
        return render_date(value, kind), value
    if kind in ("number", "ordinal"):
        if fact["predicate"] in ("has_member_count", "quantity") and fact["value"]:
            return fact["value"].split()[0], fact["value"].split()[0]
        return None
    wanted = _TYPES.get(kind)
    if wanted is None:
        return None
    if question.focus == "қала":
        wanted = {"city"}
    order = (fact["place"], fact["object"], fact["subject"]) if kind == "place" else \
        (fact["subject"], fact["object"], fact["place"])
    for entity in order:
        if entity and entity["id"] not in asked and entity.get("type") in wanted:
            return short_names().get(entity["id"], entity["name"]), entity["id"]
    return None


def _sources(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for f in facts:
        for s in f["sources"]:
            seen.setdefault((s["doc"], s["start"]), {k: s[k] for k in ("doc", "start", "end", "text")})
    return list(seen.values())


def _single(found: list, question: Question) -> Answer:
    support: dict[Any, float] = {}
    for (_, value), _, conf in found:
        support[value] = max(support.get(value, 0.0), conf)
    best = max(support, key=lambda v: support[v])
    facts = [f for (_, v), f, _ in found if v == best]
    answer = next(a for (a, v), _, _ in found if v == best)
    conflict = len(support) > 1
    confidence = support[best] * (0.85 if conflict else 1.0)
    return Answer(question.text, answer, best, question.answer_type, confidence, _sources(facts), [], "facts")


def _list(found: list, question: Question) -> Answer:
    values = sorted({v for (_, v), _, _ in found})
    names = {v: a for (a, v), _, _ in found}
    confidence = min(c for _, _, c in found)
    return Answer(question.text, join_list([names[v] for v in values]), values, question.answer_type,
                  confidence, _sources([f for _, f, _ in found]), [], "facts")
