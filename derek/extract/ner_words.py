"""What the NER features know of one word: a fallback suffix stemmer, its shape, its lemma and
reading (derek.lang.kk.morphology), surname endings, word clusters and gazetteer name keys.
Reads token strings only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources

CLUSTERS_NAME = "ner_clusters.tsv"
# Fallback stemmer until derek.lang.kk.morphology is trained into the features: a noun is
# stem + plural + possessive + case; peel at most one case and one possessive ending (plural
# endings are left: stripping -лар/-тар would cut доллар, гектар).
_CASE = (
    "ның нің дың дің тың тің "  # genitive
    "ға ге қа ке на не "  # dative
    "ны ні ды ді ты ті "  # accusative
    "да де та те нда нде "  # locative
    "дан ден тан тен нан нен ндан нден "  # ablative
    "мен бен пен "  # instrumental
    "дағы дегі тағы тегі ндағы ндегі"  # locative adjective
)
_POSSESSIVE = "ы і сы сі ын ін сын сін"  # 3rd person (-н- before a case ending)
_SLOTS = tuple(tuple(sorted(group.split(), key=lambda x: (-len(x), x)))
               for group in (_CASE, _POSSESSIVE))
_MIN_STEM = 3
_DIGIT = re.compile(r"\d")
# Endings of Kazakh/Russian surnames and patronymics, read on a capitalised word's lemma:
# -ұлы/-қызы "son/daughter of", -ов/-ев/-ин (+а feminine), -баев/-бекова (бай/бек + -ов).
_NAME_ENDINGS = ("бекова", "баева", "беков", "баев", "қызы", "кызы", "ская", "ский", "ұлы", "улы",
                 "ова", "ева", "ина", "ына", "ов", "ев", "ин", "ын")  # longest first


def split_suffix(word: str) -> tuple[str, str]:
    """Split a lower-cased word into (stem, endings): a case and a possessive ending peeled."""
    head, _, tail = word.rpartition("-")
    if head and 0 < len(tail) <= 5:  # БҰҰ-ның, 12-ші; not Қасым-Жомарт
        return head, tail
    stem, ending = word, ""
    for slot in _SLOTS:
        for suffix in slot:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
                stem, ending = stem[: -len(suffix)], suffix + ending
                break
    return stem, ending


def word_shape(word: str) -> str:
    """Compressed shape: Xx for Қазақстан, X for БҰҰ, d for 1992, Xx-x for БҰҰ-ның style."""
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def name_ending(word: str) -> str:
    """The surname/patronymic ending of a capitalised word's lemma, or of its fallback stem
    where the lemmatizer keeps the case (Тоқаевтың -> ев, Серікбаевамен -> баев: the lemma is the male form), or ""."""
    if not word[:1].isupper():
        return ""
    for stem in (stem_of(word), cut_word(word.lower())):
        if found := next((e for e in _NAME_ENDINGS if stem.endswith(e) and len(stem) > len(e) + 1), ""):
            return found
    return ""


@cache
def gazetteer() -> dict[tuple[str, ...], str]:
    """Gazetteer names as stemmed lower-case token tuples -> entity type (gazetteer_*.tsv)."""
    from derek.lang.kk.resources import load_tsv

    names: dict[tuple[str, ...], str] = {}
    data = resources.files("derek.lang.kk").joinpath("data")
    files = sorted(e.name for e in data.iterdir() if e.name.startswith("gazetteer_"))
    for name in (f for f in files if f.endswith(".tsv")):
        for row in load_tsv(name):
            kind = row.get("type") or name[len("gazetteer_") : -len(".tsv")]
            forms = [row.get("name_kk", ""), row.get("short_kk", "")]
            forms += [a.lstrip("~") for a in row.get("aliases", "").split("|")]
            if row.get("capital_kk"):
                forms.append(row["capital_kk"])
            for form in filter(None, (f.strip() for f in forms)):
                kind_here = "capital" if form == row.get("capital_kk") else kind
                for key in _name_keys(form.split()):
                    names.setdefault(key, kind_here)
            given = row.get("name_kk", "").split()
            if kind == "person" and len(given) > 1:  # Нұрсұлтан alone is a person's name too
                for key in _name_keys(given[:1]):
                    names.setdefault(key, "given_name")
    return names


@lru_cache(maxsize=200_000)
def stem_of(word: str) -> str:
    """Lower-cased lemma from derek.lang.kk.morphology (Қазақстанның, Қазақстан -> қазақстан)."""
    return morph_of(word)[0]


@lru_cache(maxsize=200_000)
def morph_of(word: str) -> tuple[str, str, str]:
    """(lower-cased lemma, part of speech, outermost suffix tag) of the best reading."""
    from derek.lang.kk.morphology import analyze

    readings = analyze(word)
    if not readings:
        return word.lower(), "", ""
    best = readings[0]
    return best.lemma.lower(), best.pos, best.tags[-1] if best.tags else ""


@lru_cache(maxsize=200_000)
def cut_word(low: str) -> str:
    """The fallback stemmer's stem of a lower-cased word (a second gazetteer key)."""
    return split_suffix(low)[0]


def cluster_key(word: str) -> str:
    """The key a word is clustered under: its lower-cased lemma, digits folded to 0."""
    return _DIGIT.sub("0", stem_of(word))


@cache
def clusters() -> dict[str, tuple[str, ...]]:
    """Word-cluster table (ner_clusters.tsv): key -> cluster ids, coarse to fine; {} if absent."""
    path = resources.files("derek.extract").joinpath("data").joinpath(CLUSTERS_NAME)
    if not path.is_file():
        return {}
    rows = [ln.split("\t") for ln in path.read_text("utf-8").splitlines() if ln and ln[0] != "#"]
    return {r[0]: tuple(r[1:]) for r in rows[1:]}


def _name_keys(tokens: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """A name as lower-case tokens, last one as written, lemmatised and stemmed (Астана-да)."""
    head = tuple(t.lower() for t in tokens[:-1])
    last = tokens[-1]
    return ((*head, last.lower()), (*head, stem_of(last)), (*head, cut_word(last.lower())))


@cache
def gazetteer_starts() -> tuple[frozenset[str], dict[str, int]]:
    """First words of the gazetteer's keys, and for each the length of its longest key."""
    longest: dict[str, int] = {}
    for key in gazetteer():
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return frozenset(longest), longest
