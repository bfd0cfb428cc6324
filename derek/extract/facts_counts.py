"""Facts carried by figures: membership counts and measured quantities with their owner (found
by figure_owners: named, attached, pointed at) or else the topic of the paragraph or document.
Reads the TokenIndex of each sentence; returns Fact records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, EntityMention, Fact, Quantity, Sentence
from derek.extract.events import EVENT_NOUNS
from derek.extract.facts_frames import count_frame, measured_noun
from derek.extract.figure_clauses import (
    arrival_destination,
    dwelling_place,
    hypothetical,
    joint_owner,
    measure_taken,
    pair_owners,
    participle_attribute,
    relative_place,
)
from derek.extract.figure_guards import (
    describes_noun,
    not_a_figure,
    place_at,
    property_of_noun,
    same_figure,
    shared_units,
    split_decimals,
    unnamed_institution,
)
from derek.extract.figure_measures import (
    counted,
    measure_of,
    measures,
    next_item_after,
    opening_measure,
    rate_of,
    unnamed_possessor,
)
from derek.extract.figure_owners import (
    OWNER_TYPES,
    WATER_TYPES,
    bare_metres,
    border_partner,
    class_referent,
    counts_what_is_there,
    listed_owners,
    lone_settings,
    measure_owner,
    named_after_facts,
    opening_here,
    owns,
    peak_facts,
    pointed,
    setting_names,
    share_owner,
    trade_partner,
    unknown_owner,
)
from derek.extract.figure_times import bracketed_time, figure_time, period_between, states_change
from derek.extract.headwords import headword
from derek.extract.member_counts import (
    COUNT_UNITS,
    KNOWN_GROUP,
    acting_group,
    counts_states,
    known_group,
    membership,
    named_before,
    set_apart,
    without_excepted,
)
from derek.extract.oblique_owners import (
    allocation_recipient,
    allocation_source,
    demonym_owner,
    having_owner,
    is_currency,
    people_owner,
    route_owner,
)
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_OBLIQUE = frozenset({"ABL", "DAT", "LOC", "INS"})  # «бюджетінен бір пайыз»: a part of something else
_THIS = {"бұл", "осы"}  # «бұл көрсеткішті 41 млрд …»: the figure given last, another source's value
_GATHERINGS = EVENT_NOUNS | {"кеңес", "сессия", "форум", "съезд"}  # «… кеңесі болды. Онда …»: at it


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
    last_unit: tuple[int, str, int] | None = None  # (sentence start, unit, end token) of the last owned figure
    referent: str | None = None  # the last place, state or organization named, for «Ол»
    site: str | None = None  # the same unless named in the locative (a venue), for «Онда», «Мұнда»
    its: str | None = None  # the previous sentence's last name in the nominative, for «Оның ұзындығы»
    alone: bool = True  # nothing owned or named before this sentence (a news sentence standing alone)
    entered: tuple[str | None, str | None] = (None, None)  # subject and time before this sentence
    carried: bool = False  # this sentence's owner is a bare class noun's referent («Өзен 4500 км»)
    headword: str | None = None  # «Сарыарқа – …»: the definition the paragraph's figures are about
    article: str | None = None  # the paragraph's headword of any kind, a peak's too («Килиманджаро — …»)
    last_figure: tuple[int, int] = (-1, -1)  # (sentence start, end token) of the last owned figure
    unnamed: tuple[int, int] = (-1, -1)  # (sentence start, end token) of a figure of an unnamed thing
    parts: int = -1  # the sentence start whose «…, оның 26 – …, 90 – …» parts are being read

    def enter(self, doc: Document, sentence: Sentence, index: TokenIndex) -> None:
        """Start a sentence: the first sets the topic, a line break ends the paragraph."""
        if self.last_end < 0:
            # the first name of the text, if it is a state or organization: «Сарыарқа … (Орталық
            # Қазақстан …)» is about a place, not about Kazakhstan; a venue («Алматыда АӨСШК
            # кеңесі болды») or a setting («Қазақстандағы шөл») is not what the text is about
            first = next((m for _, _, m in index.mentions_in(sentence.first_token, sentence.last_token)
                          if m.case not in ("LOC", "ATTR")), None)
            self.topic = first.entity if first is not None and first.type in ("state", "organization") else None
        elif "\n" in doc.text[self.last_end:sentence.start]:
            self.subject = self.time = self.referent = self.site = self.its = self.headword = self.article = None
            self.unit_times = {}
        self.last_end = sentence.end
        self._enter_headword(index, sentence)
        self.alone = self.subject is None and self.referent is None
        self.entered = (self.subject, self.time)
        self.carried = False

    def _enter_headword(self, index: TokenIndex, sentence: Sentence) -> None:
        """«Сарыарқа – …»: a definition's headword owns the figures of the sentences after it that
        name no owner; a sentence opening with another nominative name ends it."""
        head = headword(index, sentence)
        opening = index.mentions_in(sentence.first_token, sentence.first_token + 1)
        if head is not None:
            self.article = head.entity
        elif opening and opening[0][2].case == "NOM" and opening[0][2].entity != self.article:
            self.article = None
        if head is not None and head.type in OWNER_TYPES + WATER_TYPES:
            self.headword = head.entity
        elif opening and opening[0][2].case == "NOM" and opening[0][2].entity != self.headword:
            self.headword = None

    def leave(self, sentence: Sentence, index: TokenIndex) -> None:
        """End a sentence: its last place, state or organization is what «Ол», «Онда» point to."""
        named = [m for _, _, m in index.mentions_in(sentence.first_token, sentence.last_token)
                 if m.type in OWNER_TYPES + WATER_TYPES]
        if named:  # «Алматыда кеңес өтті. Онда …»: there is the meeting, not the city
            self.referent = named[-1].entity
            event = any(word_info(index.norms[k])[0] in _GATHERINGS for k in range(sentence.first_token, sentence.last_token))
            self.site = named[-1].entity if named[-1].case != "LOC" and not event else None
        # «Мысырдың халқы … Каирда 17 млн адам. Тұрғындардың 99 %-ы …»: a figure of a place named in
        # the locative (what is there) is not what the next sentence's figures are about
        cases = {m.case for m in named if m.entity == self.subject}
        if self.subject != self.entered[0] and cases and not cases - {"LOC", "ATTR"}:
            self.subject, self.time = self.entered
        if self.carried:  # «Өзен 4500 км …»: the river owns this sentence's figures only, not the
            self.subject, self.time = self.entered  # delta, flow or ports of the sentences after it
            self.headword = None  # (nor through the headword: the text now names it when it means it)
        # «Балқаш көлі — ірі көл. Оның ауданы …»: what the sentence is about, not «Қазақстандағы»
        self.its = next((m.entity for m in reversed(named) if m.case == "NOM"), None)


def count_facts(doc: Document, sentence: Sentence, index: TokenIndex, discourse: Discourse,
                carried: DateMention | None = None) -> list[Fact]:
    """Member counts and quantity facts of the sentence's figures; ``carried`` is the date an
    opening «Онда», «Оған» points back to."""
    discourse.enter(doc, sentence, index)
    if opening_here(index, sentence) and discourse.site:
        carried = None  # «Онда …» after a place is there, not then
    lemmas = {word_info(index.norms[i])[0] for i in range(sentence.first_token, sentence.last_token)}
    quantities = shared_units(index, split_decimals(doc, index.quantities_in(sentence.first_token, sentence.last_token)))
    if hypothetical(index, sentence):
        quantities = []  # «Егер … дамыса, үлесін 37 %-ке қысқартуға болады»: a condition's outcome, no figure
    orgs = [m.entity for a, b, m in index.mentions_in(sentence.first_token, sentence.last_token)
            if m.type in ("organization", "body")]
    facts: list[Fact] = []
    for a, b, q in quantities:
        if set_apart(index, b, sentence.last_token) \
                or not_a_figure(index.norms, a, b, q, sentence.last_token, quantities) \
                or acting_group(index.norms, b, sentence.last_token) or unnamed_institution(index, b, sentence.last_token):
            continue
        if membership(lemmas | {index.norms[i].lower() for i in range(sentence.first_token, sentence.last_token)}) and counts_states(q, index.norms, b):
            if known_group(index.norms, a, b):
                continue
            org = orgs[0] if len(orgs) == 1 else named_before(index, sentence, a)
            if org:
                time = figure_time(index, sentence, a)  # undated: today's count or a past one (as_of)
                frame = {} if time else {"as_of": count_frame(index, sentence)}
                facts.append(Fact(org, "has_member_count", None, str(int(q.value)), time,
                                  None, sentence.start, sentence.end, 0.8, frame))
            elif counted(sentence, index, a, b, q):  # «Онда 15 мемлекет … мүше елдер арасындағы …»
                facts += _quantity_facts(sentence, index, a, b, q, discourse, carried)
        elif q.kind != "ordinal" and (q.unit not in COUNT_UNITS or counted(sentence, index, a, b, q)):
            facts += _quantity_facts(sentence, index, a, b, q, discourse, carried)
    discourse.leave(sentence, index)
    return without_excepted(sentence, index, facts)


def _quantity_facts(sentence: Sentence, index: TokenIndex, a: int, b: int, q: Quantity,
                    discourse: Discourse, carried: DateMention | None = None) -> list[Fact]:
    """Quantity facts when the figure has a measure noun, a unit or a counted noun, and an owner
    (one fact per name the figure is attached to: «Германия мен Франция (5 %)»)."""
    if bare_metres(q, index.norms, a, b):
        return peak_facts(index, sentence, a, q)
    if _part_of_last(index, sentence, a, b, discourse):
        return [Fact(discourse.subject, "quantity", None, f"{q.value:g}", discourse.time, None, sentence.start,
                     sentence.end, 0.65, {"measure": "part", "quantity_text": q.text})]
    if named := named_after_facts(index, sentence, b, q):
        return named
    if a > sentence.first_token and index.norms[a - 1].lower() in KNOWN_GROUP:
        return []  # «осы 3 топтағы салалар»: these three, a reference back, not a new figure
    measured = measure_of(sentence, index, a, b) or rate_of(index, sentence, a, q)
    if measured and measure_taken(index, measured[0], a):
        measured = None  # «ұзындығы 500 км-ден асатын 12 өзен»: the length is the earlier figure's
    # «Мұздықтың ауданы 14 км², орташа қалыңдығы 80 м»: an unnamed thing's figure, and the series after it
    unnamed = measured is not None and measured[0] < a and unnamed_possessor(index, sentence, measured[0]) \
        and pointed(sentence, index, measured[0], None) is None
    if unnamed or discourse.unnamed[0] == sentence.start and next_item_after(index, sentence, a, discourse.unnamed[1]):
        discourse.unnamed = (sentence.start, b)
        return []
    found = measured or counted(sentence, index, a, b, q)
    at, measure = found if found else (None, None)
    unit = q.unit or (measures().get(measure, "") if measure else "") or None
    if unit is None and measure is None and _list_item(index, sentence, a, discourse):
        return _item_facts(sentence, index, a, q, discourse)
    if q.kind == "count" and unit != "person":
        if measure is None and not q.text[:1].isdigit():
            return []  # «Екі тіл қатар қолданылады»: things counted in words are prose (as in counted)
        unit = None  # «15 ұйымы»: things counted are a bare number, people a population
    if measure is None and (q.unit is None or q.kind == "multiplier"):
        return []
    same = same_figure(index.norms, sentence.first_token, a)
    change = states_change(index, sentence, b, q)
    time = bracketed_time(index, sentence, a, b) or figure_time(index, sentence, a, change) \
        or (carried.value if carried is not None else None) or (discourse.unit_times.get(q.unit or "") if same else None)
    if _aside_of_noun(index, sentence, a):
        return []  # «кең атырау (70 мың км²)»: the figure of the noun it follows, not the topic's
    recipient = allocation_recipient(index, sentence, a, b, q) or allocation_source(index, sentence, a, b, q) \
        or arrival_destination(index, sentence, a, b, unit) or dwelling_place(index, sentence, b, at, unit) \
        or relative_place(index, sentence, a, b) \
        or route_owner(index, sentence, a, b) or people_owner(index, sentence, a, b) or having_owner(index, sentence, b)
    # «1738 м биіктікте … орналасқан Рахман көлі», «… арқылы … ағып өтеді», «Арал балықшылары …», «… халқы бар X»
    pair = pair_owners(index, sentence, a, q)  # «Өскемен мен Семейде 600 теңге»: each; a count: none
    subjects, other = ([recipient.entity], None) if recipient is not None else (pair, None) if pair is not None else \
        _subjects(sentence, index, a, at, measure, discourse, same,
                  counts_what_is_there(index, a, at, q.unit, q.text), end=b)
    if subjects == [] and measured is not None and _next_measure(index, sentence, measured[0], discourse):
        subjects = [discourse.subject]  # «алабының ұзындығы 100-120 км, ені 25-30 км»: the same owner
    elif subjects is None and measured is not None and measured[0] > a and _next_item(index, sentence, a, discourse):
        subjects = [discourse.subject]  # «қалыңдығы 200 м, 3400 м биіктікте»: the measure after the figure
    elif not subjects and measured is None and _continues(index, sentence, a, unit, discourse):
        subjects, other = [discourse.subject], None  # «… 2000 жылы 24 млн адам болса, 2020 жылы 34 млн адамға»
    elif not subjects and measured is None and change and _continues(index, sentence, a, unit, discourse, True):
        # «… 2019 жылы 50 млрд доллар болса, 2020 жылы 10 %-ға өсті»: the change between the two years
        subjects, other = [discourse.subject], None
        time = period_between(discourse.time, time)
    if subjects is None and measured is None and q.unit is None:
        return []  # «400 сарбаз»: a count of things no name in the sentence owns
    if subjects is None and describes_noun(index, b):
        return []  # «қуаттылығы 20 кт болатын 2 атом бомбасы»: the bombs' figure, not the topic's
    if subjects is None and q.unit == "percent" and _share_of_thing(index, sentence, a):
        return []  # «вагондардың 90 %-ға жуығы»: a share of the wagons, not a figure of the topic
    # «екі тілде» (in two languages): a count whose own noun is oblique says how, it is no figure
    noun = at if at is not None else (b - 1 if q.kind == "count" and q.unit else None)
    if subjects is None and not (noun is not None and word_info(index.norms[noun])[1] & _OBLIQUE):
        head = None if _owner_before(index, sentence, a) else discourse.headword
        subjects = [s for s in [discourse.subject or head or discourse.topic] if s]
        time = time or (discourse.time if discourse.subject else None)
    if not subjects or pair is None and not is_currency(q) \
            and all(joint_owner(index, sentence, s, set(subjects)) for s in subjects):
        return []  # «Текелі мен Талдықорған қаласында 41 бала»: the list's joint figure
    discourse.subject, discourse.time = subjects[-1], time
    discourse.last_figure = (sentence.start, b)
    discourse.unit_times[q.unit or ""] = time
    discourse.last_unit = (sentence.start, unit, b) if unit else None
    value = f"{q.value:g} {unit}" if unit else f"{q.value:g}"
    qualifiers = {"measure": measure or unit, "quantity_text": q.text}
    thing = None if measure else measured_noun(index, sentence, b, q)
    if thing:  # «2 млрд тонна кен», «100 млн тонна құм»: two figures of two things
        qualifiers["measured"] = thing
    if other:
        qualifiers["with"] = other
    return [Fact(s, "quantity", None, value, time, None, sentence.start, sentence.end, 0.7, dict(qualifiers))
            for s in subjects]


def _share_of_thing(index: TokenIndex, sentence: Sentence, a: int) -> bool:
    """Is a percentage the share of a common noun in the genitive right before it that no measure
    names («вагондардың 90 %-ы»), rather than of a population («тұрғындардың 99 %-ы») or output?"""
    k = a - 1
    if k < sentence.first_token or index.norms[k][:1].isupper() or k in index.date_tokens:
        return False
    lemma, tags, pos = word_info(index.norms[k])
    measured = {word for key in measures() for word in key.split()}  # «тұрғын сан»: residents are a population
    return pos == "NOUN" and "GEN" in tags and lemma not in measured and "POSS.3" not in tags


_NEXT_ITEM = frozenset({"ал", "және"})  # may open the next item of a series after its comma


def _next_measure(index: TokenIndex, sentence: Sentence, at: int, discourse: Discourse) -> bool:
    """Does the measure noun at ``at`` open the next item of a series after a figure of this
    sentence that had an owner («ұзындығы 100-120 км, ені 25-30 км»; «экспорты 3 млрд
    долларды, ал импорты 2 млрд долларды»)?"""
    if discourse.last_unit is None or discourse.last_unit[0] != sentence.start or discourse.subject is None:
        return False
    comma = at - 2 if index.norms[at - 1].lower() in _NEXT_ITEM else at - 1  # «…, ал импорты 2 млрд»
    return comma - 1 >= sentence.first_token and index.norms[comma] == "," \
        and any(e == comma for _, e, _ in index.quantities_in(sentence.first_token, comma + 1))


def _next_item(index: TokenIndex, sentence: Sentence, a: int, discourse: Discourse) -> bool:
    """Does the figure at ``a``, whose measure noun follows it, open the next item of a series
    right after a comma that closes an owned figure of this sentence («Оның ұзындығы 11 км,
    қалыңдығы 200 м, 3400 м биіктікте жатыр»)?"""
    last = discourse.last_unit
    if last is None or last[0] != sentence.start or discourse.subject is None:
        return False
    return a - 1 > sentence.first_token and index.norms[a - 1] == "," and last[2] == a - 1


def _continues(index: TokenIndex, sentence: Sentence, a: int, unit: str | None, discourse: Discourse,
               any_unit: bool = False) -> bool:
    """Is a figure with no measure of its own the next value of the sentence's last owned figure:
    the same unit and no name between them («ЖІӨ-сі 2018 жылы – 170 млрд доллар, 2019 жылы – 180
    млрд доллар»; «… болса, ал 2020 жылы 34 млн адамға жетті»)? A change continues any unit."""
    last = discourse.last_unit
    if last is None or last[0] != sentence.start or (unit != last[1] and not any_unit) or discourse.subject is None:
        return False
    # no name between, known or not («… , Алатауда 3 млн»: an unknown place's own figure)
    return not index.mentions_in(last[2], a) and not any(index.norms[k][:1].isupper() for k in range(last[2], a))


def _list_item(index: TokenIndex, sentence: Sentence, a: int, discourse: Discourse) -> bool:
    """Is a bare figure an item of a per-date list whose first figure gave the unit: «1930 жылы
    … 2 млрд адам болса, 1962 жылы — 3 млрд, 1976 жылы — 4 млрд» (date, dash, figure)?"""
    norms = index.norms
    if discourse.last_unit is None or discourse.last_unit[0] != sentence.start or discourse.subject is None:
        return False
    return a - 2 >= sentence.first_token and norms[a - 1] in ("-", "–", "—") and a - 2 in index.date_tokens


def _item_facts(sentence: Sentence, index: TokenIndex, a: int, q: Quantity, discourse: Discourse) -> list[Fact]:
    """The facts of a per-date list item: the list's unit and owner, the item's own date."""
    unit, subject = discourse.last_unit[1], discourse.subject  # type: ignore[index]
    time = figure_time(index, sentence, a)
    discourse.time = time
    qualifiers = {"measure": unit, "quantity_text": q.text}
    return [Fact(subject, "quantity", None, f"{q.value:g} {unit}", time, None, sentence.start, sentence.end, 0.7,
                 qualifiers)]


def _aside_of_noun(index: TokenIndex, sentence: Sentence, a: int) -> bool:
    """Does the figure open a parenthesis right after a lowercase common noun no name covers and
    no measure names («атырау (70 мың км²)»: the delta's area), an aside measuring that noun? A
    measure noun before it is the measure itself («ауданы (2,7 млн км²)»)."""
    k = a - 2
    if k < sentence.first_token or index.norms[a - 1] != "(" \
            or any(s <= k < e for s, e, _ in index.mentions_in(max(0, k - 6), k + 1)):
        return False  # «Каспий теңізі (…)»: the noun closes a name, which owns the figure
    word = index.norms[k]
    lemma, _, pos = word_info(word)
    return word.isalpha() and word.islower() and pos == "NOUN" and lemma not in measures()


def _subjects(sentence: Sentence, index: TokenIndex, a: int, at: int | None, measure: str | None,
              discourse: Discourse, same: bool, here: bool, end: int = -1) -> tuple[list[str] | None, str | None]:
    """The figure's owners (None if the sentence names or points to none; [] if it names one
    that owns something else, or only where the figure happened) and the second name of a
    pair («with»); ``here``: the figure counts what is at a place named in the locative."""
    listed = listed_owners(index, sentence, a)
    if listed:
        return [m.entity for m in listed], None
    partner = trade_partner(index, sentence, a, measure, discourse.topic) \
        or border_partner(index, sentence, a, discourse.topic)
    shares = share_owner(sentence, index, a)
    owners = shares or measure_owner(sentence, index, a, at, measure, here)
    if partner is not None:  # «Қазақстанның Қытаймен сауда айналымы»: China's figure, with Kazakhstan
        others = [m.entity for m in owners if m.entity != partner.entity]
        return [partner.entity], others[0] if others else None
    # «бұл көрсеткіш»: the figure given last, its owner; a place of its own owns it («… Ресейде 40»)
    if same and discourse.subject:
        place = place_at(index, a)
        return [place.entity if place is not None and place.type in OWNER_TYPES else discourse.subject], None
    if not shares and owners and owners[-1].case == "GEN" and not owns(index, owners[-1], at, a) and not same:
        return [], None  # «Ресейдің ең ұзын өзені — Лена (4 400 км)»: the river's figure, not Russia's
    if owners:
        return [owners[0].entity], owners[1].entity if len(owners) > 1 else None
    if (people := demonym_owner(index, sentence, a, at)) is not None:
        return [people], None  # «канадалықтардың 60 %-ы»: the people of a place stand for the place
    settings = setting_names(index, sentence, a)
    oblique = at is not None and at > a and bool(word_info(index.norms[at])[1] & _OBLIQUE)  # «1 тәулікте»: when
    # «қуаттылығы 3 мт қондырғы»: the device's power; «500 км-ден асатын 12 өзен»: the rivers' length
    attribute = property_of_noun(index.norms, a, end) or participle_attribute(index, end)
    if settings and _nothing_before(discourse, settings) and not (oblique or attribute) \
            and not unknown_owner(index, sentence, a, at):
        return lone_settings(index, sentence, a, settings), None  # «Павлодар облысында … 30 %-ке көбейген»
    if settings or unknown_owner(index, sentence, a, at):
        return [], None  # «Стамбұлда … 506 жолдан тұратын», «Каирда 17 млн адам»: not the topic's
    if measure in measures() and at is not None and sentence.first_token < at < a \
            and index.norms[at - 1].lower() == "оның" and discourse.its:
        return [discourse.its], None  # «Оның ұзындығы 12 км»: the measure of the name before
    if measure in measures() and at is not None and at < a and opening_measure(index, sentence, at):
        named = [m for s, _, m in index.mentions_in(end, end + 1) if s == end and m.case == "NOM"
                 and m.type in OWNER_TYPES + WATER_TYPES] if end > a else []
        if named or discourse.article or discourse.its:  # «Биікт. 5895 м»: the entry's own, this sentence only;
            discourse.carried = True  # «Аум. 75,6 мың га X саябағы бар»: the name right after the figure
            return [named[0].entity if named else discourse.article or discourse.its], None
    if (carried := class_referent(index, sentence)) is not None:
        discourse.carried = True
        return [carried], None
    found = pointed(sentence, index, a, discourse.referent, discourse.site)
    return ([found] if found else None), None


def _part_of_last(index: TokenIndex, sentence: Sentence, a: int, b: int, discourse: Discourse) -> bool:
    """«300 сынақ болды, оның 40 – жерде, 60 – ауада»: a bare number after «оның» (of
    which) is a part of the figure this sentence gave before it, and so is each «N –» item that
    follows the first part after a comma; the parts are the whole's owner's, at its time."""
    norms = index.norms
    if discourse.last_figure[0] != sentence.start or discourse.subject is None or b >= sentence.last_token:
        return False
    if not (norms[a - 1].lower() == "оның" or discourse.parts == sentence.start and norms[a - 1] == ","):
        return False
    if norms[b] not in ("—", "–", "-"):
        return False  # «оның 5-і Алматыда»: not the «N – where» list of parts
    discourse.parts = sentence.start
    return True


def _owner_before(index: TokenIndex, sentence: Sentence, a: int) -> bool:
    """Does the sentence name a place, state or organization before the figure? («Шығыс жағы
    1403 метр (Қарқаралы таулары), … 1566 метрге …»: the figures are the named ranges', not
    the headword's.)"""
    return any(m.type in OWNER_TYPES + WATER_TYPES for _, _, m in index.mentions_in(sentence.first_token, a))


def _nothing_before(discourse: Discourse, settings: list[EntityMention] = ()) -> bool:
    """Has the text named no topic, owner or referent before this sentence (a news sentence that
    stands alone, the opening of a text about no state or organization)? A topic taken from one
    of this sentence's own ``settings`` («Ресейден тартылған инвестиция …») was not named before."""
    own = discourse.topic in {m.entity for m in settings}
    return (discourse.topic is None or own) and discourse.alone
