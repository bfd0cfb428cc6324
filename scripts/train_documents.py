"""Train the open-domain document model (derek/query/open_reader.py) on KazQAD dev: the best
documents of each question, read by the span reader of the fold that did not see its passage
(out-of-fold scores, as a new question's will be), a softmax over them towards the gold passage's
document -> derek/query/data/document_weights.tsv.

    python scripts/train_documents.py [--limit N] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "scripts"))
from kazqad import DEV  # noqa: E402

WEIGHTS = REPO / "derek" / "query" / "data" / "document_weights.tsv"
FOLD_CACHE = Path("/tmp/derek_reader_folds.pkl")
L2 = 1.0  # Gaussian prior on the weights (summed over the questions' log-likelihood)


def document_rows(db, items: list[dict], weights: dict[str, dict], names: dict[str, str]) -> list[dict]:  # noqa: ANN001
    """Per question: its fold, each read document's features, and whether it is the gold passage."""
    from derek.query.open_reader import ranked_documents, read_spans
    from derek.query.question import analyze_question

    doc_names = dict(db.execute("SELECT id, name FROM documents").fetchall())
    rows = []
    for item in items:
        question = analyze_question(item["question"])
        docs = ranked_documents(db, question)
        read_spans(docs, question, weights[item["id"]])
        rows.append({"id": item["id"], "context": item["context"], "feats": [d.features() for d in docs],
                     "gold": [doc_names[d.doc_id] == names[item["context"]] for d in docs]})
    return rows


def train(rows: list[dict]) -> dict[str, float]:
    """L-BFGS on the summed log-likelihood of the gold document among each question's documents
    (questions whose gold document was not read are skipped), with an L2 prior."""
    data = [r for r in rows if any(r["gold"])]
    names = sorted({k for r in data for f in r["feats"] for k in f})
    index = {k: i for i, k in enumerate(names)}
    xs = [np.array([[f.get(k, 0.0) for k in names] for f in r["feats"]]) for r in data]
    golds = [r["gold"].index(True) for r in data]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * L2 * w @ w, L2 * w
        for x, g in zip(xs, golds):
            s = x @ w
            p = np.exp(s - s.max())
            z = p.sum()
            total -= s[g] - s.max() - math.log(z)
            grad = grad + x.T @ (p / z) - x[g]
        return total, grad

    result = minimize(loss, np.zeros(len(index)), jac=True, method="L-BFGS-B")
    return {k: float(v) for k, v in zip(names, result.x) if abs(v) > 1e-6}


def fold_document_weights(rows: list[dict]) -> dict[str, dict[str, float]]:
    """Each question's document weights: trained on the four folds without its passage."""
    from train_reader import FOLDS, folds

    fold = folds(rows)
    weights = [train([r for r, f in zip(rows, fold) if f != k]) for k in range(FOLDS)]
    return {r["id"]: weights[f] for r, f in zip(rows, fold)}


def first_is_gold(rows: list[dict], weights: dict[str, dict[str, float]]) -> float:
    """Recall@1 of the re-ranked documents (held out when ``weights`` are per-fold)."""
    hit = 0
    for r in rows:
        w = weights[r["id"]]
        scores = [sum(w.get(k, 0.0) * v for k, v in f.items()) for f in r["feats"]]
        hit += bool(scores) and r["gold"][int(np.argmax(scores))]
    return round(100 * hit / max(len(rows), 1), 1)


def reader_fold_weights(items: list[dict]) -> dict[str, dict[str, float]]:
    """Each question's span-reader weights from the fold without its passage, trained on
    train_reader's cached features when they cover these questions (the five fold models are kept
    beside that cache, for as long as it is unchanged)."""
    from train_reader import CACHE, FOLDS, examples, folds
    from train_reader import train as train_reader

    ids = [i["id"] for i in items]
    stamp = CACHE.stat().st_mtime if CACHE.exists() else None
    if FOLD_CACHE.exists() and stamp is not None:
        kept = pickle.loads(FOLD_CACHE.read_bytes())
        if kept["stamp"] == stamp and kept["ids"] == ids:
            return kept["weights"]
    data = pickle.loads(CACHE.read_bytes()) if stamp is not None else []
    cached = [d["id"] for d in data] == ids
    data = data if cached else examples(items)
    fold = folds(data)
    weights = [train_reader([d for d, f in zip(data, fold) if f != k]) for k in range(FOLDS)]
    by_id = {d["id"]: weights[f] for d, f in zip(data, fold)}
    if cached:
        FOLD_CACHE.write_bytes(pickle.dumps({"stamp": stamp, "ids": ids, "weights": by_id}))
    return by_id


def write(weights: dict[str, float], meta: str) -> None:
    lines = ["# Open-domain document weights (derek/query/open_reader.py), trained by",
             "# scripts/train_documents.py on KazQAD dev (CC BY-SA 4.0; derived weights only). " + meta,
             "feature\tweight"]
    lines += [f"{k}\t{v:.5f}" for k, v in sorted(weights.items())]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    import derek
    from derek.ingest import ingest_paths

    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = items[: args.limit] if args.limit else items
    reader = reader_fold_weights(items)
    names = {c: f"p{n:04d}.txt" for n, c in enumerate(dict.fromkeys(i["context"] for i in items))}
    with tempfile.TemporaryDirectory() as tmp:
        for c, name in names.items():
            (Path(tmp) / name).write_text(c, encoding="utf-8")
        with derek.open(Path(tmp) / "kazqad.db") as kb:
            ingest_paths(kb, [str(Path(tmp) / n) for n in names.values()])
            rows = document_rows(kb.db, items, reader, names)
    weights = train(rows)
    report = {"questions": len(rows), "gold_read": sum(any(r["gold"]) for r in rows),
              "bm25_first_is_gold": round(100 * sum(bool(r["gold"]) and r["gold"][0] for r in rows) / len(rows), 1),
              "held_out_first_is_gold": first_is_gold(rows, fold_document_weights(rows)), "weights": weights}
    if not args.no_write:
        write(weights, f"{len(rows)} questions.")
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
