"""A learned lexical association between question words and answer-sentence words, for the
reader's sentence model: KazQAD's questions paraphrase their sentence («қашан құрылды» ↔ «… жылы
негізі қаланды»), so the sentence holding the answer often shares fewer of the question's words
than another. Two tables over (question stem, sentence stem) pairs, both learned from (question,
gold sentence) pairs only, never by hand:

- IBM Model 1 translation probabilities t(q | s) (Berger et al. 2000: the question "translated"
  from its answer sentence), EM over the gold pairs with a NULL word;
- the gold share g / (g + n + ALPHA) of a pair: of the read sentences where the question holds q
  and the sentence holds s, how many held the answer (n: the other read sentences).

The question side adds its question word as a pseudo-word («?қай жылы»), so answer-type words
(«жылы», «қаласы») are learned the same way, and a sentence's numbers are one word «#».
The sentence features (``features``) are the ``as:*`` values of ``sentence_features``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from derek.query.reader_sentence import content_stems

if TYPE_CHECKING:
    from derek.query.reader_features import Asked

NULL = ""  # the empty sentence word of Model 1 (a question word it explains is unexplained)
NUMBER = "#"  # every sentence stem with a digit
ALPHA = 2.0  # pseudo-count of the gold share: a pair seen once in a gold sentence scores 1/3
ITERATIONS = 8  # EM iterations of Model 1
STEM = 5  # as reader_align.STEM


def question_side(q: Asked) -> dict[str, Any]:
    """What the association reads of a question: its content stems, its predicate's stem (the main
    verb, else the word after the question word) and its question words."""
    verb = (q.verb or "")[:STEM] or (q.frame.right[0] if q.frame.right else "")
    return {"keys": list(dict.fromkeys(content_stems(q.stems))), "verb": verb, "word": q.word}


def question_words(side: dict[str, Any]) -> list[str]:
    """The question side's words for the tables: its content stems and the question-word pseudo-word."""
    return side["keys"] + (["?" + side["word"]] if side.get("word") else [])


def sentence_words(keys: list[str]) -> list[str]:
    """A sentence's distinct content stems, numbers folded into one word."""
    return list(dict.fromkeys(NUMBER if any(c.isdigit() for c in k) else k for k in content_stems(keys)))


Table = dict[str, dict[str, tuple[float, float]]]  # question word -> sentence word -> (t, gold share)


def learn(positives: list[tuple[list[str], list[str]]], negatives: list[tuple[list[str], list[str]]]) -> Table:
    """The two tables from (question words, sentence words) pairs: ``positives`` the gold sentences,
    ``negatives`` the other read sentences (for the gold share only)."""
    t: dict[tuple[str, str], float] = {(q, s): 1.0 for qs, ss in positives for q in qs for s in [NULL, *ss]}
    for _ in range(ITERATIONS):
        counts: Counter = Counter()
        for qs, ss in positives:
            for q in qs:
                z = sum(t[q, s] for s in [NULL, *ss])
                for s in [NULL, *ss]:
                    counts[q, s] += t[q, s] / z
        totals: Counter = Counter()
        for (q, s), c in counts.items():
            totals[s] += c
        t = {(q, s): c / totals[s] for (q, s), c in counts.items()}
    gold: Counter = Counter((q, s) for qs, ss in positives for q in set(qs) for s in set(ss))
    other: Counter = Counter((q, s) for qs, ss in negatives for q in set(qs) for s in set(ss) if (q, s) in gold)
    table: Table = defaultdict(dict)
    for (q, s), g in gold.items():
        table[q][s] = (t.get((q, s), 0.0), g / (g + other[q, s] + ALPHA))
    return dict(table)


def features(side: dict[str, Any], keys: list[str], table: Table) -> dict[str, float]:
    """The sentence's association with the question: over the question's content stems the mean of
    the best t(q|s) ("as:t", an exact stem counts 1) and of the best gold share ("as:g"), the same
    over the stems the sentence lacks ("as:t_para", "as:g_para"), for the predicate ("as:verb_t",
    "as:verb_g") and for the question word ("as:qw_t", "as:qw_g")."""
    words = sentence_words(keys)
    present = set(words)

    def best(q: str) -> tuple[float, float]:
        row = table.get(q, {})
        got = [row[s] for s in words if s in row]
        return (max(v[0] for v in got), max(v[1] for v in got)) if got else (0.0, 0.0)

    out: dict[str, float] = {}
    asked = side["keys"]
    if asked:
        pairs = {q: (1.0, 1.0) if q in present else best(q) for q in asked}
        out["as:t"] = sum(v[0] for v in pairs.values()) / len(asked)
        out["as:g"] = sum(v[1] for v in pairs.values()) / len(asked)
        lacking = [pairs[q] for q in asked if q not in present]
        if lacking:
            out["as:t_para"] = sum(v[0] for v in lacking) / len(lacking)
            out["as:g_para"] = sum(v[1] for v in lacking) / len(lacking)
    if side.get("verb") and side["verb"] not in present:
        out["as:verb_t"], out["as:verb_g"] = best(side["verb"])
    if side.get("word"):
        out["as:qw_t"], out["as:qw_g"] = best("?" + side["word"])
    return out


@cache
def shipped() -> Table:
    """The table trained on all of KazQAD dev (``scripts/train_reader.py --assoc as:`` ->
    data/reader_assoc.tsv); empty while none ships (round 12 measured it and shipped nothing)."""
    path = resources.files("derek.query").joinpath("data/reader_assoc.tsv")
    return parse(path.read_text(encoding="utf-8")) if path.is_file() else {}


def parse(text: str) -> Table:
    """A table from its TSV rows (question stem, sentence stem, t, gold share; "#" comments)."""
    table: Table = defaultdict(dict)
    for line in text.splitlines():
        if line and not line.startswith("# "):
            q, s, t, g = line.split("\t")
            table[q][s] = (float(t), float(g))
    return dict(table)
