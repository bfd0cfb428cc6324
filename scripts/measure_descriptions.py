"""Description questions (не / нені / қандай) under the held-out span reader: answer-sentence rate,
EM/F1 and predicted-vs-gold length among answer-sentence hits, the gold answers' head POS / last
suffix, and decoding variants on the same fold weights (scripts/train_reader.py's feature cache).

    python scripts/measure_descriptions.py [--refit] [--boundary] [--variants mbr mass:keep spans:100 ...]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import train_reader
import train_sentences
from train_reader import CACHE, DEV

FOLD_CACHE = CACHE.with_name(f"derek_reader_foldweights_{REPO.name}.pkl")


def fold_weights(data: list[dict], refit: bool, tag: str = "") -> list[dict[str, float]]:
    """Each question's held-out weights (train_reader.cross_validate), cached beside CACHE."""
    cache = FOLD_CACHE.with_name(FOLD_CACHE.stem + tag + ".pkl")
    if cache.exists() and not refit:
        return pickle.loads(cache.read_bytes())
    train_reader.cross_validate(data)
    out = [train_reader.FOLD_WEIGHTS[i] for i in range(len(data))]
    cache.write_bytes(pickle.dumps(out))
    return out


def scores(d: dict, weights: dict[str, float]) -> np.ndarray:
    d = train_sentences.with_logp(d, weights)
    return np.array([sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in d["feats"]])


def mbr(d: dict, s: np.ndarray, allowed: list[int] | None = None, spans: int = 30) -> int:
    """Expected-F1 decoding (as reader.decode) over the likeliest ``spans`` of ``allowed``."""
    from derek.query.reader import token_bag, token_f1

    pool = np.array(allowed if allowed is not None else range(len(s)))
    order = pool[np.argsort(-s[pool], kind="stable")][:spans]
    p = np.exp(s[order] - s[order[0]])
    p /= p.sum()
    bags = [token_bag(d["texts"][i]) for i in order]
    gains = [sum(pj * token_f1(bag, other) for pj, other in zip(p, bags)) for bag in bags]
    return int(order[max(range(len(order)), key=lambda i: (gains[i], -i))])


def chosen_sentence(d: dict, s: np.ndarray, how: str) -> list[int]:
    """The spans of one sentence: the likeliest span's ("top") or the most probable in total ("mass")."""
    if how == "top":
        key = d["sentences"][int(np.argmax(s))]
    else:
        p = np.exp(s - s.max())
        mass: Counter = Counter()
        for i, sent in enumerate(d["sentences"]):
            mass[sent] += p[i]
        key = mass.most_common(1)[0][0]
    return [i for i, sent in enumerate(d["sentences"]) if sent == key]


def decode(d: dict, s: np.ndarray, variant: str) -> int:
    if not d["feats"]:
        return -1
    if variant == "mbr" or d["kind"] != "description":
        return mbr(d, s)
    if variant == "argmax":
        return int(np.argmax(s))
    how, _, n = variant.partition(":")
    if how == "spans":  # global expected-F1 decoding over n spans
        return mbr(d, s, None, int(n))
    allowed = chosen_sentence(d, s, how)
    if n == "arg":  # the likeliest span of the chosen sentence
        return max(allowed, key=lambda i: s[i])
    if n == "keep":  # the global pick when it stands in the chosen sentence, else its likeliest
        pick = mbr(d, s)
        return pick if pick in allowed else max(allowed, key=lambda i: s[i])
    return mbr(d, s, allowed, int(n or 30))


def words(text: str) -> int:
    return len("".join(c if c.isalnum() else " " for c in text).split())


def profile(data: list[dict], picks: list[int], golds: dict[str, list[str]]) -> dict:
    """The description questions: hits, EM/F1 among hits, length, gold head POS / suffix."""
    from derek.query.reader_features import word_reading

    sel = [i for i, d in enumerate(data) if d["kind"] == "description"]
    hits = [i for i in sel if train_reader._in_answer_sentence(data[i], picks[i])]
    length: Counter = Counter()
    f1_by: dict[str, list[float]] = {}
    for i in hits:
        pred, gold = data[i]["texts"][picks[i]], golds[data[i]["id"]][0]
        a, b = words(pred), words(gold)
        k = "equal" if a == b else "longer" if a > b else "shorter"
        length[k] += 1
        f1_by.setdefault(k, []).append(data[i]["scores"][picks[i]][1])
    pos, suffix, glen = Counter(), Counter(), Counter()
    for i in sel:
        gold = golds[data[i]["id"]][0].split()
        last = "".join(c for c in gold[-1] if c.isalnum()) if gold else ""
        r = word_reading(last) if last else ("X", "0")
        pos[r[0]] += 1
        suffix[r[1]] += 1
        glen[min(len(gold), 6)] += 1
    n = len(hits) or 1
    return {"questions": len(sel), "answer_sentence": round(100 * len(hits) / len(sel), 1),
            "hits_em": round(100 * sum(data[i]["scores"][picks[i]][0] for i in hits) / n, 1),
            "hits_f1": round(100 * sum(data[i]["scores"][picks[i]][1] for i in hits) / n, 1),
            "hits_length": {k: {"n": length[k], "f1": round(100 * float(np.mean(v)), 1)} for k, v in f1_by.items()},
            "gold_head_pos": dict(pos.most_common(8)), "gold_last_suffix": dict(suffix.most_common(8)),
            "gold_words": dict(sorted(glen.items()))}


def _word_list(text: str) -> list[str]:
    return "".join(c if c.isalnum() or c == "-" else " " for c in text).split()


def boundary(d: dict, text: str, sentence: tuple[int, int]) -> dict[str, float]:
    """Span-boundary features of a description candidate, from its sentence's text: a genitive
    chain «X-тың Y-ы» cut or kept, an adjective run cut before the span, the head left outside."""
    from derek.query.reader_features import word_reading

    s = d["context"][sentence[0] : sentence[1]]
    at = s.find(text)
    if at < 0 or not text:
        return {}
    inside, before, after = _word_list(text), _word_list(s[:at])[-1:], _word_list(s[at + len(text) :])[:1]
    if not inside:
        return {}
    reads = [word_reading(w) for w in inside]
    f: dict[str, float] = {}
    if before:
        pos, tag = word_reading(before[0])
        f["bd:prev_gen"] = float(tag == "GEN")
        f["bd:prev_adj"] = float(pos == "ADJ")
    if after:
        pos, tag = word_reading(after[0])
        f["bd:next_poss"] = float(tag.startswith("POSS"))
        f["bd:next_noun"] = float(pos in ("NOUN", "PROPN"))
    f["bd:last_gen"] = float(reads[-1][1] == "GEN")
    f["bd:chain_inside"] = float(any(r[1] == "GEN" for r in reads[:-1]) and reads[-1][1].startswith("POSS"))
    f["bd:first_adj"] = float(reads[0][0] == "ADJ")
    return {k: v for k, v in f.items() if v}


def with_boundary(data: list[dict]) -> list[dict]:
    out = []
    for d in data:
        if d["kind"] == "description":
            feats = [{**f, **boundary(d, t, s)} for f, t, s in zip(d["feats"], d["texts"], d["sentences"])]
            d = {**d, "feats": feats}
        out.append(d)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--refit", action="store_true", help="retrain the fold weights")
    parser.add_argument("--variants", nargs="*", default=["mbr", "argmax", "top", "mass", "top:10", "mass:10"])
    parser.add_argument("--boundary", action="store_true", help="add bd:* features, refit (heavy)")
    args = parser.parse_args()
    data = pickle.loads(CACHE.read_bytes())
    if args.boundary:
        data = with_boundary(data)
    golds = {i["id"]: i["answers"]["text"] for i in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())}
    weights = fold_weights(data, args.refit, "_bd" if args.boundary else "")
    s = [scores(d, w) if d["feats"] else np.zeros(0) for d, w in zip(data, weights)]
    report = {}
    for variant in args.variants:
        picks = [decode(d, x, variant) for d, x in zip(data, s)]
        ev = train_reader.evaluate(data, [(k, 0.0) for k in picks])
        report[variant] = {"all": ev["all"], "history": ev["history"], "description": ev["by_type"]["description"]}
        if variant == "mbr":
            report["profile"] = profile(data, picks, golds)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
