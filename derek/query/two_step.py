"""Two-step questions: an entity or a year named only by what happened there or then («Үндістан мен
Пәкістан ШЫҰ-ға қабылданған қалада …», «… идеясын ұсынған жылы …») is found first by its own
question, then put in the outer question's place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from derek.lang.kk.morphology import analyze
from derek.lang.kk.suffixes import harmony, letter_class, realize
from derek.query.question import Question, analyze_question, answer_nouns

# the answer types a description's head noun may have: a named entity that can replace it
ENTITY_TYPES = frozenset({"place", "state", "organization", "person"})
CASES = {"GEN": "НЫң", "DAT": "ГА", "ACC": "{ДЫ|нЫ}", "LOC": "ДА", "ABL": "ТАн", "INS": "Мен"}
CLAUSE_BREAKS = frozenset({",", ":", ";", "—", "-"})
# a participle before «жылы» names a year by its event («Назарбаев … идеясын ұсынған жылы
# Будапештте …»): the inner question asks «қай жылы», the outer one gets «1994 жылы» (session 12)
YEAR_HEAD = "жылы"
# «Моңғолия ЕҚЫҰ-ға қосылған кезде … кім еді?»: «when it happened» is asked as its year too; the
# outer question gets «2012 жылы» (session 15, blind 7 dev)
WHEN_HEADS = frozenset({YEAR_HEAD, "кезде", "кезінде", "уақытта", "уақытында"})


@dataclass(slots=True)
class Description:
    """A participle clause and the noun it describes: «[Үндістан … ШЫҰ-ға] қабылданған қалада»."""

    start: int  # character offset where the clause starts
    participle: int  # token index of the participle
    head: int  # token index of the described noun
    lemma: str  # the head noun's lemma («қала»)
    kind: str  # its answer type (answer_nouns.tsv)
    case: str  # the head's case in the question: NOM GEN DAT ACC LOC ABL INS


def find_description(question: Question) -> Description | None:
    """The first participle (-ған/-ген …) right before a noun of an entity kind, with the two or
    more words before it back to the question's start or a comma; none when the clause holds a
    question word, the head is what the question asks («… туған қала қай?») or nothing after it
    asks anything."""
    tokens = question.tokens
    for i in range(1, len(tokens) - 1):
        if not _participle(tokens[i].norm):
            continue
        head = _head(tokens[i + 1].norm)
        if head is None or i + 1 in question.words or _asks_head(tokens, question.words, i + 1):
            continue
        first = max((j + 1 for j in range(i) if tokens[j].norm in CLAUSE_BREAKS), default=0)
        if i - first < 2 or any(j in question.words for j in range(first, i + 1)):
            continue  # one word before an adjective-like participle is its owner («БҰҰ-ның … мекемелері»)
        if not any(j in question.words for j in range(i + 2, len(tokens))):
            continue
        lemma, kind, case = head
        return Description(tokens[first].start, i, i + 1, lemma, kind, case)
    return None


def _participle(word: str) -> bool:
    readings = analyze(word.lower())
    return bool(readings) and readings[0].pos in ("VERB", "AUX") and "PTCP.PAST" in readings[0].tags


def _asks_head(tokens: list, words: set[int], head: int) -> bool:
    """«… туған қала қай?»: a question word right after the head with no noun of its own."""
    after = head + 2
    return head + 1 in words and (after >= len(tokens) or not any(c.isalnum() for c in tokens[after].norm))


def _head(word: str) -> tuple[str, str, str] | None:
    """(lemma, answer type, case) of a singular noun of an entity kind (or «жылы»), else None."""
    if word.lower() in WHEN_HEADS:
        return "жыл", "year", "NOM"
    if not word[:1].islower():
        return None  # a name is named already
    for reading in analyze(word):
        kind = answer_nouns().get(reading.lemma)
        if reading.pos == "NOUN" and kind in ENTITY_TYPES and "PL" not in reading.tags:
            # a plural head («… қол қойған мемлекеттердің») names several entities: one name cannot stand for it
            case = next((t for t in reading.tags if t in CASES), "NOM")
            return reading.lemma, kind, case
    return None


def inflect(name: str, case: str) -> str:
    """A name in a case: «Астана» + LOC → «Астанада», «ЕҚЫҰ» + DAT → «ЕҚЫҰ-ға»."""
    if case not in CASES:
        return name
    last = name[-1]
    if name.isupper() and len(name) > 1:  # an acronym takes a hyphen and is read as a vowel end
        return f"{name}-{realize(CASES[case], 'V', harmony(name.lower()) or 'b')}"
    return name + realize(CASES[case], letter_class(last.lower()), harmony(name.lower()) or "b")


def inner_question(question: Question, found: Description) -> str:
    """«Үндістан мен Пәкістан ШЫҰ-ға қай қалада қабылданған?»: the clause asks for its head (a
    place where it happened, any other kind as the subject)."""
    tokens, text = question.tokens, question.text
    verb = found.participle
    if verb - 1 > 0 and _converb(tokens[verb - 1].norm):
        verb -= 1  # «Сенат төрағасы бола бастаған жылы»: a converb and its auxiliary are one verb («қай жылы бола бастаған»)
    if verb - 1 > 0 and _bare_noun(tokens[verb - 1].norm):
        verb -= 1  # «… қол қойған мемлекет»: the verb's bare noun stays with it («қай мемлекет қол қойған»)
    clause = text[found.start:tokens[verb].start].strip()
    head = inflect(found.lemma, "LOC") if found.kind == "place" else YEAR_HEAD if found.kind == "year" \
        else found.lemma
    return f"{clause} қай {head} {text[tokens[verb].start:tokens[found.participle].end]}?"


def _converb(word: str) -> bool:
    """A lowercase verb in -а/-е/-й or -ып/-іп/-п (CONV.A, CONV.P) as its first reading: the lexical
    verb before an auxiliary («бола бастаған», «келіп жатқан»)."""
    readings = analyze(word.lower())
    return word[:1].islower() and bool(readings) and any(t.startswith("CONV.") for t in readings[0].tags)


def _bare_noun(word: str) -> bool:
    """A lowercase noun with no ending: the object a compound verb takes (қол қой-, бас тарт-)."""
    readings = analyze(word.lower())
    return word[:1].islower() and bool(readings) and readings[0].pos == "NOUN" and not readings[0].tags


def outer_question(question: Question, found: Description, name: str) -> str:
    """The question with the clause and its head replaced by the name in the head's case."""
    text = question.text
    named = f"{name} {YEAR_HEAD}" if found.kind == "year" else inflect(name, found.case)
    return text[:found.start] + named + text[question.tokens[found.head].end:]


def answer_two_step(text: str | Question, ask_one: Callable[[str], Any]) -> Any | None:
    """Answer the embedded description, then the outer question with its answer in place; the
    outer answer carries both sources and its ``steps``, its confidence the lower of the two.
    None when the question holds no description or either step finds no answer."""
    question = text if isinstance(text, Question) else analyze_question(text)
    found = find_description(question)
    if found is None:
        return None
    inner_text = inner_question(question, found)
    inner = ask_one(inner_text)
    name = _named(inner, found.kind)
    if name is None:
        return None
    outer_text = outer_question(question, found, name)
    outer = ask_one(outer_text)
    if outer.answer is None:
        return None
    steps = [step_record(inner_text, inner), step_record(outer_text, outer)]
    outer.question, outer.steps = question.text, steps
    outer.confidence = min(outer.confidence, inner.confidence)
    seen = {(s["doc"], s["start"]) for s in outer.sources}
    outer.sources += [s for s in inner.sources if (s["doc"], s["start"]) not in seen]
    return outer


def _named(inner: Any, kind: str) -> str | None:
    """What stands for the description: an entity's name (place:…, state:…, org:…) or a year's
    digits; None when the inner answer is neither."""
    value = inner.value
    if kind == "year" and isinstance(value, list) and value and isinstance(value[0], str):
        value = value[0]  # «2007–2011 және 2013–2019 жылдары»: the year it first happened («бола бастаған жылы»)
    if inner.answer is None or not isinstance(value, str):
        return None
    if kind == "year":
        return value[:4] if value[:4].isdigit() and value[4:5] in ("", "-", "/") else None
    return inner.answer if ":" in value else None


def step_record(text: str, answer: Any) -> dict[str, Any]:
    """One step of a multi-step answer as `ask --json` shows it: its question, answer, value, sources."""
    return {"question": text, "answer": answer.answer, "value": answer.value,
            "sources": [{"doc": s["doc"], "start": s["start"], "end": s["end"]} for s in answer.sources]}
