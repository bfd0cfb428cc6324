"""Kazakh suffix grammar: realises archiphonemic suffixes from ``data/suffixes.tsv`` by vowel
harmony and consonant assimilation, and precomputes every suffix chain as a surface ending table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from derek.lang.kk.resources import load_tsv

BACK_VOWELS = frozenset("аоұыя")
FRONT_VOWELS = frozenset("әеөүіэ")
VOWELS = frozenset("аәеөоұүыіэюяёи")
# б в г д ф end loanwords voicelessly: Тоқаевқа, Назарбаевтың
VOICELESS = frozenset("кқпстфхцчшщбвгд")
# letter classes that decide the first consonant of a suffix: V vowel, R р/й/у, L л,
# N м/н/ң, Z other voiced consonants, T voiceless
CLASSES = ("V", "R", "L", "N", "Z", "T")
# a representative final letter for each class when a chain is generated
_SAMPLE = {"V": "а", "R": "р", "L": "л", "N": "н", "Z": "з", "T": "с"}
MAX_DEPTH = 5


def letter_class(ch: str) -> str:
    """The assimilation class of a final letter (digits and unknown letters count as Z)."""
    if ch in VOWELS:
        return "V"
    if ch in "рйу":
        return "R"
    if ch == "л":
        return "L"
    if ch in "мнң":
        return "N"
    if ch in VOICELESS:
        return "T"
    return "Z"


_HARMONY = {**dict.fromkeys(BACK_VOWELS, "b"), **dict.fromkeys(FRONT_VOWELS, "f")}
_HARMONY.update({ch.upper(): h for ch, h in list(_HARMONY.items())})


def harmony(text: str) -> str:
    """'b' for back, 'f' for front: the class of the last harmonic vowel; '' when none."""
    get = _HARMONY.get
    for ch in reversed(text):
        h = get(ch)
        if h:
            return h
    return ""


def _consonant(arch: str, prev: str, harm: str) -> str:
    if arch == "Д":
        return "т" if prev == "T" else "д"
    if arch == "Г":
        if prev == "T":
            return "қ" if harm == "b" else "к"
        return "ғ" if harm == "b" else "г"
    if arch == "Л":
        return "л" if prev in "VR" else ("т" if prev == "T" else "д")
    if arch == "Н":  # genitive -ның after vowels and м н ң (Қазақстанның), -дың, -тың
        return "н" if prev in "VN" else ("т" if prev == "T" else "д")
    if arch == "Т":  # ablative -нан after м н ң (Қазақстаннан), -дан, -тан
        return "н" if prev == "N" else ("т" if prev == "T" else "д")
    if arch == "М":  # -мен, -мын: м after vowels and sonorants (Қазақстанмен)
        return "м" if prev in "VRLN" else ("п" if prev == "T" else "б")
    if arch == "Б":  # negation -ма: б after м н ң з ж (сенбеді)
        return "м" if prev in "VRL" else ("п" if prev == "T" else "б")
    raise ValueError(f"suffixes.tsv: unknown archiphoneme {arch!r}")


def realize(form: str, prev: str, harm: str) -> str:
    """Surface of an archiphonemic suffix after a letter of class ``prev``, harmony ``harm``."""
    if form.startswith("{"):
        after_consonant, after_vowel = form[1:-1].split("|")
        form = after_vowel if prev == "V" else after_consonant
    out = []
    for arch in form:
        if arch == "А":
            ch = "а" if harm == "b" else "е"
        elif arch == "Ы":
            ch = "ы" if harm == "b" else "і"
        elif arch == "Қ":
            ch = "қ" if harm == "b" else "к"
        elif arch in "ДГЛНМБТ":
            ch = _consonant(arch, prev, harm)
        else:
            ch = arch
        out.append(ch)
        prev = letter_class(ch)
    return "".join(out)


@dataclass(slots=True, frozen=True)
class Suffix:
    """One row of suffixes.tsv."""

    sources: frozenset[str]
    target: str
    form: str
    tag: str
    keep: bool


@dataclass(slots=True, frozen=True)
class Chain:
    """A suffix chain realised after a stem of one kind: its tags and the kept derivation."""

    kind: str  # "N" nominal or "V" verbal stem
    tags: tuple[str, ...]
    keep: str  # surface of derivational suffixes the lemma keeps (лық in мүшелігіне)


@cache
def suffix_rows() -> tuple[Suffix, ...]:
    """The suffix grammar as loaded from suffixes.tsv."""
    return tuple(
        Suffix(frozenset(r["from"].split()), r["to"], r["form"], r["tag"], r["keep"] == "1")
        for r in load_tsv("suffixes.tsv")
    )


@cache
def _tag_forms(tag: str, after: str | None) -> tuple[str, ...]:
    rows = (row for row in suffix_rows() if row.tag == tag and (after is None or after in row.sources))
    return tuple(dict.fromkeys(row.form for row in rows))


@cache
def realizations(tag: str, after: str | None = None, prev: str | None = None) -> tuple[str, ...]:
    """Every surface form of ``tag``'s suffixes (after the state ``after``, after a letter of
    class ``prev``; both harmonies), longest first: the genitive's «ның … тің» for a regex
    built from the grammar instead of a hand-listed ending."""
    forms = {realize(form, cls, harm) for form in _tag_forms(tag, after)
             for cls in ((prev,) if prev else CLASSES) for harm in "bf"}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def strip_suffix(word: str, tag: str, loose: bool = False, after: str | None = None) -> str | None:
    """``word`` without its last suffix when that suffix is ``tag``'s, realised by the grammar
    (harmony, assimilation, a hyphen after an abbreviation): «Кеңесінің», "GEN" → «Кеңесі»,
    «ҚР-дың» → «ҚР», «президенттік», "DER.LYQ" → «президент»; None when it does not end so.
    Letter case is kept: only the ending is cut. ``loose``: any realisation, for stems whose
    endings follow how they are said rather than spelled («Сейітовтің»: -тің after -ов).
    ``after``: only the forms that follow this state of suffixes.tsv ("N": a bare noun stem)."""
    low = word.lower()
    for form in _tag_forms(tag, after):
        longest = max(map(len, _surfaces(form, CLASSES, "bf")), default=0)
        for cut in range(len(low) - 1, max(len(low) - longest, 1) - 1, -1):
            stem = low[:cut].removesuffix("-")
            if len(stem) < 2:
                continue
            # after a hyphen the stem is an abbreviation, whose endings follow how its letters are
            # said («ТМД-ның», «АҚШ-тың»): any realisation; a stem with no harmonic vowel
            # (министр: only «и») may take either row
            loose_here = loose or len(stem) < cut
            classes = CLASSES if loose_here else (letter_class(stem[-1]),)
            harms = "bf" if loose_here or not harmony(stem) else harmony(stem)
            if low[cut:] in _surfaces(form, classes, harms):
                return word[: len(stem)]
    return None


@cache
def _surfaces(form: str, classes: tuple[str, ...], harms: str) -> frozenset[str]:
    """``form`` realised after each letter class in ``classes`` in each harmony of ``harms``
    (cached: strip_suffix asks the same few dozen combinations for every word it cuts)."""
    return frozenset(realize(form, prev, harm) for prev in classes for harm in harms)


@cache
def verbal_tags() -> frozenset[str]:
    """Tags only verb endings carry (PAST, PASS, CONV.A …): a reading with one is a verb form."""
    verbal = {r.tag for r in suffix_rows() if any(src.startswith("V") for src in r.sources)}
    return frozenset(verbal - {r.tag for r in suffix_rows() if any(src.startswith("N") for src in r.sources)})


def _voice_final(text: str) -> str:
    """к/қ/п become г/ғ/б before a vowel (жетістік → жетістігі)."""
    return text[:-1] + {"к": "г", "қ": "ғ", "п": "б"}.get(text[-1], text[-1]) if text else text


def _extend(table: dict, rows: tuple[Suffix, ...], start: tuple, state: str, ending: str,
            tags: tuple[str, ...], keep: str, depth: int) -> None:
    cls, harm, kind = start
    for row in rows:
        if state not in row.sources:
            continue
        prev = letter_class(ending[-1]) if ending else cls
        surface = realize(row.form, prev, harm)
        body = ending
        if body and surface[0] in VOWELS and body[-1] in "кқп":
            body = _voice_final(body)
        new_ending = body + surface
        keeps = row.keep and kind == "N" and len(keep) == len(ending)  # only a leading run
        new_keep = keep + surface if keeps else keep
        new_tags = tags + (row.tag,)
        chains = table.setdefault(new_ending, {}).setdefault((harm, cls), [])
        chain = Chain(kind, new_tags, new_keep)
        if chain not in chains:
            chains.append(chain)
        if depth + 1 < MAX_DEPTH:
            _extend(table, rows, start, row.target, new_ending, new_tags, new_keep, depth + 1)


@cache
def ending_table() -> dict[str, dict[tuple[str, str], list[Chain]]]:
    """Every surface ending → (stem harmony, stem final class) → chains that produce it."""
    table: dict[str, dict[tuple[str, str], list[Chain]]] = {}
    rows = suffix_rows()
    for harm in ("b", "f"):
        for cls in CLASSES:
            for kind in ("N", "V"):
                _extend(table, rows, (cls, harm, kind), kind, "", (), "", 0)
    return table


@cache
def ending_tails() -> frozenset[str]:
    """Every non-empty tail of every surface ending: a word split can stop scanning leftwards as
    soon as its tail is not in here, because no longer ending can contain it."""
    return frozenset(e[i:] for e in ending_table() for i in range(len(e)))


@cache
def ending_trie() -> dict:
    """The ending table as a trie over reversed endings: a node maps each letter (the next one
    leftwards) to its child, and "" to ending_table()'s entry for the ending spelled so far
    (absent when that is only a tail). A right-to-left walk finds every split in one pass."""
    root: dict = {}
    for ending, variants in ending_table().items():
        node = root
        for ch in reversed(ending):
            node = node.setdefault(ch, {})
        node[""] = variants
    return root
