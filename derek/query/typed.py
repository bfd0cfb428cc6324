"""Questions as people type them: restore a question's words before it is analysed.

A pipeline stage over a question's tokens (never a document's): it rewrites ``Token.norm`` only,
so every offset and ``Token.text`` stay as the user typed them. Session 14 (docs/ask.md).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from derek.doc import Document, Token

# A Russian keyboard has no Kazakh letters: each is typed as the Russian (or Latin) letter
# nearest it. No library restores them, so derek does by hand: a word the lexicon does not know
# is flattened the same way and looked up among the flattened forms derek knows (the lexicon's
# word counts, its stems, the gazetteer's names); the form is restored when one candidate
# dominates. An unseen inflected form restores its longest known stem and then its ending as
# the ending table spells it under the stem's vowel harmony; an ambiguous word stays as typed.
_FLAT = str.maketrans("әғқңөұүһіi", "агкноуухии")
_KAZAKH = frozenset("әғқңөұүһі")
_FLATTENED = frozenset("агкноухи")  # letters a Kazakh letter may hide behind
COMMON = 50  # a form typed this often (word_counts.tsv) is taken as typed
DOMINANCE = 3  # the best candidate needs this many times the next one's count


def flatten(word: str) -> str:
    """The word as a Russian keyboard types it, lower-cased: «Қазақстан» → «казакстан»."""
    return word.lower().translate(_FLAT)


@cache
def _known_forms() -> dict[str, Counter[str]]:
    """Flattened key → the lower-case forms derek knows under it, with their counts."""
    from derek.extract.gazetteer import load_gazetteer
    from derek.lang.kk.lexicon import stem_lexicon, word_counts

    index: dict[str, Counter[str]] = {}
    for form, count in word_counts().items():
        index.setdefault(flatten(form), Counter())[form] += count
    for stem, evidence in stem_lexicon().items():
        index.setdefault(flatten(stem), Counter())[stem] += max(evidence.freq, 1)
    for word in _question_words():  # нешінші, қайсысы
        index.setdefault(flatten(word), Counter())[word] += 100
    for entry in load_gazetteer().entries.values():
        words = {w.lower() for name in entry.names for w in name.lstrip("~").replace("-", " ").split() if w.isalpha()}
        # a name's Russian spelling (Атамкулов) is the flattened form of its Kazakh one (Атамқұлов):
        # the same name, no rival to it, so only the Kazakh spelling is counted
        spelled = {flatten(w) for w in words if _KAZAKH.intersection(w)}
        for word in words:
            if _KAZAKH.intersection(word) or word not in spelled:
                index.setdefault(flatten(word), Counter())[word] += 2
    return index


@cache
def _question_words() -> frozenset[str]:
    from derek.query.question import question_words

    return frozenset(w for pattern, _ in question_words() for w in pattern)


def _dominant(counts: Counter[str] | None) -> str | None:
    """The one candidate that dominates, if one does."""
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n >= DOMINANCE * rest[0][1] else None


@cache
def _endings() -> dict[str, Counter[str]]:
    """Flattened key → the noun endings (lang/kk/data/noun_suffixes.tsv) spelled under it."""
    from derek.lang.kk.resources import load_tsv

    index: dict[str, Counter[str]] = {}
    for row in load_tsv("noun_suffixes.tsv"):
        index.setdefault(flatten(row["suffix"]), Counter())[row["suffix"]] += 1
    return index


def _front(stem: str) -> bool | None:
    """The stem's vowel harmony from its last vowel: front (ә е ө ү і), back, or None."""
    for c in reversed(stem.lower()):
        if c in "әеөүі":
            return True
        if c in "аоұы":
            return False
    return None


def restore_word(word: str, mixed: bool = False) -> str | None:
    """The Kazakh spelling of a word typed without Kazakh letters, or None when unknown or
    ambiguous: «кашан» → «қашан», «Казакстан» → «Қазақстан», «БУУ-га» → «БҰҰ-ға». ``mixed``: the
    question has Kazakh letters elsewhere, so only a word unseen as typed is restored, whole."""
    low = word.lower()
    stem, hyphen, tail = low.partition("-")
    if hyphen and _KAZAKH.intersection(tail) and not _KAZAKH.intersection(stem):
        # «ШЫУ-ға»: an abbreviation typed without its Kazakh letter, its ending with them
        fixed = _restored(stem)
        return _recase(word, f"{fixed}-{tail}") if fixed and fixed != stem and _abbreviated(f"{fixed}-{tail}") else None
    if _KAZAKH.intersection(low):
        fixed = None if hyphen else _stem_restored(low)
        return _recase(word, fixed) if fixed else None
    if not _FLATTENED.intersection(low.translate(_FLAT)):
        return None
    if mixed:
        from derek.lang.kk.lexicon import word_counts

        # a form derek reads as typed («хаттамасына», «ТМД-дан») is meant: no lookup, and no index
        # built for it (the index costs a few tenths of a second once per process)
        if low in word_counts() or _reads_as_typed(word) or ("-" not in low and flatten(low) not in _known_forms()):
            return None
    fixed = _restored(low, mixed)
    if fixed is None or fixed == low:
        return None
    return _recase(word, fixed)


@lru_cache(maxsize=4096)
def _stem_restored(low: str) -> str | None:
    """«уйымдыкі» → «ұйымдыкі»: a word typed with the Kazakh letters of its ending but its stem's
    flattened («у» for «ұ»). When the analyser cannot read the word as typed, the longest known
    stem its first letters hide is restored, the ending kept as typed, if the analyser then reads
    the word from that stem (session 23; blind 8 k043)."""
    from derek.extract.rules import word_info
    from derek.lang.kk.lexicon import word_counts

    if low in word_counts() or _reads_as_typed(low):
        return None
    for cut in range(len(low) - 1, 2, -1):
        stem = low[:cut]
        if _KAZAKH.intersection(stem) or not _FLATTENED.intersection(stem.translate(_FLAT)):
            continue
        head = _dominant(_known_forms().get(flatten(stem)))
        if head is not None and head != stem and word_info(head + low[cut:])[0].lower() == head:
            return head + low[cut:]
    return None


@lru_cache(maxsize=20_000)
def _reads_as_typed(word: str) -> bool:
    """The analyser reads the word as typed from a stem the lexicon knows."""
    from derek.lang.kk.lexicon import stem_lexicon
    from derek.lang.kk.morphology import analyze

    readings = analyze(word)[:1]
    return bool(readings) and readings[0].lemma.lower() in stem_lexicon()


@lru_cache(maxsize=20_000)
def _restored(low: str, mixed: bool = False) -> str | None:
    from derek.lang.kk.lexicon import word_counts

    if word_counts().get(low, 0) >= COMMON:
        return None  # a common form as typed (and no index built for it)
    stem, hyphen, tail = low.rpartition("-")
    if hyphen and stem and tail:
        head = _restored(stem) or stem
        ending = _ending(tail, head)
        return f"{head}-{ending}" if ending else None
    whole = _dominant(candidates := _known_forms().get(flatten(low)))
    if whole is not None or candidates or mixed:
        return whole  # the form itself when it dominates, None when ambiguous
    for cut in range(len(low) - 1, 2, -1):  # an unseen form: its longest known stem, then its ending
        head = _dominant(_known_forms().get(flatten(low[:cut])))
        if head is not None and (ending := _ending(low[cut:], head)) is not None:
            return head + ending
    return None


def _ending(tail: str, stem: str, depth: int = 3) -> str | None:
    """The ending ``tail`` spells after ``stem``: up to three noun endings of the ending table
    (БҰҰ-дағы = да + ғы), each of its flattened key, in the stem's harmony when several fit;
    else, for a verb's ending, its letters under the stem's harmony when the analyser then reads
    the word from the stem (жеңілді: front ү і, back ұ ғ қ)."""
    found: set[str] = set()
    for pieces in range(1, depth + 1):  # the fewest endings first: -ның, not -ны + -н
        if found := _endings_of(tail, stem, pieces):
            break
    if len(found) == 1:
        return found.pop()
    front = _front(stem)
    if found or front is None:
        return None
    mapped = tail.translate(_FRONT if front else _BACK)
    from derek.lang.kk.morphology import analyze

    readings = analyze(stem + mapped)[:1]
    return mapped if readings and readings[0].lemma.lower()[:len(stem) - 1] == stem[:-1] else None


# (у stays: the verbal noun's -у, -уға is both; н stays: -н and -ның are told apart by the table)
_FRONT = str.maketrans("ио", "іө")  # a front word's endings: -ді, -дегі
_BACK = str.maketrans("гк", "ғқ")  # a back word's: -ғы, -қа


def _endings_of(tail: str, stem: str, depth: int) -> set[str]:
    """Every spelling of ``tail`` as a chain of known noun endings in the stem's harmony."""
    front = _front(stem)
    found: set[str] = set()
    for cut in range(len(tail), 0, -1):
        for ending in _endings().get(flatten(tail[:cut]), ()):
            if front is not None and _front(ending) not in (front, None):
                continue
            if cut == len(tail):
                found.add(ending)
            elif depth > 1:
                found |= {ending + rest for rest in _endings_of(tail[cut:], stem + ending, depth - 1)}
    return found


def _recase(typed: str, fixed: str) -> str:
    """``fixed`` in the letter case of ``typed``, letter by letter (a hyphen is kept aligned)."""
    if len(typed) != len(fixed):
        return fixed
    return "".join(f.upper() if t.isupper() else f for t, f in zip(typed, fixed))


def restore_typed(doc: Document) -> Document:
    """Pipeline stage for a question: Russian-keyboard letters, letter case and spaced or glued
    endings restored in ``Token.norm`` (offsets and ``Token.text`` as typed)."""
    from derek.query.typed_case import restore_case, restore_spacing

    _cyrillic_lookalikes(doc.tokens)
    shouting = _all_caps(doc.tokens)
    # a question with a Kazakh letter somewhere was typed on a Kazakh keyboard, at least in part:
    # its words without one that derek knows as typed («уран», «озды») are written as meant
    mixed = any(_KAZAKH.intersection(t.norm.lower()) for t in doc.tokens)
    for t in doc.tokens:
        if shouting:  # the names and abbreviations take their capitals back below
            t.norm = t.norm.lower()
        # (partly typed on a Kazakh keyboard: only names, abbreviations and question words)
        # (a word with a Kazakh letter of its own was typed on a Kazakh keyboard, all but its stem)
        if (fixed := restore_word(t.norm, mixed)) is not None and (
                not mixed or t.norm[:1].isupper() or _abbreviated(fixed) or fixed in _question_words()
                or _KAZAKH.intersection(t.norm.lower())):
            t.norm = fixed
    restore_spacing(doc)
    restore_case(doc.tokens, lowered=shouting)
    return doc


def _abbreviated(word: str) -> bool:
    """«буу-га» restored as «бұұ-ға»: an abbreviation with its ending (not «инженер-геологы»)."""
    from derek.query.typed_case import abbreviations

    stem, hyphen, _ = word.partition("-")
    return bool(hyphen) and stem.upper() in abbreviations()


def _all_caps(tokens: list[Token]) -> bool:
    """A question typed in capitals: two words or more, two thirds of them in capitals, one of
    five letters or more (a two-step question puts a name written as usual among them)."""
    words = [t.norm for t in tokens if any(c.isalpha() for c in t.norm)]
    upper = [w for w in words if not any(c.islower() for c in w)]
    return len(upper) >= 2 and 3 * len(upper) >= 2 * len(words) and any(len(w) > 4 for w in upper)


# Latin letters that look Cyrillic: normalize() maps them inside Cyrillic words only; a question
# typed in Cyrillic has no word of Latin look-alikes alone («ece», «ic»), so those are mapped too
_LOOKALIKE = str.maketrans("aeopcxiyAEOPCXIKMHTB", "аеорсхіуАЕОРСХІКМНТВ")
_LATIN_ONLY = frozenset("aeopcxiyAEOPCXIKMHTB")
# a Roman numeral stays Latin: normalize() writes «ХІХ ғасыр» as «XIX» for the date stage to read
_ROMAN = re.compile(r"[IVXLCDM]+")


def _cyrillic_lookalikes(tokens: list[Token]) -> None:
    """«ece» → «есе» in a question whose other words are Cyrillic."""
    cyrillic = sum(any("а" <= c.lower() <= "я" or c.lower() in "әғқңөұүһі" for c in t.norm) for t in tokens)
    if cyrillic < 2:
        return
    for t in tokens:  # «ic-қимыл»: each part of a hyphenated word apart
        parts = [p.translate(_LOOKALIKE) if len(p) > 1 and set(p) <= _LATIN_ONLY and not _ROMAN.fullmatch(p) else p
                 for p in t.norm.split("-")]  # (a single «T», «I» may be a letter or a numeral)
        t.norm = "-".join(parts)


def normalized_text(tokens: list[Token], text: str) -> str:
    """The question with its restored words in place of the typed ones."""
    out, at = [], 0
    for t in tokens:
        out.append(text[at:t.start])
        out.append(t.norm)
        at = t.end
    return "".join(out) + text[at:]
