"""Numbers that are no figure of anything: ranks, numbers that name, the start of a range,
years and days the date stage left unread, glued centuries, attributes («20 томдық»), distances
from a place, half-read scale words. Reads the token norms around a Quantity; used by
facts_counts."""

from __future__ import annotations

from functools import cache

from derek.doc import Quantity
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_tsv

_CENTURY = "ғасыр"  # «14 ғасырдыңақырында»: a century glued to the next word, a date
_ATTRIBUTE_ENDINGS = ("дық", "дік", "тық", "тік", "лық", "лік")
# «20 томдық жинақ» (a 20-volume edition), «5 жылдық жоспар»: a figure that makes an attribute of
# a counter noun describes the noun after it; «104 құрлықаралық зымыран» counts missiles
_COUNTERS = {"том", "жыл", "ай", "күн", "апта", "сағат", "ғасыр", "бөлім", "бет", "сынып", "қабат"}
_VOWELS = frozenset("аәеёиоөұүуыіэюя")  # a unit abbreviation has none: м, т, км, кг; су, ел, ай are words
_LENGTHS = {"km", "m"}  # «қаласынан 2 — 3 км»: how far from a place, nobody's size
_OPEN = {"(", "-", "–", "—"}
_RANKS = {"орын"}  # «әлемдегі 4 орын алатын» (fourth place): a rank, a qualifier and not a figure
_NUMBER_SIGNS = ("№", "N", "No")  # «№267 заң» (law no. 267): a number that names


@cache
def _month_stems() -> tuple[str, ...]:
    """Kazakh month stems that are no other word (months.tsv: not «қазан», cauldron)."""
    return tuple(row["kk"] for row in load_tsv("months.tsv") if row["ambiguous"] != "yes")


@cache
def _scale_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("scale_words.tsv"))


def not_a_figure(norms: list[str], a: int, b: int, q: Quantity, last: int,
                 quantities: list[tuple[int, int, Quantity]]) -> bool:
    """Is the number at tokens [a, b) a rank, a name, a range's start, a part of a date, an
    attribute, a distance or a half-read figure rather than a figure some name owns?"""
    if _rank_name_or_range_start(norms, a, b, quantities):
        return True
    after = norms[b].lower() if b < last else ""
    bare = q.unit is None and q.text.isdigit()
    if bare and len(q.text) == 4 and 1000 <= q.value <= 2100 and not _counts_noun(after):
        return True  # «— 1874, сонда», «("1984")»: a year the date stage did not read as a date
    if bare and q.value <= 31 and _day_of_misspelled_month(norms, a, b, last):
        return True
    if bare_unit(after) and q.unit is None:
        return True  # «10 млн. т.», «1738 м»: an abbreviated unit the number stage does not know
    if after.startswith(_CENTURY):
        return True
    if after.endswith(_ATTRIBUTE_ENDINGS) and after[:-3] in _COUNTERS:
        return True
    if word_info(after)[0] in _scale_words() or after.rstrip(".") in _scale_words():
        return True  # «500 мыңдай»: the number stage read «500» and left the scale word
    return q.unit in _LENGTHS and _from_place(norms, a)


def _counts_noun(word: str) -> bool:
    """Is the word after a four-digit number a plain lowercase noun it counts («1369 мұздық»,
    «1009 мұздық бар»), not a year's word or a month («1916 жыл», «1986 желтоқсан»)?"""
    lemma, tags, pos = word_info(word)
    return word.isalpha() and word.islower() and pos == "NOUN" and not tags \
        and lemma not in ("жыл", "ж", "ғасыр") and not lemma.startswith(_month_stems())


def _rank_name_or_range_start(norms: list[str], a: int, b: int, quantities: list) -> bool:
    """A rank («4 орын алатын», fourth place), a number that names («№267 заң») or the start of a
    range whose end is the figure («168-ден 176 мемлекетке дейін өсті»: the count grew to 176)."""
    if a > 0 and norms[a - 1] in _NUMBER_SIGNS:
        return True
    b = b if b > a else a + 1  # a figure inside one token («168-ден») ends with that token
    if b < len(norms) and word_info(norms[b])[0] in _RANKS:
        return True
    return "ABL" in word_info(norms[b - 1])[1] and any(start == b for start, _, _ in quantities)


def bare_unit(word: str) -> bool:
    """A one- or two-letter lowercase abbreviation: no vowel, so not a particle («да», «ол») or a
    short noun («су», «ел», «ай»)."""
    return word.isalpha() and word.islower() and len(word) <= 2 and not _VOWELS & set(word)


def _day_of_misspelled_month(norms: list[str], a: int, b: int, last: int) -> bool:
    """«20 қантар 1985» (a year follows), «наурздың 11» (a genitive month before): a day whose
    month is misspelled by one letter, so the date stage did not read it."""
    year = b + 1 < last and norms[b + 1].isdigit() and len(norms[b + 1]) == 4
    if b < last and year and _misspelled_month(norms[b]):
        return True
    return a > 0 and "GEN" in word_info(norms[a - 1])[1] and _misspelled_month(norms[a - 1])


def _misspelled_month(word: str) -> bool:
    """A word whose stem is one letter away from a month name."""
    stem = word_info(word)[0] if word.isalpha() else ""
    return len(stem) >= 4 and any(_one_edit(stem, month) for month in _month_stems())


def _one_edit(a: str, b: str) -> bool:
    """Exactly one substitution, insertion or deletion apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _from_place(norms: list[str], a: int) -> bool:
    """«Балқаш қаласынан 2 — 3 км», «Алматыдан (50 км)»: a length measured from a place."""
    k = a - 1
    while k >= 0 and norms[k] in _OPEN:
        k -= 1
    return k >= 0 and "ABL" in word_info(norms[k])[1]
