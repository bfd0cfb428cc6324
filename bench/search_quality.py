"""Search quality with and without lemmatization on KazQAD dev: each question against the pool of
all distinct passages (BM25, SQLite FTS5): recall@1, recall@5, MRR. Prints JSON.

    python bench/search_quality.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
KAZQAD = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"


def surface_terms(text: str) -> list[str]:
    from derek.kb.search import term
    from derek.lang.kk.segment import tokenize

    return [t for t in (term(tok) for tok in tokenize(text)) if t]


def lemma_terms(text: str) -> list[str]:
    from derek.kb.search import term
    from derek.pipeline import analyze_tokens

    return [t for t in (term(tok) for tok in analyze_tokens(text)) if t]


def evaluate(items: list[dict], passages: list[str], terms) -> dict:  # noqa: ANN001 - a function
    from derek.kb.search import fts_query

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(terms, tokenize='unicode61 remove_diacritics 0')")
    db.executemany("INSERT INTO p(rowid, terms) VALUES (?, ?)",
                   ((i, " ".join(terms(text))) for i, text in enumerate(passages)))
    index = {text: i for i, text in enumerate(passages)}
    hits1 = hits5 = 0
    reciprocal = 0.0
    for item in items:
        q = list(dict.fromkeys(terms(item["question"])))
        ranked = [r[0] for r in db.execute("SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 100",
                                            (fts_query(q),))] if q else []
        gold = index[item["context"]]
        if gold in ranked:
            rank = ranked.index(gold) + 1
            hits1 += rank == 1
            hits5 += rank <= 5
            reciprocal += 1 / rank
    n = len(items)
    return {"recall@1": round(hits1 / n, 3), "recall@5": round(hits5 / n, 3), "mrr": round(reciprocal / n, 3)}


def main() -> None:
    items = [json.loads(line) for line in KAZQAD.read_text(encoding="utf-8").splitlines() if line.strip()]
    passages = list(dict.fromkeys(item["context"] for item in items))
    history = [i for i in items if i["id"].startswith(("kzh", "woh"))]
    report = {"benchmark": "search_quality", "questions": len(items), "passages": len(passages)}
    for name, terms in (("surface_forms", surface_terms), ("lemmas", lemma_terms)):
        start = time.perf_counter()
        report[name] = {"all": evaluate(items, passages, terms), "history": evaluate(history, passages, terms),
                        "seconds": round(time.perf_counter() - start, 1)}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
