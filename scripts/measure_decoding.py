"""How far the span reader's final pick should follow its sentence model (KazQAD dev, 5 folds by
passage, on scripts/train_reader.py's feature cache): the span score plus λ times its sentence's
log-probability ("sm:logp"), optionally only the sentence model's k likeliest sentences, decoded
by expected F1 as ``reader.decode``. λ and k are chosen inside each outer fold on held-out
predictions of its own training folds (nested), never on the test fold.

    python scripts/measure_decoding.py [--assoc[=as:t,as:g]] [--raw RAW.pkl]   # after train_reader.py --no-write [--rebuild]
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
import train_assoc
import train_reader
import train_sentences

from derek.query.reader_sentence import sentence_mass

LAMBDAS = (0.0, 0.1, 0.25, 0.5, 1.0, 2.0)  # added to the learned "sm:logp" weight
MUS = (0.0, 0.25, 0.5, 0.75, 1.0)  # share of each sentence's log-sum-exp of span scores taken off (1: P(span | sentence))
TOPS = (3, 2)  # only the sentence model's k likeliest sentences (round 8: k = 1 loses)
# (λ, k, μ), simplest first (ties keep the earlier one); k = 0: every read sentence
SETTINGS = [(lam, 0, mu) for mu in MUS for lam in LAMBDAS] + [(lam, top, 0.0) for top in TOPS for lam in LAMBDAS]


def raw(d: dict, weights: dict[str, float]) -> dict:
    """What decoding needs of one held-out question: span scores, their sentences' log-probability,
    each candidate's sentence rank under the sentence model, bags of words, (EM, F1) per candidate."""
    from derek.query.reader import token_bag
    from derek.query.reader_sentence import LOGP

    d = train_sentences.with_logp(d, weights)
    s = np.array([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in d["feats"]])
    logp = np.array([f.get(LOGP, 0.0) for f in d["feats"]])
    by_sentence = {i: lp for i, lp in zip(d["of"], logp)}
    order = sorted(by_sentence, key=lambda i: -by_sentence[i])
    rank = np.array([order.index(i) for i in d["of"]], dtype=int)
    return {"s": s, "logp": logp, "rank": rank, "bags": [token_bag(t) for t in d["texts"]],
            "scores": d["scores"], "id": d["id"]}


def decode(r: dict, lam: float, top: int, mu: float = 0.0) -> int:
    """The candidate with the best expected token F1 under the softmax of s − μ·lse(s over its
    sentence) + λ·logp over the ``MBR_SPANS`` likeliest (as train_reader.predict), only sentences
    ranked below ``top`` if set. μ = 1 makes the span score a within-sentence log-probability, so
    the sentence's weight comes from the sentence model alone (a factorised reading)."""
    from derek.query.reader import MBR_SPANS

    if not len(r["s"]):
        return -1
    s = r["s"] + lam * r["logp"]
    if mu:
        s = s - mu * np.array(sentence_mass(list(r["s"]), list(r["rank"])))
    if top:
        s = np.where(r["rank"] < top, s, -np.inf)
    order = np.argsort(-s, kind="stable")[:MBR_SPANS]
    order = order[np.isfinite(s[order])]
    p = np.exp(s[order] - s[order[0]])
    p /= p.sum()
    f1 = [[_pair(r, a, b) for b in order] for a in order]
    gains = [float(np.dot(p, row)) for row in f1]
    return int(order[max(range(len(order)), key=lambda i: (gains[i], -i))])


def _pair(r: dict, a: int, b: int) -> float:
    """Token F1 of candidates a and b, memoised on the row (settings share most pairs)."""
    from derek.query.reader import token_f1

    memo = r.setdefault("memo", {})
    key = (a, b) if a < b else (b, a)
    if key not in memo:
        memo[key] = token_f1(r["bags"][a], r["bags"][b])
    return memo[key]


def fit(rows: list[dict]) -> tuple[float, int, float]:
    """(λ, 0, μ) of the largest likelihood of the best-F1 candidates on held-out ``rows`` under the
    softmax of s + λ·logp − μ·lse (a log-linear model with two features and the span score as
    offset: convex, so L-BFGS finds it; smoother than choosing by EM and F1 on ~480 questions)."""
    from scipy.optimize import minimize

    parts = []
    for r in rows:
        f1 = np.array([x[1] for x in r["scores"]])
        if not len(f1) or f1.max() <= 0:
            continue
        good = (f1 >= f1.max() - 1e-9).astype(float)
        parts.append((r["s"], r["logp"], np.array(sentence_mass(list(r["s"]), list(r["rank"]))), good / good.sum()))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros(2)
        for s, logp, lse, target in parts:
            z = s + w[0] * logp - w[1] * lse
            z = z - z.max()
            p = np.exp(z)
            p /= p.sum()
            total -= float(target @ (z - np.log(np.exp(z).sum())))
            grad += [(p - target) @ logp, -(p - target) @ lse]
        return total, grad

    w = minimize(loss, np.zeros(2), jac=True, method="L-BFGS-B", bounds=[(-1.0, 3.0), (0.0, 1.0)]).x
    return round(float(w[0]), 3), 0, round(float(w[1]), 3)


def score(rows: list[dict], lam: float, top: int, mu: float = 0.0) -> tuple[float, float]:
    """Pooled (EM, F1) in percent of ``rows`` decoded with (λ, k, μ)."""
    picks = [decode(r, lam, top, mu) for r in rows]
    em = sum(r["scores"][k][0] if k >= 0 else 0 for r, k in zip(rows, picks))
    f1 = sum(r["scores"][k][1] if k >= 0 else 0 for r, k in zip(rows, picks))
    n = max(len(rows), 1)
    return 100 * em / n, 100 * f1 / n


def predictions(data: list[dict], fold: list[int], leave: tuple[int, ...]) -> dict[int, dict]:
    """Raw held-out rows of every question in the folds ``leave``, from one reader trained on the
    other folds (with its own association table when train_reader.ASSOC is set)."""
    training = [d for d, f in zip(data, fold) if f not in leave]
    weights = train_reader.train(training)
    tab = train_assoc.table(training) if train_reader.ASSOC else {}
    out = {}
    for i, d in enumerate(data):
        if fold[i] in leave:
            d = train_assoc.attach(d, tab, train_reader.ASSOC) if train_reader.ASSOC else d
            out[i] = raw(d, weights)
    return out


def collect(data: list[dict]) -> dict:
    """Outer held-out rows (one reader per fold) and inner ones: for each pair of folds {j, k}, a
    reader trained without both predicts both, so outer fold k chooses on fold j's rows (and
    vice versa) with no test question in any of it."""
    fold = train_reader.folds(data)
    outer: dict[int, dict] = {}
    for k in range(train_reader.FOLDS):
        outer.update(predictions(data, fold, (k,)))
    inner = {pair: predictions(data, fold, pair) for pair in itertools.combinations(range(train_reader.FOLDS), 2)}
    return {"fold": fold, "outer": outer, "inner": inner}


def nested(got: dict, choose: str = "grid") -> dict:
    """Each outer fold's (λ, k) chosen on its training folds' inner held-out rows (by EM + F1), its
    test figures under that choice and under the base (λ 0, every sentence)."""
    fold, outer, inner = got["fold"], got["outer"], got["inner"]
    picks, per_fold, base_fold, pooled = [], [], [], {}
    for k in range(train_reader.FOLDS):
        rows = [inner[tuple(sorted((j, k)))][i] for j in range(train_reader.FOLDS) if j != k
                for i, f in enumerate(fold) if f == j]
        best = fit(rows) if choose == "fit" else max(
            SETTINGS, key=lambda st: (sum(score(rows, *st)), -SETTINGS.index(st)))
        test = [outer[i] for i, f in enumerate(fold) if f == k]
        picks.append(best)
        per_fold.append(score(test, *best))
        base_fold.append(score(test, 0.0, 0, 0.0))
        for i, r in zip([i for i, f in enumerate(fold) if f == k], test):
            pooled[i] = decode(r, *best)
    n = len(fold)
    em = sum(outer[i]["scores"][k][0] if k >= 0 else 0 for i, k in pooled.items()) * 100 / n
    f1 = sum(outer[i]["scores"][k][1] if k >= 0 else 0 for i, k in pooled.items()) * 100 / n
    fmt = [f"{e:.1f} / {f:.1f}" for e, f in per_fold]
    return {"nested": f"{em:.1f} / {f1:.1f}", "chosen_lambda_top_mu": picks, "per_fold": fmt,
            "base_per_fold": [f"{e:.1f} / {f:.1f}" for e, f in base_fold],
            "f1_up_folds": sum(a[1] > b[1] + 1e-9 for a, b in zip(per_fold, base_fold))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--assoc", nargs="?", const="as:", default=None, help="train_reader.ASSOC prefixes, comma-separated")
    parser.add_argument("--choose", choices=("grid", "fit", "both"), default="both",
                        help="each outer fold's (λ, k, μ): the grid's best EM + F1, or fit's likelihood")
    parser.add_argument("--raw", type=Path, help="keep (or reuse, if it exists) the held-out rows here")
    args = parser.parse_args()
    if args.assoc:
        train_reader.ASSOC = tuple(args.assoc.split(","))
    if args.raw and args.raw.exists():
        got = pickle.loads(args.raw.read_bytes())
    else:
        got = collect(pickle.loads(train_reader.CACHE.read_bytes()))
        if args.raw:
            args.raw.write_bytes(pickle.dumps(got))
    rows = [got["outer"][i] for i in range(len(got["fold"]))]
    fixed = {f"{lam} top{top} mu{mu}": "{:.1f} / {:.1f}".format(*score(rows, lam, top, mu)) for lam, top, mu in SETTINGS}
    chosen = {c: nested(got, c) for c in (("grid", "fit") if args.choose == "both" else (args.choose,))}
    chosen["fit_on_all_held_out (to ship)"] = fit(rows)
    print(json.dumps({"base": fixed["0.0 top0 mu0.0"], **chosen, "fixed_settings_pooled (information only)": fixed},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
