"""Who signed what: a quoted title before «шартқа» names a gazetteer treaty, a passive
signing's parties are the states its treaty is «between», and named persons sign for their
states. Reads Document tokens and the token index; returns ``Arg`` lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.extract.gazetteer import fold, load_gazetteer, word_keys
from derek.extract.rules import Arg, Clause, Rule, word_info
from derek.lang.kk.suffixes import realizations

if TYPE_CHECKING:
    from derek.doc import Document
    from derek.extract.index import TokenIndex

_QUOTES = {'"', "«", "»", "“", "”"}
_TITLE_WORDS = 20  # a quoted title longer than this is no document name
_MIN_TITLE = 3  # «… X туралы шарт»: at least two words of the title besides «туралы»
_PARTY_WINDOW = 8  # words before a treaty's name that may hold «X мен Y арасындағы»


def quoted_treaty(index: TokenIndex, clause: Clause, i: int) -> Arg | None:
    """«"Достық, ынтымақтастық және өзара көмек туралы" шартқа қол қойды», «… серіктестік және
    ынтымақтастық туралы келісімге»: the gazetteer treaty whose name ends with the most of the
    «… туралы» title before the dative noun (quoted or not), if exactly one does."""
    norms = index.norms
    head = next((k for k in range(i - 1, clause.first, -1) if "DAT" in word_info(norms[k])[1]), None)
    if head is None:
        return None
    words = [(k, fold(norms[k])) for k in range(max(clause.first, head - _TITLE_WORDS), head)
             if norms[k].isalnum() or "-" in norms[k]]
    best: dict[str, int] = {}
    for entry in load_gazetteer().entries.values():
        if entry.type == "treaty":
            for name in entry.names:
                best[entry.id] = max(best.get(entry.id, 0), _shared_tail(name, words, word_keys(norms[head])))
    top = max(best.values(), default=0)
    found = [t for t, n in best.items() if n == top]
    if top < _MIN_TITLE or len(found) != 1:
        return None
    return Arg(found[0], "treaty", "DAT", words[-top][0], head + 1)


def _shared_tail(name: str, words: list[tuple[int, str]], head_keys: frozenset[str]) -> int:
    """How many words before the head noun the name ends with (0 unless it ends with the head
    and its «туралы» is among them)."""
    parts = [fold(w) for w in name.replace(",", " ").replace('"', " ").split()]
    if not parts or parts[-1] not in head_keys:
        return 0
    n = 0
    while n < len(words) and n + 1 < len(parts) and words[-1 - n][1] == parts[-2 - n]:
        n += 1
    return n if "туралы" in parts[-1 - n:-1] else 0


def title_parties(doc: Document, index: TokenIndex, treaty: Arg, first: int) -> list[Arg]:
    """The states a treaty is «between» («Қазақстан және Ресей арасындағы … хаттамаға»), in its
    own name or just before it (from word ``first``): a passive signing's parties."""
    norms = index.norms
    start = max(first, treaty.first - _PARTY_WINDOW)
    between = next((k for k in range(start, treaty.last) if word_info(norms[k])[0] == "ара"
                    and "ATTR" in word_info(norms[k])[1] | _attributive(norms[k])), None)
    if between is None:
        return []
    found = load_gazetteer().match(doc.tokens[start:between])
    entries = load_gazetteer().entries
    return [Arg(entity, "state", "NOM", start + a, start + b, anaphor=True)
            for a, b, entity, _ in found if entries[entity].type == "state"]


def _attributive(norm: str) -> frozenset[str]:
    """«арасындағы» is read as a locative with «-ғы»: count that as attributive."""
    return frozenset({"ATTR"}) if norm.lower().endswith(realizations("ATTR")) else frozenset()


def signers(doc: Document, rule: Rule, subjects: list[Arg], objects: list[Arg], index: TokenIndex,
            clause: Clause) -> list[Arg]:
    """A signing rule's signers: a passive signing adds its treaty's parties; persons named as
    signers sign alone."""
    if rule.trigger[-1][1] == "PASS" and objects:
        named = {s.entity for s in subjects}
        subjects = subjects + [p for p in title_parties(doc, index, objects[-1], clause.first)
                               if p.entity not in named]
    return persons_sign([s for s in subjects if not (s.case == "INS" and _converb_party(index, clause, s))])


def _converb_party(index: TokenIndex, clause: Clause, party: Arg) -> bool:
    """«Қазақстан Ресеймен кеңесіп, … қол қойды»: a co-party whose first verb is a converb that
    closes its own comma clause goes with that verb (consulted with Russia), not with the signing."""
    norms = index.norms
    for k in range(party.last, clause.last - 1):
        _, tags, pos = word_info(norms[k])
        if pos in ("VERB", "AUX"):
            return "CONV.P" in tags and norms[k + 1] == "," and norms[k - 1].lower() != "қол"
        if not norms[k][:1].isalnum():
            return False
    return False


def persons_sign(subjects: list[Arg]) -> list[Arg]:
    """«Назарбаев пен Ельцин ҚР мен Ресей арасындағы шартқа қол қойды»: when persons are named
    as signers, the states beside them are the treaty's parties, not further signers."""
    persons = [s for s in subjects if s.type == "person"]
    return persons if persons and len(persons) < len(subjects) else subjects
