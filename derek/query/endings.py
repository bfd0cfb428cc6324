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
def _noun_endings(tail: str) -> bool:
    """Is ``tail`` empty or a chain of at most three noun suffixes (plural, possessive, case)?"""
    from derek.extract.doc_names import split_ending

    return split_ending(tail) is not None
