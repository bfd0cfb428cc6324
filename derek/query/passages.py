"""Candidate passages for a question: sentences with their annotations, scored by overlap.

From a knowledge base: BM25 (FTS5) over lemma terms finds sentences, whose stored spans are
read back. From one text (reading-comprehension mode): every sentence of the analysed text.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from derek.doc import Document, Token
from derek.kb.search import fts_query, term
from derek.query.endings import ending_match
from derek.query.fit import (
    OBJECT_FRAME,
    date_factor,
    holds_answer_kind,
    object_mirrored,
    ordinal_factor,
    ordinal_hits,
    pair_factor,
    place_factor,
    possessed_factor,
)
from derek.query.lifespans import lifespan_side, lifespans
from derek.query.question import Question

ENTITY_WEIGHT = 3.0  # a named entity of the question counts like a rare word
CONTEXT_WEIGHT = 0.7  # a word found only in the sentence an «Ол ...» sentence refers to
TOPIC_WEIGHT = 0.5  # an organization named elsewhere in the same document only («Одаққа» = ЕАЭО)
BODY_WEIGHT = 0.8  # a body named by its own word in a text about its organization («Ұйымның Хатшылығы»)
TOPIC_TYPES = ("organization", "body", "treaty")  # states and people are not referred to so
RIVAL_KINDS = {"organization": {"organization", "body"}, "body": {"organization", "body"}}
NAME_WEIGHT = 1.5  # the question's verb and its proper names count half as much again
VERB_MISSING = 0.85  # a sentence without the question's verb (or a synonym of its predicate)
VERB_CONTRARY = 0.9  # … that holds a verb of another sense group (data/verb_synonyms.tsv)
UNSTATED_TRIGGER = 0.5  # share of a paraphrased verb's match when no stored fact states it
FOCUS_BY_VALUE = 0.8  # «қай мемлекеттерге» is matched by «Түркияға, Қытайға» without the word «мемлекет»
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
    topics = _topics(db, question, {r[0] for r in rows})
    stated = _stated(db, question, {r[0] for r in rows})
    passages = []
    for doc_id, name, start, end, text, rank in rows:
        passage = Passage(name, doc_id, start, end, text, _spans(db, doc_id, start, end), bm25=-rank,
                          topic=topics.get(doc_id, frozenset()), prior=priors.get(doc_id, 0.0),
                          stated=stated.get((doc_id, start), frozenset()))
        if anaphoric(text):
            passage.context = _previous(db, doc_id, name, start)
        score(passage, question, idf)
        passages.append(passage)
    passages += _followers(db, sorted(passages, key=lambda p: -p.coverage)[:FOLLOW], passages, question, idf)
    for p in passages:
        p.coverage *= 1.0 - PRIOR_WEIGHT * (1.0 - p.prior)
    return sorted(passages, key=lambda p: (-p.coverage, -p.bm25))


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
        row = db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? AND start >= ?"
                         " ORDER BY start LIMIT 1", (p.doc_id, p.end)).fetchone()
        if row is None or (p.doc_id, row[0]) in seen or not anaphoric(row[2]):
            continue
        seen.add((p.doc_id, row[0]))
        follower = Passage(p.doc, p.doc_id, row[0], row[1], row[2], _spans(db, p.doc_id, row[0], row[1]))
        follower.context, follower.topic, follower.prior = p, p.topic, p.prior
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


def _spans(db, doc_id: int, start: int, end: int) -> list[dict[str, Any]]:  # noqa: ANN001
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
    # the subject pronoun after a time or place at the head of the first clause: «2019 жылғы
    # 9 маусымдағы сайлауда ол 70,96 % дауыс алды, ал …»
    return any(w in SUBJECT_PRONOUNS for w in text.split(",", 1)[0].split()[1:])


SUBJECT_PRONOUNS = frozenset({"ол", "олар"})  # lowercase: «Ол» opening a sentence is caught above


def _previous(db, doc_id: int, name: str, start: int) -> Passage | None:  # noqa: ANN001
    row = db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? AND end <= ?"
                     " ORDER BY start DESC LIMIT 1", (doc_id, start)).fetchone()
    if row is None:
        return None
    return Passage(name, doc_id, row[0], row[1], row[2], _spans(db, doc_id, row[0], row[1]))


def passage_at(db, source: dict[str, Any], question: Question,  # noqa: ANN001
               same_as: dict[str, str] | None = None) -> Passage:
    """A cited sentence (doc name, start, end, text) scored against the question; ``same_as``
    maps an entity's earlier name to the asked one («… кеңесіне қосылды» for the ЕҚЫҰ)."""
    row = db.execute("SELECT id FROM documents WHERE name = ?", (source["doc"],)).fetchone()
    doc_id = row[0] if row else -1
    spans = _spans(db, doc_id, source["start"], source["end"])
    if same_as:
        spans = [{**x, "value": same_as.get(x["value"], x["value"])} if x["kind"] == "entity" else x for x in spans]
    passage = Passage(source["doc"], doc_id, source["start"], source["end"], source["text"], spans,
                      topic=_topics(db, question, {doc_id}).get(doc_id, frozenset()),
                      stated=_stated(db, question, {doc_id}).get((doc_id, source["start"]), frozenset()))
    if anaphoric(passage.text):  # scored as retrieval scores it: «Ол …» leans on the sentence before
        passage.context = _previous(db, doc_id, source["doc"], source["start"])
    score(passage, question, _kb_idf(db, question.terms))
    return passage


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
    spans = _spans(db, doc_id, 0, 1 << 62)
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


def score(passage: Passage, question: Question, idf: dict[str, float]) -> None:
    """Coverage: the weighted share of the question's words and entities the sentence holds.

    The question's verb and its proper names weigh double; a paraphrased verb counts when the
    sentence triggers one of the question's predicates; a year the question names must be there.
    """
    passage.tokens = sentence_tokens(passage.text)
    passage.matched, passage.weights = [], {}
    keys = _keys(passage.tokens)
    before = _context(passage)
    total, matched = _entity_cover(passage, question, idf, keys, before)
    entity_words = {term(t) for e in question.entities for t in question.tokens
                    if e.start <= t.start and t.end <= e.end}
    # A predicate written lowercase («астана», capital city) is not found in a name («Астанада»):
    # «Алматы қашан астана болды?», «Астана қай жылы астана болды?» (where it is also the name).
    common_verb = any(term(t) == question.verb and t.norm[:1].islower() for t in question.tokens
                      if not any(e.start <= t.start and t.end <= e.end for e in question.entities))
    penalty = 1.0
    forms = {term(x): x.norm.lower() for x in question.tokens}
    for t in question.terms:
        if t in entity_words and not (common_verb and t == question.verb):
            continue
        weight = idf.get(t, 1.0) * (NAME_WEIGHT if t in question.names or t == question.verb else 1.0)
        total += weight
        verb_keys = common_verb and t == question.verb
        found = _hits(t, _unnamed_keys(passage, keys) if verb_keys else keys) \
            or (_form_hits(forms.get(t, ""), keys) if len(t) < 5 else [])
        if found:
            matched += weight * (1.0 if t in keys[::2] else 0.8)
            passage.matched += found
            _weigh(passage, found, weight)
        elif ordinals := ordinal_hits(forms.get(t, ""), passage.tokens):
            matched += weight * 0.8  # «тұңғыш» for «бірінші»
            passage.matched += ordinals
            _weigh(passage, ordinals, weight)
        elif (synonyms := _synonym_hits(t, keys) if t == question.verb else _word_synonym_hits(t, keys)):
            matched += weight * 0.8  # a paraphrased verb («жіберілді» for «аттанды») or noun («зиян»)
            passage.matched += synonyms
            _weigh(passage, synonyms, weight)
        elif t == question.verb and (share := _paraphrase(passage, question, t)):
            matched += weight * 0.8 * share  # a paraphrase, or «Абылай (1711–1781)» for «туған жылы»
        elif _hits(t, _unnamed_keys(passage.context, before[0]) if verb_keys and before[0] else before[0]):
            matched += weight * CONTEXT_WEIGHT
        elif t == question.verb and object_mirrored(passage.tokens, question):
            matched += weight * OBJECT_FRAME  # «жобасын … ұсынған» for «жобасын … дайындады»
        elif t == question.focus and holds_answer_kind(passage, question):
            matched += weight * FOCUS_BY_VALUE
        elif t == question.verb:
            penalty *= VERB_MISSING  # the sentence does not say what the question asks happened
            if _contrary_verb(t, keys):
                penalty *= VERB_CONTRARY  # another thing happened («тағайындалды», not «аяқтады»)
    passage.matched_weight = matched
    passage.coverage = (matched / total if total else 0.0) * date_factor(passage, question) * penalty \
        * ordinal_factor(passage, question) * pair_factor(passage, question, before[1]) \
        * possessed_factor(passage, question) * place_factor(passage, question, before[1])


def _entity_cover(passage: Passage, question: Question, idf: dict[str, float], keys: list[str],
                  before: tuple[list[str], set[str]]) -> tuple[float, float]:
    """(total, matched) weight of the question's entities: an entity weighs what its words weigh,
    and at least a rare word; named before («Ол …») or elsewhere in the document, it counts less."""
    asked = {e.entity for e in question.entities}
    entity_ids = {x["value"] for x in passage.spans if x["kind"] == "entity"}
    total = matched = 0.0
    for e in question.entities:
        words = [term(t) for t in question.tokens if e.start <= t.start and t.end <= e.end]
        weight = ENTITY_WEIGHT + sum(idf.get(w, 1.0) for w in words)
        total += weight
        hits = [w for w in words if _hits(w, keys)]
        passage.matched += [i for w in hits for i in _hits(w, keys)]
        _weigh(passage, [i for w in hits for i in _hits(w, keys)], weight / max(len(words), 1))
        if e.entity in entity_ids:
            matched += weight
        elif e.entity in before[1] or (words and all(_hits(w, before[0]) for w in words)):
            matched += weight * CONTEXT_WEIGHT
        elif e.entity in passage.topic and e.type in TOPIC_TYPES and not _rival(passage, e.type, asked):
            matched += weight * TOPIC_WEIGHT
        elif hits and _own_body(passage, e.entity, entity_ids, [w for w in words if w not in hits]):
            matched += weight * BODY_WEIGHT
        elif len(words) > 1 and words[-1] in hits and e.entity in passage.topic \
                and not _rival(passage, e.type, asked):
            matched += weight * TOPIC_WEIGHT  # «полигонда» in a text that names «Семей сынақ полигоны»
        elif words:
            matched += weight * 0.5 * len(hits) / len(words)
    for x in passage.spans:
        if x["kind"] == "entity" and x["value"] in asked:
            inside = [i for i, t in enumerate(passage.tokens) if x["start"] <= passage.start + t.start < x["end"]]
            passage.matched += inside
            _weigh(passage, inside, ENTITY_WEIGHT / max(len(inside), 1))
    return total, matched


def parent_entity(entity_id: str) -> str | None:
    """The organization a body belongs to: org:sco-secretariat → org:sco (None for no body id)."""
    return entity_id.rsplit("-", 1)[0] if ":" in entity_id and "-" in entity_id.split(":", 1)[1] else None


def _own_body(passage: Passage, entity_id: str, named: set[str], missed: list[str]) -> bool:
    """«Ұйымның Хатшылығы» in a text about ШЫҰ is the asked «ШЫҰ Хатшылығы»: the body's own
    word is there and only its organization's name is missing, the organization being named in
    the sentence or the document (and no other organization in the sentence)."""
    parent = parent_entity(entity_id)
    if parent is None or not missed or not (parent in named or parent in passage.topic):
        return False
    family = {x["value"] for x in passage.spans if x["kind"] == "entity" and parent_entity(x["value"]) == parent}
    return not _rival(passage, "organization", {entity_id, parent} | family)  # sister bodies are no rivals


def _weigh(passage: Passage, indexes: list[int], weight: float) -> None:
    for i in indexes:
        passage.weights[i] = max(passage.weights.get(i, 0.0), weight)


def _rival(passage: Passage, kind: str, asked: set[str]) -> bool:
    """The sentence names another entity of the asked kind: «Ұйым» there is not the asked one.
    An organization and a body rival each other (ЕҚЫҰ vs БҰҰ Қауіпсіздік Кеңесі), but not the
    asked body's own organization (org:sco for org:sco-secretariat), nor the asked organization's
    own body (org:un-ga, the General Assembly, for org:un)."""
    kinds = RIVAL_KINDS.get(kind, {kind})
    return any(x["kind"] == "entity" and x["label"] in kinds and x["value"] not in asked
               and not any(a.startswith(x["value"] + "-") or x["value"].startswith(a + "-") for a in asked)
               for x in passage.spans)


def _hits(t: str, keys: list[str]) -> list[int]:
    """Indexes of the words that are ``t`` or, failing that, share its stem; ``keys`` holds
    each word's term and its lowercased form (``_keys``), as the analyser may miss either."""
    exact = sorted({i // 2 for i, k in enumerate(keys) if k == t})
    head = t[:4]
    return exact or sorted({i // 2 for i, k in enumerate(keys)
                            if k[:4] == head and (_stem_match(t, k) or ending_match(t, k))})


def _form_hits(form: str, keys: list[str]) -> list[int]:
    """Words sharing a stem of five letters or more with the question word as written, each
    ending in at most three more: «қатысты» ~ «қатысып» when the analyser cut the lemma too short
    («қат»; used for lemmas under five letters only)."""
    if len(form) < 6 or not form.isalpha():
        return []
    return sorted({i // 2 for i, k in enumerate(keys) if i % 2 and _common_stem(form, k)})


def _common_stem(a: str, b: str) -> bool:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 5 and len(a) - n <= 3 and len(b) - n <= 3


def _keys(tokens: list[Token]) -> list[str]:
    return [k for t in tokens for k in (term(t), "".join(c for c in t.norm.lower() if c.isalnum()))]


def _stem_match(a: str, b: str) -> bool:
    """One word is the other plus a short ending (a possessive or case the analyser left on)."""
    if a[:4] != b[:4]:
        return False
    short, long = sorted((a, b), key=len)
    rest = long[len(short):]
    # a lone consonant is an ending only when one is (-м, -ң, -н, -п, -р, the glide й): «жасақ»
    # (troop) is no «жаса» (do) plus an ending
    return len(short) >= 4 and long.startswith(short) and len(rest) <= 3 \
        and not (len(rest) == 1 and rest not in _LONE_ENDINGS and rest not in "аәеиоөұүыіэюя")


_LONE_ENDINGS = frozenset("мңнпрй")


def _context(passage: Passage) -> tuple[list[str], set[str]]:
    """Terms and entity ids of the sentence an anaphoric sentence leans on (its tokens kept on it)."""
    before = passage.context
    if before is None:
        return [], set()
    if not before.tokens:
        before.tokens = sentence_tokens(before.text)
    return _keys(before.tokens), {x["value"] for x in before.spans if x["kind"] == "entity"}


def _unnamed_keys(passage: Passage, keys: list[str]) -> list[str]:
    """``keys`` with the capitalized words inside entity mentions blanked («Астанада» is no
    «астана», capital)."""
    spans = [(x["start"] - passage.start, x["end"] - passage.start) for x in passage.spans if x["kind"] == "entity"]
    named = {i for i, t in enumerate(passage.tokens)
             if t.norm[:1].isupper() and any(a <= t.start < b for a, b in spans)}
    return [("" if i // 2 in named else k) for i, k in enumerate(keys)]


@lru_cache(maxsize=8192)
def _analysed(text: str) -> tuple[Token, ...]:
    from derek.pipeline import analyze_tokens

    return tuple(analyze_tokens(text))


def sentence_tokens(text: str) -> list[Token]:
    """A sentence's tokens with lemmas, cached: the same sentences come back question after question."""
    return list(_analysed(text))


@lru_cache(maxsize=1)
def verb_groups() -> dict[str, frozenset[str]]:
    """Verb lemma -> the other verbs of its sense group (data/verb_synonyms.tsv)."""
    from derek.lang.kk.resources import load_tsv

    groups: dict[str, set[str]] = {}
    for row in load_tsv("verb_synonyms.tsv", "derek.query"):
        groups.setdefault(row["group"], set()).add(row["verb"])
    return {v: frozenset(g - {v}) for g in groups.values() for v in g}


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, str]:
    """Verb lemma -> its sense group (data/verb_synonyms.tsv)."""
    from derek.lang.kk.resources import load_tsv

    return {row["verb"]: row["group"] for row in load_tsv("verb_synonyms.tsv", "derek.query")}


def _contrary_verb(verb: str, keys: list[str]) -> bool:
    """Does the sentence hold a verb of a sense group other than the question verb's?"""
    sense = verb_senses().get(verb)
    return sense is not None and any(verb_senses().get(k, sense) != sense for k in keys[::2])


def _synonym_hits(verb: str, keys: list[str]) -> list[int]:
    """Words of the sentence whose lemma is a synonym of the question's verb (exactly: «қайта»,
    again, is not «қайт», return)."""
    synonyms = verb_groups().get(verb, frozenset())
    return sorted({i // 2 for i, k in enumerate(keys) if i % 2 == 0 and k in synonyms})


@lru_cache(maxsize=1)
def word_groups() -> dict[str, frozenset[str]]:
    """Noun or adjective lemma -> the other words of its sense group (data/word_synonyms.tsv)."""
    from derek.lang.kk.resources import load_tsv

    groups: dict[str, set[str]] = {}
    for row in load_tsv("word_synonyms.tsv", "derek.query"):
        groups.setdefault(row["group"], set()).add(row["word"])
    return {w: frozenset(g - {w}) for g in groups.values() for w in g}


def _word_synonym_hits(word: str, keys: list[str]) -> list[int]:
    """Words of the sentence that are a synonym of a question noun (as ``_hits`` finds a word)."""
    return sorted({i for s in word_groups().get(word, ()) for i in _hits(s, keys)})


def _paraphrase(passage: Passage, question: Question, verb: str) -> float:
    if lifespan_side([verb]) and lifespans(passage):
        return 1.0
    return _same_predicate(passage, question)


def _same_predicate(passage: Passage, question: Question) -> float:
    """Does the sentence state a predicate the question asks about (a paraphrased verb)? 1 when
    it has a trigger of one; in a knowledge base, where the stored facts say what each sentence
    states, a trigger no fact came from counts ``UNSTATED_TRIGGER``: «… Саммит өткізу туралы шешім
    қабылданды» has the trigger of «мүшелікке қабылданды» but states no joining."""
    from derek.extract.rules import trigger_matches
    from derek.query.question import predicate_rules

    asked = set(question.predicates)
    if passage.stated and asked & passage.stated:
        return 1.0
    rules = [rule for rule, predicates in predicate_rules() if asked & set(predicates)]
    norms = [t.norm for t in passage.tokens]
    if not any(trigger_matches(rule, norms, i) for rule in rules for i in range(len(norms))):
        return 0.0
    return 1.0 if passage.stated is None else UNSTATED_TRIGGER
