"""Train derek/lang/kk/data/lemma_context_weights.tsv: the lexicalized context re-ranker of
derek.lang.kk.context, fitted on UD KTB words cross-fitted (each part's memory, count tables and
candidates come from the other parts). Run from the repository root after build_lexicon.py and
train_lemma_ranker.py: python scripts/train_lemma_context.py  (needs numpy and scipy)."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from build_lexicon import DATA, SHARED, conllu_words
from train_lemma_ranker import L2_GRID, fit_counts, memory_of, write_weights

from derek.lang.kk.context import (
    NUMERIC,
    Choice,
    ContextCounts,
    ContextModel,
    choice,
    context_counts,
    lemmatize_sentence,
)
from derek.lang.kk.morphology import Analyzer
from derek.lang.kk.ranker import shipped_weights


@dataclass(slots=True)
class Example:
    """One word's candidates with their features, which are right, and its part."""

    choice: Choice
    labels: list[bool]
    part: int


def examples_of(an: Analyzer, counts: ContextCounts, sentences: list, part: int) -> list[Example]:
    """Examples of the words the re-ranker would look at whose gold lemma is a candidate."""
    out = []
    for sentence in sentences:
        words = [form for form, _, _ in sentence]
        lemmas = lemmatize_sentence(words, an)
        for i, (form, gold, upos) in enumerate(sentence):
            if upos == "PUNCT" or not form[:1].isalpha() or "-" in form[1:] \
                    or an.listed(form.lower()):
                continue
            ch = choice(counts, words, i, lemmas, an.analyze(form))
            if ch is not None:
                labels = [c == gold.lower() for c in ch.lemmas]
                if any(labels):
                    out.append(Example(ch, labels, part))
    return out


def cross_fitted(sentences: list, parts: int, ranker: dict[str, float]) -> list[Example]:
    """Examples of every part, with memory and count tables from the other parts only."""
    examples = []
    for j in range(parts):
        held = [s for i, s in enumerate(sentences) if i % parts == j]
        rest = [s for i, s in enumerate(sentences) if i % parts != j]
        an = Analyzer(memory=memory_of(rest), weights=ranker)
        examples.extend(examples_of(an, context_counts(rest), held, j))
    return examples


def design(examples: list[Example], vocab: dict[str, int]) -> tuple[np.ndarray, ...]:
    rows = sum(len(ex.labels) for ex in examples)
    x = np.zeros((rows, len(NUMERIC) + len(vocab)))
    pos = np.zeros(rows, dtype=bool)
    starts, r = [], 0
    for ex in examples:
        starts.append(r)
        for values, names, label in zip(ex.choice.numeric, ex.choice.names, ex.labels):
            x[r, : len(NUMERIC)] = values
            for name in names:
                if name in vocab:
                    x[r, len(NUMERIC) + vocab[name]] = 1.0
            pos[r] = label
            r += 1
    return x, pos, np.array(starts)


def fit(examples: list[Example], l2: float) -> dict[str, float]:
    counts = Counter(n for ex in examples for names in ex.choice.names for n in set(names))
    return fit_counts(counts, NUMERIC, design, examples, l2)


def right(examples: list[Example], weights: dict[str, float]) -> int:
    model = ContextModel(ContextCounts(), weights)  # scoring a Choice needs no counts
    return sum(ex.labels[ex.choice.lemmas.index(model.best(ex.choice))] for ex in examples)


def choose_l2(examples: list[Example]) -> float:
    """The L2 strength with the most right answers over leave-one-part-out fits."""
    parts = sorted({ex.part for ex in examples})
    scored = []
    for l2 in L2_GRID:
        total = sum(right([ex for ex in examples if ex.part == j],
                          fit([ex for ex in examples if ex.part != j], l2)) for j in parts)
        scored.append((total, -l2))
    return -max(scored)[1]


def train(sentences: list, parts: int, ranker: dict[str, float],
          l2: float | None = None) -> tuple[dict[str, float], float]:
    """Cross-fitted examples, L2 by inner cross-validation (unless given), fitted on all."""
    examples = cross_fitted(sentences, parts, ranker)
    l2 = choose_l2(examples) if l2 is None else l2
    return fit(examples, l2), l2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ud", type=Path, default=SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu")
    parser.add_argument("--out", type=Path, default=DATA / "lemma_context_weights.tsv")
    args = parser.parse_args()
    weights, l2 = train(conllu_words(args.ud), 5, shipped_weights())
    write_weights(weights, l2, args.out, "Context re-ranker weights fitted by scripts/train_lemma_context.py")
    print(f"{args.out.name}: {len(weights)} weights, L2 = {l2}")


if __name__ == "__main__":
    main()
