"""Verbless lines of a career («* 1952–1955 жылдары – … академиясының президенті.», «* Абылай хан -
… ұлы ханы.»): the post held (appointed_as, or chaired for a named body's chair); used by facts.py."""

from __future__ import annotations

from derek.doc import DateMention, Fact, Sentence
from derek.extract.facts_offices import holders, title_value
from derek.extract.history import finite, text_person
from derek.extract.index import TokenIndex
from derek.extract.phrases import titles
from derek.extract.rules import BULLETS, Clause, word_info

_DASHES = {"-", "–", "—"}
_CHAIRED = frozenset({"organization", "body"})


def post_line_facts(sentence: Sentence, clause: Clause, index: TokenIndex,
                    date: DateMention | None = None) -> list[Fact]:
    """A verbless line of a career «* 1952–1955 жылдары – Қазақ КСР Ғылым академиясының
    президенті.»: the post held over the period by the person named in it, else by the person
    the text is about; «Бас редакторы – Б. Асанов.» names the post first (``date``: the date the
    text is at, the year of a chronicle's item)."""
    norms = index.norms
    last = clause.last - 1 if not norms[clause.last - 1][:1].isalpha() else clause.last
    dates = [(a, d) for a, d in index.dates_in(clause.first, last) if d.type == "DATE"]
    dash = next((k for k in range(clause.first, last) if norms[k] in _DASHES and k > clause.first), None)
    if dash is not None and not dates:
        value = post_first(index, clause, dash, last)
        if value is not None:
            return [Fact(value[0], "appointed_as", None, value[1], date.value if date else None, None,
                         sentence.start, sentence.end, 0.55)]
    if last <= clause.first or dash is None or any(a.first > dash and a.type == "person" for a in clause.args):
        return []
    if not dates:
        return _named_line(sentence, clause, index, dash, last)
    if len(dates) != 1 or not dates[0][0] < dash or any(
            word_info(norms[k])[2] in ("VERB", "AUX") and "GEN" not in word_info(norms[k])[1]
            and not norms[k][:1].isupper() for k in range(clause.first, last)):
        return []
    value = title_value(index, Clause(dash + 1, last), last - 1, holders(index, clause.args))
    people = [a for a in clause.args if a.type == "person" and a.last <= dash]
    holder = people[-1].entity if people else text_person(index, sentence.first_token)
    if value is None or holder is None:
        return []
    body = next((a for a in clause.args if a.last == last - 1 and a.case == "GEN" and a.type in _CHAIRED), None)
    if body is not None and word_info(norms[last - 1])[0] == "төраға":  # as prefer_chaired reads it
        return [Fact(holder, "chaired", body.entity, None, dates[0][1].value, None, sentence.start, sentence.end, 0.6)]
    return [Fact(holder, "appointed_as", None, value, dates[0][1].value, None, sentence.start, sentence.end, 0.6)]


def _named_line(sentence: Sentence, clause: Clause, index: TokenIndex, dash: int, last: int) -> list[Fact]:
    """An undated «Name - post» line «* Абылай хан - қазақ халқының ұлы ханы.»: the person who
    alone stands before the dash (a bullet aside) holds the post after it, with no time."""
    people = [a for a in clause.args if a.type == "person" and a.last <= dash]
    start = clause.first + (index.norms[clause.first] in BULLETS)
    if any(finite(index.norms[k]) for k in range(start, last)):  # a participle qualifies the post
        return []
    if len(people) != 1 or people[0].first != start or people[0].last != dash or people[0].anaphor:
        return []
    value = title_value(index, Clause(dash + 1, last), last - 1, holders(index, clause.args))
    if value is None:
        return []
    return [Fact(people[0].entity, "appointed_as", None, value, None, None, sentence.start, sentence.end, 0.55)]


def post_first(index: TokenIndex, clause: Clause, dash: int, last: int) -> tuple[str, str] | None:
    """«Бас редакторы – Б. Асанов.»: a title (its possessive naming the owner the text spoke of)
    with at most two bare modifiers before the dash, and one person alone after it up to the end
    of the line: (the person, the title in the nominative, «бас редактор»)."""
    norms = index.norms
    start = clause.first + (norms[clause.first] in BULLETS)
    people = [a for a in clause.args if a.type == "person" and a.first > dash]
    if len(people) != 1 or people[0].first != dash + 1 or people[0].last != last or not 0 < dash - start <= 3:
        return None
    lemma, tags, _ = word_info(norms[dash - 1])
    if lemma not in titles() or tags - {"POSS.3"}:
        return None
    if any(word_info(norms[k])[1] or word_info(norms[k])[2] not in ("NOUN", "ADJ") for k in range(start, dash - 1)):
        return None  # «Газеттің бас редакторы»: an owner named here is read by the post rules
    return people[0].entity, " ".join([w.lower() for w in norms[start:dash - 1]] + [lemma])
