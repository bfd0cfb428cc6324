"""When a figure holds: the date before it in its sentence (``figure_time``), a starting point or a
base of comparison («2010 жылдан бері», «2015 жылмен салыстырғанда»), a change between two years,
a bare year or date in brackets closing its clause («Халқы 1,2 млн адам (2005).»), and a change's
period between two figures' years (reads the token index only)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Quantity, Sentence
from derek.extract.history import finite
from derek.extract.periods import merged_periods
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}")
_CONTRAST = {"ал", "бірақ", "алайда"}  # «…, ал …»: a new clause with its own figures
_SINCE = {"бері", "бастап", "салыстырғанда", "қарағанда"}
_BASE = {"салыстырғанда", "қарағанда"}  # compared with: the start of a change's period


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


def figure_time(index: TokenIndex, sentence: Sentence, a: int, change: bool = False) -> str | None:
    """The figure's time: the last date before it in the sentence, else the first after it;
    «2010 жылдан бері» (since 2010) is a starting point, not the figure's time, «2000 жылдан
    2010 жылға дейін» (from … until …) a period, and so is a change against a base year."""
    # «2000 жылдан 2010 жылға дейін … 3 есе артты»: the figure's time is the period, 2000/2010
    merged = [(k, d) for k, d in merged_periods(index, index.dates_in(sentence.first_token, sentence.last_token))
              if d.type == "DATE"]
    dates = [(k, d) for k, d in merged if not _since(index, k, sentence.last_token)]
    before = [d for k, d in dates if k < a]
    time = before[-1].value if before else dates[0][1].value if dates else None
    # «2015 жылмен салыстырғанда 2020 жылы 20 %-ға өсті»: a change between two years, 2015/2020
    bases = [d.value for k, d in merged if change and _since(index, k, sentence.last_token, _BASE)]
    if time and "/" not in time and bases and "/" not in bases[0] and bases[0][:4] < time[:4]:
        return f"{bases[0]}/{time}"
    return time


def states_change(index: TokenIndex, sentence: Sentence, b: int, q: Quantity) -> bool:
    """Does the figure state a change: a multiplier («4 есе»), or a change verb within the next
    three words of its clause («20 %-ға өсті»; extract/data/change_verbs.txt)?"""
    if q.kind == "multiplier":
        return True
    for k in range(b, min(b + 3, sentence.last_token)):
        if index.norms[k] in (",", ";"):
            return False
        if word_info(index.norms[k])[0] in _change_verbs():
            return True
    return False


@cache
def _change_verbs() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in load_list("change_verbs.txt", "derek.extract"))


def _since(index: TokenIndex, k: int, last: int, words: set[str] = _SINCE) -> bool:
    """Is the date starting at token ``k`` a starting point or a base of comparison? Only its own
    tokens are skipped: in «1920 жылы 1913 жылмен салыстырғанда» the base is 1913, not 1920."""
    starts = {j for j, _ in index.dates_in(k + 1, last)}
    while k + 1 < last and k + 1 in index.date_tokens and k + 1 not in starts:
        k += 1
    return any(index.norms[j].lower() in words for j in (k, k + 1) if j < last)
