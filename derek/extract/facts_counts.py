"""Facts carried by figures: membership counts and measured quantities with their subject."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from derek.doc import Document, Fact, Quantity, Sentence
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.facts import _TokenIndex

_COUNT_UNITS = {"state", "country", "member", "state_party"}
_STATE_WORDS = {"мемлекет", "ел", "мүше", "мүше-мемлекет", "республика"}


@cache
def _measures() -> frozenset[str]:
    text = resources.files("derek.extract").joinpath("data", "measures.txt").read_text("utf-8")
    return frozenset(ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def count_facts(doc: Document, sentence: Sentence, index: _TokenIndex) -> list[Fact]:
    lemmas = {word_info(index.norms[i])[0] for i in range(sentence.first_token, sentence.last_token)}
    quantities = index.quantities_in(sentence.first_token, sentence.last_token)
    orgs = [m.entity for a, b, m in index.mentions_in(sentence.first_token, sentence.last_token)
            if m.type in ("organization", "body")]
    facts: list[Fact] = []
    for a, b, q in quantities:
        if "мүше" in lemmas and _counts_states(q, index.norms, b):
            org = orgs[0] if len(orgs) == 1 else _named_before(index, sentence, a)
            if org:
                facts.append(Fact(org, "has_member_count", None, str(int(q.value)), _time(index, sentence),
                                  None, sentence.start, sentence.end, 0.8))
        elif q.kind in ("money", "percent") or (q.unit and q.unit not in _COUNT_UNITS):
            fact = _quantity_fact(doc, sentence, index, a, q)
            if fact:
                facts.append(fact)
    return facts


def _named_before(index: _TokenIndex, sentence: Sentence, a: int) -> str | None:
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


def _counts_states(q: Quantity, norms: list[str], after: int) -> bool:
    if q.kind in ("ordinal", "percent", "money", "multiplier") or q.value != int(q.value):
        return False
    if q.unit in _COUNT_UNITS:
        return True
    return after < len(norms) and word_info(norms[after])[0] in _STATE_WORDS


def _nearest(mentions: list, offset: int):  # noqa: ANN001, ANN202
    return min(mentions, key=lambda m: abs(m.start - offset))


def _time(index: _TokenIndex, sentence: Sentence) -> str | None:
    dates = [d for _, d in index.dates_in(sentence.first_token, sentence.last_token) if d.type == "DATE"]
    return dates[0].value if dates else None


def _share_owner(sentence: Sentence, index: _TokenIndex, a: int) -> list:
    """«… сауданың 90 %-дан астамы Ресейдің үлесіне тиеді»: the figure is the share of the
    genitive name before «үлес» after it."""
    return [m for s, e, m in index.mentions_in(a + 1, sentence.last_token) if e < sentence.last_token and m.case == "GEN"
            and m.type in ("state", "organization") and word_info(index.norms[e])[0] == "үлес"][:1]


def _quantity_fact(doc: Document, sentence: Sentence, index: _TokenIndex, a: int, q: Quantity) -> Fact | None:
    measure = None
    for k in range(a - 1, max(sentence.first_token, a - 6) - 1, -1):
        lemma = word_info(index.norms[k])[0]
        if lemma in _measures():
            prev = index.norms[k - 1] if k - 1 >= sentence.first_token else ""
            measure = (word_info(prev)[0] + " " if prev.isalpha() and prev.islower() else "") + lemma
            break
    subjects = _share_owner(sentence, index, a) or [
        m for s, e, m in index.mentions_in(sentence.first_token, a)
        if m.type in ("state", "organization", "city", "region", "place")]
    if measure is None or not subjects:
        return None
    value = f"{q.value:g} {q.unit}" if q.unit else f"{q.value:g}"
    qualifiers = {"measure": measure, "quantity_text": q.text}
    if len(subjects) > 1:
        qualifiers["with"] = subjects[1].entity
    return Fact(subjects[0].entity, "quantity", None, value, _time(index, sentence), None,
                sentence.start, sentence.end, 0.7, qualifiers)
