"""Session 21, round 2: the intention mood after a consonant (-бақ/-пақ: «қабылданбақ» is to be
adopted), «бойынша» inside a document's name (its topic), and a possessed document head whose
genitive owner stands outside the name («Одақтың … жаңа стратегиясы» → «… жаңа стратегия»).
Own sentences."""

from __future__ import annotations

import pytest

import derek
from derek.extract.rules import word_info

INTENT = [
    # -мақ assimilates like the negation: б after н, з, ж; п after a voiceless consonant
    ("қабылданбақ", "қабылда", {"PASS", "INTENT"}),
    ("салынбақ", "сал", {"PASS", "INTENT"}),
    ("жазбақ", "жаз", {"INTENT"}),
    ("айтпақ", "айт", {"INTENT"}),
    # near: м after a vowel and after л, р, й stays as it was
    ("келмек", "кел", {"INTENT"}),
    ("жазылмақ", "жаз", {"PASS", "INTENT"}),
    ("оқымақ", "оқы", {"INTENT"}),
]


@pytest.mark.parametrize(("word", "lemma", "tags"), INTENT)
def test_intent_after_consonant(word: str, lemma: str, tags: set[str]) -> None:
    got_lemma, got_tags, pos = word_info(word)
    assert (got_lemma, pos) == (lemma, "VERB")
    assert tags <= got_tags


ADOPTED = [
    # a document to be adopted, its owner in the genitive before a «бойынша» topic
    ("Күзде Еуропалық Одақтың энергетика бойынша ұзақ мерзімді тұжырымдамасы қабылданбақ.",
     {("org:eu", "энергетика бойынша ұзақ мерзімді тұжырымдама")}),
    ("Өткен айда Еуропалық Одақтың көші-қон бойынша жаңа стратегиясы қабылданды.",
     {("org:eu", "көші-қон бойынша жаңа стратегия")}),
    # the intention of a state's own document, its owner kept when the head stands alone
    ("Келесі жылы Қазақстанның жаңа Конституциясы қабылданбақ.",
     {("state:kz", "Қазақстанның Конституциясы")}),
    # near: a compound («даму стратегиясы») keeps its ending after the owner
    ("ШЫҰ-ның 2035 жылға дейінгі даму стратегиясы 2024 жылы қабылданды.",
     {("org:sco", "2035 жылға дейінгі даму стратегиясы")}),
    # negative: no owner and no body named, nobody adopts
    ("Биыл көші-қон бойынша жаңа стратегия қабылданбақ.", set()),
    ("Заң бойынша биыл жаңа бағдарлама қабылданды.", set()),
    # negative: «қаулысы бойынша» cites the document it follows (a source), no topic of the name
    ("2001 жылы ШЫҰ-ның шешімі бойынша терроризмге қарсы бағдарлама қабылданды.",
     {("org:sco", "терроризмге қарсы бағдарлама")}),
]


@pytest.mark.parametrize(("text", "expected"), ADOPTED)
def test_owned_document_adopted(text: str, expected: set[tuple[str, str]]) -> None:
    facts = {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "adopted"}
    assert facts == expected
