"""Shared fixtures: a knowledge base on tmp_path, the shared data folder, a CLI runner."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import derek

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "corpus"

NER_MODEL = REPO / "derek" / "extract" / "data" / "ner.crfsuite"
needs_ner_model = pytest.mark.skipif(not NER_MODEL.exists(), reason="CRF model not trained")


def entities_of(text: str, use_ner: bool = False, deixis: bool = True) -> list:
    """``text`` through the pipeline up to its entity mentions (gazetteer names only unless
    ``use_ner``), each mention's offsets checked against the text; ``deixis=False`` leaves out the
    mentions resolved from «Ол», «Бұл» …"""
    from derek.doc import Document
    from derek.extract.entities import extract_entities
    from derek.lang.kk.dates import extract_dates
    from derek.lang.kk.numbers import extract_quantities
    from derek.lang.kk.segment import segment
    from derek.pipeline import lemmatize

    doc = Document(text)
    for stage in (segment, lemmatize, extract_dates, extract_quantities):
        doc = stage(doc)
    doc = extract_entities(doc, use_ner=use_ner)
    for m in doc.entities:
        assert doc.text[m.start : m.end] == m.text
    return [m for m in doc.entities if deixis or m.source != "deixis"]


KAZAKH_TEXT = (
    "Қазақстан Республикасы 1992 жылғы 2 наурызда БҰҰ-ға мүше болды. "
    "Әлемдік қауымдастық, өңір, үкімет, ұйым, үндеу, һәм іргелі келісім."
)


@pytest.fixture
def kb(tmp_path):
    with derek.open(tmp_path / "kb.db") as store:
        yield store


@pytest.fixture
def runner():
    return CliRunner()


def kb_of_texts(folder: Path, texts: dict[str, str]) -> Path:
    """A knowledge base at ``folder``/kb.db ingested from ``texts`` (file name → text)."""
    from derek.ingest import ingest_paths

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "kb.db"
    with derek.open(path) as store:
        ingest_paths(store, [str(folder / name) for name in texts])
    return path


def ask_in(path: Path, question: str):
    """``question`` asked of the knowledge base at ``path``, opened for this one question."""
    with derek.open(path) as store:
        return store.ask(question)


@pytest.fixture(scope="session")
def sample_kb_path(tmp_path_factory) -> Path:
    """A knowledge base of the shipped sample corpus, built once per test session (read-only)."""
    if not EXAMPLES.is_dir():
        pytest.skip("sample corpus not present")
    from derek.ingest import ingest_paths

    path = tmp_path_factory.mktemp("sample") / "corpus.db"
    with derek.open(path) as store:
        ingest_paths(store, [str(EXAMPLES)])
    return path


@pytest.fixture
def sample_kb(sample_kb_path):
    with derek.open(sample_kb_path) as store:
        yield store


def needs_seeds() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")


def gold_doc_path(doc: str) -> Path:
    """A gold file's document: the sample corpus first, else the seeds."""
    own = EXAMPLES / doc
    return own if own.exists() else SEEDS / doc


@cache
def gold_text_and_sentences(doc: str) -> tuple[str, frozenset[tuple[int, int]]]:
    """The text derek reads from a gold file's document and its sentence boundaries."""
    from derek.doc import Document
    from derek.ingest import read_text
    from derek.lang.kk.segment import segment

    text = read_text(gold_doc_path(doc))
    return text, frozenset((s.start, s.end) for s in segment(Document(text)).sentences)


# Hand-written sentences (not from KazNERD or the seeds), pairwise unrelated, all O: filler for the
# NER training-script tests (test_ner_cv.py, test_ner_round16.py).
UNRELATED_SENTENCES = [
    "Ауылда жаңа мектеп ашылды .",
    "Өзен жағасында балықшылар отыр .",
    "Кеше кешке қатты жаңбыр жауды .",
    "Әжем бауырсақ пісіріп жатыр .",
    "Стадионда футбол матчы басталды .",
    "Кітапханаға мыңдаған кітап әкелінді .",
    "Таудың басында қар әлі жатыр .",
    "Оқушылар емтиханға дайындалуда .",
    "Базарда алманың бағасы түсті .",
    "Дәрігер науқасты мұқият тексерді .",
    "Жолда көлік кептелісі болды .",
    "Ғалымдар жаңа жұлдыз тапты .",
]


@pytest.fixture(scope="session")
def train_ner():
    """scripts/train_ner.py as a module (scripts are no package)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("train_ner", Path(__file__).resolve().parents[1] / "scripts"
                                                  / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_ner", module)
    spec.loader.exec_module(module)
    return module
