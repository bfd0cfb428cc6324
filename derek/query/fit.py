"""How well a sentence states the asked relation beyond shared words: the asked kind of value
is there, both sides of a pair, the question's ordinal, its year and day. Factors that
passages.score multiplies into a sentence's coverage (reads tokens and spans)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import Token
from derek.query.question import Question

if TYPE_CHECKING:
    from derek.query.passages import Passage

ORDINAL_MISMATCH = 0.75  # the question's ordinal (бесінші) against another one in the sentence
LAST = -1  # «соңғы» (last) as an ordinal: it does not match «алғашқы»


def holds_answer_kind(passage: Passage, question: Question) -> bool:
    """Does the sentence name an entity of the asked kind (not one the question names)? Then the
    asked noun («қай мемлекет», «қай қала») is there in the value itself."""
    from derek.query.candidates import TYPES, wanted

    if question.answer_type not in TYPES:
        return False
    asked, labels = {e.entity for e in question.entities}, wanted(question)
    return any(x["kind"] == "entity" and x["label"] in labels and x["value"] not in asked for x in passage.spans)


PAIR_JOINERS = frozenset({"мен", "пен", "бен", "және"})
PAIR_MISSING = 0.9  # «Қазақстан мен Өзбекстан … шарт»: a sentence with one side of the pair only


def pair_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """A relation between two named sides («X мен Y арасындағы», «X мен Y … шартқа») needs both:
    a sentence naming one of them but not the other (nor in the sentence it leans on) fits less."""
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    ents = sorted(question.entities, key=lambda e: e.start)
    for a, b in zip(ents, ents[1:]):
        between = [t.norm.lower() for t in question.tokens if a.end <= t.start and t.end <= b.start]
        paired = bool(between) and all(w in PAIR_JOINERS for w in between)
        if paired and (a.entity in named) != (b.entity in named):
            return PAIR_MISSING
    return 1.0


def _ordinals(tokens: list[Token]) -> set[int]:
    """Ordinal numbers written as words («бесінші», «тұңғыш»)."""
    from derek.query.candidates import word_ordinal

    found = {n for t in tokens if (n := word_ordinal(t.norm)) is not None}
    return found | ({LAST} if any(t.lemma.lower() in ("соңғы", "соң") for t in tokens) else set())


def ordinal_factor(passage: Passage, question: Question) -> float:
    """«бесінші саммит» is not answered by a sentence about the «бірінші саммит»."""
    asked = _ordinals(question.tokens)
    if not asked:
        return 1.0
    found = _ordinals(passage.tokens)
    return ORDINAL_MISMATCH if found and not asked & found else 1.0


def date_factor(passage: Passage, question: Question) -> float:
    """A sentence without the year the question names answers another event; one with the year
    but not the day («21 желтоқсанда» vs «13 желтоқсанда») fits less well."""
    asked = [v for d in question.dates if d.type == "DATE" for v in d.value.split("/") if v[:4].isdigit()]
    if not asked:
        return 1.0
    values = [v for x in passage.spans if x["kind"] == "date" for v in str(x["value"]).split("/")]
    years = {v[:4] for v in values} | {t.norm[:4] for t in passage.tokens if t.norm[:4].isdigit()}
    if not {v[:4] for v in asked} <= years:
        return 0.75
    return 1.0 if all(any(v.startswith(a) for v in values) for a in asked if len(a) > 4) else 0.9
