"""Names of documents and proposed things that are no gazetteer entity: a head noun from
extract/data/document_nouns.tsv with its left modifiers, up to a clause boundary or an owner
(«Ұйымның 2035 жылға дейінгі даму стратегиясы»). Reads the fact extractor's token index."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Document
from derek.extract.phrases import possessive
from derek.extract.rules import Arg, Clause, word_info
from derek.lang.kk.resources import load_tsv

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_QUOTES = {'"', "«", "»", "“", "”", "„"}
_MAX_WORDS = 14  # a name longer than this is not one name
_OWNER_TYPES = frozenset({"organization", "body", "state"})
_ENDING_CASE = {"genitive": "GEN", "dative": "DAT", "accusative": "ACC", "locative": "LOC",
                "ablative": "ABL", "instrumental": "INS", "attributive": "ATTR"}
# Postpositions and postpositional participles that take a complement in a case other than the
# nominative, so a case-marked word before them still belongs to the name: «сынақтарға қарсы
# іс-қимыл», «2035 жылға дейінгі стратегия», «… туралы мәлімдеме».
_GOVERNS = {"қарсы": {"DAT"}, "дейінгі": {"DAT"}, "дейін": {"DAT"}, "арналған": {"DAT"},
            "бағытталған": {"DAT"}, "туралы": set(), "жөніндегі": set(), "қатысты": {"DAT"}, "үшін": set()}
_VERBAL_NOUN_CASES = {"ACC", "DAT", "INS"}  # «ұйымға айналдыру», «АӨСШК-ні … айналдыру»
_ALWAYS = {"NOM", "GEN", "ATTR"}  # a noun's own modifiers: «іс-қимылдың халықаралық күні»
_CASES = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})
_COORDINATORS = {"және", "мен", "пен", "бен", "әрі"}


@dataclass(slots=True)
class Name:
    """A name phrase: tokens first..head (inclusive), its text with the head in the nominative,
    and the owner the phrase stopped at («Ұйымның», «ШЫҰ»), if any."""

    first: int
    head: int
    text: str
    owner: Arg | None = None


@cache
def document_nouns() -> dict[str, str]:
    """Head noun → kind (document, meeting, proposal), longest first (extract/data/document_nouns.tsv)."""
    rows = load_tsv("document_nouns.tsv", "derek.extract")
    return dict(sorted(((r["noun"], r["kind"]) for r in rows), key=lambda x: -len(x[0])))


@cache
def _endings() -> tuple[tuple[str, str], ...]:
    rows = load_tsv("noun_suffixes.tsv")
    return tuple(sorted(((r["suffix"], r["category"]) for r in rows), key=lambda x: -len(x[0])))


def split_ending(rest: str, depth: int = 3) -> list[str] | None:
    """The categories of a run of noun endings («сын» → possessive, accusative), or None."""
    if not rest:
        return []
    if depth == 0:
        return None
    for suffix, category in _endings():
        if rest.startswith(suffix):
            tail = split_ending(rest[len(suffix):], depth - 1)
            if tail is not None:
                return [category, *tail]
    return None


@dataclass(slots=True, frozen=True)
class NounForm:
    stem: str
    kind: str
    possessive: bool
    case: str


@cache
def noun_form(word: str) -> NounForm | None:
    """«стратегиясын» → (стратегия, document, possessive, ACC); None for other words."""
    low = word.lower()
    for stem, kind in document_nouns().items():
        if low.startswith(stem):
            categories = split_ending(low[len(stem):])
            if categories is not None:
                case = next((_ENDING_CASE[c] for c in reversed(categories) if c in _ENDING_CASE), "NOM")
                return NounForm(stem, kind, "possessive" in categories, case)
    return None


def nominative(word: str, form: NounForm) -> str:
    """The head without its case ending, keeping its possessive («стратегиясын» → «стратегиясы»)."""
    bare = possessive(form.stem) if form.possessive else form.stem
    return bare[:1].upper() + bare[1:] if word[:1].isupper() else bare


def name_before(doc: Document, index: TokenIndex, clause: Clause, head: int, min_words: int = 2) -> Name | None:
    """The name whose head noun is token ``head``: quoted («"…" бағдарламасы», «"… пакт"») or
    the head with its left modifiers; None when it has fewer than ``min_words`` words."""
    form = noun_form(index.norms[head])
    if form is None:
        return None
    quoted = _quoted(index, clause, head)
    first, owner = quoted if quoted else modifiers(index, clause, head)
    if head - first + 1 < min_words:
        return None
    start = doc.tokens[first].start
    text = doc.text[start:doc.tokens[head].start] + nominative(index.norms[head], form)
    if quoted and index.norms[first] in _QUOTES and head + 1 < len(index.norms) and index.norms[head + 1] in _QUOTES:
        text = text[1:]  # «"… пакт"»: the quoted title itself
    return Name(first, head, text.replace("\n", " "), owner)


def _quoted(index: TokenIndex, clause: Clause, head: int) -> tuple[int, Arg | None] | None:
    """Where a quotation that ends at the head (or just before it) opens."""
    norms = index.norms
    close = head + 1 if head + 1 < clause.last and norms[head + 1] in _QUOTES else \
        head - 1 if norms[head - 1] in _QUOTES else None
    if close is None:
        return None
    for k in range(min(close, head) - 1, max(clause.first, head - _MAX_WORDS) - 1, -1):
        if norms[k] in _QUOTES:
            return (k if close < head else k + 1), None
    return None


@dataclass(slots=True)
class _Scope:
    """The cases a word further left may take and still belong to the name."""

    allowed: set[str]
    verbal: set[str]  # the cases an enclosing verbal noun governs

    def took(self, case: str) -> None:
        if case not in _ALWAYS:  # a governed complement is filled; its own modifiers follow
            self.allowed = _ALWAYS | self.verbal


def modifiers(index: TokenIndex, clause: Clause, head: int) -> tuple[int, Arg | None]:
    """The first token of the head's modifiers, and the owner entity the scan stopped at.
    A postposition governs one complement («сынақтарға қарсы»); a verbal noun governs its
    objects up to the name's start («АӨСШК-ні … ұйымға айналдыру»)."""
    first, scope = head, _Scope(set(_ALWAYS), set())
    k = head - 1
    while k >= clause.first and head - k < _MAX_WORDS:
        arg = next((a for a in clause.args if a.first <= k < a.last), None)
        if arg is not None:
            if arg.type in _OWNER_TYPES and arg.case in ("NOM", "GEN"):
                return first, arg  # «Ұйымның … стратегиясы», «ШЫҰ даму стратегиясы»: its owner
            if arg.case not in scope.allowed:
                break
            scope.took(arg.case)
            first, k = arg.first, arg.first - 1
            continue
        if not _word_step(index, k, scope):
            break
        first, k = k, k - 1
    return first, None


def _word_step(index: TokenIndex, k: int, scope: _Scope) -> bool:
    """Take token ``k`` into the name, updating ``scope``; False at a boundary (punctuation, a
    verb, an adverbial case, a date no postposition governs)."""
    norms = index.norms
    word = norms[k]
    low = word.lower()
    if low in _GOVERNS:
        scope.allowed = _ALWAYS | scope.verbal | _GOVERNS[low]
        return True
    if k in index.date_tokens:
        if "DAT" not in scope.allowed - scope.verbal:
            return False
        if k - 1 < 0 or k - 1 not in index.date_tokens:
            scope.took("DAT")
        return True
    if low in _COORDINATORS:
        left = word_info(norms[k - 1]) if k > 0 else ("", frozenset(), "")
        return left[2] in ("NOUN", "ADJ") and not left[1] & _CASES
    if not word[:1].isalpha():
        return False
    _, tags, pos = word_info(word)
    form = noun_form(word)
    case = form.case if form else next((t for t in ("GEN", "DAT", "ACC", "LOC", "ABL", "INS", "ATTR")
                                        if t in tags), "NOM")
    if pos == "VERB" and "VNOUN" in tags and case in scope.allowed:
        scope.took(case)
        scope.verbal = set(_VERBAL_NOUN_CASES)
        scope.allowed = _ALWAYS | scope.verbal
        return True
    if pos not in ("NOUN", "PROPN", "ADJ") or case not in scope.allowed:
        return False
    scope.took(case)
    return True
