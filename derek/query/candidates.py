"""Answer candidates in one scored passage: dates, figures, entities of the expected type
(description phrases come from query/phrases.py, reading-comprehension spans from query/spans.py).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from derek.kb.search import term
from derek.query.colon_lists import colon_list
from derek.query.counted import counted_entities, other_than_time
from derek.query.excepted import denial_factor, excepted
from derek.query.figure_fit import (
    TIMES_NOUNS,
    counted_dates,
    counts_factor,
    duration,
    number_fits,
    range_start,
    word_ordinals,
)
from derek.query.fit import other_conjunct, respective_factor
from derek.query.heads import noun_phrase_date
from derek.query.lifespans import lifespan_side, lifespans
from derek.query.named_nearby import antecedents
from derek.query.neighbours import neighbour_values, owner_antecedents
from derek.query.owners import named_place, owner_factor
from derek.query.passages import Passage
from derek.query.phrases import (
    CLAUSE_PENALTY,
    Candidate,
    anchor_tokens,
    covered,
    describe,
    distance,
    group_agents,
    mirrors_frame,
    other_topic,
    same_clause,
)
from derek.query.post_order import other_posts
from derek.query.posts import posts_in
from derek.query.question import DATE_TYPES, POST, Question, answer_nouns, load_words
from derek.query.ranges import dated_in_range, range_years
from derek.query.render import period_text, render_date
from derek.query.rival_clause import rival_clause_factor, verb_clause_factor
from derek.query.spans import echoes, reading_spans
from derek.query.tense import planned_only
from derek.query.yes_no import yes_in
from derek.query.yes_no_contrary import contrary_in

TYPES = {"person": {"person"}, "persons": {"person"}, "state": {"state"}, "states": {"state"},
         "organization": {"organization", "body"}, "organizations": {"organization", "body"},
         "place": {"city", "region", "place", "sea", "lake", "river", "mountain", "state"}}
FRAME_VALUE = 1.1  # a typed value followed by the question's frame word (phrases.frame_word)
_YEARS = re.compile(r"\d{3,4}(?:\s*[-–]\s*\d{2,4})?")


@cache
def short_names() -> dict[str, str]:
    """Entity id -> the short Kazakh name (Қазақстан, not Қазақстан Республикасы)."""
    from derek.extract.gazetteer import load_gazetteer

    return {e.id: e.short or e.name for e in load_gazetteer().entries.values()}


def candidates_in(p: Passage, question: Question, loose: bool = False) -> list[Candidate]:
    """Values of the expected type in one passage, scored by the passage and their nearness;
    ``loose`` (one given text): a person or place the gazetteer lacks may be a plain phrase."""
    kind = question.answer_type
    if planned_only(p, question):  # «… сатып алмақ» is a plan, not what «… сатып алды?» asks
        return []
    if kind == "yesno":
        return yes_in(p, question) or contrary_in(p, question)  # «жақтайды» for «қарсы ма?»
    if named := excepted(p, question):  # «… қайсылары қатыспады?» ← «X-ны қоспағанда, … қатысты»
        return named
    if kind == "description":
        if question.focus == POST:  # the posts a person held: titles joined to the name, or none
            return other_posts(posts_in(p, {e.entity for e in question.entities if e.type == "person"}), question)
        if not loose:  # a plural asked noun: the list after a colon, not one of its items (colon_lists.py)
            listed = colon_list(p, question)
            return listed + [c for c in describe(p, question) if not any(c.answer in x.answer for x in listed)
                             and not echoes(c.answer, question)]
        naming = any(t.norm.lower() == "деп" for t in question.tokens)  # «… қандай күн деп жариялады»
        return [c for c in (describe(p, question) if naming else []) or reading_spans(p, question)
                if not echoes(c.answer, question)]
    asked_entities = {e.entity for e in question.entities}
    asked_dates = {d.value for d in question.dates}
    found = []
    for x in p.spans:
        if kind in DATE_TYPES and x["kind"] == "date" and x["label"] == "DATE" and x["value"] not in asked_dates \
                and _precise(x["value"], kind) and _date_value(x["value"], kind) not in asked_dates:
            value = _date_value(x["value"], kind)
            text = period_text(x["text"], _words_after(p, x)) if "X" in value else render_date(value, kind)
            found.append((text, value, x))
        elif kind in ("number", "ordinal") and x["kind"] == "quantity" and number_fits(x, kind, question) \
                and not other_than_time(p, x, question):
            value = float(x["value"])
            text = str(int(value)) if value == int(value) else f"{value:g}"
            found.append((x["text"], text, x))
        elif kind == "number" and x["kind"] == "date" and (n := duration(x, question)) is not None:
            found.append((x["text"], n, x))
        elif kind == "number" and (counted := range_years(p, x, question)):
            found.append((f"{counted[0]} жыл", counted[0], counted[1]))
        elif kind in TYPES and x["kind"] == "entity" and x["value"] not in asked_entities \
                and (x["label"] in wanted(question) or _led_state(p, x, kind, asked_entities, question)
                     or _acting_state(p, x, kind, question)) and not _container(p, x) \
                and not _asked_office(p, x, question):
            found.append((short_names().get(x["value"]) or x["attrs"].get("name") or x["text"], x["value"], x))
    if kind == "ordinal":
        found += word_ordinals(p)
    if kind in ("place", "state"):  # «қай қаладағы университетте», «қай елдегі күштеріне»
        found += _nested_places(p, question)
    if kind == "number" and question.focus in TIMES_NOUNS:
        found += counted_dates(p, question)
    if kind == "number" and not any(x["kind"] == "quantity" for _, _, x in found):
        found += counted_entities(p, question)
        found += dated_in_range(p, question)
    if kind in ("year", "date") and (life := _lifespan_years(p, question)):  # the bracket is no range of years
        found = [f for f in found if not any(y["within"][0] <= f[2]["start"] < y["within"][1] for _, _, y in life)] + life
    if kind in TYPES and not found and (named := antecedents(p, question, tuple(wanted(question)))):
        return named  # «Бұл ұйым …»: the organization is named in the sentence before
    if kind in TYPES and not found and (near := neighbour_values(p, question, tuple(wanted(question)))):
        return near  # «2024 жылғы саммитте …»: the place is named in the sentence before
    typed = [Candidate(_exact(p, x, kind) if loose else a, v,
                       _score(p, x, question) * _range_fit(v, question) * counts_factor(p, x, question)
                       * range_start(p, x, question) * respective_factor(p, x, question)
                       * where_fit(p, x, kind) * named_place(p, x, question) * denial_factor(p, question, x),
                       p, *exact_bounds(p, x, kind))
             for a, v, x in found]
    if kind in TYPES and not loose:  # «Қозғалыстың талабымен»: the movement named in the sentence before
        typed += owner_antecedents(p, question)
    if kind == "person" and not typed and not loose:
        return group_agents(p, question)
    if typed or not loose:
        return typed
    return reading_spans(p, question)


LIST_JOINERS = frozenset({",", "және", "мен", "пен", "бен", "-", "–", "—"})


def _words_after(p: Passage, x: dict[str, Any]) -> list[str]:
    return [t.norm for t in p.tokens if p.start + t.start >= x["end"]][:2]


def _led_state(p: Passage, x: dict[str, Any], kind: str, asked: set[str], question: Question) -> bool:
    """«кім/кімдер» answered by the states whose leaders acted: «Ресей, Беларусь және Украина
    басшылары» — states, joined by commas and «және», then a person noun (answer_nouns.tsv). Not
    when the question names a state of that list («Украина атынан кім …?» asks for its person),
    nor when it names that person noun («Қазақстанның тұңғыш Президенті кім?» asks who held the
    post, and «… Ресей президенттері қол қойды» makes no state a president)."""
    if kind not in ("person", "persons") or x["label"] != "state":
        return False
    nxt = _after_list(p, x)
    if any(y["kind"] == "entity" and y["value"] in asked and _after_list(p, y) == nxt for y in p.spans):
        return False
    if nxt is None or answer_nouns().get(p.tokens[nxt].lemma.lower()) != "person":
        return False
    return term(p.tokens[nxt]) not in question.terms


def _acting_state(p: Passage, x: dict[str, Any], kind: str, question: Question) -> bool:
    """«Жоңғар хандығын кім талқандады?» ← «Цин империясы … Жоңғар хандығын талқандағаннан
    кейін …»: a state in the nominative that is the subject of the question's verb answers «кім»
    when no person stands between them."""
    if kind not in ("person", "persons") or x["label"] != "state" or not question.verb or _case(x) != "NOM":
        return False
    after = [i for i, t in enumerate(p.tokens) if p.start + t.start >= x["end"]]
    verb = next((i for i in after if term(p.tokens[i]) == question.verb), None)
    if verb is None or answer_nouns().get(p.tokens[verb].lemma.lower()) == "person":
        return False  # «Президенті кім?» has no verb: «Ресей президенттері» makes no state a president
    between = [p.tokens[i] for i in after if i < verb]
    if any(t.norm in (".", ";", ":") or answer_nouns().get(t.lemma.lower()) == "person" for t in between):
        return False  # «Ресей, Беларусь және Украина басшылары … қол қойды»: their leaders acted
    span = (p.start + p.tokens[after[0]].start, p.start + p.tokens[verb].start)
    return not any(y["kind"] == "entity" and y["label"] in ("person", "state") and y is not x
                   and span[0] <= y["start"] < span[1] and _case(y) == "NOM" for y in p.spans)


def _case(x: dict[str, Any]) -> str | None:
    """An entity span's case: as stored, else read from its last word."""
    from derek.extract.gazetteer import case_of

    return (x.get("attrs") or {}).get("case") or case_of(x["text"].split()[-1])


def _nested_places(p: Passage, question: Question) -> list[tuple[str, str, dict[str, Any]]]:
    """«Мәскеу мемлекеттік университетінде» for «қай қаладағы университетте»: the place named inside
    an organization's name answers when the question names the organization's head noun."""
    from derek.extract.gazetteer import load_gazetteer

    gazetteer, found = load_gazetteer(), []
    for x in p.spans:
        if x["kind"] != "entity" or x["label"] not in ("organization", "body"):
            continue
        inside = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
        if len(inside) < 2 or inside[-1] not in p.matched:
            continue  # the head noun («университет») is not a word of the question
        for a, b, entity, _ in gazetteer.match([p.tokens[i] for i in inside[:-1]]):
            entry = gazetteer.entries.get(entity)
            if entry is not None and entry.type in wanted(question):
                first, last = p.tokens[inside[a]], p.tokens[inside[b - 1]]
                span = {"kind": "entity", "label": entry.type, "value": entity, "attrs": {"name": entry.name},
                        "start": p.start + first.start, "end": p.start + last.end, "text": entry.name}
                found.append((short_names().get(entity) or entry.name, entity, span))
    return found


def _container(p: Passage, x: dict[str, Any]) -> bool:
    """«Кеңес Одағы құрамынан шыққан мемлекеттер»: the state holding the others is not one of them."""
    nxt = _after_list(p, x)
    return nxt is not None and p.tokens[nxt].lemma.lower() in load_words("container_nouns.txt")


def _after_list(p: Passage, x: dict[str, Any]) -> int | None:
    """The first token after the entity and any entities listed after it, or None."""
    inside = covered(p, "entity")
    for i, t in enumerate(p.tokens):
        if p.start + t.start < x["end"] or i in inside or t.norm.lower() in LIST_JOINERS:
            continue
        return i
    return None


def _exact(p: Passage, x: dict[str, Any], kind: str) -> str:
    """The answer as the text writes it (reading comprehension): «1731», not «1731 жыл»."""
    start, end = exact_bounds(p, x, kind)
    return p.text[start - p.start : end - p.start]


def exact_bounds(p: Passage, x: dict[str, Any], kind: str) -> tuple[int, int]:
    """The document offsets of the words that answer: the span, or a year's digits within it."""
    text = p.text[x["start"] - p.start : x["end"] - p.start]
    if kind == "year" and (m := _YEARS.search(text)):
        return x["start"] + m.start(), x["start"] + m.end()
    return x["start"], x["end"]


def _lifespan_years(p: Passage, question: Question) -> list[tuple[str, str, dict[str, Any]]]:
    """«Абылай (1711–1781)»: the years in brackets right after a person are their birth and
    death; «туған жылы» asks for the first, «қайтыс болған жылы» for the second."""
    side = lifespan_side(question.terms)
    found = []
    for m in lifespans(p) if side else []:
        if year := m.group(side):
            span = {"kind": "date", "start": p.start + m.start(side), "end": p.start + m.end(side),
                    "within": (p.start + m.start(), p.start + m.end())}
            found.append((render_date(year, "year"), year, span))
    return found


def _precise(value: str, kind: str) -> bool:
    """«қай айда» needs a month, «қай күні» a day: a bare year does not answer them."""
    first = value.split("/")[0]
    return len(first) >= {"month": 7, "day": 10}.get(kind, 0)


def _range_fit(value: object, question: Question) -> float:
    """«қай жылдары» (plural) asks for a span of years: a single year fits less well."""
    from derek.extract.rules import best_tags

    plural = any(term(t) == "жыл" and "PL" in best_tags(t.norm) for t in question.tokens)
    return 0.9 if plural and isinstance(value, str) and "/" not in value else 1.0


def _date_value(value: str, kind: str) -> str:
    """Cut a TIMEX value to the asked precision; a range of years stays a range (2013/2015)."""
    cut = 4 if kind == "year" else 7 if kind == "month" else 10
    parts = list(dict.fromkeys(v[:cut] for v in value.split("/")))
    return "/".join(parts)


def wanted(question: Question) -> set[str]:
    """Entity types that answer the question; «қай қалада» wants a city, not a country."""
    return {"city"} if question.focus == "қала" else TYPES[question.answer_type]


def _asked_office(p: Passage, x: dict[str, Any], question: Question) -> bool:
    """An office-holder named by the office («Бас хатшысының» in 2012 → Ban Ki-moon) does not
    answer «Бас хатшы кім?»: the name comes from the gazetteer's terms of office, the sentence
    states only the office the question already names."""
    if x["attrs"].get("source") != "role":
        return False
    words = [term(t) for t in p.tokens if x["start"] <= p.start + t.start < x["end"]]
    return all(w in question.terms for w in words if w)


# a name as an object («Грузияны қоспағанда»), an owner («Ресейдің …») or a partner («Ресеймен»)
# answers «қайда» less; the nominative may begin a longer name («Мәскеу мемлекеттік университеті»)
NOT_WHERE_CASES = frozenset({"ACC", "GEN", "INS"})
NOT_WHERE = 0.85


def where_fit(p: Passage, x: dict[str, Any], kind: str) -> float:
    """A place answer stands where places do: «Алматыда … қол қойды», not «Грузияны қоспағанда»
    nor «Ресей, Беларусь және Украина басшылары» (states whose leaders act)."""
    if kind != "place" or x["kind"] != "entity" or not x["text"].split():
        return 1.0
    case = _case(x)
    nxt = _after_list(p, x) if case == "NOM" else None
    led = nxt is not None and answer_nouns().get(p.tokens[nxt].lemma.lower()) == "person"
    return NOT_WHERE if case in NOT_WHERE_CASES or led else 1.0


def _score(p: Passage, x: dict[str, Any], question: Question) -> float:
    """The passage's coverage, less a little for each word between the value and the question's
    verb (the value it governs sits next to it) and between the value and the entity asked about
    («Иран … тоғызыншы мүшесі болды, ал Беларусь … оныншы мүше атанды»)."""
    positions = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
    verbs = [i for i in p.matched if question.verb and term(p.tokens[i]) == question.verb] or p.matched
    if not positions or not verbs:
        return p.coverage * 0.9
    coverage = p.coverage * _besides(p, positions)
    penalty = distance(positions, verbs) * 0.01
    anchors = anchor_tokens(p, question)
    if anchors:
        penalty += distance(positions, anchors) * 0.005
        if not same_clause(p, positions, anchors) or _next_conjunct(p, positions, anchors, verbs) \
                or other_conjunct(p, positions, anchors):
            penalty += CLAUSE_PENALTY
    elif question.verb and verbs is not p.matched \
            and (not same_clause(p, positions, verbs) or other_topic(p, positions, verbs)):
        penalty += CLAUSE_PENALTY  # nothing named: the clause of the question's verb holds the value
    # «нешеуі атмосферада» → «26-сы атмосферада»: the question's frame word follows the value
    frame = FRAME_VALUE if mirrors_frame(p, question, positions[-1]) else 1.0
    inside = noun_phrase_date(p, positions, question) if x.get("kind") == "date" else 1.0
    return coverage * (1.0 - penalty) * frame * _main_clause(p, positions, question) * inside \
        * owner_factor(p, positions, question) * rival_clause_factor(p, positions, question) \
        * verb_clause_factor(p, positions, question)


SUBORDINATORS = frozenset({"кейін", "соң", "бұрын", "дейін", "шейін"})  # «-ғаннан кейін»: after …
OTHER_CLAUSE = 0.5


def _main_clause(p: Passage, positions: list[int], question: Question) -> float:
    """«Цин империясы … Жоңғар хандығын талқандағаннан кейін Абылай … саясат ұстанды»: when the
    question's verb heads a clause that «кейін/соң/бұрын …» subordinates, a value after it stands
    in the main clause and did not do what the question asks."""
    if not question.verb:
        return 1.0
    for i, t in enumerate(p.tokens[:-1]):
        if term(t) == question.verb and i < positions[0] \
                and p.tokens[i + 1].norm.lower() in SUBORDINATORS:
            return OTHER_CLAUSE
    return 1.0


def _besides(p: Passage, positions: list[int]) -> float:
    """The share of the sentence's match that lies outside a value made only of the question's
    own words: «Қазақстанның астанасы қай қала?» is not answered by «Астанада … саммиті өтті»
    because the city's name is the question's word «астана»; the rest of the sentence must match.
    «Қазақстанның астанасы — Астана» keeps its whole match: «астанасы» matches outside the value."""
    if not p.matched_weight or not all(i in p.weights for i in positions):
        return 1.0
    inside = set(positions)
    own = {term(p.tokens[i]) for i in positions}
    if any(term(p.tokens[i]) in own for i in p.matched if i not in inside):
        return 1.0
    return max(0.0, 1.0 - max(p.weights[i] for i in positions) / p.matched_weight)


COORDINATORS = frozenset({"және"})


def _next_conjunct(p: Passage, positions: list[int], anchors: list[int], verbs: list[int]) -> bool:
    """«2014 ж қазанында … қол қойған Армения және 2014 жылдың 23 желтоқсанында ұқсас Шартқа қол
    қойған Қырғыз …»: the question's verb stands on both sides of «және» after the asked entity,
    so a value after «және» belongs to the next participant."""
    at = positions[0]
    anchor = max((a for a in anchors if a < at), default=None)
    if anchor is None:
        return False
    joins = [i for i in range(anchor + 1, at) if p.tokens[i].norm.lower() in COORDINATORS]
    return bool(joins) and any(v < joins[-1] for v in verbs) and any(v > joins[-1] for v in verbs)
