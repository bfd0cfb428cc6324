"""The person a biography's subjectless sentences are about: the nominative person of the
nearest earlier sentence of the paragraph that names one as its subject (read by facts.py for
the posts of facts_offices.py; writes nothing to the Document)."""

from __future__ import annotations

from derek.doc import Document, Sentence
from derek.extract.index import TokenIndex
from derek.extract.rules import Clause, word_info

_ENDS = {".", "!", "?", "…"}
# «оның әкесі», «олардың ұлы»: a pronoun's relative is the clause's own subject, not the carried one
_PRONOUN_OWNERS = {"оның", "олардың", "менің", "біздің", "сенің", "сіздің"}


def carried_person(doc: Document, index: TokenIndex, previous: Sentence | None, sentence: Sentence,
                   person: str | None) -> str | None:
    """The person carried into ``sentence``: the previous sentence's subject if it names one,
    else the one carried into it; none after a sentence whose nominative person is only the
    subject of a participle («Ораз Мұхамед басқарған хандықта»), a heading (a line with no
    closing stop) or a line break."""
    if previous is None or "\n" in doc.text[previous.end:sentence.start]:
        return None
    tail = index.norms[max(previous.first_token, previous.last_token - 2):previous.last_token]
    if not any(w in _ENDS for w in tail):
        return None
    named = [(b, m.entity) for _, b, m in index.mentions_in(previous.first_token, previous.last_token)
             if m.type == "person" and m.case == "NOM"]
    if not named:
        return person
    return next((entity for b, entity in named if not _participle_after(index, b)), None)


def _participle_after(index: TokenIndex, end: int) -> bool:
    """Is the name ending at token ``end`` the subject of the participle right after it?"""
    if end >= len(index.norms):
        return False
    _, tags, pos = word_info(index.norms[end])
    return "PTCP.PAST" in tags and pos in ("VERB", "AUX")


def subjectless(index: TokenIndex, clause: Clause, first_post: int) -> bool:
    """Does the clause leave its subject unsaid before the post that starts at ``first_post``:
    no nominative person, no «ол» (handled as a pronoun), no «оның әкесі» (a relative)?"""
    if any(a.type == "person" and a.case == "NOM" for a in clause.args):
        return False
    for k in range(clause.first, first_post):
        word = index.norms[k].lower()
        if word == "ол" or word in _PRONOUN_OWNERS and k + 1 < first_post:
            return False
    return True
