"""Facts as users see them: one record per fact with all its sources, and name resolution.

The record is the ``derek facts --json`` contract: subject/object as {"id","name","wikidata"},
predicate, value, time, place, qualifiers, confidence, sources [{"doc","start","end","text"}].
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

from derek.errors import NotFound, QueryError
from derek.extract.fact_confidence import PRIOR_KEY
from derek.lang.kk.resources import load_tsv

MAX_NAME_CHARS = 300


@cache
def labels() -> dict[str, tuple[str, str]]:
    """predicate -> (Kazakh label, inverse label)."""
    return {r["predicate"]: (r["label_kk"], r["inverse_kk"]) for r in load_tsv("labels.tsv", "derek.query")}


@cache
def predicates() -> dict[str, dict[str, str]]:
    """The fact vocabulary (extract/data/predicates.tsv): predicate -> its row."""
    return {r["predicate"]: r for r in load_tsv("predicates.tsv", "derek.extract")}


def resolve_entity(db: sqlite3.Connection, name: str) -> str:
    """The entity id a user means by ``name``: an id, any alias, in any inflected form."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise QueryError(f"entity name must be 1–{MAX_NAME_CHARS} characters")
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
        return name
    found = _match_names(name)
    if found:
        return found
    row = db.execute("SELECT entity_id FROM aliases WHERE key = ? ORDER BY entity_id LIMIT 1",
                     (name.lower(),)).fetchone()
    if row:
        return row[0]
    from derek.extract.entities import provisional_key
    from derek.pipeline import analyze_tokens

    key, _ = provisional_key(analyze_tokens(name)) if name else ("", "")
    row = db.execute("SELECT id FROM entities WHERE provisional = 1 AND id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 1",
                     (f"prov:%:{like_literal(key)}",)).fetchone()
    if row is None and key and "_" not in key:
        # a bare surname: the provisional person keyed with a given name or initials
        # («Сейітов» → prov:person:ж_сейітов), the most mentioned when several share it
        row = db.execute("SELECT e.id FROM entities e LEFT JOIN spans s ON s.kind = 'entity' AND s.value = e.id "
                         "WHERE e.provisional = 1 AND e.type = 'person' AND e.id LIKE ? ESCAPE '\\' "
                         "GROUP BY e.id ORDER BY count(s.id) DESC, e.id LIMIT 1",
                         (f"prov:person:%\\_{like_literal(key)}",)).fetchone()
    if row:
        return row[0]
    raise NotFound(f"unknown entity: {name!r}")


def like_literal(text: str) -> str:
    """``text`` matched literally by LIKE … ESCAPE '\\' (its own % and _ are no wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _match_names(name: str) -> str | None:
    """A gazetteer name covering the whole query (inflected forms match through morphology)."""
    from derek.extract.gazetteer import load_gazetteer
    from derek.pipeline import analyze_tokens

    tokens = analyze_tokens(name)
    words = [i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.norm)]
    for a, b, entity, _ in load_gazetteer().match(tokens):
        if words and a <= words[0] and b > words[-1]:
            return entity
    return None


def _name_key(text: str | None) -> str:
    """A name as the aliases table keys it (lower case, single spaces)."""
    return " ".join((text or "").lower().split())


def earlier_names(db: sqlite3.Connection, asked: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """{an earlier name's entity: (the asked entity it became, the renaming fact)}: «кеңес … ЕҚЫҰ
    деп аталады» makes «Қазақстан … кеңесіне 1992 жылы қосылды» an answer about the ЕҚЫҰ. Only
    the knowledge base's own renamed_to facts count, so each such answer can cite the renaming;
    the new name (nominative before «деп») is looked up among the asked entities' names."""
    marks = ",".join("?" * len(asked))
    names = dict(db.execute(f"SELECT key, entity_id FROM aliases WHERE entity_id IN ({marks})", asked).fetchall())
    if not names:
        return {}
    rows = [row[:4] for row in db.execute("SELECT id, subject, predicate, object, key FROM facts"
                                          " WHERE predicate = 'renamed_to'")
            if _name_key(row[4].rsplit("|", 1)[-1]) in names]  # the key ends with the new name
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for fact in fact_records(db, rows):
        new = names.get(_name_key(fact["value"]))
        old = fact["subject"]["id"]
        if new and old not in asked:
            found.setdefault(old, (new, fact))
    return found


def later_names(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """{entity: (the entity its renaming names, the renamed_to fact)} for those of ``ids`` the
    knowledge base says were renamed (the new name looked up among all entities' names)."""
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT id, subject, predicate, object FROM facts WHERE predicate = 'renamed_to'"
                      f" AND subject IN ({marks})", ids).fetchall()
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for fact in fact_records(db, rows):
        row = db.execute("SELECT entity_id FROM aliases WHERE key = ? ORDER BY entity_id LIMIT 1",
                         (_name_key(fact["value"]),)).fetchone()
        if row and row[0] != fact["subject"]["id"]:
            found.setdefault(fact["subject"]["id"], (row[0], fact))
    return found


class EntityNames:
    """{"id","name","wikidata"} for entity ids, read once per id."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.cache: dict[str, dict[str, Any]] = {}

    def __call__(self, entity_id: str | None) -> dict[str, Any] | None:
        if entity_id is None:
            return None
        if entity_id not in self.cache:
            row = self.db.execute("SELECT id, name, wikidata, type FROM entities WHERE id = ?",
                                  (entity_id,)).fetchone()
            self.cache[entity_id] = ({"id": row[0], "name": row[1], "wikidata": row[2], "type": row[3]}
                                     if row else {"id": entity_id, "name": entity_id, "wikidata": None})
        return self.cache[entity_id]


# Events that happen once between the same two parties: sources giving two times (or places) for
# one of them disagree; a summit held in Astana, a post held again, or a chairmanship repeated at
# another time is no disagreement.
ONCE = frozenset({"member_of", "founding_member_of", "observer_of", "dialogue_partner_of",
                  "associate_member_of", "former_member_of", "founded_on", "joined", "withdrew_from",
                  "renamed_to", "signed", "treaty_between", "adopted", "opened", "renounced",
                  "acceded_to", "proposed", "entered_into_force"})


def list_facts(db: sqlite3.Connection, entity: str | None = None, predicate: str | None = None,
               limit: int | None = None, offset: int = 0, doc_id: int | None = None) -> list[dict[str, Any]]:
    """Fact records, optionally about one entity (as subject or object), one predicate, or
    stated by one document."""
    where, args = [], []
    if doc_id is not None:
        where.append("f.id IN (SELECT fact_id FROM fact_sources WHERE doc_id = ?)")
        args.append(doc_id)
    if entity:
        where.append("(f.subject = ? OR f.object = ?)")
        args += [entity, entity]
    if predicate:
        if predicate not in predicates():
            raise QueryError(f"unknown predicate {predicate!r}; one of: {', '.join(sorted(predicates()))}")
        where.append("f.predicate = ?")
        args.append(predicate)
    sql = "SELECT f.id, f.subject, f.predicate, f.object FROM facts f"
    sql += (" WHERE " + " AND ".join(where)) if where else ""
    sql += " ORDER BY f.id"
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = db.execute(sql, args).fetchall()
    return fact_records(db, rows)


def fact_records(db: sqlite3.Connection, rows: list) -> list[dict[str, Any]]:
    names = EntityNames(db)
    sources = _sources(db, [r[0] for r in rows])
    return [_record(r, sources.get(r[0], []), names) for r in rows]


def _sources(db: sqlite3.Connection, fact_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in range(0, len(fact_ids), 500):
        ids = fact_ids[chunk : chunk + 500]
        marks = ",".join("?" * len(ids))
        for r in db.execute(
            "SELECT s.fact_id, d.name, s.doc_id, s.start, s.end, s.value, s.time, s.place, s.qualifiers,"
            " s.confidence, (SELECT text FROM sentences t WHERE t.doc_id = s.doc_id AND t.start = s.start"
            " AND t.end = s.end LIMIT 1) FROM fact_sources s JOIN documents d ON d.id = s.doc_id"
            f" WHERE s.fact_id IN ({marks}) ORDER BY d.name, s.start", ids):
            found[r[0]].append({"doc": r[1], "doc_id": r[2], "start": r[3], "end": r[4], "text": r[10],
                                "value": r[5], "time": r[6], "place": r[7],
                                "qualifiers": json.loads(r[8]), "confidence": r[9]})
            source = found[r[0]][-1]
            source["rule_confidence"] = source["qualifiers"].get(PRIOR_KEY, r[9])
    return found


def route_confidence(fact: dict[str, Any]) -> float:
    """The confidence the answer routes weigh a fact record by: its rules' constants (noisy-or
    over sources), which the routes' thresholds were tuned on. ``confidence`` is the calibrated
    probability that the fact is right (docs/facts.md, session 20); a store written before
    session 20 has only that field."""
    return fact.get("rule_confidence", fact["confidence"])


def _record(row: tuple, sources: list[dict[str, Any]], names: EntityNames) -> dict[str, Any]:
    fact_id, subject, predicate, obj = row
    time, time_conflict = consensus([(s["time"], s["rule_confidence"]) for s in sources])
    place, place_conflict = consensus([(s["place"], s["rule_confidence"]) for s in sources], str.__eq__)
    if predicate not in ONCE:  # a summit held in Astana in 2005 and 2017 is two events, no dispute
        time_conflict = place_conflict = False
    value = next((s["value"] for s in sources if s["value"] is not None), None)
    qualifiers = next((s["qualifiers"] for s in sources if s["qualifiers"]), {})
    confidence = prior = 1.0
    for s in sources:
        confidence *= 1 - s["confidence"]  # independent sources: noisy-or
        prior *= 1 - s["rule_confidence"]
    return {
        "id": fact_id, "subject": names(subject), "predicate": predicate, "object": names(obj),
        "value": value, "time": time, "place": names(place), "qualifiers": qualifiers,
        "confidence": round(1 - confidence, 3), "rule_confidence": round(1 - prior, 3), "conflict": time_conflict or place_conflict,
        "label": labels().get(predicate, (predicate, predicate))[0],
        "sources": [{k: s[k] for k in ("doc", "doc_id", "start", "end", "text", "time", "place", "value")}
                    for s in sources],
    }


def each_time(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record once per time its sources state (values that agree, 1993 and 1993-12, are one):
    a summit held in one city in 2005 and 2017 is two events on a timeline, and two sources that
    disagree on a date each stand at their own. Sources that give no time join the record's own."""
    found = sides([(s["time"] or record["time"], s) for s in record["sources"] if s["time"] or record["time"]])
    if len(found) <= 1:
        return [record]
    return [{**record, "time": time, "sources": stating} for time, stating in found]


def sides(stated: list[tuple[str, dict[str, Any]]],
          agree: Callable[[str, str], bool] | None = None) -> list[tuple[str, list[dict[str, Any]]]]:
    """Group sources by what they state; values that agree (``compatible`` by default: 1993 and
    1993-12) share a side, named by the most specific of them."""
    agree = agree or compatible
    grouped: list[tuple[str, list[dict[str, Any]]]] = []
    for value, source in stated:
        for i, (side_value, sources) in enumerate(grouped):
            if agree(value, side_value):
                grouped[i] = (max(value, side_value, key=len), sources + [source])
                break
        else:
            grouped.append((value, [source]))
    return grouped


def compatible(a: str, b: str) -> bool:
    """Two TIMEX values agree when one refines the other (1993 and 1993-12)."""
    return a.startswith(b) or b.startswith(a)


def consensus(values: list[tuple[str | None, float]], agree=compatible) -> tuple[str | None, bool]:
    """The value the sources support most (the most specific among agreeing ones), and
    whether any source states one that does not agree with it."""
    stated = [(v, c) for v, c in values if v]
    if not stated:
        return None, False
    support: dict[str, float] = defaultdict(float)
    for v, _ in stated:
        for other, c2 in stated:
            if agree(v, other):
                support[v] += c2
    best = max(support, key=lambda v: (support[v], len(v)))
    return best, any(not agree(best, v) for v, _ in stated)
