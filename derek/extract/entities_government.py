"""The Government named by its bare common noun: «Үкімет резервінен», «Үкімет отырысында».

Kazakh news capitalizes «Үкімет» for the Government of the writer's country and names no state
with it; derek reads it as the home state's body (data/home_bodies.tsv). After another state's
name («Ресей Үкіметі») the noun is that state's, and a later bare «Үкімет» keeps pointing at it.
Reads ``doc.tokens`` and the mentions found so far; returns the mentions with these linked.
"""

from __future__ import annotations

from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import case_of, load_gazetteer
from derek.extract.post_coordination import time_words
from derek.extract.rules import MARKED_CASES, word_info
from derek.lang.kk.resources import load_tsv


@cache
def home_bodies() -> dict[str, tuple[str, str]]:
    """Lemma → (body entity, the state it belongs to)."""
    rows = load_tsv("home_bodies.tsv", package="derek.extract")
    return {row["lemma"]: (row["entity"], row["state"]) for row in rows}


def home_body_mentions(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` with each bare capitalized body noun linked to the body of the state the text
    last gave one to (the home state unless another state's «Үкіметі» came before)."""
    bodies = home_bodies()
    prefixes = tuple(lemma[:3] for lemma in bodies)  # a cheap first test before the morphology
    firsts = {s.first_token for s in doc.sentences}
    ends = {m.end: m for m in mentions}
    owner: dict[str, str] = {}  # body lemma → the state its bare noun points at, as the text goes
    kept, added = list(mentions), []
    for i, tok in enumerate(doc.tokens):
        if not tok.norm[:1].isupper() or not tok.norm.lower().startswith(prefixes):
            continue
        lemma, tags, pos = word_info(tok.norm)
        if lemma not in bodies or pos not in ("NOUN", "X"):
            continue
        entity, home = bodies[lemma]
        before = ends.get(doc.tokens[i - 1].end) if i > 0 and i not in firsts else None
        if before is not None and before.type == "state":
            owner[lemma] = before.entity  # «Ресей Үкіметі»: Russia's; «Қазақстан Үкіметі»: ours
            continue
        if "POSS.3" in tags or i > 0 and i not in firsts and _names_another(doc.tokens[i - 1].norm, i - 1 in firsts):
            continue  # «Үкіметі» of an owner not named, «Уақытша Үкімет»: another government
        inside = [m for m in kept if m.start < tok.end and tok.start < m.end]
        if owner.get(lemma, home) != home or any(not m.entity.startswith("prov:") for m in inside):
            continue
        kept = [m for m in kept if m not in inside]
        entry = load_gazetteer().entries[entity]
        added.append(EntityMention(tok.start, tok.end, tok.norm, entry.type, entity, entry.name,
                                   entry.wikidata, "gazetteer", case_of(tok.norm)))
    return sorted(kept + added, key=lambda m: (m.start, m.end)) if added else mentions


def _names_another(before: str, opens_sentence: bool) -> bool:
    """Does the capitalized word before the body noun name another one («Уақытша Үкімет», «Кеңес
    Үкіметі»)? A sentence's first word is capitalized anyway, so there it does only as a bare
    modifier: not in a case («Көктемде Үкімет …») and not a time word (data/time_words.txt:
    «Кеше Үкімет …», «Биыл Үкімет …»)."""
    if not before[:1].isupper():
        return False
    if not opens_sentence:
        return True
    _, tags, pos = word_info(before)
    return before.lower() not in time_words() and pos in ("ADJ", "PROPN", "NOUN", "X") and not tags & MARKED_CASES
