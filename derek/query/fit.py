"""How well a sentence states the asked relation beyond shared words: the asked kind of value
is there, both sides of a pair, the question's ordinal, its year and day. Factors that
coverage.score multiplies into a sentence's coverage (reads tokens and spans)."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from derek.doc import Token
from derek.query.org_heads import head_rival
from derek.query.question import Question

if TYPE_CHECKING:
    from derek.query.passages import Passage

ORDINAL_MISMATCH = 0.75  # the question's ordinal (бесінші) against another one in the sentence
LAST = -1  # «соңғы» (last) as an ordinal: it does not match «алғашқы»
FIRST_TIME = "алғаш"  # (for the first time) the ordinal 1: «алғаш келді» is not «екінші рет келді»
POST_NOUNS = frozenset({"қызмет", "лауазым"})  # (post, office): «қандай қызмет атқарды»


def holds_answer_kind(passage: Passage, question: Question) -> bool:
    """Does the sentence name an entity of the asked kind (not one the question names)? Then the
    asked noun («қай мемлекет», «қай қала») is there in the value itself."""
    from derek.query.candidates import TYPES, wanted

    if question.answer_type == "description" and question.focus in POST_NOUNS:
        return _holds_title(passage)
    if question.answer_type not in TYPES:
        return False
    asked, labels = {e.entity for e in question.entities}, wanted(question)
    return any(x["kind"] == "entity" and x["label"] in labels and x["value"] not in asked for x in passage.spans)


def _holds_title(passage: Passage) -> bool:
    """Does the sentence name a post («Премьер-Министр», «Сенат төрағасы»: extract/data/titles.txt)?
    Then «қандай қызмет» (which post) is there in the title itself."""
    from derek.extract.phrases import titles
    from derek.kb.search import term

    return any(term(t) in titles() for t in passage.tokens)


PAIR_JOINERS = frozenset({"мен", "пен", "бен", "және"})
PAIR_MISSING = 0.9  # «Қазақстан мен Өзбекстан … шарт»: a sentence with one side of the pair only
PAIR_RIVAL = 0.6  # … and the other side replaced by a rival of its kind («Қазақстан мен ҚХР арасындағы»)


def pair_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """A relation between two named sides («X мен Y арасындағы», «X мен Y … шартқа») needs both:
    a sentence naming one of them but not the other (nor in the sentence it leans on) fits less."""
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    ents = sorted(question.entities, key=lambda e: e.start)
    for a, b in pairwise(ents):
        between = [t.norm.lower() for t in question.tokens if a.end <= t.start and t.end <= b.start]
        paired = bool(between) and all(w in PAIR_JOINERS for w in between)
        if paired and (a.entity in named) != (b.entity in named):
            present, missing = (a, b) if a.entity in named else (b, a)
            return PAIR_RIVAL if _rival_partner(passage, present.entity, missing.type) else PAIR_MISSING
    return PAIR_RIVAL if _other_partner(passage, question, named) else 1.0


ORG_RIVAL = 0.8  # the asked organization missing, another one named in its place


def rival_org_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """«Қазақстанның ТМД-дағы тұрақты өкілі кім?» against «… БҰҰ жанындағы бірінші тұрақты өкілі
    болып … тағайындалды»: the sentence lacks the organization the question names (nor does the
    sentence it leans on name it) and names another organization: it tells of that one."""
    orgs = [e.entity for e in question.entities if e.type == "organization"]
    if not orgs:  # most questions: nothing to look up per sentence
        return 1.0
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    if all(o in named for o in orgs):
        return 1.0
    asked = {e.entity for e in question.entities}
    others = any(x["kind"] == "entity" and x["label"] == "organization" and x["value"] not in asked
                 for x in passage.spans) or head_rival(passage, asked, question.verb)
    return ORG_RIVAL if others else 1.0


STATE_RIVAL = 0.8  # the asked state missing, other states named as the actors
OBJECT_NOT_ACTOR = 0.6  # the asked actor only an object, another state the actor (session 16, blind 8)
WHEN_OR_HOW_MANY = frozenset({"date", "day", "month", "year", "years", "number", "ordinal"})


def rival_state_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """«Моңғолия … шартқа қай күні қол қойды?» against «… шартқа 29.05.2014 … Беларусь, Қазақстан
    және Ресей президенттері қол қойды»: a date or figure asked of a state that the sentence (and
    the one it leans on) lacks, while it names other states, is the date or figure of those
    states. Not for questions whose answer is itself a name (the other states may be it)."""
    states = [e.entity for e in question.entities if e.type == "state"]
    if not states or question.answer_type not in WHEN_OR_HOW_MANY:
        return 1.0
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    if all(s in named for s in states):
        return OBJECT_NOT_ACTOR if _object_not_actor(passage, question, states) else 1.0
    others = any(x["kind"] == "entity" and x["label"] == "state" and x["value"] not in states
                 for x in passage.spans)
    return STATE_RIVAL if others else 1.0


def _object_not_actor(passage: Passage, question: Question, states: list[str]) -> bool:
    """«Таиланд … қай жылы сайланды?» against «… Қазақстан Таиландты басып озып, … сайланды»: the
    state the question names in the nominative (who did it) is only an object in the sentence,
    while another state stands there in the nominative, outside a list: it is that state's date."""
    actors = {e.entity for e in question.entities if e.type == "state" and e.case == "NOM"}
    if not actors:
        return False
    nominative, run = set(), []
    for x in sorted((x for x in passage.spans if x["kind"] == "entity" and x["label"] == "state"),
                    key=lambda x: x["start"]):
        run.append(x["value"])
        if not _listed(passage, x):  # the list's last name carries the case of them all
            if word_case(passage, x) == "NOM":
                nominative.update(run)
            run = []
    return not actors & nominative and bool(nominative - set(states))


def word_case(passage: Passage, span: dict) -> str | None:
    """The case of a state's name as the gazetteer reads it («Таиландты»: ACC)."""
    from derek.extract.gazetteer import load_gazetteer

    inside = [t for t in passage.tokens if span["start"] <= passage.start + t.start < span["end"]]
    found = load_gazetteer().match(inside)
    return found[0][3] if found else None


def _listed(passage: Passage, span: dict) -> bool:
    """Is the name followed by «мен», «және» or a comma (a list item without its case ending)?"""
    from derek.extract.entities import COORDINATORS

    after = [t for t in passage.tokens if passage.start + t.start >= span["end"]][:1]
    return bool(after) and after[0].norm.lower() in COORDINATORS


PERSON_RIVAL = 0.8  # the asked person missing, another person named as the actor (round 13c)
PRONOUN_RIVAL = 0.6  # … and the sentence's «ол» is that person, named in the sentence it leans on
PERSON_PRONOUNS = frozenset({"ол", "оның", "оны", "оған", "одан"})  # he/she: nom., gen., acc., dat., abl.


def rival_person_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """«Әбілқайыр хан … ханы болып қашан жарияланды?» against «1771 жылы … Абылай … ханы болып
    жарияланды»: a date or figure asked of a person that the sentence (and the one it leans on)
    lacks, while it or the one it leans on names another person, is that person's date or figure."""
    people = [e.entity for e in question.entities if e.type == "person"]
    if not people or question.answer_type not in WHEN_OR_HOW_MANY:
        return 1.0
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    if any(p in named for p in people) or not any(str(v).startswith("person:") for v in named):
        return 1.0
    return PRONOUN_RIVAL if _pronoun_actor(passage) else PERSON_RIVAL


def _pronoun_actor(passage: Passage) -> bool:
    """Is the sentence's actor «ол» (he, she) of the sentence it leans on: a pronoun before every
    person the sentence names (those after it are owners or objects: «ол БҰҰ Бас хатшысының
    орынбасары …»)? «2011–2013 жылдары ол …» after a sentence on Tokayev tells of Tokayev."""
    if passage.context is None:
        return False
    people = [x["start"] - passage.start for x in passage.spans
              if x["kind"] == "entity" and str(x["value"]).startswith("person:")]
    return any(t.norm.lower() in PERSON_PRONOUNS and all(t.start < a for a in people) for t in passage.tokens)


INSTRUMENTAL = ("мен", "бен", "пен")  # «Түркиямен», «ТМД-мен»: the partner of a relation


def _other_partner(passage: Passage, question: Question, named: set[str]) -> bool:
    """«Елдің Түркиямен сауда көлемі қанша?» against «… көрші елдермен … сауда
    көлемі …»: the asked partner (a name in the instrumental) is missing and another
    word stands in its case: the sentence speaks of another partner."""
    from derek.lang.kk.morphology import analyze

    def partner(word: str) -> bool:  # a noun or name in the instrumental («сонымен» is a conjunction)
        readings = analyze(word) if len(word) > 4 and word.lower().endswith(INSTRUMENTAL) else []
        return bool(readings) and readings[0].pos in ("NOUN", "PROPN") and "INS" in readings[0].tags

    asked = [e for e in question.entities if partner(e.text) and e.entity not in named]
    if not asked:
        return False
    inside = [(x["start"], x["end"]) for x in passage.spans if x["kind"] == "entity" and x["value"] in named]
    return any(partner(t.norm) and not any(a <= passage.start + t.start < b for a, b in inside)
               for t in passage.tokens)


def _rival_partner(passage: Passage, present: str, kind: str) -> bool:
    """Does the sentence pair the named side with another of the missing side's kind: «Қазақстан
    мен ҚХР арасындағы … шекара туралы шарт» when the question asks about Қазақстан and Өзбекстан?"""
    spans = [x for x in passage.spans if x["kind"] == "entity"]
    for x, y in pairwise(spans):
        if present not in (x["value"], y["value"]):
            continue
        other = y if x["value"] == present else x
        between = passage.text[x["end"] - passage.start : y["start"] - passage.start].replace(",", " ").split()
        if other["value"] != present and other["label"] == kind and between \
                and all(w.lower() in PAIR_JOINERS for w in between):
            return True
    return False


def ordinals(tokens: list[Token]) -> set[int]:
    """Ordinal numbers written as words («бесінші», «тұңғыш»)."""
    from derek.query.figure_fit import word_ordinal

    found = {n for t in tokens if (n := word_ordinal(t.norm)) is not None}
    found |= {1} if any(t.norm.lower() == FIRST_TIME for t in tokens) else set()
    return found | ({LAST} if any(t.lemma.lower() in ("соңғы", "соң") for t in tokens) else set())


def ordinal_factor(passage: Passage, question: Question) -> float:
    """«бесінші саммит» is not answered by a sentence about the «бірінші саммит», nor «бірінші
    президенті» by one whose «бірінші» goes with another noun («Президент Жарлығымен … бірінші
    тұрақты өкілі»): the ordinal modifies a noun among the next few words."""
    asked = ordinals(question.tokens)
    if not asked:
        return 1.0
    found = ordinals(passage.tokens)
    if found and not asked & found or not found and _repeat_asked(question.tokens):
        return ORDINAL_MISMATCH
    from derek.kb.search import term

    if not found and question.answer_type not in WHEN_OR_HOW_MANY and counts_heads(passage, _ordinal_nouns(question)):
        return COUNTED_NOT_NAMED
    heads = (_ordinal_heads(question.tokens, asked=True) - ORDINAL_ADVERBS) & {term(t) for t in passage.tokens}
    return ORDINAL_MISMATCH if found and heads and not heads & _ordinal_heads(passage.tokens) else 1.0


# «Назарбаевтың … екінші ұсынысы қандай?» against «… екі маңызды ұсынысты алға тартты»: a sentence
# that counts the asked things leads in to a list and names none of them (session 20: its subject
# «Мемлекет басшысы» was the confident wrong answer of two sets)
COUNTED_NOT_NAMED = 0.6


def _ordinal_nouns(question: Question) -> set[str]:
    """The term of the word right after each ordinal of the question («екінші ұсынысы» → the
    proposal); in «бірінші саммитіне неше мемлекет» the states are counted, not ordered."""
    from derek.kb.search import term

    words = [t for t in question.tokens if t.norm.isalpha()]
    return {term(nxt) for t, nxt in pairwise(words) if ordinals([t])} - ORDINAL_ADVERBS


def counts_heads(passage: Passage, heads: set[str]) -> bool:
    """A cardinal figure (a tagged quantity) among the few words before a word sharing a stem with
    one of ``heads`` (the analyser gives «ұсынысты» the lemma «ұсын»): «екі маңызды ұсынысты»."""
    from derek.query.matching import word_hits

    figures = {s["start"] - passage.start for s in passage.spans if s["kind"] == "quantity"}
    tokens = passage.tokens
    return any(tokens[k].start in figures and not ordinals([tokens[k]])
               for head in heads if head.isalpha() for i in word_hits(head, tokens)
               for k in range(max(i - ORDINAL_REACH, 0), i))


def _repeat_asked(tokens: list[Token]) -> bool:
    """«екінші рет» (the second time): a sentence with no ordinal does not say the event repeated
    («Қазақстан ЕҚЫҰ-ға екінші рет қай жылы төрағалық етті?» against «2010 жылғы төрағалық»)."""
    return any(ordinals([t]) - {1, LAST} and nxt.norm.lower() in ORDINAL_ADVERBS
               for t, nxt in pairwise(tokens))


def ordinal_hits(word: str, tokens: list[Token]) -> list[int]:
    """Indexes of the words that write the question word's ordinal otherwise: «тұңғыш» and
    «алғашқы» for «бірінші» (the first)."""
    asked = ordinals([Token(0, 0, word, word)])
    return [i for i, t in enumerate(tokens) if asked and ordinals([t]) == asked] if asked else []


ORDINAL_REACH = 3  # an ordinal and its noun: «бірінші тұрақты өкілі» (adjectives between)
ORDINAL_ADVERBS = frozenset({"рет"})  # «тұңғыш рет», «алғаш рет»: the first time, no noun


def _ordinal_heads(tokens: list[Token], asked: bool = False) -> set[str]:
    """The terms of the words an ordinal can modify: the few alphabetic words after it; in a
    question, «екінші рет» (the second time) modifies none («… екінші рет қай жылы …»)."""
    from derek.kb.search import term

    words = [t for t in tokens if t.norm.isalpha()]
    heads: set[str] = set()
    for i, t in enumerate(words):
        if ordinals([t]) and not (asked and words[i + 1 : i + 2] and words[i + 1].norm.lower() in ORDINAL_ADVERBS):
            heads |= {term(w) for w in words[i + 1 : i + 1 + ORDINAL_REACH]}
    return heads


# a figure asked for one year from a sentence that dates its figure in another year («2020 жылы …
# қанша?» ← «… 2023 жылы $ 31,5 млрд. болды»): the figure belongs to that year (round 13c)
OTHER_YEAR_FIGURE = 0.6


def date_factor(passage: Passage, question: Question) -> float:
    """A sentence without the year the question names answers another event; one with the year
    but not the day («21 желтоқсанда» vs «13 желтоқсанда») fits less well. «2020 жылдан кейін»
    (mod AFTER) is a bound: any later year meets it."""
    dates = [d for d in question.dates if d.type == "DATE"]
    asked = [v for d in dates if d.mod != "AFTER" for v in d.value.split("/") if v[:4].isdigit()]
    bounds = [d.value[:4] for d in dates if d.mod == "AFTER" and d.value[:4].isdigit()]
    if not asked and not bounds:
        return 1.0
    values = [v for x in passage.spans if x["kind"] == "date" for v in str(x["value"]).split("/")]
    years = {v[:4] for v in values} | {t.norm[:4] for t in passage.tokens if t.norm[:4].isdigit()}
    if not {v[:4] for v in asked} <= years or not all(any(len(y) == 4 and y > b for y in years) for b in bounds):
        stated = {y for y in years if len(y) == 4 and "1000" <= y <= "2100"}
        return OTHER_YEAR_FIGURE if question.answer_type == "number" and asked and stated else 0.75
    return 1.0 if all(any(v.startswith(a) for v in values) for a in asked if len(a) > 4) else 0.9


PLACE_KINDS = frozenset({"city", "place"})
OTHER_PLACE = 0.75  # like a missing year: «Стамбұлдағы саммиті» against the summit in Астана


def place_factor(passage: Passage, question: Question, before: set[str]) -> float:
    """A place the question names («АӨСШК-нің Стамбұлдағы саммиті») that the sentence and the one
    it leans on lack, while the sentence names another place: it tells of another event."""
    asked = {e.entity for e in question.entities if e.type in PLACE_KINDS}
    if not asked:
        return 1.0
    named = {x["value"] for x in passage.spans if x["kind"] == "entity"} | before
    others = {x["value"] for x in passage.spans if x["kind"] == "entity" and x["label"] in PLACE_KINDS} - asked
    return OTHER_PLACE if others and not asked <= named else 1.0


RESPECTIVE_MISMATCH = 0.9  # «A мен B X пен Y арасындағы»: A goes with X, not with Y


def respective_factor(passage: Passage, value: dict, question: Question) -> float:
    """«Назарбаев пен Ельцин Қазақстан мен Ресей арасындағы шартқа қол қойды»: two pairs joined
    by мен/пен/және pair off in order, so for a question naming Ресей the value in the other place
    of its pair (Назарбаев) fits less."""
    asked = {e.entity for e in question.entities}
    pairs = _entity_pairs(passage)
    mine = next((pair for pair in pairs if value["start"] in (pair[0]["start"], pair[1]["start"])), None)
    if mine is None:
        return 1.0
    place = 0 if mine[0]["start"] == value["start"] else 1
    for pair in pairs:
        sides = [i for i, x in enumerate(pair) if x["value"] in asked]
        if pair is not mine and len(sides) == 1 and pair[0]["label"] != mine[0]["label"]:
            return 1.0 if sides[0] == place else RESPECTIVE_MISMATCH
    return 1.0


def _entity_pairs(passage: Passage) -> list[tuple[dict, dict]]:
    """Neighbouring entities of one label joined by one мен/пен/және (initials and a detached
    suffix between them allowed: «Назарбаев пен Б.Н Ельцин», «ҚР сы мен Ресей»)."""
    import re

    ents = sorted((x for x in passage.spans if x["kind"] == "entity"), key=lambda x: x["start"])
    pairs = []
    for before, a, b in zip([None, *ents], ents, ents[1:]):
        words = re.findall(r"\w+", passage.text[a["end"] - passage.start : b["start"] - passage.start])
        joins = [w for w in words if w.lower() in PAIR_JOINERS]
        listed = before is not None and before["label"] == a["label"] and \
            passage.text[before["end"] - passage.start : a["start"] - passage.start].strip() == ","
        if a["label"] == b["label"] and len(joins) == 1 and not listed \
                and all(len(w) <= 2 for w in words if w not in joins):
            pairs.append((a, b))
    return pairs


OBJECT_FRAME = 0.5  # the question's verb is missing but its accusative object stands before a verb
OBJECT_REACH = 4  # … among the four words before the sentence's last one (a subject may stand between)


POSSESSED = 0.5  # «ЕҚЫҰ орталығы … құрылды» answers when the centre was founded, not the ЕҚЫҰ
BEGINNINGS = frozenset({"founded_on", "opened"})  # predicates about the entity's own coming into being
# «Одақтың негізі қаланды» (its foundation was laid) is the Union's founding: the possessed noun is
# the light verb's own object, not another institution.
FOUNDATION_NOUNS = frozenset({"негіз"})


def possessed_factor(passage: Passage, question: Question) -> float:
    """A founding question about X is not answered by a sentence where X only owns the thing
    founded: «Алматыда ЕҚЫҰ орталығы 1998 жылы құрылды» for «ЕҚЫҰ қашан құрылды?». Every mention
    of an asked entity stands right before a noun in the 3rd-person possessive that the question
    does not name (X's centre, office, branch)."""
    from derek.kb.search import term
    from derek.lang.kk.morphology import analyze

    if not BEGINNINGS & set(question.predicates):
        return 1.0
    asked = {e.entity for e in question.entities}
    mentions = [x for x in passage.spans if x["kind"] == "entity" and x["value"] in asked]
    if not mentions:
        return 1.0
    for x in mentions:
        after = next((t for t in passage.tokens if t.start >= x["end"] - passage.start), None)
        readings = analyze(after.norm) if after is not None and after.norm.isalpha() else []
        if not readings or set(readings[0].tags) != {"POSS.3"}:
            return 1.0  # a bare or cased word follows: X itself is the subject
        if term(after) in question.terms or readings[0].lemma in FOUNDATION_NOUNS:
            return 1.0
    return POSSESSED


def object_mirrored(tokens: list[Token], question: Question) -> bool:
    """«жобасын қай ел дайындады?» ~ «… жобасын Қазақстан ұсынған болатын»: the question's
    accusative object stands in the same case among the four words before the sentence's last word
    (Kazakh is verb-final: the object's verb), so the sentence says what was done to it."""
    from derek.kb.search import term
    from derek.query.cases import word_case

    at = max((i for i, t in enumerate(question.tokens) if term(t) == question.verb), default=None)
    before = [t for i, t in enumerate(question.tokens[:at] if at else [])
              if i not in question.words and term(t) != question.focus]  # not «қай министрлік»
    obj = next((t for t in reversed(before) if t.norm.isalpha()), None)
    if obj is None or word_case(obj.norm) != "ACC":
        return False
    words = [t for t in tokens if t.norm.isalpha()]
    return any(term(t) == term(obj) and word_case(t.norm) == "ACC" for t in words[-1 - OBJECT_REACH : -1])



def other_conjunct(p: Passage, positions: list[int], anchors: list[int]) -> bool:
    """«Стамбұлдағы үшінші саммит 2010 жылы, Шанхайдағы төртінші саммит 2014 жылы, Душанбедегі
    бесінші саммит 2019 жылы өтті»: comma-joined parts that repeat a word share one verb, and a value
    in another part than the asked entity («Шанхайда … нешінші саммиті?») belongs to another one."""
    from derek.kb.search import term

    commas = [i for i, t in enumerate(p.tokens) if t.norm == ","]
    if not commas or not anchors:
        return False

    def part(i: int) -> int:
        return sum(c < i for c in commas)

    bounds = [-1, *commas, len(p.tokens)]
    words = [{term(t) for t in p.tokens[a + 1 : b] if t.norm.isalpha()} for a, b in pairwise(bounds)]
    at = {part(i) for i in positions}
    asked = {part(i) for i in anchors}
    if at & asked:
        return False
    inside = {term(p.tokens[i]) for i in positions}
    return any((words[a] & words[b]) - inside for a in asked for b in at)
