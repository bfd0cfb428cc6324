"""A question's names that no gazetteer lists, linked to the provisional entities a knowledge base
stores («Сәрсенбаевтың» → prov:person:ерсайын_сәрсенбаев): reads Question.tokens and .entities,
adds EntityMention records to .entities, so the facts path and the passage coverage see them."""

from __future__ import annotations

import sqlite3

from derek.doc import EntityMention, Token
from derek.query.question import Question, read_who_is

# the type part of a provisional id is a KazNERD class's type or a gazetteer family's
# (extract/entities.py NER_TYPES, NER_FAMILIES); the ids are looked up whole, through the primary key
_PERSON = "prov:person:"


def provisional_types() -> tuple[str, ...]:
    """Every type a provisional id can carry, person first."""
    from derek.extract.entities import NER_TYPES
    from derek.extract.entities_context import NER_FAMILIES

    kinds = set(NER_TYPES.values()) | {t for family in NER_FAMILIES.values() for t in family} | {"state"}
    return ("person", *sorted(kinds - {"person"}))


def link_provisional(db: sqlite3.Connection, question: Question) -> Question:
    """Add to ``question.entities`` the provisional entity each run of capitalized words that no
    entity covers names: its whole lemma key, or a person's surname when exactly one provisional
    person of the knowledge base bears it with compatible given names (never a guess between two)."""
    covered = {i for i, t in enumerate(question.tokens)
               if any(e.start <= t.start and t.end <= e.end for e in question.entities)}
    added = []
    for a, b in _name_runs(question.tokens, covered | question.words):
        if (found := _lookup(db, question.tokens[a:b])) is not None:
            added.append(_mention(question, a, b, *found))
    if added:
        question.entities = sorted([*question.entities, *added], key=lambda e: (e.start, -e.end))
        read_who_is(question)  # «Сәрсенбаев кім?» asks the posts held, now that the name is a person's
    return question


def _name_runs(tokens: list[Token], barred: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalized words and initials outside ``barred``; the question's
    first word only when the analyzer reads it as a proper noun or it is shaped like a family name
    (any word is capitalized there)."""
    from derek.extract.entities_people import is_family_name, is_initial
    from derek.lang.kk.morphology import analyze
    from derek.lang.kk.segment import initial_letter

    def part(i: int) -> bool:
        norm = tokens[i].norm
        if i in barred:
            return False
        if norm == "." and i > 0 and initial_letter(tokens[i - 1].norm):
            return True  # «Ж . Ахметов»: the initial's period
        return norm[:1].isupper() and (is_initial(norm) or norm.replace("-", "").isalpha())

    runs, i = [], 0
    while i < len(tokens):
        if not part(i):
            i += 1
            continue
        a = i
        while i < len(tokens) and part(i):
            i += 1
        b = i
        if a == 0 and not initial_letter(tokens[0].norm) and not is_initial(tokens[0].norm):
            readings = analyze(tokens[0].norm)[:1]
            a += not (readings and readings[0].pos == "PROPN" or is_family_name(tokens[0].norm))
        while b > a and (tokens[b - 1].norm == "." or initial_letter(tokens[b - 1].norm)
                         or is_initial(tokens[b - 1].norm)):
            b -= 1  # a name ends in a word, never in an initial
        if b > a:
            runs.append((a, b))
    return runs


def _lookup(db: sqlite3.Connection, tokens: list[Token]) -> tuple[str, str, str] | None:
    """(id, type, name) of the provisional entity ``tokens`` name, or None."""
    from derek.extract.entities import provisional_key

    key, _ = provisional_key(tokens)
    if not key:
        return None
    ids = [f"prov:{kind}:{key}" for kind in provisional_types()]
    marks = ",".join("?" * len(ids))
    # one name tagged two ways (a person in one document, a place in another) is one name:
    # the most mentioned reading stands for it
    rows = db.execute(f"SELECT e.id, e.type, e.name FROM entities e WHERE e.provisional = 1 AND e.id IN ({marks})"
                      " ORDER BY (SELECT count(*) FROM spans s WHERE s.kind = 'entity' AND s.value = e.id) DESC,"
                      " e.id LIMIT 1", ids).fetchall()
    parts = key.split("_")
    if rows and (rows[0][1] != "person" or len(parts) > 1):
        return rows[0]
    people = _people(db, parts)
    if rows:
        return None if people else rows[0]  # a bare surname two people bear names neither
    return people[0] if len(people) == 1 else None


def _people(db: sqlite3.Connection, parts: list[str]) -> list[tuple[str, str, str]]:
    """The provisional people with surname ``parts[-1]`` whose given names agree with
    ``parts[:-1]`` (a whole name or its initial; none on either side: any), the asked key itself aside."""
    from derek.query.facts import like_literal

    # the range keeps the scan to the people's ids (the primary key's order); the bare surname's
    # own id («prov:person:сейітов») agrees with any given names
    rows = db.execute("SELECT id, type, name FROM entities WHERE id > ? AND id < ? AND provisional = 1"
                      " AND (id LIKE ? ESCAPE '\\' OR id = ?)",
                      (_PERSON, "prov:person;", f"{_PERSON}%\\_{like_literal(parts[-1])}", _PERSON + parts[-1]))
    asked = parts[:-1]
    found = []
    for row in rows.fetchall():
        given = row[0].removeprefix(_PERSON).split("_")[:-1]
        if given != asked and (not asked or not given or _agree(given, asked)):
            found.append(row)
    return found


def _agree(given: list[str], asked: list[str]) -> bool:
    """Two lists of given names name the same person: word by word equal, or one an initial of
    the other («ж» ~ «жанболат»)."""
    return len(given) == len(asked) and all(
        g == w or (len(g) == 1 and w.startswith(g)) or (len(w) == 1 and g.startswith(w))
        for g, w in zip(given, asked))


def _mention(question: Question, a: int, b: int, entity: str, type_: str, name: str) -> EntityMention:
    """The mention of tokens a..b-1, with the case its last word's ending marks («Сәрсенбаевқа»: DAT)."""
    from derek.extract.entities_people import surname_case
    from derek.extract.gazetteer import case_of

    start, end = question.tokens[a].start, question.tokens[b - 1].end
    last = question.tokens[b - 1].norm
    case = (surname_case(last) if type_ == "person" else None) or case_of(last)
    return EntityMention(start, end, question.text[start:end], type_, entity, name, None, "ner", case)
