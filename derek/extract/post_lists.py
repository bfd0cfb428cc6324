"""Posts held in a list before a plural post noun: «облыс әкімі, министр, вице-премьер
лауазымдарын атқарған X» or «X … қызметтерін атқарды». The plural «лауазымдары / қызметтері»
says that every comma item before it is a post, so no title lexicon has to know each item
(«жетекшісі», a bare «министр» and a possessed «әкімі» stand side by side, which the coordinated
titles of post_words.py would not join). One appointed_as per post, no time (the rulebook: posts
held in a list get one row each, even generic ones). Used by facts.py."""

from __future__ import annotations

from derek.doc import Fact, Sentence
from derek.extract.history import finite
from derek.extract.index import TokenIndex
from derek.extract.rules import Clause, word_info

_SERVE = {"атқар"}  # «… лауазымдарын атқарды / атқарған»
_POST_NOUNS = {"лауазым", "қызмет"}
_LINKS = {",", "және", "мен", "пен", "бен"}
_ITEM_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_ITEM_WORDS = 5  # «Президент Әкімшілігі жетекшісінің орынбасары»: a post's own words at most
_CASES = frozenset({"DAT", "ACC", "LOC", "ABL", "INS", "ATTR"})  # GEN stays: it owns the next word
_BETWEEN = 2  # «лауазымдарын абыроймен атқарған»: a manner word between the noun and the verb


def listed_post_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """appointed_as, one per post of the comma list before a plural «лауазымдарын / қызметтерін»
    served («атқарды», or the participle «атқарған» before its holder)."""
    norms = index.norms
    for v in range(clause.first + 1, clause.last):
        lemma, tags, _ = word_info(norms[v])
        if lemma not in _SERVE:
            continue
        noun = next((k for k in range(v - 1, max(clause.first, v - 1 - _BETWEEN) - 1, -1)
                     if word_info(norms[k])[0] in _POST_NOUNS), None)
        if noun is None or "PL" not in word_info(norms[noun])[1]:
            continue
        holder = _holder(clause, v, noun, "PTCP.PAST" in tags, finite(norms[v]))
        people = {k for a in clause.args if a.type == "person" for k in range(a.first, a.last)}
        posts = _items(index, clause, noun, people)
        if holder is None or len(posts) < 2:
            continue
        return [Fact(holder, "appointed_as", None, p, None, None, sentence.start, sentence.end, 0.6) for p in posts]
    return []


def _holder(clause: Clause, v: int, noun: int, participle: bool, is_finite: bool) -> str | None:
    """The person named right after the participle, or the nominative person before the list
    of a finite verb."""
    people = [a for a in clause.args if a.type == "person"]
    if participle:
        return next((a.entity for a in people if a.first == v + 1), None)
    if is_finite:
        return next((a.entity for a in people if a.case == "NOM" and a.last <= noun), None)
    return None


def _items(index: TokenIndex, clause: Clause, noun: int, people: set[int]) -> list[str]:
    """The comma items before the post noun, first to last, each trimmed to its own nominal words
    (no adverb, postposition or determiner: «Бұған дейін бірнеше өңір жетекшісі» → «өңір
    жетекшісі»); a person's name (the holder of «X … қызметтерін атқарды») or a word with a case
    other than the genitive ends the list."""
    norms = index.norms
    items: list[list[str]] = [[]]
    k = noun - 1
    while k >= clause.first:
        word = norms[k]
        if word.lower() in _LINKS:
            if not items[-1]:
                break
            items.append([])
        elif _nominal(index, k) and len(items[-1]) < _ITEM_WORDS and k not in people:
            items[-1].insert(0, word)
        else:
            break
        k -= 1
    return [" ".join(words) for words in reversed(items) if words and "GEN" not in word_info(words[-1])[1]]


def _nominal(index: TokenIndex, k: int) -> bool:
    word = index.norms[k]
    _, tags, pos = word_info(word)
    return word[:1].isalpha() and pos in _ITEM_POS and k not in index.date_tokens and not tags & _CASES

