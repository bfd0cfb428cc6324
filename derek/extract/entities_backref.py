"""A name's head noun, capitalized and standing alone, refers back to the name: «Біріккен Ұлттар
Ұйымының толыққанды мүшесі атанды. … еліміз Ұйымның 168-ші мүшесі болды», «Қауіпсіздік
Кеңесіне сайланды. Ел … Кеңестің құрамында жұмыс істеді», «… ЕАЭО туралы шартқа … Шартқа қол
қойды».

Kazakh writers capitalize the bare head («Ұйым», «Кеңес», «Одақ», «Шарт») exactly when it stands
for a named organization, body or treaty just mentioned; lower case («ұйым», «кеңес») is the
common noun. Such a word is a reference, not a name, so its mention carries
``source="reference"`` (the named-mention benchmark leaves it out, as it does deixis) and links
to the nearest earlier mention in the last few sentences whose name ends in that head. No
library resolves Kazakh definite descriptions, hence this pass.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import case_of, load_gazetteer
from derek.lang.kk.morphology import analyze, lemma

REFERRED_TYPES = frozenset({"organization", "body", "treaty"})  # what a bare head stands for
WINDOW = 3  # sentences before the reference's own that may hold what it refers to


def reference_mentions(doc: Document, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
    """A mention for each capitalized bare head outside ``taken`` token indexes that has an
    antecedent: not a sentence's first word (capitalized anyway), not in the nominative
    («Кеңес өкіметі» is Soviet power, an attribute, not the council), not an abbreviation."""
    named = [m for m in mentions if m.type in REFERRED_TYPES and m.source not in ("deixis", "reference")]
    named = sorted(named + _named_inside(doc, named), key=lambda m: m.start)
    if not named:
        return []
    heads = [_heads(m) for m in named]
    known = set().union(*heads)
    firsts = {s.first_token for s in doc.sentences}
    sentence_starts = [s.start for s in doc.sentences]
    ends = [m.end for m in named]
    found = []
    for i, tok in enumerate(doc.tokens):
        word = tok.norm
        if i in taken or i in firsts or not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
            continue
        case = case_of(word)
        if case == "NOM":
            continue
        readings = analyze(word.lower())
        if not readings or "PL" in readings[0].tags:
            continue  # «… саласындағы Ұйымдармен»: organizations, none of them named
        head = readings[0].lemma
        if head not in known:
            continue
        k = bisect_right(sentence_starts, tok.start) - 1 - WINDOW
        since = sentence_starts[max(k, 0)]
        before = bisect_right(ends, tok.start)
        earlier = named[:before]
        near = [m for m, its in zip(earlier, heads[:before]) if m.start >= since and head in its]
        if not near:
            continue
        # the one the text is about: named most often so far, then the nearest («ЮНИСЕФ, ЮНЕСКО …»
        # listed after «БҰҰ-ның … агенттігі»: «Еліміз Ұйымның … органына сайланды» is still the UN)
        told = Counter(m.entity for m in earlier)
        antecedent = max(reversed(near), key=lambda m: told[m.entity])
        mention = EntityMention(tok.start, tok.end, doc.text[tok.start : tok.end], antecedent.type,
                                antecedent.entity, antecedent.name, antecedent.wikidata, "reference")
        mention.case = case
        found.append(mention)
    return found


def _named_inside(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """Organizations a treaty's name names («ЕАЭО туралы шартқа»: the EAEU), as mentions at the
    treaty's place: «… Кедендік Одақ құрылған еді. ЕАЭО туралы шартқа … қол қойды. … Одаққа
    қосылу …» refers to the EAEU, named last, not to the Customs Union."""
    gazetteer = load_gazetteer()
    starts = [t.start for t in doc.tokens]
    found = []
    for m in mentions:
        if m.type != "treaty":
            continue
        a, b = bisect_left(starts, m.start), bisect_left(starts, m.end)
        for _, _, entity, _ in gazetteer.match(doc.tokens[a : b - 1]):  # the name before its head
            entry = gazetteer.entries[entity]
            if entity != m.entity and entry.type in REFERRED_TYPES:
                found.append(EntityMention(m.start, m.end, m.text, entry.type, entity, entry.name, entry.wikidata,
                                           "inside"))
    return found


def _heads(m: EntityMention) -> set[str]:
    """Lemmas of the last word of the mention as written and of the entity's multi-word names
    («БҰҰ» → «Біріккен Ұлттар Ұйымы» → ұйым)."""
    entry = load_gazetteer().entries.get(m.entity)
    names = [m.name, *(entry.names if entry is not None else ())]
    if m.source != "inside":
        names.append(m.text)
    return {lemma(n.split()[-1].lower()) for n in names if n and len(n.split()) > 1}
