"""What the API and the pages both show: documents without server paths, a document's fact
evidence, entity cards and timelines with 404 for unknown names, the membership table."""

from __future__ import annotations

from typing import Any

from derek.errors import NotFound, QueryError
from derek.kb.store import DocumentRow, KnowledgeBase
from derek.query.timeline import year_of

# Fields of a document the web shows; the absolute path it was read from stays on the server.
DOCUMENT_FIELDS = ("id", "name", "title", "format", "encoding", "size", "sha256", "ingested_at",
                   "length", "n_sentences", "n_tokens")

# predicate -> the role it gives a state in an organization (the membership table's cells)
ROLE_OF = {"member_of": "member", "founding_member_of": "member", "joined": "member",
           "acceded_to": "member", "observer_of": "observer",
           "dialogue_partner_of": "dialogue_partner", "associate_member_of": "associate",
           "former_member_of": "former", "withdrew_from": "former"}
ROLE_KK = {"member": "мүше", "observer": "бақылаушы", "dialogue_partner": "диалог серіктесі",
           "associate": "қауымдастырылған мүше", "former": "бұрынғы мүше"}
# a later statement wins; at the same time the stronger role wins (former beats member)
_ROLE_RANK = {"dialogue_partner": 0, "observer": 1, "associate": 2, "member": 3, "former": 4}
_ORG_TYPES = ("organization", "body")
# Kazakh alphabetical order (Қ after К, Ә after А ...), which code-point order does not give
_ALPHABET = {c: i for i, c in enumerate("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")}


def kazakh_key(text: str) -> list[tuple[int, str]]:
    return [(_ALPHABET.get(c, 100 + ord(c)), c) for c in text.lower()]


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
    """States × organizations: each cell the state's latest role there, since when, and why."""
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    states: dict[str, dict[str, Any]] = {}
    orgs: dict[str, dict[str, Any]] = {}
    for predicate, role in ROLE_OF.items():
        for fact in kb.facts(predicate=predicate):
            subject, obj = fact["subject"], fact["object"]
            if not obj or subject.get("type") != "state" or obj.get("type") not in _ORG_TYPES:
                continue
            states[subject["id"]], orgs[obj["id"]] = subject, obj
            cell = {"role": role, "role_kk": ROLE_KK[role], "since": fact["time"],
                    "year": year_of(fact["time"]), "fact": fact["id"], "sources": fact["sources"]}
            old = cells.get((subject["id"], obj["id"]))
            if old is None or _rank(cell) > _rank(old):
                cells[(subject["id"], obj["id"])] = cell
    by_name = lambda d: sorted(d.values(), key=lambda e: kazakh_key(e["name"]))
    return {"states": by_name(states), "organizations": by_name(orgs),
            "cells": [{"state": s, "organization": o, **c} for (s, o), c in sorted(cells.items())]}


def _rank(cell: dict[str, Any]) -> tuple[int, int]:
    year = cell["year"]
    if year is None:  # an undated "former member" still says the membership ended
        year = 10_000 if cell["role"] == "former" else -10_000
    return year, _ROLE_RANK[cell["role"]]
