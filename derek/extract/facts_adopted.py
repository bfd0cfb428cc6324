"""Documents adopted that documents.py leaves: a state's own document in the passive («Қазақстан
Республикасының Конституциясы қабылданды») and an indefinite object in the active («Жоғарғы
Кеңес … туралы заң қабылдады»). Returns adopted facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.doc_names import DOCUMENT_KINDS, Name, name_before, nominative, noun_form
from derek.extract.rules import Arg, Clause, Rule, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_OWNERS = frozenset({"state", "organization", "body"})
_AFTER = 8  # a participle's document head stands within this many words after it
_ABOUT = {"туралы", "жөніндегі"}  # «… туралы заң»: a genitive before it is the law's topic
SITTINGS = frozenset({"отырыс", "сессия", "жиналыс", "пленум"})  # a body's sitting as a setting


def owned_document(doc: Document, sentence: Sentence, clause: Clause, rule: Rule, span: tuple[int, int],
                   index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """The adopted fact of a document named right before the verb: passive with the state (or
    body) that owns it as its genitive («Қазақ КСР-інің Конституциясы қабылданды»: the owner
    adopts; the value keeps the owner, since «Конституция» alone names nothing), or active
    with a bare (indefinite) object after the body («Кеңесі … туралы заң қабылдады»)."""
    active = bool(rule.object_types)
    qualified = [] if active or "PTCP.PAST" not in word_info(index.norms[span[1] - 1])[1] else \
        _qualified_document(doc, sentence, clause, rule, span, index, date)
    if qualified:
        return qualified
    head = _document_head(index, clause, span[0], active)
    if head is None:
        return []
    name = name_before(doc, index, clause, head, min_words=1)
    if name is None:
        return []
    if active:
        actors = [a for a in clause.args if a.case == "NOM" and a.type in rule.subject_types and a.last <= name.first]
        adopter, text = (actors[-1] if actors else None), name.text
    else:
        adopter, text = name.owner, _owned_text(doc, index, name)
    seat = None if active or adopter is not None else _seat(clause, name, index.norms)
    if seat is not None:
        adopter = seat
    elif adopter is None or adopter.type not in _OWNERS or (not active and name.head - name.first > 0
                                                            and adopter.type != "state"):
        return []  # a body's multi-word document in the passive is documents.py's case
    when = _date_before(index, clause, span[0], name) or date
    return [Fact(adopter.entity, "adopted", None, text, when.value if when else None, None,
                 sentence.start, sentence.end, round(rule.confidence - 0.15, 2))]


def _seat(clause: Clause, name: Name, norms: list[str]) -> Arg | None:
    """«Сенатта «…» заң қабылданды»: a body named in the locative before an unowned document
    adopted in the passive is where, and so who, adopted it; only a body that votes, not a
    state or an organization («Қазақстанда … заң қабылданды» names no adopter). So is a body
    whose sitting is the setting: «Мәжілісінің (пленарлық) отырысында / отырысы кезінде»."""
    seats = [a for a in clause.args if a.type == "body" and a.last <= name.first
             and (a.case == "LOC" or (a.case == "GEN" and _sitting(norms, a.last, name.first)))]
    return seats[-1] if seats else None


def _sitting(norms: list[str], k: int, end: int) -> bool:
    """The body's own meeting noun («отырысы») within two words after it, in the locative or before
    «кезінде / барысында» (the time of the sitting), before ``end``."""
    for i in range(k, min(k + 2, end)):
        lemma, tags, _ = word_info(norms[i].lower())
        if lemma in SITTINGS and "POSS.3" in tags:
            return "LOC" in tags or (i + 1 < end and norms[i + 1].lower() in ("кезінде", "барысында"))
    return False


def _qualified_document(doc: Document, sentence: Sentence, clause: Clause, rule: Rule, span: tuple[int, int],
                        index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """«1995 жылы 30 тамызда қабылданған Қазақстан Республикасының Конституциясы …»: a passive
    participle qualifies the document after it; the state or body owning it adopted it."""
    head = next((k for k in range(span[1], min(clause.last, span[1] + _AFTER))
                 if (form := noun_form(index.norms[k])) is not None and form.kind in DOCUMENT_KINDS), None)
    if head is None or any(not index.norms[k][:1].isalpha() for k in range(span[1], head)):
        return []
    name = name_before(doc, index, Clause(span[1], clause.last, clause.args), head, min_words=1)
    if name is None or name.owner is None or name.owner.type not in _OWNERS:
        return []
    dates = [d for _, d in index.dates_in(clause.first, span[0]) if d.type == "DATE"]
    when = dates[-1] if dates else date
    return [Fact(name.owner.entity, "adopted", None, _owned_text(doc, index, name), when.value if when else None,
                 None, sentence.start, sentence.end, round(rule.confidence - 0.2, 2))]


def _document_head(index: TokenIndex, clause: Clause, i: int, active: bool) -> int | None:
    """The document noun right before the verb at ``i``: nominative in the passive; in the
    active a bare nominative (no possessive: «заң», not «Конституциясы», the subject)."""
    k = i - 1
    if k < clause.first:
        return None
    form = noun_form(index.norms[k])
    if form is None or form.kind not in DOCUMENT_KINDS or form.case != "NOM":
        return None
    if active and form.possessive:
        return None
    if any(a.first <= k < a.last and a.type == "treaty" for a in clause.args):
        return None
    return k


def _owned_text(doc: Document, index: TokenIndex, name: Name) -> str:
    """The value: the name, with its owner when the name is the head noun alone or the owner
    is the topic of its «туралы» phrase («Қазақстан Республикасының … тәуелсіздігі туралы заң»)."""
    if name.owned or name.owner is None or name.head > name.first and not any(
            index.norms[k].lower() in _ABOUT for k in range(name.first, name.head)):
        return name.text
    start = doc.tokens[name.owner.first].start
    head = doc.tokens[name.head].start
    form = noun_form(index.norms[name.head])
    tail = nominative(index.norms[name.head], form) if form else index.norms[name.head]
    return (doc.text[start:head] + tail).replace("\n", " ")


def _date_before(index: TokenIndex, clause: Clause, i: int, name: Name) -> DateMention | None:
    """The last date before the verb that is no part of the name."""
    dates = [d for a, d in index.dates_in(clause.first, i)
             if d.type == "DATE" and not name.first <= a <= name.head and not _governed(index, a)]
    return dates[-1] if dates else None


def _governed(index: TokenIndex, a: int) -> bool:
    """«2035 жылға дейінгі»: a date inside a name's modifier (a dative before a postposition)."""
    return "DAT" in word_info(index.norms[a + 1] if a + 1 < len(index.norms) else "")[1]
