"""Posts a named person held, read off one sentence, for «Назарбаев кім?» and «… қандай қызмет
атқарды?»: the title standing before the name («Қазақстан Президенті Нұрсұлтан Назарбаев») or
after it with «болып» («Абылай үш жүздің ханы болып жарияланды»)."""

from __future__ import annotations

from functools import cache

from derek.doc import Token
from derek.query.passages import Passage
from derek.query.phrases import Candidate

MODIFIERS = 3  # words a title takes before it: «Қазақстан Республикасының Президенті»
APPOSITION = 1.0  # «Қазақстан Президенті Нұрсұлтан Назарбаев»: the sentence calls him so
BECAME = 0.95  # «… ханы болып жарияланды»: the sentence says he became it


@cache
def titles() -> frozenset[str]:
    """Lemmas of posts and ruler titles (extract/data/titles.txt, ruler_titles.txt)."""
    from derek.extract.history import ruler_titles
    from derek.extract.phrases import titles as post_titles

    return post_titles() | ruler_titles()


def posts_in(p: Passage, person_ids: set[str]) -> list[Candidate]:
    """Titles joined to a mention of one of the persons in this sentence."""
    found = []
    for x in p.spans:
        if x["kind"] != "entity" or x["value"] not in person_ids:
            continue
        inside = [i for i, t in enumerate(p.tokens) if x["start"] - p.start <= t.start < x["end"] - p.start]
        if not inside:
            continue
        before = _title_phrase(p.tokens, inside[0] - 1)
        if before:
            found.append(_candidate(p, before, APPOSITION))
        after = _title_after(p.tokens, inside[-1] + 1)
        if after:
            found.append(_candidate(p, after, BECAME))
    return found


def _title_after(tokens: list[Token], start: int) -> list[int]:
    """The title right before «болып» within the next few words after the name (past a year
    between them: «Әлихан Бөкейханов 1917 жылы Алаш Орда үкіметінің төрағасы болып сайланды»)."""
    while start < len(tokens) and (tokens[start].norm.isdigit() or tokens[start].lemma.lower() == "жыл"
                                   or tokens[start].norm.lower() in ("ж.", "ж")):
        start += 1
    for i in range(start, min(start + MODIFIERS + 2, len(tokens) - 1)):
        if not _word(tokens[i]):
            return []
        if tokens[i + 1].norm.lower() == "болып":
            return [k for k in _title_phrase(tokens, i) if k >= start]
    return []


def _title_phrase(tokens: list[Token], head: int) -> list[int]:
    """The title ending at ``head`` with the unmarked or genitive words before it."""
    if head < 0 or not _word(tokens[head]) or tokens[head].lemma.lower() not in titles():
        return []
    first = head
    while first > 0 and head - first < MODIFIERS and _modifier(tokens[first - 1]):
        first -= 1
    return list(range(first, head + 1))


def _modifier(token: Token) -> bool:
    """A word that may stand inside a title: a name, or a noun with no case but the genitive."""
    from derek.query.cases import word_case

    if not _word(token) or token.norm.lower() in ("және", "мен", "ал", "бұл", "ол"):
        return False
    return word_case(token.norm) in (None, "NOM", "GEN")


def _word(token: Token) -> bool:
    return any(c.isalpha() for c in token.norm)


def _candidate(p: Passage, run: list[int], fit: float) -> Candidate:
    start, end = p.tokens[run[0]].start, p.tokens[run[-1]].end
    text = p.text[start:end]
    return Candidate(text, text.lower(), p.coverage * fit, p, p.start + start)
