"""Where sources disagree: one fact's time or place, a membership count, or a figure.

Both sides stay visible: each conflict lists every stated value with the sources stating it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from derek.query.facts import ONCE, EntityNames, compatible, list_facts, sides


def find_conflicts(db: sqlite3.Connection) -> list[dict[str, Any]]:
    names = EntityNames(db)
    conflicts: list[dict[str, Any]] = []
    facts = list_facts(db)
    for fact in facts:
        if fact["predicate"] not in ONCE:
            continue
        for field, agree in (("time", compatible), ("place", str.__eq__)):
            found = sides([(s[field], s) for s in fact["sources"] if s[field]], agree)
            if len(found) > 1 and _several_sentences(found):
                conflicts.append(_conflict(field, fact["subject"], fact["predicate"], fact["object"], found,
                                           names if field == "place" else None))
    conflicts += _value_conflicts(db, facts, names)
    return conflicts


def _value_conflicts(db: sqlite3.Connection, facts: list[dict[str, Any]], names: EntityNames) -> list[dict[str, Any]]:
    """Sources that state different counts or figures for one subject, measured thing, unit and
    time: «Қазір … 27» and «Қазір … 28» disagree, a count after a past event («… кеңейтуден
    кейін … 55 мемлекетке дейін өсті») and today's («Бүгінде … 57») do not, nor do tonnes of
    ore and tonnes of dust."""
    valued = [f for f in facts if f["predicate"] in ("has_member_count", "quantity")]
    qualifiers = _source_qualifiers(db, [f["id"] for f in valued])
    groups: dict[tuple, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for fact in valued:
        for source in fact["sources"]:
            stated = qualifiers.get((fact["id"], source["doc_id"], source["start"]), fact["qualifiers"])
            key = _value_key(fact, source, stated)
            if key is not None:
                groups[key].append((source["value"] or fact["value"], source))
    found = []
    for key, stated in groups.items():
        sides_found = sides(stated, str.__eq__)
        if len(sides_found) > 1 and _several_sentences(sides_found):
            first = next(f for f in valued if f["subject"]["id"] == key[0])
            conflict = _conflict("value", first["subject"], key[1], None, sides_found, None)
            conflict["time"] = key[3]  # the time both sides state the value for: a TIMEX or "present"
            if key[1] == "quantity":
                conflict["measure"] = key[2]
            found.append(conflict)
    return found


def _value_key(fact: dict[str, Any], source: dict[str, Any], qualifiers: dict[str, Any]) -> tuple | None:
    """(subject, predicate, measured thing, time, unit) a stated value is compared on, or None
    when it compares with nothing: an undated count of some past time."""
    subject = fact["subject"]["id"]
    if fact["predicate"] == "has_member_count":
        when = source["time"] or qualifiers.get("as_of", "present")
        return None if when == "past" else (subject, "has_member_count", "", when, "")
    measure = qualifiers.get("measured") or qualifiers.get("measure")
    if not measure:
        return None
    unit = (source["value"] or fact["value"] or "").partition(" ")[2]  # 30 percent and $ 4 bn never disagree
    return subject, "quantity", measure, source["time"] or "", unit


def _source_qualifiers(db: sqlite3.Connection, fact_ids: list[int]) -> dict[tuple[int, int, int], dict[str, Any]]:
    """{(fact, document, sentence start): the qualifiers that source states}."""
    found: dict[tuple[int, int, int], dict[str, Any]] = {}
    for chunk in range(0, len(fact_ids), 500):
        ids = fact_ids[chunk : chunk + 500]
        rows = db.execute("SELECT fact_id, doc_id, start, qualifiers FROM fact_sources"
                          f" WHERE fact_id IN ({','.join('?' * len(ids))})", ids)
        found.update({(r[0], r[1], r[2]): json.loads(r[3]) for r in rows})
    return found


def _several_sentences(sides: list[tuple[str, list[dict[str, Any]]]]) -> bool:
    """One sentence that lists two figures or dates is not a dispute with itself."""
    return len({(s["doc"], s["start"]) for _, sources in sides for s in sources}) > 1


def _conflict(field: str, subject: dict, predicate: str, obj: dict | None,
              sides: list[tuple[str, list[dict[str, Any]]]], names: EntityNames | None) -> dict[str, Any]:
    return {
        "field": field, "subject": subject, "predicate": predicate, "object": obj,
        "sides": [{"value": names(v) if names else v,
                   "sources": [{k: s[k] for k in ("doc", "start", "end", "text")} for s in sources]}
                  for v, sources in sides],
    }
