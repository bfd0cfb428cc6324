"""CRF attributes of a sentence's tokens: ``features`` is the one feature function shared by
training (scripts/train_ner.py) and tagging, so the two never diverge; SentenceMarks holds what
is computed once per sentence. Reads token strings only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from derek.extract.ner_words import (
    cluster_key,
    clusters,
    cut_word,
    gazetteer,
    gazetteer_starts,
    morph_of,
    name_ending,
    split_suffix,
    stem_of,
    word_shape,
)

if TYPE_CHECKING:
    from derek.extract.ner import Lexicon

_LEX_FEATURES = {(f, c): (f"freq={f}", f"cap={c}") for f in range(-1, 11) for c in range(-1, 5)}
_HEAD_WINDOW = 7  # look this many tokens ahead for an entity head (… департаментінің)
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_PUNCT = re.compile(r"^[^\w]+$")
_BREAKS = frozenset(". ! ? ; : ( ) — –".split())
_OPEN_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
_MAX_FORMS = 200_000  # word forms a lexicon's marks cache holds per ``keep`` set


def _gazetteer_tags(forms: Sequence[WordForm]) -> list[str]:
    """Per-token gazetteer labels: gB=type / gI=type for the longest name at each start."""
    tags = [""] * len(forms)
    if not any(f.starts for f in forms):
        return tags
    names, longest = gazetteer(), gazetteer_starts()[1]
    low, stems, cut = [f.low for f in forms], [f.stem for f in forms], [f.cut for f in forms]
    i = 0
    while i < len(forms):
        if forms[i].starts:
            # a key of two words or more starts with the lower-cased word; one word: any form
            for n in range(min(longest.get(low[i], 1), len(forms) - i), 0, -1):
                head, j = tuple(low[i : i + n - 1]), i + n - 1
                kind = (names.get((*head, low[j])) or names.get((*head, stems[j]))
                        or names.get((*head, cut[j])))
                if kind:
                    tags[i : i + n] = [f"gB={kind}"] + [f"gI={kind}"] * (n - 1)
                    i += n - 1
                    break
        i += 1
    return tags


@lru_cache(maxsize=200_000)
def _word_features(word: str) -> tuple[str, ...]:
    """Context-free features of one token (cached: corpora repeat words)."""
    low = word.lower()
    stem, ending = split_suffix(low)
    lemma, pos, tag = morph_of(word)
    feats = [f"w={low}", f"stem={stem}", f"end={ending}", f"shape={word_shape(word)}",
             f"lem={lemma}", f"pos={pos}", f"mt={tag}"]
    if lemma != low:
        feats += [f"ls{k}={lemma[-k:]}" for k in (2, 3, 4) if len(lemma) > k]
    feats += [f"c{n}={c}" for n, c in zip((1, 2, 3), clusters().get(cluster_key(word), ()))]
    feats += [f"p{k}={low[:k]}" for k in (1, 2, 3, 4) if len(low) >= k]
    feats += [f"s{k}={low[-k:]}" for k in (1, 2, 3, 4) if len(low) >= k]
    if ending:
        feats += [f"ss{k}={stem[-k:]}" for k in (2, 3) if len(stem) > k]
    if word[:1].isupper():
        feats.append("title")
    if len(word) > 1 and word.isupper():
        feats.append("abbr")
    if word.isdigit():
        feats.append(f"digits={min(len(word), 5)}")
    elif any(ch.isdigit() for ch in word):
        feats.append("hasdigit")
    if _PUNCT.match(word):
        feats.append("punct")
    elif not _CYRILLIC.search(word) and any(ch.isalpha() for ch in word):
        feats.append("latin")
    if "-" in word.strip("-"):
        head, _, tail = word.rpartition("-")
        feats += [f"hyph_tail={tail.lower()}", f"hyph_head={word_shape(head)}"]
    if ending := name_ending(word):
        feats.append(f"sur={ending}")
    return tuple(feats)


@lru_cache(maxsize=200_000)
def _neighbour_features(word: str, off: int, freq: int, gaz: str, name: str) -> tuple[str, ...]:
    low = word.lower()
    feats = (f"{off}:w={low}", f"{off}:sh={word_shape(word)}", f"{off}:st={stem_of(word)}",
             f"{off}:f={freq}")
    if abs(off) == 1:
        ids = clusters().get(cluster_key(word), ())[1:]
        feats += tuple(f"{off}:c{n}={c}" for n, c in zip((2, 3), ids))
        feats += ((f"{off}:sur",) if name_ending(word) else ()) + ((f"{off}:pn={name}",) if name else ())
    return (*feats, f"{off}:{gaz}") if gaz else feats


@lru_cache(maxsize=200_000)
def _kept_word_features(word: str, keep: frozenset[str] | None) -> tuple[str, ...]:
    """``bias`` and ``_word_features`` less the attributes the model has no weight for."""
    feats = ("bias", *_word_features(word))
    return feats if keep is None else tuple(f for f in feats if f in keep)


@lru_cache(maxsize=200_000)
def _kept_neighbours(word: str, freq: int, gaz: str, name: str,
                     keep: frozenset[str] | None) -> tuple[tuple[str, ...], ...]:
    """The word's neighbour attributes as seen from 2 and 1 tokens after it and 1 and 2
    tokens before it (offsets -2, -1, +1, +2 of the token being tagged), less unweighted ones;
    ``name``: its lexicon PERSON name part (given / sur / one) or ""."""
    out = (_neighbour_features(word, off, freq, gaz, name) for off in (-2, -1, 1, 2))
    return tuple(f if keep is None else tuple(x for x in f if x in keep) for f in out)


def features(tokens: Sequence[str], i: int, lexicon: Lexicon, marks: SentenceMarks) -> list[str]:
    """CRF attributes of token i: its own form, morphology, lexicon, gazetteer, ±2 neighbours.

    With ``marks.keep`` (the attributes a trained model weights), attributes outside it are
    left out: the tagger ignores them anyway, so the tags are the same and crfsuite does less."""
    low, n, near = marks.low, len(tokens), marks.neighbours
    feats = list(marks.own[i])  # the order is the trained one: crfsuite sums weights in it
    if gaz := marks.gazetteer[i]:
        feats.append(gaz)
    feats += marks.head_feats[i]
    if quote := marks.quote[i]:
        feats.append(quote)
    if i == 0:
        feats.append("BOS")
    if i == n - 1:
        feats.append("EOS")
    if i >= 2:
        feats += near[i - 2][0]
    if i >= 1:
        feats += near[i - 1][1]
    if i + 1 < n:
        feats += near[i + 1][2]
    if i + 2 < n:
        feats += near[i + 2][3]
    before, after = marks.pairs or (None, None)
    if i > 0 and (pair := f"-1|0={low[i - 1]}|{low[i]}" if before is None else before.get((low[i - 1], low[i]))):
        feats.append(pair)
    if i + 1 < n and (pair := f"0|+1={low[i]}|{low[i + 1]}" if after is None else after.get((low[i], low[i + 1]))):
        feats.append(pair)
    return feats


@lru_cache(maxsize=8)
def _pair_tables(keep: frozenset[str]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """The word-pair attributes ``keep`` holds (-1|0=a|b, 0|+1=a|b) by their pair (a, b): one
    lookup instead of building every pair's string; a form with "|" is split every way it can."""
    tables: tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]] = ({}, {})
    for attr in keep:
        side = 0 if attr.startswith("-1|0=") else 1 if attr.startswith("0|+1=") else -1
        if side >= 0:
            pair = attr[5:]
            for at in (k for k, ch in enumerate(pair) if ch == "|"):
                tables[side][pair[:at], pair[at + 1 :]] = attr
    return tables


def _head_marks(heads: Sequence[str], forms: Sequence[WordForm]) -> list[tuple[str, ...]]:
    """Per token: the entity heads up to ``_HEAD_WINDOW - 1`` tokens ahead (head0..head3) and,
    for the nearest, what lies between: hrun=CLASS|t (all title case), |v (a verb or a
    clause-breaking mark: no single name), |n (a plausible noun phrase); in the trained order."""
    out: list[tuple[str, ...]] = [()] * len(heads)
    head_at = [j for j, h in enumerate(heads) if h]
    start = 0  # the tokens before this one have their nearest head already
    for first, j in enumerate(head_at):
        # the tokens i whose nearest head is j, walked back from j, so that what lies in
        # i..j-1 (an untitled word? a verb or break?) grows one token at a time
        ahead = head_at[first + 1 : first + _HEAD_WINDOW]
        attrs = _head_attrs(heads[j])  # head{d}=CLASS for d = 0..3, then hrun=CLASS|t, v, n
        untitled = verbish = False
        for i in range(j, max(start, j - _HEAD_WINDOW + 1) - 1, -1):
            if i < j:
                untitled, verbish = untitled or forms[i].untitled, verbish or forms[i].verbish
            kind = 6 if untitled and not verbish else 5 if untitled else 4
            further = [_head_attrs(heads[k])[min(k - i, 3)] for k in ahead if k < i + _HEAD_WINDOW]
            out[i] = (attrs[min(j - i, 3)], attrs[kind], *further)
        start = j + 1
    return out


@cache
def _head_attrs(head: str) -> tuple[str, ...]:
    return (*(f"head{d}={head}" for d in range(4)), *(f"hrun={head}|{kind}" for kind in "tvn"))


@dataclass(slots=True)
class SentenceMarks:
    """Per-token values computed once per sentence: gazetteer matches, entity head classes and
    head attributes, quote marks, lower-cased forms, lexicon frequency buckets (-1 for rare
    words) and the neighbour attributes each token lends to the tokens around it."""

    gazetteer: list[str]
    heads: list[str]
    quote: list[str]
    low: list[str]
    freq: list[int]
    head_feats: list[tuple[str, ...]]
    neighbours: list[tuple[tuple[str, ...], ...]]
    keep: frozenset[str] | None
    own: list[tuple[str, ...]]  # bias, word features and lexicon buckets of each token
    pairs: tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]] | None = None  # _pair_tables(keep)

    @classmethod
    def of(cls, tokens: Sequence[str], lexicon: Lexicon, keep: frozenset[str] | None = None) -> SentenceMarks:
        """The marks of a sentence; ``keep``: the attributes a model weights (see ``features``)."""
        table = lexicon.forms.get(keep)
        if table is None or len(table) >= _MAX_FORMS:  # a long archive must not grow memory
            table = lexicon.forms[keep] = {}
        forms = [table.get(t) or _new_form(table, t, lexicon, keep) for t in tokens]
        low = [f.low for f in forms]
        heads = [f.head for f in forms]
        freq = [f.freq for f in forms]
        gazetteer = _gazetteer_tags(forms)
        near = [f.near if not g else _kept_neighbours(t, f.freq, g, f.name, keep)
                for t, f, g in zip(tokens, forms, gazetteer)]
        return cls(gazetteer, heads, _quote_marks(tokens), low, freq, _head_marks(heads, forms), near, keep,
                   [f.own for f in forms], None if keep is None else _pair_tables(keep))


@dataclass(slots=True)
class WordForm:
    """What the marks read of one word form, computed once per lexicon and ``keep`` set."""

    low: str
    stem: str  # lower-cased lemma (stem_of)
    cut: str  # the fallback stemmer's stem (cut_word)
    head: str  # entity head class of its lemma or fallback stem, "" if none
    freq: int  # lexicon frequency bucket, -1 for rare words
    name: str  # the lexicon's PERSON name part of its lemma (given / sur / one), "" if none
    starts: bool  # may start a gazetteer name (its lower-cased form or lemma does)
    untitled: bool  # does not start with a capital
    verbish: bool  # a verb or a clause-breaking mark
    own: tuple[str, ...]  # bias, kept word features, freq/cap buckets
    near: tuple[tuple[str, ...], ...]  # kept neighbour attributes outside gazetteer names


def _new_form(table: dict[str, WordForm], word: str, lexicon: Lexicon, keep: frozenset[str] | None) -> WordForm:
    low, stem = word.lower(), stem_of(word)
    cut = cut_word(low)
    # a lemma head, or the fallback stem where the lemmatizer misses (банкінің -> банк)
    head = lexicon.heads.get(stem) or lexicon.heads.get(cut, "")
    freq = lexicon.freq.get(low, -1)
    firsts = gazetteer_starts()[0]
    name = lexicon.names.get(stem, "")
    own = (*_kept_word_features(word, keep), *_LEX_FEATURES[freq, lexicon.cap.get(low, -1)],
           *_kept_name(name, keep))
    form = WordForm(low, stem, cut, head, freq, name, low in firsts or stem in firsts, not word[:1].isupper(),
                 word in _BREAKS or morph_of(word)[1] == "VERB", own, _kept_neighbours(word, freq, "", name, keep))
    table[word] = form
    return form


@lru_cache(maxsize=64)
def _kept_name(name: str, keep: frozenset[str] | None) -> tuple[str, ...]:
    attr = f"pn={name}"
    return (attr,) if name and (keep is None or attr in keep) else ()


def _quote_marks(tokens: Sequence[str]) -> list[str]:
    """q=B / q=I / q=E for words inside a closed quote pair («Самұрық-Қазына» қоры)."""
    marks = [""] * len(tokens)
    i = 0
    while i < len(tokens):
        close = _OPEN_QUOTES.get(tokens[i])
        end = -1
        if close:
            end = next((j for j in range(i + 1, min(len(tokens), i + 16)) if tokens[j] == close), -1)
        if end > i + 1:
            marks[i + 1 : end] = ["q=I"] * (end - i - 1)
            marks[end - 1] = "q=E"
            marks[i + 1] = "q=BE" if end == i + 2 else "q=B"
            i = end
        i += 1
    return marks


def sentence_features(tokens: Sequence[str], lexicon: Lexicon,
                      keep: frozenset[str] | None = None) -> list[list[str]]:
    """``features`` for every token of a sentence (``keep``: see ``features``)."""
    marks = SentenceMarks.of(tokens, lexicon, keep)
    return [features(tokens, i, lexicon, marks) for i in range(len(tokens))]
