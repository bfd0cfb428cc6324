"""Who belongs to what, since when: one row per (member, organization) from the membership facts.

The raw membership facts repeat a state once per sentence shape: «негізін қалаушы мүше», an
undated «мүше болды» from a list, «қосылды» with a date, «шықты» later. A reader asking "who is a
member of ШЫҰ, since when?" wants one line per state: its status now, the date it began, the date
it ended if it left, and every sentence behind that line. Entity cards and the web's membership
table both read these rows, so the rule is written once.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from derek.lang.kk.normalize import kazakh_key
from derek.query.facts import EntityNames, labels, later_names, list_facts, sides

# statuses from strongest to weakest; a joining makes a member
RANK = {"founding_member_of": 5, "member_of": 4, "joined": 4, "associate_member_of": 3,
        "observer_of": 2, "dialogue_partner_of": 1}
STATUS = {"joined": "member_of"}  # the status a joining gives
MEMBER = frozenset({"founding_member_of", "member_of", "joined"})  # one status, member, stated three ways
EXITS = frozenset({"withdrew_from", "former_member_of"})


def standing(facts: list[dict[str, Any]], founded: dict[str, dict[str, Any]] | None = None,
             ) -> list[dict[str, Any]]:
    """One row per (member, organization) pair among ``facts`` (membership facts):

    - ``status``: the status of the latest dated statement (Turkmenistan a member, then from 2005
      an associate member, is an associate member; Belarus a dialogue partner, an observer, then
      a member from 2024, is a member); with no dated statement the strongest one; among the
      statements of membership the strongest (a founding member who «мүше болды» is a founder);
      ``label`` its Kazakh noun («мүшесі»);
    - ``since``: what most sources of that status state (the most specific on a tie); a founding
      member with no date of its own starts at the organization's founding (``founded``: id ->
      its ``founded_on`` fact, whose sources are then listed too);
    - ``until`` and ``left``: a withdrawal is stated (a withdrawal before the start is a member
      that came back, and is dropped);
    - ``sources``: every sentence behind the line, once; ``facts``: the fact ids.

    Rows come ordered by start (undated last), then member and organization in Kazakh
    alphabetical order."""
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in facts:
        if f["object"] and (f["predicate"] in RANK or f["predicate"] in EXITS):
            pairs[f["subject"]["id"], f["object"]["id"]].append(f)
    rows = [_row(group, (founded or {}).get(group[0]["object"]["id"])) for group in pairs.values()]
    return sorted((r for r in rows if r), key=lambda r: (r["since"] or "9999", kazakh_key(r["member"]["name"]),
                                                         kazakh_key(r["organization"]["name"])))


def _row(group: list[dict[str, Any]], founding_fact: dict[str, Any] | None) -> dict[str, Any] | None:
    statuses = [f for f in group if f["predicate"] in RANK]
    exits = [f for f in group if f["predicate"] in EXITS]
    if not statuses and not any(f["predicate"] == "former_member_of" for f in exits):
        return None  # a withdrawal alone says nothing of the status held
    dated = [(t, f) for f in statuses if (t := _stated([f]))]
    if dated:
        chosen = max(dated, key=lambda tf: (tf[0], RANK[tf[1]["predicate"]]))[1]["predicate"]
    else:
        chosen = max((f["predicate"] for f in statuses), key=RANK.__getitem__, default="member_of")
    same = [f for f in statuses if f["predicate"] == chosen or {f["predicate"], chosen} <= MEMBER]
    status = STATUS.get(best := max((f["predicate"] for f in same), key=RANK.__getitem__, default=chosen), best)
    since = _stated(same)
    used = same + exits
    if since is None and status == "founding_member_of" and founding_fact and founding_fact["time"]:
        since = founding_fact["time"]
        used.append(founding_fact)
    until = _stated([f for f in exits if f["predicate"] == "withdrew_from"])
    if until and since and until[:len(since)] < since[:len(until)]:
        until, used, exits = None, [f for f in used if f["predicate"] not in EXITS], []
    seen: set[tuple[str, int, int]] = set()
    sources = []
    for f in used:
        for s in f["sources"]:
            if (s["doc"], s["start"], s["end"]) not in seen:
                seen.add((s["doc"], s["start"], s["end"]))
                sources.append(s)
    first = group[0]
    return {"member": _entity(first["subject"]), "organization": _entity(first["object"]), "status": status,
            "label": labels().get(status, (status, status))[1], "since": since, "until": until,
            "left": bool(exits), "sources": sources, "facts": sorted({f["id"] for f in used})}


def _stated(facts: list[dict[str, Any]]) -> str | None:
    """The time most of the facts' sources state (each source's own, else its fact's); on a tie the
    most specific, then the earliest. None when no source gives one."""
    stated = [(s.get("time") or f["time"], s) for f in facts for s in f["sources"] if s.get("time") or f["time"]]
    if not stated:
        return None
    return min(sides(stated), key=lambda side: (-len(side[1]), -len(side[0]), side[0]))[0]


def _entity(e: dict[str, Any]) -> dict[str, Any]:
    return {"id": e["id"], "name": e["name"], "wikidata": e.get("wikidata"), "type": e.get("type")}


def current_names(facts: list[dict[str, Any]], db: sqlite3.Connection) -> list[dict[str, Any]]:
    """The facts with each organization the knowledge base says was renamed («… ЕҚЫҰ деп
    аталды») replaced by its later name: membership of the one is membership of the other."""
    later = later_names(db, list({f["object"]["id"] for f in facts if f["object"]}))
    names = EntityNames(db)
    return [{**f, "object": names(later[f["object"]["id"]][0])} if f["object"] and f["object"]["id"] in later
            else f for f in facts]


def founding(db: sqlite3.Connection, org: str) -> dict[str, Any] | None:
    """The organization's ``founded_on`` fact (the start of its founding members) when its sources
    agree on a date; None when there is none or they disagree (1995 or 2010: a conflict, not a start)."""
    found = [f for f in list_facts(db, entity=org, predicate="founded_on") if f["subject"]["id"] == org]
    agreed = sides([(s["time"] or f["time"], s) for f in found for s in f["sources"] if s["time"] or f["time"]])
    if len(agreed) != 1:
        return None
    time, sources = agreed[0]
    return {**found[0], "time": time, "sources": sources}
