"""Events named by their kind after the place that gathers them: «Орта Азия мемлекеттері
басшыларының саммиті», «Еуропа елдерінің жастар фестивалі» are one event mention each.

Reads the mentions found so far and ``doc.tokens``; returns the mentions with the place and the
words up to the head noun (data/event_heads.txt) merged into a provisional event.
"""

from __future__ import annotations

from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.entities_heads import MakeMention
from derek.extract.gazetteer import case_of
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_list

# at most this many lowercase words between the place and the head («мемлекеттері басшыларының»)
MAX_BETWEEN = 3
# a place gathers an event; a state or an organization before a meeting owns it («ШЫҰ елдері
# басшыларының саммиті»: events.py's held_in needs the organization), so those stay
GATHERING_PLACES = frozenset({"place", "region", "city"})
_WORDS = frozenset({"NOUN", "ADJ", "X"})


@cache
def event_heads() -> frozenset[str]:
    return frozenset(load_list("event_heads.txt"))


def _is_head(norm: str) -> bool:
    lemma, tags, _ = word_info(norm)
    return norm[:1].islower() and lemma in event_heads() and "POSS.3" in tags and "PL" not in tags


def event_mentions(doc: Document, mentions: list[EntityMention], make: MakeMention) -> list[EntityMention]:
    """``mentions`` with each place + lowercase words + event head replaced by one event."""
    tokens = doc.tokens
    by_end = {m.end: m for m in mentions}
    token_at = {t.start: i for i, t in enumerate(tokens)}
    firsts = {s.first_token for s in doc.sentences}
    merged: dict[int, EntityMention] = {}  # id of the place mention → its event
    for h, tok in enumerate(tokens):
        if not _is_head(tok.norm):
            continue
        k = h - 1
        while (k > 0 and h - k <= MAX_BETWEEN and k not in firsts and tokens[k].norm.isalpha()
               and tokens[k].norm.islower() and word_info(tokens[k].norm)[2] in _WORDS):
            k -= 1
        place = by_end.get(tokens[k].end) if k < h - 1 else None
        if (place is None or place.type not in GATHERING_PLACES or place.case not in ("NOM", "GEN")
                or id(place) in merged):
            continue  # «Астанада … әлем чемпионаты»: the locative says where, it names nothing
        event = make(doc, token_at[place.start], h + 1, "event")
        event.case = case_of(tok.norm)
        merged[id(place)] = event
    if not merged:
        return mentions
    return sorted((merged.get(id(m), m) for m in mentions), key=lambda m: (m.start, m.end))
