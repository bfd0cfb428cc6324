"""Names closed by a head noun («Терек өзені», «Қостанай уезін», «Хазар қағанатын», «Түркістан
майданына») and compass words opening a place name («Шығыс Еуропаға»)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import load_gazetteer
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_list

# head noun (lemma) → what the name it closes is: geographic heads keep a gazetteer place of
# a fitting type («Алтай тауы»), administrative heads make a unit of their own («Қостанай уезі»
# is not the city), state heads a state («Оғыз мемлекеті»), «майдан» (a war front) a body.
HEADS = {
    # river, mountain, pass, valley, kurgan …: data/geo_heads.txt
    **{line.split()[0]: "feature" if line.endswith("feature") else "geo" for line in load_list("geo_heads.txt")},
    # uezd, governorate, volost, district (okrug), oblast, krai, district (аудан: also "area",
    # see _extended)
    **dict.fromkeys(("уез", "губерния", "болыс", "округ", "облыс", "өлке", "аудан"), "admin"),
    # state, khaganate, khanate, empire, sultanate, emirate, kingdom, principality, ulus
    **dict.fromkeys(("мемлекет", "қағанат", "хандық", "империя", "сұлтандық", "әмірлік",
                     "патшалық", "княздік", "ұлыс"), "state"),
    "майдан": "front",
}
GEO_TYPES = frozenset({"place", "river", "mountain", "lake", "sea", "region", "city"})
# gazetteer types that keep their link under a geographic head («Алтай тауы», «Беловеж орманы»)
NATURAL = frozenset({"place", "river", "mountain", "lake", "sea"})
# «geo» restates the place's class («Алтай тауы»), «feature» names a feature of its own («Алатау
# асуы», a pass); both are geographic
GEO_KINDS = frozenset({"geo", "feature"})
KIND_TYPE = {"geo": "place", "feature": "place", "admin": "place", "state": "state", "front": "organization"}
# the singular possessive of a head, to look «Ақмола» + «облыстары» up as «Ақмола облысы»
HEAD_FORMS = {"облыс": "облысы", "уез": "уезі", "губерния": "губерниясы", "болыс": "болысы",
              "округ": "округі", "аудан": "ауданы", "өзен": "өзені", "тау": "тауы", "көл": "көлі", "хандық": "хандығы"}
# what joins coordinated names: «Ақмола, Семей облыстарында», «Қазан және Астрахан хандықтары»
JOINERS = frozenset({",", "және", "мен", "пен", "бен"})
# east, west, north, south, central: «Шығыс Еуропа» is a region of its own, not Europe
COMPASS = frozenset({"Шығыс", "Батыс", "Солтүстік", "Оңтүстік", "Орталық"})
AREA = "өңір"  # the land around a place: closes a compass-opened region («Солтүстік Қара теңіз өңірі»)
_NOT_NAMES = frozenset({"PRON", "DET", "VERB", "AUX", "CCONJ", "SCONJ", "ADP", "NUM"})

# (doc, first token, last token + 1, type) → a provisional mention of those tokens
MakeMention = Callable[[Document, int, int, str], EntityMention]


@dataclass(slots=True)
class _Head:
    lemma: str
    kind: str
    case: str


# a head's stem without its last letter, which may voice («түбек» → «түбегі»): a cheap first test
_PREFIXES = tuple(sorted({h[:-1] for h in HEADS}))


@cache
def head_of(word: str, plural: bool = False) -> _Head | None:
    """A lowercase head noun with the 3rd-person possessive that ties it to the name before it
    («өзенінің», «уезін», «мемлекеті»; with ``plural``, «облыстарында»); its case is the mention's."""
    if not word[:1].islower() or not word.startswith(_PREFIXES):
        return None
    for a in analyze(word)[:3]:
        if a.lemma in HEADS and "POSS.3" in a.tags and ("PL" in a.tags) == plural and a.pos in ("NOUN", "X"):
            cases = [t for t in a.tags if t not in ("POSS.3", "PL")]
            return _Head(a.lemma, HEADS[a.lemma], cases[-1] if cases else "NOM")
    return None


def with_heads(doc: Document, mentions: list[EntityMention], barred: set[int],
               make: MakeMention) -> list[EntityMention]:
    """Mentions extended by the head noun after them, new mentions for a capitalized word before
    one, then lowercase repeats of a new state name and compass-opened place names."""
    tokens = doc.tokens
    starts = [t.start for t in tokens]
    candidates = [(j, t.norm) for j, t in enumerate(tokens) if t.norm.startswith(_PREFIXES)]
    heads = {j: h for j, norm in candidates if (h := head_of(norm)) is not None}
    plural = {j: h for j, norm in candidates if (h := head_of(norm, plural=True)) is not None}
    out: list[EntityMention] = []
    # heads joined so far; heads are not checked against ``barred`` (what the dates stage took:
    # it once read «майданының» as May, and a misread there must not hide a head)
    taken: set[int] = set()
    for m in mentions:
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
        head = _head_after(doc, b, taken, heads)
        if head is None or not _takes(m.type, head.kind) or (head.kind in GEO_KINDS and m.case != "NOM"):
            # a geographic head ties only a nominative name: «Алтайдан асуы» is a crossing from
            # the Altai, not a pass
            out.append(m)
            continue
        if m.source != "gazetteer" and (run := _name_run(doc, a, b)) > a:
            # «Сығанақ қаласы – Қыпшақ мемлекетінің»: the CRF ran two names together
            if run == b:
                out.append(m)
                continue
            out.append(make(doc, a, _first_gap(doc, a, b), m.type))
            a = run
        out.append(_extended(doc, m, a, b, head, make))
        taken.add(b)
    out += _bare_names(doc, heads, covered_tokens(doc, out) | barred, make)
    out += _lowercase_states(doc, heads, out, covered_tokens(doc, out) | barred, make)
    return _compass(doc, _coordinated(doc, plural, out, make) if plural else out, barred, make)


def _name_run(doc: Document, a: int, b: int) -> int:
    """The first token of the run of capitalized words that closes the span a..b-1: a when
    every word is capitalized, b when the last one is not."""
    k = b
    while k > a and _capitalized(doc.tokens[k - 1].norm):
        k -= 1
    return k


def _first_gap(doc: Document, a: int, b: int) -> int:
    """The end of the run of capitalized words that opens the span a..b-1."""
    k = a
    while k < b and _capitalized(doc.tokens[k].norm):
        k += 1
    return max(k, a + 1)


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha()


def _takes(type_: str, kind: str) -> bool:
    """A place or state takes any head; a person only a state's («Шайбани хандығы»)."""
    return type_ in GEO_TYPES | {"state"} or (type_ == "person" and kind == "state")


def _head_after(doc: Document, b: int, taken: set[int], heads: dict[int, _Head]) -> _Head | None:
    if b not in heads or b in taken or doc.tokens[b].start - doc.tokens[b - 1].end > 1:
        return None
    return heads[b]


def _extended(doc: Document, m: EntityMention, a: int, b: int, head: _Head, make: MakeMention) -> EntityMention:
    """«Сырдария өзені», «Беловеж орманы» stay the gazetteer's place; «Қостанай уезі», «Қытай
    империясы», «Торғай даласы», «Ақтөбе майданы» are names of their own. Left alone: a state
    or a gazetteer city or region before a geographic head («Қазақстан даласының»: the steppe of
    Kazakhstan), a state before an administrative head or before «мемлекеті» («Қазақстан
    мемлекетінің» is Kazakhstan, the noun is no part of its name). A feature head («Алатау
    асуы», a pass) makes a place of its own even after a gazetteer mountain."""
    gazetteer_type = _entry_type(m) if m.source == "gazetteer" else ""
    if head.kind == "geo" and gazetteer_type:
        if gazetteer_type not in NATURAL:
            return m
        end = doc.tokens[b].end
        grown = EntityMention(m.start, end, doc.text[m.start:end], m.type, m.entity, m.name, m.wikidata, m.source)
        grown.case = head.case
        return grown
    if m.type == "state" and (head.kind in ("geo", "feature", "admin") or head.lemma == "мемлекет"):
        return m
    if head.lemma == "аудан" and gazetteer_type not in ("", "city"):
        return m  # «Кіші Азия ауданы», «Жетісу ауданында»: the area of a region, not a district
    return _in_case(make(doc, a, b + 1, KIND_TYPE[head.kind]), head)


def _entry_type(m: EntityMention) -> str:
    entry = load_gazetteer().entries.get(m.entity)
    return entry.type if entry is not None else ""


def _bare_names(doc: Document, heads: dict[int, _Head], covered: set[int], make: MakeMention) -> list[EntityMention]:
    """A capitalized word no mention took, in the nominative, before a head noun: «Терек өзені»;
    opening a sentence, only a word the lexicon does not know as a common one («Көрші мемлекеті»
    is "the neighbouring state")."""
    found = []
    firsts = {s.first_token for s in doc.sentences}
    for j, head in heads.items():
        i = j - 1
        if i < 0 or i in covered or j in covered or not _name_word(doc.tokens[i].norm, i in firsts):
            continue
        if doc.tokens[j].start - doc.tokens[i].end <= 1:
            found.append(_in_case(make(doc, i, j + 1, KIND_TYPE[head.kind]), head))
    return found


def _name_word(word: str, first: bool) -> bool:
    if not (word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()):
        return False
    readings = analyze(word)[:1]
    if not readings:
        return True
    if first and readings[0].pos != "PROPN":
        return False
    return readings[0].pos not in _NOT_NAMES and not set(readings[0].tags) - {"POSS.3"}


def _lowercase_states(doc: Document, heads: dict[int, _Head], mentions: list[EntityMention],
                      covered: set[int], make: MakeMention) -> list[EntityMention]:
    """«оғыз мемлекеті», or «Оғыз мемлекеті» opening a sentence, once «Оғыз мемлекеті» was
    found as a name inside one in the same document."""
    keys = {m.entity for m in mentions if m.type == "state" and m.entity.startswith("prov:")}
    firsts = {s.first_token for s in doc.sentences}
    found = []
    if not keys:
        return found
    for j, head in heads.items():
        i, word = j - 1, doc.tokens[j - 1].norm if j > 0 else ""
        if i in covered or j in covered or not word.isalpha() or not (word.islower() or i in firsts):
            continue
        if head.kind == "state":
            mention = make(doc, i, j + 1, "state")
            if mention.entity in keys:
                found.append(_in_case(mention, head))
    return found


def _compass(doc: Document, mentions: list[EntityMention], barred: set[int],
             make: MakeMention) -> list[EntityMention]:
    """«Шығыс Еуропаға», «Оңтүстік Ресейден»: a capitalized compass word right before a place or
    state the gazetteer matched alone makes one provisional place of both."""
    starts = [t.start for t in doc.tokens]
    out = []
    for m in mentions:
        a = bisect_left(starts, m.start)
        prev = doc.tokens[a - 1] if a > 0 else None
        if (prev is not None and prev.norm in COMPASS and m.type in GEO_TYPES | {"state"}
                and m.start - prev.end <= 1 and a - 1 not in barred):
            b = bisect_left(starts, m.end)
            area = _area_after(doc, b)
            grown = make(doc, a - 1, b + (area is not None), "place")
            grown.case = area or m.case
            out.append(grown)
            continue
        out.append(m)
    return out


def _area_after(doc: Document, b: int) -> str | None:
    """The case of «өңірі» (the land around) right after a compass-opened name, which it closes
    («Солтүстік Қара теңіз өңірі» is a region of its own; a bare «Балқаш өңірі» is Balkhash's
    surroundings, not a name, so «өңір» is no geographic head)."""
    if b >= len(doc.tokens) or doc.tokens[b].start - doc.tokens[b - 1].end > 1:
        return None
    for a in analyze(doc.tokens[b].norm)[:3]:
        if a.lemma == AREA and "POSS.3" in a.tags and "PL" not in a.tags:
            cases = [t for t in a.tags if t != "POSS.3"]
            return cases[-1] if cases else "NOM"
    return None


def covered_tokens(doc: Document, mentions: list[EntityMention]) -> set[int]:
    """Indexes of the tokens the mentions span."""
    starts = [t.start for t in doc.tokens]
    return {i for m in mentions for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))}


def _coordinated(doc: Document, plural: dict[int, _Head], mentions: list[EntityMention],
                 make: MakeMention) -> list[EntityMention]:
    """Names coordinated before a plural head are of the head's kind: «Ақмола, Семей облыстарында»
    are the oblasts (the gazetteer's «Ақмола облысы» when it has one), «Өскемен, Зайсан
    уездерінде» two uezds (not the city and the lake), «Қазан және Астрахан хандықтары» two states."""
    starts = [t.start for t in doc.tokens]
    firsts = {bisect_left(starts, m.start): m for m in mentions}
    by_token = {i: m for i, m in firsts.items() if m.end == doc.tokens[i].end}  # one-word mentions
    replaced: dict[int, EntityMention] = {}
    for j, head in plural.items():
        if head.kind not in ("admin", "state", "geo", "feature"):
            continue
        for i in _names_before(doc, j):
            named = _as_kind(doc, i, head, by_token.get(i), make)
            if named is not None:
                replaced[i] = named
    if not replaced:
        return mentions
    kept = [m for m in mentions if bisect_left(starts, m.start) not in replaced]
    return sorted(kept + list(replaced.values()), key=lambda m: (m.start, m.end))


def _names_before(doc: Document, j: int) -> list[int]:
    """Single capitalized words before token j, joined by commas or «және»/«мен» (at least two)."""
    names, k = [], j - 1
    while k >= 0 and _capitalized(doc.tokens[k].norm):
        names.append(k)
        if k == 0 or doc.tokens[k - 1].norm not in JOINERS:
            break
        k -= 2
    return names if len(names) > 1 else []


def _as_kind(doc: Document, i: int, head: _Head, mention: EntityMention | None,
             make: MakeMention) -> EntityMention | None:
    word = doc.tokens[i].norm
    if head.kind == "state":
        return _in_case(make(doc, i, i + 1, "state"), head) if mention is None or mention.type != "state" else None
    entity = _gazetteer_id(f"{word} {HEAD_FORMS.get(head.lemma, '')}".strip())
    if entity is not None:
        entry = load_gazetteer().entries[entity]
        found = EntityMention(doc.tokens[i].start, doc.tokens[i].end, word, entry.type, entity, entry.name,
                              entry.wikidata, "gazetteer")
        found.case = head.case
        return found
    if head.kind in GEO_KINDS and mention is not None:
        return None
    return _in_case(make(doc, i, i + 1, "place"), head)


def _in_case(mention: EntityMention, head: _Head) -> EntityMention:
    mention.case = head.case
    return mention


@cache
def _gazetteer_id(name: str) -> str | None:
    """The entity a whole nominative name is in the gazetteer («Ақмола облысы»)."""
    from derek.pipeline import analyze_tokens

    tokens = analyze_tokens(name)
    found = load_gazetteer().match(tokens)
    return found[0][2] if len(found) == 1 and (found[0][0], found[0][1]) == (0, len(tokens)) else None
