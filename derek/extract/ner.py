"""Statistical named-entity tagger: a CRF over KazNERD's 25 IOB2 classes, on token lists.

Reads token strings only. Here: the tagger, its model file and the corpus Lexicon; the CRF
attributes are ner_features.py's (``features``, shared by training and tagging), the word-level
helpers ner_words.py's.
"""

from __future__ import annotations

import math
import struct
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from derek.errors import DerekError
from derek.extract.conll import iob2_spans
from derek.extract.ner_features import sentence_features
from derek.extract.ner_words import stem_of

if TYPE_CHECKING:
    from derek.extract.ner_features import WordForm

MODEL_NAME = "ner.crfsuite"
LEXICON_NAME = "ner_lexicon.tsv"
_NAME_MIN_SPANS = 2  # a lemma is a training-set name part if it is one this often ...
_NAME_RATIO = 0.5  # ... and in at least this share of its occurrences


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
    forms: dict[frozenset[str] | None, dict[str, WordForm]] = field(default_factory=dict, repr=False,
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
            lemmas.update(map(stem_of, tokens))
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
            heads.setdefault(stem_of(low), label)
    return heads


def _name_parts(tokens: Sequence[str], tags: Sequence[str]) -> Iterable[tuple[str, str]]:
    """(lemma, part) for the words of PERSON spans: first word given, last sur, a lone word one."""
    for a, b, label in iob2_spans(tags):
        if label == "PERSON":
            yield from ((stem_of(tokens[a]), "one"),) if b - a == 1 else (
                (stem_of(tokens[a]), "given"), (stem_of(tokens[b - 1]), "sur"))


def _name_keys_of(parts: Counter[tuple[str, str]], lemmas: Counter[str]) -> dict[str, str]:
    """Lemmas that are a PERSON name part often enough, with their most frequent part."""
    names: dict[str, str] = {}
    for (lemma, part), n in sorted(parts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= _NAME_MIN_SPANS and n >= _NAME_RATIO * lemmas[lemma]:
            names.setdefault(lemma, part)
    return names


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


@cache
def shared_tagger() -> NerTagger:
    """The one tagger of the shipped model that ingest and the question reader share: one model
    and lexicon in memory, and one word-form table (``SentenceMarks``). Two taggers held equal but
    distinct ``keep`` sets, and every feature-cache lookup of the second compared the two sets
    element by element: a server that had ingested answered its reader questions 4-10x slower."""
    return NerTagger()


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
