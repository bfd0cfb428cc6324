"""The shapes of the words a post is read from: a bracketed aside, a quoted name («"Қазақ"
газетінің»), posts coordinated before one copula or verb («ханның уәзірі, биі болып») and the
genitive owner they share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.extract.doc_names import COORDINATORS, QUOTES
from derek.extract.history import ruler_titles
from derek.extract.phrases import titles
from derek.extract.rules import Clause, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_CASES = frozenset({"NOM", "GEN", "DAT", "ACC", "LOC", "ABL", "INS", "ATTR"})
_OWN_WORDS = 2  # «және бас хатшысы», «әрі бірінші орынбасары»: a later post's own modifiers
_MODIFIER_POS = frozenset({"NOUN", "ADJ", "NUM"})
PLACE_ATTR = frozenset({"LOC", "ATTR"})  # «-дағы/-дегі»: the locative made attributive
_NAME_REACH = 5
_ASIDE_REACH = 9


def aside_start(norms: list[str], clause: Clause, k: int) -> int | None:
    """The «(» opening a bracketed aside of words that closes at ``k`` inside the clause."""
    if norms[k] != ")":
        return None
    j = next((j for j in range(k - 1, max(clause.first, k - _ASIDE_REACH) - 1, -1) if norms[j] in "()"), None)
    return j if j is not None and norms[j] == "(" and j < k - 1 else None


def quoted_name(norms: list[str], clause: Clause, k: int) -> int | None:
    """The opening quote of a quoted name of words that closes at ``k`` («"Қазақ"»)."""
    if norms[k] not in QUOTES or k - 1 <= clause.first or not norms[k - 1][:1].isalnum():
        return None
    for j in range(k - 1, max(clause.first, k - _NAME_REACH) - 1, -1):
        if norms[j] in QUOTES:
            return j if j < k - 1 else None
        if not norms[j][:1].isalnum():
            return None
    return None


def _title(word: str) -> bool:
    lemma, tags, _ = word_info(word)
    return (lemma in titles() or lemma in ruler_titles()) and not tags & _CASES


def _possessed(word: str) -> bool:
    return "POSS.3" in word_info(word)[1]


def _modifier(index: TokenIndex, k: int) -> bool:
    """A bare lower-case noun, adjective or ordinal that may open a later post («бас», «бірінші»)."""
    word = index.norms[k]
    _, tags, pos = word_info(word)
    return word[:1].isalpha() and word[:1].islower() and pos in _MODIFIER_POS and not tags & _CASES \
        and not _title(word) and k not in index.date_tokens


def coordinated_heads(index: TokenIndex, clause: Clause, head: int) -> list[tuple[int, int]]:
    """(first own word, title) of each post in the list that ends with the title at ``head``,
    first to last; one pair when no title is coordinated before it. Every member agrees with
    the last in the possessive («уәзірі, биі»; «уәзір, би»)."""
    norms = index.norms
    posts: list[tuple[int, int]] = []
    title = head
    while True:
        own = title
        while own - 1 > clause.first and title - own < _OWN_WORDS and _modifier(index, own - 1):
            own -= 1
        posts.insert(0, (own, title))
        link = own - 1
        if link - 1 < clause.first or not (norms[link] == "," or norms[link].lower() in COORDINATORS):
            return posts
        previous = link - 1
        if not _title(norms[previous]) or _possessed(norms[previous]) != _possessed(norms[head]):
            return posts
        title = previous


def continues_list(index: TokenIndex, clause: Clause, k: int) -> bool:
    """Is the title at ``k`` followed by a comma or coordinator and another title of its list?"""
    norms = index.norms
    if not _title(norms[k]) or k + 2 >= clause.last or not (norms[k + 1] == "," or norms[k + 1].lower() in COORDINATORS):
        return False
    for j in range(k + 2, min(clause.last, k + 3 + _OWN_WORDS)):
        if _title(norms[j]):
            return any(t == k for _, t in coordinated_heads(index, clause, j))
        if not _modifier(index, j):
            return False
    return False


def shared_owner(value: str) -> list[str]:
    """The words of the first post's value through its last genitive: the owner every post of
    the list shares («ханның уәзірі» → «ханның»; «Ақмола уездік комитетінің төрағасы» →
    «Ақмола уездік комитетінің»); none for a bare title."""
    words = value.split()
    last = max((j for j, w in enumerate(words[:-1]) if "GEN" in word_info(w.strip('"'))[1]), default=None)
    return words[:last + 1] if last is not None else []


def list_values(first: str, later: list[str]) -> list[str]:
    """The values of a list's posts: the first as found, each later one with the shared owner
    unless it names its own."""
    owner = shared_owner(first)
    return [first] + [v if shared_owner(v) or not owner else " ".join(owner + [v]) for v in later]
