"""Yes/no over a count of times («… бір-ақ рет төрағалық етті ме?»): a cited sentence that states
another count («бірнеше рет төрағалық етті») answers «Жоқ», not the «Иә» its other words support.
Reads the question's tokens and the answer's cited sentences; writes the answer."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from derek.query.question import Question
from derek.query.yes_no import NO, YES

if TYPE_CHECKING:
    from derek.query.ask import Answer

TIMES = "рет"  # the counted noun «рет» (time, occasion) in the construction «N рет»; bare in it
SEVERAL = "several"
# «бір-ақ рет», «бір ғана рет»: the restrictive particle («-ақ», «ғана», «тек») leaves the count alone
PARTICLES = frozenset({"ғана", "тек"})
_WORD = re.compile(r"[\w-]+")


@cache
def _count_words() -> dict[str, int | str]:
    """Cardinal words (number_words.tsv, units and tens) and indefinite counts (times_words.tsv)."""
    from derek.lang.kk.resources import load_tsv

    words: dict[str, int | str] = {r["word"]: int(r["value"]) for r in load_tsv("number_words.tsv")
                                   if r["kind"] in ("unit", "ten") and r["value"].isdigit()}
    words.update({r["word"]: r["value"] for r in load_tsv("times_words.tsv", package="derek.query")})
    return words


def counts_of_times(words: list[str]) -> list[int | str]:
    """The counts before each «рет» in ``words`` (lower case): an int, or SEVERAL. «бірінші рет»
    (the first time) is an ordinal, no count, and is skipped."""
    found: list[int | str] = []
    for i, word in enumerate(words):
        if word != TIMES:
            continue
        j = i - 1
        while j >= 0 and words[j] in PARTICLES:
            j -= 1
        if j < 0:
            continue
        before = re.sub(r"-?ақ$", "", words[j]) if words[j].endswith("-ақ") else words[j]
        count = int(before) if before.isdigit() else _count_words().get(before)
        if count is not None:
            found.append(count)
    return found


def _differ(asked: int | str, stated: int | str) -> bool:
    """«бір рет» against «бірнеше рет» or «екі рет»; «үш рет» against «екі рет»; «бірнеше» against
    any count above one is no conflict."""
    if asked == stated:
        return False
    if SEVERAL in (asked, stated):
        return 1 in (asked, stated)
    return True


def times_checked(question: Question, answer: Answer) -> Answer:
    """The answer, turned to «Жоқ» when the question asks a count of times that its «Иә» sentence
    states otherwise; the sentence stays cited as the source of the «Жоқ»."""
    if answer.value != "yes" or answer.answer != YES or not answer.sources:
        return answer
    asked = counts_of_times([t.norm.lower() for t in question.tokens])
    if len(asked) != 1:
        return answer
    for source in answer.sources:
        stated = counts_of_times(_WORD.findall(source.get("text", "").lower()))
        if stated and all(_differ(asked[0], s) for s in stated):
            answer.answer, answer.value, answer.sources = NO, "no", [source]
            return answer
    return answer
