"""Posts held through a serving or appointing verb: «… хатшысы қызметін атқарды», «… төрағасы
болып істеді / тұрды», «… етіп сайлады», «… болып сайланған X»: the post before or after the verb
and its holder. Split from facts_offices.py (which reads the whole post), which calls
held_post_facts; subjects.py asks names_post."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import Fact, Sentence
from derek.extract.biography import subjectless
from derek.extract.facts_offices import (
    APPOINTING,
    AS,
    POST_NOUNS,
    POST_REACH,
    holders,
    is_post,
    post_values,
    whole_post,
)
from derek.extract.history import finite
from derek.extract.periods import held_time, merged_periods
from derek.extract.phrases import phrase_head, titles
from derek.extract.post_words import coordinated_heads
from derek.extract.rules import Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_SERVE = {"атқар", "істе"}  # «… хатшысы қызметін атқарды», «… төрағасы болып істеді»
_NAMED = {"сайла", "тағайында", "істе"}  # «… болып сайланған / тағайындалған / істеген X»


def held_post_facts(sentence: Sentence, clause: Clause, index: TokenIndex, since: int,
                    carried: str | None = None) -> list[Fact]:
    """A post held, said by a verb of serving or with its holder after it: «X … хатшысы қызметін
    атқарды», «X … төрағасы болып істеді», «… хатшысы болған / болып сайланған X», «… бірінші
    хатшысы X болды»; «Ол», or no subject at all, stands for the ``carried`` person, else «Ол» for
    the last person named since token ``since``."""
    for v in range(clause.first + 1, clause.last):
        found = _post_before(index, clause, v)
        if found is None:
            continue
        head, after = found
        holder = _holder(index, clause, head, v, after, (since, carried))
        if holder is None:
            continue
        values = post_values(index, clause, head, holders(index, clause.args))
        if not values:
            continue
        dates = [d for a, d in merged_periods(index, index.dates_in(clause.first, clause.last))
                 if d.type == "DATE" and (not after or a < head)]  # a participle's date stands inside its phrase
        time = held_time(dates)
        return [Fact(holder, "appointed_as", None, v, time, None, sentence.start, sentence.end, 0.65) for v in values]
    return []


def _post_before(index: TokenIndex, clause: Clause, v: int) -> tuple[int, bool] | None:
    """(the title's token, whether the holder follows) for the verb shape at ``v``."""
    norms = index.norms
    lemma, tags, _ = word_info(norms[v])
    before = word_info(norms[v - 1])[0]
    if lemma in _SERVE | {"ет"} and before == "қызмет" and v - 2 > clause.first \
            and norms[v - 2].lower() in AS and finite(norms[v]):
        return v - 3, False  # «… инспекторы болып қызмет атқарды / етті» (served as)
    if lemma in _SERVE and before in POST_NOUNS and finite(norms[v]):
        return v - 2, False
    if lemma in _SERVE and norms[v - 1].lower() in AS and finite(norms[v]):
        return v - 2, False
    if lemma == "тұр" and norms[v - 1].lower() == "бола" and "CONV.A" in tags:
        return v - 2, False  # «… инспекторы бола тұра» (while being …): the post held
    if lemma == "тұр" and norms[v - 1].lower() in AS and (finite(norms[v]) or _ends_clause(norms, clause, v, tags)):
        return v - 2, False  # «… кеңесші биі болып тұрған / боп тұрады» (was serving as)
    if lemma == "істе" and before == "жұмыс" and v - 2 > clause.first and norms[v - 2].lower() == "болып" \
            and finite(norms[v]):
        return v - 3, False  # «… хатшысы болып жұмыс істеді»
    if lemma in APPOINTING and norms[v - 1].lower() == "етіп" and "PASS" not in tags and finite(norms[v]):
        return v - 2, False  # «оны … төрағасы етіп сайлады»: the holder is the accusative
    if lemma == "бол" and "PTCP.PAST" in tags:
        return v - 1, True
    if lemma in _NAMED and "PTCP.PAST" in tags and norms[v - 1].lower() == "болып":
        return v - 2, True
    if lemma in APPOINTING and {"PTCP.PAST", "PASS"} <= tags and norms[v - 1].lower() != "болып":
        return _post_after(index, clause, v)
    if (lemma == "бол" and finite(norms[v]) or norms[v].lower() == "еді") and v > clause.first:
        person = next((a for a in clause.args if a.type == "person" and a.case == "NOM"
                       and (a.last == v or _bracketed(norms, a.last, v))), None)
        if person is not None and person.first - 1 >= clause.first:
            return person.first - 1, True
        if any(norms[k].lower() == "ол" for k in range(clause.first, v)) \
                and not any(a.type == "person" and a.case == "NOM" for a in clause.args):
            return v - 1, False  # «Ол … хатшысы болды»: office_facts reads a named holder
    return None


def _ends_clause(norms: list[str], clause: Clause, v: int, tags: frozenset[str]) -> bool:
    """A past participle that ends its clause («… болып тұрған.») is its finite verb."""
    return "PTCP.PAST" in tags and all(not w[:1].isalnum() for w in norms[v + 1:clause.last])


def _post_after(index: TokenIndex, clause: Clause, v: int) -> tuple[int, bool] | None:
    """«жаңадан тағайындалған … агенттігінің төрағасы Мәдина Әбілқасымова»: a passive participle
    of appointing before a post and its holder; the post's title is the word before the first
    person named after the participle, with nothing but words between (no comma, no date)."""
    person = next((a for a in clause.args if a.type == "person" and v + 1 < a.first <= v + POST_REACH + 1), None)
    if person is None or any(not index.norms[k][:1].isalpha() or k in index.date_tokens
                             for k in range(v + 1, person.first)):
        return None
    head = person.first - 1
    return (head, True) if is_post(index.norms[head]) or word_info(index.norms[head])[0] in titles() else None


def names_post(index: TokenIndex, clause: Clause, i: int) -> bool:
    """Does a post owned by a body stand before «болып сайланды» («Алаш Орда үкіметінің
    төрағасы болып сайланды»)? Then a person is elected to the post, not to the body."""
    head = phrase_head(index, clause, i, "")
    return head >= clause.first and is_post(index.norms[head]) \
        and whole_post(index, clause, head, holders(index, clause.args)) is not None


def _holder(index: TokenIndex, clause: Clause, head: int, v: int, after: bool,
            carry: tuple[int, str | None]) -> str | None:
    """The person holding the post: named right after the participle or before the verb
    (after the post), else before the post, else «Ол»'s antecedent or the carried person."""
    since, carried = carry
    if head < clause.first or not is_post(index.norms[head]) and word_info(index.norms[head])[0] not in titles() \
            and len(coordinated_heads(index, clause, head)) == 1:  # «уәзір, би болып»: a ruler's title in a list
        return None
    people = [a for a in clause.args if a.type == "person" and a.case == "NOM"]
    if index.norms[v - 1].lower() == "етіп":
        return _appointee(index, clause, head, since)
    if after and head > v:  # the post after a participle: its holder follows it in any case
        return next((a.entity for a in clause.args if a.type == "person" and a.first == head + 1), None)
    if after:
        return next((a.entity for a in people if a.first in (v + 1, head + 1)), None)
    named = next((a.entity for a in people if a.last <= head), None)
    if named is None and any(index.norms[k].lower() == "ол" for k in range(clause.first, head)):
        found = index.last_before(clause.first, ("person",), since)
        named = carried or (found[0] if found else None)
    if named is None and carried is not None and subjectless(index, clause, head):
        named = carried  # «… сұлтанның кеңесші биі болып тұрған.»: the person the text is about
    return named


def _bracketed(norms: list[str], first: int, last: int) -> bool:
    """Do tokens first..last-1 form one bracketed aside («Аттила (Еділ) болды»)?"""
    return last - first >= 2 and norms[first] == "(" and norms[last - 1] == ")"


def _appointee(index: TokenIndex, clause: Clause, head: int, since: int) -> str | None:
    """The accusative person before «… етіп сайлады» («Ж. Шаяхметовты», «оны»)."""
    named = next((a.entity for a in clause.args if a.type == "person" and a.case == "ACC" and a.last <= head), None)
    if named is None and any(index.norms[k].lower() == "оны" for k in range(clause.first, head)):
        found = index.last_before(clause.first, ("person",), since)
        named = found[0] if found else None
    return named
