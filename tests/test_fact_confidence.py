"""The fact confidence is a calibrated probability (session 20, issue 6): features the pipeline
already knows, a logistic regression shipped as data, the rule's constant kept as a qualifier."""

from __future__ import annotations

import math

import pytest

from derek.doc import Document, Fact
from derek.extract.fact_confidence import (
    PRIOR_KEY,
    fact_features,
    load_weights,
    probability,
    subject_kind,
    title_entities,
)
from derek.pipeline import run


@pytest.mark.parametrize(("entity", "kind"), [
    ("state:kz", "geo"), ("place:almaty", "geo"), ("prov:place:тентек", "geo"), ("city:x", "geo"),
    ("org:un", "org"), ("prov:person:абай", "person"), ("person:tokayev", "person"),
])
def test_subject_kind(entity: str, kind: str) -> None:
    assert subject_kind(entity) == kind


def _model(weights: dict[str, float], bias: float = 0.0) -> dict:
    return {"bias": bias, "weights": weights, "mean": {n: 0.0 for n in weights}, "scale": {n: 1.0 for n in weights}}


@pytest.mark.parametrize(("feats", "weights", "bias", "expected"), [
    ({"prior": 0.7}, {"prior": 1.0}, 0.0, 1 / (1 + math.exp(-0.7))),
    ({"pred:unseen": 1.0}, {"prior": 1.0}, 0.5, 1 / (1 + math.exp(-0.5))),  # an unknown feature adds nothing
    ({"rivals": 3.0}, {"rivals": -1.0}, 1.0, 1 / (1 + math.exp(2.0))),
    ({}, {}, 100.0, 1 / (1 + math.exp(-30.0))),  # clipped, never overflows
])
def test_probability(feats: dict, weights: dict, bias: float, expected: float) -> None:
    assert probability(feats, _model(weights, bias)) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "Қазақстан 1992 жылы БҰҰ-ға мүше болды.",
    "Ақтау қаласының халқы 2020 жылы 200 мың адамға жетті.",
])
def test_pipeline_facts_keep_rule_constant_and_get_a_probability(text: str) -> None:
    doc = run(Document(text))
    assert doc.facts
    for f in doc.facts:
        assert 0.0 < f.confidence < 1.0
        assert 0.0 < f.qualifiers[PRIOR_KEY] <= 1.0


@pytest.mark.parametrize(("model", "expected"), [
    (None, 0.7),  # no model shipped: the rule's constant stays
    (_model({"prior": 0.0}, 2.0), 0.88),
])
def test_calibrate_sets_probability_or_keeps_constant(model: dict | None, expected: float,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import derek.extract.fact_confidence as fc

    monkeypatch.setattr(fc, "load_weights", lambda: None)
    doc = run(Document("Қазақстан 1992 жылы БҰҰ-ға мүше болды."))
    fact = Fact("state:kz", "member_of", "org:un", None, "1992", None, 0, len(doc.text), 0.7)
    fc.calibrate(doc, [fact], model=model)
    assert fact.confidence == expected
    assert fact.qualifiers[PRIOR_KEY] == 0.7


@pytest.mark.parametrize(("text", "subject", "value", "expect"), [
    # subject named in the sentence, figure with a unit, no rival place
    ("Ақсу өзенінің ұзындығы 316 км.", "place:x", "316 km",
     {"value_unit": 1.0, "value_bare": 0.0}),
    # a bare count
    ("Бұл ауданда 12 мектеп бар.", "place:x", "12", {"value_unit": 0.0, "value_bare": 1.0}),
])
def test_value_features(text: str, subject: str, value: str, expect: dict) -> None:
    doc = run(Document(text))
    fact = Fact(subject, "quantity", None, value, None, None, 0, len(text), 0.7)
    feats = fact_features(doc, fact)
    for name, x in expect.items():
        assert feats[name] == x
    assert feats["pred:quantity"] == 1.0 and feats["prior"] == 0.7


@pytest.mark.parametrize(("text", "rivals"), [
    ("Қазақстан мен Қытай арасындағы сауда 2023 жылы 31 миллиард долларға жетті.", 1.0),
    ("Қазақстан, Ресей және Қытай 2001 жылы келісімге қол қойды.", 2.0),
    ("Қазақстанның халқы 20 миллион адам.", 0.0),
])
def test_rivals_count_other_places_named_in_the_sentence(text: str, rivals: float) -> None:
    doc = run(Document(text))
    fact = Fact("state:kz", "quantity", None, "1", None, None, 0, len(text), 0.7)
    feats = fact_features(doc, fact)
    assert feats["subject_in_sentence"] == 1.0
    assert feats["rivals"] == rivals


@pytest.mark.parametrize(("text", "in_title"), [
    ("Қазақстан\nЕл 1992 жылы БҰҰ-ға мүше болды.", True),
    ("Қазақстан 1992 жылы БҰҰ-ға мүше болды.", False),  # a one-line text has no title
])
def test_title_entities(text: str, in_title: bool) -> None:
    assert ("state:kz" in title_entities(run(Document(text)))) is in_title


def test_shipped_model_is_complete() -> None:
    model = load_weights()
    assert model is not None and model["source"]["facts"] > 0
    for name in model["weights"]:
        assert name in model["mean"] and model["scale"][name] > 0
