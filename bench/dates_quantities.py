"""Score derek's date and quantity taggers (and dateparser on the same dates); print JSON.

Gold: bench/data/dates_quantities_own.jsonl (own sentences) and
bench/data/dates_quantities_seeds.jsonl (spans by offset into ../shared/seeds documents).
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

from derek.doc import Document
from derek.lang.kk.dates import extract_dates, find_dates
from derek.lang.kk.numbers import extract_quantities, find_quantities

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
SEEDS = ROOT / ".." / "shared" / "seeds"


def load_sets() -> dict[str, list[tuple[str, list[dict], list[dict]]]]:
    """{set name: [(text, gold dates, gold quantities)]}."""
    own: dict[str, list] = {"own_dev": [], "own_test": []}
    for line in (DATA / "dates_quantities_own.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        own[f"own_{row['split']}"].append((row["text"], row["dates"], row["quantities"]))
    docs: dict[str, tuple[list, list]] = {}
    for line in (DATA / "dates_quantities_seeds.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        dates, quantities = docs.setdefault(row["doc"], ([], []))
        (dates if row["kind"] == "date" else quantities).append(row)
    seeds = [((SEEDS / doc).read_text(encoding="utf-8"), d, q) for doc, (d, q) in docs.items()]
    return {**own, "seeds": seeds}


def date_ok(pred: dict, gold: dict) -> bool:
    return (pred["type"], pred["value"], pred["mod"]) == (gold["type"], gold["value"], gold["mod"])


def quantity_ok(pred: dict, gold: dict) -> bool:
    return math.isclose(pred["value"], gold["value"], rel_tol=1e-6) and pred["unit"] == gold["unit"]


def score(pairs: list[tuple[list[dict], list[dict]]], ok) -> dict:
    """Exact-span P/R/F1 and value accuracy over the spans found exactly."""
    tp = n_pred = n_gold = right = 0
    for preds, golds in pairs:
        gold_at = {(g["start"], g["end"]): g for g in golds}
        n_pred, n_gold = n_pred + len(preds), n_gold + len(golds)
        for p in preds:
            g = gold_at.get((p["start"], p["end"]))
            if g is not None:
                tp += 1
                right += bool(ok(p, g))
    prec = tp / n_pred if n_pred else 0.0
    rec = tp / n_gold if n_gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"gold": n_gold, "predicted": n_pred, "exact": tp, "precision": round(prec, 4),
            "recall": round(rec, 4), "f1": round(f1, 4),
            "value_accuracy": round(right / tp, 4) if tp else 0.0}


def run_derek(sets: dict) -> tuple[dict, dict]:
    date_pairs: dict[str, list] = {}
    quantity_pairs: dict[str, list] = {}
    for name, items in sets.items():
        for text, gold_dates, gold_quantities in items:
            dates = find_dates(text)
            quantities = find_quantities(text, dates)
            date_pairs.setdefault(name, []).append(([d.to_dict() for d in dates], gold_dates))
            quantity_pairs.setdefault(name, []).append(([q.to_dict() for q in quantities], gold_quantities))
    return date_pairs, quantity_pairs


def report(pairs: dict, ok) -> dict:
    out = {name: score(p, ok) for name, p in pairs.items()}
    out["own"] = score(pairs["own_dev"] + pairs["own_test"], ok)
    out["all"] = score([x for p in pairs.values() for x in p], ok)
    return out


def dateparser_pairs(sets: dict) -> dict:
    """dateparser.search.search_dates(languages=['kk']) on the same texts, spans located in order."""
    from dateparser.search import search_dates

    pairs: dict[str, list] = {}
    for name, items in sets.items():
        for text, gold_dates, _ in items:
            found = search_dates(text, languages=["kk"]) or []
            preds, cursor = [], 0
            for surface, moment in found:
                start = text.find(surface, cursor)
                if start < 0:
                    continue
                cursor = start + len(surface)
                preds.append({"start": start, "end": cursor, "moment": moment})
            pairs.setdefault(name, []).append((preds, gold_dates))
    return pairs


def dateparser_ok(pred: dict, gold: dict) -> bool:
    """The datetime agrees with the gold value to the gold's precision (year, month or day)."""
    value, moment = gold["value"], pred["moment"]
    parts = value.split("-")
    if gold["type"] != "DATE" or "/" in value or not parts[0].isdigit():
        return False
    wanted = [int(x) for x in parts if x.isdigit()]
    return [moment.year, moment.month, moment.day][: len(wanted)] == wanted


def _best_rate(corpus: str, run, repeat: int = 3) -> float:
    """MB/s of ``run()`` over ``corpus`` in process CPU time, best of ``repeat`` runs.

    CPU time, not wall time: the machine is shared, and other processes' load would
    otherwise decide the figure (``speed_mb_per_s_wall`` shows the wall-clock one).
    """
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return round(len(corpus.encode("utf-8")) / 1e6 / best, 2)


def _wall_rate(corpus: str, run) -> float:
    began = time.perf_counter()
    run()
    return round(len(corpus.encode("utf-8")) / 1e6 / (time.perf_counter() - began), 2)


def speed(sets: dict) -> dict[str, float]:
    """MB/s on the evaluation texts repeated to about 2 MB: each tagger alone (each normalizing
    the text), both as ``find_*`` calls, both as pipeline stages sharing one normalization."""
    text = "\n".join(t for items in sets.values() for t, _, _ in items)
    corpus = text * max(1, 2_000_000 // len(text.encode("utf-8")))
    dates = find_dates(corpus)
    return {
        "dates": _best_rate(corpus, lambda: find_dates(corpus)),
        "quantities": _best_rate(corpus, lambda: find_quantities(corpus, dates)),
        "both": _best_rate(corpus, lambda: find_quantities(corpus, find_dates(corpus))),
        "both_stages": _best_rate(corpus, lambda: extract_quantities(extract_dates(Document(text=corpus)))),
        "both_wall": _wall_rate(corpus, lambda: find_quantities(corpus, find_dates(corpus))),
    }


def main() -> None:
    sets = load_sets()
    date_pairs, quantity_pairs = run_derek(sets)
    result = {"derek": {"dates": report(date_pairs, date_ok), "quantities": report(quantity_pairs, quantity_ok)}}
    rates = speed(sets)  # before dateparser, whose many live objects slow Python's collector
    try:
        result["dateparser"] = {"dates": report(dateparser_pairs(sets), dateparser_ok)}
    except ImportError:
        result["dateparser"] = "not installed (pip install dateparser)"
    result["derek"]["dates"]["speed_mb_per_s"] = rates["dates"]
    result["derek"]["quantities"]["speed_mb_per_s"] = rates["quantities"]
    result["speed_mb_per_s"] = rates["both"]
    result["speed_mb_per_s_stages"] = rates["both_stages"]
    result["speed_mb_per_s_wall"] = rates["both_wall"]
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
