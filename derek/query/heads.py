"""A read span completed to its noun phrase's head: «Сыртқы істер» → «Сыртқы істер министрі»,
«… арасында икемді» → «… арасында икемді саясат» for «қандай саясат?». Reads Passage tokens."""

from __future__ import annotations

from derek.query.passages import Passage
from derek.query.question import Question

OWNED = frozenset({"POSS.3"})  # «істер министрі»: the compound's head bears the 3rd-person possessive
CASES = frozenset({"GEN", "DAT", "ACC", "ABL", "LOC", "INS", "POSS.3", "POSS.1SG", "POSS.1PL", "POSS.2"})


def _tags(word: str) -> frozenset[str]:
    from derek.extract.rules import best_tags  # lazily, as the question layer does

    return best_tags(word)


def head_end(p: Passage, last: int, question: Question) -> int:
    """The span's last token, moved onto the head its words modify: the asked noun right after it
    («икемді | саясат» for «қандай саясат жүргізді?»: the kind is told with the noun), or the
    possessed head of a compound whose first noun ends the span («Сыртқы істер | министрі»).
    Only a word right after the span (no punctuation between) is taken, one step."""
    from derek.query.phrases import is_focus

    tokens = p.tokens
    nxt = last + 1
    if nxt < len(tokens) and tokens[nxt].norm.isalpha():
        if is_focus(tokens[nxt], question):
            return nxt
        # a name before its kind («Ақмешіт шыңы», «Астана қаласы») is the name: only a common noun
        # ends a span before its compound's head
        if not (_tags(tokens[last].norm) & CASES) and _tags(tokens[nxt].norm) == OWNED \
                and tokens[last].norm.isalpha() and tokens[last].norm[:1].islower():
            return nxt
    return last
