"""«Моңғолия ШЫҰ-да қандай мәртебеге ие?» asks the status a state holds in an organization: its
``query.standing`` line (member, founding member, associate member, observer, dialogue partner,
or former member), quoting every sentence behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.kb.search import term
from derek.query.facts import route_confidence
from derek.query.question import Question, load_words

if TYPE_CHECKING:
    import sqlite3

    from derek.query.ask import Answer

MEMBER_TYPES = frozenset({"state", "organization"})  # who holds a status («ЕО … бақылаушы»)
ORG_TYPES = frozenset({"organization", "body"})  # where it is held
# a status as an answer says it, in the nominative
STATUS_KK = {"member_of": "мүше", "founding_member_of": "негізін қалаушы мүше",
             "associate_member_of": "қауымдастырылған мүше", "observer_of": "бақылаушы",
             "dialogue_partner_of": "диалог серіктесі"}
FORMER_KK = "бұрынғы мүше"


def asks_status(question: Question) -> bool:
    """A description question with a word of «status» («мәртебеге ие», «мәртебесі қандай»,
    «статусы»): «… бақылаушы ма?» is a yes/no and «… мәртебесін қашан алды?» a date, both answered
    from the same facts the usual way."""
    words = load_words("status_words.txt")
    return question.answer_type == "description" and any(term(t) in words for t in question.tokens)


def status_answer(db: sqlite3.Connection, question: Question) -> Answer | None:
    """The asked state's status in the asked organization, from the knowledge base's membership
    facts; None when the question asks no status, names no such pair, or no fact states one
    (derek never says «not a member» for want of a source)."""
    from derek.query.ask import Answer
    from derek.query.cards import MEMBERSHIP
    from derek.query.facts import list_facts
    from derek.query.standing import current_names, founding, standing

    if not asks_status(question):
        return None
    orgs = [e.entity for e in question.entities if e.type in ORG_TYPES]
    members = [e.entity for e in question.entities if e.type in MEMBER_TYPES and e.entity not in orgs[-1:]]
    if not orgs or not members:
        return None
    org, member = orgs[-1], members[0]
    facts = [f for f in list_facts(db, entity=member) if f["predicate"] in MEMBERSHIP and f["object"]
             and f["subject"]["id"] == member]
    found = founding(db, org)
    rows = [r for r in standing(current_names(facts, db), {org: found} if found else {})
            if r["organization"]["id"] == org]
    if not rows:
        return None
    row = rows[0]
    # the status alone is the answer («қауымдастырылған мүше»), as a student writes it; since when
    # and until when stand in the quoted sentences (and on the entity card)
    text, value = (FORMER_KK, "former_member_of") if row["left"] else (STATUS_KK[row["status"]], row["status"])
    confidence = max(route_confidence(f) for f in facts if f["id"] in row["facts"])
    return Answer(question.text, text, value, question.answer_type, confidence, row["sources"], [], "facts")

