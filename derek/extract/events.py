"""Meetings as facts: «Ұйымның 1999 жылғы Стамбул кездесуі», «Алматыда ЕҚЫҰ … кездесуі болды»
give held_in(organization, place, date) without a verb trigger.

Reads the clause arguments and dates the fact extractor built; returns Document facts.
"""

from __future__ import annotations

from derek.doc import DateMention, Fact, Sentence
from derek.extract.rules import Arg, Clause, word_info

# Head nouns of a meeting of an organization's members.
EVENT_NOUNS = frozenset({"саммит", "кездесу", "отырыс", "жиналыс", "конференция"})
_PLACES = ("city", "place")


def event_facts(sentence: Sentence, clause: Clause, norms: list[str], dates: list[DateMention]) -> list[Fact]:
    """One held_in fact per meeting noun that has an owner organization and a place in its
    clause, for each date («2005, 2011, 2017 және 2024 жылдары»: four meetings)."""
    facts = []
    for i in range(clause.first, clause.last):
        lemma, tags, _ = word_info(norms[i])
        if lemma not in EVENT_NOUNS:
            continue
        owner = _owner(clause.args, i)
        place = _place(clause.args, i) or (_host(clause.args) if "ACC" in tags else None)
        if owner is not None and place is not None:
            facts += [Fact(owner.entity, "held_in", place.entity, None, d.value, None,
                           sentence.start, sentence.end, 0.7) for d in dates]
    return facts


def _host(args: list[Arg]) -> Arg | None:
    """«Астана … отырыстарын … қабылдады»: the city that hosts (receives) the meetings."""
    return next((a for a in args if a.type in _PLACES and a.case == "NOM"), None)


def _owner(args: list[Arg], i: int) -> Arg | None:
    """The organization whose meeting it is: the nearest one before the noun, in the genitive
    or unmarked («ЕҚЫҰ … кездесуі», «Ұйымның … кездесуі»)."""
    owners = [a for a in args if a.last <= i and a.case in ("GEN", "NOM")
              and a.type in ("organization", "body") and not a.excluded]
    return owners[-1] if owners else None


def _place(args: list[Arg], i: int) -> Arg | None:
    """Where: a locative or «-дағы» place in the clause, or a city named right before the noun
    («Стамбул кездесуі», «Астана саммиті»)."""
    for a in args:
        if a.type in _PLACES and (a.case in ("LOC", "ATTR") or (a.case == "NOM" and a.last == i)):
            return a
    return None
