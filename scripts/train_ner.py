"""Train derek's CRF named-entity tagger on KazNERD, or cross-validate it (--folds K, JSON out).

    python scripts/train_ner.py                       # writes derek/extract/data/ner.crfsuite
    python scripts/train_ner.py --folds 5 [--fold 0] [--group-duplicates]  # k-fold CV, JSON
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
DUP_WINDOW = 3  # near-duplicates are looked for among the next DUP_WINDOW sentences
DUP_OVERLAP = 0.6  # shared lower-cased token types / the larger sentence's types
JACKKNIFE = 5  # training parts whose label-derived tables leave them out (lexicon_jackknife)
# the Lexicon tables training reads jackknifed (all four count the training sentences, names and
# heads their labels), and whether the parts keep near-duplicate sentences together (a twin in
# another part would still mark its sentence); session 16, docs/ner.md
JACKKNIFE_TABLES: tuple[str, ...] = ("names",)
JACKKNIFE_GROUPED = False
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
    lexicons, part_of = lexicon_jackknife(corpus, lexicon)
    for n, (tokens, tags) in enumerate(corpus):
        trainer.append(sentence_features(tokens, lexicons[part_of[n]]), tags)
    trainer.train(str(model_path))
    return lexicon


def jackknife_parts(corpus: Corpus, k: int = JACKKNIFE, grouped: bool | None = None) -> list[int]:
    """The jackknife part (0..k-1) of every sentence: sentence n in part n % k, or with
    ``grouped`` (default JACKKNIFE_GROUPED) whole near-duplicate groups dealt round robin in
    corpus order, so that a sentence and its paraphrase leave the tables out together."""
    if not (JACKKNIFE_GROUPED if grouped is None else grouped):
        return [n % k for n in range(len(corpus))]
    part = [0] * len(corpus)
    for n, group in enumerate(sorted(near_duplicate_groups(corpus), key=min)):
        for i in group:
            part[i] = n % k
    return part


def lexicon_jackknife(corpus: Corpus, lexicon: Lexicon, k: int = JACKKNIFE,
                      tables: Sequence[str] | None = None,
                      grouped: bool | None = None) -> tuple[list[Lexicon], list[int]]:
    """k copies of ``lexicon`` whose ``tables`` (default JACKKNIFE_TABLES: PERSON name parts,
    entity heads, frequency and capitalisation buckets) are rebuilt from all training sentences
    but one part's, and the part of every sentence (jackknife_parts). A training sentence must
    not mark itself: fed its own names, heads and counts, the CRF learns to trust ``pn=``,
    ``head*=`` and ``freq=`` more than a new sentence's deserve (a name or organisation the
    lexicon has never seen has no entry, a training sentence's rare name always had one)."""
    part_of = jackknife_parts(corpus, k, grouped)
    tables = JACKKNIFE_TABLES if tables is None else tables
    copies = []
    for j in range(k):
        rest = Lexicon.build(s for n, s in enumerate(corpus) if part_of[n] != j)
        copies.append(replace(lexicon, **{t: getattr(rest, t) for t in tables}, forms={}))
    return copies, part_of


def split_folds(n: int, k: int, seed: int = SEED) -> list[list[int]]:
    """Sentence indices shuffled with a fixed seed and dealt into k folds."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[f::k]) for f in range(k)]


def near_duplicate_groups(corpus: Corpus, window: int = DUP_WINDOW,
                          overlap: float = DUP_OVERLAP) -> list[list[int]]:
    """Sentence indices joined (union-find, so chains form one group) when a sentence and one
    of the next ``window`` share >= ``overlap`` of the larger one's lower-cased token types."""
    types = [{t.lower() for t in tokens} for tokens, _ in corpus]
    parent = list(range(len(corpus)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(types):
        for j in range(i + 1, min(len(types), i + window + 1)):
            b = types[j]
            if a and b and len(a & b) >= overlap * max(len(a), len(b)):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(corpus)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def split_grouped_folds(corpus: Corpus, k: int, seed: int = SEED) -> list[list[int]]:
    """Whole near-duplicate groups dealt into k folds: groups shuffled with a fixed seed, then
    taken largest (in tokens) first, each to the fold with the fewest tokens so far."""
    groups = near_duplicate_groups(corpus)
    random.Random(seed).shuffle(groups)
    size = [sum(len(corpus[i][0]) for i in g) for g in groups]
    folds: list[list[int]] = [[] for _ in range(k)]
    tokens = [0] * k
    for n in sorted(range(len(groups)), key=lambda n: -size[n]):
        f = min(range(k), key=lambda f: (tokens[f], f))
        folds[f].extend(groups[n])
        tokens[f] += size[n]
    return [sorted(fold) for fold in folds]


def grouping_report(corpus: Corpus, k: int) -> dict:
    """How many sentences the near-duplicate grouping joins, and the tokens per fold."""
    multi = [len(g) for g in near_duplicate_groups(corpus) if len(g) > 1]
    folds = split_grouped_folds(corpus, k)
    return {"window": DUP_WINDOW, "overlap": DUP_OVERLAP, "groups": len(multi),
            "sentences_grouped": sum(multi), "largest_group": max(multi, default=0),
            "fold_sentences": [len(f) for f in folds],
            "fold_tokens": [sum(len(corpus[i][0]) for i in f) for f in folds]}


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


def run_fold(corpus: Corpus, k: int, f: int, params: dict | None = None,
             grouped: bool = False) -> tuple[list, list, float]:
    """Train on all folds but f, tag fold f: (gold tags, predicted tags, training seconds);
    ``grouped`` keeps near-duplicate sentences in one fold (split_grouped_folds)."""
    folds = split_grouped_folds(corpus, k) if grouped else split_folds(len(corpus), k)
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
                   params: dict | None = None, jobs: int = 1, grouped: bool = False) -> dict:
    """k-fold CV by sentence (``grouped``: by near-duplicate group); span scores pooled over
    the folds run (``jobs`` in parallel)."""
    run = list(only if only is not None else range(k))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(run_fold, *zip(*[(corpus, k, f, params, grouped) for f in run])))
    gold = [tags for g, _, _ in results for tags in g]
    pred = [tags for _, p, _ in results for tags in p]
    return {"folds": k, "folds_run": run, "seed": SEED, "sentences": len(corpus),
            "train_seconds": [t for _, _, t in results], "params": {**PARAMS, **(params or {})},
            "group_duplicates": grouped,
            **({"grouping": grouping_report(corpus, k)} if grouped else {}),
            **span_scores(gold, pred)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--folds", type=int, default=0, help="k-fold cross-validation; prints JSON")
    ap.add_argument("--fold", type=int, action="append", help="run only this fold (repeatable)")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained in parallel")
    ap.add_argument("--group-duplicates", action="store_true",
                    help="keep near-duplicate sentences in one fold (split_grouped_folds)")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    ap.add_argument("--max-iterations", type=int)
    ap.add_argument("--jackknife-tables", nargs="+", choices=("names", "heads", "freq", "cap"),
                    help="lexicon tables training reads jackknifed (default: names; session 16 measured all four)")
    ap.add_argument("--jackknife-grouped", action="store_true",
                    help="jackknife parts keep near-duplicate sentences together (session 16)")
    args = ap.parse_args(argv)
    global JACKKNIFE_TABLES, JACKKNIFE_GROUPED  # read by train(), in this process and forked fold workers
    JACKKNIFE_TABLES = tuple(args.jackknife_tables or JACKKNIFE_TABLES)
    JACKKNIFE_GROUPED = args.jackknife_grouped or JACKKNIFE_GROUPED
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2),
                                ("max_iterations", args.max_iterations)) if v is not None}
    corpus = load_corpus(args.data)
    if args.folds:
        print(json.dumps(cross_validate(corpus, args.folds, args.fold, params, args.jobs,
                                        args.group_duplicates), indent=1))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    lexicon = train(corpus, args.out / MODEL_NAME, params)
    (args.out / LEXICON_NAME).write_text(lexicon.to_tsv(), encoding="utf-8")
    size = (args.out / MODEL_NAME).stat().st_size
    print(json.dumps({"model": str(args.out / MODEL_NAME), "bytes": size,
                      "sentences": len(corpus)}))


if __name__ == "__main__":
    main()
