"""The three history golds' errors together (session 20): a word in an oblique case closes a CRF
name, initials before a CRF place make it a person, and a state or city followed by words and a
body's head noun names that body. All sentences are our own."""

from __future__ import annotations

import pytest
from conftest import entities_of, needs_ner_model

import derek
from derek.doc import Document
from derek.extract.entities_bounds import closed_spans


def _ner(text: str) -> list:
    return entities_of(text, use_ner=True, deixis=False)


def _index(doc: Document, word: str) -> int:
    return next(i for i, t in enumerate(doc.tokens) if t.text == word)


@pytest.mark.parametrize(("text", "first", "last", "parts"), [
    # a lowercase word in an oblique case: the name ends before it, the rest is no name
    ("Бай мен Святослав арасында соғыс басталды.", "Святослав", "соғыс", ["Святослав"]),
    ("Князь Орловтың көмегімен сарай алынды.", "Орловтың", "сарай", ["Орловтың"]),
    # a capitalized word in an oblique case: the name ends after it, a capitalized rest is a name
    ("Әскер Камадағы Бұлғарды алды.", "Камадағы", "Бұлғарды", ["Камадағы", "Бұлғарды"]),
    ("Әскер Камадағы елді алды.", "Камадағы", "елді", ["Камадағы"]),
    # the genitive and the nominative close nothing
    ("Ресей Федерациясының Қорғаныс министрлігі шешті.", "Ресей", "министрлігі",
     ["Ресей Федерациясының Қорғаныс министрлігі"]),
    ("Ертеде Сығанақ шаһары болды.", "Сығанақ", "шаһары", ["Сығанақ шаһары"]),
])
def test_closed_spans(text: str, first: str, last: str, parts: list[str]) -> None:
    doc = derek.analyze(text)
    spans = closed_spans(doc, [(_index(doc, first), _index(doc, last) + 1, "LOCATION")])
    assert [text[doc.tokens[a].start:doc.tokens[b - 1].end] for a, b, _ in spans] == parts


@needs_ner_model
@pytest.mark.parametrize(("text", "mention", "type_"), [
    ("Бір жылы бай мен Святослав арасында Хазарларға қарсы әскери одақ жасалды.", "Святослав", None),
    ("Петр таққа отырғаннан кейін князь Г.Г.Орловтың көмегімен сарай төңкерісін жасады.",
     "Г.Г.Орловтың", "person"),
    ("Хан осы Сығанақ түбіндегі Көк кесене деген жерге жерленген.", "Сығанақ", None),
    # initials before a surname the CRF calls a place make a person
    ("Сұлтан М.Шөкиннің ауылдарын шауып кетті.", "М.Шөкиннің", "person"),
    ("Кейін ғалымдар М. Е. Массон, А. Н. Бернштам, Е. И. Агеева қаланы зерттеді.", "Е. И. Агеева", "person"),
])
def test_crf_name_closed_by_a_case(text: str, mention: str, type_: str | None) -> None:
    found = {m.text: m.type for m in _ner(text)}
    assert mention in found
    assert type_ is None or found[mention] == type_


@needs_ner_model
@pytest.mark.parametrize(("text", "body"), [
    ("Ішкі Орда Орынбор шекара комиссиясына бағындырылды.", "Орынбор шекара комиссиясына"),
    ("Бертін келе Орал казак әскері ауылдарға шабуыл жасады.", "Орал казак әскері"),
    ("Орал қазақ-орыс әскері басшыларының шешімі шықты.", "Орал қазақ-орыс әскері"),
    ("Құжат Ресей Федерациясының Қорғаныс министрлігінің мұрағатында сақталған.",
     "Ресей Федерациясының Қорғаныс министрлігінің"),
    ("Ол кезде ҚР Ұлттық ғылым академиясының мүшесі болды.", "ҚР Ұлттық ғылым академиясының"),
])
def test_body_named_by_its_place(text: str, body: str) -> None:
    found = {m.text: m.type for m in _ner(text)}
    assert found.get(body) == "organization"
    assert not [t for t in found if t != body and text.find(t) >= text.find(body)
                and text.find(t) < text.find(body) + len(body)]  # the place inside is no mention


@needs_ner_model
@pytest.mark.parametrize(("text", "state"), [
    ("Қытай әскері шегінді.", "Қытай"),  # the army of a state: no word between, no body
    ("Ресейдің әскері шекараға жетті.", "Ресейдің"),
    ("Жаңа заң Орал қаласында қабылданды.", "Орал"),  # no body head
])
def test_no_body_without_words_and_head(text: str, state: str) -> None:
    assert state in {m.text for m in _ner(text)}
