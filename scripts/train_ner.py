"""Train derek's CRF named-entity tagger on KazNERD, or cross-validate it (--folds K, JSON out).

    python scripts/train_ner.py                       # writes derek/extract/data/ner.crfsuite
    python scripts/train_ner.py --folds 5 [--fold 0]  # k-fold CV, prints JSON
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derek.extract.conll import iob2_spans, read_iob2
from derek.extract.ner import (
    LEXICON_NAME,
    MODEL_NAME,
    Lexicon,
    NerTagger,
    sentence_features,
)

DATA = ROOT / ".." / "shared" / "data" / "kaznerd" / "kaznerd-valid.iob2"
OUT_DIR = ROOT / "derek" / "extract" / "data"
SEED = 13
JACKKNIFE = 5  # training parts whose name lists leave them out (name_jackknife)
PARAMS = {
    "c1": 0.02,
    "c2": 0.02,
    "max_iterations": 150,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}

Corpus = list[tuple[list[str], list[str]]]


def load_corpus(path: Path = DATA) -> Corpus:
    """KazNERD sentences as (tokens, tags)."""
    with open(path, encoding="utf-8") as fh:
        return read_iob2(fh)


def train(corpus: Corpus, model_path: Path, params: dict | None = None) -> Lexicon:
    """Fit a CRF on ``corpus`` and save it; the lexicon is built from the same sentences only."""
    import pycrfsuite

    lexicon = Lexicon.build(corpus)
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs")
    trainer.set_params({**PARAMS, **(params or {})})
    parts = name_jackknife(corpus, lexicon)
    for n, (tokens, tags) in enumerate(corpus):
        trainer.append(sentence_features(tokens, parts[n % len(parts)]), tags)
    trainer.train(str(model_path))
    return lexicon


def name_jackknife(corpus: Corpus, lexicon: Lexicon, k: int = JACKKNIFE) -> list[Lexicon]:
    """``lexicon`` with its PERSON name parts rebuilt from all sentences but every k-th (the
    j-th copy leaves out sentences n % k == j): a training sentence's own names must not mark
    it, or the CRF learns that a name the lexicon has never seen is not a person."""
    return [replace(lexicon, names=Lexicon.build(s for n, s in enumerate(corpus) if n % k != j).names,
                    forms={}) for j in range(k)]


def split_folds(n: int, k: int, seed: int = SEED) -> list[list[int]]:
    """Sentence indices shuffled with a fixed seed and dealt into k folds."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[f::k]) for f in range(k)]


def span_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict:
    """Strict IOB2 span precision/recall/F1 (seqeval mode='strict'), micro and per class."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, pred):
        g, p = set(iob2_spans(g_tags)), set(iob2_spans(p_tags))
        n_gold.update(s[2] for s in g)
        n_pred.update(s[2] for s in p)
        tp.update(s[2] for s in g & p)
    classes = sorted(set(n_gold) | set(n_pred))
    per = {c: _prf(tp[c], n_pred[c], n_gold[c]) for c in classes}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"micro": micro, "per_class": per}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f1": round(100 * f, 2), "support": n_gold}


def run_fold(corpus: Corpus, k: int, f: int, params: dict | None = None) -> tuple[list, list, float]:
    """Train on all folds but f, tag fold f: (gold tags, predicted tags, training seconds)."""
    folds = split_folds(len(corpus), k)
    held = set(folds[f])
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / MODEL_NAME
        start = time.perf_counter()
        lexicon = train([s for i, s in enumerate(corpus) if i not in held], model, params)
        seconds = round(time.perf_counter() - start, 1)
        tagger = NerTagger(str(model), lexicon)
        pred = [tagger.tag(corpus[i][0]) for i in folds[f]]
    return [corpus[i][1] for i in folds[f]], pred, seconds


def cross_validate(corpus: Corpus, k: int, only: list[int] | None = None,
                   params: dict | None = None, jobs: int = 1) -> dict:
    """k-fold CV by sentence; span scores pooled over the folds run (``jobs`` in parallel)."""
    run = list(only if only is not None else range(k))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(run_fold, *zip(*[(corpus, k, f, params) for f in run])))
    gold = [tags for g, _, _ in results for tags in g]
    pred = [tags for _, p, _ in results for tags in p]
    return {"folds": k, "folds_run": run, "seed": SEED, "sentences": len(corpus),
            "train_seconds": [t for _, _, t in results], "params": {**PARAMS, **(params or {})},
            **span_scores(gold, pred)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--folds", type=int, default=0, help="k-fold cross-validation; prints JSON")
    ap.add_argument("--fold", type=int, action="append", help="run only this fold (repeatable)")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained in parallel")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--max-iterations", type=int)
    args = ap.parse_args(argv)
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2),
                                ("max_iterations", args.max_iterations)) if v is not None}
    corpus = load_corpus(args.data)
    if args.folds:
        print(json.dumps(cross_validate(corpus, args.folds, args.fold, params, args.jobs), indent=1))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    lexicon = train(corpus, args.out / MODEL_NAME, params)
    (args.out / LEXICON_NAME).write_text(lexicon.to_tsv(), encoding="utf-8")
    size = (args.out / MODEL_NAME).stat().st_size
    print(json.dumps({"model": str(args.out / MODEL_NAME), "bytes": size,
                      "sentences": len(corpus)}))


if __name__ == "__main__":
    main()
