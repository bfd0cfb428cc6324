"""Sentence rules of derek.lang.kk.context: word-level lemmas corrected where a neighbouring
word decides (a verbal noun after its object, a postposition after a dative, an -ды adjective
before its noun, detached endings, a possessed loanword after its dependent noun)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from derek.lang.kk.morphology import Analysis, Analyzer
from derek.lang.kk.resources import load_list
from derek.lang.kk.suffixes import VOWELS, ending_table, harmony, letter_class, realize


def governed_verbal_nouns(words: Sequence[str], out: list[str],
                          analyze: Callable[[str], list[Analysis]]) -> None:
    """A verbal noun in -у right after an accusative governs that object as a verb does
    (депутаттарын сайлау 'electing the deputies', сапасын арттыру), and UD KTB lemmatizes it as
    the verb: its best verbal-noun reading (-у with a possessive or case ending at most) replaces
    a nominal lemma in ``out``."""
    for i in range(1, len(words)):
        prev, word = words[i - 1], words[i]
        if not ("у" in word or "ю" in word) or not word[:1].isalpha() or not prev[:1].isalpha():
            continue  # every verbal-noun reading has its -у (-ю after й: қою)
        readings = analyze(prev)
        if not readings or readings[0].tags[-1:] != ("ACC",):
            continue
        if readings[0].tags == ("ACC",) and prev[-2:] in ADJECTIVE_SHAPE:
            continue  # a bare -ды/-ты accusative has the shape of an -ды adjective (маңызды)
        verbal = next((r for r in analyze(word) if r.pos == "VERB" and r.tags[:1] == (VNOUN,)
                       and all(t in CASES or t.startswith("POSS") for t in r.tags[1:])), None)
        if verbal is not None:
            out[i] = verbal.lemma


def dative_postpositions(words: Sequence[str], out: list[str],
                         analyze: Callable[[str], list[Analysis]]) -> None:
    """A postposition that governs the dative (data/dative_postpositions.txt) right after a word
    in the dative is its own lemma, though it is also a verb form: мектепке қарай 'towards the
    school' (not қара 'look'), тарихына қатысты 'concerning its history', 100-ге тарта."""
    listed = _dative_postpositions()
    for i in range(1, len(words)):
        word = words[i].lower()
        if word in listed and words[i - 1][:1].isalnum():
            readings = analyze(words[i - 1])
            if readings and readings[0].tags[-1:] == ("DAT",):
                out[i] = word


def attributive_adjectives(an: Analyzer, words: Sequence[str], out: list[str],
                           analyze: Callable[[str], list[Analysis]]) -> None:
    """An -ды/-ты word read as a bare accusative or past is the -лы adjective when a noun in the
    nominative or the copula follows it: the adjective stands right before the noun it
    qualifies (құтты қала, тұрғылықты жері) and before бол-/е- as a predicate (мазмұнды болмақ),
    while a definite object stands before its verb and бол- governs no accusative."""
    for i in [i for i, word in enumerate(words[:-1]) if word[-2:] in ADJECTIVE_SHAPE]:
        word, low = words[i], words[i].lower()
        if low in an.memory or low in an.exceptions:
            continue
        inside = any(w[:1].isalpha() for w in words[:i])
        if inside and (word[:1].isupper() or words[i + 1][:1].isupper()):
            continue  # a capital inside the sentence: a name (Қашағанды; жылды Еріктілер жылы)
        stem = low[:-2]  # -ЛЫ is -лы after vowels and р/й/у: суды, жағдайды are no adjectives
        if len(stem) < 2 or _cached_realize(ADJECTIVE, letter_class(stem[-1]), harmony(stem)) != low[-2:]:
            continue
        readings = analyze(word)
        if not readings or readings[0].pos == "PROPN" or not _adjective_shaped(readings[0]):
            continue  # a name in the accusative (Шымкентті) is no adjective
        whole = next((r for r in readings[1:] if r.lemma.lower() == low), None)
        if whole is not None and _qualified(an, words[i + 1], analyze):  # case as decided
            out[i] = whole.lemma if out[i][:1].isupper() else whole.lemma.lower()


def _qualified(an: Analyzer, word: str, analyze: Callable[[str], list[Analysis]]) -> bool:
    """Whether ``word`` can follow an attributive or predicative adjective but not a definite
    object: a known noun with no case ending (nor the shape of a verbal noun, which governs
    one), or a form of the copula бол-/е-."""
    readings = analyze(word) if word[:1].isalpha() else []
    top = readings[0] if readings else None
    if top is None or top.lemma in COPULAS:
        return top is not None
    # no case, converb (жұтып) or equative (жинақтай) on the head noun; no verbal noun
    if top.pos != "NOUN" or not all(t == "PL" or t.startswith(("POSS", "DER")) for t in top.tags) \
            or any(r.tags[:1] and r.tags[0].startswith(("PTCP", VNOUN)) for r in readings[:2]):
        return False
    # an unknown word read whole is no evidence of a noun (жағалай 'along', сорғызды 'sucked')
    known, ev = an.known.get(top.lemma.lower()), an.stems.get(top.lemma.lower())
    return (known is not None and known.pos == "NOUN") or (ev is not None and ev.noun > 1)


def _adjective_shaped(reading: Analysis) -> bool:
    """Whether a reading of an -ды/-ты word is the bare accusative of a noun or the bare past of
    a verb (voice and derivation before it allowed): the readings an -лы/-ды adjective is
    mistaken for (құтты → құт-ты, ақылды → ақыл-ды)."""
    *inner, last = reading.tags or ("",)
    return last in ("ACC", "PAST") and all(t.startswith("DER") or t in VOICES for t in inner)


def detached_endings(an: Analyzer, words: Sequence[str], out: list[str],
                     analyze: Callable[[str], list[Analysis]]) -> None:
    """A suffix written apart from the bare nominal it belongs to (UD KTB splits such words:
    мүдделі|міз, мемлекет|терміз, екпін|ді): a copula person ending, after the plural at most,
    is the copula е- (the present copula is zero: мүддеміз 'we are interested'), and an
    allomorph of the adjective suffix -лы is that suffix."""
    endings = _detachable()  # written in lower case, as a detached ending is
    for i in [i for i, word in enumerate(words) if word in endings and i]:
        low = words[i]
        if low in an.memory or low in an.exceptions:
            continue
        # not a word running text uses on its own (дерсің 'you would say'); after a word
        if an.word_counts.get(low, 0) < 2 and words[i - 1][:1].isalpha():
            readings = analyze(words[i - 1])
            if readings and readings[0].pos in NOMINAL and not CASES.intersection(readings[0].tags):
                out[i] = LY if low in LY_FORMS else COPULA


def possessed_loans(an: Analyzer, words: Sequence[str], out: list[str],
                    analyze: Callable[[str], list[Analysis]]) -> None:
    """A loanword read whole with a final -ы/-і is the stem with the 3rd-person possessive when
    a noun in the nominative or genitive precedes it: the possessive marks the head of a noun
    compound (полк командирі, университеттің ректоры, Германия канцлері → командир, ректор,
    канцлер).
    Only stems a native word cannot be (_loanword), and not the shapes of other endings."""
    for i in range(1, len(words)):
        if out[i][-1:] not in _POSSESSIVE_LAST:
            continue  # most lemmas: one test before lower-casing
        lemma = out[i].lower()
        if lemma[-1:] not in POSSESSIVE_3 or len(lemma) < 4 or not words[i - 1][:1].isalpha():
            continue
        low, stem = words[i].lower(), lemma[:-1]
        if low in an.memory or low in an.exceptions or not _loanword(stem) \
                or _other_ending(stem, lemma):
            continue
        readings = analyze(words[i])
        if not readings or readings[0].lemma.lower() != lemma:
            continue
        tags = ("POSS.3", *readings[0].tags)  # капиталы-ның → капитал-ы-ның
        alt = next((r for r in readings[1:3] if r.tags == tags
                    and r.lemma.lower() in (stem, stem + "ь")), None)  # королі → король
        before = analyze(words[i - 1]) if alt is not None else []
        if before and before[0].pos in ("NOUN", "PROPN") and set(before[0].tags) <= HEAD_OF:
            out[i] = alt.lemma if out[i][:1].isupper() else alt.lemma.lower()


def _loanword(stem: str) -> bool:
    """Whether a stem has a letter Kazakh spelling keeps for loanwords (и also spells ый/ій in
    native words — киім — a risk the preceding-noun condition keeps small) or an о/ө after its
    first syllable (native words have о/ө in the first syllable only)."""
    if not LOAN_LETTERS.isdisjoint(stem):
        return True
    return any(ch in "оө" for ch in [ch for ch in stem if ch in VOWELS][1:])


def _other_ending(stem: str, lemma: str) -> bool:
    """Whether -ы/-і after ``stem`` may belong to another ending: a vowel before the stem's
    last consonant (франшиза-сы, этика-ны: -сЫ, -нЫ), -ЛЫ/-ДЫ after a consonant
    (интерактив-ті), the similative -ДАй (литр-дей-і), a kept derivation (хат-шы, жыл-ғы) or
    a patronymic (Мәдиқызы, Әлиұлы 'daughter, son of')."""
    if stem[-1] in VOWELS or len(stem) < 3 or lemma[-2:] in KEPT_DERIVATION \
            or lemma.endswith(PATRONYMIC):
        return True
    if stem[-1] in "сн" and stem[-2] in VOWELS or stem[-1] in "лдт" and stem[-2] not in VOWELS:
        return True
    return stem.endswith(SIMILATIVE) or \
        _cached_realize(ADJECTIVE, letter_class(stem[-2]), harmony(stem[:-1])) == lemma[-2:]


_cached_realize = cache(realize)


@cache
def _detachable() -> frozenset[str]:
    """The allomorphs of -лы and the endings the table reads as a copula person ending (after the
    plural at most: -мын, -міз, -терміз)."""
    copula = {ending for ending, variants in ending_table().items() if len(ending) < 8 and any(
        chain.tags and chain.tags[-1].startswith("COP") and set(chain.tags[:-1]) <= {"PL"}
        for chains in variants.values() for chain in chains)}
    return frozenset(copula | LY_FORMS)


@cache
def _dative_postpositions() -> frozenset[str]:
    return frozenset(load_list("dative_postpositions.txt"))


VNOUN = "VNOUN"  # the verbal noun -у (сайлау 'electing')
CASES = frozenset(("GEN", "DAT", "ACC", "LOC", "ABL", "INS"))
ADJECTIVE_SHAPE = frozenset(("ды", "ді", "ты", "ті"))  # the adjective suffix -лы after д/т
ADJECTIVE = "ЛЫ"  # the adjective suffix 'having' (құт → құтты, ақыл → ақылды, бала → балалы)
LY, LY_FORMS = "лы", ADJECTIVE_SHAPE | {"лы", "лі"}  # UD KTB's lemma of a detached -лы: лы
VOICES = frozenset(("PASS", "RCP"))  # passive -Ыл/-Ын, reciprocal -Ыс
COPULA = "е"
COPULAS = frozenset(("бол", COPULA))  # 'be, become' and the copula (болды, еді)
NOMINAL = frozenset(("NOUN", "ADJ", "PROPN", "NUM", "PRON"))
POSSESSIVE_3 = ("ы", "і")  # the 3rd-person possessive after a consonant
_POSSESSIVE_LAST = frozenset("ыіЫІ")  # what a lemma ending in POSSESSIVE_3 ends in before lower()
HEAD_OF = frozenset(("GEN", "PL", "POSS.3"))  # a compound's dependent: bare, plural or genitive
LOAN_LETTERS = frozenset("вфцчёэюяьъһи")  # щ is шш in native words (тұщы, ащы)
KEPT_DERIVATION = frozenset(("ғы", "гі", "қы", "кі", "шы", "ші"))  # -ГЫ, -шЫ stay in UD lemmas
SIMILATIVE = ("дай", "дей", "тай", "тей")
PATRONYMIC = ("ұлы", "қызы")
