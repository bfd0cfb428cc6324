"""Posts said with participles and verbal nouns (session 19, round 3): a genitive holder of a
verbal noun of appointing («X-тың … Президенті болып сайланғанына»), a post before a participle
that qualifies the person after it («хан сайланған баласы X»), and taking up the duties of the
title written before a name («император X … ресми қызметіне кірісті», «… Президентінің лауазымын
атқаруға кірісті»); and which opened organization is founded («… училищесі ашылды»). Reads a
clause's tokens and arguments; returns appointed_as facts."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Fact, Sentence
from derek.extract.facts_offices import APPOINTING, AS, CASES, holders, is_post, whole_post
from derek.extract.history import ruler_titles
from derek.extract.periods import held_time, merged_periods
from derek.extract.phrases import possessive, titles
from derek.extract.rules import Arg, Clause, Rule, word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_DUTIES = {"қызмет", "лауазым"}  # «қызметіне / лауазымын»: the duties of a post
_PLAIN = {"өз", "ресми"}  # «өз қызметіне ресми кірісті»: one's own duties, officially — no post named
_CONFIDENCE = 0.65


@cache
def kin_nouns() -> frozenset[str]:
    """Kinship lemmas that may stand between the participle and its person (data/kin_nouns.txt)."""
    return frozenset(load_list("kin_nouns.txt", "derek.extract"))


def participle_post_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """A post before a passive participle or verbal noun of appointing: held by the genitive
    person right before the post («Бекжанның хан сайланғанына», «… Президенті болып
    сайлануы»), or, for a participle with no ending, by the person it qualifies, a kinship noun
    aside («хан сайланған баласы Тәукені»). A participle before any other noun gives nothing."""
    norms = index.norms
    for v in range(clause.first + 1, clause.last):
        lemma, tags, _ = word_info(norms[v])
        if lemma not in APPOINTING or "PASS" not in tags or not tags & {"PTCP.PAST", "VNOUN"}:
            continue
        head = v - 2 if norms[v - 1].lower() in AS else v - 1
        if head < clause.first:
            continue
        owner = _genitive_holder(index, clause, head)
        bare = "PTCP.PAST" in tags and "POSS.3" not in tags and not tags & CASES
        holder = owner or (_qualified_person(index, clause, v) if bare else None)
        if holder is None:
            continue
        value = _post(index, clause, head, holder.last if owner else clause.first)
        if value is not None:
            return [_fact(sentence, index, clause, holder.entity, value, head)]
    return []


def took_office_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """Taking up the duties of a post (кіріс-): the title written right before the person
    («император Нарухито … ресми қызметіне кірісті», «ел таңдаған Президент X өз қызметіне
    кірісті»), or the post owning «лауазымын атқаруға» («… Президентінің лауазымын атқаруға
    кірісті», in the nominative)."""
    norms = index.norms
    for v in range(clause.first + 1, clause.last):
        if not _takes_up(norms[v]):
            continue
        k = _last_dative(norms, clause, v)
        person = next((a for a in clause.args if a.type == "person" and a.case == "NOM"
                       and k is not None and a.last <= k), None)
        if person is None:
            continue
        if word_info(norms[k])[0] == "қызмет" and names_no_post(index, clause, v):
            title = _bare_title(norms[person.first - 1]) if person.first > clause.first else None
            if title is not None:
                return [_fact(sentence, index, clause, person.entity, title, v)]
        elif word_info(norms[k])[0] == "атқар" and k - 2 >= person.last \
                and word_info(norms[k - 1])[0] in _DUTIES and "GEN" in word_info(norms[k - 2])[1]:
            head = k - 2
            found = whole_post(index, Clause(person.last, clause.last, clause.args), head, set())
            if found:  # the post's head in the nominative, its possessive kept («Президентінің» → «президенті»)
                lemma, tags, _ = word_info(norms[head])
                bare = possessive(lemma) if "POSS.3" in tags else lemma
                bare = bare[:1].upper() + bare[1:] if norms[head][:1].isupper() else bare
                return [_fact(sentence, index, clause, person.entity, found.rsplit(" ", 1)[0] + " " + bare, v)]
    return []


_QUOTES = {'"', "«", "»", "“", "”"}


def opening_blocked(rule: Rule, subjects: list[Arg], span: tuple[int, int], norms: list[str]) -> bool:
    """An organization opened is founded only when it stands right before «ашылды / ашылуы»,
    a closing quote and one class noun aside («"Хабар 2" телеканалы ашылды»); «… корпусы
    жөніндегі Ережеге сәйкес … курсы ашылды» opened a course, not the corps."""
    if rule.predicate != "founded_on" or rule.trigger[0][0] != "аш" or not subjects:
        return False
    gap = [w for w in norms[max(a.last for a in subjects):span[0]] if w not in _QUOTES]
    return len(gap) > 1 or bool(gap) and (word_info(gap[0])[2] != "NOUN" or bool(word_info(gap[0])[1] & CASES))


def _takes_up(word: str) -> bool:
    """кіріс- (set about, take up); the analyser reads «кірісті / кіріскен» as кір- with the
    reciprocal voice."""
    lemma, tags, _ = word_info(word)
    return lemma == "кіріс" or lemma == "кір" and "RCP" in tags


def genitive_appointment(index: TokenIndex, clause: Clause, end: int) -> bool:
    """Is the appointing word ending at ``end`` a possessive verbal noun whose holder is a
    genitive person («Бекжанның хан сайланғанын естіген Ерлан»)? Then the nominative person
    of the clause (Ерлан) was not appointed; participle_post_facts reads the genitive one."""
    v = end - 1
    tags = word_info(index.norms[v])[1]
    if "POSS.3" not in tags or not tags & {"PTCP.PAST", "VNOUN"}:
        return False
    head = v - 2 if index.norms[v - 1].lower() in AS else v - 1
    return head >= clause.first and _genitive_holder(index, clause, head) is not None


def names_no_post(index: TokenIndex, clause: Clause, v: int) -> bool:
    """Is «кірісті» at ``v`` taking up one's own duties («өз / ресми қызметіне кірісті»), the post
    named nowhere in the dative? The trigger rule's phrase value is then no post."""
    k = _last_dative(index.norms, clause, v)
    return k is not None and k > clause.first and index.norms[k - 1].lower() in _PLAIN


def _last_dative(norms: list[str], clause: Clause, v: int) -> int | None:
    return next((j for j in range(v - 1, clause.first - 1, -1) if "DAT" in word_info(norms[j])[1]), None)


def _genitive_holder(index: TokenIndex, clause: Clause, head: int) -> Arg | None:
    """The genitive person whose post stands at ``head``, with nothing but nominal words
    between («Назарбаевтың Қазақстанның Президенті болып …»)."""
    people = [a for a in clause.args if a.type == "person" and a.case == "GEN" and a.last <= head]
    if not people:
        return None
    owner = max(people, key=lambda a: a.last)
    between = range(owner.last, head)
    if any(not index.norms[j][:1].isalpha() or word_info(index.norms[j])[2] in ("VERB", "AUX") for j in between):
        return None
    return owner


def _qualified_person(index: TokenIndex, clause: Clause, v: int) -> Arg | None:
    """The person a bare participle qualifies: right after it, or after one kinship noun."""
    k = v + 1
    if k < clause.last and word_info(index.norms[k])[0] in kin_nouns():
        k += 1
    return next((a for a in clause.args if a.type == "person" and a.first == k), None)


def _post(index: TokenIndex, clause: Clause, head: int, first: int) -> str | None:
    """The post at ``head``: a possessive title with its owner («Қазақстанның Президенті»), or
    a bare title («хан»)."""
    word = index.norms[head]
    if is_post(word):
        return whole_post(index, Clause(first, clause.last, clause.args), head, holders(index, clause.args))
    return _bare_title(word)


def _bare_title(word: str) -> str | None:
    """A title with no ending («хан», «император», «Президент»), as its lemma."""
    lemma, tags, _ = word_info(word)
    known = lemma in titles() or lemma in ruler_titles()
    return lemma if known and "POSS.3" not in tags and not tags & CASES else None


def _fact(sentence: Sentence, index: TokenIndex, clause: Clause, holder: str, value: str, before: int) -> Fact:
    """appointed_as with the period (or, failing one, the dated year) written before ``before``."""
    dates = [d for a, d in merged_periods(index, index.dates_in(clause.first, before)) if d.type == "DATE"]
    time = held_time(dates)
    time = None if time is not None and time.startswith("XXXX") else time  # «мамырдың 1-і» has no year
    return Fact(holder, "appointed_as", None, value, time, None, sentence.start, sentence.end, _CONFIDENCE)
