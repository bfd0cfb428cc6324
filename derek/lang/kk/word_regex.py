"""Whole-word regexes for Kazakh stems with their noun endings, built from data.

A stem list becomes one prefix-tree regex that accepts any chain of noun endings agreeing with the
stem's vowel harmony (``noun_suffixes.tsv``); the date and quantity taggers and the rule matcher
use it. Written by hand because no regex library knows Kazakh harmony or final-consonant voicing
(аралық → аралығы). Patterns run on lowercased text (``lowered``) without re.IGNORECASE: case-
insensitive matching of Cyrillic is several times slower in ``re``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from derek.lang.kk.resources import load_tsv

LETTER = r"[^\W\d_]"
VOICING = {"қ": "ғ", "к": "г", "п": "б"}  # stem-final consonants voice before a vowel
_BACK, _FRONT = frozenset("аоұыяё"), frozenset("әеөүіэ")  # у, и are read either way
_DIGIT_RUN = re.compile(r"\d+")


@lru_cache(maxsize=2)
def digit_runs(low: str) -> tuple[int, ...]:
    """Where each run of digits starts (found once, shared by the date and quantity taggers)."""
    return tuple(m.start() for m in _DIGIT_RUN.finditer(low))


@lru_cache(maxsize=2)
def lowered(text: str) -> str:
    """``text.lower()`` with one character for one, so offsets stay valid (İ stays İ)."""
    low = text.lower()
    if len(low) == len(text):  # lower() never shortens a character, so each kept its length
        return low
    return "".join(low1 if len(low1 := c.lower()) == 1 else c for c in text)


def harmony(word: str) -> str | None:
    """"back" or "front" from the last clear vowel of ``word``; None when it has none (км, млн)."""
    if word.endswith("ь"):
        return None  # январьдың and рубльге both occur in real texts
    for char in reversed(word.lower()):
        if char in _BACK:
            return "back"
        if char in _FRONT:
            return "front"
    return None


@cache
def suffix_chain(vowels: str | None = None) -> str:
    """Regex for zero to four noun endings (longest first), only those agreeing with ``vowels``.

    Vowel harmony: back stems (а о ұ ы) take -ның/-дың/-да/-ға, front stems (ә е ө ү і)
    take -нің/-дің/-де/-ге; a chain keeps the stem's harmony (``noun_suffixes.tsv``).
    """
    rows = load_tsv("noun_suffixes.tsv")
    suffixes = {r["suffix"] for r in rows if vowels is None or r["harmony"] in ("any", vowels)}
    return "(?:" + "|".join(sorted(suffixes, key=len, reverse=True)) + "){0,4}"


def stem_regex(stem: str) -> str:
    """Regex for a stem (one or more words) followed by noun endings, as a whole word."""
    return alternation([stem])


def alternation(stems: list[str], ending: str = "chain") -> str:
    """One regex matching any of ``stems`` as whole lowercase words, as a prefix tree.

    ``ending``: "chain" (noun endings may follow), "bare" (none), "prefix" (any word that
    begins with a stem). Longer stems are tried first. A tree instead of a flat list lets
    ``re`` reject a position after one character instead of trying every stem there.
    """
    root: dict[str, dict] = {}
    for stem in stems:
        node = root
        for atom in _atoms(stem):
            node = node.setdefault(atom, {})
        last = stem.split()[-1]
        chain = ""
        if ending == "chain" and last[-1].isalpha():
            chain = suffix_chain(harmony(last))
            if harmony(last) is None:  # «млн-нан», «км-ден»: a vowelless abbreviation's endings follow a hyphen
                chain = f"(?:-{chain.removesuffix('{0,4}')}{{1,4}}|{chain})"
        node[""] = {"" if ending == "prefix" else chain + f"(?!{LETTER})": {}}
    return _emit(root, top=True)


def _atoms(stem: str) -> list[str]:
    words = stem.lower().split()
    atoms: list[str] = []
    for word in words:
        atoms += ([r"\s+"] if atoms else []) + [re.escape(c) for c in word]
    if words[-1][-1] in VOICING:  # аралық → аралығы
        atoms[-1] = f"[{words[-1][-1]}{VOICING[words[-1][-1]]}]"
    return atoms


def _emit(node: dict[str, dict], top: bool = False) -> str:
    branches = []
    for atom, child in sorted(node.items(), key=lambda item: item[0] == ""):
        if atom == "":
            branches.append(next(iter(child)))  # the ending, tried after longer stems
        else:
            branches.append(atom + _emit(child))
    if top:  # whole words only; one lookbehind in front keeps re's fast first-letter scan
        words = [b for b in branches if b[0].isalpha()]
        others = [b for b in branches if not b[0].isalpha()]
        branches = others + ([r"(?<!\w)" + _group(words)] if words else [])
    return _group(branches)


def _group(branches: list[str]) -> str:
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def lookup(table: dict, word: str) -> object:
    """The entry of ``table`` whose key is the longest prefix of ``word`` (stem + endings)."""
    word = " ".join(word.lower().split())
    lengths, index = _prefix_index(tuple(table))
    for length in lengths:
        if (key := index.get(word[:length])) is not None:
            return table[key]
    raise KeyError(word)


@cache
def _prefix_index(keys: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, str]]:
    """Key lengths (longest first) and {stem or its voiced form (аралығ): key}."""
    index: dict[str, str] = {}
    for key in sorted(keys, key=len, reverse=True):
        stem = key.lower()
        index.setdefault(stem, key)
        if stem[-1] in VOICING:
            index.setdefault(stem[:-1] + VOICING[stem[-1]], key)
    return tuple(sorted({len(k) for k in index}, reverse=True)), index
