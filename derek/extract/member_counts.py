"""Membership counts in a sentence's figures: «ШЫҰ-ға 10 мемлекет мүше» is the organization's
count; a figure set apart («үш мемлекеттен басқа»), a group that acts through its leaders («11
мемлекеттің басшылары … қол қойды») or one named before («аталған тоғыз мемлекет») is none.
Split out of facts_counts.py, which calls these for every figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import EntityMention, Fact, Quantity, Sentence
from derek.extract.arguments import LEADERS
from derek.extract.index import inside_longer_name
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

COUNT_UNITS = {"state", "country", "member", "state_party"}
_STATE_WORDS = {"мемлекет", "ел", "мүше", "мүше-мемлекет", "республика"}
_MEMBERSHIP = {"мүше", "біріктір"}  # member; unite («193 мемлекетті біріктіреді»)
_EXCEPT = {"басқа", "тыс"}  # «үш мемлекеттен басқа» (apart from three states): no figure of its own
_ATTEND = {"қатыс", "кел", "жина"}  # attended, came, gathered
KNOWN_GROUP = {"аталған", "аталмыш", "осы", "бұл", "сол"}  # «аталған тоғыз мемлекетті»: a group named before


def set_apart(index: TokenIndex, b: int, last: int) -> bool:
    """Is what ends before token ``b`` set apart by the word after it («… басқа», «… тыс»)?"""
    return b < last and index.norms[b].lower() in _EXCEPT


def without_excepted(sentence: Sentence, index: TokenIndex, facts: list[Fact]) -> list[Fact]:
    """Drop figures given to a name the sentence only sets apart («Қытайдан тыс жерде», outside
    China; «Ресейден басқа», apart from Russia) or only uses as a word of a longer name
    («Қазақстан темір жолы», «Германия компаниясы»): the figure is another thing's."""
    last = sentence.last_token

    def aside(a: int, b: int, m: EntityMention) -> bool:
        return set_apart(index, b, last) or inside_longer_name(index.norms, a, b, m)

    mentions = index.mentions_in(sentence.first_token, last)
    apart = {m.entity for a, b, m in mentions if aside(a, b, m)}
    named = {m.entity for a, b, m in mentions if not aside(a, b, m)}
    return [f for f in facts if f.subject not in apart - named]


def acting_group(norms: list[str], b: int, last: int) -> bool:
    """«11 мемлекеттің басшылары … қол қойды», «11 мемлекет (Грузияны қоспағанда) басшылары»:
    the states counted are the actors of the sentence (through their leaders), not a statistic,
    unless they attended something."""
    if b < last and word_info(norms[b])[0] in _STATE_WORDS:
        b += 1  # the counted noun follows the figure, else it is part of it («11 мемлекеттің»)
    elif word_info(norms[b - 1])[0] not in _STATE_WORDS:
        return False
    k, depth = b, 0
    while k < last and (depth or norms[k] == "("):  # skip a parenthesis after the counted noun
        depth += {"(": 1, ")": -1}.get(norms[k], 0)
        k += 1
    # «16 мемлекеттің басшылары … қатысып», «40 мемлекеттің өкілдері келді»: how many attended
    # is the meeting's own figure
    return k < last and word_info(norms[k])[0] in LEADERS \
        and not any(word_info(norms[j])[0] in _ATTEND for j in range(k + 1, last))


def known_group(norms: list[str], a: int, b: int) -> bool:
    """«аталған тоғыз мемлекетті … мүше ретінде таныды»: a group named before, or one in the
    accusative (the object of an act), is not the organization's count of members."""
    counted = norms[b] if b < len(norms) else ""
    return (a > 0 and norms[a - 1].lower() in KNOWN_GROUP) or "ACC" in word_info(counted)[1]


def named_before(index: TokenIndex, sentence: Sentence, a: int) -> str | None:
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


def membership(lemmas: set[str]) -> bool:
    """Does the sentence (its lemmas and words) count members: «мүше» (member), «біріктіреді»
    (unites), «қатысушы мемлекет бар» (has participating states)?"""
    return bool(lemmas & _MEMBERSHIP) or {"қатысушы", "бар"} <= lemmas


def counts_states(q: Quantity, norms: list[str], after: int) -> bool:
    if q.kind in ("ordinal", "percent", "money", "multiplier") or q.value != int(q.value):
        return False
    if q.unit in COUNT_UNITS:
        return True
    if after < len(norms) and norms[after].lower() == "қатысушы":  # «57 қатысушы мемлекет»
        after += 1
    return after < len(norms) and word_info(norms[after])[0] in _STATE_WORDS
