"""The headword of a definition sentence («X — …», an encyclopedia article's opening) and how it
carries to the subjectless sentences after it («Балқашмыс — ірі кәсіпорын. … шығанағында
орналасқан.»): read by facts.py (events) and facts_counts.py (figures); writes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from derek.doc import Document, EntityMention, Sentence
from derek.extract.index import TokenIndex
from derek.extract.rules import Arg

_DASHES = {"—", "–", "-"}  # «X — …», «X – …», «X - …»: the definition's copula dash
_HEADWORD_TYPES = frozenset({"state", "organization", "body", "city", "region", "place",
                             "sea", "lake", "river", "mountain"})  # what an article is about


def headword(index: TokenIndex, sentence: Sentence) -> EntityMention | None:
    """The name that opens the sentence in the nominative and is defined by a dash after it
    («Балқашмыс — …», «Квебек (Québec, …) — …»: a parenthesis of other spellings may come
    between); None for a name that is only the first word of a clause («Қазақстан 1991 …»)."""
    first, last = sentence.first_token, sentence.last_token
    found = index.mentions_in(first, first + 1)
    if not found:
        return None
    _, end, mention = found[0]
    if mention.case != "NOM" or mention.type not in _HEADWORD_TYPES:
        return None
    k = end
    if k < last and index.norms[k] == "(":  # skip one parenthesis of spellings or dates
        while k < last and index.norms[k] != ")":
            k += 1
        k += 1
    return mention if k < last and index.norms[k] in _DASHES else None


@dataclass(slots=True)
class Headword:
    """The headword a subjectless sentence is about: set by a definition sentence, kept through
    the sentences after it in its paragraph until one names another subject first."""

    arg: Arg | None = None
    sentence: int = -1

    def update(self, doc: Document, index: TokenIndex, n: int, sentence: Sentence,
               previous: Sentence | None) -> None:
        """Enter sentence ``n``: a definition sets the headword; a line break (a new paragraph,
        a heading) or a sentence opening with another nominative name ends it."""
        found = headword(index, sentence)
        if found is not None:
            first = sentence.first_token
            self.arg = Arg(found.entity, found.type, "NOM", first, first, anaphor=True)
            self.sentence = n
            return
        if self.arg is None:
            return
        if previous is not None and "\n" in doc.text[previous.end:sentence.start]:
            self.arg = None
            return
        opening = index.mentions_in(sentence.first_token, sentence.first_token + 1)
        if opening and opening[0][2].case == "NOM" and opening[0][2].entity != self.arg.entity:
            self.arg = None  # «Y …»: a new named subject; the article's headword is no longer carried

    def carried(self, n: int, types: tuple[str, ...] | frozenset[str], at: int) -> Arg | None:
        """The headword for a subjectless clause of sentence ``n`` (after the definition, not in
        it) if its type can be the rule's subject."""
        if self.arg is None or n <= self.sentence or self.arg.type not in types:
            return None
        a = self.arg
        return Arg(a.entity, a.type, a.case, at, at, anaphor=True)
