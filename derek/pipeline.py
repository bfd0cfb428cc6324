"""The analysis pipeline: stages are plain functions ``Document -> Document``."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Sequence

from derek.doc import Document, Token
from derek.lang.kk.segment import segment, tokenize

Stage = Callable[[Document], Document]
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts (sre's word class less "_")


def lemmatize(doc: Document) -> Document:
    """Pipeline stage: ``token.lemma`` for every token, sentence by sentence (a capital that
    only opens a sentence is not a proper noun); punctuation keeps its form."""
    from derek.lang.kk.context import lemmatize_sentence

    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        for token, lemma in zip(tokens, lemmatize_sentence([t.norm for t in tokens])):
            token.lemma = lemma if _ALNUM.search(token.norm) else token.norm
    return doc


def lemmatize_tokens(tokens: list[Token]) -> list[Token]:
    from derek.lang.kk.morphology import lemma

    for t in tokens:
        t.lemma = lemma(t.norm) if _ALNUM.search(t.norm) else t.norm
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


_frozen = False


def freeze_models() -> None:
    """Move every object alive now (after a first document: the loaded models, data tables and
    caches, ~800k objects) out of the garbage collector's scans, once per process: a full
    collection rescanned them all (~0.3 s, about every second 58k-token document). They are
    still freed by reference counting; the stages leave no reference cycles behind.

    It freezes the host's objects too, so only batch work calls it (`derek.ingest.ingest_each`:
    `derek ingest`, `ingest_paths`); `run` leaves the collector alone."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def analyze(text: str) -> Document:
    """Run the whole pipeline over ``text``."""
    return run(Document(text))


def analyze_tokens(text: str) -> list[Token]:
    """Tokens of a short text (a query, a sentence) with lemmas, as the index sees them."""
    return lemmatize_tokens(tokenize(text))
