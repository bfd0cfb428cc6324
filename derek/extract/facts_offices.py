"""Offices named by their abstract noun: «бас қолбасшылығына Әбілқайыр хан сайланды» (elected to
the commander-in-chief-ship), «президенттік мерзімге сайланды» (a presidential term) → the title.
Reads the fact extractor's token index and clause arguments; returns appointed_as values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from derek.extract.history import ruler_titles
from derek.extract.phrases import titles
from derek.extract.rules import Arg, Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

# -лық/-лік/-дық/-дік/-тық/-тік make an abstract noun of a title: президент → президенттік.
_ABSTRACT = re.compile(r"(.+?)(?:лық|лік|дық|дік|тық|тік)$")
_AGENT = re.compile(r".+(?:шы|ші)$")  # agent nouns name holders: қолбасшы, басшы, билеуші
_TERMS = {"мерзім"}  # «президенттік мерзімге»: the term of an office stands for the office
_MODIFIERS = {"бас", "вице"}  # «бас қолбасшы» (commander-in-chief)


def title_of_abstract(word: str) -> str | None:
    """«қолбасшылығына» → «қолбасшы», «президенттік» → «президент»; None for other words."""
    m = _ABSTRACT.fullmatch(word_info(word)[0])
    if m is None:
        return None
    stem = m.group(1)
    return stem if stem in titles() or stem in ruler_titles() or _AGENT.fullmatch(stem) else None


def office_value(value: str) -> str:
    """An office phrase in the nominative with a term or an abstract noun replaced by the title:
    «президенттік мерзім» → «президент», «бас қолбасшылық» → «бас қолбасшы»."""
    words = value.split()
    if len(words) > 1 and word_info(words[-1])[0] in _TERMS:
        title = title_of_abstract(words[-2])  # «бес жылдық президенттік мерзім»: the words before
        return title or value  # describe the term, not the office
    title = title_of_abstract(words[-1])
    return " ".join(words[:-1] + [title]) if title else value


def dative_office(index: TokenIndex, clause: Clause, i: int, args: list[Arg]) -> str | None:
    """The office an appointee standing right before the verb was appointed to, named in the
    dative before him: «бүкіл қазақ қолының бас қолбасшылығына Әбілқайыр хан сайланды»."""
    person = next((a for a in args if a.type == "person" and a.case == "NOM" and a.last == i), None)
    if person is None or person.first <= clause.first:
        return None
    k = person.first - 1
    lemma, tags, _ = word_info(index.norms[k])
    if "DAT" not in tags:
        return None
    title = title_of_abstract(index.norms[k])
    if title is None and lemma in _TERMS and k - 1 >= clause.first:
        title, k = title_of_abstract(index.norms[k - 1]), k - 1
    if title is None:
        return None
    words = [title]
    if k - 1 >= clause.first and index.norms[k - 1].lower() in _MODIFIERS:
        words.insert(0, index.norms[k - 1].lower())
    return " ".join(words)


_GENITIVE = re.compile(r"(.+?)-?(?:ның|нің|дың|дің|тың|тің)$")
_BODY_TYPES = frozenset({"organization", "body"})


def body_office(index: TokenIndex, clause: Clause, i: int, value: str) -> str:
    """An office phrase of a named body keeps the body: «Қазақ КСР Министрлер Кеңесінің
    төрағасының орынбасары болып» → «Қазақ КСР Министрлер Кеңесі төрағасының орынбасары» (the
    body in the nominative, the direct possessor of the title still genitive)."""
    first = value.split()[0]
    k = next((j for j in range(i - 1, clause.first - 1, -1)
              if index.norms[j].lower() == first or word_info(index.norms[j])[0] == first), None)
    if k is None:
        return value
    words: list[str] = []
    for j in range(k - 1, max(clause.first, k - 4) - 1, -1):
        body = next((m for s, e, m in index.mentions_in(max(0, j - 6), j + 1) if e == j + 1 and m.type in _BODY_TYPES), None)
        if body is not None and "GEN" in word_info(index.norms[j])[1]:
            m = _GENITIVE.fullmatch(body.text)
            return " ".join([m.group(1) if m else body.text] + words + [value])
        _, tags, pos = word_info(index.norms[j])
        if pos != "NOUN" or tags != frozenset({"POSS.3", "GEN"}):
            return value
        words.insert(0, index.norms[j])
    return value
