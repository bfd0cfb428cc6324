"""A bare year or date in brackets closing the clause of a figure dates it: «Халқы 1,2 млн адам
(2005).», «… 150-ден астам ғылым кандидаттары бар (2005).»; a change's period between two figures'
years (reads the token index only)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from derek.doc import Sentence
from derek.extract.history import finite

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
_CONTRAST = {"ал", "бірақ", "алайда"}  # «…, ал …»: a new clause with its own figures


def bracketed_time(index: TokenIndex, sentence: Sentence, a: int, b: int) -> str | None:
    """«Халқы 1,2 млн адам (2005).»: the bracketed year closing the clause of the figure at tokens
    [a, b), unless a date before the figure dates it."""
    dated = any(d.type == "DATE" for _, d in index.dates_in(sentence.first_token, a))
    return None if dated else bracketed_year(index, sentence, b)


def period_between(start: str | None, end: str | None) -> str | None:
    """The period from the last figure's year to this one's, when both are single dates in order."""
    if start and end and "/" not in start + end and start[:4] < end[:4]:
        return f"{start}/{end}"
    return end


def bracketed_year(index: TokenIndex, sentence: Sentence, b: int) -> str | None:
    """The year or date in the brackets that close the clause of the figure ending at token
    ``b``, when nothing but punctuation follows them in the sentence and no new clause (a
    semicolon, «, ал», a finite verb before other words) stands between the figure and them."""
    norms, last = index.norms, sentence.last_token
    opening = next((k for k in range(b, last) if norms[k] == "("), None)
    if opening is None or not _clause_goes_on(index, b, opening):
        return None
    closing = next((k for k in range(opening + 1, last) if norms[k] == ")"), None)
    if closing is None or any(norms[k][:1].isalnum() for k in range(closing + 1, last)):
        return None
    inner = range(opening + 1, closing)
    if len(inner) == 1 and _YEAR.fullmatch(norms[opening + 1]):
        return norms[opening + 1]
    dates = [d for k, d in index.dates_in(opening + 1, closing) if d.type == "DATE"]
    covered = {k for k in inner if k in index.date_tokens}
    return dates[0].value if len(dates) == 1 and covered == set(inner) else None


def _clause_goes_on(index: TokenIndex, b: int, opening: int) -> bool:
    norms = index.norms
    for k in range(b, opening):
        word = norms[k].lower()
        if word in (";", ":") or word in _CONTRAST and k > b and norms[k - 1] == ",":
            return False
        if k < opening - 1 and finite(norms[k]):
            return False
    return True
