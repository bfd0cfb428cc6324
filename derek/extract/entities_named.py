"""Institutions named after someone: «Абай атындағы Қазақ ұлттық педагогикалық университеті»,
and bodies named by their place: «Орынбор шекара комиссиясы».

Kazakh names a school, theatre or university after a person with «X атындағы» ("bearing X's
name") and closes the name with the institution's head noun. The whole phrase is one
organization (names are not nested, entities_gold.md): the person and the city inside it
(«Қорқыт Ата атындағы Қызылорда … университетінің») are no mentions of their own.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.entities_heads import MakeMention
from derek.extract.gazetteer import case_of
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_list
from derek.lang.kk.segment import initial_letter

# at most this many words between «атындағы» and the head noun («Қазақ ұлттық аграрлық зерттеу»)
MAX_BETWEEN = 6
_STOP_POS = frozenset({"VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM"})
# at most this many words between a place and the head of the body it names («Ұлттық ғылым»)
MAX_BODY_WORDS = 3
# gazetteer types a body takes its name from: a state, a city, a region (no river or mountain)
BODY_PLACES = frozenset({"state", "place", "city", "region"})


@cache
def institution_heads() -> frozenset[str]:
    return frozenset(load_list("institution_heads.txt"))


def is_named_after(norm: str) -> bool:
    """«атындағы»: «ат» (name) with the 3rd-person possessive, the locative and the attributive."""
    if not norm.startswith("атын"):
        return False
    return any(a.lemma == "ат" and {"POSS.3", "LOC", "ATTR"} <= set(a.tags) for a in analyze(norm)[:3])


def _head_at(norm: str) -> bool:
    """An institution head tied to the name by the 3rd-person possessive, any case («университетінің»)."""
    return any(a.lemma in institution_heads() and "POSS.3" in a.tags and "PL" not in a.tags
               for a in analyze(norm)[:3])


def named_institutions(doc: Document, mentions: list[EntityMention], barred: set[int],
                       make: MakeMention) -> list[EntityMention]:
    """``mentions`` with each «X атындағы … <head>» phrase made one organization; mentions inside
    it are dropped."""
    tokens = doc.tokens
    found: list[EntityMention] = []
    for j, tok in enumerate(tokens):
        if j == 0 or not is_named_after(tok.norm):
            continue
        if any(m.start <= tok.start < m.end for m in mentions):
            continue  # a gazetteer row with «атындағы» in its name («Әл-Фараби атындағы …») matched
        a = _name_start(doc, j)
        b = _head_end(doc, j)
        if a is None or b is None or not barred.isdisjoint(range(j + 1, b)):
            continue
        found.append(make(doc, a, b, "organization"))
    if not found:
        return mentions
    spans = [(m.start, m.end) for m in found]
    kept = [m for m in mentions if not any(s < m.end and m.start < e for s, e in spans)]
    return kept + found


def _name_start(doc: Document, j: int) -> int | None:
    """The first token of the name before «атындағы»: capitalized words and initials typed next
    to each other; a sentence's first word that is a common noun is a title («Академик
    Е.А.Бөкетов атындағы»), not part of the name."""
    tokens = doc.tokens
    firsts = {s.first_token for s in doc.sentences}
    a = j
    while a > 0 and tokens[a].start - tokens[a - 1].end <= 1:
        prev = tokens[a - 1].norm
        name_word = prev[:1].isupper() and prev.replace("-", "").replace(".", "").isalpha()
        if not (name_word or prev == "." and a > 1 and initial_letter(tokens[a - 2].norm)):
            break
        a -= 1
        if a in firsts:
            break
    while a < j and a in firsts and (readings := analyze(tokens[a].norm)[:1]) and readings[0].pos != "PROPN":
        a += 1
    return a if a < j else None


def _head_end(doc: Document, j: int) -> int | None:
    """One past the institution head within MAX_BETWEEN words after «атындағы», in its sentence."""
    tokens = doc.tokens
    k = bisect_left([s.first_token for s in doc.sentences], j + 1) - 1
    end = doc.sentences[k].last_token if k >= 0 else len(tokens)
    for i in range(j + 1, min(end, j + 2 + MAX_BETWEEN)):
        norm = tokens[i].norm
        if not norm.replace("-", "").isalpha():
            return None
        if norm.islower() and _head_at(norm):
            return i + 1
        readings = analyze(norm)[:1]
        if readings and readings[0].pos in _STOP_POS:
            return None
    return None


@cache
def body_heads() -> frozenset[str]:
    """Heads of a public body named by its place (data/body_heads.txt); not a school's heads, whose
    name after a place is a literal new name the facts read («Сібір … училищесі»)."""
    return frozenset(load_list("body_heads.txt"))


def _body_head_at(norm: str) -> bool:
    return any(a.lemma in body_heads() and "POSS.3" in a.tags and "PL" not in a.tags for a in analyze(norm)[:3])


def place_bodies(doc: Document, mentions: list[EntityMention], barred: set[int],
                 make: MakeMention) -> list[EntityMention]:
    """``mentions`` with each «<state or place> <words> <head>» phrase made one organization: a
    gazetteer state or place (nominative or genitive), one to MAX_BODY_WORDS nominative words and
    a body's head with the possessive name a body of that place, not the place («Орынбор шекара
    комиссиясына», «Ресей Федерациясының Қорғаныс министрлігінің»). With no word between,
    «Қытай әскері» is the army of a state and stays a state."""
    starts = [t.start for t in doc.tokens]
    blocked = set(barred)
    for m in mentions:
        if m.source == "gazetteer" or m.type != "organization":
            # (a CRF body after the place is its later words: «ҚР» + «Ұлттық ғылым академиясының»)
            blocked.update(range(bisect_left(starts, m.start), bisect_left(starts, m.end)))
    found = []
    for m in mentions:
        if m.source != "gazetteer" or m.type not in BODY_PLACES or m.case not in ("NOM", "GEN"):
            continue
        b = _body_end(doc, bisect_left(starts, m.end), blocked)
        if b is not None:
            found.append(make(doc, bisect_left(starts, m.start), b, "organization"))
    if not found:
        return mentions
    return [m for m in mentions if not any(f.start <= m.start and m.end <= f.end for f in found)] + found


def _body_end(doc: Document, j: int, blocked: set[int]) -> int | None:
    """One past a body head that closes 1..MAX_BODY_WORDS nominative words from token ``j``."""
    tokens = doc.tokens
    for i in range(j, min(len(tokens), j + MAX_BODY_WORDS + 1)):
        norm = tokens[i].norm
        if i in blocked or not norm.replace("-", "").isalpha():
            return None
        if i > j and _body_head_at(norm):
            return i + 1
        readings = analyze(norm)[:1]
        if readings and readings[0].pos in _STOP_POS or case_of(norm) != "NOM":
            return None
    return None
