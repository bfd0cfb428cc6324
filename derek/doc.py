"""The document model: a decoded text plus the annotations pipeline stages add to it.

Every annotation carries character offsets into ``Document.text`` (the original decoded
text, never a normalized copy): ``doc.text[a.start:a.end] == a.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from derek.lang.kk.normalize import Normalized


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str = ""  # normalized spelling used for matching (see lang.kk.normalize)
    lemma: str = ""  # filled by the morphology stage

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int = 0  # index into Document.tokens
    last_token: int = 0  # exclusive

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class DateMention:
    """A TIMEX3-style temporal expression: type DATE/DURATION/SET, value like 1991-12-21."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    """A figure that is not a date, fully scaled: value 3.4e10, unit USD."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    range: list[float] | None = None  # [low, high] when the text gives a range
    approx: str | None = None  # "approx", "more_than", "less_than", "at_least", "up_to"
    kind: str = "cardinal"  # cardinal, ordinal, percent, money, multiplier, count

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class EntityMention:
    """A name in the text, linked to a canonical entity (gazetteer id or provisional id)."""

    start: int
    end: int
    text: str
    type: str  # state, organization, treaty, person, place, event, ... or a KazNERD class
    entity: str  # canonical id, e.g. "org:un" or "prov:person:арыстанбекова"
    name: str  # canonical Kazakh name
    wikidata: str | None = None
    source: str = "gazetteer"  # gazetteer or ner
    case: str = "NOM"  # grammatical case of the head word: NOM GEN DAT ACC LOC ABL INS ATTR

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "entity": self.entity,
            "name": self.name,
            "wikidata": self.wikidata,
            "case": self.case,
            "source": self.source,
        }


@dataclass(slots=True)
class Fact:
    """(subject, predicate, object or value, time, place) with the sentence that states it."""

    subject: str
    predicate: str
    object: str | None
    value: str | None
    time: str | None
    place: str | None
    start: int  # evidence sentence offsets
    end: int
    confidence: float = 1.0
    qualifiers: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocumentMeta:
    path: str
    name: str
    title: str
    format: str
    encoding: str | None
    size: int
    sha256: str
    ingested_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    text: str
    meta: DocumentMeta | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    entities: list[EntityMention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    _normalized: Normalized | None = field(default=None, repr=False, compare=False)

    def normalized(self) -> Normalized:
        """The matching form of the text (computed once, shared by every stage)."""
        if self._normalized is None:
            from derek.lang.kk.normalize import normalize

            self._normalized = normalize(self.text)
        return self._normalized

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.last_token]

    def to_dict(self) -> dict[str, Any]:
        """The ``derek analyze --json`` shape; later stages add keys, never rename them."""
        return {
            "text_length": len(self.text),
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [t.to_dict() for t in self.tokens],
            "dates": [d.to_dict() for d in self.dates],
            "quantities": [q.to_dict() for q in self.quantities],
            "entities": [e.to_dict() for e in self.entities],
        }
