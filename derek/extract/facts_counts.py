"""Facts carried by figures: membership counts and measured quantities with their owner, who
may be named in the sentence, pointed at («ол», «Мүше елдер», «Полигонның») or the topic of the
paragraph or document."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from derek.doc import Document, Fact, Quantity, Sentence
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.facts import _TokenIndex

_COUNT_UNITS = {"state", "country", "member", "state_party"}
_STATE_WORDS = {"мемлекет", "ел", "мүше", "мүше-мемлекет", "республика"}
_MEMBERSHIP = {"мүше", "біріктір"}  # member; unite («193 мемлекетті біріктіреді»)
_OWNER_TYPES = ("state", "organization", "city", "region", "place")
_PRONOUNS = {"ол"}  # «ол дауыстардың 98,8 %-ын жинады»: the last person named
_OBLIQUE = frozenset({"ABL", "DAT", "LOC", "INS"})  # «бюджетінен бір пайыз»: a part of something else
_SINCE = {"бері", "бастап"}  # «2010 жылдан бері»: a starting point, not the figure's time


@dataclass(slots=True)
class Discourse:
    """Who and when a figure without a named owner is about: the owner and time of the
    paragraph's last figure, else the document's topic (the first state or organization of
    its first sentence, the title)."""

    topic: str | None = None
    subject: str | None = None
    time: str | None = None
    last_end: int = -1

    def enter(self, doc: Document, sentence: Sentence, index: _TokenIndex) -> None:
        """Start a sentence: the first sets the topic, a line break ends the paragraph."""
        if self.last_end < 0:
            self.topic = next((m.entity for _, _, m in index.mentions_in(sentence.first_token, sentence.last_token)
                               if m.type in ("state", "organization")), None)
        elif "\n" in doc.text[self.last_end:sentence.start]:
            self.subject = self.time = None
        self.last_end = sentence.end


@cache
def _measures() -> dict[str, str]:
    """Measure lemma (or «modifier lemma») → the unit it implies, "" if none
    (extract/data/measures.txt: a lemma, optionally a TAB and a unit)."""
    text = resources.files("derek.extract").joinpath("data", "measures.txt").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return {row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "") for row in rows}


def count_facts(doc: Document, sentence: Sentence, index: _TokenIndex, discourse: Discourse) -> list[Fact]:
    discourse.enter(doc, sentence, index)
    lemmas = {word_info(index.norms[i])[0] for i in range(sentence.first_token, sentence.last_token)}
    quantities = index.quantities_in(sentence.first_token, sentence.last_token)
    orgs = [m.entity for a, b, m in index.mentions_in(sentence.first_token, sentence.last_token)
            if m.type in ("organization", "body")]
    facts: list[Fact] = []
    for a, b, q in quantities:
        if _membership(lemmas | {index.norms[i].lower() for i in range(sentence.first_token, sentence.last_token)}) and _counts_states(q, index.norms, b):
            org = orgs[0] if len(orgs) == 1 else _named_before(index, sentence, a)
            if org:
                facts.append(Fact(org, "has_member_count", None, str(int(q.value)), _time(index, sentence, a),
                                  None, sentence.start, sentence.end, 0.8))
        elif q.kind != "ordinal" and q.unit not in _COUNT_UNITS:
            fact = _quantity_fact(sentence, index, a, b, q, discourse)
            if fact:
                facts.append(fact)
    return facts


def _named_before(index: _TokenIndex, sentence: Sentence, a: int) -> str | None:
    """The organization a count is about: named in the sentence before the figure, or the one
    a capitalized «Кеңеске», «Ұйымға» points back to."""
    named = [m.entity for _, _, m in index.mentions_in(sentence.first_token, a) if m.type in ("organization", "body")]
    if named:
        return named[-1]
    for i in range(sentence.first_token, sentence.last_token):
        noun = word_info(index.norms[i])[0]
        if index.norms[i][:1].isupper() and noun in ("кеңес", "ұйым", "одақ", "достастық", "бірлестік"):
            found = index.antecedent_org(i, noun)
            return found[0] if found else None
    return None


def _membership(lemmas: set[str]) -> bool:
    """Does the sentence (its lemmas and words) count members: «мүше» (member), «біріктіреді»
    (unites), «қатысушы мемлекет бар» (has participating states)?"""
    return bool(lemmas & _MEMBERSHIP) or {"қатысушы", "бар"} <= lemmas


def _counts_states(q: Quantity, norms: list[str], after: int) -> bool:
    if q.kind in ("ordinal", "percent", "money", "multiplier") or q.value != int(q.value):
        return False
    if q.unit in _COUNT_UNITS:
        return True
    if after < len(norms) and norms[after].lower() == "қатысушы":  # «57 қатысушы мемлекет»
        after += 1
    return after < len(norms) and word_info(norms[after])[0] in _STATE_WORDS


def _time(index: _TokenIndex, sentence: Sentence, a: int) -> str | None:
    """The figure's time: the last date before it in the sentence, else the first after it;
    «2010 жылдан бері» (since 2010) is a starting point, not the figure's time."""
    dates = [(k, d) for k, d in index.dates_in(sentence.first_token, sentence.last_token)
             if d.type == "DATE" and not _since(index, k, sentence.last_token)]
    before = [d for k, d in dates if k < a]
    return before[-1].value if before else dates[0][1].value if dates else None


def _since(index: _TokenIndex, k: int, last: int) -> bool:
    while k + 1 < last and k + 1 in index.date_tokens:
        k += 1
    return any(index.norms[j].lower() in _SINCE for j in (k, k + 1) if j < last)


def _measure(sentence: Sentence, index: _TokenIndex, a: int, b: int) -> tuple[int, str] | None:
    """The noun the figure measures and its position: up to 6 words before it («сауда
    айналымы 139,8 млрд»), else right after it («30 млрд доллардан астам тауар айналымын»,
    «70,96 % дауыс»); with the modifier before it when that is a lowercase word."""
    norms = index.norms
    after = [k for k in (b, b + 1, b + 2) if k < sentence.last_token and norms[k][:1].isalpha()][:2]
    for k in [*range(a - 1, max(sentence.first_token, a - 6) - 1, -1), *after]:
        lemma = word_info(norms[k])[0]
        if lemma in _measures():
            prev = norms[k - 1] if k - 1 >= sentence.first_token else ""
            if prev.isalpha() and prev.islower() and word_info(prev)[0] + " " + lemma in _measures():
                return k, word_info(prev)[0] + " " + lemma
            return k, (word_info(prev)[0] + " " if prev.isalpha() and prev.islower() else "") + lemma
    return None


def _share_owner(sentence: Sentence, index: _TokenIndex, a: int) -> list:
    """«… сауданың 90 %-дан астамы Ресейдің үлесіне тиеді»: the figure is the share of the
    genitive name before «үлес» after it."""
    comma = next((k for k in range(a, sentence.last_token) if index.norms[k] in (",", ";", ":")), sentence.last_token)
    return [m for s, e, m in index.mentions_in(a + 1, comma) if e < sentence.last_token and m.case == "GEN"
            and m.type in ("state", "organization") and word_info(index.norms[e])[0] == "үлес"][:1]


def _owner(sentence: Sentence, index: _TokenIndex, a: int, at: int | None) -> list:
    """Who the figure belongs to, named in the sentence: the genitive owner of the measure
    («Қазақстанның одақтастармен саудасы»), unless the measure is itself genitive (a part of
    it: «Азия аумағының 90 %-ы»), else the names before the figure."""
    named = [m for s, e, m in index.mentions_in(sentence.first_token, a) if m.type in _OWNER_TYPES]
    if at is not None and "GEN" not in word_info(index.norms[at])[1]:
        owners = [m for s, e, m in index.mentions_in(max(sentence.first_token, at - 3), at)
                  if m.case == "GEN" and m.type in _OWNER_TYPES and e <= at]
        if owners:
            return owners[-1:] + [m for m in named if m is not owners[-1]]
    elif at is not None:  # the subject, not «Азия» of «Азия аумағының» (izafet)
        named = [m for s, e, m in index.mentions_in(sentence.first_token, a)
                 if m.type in _OWNER_TYPES and m.case == "NOM" and e != at]
    return named


def _pointed(sentence: Sentence, index: _TokenIndex, a: int) -> str | None:
    """An owner the sentence points back to before the figure: «ол» (the last person named),
    «Мүше елдер» (the organization named last), a capitalized common noun from an earlier
    name («Полигонның» → «Семей ядролық сынақ полигоны»)."""
    norms = index.norms
    for k in range(sentence.first_token, a):
        lemma = word_info(norms[k])[0]
        if norms[k].lower() in _PRONOUNS:
            found = index.last_before(k, ("person",))
            return found[0] if found else None
        if k == sentence.first_token and lemma == "мүше" and k + 1 < a and word_info(norms[k + 1])[0] in _STATE_WORDS:
            found = index.last_organization(k)
            return found.entity if found else None
        if k == sentence.first_token and norms[k][:1].isupper() and not index.mentions_in(k, k + 1):
            found = next((m for _, _, m in index._before(k) if m.type in _OWNER_TYPES
                          and len(lemma) > 3 and lemma in m.text.lower()), None)
            if found:
                return found.entity
    return None


def _quantity_fact(sentence: Sentence, index: _TokenIndex, a: int, b: int, q: Quantity,
                   discourse: Discourse) -> Fact | None:
    """A quantity fact when the figure has a measure noun or a unit and an owner."""
    found = _measure(sentence, index, a, b)
    at, measure = found if found else (None, None)
    unit = q.unit or (_measures().get(measure, "") if measure else "") or None
    if q.kind == "count" and unit != "person":
        unit = None  # «15 ұйымы»: things counted are a bare number, people a population
    if measure is None and (q.unit is None or q.kind == "multiplier"):
        return None
    time = _time(index, sentence, a)
    owners = _share_owner(sentence, index, a) or _owner(sentence, index, a, at)
    subject = owners[0].entity if owners else _pointed(sentence, index, a)
    if subject is None and not (at is not None and word_info(index.norms[at])[1] & _OBLIQUE):
        subject = discourse.subject or discourse.topic
        time = time or (discourse.time if discourse.subject else None)
    if subject is None:
        return None
    discourse.subject, discourse.time = subject, time
    value = f"{q.value:g} {unit}" if unit else f"{q.value:g}"
    qualifiers = {"measure": measure or unit, "quantity_text": q.text}
    if len(owners) > 1:
        qualifiers["with"] = owners[1].entity
    return Fact(subject, "quantity", None, value, time, None, sentence.start, sentence.end, 0.7, qualifiers)
