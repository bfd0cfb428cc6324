"""KazNERD 5-fold cross-validation of the CRF tagger: strict IOB2 span F1, micro and per class (JSON).

    python bench/ner_cv.py [--folds 5] [--fold 0]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_ner"] = module  # fold workers pickle its functions by module name
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, action="append", help="run only this fold (repeatable)")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained in parallel")
    args = ap.parse_args()
    train_ner = _train_module()
    result = train_ner.cross_validate(train_ner.load_corpus(), args.folds, args.fold, jobs=args.jobs)
    result["anchors"] = {"plain_crf_micro": 84.1, "plain_crf_ORGANISATION": 65.5,
                         "plain_crf_LOCATION": 57.7, "xlm_roberta_8x_data_micro": 97.2}
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
