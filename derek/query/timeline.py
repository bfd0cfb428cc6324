"""The timeline: dated facts in order, optionally about one entity and within years."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from derek.query.facts import each_time, fact_records, resolve_entity

_YEAR = re.compile(r"(?:BC)?(\d{1,4}|\d{1,3}X+)")


def year_of(time: str | None) -> int | None:
    """The first year a TIMEX value covers: 1991-12-08 → 1991, 199X → 1990, 2013/2015 → 2013."""
    if not time:
        return None
    m = _YEAR.match(time)
    if not m:
        return None
    year = int(m.group(1).replace("X", "0"))
    return -year if time.startswith("BC") else year


def timeline(db: sqlite3.Connection, entity: str | None = None, start: int | None = None,
             end: int | None = None) -> list[dict[str, Any]]:
    """Dated facts sorted by time, each once per time its sources state, with those sources."""
    sql = "SELECT f.id, f.subject, f.predicate, f.object FROM facts f"
    args: list[Any] = []
    if entity:
        entity_id = resolve_entity(db, entity)
        sql += " WHERE f.subject = ? OR f.object = ?"
        args = [entity_id, entity_id]
    events = []
    for record in (r for found in fact_records(db, db.execute(sql, args).fetchall()) for r in each_time(found)):
        year = year_of(record["time"])
        if year is None or (start is not None and year < start) or (end is not None and year > end):
            continue
        events.append({**record, "year": year})
    return sorted(events, key=lambda e: (e["year"], e["time"], e["id"]))
