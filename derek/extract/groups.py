"""Facts stated by a list of names rather than a verb: «Беларусь, Қазақстан және Ресейдің
Кедендік одағы» (the states' union: member_of), «Ресей, ҚР, Беларусия арасында Кедендік Одақ
құрылды» (founded between them: founding_member_of), «олардың қатарында X, Y бар» (among them).

Reads the clause arguments the fact extractor built; returns Document facts.
"""

from __future__ import annotations

from derek.doc import DateMention, Fact, Sentence
from derek.extract.arguments import LEADERS, SEPARATORS
from derek.extract.rules import Arg, Clause, word_info

_AMONG = {"қатар", "іш", "ара"}  # «олардың қатарында / ішінде / арасында»: among them
_THEM = {"олардың", "соның", "оның"}


def genitive_members(sentence: Sentence, clause: Clause, norms: list[str],
                     date: DateMention | None) -> list[Fact]:
    """Two or more states in a genitive list right before an organization's name are its
    members: «Беларусь, Қазақстан және Ресейдің Кедендік одағы»."""
    facts: list[Fact] = []
    args = clause.args
    for k, org in enumerate(args):
        if org.type != "organization" or k == 0 or org.anaphor:
            continue
        group = _list_before(args[:k], norms, org.first)
        if len(group) < 2 or group[-1].case != "GEN" or any(a.type != "state" for a in group):
            continue
        facts += [Fact(a.entity, "member_of", org.entity, None, date.value if date else None, None,
                       sentence.start, sentence.end, 0.7) for a in group]
    return facts


def founders_between(sentence: Sentence, clause: Clause, facts: list[Fact]) -> list[Fact]:
    """«Ресей, ҚР, Беларусия арасында Кедендік Одақ құрылған еді»: the states between which an
    organization was founded are its founding members (the list's case is INS after «арасында»)."""
    states = [a for a in clause.args if a.type == "state" and a.case == "INS" and not a.excluded]
    founded = [f for f in facts if f.predicate == "founded_on"]
    return [Fact(a.entity, "founding_member_of", f.subject, None, f.time, None,
                 sentence.start, sentence.end, 0.7) for f in founded for a in states]


def founders_by_leaders(sentence: Sentence, clause: Clause, norms: list[str], topic: Arg | None,
                        date: DateMention | None) -> list[Fact]:
    """«Қазақстан, Қырғызстан … басшылары … келісім негізінде құрылды»: a founding verb with no
    organization named; the leaders' states founded the organization the text is about."""
    verbs = [k for k in range(clause.first, clause.last) if _founding_passive(norms[k])]
    if topic is None or not verbs or any(a.type in ("organization", "body") and not a.anaphor
                                          and a.case == "NOM" for a in clause.args):
        return []
    states = [a for a in clause.args if a.type == "state" and a.last < verbs[0] and not a.excluded]
    group = _list_before(states, norms, states[-1].last) if states else []
    if len(group) < 2 or states[-1].last >= clause.last or word_info(norms[states[-1].last])[0] not in LEADERS:
        return []
    return [Fact(a.entity, "founding_member_of", topic.entity, None, date.value if date else None, None,
                 sentence.start, sentence.end, 0.65) for a in group]


def _founding_passive(word: str) -> bool:
    lemma, tags, _ = word_info(word)
    return lemma == "құр" and "PASS" in tags


def opens_among(clause: Clause, norms: list[str]) -> bool:
    """Does the clause open with «олардың қатарында» / «соның ішінде» (among them)?"""
    k = clause.first + (norms[clause.first] in (",", ";"))
    if clause.last - k < 3:
        return False
    first, second = norms[k].lower(), norms[k + 1]
    return first in _THEM and word_info(second)[0] in _AMONG and "LOC" in word_info(second)[1]


def _list_before(args: list[Arg], norms: list[str], end: int) -> list[Arg]:
    """The arguments that form a list ending right before token ``end``."""
    group: list[Arg] = []
    for arg in reversed(args):
        edge = group[0].first if group else end
        if not all(norms[k].lower() in SEPARATORS for k in range(arg.last, edge)):
            break
        if not group and arg.last != end:
            break
        group.insert(0, arg)
    return group
