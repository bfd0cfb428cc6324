"""Fact trigger rules (extract/data/triggers.tsv) and the clause view the fact extractor reads.

A clause is a run of tokens with one predicate; its arguments are entity mentions with their
grammatical case (Kazakh marks roles by case: the organization one joins is dative, the one
one leaves is ablative), dates and quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from derek.lang.kk.morphology import analyze, default_analyzer
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.suffixes import realizations
from derek.lang.kk.word_regex import harmony

ROLES = frozenset({"associate_member_of", "observer_of", "dialogue_partner_of", "founding_member_of"})
BULLETS = frozenset({"-", "–", "—", "*", "•"})  # list-line markers («- Өзбекстан — 2001 жылдан;»)

# the marked cases of a noun (not the nominative, not the attributive -ғы): a word in one is no
# head of a nominative phrase and closes a name
MARKED_CASES = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})


@dataclass(slots=True, frozen=True)
class Rule:
    predicate: str
    trigger: tuple[tuple[str, str | None], ...]  # (lemma, "PASS" / "ACT" / None)
    subject_cases: frozenset[str]
    subject_types: frozenset[str]
    object_cases: frozenset[str]
    object_types: frozenset[str]  # empty: the predicate takes no entity object
    value: str  # "none" or "phrase"
    confidence: float


@dataclass(slots=True)
class Arg:
    """An entity mention seen as an argument: its id, type, case and token range."""

    entity: str
    type: str
    case: str
    first: int
    last: int  # exclusive
    excluded: bool = False
    anaphor: bool = False


@dataclass(slots=True)
class Clause:
    first: int  # token range in the document
    last: int
    args: list[Arg] = field(default_factory=list)


def _side(cell: str) -> tuple[frozenset[str], frozenset[str]]:
    if cell == "-":
        return frozenset(), frozenset()
    cases, _, types = cell.partition(":")
    return frozenset(cases.split(",")), frozenset(types.split("|"))


def parse_trigger(cell: str) -> tuple[tuple[str, str | None], ...]:
    words = []
    for word in cell.split():
        lemma, _, voice = word.partition("+")
        words.append((lemma, voice or None))
    return tuple(words)


@cache
def load_rules() -> tuple[Rule, ...]:
    rules = []
    for row in load_tsv("triggers.tsv", "derek.extract"):
        subj_cases, subj_types = _side(row["subject"])
        obj_cases, obj_types = _side(row["object"])
        rules.append(Rule(row["predicate"], parse_trigger(row["trigger"]), subj_cases, subj_types,
                          obj_cases, obj_types, row["value"], float(row["confidence"])))
    # specific membership roles claim their words before plain member_of; then longest first
    return tuple(sorted(rules, key=lambda r: (r.predicate not in ROLES, -len(r.trigger))))


# A verb stem in -й takes the verbal noun -ю (қой → қою), which the analyser does not parse
# when a possessive follows («қол қоюы», «қоюының»): read such a word by its surface stem.
# The case endings after that possessive («қоюының»), realised by the suffix grammar.
_GLIDE_CASES = {form: case for case in ("GEN", "DAT", "LOC", "ABL", "ACC", "INS")
                for form in realizations(case, after="NP3", prev="V")}
_GLIDE_VNOUN = re.compile(r"(\w+)ю(ы|і)(" + "|".join(sorted(_GLIDE_CASES, key=len, reverse=True)) + ")?")


def _glide_vnoun(norm: str) -> tuple[str, frozenset[str]] | None:
    """(stem, tags) of «қоюы», «қоюының» (verbal noun of a stem in -й), else None."""
    m = _GLIDE_VNOUN.fullmatch(norm.lower())
    if not m:
        return None
    case = _GLIDE_CASES.get(m.group(3) or "")
    return m.group(1) + "й", frozenset({"VNOUN", "POSS.3"} | ({case} if case else set()))


@lru_cache(maxsize=100_000)
def word_info(norm: str) -> tuple[str, frozenset[str], str]:
    """(lemma lowercased, suffix tags, coarse POS) of the best analysis of a word."""
    analyses = analyze(norm)
    if not analyses or analyses[0].pos != "VERB":
        glide = _glide_vnoun(norm)
        if glide:
            return glide[0], glide[1], "VERB"
    if not analyses:
        return norm.lower(), frozenset(), "X"
    best = analyses[0]
    return best.lemma.lower(), frozenset(best.tags), best.pos


@lru_cache(maxsize=100_000)
def readings(norm: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(lemma, tags) of the few best analyses: a trigger may match any of them."""
    found = [(norm.lower(), frozenset())]
    found += [(a.lemma.lower(), frozenset(a.tags)) for a in analyze(norm)[:3]]
    glide = _glide_vnoun(norm)
    if glide and not any("VNOUN" in tags for _, tags in found):
        found.append(glide)
    return tuple(found)


def is_between(norm: str, cases: frozenset[str] = frozenset({"LOC", "ABL"})) -> bool:
    """«арасында», «арасындағы», «арасынан» (between, from among two names): the noun ара with the
    3rd person possessive in one of ``cases`` (the attributive -дағы is a locative form)."""
    lemma, tags, _ = word_info(norm)
    return lemma == "ара" and "POSS.3" in tags and bool(tags & cases)


def best_tags(norm: str) -> frozenset[str]:
    """The tags of the word's best analysis (``readings`` puts the bare form first); empty for a
    word the morphology does not know."""
    return next((tags for _, tags in readings(norm)[1:2]), frozenset())


@lru_cache(maxsize=100_000)  # asked once per word, trigger and sentence read: `ask` scans every passage
def _fits(norm: str, lemma: str, voice: str | None) -> bool:
    if _reads_as(readings(norm), lemma, voice):
        return True
    return any(_reads_as(readings(form), lemma, voice) for form in retyped(norm, lemma))


def _reads_as(found: tuple[tuple[str, frozenset[str]], ...], lemma: str, voice: str | None) -> bool:
    return any(word_lemma == lemma and (voice is None or (voice == "PASS") == ("PASS" in tags))
               for word_lemma, tags in found)


@cache
def _keyboard() -> tuple[dict[int, str], dict[str, dict[str, str]]]:
    """Kazakh letter → typed letter (a str.translate table); per harmony, typed → Kazakh."""
    rows = load_tsv("keyboard_letters.tsv", "derek.extract")
    fold = str.maketrans({r["letter"]: r["typed"] for r in rows})
    restore: dict[str, dict[str, str]] = {"back": {}, "front": {}}
    for row in rows:
        if row["letter"] != "ң":  # ң is restored only word-finally, in _suffix_forms
            for side in ("back", "front") if row["harmony"] == "any" else (row["harmony"],):
                restore[side][row["typed"]] = row["letter"]
    return fold, restore


@lru_cache(maxsize=20_000)
def retyped(norm: str, lemma: str) -> tuple[str, ...]:
    """«тагайындалды» read with the trigger stem «тағайында»: the word's spellings with the
    stem's Kazakh letters, when it was typed with Russian-keyboard look-alikes and the lexicon
    does not know it as written (кабылдады → қабылдады; Курчатов does not read as құр+)."""
    fold, _ = _keyboard()
    low = norm.lower()
    if len(lemma) < 3 or low.startswith(lemma) or not low.translate(fold).startswith(lemma.translate(fold)):
        return ()
    if _known(norm):
        return ()
    return tuple(lemma + ending for ending in _suffix_forms(low[len(lemma):], harmony(lemma)))


@lru_cache(maxsize=100_000)
def trigger_lemmas(norm: str) -> frozenset[str]:
    """Lemmas a word can start a trigger with: its readings', and a trigger stem's when the
    word is that stem typed with Russian-keyboard letters («тагайындалды»: тағайында)."""
    found = {lemma for lemma, _ in readings(norm)}
    folded = norm.lower().translate(_keyboard()[0])
    for lemma in _trigger_heads().get(folded[:3], ()):
        if any(lemma in {w for w, _ in readings(form)} for form in retyped(norm, lemma)):
            found.add(lemma)
    return frozenset(found)


@cache
def _trigger_heads() -> dict[str, tuple[str, ...]]:
    """Trigger words by the first three letters of their folded spelling."""
    fold = _keyboard()[0]
    heads: dict[str, set[str]] = {}
    for rule in load_rules():
        for lemma, _ in rule.trigger:
            heads.setdefault(lemma.translate(fold)[:3], set()).add(lemma)
    return {key: tuple(sorted(lemmas)) for key, lemmas in heads.items()}


def _suffix_forms(ending: str, vowels: str | None) -> tuple[str, ...]:
    """The typed ending as written and with the letters the stem's harmony restores."""
    restore = _keyboard()[1].get(vowels or "", {})
    fixed = "".join(restore.get(c, c) for c in ending)
    forms = dict.fromkeys([ending, fixed, fixed[:-1] + "ң" if fixed.endswith(("ын", "ін")) else fixed])
    return tuple(forms)


def _known(norm: str) -> bool:
    """The lexicon knows a stem of the word as written (its best readings' lemmas): UD lemma
    memory, or three endings seen on it; a typo seen once or twice in the corpus is not known."""
    analyzer = default_analyzer()
    for lemma, _ in readings(norm)[1:]:
        ev = analyzer.stems.get(lemma)
        if lemma in analyzer.known or (ev is not None and ev.noun + ev.verb >= 3):
            return True
    return False


def trigger_matches(rule: Rule, norms: list[str], i: int) -> bool:
    """Does ``rule``'s trigger start at word ``i`` of ``norms``?"""
    if i + len(rule.trigger) > len(norms):
        return False
    return all(_fits(norms[i + k], lemma, voice) for k, (lemma, voice) in enumerate(rule.trigger))


def negated(norms: list[str], end: int) -> bool:
    """The trigger's verb is negative (қосылмады) or followed by «емес»."""
    _, tags, _ = word_info(norms[end - 1])
    return "NEG" in tags or (end < len(norms) and norms[end].lower() == "емес")
