"""Derive word clusters for the NER features: k-means over an SVD of a PPMI context matrix.

    python scripts/ner_clusters.py      # writes derek/extract/data/ner_clusters.tsv

Unlabeled text only: KazNERD tokens (tags dropped) and KazQAD passages from ../shared/data.
Words are clustered by lemma (derek.lang.kk.morphology), contexts are lower-cased neighbours.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derek.extract.conll import read_conll  # noqa: E402
from derek.extract.ner_words import CLUSTERS_NAME, cluster_key  # noqa: E402

SHARED = ROOT / ".." / "shared" / "data"
KAZNERD = SHARED / "kaznerd" / "kaznerd-valid.iob2"
KAZQAD = SHARED / "kazqad" / "kazqad-rc-dev.jsonl"
OUT = ROOT / "derek" / "extract" / "data" / CLUSTERS_NAME
MIN_COUNT = 3
CONTEXTS = 3000
DIMS = 100
GRANULARITIES = (32, 128, 512)
SEED = 13
_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")


def sentences() -> list[list[str]]:
    """KazNERD token lists and KazQAD passages tokenized by a simple regex (each passage once)."""
    with open(KAZNERD, encoding="utf-8") as fh:
        out = read_conll(fh)
    seen: set[str] = set()
    with open(KAZQAD, encoding="utf-8") as fh:
        for line in fh:
            context = json.loads(line).get("context", "")
            if context and context not in seen:
                seen.add(context)
                out.append(_TOKEN.findall(context))
    return out


def context_matrix(sents: list[list[str]]) -> tuple[list[str], np.ndarray]:
    """Words (lemma keys, count >= MIN_COUNT) and their row-normalized SVD vectors."""
    keys = [[cluster_key(t) for t in s] for s in sents]
    counts = Counter(k for s in keys for k in s)
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT)
    row = {w: i for i, w in enumerate(words)}
    low_counts = Counter(t.lower() for s in sents for t in s)
    ctx = [w for w, _ in sorted(low_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXTS]]
    col = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    for toks, ks in zip(sents, keys):
        low = ["<s>", *(t.lower() for t in toks), "</s>"]
        for i, k in enumerate(ks):
            if k not in row:
                continue
            for side, c in ((0, low[i]), (1, low[i + 2])):
                if c in col:
                    rows.append(row[k])
                    cols.append(2 * col[c] + side)
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), 2 * len(ctx))).tocsr()
    m.sum_duplicates()
    total = m.sum()
    pw = np.asarray(m.sum(axis=1)).ravel() / total
    pc = (np.asarray(m.sum(axis=0)).ravel() / total) ** 0.75
    pc /= pc.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total / (pw[m.row] * pc[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=DIMS, random_state=SEED)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return words, vec


def kmeans(x: np.ndarray, k: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means (cosine), k-means++ seeding with a fixed seed; returns labels."""
    rng = np.random.default_rng(SEED)
    centers = [x[rng.integers(len(x))]]
    dist = 1 - x @ centers[0]
    for _ in range(k - 1):
        p = np.clip(dist, 0, None) ** 2
        centers.append(x[rng.choice(len(x), p=p / p.sum())])
        dist = np.minimum(dist, 1 - x @ centers[-1])
    c = np.array(centers)
    labels = np.zeros(len(x), dtype=int)
    for _ in range(iterations):
        labels = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[labels == j]
            if len(members):
                v = members.sum(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return labels


def main() -> None:
    words, vec = context_matrix(sentences())
    labels = [kmeans(vec, k) for k in GRANULARITIES]
    head = "\t".join(["word", *(f"c{k}" for k in GRANULARITIES)])
    rows = ["# NER word clusters: lemma key -> k-means cluster id at each granularity",
            "# derived from unlabeled KazNERD tokens + KazQAD passages (scripts/ner_clusters.py)", head]
    rows += ["\t".join([w, *(str(lab[i]) for lab in labels)]) for i, w in enumerate(words)]
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(json.dumps({"words": len(words), "granularities": GRANULARITIES, "out": str(OUT)}))


if __name__ == "__main__":
    main()
