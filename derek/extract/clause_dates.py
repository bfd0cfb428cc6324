"""The date a clause's facts take: its own date, «сол жылы» (that year) of a carried date, the
last date before the trigger, and the openings («Оған …», «Осы кезеңде …») that carry the previous
sentence's date. Split from facts.py, which reads them."""

from __future__ import annotations

from dataclasses import replace

from derek.doc import DateMention, Sentence
from derek.extract.index import TokenIndex
from derek.extract.periods import merged_periods, year_alone_in_brackets
from derek.extract.rules import Clause, word_info

_DATE_ANAPHORS = {"оған", "онда"}
_PERIOD_NOUNS = {"кезең", "кез", "уақыт"}  # «осы кезеңде» (in this period)


def anaphoric_opening(norms: list[str], sentence: Sentence) -> bool:
    """«Оған …», «Онда …», «Сол күні …»: the sentence picks up the previous one's date."""
    first = norms[sentence.first_token].lower()
    return first in _DATE_ANAPHORS or (first == "сол" and sentence.first_token + 1 < sentence.last_token
                                        and word_info(norms[sentence.first_token + 1])[0] in ("күн", "жыл"))


def period_anaphor(index: TokenIndex, sentence: Sentence, previous: Sentence) -> bool:
    """«Осы (қауіпті) кезеңде …», «Сол кезде …»: the period the previous sentence dated (a date
    further back does not carry)."""
    words = index.norms[sentence.first_token:min(sentence.first_token + 3, sentence.last_token)]
    if not words or words[0].lower() not in ("осы", "сол"):
        return False
    if not any(word_info(w)[0] in _PERIOD_NOUNS and "LOC" in word_info(w)[1] for w in words[1:]):
        return False
    return any(d.type == "DATE" for _, d in index.dates_in(previous.first_token, previous.last_token))


def clause_date(clause: Clause, index: TokenIndex) -> DateMention | None:
    """The clause's first date (a period read whole), else a year alone in brackets («(1993)»)."""
    dates = [d for _, d in merged_periods(index, index.dates_in(clause.first, clause.last)) if d.type == "DATE"]
    return dates[0] if dates else year_alone_in_brackets(index, clause.first, clause.last)


def that_year(clause: Clause, index: TokenIndex, carried: DateMention | None) -> DateMention | None:
    """«сол жылы» / «осы жылы» (that year) names the year of the date carried from the previous clause."""
    norms = index.norms
    if carried is None or not any(norms[k].lower() in ("сол", "осы") and norms[k + 1].lower().startswith("жыл")
                                  for k in range(clause.first, clause.last - 1)):
        return None
    return replace(carried, value=carried.value[:4], mod=None)


def nearest_date(clause: Clause, i: int, index: TokenIndex) -> DateMention | None:
    """The last date before the trigger: «… 2014 ж қазанында … қол қойған Армения және 2014
    жылдың 23 желтоқсанында … қол қойған Қырғыз Республикасы»."""
    dates = [d for _, d in merged_periods(index, index.dates_in(clause.first, i)) if d.type == "DATE"]
    return dates[-1] if dates else None


def date_between(index: TokenIndex, first: int, last: int) -> DateMention | None:
    """The first date between tokens ``first`` and ``last``."""
    dates = [d for _, d in index.dates_in(first, last) if d.type == "DATE"]
    return dates[0] if dates else None
