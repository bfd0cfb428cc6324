"""Open-domain reading: the best documents by BM25 read one by one by the span reader, then weighed
by a small log-linear model over their BM25 rank and the reader's own scores (weights in
derek/query/data/document_weights.tsv, trained by scripts/train_documents.py on KazQAD dev).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from derek.query.passages import Passage, rank_documents, stored_document_passages
from derek.query.question import Question
from derek.query.reader import SENTENCES, Reading, Span, decode, scored_spans

DOCUMENTS = 5  # how many of the best BM25 documents are read (KazQAD held out: 3 → 5 +0.5 F1)
RANKS = 4  # rank features rank=0 .. rank=4 (the fifth and below share one)


@dataclass(slots=True)
class DocumentReading:
    """One document read for a question: its sentences, BM25 standing and scored spans."""

    doc_id: int
    rank: int  # 0 = the best BM25 document
    prior: float  # its BM25 score over the best document's (1.0 for the best)
    passages: list[Passage]
    scored: list[tuple[float, Span]] = field(default_factory=list)

    def features(self) -> dict[str, float]:
        """BM25 (log of the relative score, rank), how sure the reader is of this document (its best
        span's score, the log-sum-exp of all its spans', the margin to the second best) and how well
        its best sentences cover the question."""
        scores = sorted((s for s, _ in self.scored), reverse=True)
        top = scores[0] if scores else -10.0
        lse = top + math.log(sum(math.exp(s - top) for s in scores)) if scores else -10.0
        coverage = [p.coverage for p in self.passages[:SENTENCES]]
        return {"log_prior": math.log(max(self.prior, 1e-6)), "prior": self.prior,
                f"rank={min(self.rank, RANKS)}": 1.0, "top": top, "lse": lse, "top_share": top - lse,
                "gap": scores[0] - scores[1] if len(scores) > 1 else 3.0,
                "best_coverage": max(coverage, default=0.0), "first_coverage": coverage[0] if coverage else 0.0}


def ranked_documents(db, question: Question, documents: int = DOCUMENTS) -> list[DocumentReading]:  # noqa: ANN001
    """The best ``documents`` documents by BM25 with their sentences scored against the question
    (spans not read yet: ``read_spans``)."""
    ranked = sorted(rank_documents(db, question).items(), key=lambda kv: -kv[1])[:documents]
    return [DocumentReading(doc_id, rank, prior, stored_document_passages(db, doc_id, question))
            for rank, (doc_id, prior) in enumerate(ranked)]


def read_spans(docs: list[DocumentReading], question: Question, weights: dict[str, float] | None = None) -> None:
    """Score every document's candidate spans with the span reader (``weights``: its weights)."""
    for d in docs:
        d.scored = scored_spans(d.passages, question, weights)


def document_log_probabilities(docs: list[DocumentReading], weights: dict[str, float] | None = None) -> list[float]:
    """Each document's log-probability of holding the answer (softmax of weights · features)."""
    weights = load_document_weights() if weights is None else weights
    scores = [sum(weights.get(k, 0.0) * v for k, v in d.features().items()) for d in docs]
    if not scores:
        return []
    top = max(scores)
    z = math.log(sum(math.exp(s - top) for s in scores))
    return [s - top - z for s in scores]


def read_open(docs: list[DocumentReading], doc_weights: dict[str, float] | None = None) -> Reading | None:
    """The best span over all documents read: each span's score plus its document's log-probability
    (KazQAD held out, 5 documents: F1 +3 over the two best BM25 documents with a fixed prior)."""
    shifts = document_log_probabilities(docs, doc_weights)
    return decode([(shift + score, span) for d, shift in zip(docs, shifts) for score, span in d.scored])


@cache
def load_document_weights() -> dict[str, float]:
    """Feature name -> weight, from derek/query/data/document_weights.tsv."""
    from derek.lang.kk.resources import load_tsv

    return {r["feature"]: float(r["weight"]) for r in load_tsv("document_weights.tsv", "derek.query")}
