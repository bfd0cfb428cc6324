"""What the API and the pages both show: documents without server paths, a document's fact
evidence, entity cards and timelines with 404 for unknown names, the membership table."""

from __future__ import annotations

from typing import Any

from derek.errors import NotFound, QueryError
from derek.kb.store import DocumentRow, KnowledgeBase
from derek.lang.kk.normalize import kazakh_key
from derek.query.standing import EXITS, RANK, current_names, founding, standing
from derek.query.status import FORMER_KK, STATUS_KK
from derek.query.timeline import year_of

# Fields of a document the web shows; the absolute path it was read from stays on the server.
DOCUMENT_FIELDS = ("id", "name", "title", "format", "encoding", "size", "sha256", "ingested_at",
                   "length", "n_sentences", "n_tokens")

# status (query.standing) -> the role it gives a state in an organization (the membership table's cells)
ROLE_OF = {"member_of": "member", "founding_member_of": "member", "observer_of": "observer",
           "dialogue_partner_of": "dialogue_partner", "associate_member_of": "associate"}
ROLE_KK = {**{role: STATUS_KK[p] for p, role in ROLE_OF.items() if p != "founding_member_of"}, "former": FORMER_KK}
_ORG_TYPES = ("organization", "body")
def document_meta(row: DocumentRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in DOCUMENT_FIELDS}


def find_document(kb: KnowledgeBase, key: str) -> DocumentRow:
    """A document by id or file name (a database lookup; never a file on disk)."""
    row = kb.document(key) if len(key) <= 300 else None
    if row is None:
        raise NotFound(f"unknown document: {key!r}")
    return row


def entity_card(kb: KnowledgeBase, key: str) -> dict[str, Any]:
    return kb.entity(key)


def timeline(kb: KnowledgeBase, entity: str | None, start: int | None,
             end: int | None) -> list[dict[str, Any]]:
    if start is not None and end is not None and start > end:
        raise QueryError(f"start year {start} is after end year {end}")
    return kb.timeline(entity or None, start, end)


def facts(kb: KnowledgeBase, entity: str | None, predicate: str | None, limit: int,
          offset: int) -> tuple[list[dict[str, Any]], bool]:
    """One page of facts and whether another page follows."""
    found = kb.facts(entity or None, predicate or None, limit + 1, offset)
    return found[:limit], len(found) > limit


def document_evidence(kb: KnowledgeBase, doc_id: int) -> list[dict[str, Any]]:
    """The sentences of one document that state facts, each with the facts it states."""
    by_span: dict[tuple[int, int], dict[str, Any]] = {}
    for fact in kb.facts(doc_id=doc_id):
        for source in fact["sources"]:
            if source["doc_id"] != doc_id:
                continue
            key = (source["start"], source["end"])
            item = by_span.setdefault(key, {"start": key[0], "end": key[1], "text": source["text"],
                                            "facts": []})
            item["facts"].append({"id": fact["id"], "predicate": fact["predicate"],
                                  "label": fact["label"], "subject": fact["subject"],
                                  "object": fact["object"], "value": source["value"],
                                  "time": source["time"]})
    return [by_span[k] for k in sorted(by_span)]


def membership_table(kb: KnowledgeBase) -> dict[str, Any]:
    """States × organizations: each cell the state's role there now, since when, and why — one
    ``query.standing`` row (the latest dated statement's status; a withdrawal makes a former
    member, dated from when it left; a renamed organization's column is its later name's)."""
    facts = [f for predicate in (*RANK, *EXITS) for f in kb.facts(predicate=predicate)
             if f["object"] and f["subject"].get("type") == "state" and f["object"].get("type") in _ORG_TYPES]
    facts = current_names(facts, kb.db)
    founded = {org: found for org in {f["object"]["id"] for f in facts} if (found := founding(kb.db, org))}
    cells, states, orgs = [], {}, {}
    for row in standing(facts, founded):
        state, org = row["member"], row["organization"]
        states[state["id"]], orgs[org["id"]] = state, org
        role = "former" if row["left"] else ROLE_OF[row["status"]]
        since = row["until"] if row["left"] else row["since"]
        cells.append({"state": state["id"], "organization": org["id"], "role": role, "role_kk": ROLE_KK[role],
                      "since": since, "year": year_of(since), "fact": row["facts"][0], "sources": row["sources"]})
    by_name = lambda d: sorted(d.values(), key=lambda e: kazakh_key(e["name"]))
    return {"states": by_name(states), "organizations": by_name(orgs),
            "cells": sorted(cells, key=lambda c: (c["state"], c["organization"]))}
