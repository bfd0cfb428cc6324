"""Train the span reader (derek/query/reader.py) on KazQAD dev: 5-fold cross-validation split by
passage (pooled held-out EM/F1, an ablation of feature groups on one fold, the abstention
threshold), then the shipped weights trained on every fold -> derek/query/data/reader_weights.tsv.

    python scripts/train_reader.py [--limit N] [--ablation] [--no-write] [--assoc [as:t ...]]
"""

from __future__ import annotations

import argparse
import json
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
import train_assoc
import train_sentences
from kazqad import DEV, HISTORY, em_f1

WEIGHTS = REPO / "derek" / "query" / "data" / "reader_weights.tsv"
CACHE = Path(tempfile.gettempdir()) / f"derek_reader_examples_{REPO.name}.pkl"
SYNTHETIC_CACHE = CACHE.with_name(f"derek_reader_synthetic_{REPO.name}.pkl")
FOLDS = 5
L2 = 0.5  # Gaussian prior on the weights (summed over the questions' log-likelihood)
SOFT = 0  # 0: the target is the candidates with the best F1; k > 0: every candidate by F1 ** k
SYNTHETIC_WEIGHT = 0.0  # weight of a synthetic question against a real one (derek/query/reader_synth.py)
MIN_COUNT = 2  # a feature seen in fewer training questions is dropped
ASSOC: tuple[str, ...] = ()  # the sentence model's association features kept (train_assoc; "as:": all)


def examples(items: list[dict], docs: dict | None = None) -> list[dict]:
    """Per question: its candidates' feature dicts, texts, token F1 against the gold answers."""
    from derek.pipeline import analyze
    from derek.query import reader_assoc
    from derek.query.passages import document_passages
    from derek.query.question import analyze_question
    from derek.query.reader import SENTENCES, asked, features, sentence_inputs, spans_of

    docs = {} if docs is None else docs
    out = []
    for item in items:
        doc = docs.get(item["context"]) or docs.setdefault(item["context"], analyze(item["context"]))
        question = analyze_question(item["question"])
        passages = document_passages(doc, "context", question)
        spans = spans_of(passages, question)
        best = max((p.coverage for p in passages[:SENTENCES]), default=0.0)
        q = asked(question)
        texts = [s.text for s in spans]
        of, extras = sentence_inputs(spans, q, association=False)  # as:* per fold (train_assoc)
        firsts: dict[int, object] = {}
        for s in spans:
            firsts.setdefault(id(s.passage), s)
        out.append({"id": item["id"], "context": item["context"], "texts": texts, "kind": q.kind,
                    "of": of, "extras": extras, "lexical": reader_assoc.question_side(q),
                    "sentence_keys": [s.sentence.get("keys", []) for s in firsts.values()],
                    "feats": [features(s, q, best) for s in spans],
                    "sentences": [(s.passage.start, s.passage.end) for s in spans],
                    "answer_start": item["answers"]["answer_start"][0],
                    "gold_rank": _gold_rank(passages, item["answers"]["answer_start"][0]),
                    "scores": [em_f1(t, item["answers"]["text"]) for t in texts]})
    return out


def _gold_rank(passages: list, start: int) -> int:
    """The rank, among the document's sentences as the reader orders them, of the sentence that
    holds the gold answer's first character (-1: none): tells retrieval misses from ranking misses."""
    return next((r for r, p in enumerate(passages) if p.start <= start < p.end), -1)


def synthetic_examples(items: list[dict], rebuild: bool = False) -> list[dict]:
    """The synthetic questions' examples (reader_synth over the distinct contexts of
    ``items``), cached beside CACHE."""
    from derek.query import reader_synth

    if SYNTHETIC_CACHE.exists() and not rebuild:
        return pickle.loads(SYNTHETIC_CACHE.read_bytes())
    docs: dict = {}
    made = reader_synth.synthetic(items, docs=docs)
    out = examples(made, docs)
    for d, item in zip(out, made):
        d["synthetic"] = item["kind"]
    SYNTHETIC_CACHE.write_bytes(pickle.dumps(out))
    return out


def folds(data: list[dict]) -> list[int]:
    """Each question's fold: distinct passages in order of first use, dealt round robin."""
    contexts = list(dict.fromkeys(d["context"] for d in data))
    fold = {c: k % FOLDS for k, c in enumerate(contexts)}
    return [fold[d["context"]] for d in data]


def matrix(data: list[dict], index: dict[str, int]):
    """A sparse candidate-by-feature matrix, the group offsets, the target distribution and each
    candidate's question weight (a synthetic question's "weight", else 1)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals, target, offsets, weight = [], [], [], [], [0], []
    r = 0
    for d in data:
        f1s = np.array([s[1] for s in d["scores"]])
        best = f1s.max() if len(f1s) else 0.0
        good = ((f1s >= best - 1e-9) & (best > 0)).astype(float) if SOFT == 0 else f1s ** SOFT * (f1s >= 0.5 * best)
        for feats, g in zip(d["feats"], good):
            for k, v in feats.items():
                if k in index:
                    rows.append(r)
                    cols.append(index[k])
                    vals.append(v)
            target.append(g / max(good.sum(), 1))
            weight.append(d.get("weight", 1.0))
            r += 1
        offsets.append(r)
    x = csr_matrix((vals, (rows, cols)), shape=(r, len(index)))
    return x, np.array(offsets), np.array(target), np.array(weight)


def train(data: list[dict], drop: tuple[str, ...] = (), synthetic: list[dict] = ()) -> dict[str, float]:
    """The sentence model (train_sentences), then the span ranker on its out-of-fold "sm:logp":
    softmax over each question's candidates, L-BFGS on the summed log-likelihood of its best
    candidates (those with the top F1) with an L2 prior; questions with no F1 > 0 are skipped.
    ``synthetic`` questions (reader_synth, each with its "weight") join the span ranker only,
    their "sm:logp" from the sentence model of every real question."""
    if ASSOC:  # the training questions' association values, each from a table that never saw it
        data = train_assoc.crossfit(data, ASSOC)
    sentences = {} if "sm:" in drop else train_sentences.train(data)
    if sentences:
        data = train_sentences.stacked(data) + [train_sentences.with_logp(d, sentences) for d in synthetic]
    else:
        data = data + list(synthetic)
    data = [d for d in data if d["scores"] and max(s[1] for s in d["scores"]) > 0]
    counts: dict[str, int] = {}
    for d in data:
        for k in {k for f in d["feats"] for k in f}:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_COUNT and not any(g in k for g in drop))
    index = {k: i for i, k in enumerate(names)}
    x, offsets, target, weight = matrix(data, index)
    starts = offsets[:-1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - np.repeat(top, np.diff(offsets)))
        z = np.add.reduceat(e, starts)
        p = e / np.repeat(z, np.diff(offsets))
        nll = -np.sum(weight * target * (s - np.repeat(top + np.log(z), np.diff(offsets))))
        grad = x.T @ (weight * (p - target))
        return nll + 0.5 * L2 * w @ w, grad + L2 * w

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return {**{k: float(v) for k, v in zip(names, result.x) if abs(v) > 1e-6}, **sentences}


def predict(d: dict, weights: dict[str, float], follow_with: tuple[float, float] | None = None) -> tuple[int, float]:
    """The candidate ``reader.decode`` returns (the best expected token F1 against the likeliest
    ``MBR_SPANS`` of the scores followed towards the sentence model, ``reader_sentence.follow``, with
    the shipped λ, μ unless ``follow_with`` gives a fold's own) and the likeliest candidate's softmax
    probability under the ranker (-1: no candidate)."""
    from derek.query.reader import MBR_SPANS, token_bag, token_f1
    from derek.query.reader_sentence import FOLLOW, LOGP, MASS, follow

    if not d["feats"]:
        return -1, 0.0
    d = train_sentences.with_logp(d, weights)
    s = np.array([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in d["feats"]])
    lam, mu = follow_with or (FOLLOW, MASS)
    t = np.array(follow(list(s), [f.get(LOGP, 0.0) for f in d["feats"]], d["of"], lam, mu))
    order = np.argsort(-t, kind="stable")[:MBR_SPANS]
    p = np.exp(t - t[order[0]]) / np.exp(t - t[order[0]]).sum()
    bags = [token_bag(d["texts"][i]) for i in order]
    gains = [sum(p[j] * token_f1(bag, other) for j, other in zip(order, bags)) for bag in bags]
    pick = max(range(len(order)), key=lambda i: (gains[i], -i))
    return int(order[pick]), float(1.0 / np.exp(s - s.max()).sum())


def evaluate(data: list[dict], predictions: list[tuple[int, float]]) -> dict:
    def part(sel: list[int]) -> dict:
        n = len(sel) or 1
        em = sum(data[i]["scores"][predictions[i][0]][0] if predictions[i][0] >= 0 else 0 for i in sel)
        f1 = sum(data[i]["scores"][predictions[i][0]][1] if predictions[i][0] >= 0 else 0 for i in sel)
        hit = sum(_in_answer_sentence(data[i], predictions[i][0]) for i in sel)
        return {"questions": len(sel), "em": round(100 * em / n, 1), "f1": round(100 * f1 / n, 1),
                "answer_sentence": round(100 * hit / n, 1)}

    every = list(range(len(data)))
    kinds = sorted({d["kind"] for d in data})
    return {"all": part(every), "history": part([i for i in every if data[i]["id"].startswith(HISTORY)]),
            "by_type": {k: part([i for i in every if data[i]["kind"] == k]) for k in kinds}}


def _in_answer_sentence(d: dict, k: int) -> bool:
    """Whether candidate k stands in the sentence that holds the gold answer's first character."""
    if k < 0:
        return False
    start, end = d["sentences"][k]
    return start <= d["answer_start"] < end


def oracle(data: list[dict]) -> dict:
    n = len(data) or 1
    return {"em": round(100 * sum(max((s[0] for s in d["scores"]), default=0) for d in data) / n, 1),
            "f1": round(100 * sum(max((s[1] for s in d["scores"]), default=0) for d in data) / n, 1),
            "candidates_mean": round(sum(len(d["feats"]) for d in data) / n, 1)}


def cross_validate(data: list[dict], drop: tuple[str, ...] = (), only: int | None = None,
                   synthetic: list[dict] = ()) -> list:
    """Held-out predictions; a fold's synthetic questions come from its training passages only."""
    fold = folds(data)
    of = dict(zip((d["context"] for d in data), fold))
    predictions: list = [None] * len(data)
    for k in range(FOLDS) if only is None else [only]:
        extra = [d for d in synthetic if of.get(d["context"], k) != k]
        training = [d for d, f in zip(data, fold) if f != k]
        weights = train(training, drop, extra)
        tab = train_assoc.table(training) if ASSOC else {}
        for i, d in enumerate(data):
            if fold[i] == k:
                HELD_OUT[i] = d = train_assoc.attach(d, tab, ASSOC) if ASSOC else d
                predictions[i] = predict(d, weights)
                FOLD_WEIGHTS[i] = weights
    return predictions


FOLD_WEIGHTS: dict[int, dict[str, float]] = {}  # each question's held-out weights (cross_validate)
HELD_OUT: dict[int, dict] = {}  # each held-out question as its fold's weights read it (association values)


def confidence(d: dict, k: int, probability: float) -> float:
    """As derek.query.reader.Reading.confidence: the probability times the sentence's coverage."""
    return probability * d["feats"][k].get("coverage", 0.0) if k >= 0 else 0.0


def threshold(data: list[dict], predictions: list, precision: float = 0.6) -> float:
    """The lowest confidence above which the held-out answers have F1 >= 0.5 at least
    ``precision`` of the time (answers below it are withheld)."""
    pairs = sorted(((confidence(data[i], k, p), data[i]["scores"][k][1] >= 0.5)
                    for i, (k, p) in enumerate(predictions) if k >= 0), reverse=True)
    right, best = 0, 1.0
    for n, (c, ok) in enumerate(pairs, start=1):
        right += ok
        if right / n >= precision:
            best = c
    return round(best, 3)


ABLATION = {"sentence rank/coverage": ("rank=", "coverage"), "overlap and distance": (
    "dist_", "near", "_overlap", "_adjacent", "both_sides", "has_qword", "qword_share", "all_qwords", "no_match"),
    "verb/focus cue": ("before_",), "answer type": ("type=",), "question word lexicalized": ("qw=", "qcase="),
    "POS and case": ("pos=", "case"), "hand-weighted prior": ("prior",),
    "shape (capitals, stops, length)": ("capital", "edge_stop", "quoted", "sentence_start", "ends_sentence", "len="),
    "sentence vs document (sent:*)": ("sent:",), "NER classes": ("ner=",), "head lemma": ("head=",),
    "word before the span": ("prev=",), "sentence model (sm:*)": ("sm:",)}


def write(weights: dict[str, float], meta: str) -> None:
    lines = ["# Span reader weights (derek/query/reader.py), trained by scripts/train_reader.py on",
             "# KazQAD dev (CC BY-SA 4.0; derived weights only, no text). " + meta, "feature\tweight"]
    lines += [f"{k}\t{v:.5f}" for k, v in sorted(weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))]
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--ablation", action="store_true", help="drop each feature group on fold 0")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="recompute the cached features")
    parser.add_argument("--assoc", nargs="*", default=None,
                        help="the sentence model's association features (train_assoc; prefixes, alone: every as:*)")
    parser.add_argument("--synthetic", type=float, default=SYNTHETIC_WEIGHT,
                        help="weight of the synthetic questions (derek/query/reader_synth.py); 0: none")
    parser.add_argument("--synthetic-groups", nargs="*", default=[],
                        help="keep only features starting so on the synthetic questions (e.g. head= prev=)")
    args = parser.parse_args()
    global ASSOC
    ASSOC = ASSOC if args.assoc is None else tuple(args.assoc) or ("as:",)
    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = items[: args.limit] if args.limit else items
    if CACHE.exists() and not args.rebuild and not args.limit:
        data = pickle.loads(CACHE.read_bytes())
    else:
        data = examples(items)
        if not args.limit:
            CACHE.write_bytes(pickle.dumps(data))
    synthetic = synthetic_examples(items, args.rebuild or not SYNTHETIC_CACHE.exists()) if args.synthetic else []
    for d in synthetic:
        d["weight"] = args.synthetic
        if args.synthetic_groups:  # only these feature groups on the synthetic questions
            d["feats"] = [{k: v for k, v in f.items() if k.startswith(tuple(args.synthetic_groups))} for f in d["feats"]]
    predictions = cross_validate(data, synthetic=synthetic)
    report = {"synthetic": {"questions": len(synthetic), "weight": args.synthetic}, "questions": len(data),
              "oracle": oracle(data), "held_out_5fold": evaluate(data, predictions)}
    report["held_out_5fold"]["sentence_model_alone"] = train_sentences.accuracy(
        [HELD_OUT[i] for i in range(len(data))], [FOLD_WEIGHTS[i] for i in range(len(data))])
    report["threshold"] = cut = threshold(data, predictions)
    kept = [(k, p) if confidence(d, k, p) >= cut else (-1, p) for d, (k, p) in zip(data, predictions)]
    report["held_out_with_threshold"] = {**evaluate(data, kept), "answered": sum(k >= 0 for k, _ in kept)}
    if args.ablation:
        fold = folds(data)
        sel = [d for d, f in zip(data, fold) if f == 0]

        def fold0(drop: tuple[str, ...]) -> dict:
            pred = cross_validate(data, drop, only=0)
            return evaluate(sel, [x for x, f in zip(pred, fold) if f == 0])["all"]

        report["ablation_fold0"] = {"all features": fold0(())}
        for name, drop in ABLATION.items():
            report["ablation_fold0"]["without " + name] = fold0(drop)
    weights = train(data, synthetic=synthetic)
    report["features"] = len(weights)
    if ASSOC:
        rows = train_assoc.table(data)
        report["association_pairs"] = sum(len(r) for r in rows.values())
    if not args.no_write:
        write(weights, f"{len(data)} questions; held-out threshold {cut}.")
        if ASSOC:
            report["association_rows"] = train_assoc.write(rows, f"{len(data)} questions.")
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
