"""Tests for the NER accuracy round of session 16: the label-derived lexicon tables (PERSON name
parts, entity heads) that training reads are jackknifed over parts that keep near-duplicate
sentences together (scripts/train_ner.py: jackknife_parts, lexicon_jackknife)."""

from __future__ import annotations

import pytest
from conftest import UNRELATED_SENTENCES

FILLER = UNRELATED_SENTENCES[:10]

# Three paraphrases of one sentence, each with the same labelled name (one group).
ORG = (["Су ресурстары агенттігі жаңа жоба бастады .",
        "Су ресурстары агенттігі жаңа жобаны бастады .",
        "Су ресурстары агенттігі биыл жаңа жоба бастады ."],
       ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION"])
PERSON = (["Айгүл Серікова кеше кітап оқыды .",
           "Айгүл Серікова кеше жаңа кітап оқыды .",
           "Айгүл Серікова бүгін кітап оқыды ."],
          ["B-PERSON", "I-PERSON"])
CASES = [("heads", ORG), ("names", PERSON)]


@pytest.mark.parametrize("word", ["агенттігі", "серікова"])
def test_lexicon_jackknife_hides_own_counts(train_ner, word):
    """A word only the three paraphrases use has a frequency bucket in the full lexicon, none in
    theirs (an unseen word at tagging time has none either)."""
    corpus = _corpus(ORG)[:5] + _corpus(PERSON)[2:5] + _corpus(ORG)[5:]
    full = train_ner.Lexicon.build(corpus)
    assert word in full.freq
    copies, part_of = train_ner.lexicon_jackknife(corpus, full, 5, ("freq", "cap"), True)
    own = {part_of[n] for n, (tokens, _) in enumerate(corpus) if word in map(str.lower, tokens)}
    assert len(own) == 1 and word not in copies[own.pop()].freq


def _corpus(triplet: tuple[list[str], list[str]]) -> list[tuple[list[str], list[str]]]:
    """FILLER with the three paraphrases side by side after the second filler sentence."""
    texts, labels = triplet
    named = [(t.split(), labels + ["O"] * (len(t.split()) - len(labels))) for t in texts]
    filler = [(s.split(), ["O"] * len(s.split())) for s in FILLER]
    return filler[:2] + named + filler[2:]


@pytest.mark.parametrize("grouped, together", [(True, True), (False, False)])
def test_jackknife_parts_keep_paraphrases_together(train_ner, grouped, together):
    corpus = _corpus(ORG)
    parts = train_ner.jackknife_parts(corpus, 5, grouped)
    assert len(parts) == len(corpus) and set(parts) <= set(range(5))
    assert (len({parts[2], parts[3], parts[4]}) == 1) is together
    if not grouped:
        assert parts == [n % 5 for n in range(len(corpus))]


@pytest.mark.parametrize("table, triplet", CASES)
def test_lexicon_jackknife_grouped_hides_own_labels(train_ner, table, triplet):
    """Grouped: no paraphrase of the sentence marks it. Ungrouped: its twins in other parts do."""
    corpus = _corpus(triplet)
    full = train_ner.Lexicon.build(corpus)
    assert getattr(full, table)  # the whole corpus has the head / the name parts
    for grouped, leaks in ((True, False), (False, True)):
        copies, part_of = train_ner.lexicon_jackknife(corpus, full, 5, (table,), grouped)
        seen = [bool(getattr(copies[part_of[n]], table)) for n in (2, 3, 4)]
        assert any(seen) is leaks


@pytest.mark.parametrize("table, triplet", CASES)
def test_lexicon_jackknife_leaves_other_tables(train_ner, table, triplet):
    """Only the named tables are rebuilt; the full lexicon and its form cache are untouched."""
    corpus = _corpus(triplet)
    full = train_ner.Lexicon.build(corpus)
    other = "names" if table == "heads" else "heads"
    copies, _ = train_ner.lexicon_jackknife(corpus, full, 5, (other,), True)
    for copy in copies:
        assert getattr(copy, table) == getattr(full, table)
        assert copy.cap == full.cap and copy.forms == {} and copy.forms is not full.forms


def test_jackknife_default_tables(train_ner):
    # the shipped model's setting: names only, parts n % 5 (the session-16 setting is measured, not
    # shipped: docs/ner.md)
    assert set(train_ner.JACKKNIFE_TABLES) == {"names"}
    assert not train_ner.JACKKNIFE_GROUPED
