"""What a gazetteer name's context says about it: the CRF's class for the span (``SentenceTags``,
``in_context``) and the years of the dates around it (``Years``, ``of_its_time``), to choose between
readings of one ambiguous name. Split out of ``entities`` (session 23), which calls them."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from derek.doc import Document

# gazetteer types a KazNERD class names, to choose between readings of one name by its context
NER_FAMILIES = {
    "PERSON": {"person"}, "GPE": {"state", "city", "region"},
    "LOCATION": {"place", "mountain", "river", "lake", "sea", "region"}, "ORGANISATION": {"organization", "body"},
}
@cache
def tagger():  # a NerTagger, imported lazily (loads the CRF model)
    from derek.extract.ner import shared_tagger

    return shared_tagger()


class SentenceTags:
    """The CRF's spans of each sentence, tagged once, on first need."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.starts = [s.first_token for s in doc.sentences]
        self.spans: dict[int, list[tuple[int, int, str]]] = {}

    def of(self, k: int) -> list[tuple[int, int, str]]:
        """(first token, last token + 1, KazNERD class) in the document's token numbering."""
        if k not in self.spans:
            sentence = self.doc.sentences[k]
            tokens = self.doc.tokens[sentence.first_token : sentence.last_token]
            # the model learned KazNERD's tokens as written («», Latin look-alikes and all)
            self.spans[k] = [(a + sentence.first_token, b + sentence.first_token, label)
                             for a, b, label in tagger().spans([t.text for t in tokens])]
        return self.spans[k]

    def opens_person(self, a: int) -> bool:
        """Whether a CRF person span of two words or more starts at token ``a``: a one-word place
        name there is a person's given name (places are read before the CRF, so this is asked)."""
        k = bisect_left(self.starts, a + 1) - 1
        return k >= 0 and any(x == a and y > a + 1 and label == "PERSON" for x, y, label in self.of(k))

    def label(self, a: int, b: int) -> str | None:
        """The class of the CRF span that covers tokens a..b-1, if one does."""
        k = bisect_left(self.starts, a + 1) - 1
        if k < 0:
            return None
        return next((label for x, y, label in self.of(k) if x <= a and b <= y), None)


def in_context(readings: list[str], label: str | None, gazetteer) -> str | None:
    """The one reading of an ambiguous name whose type the CRF's class for it names: «Қонаев 1960
    жылы … төрағасы болды» is the person, «Қонаев қаласы» the city."""
    family = NER_FAMILIES.get(label or "", set())
    fits = [r for r in readings if gazetteer.entries[r].type in family]
    return fits[0] if len(fits) == 1 else None


class Years:
    """The years of a document's dates by position: the time a name is read in."""

    def __init__(self, doc: Document) -> None:
        spans = [(d.start, years_of(d.value)) for d in doc.dates if d.type == "DATE"]
        self.found = [(at, span) for at, span in spans if span is not None]
        self.starts = [at for at, _ in self.found]

    def near(self, offset: int) -> tuple[int, int] | None:
        """The years of the date nearest ``offset``, before or after it."""
        if not self.found:
            return None
        i = bisect_left(self.starts, offset)
        near = [k for k in (i - 1, i) if 0 <= k < len(self.found)]
        return self.found[min(near, key=lambda k: abs(self.starts[k] - offset))][1]


def years_of(value: str) -> tuple[int, int] | None:
    """(first, last) year of a TIMEX3 date: «1992-03-02», «1949/1989», «17XX» (a century), «199X»."""
    parts = [p[:4] for p in value.split("/")]
    if not all(len(p) == 4 and p[:2].isdigit() for p in parts):
        return None
    low = [int(p.replace("X", "0")) for p in parts]
    high = [int(p.replace("X", "9")) for p in parts]
    return min(low), max(high)


def of_its_time(readings: list[str], chosen: str, years: tuple[int, int] | None, gazetteer) -> str:
    """Of people sharing a name (two khans Жәңгір, two Әбілқайыр), the one whose years of office
    are nearest the dates the text gives around the name; ``chosen`` when that does not decide."""
    periods = {r: gazetteer.entries[r].period for r in readings
               if gazetteer.entries[r].type == "person" and gazetteer.entries[r].period}
    if years is None or len(periods) < 2 or chosen not in periods:
        return chosen
    gap = {r: max(0, years[0] - p[1], p[0] - years[1]) for r, p in periods.items()}
    best = min(gap.values())
    fits = [r for r, g in gap.items() if g == best]
    return fits[0] if len(fits) == 1 else chosen
