"""Writing one analysed document into the knowledge base tables (inside the caller's transaction)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from derek.doc import Document
from derek.kb.search import term


def write_parts(db: sqlite3.Connection, doc_id: int, parts: Iterable[tuple[int, Document]]) -> tuple[int, int, int]:
    """Write the chunks of one document; returns (length, sentences, tokens)."""
    length = n_sentences = n_tokens = 0
    for seq, (offset, doc) in enumerate(parts):
        chunk = db.execute("INSERT INTO chunks (doc_id, seq, start, text) VALUES (?,?,?,?)",
                           (doc_id, seq, offset, doc.text)).lastrowid
        terms = [term(t) for t in doc.tokens]  # each token's index term, computed once
        db.execute("INSERT INTO chunk_fts (rowid, terms) VALUES (?, ?)",
                   (chunk, " ".join(t for t in terms if t)))
        db.executemany(
            "INSERT INTO sentences (doc_id, seq, start, end, text, terms) VALUES (?,?,?,?,?,?)",
            (
                (doc_id, n_sentences + i, offset + s.start, offset + s.end, doc.text[s.start : s.end],
                 " ".join(t for t in terms[s.first_token : s.last_token] if t))
                for i, s in enumerate(doc.sentences)
            ),
        )
        db.executemany(
            "INSERT INTO spans (doc_id, kind, start, end, text, label, value, attrs) VALUES (?,?,?,?,?,?,?,?)",
            _span_rows(doc_id, offset, doc),
        )
        _write_entities(db, doc)
        _write_facts(db, doc_id, offset, doc)
        length += len(doc.text)
        n_sentences += len(doc.sentences)
        n_tokens += len(doc.tokens)
    return length, n_sentences, n_tokens


def _span_rows(doc_id: int, offset: int, doc: Document) -> Iterable[tuple]:
    for d in doc.dates:
        yield (doc_id, "date", offset + d.start, offset + d.end, d.text, d.type, d.value,
               json.dumps({"mod": d.mod}, ensure_ascii=False))
    for q in doc.quantities:
        attrs = {"unit": q.unit, "range": q.range, "approx": q.approx, "kind": q.kind}
        yield (doc_id, "quantity", offset + q.start, offset + q.end, q.text, q.unit, repr(q.value),
               json.dumps(attrs, ensure_ascii=False))
    for e in doc.entities:
        attrs = {"name": e.name, "wikidata": e.wikidata, "source": e.source}
        yield (doc_id, "entity", offset + e.start, offset + e.end, e.text, e.type, e.entity,
               json.dumps(attrs, ensure_ascii=False))


def _write_entities(db: sqlite3.Connection, doc: Document) -> None:
    """Provisional entities the document names, with the surface forms seen as aliases."""
    for e in doc.entities:
        if not e.entity.startswith("prov:"):
            continue  # gazetteer entities are loaded whole by ensure_gazetteer
        db.execute("INSERT OR IGNORE INTO entities (id, type, name, wikidata, provisional) VALUES (?,?,?,?,1)",
                   (e.entity, e.type, e.name, e.wikidata))
        db.execute("INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?,?,?)",
                   (e.entity, e.text, e.text.lower()))


def ensure_gazetteer(db: sqlite3.Connection) -> None:
    """Load the gazetteer's entities and names into the knowledge base when they changed."""
    from derek.extract.gazetteer import gazetteer_digest, load_gazetteer

    digest = gazetteer_digest()
    row = db.execute("SELECT value FROM meta WHERE key = 'gazetteer'").fetchone()
    if row and row[0] == digest:
        return
    entries = load_gazetteer().entries.values()
    db.executemany(
        "INSERT OR REPLACE INTO entities (id, type, name, name_ru, name_en, wikidata, provisional)"
        " VALUES (?,?,?,?,?,?,0)",
        ((e.id, e.type, e.name, e.name_ru or None, e.name_en or None, e.wikidata) for e in entries),
    )
    db.executemany(
        "INSERT OR IGNORE INTO aliases (entity_id, alias, key) VALUES (?,?,?)",
        ((e.id, name.lstrip("~"), name.lstrip("~").lower()) for e in entries for name in e.names),
    )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('gazetteer', ?)", (digest,))


def _write_facts(db: sqlite3.Connection, doc_id: int, offset: int, doc: Document) -> None:
    for f in doc.facts:
        literal = f.value if f.object is None else ""
        key = f"{f.subject}|{f.predicate}|{f.object or ''}|{literal or ''}"
        db.execute("INSERT OR IGNORE INTO facts (subject, predicate, object, key) VALUES (?,?,?,?)",
                   (f.subject, f.predicate, f.object, key))
        fact_id = db.execute("SELECT id FROM facts WHERE key = ?", (key,)).fetchone()[0]
        db.execute(
            "INSERT INTO fact_sources (fact_id, doc_id, start, end, value, time, place, qualifiers,"
            " confidence) VALUES (?,?,?,?,?,?,?,?,?)",
            (fact_id, doc_id, offset + f.start, offset + f.end, f.value, f.time, f.place,
             json.dumps(f.qualifiers, ensure_ascii=False), f.confidence),
        )
