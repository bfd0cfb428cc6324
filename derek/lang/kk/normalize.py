"""A normalized spelling of Kazakh text for matching, with a map back to original offsets.

Real files mix scripts: Latin I/X/V/a/o/e inside Cyrillic words, Ӏ (palochka) for І,
decomposed letters, typographic quotes and dashes, no-break spaces. Matching runs on the
normalized text; every offset reported to users is mapped back to the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from derek.lang.kk.resources import load_tsv

# Roman numerals, strict form (XVIII, XIX, IV); used after look-alikes are mapped to Latin.
_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
# Only words that hold a Latin letter, or are made of Cyrillic Roman-digit look-alikes, can change.
_LATIN_OR_ROMAN = re.compile(r"[A-Za-z]|\b[ІХСМ]+\b")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# soft hyphen, zero-width non-joiner / joiner, word joiner, BOM: dropped for matching (a zero-width
# space separates words: lookalikes.tsv maps it to a space)
_INVISIBLE = re.compile("[\u00ad\u200c\u200d\u2060\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(Latin→Cyrillic look-alikes, Cyrillic→Latin Roman-digit look-alikes, everywhere map)."""
    tables: dict[str, dict[str, str]] = {"cyrillic": {}, "roman": {}, "char": {}}
    for row in load_tsv("lookalikes.tsv"):
        tables[row["kind"]][_decode(row["char"])] = _decode(row["target"])
    return tables["cyrillic"], tables["roman"], tables["char"]


@cache
def _everywhere_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(_tables()[2])) + "]")


def _decode(cell: str) -> str:
    """Cells are written as U+XXXX code points so invisible characters stay readable."""
    return "".join(chr(int(part[2:], 16)) for part in cell.split())


@dataclass(slots=True)
class Normalized:
    """The normalized text and, for each of its characters, the original offset it came from."""

    text: str
    _orig: Sequence[int]  # original offset where each normalized character's source begins
    _orig_end: list[int] | None = None  # ... and ends; None when the text was already NFC

    def to_orig(self, i: int) -> int:
        """Original offset of normalized offset ``i`` (``i == len(text)`` maps to the end)."""
        return self._orig[i]

    def keeps_offsets(self) -> bool:
        """Whether every normalized offset is the original one (the text was already NFC)."""
        return self._orig_end is None and type(self._orig) is range

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for a normalized half-open range (never cutting a letter)."""
        if self._orig_end is None or end == start:
            return self._orig[start], self._orig[end]
        return self._orig[start], self._orig_end[end - 1]


def normalize(text: str) -> Normalized:
    """Normalize ``text`` for matching; see the module docstring for what changes."""
    composed, orig, orig_end = _compose(text)
    to_cyrillic, to_roman, everywhere = _tables()
    # one character for one, so offsets do not move
    joined = _everywhere_re().sub(lambda m: everywhere[m.group()], composed)
    pieces: list[str] = []
    pos = scanned = 0
    for hit in _LATIN_OR_ROMAN.finditer(joined):
        if hit.start() < scanned:
            continue  # a later letter of a word already looked at
        start = hit.start()
        while start > scanned and joined[start - 1].isalpha():
            start -= 1
        word = _WORD.match(joined, start)
        if word is None:
            continue
        scanned = word.end()
        fixed = _fix_word(word.group(), to_cyrillic, to_roman)
        if fixed != word.group():  # same length: each look-alike is one character
            pieces += [joined[pos:start], fixed]
            pos = word.end()
    if pieces:
        joined = "".join(pieces) + joined[pos:]
    return Normalized(joined, orig, orig_end)


def _compose(text: str) -> tuple[str, Sequence[int], list[int] | None]:
    """NFC without invisible format characters (a soft hyphen inside «Самар\xadқант», a zero-width
    space), keeping for each output character where its source characters begin and end: an
    invisible character belongs to the letter before it."""
    if unicodedata.is_normalized("NFC", text) and not _INVISIBLE.search(text):
        return text, _identity(len(text)), None
    chars: list[str] = []
    orig: list[int] = []
    orig_end: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        if _INVISIBLE.fullmatch(text[i:j]):
            if orig_end:
                orig_end[-1] = j
            i = j
            continue
        for ch in unicodedata.normalize("NFC", text[i:j]):
            chars.append(ch)
            orig.append(i)
            orig_end.append(j)
        i = j
    orig.append(len(text))
    return "".join(chars), orig, orig_end


def _identity(n: int) -> range:
    """Offsets of an already-NFC text: a range indexes like the list it stands for, without
    holding a million int objects for a 1 M-character chunk (40 MB)."""
    return range(n + 1)


def _fix_word(word: str, to_cyrillic: dict[str, str], to_roman: dict[str, str]) -> str:
    roman = "".join(to_roman.get(c, c) for c in word)
    if roman.isupper() and _ROMAN.fullmatch(roman) and _is_roman_candidate(word):
        return roman
    if _CYRILLIC.search(word) and _LATIN.search(word):
        return "".join(to_cyrillic.get(c, c) for c in word)
    return word


def _is_roman_candidate(word: str) -> bool:
    """Roman numerals in Kazakh text: XVIII, ХVІІІ, ІХ; not Cyrillic words like СІМ or Ас."""
    # A word of Roman-digit look-alikes written all in Cyrillic (ХІХ, ІІ) is still a numeral;
    # single C/M/D/L letters are far more often initials or abbreviations than numbers.
    if len(word) == 1:
        return word in "IVXІХ"
    return not any(c in "CDLMСМ" for c in word[:1]) or _LATIN.search(word) is not None


# Kazakh alphabetical order (Қ after К, Ә after А ...), which code-point order does not give
_ALPHABET = {c: i for i, c in enumerate("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")}


def kazakh_key(text: str) -> list[tuple[int, str]]:
    return [(_ALPHABET.get(c, 100 + ord(c)), c) for c in text.lower()]
