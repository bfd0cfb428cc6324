"""The knowledge base on SQLite: one file, WAL mode, each document written in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from derek.doc import Document, DocumentMeta
from derek.errors import StoreError

APPLICATION_ID = 0x64524B31  # "dRK1": marks a SQLite file as a derek knowledge base
SCHEMA_VERSION = 2
_SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(slots=True)
class DocumentRow:
    id: int
    path: str
    name: str
    title: str
    format: str
    encoding: str | None
    size: int
    sha256: str
    ingested_at: str
    length: int
    n_sentences: int
    n_tokens: int

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


class KnowledgeBase:
    """A derek knowledge base stored in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        _check_file(self.path, create)
        uri = f"file:{self.path}?mode=ro" if readonly else f"file:{self.path}"
        try:
            self.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None,
                                      check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            if not readonly:
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._init_schema()
            else:
                self._check_schema()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable derek database ({e})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def _init_schema(self) -> None:
        app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        tables = self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and tables:
            raise StoreError(f"{self.path}: not a derek database (it holds other tables)")
        if app_id == APPLICATION_ID:
            if self.db.execute("PRAGMA user_version").fetchone()[0] == 1:
                self._migrate_1_to_2()
            self._check_schema()
            return
        sql = resources.files("derek.kb").joinpath("schema.sql").read_text(encoding="utf-8")
        self.db.executescript(
            f"BEGIN IMMEDIATE; {sql}; PRAGMA application_id = {APPLICATION_ID};"
            f" PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )

    def _migrate_1_to_2(self) -> None:
        """Version 2 adds chunk_fts; fill it from the sentence terms already indexed."""
        sql = resources.files("derek.kb").joinpath("schema.sql").read_text(encoding="utf-8")
        self.db.executescript(f"BEGIN IMMEDIATE; {sql};")
        self.db.execute(
            "INSERT INTO chunk_fts (rowid, terms) SELECT c.rowid, (SELECT group_concat(s.terms, ' ')"
            " FROM sentences s WHERE s.doc_id = c.doc_id AND s.start >= c.start"
            " AND s.start < c.start + length(c.text)) FROM chunks c"
        )
        self.db.execute("PRAGMA user_version = 2")
        self.db.execute("COMMIT")

    def _check_schema(self) -> None:
        app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self.path}: not a derek database")
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: derek schema version {version}, expected {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- documents ----------------------------------------------------------------------
    def document_by_path(self, path: str) -> DocumentRow | None:
        row = self.db.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
        return DocumentRow(**dict(row)) if row else None

    def documents(self) -> list[DocumentRow]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY name, id").fetchall()
        return [DocumentRow(**dict(r)) for r in rows]

    def document(self, key: int | str) -> DocumentRow | None:
        """A document by id, file name or path."""
        if isinstance(key, int) or str(key).isdigit():
            row = self.db.execute("SELECT * FROM documents WHERE id = ?", (int(key),)).fetchone()
        else:
            row = self.db.execute(
                "SELECT * FROM documents WHERE name = ? OR path = ? ORDER BY id LIMIT 1", (key, key)
            ).fetchone()
        return DocumentRow(**dict(row)) if row else None

    def document_text(self, doc_id: int) -> str:
        rows = self.db.execute("SELECT text FROM chunks WHERE doc_id = ? ORDER BY seq", (doc_id,))
        return "".join(r[0] for r in rows)

    def write_document(self, meta: DocumentMeta, parts: Iterable[tuple[int, Document]]) -> int:
        """Replace any document with the same path by this one, atomically.

        ``parts`` yields (offset, analysed chunk) pairs; they are consumed inside the
        transaction, so a reading or analysis error leaves the knowledge base as it was.
        """
        from derek.kb.write import ensure_gazetteer, write_parts

        with self.transaction():
            ensure_gazetteer(self.db)
            replaced = self.db.execute("DELETE FROM documents WHERE path = ?", (meta.path,)).rowcount
            cur = self.db.execute(
                "INSERT INTO documents (path, name, title, format, encoding, size, sha256,"
                " ingested_at, length, n_sentences, n_tokens) VALUES (?,?,?,?,?,?,?,?,0,0,0)",
                (meta.path, meta.name, meta.title, meta.format, meta.encoding, meta.size,
                 meta.sha256, meta.ingested_at),
            )
            doc_id = cur.lastrowid
            length, n_sentences, n_tokens = write_parts(self.db, doc_id, parts)
            self.db.execute(
                "UPDATE documents SET length = ?, n_sentences = ?, n_tokens = ?, title = ? WHERE id = ?",
                (length, n_sentences, n_tokens, meta.title, doc_id),
            )
            if replaced:  # a new document leaves nothing orphaned: skip two full-table scans
                self._drop_orphans()
        return doc_id

    def remove_document(self, path: str) -> bool:
        with self.transaction():
            gone = self.db.execute("DELETE FROM documents WHERE path = ?", (path,)).rowcount
            self._drop_orphans()
        return bool(gone)

    def _drop_orphans(self) -> None:
        """Facts whose last source, and provisional entities whose last mention, went with a
        replaced or removed document go too."""
        self.db.execute(
            "DELETE FROM facts WHERE NOT EXISTS (SELECT 1 FROM fact_sources s WHERE s.fact_id = facts.id)"
        )
        self.db.execute(
            "DELETE FROM entities WHERE provisional = 1 AND NOT EXISTS"
            " (SELECT 1 FROM spans s WHERE s.kind = 'entity' AND s.value = entities.id)"
        )

    # -- reading ------------------------------------------------------------------------
    def spans(self, doc_id: int, kind: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT kind, start, end, text, label, value, attrs FROM spans WHERE doc_id = ?"
        args: list[Any] = [doc_id]
        if kind:
            sql += " AND kind = ?"
            args.append(kind)
        rows = self.db.execute(sql + " ORDER BY start, end", args)
        return [{**dict(r), "attrs": json.loads(r["attrs"])} for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        kinds = dict(self.db.execute("SELECT kind, count(*) FROM spans GROUP BY kind").fetchall())
        return {
            "path": str(self.path),
            "documents": one("SELECT count(*) FROM documents"),
            "characters": one("SELECT coalesce(sum(length), 0) FROM documents"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "tokens": one("SELECT coalesce(sum(n_tokens), 0) FROM documents"),
            "dates": kinds.get("date", 0),
            "quantities": kinds.get("quantity", 0),
            "entity_mentions": kinds.get("entity", 0),
            "entities": one("SELECT count(DISTINCT value) FROM spans WHERE kind = 'entity'"),
            "facts": one("SELECT count(*) FROM facts"),
            "formats": dict(self.db.execute("SELECT format, count(*) FROM documents GROUP BY format").fetchall()),
        }

    def search(self, query: str, limit: int = 10) -> list[Any]:
        from derek.kb.search import search

        return search(self, query, limit)

    # -- facts and entities (query/) ----------------------------------------------------
    def facts(self, entity: str | None = None, predicate: str | None = None,
              limit: int | None = None, offset: int = 0, doc_id: int | None = None) -> list[dict[str, Any]]:
        """Fact records; ``doc_id`` keeps the facts one document states."""
        from derek.query.facts import list_facts, resolve_entity

        entity_id = resolve_entity(self.db, entity) if entity else None
        return list_facts(self.db, entity_id, predicate, limit, offset, doc_id)

    def entity(self, name: str) -> dict[str, Any]:
        from derek.query.cards import entity_card

        return entity_card(self.db, name)

    def entities(self, type_: str | None = None) -> list[dict[str, Any]]:
        from derek.query.cards import list_entities

        return list_entities(self.db, type_)

    def timeline(self, entity: str | None = None, start: int | None = None,
                 end: int | None = None) -> list[dict[str, Any]]:
        from derek.query.timeline import timeline

        return timeline(self.db, entity, start, end)

    def conflicts(self) -> list[dict[str, Any]]:
        from derek.query.conflicts import find_conflicts

        return find_conflicts(self.db)

    def ask(self, question: str, reader: bool = False) -> Any:
        """Answer a Kazakh question with its source sentence, or say it is not known. ``reader``:
        read the best documents whole with the span reader instead of answering from facts and
        typed values (``ask_open``: better on general and history text the facts do not cover,
        worse on the foreign-relations text the facts are built for; docs/ask.md)."""
        from derek.query.ask import ask, ask_open

        return ask_open(self.db, question) if reader else ask(self.db, question)

    def export(self, fmt: str) -> str:
        from derek.query.export import export_facts

        return export_facts(self.db, fmt)


def _check_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(f"{path}: no such knowledge base (run `derek ingest` first)")
        return
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError as e:
        raise StoreError(f"{path}: cannot open ({e.strerror or e})") from None
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a derek database (not an SQLite file)")
