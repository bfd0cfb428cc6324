"""Literal values of facts: the noun phrase a trigger names («сыртқы істер министрі болып
тағайындалды»), in the nominative, and the title of the head of an institution («министрлігін
басқарды» → «министр»). Reads the fact extractor's token index and clause arguments."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.extract.rules import Arg, Clause, word_info
from derek.lang.kk.resources import load_list, load_tsv
from derek.lang.kk.suffixes import realizations, strip_suffix

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_PHRASE_LINKS = {"болып", "қызметіне", "қызметін", "қызметінде", "лауазымына", "лауазымын", "етіп", "ретінде"}
_CASES = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})
_ADJECTIVAL = {"бас", "вице"}  # nouns used as adjectives: «бас қолбасшы» (commander-in-chief)
_NOT_IN_PHRASE = {"жаңа", "қайта"}
# A title whose «туралы» the phrase walk passed keeps its complement back to the subject, but
# not a place, source or companion before it («Астанада … туралы заңға қол қойды»).
_OUTSIDE_TOPIC = frozenset({"LOC", "ABL", "INS"})
_RANK_WORDS = {"тұңғыш", "алғашқы"}  # «бірінші / тұңғыш тұрақты өкілі»: a rank qualifies, no part of the office
_LINK_REACH = 8  # «… өкілі болып қазақтың көрнекті дипломаты Арыстанбекова тағайындалды»
_BACK_VOWELS = set("аоұыяё")
# case endings after the 3rd person possessive (-ы/-і/-сы/-сі): «келісім-і-не», «шарт-ы-н»
_POSS_CASE_ENDINGS = {case: realizations(case, after="NP3", prev="V")
                      for case in ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")}
_VOWELS = set("аәеиоөұүыіэюяё")


def phrase_value(index: TokenIndex, clause: Clause, i: int, args: list[Arg], kind: str) -> str | None:
    """The value a rule's ``kind`` asks for: «phrase», «phrase:ABL» or «head:ACC»."""
    what, _, case = kind.partition(":")
    if what == "head":
        return _head_title(index, clause, i, args, case)
    return _phrase(index, clause, i, args, case)


@cache
def office_heads() -> dict[str, str]:
    """Institution noun → the title of its head (extract/data/office_heads.tsv)."""
    return {r["institution"]: r["head"] for r in load_tsv("office_heads.tsv", "derek.extract")}


def _head_title(index: TokenIndex, clause: Clause, i: int, args: list[Arg], case: str) -> str | None:
    """«Сыртқы істер министрлігін басқарды» → «сыртқы істер министрі»: the institution phrase
    with its head noun replaced by the head's title (possessive after a noun modifier)."""
    phrase = _phrase(index, clause, i, args, case)
    if phrase is None:
        return None
    *modifiers, head = phrase.split()
    title = office_heads().get(word_info(head)[0])
    if title is None:
        return None
    if modifiers and word_info(modifiers[-1])[2] in ("NOUN", "PROPN"):
        title = possessive(title)
    return " ".join(modifiers + [title])


def possessive(noun: str) -> str:
    """The 3rd person possessive: -ы/-і after a consonant, -сы/-сі after a vowel (vowel harmony)."""
    last_vowel = next((c for c in reversed(noun) if c in _VOWELS), "а")
    back = last_vowel in _BACK_VOWELS
    if noun[-1] in _VOWELS:
        return noun + ("сы" if back else "сі")
    return noun + ("ы" if back else "і")


def _phrase(index: TokenIndex, clause: Clause, i: int, args: list[Arg], head_case: str = "") -> str | None:
    """The noun phrase right before the trigger (or the last one in ``head_case``: «ядролық
    қарудан бас тартты»), in the nominative: «Сыртқы істер министрі болып тағайындалды» →
    «сыртқы істер министрі» (a compound keeps its possessive), «Президенті болып сайланды» →
    «президент»; dates and names are not part of it."""
    norms, words, ranked = index.norms, [], False
    taken = {k for a in args for k in range(a.first, a.last)} | index.date_tokens
    k = phrase_head(index, clause, i, head_case)
    while k >= clause.first and len(words) < 4:
        word = norms[k]
        lemma, tags, pos = word_info(word)
        izafet = len(words) == 1 and tags == {"GEN"} or (pos == "NUM" and _is_gen(words))
        if words and ("ORD" in tags or word.lower() in _RANK_WORDS):
            k, ranked = k - 1, True
            continue
        if words and lemma == "жан" and {"LOC", "ATTR"} <= tags:
            words = _beside(index, clause, k, taken) + words  # «ҚР БҰҰ жанындағы тұрақты өкілі»
            break
        if ranked and "GEN" in tags:
            break  # «республиканың тұңғыш Президенті»: the possessor of a ranked office is no part of it
        if words and not tags and k > clause.first and "DAT" in word_info(norms[k - 1])[1] \
                and not _titled_adjective(pos, words):
            break  # «Конституцияға сәйкес Президент»: a word governed by a dative is a postposition
        if k in taken or not word[:1].isalpha() or (pos in ("VERB", "AUX", "NUM", "PRON", "DET", "ADV") and not izafet) \
                or (pos == "ADP" and lemma != "туралы") \
                or (words and tags & _CASES and not izafet) or lemma in _NOT_IN_PHRASE:
            break
        words.insert(0, word)
        k -= 1
    if words and words[0].lower() == "туралы":
        words = _topic(index, clause, k, args) + words
    elif any(w.lower() == "туралы" for w in words[1:-1]):
        words = _topic(index, clause, k, args, _OUTSIDE_TOPIC) + words  # «… жүктемесін азайту туралы Жарлыққа»
    if not words or word_info(words[-1])[2] not in ("NOUN", "PROPN"):
        return None
    head = word_info(words[-1])
    modifier = word_info(words[-2]) if len(words) > 1 else None
    if head_case == "DAT" and (stem := guessed_dative(words[-1])):
        words[-1] = stem
    elif modifier is None or "POSS.3" not in head[1] or modifier[2] not in ("NOUN", "PROPN") \
            or modifier[0] in _ADJECTIVAL or "DER.LYQ" in modifier[1]:
        words[-1] = head[0]  # «бас қолбасшысы» → «бас қолбасшы»; «істер министрі» stays
    else:  # «орыс-қалмақ келісіміне» → «орыс-қалмақ келісімі»: the compound keeps its possessive
        words[-1] = _without_case(words[-1], head[1])
    return " ".join(w.lower() for w in words)


def _titled_adjective(pos: str, words: list[str]) -> bool:
    """«журналына жауапты хатшы болып»: an adjective right before a bare title is part of the
    post, whatever dative stands before it."""
    return pos == "ADJ" and len(words) == 1 and word_info(words[0])[0] in titles()


def guessed_dative(word: str) -> str | None:
    """The stem of a word the analyser leaves unread that ends in a dative the stem's last vowel
    allows («директиваға» → «директива»), else None."""
    if word_info(word)[1] or word_info(word)[2] != "NOUN" or not word.isalpha():
        return None
    stem = strip_suffix(word, "DAT", after="N")
    if stem is None or len(stem) < 4 or not any(c in _VOWELS for c in stem.lower()):
        return None
    return stem


def _without_case(word: str, tags: frozenset[str]) -> str:
    """A possessed noun with its case ending dropped: «келісіміне» → «келісімі»."""
    for case, endings in _POSS_CASE_ENDINGS.items():
        if case in tags:
            ending = next((e for e in endings if word.lower().endswith(e)), None)
            return word[: -len(ending)] if ending and len(word) > len(ending) + 2 else word
    return word


def _topic(index: TokenIndex, clause: Clause, k: int, args: list[Arg],
           stop_cases: frozenset[str] = frozenset()) -> list[str]:
    """The complement of «туралы» in a document's title («Семей полигонын жабу туралы
    жарлық»): back to the subject, a date, punctuation or a word in one of ``stop_cases``."""
    subjects = {j: a for a in args if a.case == "NOM" for j in range(a.first, a.last)}
    words: list[str] = []
    while k >= clause.first and k not in index.date_tokens and index.norms[k][:1].isalpha() \
            and not word_info(index.norms[k])[1] & stop_cases:
        if k in subjects:
            if not stop_cases or not words or "GEN" not in word_info(words[0])[1]:
                break
            name = subjects[k]  # «Қазақстан азаматтарының …»: a bare name owning a genitive is its possessor
            return index.norms[name.first:k + 1] + words
        words.insert(0, index.norms[k])
        k -= 1
    return words


def phrase_head(index: TokenIndex, clause: Clause, i: int, head_case: str) -> int:
    """Where the phrase ends: the last word in ``head_case``, or the word before the trigger
    past a linking word («болып», «ретінде»)."""
    if head_case == "DAT" and i > clause.first and guessed_dative(index.norms[i - 1]):
        return i - 1  # «директиваға қол қойды»: a noun the analyser does not know
    if head_case:
        return next((k for k in range(i - 1, clause.first - 1, -1)
                     if head_case in word_info(index.norms[k])[1]), clause.first - 1)
    k = next((j for j in range(i - 1, max(clause.first, i - _LINK_REACH) - 1, -1)
              if index.norms[j].lower() == "болып"), i - 1)
    while k >= clause.first and index.norms[k].lower() in _PHRASE_LINKS:
        k -= 1
    return k


def _beside(index: TokenIndex, clause: Clause, k: int, taken: set[int]) -> list[str]:
    """«жанындағы» (attached to) with the names before it: the institution an envoy or a body
    is attached to is part of its title («БҰҰ жанындағы тұрақты өкілі»)."""
    words = [index.norms[k]]
    k -= 1
    while k >= clause.first and k in taken and k not in index.date_tokens and len(words) < 4:
        words.insert(0, index.norms[k])
        k -= 1
    return words


def _is_gen(words: list[str]) -> bool:
    return len(words) == 2 and word_info(words[0])[1] == {"GEN"}


@cache
def titles() -> frozenset[str]:
    """Position titles (extract/data/titles.txt)."""
    return frozenset(load_list("titles.txt", "derek.extract"))

