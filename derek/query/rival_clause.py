"""A value in a clause of its own subject: «Иран … тоғызыншы мүшесі болды, ал Беларусь … Астанада
оныншы мүше атанды» — the city of the «ал Беларусь» clause is Belarus's, not Iran's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.query.question import Question, load_words

if TYPE_CHECKING:
    from derek.doc import Token
    from derek.query.passages import Passage

RIVAL_CLAUSE = 0.5  # a value in a clause that names another entity of an asked one's kind
VERB_ELSEWHERE = 0.5  # a value in a clause without the question's verb, which another clause holds


def rival_clause_factor(p: Passage, positions: list[int], question: Question) -> float:
    """×0.5 for a value whose clause (between «ал», «;» … marks) names, outside the value, an
    entity of an asked entity's type that is not asked, while the asked entities stand in the
    sentence's other clauses only: that clause tells of the other entity."""
    kinds = {e.type for e in question.entities}
    marks = [i for i, t in enumerate(p.tokens) if t.norm.lower() in load_words("clause_marks.txt")]
    if not kinds or not marks or not positions:
        return 1.0
    first = max((m for m in marks if m < positions[0]), default=-1)
    last = min((m for m in marks if m > positions[-1]), default=len(p.tokens))
    asked = {e.entity for e in question.entities}
    inside, outside = set(), set()
    for x in p.spans:
        index = _token_at(p, x["start"])
        if x["kind"] != "entity" or index is None or index in positions:
            continue
        (inside if first < index < last else outside).add((x["value"], x["label"]))
    if any(v in asked for v, _ in inside) or not any(v in asked for v, _ in outside):
        return 1.0
    return RIVAL_CLAUSE if any(label in kinds for _, label in inside) else 1.0


def _token_at(p: Passage, offset: int) -> int | None:
    """The index of the passage token that starts at or covers a document offset."""
    at = offset - p.start
    return next((i for i, t in enumerate(p.tokens) if t.start <= at < max(t.end, t.start + 1)), None)


def verb_clause_factor(p: Passage, positions: list[int], question: Question) -> float:
    """×0.5 for a value whose clause (between «ал», «;» … marks) has a verb of its own but none of
    the question's (by lemma, or a synonym of data/verb_synonyms.tsv) while another clause of the
    sentence has one: «A … шықты, ал B … кірмеді» answers «… кірмеген елдер?» with B's clause, and
    A, who left, is not what is asked (session 23; blind 8 k059). Not for a clause without a verb
    («X Бейжіңде, ал Y Ташкентте орналасқан»: the verb is shared), nor when a clause points back
    at the other («…; сол жылы …», «… мұндай шешім …», «… оның тұсына …»): one event then."""
    from derek.query.named_nearby import DEMONSTRATIVES
    from derek.query.phrases import BACK_PRONOUNS, same_clause

    marks = [i for i, t in enumerate(p.tokens) if t.norm.lower() in load_words("clause_marks.txt")]
    asked = _verb_lemmas(question.tokens) if marks and positions else set()
    if not asked:
        return 1.0
    from derek.query.matching import verb_groups

    asked |= {s for v in asked for s in verb_groups().get(v, frozenset())}
    first = max((m for m in marks if m < positions[0]), default=-1)
    last = min((m for m in marks if m > positions[-1]), default=len(p.tokens))
    verbs = [i for i, t in enumerate(p.tokens) if _verb_lemmas([t]) & asked]
    if not verbs or not _verb_lemmas(p.tokens[first + 1:last]) or same_clause(p, positions, verbs):
        return 1.0
    return 1.0 if any(t.norm.lower() in BACK_PRONOUNS | DEMONSTRATIVES or _pointing(t.norm) for t in p.tokens) \
        else VERB_ELSEWHERE


POINTING_LEMMAS = frozenset({"ол", "олар", "сол", "осы", "бұл"})  # third-person and demonstrative pronouns


def _pointing(word: str) -> bool:
    """A third-person or demonstrative pronoun in any case («оларға», «сол жылы», «соның»)."""
    from derek.extract.rules import word_info

    lemma, _, pos = word_info(word.lower())
    return pos in ("PRON", "DET") and lemma in POINTING_LEMMAS


def _verb_lemmas(tokens: list[Token]) -> set[str]:
    """The lemmas of the full verbs among ``tokens`` (not «бол-», which the analyser tags AUX)."""
    from derek.extract.rules import word_info

    found = set()
    for t in tokens:
        if t.norm[:1].isalpha():
            lemma, _, pos = word_info(t.norm.lower())
            if pos == "VERB":
                found.add(lemma)
    return found
