"""Titles of creative works in quotes are no mentions (bench/data/entities_gold_kazqad3.md).

A song, opera or novel is named in quotes and then called what it is: «Адай», «Сарыарқа» …
сияқты күйлері; «Коробейники» («…») деген әндерін; «…» (translation) операсын. The CRF tags such
a title as an organization or a place, and the gazetteer links a title that is also a place's
name («Сарыарқа»). A mention that fills a pair of quotes is dropped when the quoted items it
stands among, each perhaps followed by a translation in parentheses, close within three lowercase
words on a noun of a creative work (`lang/kk/data/work_nouns.txt`); so is a mention inside that
translation. A name inside a longer title stays («Қыз Данайдың қырғыны» names Данай), and a quoted
name before any other noun stays («"Нұр Отан" партиясы»).
"""

from __future__ import annotations

import re
from functools import cache

from derek.doc import Document, EntityMention
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_list

# one quoted item: «…», “…” or "…" (no nested quotes, short)
QUOTED = re.compile(r"«([^«»\n]{1,80})»|“([^“”\n]{1,80})”|\"([^\"\n]{1,80})\"")
# what may stand between quoted items of one list (after a translation): a comma, «және», «мен»
GLUE = re.compile(r"\s*(?:,|және|мен)?\s*")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SPACE = re.compile(r"[ \t]*")
PAREN = re.compile(r"\s*\(([^()\n]{1,80})\)")
WORDS_BEFORE_NOUN = 3  # «деген әндерін», «сияқты басқа да күйлері»


@cache
def work_nouns() -> frozenset[str]:
    return frozenset(load_list("work_nouns.txt"))


def _is_work_noun(word: str) -> bool:
    readings = analyze(word.lower())[:1]
    return bool(readings) and readings[0].lemma in work_nouns()


def _closes_on_work(text: str, pos: int) -> bool:
    """From ``pos`` (after a list of quoted items), a work noun comes within a few lowercase words."""
    for _ in range(WORDS_BEFORE_NOUN + 1):
        match = WORD.match(text, SPACE.match(text, pos).end())
        if match is None or not match.group()[:1].islower():
            return False
        if _is_work_noun(match.group()):
            return True
        pos = match.end()
    return False


def title_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, quoted) of each quoted title's inside (quoted) and of its translation in
    parentheses (not quoted)."""
    items = list(QUOTED.finditer(text))
    spans: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(items):
        run: list[tuple[re.Match[str], re.Match[str] | None]] = []  # quoted items of one list
        tail = items[i].start()
        while i < len(items) and (not run or GLUE.fullmatch(text, tail, items[i].start())):
            paren = PAREN.match(text, items[i].end())
            run.append((items[i], paren))
            tail = paren.end() if paren else items[i].end()
            i += 1
            while i < len(items) and items[i].start() < tail:
                i += 1  # a quote inside the translation: «Коробейники» («…»)
        if _closes_on_work(text, tail):
            for item, paren in run:
                group = next(g for g in range(1, 4) if item.group(g) is not None)
                spans.append((item.start(group), item.end(group), True))
                if paren is not None:
                    spans.append((paren.start(1), paren.end(1), False))
    return spans


def without_titles(doc: Document, mentions: list[EntityMention]) -> list[EntityMention]:
    """``mentions`` less those that fill a quoted work's title or sit in its translation."""
    if not any(q in doc.text for q in "«“\""):
        return mentions
    spans = title_spans(doc.text)
    if not spans:
        return mentions

    def title(m: EntityMention) -> bool:
        return any((m.start, m.end) == (s, e) if quoted else s <= m.start < m.end <= e
                   for s, e, quoted in spans)

    return [m for m in mentions if not title(m)]
