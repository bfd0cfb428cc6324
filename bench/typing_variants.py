"""Questions as people type them: each question of the own set and of the blind sets' dev halves,
rewritten by fixed transforms (lower case, no final «?», the ending glued or spaced, ALL CAPS,
a Russian keyboard, Latin look-alikes), scored as bench/qa.py scores it over the same KB. Prints JSON.

    python bench/typing_variants.py [--sets qa,qa_blind,…] [--transforms lower,flat,…] [--errors]

Per set and transform: correct-with-source, abstentions on unanswerable questions, how many
questions the transform changed and how many answers differ from the original question's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SETS = ("qa", "qa_blind", "qa_blind2", "qa_blind3", "qa_blind4", "qa_blind5", "qa_unanswerable")

# a Russian keyboard has no Kazakh letters: each is typed as the Russian letter nearest it
FLAT = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
# Cyrillic letters typed with their Latin look-alikes (a Latin layout left on mid-word)
LATIN = str.maketrans("аеорсхіАЕОРСХІ", "aeopcxiAEOPCXI")
# БҰҰ-ға, 8-інде: a hyphen between an abbreviation or a number and its ending (not «іс-қимыл»)
HYPHENED = re.compile(r"(?<=[А-ЯӘҒҚҢӨҰҮҺІ0-9])-(?=[а-яәғқңөұүһі]{1,5}\b)")


def _qa_module():
    spec = importlib.util.spec_from_file_location("bench_qa", REPO / "bench" / "qa.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _no_final(text: str) -> str:
    return text.rstrip().rstrip("?!.").rstrip()


def _double_mark(text: str) -> str:
    """«… болды ??»: the mark spaced off and doubled."""
    return _no_final(text) + " ??"


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "no_mark": _no_final,
    "double_mark": _double_mark,
    "glued": lambda t: HYPHENED.sub("", t),
    "spaced": lambda t: HYPHENED.sub(" ", t),
    "caps": str.upper,
    "latin": lambda t: t.translate(LATIN),
    "flat": lambda t: t.translate(FLAT),
    "flat_lower": lambda t: t.translate(FLAT).lower(),
}


def load_items(name: str, qa) -> list[dict]:
    """The own set whole, a blind or unanswerable set's dev (odd-id) half only."""
    path = REPO / "bench" / "data" / f"{name}.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return items if name == "qa" else [i for i in items if qa.in_split(i["id"], "dev")]


def outcome(qa, item: dict, answer) -> bool:
    """Correct with its source (answerable) or abstained (unanswerable)."""
    if item["answerable"]:
        return qa.answer_correct(item, answer) and qa.source_correct(item, answer)
    return answer.answer is None


def score_set(kb, qa, items: list[dict], transforms: list[str], errors: list[dict] | None) -> dict:
    originals = {i["id"]: kb.ask(i["question"]) for i in items}
    answerable = [i for i in items if i["answerable"]]
    row = {"original": {"correct": sum(outcome(qa, i, originals[i["id"]]) for i in answerable),
                        "answerable": len(answerable),
                        "abstained": sum(outcome(qa, i, originals[i["id"]]) for i in items if not i["answerable"]),
                        "unanswerable": len(items) - len(answerable)}}
    for name in transforms:
        counts = {"correct": 0, "abstained": 0, "changed": 0, "differ": 0}
        for item in items:
            typed = TRANSFORMS[name](item["question"])
            if typed == item["question"]:
                answer = originals[item["id"]]
            else:
                counts["changed"] += 1
                answer = kb.ask(typed)
            ok = outcome(qa, item, answer)
            counts["correct" if item["answerable"] else "abstained"] += ok
            same = answer.answer == originals[item["id"]].answer
            counts["differ"] += not same
            if errors is not None and not same:
                errors.append({"id": item["id"], "transform": name, "q": typed, "got": answer.answer,
                               "original": originals[item["id"]].answer, "ok": ok})
        row[name] = counts
    return row


def main() -> None:
    import derek
    from derek.ingest import ingest_paths

    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--transforms", default=",".join(TRANSFORMS))
    parser.add_argument("--errors", action="store_true", help="list the answers a transform changed")
    args = parser.parse_args()
    qa = _qa_module()
    transforms = args.transforms.split(",")
    errors: list[dict] | None = [] if args.errors else None
    report: dict[str, object] = {"benchmark": "typing_variants", "transforms": transforms}
    with tempfile.TemporaryDirectory() as tmp, derek.open(Path(tmp) / "qa.db") as kb:
        ingest_paths(kb, [str(qa.SEEDS), str(qa.CORPUS)])
        sets = {name: score_set(kb, qa, load_items(name, qa), transforms, errors) for name in args.sets.split(",")}
    report["sets"] = sets
    report["total"] = {t: {k: sum(s[t][k] for s in sets.values()) for k in sets[next(iter(sets))][t]}
                       for t in ["original", *transforms]}
    if errors is not None:
        report["errors"] = errors
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
