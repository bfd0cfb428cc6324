"""Text cut into pieces at every mark boundary, each piece with the marks covering it, so a
template can wrap each piece in a coloured span and escape its text on its own."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    kind: str  # ent, date, qty, ev, quote, hit (CSS classes; see static/style.css)
    title: str = ""
    entity: str | None = None  # entity id: the piece links to its page


@dataclass(slots=True)
class Piece:
    text: str
    kinds: list[str] = field(default_factory=list)
    title: str = ""
    entity: str | None = None
    anchor: str | None = None  # "quote" on the first piece of the quote


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """``text`` split at mark boundaries; overlapping marks both apply to the shared piece."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)),
                   key=lambda m: (m.start, -m.end))
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[Piece] = []
    active: list[tuple[int, int, Mark]] = []  # heap of (end, order, mark)
    i = 0
    quoted = False
    for a, b in pairwise(cuts):
        while i < len(marks) and marks[i].start <= a:
            heapq.heappush(active, (marks[i].end, i, marks[i]))
            i += 1
        while active and active[0][0] <= a:
            heapq.heappop(active)
        piece = _piece(text[a:b], [m for _, _, m in sorted(active, key=lambda e: e[1])])
        if "quote" in piece.kinds and not quoted:
            piece.anchor, quoted = "quote", True
        out.append(piece)
    return out


def _piece(text: str, covering: list[Mark]) -> Piece:
    kinds = list(dict.fromkeys(m.kind for m in covering))
    titles = list(dict.fromkeys(m.title for m in covering if m.title))
    entity = next((m.entity for m in reversed(covering) if m.entity), None)
    return Piece(text, kinds, " · ".join(titles), entity)


def span_marks(spans: list[dict[str, Any]]) -> list[Mark]:
    """Marks for stored spans: entity mentions, dates (TIMEX value) and quantities."""
    out = []
    for s in spans:
        if s["kind"] == "entity":
            name = s["attrs"].get("name") or s["value"]
            out.append(Mark(s["start"], s["end"], "ent", f"{name} ({s['label']})", s["value"]))
        elif s["kind"] == "date":
            out.append(Mark(s["start"], s["end"], "date", f"күн: {s['value']}"))
        elif s["kind"] == "quantity":
            unit = f" {s['label']}" if s["label"] else ""
            out.append(Mark(s["start"], s["end"], "qty", f"сан: {s['value']}{unit}"))
    return out


def evidence_marks(evidence: list[dict[str, Any]]) -> list[Mark]:
    """Marks for sentences that state facts, titled with what they state."""
    out = []
    for e in evidence:
        said = "; ".join(f"{f['subject']['name']} — {f['label']}"
                         + (f" — {f['object']['name']}" if f["object"] else "")
                         for f in e["facts"][:5])
        out.append(Mark(e["start"], e["end"], "ev", f"факт: {said}"))
    return out


def own_marks(quote: dict[str, Any], answer_spans: list[dict[str, Any]]) -> list[Mark]:
    """Marks, relative to one source sentence, on the answer's own spans that fall inside it."""
    start, end = quote["start"], quote["end"]
    return [Mark(s["start"] - start, s["end"] - start, "hit") for s in answer_spans
            if s["doc"] == quote["doc"] and start <= s["start"] < s["end"] <= end]


def answer_marks(quote: dict[str, Any], spans: list[dict[str, Any]], value: Any,
                 answer: str | None, answer_spans: list[dict[str, Any]] | None = None) -> list[Mark]:
    """Marks, relative to one source sentence, on the words that carry the answer: the answer's
    own spans (``Answer.spans``) where they fall in the sentence, else the annotated spans whose
    value is the answer's, else the answer's text where the sentence writes it."""
    if found := own_marks(quote, answer_spans or []):
        return found
    start, end = quote["start"], quote["end"]
    values = {str(v) for v in value} if isinstance(value, list) else {str(value)}
    found = [Mark(s["start"] - start, s["end"] - start, "hit")
             for s in spans if s["start"] >= start and s["end"] <= end and str(s["value"]) in values]
    if not found and answer and answer in quote["text"]:
        at = quote["text"].index(answer)
        found = [Mark(at, at + len(answer), "hit")]
    return found
