"""bench/facts.py reads ``kaznerd:<n>`` documents (the n-th KazNERD validation sentence, tokens
joined by single spaces), and the dev7 gold over them is well formed."""

from __future__ import annotations

import importlib.util
import json
from itertools import pairwise
from pathlib import Path

import pytest
from test_facts_gold import _row_errors

from derek.doc import Document
from derek.lang.kk.segment import segment

REPO = Path(__file__).resolve().parents[1]
KAZNERD = REPO.parent / "shared" / "data" / "kaznerd" / "kaznerd-valid.iob2"
GOLD = REPO / "bench" / "data" / "facts_gold_kaznerd_dev7.jsonl"
pytestmark = pytest.mark.skipif(not KAZNERD.is_file(), reason="../shared/data/kaznerd not present")

# (sentence number, its length in characters): the first and the last sentence of the file.
SENTENCES = [(0, 55), (11166, 44)]


def _facts_bench():
    spec = importlib.util.spec_from_file_location("bench_facts", REPO / "bench" / "facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tokens(n: int) -> list[str]:
    """The tokens of the n-th sentence, read independently of the bench."""
    sentence, count = [], 0
    for line in KAZNERD.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sentence and count == n:
                return sentence
            count, sentence = count + bool(sentence), []
        else:
            sentence.append(line.rsplit(maxsplit=1)[0])
    return sentence


@pytest.mark.parametrize(("n", "length"), SENTENCES)
def test_facts_kaznerd_loader_joins_tokens_with_spaces(n: int, length: int) -> None:
    facts = _facts_bench()
    text = facts.doc_text(f"kaznerd:{n}")
    assert text == " ".join(_tokens(n))
    assert len(text) == length and "  " not in text
    assert facts.doc_path(f"kaznerd:{n}") == facts.KAZNERD
    assert len(facts.kaznerd_sentences()) == 11167


def _gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_facts_kaznerd_dev7_rows_are_well_formed() -> None:
    facts = _facts_bench()
    problems = []
    for row in _gold():
        text = facts.doc_text(row["doc"])
        sentences = frozenset((s.start, s.end) for s in segment(Document(text)).sentences)
        note = {k: v for k, v in row.items() if k != "split"}
        problems += [(row["doc"], err) for err in _row_errors(note, sentences)]
        assert row["split"] == "dev7"
        for field in ("value", "note"):  # cue words only, never the sentence itself
            assert text.rstrip(" .") not in (row.get(field) or ""), (row["doc"], field)
    assert problems == []


def test_facts_kaznerd_dev7_takes_one_sentence_per_paraphrase_pair() -> None:
    # KazNERD holds near-duplicate paraphrases side by side: no two gold docs are neighbours.
    numbers = sorted({int(row["doc"].removeprefix("kaznerd:")) for row in _gold()})
    assert len(numbers) >= 40
    assert all(b - a > 1 for a, b in pairwise(numbers))
