"""Figure owners set by the clause around the figure rather than by a name beside it (session 19,
round 2): the destination of people who arrive («Қазақстанға 2914 адам келді»), the place a
participle of living qualifies («80 мың адам тұратын Омбы облысында»), a coordinated pair of
places sharing one locative ending («Өскемен мен Семейде 600 теңге»), and a figure inside a
participle attribute («ұзындығы 500 км-ден асатын 12 өзен»), which measures the noun the
participle qualifies. Reads the TokenIndex of a sentence; used by facts_counts."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import EntityMention, Quantity, Sentence
from derek.extract.oblique_owners import PLACES, dative_name, figure_clause, is_currency
from derek.extract.rules import is_between, word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_JOINERS = {"мен", "пен", "бен", "және"}
_CONDITIONAL = {"егер", "егерде"}  # if: a sentence opening with it states a condition and its outcome
_CLAUSE_ENDS = {",", ";", ":", "(", ")", "."}
_PARTICIPLES = {"PTCP.IMPF", "PTCP.PAST", "PTCP.FUT"}


@cache
def arrival_verbs() -> frozenset[str]:
    """Verb lemmas of arriving (extract/data/arrival_verbs.txt)."""
    return frozenset(line.strip().lower() for line in load_list("arrival_verbs.txt", "derek.extract"))


@cache
def dwelling_verbs() -> frozenset[tuple[str, ...]]:
    """Verb lemmas of living somewhere, with the word before them when the entry has two
    (extract/data/dwelling_verbs.txt)."""
    return frozenset(tuple(line.strip().lower().split()) for line in load_list("dwelling_verbs.txt", "derek.extract"))


def arrival_destination(index: TokenIndex, sentence: Sentence, a: int, b: int, unit: str | None) -> EntityMention | None:
    """The place a count of people arrives at: the last place in the dative before the figure,
    when the clause's last verb is an arrival verb with no converb before it («Шетелден
    Қазақстанға 3500 адам келді»). Entrants are counted by the place that receives them. A
    resettlement («Жетісуға 200 мың адам көшті», «көшіп келді») moves a population between two
    places; the rulebook gives it no side, so it keeps no owner."""
    if unit != "person":
        return None
    first, last = figure_clause(index.norms, sentence, a, b)
    verbs = [k for k in range(b, last) if word_info(index.norms[k])[2] == "VERB"]
    if not verbs or word_info(index.norms[verbs[-1]])[0] not in arrival_verbs():
        return None
    if len(verbs) > 1 and verbs[-2] == verbs[-1] - 1:
        return None  # «көшіп келді»: the converb names the motion
    places = [m for _, e, m in index.mentions_in(first, a) if e <= a and m.type in PLACES and dative_name(index, m, e)]
    return places[-1] if places else None


def dwelling_place(index: TokenIndex, sentence: Sentence, b: int, at: int | None, unit: str | None) -> EntityMention | None:
    """The named place a participle of living qualifies when a count of people is its subject
    («Жүз мыңнан астам адам тұратын Омбы облысында …»): the population of that place. The
    participle must follow the figure (or its counted noun) directly and the name start right
    after it; «… адам тұратын ауылда» (no name) has no owner."""
    if unit != "person":
        return None
    k = max(b, at + 1 if at is not None else b)
    if k >= sentence.last_token:
        return None
    lemma, tags, pos = word_info(index.norms[k])
    if pos != "VERB" or not tags & _PARTICIPLES:
        return None
    before = index.norms[k - 1].lower() if k > 0 else ""
    if (lemma,) not in dwelling_verbs() and (before, lemma) not in dwelling_verbs():
        return None
    named = [m for s, _, m in index.mentions_in(k + 1, k + 2) if s == k + 1 and m.type in PLACES]
    return named[0] if named else None


def locative_pair(index: TokenIndex, sentence: Sentence, a: int) -> list[EntityMention]:
    """Two places before the figure that share one locative ending («Өскемен мен Семейде»: the
    first conjunct stays bare, the case suffix of the last serves both), with no other name or
    clause end between the pair and the figure."""
    first = a
    while first > sentence.first_token and index.norms[first - 1] not in _CLAUSE_ENDS:
        first -= 1
    named = index.mentions_in(first, a)
    if len(named) < 2:
        return []
    (_, e1, m1), (s2, e2, m2) = named[-2], named[-1]
    if e2 > a or m2.case != "LOC" or m1.case != "NOM" or m1.type not in PLACES or m2.type not in PLACES:
        return []
    if not (e1 + 1 == s2 and index.norms[e1].lower() in _JOINERS):
        return []
    return [m1, m2] if m1.entity != m2.entity else []


def pair_owners(index: TokenIndex, sentence: Sentence, a: int, q: Quantity) -> list[str] | None:
    """Owners of a figure after a locative pair (rulebook, dev8): a price holds in each place
    («Өскемен мен Семейде 600 теңге тұрады»: one row per place); a count is joint («Текелі мен
    Талдықорғанда 41 бала»: no row). None when the figure follows no such pair."""
    pair = locative_pair(index, sentence, a)
    if not pair:
        return None
    return [m.entity for m in pair] if is_currency(q) else []


def participle_attribute(index: TokenIndex, b: int) -> bool:
    """Does the figure's phrase end in a participle that qualifies what follows («ұзындығы 500
    км-ден асатын 12 өзен»)? Then the figure measures that noun, not a place named before it."""
    last = b - 1
    if last < 0 or b >= len(index.norms):
        return False
    _, tags, pos = word_info(index.norms[last])
    follows = index.norms[b]
    return pos == "VERB" and bool(tags & _PARTICIPLES) and (follows.isdigit() or follows[:1].islower())


def measure_taken(index: TokenIndex, at: int, a: int) -> bool:
    """Is the measure noun at ``at`` (before the figure at ``a``) the measure of an earlier figure
    closed by a participle attribute («ұзындығы 500 км-ден асатын 12 өзен»: the length is the
    rivers' 500 km, and 12 counts the rivers)?"""
    if a < 1 or not any(qa < a for qa, _, _ in index.quantities_in(at + 1, a)):
        return False
    _, tags, pos = word_info(index.norms[a - 1])  # the participle closes the earlier figure's phrase
    return pos == "VERB" and bool(tags & _PARTICIPLES)


_RELATIVE_REACH = 6  # words from the figure to the participle that closes its relative clause
_HEADS = ("state", "city", "region", "place", "mountain", "lake", "river", "sea")


def relative_place(index: TokenIndex, sentence: Sentence, a: int, b: int) -> EntityMention | None:
    """The named place a relative clause holding the figure qualifies: the clause opens the
    sentence's clause with no name before the figure and ends in a participle right before the
    name («1500 м биіктікте … орналасқан X көлі …», «37 % … кіріс кіргізген Кореяда»). The place is the clause's head, so the figure is its own; a name that only
    qualifies a noun after it («… Алматы марафоны») or a participle before a plain noun
    («506 жолдан тұратын нұсқасы») gives none."""
    first, last = figure_clause(index.norms, sentence, a, b)
    if index.mentions_in(first, a) or any(e > a for _, e, _ in index.mentions_in(max(0, a - 6), a)):
        return None
    for k in range(b, min(last, b + _RELATIVE_REACH)):
        if index.mentions_in(k, k + 1):
            return None
        _, tags, pos = word_info(index.norms[k])
        if pos == "VERB" and not tags & _PARTICIPLES:
            return None  # a finite verb or a converb: the clause is no relative clause
        if pos != "VERB":
            continue
        named = [(s, e, m) for s, e, m in index.mentions_in(k + 1, k + 2) if s == k + 1 and m.type in _HEADS]
        if not named:
            return None
        _, e, m = named[0]
        if m.case == "NOM" and e < len(index.norms) and "POSS.3" in word_info(index.norms[e])[1]:
            return None  # «Алматы марафоны»: the name qualifies the noun after it
        return m
    return None


def joint_owner(index: TokenIndex, sentence: Sentence, entity: str, owners: set[str]) -> bool:
    """Is every mention of ``entity`` in the sentence one conjunct of a coordination with a name
    that is not among the figure's ``owners`` (unknown, or known and left out) («Текелі қаласы мен Талдықорған қаласында 41 бала», «Ресейге ,
    Моңғолия мен Ауғанстанға 2000 тонна», «Венгрия , Сербия және Босния мемлекеттерінде 6
    концерт»)? Then the figure is the whole list's (a joint count, as pair_owners reads a
    locative pair), not the one member's."""
    spans = [(s, e) for s, e, m in index.mentions_in(sentence.first_token, sentence.last_token) if m.entity == entity]
    if any(is_between(index.norms[k]) for k in range(sentence.first_token, sentence.last_token)):
        return False  # «Қазақстан мен Түрікменстан арасындағы шекара»: a bilateral figure, each partner's
    return bool(spans) and all(_conjunct(index, sentence, s, e, owners) for s, e in spans)


def _conjunct(index: TokenIndex, sentence: Sentence, s: int, e: int, owners: set[str]) -> bool:
    """Is the name at tokens [s, e) joined («мен», «және», a comma) to a name right after or
    right before it (past a possessed class noun: «Текелі қаласы мен …», «Жезқазған кентінде ,
    Сәтбаев …»)?"""
    norms, first, last = index.norms, sentence.first_token, sentence.last_token
    k = e + 1 if e < last and _class_noun(norms[e]) else e
    if k + 1 < last and norms[k].lower() in _JOINERS | {","} and _name_at(index, k + 1, owners):
        return True
    k = s - 1
    if k - 1 < first or norms[k].lower() not in _JOINERS | {","}:
        return False
    j = k - 1
    if j - 1 >= first and _class_noun(norms[j]):
        j -= 1
    before = [m for _, end, m in index.mentions_in(max(first, j - 6), j + 1) if end == j + 1]
    if before:
        return before[-1].entity not in owners
    return norms[j][:1].isupper() and norms[j].isalpha() and (j > first or norms[k] != ",")


def _class_noun(word: str) -> bool:
    """A lowercase possessed noun closing a name («қаласы», «кентінде», «облысы»)."""
    return word.isalpha() and word.islower() and "POSS.3" in word_info(word)[1]


def _name_at(index: TokenIndex, k: int, owners: set[str]) -> bool:
    """Does a name start at ``k`` that is not one of ``owners``: a known one left out
    («Моңғолия») or a capitalized word no mention covers («Босния»)?"""
    if named := index.mentions_in(k, k + 1):
        return named[0][2].entity not in owners
    return index.norms[k][:1].isupper() and index.norms[k].isalpha()


def hypothetical(index: TokenIndex, sentence: Sentence) -> bool:
    """Does the sentence open with «егер» (if), so its figures are an outcome that would follow a
    condition («Егер экспорт өссе, үлесі 37 %-ке жетеді»), not a stated fact?"""
    return word_info(index.norms[sentence.first_token])[0] in _CONDITIONAL
