"""Candidate passages for a question: sentences with their annotations, scored by overlap.

From a knowledge base: BM25 (FTS5) over lemma terms finds sentences, whose stored spans are
read back. From one text (reading-comprehension mode): every sentence of the analysed text.
Scoring is coverage.py's, word matching matching.py's.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from derek.doc import Document, Token
from derek.kb.search import fts_query, term
from derek.query.coverage import parent_entity, score
from derek.query.matching import sentence_tokens
from derek.query.question import Question

FOLLOW = 8  # how many of the best sentences have their next sentence looked at
DOC_POOL = 200  # how many chunks (documents or their parts) BM25 ranks
PRIOR_WEIGHT = 0.2  # a sentence of the weakest-ranked document loses a fifth of its coverage
BEST_DOCUMENT_SENTENCES = 15  # the best-ranked document's own best sentences are read too


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
    context: Passage | None = None  # the sentence before, when this one opens with «Ол», «Бұл» ...
    topic: frozenset[str] = frozenset()  # entity ids the whole document names («Одаққа» = ЕАЭО)
    weights: dict[int, float] = field(default_factory=dict)  # matched token index -> its question weight
    matched_weight: float = 0.0  # the question weight the sentence holds (coverage before factors × total)
    prior: float = 1.0  # the document's BM25 rank score, the best document's = 1
    stated: frozenset[str] | None = None  # predicates of the stored facts citing it (None: unknown)
    neighbours: tuple[Passage, ...] = ()  # the sentences before and after (unscored; neighbours.py)
    orgs: frozenset[str] = frozenset()  # organizations and bodies the whole document names (org_heads.py)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
                "score": round(self.coverage, 3)}


def kb_passages(db, question: Question, limit: int = 30) -> list[Passage]:  # noqa: ANN001 - sqlite3
    match = _question_match(db, question)
    if match is None:
        return []
    rows = db.execute(
        "SELECT s.doc_id, d.name, s.start, s.end, s.text, bm25(sentence_fts) FROM sentence_fts"
        " JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.id = s.doc_id"
        " WHERE sentence_fts MATCH ? ORDER BY bm25(sentence_fts) LIMIT ?", (match, limit)).fetchall()
    idf = _kb_idf(db, question.terms)
    priors = rank_documents(db, question, match)
    rows += _best_document_rows(db, match, priors, {(r[0], r[2]) for r in rows})
    rows += _referring_rows(db, question, priors, {(r[0], r[2]) for r in rows})
    topics = _topics(db, question, {r[0] for r in rows})
    orgs = _organizations(db, {r[0] for r in rows})
    stated = _stated(db, question, {r[0] for r in rows})
    passages = []
    for doc_id, name, start, end, text, rank in rows:
        passage = Passage(name, doc_id, start, end, text, spans_in(db, doc_id, start, end), bm25=-rank,
                          topic=topics.get(doc_id, frozenset()), prior=priors.get(doc_id, 0.0),
                          stated=stated.get((doc_id, start), frozenset()), orgs=orgs.get(doc_id, frozenset()))
        if anaphoric(text):
            passage.context = _previous(db, doc_id, name, start)
        score(passage, question, idf)
        passages.append(passage)
    passages += _followers(db, sorted(passages, key=lambda p: -p.coverage)[:FOLLOW], passages, question, idf)
    for p in passages:
        p.coverage *= 1.0 - PRIOR_WEIGHT * (1.0 - p.prior)
    passages.sort(key=lambda p: (-p.coverage, -p.bm25))
    for p in passages[:FOLLOW]:
        p.neighbours = _neighbours(db, p)
    return passages


def _neighbours(db, p: Passage) -> tuple[Passage, ...]:  # noqa: ANN001
    """The sentences right before and right after ``p`` in its document, with their spans."""
    found = []
    for row in (sentence_before(db, p.doc_id, p.start), _sentence_after(db, p.doc_id, p.end)):
        if row is not None:
            found.append(Passage(p.doc, p.doc_id, row[0], row[1], row[2], spans_in(db, p.doc_id, row[0], row[1]),
                                 topic=p.topic, prior=p.prior))
    return tuple(found)


def _stated(db, question: Question, doc_ids: set[int]) -> dict[tuple[int, int], frozenset[str]]:  # noqa: ANN001
    """(document, sentence start) -> the question's predicates that stored facts cite it for."""
    if not question.predicates or not doc_ids:
        return {}
    marks, docs = ",".join("?" * len(question.predicates)), ",".join("?" * len(doc_ids))
    found: dict[tuple[int, int], set[str]] = defaultdict(set)
    for doc_id, start, predicate in db.execute(
            f"SELECT s.doc_id, s.start, f.predicate FROM fact_sources s JOIN facts f ON f.id = s.fact_id"
            f" WHERE s.doc_id IN ({docs}) AND f.predicate IN ({marks})", [*doc_ids, *question.predicates]):
        found[(doc_id, start)].add(predicate)
    return {k: frozenset(v) for k, v in found.items()}


def _best_document_rows(db, match: str, priors: dict[int, float],  # noqa: ANN001
                        seen: set[tuple[int, int]]) -> list[tuple]:
    """The best-ranked document's own best sentences (BM25 within it): in a text about the asked
    organization, «Одаққа мүше бес елде …» shares one word with the question and ranks too low
    among the whole collection's sentences to be read."""
    best = [d for d, prior in priors.items() if prior >= 1.0][:1]
    if not best:
        return []
    rows = db.execute(
        "SELECT s.doc_id, d.name, s.start, s.end, s.text, bm25(sentence_fts) FROM sentence_fts"
        " JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.id = s.doc_id"
        " WHERE sentence_fts MATCH ? AND s.doc_id = ? ORDER BY bm25(sentence_fts) LIMIT ?",
        (match, best[0], BEST_DOCUMENT_SENTENCES)).fetchall()
    return [r for r in rows if (r[0], r[2]) not in seen]


REFERRING = ("deixis", "reference")  # mentions that share no word with the entity's names
REFERRING_DOCUMENTS = 3  # the best-ranked documents whose referring sentences are read


def _referring_rows(db, question: Question, priors: dict[int, float],  # noqa: ANN001
                    seen: set[tuple[int, int]]) -> list[tuple]:
    """Sentences of the best-ranked documents that name an asked entity only by reference
    («еліміз Ұйымның 168-ші мүшесі болды» for «Қазақстан БҰҰ-ның нешінші мүшесі болды?»):
    no word of theirs matches the entity's names, so BM25 alone does not find them."""
    asked = list(dict.fromkeys(e.entity for e in question.entities))
    best = sorted(priors, key=priors.get, reverse=True)[:REFERRING_DOCUMENTS]
    if not asked or not best:
        return []
    docs, ids = ",".join("?" * len(best)), ",".join("?" * len(asked))
    rows = db.execute(
        "SELECT DISTINCT s.doc_id, d.name, s.start, s.end, s.text, 0.0 FROM spans m"
        " JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m.end <= s.end"
        " JOIN documents d ON d.id = s.doc_id"
        f" WHERE m.kind = 'entity' AND m.doc_id IN ({docs}) AND m.value IN ({ids})"
        f" AND json_extract(m.attrs, '$.source') IN ({','.join('?' * len(REFERRING))})"
        " ORDER BY s.doc_id, s.start", [*best, *asked, *REFERRING]).fetchall()
    return [r for r in rows if (r[0], r[2]) not in seen]


def _question_match(db, question: Question) -> str | None:  # noqa: ANN001
    """The FTS5 query of the question's terms and its entities' name terms (None: no terms)."""
    terms = question.terms + [t for e in question.entities for t in _entity_terms(db, e.entity)]
    return _match(list(dict.fromkeys(terms))) if terms else None


def rank_documents(db, question: Question, match: str | None = None,  # noqa: ANN001
                   pool: int = DOC_POOL) -> dict[int, float]:
    """Documents by BM25 over their whole text (chunk_fts; a long document by its best chunk),
    scaled so the best document scores 1: a document about the question wins over a stray
    sentence elsewhere."""
    match = match or _question_match(db, question)
    if match is None:
        return {}
    scores: dict[int, float] = {}
    for doc_id, rank in db.execute("SELECT c.doc_id, bm25(chunk_fts) FROM chunk_fts JOIN chunks c"
                                   " ON c.rowid = chunk_fts.rowid WHERE chunk_fts MATCH ?"
                                   " ORDER BY bm25(chunk_fts) LIMIT ?", (match, pool)):
        scores[doc_id] = max(scores.get(doc_id, 0.0), -rank)
    best = max(scores.values(), default=0.0)
    return {d: (v / best if best > 0 else 0.0) for d, v in scores.items()}


def _followers(db, best: list[Passage], have: list[Passage], question: Question,  # noqa: ANN001
               idf: dict[str, float]) -> list[Passage]:
    """The «Ол ...» sentences right after the best ones: their subject is in the sentence before."""
    seen = {(p.doc_id, p.start) for p in have}
    found = []
    for p in best:
        row = _sentence_after(db, p.doc_id, p.end)
        if row is None or (p.doc_id, row[0]) in seen or not anaphoric(row[2]):
            continue
        seen.add((p.doc_id, row[0]))
        follower = Passage(p.doc, p.doc_id, row[0], row[1], row[2], spans_in(db, p.doc_id, row[0], row[1]))
        follower.context, follower.topic, follower.prior, follower.orgs = p, p.topic, p.prior, p.orgs
        score(follower, question, idf)
        found.append(follower)
    return found


def _topics(db, question: Question, doc_ids: set[int]) -> dict[int, frozenset[str]]:  # noqa: ANN001
    """Which of the question's entities each document names somewhere."""
    asked = list({e.entity for e in question.entities}
                 | {parent for e in question.entities if (parent := parent_entity(e.entity))})
    if not asked or not doc_ids:
        return {}
    found: dict[int, set[str]] = {}
    rows = db.execute(f"SELECT DISTINCT doc_id, value FROM spans WHERE kind = 'entity' AND value IN"
                      f" ({','.join('?' * len(asked))}) AND doc_id IN ({','.join('?' * len(doc_ids))})",
                      [*asked, *doc_ids])
    for doc_id, value in rows:
        found.setdefault(doc_id, set()).add(value)
    return {k: frozenset(v) for k, v in found.items()}


def _organizations(db, doc_ids: set[int]) -> dict[int, frozenset[str]]:  # noqa: ANN001 - sqlite3
    """The organizations and bodies each document names somewhere (for «Одаққа», «Кеңес»)."""
    if not doc_ids:
        return {}
    found: dict[int, set[str]] = {}
    rows = db.execute("SELECT DISTINCT doc_id, value FROM spans WHERE kind = 'entity' AND label IN"
                      f" ('organization', 'body') AND doc_id IN ({','.join('?' * len(doc_ids))})", [*doc_ids])
    for doc_id, value in rows:
        found.setdefault(doc_id, set()).add(value)
    return {k: frozenset(v) for k, v in found.items()}


def spans_in(db, doc_id: int, start: int, end: int) -> list[dict[str, Any]]:  # noqa: ANN001
    """The annotation spans (entities, dates, quantities) of one document between two offsets."""
    return [{**dict(r), "attrs": json.loads(r["attrs"])} for r in db.execute(
        "SELECT kind, start, end, text, label, value, attrs FROM spans WHERE doc_id = ? AND start >= ?"
        " AND end <= ? ORDER BY start", (doc_id, start, end))]


LIST_BULLETS = ("-", "•", "*", "—", "–")  # «- Қазақстан … — құрылтайшылар;» continues «… мүше:»


def anaphoric(text: str) -> bool:
    """Does the sentence lean on the one before: «Ол …», «Бұл …», or a list item after its lead-in?"""
    from derek.query.question import load_words

    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first in LIST_BULLETS or first.strip(",.:;") in load_words("anaphora.txt"):
        return True
    if counted_reference(text.split()[:2]):
        return True
    # the subject pronoun after a time or place at the head of the first clause: «2019 жылғы
    # 9 маусымдағы сайлауда ол 70,96 % дауыс алды, ал …»
    return any(w in SUBJECT_PRONOUNS for w in text.split(",", 1)[0].split()[1:])


# a small count opening a sentence before a noun of an entity kind: «Екі ел Каспий теңізін …
# уағдаласты» names its two states in the sentence before («… Иран елімен де …»)
COUNTS = frozenset({"екі", "үш", "төрт"})
COUNTED_KINDS = frozenset({"state", "organization", "person"})


def counted_reference(words: list[str]) -> bool:
    """Do the first two words count entities named before: «Екі ел», «Үш мемлекет», «Екі басшы»
    (the noun one of ``answer_nouns.tsv`` of a state, an organization or a person)?"""
    from derek.lang.kk.morphology import lemma
    from derek.query.question import answer_nouns

    if len(words) < 2 or words[0].lower() not in COUNTS:
        return False
    return answer_nouns().get(lemma(words[1].strip(",.:;").lower())) in COUNTED_KINDS


# lowercase: «Ол» opening a sentence is caught above; «Ел жадында бұл қасірет …» (this disaster)
# points back as the pronoun does
SUBJECT_PRONOUNS = frozenset({"ол", "олар", "бұл"})


def _previous(db, doc_id: int, name: str, start: int) -> Passage | None:  # noqa: ANN001
    row = sentence_before(db, doc_id, start)
    if row is None:
        return None
    return Passage(name, doc_id, row[0], row[1], row[2], spans_in(db, doc_id, row[0], row[1]))


def sentence_before(db, doc_id: int, start: int) -> tuple[int, int, str] | None:  # noqa: ANN001
    """(start, end, text) of the document's sentence that ends before ``start``, the nearest."""
    return db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? AND end <= ?"
                      " ORDER BY start DESC LIMIT 1", (doc_id, start)).fetchone()


def _sentence_after(db, doc_id: int, end: int) -> tuple[int, int, str] | None:  # noqa: ANN001
    """(start, end, text) of the document's sentence that starts after ``end``, the nearest."""
    return db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? AND start >= ?"
                      " ORDER BY start LIMIT 1", (doc_id, end)).fetchone()


def passage_at(db, source: dict[str, Any], question: Question,  # noqa: ANN001
               same_as: dict[str, str] | None = None) -> Passage:
    """A cited sentence (doc name, start, end, text) scored against the question; ``same_as``
    maps an entity's earlier name to the asked one («… кеңесіне қосылды» for the ЕҚЫҰ)."""
    passage = cited(db, source, same_as)
    doc_id = passage.doc_id
    passage.topic = _topics(db, question, {doc_id}).get(doc_id, frozenset())
    passage.stated = _stated(db, question, {doc_id}).get((doc_id, source["start"]), frozenset())
    passage.orgs = frozenset((same_as or {}).get(o, o) for o in _organizations(db, {doc_id}).get(doc_id, ()))
    if anaphoric(passage.text):  # scored as retrieval scores it: «Ол …» leans on the sentence before
        passage.context = _previous(db, doc_id, source["doc"], source["start"])
    score(passage, question, _kb_idf(db, question.terms))
    return passage


def cited(db, source: dict[str, Any], same_as: dict[str, str] | None = None) -> Passage:  # noqa: ANN001
    """A cited sentence with its annotated spans, not scored (``passage_at`` scores it)."""
    row = db.execute("SELECT id FROM documents WHERE name = ?", (source["doc"],)).fetchone()
    doc_id = row[0] if row else -1
    spans = spans_in(db, doc_id, source["start"], source["end"])
    if same_as:
        spans = [{**x, "value": same_as.get(x["value"], x["value"])} if x["kind"] == "entity" else x for x in spans]
    return Passage(source["doc"], doc_id, source["start"], source["end"], source["text"], spans)


def _match(terms: list[str]) -> str:
    """Each term, and for a long one its stem as a prefix: a lemma the analyser left inflected
    («жарғысы») still finds «Жарғы»."""
    stems = [t[: max(5, len(t) - 3)] for t in terms if len(t) >= 7 and t.isalpha()]
    prefixes = " OR ".join(f'"{s}" *' for s in dict.fromkeys(stems))
    return fts_query(terms) + (" OR " + prefixes if prefixes else "")


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
    topic = frozenset(e.entity for e in doc.entities)
    sentences = []
    for s in doc.sentences:
        inside = [x for x in spans if s.start <= x["start"] and x["end"] <= s.end]
        sentences.append(Passage(name, None, s.start, s.end, doc.text[s.start : s.end], inside, topic=topic))
    return _score_document(sentences, question)


def stored_document_passages(db, doc_id: int, question: Question) -> list[Passage]:  # noqa: ANN001
    """Every sentence of one knowledge-base document with its stored spans, scored against the
    question as in reading comprehension (idf within the document)."""
    name = db.execute("SELECT name FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    spans = spans_in(db, doc_id, 0, 1 << 62)
    topic = frozenset(x["value"] for x in spans if x["kind"] == "entity")
    sentences = []
    for start, end, text in db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? ORDER BY seq",
                                       (doc_id,)):
        inside = [x for x in spans if start <= x["start"] and x["end"] <= end]
        sentences.append(Passage(name, doc_id, start, end, text, inside, topic=topic))
    return _score_document(sentences, question)


def _score_document(sentences: list[Passage], question: Question) -> list[Passage]:
    """Score a document's sentences with idf counted over the document; «Ол ...» leans on the one before."""
    for before, passage in zip(sentences, sentences[1:]):
        if anaphoric(passage.text):
            passage.context = before
    df: dict[str, int] = {}
    for p in sentences:
        for key in {term(t) for t in sentence_tokens(p.text)}:
            df[key] = df.get(key, 0) + 1
    n = max(len(sentences), 1)
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
               "value": e.entity, "attrs": {"name": e.name, "case": e.case, "source": e.source}}
              for e in doc.entities]
    return sorted(spans, key=lambda x: x["start"])
