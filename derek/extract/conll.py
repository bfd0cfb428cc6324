"""CoNLL-style token files: one token per line (tag in the last column), blank line between
sentences; and strict IOB2 spans. Used by `derek ner --conll`, NER training and benches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from derek.errors import DerekError


def iob2_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Strict IOB2 spans (start, end exclusive, class): a span opens only at B-X."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and tag != f"I-{label}":
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def read_conll(lines: Iterable[str]) -> list[list[str]]:
    """Sentences of tokens from CoNLL-style lines: first column, blank line between sentences."""
    return [[row[0] for row in sent] for sent in _conll_rows(lines)]


def read_iob2(lines: Iterable[str]) -> list[tuple[list[str], list[str]]]:
    """(tokens, tags) per sentence from ``token tag`` lines (last column is the tag)."""
    out = []
    for number, sent in enumerate(_conll_rows(lines), start=1):
        if any(len(row) < 2 for row in sent):
            raise DerekError(f"sentence {number}: a line has no tag column")
        out.append(([row[0] for row in sent], [row[-1] for row in sent]))
    return out


def _conll_rows(lines: Iterable[str]) -> list[list[list[str]]]:
    sentences: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in lines:
        cells = line.rstrip("\r\n").split("\t") if "\t" in line else line.split()
        cells = [c.strip() for c in cells]
        if not cells or not cells[0]:
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(cells)
    if current:
        sentences.append(current)
    return sentences


def format_conll(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> str:
    """``token<TAB>tag`` lines, a blank line after each sentence."""
    if len(sentences) != len(tags):
        raise DerekError(f"{len(sentences)} sentences but {len(tags)} tag sequences")
    blocks = []
    for tokens, sent_tags in zip(sentences, tags):
        if len(tokens) != len(sent_tags):
            raise DerekError(f"sentence of {len(tokens)} tokens has {len(sent_tags)} tags")
        blocks.append("".join(f"{t}\t{g}\n" for t, g in zip(tokens, sent_tags)))
    return "\n".join(blocks) + ("\n" if blocks else "")
