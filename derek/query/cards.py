"""Entity cards: names, type, Wikidata id, memberships and roles with dates, events, sources."""

from __future__ import annotations

import sqlite3
from typing import Any

from derek.query.facts import each_time, earlier_names, list_facts, resolve_entity
from derek.query.standing import current_names, founding, standing

MEMBERSHIP = ("member_of", "founding_member_of", "observer_of", "dialogue_partner_of",
              "associate_member_of", "former_member_of", "joined", "withdrew_from", "acceded_to")
ROLES = ("chaired", "elected_to", "appointed_as", "signed", "proposed")


def entity_card(db: sqlite3.Connection, name: str) -> dict[str, Any]:
    """Everything the knowledge base holds about the entity ``name`` (any alias or form)."""
    entity_id = resolve_entity(db, name)
    row = db.execute("SELECT id, type, name, name_ru, name_en, wikidata, provisional FROM entities"
                     " WHERE id = ?", (entity_id,)).fetchone()
    aliases = [r[0] for r in db.execute("SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias",
                                        (entity_id,))]
    mentions = db.execute("SELECT count(*), count(DISTINCT doc_id) FROM spans WHERE kind = 'entity'"
                          " AND value = ?", (entity_id,)).fetchone()
    earlier = earlier_names(db, [entity_id])  # «… кеңес ЕҚЫҰ деп аталады»: its facts are the ЕҚЫҰ's
    facts = list_facts(db, entity=entity_id)
    for old in earlier:
        facts += [f for f in list_facts(db, entity=old) if f["predicate"] != "renamed_to"]
    selves = {entity_id, *earlier}
    own = [f for f in facts if f["subject"]["id"] in selves]
    about = [f for f in facts if f["subject"]["id"] not in selves]
    belongs = current_names([f for f in own if f["predicate"] in MEMBERSHIP and f["object"]], db)
    founded = {org: found for org in {f["object"]["id"] for f in belongs} | {entity_id}
               if (found := founding(db, org))}
    return {
        "id": row[0], "type": row[1], "name": row[2], "name_ru": row[3], "name_en": row[4],
        "wikidata": row[5], "provisional": bool(row[6]), "aliases": aliases,
        "mentions": mentions[0], "documents": mentions[1],
        "earlier_names": [{"id": old, "name": renaming["subject"]["name"], "until": renaming["time"],
                           "sources": renaming["sources"]} for old, (_, renaming) in earlier.items()],
        "memberships": _by_time([f for f in own if f["predicate"] in MEMBERSHIP]),
        "members": _by_time([f for f in about if f["predicate"] in MEMBERSHIP]),
        # one line per (member, organization): status, since, until, every sentence behind it
        "belongs_to": standing(belongs, founded),
        "roster": standing(current_names([f for f in about if f["predicate"] in MEMBERSHIP and f["object"]], db),
                           founded),
        "roles": _by_time([f for f in own if f["predicate"] in ROLES]),
        "events": _by_time([f for f in facts if f["predicate"] not in MEMBERSHIP + ROLES]
                           + [f for f in about if f["predicate"] in ROLES]),
    }


def _by_time(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted((r for f in facts for r in each_time(f)), key=lambda f: (f["time"] or "9999", f["id"]))


def list_entities(db: sqlite3.Connection, type_: str | None = None) -> list[dict[str, Any]]:
    """Entities mentioned in the documents, most mentioned first."""
    sql = ("SELECT e.id, e.type, e.name, e.wikidata, e.provisional, count(*) AS n,"
           " count(DISTINCT s.doc_id) FROM spans s JOIN entities e ON e.id = s.value"
           " WHERE s.kind = 'entity'")
    args: list[Any] = []
    if type_:
        sql += " AND e.type = ?"
        args.append(type_)
    sql += " GROUP BY e.id ORDER BY n DESC, e.name"
    return [{"id": r[0], "type": r[1], "name": r[2], "wikidata": r[3], "provisional": bool(r[4]),
             "mentions": r[5], "documents": r[6]} for r in db.execute(sql, args)]
