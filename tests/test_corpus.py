"""Checks on the shipped sample corpus in examples/corpus/ and its generator."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SEEDS = ROOT / ".." / "shared" / "seeds"
KAZAKH_LETTERS = "әғқңөұүһі"

EXPECTED_FILES = [
    "aosshk.txt",
    "bul.txt",
    "eaeo.docx",
    "eqyu.html",
    "sauda.txt",
    "shyu.md",
    "tarih.txt",
    "tmd.txt",
    "tulgalar.md",
    "yadrolyq.pdf",
]

# (file, a phrase its extracted text must contain)
PHRASES = [
    ("tmd.txt", "1991 жылғы 21 желтоқсанда"),
    ("tmd.txt", "Грузияны қоспағанда"),
    ("bul.txt", "168-ші мүшесі"),
    ("shyu.md", "2001 жылғы 15 маусымда"),
    ("eqyu.html", "2010 жылғы 1–2 желтоқсанда"),
    ("aosshk.txt", "1992 жылғы 5 қазанда"),
    ("eaeo.docx", "29.05.2014"),
    ("yadrolyq.pdf", "1992 жылғы 23 мамырда Лиссабонда"),
    ("tarih.txt", "1731 жылғы 19 ақпанда"),
    ("sauda.txt", "54,6 %"),
    ("tulgalar.md", "2019 жылғы 20 наурызда"),
]


def read_text(path: Path) -> str:
    """Return the readable text of one corpus file, decoded by its known format."""
    if path.suffix == ".docx":
        docx = pytest.importorskip("docx")
        document = docx.Document(str(path))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if path.suffix == ".pdf":
        from pdfminer.high_level import extract_text

        return " ".join(extract_text(str(path)).split())
    raw = path.read_bytes()
    if path.name == "aosshk.txt":
        return raw.decode("kz1048")
    if raw.startswith(b"\xff\xfe"):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def article_text(path: Path) -> str:
    """Return the text of the <article> of an HTML file."""
    bs4 = pytest.importorskip("bs4")
    soup = bs4.BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return soup.find("article").get_text(" ")


def test_corpus_has_exactly_the_ten_files() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == EXPECTED_FILES


@pytest.mark.parametrize("name", EXPECTED_FILES)
def test_corpus_file_length_in_range(name: str) -> None:
    path = CORPUS / name
    text = article_text(path) if name.endswith(".html") else read_text(path)
    assert 150 <= len(text.split()) <= 450


@pytest.mark.parametrize("name, phrase", PHRASES)
def test_corpus_file_contains_phrase(name: str, phrase: str) -> None:
    assert phrase in read_text(CORPUS / name)


def test_corpus_encodings_match_readme() -> None:
    assert (CORPUS / "bul.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (CORPUS / "sauda.txt").read_bytes().startswith(b"\xff\xfe")
    for name in ("tmd.txt", "tarih.txt", "shyu.md", "tulgalar.md", "eqyu.html"):
        raw = (CORPUS / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        raw.decode("utf-8")


def test_corpus_kz1048_is_legacy_and_kazakh() -> None:
    raw = (CORPUS / "aosshk.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("kz1048")
    assert all(letter in text.lower() for letter in KAZAKH_LETTERS)
    assert "\r\n" in text


def test_corpus_pdf_gives_whole_kazakh_words() -> None:
    words = set(read_text(CORPUS / "yadrolyq.pdf").split())
    for word in ("қарусыздану", "оқтұмсық", "құрлықаралық", "жарлыққа", "МАГАТЭ-нің"):
        assert word in words


def test_corpus_docx_table_lists_members() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(CORPUS / "eaeo.docx"))
    assert document.paragraphs[0].style.name == "Heading 1"
    rows = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert ["Қырғызстан", "мүше", "23.12.2014", "12.08.2015"] in rows
    assert len(rows) == 9


def test_corpus_tarih_has_latin_lookalikes() -> None:
    text = (CORPUS / "tarih.txt").read_text(encoding="utf-8")
    assert text.count("\u04c0") == 2
    assert "XVIII" in text and "XIX" in text and "ХV" in text
    mixed = [
        w
        for w in re.findall(r"\w+", text)
        if re.search("[a-zA-Z]", w) and re.search("[а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІ]", w)
    ]
    assert len(mixed) >= 7


def test_corpus_html_has_noise_outside_article() -> None:
    html = (CORPUS / "eqyu.html").read_text(encoding="utf-8")
    for tag in ("<nav>", "<header>", "<footer>", "<aside", "<script>", "<style>", "cookie"):
        assert tag in html
    assert "2099" in html and "2099" not in article_text(CORPUS / "eqyu.html")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(re.findall(r"\w+", p.lower())) for p in parts]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed texts not available")
def test_corpus_copies_no_seed_sentence() -> None:
    corpus = " ".join(" ".join(re.findall(r"\w+", read_text(p).lower())) for p in CORPUS.iterdir())
    for seed in SEEDS.iterdir():
        for sentence in _sentences(seed.read_text(encoding="utf-8", errors="replace")):
            if len(sentence.split()) >= 6:
                assert sentence not in corpus, sentence


def test_corpus_generator_reproduces_checked_in_files(tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    pytest.importorskip("docx")
    script = ROOT / "examples" / "make_corpus.py"
    spec = importlib.util.spec_from_file_location("make_corpus", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["make_corpus", str(tmp_path)])
    for name in ("aosshk.txt", "sauda.txt", "eaeo.docx", "yadrolyq.pdf"):
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name
