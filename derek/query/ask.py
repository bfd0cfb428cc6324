"""Question answering: from matching facts first, else from the best passages, with sources.

An answer is a value of the expected type (a date, a figure, an entity) taken from a sentence
that matches the question; below the confidence threshold derek answers None and shows the
passages it found. It never answers without a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from derek.query.passages import Passage, document_passages, kb_passages
from derek.query.question import Question, analyze_question
from derek.query.render import join_list, render_date, render_number

THRESHOLD = 0.55
_TYPES = {"person": {"person"}, "persons": {"person"}, "state": {"state"}, "states": {"state"},
          "organization": {"organization", "body"},
          "place": {"city", "region", "place", "sea", "lake", "river", "mountain", "state"}}
_DATE_TYPES = ("date", "year", "month", "day")


@dataclass(slots=True)
class Answer:
    question: str
    answer: str | None
    value: Any
    answer_type: str
    confidence: float
    sources: list[dict[str, Any]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)
    method: str | None = None  # "facts" or "passages"

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer, "value": self.value,
                "answer_type": self.answer_type, "confidence": round(self.confidence, 3),
                "sources": self.sources, "passages": self.passages, "method": self.method}


@dataclass(slots=True)
class _Candidate:
    answer: str
    value: Any
    score: float
    passage: Passage


def ask(db, text: str) -> Answer:  # noqa: ANN001 - sqlite3.Connection
    """Answer a Kazakh question from a knowledge base."""
    from derek.query.answer_facts import answer_from_facts

    question = analyze_question(text)
    passages = kb_passages(db, question)
    shown = [p.to_dict() for p in passages[:3]]
    found = answer_from_facts(db, question)
    if found is not None and found.confidence >= THRESHOLD:
        found.passages = shown
        return found
    return _from_passages(question, passages, shown)


def ask_context(context: str, text: str, name: str = "context") -> Answer:
    """Reading comprehension: answer from one passage of text only."""
    from derek.pipeline import analyze

    question = analyze_question(text)
    passages = document_passages(analyze(context), name, question)
    return _from_passages(question, passages, [p.to_dict() for p in passages[:3]])


def _from_passages(question: Question, passages: list[Passage], shown: list[dict[str, Any]]) -> Answer:
    candidates = [c for p in passages[:10] for c in candidates_in(p, question)]
    if question.wants_list:
        best = _list_answer(candidates, question)
    else:
        best = max(candidates, key=lambda c: c.score, default=None)
    if best is None or best.score < THRESHOLD:
        return Answer(question.text, None, None, question.answer_type, best.score if best else 0.0,
                      [], shown, None)
    p = best.passage
    source = {"doc": p.doc, "start": p.start, "end": p.end, "text": p.text}
    return Answer(question.text, best.answer, best.value, question.answer_type, best.score, [source],
                  shown, "passages")


def candidates_in(p: Passage, question: Question) -> list[_Candidate]:
    """Values of the expected type in one passage, scored by the passage and their nearness."""
    kind = question.answer_type
    asked_entities = {e.entity for e in question.entities}
    asked_dates = {d.value for d in question.dates}
    found = []
    for x in p.spans:
        if kind in _DATE_TYPES and x["kind"] == "date" and x["label"] == "DATE" and x["value"] not in asked_dates:
            value = x["value"][:4] if kind == "year" else x["value"][:7] if kind == "month" else x["value"]
            found.append((render_date(value, kind), value, x))
        elif kind in ("number", "ordinal") and x["kind"] == "quantity" and _number_fits(x, kind, question):
            value = float(x["value"])
            found.append((render_number(value), render_number(value), x))
        elif kind in _TYPES and x["kind"] == "entity" and x["label"] in _wanted(question) \
                and x["value"] not in asked_entities:
            found.append((x["attrs"].get("name") or x["text"], x["value"], x))
    return [_Candidate(a, v, _score(p, x), p) for a, v, x in found]


def _wanted(question: Question) -> set[str]:
    """Entity types that answer the question; «қай қалада» wants a city, not a country."""
    return {"city"} if question.focus == "қала" else _TYPES[question.answer_type]


def _number_fits(x: dict[str, Any], kind: str, question: Question) -> bool:
    is_ordinal = x["attrs"].get("kind") == "ordinal"
    asked = {t.norm for t in question.tokens}
    return (is_ordinal == (kind == "ordinal")) and x["text"] not in asked


def _score(p: Passage, x: dict[str, Any]) -> float:
    """The passage's coverage, less a little for each word between the value and the match."""
    positions = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
    if not positions or not p.matched:
        return p.coverage * 0.9
    distance = min(abs(a - b) for a in positions for b in p.matched)
    return p.coverage * (1.0 - min(distance, 15) * 0.01)


def _list_answer(candidates: list[_Candidate], question: Question) -> _Candidate | None:
    """Every value of the type in the best passage: «Қазақстан, Қытай және Ресей»."""
    if not candidates:
        return None
    best_passage = max(candidates, key=lambda c: c.score).passage
    chosen = [c for c in candidates if c.passage is best_passage]
    values = sorted({c.value for c in chosen})
    answer = join_list([c.answer for c in sorted(chosen, key=lambda c: c.passage.text.find(c.answer))])
    return _Candidate(answer, values, max(c.score for c in chosen), best_passage)
