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
        if i in taken or not tok.norm[:1].isalpha():
            continue
        entity = _deictic(tok.norm, doc.tokens[i - 1].norm.lower() if i else "", home)
        if entity is None or entity not in entries:
            continue
        entry = entries[entity]
        start = doc.tokens[i - 1].start if i and doc.tokens[i - 1].norm.lower() == OUR else tok.start
        mention = EntityMention(start, tok.end, doc.text[start : tok.end], entry.type, entity, entry.name,
                                entry.wikidata, "deixis")
        mention.case = case_of(tok.norm)
        found.append(mention)
    return found


def _deictic(norm: str, before: str, home: dict[str, str]) -> str | None:
    for reading in analyze(norm.lower()):
        if reading.lemma in home and reading.pos == "NOUN":
            if "POSS.1PL" in reading.tags or (before == OUR and not any(t.startswith("POSS") for t in reading.tags)):
                return home[reading.lemma]
    return None
