"""Facts from table rows: a header row names the columns (extract/data/table_columns.tsv),
each data row gives a subject, its status and dates («Армения  мүше  10.10.2014  02.01.2015»).

Reads Document text, sentences, entities and dates through the fact extractor's token index;
returns Document facts citing the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Document, Fact, Sentence
from derek.extract.gazetteer import load_gazetteer
from derek.extract.rules import ROLES, load_rules, readings, word_info
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.segment import tokenize

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_CONFIDENCE = 0.8


@dataclass(slots=True)
class Table:
    """The columns of the table being read: role → column number; the treaty and the
    organization its status and signing columns are about."""

    roles: dict[str, int]
    treaty: str | None
    organization: str | None


@cache
def _column_rules() -> list[tuple[frozenset[str], str]]:
    return [(frozenset(r["lemmas"].split()), r["role"]) for r in load_tsv("table_columns.tsv", "derek.extract")]


@cache
def _status_predicates() -> dict[str, str]:
    """One-word role triggers that take an organization: мүше → member_of, бақылаушы → observer_of."""
    found: dict[str, str] = {}
    for rule in load_rules():
        if len(rule.trigger) == 1 and rule.predicate in ROLES | {"member_of"}:
            found.setdefault(rule.trigger[0][0], rule.predicate)
    return found


def cells(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    """Character spans of the TAB-separated cells of a sentence (one cell: not a table row)."""
    spans, start = [], sentence.start
    for part in doc.text[sentence.start:sentence.end].split("\t"):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return spans


def read_header(doc: Document, sentence: Sentence, index: TokenIndex) -> Table | None:
    """The roles of a header row's columns, when it has a subject column and another one."""
    roles: dict[str, int] = {}
    lemmas_by_cell = [{word_info(t.norm)[0] for t in tokenize(doc.text[a:b])} for a, b in cells(doc, sentence)]
    for column, lemmas in enumerate(lemmas_by_cell):
        role = next((r for needed, r in _column_rules() if needed <= lemmas), None)
        if role is not None:
            roles.setdefault(role, column)
    if "subject" not in roles or len(roles) < 2:
        return None
    treaty = _named_treaty(doc, sentence, index, lemmas_by_cell[roles["signed"]]) if "signed" in roles else None
    return Table(roles, treaty, _topic_organization(doc, index, treaty))


def _named_treaty(doc: Document, sentence: Sentence, index: TokenIndex, lemmas: set[str]) -> str | None:
    """«Шартқа» in a header: the last treaty before the table whose name has that noun."""
    treaties = [m for a, _, m in index.mentions if m.type == "treaty" and m.end <= sentence.start]
    for mention in reversed(treaties):
        if {word_info(w)[0] for w in mention.name.lower().split()} & lemmas:
            return mention.entity
    return None


def _topic_organization(doc: Document, index: TokenIndex, treaty: str | None) -> str | None:
    """What the status column is membership of: the organization the treaty's name names
    («Еуразиялық экономикалық одақ туралы шарт»), else the one in the document's title."""
    gazetteer = load_gazetteer()
    if treaty is not None:
        words = tokenize(gazetteer.entries[treaty].name)[:-1]  # without «шарт», the treaty itself
        for _, _, entity, _ in gazetteer.match(words):
            if gazetteer.entries[entity].type == "organization":
                return entity
    title = doc.sentences[0] if doc.sentences else None
    found = [m for a, _, m in index.mentions if title and m.type == "organization" and m.end <= title.end]
    return found[0].entity if found else None


def row_facts(doc: Document, sentence: Sentence, index: TokenIndex, table: Table) -> list[Fact]:
    """The facts one data row states."""
    spans = cells(doc, sentence)
    if len(spans) <= max(table.roles.values()):
        return []
    subject = _cell_entity(index, spans[table.roles["subject"]])
    if subject is None:
        return []
    dates = {role: _cell_date(doc, spans[table.roles[role]]) for role in ("start", "signed") if role in table.roles}
    facts = []
    predicate = _status(doc, spans, table)
    # only members are parties to the organization's treaty: an observer's row date is its status date
    if dates.get("signed") and table.treaty and predicate in (None, "member_of"):
        facts.append(_fact(sentence, subject, "signed", table.treaty, dates["signed"]))
    if predicate and table.organization:
        # a status without its own start date takes the row's other date («Молдова бақылаушы 14.05.2018 —»)
        facts.append(_fact(sentence, subject, predicate, table.organization, dates.get("start") or dates.get("signed")))
    return facts


def _status(doc: Document, spans: list[tuple[int, int]], table: Table) -> str | None:
    if "status" not in table.roles:
        return None
    a, b = spans[table.roles["status"]]
    words = tokenize(doc.text[a:b])
    if len(words) != 1:
        return None
    return next((_status_predicates()[w] for w, _ in readings(words[0].norm) if w in _status_predicates()), None)


def _cell_entity(index: TokenIndex, span: tuple[int, int]) -> str | None:
    return next((m.entity for _, _, m in index.mentions if span[0] <= m.start and m.end <= span[1]), None)


def _cell_date(doc: Document, span: tuple[int, int]) -> str | None:
    return next((d.value for d in doc.dates if span[0] <= d.start and d.end <= span[1] and d.type == "DATE"), None)


def _fact(sentence: Sentence, subject: str, predicate: str, obj: str, time: str | None) -> Fact:
    return Fact(subject, predicate, obj, None, time, None, sentence.start, sentence.end, _CONFIDENCE)
