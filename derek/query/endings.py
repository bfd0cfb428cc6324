"""Words the analyser left inflected, matched by their stem: the same stem of five letters or
more, each word ending in noun suffixes only (lang/kk/data/noun_suffixes.tsv)."""

from __future__ import annotations

from functools import lru_cache


def ending_match(a: str, b: str) -> bool:
    """One stem of five letters or more, each word ending in noun suffixes only (lang/kk
    noun_suffixes.tsv): «саммитінде» (саммит+і+нде, left whole by the analyser) ~ «саммитке»."""
    if a[:5] != b[:5] or a == b:
        return False
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 5 and _noun_endings(a[n:]) and _noun_endings(b[n:])


@lru_cache(maxsize=4096)
def _noun_endings(tail: str, most: int = 3) -> bool:
    """Is ``tail`` empty or a chain of at most ``most`` noun suffixes (plural, possessive, case)?"""
    if not tail:
        return True
    return most > 0 and any(tail.startswith(s) and _noun_endings(tail[len(s):], most - 1)
                            for s in noun_suffixes())


@lru_cache(maxsize=1)
def noun_suffixes() -> frozenset[str]:
    """Every allomorph of lang/kk/data/noun_suffixes.tsv (plural, possessive, case endings)."""
    from derek.lang.kk.resources import load_tsv

    return frozenset(r["suffix"] for r in load_tsv("noun_suffixes.tsv"))
