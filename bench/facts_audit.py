"""Audited precision of extracted facts on text no rule was tuned for (session 20, issue 6).

    python bench/facts_audit.py [--audit PATH]

``bench/data/facts_audit_s20.jsonl`` holds every fact the code of session 20's start extracted
from 11 KazQAD dev passages and 143 KazNERD validation sentences that no gold used, each judged
``correct`` or ``wrong`` (with a cause letter W1–W7, see docs/facts.md) by reading the sentence.
This script re-extracts those documents with the current code and prints JSON: audited precision
(correct kept / audited kept), the wrong facts now gone, the correct facts lost, and the facts
that are not in the audit at all (listed, so a reviewer can judge them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from facts import doc_text, extract, key

AUDIT = REPO / "bench" / "data" / "facts_audit_s20.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--audit", type=Path, default=AUDIT, help="judged facts (default: facts_audit_s20.jsonl)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.audit.read_text(encoding="utf-8").splitlines() if line.strip()]
    audited = {key(r["doc"], r): r for r in rows}
    kept: set[tuple] = set()
    new: list[dict] = []
    for name in dict.fromkeys(r["doc"] for r in rows):
        text = doc_text(name)
        for f in extract(name)[0]:
            k = key(name, f)
            if k in audited:
                kept.add(k)
            elif k not in {key(name, n) for n in new if n["doc"] == name}:
                new.append({"doc": name, "subject": f["subject"], "predicate": f["predicate"],
                            "object": f["object"], "value": f["value"], "time": f["time"],
                            "sentence": [f["start"], f["end"]], "quote": text[f["start"]:f["end"]]})
    correct = [k for k, r in audited.items() if r["verdict"] == "correct"]
    kept_correct = [k for k in correct if k in kept]
    gone_wrong = [r for k, r in audited.items() if r["verdict"] == "wrong" and k not in kept]
    report = {
        "benchmark": "facts_audit", "audit": args.audit.name, "audited": len(audited),
        "audited_correct": len(correct), "first_run_precision": round(len(correct) / len(audited), 3),
        "kept": len(kept), "audited_precision": round(len(kept_correct) / len(kept), 3) if kept else 0.0,
        "wrong_gone": len(gone_wrong), "wrong_gone_by_cause": dict(sorted(Counter(r["cause"] for r in gone_wrong).items())),
        "wrong_left_by_cause": dict(sorted(Counter(r["cause"] for k, r in audited.items()
                                                   if r["verdict"] == "wrong" and k in kept).items())),
        "correct_lost": [audited[k] for k in correct if k not in kept],
        "new_facts": new,
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
