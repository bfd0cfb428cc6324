"""Candidate passages for a question: sentences with their annotations, scored by overlap.

From a knowledge base: BM25 (FTS5) over lemma terms finds sentences, whose stored spans are
read back. From one text (reading-comprehension mode): every sentence of the analysed text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from derek.doc import Document, Token
from derek.kb.search import fts_query, term
from derek.query.question import Question

ENTITY_WEIGHT = 3.0  # a named entity of the question counts like a rare word


@dataclass(slots=True)
class Passage:
    doc: str
    doc_id: int | None
    start: int
    end: int
    text: str
    spans: list[dict[str, Any]]  # kind, start, end, text, label, value, attrs (document offsets)
    tokens: list[Token] = field(default_factory=list)  # offsets relative to ``start``
    bm25: float = 0.0
    coverage: float = 0.0
    matched: list[int] = field(default_factory=list)  # token indexes that match the question

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "score": round(self.coverage, 3)}


def kb_passages(db, question: Question, limit: int = 30) -> list[Passage]:  # noqa: ANN001 - sqlite3
    terms = question.terms + [t for e in question.entities for t in _entity_terms(db, e.entity)]
    if not terms:
        return []
    rows = db.execute(
        "SELECT s.doc_id, d.name, s.start, s.end, s.text, bm25(sentence_fts) FROM sentence_fts"
        " JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.id = s.doc_id"
        " WHERE sentence_fts MATCH ? ORDER BY bm25(sentence_fts) LIMIT ?",
        (fts_query(list(dict.fromkeys(terms))), limit)).fetchall()
    idf = _kb_idf(db, question.terms)
    passages = []
    for doc_id, name, start, end, text, rank in rows:
        spans = [{**dict(r), "attrs": json.loads(r["attrs"])} for r in db.execute(
            "SELECT kind, start, end, text, label, value, attrs FROM spans WHERE doc_id = ? AND start >= ?"
            " AND end <= ? ORDER BY start", (doc_id, start, end))]
        passage = Passage(name, doc_id, start, end, text, spans, bm25=-rank)
        score(passage, question, idf)
        passages.append(passage)
    return sorted(passages, key=lambda p: (-p.coverage, -p.bm25))


def _entity_terms(db, entity_id: str) -> list[str]:  # noqa: ANN001
    """Index terms of an entity's names, so «БҰҰ» also finds «Біріккен Ұлттар Ұйымы»."""
    from derek.pipeline import analyze_tokens

    names = [r[0] for r in db.execute("SELECT alias FROM aliases WHERE entity_id = ? LIMIT 12", (entity_id,))]
    terms = []
    for name in names:
        words = [term(t) for t in analyze_tokens(name)]
        terms += [w for w in words if w][:1] if len(words) > 1 else [w for w in words if w]
    return terms


def _kb_idf(db, terms: list[str]) -> dict[str, float]:  # noqa: ANN001
    n = db.execute("SELECT count(*) FROM sentences").fetchone()[0] or 1
    idf = {}
    for t in terms:
        row = db.execute("SELECT doc FROM sentence_vocab WHERE term = ?", (t,)).fetchone()
        df = row[0] if row else 0
        idf[t] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    return idf


def document_passages(doc: Document, name: str, question: Question) -> list[Passage]:
    """Every sentence of one analysed document, scored against the question."""
    spans = annotation_spans(doc)
    sentences = []
    for s in doc.sentences:
        inside = [x for x in spans if s.start <= x["start"] and x["end"] <= s.end]
        sentences.append(Passage(name, None, s.start, s.end, doc.text[s.start : s.end], inside))
    df: dict[str, int] = {}
    for s in doc.sentences:
        for key in {term(t) for t in doc.sentence_tokens(s)}:
            df[key] = df.get(key, 0) + 1
    n = max(len(doc.sentences), 1)
    idf = {t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in question.terms}
    for p in sentences:
        score(p, question, idf)
    return sorted(sentences, key=lambda p: -p.coverage)


def annotation_spans(doc: Document) -> list[dict[str, Any]]:
    """Dates, quantities and entity mentions of a Document in the knowledge base's span shape."""
    spans = [{"kind": "date", "start": d.start, "end": d.end, "text": d.text, "label": d.type,
              "value": d.value, "attrs": {"mod": d.mod}} for d in doc.dates]
    spans += [{"kind": "quantity", "start": q.start, "end": q.end, "text": q.text, "label": q.unit,
               "value": repr(q.value), "attrs": {"kind": q.kind, "unit": q.unit}} for q in doc.quantities]
    spans += [{"kind": "entity", "start": e.start, "end": e.end, "text": e.text, "label": e.type,
               "value": e.entity, "attrs": {"name": e.name, "case": e.case}} for e in doc.entities]
    return sorted(spans, key=lambda x: x["start"])


def score(passage: Passage, question: Question, idf: dict[str, float]) -> None:
    """Coverage: the weighted share of the question's words and entities the sentence holds."""
    from derek.pipeline import analyze_tokens

    passage.tokens = analyze_tokens(passage.text)
    entity_ids = {x["value"] for x in passage.spans if x["kind"] == "entity"}
    entity_words = {term(t) for e in question.entities for t in question.tokens
                    if e.start <= t.start and t.end <= e.end}
    total = matched = 0.0
    for e in {e.entity for e in question.entities}:
        total += ENTITY_WEIGHT
        matched += ENTITY_WEIGHT if e in entity_ids else 0.0
    keys = [term(t) for t in passage.tokens]
    for t in question.terms:
        if t in entity_words:
            continue
        weight = idf.get(t, 1.0)
        total += weight
        if t in keys:
            matched += weight
            passage.matched += [i for i, k in enumerate(keys) if k == t]
    for x in passage.spans:
        if x["kind"] == "entity" and x["value"] in {e.entity for e in question.entities}:
            passage.matched += [i for i, t in enumerate(passage.tokens)
                                if x["start"] <= passage.start + t.start < x["end"]]
    passage.coverage = matched / total if total else 0.0
