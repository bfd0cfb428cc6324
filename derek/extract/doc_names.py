"""Names of documents and proposed things that are no gazetteer entity: a head noun from
extract/data/document_nouns.tsv with its left modifiers, up to a clause boundary or an owner
(«Ұйымның 2035 жылға дейінгі даму стратегиясы»). Reads the fact extractor's token index."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Document
from derek.extract.phrases import possessive
from derek.extract.rules import MARKED_CASES, Arg, Clause, word_info
from derek.lang.kk.resources import load_tsv

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

QUOTES = {'"', "«", "»", "“", "”", "„"}
_MAX_WORDS = 14  # a name longer than this is not one name
DOCUMENT_KINDS = frozenset({"document", "collection"})  # a collection: «заңдар жинағы»
_OWNER_TYPES = frozenset({"organization", "body", "state"})
_ENDING_CASE = {"genitive": "GEN", "dative": "DAT", "accusative": "ACC", "locative": "LOC",
                "ablative": "ABL", "instrumental": "INS", "attributive": "ATTR"}
# Postpositions and postpositional participles that take a complement in a case other than the
# nominative, so a case-marked word before them still belongs to the name: «сынақтарға қарсы
# іс-қимыл», «2035 жылға дейінгі стратегия», «… туралы мәлімдеме».
_GOVERNS = {"қарсы": {"DAT"}, "дейінгі": {"DAT"}, "дейін": {"DAT"}, "арналған": {"DAT"},
            "бағытталған": {"DAT"}, "туралы": set(), "жөніндегі": set(), "қатысты": {"DAT"}, "үшін": set(),
            "бойынша": set()}  # «Орталық Азия бойынша стратегиясы»: its topic, a nominative
_VERBAL_NOUN_CASES = {"ACC", "DAT", "INS"}  # «ұйымға айналдыру», «АӨСШК-ні … айналдыру»
_ALWAYS = {"NOM", "GEN", "ATTR"}  # a noun's own modifiers: «іс-қимылдың халықаралық күні»
CASES = MARKED_CASES  # the marked cases (not NOM, ATTR)
COORDINATORS = {"және", "мен", "пен", "бен", "әрі"}
# «жаңа / тұңғыш / алғашқы Конституцияны»: a turn in a sequence of documents, no part of the name
_TURNS = {"жаңа", "тұңғыш", "алғашқы"}
# «"Жеті жарғы" атты / деген / деп аталған заңдар жинағы»: words that attach a title to its noun
_NAMING = {"атты", "деген", "деп", "аталған", "аталатын"}
_BETWEEN = 4  # words a quoted title may stand before its head noun («"…" Конституциялық заң»)


@dataclass(slots=True)
class Name:
    """A name phrase: tokens first..head (inclusive), its text with the head in the nominative,
    and the owner the phrase stopped at («Ұйымның», «ШЫҰ»), if any."""

    first: int
    head: int
    text: str
    owner: Arg | None = None
    owned: bool = False  # the text already names the owner


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
    plural: bool = False


@cache
def noun_form(word: str) -> NounForm | None:
    """«стратегиясын» → (стратегия, document, possessive, ACC); None for other words."""
    low = word.lower()
    for stem, kind in document_nouns().items():
        if low.startswith(stem):
            categories = split_ending(low[len(stem):])
            if categories is not None:
                case = next((_ENDING_CASE[c] for c in reversed(categories) if c in _ENDING_CASE), "NOM")
                return NounForm(stem, kind, "possessive" in categories, case, "plural" in categories)
    return None


def nominative(word: str, form: NounForm) -> str:
    """The head without its case ending, keeping its possessive («стратегиясын» → «стратегиясы»)."""
    bare = possessive(form.stem) if form.possessive else form.stem
    return bare[:1].upper() + bare[1:] if word[:1].isupper() else bare


def name_before(doc: Document, index: TokenIndex, clause: Clause, head: int, min_words: int = 2) -> Name | None:
    """The name whose head noun is token ``head``: quoted («"…" бағдарламасы», «"… пакт"», «"…"
    Конституциялық заң») or the head with its left modifiers; None when it has fewer than
    ``min_words`` words. A collection or a plural head («"Жеті жарғы" заңдар жинағы») is named
    by its quoted title alone; a turn word opening the name («жаңа Конституцияны») is dropped,
    and a head left alone keeps the state or body that owns it («Қазақстан Республикасының
    тұңғыш Конституциясы» → «Қазақстан Республикасының Конституциясы»)."""
    form = noun_form(index.norms[head])
    if form is None:
        return None
    quoted = _quoted(index, clause, head)
    if quoted and quoted[1] < head - 1 and (form.kind == "collection" or form.plural):
        return _title(doc, index, quoted[0], quoted[1], head)
    said = None if quoted else said_title(index, clause, head)
    first, owner = (quoted[0], None) if quoted else (said, None) if said is not None else modifiers(index, clause, head)
    if head - first + 1 < min_words:
        return None
    turned = first
    while first < head and index.norms[first].lower() in _TURNS:
        first += 1
    owned = first == head > turned and owner is not None and owner.case == "GEN"
    if not owned and owner is not None and owner.case == "GEN" and form.possessive and first < head \
            and not _compound(index.norms[head - 1]):
        form = replace(form, possessive=False)  # «Одақтың … жаңа стратегиясы»: the owner's ending
    text = doc.text[doc.tokens[first].start:doc.tokens[head].start] + nominative(index.norms[head], form)
    if owned:  # «Қазақстан Республикасының (тұңғыш) Конституциясы»
        text = f"{doc.text[doc.tokens[owner.first].start:doc.tokens[owner.last - 1].end]} {text}"
    if quoted and index.norms[first] in QUOTES and head + 1 < len(index.norms) and index.norms[head + 1] in QUOTES:
        text = text[1:]  # «"… пакт"»: the quoted title itself
    return Name(first, head, text.replace("\n", " "), owner, owned)


def _compound(word: str) -> bool:
    """A caseless noun right before a possessed head makes a compound whose ending stays in
    the name («даму стратегиясы»); any other modifier («жаңа стратегиясы» after a genitive
    owner) leaves the ending to the owner, which the name no longer holds."""
    _, tags, pos = word_info(word)
    return pos in ("NOUN", "PROPN") and not tags & CASES and "POSS.3" not in tags


def _title(doc: Document, index: TokenIndex, first: int, close: int, head: int) -> Name:
    """The quoted title from ``first`` (the opening quote) to ``close`` (the closing one)."""
    text = doc.text[doc.tokens[first + 1].start:doc.tokens[close - 1].end]
    return Name(first, head, text.replace("\n", " "), None)


def _quoted(index: TokenIndex, clause: Clause, head: int) -> tuple[int, int] | None:
    """Where a quotation that ends at the head (or a few attributive words before it) opens,
    and where it closes."""
    norms = index.norms
    close = head + 1 if head + 1 < clause.last and norms[head + 1] in QUOTES else _close_before(index, clause, head)
    if close is None:
        return None
    for k in range(min(close, head) - 1, max(clause.first, head - _MAX_WORDS - _BETWEEN) - 1, -1):
        if norms[k] in QUOTES:
            return (k if close < head else k + 1), close
    return None


def _close_before(index: TokenIndex, clause: Clause, head: int) -> int | None:
    """A closing quote before the head with only attributive words between: adjectives, bare
    nouns, naming words («"…" Конституциялық заң», «"…" атты заңдар жинағы»)."""
    for k in range(head - 1, max(clause.first, head - _BETWEEN - 1) - 1, -1):
        word = index.norms[k]
        if word in QUOTES:
            return k
        _, tags, pos = word_info(word)
        if word.lower() not in _NAMING and (pos not in ("NOUN", "ADJ", "PROPN") or tags & CASES):
            return None
    return None


_SAID = {"деген", "атты"}  # «… салу деген резолюция»: the naming word after an unquoted title
_SAID_CASES = frozenset({"NOM", "GEN", "ATTR", "ACC", "DAT", "INS"})  # a verbal noun's objects and their modifiers


def said_title(index: TokenIndex, clause: Clause, head: int) -> int | None:
    """The first token of an unquoted title before «деген / атты»: a verbal noun with its objects
    and their modifiers, opened by at most one place in the locative («Астанада жаңа ғимарат салу
    деген резолюция»); None unless a caseless verbal noun stands right before the naming word."""
    norms, k = index.norms, head - 2
    if k < clause.first or norms[head - 1].lower() not in _SAID:
        return None
    _, tags, pos = word_info(norms[k])
    if pos != "VERB" or "VNOUN" not in tags or tags & CASES:
        return None
    first = k
    for j in range(k - 1, max(clause.first, head - _MAX_WORDS) - 1, -1):
        arg = next((a for a in clause.args if a.first <= j < a.last), None)
        word = norms[j]
        form = noun_form(word)
        _, tags, pos = word_info(word)
        case = arg.case if arg else form.case if form else next((t for t in CASES if t in tags), "NOM")
        if case == "LOC" and (arg is not None or pos in ("NOUN", "PROPN")):
            return arg.first if arg else j  # a place opens the title
        if j in index.date_tokens or not word[:1].isalnum() or case not in _SAID_CASES \
                or arg is not None and arg.case == "NOM" or arg is None and pos not in ("NOUN", "PROPN", "ADJ", "NUM"):
            break  # a nominative entity is the subject; a verb, a date or punctuation a boundary
        first = arg.first if arg else j
    return first


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
    if low == "бойынша" and k > 0 and (noun_form(norms[k - 1]) is not None or "POSS.3" in word_info(norms[k - 1])[1]):
        return False  # «қаулысы / шешімі бойынша»: by someone's document (a source), no topic
    if low in _GOVERNS:
        scope.allowed = _ALWAYS | scope.verbal | _GOVERNS[low]
        return True
    if k in index.date_tokens:
        if "DAT" not in scope.allowed - scope.verbal:
            return False
        if k - 1 < 0 or k - 1 not in index.date_tokens:
            scope.took("DAT")
        return True
    if low in COORDINATORS:  # «Азаматтық және саяси құқықтар», not «декларациясы мен тұжырымдамасы»
        left = word_info(norms[k - 1]) if k > 0 else ("", frozenset(), "")
        listed = k > 0 and (form := noun_form(norms[k - 1])) is not None and form.kind in DOCUMENT_KINDS
        return left[2] in ("NOUN", "ADJ") and not left[1] & CASES and not listed
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
