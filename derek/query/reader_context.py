"""What the span reader knows of a whole document: each sentence's overlap with the question
(idf counted over the document, order, bigrams, the question's verb, distance from the best
sentence) and the KazNERD classes of its tokens (derek.extract.ner's CRF, tagged once per text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache

from derek.kb.search import term
from derek.query.passages import Passage

STEM = 5  # letters of a shared start that make two words one (Kazakh endings are suffixes)


@dataclass(slots=True)
class SentenceView:
    """One read sentence against the question: token stems, matched stems and the NER tags."""

    keys: list[str]  # each token's stem ("" for punctuation)
    hits: set[int]  # token indexes carrying a question stem
    values: dict[str, float] = field(default_factory=dict)  # sentence features, shared by its spans
    ner: list[str] = field(default_factory=list)  # one IOB2 KazNERD tag per token


def stem(word: str) -> str:
    """The first five letters: a shared start is a shared word."""
    return "".join(c for c in word.lower() if c.isalnum())[:STEM]


def views(passages: list[Passage], read: list[Passage], stems: list[str], verb: str | None,
          ner: bool = True) -> dict[int, SentenceView]:
    """A SentenceView per read passage (keyed by id), with idf counted over ``passages`` (the
    document's every sentence): a stem every sentence holds says nothing of which one answers."""
    keys = {id(p): [stem(t.norm) for t in p.tokens] for p in passages}
    df: dict[str, int] = {}
    for p in passages:
        for k in set(keys[id(p)]) & set(stems):
            df[k] = df.get(k, 0) + 1
    n = max(len(passages), 1)
    idf = {s: math.log(1 + n / (df.get(s, 0) + 0.5)) for s in stems}
    present = sum(idf[s] for s in stems if s in df) or 1.0
    order = {start: k for k, start in enumerate(sorted(p.start for p in passages))}
    best = order[read[0].start] if read else 0
    out: dict[int, SentenceView] = {}
    for p in read:
        mine = keys.get(id(p)) or [stem(t.norm) for t in p.tokens]
        view = SentenceView(mine, {i for i, k in enumerate(mine) if k and k in stems})
        found = {mine[i] for i in view.hits}
        share = sum(idf[s] for s in found) / present
        view.values = {"idf_share": share, "lcs": lcs(stems, [k for k in mine if k]) / max(len(stems), 1),
                       "has_verb": float(bool(verb) and any(term(t) == verb for t in p.tokens)),
                       f"from_best={min(abs(order[p.start] - best), 3)}": 1.0,
                       "short_share": _short_share(stems, mine)}
        before = [q for q in passages if order[q.start] == order[p.start] - 1]
        if before:
            view.values["before_share"] = sum(idf[s] for s in set(keys[id(before[0])]) & set(stems)) / present
        if ner:
            view.ner = tags(tuple(t.text for t in p.tokens))
        out[id(p)] = view
    shares = sorted((v.values["idf_share"] for v in out.values()), reverse=True)
    for v in out.values():
        v.values[f"idf_rank={min(shares.index(v.values['idf_share']), 3)}"] = 1.0
        v.values["idf_gap"] = shares[0] - v.values["idf_share"]
    return out


def _short_share(stems: list[str], keys: list[str]) -> float:
    """The share of the question's stems whose first four letters start a word of the sentence:
    «қаласы» for «қалалар», which five letters miss."""
    short = {k[:4] for k in keys if len(k) >= 3}
    return sum(s[:4] in short for s in stems) / max(len(stems), 1)


def lcs(a: list[str], b: list[str]) -> int:
    """The longest common subsequence of two stem lists: the question's words in its order."""
    if not a or not b:
        return 0
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


@cache
def _tagger():  # NerTagger, imported lazily (loads the CRF model)
    from derek.extract.ner import shared_tagger

    return shared_tagger()


@lru_cache(maxsize=4096)
def tags(tokens: tuple[str, ...]) -> list[str]:
    """KazNERD IOB2 tags of one sentence's tokens (cached: a document's sentences are read for
    every question asked of it)."""
    return _tagger().tag(list(tokens))


def ner_class(view: SentenceView, first: int, last: int) -> tuple[str, str]:
    """How tokens first..last sit among the NER names: ("exact", class) when they are one name,
    ("inside", class) when within one, ("cross", class) when a name's edge cuts them, else
    ("none", "O")."""
    t = view.ner
    if not t:
        return "none", "O"
    kinds = {x[2:] for x in t[first : last + 1] if x != "O"}
    if not kinds:
        return "none", "O"
    kind = t[first][2:] if t[first] != "O" else min(kinds)
    starts_name = t[first].startswith("B-")
    ends_name = last + 1 >= len(t) or not t[last + 1].startswith("I-")
    whole = all(x != "O" for x in t[first : last + 1]) and len(kinds) == 1
    if whole and starts_name and ends_name and all(not x.startswith("B-") for x in t[first + 1 : last + 1]):
        return "exact", kind
    if whole and not any(x.startswith("B-") for x in t[first + 1 : last + 1]):
        return "inside", kind
    return "cross", kind
