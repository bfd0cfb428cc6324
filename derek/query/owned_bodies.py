"""An organization's body named after its owner in the genitive: «ШЫҰ-ның хатшылығы», «ТМД-ның
атқарушы комитеті». The question's linker finds the owner («ШЫҰ-ның» → org:sco) but not the body,
whose gazetteer name is «ШЫҰ Хатшылығы» (the owner in the nominative); asked «хатшылығы қайда?»,
the question is about the body, and an answer about its owner (or a sister body of the same
sentence) is wrong. A body of the owner (gazetteer ``parent``) whose own words (its name without
the owner's words) are, lemma for lemma, the words right after the genitive is added as a mention.
The documents' side reads the same construction in derek/extract/arguments.py («Ұйымның
Хатшылығы» in a text, where the body's word is capitalized); questions are often typed in lower
case, so here the lemmas decide, and the owner must be linked."""

from __future__ import annotations

from functools import cache

from derek.doc import EntityMention, Token
from derek.extract.rules import word_info


def _lemma(word: str) -> str:
    return word_info(word)[0].casefold()


@cache
def _bodies() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """owner id → [(lemmas of a body's own words, body id)] for every name of every body."""
    from derek.extract.gazetteer import load_gazetteer

    entries = load_gazetteer().entries
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for e in entries.values():
        owner = entries.get(e.parent or "")
        if e.type != "body" or owner is None:
            continue
        owner_words = {_lemma(w.split("-")[0]) for name in owner.names + [owner.short] for w in name.split()}
        for name in e.names:
            words = [_lemma(w) for w in name.split()]
            while words and words[0] in owner_words:  # «ШЫҰ Хатшылығы» → «хатшылық»
                words.pop(0)
            if words and len(words) < len(name.split()):
                found.setdefault(e.parent, []).append((tuple(words), e.id))
    return found


def owned_bodies(tokens: list[Token], entities: list[EntityMention], text: str) -> list[EntityMention]:
    """Body mentions for owners in the genitive followed by their body's own words; the longest
    match wins, and two bodies matching as long are both left out (ambiguous)."""
    from derek.extract.gazetteer import load_gazetteer
    from derek.query.cases import word_case

    added = []
    for owner in entities:
        if owner.case != "GEN" or owner.type not in ("organization", "body"):
            continue
        k = next((i for i, t in enumerate(tokens) if t.end == owner.end), None)
        if k is None:
            continue
        after = [_lemma(t.norm) for t in tokens[k + 1 : k + 8]]
        fits = [(len(words), body) for words, body in _bodies().get(owner.entity, ())
                if tuple(after[: len(words)]) == words]
        if not fits:
            continue
        n = max(n for n, _ in fits)
        ids = {body for m, body in fits if m == n}
        first, last = tokens[k + 1], tokens[k + n]
        if len(ids) != 1 or any(e.start <= first.start < e.end for e in entities):
            continue  # ambiguous, or already linked («БҰҰ-ның Бас Ассамблеясы»)
        entry = load_gazetteer().entries[ids.pop()]
        added.append(EntityMention(first.start, last.end, text[first.start : last.end], "body", entry.id,
                                   entry.name, entry.wikidata, "gazetteer", word_case(last.norm) or "NOM"))
    return added
