"""Meetings as facts: «Ұйымның 1999 жылғы Стамбул кездесуі», «Алматыда ЕҚЫҰ … кездесуі болды»
give held_in(organization, place, date) without a verb trigger (a named event that «өтті» in a
place: named_events.py).

Reads the clause arguments and dates the fact extractor built; returns Document facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Fact, Sentence
from derek.extract.rules import Arg, Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

# Head nouns of a meeting of an organization's members.
EVENT_NOUNS = frozenset({"саммит", "кездесу", "отырыс", "жиналыс", "конференция"})
_PLACES = ("city", "place")
_MAX_SUFFIX = 6  # «саммитінде»: a loanword the morphology does not know keeps its stem


def event_facts(sentence: Sentence, clause: Clause, norms: list[str], dates: list[tuple[int, DateMention]],
                topic: Arg | None = None) -> list[Fact]:
    """One held_in fact per meeting noun that has an owner organization and a place, for each
    date («2005, 2011, 2017 және 2024 жылдары»: four meetings). With several meeting nouns in
    a clause («Стамбұлдағы үшінші саммит 2010 жылы, Шанхайдағы төртінші саммит 2014 жылы …»)
    each takes the place and dates of its own comma-separated part. A numbered or named
    meeting with no owner in the clause («үшінші саммит», «Астана саммиті») belongs to
    ``topic``, the organization the text last named."""
    nouns = [i for i in range(clause.first, clause.last) if _is_event_noun(norms[i])]
    facts = []
    for i in nouns:
        first, last = _part(clause, norms, i) if len(nouns) > 1 else (clause.first, clause.last)
        args = [a for a in clause.args if first <= a.first < last]
        place = _place(args, i) or (_host(args) if "ACC" in word_info(norms[i])[1] else None)
        owner = _owner(args, i) or (topic if place is not None and _specific(norms, i, place) else None)
        if owner is None or place is None:
            continue
        facts += [Fact(owner.entity, "held_in", place.entity, None, d.value, None,
                       sentence.start, sentence.end, 0.7) for a, d in dates if first <= a < last]
    return facts


def _is_event_noun(norm: str) -> bool:
    word = norm.lower()
    return word_info(word)[0] in EVENT_NOUNS or (word.startswith("саммит") and len(word) <= 6 + _MAX_SUFFIX)


def _part(clause: Clause, norms: list[str], i: int) -> tuple[int, int]:
    """The comma-separated part of the clause around token ``i``."""
    first = next((k + 1 for k in range(i - 1, clause.first - 1, -1) if norms[k] in (",", ";")), clause.first)
    last = next((k for k in range(i + 1, clause.last) if norms[k] in (",", ";")), clause.last)
    return first, last


def _specific(norms: list[str], i: int, place: Arg) -> bool:
    """«үшінші саммит», «алтыншы саммитте», «Астана саммиті»: one meeting of a series."""
    if place.case == "NOM" and place.last == i:
        return True
    prev = norms[i - 1].lower() if i > 0 else ""
    return "ORD" in word_info(prev)[1] or prev.endswith(("ншы", "нші", "ыншы", "інші"))


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


def renamed_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """«1995 жылғы 1 қаңтардан бастап кеңес Еуропадағы … ұйымы (ЕҚЫҰ) деп аталады», «2001
    жылдан бастап ШЫҰ деп аталатын болды»: renamed_to(the organization under its old name,
    the new name). The old one is named by a noun of its name in the clause («кеңес») or is
    the organization the text named last."""
    norms = index.norms
    for k in range(clause.first + 1, clause.last - 1):
        lemma, tags, _ = word_info(norms[k + 1])
        if norms[k].lower() != "деп" or lemma != "ата" or "PASS" not in tags:
            continue
        end = k - 3 if norms[k - 1] == ")" and k - 3 >= clause.first and norms[k - 3] == "(" else k
        new = next((a for a in clause.args if a.last == end and a.type in ("organization", "body")), None)
        if new is None:
            return []
        old = _old_name(clause, index, new)
        if old is None:
            return []
        name = " ".join(norms[new.first:new.last])  # as written, as history.reorganised_facts keeps it
        return [Fact(old, "renamed_to", None, name, date.value if date else None, None,
                     sentence.start, sentence.end, 0.7)]
    return []


def _old_name(clause: Clause, index: TokenIndex, new: Arg) -> str | None:
    for j in range(clause.first, new.first):
        found = index.antecedent_org(clause.first, word_info(index.norms[j])[0])
        if found and found[0] != new.entity and word_info(index.norms[j])[2] == "NOUN":
            return found[0]
    earlier = [m for _, _, m in index._before(clause.first) if m.type == "organization"]
    return next((m.entity for m in earlier if m.entity != new.entity), None)


# «төрағалық» (chairmanship) and the verbs by which it passes to someone: өт (pass), бер+PASS
# (be given), ауыс (move over).
_TURNS = frozenset({"төрағалық"})
_PASSES = {"өт": None, "бер": "PASS", "ауыс": None}


def handover_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None,
                   topic: Arg | None) -> list[Fact]:
    """«Кейінгі жылдары төрағалық Түркияға, Қытайға және Тәжікстанға өтті», «2020 жылдан
    бастап төрағалық қайтадан Қазақстанға берілді»: the chairmanship passes to the dative
    states, chaired(state, ``topic``, the organization the text last named)."""
    norms = index.norms
    verb = clause.last - 1 if norms[clause.last - 1][:1].isalpha() else clause.last - 2
    lemma, tags, _ = word_info(norms[verb])
    if topic is None or lemma not in _PASSES or (_PASSES[lemma] and _PASSES[lemma] not in tags):
        return []
    turn = next((k for k in range(clause.first, verb) if word_info(norms[k])[0] in _TURNS
                 and not word_info(norms[k])[1] and word_info(norms[k + 1])[0] != "ет"), None)
    if turn is None:
        return []
    states = [a for a in clause.args if a.case == "DAT" and a.type == "state" and turn < a.first < verb]
    return [Fact(a.entity, "chaired", topic.entity, None, date.value if date else None, None,
                 sentence.start, sentence.end, 0.7) for a in states]
