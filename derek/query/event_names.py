"""An event named by its place: «Астана саммиті», «Стамбул кездесуі». «ЕҚЫҰ-ның Астана саммиті қашан
өтті?» asks one meeting of a series; a sentence about another meeting of the same owner («Алматыда …
министрлерінің кездесуі болды, онда саммит шақыру …») shares the owner and the event noun and
was the confident wrong answer (session 22, a lead probe: 0.79). A sentence that names a meeting of
the asked kind and another venue, but not the asked place (neither as an entity nor as a word with
the place's lemma, nor in the sentence before it that it refers back to), is about another meeting. The event nouns
are the extraction's (derek/extract/events.py ``EVENT_NOUNS``), compared by lemma.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from derek.extract.events import EVENT_NOUNS
from derek.extract.rules import best_tags, word_info

if TYPE_CHECKING:
    from derek.doc import Token
    from derek.query.passages import Passage
    from derek.query.question import Question

# under the support floor for a sentence that matched the rest well (0.83 → 0.41), a tie-breaker
# otherwise; the sentence may still answer when nothing better names the place
EVENT_ELSEWHERE = 0.5
PLACE_TYPES = frozenset({"city", "place"})
VENUE_TAGS = frozenset({"LOC", "ATTR"})  # «Алматыда», «Стамбұлдағы»


def event_noun(token: Token) -> str | None:
    """The event noun a word is a form of («саммитінде» → саммит), by its lemma."""
    for lemma in (token.lemma.lower(), word_info(token.norm.lower())[0]):
        if lemma in EVENT_NOUNS:
            return lemma
    return None


def asked_events(question: Question) -> list[tuple[str, str, str]]:
    """(place id, place lemma, event noun) for each place in the nominative right before an event
    noun of the question: «Астана саммиті» → (place:astana, астана, саммит)."""
    found = []
    tokens = question.tokens
    for e in question.entities:
        if e.type not in PLACE_TYPES or e.case != "NOM":
            continue
        k = next((i for i, t in enumerate(tokens) if t.end == e.end), None)
        if k is not None and k + 1 < len(tokens) and (noun := event_noun(tokens[k + 1])):
            found.append((e.entity, tokens[k].lemma.lower(), noun))
    return found


def _names_place(passage: Passage, place: str, lemma: str) -> bool:
    if any(s["kind"] == "entity" and s.get("value") == place for s in passage.spans):
        return True
    return any(t.lemma.lower() == lemma for t in passage.tokens)


def _other_venue(passage: Passage, place: str) -> bool:
    """The sentence names a place other than the asked one as a venue: in the locative or «-дағы»
    («Алматыда … кездесуі», «Стамбұлдағы саммит») or right before an event noun («Стамбул
    кездесуі»). A bare «Саммитке 56 … келді» names none and goes on about the meeting the text is
    about, and a place in another role («Балтық елдері … қатысты») may be the very answer (session
    22: a first version without this condition lost own q105 and blind 2 c033)."""
    kind = place.split(":")[0]
    tokens = passage.tokens
    for s in passage.spans:
        if s["kind"] != "entity" or s.get("value") == place or str(s.get("value", "")).split(":")[0] != kind:
            continue
        end = s["end"] - passage.start
        k = next((i for i, t in enumerate(tokens) if t.end == end), None)
        if k is None:
            continue
        if best_tags(tokens[k].norm) & VENUE_TAGS or (k + 1 < len(tokens) and event_noun(tokens[k + 1])):
            return True
    return False


def _names_event(tokens: list[Token], lemma: str, noun: str) -> bool:
    """The place's word right before the event noun: the sentence names that very meeting."""
    return any(a.lemma.lower() == lemma and event_noun(b) == noun for a, b in pairwise(tokens))


def event_name_factor(passage: Passage, question: Question) -> float:
    """×0.5 for a sentence naming a meeting of the asked kind and another venue, not the asked
    place, unless the sentence it refers back to («Бұл саммит …», «Сол жылы …») names the asked meeting itself (a
    place named there for another event does not count: «Астанада … конференция»); 1.0 otherwise,
    and when the question names no event by place."""
    for place, lemma, noun in asked_events(question):
        if not any(event_noun(t) == noun for t in passage.tokens):
            continue
        if _other_venue(passage, place) and not _names_place(passage, place, lemma) and not (
                passage.context is not None and _names_event(passage.context.tokens, lemma, noun)):
            return EVENT_ELSEWHERE
    return 1.0
