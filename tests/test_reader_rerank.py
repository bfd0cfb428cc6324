"""The span re-ranker (measured, not shipped: docs/ask.md round 10): its numpy tree evaluator against
LightGBM, its pick, and its JSON form."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from derek.pipeline import analyze
from derek.query.passages import document_passages
from derek.query.question import analyze_question
from derek.query.reader import span_inputs
from derek.query.reader_rerank import (
    Candidates,
    Forest,
    forest,
    matrix,
    pick,
    to_json,
    top_values,
)

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"

# (passage, question): hand-written, with several candidate spans each
PASSAGES = [
    ("Қазақ хандығының негізін Керей мен Жәнібек қалады. Хандықтың алғашқы астанасы Сығанақ қаласы болды.",
     "Хандықтың алғашқы астанасы қандай қала болды?"),
    (("Фотосинтез — жасыл өсімдіктердің жарық энергиясын пайдаланып, көмірқышқыл газы мен судан органикалық "
      "заттар түзуі. Бұл процесс хлоропластарда жүреді."), "Фотосинтез процесі қайда жүреді?"),
]

# (candidate texts, tree scores, decoding, the index picked)
PICKS = [
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.1, 0.2, 0.9], "argmax", 2),
    # two overlapping spans share the mass: their expected F1 beats the single likeliest
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.8, 0.8, 1.0], "mbr:0.5", 0),
    (["Сығанақ", "Сығанақ қаласы", "Жәнібек"], [0.0, 0.0, 3.0], "mbr:0.5", 2),
]


def _candidates(context: str, question: str):
    """The passages, the question, the linear scored spans and the candidates as the re-ranker reads them."""
    q = analyze_question(question)
    passages = document_passages(analyze(context), "context", q)
    scored, feats, of, extras, kind = span_inputs(passages, q)
    texts = [s.text for _, s in scored]
    c = Candidates(feats, texts, [s.passage.text for _, s in scored], of, extras, kind, [x for x, _ in scored])
    return passages, q, (scored, c)


def _rank_tree(columns: list[str]) -> Forest:
    """One tree: -1 for the likeliest linear candidate (rr:rank 0), +1 for every other."""
    f = columns.index("rr:rank")
    return Forest(columns, np.array([0]), np.array([f]), np.array([0.5]), np.array([True]),
                  np.array([0], dtype=np.int8), np.array([~0]), np.array([~1]), np.array([-1.0, 1.0]),
                  decode="argmax")


@pytest.mark.parametrize(("texts", "scores", "decode_as", "expected"), PICKS)
def test_reader_rerank_pick(texts: list[str], scores: list[float], decode_as: str, expected: int) -> None:
    assert pick(texts, np.array(scores), [{}] * len(texts), decode_as) == expected


def test_reader_rerank_json_round_trip() -> None:
    f = _rank_tree(["a", "rr:rank"])
    back = forest(json.loads(json.dumps(to_json(f, {"trained_by": "test"}))))
    x = np.array([[0.0, 0.0], [0.0, 2.0], [1.0, 0.5]])
    assert back.predict(x).tolist() == f.predict(x).tolist() == [-1.0, 1.0, -1.0]


def _dev_rows(n: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Re-ranker rows and F1 labels of the first ``n`` KazQAD dev questions (read at test time)."""
    sys.path.insert(0, str(REPO / "bench"))
    from kazqad import em_f1

    items = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()[:n]]
    rows, labels = [], []
    for item in items:
        _, _, (_, c) = _candidates(item["context"], item["question"])
        order, values = top_values(c)
        rows.append(values)
        labels.append(np.array([round(4 * em_f1(c.texts[i], item["answers"]["text"])[1]) for i in order]))
    return rows, labels


def test_reader_rerank_forest_matches_lightgbm() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    if not DEV.exists():
        pytest.skip("KazQAD dev not found")
    sys.path.insert(0, str(REPO / "scripts"))
    from train_reranker import PARAMS, forest_of

    rows, labels = _dev_rows(16)
    columns = sorted({k for r in rows for v in r for k in v})
    x = np.vstack([matrix(r, columns) for r in rows])
    params = {**PARAMS, "min_data_in_leaf": 5, "verbose": -1, "num_threads": 1}
    models = [lightgbm.train({**params, "seed": s}, lightgbm.Dataset(x, np.concatenate(labels), group=[len(r) for r in rows]),
                             num_boost_round=40) for s in (1, 2)]
    f = forest_of(models, columns, "mbr:0.5", 30)
    assert len(x) >= 200
    expected = np.mean([m.predict(x) for m in models], axis=0)
    assert np.abs(f.predict(x) - expected).max() < 1e-9
    assert np.ptp(expected) > 0  # the trees split: the check is not on constants
