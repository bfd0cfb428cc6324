"""A capital that only the sentence start gives is no evidence of a name.

The CRF reads a capitalized word as a name, and every sentence opens with a capital: «Байтақ
жерді…», «Академик … деді», a heading «=Керуен жолдары=». A one-word provisional name at the
first word of a sentence is dropped when the word is a common noun:
- the document writes the same lemma in lower case away from sentence starts and never with a
  capital there (its own evidence comes first); or
- the document has it nowhere else, and the lexicon (`lexicon.tsv`, built from KazNERD text) saw
  the stem at least ``MIN_FREQ`` times, capitalized away from sentence starts less than half the
  time, and the analyser does not read it as a proper noun («азамат» stays a possible given name);
  an opener in quotes (a title, an organization or a word glossed) is left to the first test.
A gazetteer name in this form (`gazetteer_stems`, `Gazetteer.readings`) always stays («Абай …»,
«Жамбыл …»), and so does a name of several words («Патша үкіметі» is another question).
"""

from __future__ import annotations

from bisect import bisect_left

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import word_info
from derek.lang.kk.lexicon import gazetteer_stems, stem_lexicon

# bare-form tokens the lexicon must have seen before its capitalization counts (one or two
# sightings are often a name met only at sentence starts: cap 0 from no inner occurrence)
MIN_FREQ = 3
# word classes that mark a common word (a PROPN reading, or none, leaves the word a name)
COMMON_POS = frozenset({"NOUN", "ADJ"})
QUOTES = frozenset({"«", '"', "“", "„"})  # (the tokenizer normalizes «» to ")


def opening_tokens(doc: Document) -> dict[int, bool]:
    """The first word of each sentence (its first token that is a letter, past dashes, bullets,
    the «=» of a heading and opening quotes) -> whether a quote opens it: a quoted opener may be
    a title or an organization, so there only the document's own spelling speaks («Байтақ» –
    «…» glosses a word the passage then writes in lower case)."""
    firsts: dict[int, bool] = {}
    for s in doc.sentences:
        i, quoted = s.first_token, False
        while i <= s.last_token and i < len(doc.tokens) and not doc.tokens[i].norm[:1].isalpha():
            quoted = quoted or doc.tokens[i].norm in QUOTES
            i += 1
        firsts[i] = quoted
    return firsts


def without_common_openers(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` without the provisional one-word names that are a sentence's first word and a
    common noun by the document's own spelling or by the lexicon (module docstring)."""
    firsts = opening_tokens(doc)
    starts = [t.start for t in doc.tokens]
    kept = []
    for m in mentions:
        i = bisect_left(starts, m.start)
        if (m.entity.startswith("prov:") and i in firsts and i < len(doc.tokens)
                and doc.tokens[i].end == m.end and _common_opener(doc, i, firsts)):
            continue
        kept.append(m)
    return kept


def _common_opener(doc: Document, i: int, firsts: dict[int, bool]) -> bool:
    word = doc.tokens[i].norm
    if not word[:1].isupper() or word.isupper() or len(word) < 3:
        return False
    key, _, pos = word_info(word.lower())
    if key in gazetteer_stems() or word.lower() in gazetteer_stems() \
            or load_gazetteer().readings(doc.tokens, i, i + 1):
        return False
    lower = capital = 0
    for k, t in enumerate(doc.tokens):  # the same lemma away from sentence starts
        if k in firsts or t.norm[:2].lower() != key[:2] or word_info(t.norm.lower())[0] != key:
            continue
        if t.norm[:1].isupper():
            capital += 1
        else:
            lower += 1
    if capital or lower:
        return not capital
    if firsts[i]:
        return False  # a quoted opener with no evidence in its document stays
    evidence = stem_lexicon().get(key)
    return (evidence is not None and evidence.freq >= MIN_FREQ and evidence.cap < 50
            and pos in COMMON_POS)
