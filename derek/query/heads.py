"""Closing an answer span on its head noun, and keeping names whole (session 20, issue 7 round 2).

A description answer that ends on a modifier is half an answer: «Ресей мен Қытай арасында икемді»
without its head «саясат», «Сыртқы істер» without «министрі». In a Kazakh noun phrase every
modifier stands before its head and only the head carries the phrase's case or possessive ending,
so a span whose last word is bare (no case, no possessive ending: an adjective, a participle or a
noun of a compound) or a genitive (the possessor of the next noun) and whose next word is a noun
stops inside its phrase; the analyser's endings tell where the phrase closes. A span never ends
inside a name either: initials («Б.Н») belong to the surname after them.

A date may sit inside a noun phrase too: «… Қазақстанға 2010 жылы Ұйымға төрағалық ету құқығы
берілді» — «2010 жылы» times the verbal noun «ету» that modifies «құқығы» (the right to chair in
2010), not the giving; when the sentence holds another date, the one inside the phrase is not the
asked event's (``noun_phrase_date``).
"""

from __future__ import annotations

from derek.doc import Token
from derek.query.conjuncts import CASES
from derek.query.passages import Passage
from derek.query.question import Question

MAX_HEAD_STEPS = 3  # modifiers a span may still lack before its head («төмен байытылған уран банкі»)
INSIDE_PHRASE = 0.8  # a date that times a verbal noun modifying a noun, beside another date


def _reading(word: str) -> tuple[str, frozenset[str]] | None:
    from derek.lang.kk.morphology import analyze

    readings = analyze(word.lower())
    return (readings[0].pos, frozenset(readings[0].tags)) if readings else None


def _alnum(t: Token) -> bool:
    return any(c.isalnum() for c in t.norm)


def is_initial(t: Token) -> bool:
    """One capital letter, with or without its dot («Б.», «Н»): a part of a person's name."""
    from derek.extract.entities_people import is_initial as dotted_initial

    return dotted_initial(t.norm) or len(t.norm) == 1 and t.norm.isalpha() and t.norm.isupper()


def _next_word(p: Passage, last: int) -> int | None:
    """The next token when it is a word right after ``last`` (no punctuation between)."""
    nxt = last + 1
    return nxt if nxt < len(p.tokens) and _alnum(p.tokens[nxt]) and p.tokens[nxt].norm.isalpha() else None


def _open_modifier(t: Token, genitive_asked: bool) -> bool:
    """A word that waits for its head: bare (no case, no possessive ending) or a genitive."""
    if t.norm.isdigit() or not t.norm.isalpha():
        return False
    reading = _reading(t.norm)
    if reading is None:
        return False
    pos, tags = reading
    if any(tag.startswith("POSS") for tag in tags) or any(tag.startswith(("PAST", "PRES", "FUT")) for tag in tags):
        return False
    cases = tags & CASES
    if cases:
        return cases == {"GEN"} and not genitive_asked
    return pos != "VERB" or "VNOUN" in tags or any(tag.startswith("PTCP") for tag in tags)


def _head_noun(t: Token) -> bool:
    """A common noun that can head the phrase (a capitalized word starts another name)."""
    reading = _reading(t.norm)
    return reading is not None and reading[0] == "NOUN" and not t.norm[:1].isupper()


def closed_on_head(p: Passage, question: Question, last: int) -> int:
    """The span's last token, moved over initials to the surname and over a modifier to its head
    noun (``MAX_HEAD_STEPS`` at most); ``last`` itself when the span already closes."""
    from derek.query.cases import is_focus

    while is_initial(p.tokens[last]) and last + 1 < len(p.tokens) and (
            is_initial(p.tokens[last + 1]) or p.tokens[last + 1].norm[:1].isupper()):
        last += 1
    genitive_asked = _asked_genitive(question)
    for _ in range(MAX_HEAD_STEPS):
        t = p.tokens[last]
        nxt = _next_word(p, last)
        # a name closes itself: «Ақмешіт шыңы» answers «қалай аталады?» with «Ақмешіт»
        if nxt is None or t.norm[:1].isupper() and not is_initial(t) or not _open_modifier(t, genitive_asked) \
                or nxt in p.matched and not is_focus(p.tokens[nxt], question) or not _head_noun(p.tokens[nxt]):
            break
        last = nxt
    return last


def _asked_genitive(question: Question) -> bool:
    """«кімнің», «қай ұйымның», «кімдікі»: the possessor itself is asked."""
    from derek.query.cases import asked_case

    return asked_case(question) == "GEN"


def initials_only(p: Passage, run: list[int]) -> bool:
    """A run of initials followed by a name is part of that name, never an answer of its own."""
    words = [i for i in run if _alnum(p.tokens[i])]
    nxt = max(run) + 1 if run else None
    return bool(words) and all(is_initial(p.tokens[i]) for i in words) and nxt is not None \
        and nxt < len(p.tokens) and p.tokens[nxt].norm[:1].isupper()


def noun_phrase_date(p: Passage, positions: list[int], question: Question) -> float:
    """``INSIDE_PHRASE`` for a date whose first verb form after it is a verbal noun (not the asked
    verb) directly before a possessed noun («2010 жылы Ұйымға төрағалық ету құқығы»), when the
    sentence holds another date: that date times the phrase's event; else 1.0."""
    from derek.kb.search import term

    dates = [x for x in p.spans if x.get("kind") == "date"]
    if len(dates) < 2 or not positions:
        return 1.0
    for i in range(positions[-1] + 1, len(p.tokens) - 1):
        reading = _reading(p.tokens[i].norm) if p.tokens[i].norm.isalpha() else None
        if reading is None:
            continue
        pos, tags = reading
        if "VNOUN" in tags:
            after = _reading(p.tokens[i + 1].norm) if p.tokens[i + 1].norm.isalpha() else None
            possessed = after is not None and any(tag.startswith("POSS") for tag in after[1])
            return INSIDE_PHRASE if possessed and term(p.tokens[i]) != question.verb else 1.0
        if pos == "VERB":
            return 1.0
    return 1.0
