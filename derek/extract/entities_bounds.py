"""Where a statistical name ends: the CRF runs a name into the words after it («Святослав
арасында … одақ», «Камадағы Бұлғарды»). Only the last word of a Kazakh name takes a case ending,
so a word inside the span in an oblique case closes the name. Reads tokens; used by
``entities._ner_mentions`` before it types a span."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from derek.doc import Document
from derek.extract.gazetteer import case_of

# the cases that close a name; the genitive does not («Ресей Федерациясының Қорғаныс министрлігі»
# is one body) and neither does the nominative of a head («Сығанақ шаһары»)
CLOSING = frozenset({"DAT", "ACC", "LOC", "ABL", "INS", "ATTR"})
# a capitalized word closes only on an ending a name's own last letters rarely imitate: a name
# ending in -ды/-ты/-ны («Құлынды») reads as an accusative far more often than one in -дағы or -ға
CLOSING_CAPITALIZED = CLOSING - {"ACC"}


def closed_spans(doc: Document, spans: Iterable[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Each CRF span cut where a word inside it closes a name: before a lowercase word in an
    oblique case (the rest is no name: «Г.Г.Орловтың көмегімен сарай» → «Г.Г.Орловтың»), after a
    capitalized one (the rest is a name of its own when capitalized: «Камадағы» + «Бұлғарды»)."""
    for a, b, label in spans:
        start = a
        for i in range(a, b - 1):
            word = doc.tokens[i].norm
            upper = word[:1].isupper()
            if i < start or case_of(word) not in (CLOSING_CAPITALIZED if upper else CLOSING):
                continue
            if not upper:
                if i > start:
                    yield start, i, label
                start = b
                break
            yield start, i + 1, label
            start = i + 1
            if not doc.tokens[start].norm[:1].isupper():
                start = b
                break
        if start < b:
            yield start, b, label
