"""The analysis pipeline: stages are plain functions ``Document -> Document``."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from derek.doc import Document, Token
from derek.lang.kk.segment import segment, tokenize

Stage = Callable[[Document], Document]


def lemmatize(doc: Document) -> Document:
    """Pipeline stage: ``token.lemma`` for every token (punctuation keeps its form)."""
    lemmatize_tokens(doc.tokens)
    return doc


def lemmatize_tokens(tokens: list[Token]) -> list[Token]:
    from derek.lang.kk.morphology import lemma

    for t in tokens:
        t.lemma = lemma(t.norm) if any(c.isalnum() for c in t.norm) else t.norm
    return tokens


def default_stages() -> list[Stage]:
    """segment -> lemmatize -> dates -> quantities -> entities -> facts."""
    from derek.extract.entities import extract_entities
    from derek.extract.facts import extract_facts
    from derek.lang.kk.dates import extract_dates
    from derek.lang.kk.numbers import extract_quantities

    return [segment, lemmatize, extract_dates, extract_quantities, extract_entities, extract_facts]


def run(doc: Document, stages: Sequence[Stage] | None = None) -> Document:
    for stage in default_stages() if stages is None else stages:
        doc = stage(doc)
    return doc


def analyze(text: str) -> Document:
    """Run the whole pipeline over ``text``."""
    return run(Document(text))


def analyze_tokens(text: str) -> list[Token]:
    """Tokens of a short text (a query, a sentence) with lemmas, as the index sees them."""
    return lemmatize_tokens(tokenize(text))
