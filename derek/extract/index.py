"""Token positions of a Document's entity mentions, dates and quantities, with the look-ups
the fact extractor makes over them (the antecedent of «Кеңестің», the last organization named)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from derek.doc import DateMention, Document, EntityMention, Quantity
from derek.extract.rules import Arg


class TokenIndex:
    """Token positions of entity mentions, dates and quantities."""

    def __init__(self, doc: Document) -> None:
        by_start = {t.start: i for i, t in enumerate(doc.tokens)}
        by_end = {t.end: i + 1 for i, t in enumerate(doc.tokens)}
        self.norms = [t.norm for t in doc.tokens]
        # names the statistical NER found outside the gazetteer take part only as people: its
        # organization and place spans are too often fragments of a longer name
        self.mentions = [(by_start.get(m.start), by_end.get(m.end), m) for m in doc.entities
                         if m.source == "gazetteer" or m.type == "person"]
        self.mentions = sorted(((a, b, m) for a, b, m in self.mentions if a is not None and b is not None),
                               key=lambda x: x[0])
        self.dates = sorted(((by_start.get(d.start, -1), d) for d in doc.dates), key=lambda x: x[0])
        self.quantities = sorted(((by_start.get(q.start, -1), by_end.get(q.end, -1), q) for q in doc.quantities),
                                 key=lambda x: x[0])
        title_end = doc.text.find("\n") if "\n" in doc.text else len(doc.text)
        self.title = {m.entity for m in doc.entities if m.end <= title_end}  # what the document is about
        self.date_tokens = {i for d in doc.dates for i in range(by_start.get(d.start, 0), by_end.get(d.end, 0))}
        self._mention_starts = [a for a, _, _ in self.mentions]
        self._date_starts = [a for a, _ in self.dates]
        self._quantity_starts = [a for a, _, _ in self.quantities]
        self._orgs = [m for _, _, m in self.mentions if m.type == "organization"]
        self._org_starts = [a for a, _, m in self.mentions if m.type == "organization"]

    def mentions_in(self, first: int, last: int) -> list[tuple[int, int, EntityMention]]:
        """Mentions starting at tokens first..last-1 (binary search: facts stay linear in text)."""
        return self.mentions[bisect_left(self._mention_starts, first) : bisect_left(self._mention_starts, last)]

    def dates_in(self, first: int, last: int) -> list[tuple[int, DateMention]]:
        return self.dates[bisect_left(self._date_starts, first) : bisect_left(self._date_starts, last)]

    def quantities_in(self, first: int, last: int) -> list[tuple[int, int, Quantity]]:
        lo, hi = bisect_left(self._quantity_starts, first), bisect_left(self._quantity_starts, last)
        return self.quantities[lo:hi]

    def _before(self, token: int) -> Iterator[tuple[int, int, EntityMention]]:
        """Mentions starting before ``token``, nearest first."""
        for k in range(bisect_left(self._mention_starts, token) - 1, -1, -1):
            yield self.mentions[k]

    def antecedent_org(self, token: int, noun: str) -> tuple[str, str] | None:
        """The organization or body before ``token`` whose name has ``noun`` in it
        («Кеңестің» → «…сенім шаралары жөніндегі кеңес»): the one the document's title names
        («Одақ» in a text titled «Еуразиялық экономикалық одақ» is the EAEU, not the customs
        union named last), else the last one whose name ends in it; for «Ұйым» the last organization."""
        stem = noun[:-1]
        earlier = [m for _, _, m in self._before(token) if m.type in ("organization", "body")]
        named = [m for m in earlier if stem in m.name.lower()]
        heads = [m for m in named if m.name.lower().split()[-1].startswith(stem)] or named
        best = next((m for m in heads if m.entity in self.title), heads[0] if heads else None)
        if best:
            return best.entity, best.type
        if noun in ("ұйым", "бірлестік"):
            return next(((m.entity, m.type) for m in earlier if m.type == "organization"), None)
        return None

    def last_organization(self, token: int) -> Arg | None:
        """The organization named last before ``token``: what the text is about."""
        k = bisect_left(self._org_starts, token) - 1  # the last one starting before it
        found = self._orgs[k] if k >= 0 else None
        return Arg(found.entity, found.type, "NOM", token, token, anaphor=True) if found else None

    def last_before(self, token: int, types: tuple[str, ...] | frozenset[str],
                    since: int = 0) -> tuple[str, str] | None:
        """The last mention of one of ``types`` between token ``since`` and ``token``, a
        nominative one (a subject) first."""
        found = []
        for a, _, m in self._before(token):
            if a < since:
                break  # nearest first: every later one starts before ``since`` too
            if m.type in types:
                found.append(m)
        best = next((m for m in found if m.case == "NOM"), found[0] if found else None)
        return (best.entity, best.type) if best else None
