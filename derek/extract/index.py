"""Token positions of a Document's entity mentions, dates and quantities, with the look-ups
the fact extractor makes over them (the antecedent of «Кеңестің», the last organization named)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from derek.doc import DateMention, Document, EntityMention, Quantity
from derek.extract.arguments import PLACE_HEADS
from derek.extract.doc_names import CASES, QUOTES
from derek.extract.entities_named import institution_heads
from derek.extract.entities_quoted import organization_heads
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import Arg, word_info

# a district (аудан) or a street (көше) named after a place or a person: the name before it is
# the namesake's, not the place's (derek's own reading of Kazakh administrative names)
NAMESAKE_HEADS = frozenset({"аудан", "көше", "даңғыл"})


@cache
def org_heads() -> frozenset[str]:
    """Head nouns of companies and institutions (data/company_heads.txt, institution_heads.txt)."""
    return organization_heads() | institution_heads()


_QUOTES = frozenset({'"', "«", "»", "“", "”"})  # the tokenizer's norm makes «» and “” a plain '"'
_NEAR = 8  # how far a quotation mark around a name is looked for
_ENDS = frozenset({".", "!", "?"})
_BOUND = CASES | {"POSS.3", "PL", "ATTR"}  # a word so marked ends the phrase («мемлекеттік» does not)
_BETWEEN = 3  # at most this many lowercase words between a place and the head noun of its institution


def _quoted_with_others(norms: list[str], a: int, b: int) -> bool:
    """Do quotation marks close round tokens [a, b) and more words (an odd number of marks since
    the sentence began, a closing one near after)?"""
    before = []
    for k in range(a - 1, -1, -1):
        if norms[k] in _ENDS:
            break
        if norms[k] in _QUOTES:
            before.append(k)
    if len(before) % 2 == 0 or a - before[0] > _NEAR:
        return False
    after = next((k for k in range(b, min(b + _NEAR, len(norms))) if norms[k] in _QUOTES), None)
    return after is not None and (before[0] + 1, after) != (a, b)


def inside_longer_name(norms: list[str], a: int, b: int, mention: EntityMention) -> bool:
    """Is the place or state at tokens [a, b) only a word of a longer name: a quoted name with
    other words («Қазақстан темір жолы», «Екібастұз – Майқайың» бағыты) or an institution or
    company it qualifies («Германия компаниясы», «Қарағанды … университетінде»)? Such a figure is
    the named thing's, not the place's."""
    if mention.type in ("person", "organization", "body"):
        return False
    if _quoted_with_others(norms, a, b):
        return True
    if word_info(norms[b - 1])[1] & CASES:
        return False  # «Қазақстанның», «Алматыда»: a case-marked name is no attribute of a head noun
    for k in range(b, min(b + _BETWEEN + 1, len(norms))):
        lemma, tags, pos = word_info(norms[k])
        if lemma in org_heads() and "POSS.3" in tags:
            return True
        if not norms[k].isalpha() or not norms[k].islower() or tags & _BOUND or pos in ("VERB", "AUX", "NUM", "PRON"):
            return False
    return False


# provisional types that may own a figure once ``owners`` is asked for: a company, clinic or
# district the gazetteer lacks; never a provisional event, state or title
PROVISIONAL_OWNERS = frozenset({"organization", "place", "city", "region"})


def provisional_name(doc: Document, m: EntityMention, starts: frozenset[int],
                     types: frozenset[str] | tuple[str, ...] = PROVISIONAL_OWNERS) -> bool:
    """Is the provisional mention ``m`` an organization or place written as a name: quoted
    («"Шипагер" емханасына») or with a capital on a word that does not open the sentence
    («Биыл Жданов аулына»)? A common-noun phrase the NER tagged («Облыс әкімдігі» opening a
    sentence, «ауыл шаруашылығы») is not one, so it owns no figure."""
    if not m.entity.startswith("prov:") or m.type not in types:
        return False
    if m.type != "event" and _names_another(doc, m):
        return False  # an event's name is followed by its head noun («"Туған жер" фестивалі»)
    before, after = doc.text[max(0, m.start - 2):m.start].strip(), doc.text[m.end:m.end + 2].strip()
    if before[-1:] in QUOTES and after[:1] in QUOTES:
        return True
    words = [t for t in doc.tokens if m.start <= t.start and t.end <= m.end]
    if words and word_info(words[-1].norm.lower())[0] in NAMESAKE_HEADS:
        return False  # «… облысының Катон ауданында»: a district whose namesake reading is unsure
    if words and load_gazetteer().starting_names(words[0].norm.lower()):
        return False  # «Кореяда», «Құрама Штаттарда»: a gazetteer name left unlinked, not a new one
    return any(t.text[:1].isupper() and t.start not in starts for t in words)


def _names_another(doc: Document, m: EntityMention) -> bool:
    """Does the name after ``m`` (past a closing quotation mark) say it names something else: «X
    деген жерде», «X атты …» (a place called X: the common noun is the argument), or a bare
    possessed noun that is no institution or place head («"Сапфир" жобасы аясында»: the project)?"""
    after = [t.norm for t in doc.tokens if t.start >= m.end][:2]
    if after and after[0] in QUOTES:
        after = after[1:]
    if not after or not after[0][:1].islower():
        return False
    lemma, tags, _ = word_info(after[0])
    if lemma == "де" and any(t.startswith("PTCP") for t in tags) or after[0] == "атты":
        return True
    return tags == frozenset({"POSS.3"}) and lemma not in org_heads() | PLACE_HEADS


class TokenIndex:
    """Token positions of entity mentions, dates and quantities."""

    def __init__(self, doc: Document, owners: bool = False) -> None:
        by_start = {t.start: i for i, t in enumerate(doc.tokens)}
        by_end = {t.end: i + 1 for i, t in enumerate(doc.tokens)}
        self.norms = [t.norm for t in doc.tokens]
        self._by_start, self._by_end = by_start, by_end
        # names the statistical NER found outside the gazetteer take part only as people: its
        # organization and place spans are too often fragments of a longer name. ``owners`` (the
        # figures' index) also keeps a provisional organization or place written as a name: it
        # may own a figure under the same rules as a gazetteer name
        starts = frozenset(doc.tokens[s.first_token].start for s in doc.sentences if s.first_token < len(doc.tokens))
        self.mentions = [(by_start.get(m.start), by_end.get(m.end), m) for m in doc.entities
                         if m.source == "gazetteer" or m.type == "person"
                         or owners and provisional_name(doc, m, starts)]
        self.dates = sorted(((by_start.get(d.start, -1), d) for d in doc.dates), key=lambda x: x[0])
        self.quantities = sorted(((by_start.get(q.start, -1), by_end.get(q.end, -1), q) for q in doc.quantities),
                                 key=lambda x: x[0])
        # a mention inside a figure («тоғыз миллиард АҚШ доллары») is the currency's name, no party
        # to a fact (-1: a figure not on a token edge)
        in_figure = {i for a, b, _ in self.quantities if a >= 0 for i in range(a, b)}
        self.mentions = sorted(((a, b, m) for a, b, m in self.mentions if a is not None and b is not None
                                and not in_figure.issuperset(range(a, b)) and not self._namesake(b)),
                               key=lambda x: x[0])
        title_end = doc.text.find("\n") if "\n" in doc.text else len(doc.text)
        self.title = {m.entity for m in doc.entities if m.end <= title_end}  # what the document is about
        self.date_tokens = {i for d in doc.dates for i in range(by_start.get(d.start, 0), by_end.get(d.end, 0))}
        self._mention_starts = [a for a, _, _ in self.mentions]
        self._date_starts = [a for a, _ in self.dates]
        self._quantity_starts = [a for a, _, _ in self.quantities]
        self._orgs = [m for _, _, m in self.mentions if m.type == "organization"]
        self._org_starts = [a for a, _, m in self.mentions if m.type == "organization"]

    def _namesake(self, end: int) -> bool:
        """Is the name before token ``end`` that of a district or street named after it («Арал
        ауданында» is not the sea, «Қонаев көшесі» not the town; a name in the genitive owns
        the noun: «Арал теңізінің ауданы», the sea's area)?"""
        return end < len(self.norms) and word_info(self.norms[end])[0] in NAMESAKE_HEADS \
            and not word_info(self.norms[end - 1])[1] & CASES  # «теңізінің ауданы»: the sea's area

    def token_span(self, m: EntityMention) -> tuple[int, int]:
        """The tokens [a, b) a mention covers (-1 for an edge that is not a token's)."""
        return self._by_start.get(m.start, -1), self._by_end.get(m.end, -1)

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
