"""Fact trigger rules (extract/data/triggers.tsv) and the clause view the fact extractor reads.

A clause is a run of tokens with one predicate; its arguments are entity mentions with their
grammatical case (Kazakh marks roles by case: the organization one joins is dative, the one
one leaves is ablative), dates and quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_tsv

ROLES = frozenset({"associate_member_of", "observer_of", "dialogue_partner_of", "founding_member_of"})
BULLETS = frozenset({"-", "–", "—", "*", "•"})  # list-line markers («- Өзбекстан — 2001 жылдан;»)


@dataclass(slots=True, frozen=True)
class Rule:
    predicate: str
    trigger: tuple[tuple[str, str | None], ...]  # (lemma, "PASS" / "ACT" / None)
    subject_cases: frozenset[str]
    subject_types: frozenset[str]
    object_cases: frozenset[str]
    object_types: frozenset[str]  # empty: the predicate takes no entity object
    value: str  # "none" or "phrase"
    confidence: float


@dataclass(slots=True)
class Arg:
    """An entity mention seen as an argument: its id, type, case and token range."""

    entity: str
    type: str
    case: str
    first: int
    last: int  # exclusive
    excluded: bool = False
    anaphor: bool = False


@dataclass(slots=True)
class Clause:
    first: int  # token range in the document
    last: int
    args: list[Arg] = field(default_factory=list)


def _side(cell: str) -> tuple[frozenset[str], frozenset[str]]:
    if cell == "-":
        return frozenset(), frozenset()
    cases, _, types = cell.partition(":")
    return frozenset(cases.split(",")), frozenset(types.split("|"))


def _trigger(cell: str) -> tuple[tuple[str, str | None], ...]:
    words = []
    for word in cell.split():
        lemma, _, voice = word.partition("+")
        words.append((lemma, voice or None))
    return tuple(words)


@cache
def load_rules() -> tuple[Rule, ...]:
    rules = []
    for row in load_tsv("triggers.tsv", "derek.extract"):
        subj_cases, subj_types = _side(row["subject"])
        obj_cases, obj_types = _side(row["object"])
        rules.append(Rule(row["predicate"], _trigger(row["trigger"]), subj_cases, subj_types,
                          obj_cases, obj_types, row["value"], float(row["confidence"])))
    # specific membership roles claim their words before plain member_of; then longest first
    return tuple(sorted(rules, key=lambda r: (r.predicate not in ROLES, -len(r.trigger))))


# A verb stem in -й takes the verbal noun -ю (қой → қою), which the analyser does not parse
# when a possessive follows («қол қоюы», «қоюының»): read such a word by its surface stem.
_GLIDE_VNOUN = re.compile(r"(\w+)ю(ы|і)(н|ның|нің|на|не|нда|нде|нан|нен|мен)?")
_GLIDE_CASES = {"ның": "GEN", "нің": "GEN", "на": "DAT", "не": "DAT", "нда": "LOC", "нде": "LOC",
                "нан": "ABL", "нен": "ABL", "н": "ACC", "мен": "INS"}


def _glide_vnoun(norm: str) -> tuple[str, frozenset[str]] | None:
    """(stem, tags) of «қоюы», «қоюының» (verbal noun of a stem in -й), else None."""
    m = _GLIDE_VNOUN.fullmatch(norm.lower())
    if not m:
        return None
    case = _GLIDE_CASES.get(m.group(3) or "")
    return m.group(1) + "й", frozenset({"VNOUN", "POSS.3"} | ({case} if case else set()))


@lru_cache(maxsize=100_000)
def word_info(norm: str) -> tuple[str, frozenset[str], str]:
    """(lemma lowercased, suffix tags, coarse POS) of the best analysis of a word."""
    analyses = analyze(norm)
    if not analyses or analyses[0].pos != "VERB":
        glide = _glide_vnoun(norm)
        if glide:
            return glide[0], glide[1], "VERB"
    if not analyses:
        return norm.lower(), frozenset(), "X"
    best = analyses[0]
    return best.lemma.lower(), frozenset(best.tags), best.pos


@lru_cache(maxsize=100_000)
def readings(norm: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(lemma, tags) of the few best analyses: a trigger may match any of them."""
    found = [(norm.lower(), frozenset())]
    found += [(a.lemma.lower(), frozenset(a.tags)) for a in analyze(norm)[:3]]
    glide = _glide_vnoun(norm)
    if glide and not any("VNOUN" in tags for _, tags in found):
        found.append(glide)
    return tuple(found)


def _fits(norm: str, lemma: str, voice: str | None) -> bool:
    for word_lemma, tags in readings(norm):
        if word_lemma == lemma and (voice is None or (voice == "PASS") == ("PASS" in tags)):
            return True
    return False


def trigger_matches(rule: Rule, norms: list[str], i: int) -> bool:
    """Does ``rule``'s trigger start at word ``i`` of ``norms``?"""
    if i + len(rule.trigger) > len(norms):
        return False
    return all(_fits(norms[i + k], lemma, voice) for k, (lemma, voice) in enumerate(rule.trigger))


def negated(norms: list[str], end: int) -> bool:
    """The trigger's verb is negative (қосылмады) or followed by «емес»."""
    _, tags, _ = word_info(norms[end - 1])
    return "NEG" in tags or (end < len(norms) and norms[end].lower() == "емес")
