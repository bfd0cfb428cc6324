"""Entity mentions: gazetteer names through morphology, then CRF names linked provisionally.

Reads Document.tokens, sentences and dates; writes Document.entities. A name in no gazetteer
becomes a provisional entity keyed by its lemma, so an unknown name found twice is one entity.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from derek.doc import Document, EntityMention, Token
from derek.extract.deixis import deixis_mentions
from derek.extract.gazetteer import case_of, fold, load_gazetteer
from derek.lang.kk.morphology import lemma

# KazNERD classes kept as entities when no gazetteer name covers them, with derek's type.
NER_TYPES = {
    "PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organization",
    "EVENT": "event", "LAW": "treaty", "FACILITY": "place", "PROJECT": "project",
}


@cache
def _tagger():  # noqa: ANN202 - NerTagger, imported lazily (loads the CRF model)
    from derek.extract.ner import NerTagger

    return NerTagger()


def extract_entities(doc: Document, use_ner: bool = True) -> Document:
    """Pipeline stage: fill ``doc.entities``."""
    gazetteer = load_gazetteer()
    skip = _date_tokens(doc)
    taken: set[int] = set()
    mentions: list[EntityMention] = []
    for a, b, entity_id, case in gazetteer.match(doc.tokens, skip):
        entry = gazetteer.entries[entity_id]
        if entry.type == "person":
            a = _with_initials(doc, a)
        mention = _mention(doc, a, b, entity_id, entry.type, entry.name, entry.wikidata, "gazetteer")
        mention.case = case
        mentions.append(mention)
        taken.update(range(a, b))
    if use_ner:
        mentions += _ner_mentions(doc, taken | skip)
    mentions += deixis_mentions(doc, _covered(doc, mentions) | skip)
    doc.entities = sorted(mentions, key=lambda m: (m.start, m.end))
    return doc


def extract_gazetteer_entities(doc: Document) -> Document:
    """Pipeline stage without the statistical NER: gazetteer names only."""
    return extract_entities(doc, use_ner=False)


def _mention(doc: Document, a: int, b: int, entity: str, type_: str, name: str,
             wikidata: str | None, source: str) -> EntityMention:
    start, end = doc.tokens[a].start, doc.tokens[b - 1].end
    return EntityMention(start, end, doc.text[start:end], type_, entity, name, wikidata, source)


def _with_initials(doc: Document, a: int) -> int:
    """«Қ.Қ. Тоқаев»: initials right before a person's name belong to the mention."""
    while a > 0 and _is_initial(doc.tokens[a - 1].norm) and doc.tokens[a].start - doc.tokens[a - 1].end <= 1:
        a -= 1
    return a


def _is_initial(norm: str) -> bool:
    return len(norm) == 2 and norm[0].isupper() and norm[1] == "."


def _covered(doc: Document, mentions: list[EntityMention]) -> set[int]:
    starts = [t.start for t in doc.tokens]
    return {i for m in mentions for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))}


def _date_tokens(doc: Document) -> set[int]:
    """Tokens inside a date expression (a month name is not the city Қазан)."""
    starts = [t.start for t in doc.tokens]
    inside: set[int] = set()
    for d in doc.dates:
        i = bisect_left(starts, d.start)
        while i < len(doc.tokens) and doc.tokens[i].end <= d.end:
            inside.add(i)
            i += 1
    return inside


def _ner_mentions(doc: Document, taken: set[int]) -> list[EntityMention]:
    tagger = _tagger()
    found = []
    for sentence in doc.sentences:
        tokens = doc.tokens[sentence.first_token : sentence.last_token]
        # the model learned KazNERD's tokens as written («», Latin look-alikes and all)
        for a, b, label in tagger.spans([t.text for t in tokens]):
            a, b = a + sentence.first_token, b + sentence.first_token
            type_ = NER_TYPES.get(label)
            if type_ is None or taken.intersection(range(a, b)):
                continue
            key, name = provisional_key(doc.tokens[a:b])
            mention = _mention(doc, a, b, f"prov:{type_}:{key}", type_, name, None, "ner")
            mention.case = case_of(doc.tokens[b - 1].norm)
            found.append(mention)
    return found


def provisional_key(tokens: list[Token]) -> tuple[str, str]:
    """(id key, display name) of an unknown name: words as written, the last one lemmatized."""
    words = [t.norm for t in tokens[:-1]] + [lemma(tokens[-1].norm)]
    name = " ".join(words)
    return "_".join(fold(w) for w in words), name
