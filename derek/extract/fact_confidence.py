"""A fact's confidence as a calibrated probability that the fact is right (issue 6).

Every trigger rule carries one constant confidence, so a fact the sentence states plainly and a
figure given to the nearest place name both read 0.7. This module describes each fact by what
the pipeline already knows about it — its predicate and rule prior, where its subject is named
(in the evidence sentence or carried, by the gazetteer, the statistical NER or deixis), how far
that name stands from the figure or object, how many other names of the same kind the sentence
offers, whether the value has a unit and the time is in the sentence, the sentence's length —
and turns those features into a probability with a logistic regression
(``data/fact_confidence.json``, trained by ``scripts/train_fact_confidence.py`` on facts judged
against the development golds and the session-20 blind audit; see docs/facts.md). Run time is a
dot product and a sigmoid. The rule's own constant stays in ``qualifiers["rule_confidence"]``.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from derek.doc import Document, EntityMention, Fact, Sentence
from derek.extract.rules import word_info

WEIGHTS = Path(__file__).parent / "data" / "fact_confidence.json"
PRIOR_KEY = "rule_confidence"
# kinds of subject a figure or fact may wrongly fall to: places of every rank compete with each other
_GEO = {"state", "place", "city"}
_BULLETS = {"-", "–", "—", "•", "*", "·"}


def subject_kind(entity: str) -> str:
    """The kind of an entity id: «prov:place:…» and «place:…» are places; states, cities and
    places compete for the same figures, so they share one kind."""
    parts = entity.split(":")
    kind = parts[1] if parts[0] == "prov" and len(parts) > 2 else parts[0]
    return "geo" if kind in _GEO else kind


@dataclass
class DocumentView:
    """What every fact's features look up, indexed once per document: a fact must not scan the
    whole document (a 50 MB file holds ~10⁵ facts and ~10⁶ mentions)."""

    starts: list[int]  # token start offsets
    title: set[str]
    sentence_starts: list[int]
    by_sentence: dict[int, list[EntityMention]]  # mentions starting in each sentence
    by_entity: dict[str, list[EntityMention]]  # each entity's mentions in text order
    dates: dict[int, set[str]]  # date values said in each sentence
    per_start: Counter[int]  # facts citing each sentence start

    def sentence(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1


def document_view(doc: Document, title: set[str] | None = None, starts: list[int] | None = None) -> DocumentView:
    sentence_starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[EntityMention]] = defaultdict(list)
    by_entity: dict[str, list[EntityMention]] = defaultdict(list)
    for m in sorted(doc.entities, key=lambda m: m.start):
        by_sentence[bisect_right(sentence_starts, m.start) - 1].append(m)
        by_entity[m.entity].append(m)
    dates: dict[int, set[str]] = defaultdict(set)
    for d in doc.dates:
        dates[bisect_right(sentence_starts, d.start) - 1].add(d.value)
    return DocumentView(starts if starts is not None else [t.start for t in doc.tokens],
                 title if title is not None else title_entities(doc), sentence_starts,
                 by_sentence, by_entity, dates, Counter(f.start for f in doc.facts or []))


def _anchor(doc: Document, fact: Fact, sentence: Sentence, inside: list[EntityMention]) -> tuple[int, int] | None:
    """Character span of what the fact says about its subject: the figure's text or the object's
    name inside the sentence."""
    text = doc.text[sentence.start:sentence.end]
    figure = fact.qualifiers.get("quantity_text")
    if isinstance(figure, str) and figure and figure in text:
        at = sentence.start + text.index(figure)
        return at, at + len(figure)
    if fact.object:
        spans = [(m.start, m.end) for m in inside if m.entity == fact.object]
        return spans[0] if spans else None
    if fact.value and fact.value in text:
        at = sentence.start + text.index(fact.value)
        return at, at + len(fact.value)
    return None


def _tokens_between(starts: list[int], a: tuple[int, int], b: tuple[int, int]) -> int:
    """Tokens strictly between two character spans (0 when they touch or overlap)."""
    first, second = (a, b) if a[0] <= b[0] else (b, a)
    return max(0, bisect_right(starts, second[0] - 1) - bisect_right(starts, first[1] - 1))


def _value_parts(value: str | None) -> tuple[bool, bool]:
    """(a number with a unit, a bare number) for the fact's value."""
    if not value:
        return False, False
    head, _, unit = value.partition(" ")
    try:
        float(head)
    except ValueError:
        return False, False
    return bool(unit.strip()), not unit.strip()


def fact_features(doc: Document, fact: Fact, starts: list[int] | None = None,
                  title: set[str] | None = None, view: DocumentView | None = None) -> dict[str, float]:
    """The features of one fact (names as in the weights file). ``starts`` (token start offsets)
    and ``title`` (entities of the first line) may be passed in, or a whole ``view`` built once
    for the document (``calibrate`` does)."""
    view = view or document_view(doc, title, starts)
    starts = view.starts
    prior = fact.qualifiers.get(PRIOR_KEY, fact.confidence)
    feats: dict[str, float] = {"prior": float(prior), f"pred:{fact.predicate}": 1.0}
    k = view.sentence(fact.start)
    if k < 0:
        return feats
    sentence = doc.sentences[k]
    inside = [m for m in view.by_sentence.get(k, []) if m.start < sentence.end]
    own = [m for m in inside if m.entity == fact.subject]
    anchor = _anchor(doc, fact, sentence, inside)
    n_tokens = max(1, sentence.last_token - sentence.first_token)
    feats["log_sentence_tokens"] = math.log(n_tokens)
    feats["list_item"] = float(doc.tokens[sentence.first_token].text in _BULLETS) if n_tokens else 0.0
    feats["subject_in_sentence"] = float(bool(own))
    mention: EntityMention | None = None
    if own:
        mention = min(own, key=lambda m: abs(m.start - anchor[0])) if anchor else own[0]
    else:
        mentions = view.by_entity.get(fact.subject, [])
        k_before = bisect_right([m.start for m in mentions], sentence.start - 1)
        mention = mentions[k_before - 1] if k_before else None
        feats["subject_unnamed"] = float(mention is None)
    if mention is not None:
        feats[f"source:{mention.source}"] = 1.0
        if own:
            feats[f"case:{mention.case}" if mention.case in ("NOM", "GEN", "LOC", "ATTR") else "case:other"] = 1.0
    if own and anchor:
        span = (mention.start, mention.end)
        gap = _tokens_between(starts, span, anchor)
        feats["log_gap"] = math.log1p(gap)
        feats["subject_after"] = float(mention.start > anchor[0])
        # another name nearer the figure or object than the subject: the figure may be its
        feats["other_name_nearer"] = float(any(
            m.entity not in (fact.subject, fact.object) and _tokens_between(starts, (m.start, m.end), anchor) < gap
            for m in inside))
        # a genitive between the subject and the figure owns what the figure measures
        first, second = sorted([span, anchor])
        between = doc.tokens[bisect_right(starts, first[1] - 1):bisect_right(starts, second[0] - 1)]
        feats["genitive_between"] = float(any("GEN" in word_info(t.norm)[1] for t in between))
    feats["anchor_found"] = float(anchor is not None)
    kind = subject_kind(fact.subject)
    rivals = {m.entity for m in inside if m.entity not in (fact.subject, fact.object)
              and subject_kind(m.entity) == kind and m.source != "deixis"}
    feats["rivals"] = float(min(3, len(rivals)))
    feats["subject_in_title"] = float(fact.subject in view.title)
    unit, bare = _value_parts(fact.value)
    feats["value_unit"], feats["value_bare"] = float(unit), float(bare)
    measure = fact.qualifiers.get("measure")
    feats["measure_words"] = float(min(3, len(measure.split()))) if isinstance(measure, str) else 0.0
    if fact.time:
        said = fact.time in view.dates.get(k, set())
        feats["time_in_sentence" if said else "time_carried"] = 1.0
    feats["log_facts_in_sentence"] = math.log(max(1, view.per_start[fact.start]))
    return feats


def title_entities(doc: Document) -> set[str]:
    """Entities named on the document's first line when it has more than one (its title); a
    one-line text has no title."""
    line = doc.text.find("\n")
    return {m.entity for m in doc.entities if m.end <= line} if line >= 0 else set()


@cache
def load_weights(path: Path = WEIGHTS) -> dict[str, Any] | None:
    """The shipped model, or None when no model is shipped (confidences stay the rule's)."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def probability(feats: dict[str, float], model: dict[str, Any]) -> float:
    """Logistic regression over standardized features: ``sigmoid(bias + Σ w·(x − mean)/scale)``;
    a feature the model does not know (a predicate unseen in training) adds nothing."""
    z = model["bias"]
    for name, w in model["weights"].items():
        x = feats.get(name, 0.0)
        z += w * (x - model["mean"][name]) / model["scale"][name]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate(doc: Document, facts: list[Fact], model: dict[str, Any] | None = None) -> list[Fact]:
    """Keep each fact's rule constant in its qualifiers and set its confidence to the model's
    probability (unchanged when no model is shipped)."""
    model = model if model is not None else load_weights()
    saved, doc.facts = doc.facts, facts
    for f in facts:
        f.qualifiers.setdefault(PRIOR_KEY, f.confidence)
    if model is not None:
        view = document_view(doc)
        for f in facts:
            f.confidence = round(probability(fact_features(doc, f, view=view), model), 2)
    doc.facts = saved
    return facts
