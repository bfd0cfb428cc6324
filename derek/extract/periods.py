"""Periods said with two dates: «1920 жылдан 1921 жылға дейін» (from … until …) is one period,
1920/1921 (reads the token index's dates)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from derek.doc import DateMention
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex


def merged_periods(index: TokenIndex, dates: list[tuple[int, DateMention]]) -> list[tuple[int, DateMention]]:
    """«1920 жылдан 1921 жылға дейін» (from … until …) is one period, 1920/1921."""
    out: list[tuple[int, DateMention]] = []
    for a, d in dates:
        if out and d.mod == "BEFORE" and "/" not in d.value and _starts(index, *out[-1]):
            first = out.pop()[1]
            d = replace(d, value=f"{first.value}/{d.value}", mod=None)
        out.append((a, d))
    return out


def _starts(index: TokenIndex, a: int, d: DateMention) -> bool:
    """A date said in the ablative or with «бастап» (since) opens a period."""
    if "/" in d.value or d.type != "DATE":
        return False
    return d.mod == "SINCE" or d.mod is None and a + 1 < len(index.norms) and "ABL" in word_info(index.norms[a + 1])[1]


def held_time(dates: list[DateMention]) -> str | None:
    """When a post was held: the first period among the dates, else the first date."""
    return next((d.value for d in dates if "/" in d.value), dates[0].value if dates else None)


def year_alone_in_brackets(index: TokenIndex, first: int, last: int) -> DateMention | None:
    """A bare year alone in parentheses («Ол алғаш (1938) … комбинаты болып құрылған»): the
    date of a clause that names no other; the number stage reads it as a plain figure."""
    norms = index.norms
    for a, b, q in index.quantities_in(first, last):
        if a - 1 >= first and b < last and norms[a - 1] == "(" and norms[b] == ")" and b == a + 1 \
                and q.unit is None and norms[a].isdigit() and len(norms[a]) == 4 and 1000 <= q.value <= 2100:
            return DateMention(q.start, q.end, q.text, "DATE", norms[a])
    return None
