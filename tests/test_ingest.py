"""Readers for every format, encoding detection, and the bad inputs each must name clearly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import KAZAKH_TEXT

from derek.errors import ReadError
from derek.ingest import read_document, readers
from derek.ingest.encoding import detect_encoding

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "kz1048", "ptcp154"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_ingest_detects_kazakh_encodings(tmp_path, encoding):
    path = tmp_path / f"doc-{encoding}.txt"
    path.write_bytes(KAZAKH_TEXT.encode(encoding))
    doc = read_document(path)
    assert doc.text == KAZAKH_TEXT
    assert doc.meta.encoding.replace("_", "-") in (encoding, "utf-16")


def test_ingest_detects_cp1251_russian(tmp_path):
    text = "Казахстан и Россия подписали договор о дружбе в Москве в 1992 году."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    assert read_document(path).text == text


def test_ingest_metadata(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# ТМД тарихы\n\nТМД 1991 жылы құрылды.\n", encoding="utf-8")
    doc = read_document(path)
    meta = doc.meta
    assert (meta.name, meta.title, meta.format, meta.encoding) == ("a.md", "ТМД тарихы", "md", "utf-8")
    assert meta.size == path.stat().st_size and len(meta.sha256) == 64 and meta.ingested_at


def test_ingest_keeps_crlf_offsets(tmp_path):
    text = "Бірінші сөйлем.\r\nЕкінші сөйлем.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = read_document(path)
    assert doc.text == text
    assert [text[s.start : s.end] for s in doc.sentences] == ["Бірінші сөйлем.", "Екінші сөйлем."]


HTML = """<!doctype html><html><head><meta charset="utf-8"><title>ЕҚЫҰ — сайт</title>
<style>.x{color:red}</style><script>var s = "Мәзір сценарий мәтіні";</script></head>
<body><nav><a href="/">Басты бет</a> | <a href="/news">Жаңалықтар</a></nav>
<div class="cookie-banner">Біз cookie қолданамыз</div>
<header><h2>Сайт тақырыбы</h2></header>
<aside class="sidebar">Бүйірлік мәзір</aside>
<main><article><h1>Қазақстан және ЕҚЫҰ</h1>
<p>Қазақстан 1992 жылы <b>ЕҚЫҰ</b>-ға қосылды.</p><p>2010 жылы ұйымға төрағалық етті.</p>
<ul><li>Астана саммиті</li><li>Астана декларациясы</li></ul></article></main>
<footer>© 2024 Барлық құқықтар қорғалған</footer><script>console.log("Қоқыс")</script></body></html>"""


def test_ingest_html_main_text_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    doc = read_document(path)
    assert doc.meta.title == "Қазақстан және ЕҚЫҰ"
    assert "Қазақстан 1992 жылы ЕҚЫҰ-ға қосылды." in doc.text
    assert "Астана декларациясы" in doc.text
    for noise in ("Мәзір", "cookie", "Басты бет", "Бүйірлік", "Барлық құқықтар", "Қоқыс", "color"):
        assert noise not in doc.text


def test_ingest_malformed_html_still_reads(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>Қазақстан <b>БҰҰ-ға <p>мүше болды</body", encoding="utf-8")
    assert "мүше болды" in read_document(path).text


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("ЕАЭО туралы", level=1)
    d.add_paragraph("Еуразиялық экономикалық одақ туралы шартқа 2014 жылы қол қойылды.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Армения", "2015 жылғы 2 қаңтар"
    table.cell(1, 0).text, table.cell(1, 1).text = "Қырғызстан", "2015 жылғы 12 тамыз"
    d.add_paragraph("Одақтың штаб-пәтері Мәскеуде орналасқан.")
    d.save(path)


def test_ingest_docx_paragraphs_and_tables_in_order(tmp_path):
    path = tmp_path / "eaeo.docx"
    make_docx(path)
    doc = read_document(path)
    assert doc.meta.title == "ЕАЭО туралы"
    assert doc.text.index("қол қойылды") < doc.text.index("Армения\t2015") < doc.text.index("Мәскеуде")
    assert "Қырғызстан\t2015 жылғы 12 тамыз" in doc.text


def make_pdf(path: Path, text: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=12)
    pdf.multi_cell(0, 8, text)
    pdf.output(str(path))


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(), reason="no DejaVu font")
def test_ingest_pdf_keeps_kazakh_words_whole(tmp_path):
    path = tmp_path / "nuc.pdf"
    text = ("Қазақстан 1991 жылғы 29 тамызда Семей ядролық сынақ полигонын жапты. " * 4).strip()
    make_pdf(path, text)
    doc = read_document(path)
    for word in ("Қазақстан", "тамызда", "полигонын", "ядролық"):
        assert word in doc.text
    assert doc.text.count("полигонын") == 4


BAD = [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("broken.docx", b"PK\x03\x04 this is not really a zip", "not a readable DOCX"),
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "not a readable PDF"),
    ("image.png", b"\x89PNG\r\n\x1a\n", "unsupported file type"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_ingest_bad_input_names_file_and_problem(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert name in str(err.value) and message in str(err.value)


def test_ingest_truncated_docx(tmp_path):
    good = tmp_path / "good.docx"
    make_docx(good)
    data = good.read_bytes()
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="truncated.docx: not a readable DOCX"):
        read_document(bad)


def test_ingest_undecodable_text_names_byte(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(("Қазақстан " * 200).encode("utf-8") + b"\xff\xfe\x00\x00\x81")
    with pytest.raises(ReadError, match="mixed.txt"):
        read_document(path)


def test_ingest_vanished_file(tmp_path):
    with pytest.raises(ReadError, match="gone.txt: file not found"):
        read_document(tmp_path / "gone.txt")


def test_ingest_streams_large_text_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "CHUNK_CHARS", 2000)
    para = "Қазақстан 1992 жылы БҰҰ-ға мүше болды. Ол ТМД-ның негізін қалады.\n\n"
    path = tmp_path / "big.txt"
    path.write_text(para * 300, encoding="utf-8")
    size, sha = readers.file_digest(path)
    chunks = list(readers.open_source(path, size, sha).chunks)
    assert len(chunks) > 5 and "".join(chunks) == para * 300
    assert all(len(c) <= 2000 for c in chunks)
    assert all(c.endswith("\n\n") for c in chunks[:-1])


def test_ingest_encoding_detection_rejects_nul_heavy_data():
    with pytest.raises(ReadError, match="x.txt"):
        detect_encoding(b"\x00\x01\x02\x03" * 100, "x.txt")


def test_ingest_docx_zip_without_document_part(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    path = tmp_path / "empty.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(ReadError, match="empty.docx"):
        read_document(path)


@pytest.mark.parametrize("threshold", [(700, 10, 10), (500, 5, 200)])
def test_ingest_full_collections_rare_while_ingesting_then_restored(kb, tmp_path, threshold):
    import gc

    from derek.ingest import FULL_COLLECTION_EVERY, ingest_paths

    (tmp_path / "a.txt").write_text(KAZAKH_TEXT, encoding="utf-8")
    seen = []
    old = gc.get_threshold()
    gc.set_threshold(*threshold)
    try:
        results = ingest_paths(kb, [str(tmp_path / "a.txt")], progress=lambda r: seen.append(gc.get_threshold()))
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*old)
    assert [r.status for r in results] == ["added"]
    assert seen == [(*threshold[:2], max(threshold[2], FULL_COLLECTION_EVERY))]
    assert after == threshold


def test_batch_ingest_freezes_the_loaded_models_and_the_pipeline_alone_does_not(kb, tmp_path, monkeypatch):
    import gc

    from derek import pipeline
    from derek.ingest import ingest_paths

    monkeypatch.setattr(pipeline, "_frozen", False)
    gc.unfreeze()
    first = pipeline.analyze(KAZAKH_TEXT)
    assert gc.get_freeze_count() == 0, "analysing a text must not freeze a host process's objects"
    (tmp_path / "a.txt").write_text(KAZAKH_TEXT, encoding="utf-8")
    assert [r.status for r in ingest_paths(kb, [str(tmp_path / "a.txt")])] == ["added"]
    assert pipeline._frozen and gc.get_freeze_count() > 0
    doc = pipeline.analyze(KAZAKH_TEXT)  # later documents analyse the same, frozen or not
    assert [t.lemma for t in doc.tokens] == [t.lemma for t in first.tokens]
