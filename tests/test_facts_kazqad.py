"""bench/facts.py reads ``kazqad:<id>`` documents: the KazQAD dev passage named by its first id."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KAZQAD = REPO.parent / "shared" / "data" / "kazqad" / "kazqad-rc-dev.jsonl"
pytestmark = pytest.mark.skipif(not KAZQAD.is_file(), reason="../shared/data/kazqad not present")

# (passage id, its length in characters, sha256 prefix of its text): pins the exact text
# without copying it into the repository.
PASSAGES = [
    ("kzh2300kzh#70431_5_1", 158, "d99111c126456308"),
]
# A context that several lines share is named by the id of its first line only.
LATER_DUPLICATE = ("bio0644bio#7666_13_1_2", "bio0403bio#7666_13_1_2")


def _facts_bench():
    spec = importlib.util.spec_from_file_location("bench_facts", REPO / "bench" / "facts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _context_of(item_id: str) -> str:
    for line in KAZQAD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] == item_id:
            return item["context"]
    raise KeyError(item_id)


@pytest.mark.parametrize("item_id,length,digest", PASSAGES)
def test_facts_kazqad_loader_returns_passage_text(item_id, length, digest):
    facts = _facts_bench()
    text = facts.doc_text(f"kazqad:{item_id}")
    assert text == _context_of(item_id)
    assert len(text) == length
    assert hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] == digest
    assert facts.doc_path(f"kazqad:{item_id}").is_file()


def test_facts_kazqad_loader_names_a_passage_by_its_first_id():
    passages = _facts_bench().kazqad_passages()
    later, first = LATER_DUPLICATE
    assert later not in passages
    assert passages[first] == _context_of(later)


def test_facts_kazqad_every_gold_doc_resolves():
    facts = _facts_bench()
    docs = set()
    for half in ("dev", "heldout"):
        gold = REPO / "bench" / "data" / f"facts_gold_kazqad_{half}.jsonl"
        docs |= {json.loads(line)["doc"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert len(docs) == 20
    for doc in docs:
        assert doc.startswith("kazqad:") and facts.doc_text(doc)
