"""Answers in Kazakh: TIMEX values as dates people write («1992 жылғы 2 наурыз»), lists joined."""

from __future__ import annotations

import re
from functools import cache

from derek.lang.kk.resources import load_tsv

_DATE = re.compile(r"(BC)?(\d{4}|\d{1,3}X+)(?:-(\d{2}))?(?:-(\d{2}))?$")


@cache
def month_names() -> dict[int, str]:
    return {int(r["month"]): r["kk"] for r in load_tsv("months.tsv")}


def render_date(value: str | None, answer_type: str = "date") -> str | None:
    """1992-03-02 → «1992 жылғы 2 наурыз»; 1993-12 → «1993 жылғы желтоқсан»; 2013/2015 → «2013–2015 жылдар»."""
    if not value:
        return None
    if "/" in value:
        return _render_range(value.split("/")[:2], answer_type)
    m = _DATE.match(value)
    if not m:
        return value
    bc, year, month, day = m.groups()
    era = "б.з.б. " if bc else ""
    if "X" in year:
        return f"{era}{year.replace('X', '0')}-жылдар"
    if answer_type == "year" or not month:
        return f"{era}{int(year)} жыл"
    name = month_names().get(int(month), month)
    if answer_type == "month" or not day:
        return f"{era}{int(year)} жылғы {name}"
    return f"{era}{int(year)} жылғы {int(day)} {name}"


PERIOD_PARTS = frozenset({"басы", "ортасы", "соңы", "жартысы", "ширегі"})  # beginning, middle, end, half, quarter
PART_ORDINALS = frozenset({"бірінші", "екінші", "үшінші", "төртінші", "соңғы"})


def period_text(mention: str, following: list[str]) -> str:
    """A century or decade as its text says it, with the part that follows: «XIX ғасырдың» +
    «бірінші ширегінде» → «XIX ғасырдың бірінші ширегінде» («1800-жылдар» would lose both)."""
    words = [w.lower() for w in following[:2]]
    take = 2 if len(words) == 2 and words[0] in PART_ORDINALS else 1
    part = words[take - 1] if len(words) >= take else ""
    if not any(part.startswith(p) for p in PERIOD_PARTS) \
            or any(mention.split()[-1].lower().startswith(p) for p in PERIOD_PARTS):  # «басында», not «басқа»
        return mention
    return " ".join([mention, *following[:take]])


def _render_range(ends: list[str], answer_type: str) -> str:
    """2013/2015 → «2013–2015 жылдар»; 2010-12-01/2010-12-02 → «2010 жылғы 1–2 желтоқсан»."""
    first, last = ends[0], ends[-1]
    if answer_type == "year" or (len(first) == 4 and len(last) == 4):
        return f"{first[:4]}–{last[:4]} жылдар" if first[:4] != last[:4] else render_date(first[:4], "year") or first
    if len(first) == len(last) == 10 and first[:7] == last[:7] and answer_type not in ("month",):
        head = render_date(first, answer_type) or first  # «2010 жылғы 1 желтоқсан»
        day = str(int(first[8:]))
        return head.replace(f" {day} ", f" {day}–{int(last[8:])} ", 1)
    parts = [render_date(v, answer_type) for v in (first, last)]
    return " – ".join(dict.fromkeys(p for p in parts if p))


def join_list(items: list[str]) -> str:
    """«Қазақстан, Қытай және Ресей»."""
    items = list(dict.fromkeys(i for i in items if i))
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " және " + items[-1]


def fact_value(fact: dict) -> str:
    """A fact's literal as a reader wants it on a card or a timeline: a figure as its document wrote
    it, after what it measures when that is a word the figure's text lacks («агенттік: 20-дан
    астам», «180 млн адам»), not the stored normalized value («1.83e+08 person»)."""
    value = fact.get("value")
    qualifiers = fact.get("qualifiers") or {}
    text = qualifiers.get("quantity_text")
    if value is None or not text:
        return "" if value is None else str(value)
    measure = str(qualifiers.get("measured") or qualifiers.get("measure") or "")  # «арзан: елу теңгеге»
    named = any(c.isalpha() and not c.isascii() for c in measure)  # a word, not a unit code (kg, USD)
    return f"{measure}: {text}" if named and measure.lower() not in text.lower() else text
