-- derek knowledge base, schema version 2 (version 2 added chunk_fts). One SQLite file, WAL mode, FTS5.
-- Every offset (start, end) indexes documents' original decoded text.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,   -- absolute path the document was read from
    name        TEXT NOT NULL,          -- file name, what sources cite
    title       TEXT NOT NULL,
    format      TEXT NOT NULL,          -- txt, md, html, docx, pdf
    encoding    TEXT,                   -- detected encoding of text files
    size        INTEGER NOT NULL,       -- bytes on disk
    sha256      TEXT NOT NULL,
    ingested_at TEXT NOT NULL,          -- ISO 8601, UTC
    length      INTEGER NOT NULL,       -- characters of decoded text
    n_sentences INTEGER NOT NULL,
    n_tokens    INTEGER NOT NULL
);

-- The decoded text, in paragraph-aligned pieces; a document's text is their concatenation.
CREATE TABLE IF NOT EXISTS chunks (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    text   TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS sentences (
    id     INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    start  INTEGER NOT NULL,
    end    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    terms  TEXT NOT NULL              -- space-separated lemma terms, as indexed in sentence_fts
);
CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc_id, seq);

-- BM25 over the sentences' lemma terms; rowid = sentences.id.
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_fts USING fts5(
    terms, content='sentences', content_rowid='id', tokenize="unicode61 remove_diacritics 0"
);
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentence_fts(rowid, terms) VALUES (new.id, new.terms);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentence_fts(sentence_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
END;

-- Annotations: dates, quantities and entity mentions (kind), with their normalized value.
CREATE TABLE IF NOT EXISTS spans (
    id        INTEGER PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,           -- date, quantity, entity
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    label     TEXT,                    -- DATE/DURATION/SET, unit, or entity type
    value     TEXT,                    -- TIMEX3 value, number, or entity id
    attrs     TEXT NOT NULL DEFAULT '{}'  -- JSON: mod, range, approx, name, wikidata ...
);
CREATE INDEX IF NOT EXISTS spans_doc ON spans(doc_id, start);
CREATE INDEX IF NOT EXISTS spans_value ON spans(kind, value);

CREATE TABLE IF NOT EXISTS entities (
    id          TEXT PRIMARY KEY,      -- state:kz, org:un, prov:person:арыстанбекова
    type        TEXT NOT NULL,
    name        TEXT NOT NULL,         -- canonical Kazakh name
    name_ru     TEXT,
    name_en     TEXT,
    wikidata    TEXT,
    provisional INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    key       TEXT NOT NULL,           -- normalized lemma key used for lookup
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX IF NOT EXISTS aliases_key ON aliases(key);

-- A fact is (subject, predicate, object or value); what sources say of its time, place and
-- value lives in fact_sources, so two documents disagreeing stay visible side by side.
CREATE TABLE IF NOT EXISTS facts (
    id         INTEGER PRIMARY KEY,
    subject    TEXT NOT NULL,
    predicate  TEXT NOT NULL,
    object     TEXT,                   -- an entity id, or NULL for a literal
    key        TEXT NOT NULL UNIQUE    -- subject|predicate|object-or-literal-key
);
CREATE INDEX IF NOT EXISTS facts_subject ON facts(subject, predicate);
CREATE INDEX IF NOT EXISTS facts_object ON facts(object, predicate);

CREATE TABLE IF NOT EXISTS fact_sources (
    fact_id    INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
    doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,       -- evidence sentence
    end        INTEGER NOT NULL,
    value      TEXT,                   -- literal value as this source states it
    time       TEXT,                   -- TIMEX3 value as this source states it
    place      TEXT,                   -- entity id
    qualifiers TEXT NOT NULL DEFAULT '{}',
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS fact_sources_fact ON fact_sources(fact_id);
CREATE INDEX IF NOT EXISTS fact_sources_doc ON fact_sources(doc_id);

-- Document frequencies of index terms (question answering weighs rare words higher).
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_vocab USING fts5vocab(sentence_fts, 'row');

-- BM25 over whole chunks (a short document is one chunk): ranks documents, not sentences, so
-- a document that is about the question wins over a stray sentence elsewhere. rowid = chunks.rowid.
CREATE VIRTUAL TABLE IF NOT EXISTS chunk_fts USING fts5(terms, tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    DELETE FROM chunk_fts WHERE rowid = old.rowid;
END;
