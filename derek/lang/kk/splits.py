"""Candidate splits of a word for the analyzer: the split points the ending trie allows, and the
stems sound changes hide behind an ending (voicing, a dropped vowel, the glide written и/ю/я, a
loanword's soft sign). Input is one lower-cased word; no Document fields."""

from __future__ import annotations

import re
from typing import NamedTuple

from derek.lang.kk.suffixes import VOWELS, Chain

_UNVOICE = {"г": "к", "ғ": "қ", "б": "п"}
MIN_STEM = 2
# и as the last vowel letter with a consonant after it (one search, not a scan per vowel)
_LAST_VOWEL_I = re.compile("и[^" + "".join(sorted(VOWELS)) + "]+$")


class SplitCandidate(NamedTuple):
    """A split of a word. A named tuple: the hot path builds plain (stem, kind, tags, cut, root)
    tuples (cheaper to build than dataclass instances) and unpacks them positionally."""

    stem: str  # lower-cased lemma
    kind: str  # "N" or "V"
    tags: tuple[str, ...]
    cut: int  # how many letters of the word the lemma's stem spans
    root: str = ""  # the stem scored against the lexicon when the lemma keeps a derivation


RawSplit = tuple[str, str, tuple[str, ...], int, str]  # a SplitCandidate's fields, in its order


def split_points(low: str, trie: dict) -> list[tuple[int, dict | None]]:
    """Split points i (stem low[:i] of at least MIN_STEM letters) whose ending low[i:] may be in
    the ending table or follow и (the glide), in increasing order, each with the table's entry
    for low[i:] (None when it is only a tail); walks the ending trie right to left and stops at
    the first tail no ending has."""
    points = []
    node = trie
    for i in range(len(low) - 1, MIN_STEM - 1, -1):
        node = node.get(low[i])
        if node is None:
            if low[i] in "июя":  # the glide checks need only low[i + 1:] to be a tail
                points.append((i, None))
            break
        points.append((i, node.get("")))
    points.reverse()
    return points


def add_stems(found: list[RawSplit], stem: str, first: str, chain: Chain, harm: str,
               cut: int) -> None:
    """The stem as written plus the lemmas sound changes hide (жетістігі, орны, оқу)."""
    if chain.keep:  # scored by the root, lemma keeps the derivation: мүше|лігіне → мүшелік
        found.append((stem + chain.keep, chain.kind, chain.tags, cut, stem))
        return
    found.append((stem, chain.kind, chain.tags, cut, ""))
    if first in VOWELS:
        last = stem[-1]
        if last in _UNVOICE:
            found.append((stem[:-1] + _UNVOICE[last], chain.kind, chain.tags, cut, ""))
        elif last == "у" and chain.kind == "V" and len(stem) > 2 and stem[-2] in VOWELS:
            # п → у between vowels in a verb: тауып → тап, жауып → жап, кеуіп → кеп
            found.append((stem[:-1] + "п", "V", chain.tags, cut, ""))
        if len(stem) > 2 and last not in VOWELS and stem[-2] not in VOWELS:
            vowel = "ы" if harm == "b" else "і"  # орны → орын, халқы → халық
            found.append((stem[:-1] + vowel + last, chain.kind, chain.tags, cut, ""))
    if first == "у" and chain.kind == "V" and stem[-1] not in VOWELS:
        vowel = "ы" if harm == "b" else "і"
        found.append((stem + vowel, "V", chain.tags, cut, ""))
        if len(stem) > 2 and stem[-2] not in VOWELS:  # қорқу, қорқушы → қорық
            found.append((stem[:-1] + vowel + stem[-1], "V", chain.tags, cut, ""))
        if stem[-1] in _UNVOICE:  # табу → тап, шығуға → шық
            found.append((stem[:-1] + _UNVOICE[stem[-1]], "V", chain.tags, cut, ""))


def add_soft(found: list[RawSplit], chains: list[Chain], stem: str, cut: int) -> None:
    """Loanwords in -ль drop the soft sign before a vowel and take front endings, though the
    stem's vowels are back: королі → король, фестивалін → фестиваль."""
    for chain in chains:
        if chain.kind == "N" and not chain.keep:
            found.append((stem + "ь", "N", chain.tags, cut, ""))


def loan_cluster(stem: str) -> bool:
    return stem[-1] in "кг" and stem[-2] not in VOWELS and stem[-2] not in "кгқғ"


def loan_i(stem: str) -> bool:
    """The last vowel letter is и and a consonant follows it (саммит, кредит, Рим): и is no
    harmonic vowel, and such loanwords take front endings though an earlier vowel is back."""
    return _LAST_VOWEL_I.search(stem) is not None


def add_glide(found: list[RawSplit], variants: dict | None, stem: str, harm: str,
               cut: int) -> None:
    if not variants or stem[-1] in VOWELS:
        return
    for h in (harm,) if harm else ("b", "f"):
        for chain in variants.get((h, "V"), ()):
            if chain.kind == "V":
                found.append((stem + ("ы" if h == "b" else "і"), "V", chain.tags, cut, ""))


def add_yu(found: list[RawSplit], variants: dict | None, stem: str, harm: str,
            cut: int) -> None:
    """Verb stems in -й before the verbal noun -у, written ю: қою → қой, құюға → құй."""
    if not variants:
        return
    for h in (harm,) if harm else ("b", "f"):
        for chain in variants.get((h, "R"), ()):
            if chain.kind == "V" and chain.tags[:1] == ("VNOUN",):
                found.append((stem + "й", "V", chain.tags, cut, ""))


def add_ya(found: list[RawSplit], variants: dict | None, stem: str, cut: int) -> None:
    """Verb stems in -й before an ending that opens with а, written я: қояды → қой, жоятын →
    жой, құяр → құй (back vowels only: the front е keeps its й, сүйеді)."""
    if not variants:
        return
    for chain in variants.get(("b", "R"), ()):
        if chain.kind == "V":
            found.append((stem + "й", "V", chain.tags, cut, ""))
