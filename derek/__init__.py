"""derek: Kazakh documents into a knowledge base of cited facts.

    >>> import derek
    >>> doc = derek.analyze("Қазақстан 1992 жылғы 2 наурызда БҰҰ-ға мүше болды.")
    >>> kb = derek.open("derek.db")
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from derek.doc import Document
from derek.errors import DerekError

if TYPE_CHECKING:
    from derek.kb.store import KnowledgeBase

__all__ = ["Document", "DerekError", "analyze", "open"]
__version__ = "0.1.0"


def analyze(text: str) -> Document:
    """Tokens, sentences, lemmas, dates, quantities, entities and facts of ``text``."""
    from derek.pipeline import analyze as _analyze

    return _analyze(text)


def open(path: str | Path = "derek.db", *, create: bool = True, readonly: bool = False) -> KnowledgeBase:  # noqa: A001
    """Open (or create) the knowledge base stored in the SQLite file ``path``."""
    from derek.kb.store import KnowledgeBase

    return KnowledgeBase(path, create=create, readonly=readonly)
