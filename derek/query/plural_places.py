"""«қай жерлерде жеңді?», «қандай қалалар өтті?»: a place asked for by a plural noun is a list.
States, people and organizations in the plural have list types of their own (question._plural);
places keep their type, so the list is taken here. Session 17, round 2 (docs/ask.md).

The places then come from the one sentence that answers best, as for the other lists — they are
joined by «мен», commas, «сондай-ақ» («Түркістан мен Сайрам, сондай-ақ Ташкент») or stand in two
clauses with the same predicate across «, ал» («X бойында жеңді, ал … Y маңында … соққы берді»).
"""

from __future__ import annotations

from derek.query.cases import is_focus
from derek.query.question import Question

PLACE_TYPES = frozenset({"place", "city"})


def plural_place(question: Question) -> bool:
    """The asked noun of a place question carries the plural («жерлерде», «қалалар»)."""
    from derek.extract.rules import best_tags

    if question.answer_type not in PLACE_TYPES or not question.words:
        return False
    after = question.tokens[max(question.words) + 1 : max(question.words) + 3]
    asked = next((t for t in after if is_focus(t, question)), None)
    return asked is not None and "PL" in best_tags(asked.norm)
