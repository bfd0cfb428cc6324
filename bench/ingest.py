"""Ingest throughput: documents/s, tokens/s, MB/s and peak RSS, printed as JSON.

    python bench/ingest.py            # seeds, a KazNERD-built corpus, one 50 MB text file
    python bench/ingest.py --quick    # seeds and a smaller KazNERD corpus only

Each corpus is ingested in a fresh subprocess so peak RSS belongs to that run alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
KAZNERD = SHARED / "data" / "kaznerd" / "kaznerd-valid.iob2"


def kaznerd_sentences() -> list[str]:
    from derek.extract.conll import read_iob2

    with KAZNERD.open(encoding="utf-8") as f:
        return [" ".join(tokens) for tokens, _ in read_iob2(f)]


def build_kaznerd_corpus(folder: Path, per_doc: int, copies: int) -> None:
    """KazNERD sentences grouped into documents of ``per_doc`` sentences, ``copies`` times over."""
    sentences = kaznerd_sentences()
    n = 0
    for copy in range(copies):
        for i in range(0, len(sentences), per_doc):
            text = "\n\n".join(sentences[i : i + per_doc]) + f"\n\n(нұсқа {copy})\n"
            (folder / f"kaznerd-{n:05}.txt").write_text(text, encoding="utf-8")
            n += 1


def build_big_file(path: Path, megabytes: int) -> None:
    sentences = kaznerd_sentences()
    with path.open("w", encoding="utf-8") as f:
        written, i = 0, 0
        while written < megabytes << 20:
            para = " ".join(sentences[i % len(sentences) : i % len(sentences) + 5]) + "\n\n"
            f.write(para)
            written += len(para.encode("utf-8"))
            i += 5


def measure(paths: list[Path]) -> dict:
    """Run the ingest in this process (called in a child) and report figures."""
    import derek
    from derek.ingest import ingest_paths

    size = sum(p.stat().st_size for path in paths for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file())
    with tempfile.TemporaryDirectory() as tmp, derek.open(Path(tmp) / "bench.db") as kb:
        start = time.perf_counter()
        results = ingest_paths(kb, [str(p) for p in paths])
        seconds = time.perf_counter() - start
        stats = kb.stats()
    return {
        "documents": stats["documents"],
        "failed": sum(r.status == "failed" for r in results),
        "sentences": stats["sentences"],
        "tokens": stats["tokens"],
        "megabytes": round(size / 2**20, 2),
        "seconds": round(seconds, 2),
        "documents_per_s": round(stats["documents"] / seconds, 1),
        "tokens_per_s": round(stats["tokens"] / seconds),
        "mb_per_s": round(size / 2**20 / seconds, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_child(name: str, paths: list[Path]) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *map(str, paths)], capture_output=True, text=True, check=True
    )
    return {"corpus": name, **json.loads(out.stdout)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", nargs="*")
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure([Path(p) for p in args.child])))
        return
    results = [run_child("seeds", [SHARED / "seeds"])]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "kaznerd"
        corpus.mkdir()
        build_kaznerd_corpus(corpus, per_doc=50, copies=1 if args.quick else 3)
        results.append(run_child("kaznerd-docs", [corpus]))
        if not args.quick:
            big = Path(tmp) / "big.txt"
            build_big_file(big, 50)
            results.append(run_child("one-50MB-file", [big]))
    print(json.dumps({"benchmark": "ingest", "python": sys.version.split()[0], "runs": results},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
