"""How a question word is found among a sentence's words: its term, a shared stem or a short
ending the analyser left on, the word as written, or a synonym (data/verb_synonyms.tsv,
data/word_synonyms.tsv). Works on token keys; reads no Document fields."""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from derek.doc import Token
from derek.kb.search import term
from derek.query.endings import ending_match


def term_hits(t: str, keys: list[str]) -> list[int]:
    """Indexes of the words that are ``t`` or, failing that, share its stem; ``keys`` holds
    each word's term and its lowercased form (``word_keys``), as the analyser may miss either."""
    exact = sorted({i // 2 for i, k in enumerate(keys) if k == t})
    head = t[:4]
    return exact or sorted({i // 2 for i, k in enumerate(keys)
                            if k[:4] == head and (stem_match(t, k) or ending_match(t, k))})


def word_hits(t: str, tokens: list[Token]) -> list[int]:
    """Indexes of ``tokens`` that are the term ``t`` or share its stem (public for fit.py)."""
    return term_hits(t, word_keys(tokens))


def form_hits(form: str, keys: list[str]) -> list[int]:
    """Words sharing a stem of five letters or more with the question word as written, each
    ending in at most three more: «қатысты» ~ «қатысып» when the analyser cut the lemma too short
    («қат»; used for lemmas under five letters only)."""
    if len(form) < 6 or not form.isalpha():
        return []
    return sorted({i // 2 for i, k in enumerate(keys) if i % 2 and _common_stem(form, k)})


def _common_stem(a: str, b: str) -> bool:
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 5 and len(a) - n <= 3 and len(b) - n <= 3


def word_keys(tokens: list[Token]) -> list[str]:
    """Each word's index term and its lowercased letters and digits, side by side (``term_hits``)."""
    return [k for t in tokens for k in (term(t), _folded(t.norm))]


@lru_cache(maxsize=200_000)  # every sentence read is keyed for each of the question's words
def _folded(norm: str) -> str:
    return "".join(c for c in norm.lower() if c.isalnum())


def stem_match(a: str, b: str) -> bool:
    """One word is the other plus a short ending (a possessive or case the analyser left on)."""
    if a[:4] != b[:4]:
        return False
    short, long = sorted((a, b), key=len)
    rest = long[len(short):]
    # a lone consonant is an ending only when one is (-м, -ң, -н, -п, -р, the glide й): «жасақ»
    # (troop) is no «жаса» (do) plus an ending
    return len(short) >= 4 and long.startswith(short) and len(rest) <= 3 \
        and not (len(rest) == 1 and rest not in _LONE_ENDINGS and rest not in "аәеиоөұүыіэюя")


_LONE_ENDINGS = frozenset("мңнпрй")


@lru_cache(maxsize=8192)
def _analysed(text: str) -> tuple[Token, ...]:
    from derek.pipeline import analyze_tokens

    return tuple(analyze_tokens(text))


def sentence_tokens(text: str) -> list[Token]:
    """A sentence's tokens with lemmas, cached: the same sentences come back question after question."""
    return list(_analysed(text))


def _sense_groups(name: str, column: str) -> dict[str, frozenset[str]]:
    """Lemma -> the other lemmas of its sense group, from a data file of (``column``, group) rows."""
    from derek.lang.kk.resources import load_tsv

    groups: dict[str, set[str]] = {}
    for row in load_tsv(name, "derek.query"):
        groups.setdefault(row["group"], set()).add(row[column])
    return {w: frozenset(g - {w}) for g in groups.values() for w in g}


@lru_cache(maxsize=1)
def verb_groups() -> dict[str, frozenset[str]]:
    """Verb lemma -> the other verbs of its sense group (data/verb_synonyms.tsv)."""
    return _sense_groups("verb_synonyms.tsv", "verb")


@lru_cache(maxsize=1)
def verb_senses() -> dict[str, str]:
    """Verb lemma -> its sense group (data/verb_synonyms.tsv)."""
    from derek.lang.kk.resources import load_tsv

    return {row["verb"]: row["group"] for row in load_tsv("verb_synonyms.tsv", "derek.query")}


def contrary_verb(verb: str, keys: list[str]) -> bool:
    """Does the sentence hold a verb of a sense group other than the question verb's?"""
    sense = verb_senses().get(verb)
    return sense is not None and any(verb_senses().get(k, sense) != sense for k in keys[::2])


def synonym_hits(verb: str, keys: list[str]) -> list[int]:
    """Words of the sentence whose lemma is a synonym of the question's verb (exactly: «қайта»,
    again, is not «қайт», return), or two words that are a listed noun and its light verb
    («бас қосты», met, for «жиналды»)."""
    synonyms = verb_groups().get(verb, frozenset())
    lemmas = keys[::2]
    single = {i for i, k in enumerate(lemmas) if k in synonyms}
    paired = {j for i in range(len(lemmas) - 1) if f"{lemmas[i]} {lemmas[i + 1]}" in synonyms for j in (i, i + 1)}
    return sorted(single | paired)


def verb_key(tokens: list[Token], verb: str | None) -> str | None:
    """The question's verb as data/verb_synonyms.tsv lists it: with the noun right before it when
    the pair is a verb of its own there («бас қосты», met: «бас қос», not «қос», join), else the
    verb itself."""
    words = [term(t) for t in tokens if any(c.isalnum() for c in t.norm)]
    return next((f"{a} {b}" for a, b in pairwise(words) if b == verb and f"{a} {b}" in verb_senses()),
                verb)


@lru_cache(maxsize=1)
def _rivals() -> dict[str, frozenset[str]]:
    from derek.lang.kk.resources import load_tsv

    rivals: dict[str, set[str]] = {}
    for row in load_tsv("rival_verbs.tsv", "derek.query"):
        rivals.setdefault(row["verb"], set()).add(row["rival"])
    return {k: frozenset(v) for k, v in rivals.items()}


def rival_verb(tokens: list[Token], verb: str | None, keys: list[str]) -> bool:
    """Does the sentence (``keys``) state a rival event of the question's verb (data/rival_verbs.tsv:
    «қол қойылды», signed, for «күшіне енді», entered into force)? The verb is looked up alone or
    with the word before it, and so is each rival in the sentence."""
    words = [term(t) for t in tokens if any(c.isalnum() for c in t.norm)]
    asked = {verb} | {f"{a} {b}" for a, b in pairwise(words) if b == verb}
    rivals = set().union(*(_rivals().get(k, frozenset()) for k in asked))
    lemmas = keys[::2]
    held = set(lemmas) | {f"{a} {b}" for a, b in pairwise(lemmas)}
    return bool(rivals & held)


@lru_cache(maxsize=1)
def word_groups() -> dict[str, frozenset[str]]:
    """Noun or adjective lemma -> the other words of its sense group (data/word_synonyms.tsv)."""
    return _sense_groups("word_synonyms.tsv", "word")


def word_synonym_hits(word: str, keys: list[str]) -> list[int]:
    """Words of the sentence that are a synonym of a question noun (as ``term_hits`` finds a word)."""
    return sorted({i for s in word_groups().get(word, ()) for i in term_hits(s, keys)})
