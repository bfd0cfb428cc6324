"""Answers whose sources disagree show every side: the time of a once-only event, a count."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import kb_of_texts

import derek
from derek.cli import main

# Sentences of our own: two documents date Georgia's leaving the CIS differently, two give
# different member counts, one repeats a chairmanship (no disagreement).
DOCS = {
    "a.txt": "Грузия 1993 жылы ТМД-ға кірді. Грузия 2008 жылы ТМД-дан шықты.",
    "b.txt": "Грузия ТМД қатарына 1993 жылы кірді. Грузияның ТМД-дағы мүшелігі 2009 жылғы 18 тамызда"
             " ресми түрде тоқтатылды.",
    "c.txt": "Қазір АӨСШК-ге 27 мемлекет мүше.",
    "d.txt": "Қазір АӨСШК-ге 28 мемлекет мүше.",
    "e.txt": "Қазақстан 2011 жылы ШЫҰ-ға төрағалық етті. Қазақстан 2017 жылы ШЫҰ-ға тағы төрағалық етті.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("conflicts"), DOCS)


def _ask(kb_path, question: str) -> dict:
    with derek.open(kb_path) as kb:
        return kb.ask(question).to_dict()


def test_answer_conflicts_dates_of_a_once_only_event(kb_path) -> None:
    answer = _ask(kb_path, "Грузия ТМД-дан қашан шықты?")
    assert answer["answer"] is not None and answer["conflicts"]
    stated = {answer["value"]} | {side["value"] for side in answer["conflicts"]}
    assert stated == {"2008", "2009-08-18"}
    for side in answer["conflicts"]:
        assert side["sources"] and side["answer"]
    quoted = {s["doc"] for s in answer["sources"]} | {s["doc"] for side in answer["conflicts"] for s in side["sources"]}
    assert quoted == {"a.txt", "b.txt"}


def test_answer_conflicts_member_counts(kb_path) -> None:
    answer = _ask(kb_path, "АӨСШК-ге неше мемлекет мүше?")
    assert answer["answer"] is not None
    stated = {str(answer["value"])} | {str(side["value"]) for side in answer["conflicts"]}
    assert stated == {"27", "28"}


def test_answer_conflicts_none_for_an_event_that_repeats(kb_path) -> None:
    answer = _ask(kb_path, "Қазақстан ШЫҰ-ға қашан төрағалық етті?")
    assert answer["conflicts"] == []


def test_answer_conflicts_none_when_sources_agree(kb_path) -> None:
    answer = _ask(kb_path, "Грузия ТМД-ға қашан кірді?")
    assert answer["value"] == "1993" and answer["conflicts"] == []


def test_answer_conflicts_cli_shows_every_side(kb_path) -> None:
    runner = CliRunner()
    shown = runner.invoke(main, ["ask", "Грузия ТМД-дан қашан шықты?", "--db", str(kb_path)])
    assert shown.exit_code == 0, shown.output
    assert "Дереккөздер келіспейді" in shown.output and "b.txt" in shown.output and "a.txt" in shown.output
    as_json = runner.invoke(main, ["ask", "Грузия ТМД-дан қашан шықты?", "--db", str(kb_path), "--json"])
    assert json.loads(as_json.output)["conflicts"]
