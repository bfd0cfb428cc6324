"""Posts held in a capacity or a time clause: «X Қазақстан Президенті ретінде …» (as), «X Президент
болғанда / болған кезде / болып тұрғанда …» (when X was): appointed_as for a named person; and
candidacies approved for a post: «Премьер-министр ретінде / … төрағасы лауазымына X-тың
кандидатурасын мақұлдады» (news reports an appointment by the body's approval)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import Fact, Sentence
from derek.extract.facts_offices import AS, holders, is_post, post_values
from derek.extract.periods import held_time, merged_periods
from derek.extract.phrases import titles
from derek.extract.rules import Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_WHEN = {"кезде", "кезінде", "кезеңде", "тұста", "шақта"}  # «… болған кезде» (at the time when)
_APPROVE = {"мақұлда", "қолда", "бекіт"}  # a body approving (backing, confirming) a candidacy
_POST_NOUNS = {"лауазым", "қызмет"}  # «төрағасы лауазымына»: the post the candidacy is for
_LEAD_IN = 4  # «ретінде сөз алған Name»: at most this many words of a participle phrase


def capacity_facts(sentence: Sentence, clause: Clause, index: TokenIndex, since: int) -> list[Fact]:
    """One appointed_as per post held «ретінде» or «болғанда»; the holder is a nominative person
    before the post (or, for «ретінде», right after it) or «Ол»'s antecedent, never a carried
    subject; a bare lower-case title «ретінде» is a role at an event («төраға ретінде»), no post."""
    candidacies = candidacy_facts(sentence, clause, index)
    if candidacies:
        return candidacies
    for v in range(clause.first + 1, clause.last):
        found = _capacity_post(index, clause, v)
        if found is None:
            continue
        head, as_role = found
        holder = _holder(index, clause, head, v, as_role, since)
        values = post_values(index, clause, head, holders(index, clause.args)) if holder else []
        if holder and as_role and not values:
            values = _qualified_title(index.norms, clause, head)
        if as_role and values and len(values[0].split()) == 1 and not index.norms[head][:1].isupper():
            values = []
        if not values:
            continue
        dates = [d for a, d in merged_periods(index, index.dates_in(clause.first, clause.last)) if d.type == "DATE"]
        time = held_time(dates)
        return [Fact(holder, "appointed_as", None, value, time, None, sentence.start, sentence.end, 0.6)
                for value in values]
    return []


def _capacity_post(index: TokenIndex, clause: Clause, v: int) -> tuple[int, bool] | None:
    """(the title's token, whether it is a «ретінде» capacity) for the shape at ``v``."""
    norms = index.norms
    if norms[v].lower() == "ретінде":
        return v - 1, True
    lemma, tags, _ = word_info(norms[v])
    if "PTCP.PAST" not in tags:
        return None
    when = "LOC" in tags or v + 1 < clause.last and norms[v + 1].lower() in _WHEN
    if lemma == "бол" and when:
        return v - 1, False  # «Президент болғанда», «… хатшысы болған кезде»
    if lemma == "тұр" and when and norms[v - 1].lower() in AS and v - 2 >= clause.first:
        return v - 2, False  # «Премьер-Министр болып тұрғанда» (while serving as)
    return None


def _holder(index: TokenIndex, clause: Clause, head: int, v: int, as_role: bool, since: int) -> str | None:
    """A nominative person before the post, one right after «ретінде», or «Ол»'s antecedent."""
    norms = index.norms
    if head < clause.first or not (is_post(norms[head]) or word_info(norms[head])[0] in titles()):
        return None
    people = [a for a in clause.args if a.type == "person" and a.case == "NOM"]
    before = next((a.entity for a in people if a.last <= head), None)
    if before is not None:
        return before
    if as_role:
        after = next((a.entity for a in people if a.first == v + 1 or _participle_between(norms, v, a.first)), None)
        if after is not None:
            return after
    if any(norms[k].lower() == "ол" for k in range(clause.first, head)):
        found = index.last_before(clause.first, ("person",), since)
        return found[0] if found else None
    return None


def _participle_between(norms: list[str], v: int, first: int) -> bool:
    """Is the name at ``first`` the head of a participle phrase opened right after «ретінде» at
    ``v``: «Құрметті төраға ретінде сөз алған Назарбаев» (who spoke as honorary chairman)?"""
    if not v + 1 < first <= v + 1 + _LEAD_IN:
        return False
    if "PTCP.PAST" not in word_info(norms[first - 1])[1] and "PTCP.PRES" not in word_info(norms[first - 1])[1]:
        return False
    return all(word_info(norms[k])[2] not in ("VERB", "AUX", "PROPN", "PUNCT") and norms[k] not in ",.;:"
               for k in range(v + 1, first - 1))


def candidacy_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """appointed_as for a candidacy approved for a post: «… Премьер-министр ретінде Михаил
    Мишустиннің кандидатурасын мақұлдады», «… төрағасы лауазымына Ерболат Досаевтың
    кандидатурасын мақұлдады» — the genitive person owns «кандидатурасы», the post is named just
    before the person, and an approving verb («мақұлдады», «қолдады», «бекітті») follows, not
    negated. A candidacy only proposed («ұсынды») or discussed names no appointment."""
    norms = index.norms
    facts: list[Fact] = []
    for k in range(clause.first + 2, clause.last - 1):
        lemma, tags, _ = word_info(norms[k])
        if lemma != "кандидатура" or "POSS.3" not in tags:
            continue
        person = next((a for a in clause.args if a.type == "person" and a.case == "GEN" and a.last == k), None)
        if person is None or not _approved(norms, k + 1, clause.last):
            continue
        head = _candidacy_post(norms, clause, person.first)
        if head is None:
            continue
        # the word after the title («ретінде», «лауазымына») is no noun the title modifies
        values = post_values(index, clause, head, holders(index, clause.args) | {head + 1})
        facts += [Fact(person.entity, "appointed_as", None, value, None, None, sentence.start, sentence.end, 0.6)
                  for value in values]
    return facts


def _approved(norms: list[str], first: int, last: int) -> bool:
    """Does an approving verb, not negated, follow the candidacy within the clause?"""
    for j in range(first, last):
        lemma, tags, pos = word_info(norms[j])
        if pos in ("VERB", "AUX"):
            return lemma in _APPROVE and "NEG" not in tags
    return False


def _candidacy_post(norms: list[str], clause: Clause, first: int) -> int | None:
    """The title's token before the candidate: «<title> ретінде» or «<title> лауазымына»."""
    p = first - 1
    if p - 1 < clause.first:
        return None
    lemma, tags, _ = word_info(norms[p])
    if norms[p].lower() != "ретінде" and not (lemma in _POST_NOUNS and "DAT" in tags):
        return None
    head = p - 1
    title = word_info(norms[head])[0]
    return head if is_post(norms[head]) or title in titles() else None


def _qualified_title(norms: list[str], clause: Clause, head: int) -> list[str]:
    """A bare title with its bare adjective before «ретінде»: «Құрметті төраға ретінде» →
    «құрметті төраға» (an honorary post), where the title alone would be a role at an event."""
    lemma, tags, _ = word_info(norms[head])
    if tags or lemma not in titles() or head - 1 < clause.first:
        return []
    _, adj_tags, pos = word_info(norms[head - 1])
    return [f"{norms[head - 1].lower()} {lemma}"] if pos == "ADJ" and not adj_tags else []
