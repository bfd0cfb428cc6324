"""The analysis pipeline: stages are plain functions ``Document -> Document``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from derek.doc import Document, Token
from derek.lang.kk.segment import segment, tokenize

Stage = Callable[[Document], Document]


def default_stages() -> list[Stage]:
    """segment -> ...; later stages read what earlier ones wrote."""
    return [segment]


def run(doc: Document, stages: Sequence[Stage] | None = None) -> Document:
    for stage in default_stages() if stages is None else stages:
        doc = stage(doc)
    return doc


def analyze(text: str) -> Document:
    """Run the whole pipeline over ``text``."""
    return run(Document(text))


def analyze_tokens(text: str) -> list[Token]:
    """Tokens of a short text (a query, a sentence) as the index sees them."""
    return tokenize(text)
