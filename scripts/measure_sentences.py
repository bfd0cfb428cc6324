"""Where the span reader's held-out wrong answers come from (KazQAD dev, 5 folds by passage, on
scripts/train_reader.py's feature cache): the gold answer's sentence not read at all, read but
ranked below another by the sentence model, ranked first but the span taken elsewhere, or the span
in the right sentence with the wrong words.

    python scripts/measure_sentences.py [--assoc[=as:t,as:g]] [DUMP.pkl]   # after python scripts/train_reader.py --no-write [--rebuild]
"""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
import train_reader
import train_sentences


def sentence_rank(d: dict, weights: dict[str, float]) -> tuple[int, int]:
    """(the sentence model's rank of the gold sentence among the read ones, -1 if not read; the
    index of its most likely sentence)."""
    from derek.query.reader_sentence import log_probabilities

    fs, gold = train_sentences.rows(d)
    if not fs:
        return -1, -1
    logp = log_probabilities(fs, weights)
    order = sorted(range(len(fs)), key=lambda i: -logp[i])
    return (order.index(gold) if gold >= 0 else -1), order[0]


def split(data: list[dict], predictions: list[tuple[int, float]]) -> dict:
    """The wrong answers (not exact) by where they went wrong, with the F1 each part holds."""
    parts: Counter = Counter()
    lost: Counter = Counter()
    gold_ranks: Counter = Counter()
    model_ranks: Counter = Counter()
    for i, (d, (k, _)) in enumerate(zip(data, predictions)):
        em, f1 = d["scores"][k] if k >= 0 else (0.0, 0.0)
        if em:
            continue
        d = train_reader.HELD_OUT.get(i, d)
        rank, top = sentence_rank(d, train_reader.FOLD_WEIGHTS[i])
        sentences = list(dict.fromkeys(d["sentences"]))
        picked = sentences.index(d["sentences"][k]) if k >= 0 else -1
        if rank < 0:
            part = "gold sentence not read"
            gold_ranks[_bucket(d.get("gold_rank", -2))] += 1
        elif rank > 0:
            part = "read, sentence model ranks it below another"
            model_ranks[min(rank, 4)] += 1
        elif picked != top:
            part = "ranked first, span taken from another sentence"
        else:
            part = "span in the gold sentence, wrong words"
        parts[part] += 1
        lost[part] += 1 - f1
        if part.startswith("read") and picked >= 0 and train_sentences.rows(d)[1] == picked:
            parts["  of which the span is still in the gold sentence"] += 1
    return {"wrong": sum(v for k, v in parts.items() if not k.startswith(" ")),
            "parts": dict(parts), "f1_points_lost": {k: round(100 * v / len(data), 1) for k, v in lost.items()},
            "not read: the gold sentence's rank in the document (coverage order)": dict(sorted(gold_ranks.items())),
            "read: the sentence model's rank of the gold sentence": dict(sorted(model_ranks.items()))}


def _bucket(rank: int) -> str:
    if rank < 0:
        return "not located" if rank == -1 else "unknown (old cache)"
    return str(rank) if rank < 10 else "10+"


def main() -> None:
    if "--assoc-spans" in sys.argv:  # the spans get their sentence's values too (train_assoc.SPANS)
        sys.argv.remove("--assoc-spans")
        train_reader.train_assoc.SPANS = True
    for arg in [a for a in sys.argv if a.startswith("--assoc")]:  # --assoc[=as:t,as:g]: train_reader.ASSOC
        sys.argv.remove(arg)
        train_reader.ASSOC = tuple(arg.partition("=")[2].split(",")) if "=" in arg else ("as:",)
    data = pickle.loads(train_reader.CACHE.read_bytes())
    predictions = train_reader.cross_validate(data)
    if len(sys.argv) > 1:  # keep the held-out picks and fold weights for a closer look
        Path(sys.argv[1]).write_bytes(pickle.dumps({"predictions": predictions,
                                                    "weights": dict(train_reader.FOLD_WEIGHTS)}))
    fold = train_reader.folds(data)
    per_fold = []
    for k in range(train_reader.FOLDS):
        sel = [i for i, f in enumerate(fold) if f == k]
        part = train_reader.evaluate([data[i] for i in sel], [predictions[i] for i in sel])["all"]
        per_fold.append(f"{part['em']} / {part['f1']}")
    report = {"held_out_5fold": train_reader.evaluate(data, predictions)["all"], "per_fold_em_f1": per_fold,
              "sentence_model_alone": train_sentences.accuracy(
                  [train_reader.HELD_OUT[i] for i in range(len(data))],
                  [train_reader.FOLD_WEIGHTS[i] for i in range(len(data))]),
              **split(data, predictions)}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
