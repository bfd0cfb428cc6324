"""The reader's question/sentence word association (derek/query/reader_assoc.py), learned on
KazQAD dev inside scripts/train_reader.py: the tables from the training questions' (question, gold
sentence) pairs, and the training questions' own "as:*" values cross-fitted (each from a table of
the other inner folds, by passage), so that the sentence model weighs them as it will meet them on
questions the table never saw.

    python scripts/train_assoc.py [--only as:t as:verb ...]   # held-out sentence accuracy, per fold
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from derek.query import reader_assoc

TABLE = REPO / "derek" / "query" / "data" / "reader_assoc.tsv"
INNER = 5  # inner folds (by passage) of the cross-fitting
MIN_T = 0.02  # rows of the shipped table below both values are dropped
MIN_G = 0.2
SPANS = False  # also give every span its sentence's values ("sas:*", for the span ranker)


def _gold(d: dict) -> int:
    """The index of the read sentence holding the gold answer's first character (-1: not read)."""
    sentences = list(dict.fromkeys(d["sentences"]))
    return next((i for i, (s, e) in enumerate(sentences) if s <= d["answer_start"] < e), -1)


def table(data: list[dict]) -> reader_assoc.Table:
    """Both association tables from the questions' gold sentences (positives) and their other read
    sentences (negatives); questions whose answer's sentence was not read give no pair."""
    positives, negatives = [], []
    for d in data:
        gold = _gold(d)
        if gold < 0:
            continue
        qs = reader_assoc.question_words(d["lexical"])
        for i, keys in enumerate(d["sentence_keys"]):
            (positives if i == gold else negatives).append((qs, reader_assoc.sentence_words(keys)))
    return reader_assoc.learn(positives, negatives)


def attach(d: dict, tab: reader_assoc.Table, only: tuple[str, ...] = ("as:",)) -> dict:
    """A copy of the question whose sentence extras hold the "as:*" values (those starting with
    one of ``only``) under the table ``tab``."""
    extras = []
    for x, keys in zip(d["extras"], d["sentence_keys"]):
        values = reader_assoc.features(d["lexical"], keys, tab)
        kept = {k: v for k, v in x.items() if not k.startswith("as:")}  # never a shipped table's values
        extras.append({**kept, **{k: v for k, v in values.items() if k.startswith(only)}})
    if not SPANS:
        return {**d, "extras": extras}
    feats = [{**{k: v for k, v in f.items() if not k.startswith("s" + "as:")},
              **{"s" + k: v for k, v in extras[i].items() if k.startswith("as:")}} for f, i in zip(d["feats"], d["of"])]
    return {**d, "extras": extras, "feats": feats}


def crossfit(data: list[dict], only: tuple[str, ...] = ("as:",)) -> list[dict]:
    """Every question with its "as:*" values from a table learned on the other inner folds."""
    contexts = list(dict.fromkeys(d["context"] for d in data))
    fold = {c: k % INNER for k, c in enumerate(contexts)}
    out: list[dict] = [{}] * len(data)
    for k in range(INNER):
        tab = table([d for d in data if fold[d["context"]] != k])
        for i, d in enumerate(data):
            if fold[d["context"]] == k:
                out[i] = attach(d, tab, only)
    return out


def write(tab: reader_assoc.Table, meta: str, path: Path = TABLE) -> int:
    """The shipped table (rows with t >= MIN_T or gold share >= MIN_G); returns the rows written."""
    rows = sorted((q, s, t, g) for q, row in tab.items() for s, (t, g) in row.items() if t >= MIN_T or g >= MIN_G)
    lines = ["# Question/sentence word association (derek/query/reader_assoc.py), trained by",
             "# scripts/train_reader.py on KazQAD dev (CC BY-SA 4.0; derived values only). " + meta,
             "# question stem, sentence stem, Model 1 t(q|s), gold share"]
    lines += [f"{q}\t{s}\t{t:.4f}\t{g:.4f}" for q, s, t, g in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    import train_reader
    import train_sentences

    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None, help="the as:* features kept (several variants: ';')")
    args = parser.parse_args()
    data = pickle.loads(train_reader.CACHE.read_bytes())
    fold = train_reader.folds(data)
    variants = [()] + [tuple(v.split()) for v in " ".join(args.only or ["as:"]).split(";")]
    report = {}
    for only in variants:
        per_fold, hits = [], []
        for k in range(train_reader.FOLDS):
            training = [d for d, f in zip(data, fold) if f != k]
            test = [d for d, f in zip(data, fold) if f == k]
            if only:
                tab = table(training)
                training, test = crossfit(training, only), [attach(d, tab, only) for d in test]
            weights = train_sentences.train(training)
            acc = train_sentences.accuracy(test, [weights] * len(test))
            per_fold.append(acc)
            hits.append(acc * len(test))
        report[" ".join(only) or "base"] = {"sentence_accuracy": round(sum(hits) / len(data), 1), "per_fold": per_fold}
        print(json.dumps(report, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
