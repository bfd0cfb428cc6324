"""Shape checks for the gold fact annotations in bench/data/facts_gold*.jsonl (see facts_gold.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from conftest import gold_doc_path, gold_text_and_sentences

from derek.lang.kk.resources import load_tsv

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "bench" / "data" / "facts_gold.jsonl"
# Held-out seed document: annotated by reading; the extractor was never tuned on it.
HELDOUT = REPO / "bench" / "data" / "facts_gold_heldout.jsonl"
GOLD_FILES = (GOLD, HELDOUT)
CORPUS = REPO / "examples" / "corpus"
SEEDS = REPO / ".." / "shared" / "seeds"
GAZETTEERS = ("gazetteer_states.tsv", "gazetteer_orgs.tsv", "gazetteer_treaties.tsv",
              "gazetteer_people.tsv", "gazetteer_places.tsv")
KEYS = {"doc", "sentence", "subject", "predicate", "object", "value", "time"}
DAY = r"\d{4}(-\d{2}(-\d{2})?)?|\d{3}X|\d{2}XX"
TIMEX = re.compile(rf"^({DAY})(/({DAY})?)?$")
NUMBER = r"\d+(\.\d+)?(e\d+)?"
QUANTITY = re.compile(rf"^{NUMBER}( [a-zA-Z0-9]+)?$")
# Deliberate widenings of predicates.tsv, documented in bench/data/facts_gold.md:
# a figure may be about a person (votes); a country may stand where a place is expected.
EXTRA_SUBJECT = {"quantity": {"person"}}
EXTRA_OBJECT = {"operates_in": {"state"}, "opened": {"state"}}


@cache
def _lines(gold: Path = GOLD) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip())


def _docs(gold: Path = GOLD) -> list[str]:
    return sorted({row["doc"] for row in _lines(gold)})


def _file_docs() -> list[tuple[Path, str]]:
    return [(gold, doc) for gold in GOLD_FILES for doc in _docs(gold)]


_path = gold_doc_path
_text_and_sentences = gold_text_and_sentences


@cache
def _entity_types() -> dict[str, str]:
    types = {}
    for name in GAZETTEERS:
        for row in load_tsv(name):
            types[row["id"]] = "place" if row["id"].startswith("place:") else row["type"]
    return types


@cache
def _predicates() -> dict[str, dict[str, str]]:
    text = resources.files("derek.extract").joinpath("data", "predicates.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header, body = rows[0], rows[1:]
    return {cells[0]: dict(zip(header, cells, strict=True)) for cells in body}


def _fits(kind: str | None, allowed: set[str]) -> bool:
    """A body (ТМД Атқарушы комитеті) may stand wherever an organization may."""
    return kind in allowed or (kind == "body" and "organization" in allowed)


def _row_errors(row: dict, sentences: frozenset[tuple[int, int]]) -> list[str]:
    errors = []
    if not KEYS <= set(row) <= KEYS | {"note"}:
        errors.append(f"keys {sorted(row)}")
    if tuple(row["sentence"]) not in sentences:
        errors.append(f"{row['sentence']} is not a sentence of derek's segmentation")
    spec = _predicates().get(row["predicate"])
    if spec is None:
        return errors + [f"unknown predicate {row['predicate']}"]
    types = _entity_types()
    allowed = set(spec["subject"].split("|")) | EXTRA_SUBJECT.get(row["predicate"], set())
    if not _fits(types.get(row["subject"]), allowed):
        errors.append(f"subject {row['subject']} ({types.get(row['subject'])}) not in {sorted(allowed)}")
    errors += _object_errors(row, spec, types)
    if row["time"] is not None and not TIMEX.match(row["time"]):
        errors.append(f"time {row['time']!r} is not TIMEX3-like")
    return errors


def _object_errors(row: dict, spec: dict[str, str], types: dict[str, str]) -> list[str]:
    obj, value = row["object"], row["value"]
    if obj is not None and value is not None:
        return ["both object and value"]
    if obj is not None:
        allowed = set(spec["object"].split("|")) | EXTRA_OBJECT.get(row["predicate"], set())
        if not _fits(types.get(obj), allowed):
            return [f"object {obj} ({types.get(obj)}) not in {sorted(allowed)}"]
    if value is not None and (not isinstance(value, str) or not value.strip()):
        return [f"value {value!r}"]
    if row["predicate"] == "has_member_count" and not re.fullmatch(r"\d+", value or ""):
        return [f"member count {value!r}"]
    if row["predicate"] == "quantity" and not QUANTITY.match(value or ""):
        return [f"quantity {value!r} is not '<number> <unit>'"]
    if spec["object"] != "literal" and obj is None and value is None and row["predicate"] not in {"adopted", "founded_on"}:
        return ["needs an object or a value"]
    return []


@pytest.mark.parametrize(("gold", "doc"), _file_docs(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_facts_gold_rows_are_well_formed(gold: Path, doc: str) -> None:
    if not _path(doc).exists():
        pytest.skip(f"{doc} is not on this machine")
    text, sentences = _text_and_sentences(doc)
    rows = [row for row in _lines(gold) if row["doc"] == doc]
    problems = [(row, err) for row in rows for err in _row_errors(row, sentences)]
    assert problems == []
    assert all(0 <= row["sentence"][0] < row["sentence"][1] <= len(text) for row in rows)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_facts_gold_has_no_duplicate_facts(gold: Path) -> None:
    keys = Counter(
        (r["doc"], tuple(r["sentence"]), r["subject"], r["predicate"], r["object"], r["value"], r["time"])
        for r in _lines(gold)
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_facts_gold_covers_corpus_and_two_seeds() -> None:
    docs = set(_docs())
    assert {p.name for p in CORPUS.iterdir()} <= docs
    assert len([d for d in docs if not (CORPUS / d).exists()]) >= 2


def test_facts_gold_heldout_is_one_unseen_seed() -> None:
    # A held-out document must never have been among the documents the extractor was tuned on.
    docs = set(_docs(HELDOUT))
    assert len(docs) == 1 and not docs & set(_docs(GOLD))
    assert not any((CORPUS / d).exists() for d in docs)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name)
def test_facts_gold_stores_no_seed_sentences(gold: Path) -> None:
    for row in _lines(gold):
        if (CORPUS / row["doc"]).exists() or not _path(row["doc"]).exists():
            continue
        text, _ = _text_and_sentences(row["doc"])
        sentence = text[slice(*row["sentence"])]
        for field in ("value", "note"):
            assert not row.get(field) or len(row[field]) < 0.5 * len(sentence), (row["doc"], field)


def test_facts_gold_rejects_bad_rows() -> None:
    # The checker itself must fail on broken rows, so a green run means something.
    _, sentences = _text_and_sentences("tmd.txt")
    start, end = min(sentences)
    good = {"doc": "tmd.txt", "sentence": [start, end], "subject": "state:kz", "predicate": "member_of",
            "object": "org:un", "value": None, "time": "1992-03-02"}
    assert _row_errors(good, sentences) == []
    for change in ({"subject": "state:xx"}, {"predicate": "likes"}, {"time": "2 наурыз"},
                   {"sentence": [start, end + 1]}, {"object": "treaty:npt"}, {"value": "1"},
                   {"predicate": "has_member_count", "subject": "org:un", "object": None, "value": "көп"}):
        assert _row_errors(good | change, sentences), change
