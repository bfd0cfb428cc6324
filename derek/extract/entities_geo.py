"""Place names around geographic heads, and CRF runs of two names, fixed before the heads stage.

The CRF often runs a name into the next one («Махмұд Талас-Шу алқабындағы»: a person, then the
valley he was born in; «Есік обасы үлкен қорымның»: a kurgan, then "of the big cemetery"), stops
a place at an honorific («Қошқар ата ойпаты» read as a person «Қошқар»), or joins a genitive to
the possessive name it owns («Басықараның Қанапиясы»: Kanapiya, the son of Basykara — two
people). The gazetteer splits a compound whose second noun bears the possessive («Талас
Алатауындағы»: the Talas Alatau, not the river and the Ile Alatau). A bare compass word is no
place («Солтүстік пен Оңтүстік»). Each rule reads the construction through the morphology."""

from __future__ import annotations

from bisect import bisect_left

from derek.doc import Document, EntityMention
from derek.extract.entities_heads import COMPASS, GEO_KINDS, NATURAL, MakeMention, head_of
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import MARKED_CASES
from derek.lang.kk.morphology import analyze

# honorifics written lowercase inside a saint's or ancestor's place name: «Қошқар ата ойпаты»,
# «Қорқыт ата», «Домалақ ана», «Баба ата»; lemmas
HONORIFICS = frozenset({"ата", "ана", "баба", "әулие"})
_NAME_POS = frozenset({"PROPN", "NOUN", "X"})


def geo_names(doc: Document, mentions: list[EntityMention], make: MakeMention) -> list[EntityMention]:
    """The mentions with the runs above split or joined; run before ``with_heads``, which then
    extends the places found here by their heads."""
    starts = [t.start for t in doc.tokens]
    out: list[EntityMention] = []
    for m in mentions:
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
        if m.source == "gazetteer":
            out.append(m)
        elif _is_compass(doc, a, b):
            continue
        elif (k := _head_inside(doc, a, b)) is not None:
            out.append(make(doc, a, k, "place"))  # the head itself is joined by ``with_heads``
        elif (k := _honorific_place(doc, b)) is not None:
            place = make(doc, a, k + 1, "place")
            place.case = k_case if (k_case := _head_case(doc, k)) else place.case
            out.append(place)
        elif m.type == "person" and b - a > 1 and (k := _case_break(doc, a, b)) is not None:
            out += [make(doc, a, k, "person"), make(doc, k, b, "person")]
        elif m.type == "person" and b - a > 1 and _before_head(doc, b):
            out += [make(doc, a, b - 1, "person"), make(doc, b - 1, b, "place")]
        else:
            out.append(m)
    return _compounds(doc, out, make)


def _is_compass(doc: Document, a: int, b: int) -> bool:
    """A CRF mention that is one compass word alone («Солтүстік пен Оңтүстік-Шығыс»)."""
    return b - a == 1 and doc.tokens[a].norm in COMPASS


def _adjacent(doc: Document, i: int, j: int) -> bool:
    return 0 <= i < j < len(doc.tokens) and doc.tokens[j].start - doc.tokens[i].end <= 1


def _head_inside(doc: Document, a: int, b: int) -> int | None:
    """The token a CRF span runs on after: a geographic head inside it (not its last word) right
    after a capitalized word («Есік обасы үлкен қорымның» → «Есік»)."""
    for k in range(a + 1, b - 1):
        head = head_of(doc.tokens[k].norm)
        if head is not None and head.kind in GEO_KINDS and doc.tokens[k - 1].norm[:1].isupper():
            return k
    return None


def _honorific_place(doc: Document, b: int) -> int | None:
    """«Қошқар ата ойпаты»: the honorific after a name, when a geographic head follows it; the
    index of the head."""
    if b + 1 >= len(doc.tokens) or not _adjacent(doc, b - 1, b) or not _adjacent(doc, b, b + 1):
        return None
    if doc.tokens[b].norm not in HONORIFICS:
        return None
    head = head_of(doc.tokens[b + 1].norm)
    return b + 1 if head is not None and head.kind in GEO_KINDS else None


def _head_case(doc: Document, k: int) -> str:
    head = head_of(doc.tokens[k].norm)
    return head.case if head is not None else ""


def _before_head(doc: Document, b: int) -> bool:
    """A geographic head right after the span («Махмұд Талас-Шу алқабындағы»: its last word is the
    valley's name)."""
    if b >= len(doc.tokens) or not _adjacent(doc, b - 1, b) or not doc.tokens[b - 1].norm[:1].isupper():
        return False
    head = head_of(doc.tokens[b].norm)
    return head is not None and head.kind in GEO_KINDS


def _case_break(doc: Document, a: int, b: int) -> int | None:
    """Where a CRF person splits in two: after a word inside it in the genitive alone when the
    next word bears the possessive («Басықараның Қанапиясы»: Basykara's Kanapiya). A name's own
    words take no case before its last one. Other cases are left to the rows («Цицерон
    Геродотты»): a capitalized word read in the dative or ablative is too often a name's own."""
    for k in range(a, b - 1):
        readings = analyze(doc.tokens[k].norm)[:1]
        if not readings or readings[0].pos not in _NAME_POS or not doc.tokens[k].norm[:1].isupper():
            continue
        cases = MARKED_CASES.intersection(readings[0].tags)
        if cases == {"GEN"} and _possessed(doc.tokens[k + 1].norm):
            return k + 1
    return None


def _possessed(word: str) -> bool:
    """A capitalized word with the 3rd-person possessive in one of its first readings."""
    return word[:1].isupper() and any("POSS.3" in a.tags and a.pos in _NAME_POS for a in analyze(word)[:3])


def _compounds(doc: Document, mentions: list[EntityMention], make: MakeMention) -> list[EntityMention]:
    """«Талас Алатауындағы»: a place name in the nominative right before a natural place of the
    gazetteer whose word bears the possessive is one provisional place (the Talas Alatau), as
    «Жетісу Алатауы» is one row."""
    starts = [t.start for t in doc.tokens]
    entries = load_gazetteer().entries
    out: list[EntityMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        entry = entries.get(m.entity) if m.source == "gazetteer" else None
        if (prev is not None and entry is not None and entry.type in NATURAL - {"place"}
                and prev.type in NATURAL | {"region"} and prev.case == "NOM" and m.start - prev.end == 1
                and _possessed(m.text.split()[0]) and len(m.text.split()) == 1):
            a, b = bisect_left(starts, prev.start), bisect_left(starts, m.end)
            joined = make(doc, a, b, "place")
            joined.case = m.case
            out[-1] = joined
            continue
        out.append(m)
    return out
