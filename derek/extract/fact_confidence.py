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


def _sentence_of(doc: Document, fact: Fact) -> Sentence | None:
    """The evidence sentence (facts cite a sentence by its offsets)."""
    starts = [s.start for s in doc.sentences]
    k = bisect_right(starts, fact.start) - 1
    return doc.sentences[k] if k >= 0 else None


def _anchor(doc: Document, fact: Fact, sentence: Sentence) -> tuple[int, int] | None:
    """Character span of what the fact says about its subject: the figure's text or the object's
    name inside the sentence."""
    text = doc.text[sentence.start:sentence.end]
    figure = fact.qualifiers.get("quantity_text")
    if isinstance(figure, str) and figure and figure in text:
        at = sentence.start + text.index(figure)
        return at, at + len(figure)
    if fact.object:
        spans = [(m.start, m.end) for m in doc.entities
                 if m.entity == fact.object and sentence.start <= m.start < sentence.end]
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
                  title: set[str] | None = None) -> dict[str, float]:
    """The features of one fact (names as in the weights file). ``starts`` (token start offsets)
    and ``title`` (entities of the first line) may be passed in to share them across facts."""
    starts = starts if starts is not None else [t.start for t in doc.tokens]
    prior = fact.qualifiers.get(PRIOR_KEY, fact.confidence)
    feats: dict[str, float] = {"prior": float(prior), f"pred:{fact.predicate}": 1.0}
    sentence = _sentence_of(doc, fact)
    if sentence is None:
        return feats
    inside = [m for m in doc.entities if sentence.start <= m.start < sentence.end]
    own = [m for m in inside if m.entity == fact.subject]
    anchor = _anchor(doc, fact, sentence)
    n_tokens = max(1, sentence.last_token - sentence.first_token)
    feats["log_sentence_tokens"] = math.log(n_tokens)
    feats["list_item"] = float(doc.tokens[sentence.first_token].text in _BULLETS) if n_tokens else 0.0
    feats["subject_in_sentence"] = float(bool(own))
    mention: EntityMention | None = None
    if own:
        mention = min(own, key=lambda m: abs(m.start - anchor[0])) if anchor else own[0]
    else:
        before = [m for m in doc.entities if m.entity == fact.subject and m.start < sentence.start]
        mention = before[-1] if before else None
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
    feats["subject_in_title"] = float(fact.subject in (title or set()))
    unit, bare = _value_parts(fact.value)
    feats["value_unit"], feats["value_bare"] = float(unit), float(bare)
    measure = fact.qualifiers.get("measure")
    feats["measure_words"] = float(min(3, len(measure.split()))) if isinstance(measure, str) else 0.0
    if fact.time:
        said = any(d.value == fact.time and sentence.start <= d.start < sentence.end for d in doc.dates)
        feats["time_in_sentence" if said else "time_carried"] = 1.0
    same = sum(1 for f in doc.facts if f.start == fact.start) if doc.facts else 1
    feats["log_facts_in_sentence"] = math.log(max(1, same))
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
    starts = [t.start for t in doc.tokens]
    title = title_entities(doc)
    saved, doc.facts = doc.facts, facts
    for f in facts:
        f.qualifiers.setdefault(PRIOR_KEY, f.confidence)
    if model is not None:
        for f in facts:
            f.confidence = round(probability(fact_features(doc, f, starts, title), model), 2)
    doc.facts = saved
    return facts
