"""The timeline's geometry: a year axis and one row per dated fact, for an SVG template to draw
(the template escapes every label; nothing here builds markup)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from derek.query.cards import MEMBERSHIP, ROLES
from derek.query.render import render_date

WIDTH = 1000
LEFT, RIGHT, TOP, ROW = 24, 24, 48, 26
MAX_ROWS = 400
CHAR = 7.2  # average width of a 13px character, in viewBox units
_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


@dataclass(slots=True)
class Row:
    y: int
    x: float
    label: str
    date: str
    year: int
    group: str  # membership, role, event: the dot's colour
    href: str | None
    anchor: str  # "start" (label right of the dot) or "end" (left of it)


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    ticks: list[tuple[float, int]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    hidden: int = 0  # events beyond MAX_ROWS


def chart(events: list[dict[str, Any]]) -> Chart:
    shown = events[:MAX_ROWS]
    years = [e["year"] for e in shown] or [0]
    lo, hi = min(years), max(years)
    step = next((s for s in _STEPS if (hi - lo) / s <= 10), _STEPS[-1])
    lo, hi = (lo // step) * step, -(-(hi + 1) // step) * step  # whole steps around the events
    span = max(hi - lo, 1)
    x = lambda year: round(LEFT + (year - lo) / span * (WIDTH - LEFT - RIGHT), 1)
    out = Chart(WIDTH, TOP + ROW * len(shown) + 16, hidden=len(events) - len(shown))
    out.ticks = [(x(year), year) for year in range(lo, hi + 1, step)]
    for i, event in enumerate(shown):
        at = x(event["year"] + _fraction(event["time"]))
        anchor = "start" if at < WIDTH * 0.55 else "end"
        room = (WIDTH - RIGHT - at) if anchor == "start" else (at - LEFT)
        date = render_date(event["time"]) or str(event["year"])
        out.rows.append(Row(TOP + ROW * i + ROW // 2, at, _label(event, int(room / CHAR) - 8),
                            date, event["year"], _group(event), _href(event), anchor))
    return out


def _fraction(time: str) -> float:
    """The position of a month within its year (1992-07 is half way through 1992)."""
    parts = time.split("/")[0].split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
        return (int(parts[1]) - 1) / 12
    return 0.0


def _label(event: dict[str, Any], room: int) -> str:
    """«subject label object», cut to the characters that fit beside the dot."""
    other = event["object"]["name"] if event["object"] else (event["value"] or "")
    text = " ".join(p for p in (event["subject"]["name"], event["label"], other) if p)
    room = max(room, 12)
    return text if len(text) <= room else text[: room - 1] + "…"


def _group(event: dict[str, Any]) -> str:
    if event["predicate"] in MEMBERSHIP:
        return "membership"
    return "role" if event["predicate"] in ROLES else "event"


def _href(event: dict[str, Any]) -> str | None:
    if not event["sources"]:
        return None
    s = event["sources"][0]
    return f"/doc/{s['doc_id']}?start={s['start']}&end={s['end']}#quote"
