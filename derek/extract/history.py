"""History-text shapes: reigns («Абылай хан болды», «таққа отырды», «билік құрды», ruler list
lines with periods), reorganisation («… болып қайта құрылды») and who may be founded how.

Reads the clause arguments, tokens and dates the fact extractor built; returns Document facts.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.arguments import closing_list
from derek.extract.rules import BULLETS, Arg, Clause, Rule, word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_FINITE = frozenset({"PAST", "3"})
_NONFINITE = frozenset({"VNOUN", "PTCP.PAST", "PTCP.IMPF", "PTCP.FUT", "COND", "CONV.P"})
# «билік құрды / етті» (ruled), «хандық құрды», «үстемдік етті» (held sway): holding a ruler's
# title over a period.
_RULE_VERBS = {("билік", "құр"), ("билік", "ет"), ("хандық", "құр"), ("хандық", "ет"), ("үстемдік", "ет")}
_PROCLAIM = {"сайла", "жарияла", "көтер", "тағайында"}  # «хан болып сайланды / көтерілді»
_BETWEEN_OK = frozenset({"ADV", "PUNCT"})


@cache
def ruler_titles() -> frozenset[str]:
    """Rulers' titles (extract/data/ruler_titles.txt): хан, сұлтан, патша …"""
    return frozenset(load_list("ruler_titles.txt", "derek.extract"))


def finite(norm: str) -> bool:
    """A finite verb form («құрды», «құрады»), not a verbal noun, participle or converb."""
    _, tags, pos = word_info(norm)
    return pos in ("VERB", "AUX") and bool(tags & _FINITE) and not tags & _NONFINITE


def founding_blocked(rule: Rule, subjects: list[Arg], span: tuple[int, int], index: TokenIndex) -> bool:
    """founded_on by an active verb needs a finite one («партиясын құрды», not «ТМД-ны құратынын»,
    «қорын құруды»); a state is founded only when it stands right before the trigger (dates
    and adverbs aside): «Қазақ хандығы 1465 жылы құрылды», «Республиканың негізі қаланды»,
    not «… басшылары … келісім негізінде құрылды» or «Өзбекстан қосылғаннан кейін … құрылды»;
    «қайта құрылды» (re-formed) is no founding."""
    i, end = span
    if rule.predicate != "founded_on":
        return False
    if rule.trigger[-1][1] == "ACT" and not finite(index.norms[end - 1]):
        return True
    if i > 0 and index.norms[i - 1].lower() == "қайта":  # «… болып қайта құрылды»: reorganised
        return True
    return any(s.type == "state" and not _adjacent(s, i, index) for s in subjects)


def _adjacent(arg: Arg, i: int, index: TokenIndex) -> bool:
    return all(k in index.date_tokens or word_info(index.norms[k])[2] in _BETWEEN_OK
               for k in range(arg.last, i))


def reign_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """appointed_as(person, title) for «Нұралы хан болды», «Абылай хан … таққа отырды», «Абылай
    хан 1771–1781 жылдары билік құрды» (a period is required for this one) and «… хан болып
    сайланды»: the title is the word the person's name ends in or is followed by."""
    norms = index.norms
    facts = []
    for person in (a for a in clause.args if a.type == "person" and a.case == "NOM" and not a.anaphor):
        title, k = _title_at(person, norms)
        if title is None:
            continue
        period = date is not None and "/" in date.value
        if k < clause.last and word_info(norms[k])[0] == "бол" and (finite(norms[k]) or _proclaimed(norms, k + 1)) \
                or _throne(norms, k, clause.last) or (period and _rules_verb(norms, k, clause.last)):
            facts.append(Fact(person.entity, "appointed_as", None, title, date.value if date else None, None,
                              sentence.start, sentence.end, 0.7))
    return facts


def _title_at(person: Arg, norms: list[str]) -> tuple[str | None, int]:
    """(the ruler's title the name ends in or is followed by, the token after it)."""
    last = word_info(norms[person.last - 1])[0]
    if last in ruler_titles():
        return last, person.last
    if person.last < len(norms):
        lemma, tags, _ = word_info(norms[person.last])
        if lemma in ruler_titles() and not tags - {"POSS.3"}:
            return lemma, person.last + 1
    return None, person.last


def _proclaimed(norms: list[str], k: int) -> bool:
    """«болып сайланды / жарияланды / көтерілді»."""
    return k < len(norms) and word_info(norms[k])[0] in _PROCLAIM and finite(norms[k])


def _throne(norms: list[str], k: int, last: int) -> bool:
    """«таққа отырды» (took the throne) later in the clause."""
    return any(word_info(norms[j])[0] == "тақ" and "DAT" in word_info(norms[j])[1]
               and word_info(norms[j + 1])[0] == "отыр" and finite(norms[j + 1]) for j in range(k, last - 1))


def _rules_verb(norms: list[str], k: int, last: int) -> bool:
    return any((word_info(norms[j])[0], word_info(norms[j + 1])[0]) in _RULE_VERBS and finite(norms[j + 1])
               for j in range(k, last - 1))


def ruler_line_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """A verbless list line naming one titled ruler and a period («Абылай хан (1771–1781)»,
    «3. Тәуке хан – 1680–1715 жж.») gives appointed_as(ruler, title, period)."""
    norms = index.norms
    if any(word_info(norms[k])[2] in ("VERB", "AUX") for k in range(clause.first, clause.last)):
        return []
    people = [a for a in clause.args if a.type == "person"]
    periods = [d for _, d in index.dates_in(clause.first, clause.last) if d.type == "DATE" and "/" in d.value]
    if len(people) != 1 or len(periods) != 1 or len(clause.args) != 1:
        return []
    title, _ = _title_at(people[0], norms)
    if title is None:
        return []
    return [Fact(people[0].entity, "appointed_as", None, title, periods[0].value, None,
                 sentence.start, sentence.end, 0.65)]


def reorganised_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """«X … Y болып қайта құрылды» (X was reorganised as Y): renamed_to(X, Y), Y written as in the
    text; X is a named organization, state or place in the nominative before Y."""
    norms = index.norms
    for k in range(clause.first + 2, clause.last - 1):
        if norms[k].lower() != "болып" or norms[k + 1].lower() != "қайта" \
                or word_info(norms[k + 2])[0] != "құр" or "PASS" not in word_info(norms[k + 2])[1]:
            continue
        new = next((a for a in clause.args if a.last == k), None)
        name = _name_before(norms, k) if new is None else " ".join(norms[new.first:new.last])
        olds = [a for a in clause.args if a.case == "NOM" and a.last < k - 1 and a is not new and not a.anaphor
                and a.type in ("organization", "state", "place", "region", "body")]
        if not name or not olds:
            return []
        return [Fact(olds[0].entity, "renamed_to", None, name, date.value if date else None, None,
                     sentence.start, sentence.end, 0.7)]
    return []


def _name_before(norms: list[str], k: int) -> str | None:
    """The capitalized name right before ``k`` («Дала генерал-губернаторлығы»): its capitalized
    first word and the lowercase words after it."""
    j = k - 1
    while j >= 0 and norms[j][:1].islower() and k - j <= 3:
        j -= 1
    if j < 0 or not norms[j][:1].isupper():
        return None
    return " ".join(norms[j:k])


def listed_subject(rule: Rule, sentence: Sentence, index: TokenIndex, span: tuple[int, int]) -> list[Arg]:
    """A bulleted line of a biography with no subject («* 1939 жылы – КОКП мүшелігіне
    қабылданды») is about the person the text is about: the one named most often before it
    (a gazetteer person before a name the statistical NER guessed; the later one on a tie)."""
    if "person" not in rule.subject_types or index.norms[sentence.first_token] not in BULLETS:
        return []
    best = text_person(index, sentence.first_token)
    return [Arg(best, "person", "NOM", span[0], span[0], anaphor=True)] if best else []


def text_person(index: TokenIndex, token: int) -> str | None:
    """The person a text is about: the one named most often before ``token`` (a gazetteer person
    before a name the statistical NER guessed; the later one on a tie)."""
    counts: dict[str, tuple[bool, int, int]] = {}
    for a, _, m in index.mentions_in(0, token):
        if m.type == "person":
            counts[m.entity] = (m.source == "gazetteer", counts.get(m.entity, (False, 0, 0))[1] + 1, a)
    return max(counts, key=lambda e: counts[e]) if counts else None


_DATIVE_ENDINGS = ("ға", "ге", "қа", "ке")


def action_value(doc: Document, index: TokenIndex, clause: Clause, i: int, args: list[Arg]) -> str | None:
    """«… ядролық қаруды ауада, ғарышта және жер астында сынақтан өткізбеуге қол қойды»: the
    dative verbal noun before the trigger with its complements back to a named argument, a date
    or the clause start, written as in the text with the verbal noun in the nominative."""
    k = i - 1
    word = index.norms[k] if k >= clause.first else ""
    _, tags, _ = word_info(word)
    if "VNOUN" not in tags or "DAT" not in tags or not word.lower().endswith(_DATIVE_ENDINGS):
        return None
    taken = {j for a in args for j in range(a.first, a.last)} | index.date_tokens
    first = k
    while first - 1 >= clause.first and first - 1 not in taken and index.norms[first - 1] not in (":", ";", "-", "–", "—") \
            and not _that_time(index.norms, first - 1):
        first -= 1
    while first < k and not index.norms[first][:1].isalpha():
        first += 1
    if first == k:
        return None
    text = doc.text[doc.tokens[first].start:doc.tokens[k].end]
    return " ".join(text[:-2].split())


def _that_time(norms: list[str], k: int) -> bool:
    """«сол жылы», «осы кезде»: a date said by reference, not part of a phrase."""
    return k > 0 and norms[k - 1].lower() in ("сол", "осы") and word_info(norms[k])[0] in ("жыл", "кез", "күн", "уақыт")


_ENTRY_VERBS = {"кір", "ен", "өт"}


def split_membership_facts(sentence: Sentence, clause: Clause, index: TokenIndex,
                           date: DateMention | None) -> list[Fact]:
    """«… ядролық клубқа мүшелікке Ұлыбритания, Франция және Қытай кірді»: the members named
    between «мүшелікке» and its verb (or before it) are members of the organization before it."""
    norms = index.norms
    for m in range(clause.first + 1, clause.last - 1):
        lemma, tags, _ = word_info(norms[m])
        if lemma != "мүшелік" or "DAT" not in tags:
            continue
        verb = next((v for v in range(m + 2, clause.last) if word_info(norms[v])[0] in _ENTRY_VERBS
                     and finite(norms[v])), None)
        org = next((a for a in clause.args if a.last == m and a.type in ("organization", "body")
                    and a.case in ("DAT", "NOM")), None)
        if verb is None or org is None:
            continue
        named = [a for a in clause.args if m < a.first and a.last <= verb]
        if not named or named[-1].last != verb:
            continue  # the members' list stands right before the verb
        members = [a for a in closing_list(named, norms) if a.case == "NOM" and a.type in ("state", "person")
                   and not a.excluded]
        return [Fact(a.entity, "member_of", org.entity, None, date.value if date else None, None,
                     sentence.start, sentence.end, 0.75) for a in members]
    return []
