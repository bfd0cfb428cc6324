"""Documents adopted that documents.py leaves: a state's own document in the passive («Қазақстан
Республикасының Конституциясы қабылданды») and an indefinite object in the active («Жоғарғы
Кеңес … туралы заң қабылдады»). Returns adopted facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.doc_names import (
    DOCUMENT_KINDS,
    Name,
    NounForm,
    name_before,
    nominative,
    noun_form,
)
from derek.extract.documents import MARKED, MEETING_GAP, meeting_attribute, named_day, passive_agent
from derek.extract.rules import Arg, Clause, Rule, word_info
from derek.lang.kk.suffixes import realizations

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_OWNERS = frozenset({"state", "organization", "body"})
# a ruler adopts in the active too («Әбілқайыр хан … туралы ант қабылдады», «хан … ереже
# қабылдады»: the history widening of `adopted` to a person subject); never in the passive, where
# an owner before the document is whose document it is, not who adopted it
_ACTIVE_ADOPTERS = _OWNERS | {"person"}
_AFTER = 8  # a participle's document head stands within this many words after it
# «… туралы заң»: a genitive before it is the law's topic (public: a question's «қосылу туралы
# шартқа» names the treaty's topic, not the asked event; query/question.py)
ABOUT = frozenset({"туралы", "жөніндегі"})
SITTINGS = frozenset({"отырыс", "сессия", "жиналыс", "пленум"})  # a body's sitting as a setting
_SETTING = 6  # words of a setting between a document and its verb
_SEATS = frozenset({"body", "organization"})  # «Парламентінде қабылданды», not «Қазақстанда»
_LOC_ENDINGS = realizations("LOC", after="N")


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
        taken = [a for a in clause.args if a.case == "NOM" and a.type in rule.subject_types
                 and name.first <= a.first and a.last < name.head]
        if taken:  # «Әбілқайыр хан Ресейге қарау туралы ант»: the «туралы» walk took in the subject
            name = name_before(doc, index, Clause(taken[-1].last, clause.last, clause.args), head, min_words=1)
            if name is None:
                return []
        actors = [a for a in clause.args if a.case == "NOM" and a.type in rule.subject_types and a.last <= name.first]
        adopter, text = (actors[-1] if actors else None), name.text
    else:
        adopter, text = name.owner, _owned_text(doc, index, name)
    seat = None if active or adopter is not None else _seat(clause, name, index, span[0])
    if seat is not None:
        adopter = seat
    elif adopter is None or adopter.type not in (_ACTIVE_ADOPTERS if active else _OWNERS) or (not active and name.head - name.first > 0
                                                            and adopter.type != "state"):
        return []  # a body's multi-word document in the passive is documents.py's case
    when = _date_before(index, clause, span[0], name) or date
    return [Fact(adopter.entity, "adopted", None, text, when.value if when else None, None,
                 sentence.start, sentence.end, round(rule.confidence - 0.15, 2))]


def _seat(clause: Clause, name: Name, index: TokenIndex, verb: int) -> Arg | None:
    """«Сенатта «…» заң қабылданды»: a body named in the locative before an unowned document
    adopted in the passive is where, and so who, adopted it; only a body that votes, not a
    state or an organization («Қазақстанда … заң қабылданды» names no adopter). So is a body
    whose sitting is the setting: «Мәжілісінің (пленарлық) отырысында / отырысы кезінде». After
    the document, before the verb, a parliament typed as an organization may be the setting too
    («… тілдер туралы заң 1997 жылы Қазақстан Парламентінде қабылданып»)."""
    seats = [a for a in clause.args if a.type == "body" and a.last <= name.first
             and (a.case == "LOC" or (a.case == "GEN" and _sitting(index, a.last, name.first)))]
    seats += [a for a in clause.args if a.type in _SEATS and name.head < a.first < verb
              and (a.case == "LOC" or (a.case == "GEN" and _sitting(index, a.last, verb)))]
    return seats[-1] if seats else None


def _setting_start(index: TokenIndex, clause: Clause, i: int) -> int:
    """Where the setting right before the verb at ``i`` opens: dates and locatives with their
    modifiers («… Конституциясы бүкілхалықтық референдумда қабылданды», «… 1997 жылы
    Қазақстан Парламентінде қабылданып»); ``i`` when none stands there."""
    start, k = i, i - 1
    while k >= max(clause.first, i - _SETTING):
        arg = next((a for a in clause.args if a.first <= k < a.last), None)
        word = index.norms[k]
        if arg is not None and arg.case == "LOC":
            k = arg.first  # «Қазақстан Парламентінде»
        elif not (k in index.date_tokens or _locative(word)
                  or start < i and _modifier(word) and noun_form(word) is None):
            break
        start, k = k, k - 1
    return start


def _locative(word: str) -> bool:
    """A locative noun, also one the analyser leaves unanalysed («референдумда»)."""
    lemma, tags, pos = word_info(word)
    if "LOC" in tags and "ATTR" not in tags and pos in ("NOUN", "PROPN"):
        return True
    return lemma == word.lower() and not tags and word.lower().endswith(_LOC_ENDINGS) and len(word) > 5


def _modifier(word: str) -> bool:
    """A caseless adjective or noun before a setting («бүкілхалықтық референдумда»)."""
    _, tags, pos = word_info(word)
    return pos in ("ADJ", "NOUN") and not tags & MARKED


def _sitting(index: TokenIndex, k: int, end: int) -> bool:
    """The body's own meeting noun («отырысы», «47-сессиясы») after it, in the locative or before
    «кезінде / барысында» (the time of the sitting), before ``end``; only words that date or
    place the sitting stand between («Мәжілісінің 2019 жылғы 5 наурыздағы отырысында»)."""
    norms = index.norms
    for i in range(k, min(k + MEETING_GAP, end)):
        word = norms[i].lower()
        lemma, tags, _ = word_info(word.rpartition("-")[2] if word[:1].isdigit() else word)
        if lemma in SITTINGS and "POSS.3" in tags:
            return "LOC" in tags or (i + 1 < end and norms[i + 1].lower() in ("кезінде", "барысында"))
        if i > k and not (i in index.date_tokens or meeting_attribute(norms[i])):
            return False  # any one word may follow the body («кезекті», «пленарлық»)
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
    if name is None:
        return []
    owner = name.owner if name.owner is not None and name.owner.type in _OWNERS else \
        _participle_agent(index, clause, span[0], noun_form(index.norms[head])) if name.head > name.first else None
    if owner is None:
        return []
    if owner is not name.owner:
        name = Name(name.first, name.head, name.text, None, name.owned)
    dates = [d for a, d in index.dates_in(clause.first, span[0]) if d.type == "DATE" and not named_day(index, a)]
    when = dates[-1] if dates else date
    return [Fact(owner.entity, "adopted", None, _owned_text(doc, index, name), when.value if when else None,
                 None, sentence.start, sentence.end, round(rule.confidence - 0.2, 2))]


def _participle_agent(index: TokenIndex, clause: Clause, i: int, form: NounForm | None) -> Arg | None:
    """Who adopted what a passive participle at ``i`` qualifies, when the name after it has no
    owner (and more than its head noun: «қабылданған қарармен» names no document): a genitive
    owner of the possessed document before the participle, only dates between («ЕАЭО-ның 2017
    жылы қабылданған Кеден кодексі»), else the agent or the owner of the meeting the words
    before it name («ЕҚЫҰ-ның Астана саммитінде қабылданған декларация»)."""
    before = [a for a in clause.args if a.last <= i]
    k = i - 1
    while k >= clause.first and k in index.date_tokens:
        k -= 1
    owner = next((a for a in before if a.last == k + 1 and a.case == "GEN" and a.type in _OWNERS), None)
    if owner is not None and form is not None and form.possessive:
        return owner
    return passive_agent(index, Clause(clause.first, i, before), before)


def _document_head(index: TokenIndex, clause: Clause, i: int, active: bool) -> int | None:
    """The document noun right before the verb at ``i``: nominative in the passive; in the
    active a bare nominative (no possessive: «заң», not «Конституциясы», the subject)."""
    k = _setting_start(index, clause, i) - 1
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
            index.norms[k].lower() in ABOUT for k in range(name.first, name.head)):
        return name.text
    start = doc.tokens[name.owner.first].start
    head = doc.tokens[name.head].start
    form = noun_form(index.norms[name.head])
    tail = nominative(index.norms[name.head], form) if form else index.norms[name.head]
    return (doc.text[start:head] + tail).replace("\n", " ")


def _date_before(index: TokenIndex, clause: Clause, i: int, name: Name) -> DateMention | None:
    """The last date before the verb that is no part of the name."""
    dates = [d for a, d in index.dates_in(clause.first, i)
             if d.type == "DATE" and not name.first <= a <= name.head and not _governed(index, a)
             and not named_day(index, a)]
    return dates[-1] if dates else None


def _governed(index: TokenIndex, a: int) -> bool:
    """«2035 жылға дейінгі»: a date inside a name's modifier (a dative before a postposition)."""
    return "DAT" in word_info(index.norms[a + 1] if a + 1 < len(index.norms) else "")[1]
