"""The SQLite knowledge base: atomic, idempotent writes; search; bad database files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import SEEDS, needs_seeds

import derek
from derek.errors import QueryError, StoreError
from derek.ingest import ingest_paths


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_store_reingest_unchanged_is_noop(kb, tmp_path):
    f = write(tmp_path / "a.txt", "Қазақстан БҰҰ-ға мүше болды.")
    assert [r.status for r in ingest_paths(kb, [str(f)])] == ["added"]
    before = kb.db.execute("SELECT id, ingested_at FROM documents").fetchall()
    assert [r.status for r in ingest_paths(kb, [str(f)])] == ["unchanged"]
    assert kb.db.execute("SELECT id, ingested_at FROM documents").fetchall() == before


def test_store_changed_file_replaces_old_version(kb, tmp_path):
    f = write(tmp_path / "a.txt", "Қазақстан БҰҰ-ға мүше болды.")
    ingest_paths(kb, [str(f)])
    write(f, "Қазақстан ШЫҰ-ның негізін қалады. Екінші сөйлем.")
    assert [r.status for r in ingest_paths(kb, [str(f)])] == ["updated"]
    assert kb.stats()["documents"] == 1 and kb.stats()["sentences"] == 2
    assert kb.search("БҰҰ") == [] and kb.search("ШЫҰ")


def test_store_failed_file_leaves_kb_as_it_was(kb, tmp_path):
    f = write(tmp_path / "a.txt", "Қазақстан БҰҰ-ға мүше болды.")
    ingest_paths(kb, [str(f)])
    before = kb.stats()
    f.write_bytes(b"\x00\x01\x02" * 1000)  # the same file becomes binary
    results = ingest_paths(kb, [str(f)])
    assert results[0].status == "failed" and "a.txt" in results[0].message
    assert kb.stats() == before and kb.search("БҰҰ")


def test_store_error_midway_through_a_document_rolls_back(kb, tmp_path, monkeypatch):
    from derek.ingest import readers

    monkeypatch.setattr(readers, "CHUNK_CHARS", 200)
    f = tmp_path / "late.txt"
    f.write_bytes(("Қазақстан БҰҰ-ға мүше болды.\n\n" * 200).encode("utf-8") + b"\xff\xfe\xfa tail")
    results = ingest_paths(kb, [str(f)])
    assert results[0].status == "failed" and "late.txt" in results[0].message
    assert kb.stats()["documents"] == 0 and kb.stats()["sentences"] == 0


def test_store_rejects_foreign_files(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="notes.db: not a derek database"):
        derek.open(text)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="other.db: not a derek database"):
        derek.open(other)
    assert sqlite3.connect(other).execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1


def test_store_missing_kb_without_create(tmp_path):
    with pytest.raises(StoreError, match="no such knowledge base"):
        derek.open(tmp_path / "none.db", create=False)


HOSTILE = ['БҰҰ-ның', "AND", '"', "a:b", "NEAR(x y)", "*", "мүше OR", "') DROP TABLE documents; --", "^ф", "-"]


@pytest.mark.parametrize("query", HOSTILE)
def test_store_search_escapes_fts_syntax(kb, tmp_path, query):
    ingest_paths(kb, [str(write(tmp_path / "a.txt", "Қазақстан БҰҰ-ның мүшесі. AND және a:b белгісі."))])
    kb.search(query)  # must not raise an FTS5 syntax error
    assert kb.stats()["documents"] == 1


def test_store_search_hits_carry_offsets_and_matches(kb, tmp_path):
    text = "Бірінші сөйлем.\nҚазақстан БҰҰ-ның мүшесі болды."
    ingest_paths(kb, [str(write(tmp_path / "a.txt", text))])
    hits = kb.search("БҰҰ-ның")
    assert len(hits) == 1
    h = hits[0]
    assert text[h.start : h.end] == h.text == "Қазақстан БҰҰ-ның мүшесі болды."
    assert [text[a:b] for a, b in h.matches] == ["БҰҰ-ның"]


def test_store_search_rejects_empty_and_huge(kb):
    with pytest.raises(QueryError):
        kb.search("   ")
    with pytest.raises(QueryError, match="too long"):
        kb.search("а" * 10_000)


def test_store_reader_can_query_while_a_write_is_open(tmp_path):
    path = tmp_path / "kb.db"
    f = write(tmp_path / "a.txt", "Қазақстан БҰҰ-ға мүше болды.")
    with derek.open(path) as writer:
        ingest_paths(writer, [str(f)])
        with writer.transaction():
            writer.db.execute("DELETE FROM documents")
            with derek.open(path, readonly=True) as reader:
                assert reader.stats()["documents"] == 1 and reader.search("БҰҰ")


def test_store_kill_midway_leaves_consistent_db(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    para = "Қазақстан 1992 жылы БҰҰ-ға мүше болды. ТМД 1991 жылы құрылды.\n\n"
    for i in range(60):
        write(corpus / f"d{i:03}.txt", f"Құжат {i}.\n\n" + para * 400)
    db = tmp_path / "kb.db"
    cmd = [sys.executable, "-m", "derek", "ingest", str(corpus), "--db", str(db), "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ})
    deadline = time.time() + 60
    lines = 0
    while lines < 3 and time.time() < deadline:  # wait until a few documents are in
        if proc.stdout.readline():
            lines += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 3 <= partial < 60
    # every document present is whole: its sentences are all there
    for doc_id, n in con.execute("SELECT id, n_sentences FROM documents"):
        assert con.execute("SELECT count(*) FROM sentences WHERE doc_id = ?", (doc_id,)).fetchone()[0] == n
    con.close()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    statuses = [line for line in done.stdout.splitlines()]
    assert sum('"unchanged"' in s for s in statuses) == partial
    with derek.open(db) as kb:
        assert kb.stats()["documents"] == 60


@needs_seeds()
def test_store_end_to_end_over_seeds(kb):
    results = ingest_paths(kb, [str(SEEDS)])
    assert [r.status for r in results] == ["added"] * 5
    hits = kb.search("БҰҰ")
    assert hits and all(h.text in kb.document_text(h.doc_id) for h in hits)
    for h in hits:
        text = kb.document_text(h.doc_id)
        assert text[h.start : h.end] == h.text


def test_store_migrates_a_version_1_file(tmp_path):
    path = tmp_path / "old.db"
    with derek.open(path) as kb:
        ingest_paths(kb, [str(write(tmp_path / "a.txt", "Қазақстан ШЫҰ-ның негізін қалады.\n\nЕкінші абзац."))])
        kb.db.executescript("DROP TRIGGER chunks_ad; DROP TABLE chunk_fts; PRAGMA user_version = 1;")
    with derek.open(path) as kb:
        assert kb.db.execute("PRAGMA user_version").fetchone()[0] == 2
        rows = kb.db.execute("SELECT terms FROM chunk_fts").fetchall()
        assert len(rows) == 1 and "шыұ" in rows[0][0].split()
    with derek.open(path, readonly=True) as kb:
        assert kb.search("ШЫҰ")
