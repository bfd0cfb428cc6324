"""KazQAD dev (../shared/data/kazqad/kazqad-rc-dev.jsonl): reading comprehension with the gold
passage given (EM, token F1, SQuAD normalization) and open-domain question answering over a
knowledge base of all distinct dev passages (retrieval recall@1/@5, EM, F1). History questions
(ids starting kzh, woh) are also reported apart. Prints JSON.

    python bench/kazqad.py [--limit N] [--skip-open]

Each figure is given for all questions, the history questions, and the two halves of the dev set
split by passage (``halves``): the hand-weighted extractor (spans.SPAN_PRIOR, POS_FIT, …) was
tuned on "tune_half". The learned span reader (derek/query/reader.py) is trained on this same dev
set, so every question here is answered by the reader of a 5-fold split by passage that did not
see its passage (scripts/train_reader.py: folds, train); the shipped weights are not used.
Reading comprehension is reported always answering (threshold 0, as SQuAD v1 scores a system),
with derek's abstention thresholds (no answer scores 0), and with the reader alone (no typed
extractor first: ``ask.TYPED_FIRST = False``). Open domain: recall@k of documents
ranked by the summed BM25 of their best three sentences (``sentence_ranking``: by their best
sentence alone); EM/F1 of ``ask_open`` reading the best documents whole (``read_documents``,
also with the threshold; its document model held out like the reader: scripts/train_documents.py)
and of ``ask`` choosing one answer sentence (``answer_sentence``, also with the threshold: what
``derek ask`` answers by default; ``read_documents_with_threshold`` is ``derek ask --reader``;
``answer_sentence*_span`` score the words ``ask`` read its answer from, ``Answer.spans``, where the
plain modes score the rendered answer: «1731», not «1731 жыл»). The fold readers are trained on
scripts/train_reader.py's feature cache when it holds these questions: run
``python scripts/train_reader.py --rebuild`` first after changing the reader's features.
"""

from __future__ import annotations

import argparse
import json
import string
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEV = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"
HISTORY = ("kzh", "woh")
_PUNCT = set(string.punctuation) | set("«»“”„–—…")


def normalize(text: str) -> str:
    """SQuAD normalization: lowercase, no punctuation, single spaces (Kazakh has no articles)."""
    text = "".join(" " if c in _PUNCT else c for c in text.lower())
    return " ".join(text.split())


def f1(pred: str, gold: str) -> float:
    p, g = normalize(pred).split(), normalize(gold).split()
    common = sum((Counter(p) & Counter(g)).values())
    if not p or not g or not common:
        return float(p == g)
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def em_f1(pred: str | None, golds: list[str]) -> tuple[float, float]:
    pred = pred or ""
    return (max(float(normalize(pred) == normalize(g)) for g in golds),
            max(f1(pred, g) for g in golds))


def halves(items: list[dict]) -> dict[str, str]:
    """Each item's half of the dev set: distinct passages in order of first use, alternately
    "tune" and "test", so no passage (and none of its questions) is in both halves."""
    contexts = list(dict.fromkeys(i["context"] for i in items))
    half = {c: ("tune", "test")[k % 2] for k, c in enumerate(contexts)}
    return {i["id"]: half[i["context"]] for i in items}


def summary(rows: list[dict]) -> dict:
    def part(sel: list[dict]) -> dict:
        n = len(sel) or 1
        out = {"questions": len(sel), "em": round(100 * sum(r["em"] for r in sel) / n, 1),
               "f1": round(100 * sum(r["f1"] for r in sel) / n, 1),
               "answered": sum(r["answered"] for r in sel)}
        if sel and "r1" in sel[0]:
            out["recall@1"] = round(100 * sum(r["r1"] for r in sel) / n, 1)
            out["recall@5"] = round(100 * sum(r["r5"] for r in sel) / n, 1)
        return out

    return {"all": part(rows), "history": part([r for r in rows if r["id"].startswith(HISTORY)]),
            "tune_half": part([r for r in rows if r["half"] == "tune"]),
            "test_half": part([r for r in rows if r["half"] == "test"])}


def fold_weights(items: list[dict]) -> dict[str, dict[str, float]]:
    """Each question's reader weights: trained on the four folds without its passage
    (scripts/train_documents.py: reader_fold_weights, on train_reader's feature cache if current)."""
    sys.path.insert(0, str(REPO / "scripts"))
    from train_documents import reader_fold_weights

    return reader_fold_weights(items)


def reading_comprehension(items: list[dict], threshold: float | None, weights: dict[str, dict]) -> dict:
    from derek.pipeline import analyze
    from derek.query.ask import ask_document

    docs: dict[str, object] = {}
    rows = []
    for item in items:
        doc = docs.get(item["context"]) or docs.setdefault(item["context"], analyze(item["context"]))
        answer = ask_document(doc, item["question"], threshold=threshold, weights=weights[item["id"]])
        em, f = em_f1(answer.answer, item["answers"]["text"])
        rows.append({"id": item["id"], "half": item["half"], "em": em, "f1": f,
                     "answered": answer.answer is not None})
    return summary(rows)


def open_domain(items: list[dict], weights: dict[str, dict]) -> dict:
    """Retrieval recall of the gold passage's document (ranked by the summed BM25 of its best
    sentences, and by its best sentence alone) and EM/F1 of ``ask_open`` (the best documents read
    whole) and of ``ask`` (the answer sentence among the best sentences), always answering."""
    import derek
    from derek.ingest import ingest_paths
    from derek.query.ask import ask, ask_open
    from derek.query.passages import kb_passages, rank_documents
    from derek.query.question import analyze_question

    sys.path.insert(0, str(REPO / "scripts"))
    from train_documents import document_rows, first_is_gold, fold_document_weights

    contexts = list(dict.fromkeys(i["context"] for i in items))
    names = {c: f"p{n:04d}.txt" for n, c in enumerate(contexts)}
    rows: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for c, name in names.items():
            (Path(tmp) / name).write_text(c, encoding="utf-8")
        start = time.perf_counter()
        with derek.open(Path(tmp) / "kazqad.db") as kb:
            ingest_paths(kb, [str(Path(tmp) / n) for n in names.values()])
            built = time.perf_counter() - start
            doc_names = dict(kb.db.execute("SELECT id, name FROM documents").fetchall())
            doc_rows = document_rows(kb.db, items, weights, names)
            doc_weights = fold_document_weights(doc_rows)
            for item in items:
                question = analyze_question(item["question"])
                by_doc = sorted(rank_documents(kb.db, question).items(), key=lambda kv: -kv[1])
                ranked = [doc_names[d] for d, _ in by_doc]
                by_sentence = list(dict.fromkeys(p.doc for p in kb_passages(kb.db, question)))
                gold = names[item["context"]]
                calls = (("read_documents", ask_open, 0.0), ("read_documents_with_threshold", ask_open, None),
                         ("answer_sentence", ask, 0.0), ("answer_sentence_with_threshold", ask, None))
                for mode, fn, threshold in calls:
                    # held out for both: ``ask`` reads an unsure description with the span reader too
                    extra = {"weights": weights[item["id"]], "doc_weights": doc_weights[item["id"]]}
                    answer = fn(kb.db, item["question"], threshold, **extra)
                    scored = [(mode, answer.answer)]
                    if fn is ask:  # the KB answer is rendered («1731 жыл»); its words in the text: «1731»
                        words = answer.spans[0]["text"] if len(answer.spans) == 1 else answer.answer
                        scored.append((mode + "_span", words))
                    for key, text in scored:
                        em, f = em_f1(text, item["answers"]["text"])
                        rows.setdefault(key, []).append({
                            "id": item["id"], "half": item["half"], "em": em, "f1": f,
                            "answered": answer.answer is not None,
                            "r1": gold in ranked[:1], "r5": gold in ranked[:5]})
                rows.setdefault("sentence_ranking", []).append({
                    "id": item["id"], "half": item["half"], "em": 0.0, "f1": 0.0, "answered": False,
                    "r1": gold in by_sentence[:1], "r5": gold in by_sentence[:5]})
    return {**{mode: summary(r) for mode, r in rows.items()}, "passages": len(contexts),
            "reranked_recall@1": first_is_gold(doc_rows, doc_weights),
            "build_s": round(built, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="first N questions only")
    parser.add_argument("--skip-open", action="store_true", help="reading comprehension only")
    args = parser.parse_args()
    from derek.query import ask

    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = items[: args.limit] if args.limit else items
    half = halves(items)
    items = [{**i, "half": half[i["id"]]} for i in items]
    weights = fold_weights(items)
    report = {"benchmark": "kazqad-dev", "questions": len(items),
              "anchors": {"rc": {"em": 38.5, "f1": 54.2}, "open": {"em": 17.8, "f1": 28.7}},
              "reading_comprehension": reading_comprehension(items, 0.0, weights),
              "reading_comprehension_with_threshold": reading_comprehension(items, None, weights)}
    ask.TYPED_FIRST = False
    report["reading_comprehension_reader_only"] = reading_comprehension(items, 0.0, weights)
    ask.TYPED_FIRST = True
    if not args.skip_open:
        report["open_domain"] = open_domain(items, weights)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
