"""One reader per format: bytes on disk -> decoded text chunks and metadata.

Plain text is decoded incrementally and handed on in paragraph-aligned chunks, so a 50 MB
file never sits in memory as one string; HTML, DOCX and PDF are read whole (their libraries
need the whole file) up to a size limit.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from derek.doc import DocumentMeta
from derek.errors import ReadError
from derek.ingest.encoding import SAMPLE_BYTES, detect_encoding

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
CHUNK_CHARS = 1 << 20  # text is analysed in paragraph-aligned pieces of about this size
MAX_WHOLE_FILE = 64 << 20  # HTML/DOCX/PDF are parsed in memory; refuse larger ones

_BLOCK_BREAK = re.compile(r"\n\s*\n")


class Source:
    """A document being read: its metadata and an iterator over its text in chunks."""

    def __init__(self, meta: DocumentMeta, chunks: Iterator[str]) -> None:
        self.meta = meta
        self.chunks = chunks


def format_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def file_digest(path: Path) -> tuple[int, str]:
    """(size, sha256) of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except FileNotFoundError:
        raise ReadError(f"{path}: file not found (it may have been moved or deleted)") from None
    except OSError as e:
        raise ReadError(f"{path}: cannot read file ({e.strerror or e})") from None
    return size, digest.hexdigest()


def open_source(path: Path, size: int, sha256: str) -> Source:
    """Start reading ``path``; raises ReadError with the file name for any unreadable input."""
    fmt = format_of(path)
    if fmt is None:
        raise ReadError(f"{path}: unsupported file type {path.suffix or '(none)'!r}")
    if size == 0:
        raise ReadError(f"{path}: empty file")
    meta = DocumentMeta(
        path=str(path), name=path.name, title=path.stem, format=fmt, encoding=None,
        size=size, sha256=sha256, ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    if fmt in ("txt", "md"):
        return _open_text(path, meta)
    if size > MAX_WHOLE_FILE:
        raise ReadError(f"{path}: {fmt.upper()} file too large ({size >> 20} MB; limit {MAX_WHOLE_FILE >> 20} MB)")
    data = _read_bytes(path)
    text, title = {"html": _read_html, "docx": _read_docx, "pdf": _read_pdf}[fmt](data, path, meta)
    if not text.strip():
        raise ReadError(f"{path}: no text found in the {fmt.upper()} file")
    meta.title = title or meta.title
    return Source(meta, iter([text]))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: file not found (it may have been moved or deleted)") from None
    except OSError as e:
        raise ReadError(f"{path}: cannot read file ({e.strerror or e})") from None


def _open_text(path: Path, meta: DocumentMeta) -> Source:
    try:
        with path.open("rb") as f:
            sample = f.read(SAMPLE_BYTES)
    except OSError as e:
        raise ReadError(f"{path}: cannot read file ({e.strerror or e})") from None
    meta.encoding = detect_encoding(sample, str(path))
    first = _decode_all(sample, meta.encoding, path, final=len(sample) < SAMPLE_BYTES)
    meta.title = _text_title(first, meta.format) or meta.title
    return Source(meta, _text_chunks(path, meta.encoding))


def _decode_all(data: bytes, encoding: str, path: Path, final: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        return decoder.decode(data, final=final)
    except UnicodeDecodeError as e:
        raise ReadError(f"{path}: not valid {encoding} text (byte {e.start}: {e.reason})") from None


def _text_chunks(path: Path, encoding: str) -> Iterator[str]:
    """Decoded text in chunks that end at a paragraph break (or a line break, if none)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    offset = 0
    try:
        with path.open("rb") as f:
            while True:
                block = f.read(1 << 20)
                try:
                    pending += decoder.decode(block, final=not block)
                except UnicodeDecodeError as e:
                    raise ReadError(
                        f"{path}: not valid {encoding} text near byte {offset + e.start} ({e.reason})"
                    ) from None
                offset += len(block)
                while len(pending) > CHUNK_CHARS:
                    cut = _cut_point(pending)
                    yield pending[:cut]
                    pending = pending[cut:]
                if not block:
                    break
    except FileNotFoundError:
        raise ReadError(f"{path}: file vanished while it was being read") from None
    if pending:
        yield pending


def _cut_point(text: str) -> int:
    """Where to end a chunk: after the last paragraph break before CHUNK_CHARS, else a line."""
    window = text[: CHUNK_CHARS]
    last = None
    for m in _BLOCK_BREAK.finditer(window, CHUNK_CHARS // 2):
        last = m.end()
    if last is None:
        newline = window.rfind("\n")
        last = newline + 1 if newline > 0 else window.rfind(" ") + 1 or CHUNK_CHARS
    return last


def _text_title(text: str, fmt: str) -> str | None:
    for line in text.splitlines()[:20]:
        line = line.strip().lstrip("\ufeff")
        if fmt == "md" and line.startswith("#"):
            return line.lstrip("#").strip() or None
        if line and fmt == "txt":
            return line[:120]
    return None


def _read_html(data: bytes, path: Path, meta: DocumentMeta) -> tuple[str, str | None]:
    from derek.ingest.html import html_text

    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    encoding = declared.group(1).decode("ascii").lower() if declared else None
    try:
        encoding = codecs.lookup(encoding).name if encoding else detect_encoding(data[:SAMPLE_BYTES], str(path))
    except LookupError:
        encoding = detect_encoding(data[:SAMPLE_BYTES], str(path))
    meta.encoding = encoding
    markup = data.decode(encoding, errors="replace")
    return html_text(markup)


def _read_docx(data: bytes, path: Path, meta: DocumentMeta) -> tuple[str, str | None]:
    import docx  # python-docx; lazy
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises zipfile/KeyError/lxml errors for broken files
        raise ReadError(f"{path}: not a readable DOCX file ({type(e).__name__}: {e})") from None
    blocks: list[str] = []
    title = document.core_properties.title or None
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p") and child in paragraphs:
            paragraph = paragraphs[child]
            if paragraph.text.strip():
                blocks.append(paragraph.text.strip())
                if title is None and paragraph.style.name.lower().startswith(("heading", "title")):
                    title = paragraph.text.strip()
        elif child.tag == qn("w:tbl") and child in tables:
            for row in tables[child].rows:
                cells = [c.text.strip() for c in row.cells]
                if any(cells):
                    blocks.append("\t".join(cells))
    return "\n\n".join(blocks), title


def _read_pdf(data: bytes, path: Path, meta: DocumentMeta) -> tuple[str, str | None]:
    from pdfminer.high_level import extract_text  # pdfminer.six keeps Kazakh words whole
    from pdfminer.layout import LAParams

    try:
        # line_margin 1.0: lines set with generous leading still group into one paragraph
        raw = extract_text(io.BytesIO(data), laparams=LAParams(line_margin=1.0))
    except Exception as e:  # pdfminer raises many types (PDFSyntaxError, PSEOF, ValueError)
        raise ReadError(f"{path}: not a readable PDF file ({type(e).__name__}: {e})") from None
    paragraphs = []
    for block in re.split(r"\n\s*\n|\x0c", raw):
        # pdfminer ends each printed line with a newline; rejoin the lines of a paragraph
        # justified lines come out with runs of spaces between words
        lines = [" ".join(line.split()) for line in block.splitlines() if line.strip()]
        paragraph = ""
        for line in lines:
            if paragraph.endswith("-") and line[:1].islower():
                paragraph = paragraph[:-1] + line
            else:
                paragraph = f"{paragraph} {line}" if paragraph else line
        if paragraph:
            paragraphs.append(paragraph)
    title = paragraphs[0][:120] if paragraphs else None
    return "\n\n".join(paragraphs), title
