"""The possessor of a verbal noun whose clause does not name it: «Еліміздің … қосылуы, …
Шартына қол қоюы және … шартқа енуі» (one genitive owns every coordinated «-уы»)."""

from __future__ import annotations

from derek.extract.index import TokenIndex
from derek.extract.rules import Arg, Clause, Rule


def clause_owner(clause: Clause, types: frozenset[str] | set[str]) -> Arg | None:
    """The last genitive name of one of ``types`` in the clause («Еліміздің», «Қазақстанның»)."""
    owners = [a for a in clause.args if a.case == "GEN" and a.type in types and not a.excluded]
    return owners[-1] if owners else None


def possessor(rule: Rule, owner: Arg | None, index: TokenIndex, at: int, since: int,
              object_ids: set[str]) -> list[Arg]:
    """The owner of a possessive verbal noun with none in its clause: the genitive that owned
    the sentence's previous verbal noun, else the last subject-type name (a genitive first)
    since word ``since`` (the previous sentence's start), which is what the text is about."""
    if owner is not None and owner.type in rule.subject_types and owner.entity not in object_ids:
        return [owner]
    found = [(a, b, m) for a, b, m in index.mentions_in(since, at)
             if m.type in rule.subject_types and m.entity not in object_ids]
    best = next((x for x in reversed(found) if x[2].case == "GEN"), found[-1] if found else None)
    if best is None:
        return []
    a, b, m = best
    return [Arg(m.entity, m.type, "GEN", a, b, anaphor=True)]
