"""Reading-comprehension spans: in one given text (KazQAD-style), every short run of words the
question lacks, scored by the passage's coverage, the question words around it and the kind of
word; and «quoted» titles next to the matched words.
"""

from __future__ import annotations

from derek.kb.search import term
from derek.query.cases import is_focus
from derek.query.passages import Passage
from derek.query.phrases import Candidate, verb_follows
from derek.query.question import Question, load_words

# Reading comprehension (one given text, KazQAD-style): the answer is a short span of the
# passage. Half of KazQAD dev's answers are one word, a quarter two (bench/kazqad.py --split).
SPAN_PRIOR = (1.0, 0.93, 0.8, 0.7)  # by length in words; tuned on the tune half of KazQAD dev
NEAR_WEIGHT = 0.3  # share of a span's score that comes from its nearness to the matched words
# the answer is mostly a noun or a name (KazQAD tune half: NOUN 45%, PROPN 37%, ADJ 2%)
POS_FIT = {"VERB": 0.6, "AUX": 0.6, "ADJ": 0.5, "PROPN": 1.2, "NUM": 0.8, "ADP": 0.5, "ADV": 0.5}
NAME_FIT = 1.4  # a capitalized word inside the sentence: 56% of the answers start with a capital
VERB_FIT = 1.2
QUOTE_FIT = 1.7  # a whole «quoted» title outranks the words inside it
SPAN_STOPS = frozenset(",;:()[].!?…")  # punctuation a short answer does not cross


def reading_spans(p: Passage, question: Question) -> list[Candidate]:
    """SQuAD-style sliding window: every run of 1–4 words the question lacks, scored by the
    passage's coverage, the distance-weighted question words around it and a length prior."""
    words = [i for i, t in enumerate(p.tokens) if any(c.isalnum() for c in t.norm)]
    if not p.weights or not words:
        return []
    found = []
    for run in _free_runs(p, words):
        for n in range(1, len(SPAN_PRIOR) + 1):
            for k in range(len(run) - n + 1):
                span = run[k : k + n]
                fit = _span_fit(p, question, span)
                if fit > 0:
                    near = _nearness(p, span)
                    found.append(Candidate(_span_text(p, span), None, p.coverage * fit * SPAN_PRIOR[n - 1]
                                           * (1 - NEAR_WEIGHT + NEAR_WEIGHT * near), p))
    return found + _quoted(p, question)


def _free_runs(p: Passage, words: list[int]) -> list[list[int]]:
    """Runs of words not in the question, cut at punctuation and at matched words."""
    runs, run = [], []
    for i, t in enumerate(p.tokens):
        if i in words and i not in p.weights:
            run.append(i)
        elif i not in words and t.norm not in SPAN_STOPS and run:
            continue  # a hyphen or a quote inside a phrase («тепе-теңдігі»)
        elif run:
            runs.append(run)
            run = []
    return runs + [run] if run else runs


def _nearness(p: Passage, span: list[int]) -> float:
    """The question's matched words, each weighted by 1/(1 + its distance to the span)."""
    total = sum(p.weights.values())
    near = sum(w / max(1, min(abs(i - span[0]), abs(i - span[-1]))) for i, w in p.weights.items())
    return near / total if total else 0.0


def _span_fit(p: Passage, question: Question, span: list[int]) -> float:
    """0 for a span that cannot answer (edge function words, a verb, the wrong kind of word)."""
    from derek.lang.kk.morphology import analyze
    from derek.query.question import stopwords

    first, last = p.tokens[span[0]], p.tokens[span[-1]]
    stop = stopwords() | load_words("phrase_breaks.txt")
    if any(t.lemma.lower() in stop or t.norm.lower() in stop for t in (first, last)):
        return 0.0
    kind = question.answer_type
    if kind in ("person", "persons", "place", "state", "states", "organization", "organizations") \
            and not first.norm[:1].isupper():
        return 0.0
    if kind in ("number", "ordinal", "year", "date") and not any(c.isdigit() for c in first.norm):
        return 0.0
    readings = analyze(last.norm)
    fit = POS_FIT.get(readings[0].pos, 1.0) if readings else 1.0
    if first.norm[:1].isupper() and span[0] > 0:
        fit *= NAME_FIT  # a name inside the sentence: KazQAD's answers are often names
    after = p.tokens[span[-1] + 1 : span[-1] + 2]
    if verb_follows(p, question, span[-1]):
        fit *= VERB_FIT  # the object stands right before its verb (Kazakh is SOV)
    if question.focus and after and is_focus(after[0], question):
        fit *= 1.15  # «соя өсімдігі» for «қандай өсімдік»
    return fit


def _span_text(p: Passage, span: list[int]) -> str:
    return p.text[p.tokens[span[0]].start : p.tokens[span[-1]].end]


def _quoted(p: Passage, question: Question) -> list[Candidate]:
    """A «quoted» title next to the matched words: the whole title answers «қалай аталады»."""
    found, opened = [], None
    for i, t in enumerate(p.tokens):
        if t.norm in ("«", '"') and opened is None:
            opened = i
        elif t.norm in ("»", '"') and opened is not None:
            inner = list(range(opened + 1, i))
            if inner and not any(k in p.weights for k in inner):
                score = p.coverage * QUOTE_FIT * (1 - NEAR_WEIGHT + NEAR_WEIGHT * _nearness(p, [opened, i]))
                found.append(Candidate(p.text[p.tokens[opened].start : t.end], None, score, p))
            opened = None
    return found


def echoes(answer: str, question: Question) -> bool:
    """An answer that is only the asked noun itself («ғасырдың» for «қай ғасырдың басы …?») names
    no kind of it."""
    from derek.query.matching import sentence_tokens

    words = [term(t) for t in sentence_tokens(answer) if any(c.isalnum() for c in t.norm)]
    return question.focus is not None and words == [question.focus]
