"""Figure owners not named in the nominative: the dative recipient of money an allocation verb
gives («облысына … 500 млн теңге бөлінді») and the place a plural demonym in the genitive stands
for («канадалықтардың 60 %-ы»). Reads the TokenIndex of a sentence; used by facts_counts."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import EntityMention, Quantity, Sentence
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import word_info
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
    if not any(word_info(index.norms[k])[2] == "VERB" and word_info(index.norms[k])[0] in allocation_verbs()
               for k in range(first, last) if not a <= k < b):
        return None
    recipients = [m for _, e, m in index.mentions_in(first, a)
                  if e <= a and m.type in _RECIPIENTS and dative_name(index, m, e)]
    return recipients[-1] if recipients else None


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
    """A name in the dative, or a name whose lowercase head noun right after it is possessed and
    in the dative («Қазақстан экономикасына», «Ақтөбе облысының бюджетіне»)."""
    if m.case == "DAT":
        return True
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
    stem = _lyq_stem(lemma)
    if stem is None:
        return None
    gazetteer = load_gazetteer()
    tokens = tokenize(stem[:1].upper() + stem[1:])
    found = [(s, e, entity, case) for s, e, entity, case in gazetteer.match(tokens)
             if s == 0 and e == len(tokens) == 1 and case == "NOM"]
    if len(found) != 1 or gazetteer.entries[found[0][2]].type not in PLACES:
        return None
    return found[0][2]


def _lyq_stem(lemma: str) -> str | None:
    """The stem of a lemma ending in DER.LYQ («канадалық» → «канада»): the stem after which the
    suffix grammar realises the lemma's last three letters from the DER.LYQ form."""
    stem, tail = lemma[:-3], lemma[-3:]
    if len(stem) < 3:
        return None
    forms = (row.form for row in suffix_rows() if row.tag == "DER.LYQ")
    return stem if any(realize(form, letter_class(stem[-1]), harmony(stem)) == tail for form in forms) else None
