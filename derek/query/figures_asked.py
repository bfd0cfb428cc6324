"""«Қазақстанның экспорты 2023 жылы қанша болды?»: a figure asked of a named entity by what it
measures, answered from the quantity facts. The passages alone often cannot: a figure sentence
leans on the one before for its owner and year («Экспорт 78,7 млрд долларға … жетті» after «2023
жылы Қазақстанның сыртқы сауда айналымы …»), and the facts stage has carried both onto the fact.

A fact answers when its owner is the asked entity, every word of its measure noun (the ``measure``
qualifier, stored as lemmas: «сауда айналым», «мұнай қор») is among the question's lemmas,
and its time fits the question's date. Several facts that fit with different values leave the
question to the passages (which of them is asked is not clear); with no date asked, only the
figures of one time may answer."""

from __future__ import annotations

from typing import Any

from derek.query.ask import Answer
from derek.query.facts import fact_records, route_confidence
from derek.query.question import Question

OWNER_TYPES = frozenset({"state", "organization", "city", "region", "place", "body"})


def asks_figure(question: Question) -> bool:
    """A «қанша/неше» question that names no predicate: only ``figure_answer`` answers it from the
    facts, so a facts answer to it matched owner, measure and year."""
    return question.answer_type == "number" and not question.predicates


def figure_answer(db, question: Question, date_fits) -> Answer | None:
    """The quantity fact the question asks for, or None. ``date_fits(fact, question)`` is the
    facts route's own test of a fact's time against the question's dates."""
    if not asks_figure(question):
        return None
    owners = list(dict.fromkeys(e.entity for e in question.entities if e.type in OWNER_TYPES))
    if len(owners) != 1:  # none, or a pair («Қазақстан мен Қытай арасындағы …»): the passages
        return None
    lemmas = set(question.terms)
    rows = db.execute("SELECT id, subject, predicate, object FROM facts WHERE predicate = 'quantity'"
                      " AND subject = ?", owners).fetchall()
    fits = [f for f in fact_records(db, rows) if _measured(f, lemmas) and date_fits(f, question)
            and _nothing_else_asked(f, question)]
    if not fits or len({f["value"] for f in fits}) > 1:
        return None
    if not question.dates and len({f["time"] for f in fits}) > 1:
        return None
    fact = max(fits, key=route_confidence)
    text = (fact.get("qualifiers") or {}).get("quantity_text") or fact["value"]
    sources = [{k: s[k] for k in ("doc", "start", "end", "text")} for s in fact["sources"]]
    return Answer(question.text, text, fact["value"], question.answer_type, route_confidence(fact),
                  sources, [], "facts")


def _measured(fact: dict[str, Any], lemmas: set[str]) -> bool:
    """Every word of what the figure measures is asked: a unit code (USD, tonne) names nothing.
    Only a measure noun counts («экспорт», «мұнай қор»), not the ``measured`` substance of a unit
    figure («90 млн тонна мұнай өндірілді»): that figure is a flow its verb names, and «неше тонна
    мұнай экспорттады?» asks another flow of the same substance."""
    words = [w for w in str((fact.get("qualifiers") or {}).get("measure") or "").split()
             if any(c.isalpha() and not c.isascii() for c in w)]
    return bool(words) and all(w.lower() in lemmas for w in words)


def _nothing_else_asked(fact: dict[str, Any], question: Question) -> bool:
    """Every other word the question asks with is in the figure's sentence: «Қазақстанның мұнай
    экспорты қанша?» is not answered by the whole export («Экспорт 78,7 млрд долларға …»), nor
    «… қанша долларға жетті?» by a figure in tonnes. The owner's words, the asked date's and
    numbers are the fact's own (carried), not the sentence's; a word matches through its stem or a
    synonym (``matching``: «сальдо» for «баланс»)."""
    from derek.query.matching import sentence_tokens, word_groups, word_hits

    spans = [(e.start, e.end) for e in (*question.entities, *question.dates)]
    own = {t.lemma.lower() for t in question.tokens if any(a <= t.start < b for a, b in spans)}
    measure = set(str((fact.get("qualifiers") or {}).get("measure") or "").split())
    rest = {t for t in question.terms if t not in own and t not in measure and not t.isdigit()}
    sentences = [sentence_tokens(s["text"]) for s in fact["sources"]]
    groups = word_groups()
    return all(any(word_hits(w, tokens) for tokens in sentences for w in (t, *groups.get(t, ())))
               for t in rest)
