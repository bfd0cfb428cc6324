"""History gold 4 (session 20, round 2) and the history gazetteer: the fourth blind gold shares
no passage with the other golds; medieval and early-modern places, states and people of Kazakh
history reach their rows through their endings; a one-word place the CRF reads as the given name
of a person is left to the CRF («Еділ Ерғожин»). Sentences are our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import entities_of, needs_ner_model

REPO = Path(__file__).resolve().parents[1]
OTHERS = ["entities_gold_kazqad.jsonl", "entities_gold_kazqad2.jsonl", "entities_gold_kazqad3.jsonl"]


def _docs(name: str) -> set[str]:
    lines = (REPO / "bench" / "data" / name).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["doc"] for line in lines if line.strip()}


def test_entities_gold4_shares_no_passage_with_the_other_golds() -> None:
    fourth = _docs("entities_gold_kazqad4.jsonl")
    assert len(fourth) == 10
    assert not fourth & set().union(*(_docs(name) for name in OTHERS))


@pytest.mark.parametrize(("text", "span", "entity"), [
    ("Әл-Фараби Отырарда дүниеге келген.", "Отырарда", "place:otrar"),
    ("Ноғайлар Сарайшықты астана етті.", "Сарайшықты", "place:sarayshyk"),
    ("Керуен Сығанақ пен Созаққа жетті.", "Созаққа", "place:sozak"),
    ("Сауда жолы Баласағұннан басталды.", "Баласағұннан", "place:balasagun"),
    ("Моңғолдар Үргенішті қоршады.", "Үргенішті", "place:urgench"),
    ("Арыс өзенінің бойында қала тұрды.", "Арыс өзенінің", "place:arys-river"),
    ("Біз Арыс қаласына жеттік.", "Арыс", "place:arys"),
    ("Малшылар Үстірттен өтті.", "Үстірттен", "place:ustyurt"),
    ("Саудагерлер Қара теңізге шықты.", "Қара теңізге", "place:black-sea"),
    ("Түрік қағанатының билеушісі елші жіберді.", "Түрік қағанатының", "state:turkic-khaganate"),
    ("Қарахан әулеті тұсында мешіттер салынды.", "Қарахан әулеті", "state:karakhanid"),
    ("Бұл жерлер оғыз мемлекетінің қол астында болды.", "оғыз мемлекетінің", "state:oghuz"),
    ("Жошы ұлысы мен Хорезмшахтар мемлекеті соғысты.", "Хорезмшахтар мемлекеті", "state:khwarazmian"),
    ("Қожа Ахмет Ясауи кесенесін Темір салдырды.", "Қожа Ахмет Ясауи", "person:yasawi"),
    ("Махмұд Қашқари сөздігін Бағдатта жазды.", "Махмұд Қашқари", "person:kashgari"),
    ("Ол Жүсіп Баласағұнидің дастанын оқыды.", "Жүсіп Баласағұнидің", "person:balasaguni"),
    ("Қабанбай батыр жоңғарларға қарсы соғысты.", "Қабанбай батыр", "person:kabanbai"),
])
def test_history_gazetteer_rows_are_reached(text: str, span: str, entity: str) -> None:
    assert (span, entity) in [(m.text, m.entity) for m in entities_of(text)]


@pytest.mark.parametrize("text", [
    "Шашы ұзын қыз үйге кірді.",
    "Жем беру уақыты келді.",
    "Құлан — жабайы жануар.",
])
def test_common_nouns_are_no_history_places(text: str) -> None:
    """Words that are first of all common nouns (hair, fodder, the wild ass) got no row."""
    assert entities_of(text) == []


@needs_ner_model
@pytest.mark.parametrize(("text", "span"), [
    ("Еділ Ерғожин жаңа кітап жазды.", "Еділ Ерғожин"),
])
def test_given_name_before_a_surname_is_no_place(text: str, span: str) -> None:
    mentions = entities_of(text, use_ner=True)
    assert [(m.text, m.type) for m in mentions][:1] == [(span, "person")]


@needs_ner_model
@pytest.mark.parametrize(("text", "span", "entity"), [
    ("Еділ мен Жайық арасында көшпелілер жүрді.", "Еділ", "place:volga"),
    ("Әскер Жетісуға қарай аттанды.", "Жетісуға", "place:zhetysu"),
])
def test_place_in_a_case_or_alone_stays_a_place(text: str, span: str, entity: str) -> None:
    assert (span, entity) in [(m.text, m.entity) for m in entities_of(text, use_ner=True)]
