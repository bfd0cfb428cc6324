"""A learned span reader for reading comprehension: constituent-like spans of the best sentences,
lexical features per (question, span) and a log-linear ranker whose weights ship in
derek/query/data/reader_weights.tsv (trained by scripts/train_reader.py on KazQAD dev).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from derek.query import reader_assoc
from derek.query.candidates import Candidate, candidates_in
from derek.query.passages import Passage
from derek.query.question import Question, stopwords
from derek.query.reader_align import key
from derek.query.reader_context import SentenceView, views
from derek.query.reader_features import MAX_WORDS, QUOTES, Asked, asked, features, is_word
from derek.query.reader_sentence import (
    LOGP,
    add_log_probability,
    follow,
    sentence_extras,
    sentence_features,
)
from derek.query.spans import SPAN_STOPS

SENTENCES = 5  # how many of the best-covered sentences are read
DASHES = ("-", "–", "—")
# below this confidence the reader abstains: the lowest confidence above which its held-out
# KazQAD answers (5-fold by passage) have token F1 >= 0.5 at least 60% of the time
THRESHOLD = 0.08
# answer types the reader answers even when the typed extractor has a value (KazQAD held out, 601
# questions, EM: person 28 vs 23 of 53, place 16 vs 9 of 44, number 8 vs 5 of 16, «деп» names 7 vs 0
# of 13; year 11 vs 14 of 26 and date 0 vs 2 of 6 stay typed); lists stay typed. The answer's value
# is then the typed annotation inside the span (``annotation``)
READER_TYPES = frozenset({"person", "place", "state", "organization", "number", "ordinal", "description"})
MBR_SPANS = 30  # decoding weighs the expected F1 against this many of the likeliest spans
NER = True  # tag the read sentences with the KazNERD CRF (the "ner=" features)


@dataclass(slots=True)
class Span:
    """A candidate answer: tokens first..last (inclusive) of one passage."""

    passage: Passage
    rank: int  # the passage's rank among the sentences read (0 = best covered)
    position: int  # the sentence's position in its document (0 = the first)
    first: int
    last: int
    sources: set[str] = field(default_factory=set)  # ngram, entity, date, quantity, quote, prior
    prior: float = 0.0  # the hand-weighted extractor's score for this exact text (0: none)
    value: Any = None  # the typed candidate's normalized value (a date, an entity id)
    answer: str = ""  # the typed candidate's answer as derek renders it («1992 жылғы 2 наурыз»)
    sentence: dict[str, Any] = field(default_factory=dict)  # features of its sentence (_sentence)
    view: SentenceView | None = None  # its sentence against the whole document (reader_context)

    @property
    def bounds(self) -> tuple[int, int]:
        """Document offsets of the span's words, without edge spaces, hyphens and commas."""
        p = self.passage
        lo, hi = p.tokens[self.first].start, p.tokens[self.last].end
        words = p.text[lo:hi]
        lo, hi = lo + len(words) - len(words.lstrip(" -,")), hi - len(words) + len(words.rstrip(" -,"))
        return p.start + lo, p.start + max(lo, hi)

    @property
    def text(self) -> str:
        start, end = self.bounds
        return self.passage.text[start - self.passage.start : end - self.passage.start]



def spans_of(passages: list[Passage], question: Question) -> list[Span]:
    """Candidates from the best sentences: word n-grams inside punctuation, the annotated dates,
    figures and names, «quoted» titles, and every span the hand-weighted extractor proposes."""
    found: dict[tuple[int, int, int], Span] = {}
    order = {start: k for k, start in enumerate(sorted(p.start for p in passages))}
    stems = _question_stems(question)
    read = [p for p in passages[:SENTENCES] if p.tokens]
    seen = views(passages, read, stems, question.verb, NER)
    sentences = _sentences(read, stems)
    for rank, p in enumerate(passages[:SENTENCES]):
        if not p.tokens:
            continue
        sentence, view = sentences[id(p)], seen[id(p)]

        # add is called only inside this iteration, so the loop's p, rank, sentence, view are current
        def add(first: int, last: int, source: str, prior: float = 0.0, value: Any = None,
                answer: str = "") -> None:
            span = found.setdefault((rank, first, last), Span(p, rank, order[p.start], first, last,  # noqa: B023
                                                              sentence=sentence, view=view))  # noqa: B023
            span.sources.add(source)
            span.prior = max(span.prior, prior)
            if value is not None and prior >= span.prior:
                span.value, span.answer = value, answer

        for first, last in _ngrams(p):
            add(first, last, "ngram")
        for x in p.spans:
            inside = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
            if inside:
                add(inside[0], inside[-1], x["kind"])
        for first, last in _quotes(p):
            add(first, last, "quote")
        for c in candidates_in(p, question, loose=True):
            if (where := _locate(p, c)) is not None:
                add(*where, "prior", c.score, c.value, c.answer)
    return list(found.values())


def _stem(word: str) -> str:
    """The first five letters: Kazakh endings are suffixes, so a shared start is a shared word."""
    return "".join(c for c in word.lower() if c.isalnum())[:5]


def _question_stems(question: Question) -> list[str]:
    """Stems of the question's content words (not its question words nor function words)."""
    stop = stopwords()
    words = [t.norm for i, t in enumerate(question.tokens) if i not in question.words and is_word(t.norm)
             and t.norm.lower() not in stop and t.lemma.lower() not in stop]
    return list(dict.fromkeys(s for s in map(_stem, words) if len(s) >= 3))


def _sentences(read: list[Passage], stems: list[str]) -> dict[int, dict[str, Any]]:
    """``_sentence`` of each read passage (keyed by id), with its tokens' alignment stems."""
    out = {id(p): _sentence(p, stems) for p in read}
    for p in read:
        out[id(p)]["keys"] = [key(t) for t in p.tokens]
    return out


def _sentence(p: Passage, stems: list[str]) -> dict[str, Any]:
    """Overlap of the question's word stems with one sentence: the share found, the question
    bigrams found in order, and the token indexes that carry a question stem."""
    keys = [_stem(t.norm) for t in p.tokens]
    hits = {i for i, k in enumerate(keys) if k and k in stems}
    found = {keys[i] for i in hits}
    pairs = set(pairwise(stems))
    words = [k for k in keys if k]
    bigrams = sum((a, b) in pairs for a, b in pairwise(words))
    return {"share": len(found) / max(len(stems), 1), "missing": len(stems) - len(found),
            "bigrams": bigrams, "hits": hits, "length": len(words)}


def _ngrams(p: Passage) -> list[tuple[int, int]]:
    """Runs of 1..MAX_WORDS words that cross no comma, colon, bracket or spaced dash
    («Ерназар - Төстіктің әкесі»); a hyphen inside a word («іс-қимыл») does not cut."""
    runs, run = [], []
    for i, t in enumerate(p.tokens):
        spaced_dash = t.norm in DASHES and i > 0 and p.tokens[i - 1].end < t.start
        if is_word(t.norm):
            run.append(i)
        elif (t.norm in SPAN_STOPS or spaced_dash) and run:
            runs.append(run)
            run = []
    runs += [run] if run else []
    return [(r[k], r[k + n - 1]) for r in runs for n in range(1, MAX_WORDS + 1) for k in range(len(r) - n + 1)]


def _quotes(p: Passage) -> list[tuple[int, int]]:
    found, opened = [], None
    for i, t in enumerate(p.tokens):
        if t.norm in QUOTES and opened is None:
            opened = i
        elif t.norm in QUOTES and opened is not None:
            if i > opened + 1:
                found.append((opened, i))
            opened = None
    return found


def _locate(p: Passage, c: Candidate) -> tuple[int, int] | None:
    """The tokens of a candidate's text in its passage (None: not a contiguous span)."""
    at = p.text.find(c.answer)
    if at < 0 or not c.answer:
        return None
    inside = [i for i, t in enumerate(p.tokens) if at <= t.start < at + len(c.answer)]
    return (inside[0], inside[-1]) if inside else None


@cache
def load_weights() -> dict[str, float]:
    """Feature name -> weight, from derek/query/data/reader_weights.tsv."""
    from derek.lang.kk.resources import load_tsv

    return {r["feature"]: float(r["weight"]) for r in load_tsv("reader_weights.tsv", "derek.query")}


@dataclass(slots=True)
class Reading:
    """The reader's best span and its probability among the question's candidates."""

    span: Span
    probability: float
    score: float
    annotation: Span | None = None  # the typed value the span is or holds (``annotation``)

    @property
    def value(self) -> Any:
        """The normalized value of the typed annotation the span is or contains (None: none)."""
        return self.annotation.value if self.annotation else None

    @property
    def confidence(self) -> float:
        """The span's probability times its sentence's coverage of the question: a sure span in a
        sentence that shares nothing with the question is not an answer."""
        return self.probability * self.span.passage.coverage


def read(passages: list[Passage], question: Question, weights: dict[str, float] | None = None) -> Reading | None:
    """The best span of the best sentences (None: no candidate at all), its scores re-weighed
    towards the sentence model (``reader_sentence.follow``) before decoding."""
    scored, feats, of, _, _ = span_inputs(passages, question, weights)
    followed = follow([score for score, _ in scored], [f.get(LOGP, 0.0) for f in feats], of)
    return decode(scored, followed)


def scored_spans(passages: list[Passage], question: Question,
                 weights: dict[str, float] | None = None) -> list[tuple[float, Span]]:
    """Every candidate span of one document's best sentences with its score (weights · features)."""
    return span_inputs(passages, question, weights)[0]


def span_inputs(passages: list[Passage], question: Question, weights: dict[str, float] | None = None
                ) -> tuple[list[tuple[float, Span]], list[dict[str, float]], list[int], list[dict[str, float]], str]:
    """The scored spans with what a re-ranker reads of them (reader_rerank.Candidates): each span's
    feature dict (with "sm:logp"), its sentence index, each sentence's own values, the answer type."""
    if not passages:
        return [], [], [], [], ""
    weights = load_weights() if weights is None else weights
    q = asked(question)
    best_coverage = max(p.coverage for p in passages[:SENTENCES])
    spans = spans_of(passages, question)
    feats = [features(s, q, best_coverage) for s in spans]
    of, extras = sentence_inputs(spans, q)
    add_log_probability(feats, of, sentence_features(feats, of, extras, q.kind), weights)
    get = weights.get
    scored = [(sum([get(k, 0.0) * v for k, v in f.items()]), s) for f, s in zip(feats, spans)]
    return scored, feats, of, extras, q.kind


def sentence_inputs(spans: list[Span], q: Asked, association: bool = True) -> tuple[list[int], list[dict[str, float]]]:
    """Each span's sentence (its index among the read sentences, in order of first span) and each
    sentence's own features for the sentence model (``reader_sentence.sentence_extras``, and the
    learned word association ``reader_assoc.features`` unless ``association`` is False: training
    computes those per fold, scripts/train_assoc.py)."""
    index: dict[int, int] = {}
    read: list[Span] = []
    for s in spans:
        if id(s.passage) not in index:
            index[id(s.passage)] = len(read)
            read.append(s)
    keys = [s.sentence.get("keys", []) for s in read]
    extras = sentence_extras(q.stems, keys, [s.position == 0 for s in read])
    if association and (table := reader_assoc.shipped()):
        side = reader_assoc.question_side(q)
        for x, k in zip(extras, keys):
            x.update(reader_assoc.features(side, k, table))
    return [index[id(s.passage)] for s in spans], extras


def decode(scored: list[tuple[float, Span]], decoding: list[float] | None = None) -> Reading | None:
    """The span with the highest expected token F1 against the softmax over the ``MBR_SPANS`` most
    likely spans (minimum Bayes risk: KazQAD held out, F1 +2 over the most likely span, EM equal),
    under ``decoding`` scores when given (``read``: the scores followed towards the sentence model);
    its probability is the most likely span's under ``scored``, as the abstention threshold was
    calibrated."""
    if not scored:
        return None
    top = max(score for score, _ in scored)
    z = sum(math.exp(score - top) for score, _ in scored)
    pairs = scored if decoding is None else [(d, s) for d, (_, s) in zip(decoding, scored)]
    ranked = sorted(pairs, key=lambda x: -x[0])  # stable: the first of equal scores stays first
    first = ranked[0][0]
    mass = sum(math.exp(score - first) for score, _ in pairs)
    likely = [(math.exp(score - first) / mass, s) for score, s in ranked[:MBR_SPANS]]
    bags = [token_bag(s.text) for _, s in likely]
    gains = [sum(p * token_f1(bag, other) for (p, _), other in zip(likely, bags)) for bag in bags]
    pick = max(range(len(likely)), key=lambda i: (gains[i], -i))
    span, score = likely[pick][1], ranked[pick][0]
    return Reading(_with_quotes(span), math.exp(max(scored, key=lambda x: x[0])[0] - top) / z, score,
                   annotation(span, [s for _, s in scored]))


def token_bag(text: str) -> Counter:
    """The lowercased words of a text, as SQuAD's token F1 counts them."""
    return Counter("".join(c if c.isalnum() else " " for c in text.lower()).split())


def token_f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def annotation(span: Span, spans: list[Span]) -> Span | None:
    """The typed candidate (a date, a figure, a known name) that starts inside the span, the one
    the hand-weighted extractor scores highest: its value is the span's normalized value («12-ден 20»
    holds «20 адамға дейін», the figure reached, value 20)."""
    inside = [s for s in spans if s.value is not None and s.passage is span.passage
              and span.first <= s.first <= span.last]
    return max(inside, key=lambda s: (s.prior, s.last - s.first), default=None)


def _with_quotes(span: Span) -> Span:
    """A title read without its quotes gets them back: «Қара сөздер», as the text writes it."""
    toks = span.passage.tokens
    if 0 < span.first and span.last + 1 < len(toks) and toks[span.first - 1].norm in QUOTES \
            and toks[span.last + 1].norm in QUOTES:
        return Span(span.passage, span.rank, span.position, span.first - 1, span.last + 1, span.sources,
                    span.prior, span.value, span.answer, span.sentence, span.view)
    return span
