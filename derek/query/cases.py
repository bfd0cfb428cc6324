"""The case a question asks and the case a phrase stands in: the asked noun or question word's
case («нені» → ACC, «қандай оқиғадан» → ABL), whether a description phrase's last word agrees with
it or is an adverbial of its sentence, and whether a word is the question's asked noun (``is_focus``).
Split out of phrases.py; read by the typed candidates, owners, spans and heads too."""

from __future__ import annotations

from derek.doc import Token
from derek.query.conjuncts import CASES
from derek.query.passages import Passage
from derek.query.question import Question

CASE_AGREES = 1.05  # the phrase takes the case of the asked word: «нені» → «декларациясын»


POSSESSOR = 0.9  # a genitive before a word of the question («11 мемлекеттің басшылары») modifies it


def word_case(word: str) -> str | None:
    """The case of the word's best reading (None for the nominative or an unknown word)."""
    from derek.extract.rules import best_tags

    return next(iter(best_tags(word) & CASES), None)


def asked_case(question: Question) -> str | None:
    """The case of the asked noun («қандай оқиғадан» → ABL) or of the question word («нені» → ACC)."""
    if not question.words:
        return None
    last = max(question.words)
    after = question.tokens[last + 1 : last + 2]
    if question.focus and after and is_focus(after[0], question):
        return word_case(after[0].norm)
    return word_case(question.tokens[last].norm)


# cases of place, source, goal and means: a phrase ending in one is an adverbial of its sentence
ADVERBIAL_CASES = frozenset({"LOC", "ABL", "DAT", "INS"})


def fits_asked_case(p: Passage, question: Question, first: int, last: int) -> bool:
    """Can the phrase ``first``…``last`` stand for the question word? A nominative or genitive one
    («мақсат не?», «қасіреті қандай?», «нелердің талаптарына?») asks a noun phrase, so a phrase that
    ends in a case of place, source, goal or means («халықаралық сахнада», «алдыңғы қатарда», «өзі
    басшылыққа») is the sentence's adverbial, not its answer (session 22: three blind and own
    questions answered so). A question word in one of those cases («неге?») or before a postposition
    («не үшін?») keeps its phrases. An
    auxiliary alone («… екі қасіреті тұр») names nothing whatever is asked."""
    from derek.extract.rules import word_info

    words = [t.norm for t in p.tokens[first : last + 1] if any(c.isalnum() for c in t.norm)]
    if words and all(word_info(w)[2] == "AUX" for w in words):
        return False
    if not question.words or asked_case(question) not in (None, "GEN"):
        return True
    after = question.tokens[max(question.words) + 1 : max(question.words) + 2]
    if after and word_info(after[0].norm)[2] == "ADP":
        return True  # «не үшін?» asks a purpose, in whatever case («… таныстыруға»)
    return word_case(p.tokens[last].norm) not in ADVERBIAL_CASES


def case_fit(p: Passage, question: Question, last: int) -> float:
    case = word_case(p.tokens[last].norm)
    following = [i for i in range(last + 1, len(p.tokens)) if any(c.isalnum() for c in p.tokens[i].norm)][:1]
    if case == "GEN" and following and following[0] in p.matched and asked_case(question) != "GEN":
        return POSSESSOR
    return CASE_AGREES if case and case == asked_case(question) else 1.0


def is_focus(token: Token, question: Question) -> bool:
    from derek.kb.search import term
    from derek.query.matching import stem_match

    form = "".join(c for c in token.norm.lower() if c.isalnum())
    focus = question.focus or ""
    return bool(focus) and (term(token) == focus or stem_match(focus, term(token)) or stem_match(focus, form))
