"""Measure a gradient-boosted re-ranker (LightGBM, the `train` extra) over the linear span reader's
likeliest candidates (derek/query/reader_rerank.py), nested held out on scripts/train_reader.py's
feature cache (run that first); ``--write FILE`` trains it on every question and dumps its trees
as JSON, which reader_rerank.forest evaluates with numpy (no LightGBM). Not shipped: derek does not
read such a file at run time (docs/ask.md, KazQAD rounds 10 and 14: no EM gain on today's reader).

    python scripts/train_reranker.py [--top 30] [--rounds 300] [--decode mbr:0.5] [--seeds 4]
        [--follow nested|shipped|none] [--select] [--set objective=rank_xendcg num_leaves=7 ...]
        [--weights-only] [--refit] [--write FILE]

Protocol (no leakage): KazQAD dev in 5 folds by passage (train_reader.folds). The linear reader of
outer fold k is trained on the other four folds (as train_reader.cross_validate). The re-ranker of
fold k is trained on the other four folds' questions with linear scores out of fold: a question of
fold j gets its scores from the linear reader trained on the folds other than j and k (the inner
split is the outer one minus k); it is then scored on fold k with the fold-k linear reader. Pooled.
With ``--seeds N`` the re-ranker is N models (seeds 1..N) whose scores are averaged. ``--write``: the
training rows of every question are its linear scores from the reader trained without its fold.

``--follow`` (round 14) gives the re-ranker round 13's view: candidates ranked by the scores followed
towards the sentence model (reader_sentence.follow), their gap, rank, probability and expected F1
under the followed softmax, the raw ones as ``rw:*``; the linear pick is round 13's decoding. With
"nested" (the default) outer fold k's λ, μ are fitted as scripts/measure_decoding.py fits them, on
the inner held-out rows of its four training folds only (readers trained without {j, k}), and used
for its training rows and its test rows alike, so the linear pick is round 13's nested figure;
"shipped" uses reader_sentence.FOLLOW, MASS (fitted on all 601 held-out rows: a little optimistic);
"none" is round 10's re-ranker over the raw scores.
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
import measure_decoding
import train_reader
import train_sentences
from train_reader import CACHE

NESTED = CACHE.with_name(f"derek_reader_nested_{REPO.name}.pkl")
TAG = ""  # "_shuffle<seed>" when the folds are re-dealt (``--shuffle``): its own caches


def shuffled_folds(seed: int):
    """train_reader.folds with the passages shuffled (``seed``) before they are dealt round robin:
    another partition by passage, to replicate a setting chosen on the default one."""
    import random

    def folds(data: list[dict]) -> list[int]:
        contexts = list(dict.fromkeys(d["context"] for d in data))
        random.Random(seed).shuffle(contexts)
        fold = {c: k % train_reader.FOLDS for k, c in enumerate(contexts)}
        return [fold[d["context"]] for d in data]

    return folds


def nested_weights(data: list[dict], refit: bool = False) -> dict[frozenset, dict[str, float]]:
    """The linear reader's weights trained without the folds of each key: every single fold (the
    outer split) and every pair (the inner one); cached beside the feature cache."""
    path = NESTED.with_name(NESTED.stem + TAG + ".pkl")
    if path.exists() and not refit:
        return pickle.loads(path.read_bytes())
    fold = train_reader.folds(data)
    keys = [frozenset([k]) for k in range(train_reader.FOLDS)]
    keys += [frozenset(p) for p in itertools.combinations(range(train_reader.FOLDS), 2)]
    out = {}
    for key in keys:
        out[key] = train_reader.train([d for d, f in zip(data, fold) if f not in key])
        print("trained without", sorted(key), file=sys.stderr, flush=True)
        path.write_bytes(pickle.dumps(out))
    return out


def linear_scores(d: dict, weights: dict[str, float]) -> tuple[np.ndarray, list[float]]:
    """The linear scores of a question's candidates and their "sm:logp" under ``weights``."""
    d = train_sentences.with_logp(d, weights)
    s = np.array([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in d["feats"]])
    return s, [f.get("sm:logp", 0.0) for f in d["feats"]]


def candidates(d: dict, weights: dict[str, float], follow_with: tuple[float, float] | None = None):
    """The question's candidates under one linear reader (reader_rerank.Candidates), ranked by the
    scores followed with ``follow_with`` (λ, μ) when given."""
    from derek.query.reader_rerank import Candidates
    from derek.query.reader_sentence import LOGP, follow

    d = train_sentences.with_logp(d, weights)
    s = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in d["feats"]]
    texts = [d["context"][a:b] for a, b in d["sentences"]]
    followed = None if follow_with is None else follow(s, [f.get(LOGP, 0.0) for f in d["feats"]], d["of"], *follow_with)
    return Candidates(d["feats"], d["texts"], texts, d["of"], d["extras"], d["kind"], s, followed)


def follow_constants(data: list[dict], nested: dict, mode: str) -> dict[int | None, tuple[float, float] | None]:
    """(λ, μ) of each outer fold k (None: every question, for ``--write``): fitted on the inner
    held-out rows of k's training folds ("nested", as measure_decoding.nested with "fit"), the
    shipped constants ("shipped"), or None (raw scores, "none")."""
    from derek.query.reader_sentence import FOLLOW, MASS

    keys: list[int | None] = [*range(train_reader.FOLDS), None]
    if mode == "none":
        return dict.fromkeys(keys)
    if mode == "shipped":
        return dict.fromkeys(keys, (FOLLOW, MASS))
    path = NESTED.with_name(f"derek_reader_rerank_follow_{REPO.name}{TAG}.pkl")
    if path.exists():
        return pickle.loads(path.read_bytes())
    fold = train_reader.folds(data)
    out: dict[int | None, tuple[float, float] | None] = {None: (FOLLOW, MASS)}
    for k in range(train_reader.FOLDS):
        rows = [measure_decoding.raw(d, nested[frozenset((fold[i], k))]) for i, d in enumerate(data)
                if fold[i] != k and d["feats"]]
        lam, _, mu = measure_decoding.fit(rows)
        out[k] = (lam, mu)
        print("fold", k, "follows with", out[k], file=sys.stderr, flush=True)
    path.write_bytes(pickle.dumps(out))
    return out


def outer_fold(fold: int, key: frozenset) -> int:
    """The outer fold a row (a question of ``fold``, linear scores without the folds ``key``) serves:
    the test fold itself, or the other excluded fold (a training row of that fold's re-ranker)."""
    return fold if len(key) == 1 else next(iter(key - {fold}))


def prepared(data: list[dict], nested: dict, top: int, follows: dict, mode: str) -> dict:
    """(question, excluded folds) -> (candidate indexes best first, their values, the linear pick),
    each under the (λ, μ) of the outer fold it serves (``follow_constants``)."""
    import hashlib

    from derek.query.reader_rerank import top_values

    # keyed by the feature code, so a change to reader_rerank.py recomputes the rows
    code = hashlib.sha1((REPO / "derek" / "query" / "reader_rerank.py").read_bytes()).hexdigest()[:8]
    path = NESTED.with_name(f"derek_reader_rerank_rows_{REPO.name}_{top}_{code}_{mode}{TAG}.pkl")
    if path.exists():
        return pickle.loads(path.read_bytes())
    fold = train_reader.folds(data)
    out = {}
    for i, d in enumerate(data):
        for key, weights in nested.items():
            if fold[i] in key and d["feats"]:
                lam_mu = follows[outer_fold(fold[i], key)]
                order, rows = top_values(candidates(d, weights, lam_mu), top)
                out[i, key] = (order, rows, train_reader.predict(d, weights, lam_mu or (0.0, 0.0))[0])
    path.write_bytes(pickle.dumps(out))
    return out


def label(d: dict, k: int) -> int:
    """Graded relevance: the candidate's token F1 in quarters."""
    return round(4 * d["scores"][k][1])


def fit(data: list[dict], keyed: list[tuple[int, frozenset]], rows: dict, params: dict, rounds: int,
        seeds: int = 1):
    """LightGBM rankers (seeds 1..``seeds``) on the questions ``keyed`` (question, excluded folds);
    their feature names."""
    import lightgbm

    counts: dict[str, int] = {}
    for i, key in keyed:
        for v in rows[i, key][1]:
            for k in v:
                counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= MIN_ROWS)
    from derek.query.reader_rerank import matrix

    x = np.vstack([matrix(rows[i, key][1], names) for i, key in keyed])
    y = np.array([label(data[i], k) for i, key in keyed for k in rows[i, key][0]])
    group = [len(rows[i, key][0]) for i, key in keyed]
    models = [lightgbm.train({"seed": seed, **params, "verbose": -1, "num_threads": 1},
                             lightgbm.Dataset(x, y, group=group), num_boost_round=rounds)
              for seed in range(1, seeds + 1)]
    return models, names


def mean_predict(models: list, x: np.ndarray, rounds: int | None = None) -> np.ndarray:
    """The models' scores averaged (the seed ensemble)."""
    return np.mean([m.predict(x, num_iteration=rounds) for m in models], axis=0)


MIN_ROWS = 20  # a value present in fewer training rows is not a column
PARAMS = {"objective": "lambdarank", "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 50,
          "feature_fraction": 0.5, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
          "lambdarank_truncation_level": 10}


def choose(d: dict, order: list[int], r: np.ndarray, values: list[dict], decode: str) -> int:
    """The re-ranked pick (reader_rerank.pick, as reader.read makes it)."""
    from derek.query.reader_rerank import pick

    return pick([d["texts"][k] for k in order], r, values, decode)


def evaluate(data: list[dict], rows: dict, params: dict, configs: list[tuple[int, str]], seeds: int = 1,
             also: tuple[str, ...] = ()) -> dict:
    """Nested held-out EM/F1 of the linear pick and the re-ranker's, pooled and per fold; with
    several (rounds, decode) ``configs`` each outer fold takes the one best on its inner split;
    each decoding of ``also`` on the same models too (several fixed settings: information only)."""
    from derek.query.reader_rerank import matrix

    fold = train_reader.folds(data)
    linear, ranked = [(-1, 0.0)] * len(data), [(-1, 0.0)] * len(data)
    extra = {a: [(-1, 0.0)] * len(data) for a in also}
    per_fold = []
    for k in range(train_reader.FOLDS):
        rounds, decode = configs[0] if len(configs) == 1 else select(data, rows, params, configs, k, seeds)
        models, names = fit(data, fold_keys(data, rows, k), rows, params, rounds, seeds)
        test = [i for i in range(len(data)) if fold[i] == k]
        for i in test:
            if (i, frozenset([k])) in rows:
                order, values, pick = rows[i, frozenset([k])]
                linear[i] = (pick, 0.0)
                r = mean_predict(models, matrix(values, names))
                ranked[i] = (order[choose(data[i], order, r, values, decode)], 0.0)
                for a in also:
                    extra[a][i] = (order[choose(data[i], order, r, values, a)], 0.0)
        a = train_reader.evaluate([data[i] for i in test], [linear[i] for i in test])["all"]
        b = train_reader.evaluate([data[i] for i in test], [ranked[i] for i in test])["all"]
        per_fold.append({"config": [rounds, decode], "linear": [a["em"], a["f1"]], "reranked": [b["em"], b["f1"]]})
    out = {}
    for name, pred in (("linear", linear), ("reranked", ranked)):
        ev = train_reader.evaluate(data, pred)
        out[name] = {"all": ev["all"], "history": ev["history"], "description": ev["by_type"]["description"]}
    delta = np.array([[f["reranked"][0] - f["linear"][0], f["reranked"][1] - f["linear"][1]] for f in per_fold])
    out["per_fold"] = per_fold
    for a, pred in extra.items():
        folds_f1 = [train_reader.evaluate([data[i] for i in range(len(data)) if fold[i] == k],
                                          [pred[i] for i in range(len(data)) if fold[i] == k])["all"]
                    for k in range(train_reader.FOLDS)]
        ev = train_reader.evaluate(data, pred)["all"]
        out.setdefault("also", {})[a] = {"all": [ev["em"], ev["f1"], ev["answer_sentence"]],
                                         "per_fold": [[f["em"], f["f1"]] for f in folds_f1],
                                         "f1_up_folds": sum(f["f1"] > p["linear"][1] for f, p in zip(folds_f1, per_fold))}
    out["fold_delta_mean"] = delta.mean(0).round(2).tolist()
    out["fold_delta_sd"] = delta.std(0, ddof=1).round(2).tolist()
    return out


def select(data: list[dict], rows: dict, params: dict, configs: list[tuple[int, str]], k: int,
           seeds: int = 1) -> tuple[int, str]:
    """The (rounds, decode) config of best EM + F1 on outer fold k's training folds: each inner fold
    j scored by a re-ranker of the folds other than j and k (linear scores without j and k)."""
    from derek.query.reader_rerank import matrix

    fold = train_reader.folds(data)
    total = dict.fromkeys(configs, 0.0)
    for j in set(range(train_reader.FOLDS)) - {k}:
        keyed = [(i, frozenset((fold[i], k))) for i in range(len(data)) if fold[i] not in (j, k)]
        models, names = fit(data, [x for x in keyed if x in rows], rows, params, max(r for r, _ in configs), seeds)
        for i in range(len(data)):
            if fold[i] != j or (i, frozenset((j, k))) not in rows:
                continue
            order, values, _ = rows[i, frozenset((j, k))]
            x = matrix(values, names)
            for rounds in {r for r, _ in configs}:
                r = mean_predict(models, x, rounds)
                for c in [c for c in configs if c[0] == rounds]:
                    em, f1 = data[i]["scores"][order[choose(data[i], order, r, values, c[1])]]
                    total[c] += em + f1
    return max(configs, key=lambda c: total[c])


def fold_keys(data: list[dict], rows: dict, k: int | None) -> list[tuple[int, frozenset]]:
    """The training rows of the re-ranker of outer fold k: each question of another fold j with its
    linear scores from the reader trained without j and k (k None: every question, without its fold)."""
    fold = train_reader.folds(data)
    keys = [(i, frozenset({fold[i]} | ({k} if k is not None else set()))) for i in range(len(data)) if fold[i] != k]
    return [x for x in keys if x in rows]


def forest_of(models: list, names: list[str], decode: str, top: int):
    """The models' trees (parsed from LightGBM's text dump) as one reader_rerank.Forest whose output
    is their mean."""
    from derek.query.reader_rerank import Forest

    nodes: dict[str, list] = {k: [] for k in ("roots", "feature", "threshold", "default_left", "missing",
                                              "left", "right", "leaf")}
    for model in models:
        text = model.model_to_string().split("end of trees")[0]
        for block in text.split("\nTree=")[1:]:
            tree = dict(line.split("=", 1) for line in block.splitlines()[1:] if "=" in line)
            node, leaf = len(nodes["feature"]), len(nodes["leaf"])
            nodes["leaf"] += [float(v) for v in tree["leaf_value"].split()]
            if int(tree["num_leaves"]) == 1:
                nodes["roots"].append(~leaf)
                continue
            nodes["roots"].append(node)
            kinds = [int(v) for v in tree["decision_type"].split()]
            if any(t & 1 for t in kinds):
                raise ValueError("a categorical split: the evaluator reads numerical splits only")
            nodes["feature"] += [int(v) for v in tree["split_feature"].split()]
            nodes["threshold"] += [float(v) for v in tree["threshold"].split()]
            nodes["default_left"] += [bool(t & 2) for t in kinds]
            nodes["missing"] += [(t >> 2) & 3 for t in kinds]
            for side, key in (("left", "left_child"), ("right", "right_child")):
                nodes[side] += [c + node if c >= 0 else ~(~c + leaf) for c in map(int, tree[key].split())]
    kinds = {"roots": np.int64, "feature": np.int64, "left": np.int64, "right": np.int64,
             "threshold": float, "leaf": float, "default_left": bool, "missing": np.int8}
    arrays = {k: np.array(v, dtype=kinds[k]) for k, v in nodes.items()}
    return Forest(names, **arrays, scale=1.0 / len(models), decode=decode, top=top)


def write(path: Path, data: list[dict], rows: dict, params: dict, rounds: int, decode: str, top: int, seeds: int) -> dict:
    """Train the seed ensemble on every question (linear scores from the reader without its fold)
    and dump it to derek/query/data/reader_rerank.json; its header."""
    from derek.query.reader_rerank import to_json

    keyed = fold_keys(data, rows, None)
    models, names = fit(data, keyed, rows, params, rounds, seeds)
    header = {"trained_by": "scripts/train_reranker.py --write", "data": "KazQAD dev (CC BY-SA 4.0), derived numbers only",
              "questions": len({i for i, _ in keyed}), "rows": sum(len(rows[x][0]) for x in keyed),
              "linear_scores": "each question's from the reader trained without its fold (5 folds by passage)",
              "lightgbm": __import__("lightgbm").__version__, "params": params, "rounds": rounds, "seeds": seeds,
              "min_rows": MIN_ROWS, "label": "candidate token F1 in quarters",
              "follow": "each question under its fold's λ, μ (``--follow``; ship with --follow shipped)"}
    spec = to_json(forest_of(models, names, decode, top), header)
    path.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return header


GRID = [(r, d) for r in (150, 300, 600) for d in ("argmax", "mbr:0.3", "mbr:0.5", "mbr:1")]
# round 14: the followed decoding tilted by the trees (mix:0 is round 13's pick)
MIX_GRID = [(300, f"mix:{a}") for a in (0, 0.25, 0.5, 1, 2)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights-only", action="store_true", help="only train/cache the nested linear weights")
    parser.add_argument("--refit", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--decode", default="argmax", help="argmax, mbr:T or blend:A (choose)")
    parser.add_argument("--select", action="store_true", help="choose rounds and decoding per outer fold (GRID)")
    parser.add_argument("--set", nargs="*", default=[], help="LightGBM parameters name=value")
    parser.add_argument("--seeds", type=int, default=1, help="models per re-ranker (seeds 1..N), scores averaged")
    parser.add_argument("--follow", choices=("nested", "shipped", "none"), default="nested",
                        help="rank candidates by the followed scores with each outer fold's fitted λ, μ, the shipped ones, or raw")
    parser.add_argument("--also", nargs="*", default=[], help="more decodings scored on the same models (information)")
    parser.add_argument("--shuffle", type=int, metavar="SEED", help="re-deal the passages into folds (a replication)")
    parser.add_argument("--write", type=Path, metavar="FILE", help="train on every question, write the trees (JSON) to FILE")
    args = parser.parse_args()
    data = pickle.loads(CACHE.read_bytes())
    if args.shuffle is not None:
        global TAG
        TAG = f"_shuffle{args.shuffle}"
        train_reader.folds = shuffled_folds(args.shuffle)
    nested = nested_weights(data, args.refit)
    if args.weights_only:
        return
    follows = follow_constants(data, nested, args.follow)
    rows = prepared(data, nested, args.top, follows, args.follow)
    params = dict(PARAMS)
    for kv in args.set:
        name, _, value = kv.partition("=")
        params[name] = type(PARAMS[name])(value) if name in PARAMS else value
    if args.write:
        print(json.dumps(write(args.write, data, rows, params, args.rounds, args.decode, args.top, args.seeds), ensure_ascii=False))
        return
    configs = (MIX_GRID if args.decode == "mix" else GRID) if args.select else [(args.rounds, args.decode)]
    report = {"shuffle": args.shuffle, "follow": args.follow, "follow_per_fold": [follows[k] for k in range(train_reader.FOLDS)],
              "decode": args.decode, "params": params, "rounds": args.rounds, "top": args.top, "seeds": args.seeds,
              **evaluate(data, rows, params, configs, args.seeds, tuple(args.also))}
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
