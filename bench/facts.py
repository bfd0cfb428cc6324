"""Fact extraction against the hand-annotated gold facts (bench/data/facts_gold.jsonl).

    python bench/facts.py [--gold PATH] [--split dev|heldout] [--errors] [--min-confidence P]

A document is a file name (examples/corpus, then ../shared/seeds), ``kazqad:<id>``: the KazQAD
dev passage whose first line has that id, read from ../shared/data/kazqad at run time, or
``kaznerd:<n>``: the n-th sentence (0-based, file order) of KazNERD's validation file with its
tokens joined by single spaces, or ``ud:<sent_id>``: the ``# text`` line of the UD Kazakh KTB dev
sentence with that ``# sent_id`` (../shared/data/ud-kazakh-ktb, CC BY-SA 4.0), one sentence per document.

Scores (subject, predicate, object or value, time) per document: precision, recall, F1 overall
and per predicate, plus how many true positives cite the gold evidence sentence. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GOLD = REPO / "bench" / "data" / "facts_gold.jsonl"
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO / "examples" / "corpus"
KAZQAD = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"
KAZQAD_PREFIX = "kazqad:"
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "kaznerd-valid.iob2"
KAZNERD_PREFIX = "kaznerd:"
UD = REPO.parent / "shared" / "data" / "ud-kazakh-ktb" / "kk_ktb-dev.conllu"
UD_PREFIX = "ud:"


def doc_path(name: str) -> Path:
    """The file a document is read from; for a ``kazqad:<id>`` name, the KazQAD dev file."""
    if name.startswith(KAZQAD_PREFIX):
        return KAZQAD
    if name.startswith(KAZNERD_PREFIX):
        return KAZNERD
    if name.startswith(UD_PREFIX):
        return UD
    return CORPUS / name if (CORPUS / name).exists() else SEEDS / name


@cache
def kazqad_passages() -> dict[str, str]:
    """KazQAD dev contexts by the id of the first line (file order) that holds each one."""
    passages: dict[str, str] = {}
    seen: set[str] = set()
    for line in KAZQAD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["context"] not in seen:
                seen.add(item["context"])
                passages[item["id"]] = item["context"]
    return passages


@cache
def kaznerd_sentences() -> tuple[str, ...]:
    """KazNERD validation sentences in file order, each its tokens joined by single spaces."""
    from derek.extract.conll import read_iob2

    with KAZNERD.open(encoding="utf-8") as f:
        return tuple(" ".join(tokens) for tokens, _ in read_iob2(f))


@cache
def ud_sentences() -> dict[str, str]:
    """UD Kazakh KTB dev sentences by ``# sent_id``: the ``# text`` comment as the file has it, so
    gold offsets index the treebank's own untokenized sentence (not its tokens rejoined)."""
    sentences: dict[str, str] = {}
    sent_id = None
    for line in UD.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line.removeprefix("# sent_id = ")
        elif line.startswith("# text = ") and sent_id is not None:
            sentences[sent_id] = line.removeprefix("# text = ")
            sent_id = None
    return sentences


def doc_text(name: str) -> str:
    """The text derek extracts from a document: a file's joined chunks, a KazQAD passage, a
    KazNERD sentence or a UD KTB sentence."""
    if name.startswith(KAZQAD_PREFIX):
        return kazqad_passages()[name.removeprefix(KAZQAD_PREFIX)]
    if name.startswith(KAZNERD_PREFIX):
        return kaznerd_sentences()[int(name.removeprefix(KAZNERD_PREFIX))]
    if name.startswith(UD_PREFIX):
        return ud_sentences()[name.removeprefix(UD_PREFIX)]
    from derek.ingest.readers import file_digest, open_source

    path = doc_path(name)
    size, sha = file_digest(path)
    return "".join(open_source(path, size, sha).chunks)


def norm_value(value: str | None) -> str | None:
    """'3.4e+10 USD' and '3.4e10 USD' compare equal; other literals compare casefolded and
    without quotation marks («"… туралы" декларация» is the gold's «… туралы декларация»)."""
    if value is None:
        return None
    value = " ".join(re.sub(r'["«»“”„]', " ", value).split())
    m = re.fullmatch(r"([-\d.e+]+)\s*(.*)", value.strip())
    if m:
        try:
            return f"{float(m.group(1)):.6g} {m.group(2).strip()}".strip()
        except ValueError:
            pass
    return value.strip().casefold()


def key(doc: str, f: dict) -> tuple:
    target = f["object"] if f["object"] else norm_value(f["value"])
    return doc, f["subject"], f["predicate"], target, f["time"]


# a provisional id's type and the prefix a gold id of that kind has
_KINDS = {"organization": "org", "body": "org", "place": "place", "city": "place", "region": "place",
          "event": "event", "person": "person", "state": "state"}


def _stands_for(pred: object, gold: object, known: frozenset[str]) -> bool:
    """Does a predicted id stand for the gold one: the same id, or a provisional ``prov:<type>:…``
    for a gold id of that kind that no gazetteer row has (as bench/entities.py wants any
    provisional id for a name in no gazetteer)?"""
    if pred == gold:
        return True
    if not (isinstance(pred, str) and isinstance(gold, str) and pred.startswith("prov:")) or gold in known:
        return False
    return _KINDS.get(pred.split(":")[1]) == gold.split(":")[0]


def match_provisional(gold: dict[tuple, dict], predicted: dict[tuple, dict]) -> dict[tuple, dict]:
    """Re-key each predicted fact with a provisional subject or object to the one unmatched gold
    key it stands for (same document, predicate, literal and time), so a name in no gazetteer is
    scored as bench/entities.py scores its mention."""
    from derek.extract.gazetteer import load_gazetteer

    known = frozenset(load_gazetteer().entries)
    free = set(gold) - set(predicted)
    out: dict[tuple, dict] = {}
    for k, f in predicted.items():
        if "prov:" in f"{k[1]}{k[3]}" and k not in gold:
            k = next((g for g in sorted(free, key=str) if g[0] == k[0] and g[2] == k[2] and g[4] == k[4]
                      and _stands_for(k[1], g[1], known) and _stands_for(k[3], g[3], known)), k)
            free.discard(k)
        out.setdefault(k, f)
    return out


def extract(name: str) -> tuple[list[dict], int]:
    from derek.doc import Document
    from derek.pipeline import run

    text = doc_text(name)
    doc = run(Document(text))
    return [f.to_dict() for f in doc.facts], len(text)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: facts_gold.jsonl)")
    parser.add_argument("--errors", action="store_true", help="also list false positives/negatives")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="score only facts whose (calibrated) confidence is at least this")
    parser.add_argument("--split", help="score only the gold rows (and documents) of this split (dev, heldout)")
    args = parser.parse_args()
    text = args.gold.read_text(encoding="utf-8")
    gold_rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    if args.split:
        gold_rows = [g for g in gold_rows if g.get("split") == args.split]
    docs = sorted({g["doc"] for g in gold_rows if doc_path(g["doc"]).exists()})
    gold = {key(g["doc"], g): g for g in gold_rows if g["doc"] in docs}
    predicted: dict[tuple, dict] = {}
    start, chars = time.perf_counter(), 0
    for name in docs:
        facts, n = extract(name)
        chars += n
        for f in facts:
            if f["confidence"] >= args.min_confidence:
                predicted.setdefault(key(name, f), f)
    seconds = time.perf_counter() - start
    predicted = match_provisional(gold, predicted)
    tp = gold.keys() & predicted.keys()
    by_pred: dict[str, Counter] = defaultdict(Counter)
    for k in gold.keys() | predicted.keys():
        by_pred[k[2]]["tp" if k in tp else "fn" if k in gold else "fp"] += 1
    sourced = sum(1 for k in tp if [predicted[k]["start"], predicted[k]["end"]] == gold[k]["sentence"])
    report = {
        "benchmark": "facts", "gold": args.gold.name, "split": args.split, "min_confidence": args.min_confidence, "documents": len(docs), "gold_facts": len(gold),
        "predicted_facts": len(predicted), "overall": prf(len(tp), len(predicted) - len(tp), len(gold) - len(tp)),
        "true_positives_citing_gold_sentence": f"{sourced}/{len(tp)}",
        "per_predicate": {p: prf(c["tp"], c["fp"], c["fn"]) for p, c in sorted(by_pred.items())},
        "seconds": round(seconds, 2), "chars_per_s": round(chars / seconds),
    }
    if args.errors:
        report["false_negatives"] = sorted((list(k) for k in gold.keys() - predicted.keys()), key=str)
        report["false_positives"] = sorted((list(k) for k in predicted.keys() - gold.keys()), key=str)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
