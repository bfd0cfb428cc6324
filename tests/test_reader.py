"""The learned span reader: shipped weights, deterministic features, answers, the CLI."""

from __future__ import annotations

import json
import math

import pytest

import derek
from derek.cli import main
from derek.ingest import ingest_paths
from derek.pipeline import analyze
from derek.query.ask import ask_context, ask_document
from derek.query.open_reader import (
    DOCUMENTS,
    document_log_probabilities,
    load_document_weights,
    ranked_documents,
    read_open,
    read_spans,
)
from derek.query.passages import document_passages
from derek.query.question import analyze_question
from derek.query.reader import (
    READER_TYPES,
    THRESHOLD,
    Span,
    _question_stems,
    annotation,
    asked,
    decode,
    features,
    load_weights,
    read,
    spans_of,
)
from derek.query.reader_context import SentenceView, ner_class, views

# (passage, question, the span the reader answers): hand-written, free-span questions
READS = [
    ("Фотосинтез — жасыл өсімдіктердің жарық энергиясын пайдаланып, көмірқышқыл газы мен судан органикалық "
     "заттар түзуі. Бұл процесс хлоропластарда жүреді.", "Фотосинтез процесі қайда жүреді?", "хлоропластарда"),
    ("Абай Құнанбайұлы қазақ жазба әдебиетінің негізін қалаушы. Ол «Қара сөздер» атты шығармасын жазды.",
     "Абайдың қандай шығармасы бар?", "«Қара сөздер»"),
    ("Қазақ хандығының негізін Керей мен Жәнібек қалады. Хандықтың алғашқы астанасы Жаңақала қаласы болды.",
     "Хандықтың алғашқы астанасы қандай қала болды?", "Жаңақала"),
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


# (IOB2 tags, first, last, how the span sits among the names)
NER_PLACES = [
    (["B-PERSON", "I-PERSON", "O"], 0, 1, ("exact", "PERSON")),
    (["B-PERSON", "I-PERSON", "O"], 1, 1, ("inside", "PERSON")),
    (["O", "B-GPE", "I-GPE"], 0, 1, ("cross", "GPE")),
    (["B-GPE", "B-GPE", "O"], 0, 1, ("cross", "GPE")),
    (["B-GPE", "I-GPE", "O"], 2, 2, ("none", "O")),
]


@pytest.mark.parametrize(("tags", "first", "last", "expected"), NER_PLACES)
def test_reader_ner_class(tags: list[str], first: int, last: int, expected: tuple[str, str]) -> None:
    assert ner_class(SentenceView([], set(), ner=tags), first, last) == expected


def test_reader_context_rare_word_outweighs_common() -> None:
    # «хан» is in every sentence; «астана» only in the second: the second covers more of the question
    context = ("Керей хан мен Жәнібек хан хандықты құрды. Хандықтың астанасы Сығанақ болды, хан сонда тұрды. "
               "Қасым хан заңдар жинағын шығарды.")
    q = analyze_question("Хан астанасы қай қала болды?")
    passages = document_passages(analyze(context), "context", q)
    seen = views(passages, passages, _question_stems(q), q.verb, ner=False)
    share = {p.text.split()[0]: seen[id(p)].values["idf_share"] for p in passages}
    assert share["Хандықтың"] > share["Керей"] and share["Хандықтың"] > share["Қасым"]
    assert seen[id(passages[0])].values["from_best=0"] == 1.0


def test_reader_context_tags_names_once() -> None:
    context, question, _ = READS[1]
    q = analyze_question(question)
    passages = document_passages(analyze(context), "context", q)
    spans = spans_of(passages, q)
    names = [s for s in spans if s.text == "Абай Құнанбайұлы"]
    assert names and names[0].view is not None and len(names[0].view.ner) == len(names[0].passage.tokens)
    assert ner_class(names[0].view, names[0].first, names[0].last) == ("exact", "PERSON")


# (passage, question, the reader's span, its value from the typed annotation it holds)
VALUED = [
    ("Шанхай ынтымақтастық ұйымының Хатшылығы Бейжің қаласында орналасқан.",
     "Хатшылық қай қалада орналасқан?", "Бейжің", "place:beijing"),
    ("1992 жылы Қазақстан Республикасымен бірге Қырғыз Республикасы да БҰҰ-ға қабылданды.",
     "Қазақстанмен бірге БҰҰ-ға қай мемлекет қабылданды?", "Қырғыз Республикасы", "state:kg"),
]


@pytest.mark.parametrize(("context", "question", "span", "value"), VALUED)
def test_reader_span_takes_the_value_of_its_annotation(context: str, question: str, span: str, value: str) -> None:
    q = analyze_question(question)
    assert q.answer_type in READER_TYPES
    answer = ask_document(analyze(context), q)
    assert answer.method == "reader" and answer.answer == span and answer.value == value


def _span(p, first: int, last: int, value: object = None, prior: float = 0.0) -> Span:
    return Span(p, 0, 0, first, last, {"prior"} if value else {"ngram"}, prior, value)


def test_reader_annotation_starts_inside_the_span() -> None:
    # «12-ден 20 адамға дейін»: the span «12-ден 20» holds the start of the figure reached (20),
    # scored above the range start (12); a span before both holds none
    q = analyze_question("Кеңес мүшелерінің саны қаншаға жетті?")
    p = document_passages(analyze("Кеңес мүшелерінің саны 12-ден 20 адамға дейін өсті."), "t", q)[0]
    words = [t.norm for t in p.tokens]
    twelve = next(i for i, w in enumerate(words) if w.startswith("12"))
    twenty = words.index("20")
    spans = [_span(p, twelve, twelve, "12", 0.78), _span(p, twenty, twenty + 2, "20", 0.85)]
    assert annotation(_span(p, twelve, twenty), spans).value == "20"
    assert annotation(_span(p, twelve, twelve), spans).value == "12"
    assert annotation(_span(p, 0, twelve - 1), spans) is None


def test_reader_decode_prefers_the_span_the_likely_ones_share() -> None:
    context, question, _ = READS[2]
    q = analyze_question(question)
    by_text = {s.text: s for s in spans_of(document_passages(analyze(context), "context", q), q)}
    scored = [(1.0, by_text["Хандықтың"]), (0.85, by_text["Жаңақала қаласы"]), (0.8, by_text["Жаңақала"])]
    reading = decode(scored)
    # the likeliest span alone (p 0.37) loses to two that overlap (expected F1 0.52)
    assert reading is not None and reading.span.text == "Жаңақала қаласы"
    assert reading.probability == pytest.approx(1 / sum(math.exp(s - 1.0) for s, _ in scored))
    assert decode([]) is None


def test_reader_open_document_weights_make_a_distribution(tmp_path) -> None:
    for n, (context, _, _) in enumerate(READS):
        (tmp_path / f"d{n}.txt").write_text(context, encoding="utf-8")
    with derek.open(tmp_path / "kb.db") as kb:
        ingest_paths(kb, [str(tmp_path / f"d{n}.txt") for n in range(len(READS))])
        q = analyze_question("Абай қандай шығарма жазды, хандықтың астанасы қандай қала?")
        docs = ranked_documents(kb.db, q)
        read_spans(docs, q)
    weights = load_document_weights()
    assert weights["log_prior"] > 0 and all(math.isfinite(w) for w in weights.values())
    probabilities = [math.exp(x) for x in document_log_probabilities(docs)]
    assert 1 < len(docs) <= DOCUMENTS and sum(probabilities) == pytest.approx(1.0)
    assert {"log_prior", "top", "lse", "rank=0"} <= set(docs[0].features())
    assert read_open(docs) is not None


ALIGNED = [  # (question, sentence, span that stands where the question word stands, a span that does not)
    ("Абай қай жылы туған?", "Абай Құнанбайұлы 1845 жылы Шыңғыс тауында туған.", "1845 жылы", "Шыңғыс тауында"),
    ("Ұлытау қай облыста орналасқан?", "Ұлытау Қарағанды облысында орналасқан.", "Қарағанды облысында", "Ұлытау"),
]


@pytest.mark.parametrize(("question", "sentence", "aligned", "other"), ALIGNED)
def test_reader_align_marks_the_span_in_the_question_words_place(question: str, sentence: str, aligned: str,
                                                                  other: str) -> None:
    from derek.query.reader_align import case_alignment, frame, key, span_alignment

    q = analyze_question(question)
    doc = analyze(sentence)
    f = frame(q.tokens, q.words, q.focus)
    keys = [key(t) for t in doc.tokens]

    def where(text: str) -> tuple[int, int]:
        at = sentence.index(text)
        inside = [i for i, t in enumerate(doc.tokens) if at <= t.start < at + len(text)]
        return inside[0], inside[-1]

    good, bad = span_alignment(keys, *where(aligned), f), span_alignment(keys, *where(other), f)
    assert good["al:sides=2"] == 1.0 and "al:sides=2" not in bad
    assert good["al:ends_focus"] == 1.0 and "al:ends_focus" not in bad
    form = doc.tokens[where(aligned)[1]].norm.lower()
    assert case_alignment("NOM", "NOM", form, f).get("al:same_form") == 1.0 or \
        case_alignment("LOC", "LOC", form, f).get("al:case_same") == 1.0


def test_reader_align_frame_skips_the_asked_noun() -> None:
    from derek.query.reader_align import frame

    q = analyze_question("Ұлытау қай облыста орналасқан?")
    f = frame(q.tokens, q.words, q.focus)
    assert f.left == ["ұлыта"] and f.right == ["орнал"] and f.focus_form == "облыста"


SYNTHETIC = [
    ("Абай 1845 жылы Шыңғыстауда дүниеге келді.", "қай жылы", "1845"),
    ("Бұл кітапты Мұхтар Әуезов жазды.", "кім", "Мұхтар Әуезов"),
    ("Ол жас кезінде Семейде оқыды.", "қайда", "Семейде"),
]


@pytest.mark.parametrize(("text", "word", "answer"), SYNTHETIC)
def test_reader_synth_asks_the_typed_span(text: str, word: str, answer: str) -> None:
    from derek.query.reader_synth import synthetic

    made = synthetic([{"context": text}], per_passage=10)
    asked = {m["answers"]["text"][0]: m["question"] for m in made}
    assert answer in asked and word in asked[answer].lower() and answer not in asked[answer]
    start = next(m for m in made if m["answers"]["text"][0] == answer)["answers"]["answer_start"][0]
    assert text[start : start + len(answer)] == answer


def test_reader_synth_skips_markup_and_bracketed_spans() -> None:
    from derek.query.reader_synth import synthetic

    made = synthetic([{"context": "== Тарихы == Абай 1845 жылы туған. Ол (1904 жылы) Семейде тұрды."}], per_passage=10)
    assert all("1904" not in m["answers"]["text"][0] and "==" not in m["question"] for m in made)


# (candidate texts, linear scores, the re-ranker's rows in order): best first, duplicates counted
RERANK_CASES = [
    (["Абай", "Абай Құнанбайұлы", "1845 жылы"], [0.5, 2.0, 1.0], [1, 2, 0]),
    (["Алматы", "Астана", "Алматы"], [3.0, 1.0, 2.0], [0, 2, 1]),
]


@pytest.mark.parametrize(("texts", "scores", "order"), RERANK_CASES)
def test_reader_rerank_top_values(texts: list[str], scores: list[float], order: list[int]) -> None:
    from derek.query.reader_rerank import Candidates, matrix, top_values

    sentence = " ".join(texts) + "."
    feats = [{"coverage": 0.5, "head=x|type=person": 1.0, "sm:logp": -0.1} for _ in texts]
    c = Candidates(feats, texts, [sentence] * len(texts), [0, 0, 1], [{"first": 1.0}, {"first": 0.0}],
                   "person", scores)
    got, rows = top_values(c, top=3)
    assert got == order
    assert [r["rr:rank"] for r in rows] == [0, 1, 2]
    assert rows[0]["rr:gap"] == 0.0 and rows[1]["rr:gap"] < 0
    assert all("head=x|type=person" not in r and r["kind=person"] == 1.0 for r in rows)  # lexical stays linear
    assert [r["rr:dupes"] for r in rows] == [float(texts.count(texts[i]) - 1) for i in order]
    assert rows[0]["rr:words"] == len(texts[order[0]].split())
    mass = {c.of[i]: r["rr:sent_mass"] for r, i in zip(rows, order)}  # one value per sentence
    assert all(r["rr:sent_mass"] == mass[c.of[i]] for r, i in zip(rows, order))
    assert math.isclose(mass[0] + mass[1], 1.0)
    x = matrix(rows, ["rr:rank", "coverage", "missing"])
    assert x.shape == (3, 3) and x[:, 0].tolist() == [0, 1, 2] and x[:, 2].tolist() == [0, 0, 0]
