"""Names in quotation marks closed by an organization's head noun: «« Астана ЛРТ » компаниясы»,
«« Ақ жол » партиясынан», «« Транс Азия Констракшн » серіктестігі». News writes a company's or
a party's name in guillemets before its kind; a city or a region inside the quotes («Астана»,
«Азия») is part of the name, not a place the sentence is about, so it must not own the figures
and facts the sentence states about the organization."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.entities_heads import MakeMention
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_list

_OPEN, _CLOSE = {"«", '"', "“"}, {"»", '"', "”"}
_MAX_WORDS = 6  # a name longer than this inside quotes is a quotation, not a name


def quoted_organizations(doc: Document, mentions: list[EntityMention], make: MakeMention) -> list[EntityMention]:
    """Replace the mentions inside a quoted name closed by an organization head with one
    organization mention of the quoted words (its case the head's); an organization mention
    that already spans exactly the quoted words (a gazetteer party) is kept as it is."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    spans = [(bisect_left(starts, m.start), bisect_left(starts, m.end), m) for m in mentions]
    out = list(mentions)
    for a, b, case in _quoted_names(doc):
        inside = [m for s, e, m in spans if a <= s and e <= b]
        if any(s == a and e == b and m.type in ("organization", "body") for s, e, m in spans if m in inside):
            continue
        if any(m.type == "person" for m in inside):
            continue  # «« Қаныш Сәтбаев » қоры»: a person's name stays the person's
        out = [m for m in out if m not in inside]
        mention = make(doc, a, b, "organization")
        mention.case = case
        out.append(mention)
    return out


def _quoted_names(doc: Document) -> list[tuple[int, int, str]]:
    """(first, last + 1, case of the head) of each capitalized quoted name right before an
    organization head noun with the 3rd-person possessive («компаниясы», «партиясынан»)."""
    tokens = doc.tokens
    found: list[tuple[int, int, str]] = []
    for i, t in enumerate(tokens):
        if t.norm not in _OPEN:
            continue
        j = next((k for k in range(i + 1, min(len(tokens), i + _MAX_WORDS + 2)) if tokens[k].norm in _CLOSE), None)
        if j is None or j == i + 1 or j + 1 >= len(tokens) or not tokens[i + 1].norm[:1].isupper():
            continue
        case = _org_head_case(tokens[j + 1].norm)
        if case is not None:
            found.append((i + 1, j, case))
    return found


@cache
def organization_heads() -> frozenset[str]:
    """Head nouns naming a kind of organization (data/company_heads.txt)."""
    return frozenset(load_list("company_heads.txt"))


def _org_head_case(word: str) -> str | None:
    """The case of an organization head noun tied to the name before it, None for other words."""
    for reading in analyze(word.lower())[:1]:  # the best reading only
        if reading.lemma in organization_heads() and "POSS.3" in reading.tags:
            cases = [c for c in ("GEN", "DAT", "ACC", "LOC", "ABL", "INS") if c in reading.tags]
            return cases[0] if cases else "NOM"
    return None
