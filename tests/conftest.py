"""Shared fixtures: a knowledge base on tmp_path, the shared data folder, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import derek

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "corpus"

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


def needs_seeds() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
