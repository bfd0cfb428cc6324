"""Members a clause adds beside its subject: companions in the instrumental («Сан-Марино
Республикасымен бірге кірді», «… сияқты мемлекеттермен қоса») and a membership noun separated
from its verb by them («БҰҰ мүшелігіне … бірге кірді»). Reads clause arguments; returns facts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from derek.doc import DateMention, Fact, Sentence
from derek.extract.arguments import closing_list
from derek.extract.rules import Arg, Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_TOGETHER = {"бірге", "қоса", "бірлесіп"}  # «X-пен бірге / қоса»: together with X
_LIKE = "сияқты"  # «X, Y сияқты мемлекеттермен»: states such as X and Y
_GROUP = {"ел", "мемлекет", "республика", "мүше-мемлекет"}
_SHARED = {"member_of", "joined", "signed", "founding_member_of", "acceded_to", "withdrew_from",
           "observer_of", "dialogue_partner_of"}
# membership noun in the dative → the predicate its entry verb states («мүшелігіне кірді»)
_ENTRY_NOUNS = {"мүшелік": "member_of", "құрам": "member_of", "қатар": "joined"}
_ENTRY_VERBS = {"кір", "ен", "өт", "қабылда", "қос"}
_STOP = 6  # words a participle phrase may put between «сияқты» and its group noun


def companion_facts(sentence: Sentence, clause: Clause, norms: list[str], facts: list[Fact]) -> list[Fact]:
    """The clause's facts again for each companion of their subject («Қазақстан … Қырғызстан,
    Өзбекстан сияқты мемлекеттермен қоса Сан-Марино Республикасымен бірге кірді»)."""
    found: list[Fact] = []
    shared = [f for f in facts if f.predicate in _SHARED]
    if not shared:
        return []
    companions = _companions(clause, norms)
    for fact in shared:
        subject = next((a for a in clause.args if a.entity == fact.subject), None)
        for arg in companions:
            if arg.entity not in (fact.subject, fact.object) and (subject is None or arg.type == subject.type):
                found.append(replace(fact, subject=arg.entity, confidence=round(fact.confidence - 0.1, 2),
                                     qualifiers=dict(fact.qualifiers)))
    return found


def _companions(clause: Clause, norms: list[str]) -> list[Arg]:
    """Arguments before «бірге»/«қоса»: an instrumental list, or the list a «сияқты» closes
    before an instrumental group noun («… сияқты бұрынғы … мемлекеттермен қоса»)."""
    found: list[Arg] = []
    for k in range(clause.first + 1, clause.last):
        if norms[k].lower() not in _TOGETHER:
            continue
        before = [a for a in clause.args if a.last == k and a.case == "INS" and not a.excluded]
        if before:
            found += [a for a in closing_list([a for a in clause.args if a.last <= k], norms) if not a.excluded]
            continue
        lemma, tags, _ = word_info(norms[k - 1])
        if lemma in _GROUP and "INS" in tags:
            found += _such_as(clause, norms, k - 1)
    return found


def _such_as(clause: Clause, norms: list[str], noun: int) -> list[Arg]:
    """The names listed before the «сияқты» that opens the group noun's phrase."""
    like = next((j for j in range(noun - 1, max(clause.first, noun - _STOP) - 1, -1)
                 if norms[j].lower() == _LIKE), None)
    if like is None:
        return []
    listed = [a for a in clause.args if a.last <= like]
    if not listed or listed[-1].last != like:
        return []
    return [a for a in closing_list(listed, norms) if not a.excluded]


def entry_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None,
                facts: list[Fact]) -> list[Fact]:
    """«Қазақстан БҰҰ мүшелігіне … бірге кірді»: a membership noun in the dative whose entry verb
    comes later in the clause, after other words; the organization is the noun's possessor."""
    norms = index.norms
    for k in range(clause.first + 1, clause.last - 2):
        lemma, tags, _ = word_info(norms[k])
        predicate = _ENTRY_NOUNS.get(lemma)
        if predicate is None or "DAT" not in tags:
            continue
        verb = _entry_verb(norms, k + 1, clause.last)
        owner = next((a for a in clause.args if a.last == k and a.case in ("NOM", "GEN")
                      and a.type in ("organization", "body")), None)
        if verb is None or owner is None or any(f.object == owner.entity for f in facts):
            continue
        states = [a for a in clause.args if a.last <= owner.first and a.case == "NOM" and a.type == "state"]
        return [Fact(s.entity, predicate, owner.entity, None, date.value if date else None, None,
                     sentence.start, sentence.end, 0.75) for s in closing_list(states, norms) if not s.excluded]
    return []


def _entry_verb(norms: list[str], first: int, last: int) -> int | None:
    """The entry verb after a membership noun, with no other finite verb before it."""
    for j in range(first + 1, last):
        lemma, tags, pos = word_info(norms[j])
        if pos in ("VERB", "AUX") and lemma in _ENTRY_VERBS and not tags & {"NEG", "PTCP.PAST", "CONV.A"}:
            return j
        if pos in ("VERB", "AUX") and tags & {"PAST", "3"} and "PTCP.PAST" not in tags:
            return None
    return None
