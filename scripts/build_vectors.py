"""Build count-based stem vectors for the reader's soft overlap (derek/query/reader_sentence.py): a
PPMI matrix of lemma stems against their neighbours within a sentence, reduced by truncated SVD,
from unlabelled text only -> derek/query/data/stem_vectors.npz (float16).

    python scripts/build_vectors.py [--dim 100] [--window 4] [--min-count 3]

Text read at run time of this script (never shipped): the distinct KazQAD dev passages (contexts
only: no question, no answer), KazNERD validation tokens and UD Kazakh KTB forms.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
OUT = REPO / "derek" / "query" / "data" / "stem_vectors.npz"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def kazqad_sentences() -> list[list[str]]:
    """The distinct passages of KazQAD dev split at sentence ends (contexts only)."""
    path = SHARED / "kazqad" / "kazqad-rc-dev.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    contexts = dict.fromkeys(i["context"] for i in items)
    return [WORD.findall(s) for c in contexts for s in SENTENCE_END.split(c)]


def column_sentences(path: Path, column: int, comment: str | None = None) -> list[list[str]]:
    """Sentences of a one-token-per-line file (blank line between sentences): column ``column``."""
    out, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if comment and line.startswith(comment):
            continue
        cells = line.split("\t") if "\t" in line else line.split()
        if not cells:
            if current:
                out.append(current)
            current = []
        elif len(cells) > column and not cells[0].count("-") and WORD.fullmatch(cells[column]):
            current.append(cells[column])
    return out + ([current] if current else [])


def stems(sentences: list[list[str]]) -> list[list[str]]:
    """Each word's lemma (derek's morphology), lowercased, cut to the reader's alignment stem."""
    from derek.lang.kk.morphology import lemma
    from derek.query.reader_align import STEM
    from derek.query.reader_sentence import content_stems

    cache: dict[str, str] = {}

    def one(word: str) -> str:
        if word not in cache:
            cache[word] = re.sub(r"\W", "", lemma(word).lower())[:STEM]
        return cache[word]

    return [content_stems([one(w) for w in s]) for s in sentences]


def ppmi_vectors(corpus: list[list[str]], dim: int, window: int, min_count: int) -> tuple[list[str], np.ndarray]:
    """Row-normalized SVD vectors (U·√S) of the PPMI stem-by-stem matrix, context counts smoothed
    by the power 0.75 (Levy, Goldberg & Dagan 2015)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    counts = Counter(w for s in corpus for w in s)
    vocab = sorted(w for w, c in counts.items() if c >= min_count)
    index = {w: i for i, w in enumerate(vocab)}
    pairs: Counter = Counter()
    for s in corpus:
        ids = [index.get(w) for w in s]
        for a, i in enumerate(ids):
            for b in range(max(0, a - window), min(len(ids), a + window + 1)):
                if b != a and i is not None and ids[b] is not None:
                    pairs[i, ids[b]] += 1
    rows, cols = np.array([k[0] for k in pairs]), np.array([k[1] for k in pairs])
    vals = np.array(list(pairs.values()), dtype=float)
    row_sum = np.bincount(rows, vals, len(vocab))
    col_sum = np.bincount(cols, vals, len(vocab)) ** 0.75
    pmi = np.log(vals * col_sum.sum() / (row_sum[rows] * col_sum[cols]))
    keep = pmi > 0
    m = coo_matrix((pmi[keep], (rows[keep], cols[keep])), shape=(len(vocab), len(vocab))).tocsr()
    u, s, _ = svds(m, k=dim, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return vocab, vectors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--window", type=int, default=4)
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args()
    text = kazqad_sentences() + column_sentences(SHARED / "kaznerd" / "kaznerd-valid.iob2", 0) \
        + column_sentences(SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu", 1, "#")
    corpus = stems(text)
    vocab, vectors = ppmi_vectors(corpus, args.dim, args.window, args.min_count)
    np.savez_compressed(OUT, stems=np.array(vocab), vectors=vectors.astype(np.float16))
    print(json.dumps({"sentences": len(corpus), "tokens": sum(map(len, corpus)), "stems": len(vocab),
                      "dim": args.dim, "bytes": OUT.stat().st_size}))


if __name__ == "__main__":
    main()
