"""KazNERD 5-fold cross-validation of the CRF tagger: strict IOB2 span F1, micro and per class
(JSON); ``--speed`` instead times the shipped tagger (NerTagger.tag) in tokens/s, cold and warm.

    python bench/ner_cv.py [--folds 5] [--fold 0] [--jobs 1] [--group-duplicates]
    python bench/ner_cv.py --speed [--sentences 3000]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ner"] = module  # fold workers pickle its functions by module name
    spec.loader.exec_module(module)
    return module


def _rate(sentences: list[list[str]], tag) -> float:
    start = time.perf_counter()
    for tokens in sentences:
        tag(tokens)
    return sum(map(len, sentences)) / (time.perf_counter() - start)


def speed(sentences: list[list[str]], warm_passes: int = 3) -> dict:
    """Tokens/s of NerTagger.tag: loading, a cold pass (every word form new to the morphology
    and feature caches of this fresh process) and the best of ``warm_passes`` repeat passes."""
    from derek.extract.ner import NerTagger

    start = time.perf_counter()
    tagger = NerTagger()
    tagger.tag(["Сәлем", "."])  # model, lexicon, gazetteer, clusters and morphology data
    load = time.perf_counter() - start
    cold = _rate(sentences, tagger.tag)
    warm = [_rate(sentences, tagger.tag) for _ in range(warm_passes)]
    return {"sentences": len(sentences), "tokens": sum(map(len, sentences)),
            "load_seconds": round(load, 2), "cold_tokens_per_s": round(cold),
            "warm_tokens_per_s": round(max(warm)), "warm_passes": [round(w) for w in warm],
            "load_average_1min": round(os.getloadavg()[0], 2), "goal_warm": 20000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, action="append", help="run only this fold (repeatable)")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained in parallel")
    ap.add_argument("--group-duplicates", action="store_true",
                    help="keep near-duplicate sentences in one fold (the honest held-out figure)")
    ap.add_argument("--speed", action="store_true", help="time the shipped tagger instead")
    ap.add_argument("--sentences", type=int, default=3000, help="sentences timed by --speed")
    args = ap.parse_args()
    train_ner = _train_module()
    if args.speed:
        corpus = train_ner.load_corpus()[: args.sentences]
        print(json.dumps(speed([tokens for tokens, _ in corpus]), indent=1))
        return
    result = train_ner.cross_validate(train_ner.load_corpus(), args.folds, args.fold, jobs=args.jobs,
                                      grouped=args.group_duplicates)
    result["anchors"] = {"plain_crf_micro": 84.1, "plain_crf_ORGANISATION": 65.5,
                         "plain_crf_LOCATION": 57.7, "xlm_roberta_8x_data_micro": 97.2}
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
