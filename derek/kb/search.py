"""Full-text search: BM25 (SQLite FTS5) over sentence lemma terms, with highlighted snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from derek.doc import Token
from derek.errors import QueryError

if TYPE_CHECKING:
    from derek.kb.store import KnowledgeBase

MAX_QUERY_CHARS = 1000
_NON_WORD = re.compile(r"[\W_]+")


def term(token: Token) -> str:
    """The index term of a token: its lemma (or normalized form), lowercased, letters only."""
    return _term(token.lemma or token.norm or token.text, not token.lemma)


@lru_cache(maxsize=200_000)  # `ask` asks it ~30k times a question, for a few thousand words
def _term(word: str, unanalysed: bool) -> str:
    stem, hyphen, _ = word.partition("-")
    if hyphen and unanalysed and (stem.isupper() or stem.isdigit()):
        word = stem  # БҰҰ-ның, 8-інде: the hyphen parts an abbreviation or number from its suffix
    return _NON_WORD.sub("", word.lower())


@dataclass(slots=True)
class Hit:
    doc: str
    doc_id: int
    title: str
    start: int
    end: int
    text: str
    score: float
    matches: list[tuple[int, int]] = field(default_factory=list)  # document offsets

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc, "doc_id": self.doc_id, "title": self.title, "start": self.start,
            "end": self.end, "text": self.text, "score": round(self.score, 4),
            "matches": [{"start": a, "end": b} for a, b in self.matches],
        }


def query_terms(query: str) -> list[str]:
    """Analyse a query exactly as documents are analysed, so inflected forms meet."""
    from derek.pipeline import analyze_tokens

    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(query)} characters; limit {MAX_QUERY_CHARS})")
    seen: dict[str, None] = {}
    for tok in analyze_tokens(query):
        if t := term(tok):
            seen[t] = None
    return list(seen)


def fts_query(terms: list[str]) -> str:
    # Every term is quoted, so words like AND, NEAR or a:b are searched as words; terms hold
    # only letters and digits, but double any quote anyway.
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(kb: KnowledgeBase, query: str, limit: int = 10) -> list[Hit]:
    """Sentences ranked by BM25 against the query's lemma terms."""
    if not query.strip():
        raise QueryError("empty query")
    terms = query_terms(query)
    if not terms:
        return []
    rows = kb.db.execute(
        "SELECT s.id, s.doc_id, s.start, s.end, s.text, d.name, d.title, bm25(sentence_fts) AS rank"
        " FROM sentence_fts JOIN sentences s ON s.id = sentence_fts.rowid"
        " JOIN documents d ON d.id = s.doc_id"
        " WHERE sentence_fts MATCH ? ORDER BY rank LIMIT ?",
        (fts_query(terms), max(1, min(limit, 1000))),
    ).fetchall()
    wanted = set(terms)
    return [
        Hit(r["name"], r["doc_id"], r["title"], r["start"], r["end"], r["text"], -r["rank"],
            _matches(r["text"], r["start"], wanted))
        for r in rows
    ]


def _matches(text: str, offset: int, wanted: set[str]) -> list[tuple[int, int]]:
    from derek.pipeline import analyze_tokens

    return [(offset + t.start, offset + t.end) for t in analyze_tokens(text) if term(t) in wanted]
