"""Retrieval and sentence scoring (derek.query.passages), on sentences written for these tests:
words that share a stem and end in noun suffixes only are one word, a meeting named at the start
of a sentence leans on the sentence before, the best-ranked document's own sentences are read
even when the whole collection holds better-matching ones, a mirrored object stands for the
question's verb, and a summit held stands for leaders who gathered."""

from __future__ import annotations

import pytest

import derek
from derek.ingest import ingest_paths
from derek.pipeline import analyze
from derek.query.endings import ending_match
from derek.query.passages import anaphoric, document_passages, kb_passages
from derek.query.question import analyze_question

ENDINGS = [  # (question word, sentence word, one word?)
    ("саммитінде", "саммитке", True),  # саммит+і+нде ~ саммит+ке
    ("кеңесінде", "кеңеске", True),
    ("мемлекеттік", "мемлекет", False),  # -тік makes an adjective, not a case form
    ("қазақстан", "қазақтар", False),  # a stem of five letters, but «стан» is no ending
    ("саммит", "саммит", False),  # the same word is an exact match, not this one
]


@pytest.mark.parametrize(("asked", "written", "same"), ENDINGS)
def test_passages_words_with_noun_endings_share_a_stem(asked: str, written: str, same: bool) -> None:
    assert ending_match(asked, written) is same


OPENERS = [  # (sentence, leans on the sentence before?)
    ("Кездесудің қорытындысы бойынша бірлескен мәлімдеме қабылданды.", True),
    ("Кездесуде екі келісімге қол қойылды.", True),
    ("Кездесулер туралы кітап 2001 жылы шықты.", False),
    ("Ел жадында бұл қасірет ұзақ сақталды.", True),  # «бұл» (this) in the first clause points back
]


@pytest.mark.parametrize(("sentence", "leans"), OPENERS)
def test_passages_meeting_named_first_leans_on_the_sentence_before(sentence: str, leans: bool) -> None:
    assert anaphoric(sentence) is leans


def test_passages_best_document_sentences_are_read(tmp_path) -> None:
    """Sixty sentences of another text match «мүше» and «мемлекет» better by BM25 than the one
    that answers («Бірлестікке мүше …»); the text about the asked union ranks first and its
    sentence is read."""
    (tmp_path / "other.txt").write_text(" ".join(
        f"Кеңеске мүше мемлекет {n} жылы мүше мемлекет болып қабылданды." for n in range(1930, 1990)),
        encoding="utf-8")
    (tmp_path / "union.txt").write_text(
        "Шығыс Азия сауда одағы 2001 жылы құрылды. Шығыс Азия сауда одағы Сеулде орналасқан. "
        "Бірлестікке мүше жеті елде 300 миллион адам тұрады. Шығыс Азия сауда одағы кеден ісімен айналысады.",
        encoding="utf-8")
    with derek.open(tmp_path / "kb.db") as kb:
        ingest_paths(kb, [str(tmp_path / "other.txt"), str(tmp_path / "union.txt")])
        q = analyze_question("Шығыс Азия сауда одағына неше мемлекет мүше?")
        texts = [p.text for p in kb_passages(kb.db, q)]
    assert "Бірлестікке мүше жеті елде 300 миллион адам тұрады." in texts


OBJECT_FRAMES = [  # (question, sentence with the object before another verb, sentence without it)
    ("Заңның жобасын қай министрлік дайындады?", "Заңның жобасын Әділет министрлігі ұсынды.",
     "Заңның жобасы туралы Әділет министрлігі хабарлады."),
]


@pytest.mark.parametrize(("question", "mirrored", "plain"), OBJECT_FRAMES)
def test_passages_mirrored_object_stands_for_the_verb(question: str, mirrored: str, plain: str) -> None:
    q = analyze_question(question)
    score = [document_passages(analyze(text), "t", q)[0].coverage for text in (mirrored, plain)]
    assert score[0] > score[1]


GATHERINGS = [  # (question, sentence with a synonym of the question's verb, the same with another noun)
    ("Түркі кеңесінің басшылары Шолпан-Атада қашан жиналды?",
     "Түркі кеңесінің саммиті 2018 жылғы 3 қыркүйекте Шолпан-Атада өтті.",
     "Түркі кеңесінің көрмесі 2018 жылғы 3 қыркүйекте Шолпан-Атада өтті."),
    ("Ұйымның басшылары Бакуде қашан жиналды?", "Ұйымның Бакудегі саммиті 2019 жылы өтті.",
     "Ұйымның Бакудегі кітапханасы 2019 жылы ашылды."),
]


@pytest.mark.parametrize(("question", "synonym", "plain"), GATHERINGS)
def test_passages_summit_stands_for_gathering(question: str, synonym: str, plain: str) -> None:
    q = analyze_question(question)
    score = [document_passages(analyze(text), "t", q)[0].coverage for text in (synonym, plain)]
    assert score[0] > score[1]


STEMS = [  # (question term, sentence term, same word): one is the other plus a short ending
    ("жаса", "жасап", True), ("жаса", "жасар", True), ("мүше", "мүшем", True), ("келісім", "келісімі", True),
    ("жаса", "жасақ", False),  # troop is no «do» plus an ending
    ("қала", "қалақ", False),
]


@pytest.mark.parametrize(("a", "b", "same"), STEMS)
def test_passages_stem_match_wants_an_ending(a: str, b: str, same: bool) -> None:
    from derek.query.matching import stem_match

    assert stem_match(a, b) is same and stem_match(b, a) is same
