"""A gazetteer match that the rest of the document or the next word reads otherwise.

Two general misreadings of a one-word place:
- *A name the document declines itself.* «Арыстан» can be Арыс with the ablative -тан, but a
  passage that also writes «Арыстанға», «Арыстанның» declines «Арыстан» as a stem of its own (a
  person there); a case ending read into the bare word is then a misreading, and the match is
  left to the CRF (`DeclinedWords`).
- *A place naming a people.* A place right before an ethnonym in the plural is part of
  a people's name («Еділ қалмақтары», «Еділ бұлғарларын»), which the conventions leave out
  (`names_a_people`; the ethnonyms are a data file, `lang/kk/data/ethnonyms.txt`).
"""

from __future__ import annotations

from functools import cache

from derek.doc import Document
from derek.extract.gazetteer import fold
from derek.extract.rules import MARKED_CASES, word_info
from derek.lang.kk.resources import load_list


@cache
def ethnonyms() -> frozenset[str]:
    """Lemmas of peoples' names (data/ethnonyms.txt)."""
    return frozenset(load_list("ethnonyms.txt"))


class DeclinedWords:
    """The words a document declines as stems of their own: the lemmas of its capitalized words
    with a case ending, gathered once per document on the first question (most have none)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._stems: frozenset[str] | None = None

    def misread(self, a: int) -> bool:
        """Whether token ``a`` (a capitalized word the gazetteer read with a case ending) is,
        whole, the stem another capitalized word of the document carries a case ending on."""
        if self._stems is None:
            stems = set()
            for t in self.doc.tokens:
                if t.norm[:1].isupper() and not t.norm.isupper():
                    lemma, tags, _ = word_info(t.norm)
                    if MARKED_CASES.intersection(tags):
                        stems.add(fold(lemma))
            self._stems = frozenset(stems)
        return fold(self.doc.tokens[a].norm) in self._stems


def names_a_people(doc: Document, b: int) -> bool:
    """Whether the word at ``b`` (right after a place) is an ethnonym in the plural (Kazakh writes
    it in lower case; a title or heading may capitalize it: «Еділ Қалмақтары»)."""
    if b >= len(doc.tokens) or not doc.tokens[b].norm[:1].isalpha():
        return False
    lemma, tags, _ = word_info(doc.tokens[b].norm.lower())
    return "PL" in tags and lemma in ethnonyms()
