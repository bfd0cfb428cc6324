"""Yes/no questions whose predicate a sentence answers with its contrary (session 19): «Қазақстан …
қысқартуға қарсы ма?» is answered «Жоқ» by «Республика … қысқартуды жақтайды» — the sentence states
the opposite stance, not silence. The pairs live in data/antonyms.tsv; every other word of the
question must be in the sentence, and the contrary word must not itself be negated («жақтамайды»
says nothing either way about «қарсы»)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question

DATA = Path(__file__).parent / "data" / "antonyms.tsv"
# a stated contrary is as sure as a list read in order: the sentence holds every other word of the
# question, so its coverage (the asked predicate missing) undersells it
CONTRARY = 0.7


@cache
def antonyms() -> dict[str, frozenset[str]]:
    """Lemma → its contraries, both ways (data/antonyms.tsv)."""
    pairs: dict[str, set[str]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b = line.split("\t")[:2]
        pairs.setdefault(a, set()).add(b)
        pairs.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in pairs.items()}


def contrary_in(p: Passage, question: Question) -> list[Candidate]:
    """«Жоқ» when the sentence holds a contrary of the question's predicate, not negated, and every
    other question word; the entity asked about named in it, in the sentence before, or the
    document's own when the sentence names none."""
    from derek.extract.rules import best_tags
    from derek.kb.search import term
    from derek.query.matching import synonym_hits, term_hits, word_keys
    from derek.query.yes_no import missing_entities

    contraries = antonyms().get(question.verb or "")
    if not contraries or not p.tokens:
        return []
    keys = word_keys(p.tokens)
    found = [i for a in sorted(contraries) for i in term_hits(a, keys)]
    if not found or any("NEG" in best_tags(p.tokens[i].norm) for i in found) or term_hits(question.verb, keys):
        return []
    if missing_entities(p, question) is None:
        return []
    names = {term(t) for e in question.entities for t in question.tokens if e.start <= t.start < e.end}
    rest = [t for t in question.terms if t != question.verb and t not in names]
    if not rest or not all(term_hits(t, keys) or synonym_hits(t, keys) for t in rest):
        return []
    return [Candidate("Жоқ", "no", max(p.coverage, CONTRARY), p)]
