"""«ЕҚЫҰ бұрын қалай аталды?» asks for the entity renamed to the asked one (a renamed_to fact whose
new name is it); a sentence giving the present name («бүгінде … деп аталады») gives no former one.
«Кеңестің кейінгі атауы» asks the other way: the name the renaming gave (session 21)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from derek.kb.search import term
from derek.query.facts import route_confidence
from derek.query.question import Question

if TYPE_CHECKING:
    import sqlite3

    from derek.query.ask import Answer
    from derek.query.passages import Passage

PRESENT_NAME = 0.5  # a sentence naming the asked entity «today» against a former-name question


@cache
def _words() -> dict[str, frozenset[str]]:
    from derek.lang.kk.resources import load_tsv

    roles: dict[str, set[str]] = {}
    for row in load_tsv("former_name_words.tsv", "derek.query"):
        roles.setdefault(row["role"], set()).add(row["lemma"])
    return {role: frozenset(words) for role, words in roles.items()}


def asks_former_name(question: Question) -> bool:
    """A description question about a named entity with a word of «earlier» and one of naming."""
    terms = set(question.terms) | {term(t) for t in question.tokens}  # «аталған» is no term of its own
    words = _words()
    return question.answer_type == "description" and bool(question.entities) and not question.dates \
        and bool(terms & words["earlier"]) and bool(terms & words["name"])


def asks_later_name(question: Question) -> bool:
    """A description question about a named entity with a word of «later» and one of naming."""
    terms = set(question.terms) | {term(t) for t in question.tokens}
    words = _words()
    return question.answer_type == "description" and bool(question.entities) and not question.dates \
        and bool(terms & words["later"]) and bool(terms & words["name"]) and not terms & words["earlier"]


def present_name_factor(passage: Passage, question: Question) -> float:
    """×0.5 for a sentence with a word of «now» («бүгінде», «қазір») against a former-name question:
    «… бүгінде ЕҚЫҰ-ның Астанадағы бағдарламалар кеңсесі деп аталады» is what it is called today;
    and for a sentence that names nothing against a later-name question."""
    if asks_later_name(question):  # «кейінгі атауы» is stated by a naming («… деп аталады»)
        return 1.0 if any(term(t) in _words()["name"] for t in passage.tokens) else PRESENT_NAME
    if not asks_former_name(question):
        return 1.0
    now = _words()["now"]
    return PRESENT_NAME if any(term(t) in now for t in passage.tokens) else 1.0


def former_name(db: sqlite3.Connection, question: Question) -> Answer | None:
    """The entity the knowledge base says was renamed to the asked one, quoting the renaming and
    the sentence before it that names the former entity («ШЫҰ-ның алғашқы атауы қандай?» →
    «Шанхай бестігі»); None when the question asks no former name or no renaming is known."""
    from derek.query.ask import Answer
    from derek.query.facts import earlier_names

    if asks_later_name(question):
        return later_name(db, question)
    if not asks_former_name(question):
        return None
    earlier = earlier_names(db, list(dict.fromkeys(e.entity for e in question.entities)))
    if not earlier:
        return None
    old, (_, fact) = next(iter(earlier.items()))
    sources = [*_naming_sentences(db, old, fact["sources"]), *fact["sources"]]
    return Answer(question.text, fact["subject"]["name"], old, question.answer_type, route_confidence(fact),
                  sources, [], "facts")


def later_name(db: sqlite3.Connection, question: Question) -> Answer | None:
    """The name the knowledge base says the asked entity was renamed to, quoting the renaming
    («Еуропадағы … кеңесінің кейінгі атауы» → «Еуропадағы … ұйымы»); None when none is known."""
    from derek.query.ask import Answer
    from derek.query.facts import later_names

    later = later_names(db, list(dict.fromkeys(e.entity for e in question.entities)))
    if not later:
        return None
    asked, (_, fact) = next(iter(later.items()))
    # the renaming quoted first (it states the new name), then the sentence before it that names
    # the asked entity: the renaming says «кеңес», so alone it matches the question's name poorly
    sources = [*fact["sources"], *_naming_sentences(db, asked, fact["sources"])]
    return Answer(question.text, fact["value"], fact["value"], question.answer_type, route_confidence(fact),
                  sources, [], "facts")


def _naming_sentences(db: sqlite3.Connection, entity: str, renaming: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The last sentence before each renaming sentence, in its document, that names ``entity``."""
    found = []
    for source in renaming:
        row = db.execute(
            "SELECT s.start, s.end, s.text FROM spans x JOIN sentences s ON s.doc_id = x.doc_id"
            " AND s.start <= x.start AND x.start < s.end WHERE x.doc_id = ? AND x.kind = 'entity'"
            " AND x.value = ? AND s.start < ? ORDER BY s.start DESC LIMIT 1",
            (source["doc_id"], entity, source["start"])).fetchone()
        if row is not None:
            found.append({"doc": source["doc"], "doc_id": source["doc_id"], "start": row[0], "end": row[1],
                          "text": row[2], "time": None, "place": None, "value": None})
    return found


def read_off_renaming(facts: Answer, passage: Answer, question: Question) -> bool:
    """Did the passages answer a former-name question from a sentence the facts' answer quotes
    («2001 жылдан бастап … Шанхай бестігі … деп аталады» → the new name)? The renaming read as a
    fact gives the former name: the facts' answer wins."""
    quoted = {(s["doc"], s["start"]) for s in facts.sources}
    return facts.method == "facts" and asks_former_name(question) \
        and any((s["doc"], s["start"]) in quoted for s in passage.sources)
