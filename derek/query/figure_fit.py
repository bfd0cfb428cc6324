"""How a figure fits a «неше/қанша/нешінші» question: counts against measures, multipliers
(«неше есе»), spans of time («неше жыл»), the noun a figure counts, the start of a change
(«168-ден 176-ға дейін»), dates listed together as a count of times, and ordinals written as
words («оныншы»). Split out of candidates.py, which calls these for every quantity span."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from derek.doc import Token
from derek.kb.search import term
from derek.query.cases import is_focus, word_case
from derek.query.counted import COUNTED_ENTITY, figure_words
from derek.query.passages import Passage
from derek.query.question import Question, answer_nouns
from derek.query.ranges import joined_runs

TIMES_NOUNS = frozenset({"рет", "мәрте"})  # «неше рет» (how many times)


def counted_dates(p: Passage, question: Question) -> list[tuple[str, str, dict[str, Any]]]:
    """«неше рет қабылдады?» ← «2005, 2011, 2017 және 2024 жылдары қабылдады»: the dates listed
    together (commas, «және») count the times: 4."""
    asked = {d.value for d in question.dates}
    dates = sorted((x for x in p.spans if x["kind"] == "date" and x["label"] == "DATE"
                    and x["value"] not in asked), key=lambda x: x["start"])
    run = max(joined_runs(p, dates), key=len, default=[])
    if len(run) < 2:
        return []
    span = {"kind": "count", "start": run[0]["start"], "end": run[-1]["end"], "attrs": {}}
    return [(f"{len(run)} рет", str(len(run)), span)]


def number_fits(x: dict[str, Any], kind: str, question: Question) -> bool:
    """«неше/қанша» want a count; «нешінші» an ordinal, often written as a bare figure
    («46 сессиясында»), but not a count of things («176 мемлекетке дейін»). A figure the
    question itself gives is not its answer."""
    figure_kind = x["attrs"].get("kind")
    asked = {t.norm for t in question.tokens}
    if kind == "ordinal" and figure_kind == "count":
        return False
    if figure_kind == "multiplier" and not asks_times(question):
        return False  # «2 есе өсті» says how a figure grew, not what it is: it answers «неше есе»
    if asks_times(question) and figure_kind != "multiplier":
        return False  # … and «неше есе өсті?» is not answered by «41 млрд доллар» (a sum, not a multiple)
    if figure_kind == "count" and x["attrs"].get("unit") == "country" and not counts_things(question) \
            and float(x["value"]) == len({e.entity for e in question.entities if e.type == "state"}):
        return False  # «екі ел арасындағы» for «Қазақстан мен Қытай арасындағы»: the states asked about
    if kind == "number" and counts_things(question) and (figure_kind in MEASURES or
                                                          (x["attrs"].get("unit") and figure_kind != "count")):
        return False  # «неше мемлекет» is not answered by «30 млрд доллар», «70 пайыз» or «300 км²»
    return (kind == "ordinal" or figure_kind != "ordinal") and x["text"] not in asked


def asks_times(question: Question) -> bool:
    """«неше есе», «қанша есеге»: the question asks for a multiplier."""
    return any(term(t) == "есе" for t in question.tokens)


MEASURES = frozenset({"money", "percent"})  # figures that measure an amount, not count things
TIME_KINDS = frozenset({"year", "date", "month"})  # «неше жыл/күн/ай»: spans of time (duration)


def counts_things(question: Question) -> bool:
    """«неше мемлекет», «неше адам», «қанша қала»: the question counts nouns of an entity kind."""
    kind = answer_nouns().get(question.focus or "")
    return kind is not None and kind not in TIME_KINDS


DURATION_UNITS = {"жыл": "Y", "ай": "M", "апта": "W", "күн": "D", "сағат": "H", "минут": "M"}
_DURATION = re.compile(r"P(?:T)?(\d+(?:\.\d+)?)([YMWDH])")


def duration(x: dict[str, Any], question: Question) -> str | None:
    """«неше жылға созылды» → «он жылға» (DURATION P10Y) → "10": a span of time answers a count
    of the unit the question asks for (years for «неше жыл», not days)."""
    m = _DURATION.fullmatch(str(x["value"])) if x["label"] == "DURATION" else None
    if m is None or DURATION_UNITS.get(question.focus or "") != m.group(2):
        return None
    time_unit = str(x["value"]).startswith("PT")
    if (question.focus in ("сағат", "минут")) != time_unit:
        return None
    return m.group(1)


COUNTS_OTHER = 0.6  # a figure of another noun when the sentence names the asked noun apart from it


def counts_factor(p: Passage, x: dict[str, Any], question: Question) -> float:
    """A figure followed by the noun the question counts («неше мемлекет» → «16 мемлекет»)."""
    if question.answer_type not in ("number", "ordinal") or not question.focus:
        return 1.0
    if (x.get("attrs") or {}).get("counted"):  # _counted_entities: the listed names are the asked noun's kind
        return COUNTED_ENTITY  # a count the sentence leaves to the reader
    if any(is_focus(t, question) or kin_noun(t, question) for t in figure_words(p, x, 2)) \
            or share_of(p, x, question):
        return 1.0
    # the figure counts something else while the asked noun stands elsewhere in the sentence:
    # «46-сессиясында … Ұйымның жаңа мүшесі» for «нешінші мүшесі»
    return COUNTS_OTHER if any(is_focus(t, question) for t in p.tokens) else 0.9


def share_of(p: Passage, x: dict[str, Any], question: Question) -> bool:
    """«дауыстардың 98,8 %-ын жинады» for «қанша дауыс жинады?»: a percentage is a share of the
    noun in the genitive just before it, so it counts that noun as «98,8 % дауыс» would."""
    if x.get("label") != "percent":
        return False
    before = [t for t in p.tokens if p.start + t.end <= x["start"]]
    return bool(before) and word_case(before[-1].norm) == "GEN" and is_focus(before[-1], question)


def kin_noun(token: Token, question: Question) -> bool:
    """A noun of the asked noun's kind (answer_nouns.tsv): «бес елде» counts the states asked by
    «неше мемлекет»."""
    kind = answer_nouns().get(question.focus or "")
    return kind is not None and answer_nouns().get(token.lemma.lower()) == kind


def range_start(p: Passage, x: dict[str, Any], question: Question) -> float:
    """«168-ден 176 мемлекетке дейін өсті»: the figure a change starts from is not what it reached
    (unless the question asks «қаншадан»)."""
    if x.get("kind") != "quantity" or any(word_case(t.norm) == "ABL" for t in question.tokens
                                          if t.norm.lower().startswith(("қанша", "неше"))):
        return 1.0
    tokens = [t for t in p.tokens if p.start + t.start >= x["start"]]
    later = [t.norm.lower() for t in tokens[1:]]
    from_here = bool(tokens) and word_case(tokens[0].norm) == "ABL"  # «168-ден»
    return 0.9 if from_here and ("дейін" in later or "шейін" in later) else 1.0


@cache
def ordinal_stems() -> dict[str, int]:
    """Number words (lang/kk/data/number_words.tsv) and «тұңғыш» (first), for word ordinals."""
    from derek.lang.kk.resources import load_tsv

    stems = {r["word"]: int(r["value"]) for r in load_tsv("number_words.tsv") if r["value"].isdigit()}
    return {**stems, "тұңғыш": 1, "алғашқы": 1}


@lru_cache(maxsize=65_536)  # asked for every word of every sentence read (fit.ordinals)
def word_ordinal(word: str) -> int | None:
    """The number of an ordinal written as a word: «оныншы» → 10, «тұңғыш» → 1, else None."""
    low = word.lower()
    stem = next((low[: -len(e)] for e in ("ыншы", "інші", "ншы", "нші")
                 if low.endswith(e) and low[: -len(e)] in ordinal_stems()), None)
    stem = stem or (low if low in ("тұңғыш", "алғашқы") else None)
    return ordinal_stems()[stem] if stem else None


def word_ordinals(p: Passage) -> list[tuple[str, str, dict[str, Any]]]:
    """«оныншы», «төртінші», «тұңғыш»: ordinals written as words (-ыншы/-інші/-ншы/-нші)."""
    found = []
    for t in p.tokens:
        if (number := word_ordinal(t.norm)) is not None:
            span = {"start": p.start + t.start, "end": p.start + t.end}
            found.append((t.text, str(number), span))
    return found
