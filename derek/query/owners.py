"""Whose noun a question asks («кімнің талабымен», «неге іргетас болды»): the genitive owner of
that noun in a sentence answers; and a place named by the noun it modifies («Астана саммиті» for
«саммиті қай қалада өтті»). Reads a passage's tokens, matches and spans."""

from __future__ import annotations

from typing import Any

from derek.kb.search import term
from derek.lang.kk.resources import load_tsv
from derek.query.cases import asked_case, is_focus
from derek.query.passages import Passage
from derek.query.phrases import Candidate, covered
from derek.query.question import Question, load_words, stopwords

GENITIVE = tuple(r["suffix"] for r in load_tsv("noun_suffixes.tsv") if r["category"] == "genitive")
OTHER_OWNER = 0.5  # a value that is not the owner of the asked noun («Қозғалыстың талабымен … Назарбаев»)
OWNER_FIT = 1.1  # the owner phrase is bounded by the asked noun itself
NAMED_PLACE = 1.1  # «Астана саммиті»: the place names the thing the question asks about
JOINERS = frozenset({"мен", "пен", "бен", "және"})
PLACE_LABELS = frozenset({"city", "place", "region"})
MAX_OWNER = 9  # words
CASES = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})


def owned_noun(question: Question, typed: bool = False) -> str | None:
    """The noun a genitive question word owns («кімнің талабымен» → талап) or, for «неге» with
    a verbless predicate, the noun it completes («неге іргетас болды» → іргетас); ``typed``: the
    genitive only (a typed value is the owner itself)."""
    from derek.lang.kk.morphology import analyze

    if not question.words:
        return None
    case = asked_case(question)
    if case not in ("GEN", "DAT") or (typed and case != "GEN"):
        return None
    rest = [t for t in question.tokens[max(question.words) + 1 :] if any(c.isalnum() for c in t.norm)]
    if rest and is_focus(rest[0], question):
        rest = rest[1:]
    readings = analyze(rest[0].norm.lower()) if rest else []
    if not readings or readings[0].pos != "NOUN":
        return None
    key = term(rest[0])
    return key if case == "GEN" or key == question.verb else None


def owner_at(p: Passage, key: str) -> int | None:
    """The token right before the asked noun in the sentence, when it is a genitive: the owner."""
    from derek.query.matching import stem_match

    for j, t in enumerate(p.tokens):
        form = "".join(c for c in t.norm.lower() if c.isalnum())
        if j > 0 and (term(t) == key or stem_match(key, term(t)) or stem_match(key, form)):
            before = "".join(c for c in p.tokens[j - 1].norm.lower() if c.isalpha())
            return j - 1 if before.endswith(GENITIVE) else None
    return None


def owner_factor(p: Passage, positions: list[int] | None, question: Question) -> float:
    """A typed value (at token ``positions``; None: named elsewhere) that is not the genitive owner
    of the noun «кімнің» asks about fits less: «Қозғалыстың талабымен … Назарбаев … қол қойды»
    does not answer «кімнің талабымен»."""
    key = owned_noun(question, typed=True)
    at = owner_at(p, key) if key else None
    return 1.0 if at is None or (positions is not None and at in positions) else OTHER_OWNER


def antecedent_factor(p: Passage, value: dict[str, Any], question: Question) -> float:
    """``owner_factor`` for a value taken from the sentence ``p`` leans on («Бұл жарлық …»)."""
    from derek.query.matching import sentence_tokens

    before = p.context
    if before is None or owned_noun(question, typed=True) is None:
        return 1.0
    if not before.tokens:
        before.tokens = sentence_tokens(before.text)
    positions = [i for i, t in enumerate(before.tokens)
                 if value.get("start", -1) <= before.start + t.start < value.get("end", -1)]
    return owner_factor(before, positions, question)


def owner_phrases(p: Passage, question: Question) -> list[Candidate]:
    """«Кедендік одақ пен Еуразиялық экономикалық одақтың іргетасына» for «неге іргетас болды?»:
    the owner and the words that modify it or join it (мен/пен/және), back to a break, a date,
    a verb or a case-marked word; the question's own words may stand inside it."""
    from derek.lang.kk.morphology import analyze

    key = owned_noun(question)
    at = owner_at(p, key) if key else None
    if at is None:
        return []
    breaks, dates = load_words("phrase_breaks.txt") | stopwords(), covered(p, "date")
    first = at
    for i in range(at - 1, -1, -1):
        t = p.tokens[i]
        if not any(c.isalnum() for c in t.norm) and 0 < i and p.tokens[i - 1].end == t.start \
                and t.end == p.tokens[i + 1].start:
            continue  # a hyphen inside a name
        readings = analyze(t.norm.lower())  # a word without a case ending that may be a noun or adjective
        free = bool(readings) and not set(readings[0].tags) & CASES and any(
            r.pos in ("NOUN", "PROPN", "ADJ") for r in readings[:2])
        if t.norm.lower() in JOINERS:
            continue
        if i in dates or t.lemma.lower() in breaks or t.norm.lower() in breaks or not free:
            break
        first = i
    while first < at and p.tokens[first].norm.lower() in JOINERS:
        first += 1
    words = [t for t in p.tokens[first : at + 1] if any(c.isalnum() for c in t.norm)]
    if len(words) > MAX_OWNER:
        return []
    text = p.text[p.tokens[first].start : p.tokens[at].end]
    return [Candidate(text, None, p.coverage * OWNER_FIT, p)]


def named_place(p: Passage, x: dict[str, Any], question: Question) -> float:
    """A place in the nominative right before a noun of the question that is neither the asked
    noun nor the verb («өткен Астана саммиті» for «… саммиті қай қалада өткен?») names where that
    thing was."""
    from derek.extract.gazetteer import case_of

    if question.answer_type != "place" or x.get("kind") != "entity" or x.get("label") not in PLACE_LABELS \
            or not x["text"].split() or case_of(x["text"].split()[-1]) != "NOM":
        return 1.0
    after = [i for i, t in enumerate(p.tokens) if p.start + t.start >= x["end"] and any(c.isalnum() for c in t.norm)]
    if not after or after[0] not in p.matched:
        return 1.0
    t = p.tokens[after[0]]
    return NAMED_PLACE if not is_focus(t, question) and term(t) != question.verb else 1.0
