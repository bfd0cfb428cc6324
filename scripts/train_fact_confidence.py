"""Train the fact-confidence model shipped as ``derek/extract/data/fact_confidence.json``.

    python scripts/train_fact_confidence.py [--rows PATH]

Labelled facts and the logistic regression are ``bench/fact_confidence.py``'s (facts derek
extracts on the development gold's and the 14 dev golds' documents, labelled by the gold; the
session-20 audit's judged facts, weighted ×2 as the only blind sample). Needs numpy (the
``train`` extra); derek itself reads the weights with plain Python. Deterministic: retrain after
changing the features in ``derek/extract/fact_confidence.py`` or the rules' constants, and check
the CV with ``python bench/fact_confidence.py`` first (ship only if CV AUC ≥ 0.70 and the Brier
score beats the constant baselines; docs/facts.md, session 20).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
from fact_confidence import AUDIT, AUDIT_WEIGHT, GOLDS, L2, fit, labelled_rows

OUT = REPO / "derek" / "extract" / "data" / "fact_confidence.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=Path, help="labelled feature rows saved by bench/fact_confidence.py --save-rows")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.rows:
        rows = [json.loads(x) for x in args.rows.read_text(encoding="utf-8").splitlines() if x.strip()]
    else:
        rows = labelled_rows()
    model = fit(rows)
    shipped = {
        "about": "logistic regression: P(fact right) = sigmoid(bias + sum w*(x-mean)/scale); "
                 "features: derek/extract/fact_confidence.py; trained by scripts/train_fact_confidence.py",
        "source": {"golds": GOLDS, "audit": AUDIT, "audit_weight": AUDIT_WEIGHT, "l2": L2,
                   "facts": len(rows), "right": sum(r["label"] for r in rows),
                   "documents": len({r["doc"] for r in rows})},
        **model,
    }
    args.out.write_text(json.dumps(shipped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(model['weights'])} weights, {len(rows)} facts)")


if __name__ == "__main__":
    main()
