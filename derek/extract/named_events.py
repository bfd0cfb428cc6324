"""Named events as facts: a festival, gathering or summit the entity stage found as a name
(provisional or not) that «өтті / өтеді» in a place gives held_in(event, place, date).
Reads Document entities and the figures' TokenIndex (which keeps provisional places)."""

from __future__ import annotations

from functools import cache

from derek.doc import Document, Fact, Sentence
from derek.extract.doc_names import QUOTES
from derek.extract.index import TokenIndex, provisional_name
from derek.extract.oblique_owners import figure_clause
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_list


@cache
def held_verbs() -> frozenset[str]:
    """Verb lemmas of an event taking place (extract/data/held_verbs.txt)."""
    return frozenset(line.strip().lower() for line in load_list("held_verbs.txt", "derek.extract"))


def named_event_facts(doc: Document, sentence: Sentence, index: TokenIndex) -> list[Fact]:
    """«"Туған жер" фестивалі Орал өңірінде өтті», «Айбын … жиыны … полигонында өтеді»: a named
    event (an event mention written as a name, provisional or not) whose possessed head noun is
    the nominative subject of a finite held verb (held_verbs.txt) gives held_in(event, each
    place in the locative or «-дағы» in its clause, each date there or none). ``index`` is the
    figures' index, which keeps provisional places. Not when the event is in another case
    («фестиваліне қатысты») or the verb is a participle («өткен фестиваль»: another noun's)."""
    starts = frozenset(doc.tokens[s.first_token].start for s in (sentence,))
    facts: list[Fact] = []
    for m in doc.entities:
        if not (sentence.start <= m.start < sentence.end and m.type == "event"
                and (m.source == "gazetteer" or provisional_name(doc, m, starts, ("event",)))):
            continue
        a, b = index.token_span(m)
        head = _event_head(index.norms, a, b, sentence.last_token)
        if head is None:
            continue
        first, last = figure_clause(index.norms, sentence, a, head + 1)
        if not any(_held(index.norms[k]) for k in range(head + 1, last)):
            continue
        places = [p for s, e, p in index.mentions_in(first, last) if p is not m and p.type in _VENUES
                  and (p.case in ("LOC", "ATTR") or _located_head(index.norms, e))]
        times = [d.value for _, d in index.dates_in(first, last)] or [None]
        facts += [Fact(m.entity, "held_in", p.entity, None, t, None, sentence.start, sentence.end, 0.65)
                  for p in places for t in times]
    return facts


_VENUES = ("state", "city", "region", "place")
_BETWEEN_HEAD = 4  # «Айбын» республикалық әскери-патриоттық жастар жиыны: bare words before the head


def _event_head(norms: list[str], a: int, b: int, end: int) -> int | None:
    """The token of the event's possessed nominative head noun: the name's own last word
    («… саммиті») or one after it past a closing quotation mark and a few bare words
    («"Туған жер" фестивалі», «Айбын … жастар жиыны»)."""
    for k in range(b - 1, min(b + _BETWEEN_HEAD + 1, end)):
        if norms[k] in QUOTES:
            continue
        _, tags, pos = word_info(norms[k])
        if k >= b and (not norms[k][:1].islower() or pos in ("VERB", "AUX", "NUM", "PRON")):
            return None
        if pos == "NOUN" and tags == frozenset({"POSS.3"}):
            return k
        if k >= b and tags - {"PL", "DER.LYQ"}:
            return None  # a case-marked word: the name is no subject here
    return None


def _held(norm: str) -> bool:
    """A finite verb of taking place: «өтті», «өтеді», «ұйымдастырылды» (not «өткен», «өтетін»)."""
    lemma, tags, pos = word_info(norm.lower())
    if pos != "VERB" or lemma not in held_verbs() or any(t.startswith(("PTCP", "VNOUN")) for t in tags):
        return False
    return bool(tags & {"PAST", "3", "INTENT"}) and (lemma == "өт" or "PASS" in tags)


def _located_head(norms: list[str], e: int) -> bool:
    """A name whose lowercase possessed head noun right after it is in the locative or «-дағы»
    («Түркістан қаласында», «"Спасск" полигонында»)."""
    e += e < len(norms) and norms[e] in QUOTES
    if e >= len(norms) or not norms[e][:1].islower():
        return False
    tags = word_info(norms[e])[1]
    return "POSS.3" in tags and bool(tags & {"LOC", "ATTR"})
