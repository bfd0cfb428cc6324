"""Posts held in a capacity or a time clause: «X Қазақстан Президенті ретінде …» (as), «X Президент
болғанда / болған кезде / болып тұрғанда …» (when X was): appointed_as for a named person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import Fact, Sentence
from derek.extract.facts_offices import holders, is_post, post_values
from derek.extract.periods import held_time, merged_periods
from derek.extract.phrases import titles
from derek.extract.rules import Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_WHEN = {"кезде", "кезінде", "кезеңде", "тұста", "шақта"}  # «… болған кезде» (at the time when)
_AS = {"болып", "боп"}


def capacity_facts(sentence: Sentence, clause: Clause, index: TokenIndex, since: int) -> list[Fact]:
    """One appointed_as per post held «ретінде» or «болғанда»; the holder is a nominative person
    before the post (or, for «ретінде», right after it) or «Ол»'s antecedent, never a carried
    subject; a bare lower-case title «ретінде» is a role at an event («төраға ретінде»), no post."""
    for v in range(clause.first + 1, clause.last):
        found = _capacity_post(index, clause, v)
        if found is None:
            continue
        head, as_role = found
        holder = _holder(index, clause, head, v, as_role, since)
        values = post_values(index, clause, head, holders(index, clause.args)) if holder else []
        if as_role and values and len(values[0].split()) == 1 and not index.norms[head][:1].isupper():
            values = []
        if not values:
            continue
        dates = [d for a, d in merged_periods(index, index.dates_in(clause.first, clause.last)) if d.type == "DATE"]
        time = held_time(dates)
        return [Fact(holder, "appointed_as", None, value, time, None, sentence.start, sentence.end, 0.6)
                for value in values]
    return []


def _capacity_post(index: TokenIndex, clause: Clause, v: int) -> tuple[int, bool] | None:
    """(the title's token, whether it is a «ретінде» capacity) for the shape at ``v``."""
    norms = index.norms
    if norms[v].lower() == "ретінде":
        return v - 1, True
    lemma, tags, _ = word_info(norms[v])
    if "PTCP.PAST" not in tags:
        return None
    when = "LOC" in tags or v + 1 < clause.last and norms[v + 1].lower() in _WHEN
    if lemma == "бол" and when:
        return v - 1, False  # «Президент болғанда», «… хатшысы болған кезде»
    if lemma == "тұр" and when and norms[v - 1].lower() in _AS and v - 2 >= clause.first:
        return v - 2, False  # «Премьер-Министр болып тұрғанда» (while serving as)
    return None


def _holder(index: TokenIndex, clause: Clause, head: int, v: int, as_role: bool, since: int) -> str | None:
    """A nominative person before the post, one right after «ретінде», or «Ол»'s antecedent."""
    norms = index.norms
    if head < clause.first or not (is_post(norms[head]) or word_info(norms[head])[0] in titles()):
        return None
    people = [a for a in clause.args if a.type == "person" and a.case == "NOM"]
    before = next((a.entity for a in people if a.last <= head), None)
    if before is not None:
        return before
    if as_role:
        after = next((a.entity for a in people if a.first == v + 1), None)
        if after is not None:
            return after
    if any(norms[k].lower() == "ол" for k in range(clause.first, head)):
        found = index.last_before(clause.first, ("person",), since)
        return found[0] if found else None
    return None
