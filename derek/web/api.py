"""The JSON API under /api: thin GET routes over KnowledgeBase; parameters validated with limits."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from derek.kb.store import KnowledgeBase
from derek.web import views
from derek.web.app import kb_of

MAX_QUERY = 1000  # characters in a question or search
MAX_NAME = 300  # characters in an entity name or document key
MAX_PAGE = 200  # items per page
YEARS = {"ge": -9999, "le": 9999}

router = APIRouter(prefix="/api", tags=["api"])
KB = Annotated[KnowledgeBase, Depends(kb_of)]
Text = Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="Kazakh text")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Name = Annotated[str | None, Query(min_length=1, max_length=MAX_NAME)]
Year = Annotated[int | None, Query(**YEARS)]
Key = Annotated[str, Path(min_length=1, max_length=MAX_NAME)]


@router.get("/search", summary="Sentences ranked by BM25 over lemmas")
def search(kb: KB, q: Text, limit: Limit = 10) -> dict[str, Any]:
    return {"query": q, "hits": [h.to_dict() for h in kb.search(q, limit)]}


@router.get("/ask", summary="Answer a Kazakh question with its source sentences")
def ask(kb: KB, q: Text, reader: bool = False) -> dict[str, Any]:
    """``reader=true``: the span reader over the best documents (``KnowledgeBase.ask``)."""
    return kb.ask(q, reader=reader).to_dict()


@router.get("/entities", summary="Entities mentioned in the documents, most mentioned first")
def entities(kb: KB, limit: Limit = 50, offset: Offset = 0,
             type: Annotated[str | None, Query(pattern=r"^[a-z_]{1,32}$")] = None,
             ) -> dict[str, Any]:
    found = kb.entities(type)
    return {"total": len(found), "limit": limit, "offset": offset,
            "items": found[offset : offset + limit]}


@router.get("/entities/{key}", summary="One entity card by id (state:kz) or any name or form")
def entity(kb: KB, key: Key) -> dict[str, Any]:
    return views.entity_card(kb, key)


@router.get("/facts", summary="Facts with their sources, filtered and paginated")
def facts(kb: KB, entity: Name = None, limit: Limit = 50, offset: Offset = 0,
          predicate: Annotated[str | None, Query(pattern=r"^[a-z_]{1,64}$")] = None,
          ) -> dict[str, Any]:
    items, more = views.facts(kb, entity, predicate, limit, offset)
    return {"limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "items": items}


@router.get("/timeline", summary="Dated facts in order, by entity and years")
def timeline(kb: KB, entity: Name = None, start: Year = None, end: Year = None) -> dict[str, Any]:
    return {"entity": entity, "start": start, "end": end,
            "events": views.timeline(kb, entity, start, end)}


@router.get("/membership", summary="States × organizations: role and since when")
def membership(kb: KB) -> dict[str, Any]:
    return views.membership_table(kb)


@router.get("/conflicts", summary="Where sources disagree, every side with its quotes")
def conflicts(kb: KB) -> dict[str, Any]:
    return {"conflicts": kb.conflicts()}


@router.get("/documents", summary="The documents in the knowledge base")
def documents(kb: KB) -> dict[str, Any]:
    return {"documents": [views.document_meta(d) for d in kb.documents()]}


@router.get("/documents/{key}", summary="One document: text, spans and fact evidence")
def document(kb: KB, key: Key) -> dict[str, Any]:
    row = views.find_document(kb, key)
    return {"document": views.document_meta(row), "text": kb.document_text(row.id),
            "spans": kb.spans(row.id), "evidence": views.document_evidence(kb, row.id)}


@router.get("/stats", summary="Counts of documents, sentences, annotations and facts")
def stats(kb: KB) -> dict[str, Any]:
    return {k: v for k, v in kb.stats().items() if k != "path"}
