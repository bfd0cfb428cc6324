"""Latency of `ask` (p50/p99, ms) on the seeds knowledge base (../shared/seeds + the sample
corpus) and on a large one: KazNERD sentences, one per document, up to --docs documents in all,
plus the seeds and the corpus. The questions are bench/data/qa.jsonl; ``*_reader`` times
``derek ask --reader`` (the span reader over the best documents). Prints JSON.

    python bench/ask_latency.py [--docs 10000] [--skip-large]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = REPO / "examples" / "corpus"
KAZNERD = SHARED / "data" / "kaznerd" / "kaznerd-valid.iob2"
QA = REPO / "bench" / "data" / "qa.jsonl"


def kaznerd_sentences() -> list[str]:
    """Sentences of the KazNERD validation split (IOB2: one token per line, blank between)."""
    sentences, words = [], []
    for line in KAZNERD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            words.append(line.split()[0])
        elif words:
            sentences.append(" ".join(words))
            words = []
    return sentences + ([" ".join(words)] if words else [])


def timings(kb, questions: list[str], reader: bool = False) -> dict:  # noqa: ANN001 - KnowledgeBase
    kb.ask(questions[0], reader=reader)  # warm the caches (gazetteer, morphology) once, as a server would
    times = []
    for q in questions:
        start = time.perf_counter()
        kb.ask(q, reader=reader)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"questions": len(times), "p50_ms": round(statistics.median(times), 1),
            "p99_ms": round(times[max(int(len(times) * 0.99) - 1, 0)], 1), "max_ms": round(times[-1], 1)}


def build(folder: Path, extra: list[str]) -> tuple[object, float]:
    import derek
    from derek.ingest import ingest_paths

    start = time.perf_counter()
    kb = derek.open(folder / "kb.db")
    ingest_paths(kb, [str(SEEDS), str(CORPUS), *extra])
    return kb, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the large knowledge base")
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    questions = [json.loads(line)["question"] for line in QA.read_text(encoding="utf-8").splitlines() if line.strip()]
    report: dict = {"benchmark": "ask_latency"}
    with tempfile.TemporaryDirectory() as tmp:
        kb, built = build(Path(tmp), [])
        docs = kb.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        report["seeds_kb"] = {"documents": docs, "build_s": round(built, 1), **timings(kb, questions)}
        report["seeds_kb_reader"] = timings(kb, questions, reader=True)  # `derek ask --reader`
        kb.close()
    if not args.skip_large:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "kaznerd"
            folder.mkdir()
            sentences = kaznerd_sentences()[: max(args.docs - docs, 0)]
            for n, sentence in enumerate(sentences):
                (folder / f"kaznerd_{n:05d}.txt").write_text(sentence, encoding="utf-8")
            kb, built = build(Path(tmp), [str(folder)])
            stats = {k: kb.db.execute(f"SELECT count(*) FROM {k}").fetchone()[0] for k in ("documents", "sentences")}
            report["large_kb"] = {**stats, "build_s": round(built, 1), **timings(kb, questions)}
            report["large_kb_reader"] = timings(kb, questions, reader=True)
            kb.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
