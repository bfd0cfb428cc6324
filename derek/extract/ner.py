"""Statistical named-entity tagger: a CRF over KazNERD's 25 IOB2 classes, on token lists.

Reads token strings only; ``features`` is the one feature function shared by training
(scripts/train_ner.py) and tagging, so the two never diverge.
"""

from __future__ import annotations

import math
import re
import struct
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from derek.errors import DerekError
from derek.extract.conll import iob2_spans

MODEL_NAME = "ner.crfsuite"
LEXICON_NAME = "ner_lexicon.tsv"
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
_LEX_FEATURES = {(f, c): (f"freq={f}", f"cap={c}") for f in range(-1, 11) for c in range(-1, 5)}
_HEAD_WINDOW = 7  # look this many tokens ahead for an entity head (… департаментінің)
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_PUNCT = re.compile(r"^[^\w]+$")
_DIGIT = re.compile(r"\d")
_BREAKS = frozenset(". ! ? ; : ( ) — –".split())
_OPEN_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}
_MAX_FORMS = 200_000  # word forms a lexicon's marks cache holds per ``keep`` set
# Endings of Kazakh/Russian surnames and patronymics, read on a capitalised word's lemma:
# -ұлы/-қызы "son/daughter of", -ов/-ев/-ин (+а feminine), -баев/-бекова (бай/бек + -ов).
_NAME_ENDINGS = ("бекова", "баева", "беков", "баев", "қызы", "кызы", "ская", "ский", "ұлы", "улы",
                 "ова", "ева", "ина", "ына", "ов", "ев", "ин", "ын")  # longest first
_NAME_MIN_SPANS = 2  # a lemma is a training-set name part if it is one this often ...
_NAME_RATIO = 0.5  # ... and in at least this share of its occurrences


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


@dataclass(slots=True)
class Lexicon:
    """Corpus statistics the features read: frequency and capitalisation buckets of word
    forms (plain text), and entity head stems (the last word of a labelled span)."""

    freq: dict[str, int] = field(default_factory=dict)
    cap: dict[str, int] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # lemma -> given / sur / one (PERSON)
    # per ``keep`` set and word form, what SentenceMarks.of reads (a cache: never saved, and
    # stale if the tables above change after a sentence was marked)
    forms: dict[frozenset[str] | None, dict[str, _Form]] = field(default_factory=dict, repr=False,
                                                                 compare=False)

    @classmethod
    def build(cls, corpus: Iterable[tuple[Sequence[str], Sequence[str]]]) -> Lexicon:
        """Count over (tokens, tags) sentences: build it from training sentences only."""
        total: Counter[str] = Counter()
        capital: Counter[str] = Counter()
        middle: Counter[str] = Counter()
        ends: Counter[tuple[str, str]] = Counter()
        parts: Counter[tuple[str, str]] = Counter()
        lemmas: Counter[str] = Counter()
        for tokens, tags in corpus:
            lemmas.update(map(_stem, tokens))
            parts.update(_name_parts(tokens, tags))
            for i, tok in enumerate(tokens):
                low = tok.lower()
                total[low] += 1
                if i > 0 and tokens[i - 1] not in {".", "!", "?", "«", '"'}:
                    middle[low] += 1
                    capital[low] += tok[:1].isupper()
            ends.update((tokens[b - 1].lower(), label) for a, b, label in iob2_spans(tags) if b - a > 1)
        lex = cls()
        lex.freq = {w: min(int(math.log2(n)), 10) for w, n in total.items() if n >= 2}
        lex.cap = {w: round(4 * capital[w] / n) for w, n in middle.items() if n >= 2}
        lex.heads = _head_keys(ends, total)
        lex.names = _name_keys_of(parts, lemmas)
        return lex

    def to_tsv(self) -> str:
        rows = ["# table (freq: log2 count bucket, cap: capitalised-ratio bucket 0-4,",
                "# heads: class whose multi-word spans end in this stem,",
                "# names: a lemma's usual part of PERSON names: given / sur / one), key, value", "table\tkey\tvalue"]
        for table in ("freq", "cap", "heads", "names"):
            mapping = getattr(self, table)
            rows += [f"{table}\t{k}\t{mapping[k]}" for k in sorted(mapping)]
        return "\n".join(rows) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> Lexicon:
        lex = cls()
        lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
        for line in lines[1:]:
            table, key, value = line.split("\t")
            getattr(lex, table)[key] = value if table in ("heads", "names") else int(value)
        return lex


def _head_keys(ends: Counter[tuple[str, str]], total: Counter[str]) -> dict[str, str]:
    """Entity heads by lemma, the ratio of span ends measured per surface form: a lemma whose
    other forms occur outside names (банктер, ұйымдар) keeps its head status if one of its
    forms (банк, ұйымының) ends a class's multi-word spans at least twice and 30 % of the time."""
    heads: dict[str, str] = {}
    for (low, label), n in sorted(ends.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= 2 and n >= 0.3 * total[low]:
            heads.setdefault(_stem(low), label)
    return heads


def _name_parts(tokens: Sequence[str], tags: Sequence[str]) -> Iterable[tuple[str, str]]:
    """(lemma, part) for the words of PERSON spans: first word given, last sur, a lone word one."""
    for a, b, label in iob2_spans(tags):
        if label == "PERSON":
            yield from ((_stem(tokens[a]), "one"),) if b - a == 1 else (
                (_stem(tokens[a]), "given"), (_stem(tokens[b - 1]), "sur"))


def _name_keys_of(parts: Counter[tuple[str, str]], lemmas: Counter[str]) -> dict[str, str]:
    """Lemmas that are a PERSON name part often enough, with their most frequent part."""
    names: dict[str, str] = {}
    for (lemma, part), n in sorted(parts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= _NAME_MIN_SPANS and n >= _NAME_RATIO * lemmas[lemma]:
            names.setdefault(lemma, part)
    return names


def name_ending(word: str) -> str:
    """The surname/patronymic ending of a capitalised word's lemma, or of its fallback stem
    where the lemmatizer keeps the case (Тоқаевтың -> ев, Серікбаевамен -> баев: the lemma is the male form), or ""."""
    if not word[:1].isupper():
        return ""
    for stem in (_stem(word), _cut(word.lower())):
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
def _stem(word: str) -> str:
    """Lower-cased lemma from derek.lang.kk.morphology (Қазақстанның, Қазақстан -> қазақстан)."""
    return _morph(word)[0]


@lru_cache(maxsize=200_000)
def _morph(word: str) -> tuple[str, str, str]:
    """(lower-cased lemma, part of speech, outermost suffix tag) of the best reading."""
    from derek.lang.kk.morphology import analyze

    readings = analyze(word)
    if not readings:
        return word.lower(), "", ""
    best = readings[0]
    return best.lemma.lower(), best.pos, best.tags[-1] if best.tags else ""


@lru_cache(maxsize=200_000)
def _cut(low: str) -> str:
    """The fallback stemmer's stem of a lower-cased word (a second gazetteer key)."""
    return split_suffix(low)[0]


def cluster_key(word: str) -> str:
    """The key a word is clustered under: its lower-cased lemma, digits folded to 0."""
    return _DIGIT.sub("0", _stem(word))


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
    return ((*head, last.lower()), (*head, _stem(last)), (*head, _cut(last.lower())))


@cache
def _gazetteer_starts() -> tuple[frozenset[str], dict[str, int]]:
    """First words of the gazetteer's keys, and for each the length of its longest key."""
    longest: dict[str, int] = {}
    for key in gazetteer():
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return frozenset(longest), longest


def _gazetteer_tags(forms: Sequence[_Form]) -> list[str]:
    """Per-token gazetteer labels: gB=type / gI=type for the longest name at each start."""
    tags = [""] * len(forms)
    if not any(f.starts for f in forms):
        return tags
    names, longest = gazetteer(), _gazetteer_starts()[1]
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
    lemma, pos, tag = _morph(word)
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
    feats = (f"{off}:w={low}", f"{off}:sh={word_shape(word)}", f"{off}:st={_stem(word)}",
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


def _head_marks(heads: Sequence[str], forms: Sequence[_Form]) -> list[tuple[str, ...]]:
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
class _Form:
    """What the marks read of one word form, computed once per lexicon and ``keep`` set."""

    low: str
    stem: str  # lower-cased lemma (_stem)
    cut: str  # the fallback stemmer's stem (_cut)
    head: str  # entity head class of its lemma or fallback stem, "" if none
    freq: int  # lexicon frequency bucket, -1 for rare words
    name: str  # the lexicon's PERSON name part of its lemma (given / sur / one), "" if none
    starts: bool  # may start a gazetteer name (its lower-cased form or lemma does)
    untitled: bool  # does not start with a capital
    verbish: bool  # a verb or a clause-breaking mark
    own: tuple[str, ...]  # bias, kept word features, freq/cap buckets
    near: tuple[tuple[str, ...], ...]  # kept neighbour attributes outside gazetteer names


def _new_form(table: dict[str, _Form], word: str, lexicon: Lexicon, keep: frozenset[str] | None) -> _Form:
    low, stem = word.lower(), _stem(word)
    cut = _cut(low)
    # a lemma head, or the fallback stem where the lemmatizer misses (банкінің -> банк)
    head = lexicon.heads.get(stem) or lexicon.heads.get(cut, "")
    freq = lexicon.freq.get(low, -1)
    firsts = _gazetteer_starts()[0]
    name = lexicon.names.get(stem, "")
    own = (*_kept_word_features(word, keep), *_LEX_FEATURES[freq, lexicon.cap.get(low, -1)],
           *_kept_name(name, keep))
    form = _Form(low, stem, cut, head, freq, name, low in firsts or stem in firsts, not word[:1].isupper(),
                 word in _BREAKS or _morph(word)[1] == "VERB", own, _kept_neighbours(word, freq, "", name, keep))
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


def model_attributes(model: bytes) -> frozenset[str] | None:
    """The attribute names a crfsuite model file weights, read from its attribute dictionary
    (crf1d model header, then the CQDB chunk's id -> string table); None if the layout is not
    the one crfsuite 0.12 writes. The same set as ``Tagger.info().state_features``, 15x faster."""
    if len(model) < 48 or model[:4] != b"lCRF" or model[8:12] != b"FOMC":
        return None
    off = struct.unpack_from("<I", model, 36)[0]  # header: ..., off_features, off_labels, off_attrs
    if model[off : off + 4] != b"CQDB":
        return None
    count, table = struct.unpack_from("<II", model, off + 16)
    names = []
    for (start,) in struct.iter_unpack("<I", model[off + table : off + table + 4 * count]):
        at = off + start  # record: id, key size (with the NUL), key
        size = struct.unpack_from("<I", model, at + 4)[0]
        names.append(model[at + 8 : at + 7 + size].decode("utf-8"))
    return frozenset(names)


class NerTagger:
    """Tags token lists with the CRF shipped in derek/extract/data (loaded on first use)."""

    def __init__(self, model_path: str | None = None, lexicon: Lexicon | None = None) -> None:
        self._model_path = model_path
        self._lexicon = lexicon
        self._tagger = None
        self._model_bytes = b""
        self._keep: frozenset[str] | None = None

    def _load(self):
        import pycrfsuite

        data = resources.files("derek.extract").joinpath("data")
        if self._lexicon is None:
            self._lexicon = Lexicon.from_tsv(data.joinpath(LEXICON_NAME).read_text("utf-8"))
        tagger = pycrfsuite.Tagger()
        if self._model_path is not None:
            tagger.open(self._model_path)
            with open(self._model_path, "rb") as fh:
                self._keep = model_attributes(fh.read())
        else:
            model = data.joinpath(MODEL_NAME)
            if not model.is_file():
                raise DerekError(f"NER model {MODEL_NAME} is missing: run scripts/train_ner.py")
            # open_inmemory works for zipped installs too; keep the bytes alive with the tagger
            self._model_bytes = model.read_bytes()
            tagger.open_inmemory(self._model_bytes)
            self._keep = model_attributes(self._model_bytes)
        if self._keep is None:
            self._keep = frozenset(attr for attr, _ in tagger.info().state_features)
        self._tagger = tagger
        return tagger

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """One IOB2 tag per token (KazNERD classes)."""
        if not tokens:
            return []
        tagger = self._tagger or self._load()
        return list(tagger.tag(sentence_features(tokens, self._lexicon, self._keep)))

    def spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """Entity spans as token index ranges (start, end exclusive, class)."""
        return iob2_spans(self.tag(tokens))
