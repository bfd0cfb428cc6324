"""Description phrases and the question's frame (derek.query.phrases), on sentences written for
these tests: the asked pronoun has no focus noun, the word after the asked words marks the answer,
an attributive date belongs to its noun, and a figure is a whole phrase."""

from __future__ import annotations

import pytest

from derek.pipeline import analyze
from derek.query.candidates import candidates_in
from derek.query.passages import document_passages
from derek.query.phrases import frame_word
from derek.query.question import analyze_question


def _best(context: str, question: str) -> str:
    q = analyze_question(question)
    passages = document_passages(analyze(context), "t", q)
    return max((c for p in passages for c in candidates_in(p, q)), key=lambda c: c.score).answer


FOCUS = [  # (question, focus): «нені» is the answer itself; «қандай» asks for the noun after it
    ("Кеңесте нені құру туралы шешімге келді?", None),
    ("Жиында нені талқылау туралы ұсынысқа қол жеткізілді?", None),
    ("Қандай құжатқа қол қойылды?", "құжат"),
]


@pytest.mark.parametrize(("question", "focus"), FOCUS)
def test_phrases_pronoun_question_word_has_no_focus(question: str, focus: str | None) -> None:
    assert analyze_question(question).focus == focus


FRAMES = [  # (question, the word after the asked words)
    ("Министрлер нені өткізу туралы уағдаластыққа келді?", "өткіз"),
    ("Ол қандай соғыстан кейін үйіне оралды?", "кейін"),
    ("50 сынақтың нешеуі суда өтті?", "су"),
    ("Елші қашан келді?", None),  # the next word is the verb: verb_follows covers it
]


@pytest.mark.parametrize(("question", "word"), FRAMES)
def test_phrases_frame_word(question: str, word: str | None) -> None:
    assert frame_word(analyze_question(question)) == word


ANSWERS = [  # (context, question, best answer)
    (("2015 жылғы қыркүйекте Астанада министрлер кеңесі өтті, онда форум өткізу туралы уағдаластыққа "
      "қол жеткізілді."), "Астанадағы министрлер кеңесінде нені өткізу туралы уағдаластыққа қол жеткізілді?",
     "форум"),
    ("1998 жылғы сәуірдегі су тасқынынан кейін қала тұрғындары жаңа ауданға көшті.",
     "Қала тұрғындары қандай оқиғадан кейін жаңа ауданға көшті?", "1998 жылғы сәуірдегі су тасқынынан"),
    ("Облыс астығының 40 %-дан астамы солтүстік аудандардың үлесіне тиеді.",
     "Облыс астығында солтүстік аудандардың үлесі қандай?", "40 %-дан астамы"),
    ("Зерттелген 300 үлгінің 12-сі теңізде, 40-ы көлде, қалғаны өзенде алынды.",
     "Зерттелген 300 үлгінің нешеуі теңізде алынды?", "12"),
]


@pytest.mark.parametrize(("context", "question", "answer"), ANSWERS)
def test_phrases_answer_mirrors_the_question_frame(context: str, question: str, answer: str) -> None:
    assert _best(context, question) == answer
