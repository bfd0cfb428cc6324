"""Posts whose owner is a coordination or a verbal noun with its object, and the verbs that say
a post was taken up like «болды» (session 19, round 4).

«Білім және ғылым министрі», «Қаржы нарқын реттеу және дамыту агенттігінің төрағасы»: two
modifiers joined by «және» share the noun after them, so the post does not end at the
conjunction; a verbal noun in the owner («реттеу», «дамыту») keeps its accusative object
(«нарқын») and that object's own modifiers. Two titles joined by «және» («Премьер-Министр және
Сенат төрағасы») stay two posts: the conjunct before «және» must be no title. «атанды» (became,
was called) states a post as «болды» does: «X Қазақстанның Президенті атанды»."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.extract.history import ruler_titles
from derek.extract.phrases import titles
from derek.extract.rules import word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

# Lemmas of verbs that state a post held or taken up with the title in the nominative before
# them: бол- (to be, become), атан- (to become known as: «… Президенті атанды»).
COPULAS = frozenset({"бол", "атан"})
_CASES = frozenset({"NOM", "GEN", "DAT", "ACC", "LOC", "ABL", "INS", "ATTR", "POSS.3"})


def bare_modifier(word: str) -> bool:
    """A noun or verbal noun with no case and no possessive: it can modify the noun after it
    («ғылым министрі», «дамыту агенттігінің»)."""
    lemma, tags, pos = word_info(word)
    if tags & _CASES or not word[:1].isalpha():
        return False
    return (pos == "NOUN" or (pos == "VERB" and "VNOUN" in tags)) and lemma not in titles() \
        and lemma not in ruler_titles() and word.lower() not in titles()


def verbal_noun(word: str) -> bool:
    """A bare verbal noun inside a post's owner: «дамыту агенттігінің», «басқару комитетінің»."""
    _, tags, pos = word_info(word)
    return pos == "VERB" and "VNOUN" in tags and not tags & _CASES


def turn_ordinal(word: str) -> bool:
    """An ordinal written in digits before a title counts the holders of the office («2-нші
    Президенті»: the second President), so it is no part of the post; a rank is written in words
    and belongs to it («бірінші хатшысы»: first secretary)."""
    _, tags, pos = word_info(word)
    return pos == "NUM" and "ORD" in tags and word[:1].isdigit()


def joined_modifier(index: TokenIndex, first: int, k: int, stop: set[int]) -> bool:
    """Does the conjunction at ``k`` join two bare modifiers of the post's owner: the word after
    it already in the post and the word before it, both bare («реттеу және дамыту»)?"""
    norms = index.norms
    if word_info(norms[k])[2] != "CCONJ" or k - 1 < first or k - 1 in stop or k + 1 >= len(norms):
        return False
    return bare_modifier(norms[k + 1]) and bare_modifier(norms[k - 1])


def verbal_object(index: TokenIndex, k: int, next_word: str) -> bool:
    """Is the accusative noun at ``k`` the object of the bare verbal noun after it, inside a
    post's owner («нарқын реттеу … агенттігінің»)?"""
    _, tags, pos = word_info(index.norms[k])
    return pos == "NOUN" and "ACC" in tags and verbal_noun(next_word)


def title_word(word: str) -> str | None:
    """A bare title read from the word itself when the analyser takes it for a verb form: «болыс»
    (a volost's head) is also бол- with the reciprocal suffix."""
    lower = word.lower()
    return lower if lower in titles() else None


_SETTING_CASES = frozenset({"LOC", "ABL", "INS"})


def not_a_post(word: str) -> bool:
    """A word before an appointing verb that names where or when, not the post: a noun in the
    locative, ablative or instrumental («Сотта», «Мектепте»), or a time adverb («Кеше», «биыл»;
    extract/data/time_words.txt)."""
    return bool(word_info(word)[1] & _SETTING_CASES) or word.lower() in time_words()


@cache
def time_words() -> frozenset[str]:
    """Time adverbs (extract/data/time_words.txt): «Кеше», «биыл», «Кейін»; moved here from
    facts_offices to keep that module under 500 lines."""
    return frozenset(load_list("time_words.txt", "derek.extract"))
