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
«Жамбыл …»). A name of several words loses its opener only by the document's own spelling, and
only when the opener is a plural («Арабтар Шашқа …»: a people, then the place) or the words after
it are in lower case («Патша үкіметі …» where the passage writes «патша үкіметінің»).
"""

from __future__ import annotations

from bisect import bisect_left

from derek.doc import Document, EntityMention
from derek.extract.entities_heads import MakeMention
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


def without_common_openers(doc: Document, mentions: list[EntityMention],
                           make: MakeMention | None = None) -> list[EntityMention]:
    """``mentions`` without the provisional one-word names that are a sentence's first word and a
    common noun by the document's own spelling or by the lexicon, and a longer name without such
    an opener (``make`` remakes it from its other words; module docstring)."""
    firsts = opening_tokens(doc)
    starts = [t.start for t in doc.tokens]
    candidates: dict[int, tuple[int, str, str]] = {}  # id(mention) -> (opener token, lemma key, POS)
    longer: dict[int, tuple[EntityMention, int]] = {}  # id(mention) -> (mention, last token + 1)
    for m in mentions:
        i = bisect_left(starts, m.start)
        if not (m.entity.startswith("prov:") and i in firsts and i < len(doc.tokens)):
            continue
        if doc.tokens[i].end == m.end and (found := _opener_key(doc, i)) is not None:
            candidates[id(m)] = (i, *found)
        elif make is not None and (b := bisect_left(starts, m.end)) > i + 1 and _loose_opener(doc, i, b):
            # (no gazetteer test: the name of several words was no gazetteer match either)
            key, _, pos = word_info(doc.tokens[i].norm.lower())
            candidates[id(m)] = (i, key, pos)
            longer[id(m)] = (m, b)
    if not candidates:
        return mentions
    spelled = _spellings(doc, firsts, {key for _, key, _ in candidates.values()})
    dropped = {m for m, (i, key, pos) in candidates.items()
               if (_common(key, pos, spelled.get(key), firsts[i]) if m not in longer
                   else (found := spelled.get(key)) is not None and not found[0])}
    kept = [m for m in mentions if id(m) not in dropped]
    for m in dropped & longer.keys():
        mention, b = longer[m]
        i = candidates[m][0]
        if any(c.isupper() for k in range(i + 1, b) for c in doc.tokens[k].norm) and make is not None:
            kept.append(make(doc, i + 1, b, mention.type))  # «Арабтар Шашқа» → «Шашқа»
    return sorted(kept, key=lambda m: (m.start, m.end))


def _loose_opener(doc: Document, i: int, b: int) -> bool:
    """Whether the opener of a name of several words may be a common word run into it: a plural
    («Арабтар Шашқа») or the first of words otherwise in lower case («Патша үкіметі»)."""
    word = doc.tokens[i].norm
    if not word[:1].isupper() or word.isupper():
        return False
    _, tags, _ = word_info(word.lower())
    return ("PL" in tags and "POSS.3" not in tags) or not any(
        c.isupper() for k in range(i + 1, b) for c in doc.tokens[k].norm)


def _opener_key(doc: Document, i: int) -> tuple[str, str] | None:
    """(lemma key, POS) of a capitalized sentence opener that is no gazetteer name in this form."""
    word = doc.tokens[i].norm
    if not word[:1].isupper() or word.isupper() or len(word) < 3:
        return None
    key, _, pos = word_info(word.lower())
    if key in gazetteer_stems() or word.lower() in gazetteer_stems() \
            or load_gazetteer().readings(doc.tokens, i, i + 1):
        return None
    return key, pos


def _spellings(doc: Document, firsts: dict[int, bool], keys: set[str]) -> dict[str, tuple[int, int]]:
    """lemma key -> (capitalized, lowercase) counts of the document's words with that lemma away
    from sentence starts, for ``keys`` only: one pass over the document for all its openers."""
    heads = {key[:2] for key in keys}
    counts: dict[str, tuple[int, int]] = {}
    for k, t in enumerate(doc.tokens):
        if k in firsts or t.norm[:2].lower() not in heads or (key := word_info(t.norm.lower())[0]) not in keys:
            continue
        capital, lower = counts.get(key, (0, 0))
        counts[key] = (capital + 1, lower) if t.norm[:1].isupper() else (capital, lower + 1)
    return counts


def _common(key: str, pos: str, spelled: tuple[int, int] | None, quoted: bool) -> bool:
    """Is the opener a common word: by the document's own spelling, else (unquoted) by the lexicon."""
    if spelled is not None:
        return not spelled[0]
    if quoted:
        return False  # a quoted opener with no evidence in its document stays
    evidence = stem_lexicon().get(key)
    return (evidence is not None and evidence.freq >= MIN_FREQ and evidence.cap < 50
            and pos in COMMON_POS)
