"""One loader for the Kazakh language data files in ``lang/kk/data`` (TSV and word lists)."""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("derek.lang.kk").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def load_list(name: str) -> tuple[str, ...]:
    """A plain word list: one item per line, ``#`` comments and blank lines skipped."""
    return tuple(line.strip() for line in _lines(name))


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """A TSV file with a header row; returns one dict per row (empty cells are "")."""
    lines = _lines(name)
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(f"{name}: row {number} has {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return tuple(rows)
