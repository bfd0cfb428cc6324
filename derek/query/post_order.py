"""«… министр болғанға дейін / кейін қандай қызмет атқарды?»: the posts held before (after) the
post the question names; the named post itself answers nothing (round 13c)."""

from __future__ import annotations

import re
from typing import Any

from derek.query.question import Question

# the postposition that orders the asked post against the named one: -1 before, 1 after
ORDER = {"дейін": -1, "шейін": -1, "бұрын": -1, "кейін": 1, "соң": 1}
STEM = 5  # a question word this long or longer names a post when a word of the post starts with it


def _post_words(question: Question) -> list[str]:
    return [t.norm.lower() for t in question.tokens if re.fullmatch(r"\w[\w-]*", t.norm) and len(t.norm) >= STEM]


def _side(question: Question) -> int:
    return next((ORDER[t.norm.lower()] for t in question.tokens if t.norm.lower() in ORDER), 0)


def _names_post(post: str, words: list[str]) -> bool:
    """«министр» in the question names «сыртқы істер министрі»."""
    return any(w.startswith(q) for w in post.lower().split() for q in words)


def _years(fact: dict[str, Any]) -> list[tuple[str, str]]:
    """(first, last) year of each period the fact's sources state."""
    times = {s["time"] for s in fact["sources"] if s["time"]} or ({fact["time"]} if fact["time"] else set())
    return [(t[:4], t.split("/")[-1][:4]) for t in times if t[:4].isdigit()]


def ordered_posts(found: list, question: Question) -> list:
    """Keep the posts held before (after) every period of the post the question names, dropping
    that post; unchanged when the question orders nothing or names no post it holds."""
    side = _side(question)
    words = _post_words(question)
    named = [f for (answer, _), f, _ in found if _names_post(answer, words)]
    if not side or not named:
        return found
    spans = [y for f in named for y in _years(f)]
    kept = []
    for item in found:
        (answer, _), fact, _ = item
        if _names_post(answer, words) or not spans:
            continue
        own = _years(fact)
        if own and all((last <= min(s for s, _ in spans)) if side < 0 else (first >= max(e for _, e in spans))
                       for first, last in own):
            kept.append(item)
    return kept


def other_posts(candidates: list, question: Question) -> list:
    """A title read off a sentence has no period to order: when the question orders posts, the
    post it names is dropped and the others are kept."""
    if not _side(question):
        return candidates
    words = _post_words(question)
    return [c for c in candidates if not _names_post(c.answer, words)]
