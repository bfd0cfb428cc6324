"""Bracketed lifespans: «Абылай (1711–1781)» — the years right after a person are their birth
and death, which «туған жылы» / «қайтыс болған жылы» questions ask for. Reads a passage's text
and its person spans."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from derek.query.passages import Passage

_LIFESPAN = re.compile(r"\(\s*(\d{3,4})\s*[-–—]\s*(\d{3,4})\s*\)")
BIRTH_VERBS = frozenset({"ту"})  # туған (born)
DEATH_VERBS = frozenset({"қайтыс", "өл", "қаза"})  # қайтыс болды, өлді, қаза тапты (died)


def lifespan_side(terms: list[str]) -> int:
    """Which year of a lifespan the question asks: 1 for birth («туған»), 2 for death, else 0."""
    return 1 if set(terms) & BIRTH_VERBS else 2 if set(terms) & DEATH_VERBS else 0


def lifespans(passage: Passage) -> list[re.Match[str]]:
    """«Абылай (1711–1781)»: bracketed years right after a person are their birth and death."""
    ends = {x["end"] - passage.start for x in passage.spans if x["kind"] == "entity" and x["label"] == "person"}
    return [m for m in _LIFESPAN.finditer(passage.text) if any(0 <= m.start() - e <= 1 for e in ends)]
