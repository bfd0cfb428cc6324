"""The writer's own country named by deixis: «еліміз», «Республикамыздың», «біздің мемлекет».

Such words are references, not names, so their mentions carry ``source="deixis"`` (the named-
mention benchmark leaves them out) but link to the home state so facts and answers can use them.
"""

from __future__ import annotations

from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import case_of, load_gazetteer
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_tsv

OUR = "біздің"


@cache
def _home() -> dict[str, str]:
    return {row["lemma"]: row["entity"] for row in load_tsv("home_deixis.tsv", package="derek.extract")}


def deixis_mentions(doc: Document, taken: set[int]) -> list[EntityMention]:
    """A mention of the home state for each deictic noun outside ``taken`` token indexes."""
    home, entries = _home(), load_gazetteer().entries
    found = []
    for i, tok in enumerate(doc.tokens):
        readings = _DEICTIC.get(tok.norm)
        if readings is None:
            readings = _deictic_readings(tok.norm, home)
        if readings is _NEITHER or i in taken:
            continue
        entity = readings[i > 0 and doc.tokens[i - 1].norm.lower() == OUR]
        if entity is None or entity not in entries:
            continue
        entry = entries[entity]
        start = doc.tokens[i - 1].start if i and doc.tokens[i - 1].norm.lower() == OUR else tok.start
        mention = EntityMention(start, tok.end, doc.text[start : tok.end], entry.type, entity, entry.name,
                                entry.wikidata, "deixis")
        mention.case = case_of(tok.norm)
        found.append(mention)
    return found


_NEITHER = (None, None)
_DEICTIC: dict[str, tuple[str | None, str | None]] = {}  # memo of _deictic_readings per form
_MAX_FORMS = 200_000


def _deictic_readings(norm: str, home: dict[str, str]) -> tuple[str | None, str | None]:
    """The home entity ``norm`` refers to, without and with «біздің» before it (memoized)."""
    if len(_DEICTIC) >= _MAX_FORMS:  # a long archive's vocabulary must not grow memory
        _DEICTIC.clear()
    readings = _NEITHER
    if norm[:1].isalpha():
        readings = (_deictic(norm, "", home), _deictic(norm, OUR, home))
        readings = _NEITHER if readings == _NEITHER else readings  # most words: one shared tuple
    _DEICTIC[norm] = readings
    return readings


def _deictic(norm: str, before: str, home: dict[str, str]) -> str | None:
    for reading in analyze(norm.lower()):
        if reading.lemma in home and reading.pos == "NOUN":
            if "POSS.1PL" in reading.tags or (before == OUR and not any(t.startswith("POSS") for t in reading.tags)):
                return home[reading.lemma]
    return None
