"""One loader for derek's data files (TSV with a header row, and word lists), from any package's
``data`` folder; by default the Kazakh language data in ``lang/kk/data``."""

from __future__ import annotations

from functools import cache
from importlib import resources

KAZAKH = "derek.lang.kk"


def _lines(name: str, package: str) -> list[str]:
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def load_list(name: str, package: str = KAZAKH) -> tuple[str, ...]:
    """A plain word list: one item per line, ``#`` comments and blank lines skipped."""
    return tuple(line.strip() for line in _lines(name, package))


@cache
def load_tsv(name: str, package: str = KAZAKH) -> tuple[dict[str, str], ...]:
    """A TSV file with a header row; returns one dict per row (empty cells are "")."""
    lines = _lines(name, package)
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ValueError(f"{name}: row {number} has {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return tuple(rows)
