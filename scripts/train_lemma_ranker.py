"""Train derek/lang/kk/data/lemma_ranker.tsv: a log-linear ranker over the suffix grammar's lemma
candidates, fitted on UD KTB words the lemma memory does not cover. Run from the repository root:
python scripts/train_lemma_ranker.py  (needs numpy and scipy; the package itself needs neither)."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from build_lexicon import DATA, SHARED, conllu_words
from scipy.optimize import minimize

from derek.lang.kk import lexicon as lex
from derek.lang.kk.morphology import Analyzer
from derek.lang.kk.ranker import NUMERIC, chain_names, lemma_names, numeric_features

L2_GRID = (1.0, 3.0, 10.0)
MIN_COUNT = 2  # indicator features seen on fewer candidates are dropped


@dataclass(slots=True)
class Example:
    """One word: its candidates' numeric features, indicator names, which are right, its part."""

    numeric: list[tuple[float, ...]]
    names: list[list[str]]
    labels: list[bool]
    part: int


def memory_of(sentences: list) -> dict[str, lex.Memorized]:
    """The form → lemma memory learned from some UD sentences (PUNCT left out)."""
    return lex.memory_from_rows((f, lem, u, 1) for s in sentences for f, lem, u in s
                                if u != "PUNCT")


def word_example(an: Analyzer, form: str, gold: str, part: int) -> Example | None:
    """The candidates of a word the memory cannot answer, or None (memory, special shape, or
    no candidate carries the gold lemma)."""
    low = form.lower()
    if low in an.memory or low in an.exceptions:
        return None
    if ("-" in form[1:] or form[0].isdigit()) and an._attached(form):
        return None
    cands = an.candidates(low)
    labels = [c.stem == gold.lower() for c in cands]
    if not any(labels) or all(labels):
        return None
    return Example([numeric_features(an, c, form, low) for c in cands],
                   [chain_names(c.kind, c.tags) + lemma_names(c) for c in cands], labels, part)


def cross_fitted_examples(sentences: list, parts: int) -> list[Example]:
    """Examples of every part, each scored with the memory learned from the other parts only."""
    examples = []
    for j in range(parts):
        held = [s for i, s in enumerate(sentences) if i % parts == j]
        rest = [s for i, s in enumerate(sentences) if i % parts != j]
        an = Analyzer(memory=memory_of(rest), weights={})
        for sentence in held:
            for form, gold, upos in sentence:
                if upos != "PUNCT":
                    ex = word_example(an, form, gold, j)
                    if ex is not None:
                        examples.append(ex)
    return examples


def design(examples: list[Example], vocab: dict[str, int]) -> tuple[np.ndarray, ...]:
    """Stacked feature matrix, positive mask and group offsets of the examples."""
    rows = sum(len(ex.labels) for ex in examples)
    x = np.zeros((rows, len(NUMERIC) + len(vocab)), dtype=np.float64)
    pos = np.zeros(rows, dtype=bool)
    starts, r = [], 0
    for ex in examples:
        starts.append(r)
        for values, names, label in zip(ex.numeric, ex.names, ex.labels):
            x[r, : len(NUMERIC)] = values
            for name in names:
                col = vocab.get(name)
                if col is not None:
                    x[r, len(NUMERIC) + col] = 1.0
            pos[r] = label
            r += 1
    return x, pos, np.array(starts)


def _loss(w: np.ndarray, x: np.ndarray, pos: np.ndarray, starts: np.ndarray, l2: float):
    s = x @ w
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(s))))
    top = np.maximum.reduceat(s, starts)[group]
    e = np.exp(s - top)
    z_all = np.add.reduceat(e, starts)
    z_pos = np.add.reduceat(np.where(pos, e, 0.0), starts)
    loss = -np.sum(np.log(z_pos) - np.log(z_all)) + 0.5 * l2 * w @ w
    p_all = e / z_all[group]
    p_pos = np.where(pos, e, 0.0) / z_pos[group]
    return loss, x.T @ (p_all - p_pos) + l2 * w


def fit(examples: list[Example], l2: float) -> dict[str, float]:
    """Weights maximizing the L2-penalized likelihood of the right candidates."""
    counts = Counter(name for ex in examples for names in ex.names for name in set(names))
    return fit_counts(counts, NUMERIC, design, examples, l2)


def fit_counts(counts: Counter, numeric: tuple, design_of, examples: list, l2: float) -> dict[str, float]:
    """The log-linear fit shared with train_lemma_context.py: indicator names seen at least
    MIN_COUNT times plus the numeric features, L-BFGS on the penalized likelihood."""
    vocab = {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    x, pos, starts = design_of(examples, vocab)
    result = minimize(_loss, np.zeros(x.shape[1]), args=(x, pos, starts, l2), jac=True,
                      method="L-BFGS-B", options={"maxiter": 300})
    names = list(numeric) + sorted(vocab, key=vocab.get)
    return {name: float(w) for name, w in zip(names, result.x) if abs(w) > 1e-4}


def top1(examples: list[Example], weights: dict[str, float]) -> float:
    """Share of examples whose best-scoring candidate is right."""
    num = np.array([weights.get(n, 0.0) for n in NUMERIC])
    right = 0
    for ex in examples:
        scores = [float(np.dot(num, v)) + sum(weights.get(n, 0.0) for n in names)
                  for v, names in zip(ex.numeric, ex.names)]
        right += ex.labels[int(np.argmax(scores))]
    return right / max(len(examples), 1)


def choose_l2(examples: list[Example]) -> float:
    """The L2 strength with the best leave-one-part-out top-1 accuracy over the examples."""
    parts = sorted({ex.part for ex in examples})
    best, best_acc = L2_GRID[0], -1.0
    for l2 in L2_GRID:
        right = 0.0
        for j in parts:
            test = [ex for ex in examples if ex.part == j]
            weights = fit([ex for ex in examples if ex.part != j], l2)
            right += top1(test, weights) * len(test)
        if right > best_acc:
            best, best_acc = l2, right
    return best


def train(sentences: list, parts: int, l2: float | None = None) -> tuple[dict[str, float], float]:
    """Cross-fitted examples, L2 chosen by inner cross-validation (unless given), fitted on all."""
    examples = cross_fitted_examples(sentences, parts)
    l2 = choose_l2(examples) if l2 is None else l2
    return fit(examples, l2), l2


def write_weights(weights: dict[str, float], l2: float, path: Path,
                  what: str = "Lemma ranker weights fitted by scripts/train_lemma_ranker.py") -> None:
    head = (f"# {what} on UD Kazakh KTB\n"
            f"# kk_ktb-dev.conllu (CC BY-SA 4.0); L2 = {l2} chosen by cross-validation.\n"
            "feature\tweight\n")
    body = "".join(f"{name}\t{w:.4f}\n" for name, w in sorted(weights.items()))
    path.write_text(head + body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ud", type=Path, default=SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu")
    parser.add_argument("--out", type=Path, default=DATA / "lemma_ranker.tsv")
    args = parser.parse_args()
    weights, l2 = train(conllu_words(args.ud), parts=5)
    write_weights(weights, l2, args.out)
    print(f"{args.out.name}: {len(weights)} weights, L2 = {l2}")


if __name__ == "__main__":
    main()
