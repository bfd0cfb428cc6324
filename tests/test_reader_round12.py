"""Round 12 of the KazQAD reader: the learned question/sentence word association
(derek/query/reader_assoc.py) and its cross-fitted training (scripts/train_assoc.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from derek.query import reader_assoc
from derek.query.question import analyze_question
from derek.query.reader_features import asked

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_assoc

# (question words, gold sentence words): «құрыл» is asked where «негіз» stands, twice
POSITIVES = [(["мектеп", "құрыл", "?қашан"], ["мектеп", "негіз", "#"]),
             (["театр", "құрыл", "?қашан"], ["театр", "негіз", "#", "жыл"]),
             (["өзен", "ұзын", "?қанша"], ["өзен", "ұзын", "#"])]
NEGATIVES = [(["мектеп", "құрыл", "?қашан"], ["мектеп", "оқушы"]),
             (["театр", "құрыл", "?қашан"], ["театр", "сахна", "жыл"])]


def test_model1_learns_the_paraphrase() -> None:
    """Model 1 puts «құрыл» on «негіз», the only word both its gold sentences share with it."""
    table = reader_assoc.learn(POSITIVES, NEGATIVES)
    t = {s: v[0] for s, v in table["құрыл"].items()}
    assert max(t, key=t.get) == "негіз"


@pytest.mark.parametrize("q, s, share", [
    ("құрыл", "негіз", 2 / 4),  # gold twice, never elsewhere: 2 / (2 + 0 + ALPHA)
    ("құрыл", "жыл", 1 / 4),  # gold once, once in another read sentence
    ("?қашан", "#", 2 / 4),
])
def test_gold_share(q: str, s: str, share: float) -> None:
    table = reader_assoc.learn(POSITIVES, NEGATIVES)
    assert table[q][s][1] == pytest.approx(share)


@pytest.mark.parametrize("keys, expected", [
    (["1997", "қала"], ["#", "қала"]),  # numbers fold into one word
    (["мен", "қала", "қала"], ["қала"]),  # function words out, each stem once
])
def test_sentence_words(keys: list[str], expected: list[str]) -> None:
    assert reader_assoc.sentence_words(keys) == expected


@pytest.mark.parametrize("keys, present, absent", [
    (["театр", "негіз", "1980"], ["as:t_para", "as:verb_t", "as:qw_g"], []),
    (["театр", "құрыл", "1980"], ["as:t", "as:qw_g"], ["as:t_para", "as:verb_t"]),  # nothing lacking
])
def test_features(keys: list[str], present: list[str], absent: list[str]) -> None:
    """A sentence that paraphrases the predicate gets the paraphrase values; one that repeats it
    gets none (its overlap features already see it)."""
    table = reader_assoc.learn(POSITIVES, NEGATIVES)
    side = {"keys": ["театр", "құрыл"], "verb": "құрыл", "word": "қашан"}
    out = reader_assoc.features(side, keys, table)
    assert all(k in out for k in present) and not any(k in out for k in absent)
    assert out["as:t"] <= 1.0


def test_paraphrase_scores_above_unrelated() -> None:
    table = reader_assoc.learn(POSITIVES, NEGATIVES)
    side = {"keys": ["театр", "құрыл"], "verb": "құрыл", "word": "қашан"}
    good = reader_assoc.features(side, ["театр", "негіз", "1980"], table)
    bad = reader_assoc.features(side, ["театр", "оқушы"], table)
    assert good["as:t"] > bad["as:t"] and good["as:g"] > bad["as:g"]


@pytest.mark.parametrize("text, verb, word", [
    ("Абай қай жылы дүниеге келді?", "кел", "қай жылы"),
    ("Университет қашан ашылды?", "аш", "қашан"),
])
def test_question_side(text: str, verb: str, word: str) -> None:
    side = reader_assoc.question_side(asked(analyze_question(text)))
    assert side["verb"].startswith(verb[:4]) and side["word"] == word
    assert "?" + word in reader_assoc.question_words(side)


def _question(context: str, answer_start: int) -> dict:
    return {"context": context, "answer_start": answer_start, "sentences": [(0, 10), (10, 20)],
            "lexical": {"keys": ["театр", "құрыл"], "verb": "құрыл", "word": "қашан"},
            "sentence_keys": [["театр", "сахна"], ["театр", "негіз", "1980"]],
            "extras": [{"first": 1.0}, {"first": 0.0}]}


@pytest.mark.parametrize("passages", [1, 2])
def test_crossfit_never_uses_its_own_pair(passages: int) -> None:
    """Cross-fitted, a question gets its values from a table learned without its passage: one
    passage, or two unrelated ones, leave nothing learned about its «құрыл» → «негіз»."""
    data = [_question("c0", 12)]
    if passages == 2:
        other = _question("c1", 2)  # its answer in the first sentence: «құрыл» ↔ «сахна»
        data.append({**other, "sentence_keys": [["сахна"], ["мектеп"]]})
    fitted = train_assoc.crossfit(data)
    own = train_assoc.attach(data[0], train_assoc.table(data))
    assert fitted[0]["extras"][1].get("as:t_para", 0.0) == 0.0 < own["extras"][1]["as:t_para"]
    assert fitted[0]["extras"][0]["first"] == 1.0  # the sentence's other values kept


def test_table_round_trip(tmp_path: Path) -> None:
    """The shipped file's rows read back as written (the sentence word «#» is not a comment)."""
    table = reader_assoc.learn(POSITIVES, NEGATIVES)
    path = tmp_path / "assoc.tsv"
    rows = train_assoc.write(table, "test.", path)
    back = reader_assoc.parse(path.read_text(encoding="utf-8"))
    assert rows == sum(len(r) for r in back.values()) > 0
    assert back["?қашан"]["#"] == pytest.approx(table["?қашан"]["#"], abs=1e-4)


@pytest.mark.parametrize("text", ["Абай қай жылы дүниеге келді?", "Қала қай өзеннің бойында орналасқан?"])
def test_no_table_no_association(text: str) -> None:
    """With no shipped table the reader's sentence values are those of round 11 exactly."""
    from derek.pipeline import analyze
    from derek.query.passages import document_passages
    from derek.query.reader import sentence_inputs, spans_of

    if reader_assoc.shipped():
        pytest.skip("a table ships")
    doc = analyze("Абай 1845 жылы Шыңғыстауда дүниеге келді. Қала Ертіс өзенінің бойында орналасқан.")
    question = analyze_question(text)
    spans = spans_of(document_passages(doc, "context", question), question)
    q = asked(question)
    assert sentence_inputs(spans, q) == sentence_inputs(spans, q, association=False)
