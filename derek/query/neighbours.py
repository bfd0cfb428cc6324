"""Values of the asked type in the sentence next to a matched one that holds none: the event a
sentence dates is placed in the sentence before, a lead-in's list in the sentence after.
Reads ``Passage.neighbours`` (set by passages.py for the best sentences) and their spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.query.phrases import Candidate

if TYPE_CHECKING:
    from derek.query.passages import Passage
    from derek.query.question import Question

NEIGHBOUR_FIT = 0.85  # a value read one sentence away from the words that matched


def neighbour_values(p: Passage, question: Question, labels: tuple[str, ...]) -> list[Candidate]:
    """Entities of ``labels`` in a sentence next to ``p`` that ``p`` is linked to: both name the
    same year («2024 жылғы саммитте … бекітілді» after «Астана … 2024 жылдары қабылдады»), or ``p``
    names people, states or places by a common noun of the asked kind and the names follow
    («Мемлекет басшылары … пайдаланды. Назарбаев …, Тоқаев … ұсынды»)."""
    from derek.query.candidates import short_names, where_fit

    asked = {e.entity for e in question.entities}
    found = []
    for n in p.neighbours:
        if not (_shared_year(p, n, question) or n.start > p.start and _kind_noun(p, question)):
            continue
        if not n.tokens:
            from derek.query.matching import sentence_tokens

            n.tokens = sentence_tokens(n.text)
        for x in n.spans:
            if x["kind"] == "entity" and x["label"] in labels and x["value"] not in asked:
                name = short_names().get(x["value"]) or x["attrs"].get("name") or x["text"]
                score = p.coverage * NEIGHBOUR_FIT * where_fit(n, x, question.answer_type)
                found.append(Candidate(name, x["value"], score, n, x["start"], x["end"]))
    return found


def _years(p: Passage) -> set[str]:
    return {str(x["value"])[:4] for x in p.spans if x["kind"] == "date" and str(x["value"])[:4].isdigit()}


def _shared_year(p: Passage, n: Passage, question: Question) -> bool:
    """Both sentences name a year the question does not: the same event is spoken of."""
    asked = {str(d.value)[:4] for d in question.dates}
    return bool((_years(p) & _years(n)) - asked)


def _kind_noun(p: Passage, question: Question) -> bool:
    """Does ``p`` hold a common noun of the asked entity kind («басшылары», «министрлері» for
    persons): the entities it stands for are named in the next sentence."""
    from derek.query.question import answer_nouns

    nouns, kind = answer_nouns(), question.answer_type.removesuffix("s")  # «persons»: a person noun
    return any(t.norm[:1].islower() and nouns.get(t.lemma.lower()) == kind for t in p.tokens)


OWNER_LABELS = frozenset({"person", "organization", "body", "state"})


def owner_antecedents(p: Passage, question: Question) -> list[Candidate]:
    """«Қозғалыстың талабымен … қол қойды» for «кімнің талабымен қол қойылды?»: the genitive owner
    is a common noun, and the name it stands for is the one the sentence before gives that noun
    to («"Невада — Семей" қозғалысы құрылды»)."""
    from derek.query.owners import owned_noun, owner_at

    key = owned_noun(question, typed=True)
    at = owner_at(p, key) if key else None
    if at is None or any(x["kind"] == "entity" and x["start"] <= p.start + p.tokens[at].start < x["end"]
                         for x in p.spans):
        return []
    head, asked = p.tokens[at].lemma.lower(), {e.entity for e in question.entities}
    found = []
    for n in [p.context, *(n for n in p.neighbours if n.start < p.start)]:
        if n is None:
            continue
        for x in n.spans:
            if x["kind"] == "entity" and x["label"] in OWNER_LABELS and x["value"] not in asked \
                    and _named_by(n, x, head):
                found.append(Candidate(x["attrs"].get("name") or x["text"], x["value"], p.coverage * NEIGHBOUR_FIT,
                                       n, x["start"], x["end"]))
        if found:
            return found
    return found


def _named_by(n: Passage, x: dict, head: str) -> bool:
    """Is the entity ``x`` of ``n`` called by the noun ``head``: its last word or the word after it
    («"Невада — Семей" қозғалысы», «Ұлттар Ұйымы»)?"""
    from derek.query.matching import sentence_tokens

    if not n.tokens:
        n.tokens = sentence_tokens(n.text)
    words = [t for t in n.tokens if any(c.isalnum() for c in t.norm)]
    inside = [t for t in words if x["start"] <= n.start + t.start < x["end"]]
    after = [t for t in words if n.start + t.start >= x["end"]][:1]
    return any(t.lemma.lower() == head for t in inside[-1:] + after)
