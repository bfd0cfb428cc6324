"""Tests for the KazNERD cross-validation folds of scripts/train_ner.py: near-duplicate grouping."""

from __future__ import annotations

import pytest
from conftest import UNRELATED_SENTENCES

UNRELATED = UNRELATED_SENTENCES[:12]

# Adjacent paraphrases (numbers in digits / in words, one word changed): one group each.
PARAPHRASES = [
    ("Биыл ауданда 3 мектеп салынды .", "Биыл ауданда үш мектеп салынды ."),
    ("Концертке 500 адам келді .", "Концертке бес жүз адам келді ."),
    ("Әкім жаңа саябақты ашты .", "Әкім жаңа саябақты салтанатты түрде ашты ."),
]

# A chain: the first and third share too few tokens, the middle one resembles each.
CHAIN = [
    "Ертең Алматыда халықаралық көрме ашылады .",
    "Ертең Алматыда халықаралық кітап жәрмеңкесі ашылады .",
    "Бүгін Алматыда кітап жәрмеңкесі ашылады .",
]


def _corpus(sentences: list[str]) -> list[tuple[list[str], list[str]]]:
    return [(s.split(), ["O"] * len(s.split())) for s in sentences]


def _group_of(groups: list[list[int]]) -> dict[int, int]:
    return {i: n for n, group in enumerate(groups) for i in group}


def _mixed() -> tuple[list[str], list[tuple[int, int]]]:
    """UNRELATED with each paraphrase pair inserted: (sentences, index pairs of the twins)."""
    sentences, pairs = [], []
    for n, text in enumerate(UNRELATED):
        sentences.append(text)
        if n % 4 == 1 and n // 4 < len(PARAPHRASES):
            first, second = PARAPHRASES[n // 4]
            pairs.append((len(sentences), len(sentences) + 1))
            sentences += [first, second]
    return sentences, pairs


@pytest.mark.parametrize("first, second", PARAPHRASES)
def test_ner_cv_paraphrases_grouped(train_ner, first, second):
    groups = train_ner.near_duplicate_groups(_corpus([UNRELATED[0], first, second, UNRELATED[1]]))
    assert sorted(map(sorted, groups)) == [[0], [1, 2], [3]]


def test_ner_cv_unrelated_not_grouped(train_ner):
    groups = train_ner.near_duplicate_groups(_corpus(UNRELATED))
    assert sorted(map(len, groups)) == [1] * len(UNRELATED)


@pytest.mark.parametrize("order", [(0, 1, 2), (0, 2, 1), (1, 0, 2)])
def test_ner_cv_chain_forms_one_group(train_ner, order):
    first, last = ({t.lower() for t in s.split()} for s in (CHAIN[0], CHAIN[2]))
    assert len(first & last) < 0.6 * max(len(first), len(last))  # not near-duplicates themselves
    a, b, c = (CHAIN[n] for n in order)
    spaced = [a, UNRELATED[0], b, c]  # every pair within DUP_WINDOW (3) sentences
    group_of = _group_of(train_ner.near_duplicate_groups(_corpus(spaced)))
    assert group_of[0] == group_of[2] == group_of[3] != group_of[1]


def test_ner_cv_window_limits_grouping(train_ner):
    first, second = PARAPHRASES[0]
    gap = train_ner.DUP_WINDOW  # `second` ends up DUP_WINDOW + 1 sentences after `first`
    group_of = _group_of(train_ner.near_duplicate_groups(_corpus([first, *UNRELATED[:gap], second])))
    assert group_of[0] != group_of[gap + 1]
    group_of = _group_of(train_ner.near_duplicate_groups(_corpus([first, *UNRELATED[:gap - 1], second])))
    assert group_of[0] == group_of[gap]


@pytest.mark.parametrize("k", [2, 3, 5])
def test_ner_cv_grouped_folds_keep_twins_together(train_ner, k):
    sentences, pairs = _mixed()
    folds = train_ner.split_grouped_folds(_corpus(sentences), k)
    assert sorted(i for fold in folds for i in fold) == list(range(len(sentences)))
    fold_of = _group_of(folds)
    assert all(fold_of[a] == fold_of[b] for a, b in pairs)
    assert all(folds)


def test_ner_cv_grouped_folds_deterministic_and_balanced(train_ner):
    sentences, _ = _mixed()
    corpus = _corpus(sentences * 4)  # the copies are far apart: only neighbours are grouped
    folds = train_ner.split_grouped_folds(corpus, 5)
    assert folds == train_ner.split_grouped_folds(corpus, 5)
    assert folds != train_ner.split_grouped_folds(corpus, 5, seed=train_ner.SEED + 1)
    tokens = [sum(len(corpus[i][0]) for i in fold) for fold in folds]
    assert max(tokens) - min(tokens) <= max(len(s) for s, _ in corpus) * 2


def test_ner_cv_default_split_unchanged(train_ner):
    # The ungrouped split must stay the seed-13 shuffle so that earlier figures reproduce.
    assert train_ner.split_folds(10, 5) == [[1, 3], [0, 5], [2, 7], [8, 9], [4, 6]]
