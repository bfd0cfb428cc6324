"""«A-лардың қайсылары B?»: which of a set named by one sentence did what another states —
«Қазақстанға кепілдік берген ядролық державалардың қайсылары Лиссабон хаттамасына да қол қойды?»
is the guarantors' list kept to the states that also signed at Lisbon."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from derek.query.question import Question

WHICH = frozenset({"қайсылары", "қайсысы"})
ALSO = frozenset({"да", "де", "та", "те"})  # «… хаттамасына да қол қойды»: also
MIN_FILTER = 2  # words after «қайсылары» that say what the kept items did


def split_question(question: Question) -> tuple[str, str] | None:
    """The set and the filter as two questions: «Қазақстанға кепілдік берген ядролық державалар
    қандай?» and «Қандай державалар Лиссабон хаттамасына қол қойды?», when «қайсылары» follows a
    plural genitive noun (the set) and ``MIN_FILTER`` words follow it; None otherwise."""
    from derek.lang.kk.morphology import analyze

    words = [t.norm for t in question.tokens if any(c.isalnum() for c in t.norm)]
    at = next((i for i, w in enumerate(words) if w.lower() in WHICH), None)
    if at is None or at == 0:
        return None
    readings = analyze(words[at - 1].lower())
    if not readings or not {"PL", "GEN"} <= set(readings[0].tags):
        return None  # the set is a plural genitive noun: «державалардың»
    rest = [w for w in words[at + 1 :] if w.lower() not in ALSO]
    if len(rest) < MIN_FILTER:
        return None
    noun = words[at - 1][:-3]  # «державалардың» → «державалар»: the genitive is always three letters
    return " ".join([*words[: at - 1], noun, "қандай?"]), " ".join(["Қандай", noun.lower(), *rest]) + "?"


def intersect(question: Question, ask_one: Callable[[str], Any]) -> Any | None:
    """The set's list answer kept to the items the filter's list answer holds too; None when
    either is no list or nothing is left out or kept. The answer quotes both steps' sources
    and carries both ``steps``, its confidence the lower of the two."""
    from derek.query.candidates import short_names
    from derek.query.render import join_list
    from derek.query.two_step import step_record

    texts = split_question(question)
    if texts is None:
        return None
    whole = ask_one(texts[0])
    if whole.answer is None or not isinstance(whole.value, list):
        return None
    other = ask_one(texts[1])
    if other.answer is None or not isinstance(other.value, list):
        return None
    kept = [v for v in whole.value if v in other.value]
    if not kept or len(kept) == len(whole.value):
        return None
    names = [short_names().get(v) or _name(v) for v in kept]
    whole.steps = [step_record(texts[0], whole), step_record(texts[1], other)]
    whole.question, whole.answer, whole.value = question.text, join_list(names), kept
    whole.confidence = min(whole.confidence, other.confidence)
    seen = {(s["doc"], s["start"]) for s in whole.sources}
    whole.sources = whole.sources + [s for s in other.sources if (s["doc"], s["start"]) not in seen]
    whole.spans = [s for s in whole.spans + other.spans if _names_one(s["text"], names)]
    return whole


def _name(entity: str) -> str:
    from derek.extract.gazetteer import load_gazetteer

    entry = load_gazetteer().entries.get(entity)
    return entry.name if entry is not None else entity


def _names_one(text: str, names: list[str]) -> bool:
    """Does a span's text write one of the kept names («АҚШ-пен» for АҚШ)?"""
    return any(text.startswith(n) for n in names)
