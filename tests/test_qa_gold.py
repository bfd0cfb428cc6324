"""Shape checks for the question-answering gold set in bench/data/qa.jsonl (see bench/data/qa.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from conftest import gold_doc_path, gold_text_and_sentences

from derek.lang.kk.resources import load_tsv

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "bench" / "data" / "qa.jsonl"
CORPUS = REPO / "examples" / "corpus"
SEEDS = REPO / ".." / "shared" / "seeds"
GAZETTEERS = ("gazetteer_states.tsv", "gazetteer_orgs.tsv", "gazetteer_treaties.tsv",
              "gazetteer_people.tsv", "gazetteer_places.tsv")
KEYS = {"id", "question", "answerable", "answer_type", "answers", "value", "sources", "kind", "note"}
KINDS = {"direct", "paraphrase", "list", "count", "two_docs", "unanswerable", "exam", "who_is", "probe"}  # probe: a lead's question over the sample corpus (session 22)
PREFIX = {"person": "person:", "place": "place:", "organization": "org:", "state": "state:"}
ENTITY_TYPES = set(PREFIX)
ANSWER_TYPES = ENTITY_TYPES | {"date", "year", "number", "list", "description"}
DAY = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE = re.compile(rf"^{DAY}(/{DAY})?$")
YEAR = re.compile(r"^\d{4}(/\d{4})?$")
NUMBER = re.compile(r"^\d+(\.\d+)?$")
# Minimum counts the brief (issue 7) asks for.
MINIMUMS = {"paraphrase": 25, "list": 10, "count": 10, "two_docs": 8, "unanswerable": 15, "exam": 10}
# Every question form issue 7 names must occur at least once (matched on whole words).
FORMS = ["қашан", "қай жылы", "қай күні", "қай айда", "кім", "кімдер", "не", "нені", "қандай", "қай",
         "қайда", "қай жерде", "қай қалада", "неше", "қанша", "нешінші"]


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = _rows()
SOURCES = [(row["id"], src) for row in ROWS for src in row["sources"]]


_path = gold_doc_path
_text_and_sentences = gold_text_and_sentences


@cache
def _gazetteer_ids() -> frozenset[str]:
    return frozenset(row["id"] for name in GAZETTEERS for row in load_tsv(name))


def _words(question: str) -> str:
    return " " + re.sub(r"[^\w-]+", " ", question.lower()) + " "


def test_qa_gold_lines_have_the_schema():
    assert len(ROWS) >= 110
    for row in ROWS:
        assert set(row) == KEYS, row["id"]
        assert row["kind"] in KINDS and row["answer_type"] in ANSWER_TYPES, row["id"]
        assert isinstance(row["answers"], list) and isinstance(row["note"], str), row["id"]
        assert row["question"].strip() == row["question"] and row["question"], row["id"]


def test_qa_gold_ids_are_unique_and_sequential():
    ids = [row["id"] for row in ROWS]
    assert ids == [f"q{i:03d}" for i in range(1, len(ids) + 1)]
    assert len({row["question"] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_qa_gold_answerability_matches_answers_and_sources(row):
    if row["answerable"]:
        assert row["kind"] != "unanswerable"
        assert row["answers"] and all(isinstance(a, dict) or isinstance(a, str) and a.strip() for a in row["answers"])
        assert row["sources"]
    else:
        assert row["kind"] == "unanswerable"
        assert row["answers"] == [] and row["sources"] == [] and row["value"] is None


@pytest.mark.parametrize("row", [r for r in ROWS if r["answerable"]], ids=lambda r: r["id"])
def test_qa_gold_value_fits_answer_type(row):
    kind, value = row["answer_type"], row["value"]
    if kind == "date":
        assert isinstance(value, str) and DATE.match(value)
    elif kind == "year":
        assert isinstance(value, str) and YEAR.match(value)
    elif kind == "number":
        assert isinstance(value, str) and NUMBER.match(value)
    elif kind == "list":
        assert isinstance(value, list) and len(value) >= 2 and value == sorted(set(value))
        assert set(value) <= _gazetteer_ids(), set(value) - _gazetteer_ids()
    elif kind == "description":  # null, or every post a person held (sorted, lowercase)
        assert value is None or isinstance(value, list) and value == sorted(set(value)) and len(value) >= 2
    elif value is None:  # an entity the gazetteer lacks: the note must say so
        assert "gazetteer" in row["note"]
    else:
        assert value in _gazetteer_ids() and value.startswith(PREFIX[kind])


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_qa_gold_question_ends_like_its_kind(row):
    assert row["question"].endswith(":" if row["kind"] == "exam" else "?")


def test_qa_gold_covers_the_kinds_the_issue_asks_for():
    counts = Counter(row["kind"] for row in ROWS)
    for kind, minimum in MINIMUMS.items():
        assert counts[kind] >= minimum, (kind, counts[kind])
    for row in ROWS:
        if row["kind"] == "two_docs":
            assert len({src["doc"] for src in row["sources"]}) >= 2, row["id"]
        if row["kind"] == "list":
            assert row["answer_type"] == "list", row["id"]


@pytest.mark.parametrize("form", FORMS)
def test_qa_gold_covers_every_question_form(form):
    assert any(f" {form} " in _words(row["question"]) for row in ROWS)


def test_qa_gold_spreads_over_all_fifteen_documents():
    docs = {src["doc"] for _, src in SOURCES}
    corpus = {p.name for p in CORPUS.iterdir() if p.is_file()}
    assert corpus <= docs
    assert len({d for d in docs if d not in corpus}) == 5


@pytest.mark.parametrize("qid,src", SOURCES, ids=[f"{qid}-{src['doc']}-{src['start']}" for qid, src in SOURCES])
def test_qa_gold_source_is_a_derek_sentence(qid, src):
    if not _path(src["doc"]).exists():
        pytest.skip(f"{src['doc']} not present")
    text, sentences = _text_and_sentences(src["doc"])
    assert 0 <= src["start"] < src["end"] <= len(text)
    assert (src["start"], src["end"]) in sentences


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_qa_gold_stores_no_seed_sentence():
    gold = GOLD.read_text(encoding="utf-8")
    for path in sorted(SEEDS.glob("*.txt")):
        text, sentences = _text_and_sentences(path.name)
        for start, end in sentences:
            sentence = text[start:end].strip()
            assert len(sentence) < 40 or sentence not in gold, (path.name, start)


# The blind set (bench/data/qa_blind.jsonl, qa_blind.md): same shape, ids b001…, and yes/no questions.
BLIND = REPO / "bench" / "data" / "qa_blind.jsonl"
BLIND_ROWS = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]
BLIND_SOURCES = [(row["id"], src) for row in BLIND_ROWS for src in row["sources"]]


def test_qa_gold_blind_lines_have_the_schema():
    assert [row["id"] for row in BLIND_ROWS] == [f"b{i:03d}" for i in range(1, 61)]
    own = {row["question"] for row in ROWS}
    for row in BLIND_ROWS:
        assert set(row) == KEYS and row["question"] not in own, row["id"]
        assert row["kind"] in KINDS | {"yes_no"} and row["answer_type"] in ANSWER_TYPES | {"yesno"}, row["id"]
        ends = ":" if row["kind"] == "exam" else "?:" if row["kind"] == "list" else "?"  # a list may be a stem
        assert row["question"][-1] in ends, row["id"]
        assert bool(row["answers"]) == bool(row["sources"]) == row["answerable"], row["id"]
        assert row["answerable"] == (row["kind"] != "unanswerable"), row["id"]
    assert sum(not row["answerable"] for row in BLIND_ROWS) == 12
    assert len({row["question"] for row in BLIND_ROWS}) == 60


@pytest.mark.parametrize("row", [r for r in BLIND_ROWS if r["answerable"]], ids=lambda r: r["id"])
def test_qa_gold_blind_value_fits_answer_type(row):
    if row["answer_type"] == "yesno":
        assert row["kind"] == "yes_no" and row["value"] in ("yes", "no")
    else:
        test_qa_gold_value_fits_answer_type(row)


@pytest.mark.parametrize("qid,src", BLIND_SOURCES, ids=[f"{q}-{s['doc']}-{s['start']}" for q, s in BLIND_SOURCES])
def test_qa_gold_blind_source_is_a_derek_sentence(qid, src):
    test_qa_gold_source_is_a_derek_sentence(qid, src)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_qa_gold_blind_stores_no_seed_sentence():
    _stores_no_seed_sentence(BLIND, BLIND_SOURCES)


def _check_blind_set(rows: list[dict], prefix: str, earlier: set[str]) -> None:
    """A blind set's shape: ids prefix001…060, no question of an earlier set, 12 unanswerable
    (6 dev, 6 held out), two-document questions citing two documents."""
    assert [row["id"] for row in rows] == [f"{prefix}{i:03d}" for i in range(1, 61)]
    for row in rows:
        assert set(row) == KEYS and row["question"] not in earlier, row["id"]
        assert row["kind"] in KINDS | {"yes_no"} and row["answer_type"] in ANSWER_TYPES | {"yesno"}, row["id"]
        careless = row["note"].startswith("typed carelessly")  # blind 7: a question typed without its mark
        assert careless or row["question"][-1] in (":" if row["kind"] == "exam" else "?:"), row["id"]
        assert bool(row["answers"]) == bool(row["sources"]) == row["answerable"], row["id"]
        assert row["answerable"] == (row["kind"] != "unanswerable"), row["id"]
        if row["kind"] == "two_docs":
            assert len({src["doc"] for src in row["sources"]}) >= 2, row["id"]
    unanswerable = [int(row["id"][1:]) for row in rows if not row["answerable"]]
    assert len(unanswerable) == 12 and sum(i % 2 for i in unanswerable) == 6  # 6 dev, 6 held out
    assert len({row["question"] for row in rows}) == 60


def _stores_no_seed_sentence(path: Path, sources: list[tuple[str, dict]]) -> None:
    gold = path.read_text(encoding="utf-8")
    for doc in sorted({src["doc"] for _, src in sources if (SEEDS / src["doc"]).exists()}):
        text, sentences = _text_and_sentences(doc)
        assert all(len(text[s:e].strip()) < 40 or text[s:e].strip() not in gold for s, e in sentences), doc


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# The unanswerable set (bench/data/qa_unanswerable.jsonl, qa_unanswerable.md, session 13): 60 near
# misses u001…u060 that no text answers, then 20 answerable questions of the same shapes a001…a020.
UNANSWERABLE = REPO / "bench" / "data" / "qa_unanswerable.jsonl"
UNANSWERABLE_ROWS = _jsonl(UNANSWERABLE)
UNANSWERABLE_SOURCES = [(row["id"], src) for row in UNANSWERABLE_ROWS for src in row["sources"]]
# The later blind sets (bench/data/<file> and its .md), the first one's shape: id prefix, in the order
# written (sessions 7, 8, 12, 13, 14, 15, 16, 18). Blind 7 has questions typed carelessly (lower case, no
# hyphen, Russian-keyboard letters, no question mark). Blind 6 and later came after the unanswerable set.
LATER_FILES = {"blind2": ("qa_blind2.jsonl", "c"), "blind3": ("qa_blind3.jsonl", "e"),
               "blind4": ("qa_blind4.jsonl", "g"), "blind5": ("qa_blind5.jsonl", "h"),
               "blind6": ("qa_blind6.jsonl", "i"), "blind7": ("qa_blind7.jsonl", "j"),
               "blind8": ("qa_blind8.jsonl", "k"), "blind9": ("qa_blind9.jsonl", "m")}
AFTER_UNANSWERABLE = "blind6"


def _later_blind() -> dict[str, tuple[Path, list[dict], str, list[dict]]]:
    """Each later blind set: (file, rows, id prefix, the rows of every set written before it)."""
    sets, earlier = {}, ROWS + BLIND_ROWS
    for name, (file, prefix) in LATER_FILES.items():
        if name == AFTER_UNANSWERABLE:
            earlier = earlier + UNANSWERABLE_ROWS
        path = REPO / "bench" / "data" / file
        sets[name] = (path, _jsonl(path), prefix, earlier)
        earlier = earlier + sets[name][1]
    return sets


LATER_BLIND = _later_blind()
LATER_ROWS = [r for _, rows, _, _ in LATER_BLIND.values() for r in rows if r["answerable"]]
LATER_SOURCES = [(row["id"], src) for _, rows, _, _ in LATER_BLIND.values() for row in rows for src in row["sources"]]


@pytest.mark.parametrize("name", LATER_BLIND)
def test_qa_gold_later_blind_lines_have_the_schema(name):
    _, rows, prefix, earlier = LATER_BLIND[name]
    _check_blind_set(rows, prefix, {row["question"] for row in earlier})


@pytest.mark.parametrize("row", LATER_ROWS + [r for r in UNANSWERABLE_ROWS if r["answerable"]], ids=lambda r: r["id"])
def test_qa_gold_later_blind_value_fits_answer_type(row):
    test_qa_gold_blind_value_fits_answer_type(row)


@pytest.mark.parametrize("qid,src", LATER_SOURCES + UNANSWERABLE_SOURCES,
                         ids=[f"{q}-{s['doc']}-{s['start']}" for q, s in LATER_SOURCES + UNANSWERABLE_SOURCES])
def test_qa_gold_later_blind_source_is_a_derek_sentence(qid, src):
    assert not src["doc"].startswith("004")  # seed 004 is held out for the facts benchmark
    test_qa_gold_source_is_a_derek_sentence(qid, src)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
@pytest.mark.parametrize("name", LATER_BLIND)
def test_qa_gold_later_blind_stores_no_seed_sentence(name):
    path, rows, _, _ = LATER_BLIND[name]
    _stores_no_seed_sentence(path, [(row["id"], src) for row in rows for src in row["sources"]])


SPAN_ROWS = [r for r in ROWS + BLIND_ROWS + [r for _, rows, _, _ in LATER_BLIND.values() for r in rows]
             if any(isinstance(a, dict) for a in r["answers"])]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
@pytest.mark.parametrize("row", SPAN_ROWS, ids=lambda r: r["id"])
def test_qa_gold_span_answers_lie_in_a_source_sentence(row):
    """A long answer quoted from a seed is stored as a span of its source sentence, read at run time
    (bench/qa.py answer_texts), not as copied text."""
    for answer in (a for a in row["answers"] if isinstance(a, dict)):
        assert set(answer) == {"doc", "start", "end"} and answer["start"] < answer["end"], row["id"]
        assert any(src["doc"] == answer["doc"] and src["start"] <= answer["start"] and answer["end"] <= src["end"]
                   for src in row["sources"]), row["id"]


def test_qa_gold_unanswerable_lines_have_the_schema():
    ids = [f"u{i:03d}" for i in range(1, 61)] + [f"a{i:03d}" for i in range(1, 21)]
    assert [row["id"] for row in UNANSWERABLE_ROWS] == ids
    earlier = {row["question"] for _, rows, _, _ in LATER_BLIND.values() for row in rows} | {
        row["question"] for row in ROWS + BLIND_ROWS}
    for row in UNANSWERABLE_ROWS:
        assert set(row) == KEYS and row["question"] not in earlier and row["question"].endswith("?"), row["id"]
        assert row["answer_type"] in ANSWER_TYPES, row["id"]
        assert row["answerable"] == row["id"].startswith("a") == (row["kind"] != "unanswerable"), row["id"]
        assert bool(row["answers"]) == bool(row["sources"]) == row["answerable"], row["id"]
        assert row["answerable"] or row["value"] is None and row["note"], row["id"]
    assert len({row["question"] for row in UNANSWERABLE_ROWS}) == 80


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_qa_gold_unanswerable_stores_no_seed_sentence():
    _stores_no_seed_sentence(UNANSWERABLE, UNANSWERABLE_SOURCES)
