"""Question answering: question analysis for every question form, cited answers on the sample
corpus, abstention, hostile input, and `derek ask` (--json, --context) through the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES

import derek
from derek.cli import main
from derek.errors import DerekError, QueryError
from derek.ingest import ingest_paths
from derek.query.ask import ask_context, ask_open
from derek.query.passages import rank_documents
from derek.query.question import analyze_question

# (question, expected answer type, expected entity ids among the question's entities)
QUESTION_FORMS = [
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "date", {"state:kz", "org:un"}),
    ("ШЫҰ қай жылы құрылды?", "year", {"org:sco"}),
    ("Қазақстан БҰҰ Қауіпсіздік Кеңесінде қай жылдары отырды?", "year", {"state:kz"}),
    ("ТМД Жарғысы қай күні қабылданды?", "day", {"treaty:cis-charter"}),
    ("Соңғы ядролық оқтұмсық қай айда әкетілді?", "month", set()),
    ("АӨСШК идеясын кім ұсынды?", "person", {"org:cica"}),
    ("Беловеж келісіміне кімдер қол қойды?", "persons", set()),
    ("ТМД-ның негізгі құжаты не?", "description", {"org:cis"}),
    ("Алматыда жиналған басшылар нені қабылдады?", "description", set()),
    ("Түрікменстан ТМД-да қандай мәртебеге ие?", "description", {"state:tm", "org:cis"}),
    ("ШЫҰ-ға қандай мемлекеттер мүше?", "states", {"org:sco"}),
    ("ШЫҰ Хатшылығы қай қалада орналасқан?", "place", {"org:sco-secretariat"}),
    ("ЕҚЫҰ саммиті қайда өтті?", "place", {"org:osce"}),
    ("Үш жүздің өкілдері қай жерде бас қосты?", "place", set()),
    ("ЕАЭО-ға неше мемлекет мүше?", "number", {"org:eaeu"}),
    ("Бүгінде БҰҰ-ға қанша мемлекет мүше?", "number", {"org:un"}),
    ("Қазақстан БҰҰ-ның нешінші мүшесі болды?", "ordinal", {"state:kz", "org:un"}),
    ("ЕҚЫҰ-ға төрағалық еткен қай мемлекет?", "state", {"org:osce"}),
    ("1730 жылы қазақтар жоңғарларға соққы берген жер:", "place", set()),
    ("Абылайдың туған жылы:", "year", set()),
    ("Бас Ассамблея 29 тамызды қандай күн деп жариялады?", "description", set()),
]


@pytest.mark.parametrize(("question", "answer_type", "entities"), QUESTION_FORMS)
def test_ask_question_analysis(question: str, answer_type: str, entities: set[str]) -> None:
    q = analyze_question(question)
    assert q.answer_type == answer_type
    assert entities <= {e.entity for e in q.entities}


def test_ask_question_predicate_and_verb() -> None:
    q = analyze_question("Қазақстан БҰҰ-ға қашан мүше болды?")
    assert "member_of" in q.predicates and q.verb == "мүше"
    assert analyze_question("Қырғызстан шартқа қашан қол қойды?").predicates == ["signed"]


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory):
    if not EXAMPLES.is_dir():
        pytest.skip("sample corpus not present")
    path = tmp_path_factory.mktemp("ask") / "corpus.db"
    with derek.open(path) as kb:
        ingest_paths(kb, [str(EXAMPLES)])
        yield kb, path


# (question, a word the answer must contain, value or None, the cited document)
ANSWERS = [
    ("Қазақстан БҰҰ-ға қашан мүше болды?", "1992", "1992-03-02", "bul.txt"),
    ("Бүгінде БҰҰ неше мемлекетті біріктіреді?", "193", "193", "bul.txt"),
    ("Цин империясы Жоңғар хандығын қай жылдары талқандады?", "1755", "1755/1758", "tarih.txt"),
    ("Беларусь ШЫҰ-ның нешінші мүшесі болды?", "оныншы", "10", "shyu.md"),
    ("Тоқаев 2022 жылы қайта сайланғанда қанша дауыс жинады?", "81,31", "81.31", "tulgalar.md"),
    ("1726 жылы үш жүздің өкілдері бас қосқан жер:", "Ордабасы", "place:ordabasy", "tarih.txt"),
    ("ТМД-ның негізгі құжаты не?", "Жарғы", "None", "tmd.txt"),
    ("Кувейт АӨСШК-ге қай жылы кірді?", "2021", "2021", "aosshk.txt"),
]


@pytest.mark.parametrize(("question", "word", "value", "doc"), ANSWERS)
def test_ask_answers_with_a_source(corpus_kb, question: str, word: str, value: str, doc: str) -> None:
    kb, _ = corpus_kb
    answer = kb.ask(question)
    assert answer.answer is not None and word in answer.answer
    assert str(answer.value) == value
    assert any(s["doc"] == doc for s in answer.sources)
    assert all(s["text"] for s in answer.sources)


# (question, the document that is about it, a word of the answer read from it)
OPEN = [
    ("Кувейт АӨСШК-ге қай жылы кірді?", "aosshk.txt", "2021"),
    ("Цин империясы Жоңғар хандығын қай жылдары талқандады?", "tarih.txt", "1755"),
]


@pytest.mark.parametrize(("question", "doc", "word"), OPEN)
def test_ask_rank_documents_puts_the_topic_document_first(corpus_kb, question: str, doc: str, word: str) -> None:
    kb, _ = corpus_kb
    ranked = sorted(rank_documents(kb.db, analyze_question(question)).items(), key=lambda kv: -kv[1])
    name = kb.db.execute("SELECT name FROM documents WHERE id = ?", (ranked[0][0],)).fetchone()[0]
    assert name == doc and ranked[0][1] == 1.0 and all(0 < s <= 1 for _, s in ranked)


@pytest.mark.parametrize(("question", "doc", "word"), OPEN)
def test_ask_open_reads_the_best_documents(corpus_kb, question: str, doc: str, word: str) -> None:
    kb, _ = corpus_kb
    answer = ask_open(kb.db, question, threshold=0.0)
    assert answer.answer is not None and word in answer.answer
    assert answer.sources[0]["doc"] == doc and answer.answer in answer.sources[0]["text"]


def test_ask_open_without_matching_documents_abstains(corpus_kb) -> None:
    kb, _ = corpus_kb
    answer = ask_open(kb.db, "Антарктида пингвиндері қанша?", threshold=0.0)
    assert answer.answer is None and answer.sources == []


def test_ask_context_answer_is_the_text_span() -> None:
    # with --context the answer is the span as written; the value stays the entity id
    answer = ask_context("1992 жылы Қазақстан Республикасымен бірге Қырғыз Республикасы да БҰҰ-ға қабылданды.",
                         "Қазақстанмен бірге БҰҰ-ға қай мемлекет қабылданды?")
    assert answer.answer == "Қырғыз Республикасы" and answer.value == "state:kg"


READING_SPANS = [  # (context, question, the exact span answered)
    ("Абай Құнанбайұлы 1845 жылы Шыңғыс тауының етегінде дүниеге келген.", "Абай қай жылы дүниеге келген?", "1845"),
    ("Жасыл өсімдіктер күн сәулесінің әсерінен фотосинтез арқылы оттегі бөледі.",
     "Жасыл өсімдіктер күн сәулесінің әсерінен не бөледі?", "оттегі"),
    ("Қазақ хандығын 1465 жылы Керей хан құрды.", "Қазақ хандығын 1465 жылы кім құрды?", "Керей хан"),
    ("Абайдың ең белгілі прозалық шығармасы «Қара сөздер» деп аталады.",
     "Абайдың ең белгілі прозалық шығармасы қалай аталады?", "«Қара сөздер»"),
]


@pytest.mark.parametrize(("context", "question", "span"), READING_SPANS)
def test_ask_context_reading_spans(context: str, question: str, span: str) -> None:
    answer = ask_context(context, question)
    assert answer.answer == span and answer.answer in context
    assert answer.sources[0]["text"] in context


UNANSWERABLE = [
    "Қазақстан Дүниежүзілік сауда ұйымына қашан мүше болды?",
    "Каспий теңізінің құқықтық мәртебесі туралы конвенцияға қашан қол қойылды?",
    "ЕАЭО сотының төрағасы кім?",
]


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_ask_unanswerable_gets_no_answer(corpus_kb, question: str) -> None:
    kb, _ = corpus_kb
    answer = kb.ask(question)
    assert answer.answer is None and answer.sources == []
    assert answer.passages  # the nearest passages are still shown


@pytest.mark.parametrize("question", ["", "   ", "Қ" * 10_000])
def test_ask_rejects_empty_and_huge_questions(corpus_kb, question: str) -> None:
    kb, _ = corpus_kb
    with pytest.raises(QueryError):
        kb.ask(question)


HOSTILE = ['AND "a:b', "NEAR(x y) OR *", "'; DROP TABLE facts; --", "БҰҰ\" OR 1=1 --", "(((", "^ - : *"]


@pytest.mark.parametrize("question", HOSTILE)
def test_ask_hostile_input_does_not_crash(corpus_kb, question: str) -> None:
    kb, _ = corpus_kb
    answer = kb.ask(question)
    assert answer.answer is None or answer.sources
    assert kb.db.execute("SELECT count(*) FROM facts").fetchone()[0] >= 0


CONTEXT = ("Шанхай ынтымақтастық ұйымы 2001 жылғы 15 маусымда құрылды. "
           "ШЫҰ Хатшылығы Бейжің қаласында орналасқан. Бүгінде ШЫҰ-ға 10 мемлекет мүше.")

CONTEXT_CASES = [
    ("ШЫҰ қашан құрылды?", "2001-06-15"),
    ("ШЫҰ-ға неше мемлекет мүше?", "10"),
    ("Хатшылық қай қалада орналасқан?", "place:beijing"),
    ("ШЫҰ Хатшылығы қай қалада орналасқан?", "place:beijing"),
]


@pytest.mark.parametrize(("question", "value"), CONTEXT_CASES)
def test_ask_context_reading_comprehension(question: str, value: str) -> None:
    answer = ask_context(CONTEXT, question)
    assert str(answer.value) == value
    assert answer.sources[0]["text"] in CONTEXT


def test_ask_context_description_phrase() -> None:
    answer = ask_context("Бас Ассамблея 29 тамызды Ядролық сынақтарға қарсы іс-қимылдың халықаралық күні "
                         "деп жариялады.", "Бас Ассамблея 29 тамызды қандай күн деп жариялады?")
    assert answer.answer == "Ядролық сынақтарға қарсы іс-қимылдың халықаралық күні"


def test_ask_context_unrelated_question_abstains() -> None:
    answer = ask_context(CONTEXT, "Каспий теңізінің құқықтық мәртебесі туралы конвенцияға қашан қол қойылды?")
    assert answer.answer is None


def test_ask_cli_json(corpus_kb, runner) -> None:
    _, path = corpus_kb
    result = runner.invoke(main, ["ask", "Қазақстан БҰҰ-ға қашан мүше болды?", "--db", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"question", "answer", "value", "answer_type", "confidence", "sources", "passages"}
    assert data["value"] == "1992-03-02" and data["sources"][0]["doc"] == "bul.txt"


def test_ask_cli_context(runner, tmp_path) -> None:
    context = tmp_path / "shyu.txt"
    context.write_text(CONTEXT, encoding="utf-8")
    result = runner.invoke(main, ["ask", "ШЫҰ қашан құрылды?", "--context", str(context), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["value"] == "2001-06-15" and data["sources"][0]["doc"] == "shyu.txt"


def test_ask_cli_empty_question_is_an_error(corpus_kb, runner) -> None:
    _, path = corpus_kb
    result = runner.invoke(main, ["ask", "", "--db", str(path)])
    assert result.exit_code != 0
    assert issubclass(QueryError, DerekError)
