"""Counts read off years: «неше жыл» from a range of calendar years, «неше саммит» from the dated
items of a list that fall inside the range the question names. Session 17, round 2 (docs/ask.md
"Session 17: blind dev errors").

«2017–2018 жылдары … жұмыс істеді» names the calendar years themselves (the plural «жылдары»,
«жылдар аралығында»: in the years 2017 and 2018), so «неше жыл?» counts both ends: 2, not the
difference 1. A difference would need two points in time (a day and a month at each end), and a
range written with days is left to the DURATION reading.
"""

from __future__ import annotations

import re
from typing import Any

from derek.kb.search import term
from derek.query.cases import is_focus
from derek.query.passages import Passage
from derek.query.question import Question

YEAR_UNIT = "жыл"
_YEAR_RANGE = re.compile(r"(\d{4})/(\d{4})")
RANGE_COUNTED = 0.9  # a count the sentence leaves to the reader, as counted.COUNTED_ENTITY
DATE_JOINERS = frozenset({",", "және", "мен", "пен", "бен"})  # between the dates or ranges of one list
SEGMENT_BREAKS = frozenset({",", ";", "және"})  # the items of a list of dated clauses


def year_range(value: Any) -> tuple[int, int] | None:
    """"2017/2018" → (2017, 2018): a range of whole years, first before last."""
    m = _YEAR_RANGE.fullmatch(str(value))
    if m is None or int(m.group(1)) >= int(m.group(2)):
        return None
    return int(m.group(1)), int(m.group(2))


def range_years(p: Passage, x: dict[str, Any], question: Question) -> tuple[str, dict[str, Any]] | None:
    """«неше жыл … жұмыс істеді?» ← «2017–2018 жылдары … жұмыс істеді»: the number of calendar
    years the range names, both ends counted (see the module's docstring), and the span that
    names them. The range times the
    sentence's event, so the sentence must tell the asked one: it holds the question's verb
    («2013–2015 жылдар аралығында … мүшесі болып табылады» does not answer «… жұмыс істеді?»)."""
    if question.focus != YEAR_UNIT or x["kind"] != "date" or x["label"] != "DATE":
        return None
    if not question.verb or not any(term(t) == question.verb for t in p.tokens):
        return None
    if str(x["value"]) in {str(d.value) for d in question.dates}:
        return None  # the question's own range is not its answer
    run = _range_run(p, x)
    if not run or run[0] is not x:
        return None  # one answer per run of ranges, read at its first
    years = sum(last - first + 1 for first, last in (year_range(r["value"]) or (0, -1) for r in run))
    return str(years), {**x, "end": run[-1]["end"]}  # the span: the whole run


def _range_run(p: Passage, x: dict[str, Any]) -> list[dict[str, Any]]:
    """The ranges of years joined to ``x`` by «және», «мен» or a comma («2007–2011 және 2013–2019
    жылдары … болды»: two terms, 5 + 7 = 12 years); [] when ``x`` is no range of years."""
    ranges = sorted((r for r in p.spans if r["kind"] == "date" and r["label"] == "DATE"
                     and year_range(r["value"])), key=lambda r: r["start"])
    return next((run for run in joined_runs(p, ranges, DATE_JOINERS) if any(r is x for r in run)), [])


def joined_runs(p: Passage, spans: list[dict[str, Any]], joiners: frozenset[str] = DATE_JOINERS,
                ) -> list[list[dict[str, Any]]]:
    """``spans`` (in text order) grouped into runs whose neighbours only a joiner («және», a comma)
    separates: «2005, 2011 және 2017 жылдары» is one run of three."""
    runs: list[list[dict[str, Any]]] = []
    for x in spans:
        between = p.text[runs[-1][-1]["end"] - p.start : x["start"] - p.start].strip() if runs else None
        if between in joiners:
            runs[-1].append(x)
        else:
            runs.append([x])
    return runs


def dated_in_range(p: Passage, question: Question) -> list[tuple[str, str, dict[str, Any]]]:
    """«2010–2019 жылдары неше саммит өтті?» ← «Стамбұлдағы үшінші саммит 2010 жылы, Шанхайдағы
    төртінші саммит 2014 жылы, Душанбедегі бесінші саммит 2019 жылы өтті»: the list items (split at
    commas and «және») that each name the asked noun and a year inside the question's range count
    it: 3. One item is no count."""
    ranges = [r for d in question.dates if (r := year_range(d.value))]
    if not ranges or not question.focus or question.focus == YEAR_UNIT:
        return []
    first, last = ranges[0]
    items: list[dict[str, Any]] = []
    for segment in _segments(p):
        dates = [x for x in p.spans if x["kind"] == "date" and x["label"] == "DATE"
                 and segment[0].start <= x["start"] - p.start < segment[-1].end]
        years = [int(str(x["value"])[:4]) for x in dates if str(x["value"])[:4].isdigit()]
        if len(dates) == 1 and years and first <= years[0] <= last and any(is_focus(t, question) for t in segment):
            items.append(dates[0])
    if len(items) < 2:
        return []
    span = {"kind": "count", "start": items[0]["start"], "end": items[-1]["end"], "attrs": {"counted": True}}
    return [(str(len(items)), str(len(items)), span)]


def _segments(p: Passage) -> list[list[Any]]:
    """The sentence's tokens cut at commas, semicolons and «және»."""
    segments: list[list[Any]] = [[]]
    for t in p.tokens:
        if t.norm.lower() in SEGMENT_BREAKS:
            segments.append([])
        else:
            segments[-1].append(t)
    return [s for s in segments if s]
