"""Questions over a numbered roster of persons: a lead-in («… мына тұлғалар басқарды:») and list
items that each open with a person's name and a dash («5. Марат Тәжин — 2007–2009»).

A roster answers what no one of its sentences states: the ordinal of a person's term («X нешінші
министр болды?» → the item's number), the person of the n-th item («бесінші министрі:»), the number
of distinct persons («неше адам басқарды?»: a person listed twice counts once), the item before a
person's («X кімнен кейін келді?») and the term of a person's n-th item («екінші рет қай жылдары
басқарды?»). Session 19, the blind sets' dev halves (sets 6, 7 and 9). Knowledge-base path only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from derek.query.ordinal_items import asked_ordinal, ordinal_value
from derek.query.passages import Passage
from derek.query.question import Question, analyze_question, answer_nouns
from derek.query.sequence import ITEM_DASHES, adjacent_items, list_items

LEAD_SENTENCES = 2  # the heading and the lead-in sentence before the first item
# question terms (names aside) the lead must hold, so that the roster is about the asked post: two,
# or one when the question names a person the roster lists (the name narrows it already)
SHARED_TERMS, SHARED_WITH_PERSON = 2, 1
CONFIDENCE = 0.8  # as sequence.LISTED: a list read in order
# «алғаш», «алғашқы» (first): the first of a person's items; «соңғы» (last) the last
FIRST, LAST = frozenset({"алғаш", "алғашқы"}), frozenset({"соңғы"})
TIMES = "рет"  # «екінші рет» (the second time): the n-th of a person's items
# the question's previous/next item: «кімнен кейін» (after whom) asks for the item before the person's
STEPS = {("кімнен", "кейін"): -1, ("кімнен", "соң"): -1, ("кімнен", "бұрын"): 1, ("кімге", "дейін"): 1}
COUNT_WORD = "неше"
ORDINAL_QUESTION = "нешінші"
# letters a keyboard without Kazakh ones replaces («сырткы истер» for «сыртқы істер», session 14)
FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")


@dataclass(slots=True)
class Roster:
    """One run of adjacent items: (start, end, text, name span, number) each, and the lead's terms."""

    doc: str
    items: list[tuple[int, int, str, dict[str, Any], str | None]]
    lead: list[tuple[int, int, str]]


@dataclass(slots=True)
class RosterAnswer:
    answer: str
    value: Any
    sources: list[dict[str, Any]]
    span: dict[str, Any] | None  # the answer's words; None for a count no words state
    confidence: float = CONFIDENCE


def rosters(db, doc_id: int, doc: str) -> list[Roster]:
    """The document's runs of person items with nothing but number lines between them."""
    runs: list[list[tuple[int, int, str, dict[str, Any]]]] = []
    for item in list_items(db, doc_id):
        if runs and adjacent_items(db, doc_id, runs[-1][-1][1], item[0]):
            runs[-1].append(item)
        else:
            runs.append([item])
    found = []
    for run in runs:
        if len(run) < 3:
            continue  # two lines are a pair, not a roster
        before = db.execute("SELECT start, end, text FROM sentences WHERE doc_id = ? AND end <= ? ORDER BY start"
                            " DESC LIMIT ?", (doc_id, run[0][0], LEAD_SENTENCES + 1)).fetchall()
        lead = [tuple(r) for r in before if not _number_line(r[2])][:LEAD_SENTENCES]
        items = [(*item, _number(db, doc_id, item[0])) for item in run]
        found.append(Roster(doc, items, lead))
    return found


def _number_line(text: str) -> bool:
    return text.strip().rstrip(".").isdigit()


def _number(db, doc_id: int, start: int) -> str | None:
    """The item's printed number («7.») when a number line stands right before it."""
    row = db.execute("SELECT text FROM sentences WHERE doc_id = ? AND end <= ? ORDER BY start DESC LIMIT 1",
                     (doc_id, start)).fetchone()
    return row[0].strip().rstrip(".") if row and _number_line(row[0]) else None


def _fold(term: str) -> str:
    return term.lower().translate(FOLD)


def _about(roster: Roster, question: Question) -> bool:
    """The lead shares enough of the question's terms besides its names (folded, a typed
    «министри» matching «министр» by a common stem of four letters or more)."""
    nouns = answer_nouns()  # «адам», «тұлға»: the counted noun says nothing of the post
    asked = {_fold(t) for t in question.terms
             if t not in question.names and len(t) > 1 and nouns.get(t) not in ("person", "persons")}
    lead = {_fold(t) for _, _, text in roster.lead for t in analyze_question(text).terms}
    shared = {a for a in asked if any(a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))
                                       for b in lead)}
    person = _person(question)
    listed = person is not None and any(_is(item, person) for item in roster.items)
    return len(shared) >= (SHARED_WITH_PERSON if listed else SHARED_TERMS)


def _occurrence(question: Question) -> int | None:
    """Which of a person's items is asked: 1 for «алғаш», n for «n-ші рет», -1 for «соңғы»; None
    when the question names none."""
    norms = [t.norm.lower() for t in question.tokens]
    for i, word in enumerate(norms):
        if word in FIRST:
            return 1
        if word in LAST:
            return -1
        if i + 1 < len(norms) and norms[i + 1] == TIMES and (value := ordinal_value(word)):
            return value
    return None


def _person(question: Question) -> tuple[str, str] | None:
    """The one person the question names: (entity id, the name as written)."""
    people = [(m.entity, question.text[m.start:m.end]) for m in question.entities if m.type == "person"]
    return people[0] if len(people) == 1 else None


def _is(item: tuple, person: tuple[str, str]) -> bool:
    """The item names the person: the same entity, or the same written name or surname (a gazetteer
    entry «Жұмабаев» in the question, a provisional «Ермек Жұмабаев» in the document)."""
    written = item[3]["text"]
    return item[3]["value"] == person[0] or written == person[1] or written.split()[-1] == person[1]


def _own(roster: Roster, person: tuple[str, str], question: Question) -> int | None:
    """The index of the asked item of the person: the only one, else the one the question counts."""
    own = [i for i, item in enumerate(roster.items) if _is(item, person)]
    if len({roster.items[i][3]["value"] for i in own}) > 1:
        return None  # a surname two listed persons share
    which = _occurrence(question)
    if len(own) == 1 and which in (None, 1, -1):
        return own[0]
    if which is None or not own or which > len(own):
        return None
    return own[which - 1] if which > 0 else own[-1]


def roster_answer(db, question: Question, passages: list[Passage]) -> RosterAnswer | None:
    """An answer read off a roster of a retrieved document whose lead is about the question."""
    if not _asks(question):
        return None  # most questions ask nothing a roster answers: no document is scanned for one
    # every retrieved document: a roster line shares few words with the question («кімнен кейін
    # келді?»), so its document may rank below others that share the post's words
    for doc_id, doc in dict.fromkeys((p.doc_id, p.doc) for p in passages if p.doc_id is not None):
        for roster in rosters(db, doc_id, doc):
            if _about(roster, question) and (found := _read(roster, question)) is not None:
                return found
    return None


def _asks(question: Question) -> bool:
    """Does the question have a shape ``_read`` answers (checked before any roster is read: scanning
    every retrieved document's list items cost ~19 ms a question)?"""
    norms = [t.norm.lower() for t in question.tokens]
    if _person(question) is not None:
        return ORDINAL_QUESTION in norms or _step(norms) is not None \
            or question.answer_type == "year" and _occurrence(question) not in (None, 1, -1)
    if question.answer_type == "number" and COUNT_WORD in norms:
        return True
    return question.answer_type in ("person", "description") and asked_ordinal(question) is not None


def _step(norms: list[str]) -> int | None:
    """-1 for «кімнен кейін» (the item before), 1 for «кімнен бұрын», None when neither is asked."""
    return next((s for (w, p), s in STEPS.items() for i in range(len(norms) - 1)
                 if norms[i] == w and norms[i + 1] == p), None)


def _read(roster: Roster, question: Question) -> RosterAnswer | None:
    norms = [t.norm.lower() for t in question.tokens]
    person = _person(question)
    if person is not None:
        at = _own(roster, person, question)
        if at is None:
            return None
        if ORDINAL_QUESTION in norms:
            return _ordinal_of(roster, at)
        step = _step(norms)
        if step is not None and question.answer_type == "person":
            return _person_at(roster, at + step, [at]) if 0 <= at + step < len(roster.items) else None
        if question.answer_type == "year" and _occurrence(question) not in (None, 1, -1):
            return _term_of(roster, at)
        return None
    if question.answer_type == "number" and COUNT_WORD in norms:
        counted = norms[norms.index(COUNT_WORD) + 1: norms.index(COUNT_WORD) + 2]
        if counted and answer_nouns().get(counted[0]) in ("person", "persons"):
            return _count(roster)
        return None
    if (ordinal := asked_ordinal(question)) is not None and question.answer_type in ("person", "description"):
        numbered = [i for i, item in enumerate(roster.items) if item[4] == str(ordinal[0])]
        at = numbered[0] if numbered else ordinal[0] - 1
        return _person_at(roster, at, []) if at < len(roster.items) else None
    return None


def _source(roster: Roster, item: tuple) -> dict[str, Any]:
    return {"doc": roster.doc, "start": item[0], "end": item[1], "text": item[2]}


def _lead_sources(roster: Roster) -> list[dict[str, Any]]:
    return [{"doc": roster.doc, "start": s, "end": e, "text": t} for s, e, t in reversed(roster.lead)]


def _ordinal_of(roster: Roster, at: int) -> RosterAnswer:
    """The item's printed number, else its place in the run (the span is the person's name)."""
    item = roster.items[at]
    number = item[4] or str(at + 1)
    name = item[3]
    span = {"doc": roster.doc, "start": name["start"], "end": name["end"], "text": name["text"]}
    return RosterAnswer(number, int(number), [_source(roster, item), *_lead_sources(roster)], span)


def _person_at(roster: Roster, at: int, also: list[int]) -> RosterAnswer:
    item = roster.items[at]
    name = item[3]
    span = {"doc": roster.doc, "start": name["start"], "end": name["end"], "text": name["text"]}
    sources = [_source(roster, item), *(_source(roster, roster.items[i]) for i in also), *_lead_sources(roster)]
    return RosterAnswer(name["text"], name["value"], sources, span)


def _term_of(roster: Roster, at: int) -> RosterAnswer | None:
    """The words after the item's dash («2012–2016»)."""
    start, _, text, name, _ = roster.items[at]
    rest = text[name["end"] - start:]
    dash = next((d for d in ITEM_DASHES if rest.startswith(d)), None)
    if dash is None:
        return None
    term = rest[len(dash):].strip().rstrip(".;,")
    at_char = text.index(term, name["end"] - start)
    span = {"doc": roster.doc, "start": start + at_char, "end": start + at_char + len(term), "text": term}
    return RosterAnswer(term, term, [_source(roster, roster.items[at]), *_lead_sources(roster)], span)


def _count(roster: Roster) -> RosterAnswer:
    """The number of distinct persons; the sources are the lead and every item."""
    people = list(dict.fromkeys(item[3]["value"] for item in roster.items))
    sources = [*_lead_sources(roster), *(_source(roster, item) for item in roster.items)]
    return RosterAnswer(str(len(people)), len(people), sources, None)
