"""Figure owners not named as the nominative owner of a measure: the dative recipient of money an
allocation verb gives («облысына … 500 млн теңге бөлінді»), the place a plural demonym in the
genitive stands for («канадалықтардың 60 %-ы»), the route of what passes «арқылы», the place
whose people (agent nouns in -шы) are the clause's subject, and the name «N халқы бар» qualifies.
Reads the TokenIndex of a sentence; used by facts_counts."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import EntityMention, Quantity, Sentence
from derek.extract.doc_names import QUOTES
from derek.extract.figure_owners import OWNER_TYPES, VIA, WATER_MEASURES, WATER_TYPES
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import MARKED_CASES, word_info
from derek.lang.kk.resources import load_list
from derek.lang.kk.segment import tokenize
from derek.lang.kk.suffixes import harmony, letter_class, realize, suffix_rows

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

# who may receive money or be the place of a demonym
_RECIPIENTS = ("state", "organization", "city", "region", "place", "body")
PLACES = ("state", "city", "region", "place")  # the types a place owner may have
_CLAUSE_ENDS = {",", ";", ":", "(", ")"}


@cache
def allocation_verbs() -> frozenset[str]:
    """Verb lemmas of allocating or transferring money (extract/data/allocation_verbs.txt)."""
    return frozenset(line.strip().lower() for line in load_list("allocation_verbs.txt", "derek.extract"))


def allocation_recipient(index: TokenIndex, sentence: Sentence, a: int, b: int, q: Quantity) -> EntityMention | None:
    """The recipient of a sum of money an allocation verb of the same clause gives: the last name
    in the dative before the figure («Жамбыл облысына бюджеттен 500 млн теңге бөлінді»), or a
    name whose head noun takes the dative («Қазақстан экономикасына … доллар … тартылды»). A
    destination of people or goods («Жетісуға 200 мың адам көшті») is not a sum: not this rule."""
    if q.kind != "money" and not is_currency(q):
        return None
    first, last = figure_clause(index.norms, sentence, a, b)
    if not _allocating(index.norms, first, last, a, b):
        return None
    recipients = [m for _, e, m in index.mentions_in(first, a)
                  if e <= a and m.type in _RECIPIENTS and dative_name(index, m, e)]
    return recipients[-1] if recipients else None


def _allocating(norms: list[str], first: int, last: int, a: int, b: int) -> bool:
    """Does a verb of allocating money (allocation_verbs.txt) stand in tokens [first, last) outside
    the figure [a, b)?"""
    return any(word_info(norms[k])[2] == "VERB" and word_info(norms[k])[0] in allocation_verbs()
               for k in range(first, last) if not a <= k < b)


def allocation_source(index: TokenIndex, sentence: Sentence, a: int, b: int, q: Quantity) -> EntityMention | None:
    """The name whose fund a sum of money is allocated from, when the clause names no recipient:
    a name before the figure whose possessed head noun right after it is in the ablative
    («Үкімет резервінен 7,5 млн теңге бөлінді»: the Government's reserve; the dev7/dev15
    convention that the source owns the figure). Only with an allocation verb in the clause and no
    other nominative or genitive name that could own the sum (an allocator «Министрлік … бөлді»)."""
    if q.kind != "money" and not is_currency(q):
        return None
    first, last = figure_clause(index.norms, sentence, a, b)
    if not _allocating(index.norms, first, last, a, b):
        return None
    sources = [m for _, e, m in index.mentions_in(first, a)
               if e < a and m.type in _RECIPIENTS and m.case == "NOM" and index.norms[e][:1].islower()
               and {"ABL", "POSS.3"} <= word_info(index.norms[e])[1]]
    if len(sources) != 1 or _other_owner(index, first, last, sources[0]):
        return None
    return sources[0]


def is_currency(q: Quantity) -> bool:
    """A sum in a currency code (KZT, USD, RUB), as the number stage writes money units."""
    return q.unit is not None and (q.unit.isupper() and len(q.unit) == 3)  # KZT, USD, RUB


def figure_clause(norms: list[str], sentence: Sentence, a: int, b: int) -> tuple[int, int]:
    """The tokens of the figure's clause: from after the comma before it to the one after it."""
    first = a
    while first > sentence.first_token and norms[first - 1] not in _CLAUSE_ENDS:
        first -= 1
    last = b
    while last < sentence.last_token and norms[last] not in _CLAUSE_ENDS:
        last += 1
    return first, last


def dative_name(index: TokenIndex, m: EntityMention, end: int) -> bool:
    """A name in the dative, or a name whose lowercase head noun right after it (or after its
    closing quotation mark) is possessed and in the dative («Қазақстан экономикасына», «Ақтөбе
    облысының бюджетіне», «"Шипагер" емханасына»)."""
    if m.case == "DAT":
        return True
    if end < len(index.norms) and index.norms[end] in QUOTES and m.case == "NOM":
        end += 1  # «"Шипагер" емханасына»: the quoted name's head noun after the closing mark
    if m.case not in ("NOM", "GEN") or end >= len(index.norms) or not index.norms[end][:1].islower():
        return False
    return {"DAT", "POSS.3"} <= word_info(index.norms[end])[1]


def demonym_owner(index: TokenIndex, sentence: Sentence, a: int, at: int | None) -> str | None:
    """The place a plural demonym in the genitive stands for when it owns the figure right after
    it («канадалықтардың 60 %-ы», «шымкенттіктердің 55 %-ы») or the measure noun before the
    figure («алматылықтардың саны 2 млн»): the people of a place are counted as the place (the
    rulebook's owner of a population figure)."""
    spots = [a - 1] + ([at - 1] if at is not None and at < a else [])
    for k in spots:
        if k < sentence.first_token or any(s <= k < e for s, e, _ in index.mentions_in(max(0, k - 6), k + 1)):
            continue
        place = demonym_place(index.norms[k])
        if place is not None:
            return place
    return None


def demonym_place(word: str) -> str | None:
    """The gazetteer place a plural demonym in the genitive names: the stem before -лық/-лік
    (DER.LYQ, realised by the suffix grammar) is the place's one-word name («канада» +
    «лық», «шымкент» + «тік»). A -лық word whose stem is no place («ауылдықтардың»,
    «мұздықтардың») is none."""
    if not word.isalpha():
        return None
    lemma, tags, _ = word_info(word)
    if not {"PL", "GEN"} <= tags:
        return None
    stem = derived_stem(lemma, "DER.LYQ")
    if stem is None:
        return None
    gazetteer = load_gazetteer()
    tokens = tokenize(stem[:1].upper() + stem[1:])
    found = [(s, e, entity, case) for s, e, entity, case in gazetteer.match(tokens)
             if s == 0 and e == len(tokens) == 1 and case == "NOM"]
    if len(found) != 1 or gazetteer.entries[found[0][2]].type not in PLACES:
        return None
    return found[0][2]


def derived_stem(lemma: str, tag: str) -> str | None:
    """The stem of a lemma ending in a derivation the suffix grammar knows by ``tag`` («канадалық»
    → «канада» for DER.LYQ, «балықшы» → «балық» for DER.SHY): the stem (three letters or more)
    after which one of the tag's forms is realised as the lemma's tail."""
    forms = [row.form for row in suffix_rows() if row.tag == tag]
    for n in (2, 3, 4):
        stem, tail = lemma[:-n], lemma[-n:]
        if len(stem) >= 3 and any(realize(form, letter_class(stem[-1]), harmony(stem)) == tail for form in forms):
            return stem
    return None


@cache
def transit_verbs() -> frozenset[str]:
    """Verb lemmas of passing through or carrying (extract/data/transit_verbs.txt)."""
    return frozenset(line.strip().lower() for line in load_list("transit_verbs.txt", "derek.extract"))


_OWNING_CASES = ("NOM", "GEN")  # a name in these cases could own the figure itself


def _other_owner(index: TokenIndex, first: int, last: int, own: EntityMention) -> bool:
    """Does the clause name, besides ``own``, a state, organization or place that could own the
    figure (a nominative or genitive name)? Then it is that name's, not this rule's."""
    return any(m is not own and m.case in _OWNING_CASES and m.type in (*OWNER_TYPES, *WATER_TYPES)
               for _, _, m in index.mentions_in(first, last))


def route_owner(index: TokenIndex, sentence: Sentence, a: int, b: int) -> EntityMention | None:
    """The route of what passes through it: a name right before «арқылы» ahead of the figure, when
    a verb of passing or carrying (extract/data/transit_verbs.txt) follows the figure in its
    clause and no other name could own it («Қытайдан Қазақстан арқылы 14 млн тонна жүк
    тасымалданды»: Kazakhstan's transit; «Жайық өзені арқылы … 10 млрд текше метр су ағып
    өтеді»: the river's flow). Not inside a participle before the figure («… арқылы өткен
    пойыздар саны»: the trains' count); a sea, lake or river owns only water passing through it,
    not goods carried over it («Каспий теңізі арқылы … мұнай»)."""
    norms = index.norms
    first, last = figure_clause(norms, sentence, a, b)
    via = [(e, m) for _, e, m in index.mentions_in(first, a) if e < a and norms[e].lower() in VIA]
    if len(via) != 1 or _other_owner(index, first, last, via[0][1]):
        return None
    e, route = via[0]
    water = b < last and word_info(norms[b])[0] in WATER_MEASURES
    if route.type not in OWNER_TYPES and not (route.type in WATER_TYPES and water):
        return None
    if any(t.startswith("PTCP") for k in range(e + 1, a) for t in word_info(norms[k])[1]):
        return None
    return route if any(_transit(norms[k]) for k in range(b, last)) else None


def _transit(word: str) -> bool:
    """A finite verb or converb (no participle, no case) of passing or carrying."""
    lemma, tags, _ = word_info(word)
    return lemma in transit_verbs() and bool(tags) and not any(t.startswith("PTCP") or t in _CASE_TAGS for t in tags)


_CASE_TAGS = MARKED_CASES | {"POSS.3"}


def people_owner(index: TokenIndex, sentence: Sentence, a: int, b: int) -> EntityMention | None:
    """The place whose people are the subject of the figure's clause: a place or water named right
    before a plural agent noun in -шы/-ші (DER.SHY) with the possessive and no case («Арал
    балықшылары жылына 7 мың тонна балық аулайды»: the Aral's catch; «Екібастұз кеншілері …»).
    The people of a place stand for it, as a demonym does (``demonym_owner``); not when the clause
    names another owner."""
    norms = index.norms
    first, last = figure_clause(norms, sentence, a, b)
    for _, e, m in index.mentions_in(first, a):
        if e < a and m.case == "NOM" and m.type in (*PLACES, *WATER_TYPES) and _agents(norms[e]) \
                and not _other_owner(index, first, last, m):
            return m
    return None


def _agents(word: str) -> bool:
    """A plural agent noun with the possessive of izafet and no case («балықшылары»)."""
    lemma, tags, _ = word_info(word)
    return tags == {"PL", "POSS.3"} and derived_stem(lemma, "DER.SHY") is not None


def having_owner(index: TokenIndex, sentence: Sentence, b: int) -> EntityMention | None:
    """The name a figure's «<noun>-(с)ы бар» qualifies: «83 миллион халқы бар Германия(ның)» (Germany,
    which has 83 million people), the figure being the possessed noun's, in any case of the name."""
    norms = index.norms
    if b + 2 >= sentence.last_token or word_info(norms[b])[1] != {"POSS.3"} or norms[b + 1].lower() != "бар":
        return None
    found = [m for s, _, m in index.mentions_in(b + 2, b + 3) if s == b + 2 and m.type in OWNER_TYPES]
    return found[0] if found else None
