"""Reading documents from disk into the knowledge base: file discovery, readers, batch ingest."""

from __future__ import annotations

import gc
import glob
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from derek.doc import Document
from derek.errors import DerekError
from derek.ingest.readers import FORMATS, Source, file_digest, format_of, open_source

__all__ = ["FORMATS", "IngestResult", "expand_paths", "ingest_each", "ingest_file", "ingest_paths", "read_document", "read_text"]


@dataclass(slots=True)
class IngestResult:
    path: str
    status: str  # added, updated, unchanged, failed
    message: str = ""
    doc_id: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "status": self.status, "message": self.message, "doc_id": self.doc_id}


def expand_paths(inputs: Iterable[str]) -> tuple[list[Path], list[IngestResult]]:
    """Files, folders (recursively: the supported formats) and glob patterns -> file list."""
    files: dict[Path, None] = {}
    missing: list[IngestResult] = []
    for item in inputs:
        literal = Path(item).exists() or not glob.has_magic(item)  # «[b]notes.txt» is a file, not a pattern
        matches = [Path(item)] if literal else [Path(m) for m in sorted(glob.glob(item, recursive=True))]
        if not matches or not all(m.exists() for m in matches):
            missing.append(IngestResult(item, "failed", f"{item}: no such file or directory"))
            continue
        for m in matches:
            if m.is_dir():
                for f in sorted(m.rglob("*")):
                    if f.is_file() and format_of(f) and not f.name.startswith("."):
                        files[f.resolve()] = None
            else:
                files[m.resolve()] = None
    return list(files), missing


def read_text(path: str | Path) -> str:
    """The decoded text of one file, as derek reads it (any supported format)."""
    p = Path(path).resolve()
    size, sha = file_digest(p)
    return "".join(open_source(p, size, sha).chunks)


def read_document(path: str | Path) -> Document:
    """Read one file into an analysed Document (whole text in memory; for the Python API)."""
    from derek.pipeline import run

    p = Path(path).resolve()
    size, sha = file_digest(p)
    source = open_source(p, size, sha)
    text = "".join(source.chunks)
    return run(Document(text, meta=source.meta))


def _analysed_parts(source: Source) -> Iterator[tuple[int, Document]]:
    from derek.pipeline import run

    offset = 0
    for chunk in source.chunks:
        yield offset, run(Document(chunk, meta=source.meta))
        offset += len(chunk)


def ingest_file(kb, path: Path) -> IngestResult:  # noqa: ANN001 - KnowledgeBase, imported lazily
    """Ingest one file; unchanged files are skipped, changed ones replaced atomically."""
    try:
        size, sha = file_digest(path)
        old = kb.document_by_path(str(path))
        if old is not None and old.sha256 == sha:
            return IngestResult(str(path), "unchanged", doc_id=old.id)
        source = open_source(path, size, sha)
        doc_id = kb.write_document(source.meta, _analysed_parts(source))
    except DerekError as e:
        return IngestResult(str(path), "failed", str(e))
    return IngestResult(str(path), "updated" if old else "added", doc_id=doc_id)


def ingest_paths(kb, inputs: Iterable[str], progress: Callable[[IngestResult], None] | None = None) -> list[IngestResult]:  # noqa: ANN001,E501
    """Ingest every file the inputs name; one file failing does not stop the batch."""
    files, results = expand_paths(inputs)
    for r in results:
        if progress:
            progress(r)
    for result in ingest_each(kb, files):
        results.append(result)
        if progress:
            progress(result)
    return results


def ingest_each(kb, files: Iterable[Path], before: Callable[[Path], None] | None = None) -> Iterator[IngestResult]:  # noqa: ANN001,E501
    """Ingest files one by one as a batch, yielding each result when its file is done.

    Batch settings hold while it runs (`_batch_collections`): fewer full garbage collections,
    and once a document has been analysed the loaded models are frozen
    (`derek.pipeline.freeze_models`) — a batch's settings, not every caller's of the pipeline."""
    from derek.pipeline import freeze_models

    with _batch_collections():
        for path in files:
            if before:
                before(path)
            result = ingest_file(kb, path)
            if result.status in ("added", "updated"):
                freeze_models()
            yield result


FULL_COLLECTION_EVERY = 100  # gen-1 collections between full ones during an ingest (Python: 10)


@contextmanager
def _batch_collections() -> Iterator[None]:
    """Fewer full garbage collections while ingesting: each rescans the caches the stages grow
    (≥ 100k objects), and the stages leave no reference cycles to reclaim; restored after."""
    old = gc.get_threshold()
    gc.set_threshold(old[0], old[1], max(old[2], FULL_COLLECTION_EVERY))
    try:
        yield
    finally:
        gc.set_threshold(*old)

