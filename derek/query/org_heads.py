"""An organization named by its head noun alone («Кеңес құру идеясын», «Одаққа қосылу»): in a
document that names an organization closed by that noun, the word is that organization."""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from derek.query.matching import term_hits, word_keys

if TYPE_CHECKING:
    from derek.query.passages import Passage


@cache
def name_heads(entity_id: str) -> frozenset[str]:
    """The lemmas of the last words of an entity's Kazakh names («… ынтымақтастық ұйымы» → ұйым)."""
    from derek.extract.gazetteer import load_gazetteer
    from derek.lang.kk.morphology import lemma

    entry = load_gazetteer().entries.get(entity_id)
    if entry is None:
        return frozenset()
    names = [n for n in entry.names if any("а" <= c.lower() <= "я" or c in "әғқңөұүһі" for c in n)]
    return frozenset(lemma(n.split()[-1]).lower() for n in names if n.split())


def related(a: str, b: str) -> bool:
    """The same organization, or one is a body of the other (org:un and org:un-ga)."""
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def head_rival(passage: Passage, asked: set[str], verb: str) -> bool:
    """Is the thing the question's verb does, right before that verb in the sentence, an
    organization of the document that is not asked, named by its capitalized head noun alone
    (outside every tagged name)? Only a head that closes a name of an organization the document
    names and of none asked (nor of an asked one's body or owner there): «Кеңес құру идеясын» in a
    text on the CICA founds no UN, «Одақ мүшелері» in a text naming the EAEU are no SCO members."""
    if not verb or not passage.orgs or len(passage.tokens) < 2:
        return False
    family = {o for o in passage.orgs | asked if any(related(o, a) for a in asked)}
    own = {h for o in family for h in name_heads(o)}
    rivals = {h for o in passage.orgs - family for h in name_heads(o)} - own
    if not rivals:
        return False
    named = [(x["start"] - passage.start, x["end"] - passage.start) for x in passage.spans if x["kind"] == "entity"]
    return any(t.norm[:1].isupper() and t.lemma.lower() in rivals and term_hits(verb, word_keys([after]))
               and not any(a <= t.start < b for a, b in named) for t, after in pairwise(passage.tokens))
