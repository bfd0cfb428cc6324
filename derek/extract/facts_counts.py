"""Facts carried by figures: membership counts and measured quantities with their owner, who
may be named in the sentence, pointed at («ол», «Мүше елдер», «Полигонның») or the topic of the
paragraph or document."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Quantity, Sentence
from derek.extract.arguments import LEADERS
from derek.extract.events import EVENT_NOUNS
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_COUNT_UNITS = {"state", "country", "member", "state_party"}
_STATE_WORDS = {"мемлекет", "ел", "мүше", "мүше-мемлекет", "республика"}
_MEMBERSHIP = {"мүше", "біріктір"}  # member; unite («193 мемлекетті біріктіреді»)
_OWNER_TYPES = ("state", "organization", "city", "region", "place")
_PRONOUNS = {"ол"}  # «ол дауыстардың 98,8 %-ын жинады»: the last person named
_OBLIQUE = frozenset({"ABL", "DAT", "LOC", "INS"})  # «бюджетінен бір пайыз»: a part of something else
_SINCE = {"бері", "бастап"}  # «2010 жылдан бері»: a starting point, not the figure's time
_EXCEPT = {"басқа", "тыс"}  # «үш мемлекеттен басқа» (apart from three states): no figure of its own
_THIS = {"бұл", "осы"}  # «бұл көрсеткішті 41 млрд …»: the figure given last, another source's value
_PARTITIVE = {"олардың", "соның"}  # «олардың 116-сы» (116 of them): counts what the last figure did
_RANKS = {"орын"}  # «әлемдегі 4 орын алатын» (fourth place): a rank, a qualifier and not a figure
_ATTEND = {"қатыс", "кел", "жина"}  # attended, came, gathered
_KNOWN_GROUP = {"аталған", "аталмыш", "осы", "бұл", "сол"}  # «аталған тоғыз мемлекетті»: a group named before


@dataclass(slots=True)
class Discourse:
    """Who and when a figure without a named owner is about: the owner and time of the
    paragraph's last figure, else the document's topic (the first state or organization of
    its first sentence, the title)."""

    topic: str | None = None
    subject: str | None = None
    time: str | None = None
    last_end: int = -1
    unit_times: dict[str, str | None] = field(default_factory=dict)  # unit → time of its last figure

    def enter(self, doc: Document, sentence: Sentence, index: TokenIndex) -> None:
        """Start a sentence: the first sets the topic, a line break ends the paragraph."""
        if self.last_end < 0:
            self.topic = next((m.entity for _, _, m in index.mentions_in(sentence.first_token, sentence.last_token)
                               if m.type in ("state", "organization")), None)
        elif "\n" in doc.text[self.last_end:sentence.start]:
            self.subject = self.time = None
            self.unit_times = {}
        self.last_end = sentence.end


@cache
def _measures() -> dict[str, str]:
    """Measure lemma (or «modifier lemma») → the unit it implies, "" if none
    (extract/data/measures.txt: a lemma, optionally a TAB and a unit)."""
    rows = [line.split("\t") for line in load_list("measures.txt", "derek.extract")]
    return {row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "") for row in rows}


def count_facts(doc: Document, sentence: Sentence, index: TokenIndex, discourse: Discourse,
                carried: DateMention | None = None) -> list[Fact]:
    """Member counts and quantity facts of the sentence's figures; ``carried`` is the date an
    opening «Онда», «Оған» points back to."""
    discourse.enter(doc, sentence, index)
    lemmas = {word_info(index.norms[i])[0] for i in range(sentence.first_token, sentence.last_token)}
    quantities = index.quantities_in(sentence.first_token, sentence.last_token)
    orgs = [m.entity for a, b, m in index.mentions_in(sentence.first_token, sentence.last_token)
            if m.type in ("organization", "body")]
    facts: list[Fact] = []
    for a, b, q in quantities:
        if b < sentence.last_token and index.norms[b].lower() in _EXCEPT or _not_a_figure(index, a, b, quantities) \
                or _acting_group(index.norms, b, sentence.last_token):
            continue
        if _membership(lemmas | {index.norms[i].lower() for i in range(sentence.first_token, sentence.last_token)}) and _counts_states(q, index.norms, b):
            if _known_group(index.norms, a, b):
                continue
            org = orgs[0] if len(orgs) == 1 else _named_before(index, sentence, a)
            if org:
                facts.append(Fact(org, "has_member_count", None, str(int(q.value)), _time(index, sentence, a),
                                  None, sentence.start, sentence.end, 0.8))
            elif _counted(sentence, index, a, b, q):  # «Онда 15 мемлекет … мүше елдер арасындағы …»
                facts += [f for f in [_quantity_fact(sentence, index, a, b, q, discourse, carried)] if f]
        elif q.kind != "ordinal" and (q.unit not in _COUNT_UNITS or _counted(sentence, index, a, b, q)):
            fact = _quantity_fact(sentence, index, a, b, q, discourse, carried)
            if fact:
                facts.append(fact)
    return facts


def _not_a_figure(index: TokenIndex, a: int, b: int, quantities: list) -> bool:
    """A rank («4 орын алатын», fourth place) or the start of a range whose end is the figure
    («168-ден 176 мемлекетке дейін өсті»: the count grew to 176)."""
    norms = index.norms
    b = b if b > a else a + 1  # a figure inside one token («168-ден») ends with that token
    if b < len(norms) and word_info(norms[b])[0] in _RANKS:
        return True
    return "ABL" in word_info(norms[b - 1])[1] and any(start == b for start, _, _ in quantities)


def _acting_group(norms: list[str], b: int, last: int) -> bool:
    """«11 мемлекеттің басшылары … қол қойды», «11 мемлекет (Грузияны қоспағанда) басшылары»:
    the states counted are the actors of the sentence (through their leaders), not a statistic,
    unless they attended something."""
    if b < last and word_info(norms[b])[0] in _STATE_WORDS:
        b += 1  # the counted noun follows the figure, else it is part of it («11 мемлекеттің»)
    elif word_info(norms[b - 1])[0] not in _STATE_WORDS:
        return False
    k, depth = b, 0
    while k < last and (depth or norms[k] == "("):  # skip a parenthesis after the counted noun
        depth += {"(": 1, ")": -1}.get(norms[k], 0)
        k += 1
    # «16 мемлекеттің басшылары … қатысып», «40 мемлекеттің өкілдері келді»: how many attended
    # is the meeting's own figure
    return k < last and word_info(norms[k])[0] in LEADERS \
        and not any(word_info(norms[j])[0] in _ATTEND for j in range(k + 1, last))


def _known_group(norms: list[str], a: int, b: int) -> bool:
    """«аталған тоғыз мемлекетті … мүше ретінде таныды»: a group named before, or one in the
    accusative (the object of an act), is not the organization's count of members."""
    counted = norms[b] if b < len(norms) else ""
    return (a > 0 and norms[a - 1].lower() in _KNOWN_GROUP) or "ACC" in word_info(counted)[1]


def _named_before(index: TokenIndex, sentence: Sentence, a: int) -> str | None:
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


def _time(index: TokenIndex, sentence: Sentence, a: int) -> str | None:
    """The figure's time: the last date before it in the sentence, else the first after it;
    «2010 жылдан бері» (since 2010) is a starting point, not the figure's time."""
    dates = [(k, d) for k, d in index.dates_in(sentence.first_token, sentence.last_token)
             if d.type == "DATE" and not _since(index, k, sentence.last_token)]
    before = [d for k, d in dates if k < a]
    return before[-1].value if before else dates[0][1].value if dates else None


def _since(index: TokenIndex, k: int, last: int) -> bool:
    while k + 1 < last and k + 1 in index.date_tokens:
        k += 1
    return any(index.norms[j].lower() in _SINCE for j in (k, k + 1) if j < last)


def _measure(sentence: Sentence, index: TokenIndex, a: int, b: int) -> tuple[int, str] | None:
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


def _share_owner(sentence: Sentence, index: TokenIndex, a: int) -> list:
    """«… сауданың 90 %-дан астамы Ресейдің үлесіне тиеді»: the figure is the share of the
    genitive name before «үлес» after it."""
    comma = next((k for k in range(a, sentence.last_token) if index.norms[k] in (",", ";", ":")), sentence.last_token)
    return [m for s, e, m in index.mentions_in(a + 1, comma) if e < sentence.last_token and m.case == "GEN"
            and m.type in ("state", "organization") and word_info(index.norms[e])[0] == "үлес"][:1]


def _owner(sentence: Sentence, index: TokenIndex, a: int, at: int | None) -> list:
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


def _pointed(sentence: Sentence, index: TokenIndex, a: int) -> str | None:
    """An owner the sentence points back to before the figure: «ол» (the last person named),
    «Мүше елдер» (the organization named last), a capitalized common noun from an earlier
    name («Полигонның» → «Семей ядролық сынақ полигоны»)."""
    norms = index.norms
    for k in range(sentence.first_token, a):
        lemma = word_info(norms[k])[0]
        if norms[k].lower() in _PRONOUNS:  # a person named in this or the previous sentence
            found = index.last_before(k, ("person",), _previous_start(norms, sentence.first_token))
            return found[0] if found else None
        if lemma in EVENT_NOUNS and not index.mentions_in(k - 1, k):  # «Саммитке 56 … мемлекет»
            found = index.last_organization(k)
            return found.entity if found else None
        if norms[k].islower() and len(lemma) > 3 and lemma not in _STATE_WORDS:
            found = next((m for _, _, m in index._before(k) if m.type in _OWNER_TYPES
                          and m.text.lower().split()[-1].startswith(lemma)), None)
            if found:  # «полигонда» → «Семей ядролық сынақ полигоны» named before
                return found.entity
        if k == sentence.first_token and lemma == "мүше" and k + 1 < a and word_info(norms[k + 1])[0] in _STATE_WORDS:
            found = index.last_organization(k)
            return found.entity if found else None
        if k == sentence.first_token and norms[k][:1].isupper() and not index.mentions_in(k, k + 1):
            found = next((m for _, _, m in index._before(k) if m.type in _OWNER_TYPES
                          and len(lemma) > 3 and lemma in m.text.lower()), None)
            if found:
                return found.entity
    return None


def _previous_start(norms: list[str], first: int) -> int:
    """The first word of the sentence before the one starting at ``first``."""
    k = first - 2
    while k >= 0 and norms[k] not in (".", "!", "?"):
        k -= 1
    return k + 1


def _quantity_fact(sentence: Sentence, index: TokenIndex, a: int, b: int, q: Quantity,
                   discourse: Discourse, carried: DateMention | None = None) -> Fact | None:
    """A quantity fact when the figure has a measure noun, a unit or a counted noun, and an owner."""
    if a > sentence.first_token and index.norms[a - 1].lower() in _KNOWN_GROUP:
        return None  # «осы 3 топтағы салалар»: these three, a reference back, not a new figure
    measured = _measure(sentence, index, a, b)
    found = measured or _counted(sentence, index, a, b, q)
    at, measure = found if found else (None, None)
    unit = q.unit or (_measures().get(measure, "") if measure else "") or None
    if q.kind == "count" and unit != "person":
        unit = None  # «15 ұйымы»: things counted are a bare number, people a population
    if measure is None and (q.unit is None or q.kind == "multiplier"):
        return None
    time = _time(index, sentence, a) or (carried.value if carried is not None else None) \
        or (discourse.unit_times.get(q.unit or "") if _same_figure(index.norms, sentence.first_token, a) else None)
    shares = _share_owner(sentence, index, a)
    owners = shares or _owner(sentence, index, a, at)
    if not shares and owners and owners[-1].case == "GEN" and not _owns(index, owners[-1], at, a) \
            and not _same_figure(index.norms, sentence.first_token, a):
        return None  # «Ресейдің ең ұзын өзені — Лена (4 400 км)»: the river's figure, not Russia's
    subject = owners[0].entity if owners else _pointed(sentence, index, a)
    if subject is None and measured is None and q.unit is None:
        return None  # «400 сарбаз»: a count of things no name in the sentence owns
    if subject is None and not (at is not None and word_info(index.norms[at])[1] & _OBLIQUE):
        subject = discourse.subject or discourse.topic
        time = time or (discourse.time if discourse.subject else None)
    if subject is None:
        return None
    discourse.subject, discourse.time = subject, time
    discourse.unit_times[q.unit or ""] = time
    value = f"{q.value:g} {unit}" if unit else f"{q.value:g}"
    qualifiers = {"measure": measure or unit, "quantity_text": q.text}
    if len(owners) > 1:
        qualifiers["with"] = owners[1].entity
    return Fact(subject, "quantity", None, value, time, None, sentence.start, sentence.end, 0.7, qualifiers)


def _owns(index: TokenIndex, owner, at: int | None, a: int) -> bool:
    """Is a genitive name the owner of the figure («БҰҰ-ның 20-дан астам агенттігі») or of its
    measure noun (at most 3 words before it), rather than of some other noun?"""
    near = [m for s, e, m in index.mentions_in(max(0, at - 3), at) if e <= at] if at is not None else []
    return any(m is owner for m in near) or any(m is owner and e == a for _, e, m in index.mentions_in(0, a))


def _counted(sentence: Sentence, index: TokenIndex, a: int, b: int, q: Quantity) -> tuple[int, str] | None:
    """A whole count of things and the noun counted: «456 ядролық сынақ», «104 құрлықаралық
    баллистикалық зымыран», «16 мемлекеттің»; «олардың 116-сы» counts what the last figure did."""
    if q.kind not in ("cardinal", "count") or q.value != int(q.value) or not q.text[:1].isdigit():
        return None  # «екі», «үш» in words are «both», «the three» of prose, not statistics
    if q.unit not in (None, "state", "country"):
        return None
    norms = index.norms
    if q.unit is not None:  # «15 мемлекет»: the counted noun is part of the figure
        return b - 1, word_info(norms[b - 1])[0]
    if a > sentence.first_token and norms[a - 1].lower() in _PARTITIVE:
        return a - 1, norms[a - 1].lower()
    for k in range(b, min(b + 4, sentence.last_token)):
        if not norms[k][:1].isalpha() or norms[k][:1].isupper():
            return None
        lemma, _, pos = word_info(norms[k])
        if pos == "NOUN" and len(norms[k]) >= 3:  # «1738 м», «109 га»: an abbreviated unit, not a noun
            return k, lemma
    return None


def _same_figure(norms: list[str], first: int, a: int) -> bool:
    """«бұл көрсеткіш», «осы көрсеткіш» before the figure: a figure already given, the last one
    in the same unit (its time)."""
    return any(norms[k].lower() in _THIS and word_info(norms[k + 1])[0] in ("көрсеткіш", "сан", "мөлшер")
               for k in range(first, a - 1))
