"""Signed documents by their full name (rulebook `signed`): the dative head before «қол қой-»
with its «туралы»/«жөніндегі» complement, «X мен Y арасындағы» parties, a quoted title, a dated
«… жылғы … -дағы» opening and a genitive owner; a gazetteer treaty when the name is one's; a
coordinated pair is two documents. Reads Document tokens and the fact extractor's token index."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import DateMention, Document
from derek.extract.doc_names import COORDINATORS, DOCUMENT_KINDS, QUOTES, nominative, noun_form
from derek.extract.gazetteer import fold, load_gazetteer, word_keys
from derek.extract.history import finite
from derek.extract.rules import MARKED_CASES, Arg, Clause, word_info
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.suffixes import realizations

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

SIGNED_KINDS = DOCUMENT_KINDS | {"instrument"}
_MAX_WORDS = 18  # a name longer than this is not one name
_TOPIC_LINKS = {"туралы", "жөніндегі", "жөнінде"}  # «… туралы келісім»: what the document is about
_PARTIES = frozenset({"state", "person", "organization", "body"})  # who signs: a name's boundary
_OUTSIDE = {"LOC", "ABL"}  # «Астанада», «Ресейден»: where and whence, never inside a name


@dataclass(slots=True)
class _Scan:
    """A scan leftwards from the head: the name's first token, whether a «туралы» complement
    was entered, and where a coordinated document before it ends (its head), if any."""

    first: int
    topic: bool = False
    pair_head: int | None = None


def signed_head(index: TokenIndex, clause: Clause, i: int) -> int | None:
    """The last dative document noun before the trigger at ``i`` («… туралы келісімге»)."""
    for k in range(i - 1, clause.first - 1, -1):
        form = noun_form(index.norms[k])
        if form is not None and form.kind in SIGNED_KINDS and form.case == "DAT":
            return k
        if index.norms[k] in (",", ";", ":"):
            return None
    return None


def signed_spans(index: TokenIndex, clause: Clause, head: int) -> list[tuple[int, int]]:
    """The (first, head) token spans of the documents ending at ``head``: one, or two for a
    coordinated pair («… шарт пен … хаттамаға»)."""
    scan = _scan(index, clause, head)
    spans = [(scan.first, head)]
    if scan.pair_head is not None:
        spans.insert(0, (_scan(index, clause, scan.pair_head).first, scan.pair_head))
    return spans


def signed_at(index: TokenIndex, i: int, end: int) -> int:
    """Where the names of the signed document are looked for before: a trigger that opens with a
    document noun in the dative («… туралы келісімге келді», reached an agreement) holds the
    document's head itself, so the search starts at the verb after it, not at the noun."""
    form = noun_form(index.norms[i])
    return end - 1 if form is not None and form.kind in SIGNED_KINDS and form.case == "DAT" else i


def trigger_names(doc: Document, index: TokenIndex, clause: Clause, i: int, end: int) -> list[tuple[str, tuple[int, int]]]:
    """The documents signed by the trigger at ``i``…``end``; a trigger holding the document noun
    names one only with a complement before it: a bare «келісімге келді» is agreeing, no document."""
    at = signed_at(index, i, end)
    names = signed_names(doc, index, clause, at)
    return names if at == i else [(name, span) for name, span in names
                                  if span[0] < span[1] and not _subject_head(index.norms[span[1] - 1])]


def _subject_head(norm: str) -> bool:
    """Is the word before a held document noun a possessed noun in the nominative («Қазақстан
    және Қырғызстан тараптары келісімге келді»: the parties)? It heads the subject, so it is no
    complement naming a document: agreeing, nothing signed."""
    _, tags, pos = word_info(norm)
    return pos == "NOUN" and "POSS.3" in tags and not tags & MARKED_CASES


def signed_names(doc: Document, index: TokenIndex, clause: Clause, i: int) -> list[tuple[str, tuple[int, int]]]:
    """The documents signed by the trigger at ``i``, each as (name, (first, head) tokens)."""
    head = signed_head(index, clause, i)
    if head is None:
        return []
    return [(span_text(doc, index, f, h), (f, h)) for f, h in signed_spans(index, clause, head)]


def span_text(doc: Document, index: TokenIndex, first: int, head: int) -> str:
    """The name as the text writes it, its head in the nominative (possessive kept); a quote
    left open by a title that closes after the head is dropped."""
    form = noun_form(index.norms[head])
    end = nominative(index.norms[head], form) if form is not None else index.norms[head]
    text = " ".join((doc.text[doc.tokens[first].start:doc.tokens[head].start] + end).split())
    if sum(text.count(q) for q in QUOTES) % 2 and text[:1] in QUOTES:
        text = text[1:]
    return text


def named_treaty(index: TokenIndex, clause: Clause, i: int) -> Arg | None:
    """«ТМД-ның Жарғысына қол қойды»: the gazetteer treaty whose name the signed phrase is,
    word for word (endings aside)."""
    head = signed_head(index, clause, i)
    if head is None:
        return None
    first, _ = signed_spans(index, clause, head)[-1]
    words = [index.norms[k] for k in range(first, head + 1) if index.norms[k] not in QUOTES]
    for entry in _treaties():
        if any(_same_name(name, words) for name in entry.names):
            return Arg(entry.id, "treaty", "DAT", first, head + 1)
    return None


@cache
def _treaties() -> tuple:  # the gazetteer's treaty entries, not every entry per signing
    return tuple(e for e in load_gazetteer().entries.values() if e.type == "treaty")


def dated_treaty(index: TokenIndex, clause: Clause, span: tuple[int, int], date: DateMention | None) -> Arg | None:
    """«1994 жылғы сәуірде «Қазақстан мен ҚХР арасындағы … шекараның өтуі туралы» Шартқа қол
    қойылды»: a name that words a treaty its own way is the gazetteer treaty signed on that date
    (at least the month) whose name names both parties «арасындағы» (the one such treaty)."""
    between = next((k for k in range(span[0], span[1]) if index.norms[k].lower().startswith("арасында")), None)
    if between is None or date is None or len(date.value) < 7:
        return None
    entries = load_gazetteer().entries
    parties = {a.entity for a in clause.args if span[0] <= a.first < between and a.type == "state"}
    if len(parties) < 2:
        return None
    found = [r["id"] for r in _treaty_rows() if r["date"].startswith(date.value)
             and all(any(fold(n) in r["name_kk"].lower() for n in entries[p].names if len(n) > 2) for p in parties)]
    return Arg(found[0], "treaty", "DAT", span[0], span[1] + 1) if len(found) == 1 else None


@cache
def _treaty_rows() -> tuple[dict[str, str], ...]:
    return load_tsv("gazetteer_treaties.tsv")


def _same_name(name: str, words: list[str]) -> bool:
    parts = name.replace('"', " ").split()
    if len(parts) != len(words) or len(parts) < 2:
        return False
    head, form = noun_form(parts[-1]), noun_form(words[-1])
    if head is None or form is None or head.stem != form.stem or head.possessive != form.possessive:
        return False
    return all(fold(p) in word_keys(w) or fold(p) == fold(w) for p, w in zip(parts[:-1], words[:-1]))


def signing_date(index: TokenIndex, clause: Clause, i: int, spans: list[tuple[int, int]],
                 fallback: DateMention | None) -> DateMention | None:
    """The last date before the trigger that is no part of a document's name («XXI ғасырға
    бағдарланған … декларацияға»), unless it dates the name itself («1994 жылғы … шартқа»)."""
    dates = [(a, d) for a, d in index.dates_in(clause.first, i) if d.type == "DATE"]
    outside = [d for a, d in dates if not any(f <= a <= h for f, h in spans)]
    if outside:
        return outside[-1]
    dating = [d for a, d in dates if any(f <= a <= h for f, h in spans) and _dates_name(index, a)]
    return dating[-1] if dating else fallback


def _dates_name(index: TokenIndex, a: int) -> bool:
    """Does the date starting at token ``a`` end in an attributive word («… қаңтардағы»)?"""
    j = a
    while j + 1 in index.date_tokens:
        j += 1
    return index.norms[j].lower().endswith(realizations("ATTR"))


def _scan(index: TokenIndex, clause: Clause, head: int) -> _Scan:
    scan, k = _Scan(head), head - 1
    while k >= clause.first and head - k <= _MAX_WORDS:
        step = _step(index, clause, k, head, scan)
        if step is None:
            break
        scan.first, k = step, step - 1
        if scan.pair_head is not None:
            break
    while scan.first < head and index.norms[scan.first].lower() in COORDINATORS:
        scan.first += 1
    return scan


def _step(index: TokenIndex, clause: Clause, k: int, head: int, scan: _Scan) -> int | None:
    """The first token of the unit ending at ``k`` that belongs to the name, or None."""
    norms = index.norms
    word, low = norms[k], norms[k].lower()
    arg = next((a for a in clause.args if a.first <= k < a.last), None)
    if word in QUOTES:  # a quoted title of the document, not a quoted name inside its complement
        return _opening(norms, clause, k) if not scan.topic or norms[k - 1].lower() in _TOPIC_LINKS else None
    if low in _TOPIC_LINKS:
        scan.topic = True
        return k
    if low.startswith(("арасындағы", "арасында")):
        return _parties(index, clause, k)
    if k in index.date_tokens:
        return _date_start(index, clause, k, scan)
    if arg is not None:
        return _arg_step(index, arg, head, scan)
    if low in COORDINATORS:
        return _coordinated(index, k, scan)
    return k if _word_fits(index, k, scan) else None


def _opening(norms: list[str], clause: Clause, close: int) -> int | None:
    """The opening quote of the quoted title that ends at ``close``."""
    for k in range(close - 1, max(clause.first, close - _MAX_WORDS) - 1, -1):
        if norms[k] in QUOTES:
            return k
    return None


def _parties(index: TokenIndex, clause: Clause, k: int) -> int | None:
    """«Қазақстан мен Ресей арасындағы»: the names joined before «арасындағы» open the name; a
    place before them («Алматыда», «Мәскеуден») or a name not joined to them is no party."""
    first, j, joined = None, k - 1, True
    while j >= clause.first:
        arg = next((a for a in clause.args if a.last == j + 1), None)
        if arg is not None and joined and arg.case not in _OUTSIDE | {"DAT", "ACC"}:
            first, j, joined = arg.first, arg.first - 1, False
        elif first is not None and (index.norms[j].lower() in COORDINATORS or index.norms[j] == ","):
            j, joined = j - 1, True
        else:
            break
    return first


def _date_start(index: TokenIndex, clause: Clause, k: int, scan: _Scan) -> int | None:
    """A date that dates the name («1994 жылғы 20 қаңтардағы») or that a postposition inside
    the complement governs («2035 жылға дейінгі») belongs to it; any other date ends it."""
    start = max((a for a, _ in index.dates if 0 <= a <= k), default=None)
    if start is None or start < clause.first:
        return None
    attributive = index.norms[k].lower().endswith(realizations("ATTR"))
    governed = scan.topic and k + 1 < len(index.norms) and index.norms[k + 1].lower() in ("дейінгі", "дейін")
    return start if attributive or governed else None


def _arg_step(index: TokenIndex, arg: Arg, head: int, scan: _Scan) -> int | None:
    """A name inside the document's name: a genitive owner of a possessed noun after it
    («ТМД-ның Жарғысы», «Ресейдің қол астына»), or in the complement any name but a party in
    the nominative (the signer), a co-party «-пен», or a place «-да»."""
    if arg.case == "GEN":
        owned = any("POSS.3" in word_info(index.norms[j])[1] or _possessed(index.norms[j])
                    for j in range(arg.last, head + 1))
        return arg.first if owned else None
    if arg.case == "NOM" and arg.type in _PARTIES:
        izafet = arg.last < head and "GEN" in word_info(index.norms[arg.last])[1]
        return arg.first if izafet else None
    if not scan.topic or arg.case == "INS" or arg.case in _OUTSIDE:
        return None
    return arg.first


def _possessed(word: str) -> bool:
    form = noun_form(word)
    return form is not None and form.possessive


def _coordinated(index: TokenIndex, k: int, scan: _Scan) -> int | None:
    """«шарт пен хаттамаға»: a document noun before the coordinator is a second document;
    otherwise the coordinator joins two words of one name («достық пен одақтастық»)."""
    if k == 0:
        return None
    form = noun_form(index.norms[k - 1])
    if form is not None and form.kind in SIGNED_KINDS and form.case == "NOM":
        scan.pair_head = k - 1
        return k + 1
    _, tags, pos = word_info(index.norms[k - 1])
    return k if pos in ("NOUN", "ADJ", "PROPN") and (scan.topic or not tags & {"DAT", "ACC", "LOC", "ABL", "INS"}) \
        else None


def _word_fits(index: TokenIndex, k: int, scan: _Scan) -> bool:
    """A plain word of the name: a noun or adjective (before «туралы» only in the nominative,
    genitive or attributive); inside the complement also a verbal noun, a participle, a converb
    that qualifies the verbal noun after it («бірлесіп пайдалану») and the governed cases."""
    word = index.norms[k]
    if not word[:1].isalnum():
        return False
    _, tags, pos = word_info(word)
    if pos in ("VERB", "AUX"):
        if "PTCP.PAST" in tags:
            return True
        if any(t.startswith("CONV") for t in tags):
            return scan.topic and k + 1 < len(index.norms) and "VNOUN" in word_info(index.norms[k + 1])[1]
        return scan.topic and not finite(word)  # «… жүктемесін азайту»: a noun misread as a verb
    if pos not in ("NOUN", "PROPN", "ADJ"):
        return False
    if tags & _OUTSIDE and "ATTR" not in tags:
        return False
    return scan.topic or not tags & {"DAT", "ACC", "INS"}
