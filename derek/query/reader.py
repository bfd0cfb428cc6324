"""A learned span reader for reading comprehension: constituent-like spans of the best sentences,
lexical features per (question, span) and a log-linear ranker whose weights ship in
derek/query/data/reader_weights.tsv (trained by scripts/train_reader.py on KazQAD dev).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from derek.kb.search import term
from derek.query.candidates import Candidate, candidates_in
from derek.query.passages import Passage
from derek.query.question import Question, load_words, stopwords
from derek.query.reader_align import Frame, case_alignment, frame, key, span_alignment
from derek.query.reader_context import SentenceView, ner_class, views
from derek.query.reader_sentence import add_log_probability, sentence_extras, sentence_features
from derek.query.spans import SPAN_STOPS

SENTENCES = 5  # how many of the best-covered sentences are read
MAX_WORDS = 6  # longest n-gram candidate, in words
WINDOW = 3  # words each side whose overlap with the question is counted
CASES = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
_QUOTES = ("«", "»", '"')
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


@cache
def _reading(norm: str) -> tuple[str, str]:
    """(POS, last suffix tag) of a word's best reading; ("X", "0") for punctuation."""
    from derek.lang.kk.morphology import analyze

    if not any(c.isalnum() for c in norm):
        return "PUNCT", "0"
    if norm.isdigit():
        return "NUM", "0"
    readings = analyze(norm)
    if not readings:
        return "X", "0"
    tags = readings[0].tags
    return readings[0].pos, tags[-1] if tags else "0"


def _case(norm: str) -> str:
    suffix = _reading(norm)[1]
    return suffix if suffix in CASES else "NOM"


@lru_cache(maxsize=1 << 16)
def _is_word(norm: str) -> bool:
    return any(c.isalnum() for c in norm)


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

        def add(first: int, last: int, source: str, prior: float = 0.0, value: Any = None,
                answer: str = "") -> None:
            span = found.setdefault((rank, first, last), Span(p, rank, order[p.start], first, last,
                                                              sentence=sentence, view=view))
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
    words = [t.norm for i, t in enumerate(question.tokens) if i not in question.words and _is_word(t.norm)
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
    pairs = set(zip(stems, stems[1:]))
    words = [k for k in keys if k]
    bigrams = sum((a, b) in pairs for a, b in zip(words, words[1:]))
    return {"share": len(found) / max(len(stems), 1), "missing": len(stems) - len(found),
            "bigrams": bigrams, "hits": hits, "length": len(words)}


def _ngrams(p: Passage) -> list[tuple[int, int]]:
    """Runs of 1..MAX_WORDS words that cross no comma, colon, bracket or spaced dash
    («Ерназар - Төстіктің әкесі»); a hyphen inside a word («іс-қимыл») does not cut."""
    runs, run = [], []
    for i, t in enumerate(p.tokens):
        spaced_dash = t.norm in DASHES and i > 0 and p.tokens[i - 1].end < t.start
        if _is_word(t.norm):
            run.append(i)
        elif (t.norm in SPAN_STOPS or spaced_dash) and run:
            runs.append(run)
            run = []
    runs += [run] if run else []
    return [(r[k], r[k + n - 1]) for r in runs for n in range(1, MAX_WORDS + 1) for k in range(len(r) - n + 1)]


def _quotes(p: Passage) -> list[tuple[int, int]]:
    found, opened = [], None
    for i, t in enumerate(p.tokens):
        if t.norm in _QUOTES and opened is None:
            opened = i
        elif t.norm in _QUOTES and opened is not None:
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


@dataclass(slots=True)
class _Asked:
    """What the features need of the question: its question words, their case, the answer type."""

    word: str  # the question words as written, lowercased («қай жылы», «кімге»)
    case: str  # their case ending («қайда» LOC, «кімге» DAT)
    kind: str  # the expected answer type
    focus: str | None
    focus_case: str  # the case of the word after the question words («қай биге» DAT)
    verb: str | None
    terms: frozenset[str]
    frame: Frame  # the question around its question word (reader_align)
    asked_case: str  # the question word's case, else the asked noun's («қай облыста» LOC)
    stems: list[str] = field(default_factory=list)  # alignment stems of its words but the question words


def asked(question: Question) -> _Asked:
    words = [question.tokens[i].norm.lower() for i in sorted(question.words)]
    case = _case(words[-1]) if words else "none"
    if words and words[-1] in ("қайда", "қайдан", "кімге", "кімнен", "кімді", "кімнің", "неге", "неден"):
        case = {"да": "LOC", "ан": "ABL", "ге": "DAT", "ен": "ABL", "ді": "ACC", "ің": "GEN"}[words[-1][-2:]]
    after = [t.norm for t in question.tokens[max(question.words, default=-1) + 1 :] if _is_word(t.norm)][:1]
    focus_case = _case(after[0]) if after and question.words else "none"
    f = frame(question.tokens, question.words, question.focus)
    marked = case if case not in ("NOM", "none") else _case(f.focus_form) if f.focus_form else case
    stems = [key(t) for i, t in enumerate(question.tokens) if i not in question.words]
    return _Asked(" ".join(words) or ":", case, question.answer_type, question.focus, focus_case,
                  question.verb, frozenset(question.terms), f, marked, stems)


def features(span: Span, q: _Asked, best_coverage: float) -> dict[str, float]:
    """The features of one (question, span) pair: names to values, sparse."""
    p = span.passage
    toks = p.tokens
    inside = [i for i in range(span.first, span.last + 1) if _is_word(toks[i].norm)]
    n = len(inside)
    head = toks[span.last].norm if _is_word(toks[span.last].norm) else toks[inside[-1]].norm if inside else ""
    pos, suffix = _reading(head)
    first_pos = _reading(toks[inside[0]].norm)[0] if inside else "X"
    case = _case(head)
    f: dict[str, float] = {
        f"rank={min(span.rank, 3)}": 1.0, "coverage": p.coverage, "coverage_gap": best_coverage - p.coverage,
        f"len={min(n, MAX_WORDS)}": 1.0, f"type={q.kind}|len={min(n, 4)}": 1.0,
        f"pos={pos}": 1.0, f"first_pos={first_pos}": 1.0, f"case={case}": 1.0,
        f"type={q.kind}|pos={pos}": 1.0, f"type={q.kind}|case={case}": 1.0,
        f"qw={q.word}|pos={pos}": 1.0, f"qw={q.word}|suffix={suffix}": 1.0,
        f"qcase={q.case}|case={case}": 1.0, "case_match": float(q.case == case and q.case != "none"),
    }
    for source in span.sources:
        f[f"src={source}"] = 1.0
        f[f"type={q.kind}|src={source}"] = 1.0
    if span.prior:
        f["prior"] = span.prior
        f["prior_log"] = math.log(span.prior + 1e-3)
    _add_sentence(f, span, inside)
    _add_overlap(f, span, inside, q)
    _add_shape(f, span, inside, q)
    _add_context(f, span, q, term(toks[inside[-1]]) if inside else "")
    _add_alignment(f, span, q, case, head.lower())
    return f


def _add_alignment(f: dict[str, float], span: Span, q: _Asked, case: str, form: str) -> None:
    """The span where the question word stands (al:*, reader_align), by answer type, and with the
    asked case or form on top (alx:*)."""
    s = span.sentence
    if "keys" not in s:
        return
    aligned = span_alignment(s["keys"], span.first, span.last, q.frame)
    aligned.update(case_alignment(q.asked_case, case, form, q.frame))
    f.update(aligned)
    sides = next((k for k in aligned if k.startswith("al:sides=")), None)
    if sides:
        f[f"type={q.kind}|{sides}"] = 1.0
        if aligned.get("al:case_same") or aligned.get("al:same_form"):
            f[f"alx:{sides}|case"] = 1.0


def _add_context(f: dict[str, float], span: Span, q: _Asked, head: str) -> None:
    """The sentence against the whole document (sent:*), the span among the NER names (ner=*), its
    head lemma against the asked noun and answer type (head=*), the word before it (prev=*)."""
    if span.view is None:
        return
    for k, v in span.view.values.items():
        f["sent:" + k] = v
    where, kind = ner_class(span.view, span.first, span.last)
    f[f"ner={where}"] = 1.0
    if where in ("exact", "inside"):
        f[f"ner={where}|{kind}"] = 1.0
        f[f"type={q.kind}|ner={where}|{kind}"] = 1.0
        f[f"qw={q.word}|ner={kind}"] = 1.0
    if head:
        f[f"head={head}|type={q.kind}"] = 1.0
        f[f"head={head}|qw={q.word}"] = 1.0
        if q.focus:
            f[f"head={head}|focus={q.focus}"] = 1.0
    before = term(span.passage.tokens[span.first - 1]) if span.first > 0 else "^"
    f[f"prev={before}|type={q.kind}"] = 1.0  # the word before: «атты», «деген», «жылы»


def _add_sentence(f: dict[str, float], span: Span, inside: list[int]) -> None:
    """The sentence's stem overlap with the question, and the span's distance to the stems."""
    s = span.sentence
    f["stem_share"] = s["share"]
    f["stem_missing"] = min(s["missing"], 5) / 5
    f["stem_bigrams"] = min(s["bigrams"], 3) / 3
    f["sentence_length"] = math.log1p(s["length"])
    hits = s["hits"] - set(inside)
    f["stem_inside"] = float(any(i in s["hits"] for i in inside))
    if hits and inside:
        gaps = [min(abs(i - inside[0]), abs(i - inside[-1])) for i in hits]
        f["stem_dist_min"] = math.log1p(min(gaps))
        f["stem_dist_mean"] = math.log1p(sum(gaps) / len(gaps))
        f["stem_left"] = float(any(inside[0] - 3 <= i < inside[0] for i in hits))
        f["stem_right"] = float(any(inside[-1] < i <= inside[-1] + 3 for i in hits))


def _add_overlap(f: dict[str, float], span: Span, inside: list[int], q: _Asked) -> None:
    """Question words inside the span (an answer rarely repeats the question), its distance to the
    matched words, and the matched words in the windows either side."""
    p = span.passage
    matched, words, position = _word_positions(span)
    hit = sum(1 for i in inside if i in matched)
    f["has_qword"] = float(hit > 0)
    f["qword_share"] = hit / max(len(inside), 1)
    f["all_qwords"] = float(bool(inside) and hit == len(inside))
    if not inside or not matched:
        f["no_match"] = 1.0
        return
    a, b = position[inside[0]], position[inside[-1]]
    gaps = [min(abs(position[i] - a), abs(position[i] - b)) for i in matched if i in position and i not in inside]
    if gaps:
        f["dist_min"] = math.log1p(min(gaps))
        f["dist_mean"] = math.log1p(sum(gaps) / len(gaps))
    total = sum(p.weights.values()) or 1.0
    f["near"] = sum(w / max(1, min(abs(position.get(i, a) - a), abs(position.get(i, b) - b)))
                    for i, w in p.weights.items() if i not in inside) / total
    left = [words[k] for k in range(max(0, a - WINDOW), a)]
    right = [words[k] for k in range(b + 1, min(len(words), b + 1 + WINDOW))]
    f["left_overlap"] = sum(i in matched for i in left) / WINDOW
    f["right_overlap"] = sum(i in matched for i in right) / WINDOW
    f["both_sides"] = float(any(i in matched for i in left) and any(i in matched for i in right))
    f["left_adjacent"] = float(bool(left) and left[-1] in matched)
    f["right_adjacent"] = float(bool(right) and right[0] in matched)
    if right and q.verb and term(p.tokens[right[0]]) == q.verb:
        f["before_qverb"] = 1.0  # the object stands right before the verb the question matched
    if right and _reading(p.tokens[right[0]].norm)[0] == "VERB":
        f["before_verb"] = 1.0
    if right and q.focus and term(p.tokens[right[0]]) == q.focus:
        f["before_focus"] = 1.0  # «соя өсімдігі» for «қандай өсімдік»


def _word_positions(span: Span) -> tuple[set[int], list[int], dict[int, int]]:
    """The sentence's matched token indexes, its word tokens and each word's place among them,
    computed once per sentence (every span of it asks: ~250 spans a sentence on long documents)."""
    s = span.sentence
    if "_words" not in s:
        p = span.passage
        words = [i for i, t in enumerate(p.tokens) if _is_word(t.norm)]
        s["_words"] = (set(p.weights) | set(p.matched), words, {i: k for k, i in enumerate(words)})
    return s["_words"]


@cache
def _edge_stops() -> frozenset[str]:
    return stopwords() | load_words("phrase_breaks.txt")


def _add_shape(f: dict[str, float], span: Span, inside: list[int], q: _Asked) -> None:
    """Capitals, digits, quotes, function words at the edges, and the sentence position."""
    p = span.passage
    if not inside:
        return
    first, last = p.tokens[inside[0]], p.tokens[inside[-1]]
    stop = _edge_stops()
    capital = first.norm[:1].isupper()
    f[f"type={q.kind}|capital={capital and span.first > 0}"] = 1.0
    f[f"qw={q.word}|capital={capital}"] = 1.0
    f["capital_inside"] = float(capital and span.first > 0)
    f["sentence_start"] = float(span.first == 0)
    f["all_capital"] = float(all(p.tokens[i].norm[:1].isupper() for i in inside))
    f[f"type={q.kind}|digit={any(c.isdigit() for c in first.norm)}"] = 1.0
    f["edge_stop"] = float(first.lemma.lower() in stop or last.lemma.lower() in stop
                           or first.norm.lower() in stop or last.norm.lower() in stop)
    f["quoted"] = float(p.tokens[span.first].norm in _QUOTES)
    before = p.tokens[span.first - 1].norm if span.first > 0 else "^"
    after = p.tokens[span.last + 1].norm if span.last + 1 < len(p.tokens) else "$"
    f[f"before={before if not _is_word(before) else 'w'}"] = 1.0  # «X — …» defines X
    f[f"after={after if not _is_word(after) else 'w'}"] = 1.0
    f["ends_sentence"] = float(all(not _is_word(t.norm) for t in p.tokens[span.last + 1 :]))
    if q.focus and any(term(p.tokens[i]) == q.focus for i in inside):
        f["has_focus"] = 1.0


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
    """The best-scoring span of the best sentences (None: no candidate at all)."""
    return decode(scored_spans(passages, question, weights))


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
    scored = [(sum(weights.get(k, 0.0) * v for k, v in f.items()), s) for f, s in zip(feats, spans)]
    return scored, feats, of, extras, q.kind


def sentence_inputs(spans: list[Span], q: _Asked) -> tuple[list[int], list[dict[str, float]]]:
    """Each span's sentence (its index among the read sentences, in order of first span) and each
    sentence's own features for the sentence model (``reader_sentence.sentence_extras``)."""
    index: dict[int, int] = {}
    read: list[Span] = []
    for s in spans:
        if id(s.passage) not in index:
            index[id(s.passage)] = len(read)
            read.append(s)
    extras = sentence_extras(q.stems, [s.sentence.get("keys", []) for s in read], [s.position == 0 for s in read])
    return [index[id(s.passage)] for s in spans], extras


def decode(scored: list[tuple[float, Span]]) -> Reading | None:
    """The span with the highest expected token F1 against the softmax over the ``MBR_SPANS`` most
    likely spans (minimum Bayes risk: KazQAD held out, F1 +2 over the most likely span, EM equal);
    its probability is the most likely span's, as the abstention threshold was calibrated."""
    if not scored:
        return None
    ranked = sorted(scored, key=lambda x: -x[0])  # stable: the first of equal scores stays first
    top = ranked[0][0]
    z = sum(math.exp(score - top) for score, _ in scored)
    likely = [(math.exp(score - top) / z, s) for score, s in ranked[:MBR_SPANS]]
    bags = [_bag(s.text) for _, s in likely]
    gains = [sum(p * _f1(bag, other) for (p, _), other in zip(likely, bags)) for bag in bags]
    pick = max(range(len(likely)), key=lambda i: (gains[i], -i))
    span, score = likely[pick][1], ranked[pick][0]
    return Reading(_with_quotes(span), likely[0][0], score, annotation(span, [s for _, s in scored]))


def _bag(text: str) -> Counter:
    """The lowercased words of a text, as SQuAD's token F1 counts them."""
    return Counter("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _f1(a: Counter, b: Counter) -> float:
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
    if 0 < span.first and span.last + 1 < len(toks) and toks[span.first - 1].norm in _QUOTES \
            and toks[span.last + 1].norm in _QUOTES:
        return Span(span.passage, span.rank, span.position, span.first - 1, span.last + 1, span.sources,
                    span.prior, span.value, span.answer, span.sentence, span.view)
    return span
