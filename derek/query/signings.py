"""One treaty, one signing: the signers a list question asks for are those of its first signing.

«ЕАЭО туралы шартқа қай мемлекеттердің президенттері қол қойды?» — a table of members dates each
state's signature, and the states that joined later signed their accession on later days. A treaty
is signed on one day by its parties; a later signature is an accession (own set, q116).
"""

from __future__ import annotations

from typing import Any

from derek.query.facts import compatible

SIGNED = "signed"


def _times(fact: dict[str, Any]) -> set[str]:
    return {s["time"] for s in fact.get("sources") or [] if s.get("time")} | (
        {fact["time"]} if fact.get("time") else set())


def first_signing(found: list) -> list:
    """``found`` (value, fact, confidence) without the signers of a treaty dated only after its
    first signing, when at least two signers share that first day and every signer is dated (an
    undated signer cannot be placed, so nothing is dropped). Other facts pass untouched."""
    treaties: dict[str, list[tuple[Any, set[str]]]] = {}
    for item in found:
        fact = item[1]
        if fact["predicate"] == SIGNED and fact.get("object"):
            treaties.setdefault(fact["object"]["id"], []).append((item, _times(fact)))
    dropped: set[int] = set()
    for signers in treaties.values():
        if any(not times for _, times in signers):
            continue
        first = min(t for _, times in signers for t in times)
        later = [item for item, times in signers if not any(compatible(t, first) for t in times)]
        if later and len(signers) - len(later) >= 2:
            dropped |= {id(item) for item in later}
    return [item for item in found if id(item) not in dropped]
