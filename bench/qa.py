"""Question answering on derek's own question set (bench/data/qa.jsonl) over the seeds and the
sample corpus: correct answers with a correct source, abstentions on unanswerable questions,
and latency. Prints JSON.

    python bench/qa.py [--errors] [--gold PATH] [--split dev|heldout] [--reader]

`--gold` reads another question file of the same shape (bench/data/qa_blind.jsonl); `--split`
keeps odd ids (dev) or even ids (held out), as qa_blind.md splits its questions; `--reader`
answers as `derek ask --reader` does (the span reader over the best documents).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
QA = REPO / "bench" / "data" / "qa.jsonl"
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO / "examples" / "corpus"


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


@cache
def doc_text(name: str) -> str:
    """A source document's text as derek ingests it: the sample corpus, else ../shared/seeds."""
    from derek.ingest import read_text

    path = CORPUS / name if (CORPUS / name).exists() else SEEDS / name
    return read_text(str(path))


def answer_texts(item: dict) -> list[str]:
    """The accepted answers: strings, or {"doc","start","end"} spans of a source document read at
    run time (a long description quoted from a seed is not copied into the gold file)."""
    return [a if isinstance(a, str) else doc_text(a["doc"])[a["start"]:a["end"]] for a in item["answers"]]


def answer_correct(item: dict, answer) -> bool:  # noqa: ANN001 - derek.query.ask.Answer
    if answer.answer is None:
        return False
    gold_value, value = item.get("value"), answer.value
    if isinstance(gold_value, list):
        return isinstance(value, list) and sorted(value) == sorted(gold_value)
    if gold_value is not None and value is not None and str(value) == str(gold_value):
        return True
    got = norm(answer.answer)
    return any(got == norm(a) or (len(norm(a)) > 3 and norm(a) in got and len(got) < 2 * len(norm(a)))
               for a in answer_texts(item))


def source_correct(item: dict, answer) -> bool:  # noqa: ANN001
    gold = {(s["doc"], s["start"]) for s in item["sources"]}
    return any((s["doc"], s["start"]) in gold for s in answer.sources)


def in_split(item_id: str, split: str) -> bool:
    """Odd ids are the dev half of a question file, even ids the held-out half."""
    return (int(re.sub(r"\D", "", item_id)) % 2 == 1) == (split == "dev")


def main() -> None:
    import derek
    from derek.ingest import ingest_paths

    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--gold", type=Path, default=QA)
    parser.add_argument("--split", choices=("dev", "heldout"))
    parser.add_argument("--reader", action="store_true", help="as `derek ask --reader` answers")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.split:
        items = [i for i in items if in_split(i["id"], args.split)]
    tally: Counter = Counter()
    by_kind: dict[str, Counter] = {}
    errors, latencies = [], []
    with tempfile.TemporaryDirectory() as tmp, derek.open(Path(tmp) / "qa.db") as kb:
        ingest_paths(kb, [str(SEEDS), str(CORPUS)])
        for item in items:
            start = time.perf_counter()
            answer = kb.ask(item["question"], reader=args.reader)
            latencies.append((time.perf_counter() - start) * 1000)
            if item["answerable"]:
                ok = answer_correct(item, answer) and source_correct(item, answer)
                outcome = "correct" if ok else ("no_answer" if answer.answer is None else "wrong")
            else:
                outcome = "abstained" if answer.answer is None else "answered_unanswerable"
            tally[outcome] += 1
            by_kind.setdefault(item["kind"], Counter())[outcome] += 1
            if outcome not in ("correct", "abstained"):
                errors.append({"id": item["id"], "q": item["question"], "gold": answer_texts(item)[:2],
                               "got": answer.answer, "value": answer.value, "method": answer.method,
                               "conf": round(answer.confidence, 2), "outcome": outcome})
    answerable = sum(1 for i in items if i["answerable"])
    report = {
        "benchmark": "qa", "gold": args.gold.name, "split": args.split or "all", "reader": args.reader, "questions": len(items), "answerable": answerable,
        "correct_with_source": tally["correct"],
        "accuracy_answerable": round(tally["correct"] / answerable, 3),
        "unanswerable_abstained": f"{tally['abstained']}/{len(items) - answerable}",
        "accuracy_all": round((tally["correct"] + tally["abstained"]) / len(items), 3),
        "outcomes": dict(tally), "by_kind": {k: dict(v) for k, v in sorted(by_kind.items())},
        "latency_ms": {"p50": round(statistics.median(latencies), 1),
                       "p99": round(sorted(latencies)[int(len(latencies) * 0.99) - 1], 1)},
    }
    if args.errors:
        report["errors"] = errors
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
