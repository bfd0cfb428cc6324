"""Where sources disagree: one fact's time or place, a membership count, or a figure.

Both sides stay visible: each conflict lists every stated value with the sources stating it.
"""

from __future__ import annotations

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
    conflicts += _value_conflicts(facts, names)
    return conflicts


def _value_conflicts(facts: list[dict[str, Any]], names: EntityNames) -> list[dict[str, Any]]:
    """Two facts that state different counts or figures for one subject and measure."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["predicate"] == "has_member_count":
            groups[(fact["subject"]["id"], fact["predicate"], "")].append(fact)
        elif fact["predicate"] == "quantity" and fact["qualifiers"].get("measure"):
            unit = (fact["value"] or "").partition(" ")[2]  # 30 percent and $ 4 bn never disagree
            key = (fact["subject"]["id"], "quantity", fact["qualifiers"]["measure"], fact["time"] or "", unit)
            groups[key].append(fact)
    found = []
    for key, group in groups.items():
        stated = sides([(f["value"], s) for f in group for s in f["sources"]], str.__eq__)
        if len(stated) > 1 and _several_sentences(stated):
            conflict = _conflict("value", group[0]["subject"], key[1], None, stated, None)
            if key[1] == "quantity":
                conflict["measure"] = key[2]
            found.append(conflict)
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
