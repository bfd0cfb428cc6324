"""The span reader's features: one sparse dict of names to values per (question, span) — the
span's shape, case and part of speech, its overlap with and distance to the question's words, its
sentence against the document, the NER names around it, and where the question word aligns.
The weights for these names are learned by scripts/train_reader.py (derek/query/reader.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from derek.kb.search import term
from derek.query.question import Question, load_words, stopwords
from derek.query.reader_align import Frame, case_alignment, frame, key, span_alignment
from derek.query.reader_context import ner_class

if TYPE_CHECKING:
    from derek.query.reader import Span

MAX_WORDS = 6  # longest n-gram candidate, in words
WINDOW = 3  # words each side whose overlap with the question is counted
CASES = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
QUOTES = ("«", "»", '"')

@cache
def word_reading(norm: str) -> tuple[str, str]:
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
    suffix = word_reading(norm)[1]
    return suffix if suffix in CASES else "NOM"


@lru_cache(maxsize=1 << 16)
def is_word(norm: str) -> bool:
    return any(c.isalnum() for c in norm)


@dataclass(slots=True)
class Asked:
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


def asked(question: Question) -> Asked:
    words = [question.tokens[i].norm.lower() for i in sorted(question.words)]
    case = _case(words[-1]) if words else "none"
    if words and words[-1] in ("қайда", "қайдан", "кімге", "кімнен", "кімді", "кімнің", "неге", "неден"):
        case = {"да": "LOC", "ан": "ABL", "ге": "DAT", "ен": "ABL", "ді": "ACC", "ің": "GEN"}[words[-1][-2:]]
    after = [t.norm for t in question.tokens[max(question.words, default=-1) + 1 :] if is_word(t.norm)][:1]
    focus_case = _case(after[0]) if after and question.words else "none"
    f = frame(question.tokens, question.words, question.focus)
    marked = case if case not in ("NOM", "none") else _case(f.focus_form) if f.focus_form else case
    stems = [key(t) for i, t in enumerate(question.tokens) if i not in question.words]
    return Asked(" ".join(words) or ":", case, question.answer_type, question.focus, focus_case,
                  question.verb, frozenset(question.terms), f, marked, stems)


def features(span: Span, q: Asked, best_coverage: float) -> dict[str, float]:
    """The features of one (question, span) pair: names to values, sparse."""
    p = span.passage
    toks = p.tokens
    inside = [i for i in range(span.first, span.last + 1) if is_word(toks[i].norm)]
    n = len(inside)
    head = toks[span.last].norm if is_word(toks[span.last].norm) else toks[inside[-1]].norm if inside else ""
    pos, suffix = word_reading(head)
    first_pos = word_reading(toks[inside[0]].norm)[0] if inside else "X"
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


def _add_alignment(f: dict[str, float], span: Span, q: Asked, case: str, form: str) -> None:
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


def _add_context(f: dict[str, float], span: Span, q: Asked, head: str) -> None:
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


def _add_overlap(f: dict[str, float], span: Span, inside: list[int], q: Asked) -> None:
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
    if right and word_reading(p.tokens[right[0]].norm)[0] == "VERB":
        f["before_verb"] = 1.0
    if right and q.focus and term(p.tokens[right[0]]) == q.focus:
        f["before_focus"] = 1.0  # «соя өсімдігі» for «қандай өсімдік»


def _word_positions(span: Span) -> tuple[set[int], list[int], dict[int, int]]:
    """The sentence's matched token indexes, its word tokens and each word's place among them,
    computed once per sentence (every span of it asks: ~250 spans a sentence on long documents)."""
    s = span.sentence
    if "_words" not in s:
        p = span.passage
        words = [i for i, t in enumerate(p.tokens) if is_word(t.norm)]
        s["_words"] = (set(p.weights) | set(p.matched), words, {i: k for k, i in enumerate(words)})
    return s["_words"]


@cache
def _edge_stops() -> frozenset[str]:
    return stopwords() | load_words("phrase_breaks.txt")


def _add_shape(f: dict[str, float], span: Span, inside: list[int], q: Asked) -> None:
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
    f["quoted"] = float(p.tokens[span.first].norm in QUOTES)
    before = p.tokens[span.first - 1].norm if span.first > 0 else "^"
    after = p.tokens[span.last + 1].norm if span.last + 1 < len(p.tokens) else "$"
    f[f"before={before if not is_word(before) else 'w'}"] = 1.0  # «X — …» defines X
    f[f"after={after if not is_word(after) else 'w'}"] = 1.0
    f["ends_sentence"] = float(all(not is_word(t.norm) for t in p.tokens[span.last + 1 :]))
    if q.focus and any(term(p.tokens[i]) == q.focus for i in inside):
        f["has_focus"] = 1.0
