"""A participle that names its patient in quotes or by a document noun: «1968 жылы БҰҰ
қабылдаған «Экономикалық … пакт»», «Кеңесі 1990 жылы қабылдаған … туралы декларация» →
adopted(actor, value = the title), for documents that are not gazetteer treaties.
Reads Document tokens and the fact extractor's clause arguments; returns facts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.documents import document_after
from derek.extract.rules import Clause, Rule

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_QUOTES = {'"', "«", "»", "“", "”", "„"}
_MAX_WORDS = 16  # a document title longer than this is not one title


def quoted_patient(doc: Document, sentence: Sentence, clause: Clause, rule: Rule, span: tuple[int, int],
                   index: TokenIndex, date: DateMention | None) -> list[Fact] | None:
    """The document right after an active participle (past a date: «БҰҰ қабылдаған 1948 жылғы
    «…»»): a gazetteer treaty is the fact's subject, else the actor adopted the quoted title;
    None when neither follows."""
    actors = [a for a in clause.args if a.last <= span[0] and a.case in rule.subject_cases
              and a.type in rule.subject_types and not a.excluded]
    if not actors or any(k not in index.date_tokens for k in range(actors[-1].last, span[0])):
        return None  # the actor stands right before the participle, a date may part them: «БҰҰ қабылдаған»
    k = _past_date(index, span[1], clause.last)
    named = next((a for a in clause.args if a.first in (k, k + 1) and a.type in rule.object_types), None)
    when = next((d for _, d in index.dates_in(span[1], k) if d.type == "DATE"), None) or \
        next((d for _, d in index.dates_in(actors[-1].last, span[0]) if d.type == "DATE"), date)
    if named is not None:  # a gazetteer document: the fact is about it («… қабылдаған 1948 жылғы «Декларациясы»»)
        return [Fact(named.entity, rule.predicate, None, None, when.value if when else None, None,
                     sentence.start, sentence.end, round(rule.confidence - 0.1, 2))]
    title = _quoted_after(doc, index, k, clause.last) or document_after(doc, index, clause, k)
    if title is None:
        return None
    return [Fact(actors[-1].entity, rule.predicate, None, title, when.value if when else None, None,
                 sentence.start, sentence.end, round(rule.confidence - 0.1, 2))]


def _past_date(index: TokenIndex, k: int, last: int) -> int:
    while k < last and k in index.date_tokens:
        k += 1
    return k


def _quoted_after(doc: Document, index: TokenIndex, k: int, last: int) -> str | None:
    """The text of the quotation opening at token ``k``."""
    if k >= last or index.norms[k] not in _QUOTES:
        return None
    close = next((j for j in range(k + 1, min(last, k + _MAX_WORDS + 2)) if index.norms[j] in _QUOTES), None)
    if close is None or close == k + 1:
        return None
    return doc.text[doc.tokens[k + 1].start:doc.tokens[close - 1].end]
