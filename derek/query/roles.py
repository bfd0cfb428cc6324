"""A role asked with «ретінде» (as X): «Үндістан ШЫҰ-ға бақылаушы ретінде қай жылы қабылданды?» asks
when India became an observer; a sentence that names another role before its own «ретінде» («толық
мүше ретінде қабылданды») states another event and does not answer it (session 22: blind 7 j007 was
answered with the full membership's year). Compares index terms (lemmas), so any case or number of
the role word agrees with itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.kb.search import term
from derek.query.question import AS, Question

if TYPE_CHECKING:
    from derek.doc import Token
    from derek.query.passages import Passage

# a sentence whose only role before «ретінде» is another one: under the support floor for a passage
# that matched the rest of the question well (j007's 0.65 → 0.33), a tie-breaker otherwise
ROLE_OTHER = 0.5


def roles_named(tokens: list[Token], skip: frozenset[int] = frozenset()) -> set[str]:
    """The terms of the words right before «ретінде» (the role a thing is said to act as), leaving
    out a word at or right after a position in ``skip`` (a question word: «қандай мемлекет ретінде»
    asks the role)."""
    words = [-1, *(i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.norm))]
    return {term(tokens[prev]) for before, prev, i in zip(words, words[1:], words[2:], strict=False)
            if tokens[i].norm.lower() == AS and prev not in skip and before not in skip}


def role_factor(passage: Passage, question: Question) -> float:
    """×0.5 for a sentence that names a role before «ретінде» other than the asked one and does
    not name the asked role anywhere; 1.0 when the question asks no role or the sentence agrees."""
    asked = roles_named(question.tokens, frozenset(question.words))
    if not asked:
        return 1.0
    stated = roles_named(passage.tokens)
    if not stated or stated & asked or any(term(t) in asked for t in passage.tokens):
        return 1.0
    return ROLE_OTHER
