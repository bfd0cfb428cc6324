"""The learned span reader: shipped weights, deterministic features, answers, the CLI."""

from __future__ import annotations

import json
import math

import pytest

from derek.cli import main
from derek.pipeline import analyze
from derek.query.ask import ask_context, ask_document
from derek.query.passages import document_passages
from derek.query.question import analyze_question
from derek.query.reader import THRESHOLD, asked, features, load_weights, read, spans_of

# (passage, question, the span the reader answers): hand-written, free-span questions
READS = [
    ("Фотосинтез — жасыл өсімдіктердің жарық энергиясын пайдаланып, көмірқышқыл газы мен судан органикалық "
     "заттар түзуі. Бұл процесс хлоропластарда жүреді.", "Фотосинтез процесі қайда жүреді?", "хлоропластарда"),
    ("Абай Құнанбайұлы қазақ жазба әдебиетінің негізін қалаушы. Ол «Қара сөздер» атты шығармасын жазды.",
     "Абайдың қандай шығармасы бар?", "«Қара сөздер»"),
    ("Қазақ хандығының негізін Керей мен Жәнібек қалады. Хандықтың алғашқы астанасы Сығанақ қаласы болды.",
     "Хандықтың алғашқы астанасы қандай қала болды?", "Сығанақ"),
]


def test_reader_weights_load() -> None:
    weights = load_weights()
    assert len(weights) > 100 and all(math.isfinite(w) for w in weights.values())
    # the answer rarely repeats the question's words, nor starts or ends with a function word
    assert weights["stem_inside"] < 0 and weights["all_qwords"] < 0 and weights["edge_stop"] < 0
    assert 0 < THRESHOLD < 1


def test_reader_features_are_deterministic() -> None:
    context, question, _ = READS[0]
    doc, q = analyze(context), analyze_question(question)

    def all_features() -> list[tuple[str, dict[str, float]]]:
        passages = document_passages(doc, "context", q)
        best = max(p.coverage for p in passages)
        return [(s.text, features(s, asked(q), best)) for s in spans_of(passages, q)]

    first = all_features()
    assert first and first == all_features()
    assert all(f["len=1"] == 1.0 for text, f in first if text == "хлоропластарда")


@pytest.mark.parametrize(("context", "question", "span"), READS)
def test_reader_answers_hand_written_pairs(context: str, question: str, span: str) -> None:
    answer = ask_document(analyze(context), question, threshold=0.0)
    assert answer.method == "reader" and answer.answer == span
    assert answer.sources[0]["text"] in context


def test_reader_probability_is_a_distribution() -> None:
    context, question, _ = READS[2]
    q = analyze_question(question)
    reading = read(document_passages(analyze(context), "context", q), q)
    assert reading is not None and 0 < reading.probability <= 1
    assert reading.confidence <= reading.probability


def test_reader_unrelated_question_abstains() -> None:
    context, _, _ = READS[0]
    assert ask_context(context, "Каспий теңізінің құқықтық мәртебесі туралы конвенцияға кім қол қойды?").answer is None


def test_reader_cli_context_json(runner, tmp_path) -> None:
    context, question, span = READS[0]
    path = tmp_path / "passage.txt"
    path.write_text(context, encoding="utf-8")
    result = runner.invoke(main, ["ask", question, "--context", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"question", "answer", "value", "answer_type", "confidence", "sources", "passages"} <= set(data)
    assert data["answer"] == span and data["sources"][0]["doc"] == "passage.txt"
