"""«нелерге қарамастан?»: the plural question pronoun «нелер» asks for every conjunct of a list.

«Азаматтар тіліне, дініне, саяси көзқарасына қарамай тең» answers «нелерге қарамастан?» with the
whole comma list in the asked case, not its first word, which is where the phrase finder's run
stops (a comma ends a run). Session 18, blind sets 8 and 9's dev halves (lists cut to one item).
"""

from __future__ import annotations

from derek.query.passages import Passage
from derek.query.question import Question

PLURAL_WHAT = ("не", "PL")  # «нелер-»: lemma «не» with the plural
CASES = frozenset({"GEN", "DAT", "ACC", "ABL", "LOC", "INS"})  # the marked cases (phrases.py, completion.py too)
MAX_CONJUNCT = 4  # words of one conjunct («ұлттық және әлеуметтік жағдайына»)
MAX_LIST = 16  # words of the whole list; past MAX_PHRASE, which bounds a single phrase


def _tags(word: str) -> tuple[str, ...]:
    from derek.lang.kk.morphology import analyze

    readings = analyze(word.lower())
    return readings[0].tags if readings else ()


def list_case(question: Question) -> str | None:
    """The case of «нелер-» in the question («нелерге» → DAT), when it asks by it; else None."""
    from derek.lang.kk.morphology import analyze

    for t in question.tokens:
        readings = analyze(t.norm.lower())
        if readings and readings[0].lemma == PLURAL_WHAT[0] and PLURAL_WHAT[1] in readings[0].tags:
            return next(iter(set(readings[0].tags) & CASES), None)
    return None


def listed(p: Passage, run: list[int], case: str) -> list[int]:
    """The run with the comma-separated conjuncts after it that end in ``case`` (each at most
    ``MAX_CONJUNCT`` words); the run itself when its last word is not in that case."""
    tokens = p.tokens
    if not run or case not in _tags(tokens[run[-1]].norm):
        return run
    end, i = run[-1], run[-1] + 1
    while i < len(tokens) and tokens[i].norm == ",":
        j, words = i + 1, 0
        while j < len(tokens) and tokens[j].norm not in {",", ".", ";", ":"} and words <= MAX_CONJUNCT:
            words += 1
            if case in _tags(tokens[j].norm):
                break
            j += 1
        if j >= len(tokens) or words > MAX_CONJUNCT or case not in _tags(tokens[j].norm):
            break
        end, i = j, j + 1
    return list(range(run[0], end + 1))
