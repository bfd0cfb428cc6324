"""Office-holders named by their office: «Қазақстан Президенті» with no name after it, in a sentence
dated 1994, is Nursultan Nazarbayev.

The office (``data/offices.tsv``) follows its owner, a state or organization mention or the home
country's deixis («ҚР Сыртқы істер министрі», «БҰҰ Бас хатшысы», «еліміздің Президенті»); the year
is that of the nearest date in the sentence, else the last date of the sentence before; the holder
is the one person whose gazetteer role of that office and owner spans the year. The mention covers
the office words and carries ``source="role"``: a reference, not a name (the named-mention
benchmark leaves it out). Reads Document.tokens, sentences, dates and the mentions found so far.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import case_of, load_gazetteer
from derek.extract.rules import Arg, Rule, word_info
from derek.lang.kk.resources import load_tsv

_ROLE = re.compile(r"([a-z_]+):([a-z]+:[a-z0-9-]+):(\d{4})/(\d{4})?(?:\||$)")
OPEN_END = 2100  # a role still held («2019/»)


@cache
def _offices() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Office word lemmas by their last word: {"министр": [(("сыртқы", "істер", "министр"), role,
    owner type)]}."""
    found: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for row in load_tsv("offices.tsv", package="derek.extract"):
        words = tuple(row["words"].split())
        found.setdefault(words[-1], []).append((words, row["role"], row["owner"]))
    return found


@cache
def _holders() -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    """(role, owner) → [(from, to, person)] from the people gazetteer's roles column."""
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for row in load_tsv("gazetteer_people.tsv"):
        for role, owner, start, end in _ROLE.findall(row.get("roles", "")):
            found.setdefault((role, owner), []).append((int(start), int(end) if end else OPEN_END, row["id"]))
    return found


def officeholder_mentions(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """A mention of the holder for each office named after its owner, with no name after it."""
    offices, holders, entries = _offices(), _holders(), load_gazetteer().entries
    starts = [t.start for t in doc.tokens]
    owners = {bisect_left(starts, m.end) - 1: m for m in mentions if m.type in ("state", "organization", "body")}
    named = {bisect_left(starts, m.start) for m in mentions if m.type == "person"}  # «… Президенті Тоқаев»
    years = _sentence_years(doc)
    found = []
    for sentence, year in zip(doc.sentences, years):
        if year is None:
            continue
        for i in range(sentence.first_token + 1, sentence.last_token):
            tok = doc.tokens[i]
            if tok.lemma.lower() not in offices or i + 1 in named or not _one_holder(doc, i, sentence.last_token):
                continue
            for words, role, owner_type in offices[tok.lemma.lower()]:
                first = i - len(words) + 1
                owner = owners.get(first - 1)
                if owner is None or owner.type != owner_type or first - 1 < sentence.first_token \
                        or not _spells(doc, first, words):
                    continue
                held = [p for a, b, p in holders.get((role, owner.entity), []) if a <= year <= b]
                if len(set(held)) != 1 or held[0] not in entries:
                    continue
                entry = entries[held[0]]
                start = doc.tokens[first].start
                mention = EntityMention(start, tok.end, doc.text[start : tok.end], entry.type, entry.id, entry.name,
                                        entry.wikidata, "role")
                mention.case = case_of(tok.norm)
                found.append(mention)
                break
    return found


def _one_holder(doc: Document, i: int, last: int) -> bool:
    """The office word names one person acting: not plural («ҚР мен РФ Президенттері»: each
    state's), and not the owner of the next noun («Президенті Жарлығымен»: the decree's)."""
    from derek.extract.rules import word_info

    if "PL" in word_info(doc.tokens[i].norm)[1]:
        return False
    if i + 1 < last:
        _, tags, pos = word_info(doc.tokens[i + 1].norm)
        return not (pos == "NOUN" and "POSS.3" in tags)
    return True


def _spells(doc: Document, first: int, words: tuple[str, ...]) -> bool:
    """The office's words before its last one as written («сыртқы істер»), the last one by lemma."""
    return all(doc.tokens[first + j].norm.lower() == w or doc.tokens[first + j].lemma.lower() == w
               for j, w in enumerate(words[:-1]))


def _sentence_years(doc: Document) -> list[int | None]:
    """The year each sentence is read in: its first dated year, else the previous sentence's."""
    by_sentence: list[int | None] = []
    starts = [s.start for s in doc.sentences]
    first: dict[int, int] = {}
    for d in doc.dates:
        if d.type == "DATE" and d.value[:4].isdigit():
            first.setdefault(bisect_left(starts, d.start + 1) - 1, int(d.value[:4]))
    for k in range(len(doc.sentences)):
        by_sentence.append(first.get(k, first.get(k - 1)))
    return by_sentence


def congratulated_holder(rule: Rule, args: list[Arg], norms: list[str], i: int, end: int) -> list[Arg]:
    """The holder of a post named by a passive verbal noun in the instrumental or dative
    («Тоқаев Маминді … лауазымына тағайындалуымен құттықтады», «… сайлануына орай»): the accusative
    person the main verb is about, not its nominative subject (the one who congratulates);
    empty when the trigger is no such verbal noun or no accusative person precedes it."""
    tags = word_info(norms[end - 1])[1]
    if rule.predicate != "appointed_as" or not {"VNOUN", "PASS"} <= tags or not tags & {"INS", "DAT"}:
        return []
    return [a for a in args if a.case == "ACC" and a.type == "person" and a.last <= i][-1:]
