"""Questions as people type them (query/typed.py, query/typed_case.py): lower case, ALL CAPS,
a Russian keyboard, endings glued or spaced, Latin look-alikes."""

from __future__ import annotations

import json

import pytest
from conftest import kb_of_texts

import derek
from derek.cli import main
from derek.query.question import analyze_question
from derek.query.typed import restore_word
from derek.query.typed_case import ordinary

# (original question, the same question as typed casually)
VARIANTS = [
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "қазақстан бұұ-ға қашан мүше болды"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "Казакстан БУУ-га кашан мүше болды?"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "казакстан буу-га кашан муше болды"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "Қазақстан БҰҰға қашан мүше болды?"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "Қазақстан БҰҰ ға қашан мүше болды??"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "ҚАЗАҚСТАН БҰҰ-ҒА ҚАШАН МҮШЕ БОЛДЫ?"),
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "Қaзaқcтaн БҰҰ-ғa қaшaн мүшe бoлды?"),
    ("Беларусь ШЫҰ-ның нешінші мүшесі болды?", "беларусь шыұ-ның нешінші мүшесі болды"),
    ("Беларусь ШЫҰ-ның нешінші мүшесі болды?", "Беларусь ШЫУ-нын нешинши мушеси болды?"),
    ("Біріккен Ұлттар Ұйымы қашан құрылды?", "біріккен ұлттар ұйымы қашан құрылды"),
    ("ЕҚЫҰ-дағы төрағалық кімге өтті?", "ЕКЫУ-дагы торагалык кимге отти?"),
]


@pytest.mark.parametrize(("original", "typed"), VARIANTS)
def test_typed_question_analysed_as_the_original(original: str, typed: str) -> None:
    want, got = analyze_question(original), analyze_question(typed)
    assert [e.entity for e in got.entities] == [e.entity for e in want.entities]
    assert (got.answer_type, got.predicates, got.focus) == (want.answer_type, want.predicates, want.focus)
    # offsets stay in the text as typed
    assert got.text == typed.strip()
    assert all(got.text[e.start:e.end] == e.text for e in got.entities)
    assert all(got.text[t.start:t.end] == t.text for t in got.tokens)


# (a lower-case question, entities it must not link): ordinary words are no names
ORDINARY = [
    ("ел одақ алаш қашан құрылды?", set()),
    ("жер бетінде неше мемлекет бар?", set()),
    ("қазан айында не болды?", set()),
]


@pytest.mark.parametrize(("question", "entities"), ORDINARY)
def test_typed_ordinary_words_stay_words(question: str, entities: set[str]) -> None:
    assert {e.entity for e in analyze_question(question).entities} == entities


@pytest.mark.parametrize(("word", "expected"), [("ел", True), ("одақ", True), ("мүше", True),
                                                ("қазақстан", False), ("бұұ", False), ("ресеймен", False)])
def test_typed_ordinary(word: str, expected: bool) -> None:
    assert ordinary(word) is expected


RESTORED = [
    ("кашан", "қашан"), ("Казакстаннын", "Қазақстанның"), ("БУУ-га", "БҰҰ-ға"), ("муше", "мүше"),
    ("жылгы", "жылғы"), ("желтоксан", "желтоқсан"), ("Кенесиндеги", "Кеңесіндегі"),
    ("нешинши", "нешінші"), ("ЕКЫУ-дагы", "ЕҚЫҰ-дағы"),
    ("болды", None),  # a Kazakh word as typed
    ("қазақстан", None),  # Kazakh letters: typed on a Kazakh keyboard
    ("Касымулы", None),  # қасымұлы or касымұлы: ambiguous, left as typed
]


@pytest.mark.parametrize(("word", "expected"), RESTORED)
def test_typed_restore_word(word: str, expected: str | None) -> None:
    assert restore_word(word) == expected


# (question, the words' norms that must stay as written): what a question typed properly keeps
KEPT = [
    ("ХІХ ғасырдың 30 жылдарында не болды?", ["XIX"]),  # a Roman numeral stays Latin for the date stage
    ("XІX ғасырдың бірінші жартысында кім өмір сүрді?", ["XIX"]),
    ("Қазақтың инженер-геологы, белгілі ғалымы кім?", ["инженер-геологы"]),  # a compound, not «-геөлөгы»
    ("Ең үлкен арал", ["арал"]),  # typed with capitals: «арал» (island) is meant, not the Aral
    ("Ол қай жылы астана болды?", ["астана"]),  # «астана» (a capital)
]


@pytest.mark.parametrize(("question", "kept"), KEPT)
def test_typed_question_keeps(question: str, kept: list[str]) -> None:
    tokens = analyze_question(question).tokens
    assert [t.norm for t in tokens if t.norm.lower() in {k.lower() for k in kept}] == kept


def test_typed_kazakh_question_keeps_words_without_kazakh_letters() -> None:
    """«уран» (uranium) in a question with Kazakh letters is not «ұран» (a slogan)."""
    tokens = analyze_question("Қазақстан қанша уран өндіреді?").tokens
    assert [t.norm for t in tokens if t.text == "уран"] == ["уран"]


TEXTS = {"bul.txt": "Қазақстан 1992 жылы 2 наурызда Біріккен Ұлттар Ұйымына мүше болды. "
                    "Ресей 1991 жылы БҰҰ-дағы орнын алды."}


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory):
    path = kb_of_texts(tmp_path_factory.mktemp("typed"), TEXTS)
    with derek.open(path) as kb:
        yield kb, path


@pytest.mark.parametrize("question", ["Қазақстан БҰҰ-ға қашан мүше болды?", "қазақстан бұұ-ға қашан мүше болды",
                                      "Казакстан БУУ-га кашан муше болды", "ҚАЗАҚСТАН БҰҰ ҒА ҚАШАН МҮШЕ БОЛДЫ"])
def test_typed_ask_end_to_end(small_kb, question: str) -> None:
    kb, _ = small_kb
    answer = kb.ask(question)
    assert answer.value == "1992-03-02" and answer.sources[0]["doc"] == "bul.txt"
    assert answer.question == question.strip()


def test_typed_cli_lower_case_question(small_kb, runner) -> None:
    _, path = small_kb
    result = runner.invoke(main, ["ask", "қазақстан бұұ-ға қашан мүше болды", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["value"] == "1992-03-02"
