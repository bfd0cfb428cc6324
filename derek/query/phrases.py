"""Description phrases for «не/нені/қандай» questions (the words next to the matched part of a
sentence that the question lacks), and where a value sits relative to the question's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from derek.doc import Token
from derek.kb.search import term
from derek.lang.kk.suffixes import realizations
from derek.query.cases import case_fit, fits_asked_case, is_focus
from derek.query.conjuncts import MAX_LIST, list_case, listed
from derek.query.coverage import is_reference
from derek.query.heads import initials_only
from derek.query.passages import Passage
from derek.query.question import Question, load_words

MAX_PHRASE = 9  # words; a longer run is not a short answer
CLAUSE_PENALTY = 0.1  # the value and the entity asked about sit in different clauses
# the word after the asked words follows the phrase too: «нені шақыру» → «саммит шақыру»
FRAME_FIT = 1.25


@dataclass(slots=True)
class Candidate:
    answer: str
    value: Any
    score: float
    passage: Passage
    start: int = -1  # document offset of a typed value (-1: not known)
    end: int = -1  # its end, when the value's words are known exactly (-1: find ``answer`` in the text)
    parts: tuple[Candidate, ...] = ()  # a list answer's items, each with its own words


# he/she/it in its cases, and «such» («…, ал Кіші жүзде мұндай шешім 1824 жылы қабылданды»)
BACK_PRONOUNS = frozenset({"ол", "оның", "оны", "оған", "онда", "одан", "мұндай", "осындай", "сондай"})


def same_clause(p: Passage, positions: list[int], anchors: list[int]) -> bool:
    """Is an anchor in the value's clause? «…, ал …» and «;» start a new clause, unless the later
    clause points back at the earlier one with a pronoun («…; … жұмысы оның тұсына келді»)."""
    marks = sorted(i for i, t in enumerate(p.tokens) if t.norm.lower() in load_words("clause_marks.txt"))
    for a in positions:
        for b in anchors:
            between = [m for m in marks if min(a, b) < m < max(a, b)]
            if not between or _points_back(p, between[-1], max(a, b), marks):
                return True
    return False


def _points_back(p: Passage, mark: int, inside: int, marks: list[int]) -> bool:
    """Does the clause that starts at ``mark`` (and holds token ``inside``) hold a third-person
    pronoun, so that it speaks of what the clause before names?"""
    end = min((m for m in marks if m > inside), default=len(p.tokens))
    return any(t.norm.lower() in BACK_PRONOUNS for t in p.tokens[mark + 1 : end])


def other_topic(p: Passage, positions: list[int], anchors: list[int]) -> bool:
    """«Орта жүзде … хан билігі жойылды, ал Кіші жүзде мұндай шешім 1824 жылы қабылданды» for «Орта
    жүзде …?»: the later clause points back for its predicate («мұндай») but names its own topic,
    the earlier clause's matched noun with an unmatched modifier («Кіші» for «Орта»): its value
    belongs to that other topic, not to the anchors' clause."""
    from derek.kb.search import term

    marks = [i for i, t in enumerate(p.tokens) if t.norm.lower() in load_words("clause_marks.txt")]

    def part(i: int) -> int:
        return sum(1 for m in marks if m < i)

    here, there = part(positions[0]), {part(b) for b in anchors}
    if here in there:
        return False
    topics = {(term(p.tokens[i]), term(p.tokens[i - 1])) for i in p.matched
              if i > 0 and part(i) in there and i - 1 in p.matched and p.tokens[i - 1].norm.isalpha()}
    return any((term(t), term(p.tokens[j - 1])) != pair and term(t) == pair[0]
               and j - 1 not in p.matched and p.tokens[j - 1].norm.isalpha()
               for j, t in enumerate(p.tokens) if j > 0 and part(j) == here for pair in topics)


def distance(a: list[int], b: list[int]) -> int:
    return min(min(abs(i - j) for i in a for j in b), 15)


def anchor_tokens(p: Passage, question: Question) -> list[int]:
    """Tokens of the entities and dates the question names, where the sentence has them."""
    from derek.kb.search import term

    asked = {e.entity for e in question.entities}
    dates = tuple(d.value for d in question.dates if d.type == "DATE")
    # an entity named only by its bare head («Одаққа», entities_backref) does not anchor: «… қазанында
    # Одаққа … шартқа қол қойған Армения және … желтоқсанында … қол қойған Қырғыз
    # Республикасы» — the state tells the clauses apart, the Union is in both
    spans = [(x["start"] - p.start, x["end"] - p.start) for x in p.spans
             if (x["kind"] == "entity" and x["value"] in asked and not is_reference(x))
             or (x["kind"] == "date" and dates and str(x["value"]).startswith(dates))]
    found = [i for i, t in enumerate(p.tokens) if any(a <= t.start < b for a, b in spans)]
    if found or not question.entities:
        return found
    # the asked entity goes untagged («Ұйымның Хатшылығы» for ШЫҰ Хатшылығы): its words anchor
    words = {term(t) for e in question.entities for t in question.tokens if e.start <= t.start and t.end <= e.end}
    return [i for i in p.matched if term(p.tokens[i]) in words]


def describe(p: Passage, question: Question) -> list[Candidate]:
    """Noun phrases that answer «не/қандай» questions: runs of words the question lacks, next to
    the words it shares with the sentence; a run bounded by matches on both sides fits best."""

    asked = {t.norm.lower() for t in question.tokens}
    matched = {i for i in p.matched if not is_focus(p.tokens[i], question)}
    matched |= {i for i, t in enumerate(p.tokens) if t.norm.isdigit() and t.norm.lower() in asked}
    matched |= covered(p, "date") - _attributive_dates(p, question)  # a date ends the phrase ...
    matched -= quoted_names(p, matched)  # ... but a question word inside a «quoted» name does not
    matched -= asked_modifiers(p, question, matched)  # «… сыртқы саясат тұғырнамасын»: one phrase
    words = [i for i, t in enumerate(p.tokens) if any(c.isalnum() for c in t.norm)]
    breaks = load_words("phrase_breaks.txt")
    titled = _within_quotes(p)  # «Достық, ынтымақтастық және … туралы»: one title, commas and all
    runs, run = [], []
    for i in range(len(p.tokens)):
        t = p.tokens[i]
        inside = i in words and i not in matched and t.lemma.lower() not in breaks \
            and t.norm.lower() not in breaks
        if inside or t.norm in ("«", '"') or (run and (t.norm in ("»", "+", "/", "'", "%") or i in titled)):
            run.append(i)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    found = _named_phrases(p, question, matched)  # first: on a tie the named treaty or body wins
    named = [c.answer for c in found if c is not None]
    for run in runs:
        while run and run[-1] not in words and p.tokens[run[-1]].norm not in ("»", '"'):
            run.pop()
        run = _with_title_head(p, question, run, words)
        while run and run[-1] not in words:
            run.pop()
        # the asked noun alone («ТМД-ның негізгі құжаты — Жарғы» for «… негізгі құжаты:») is the
        # question's own word, not its answer; a spaced dash («A — B») ends a phrase
        if run and not all(is_focus(p.tokens[i], question) for i in run if i in words):
            # «нелерге?» asks the whole list in that case, not its first conjunct (conjuncts.py)
            whole = listed(p, run, case) if (case := list_case(question)) else run
            listing = _phrase(p, question, conjoined(p, whole, matched), matched, longest=MAX_LIST) \
                if whole != run else None
            found.append(listing or _phrase(p, question, conjoined(p, run, matched), matched))
    from derek.query.named_nearby import antecedents, said_names
    from derek.query.owners import owner_phrases

    found += antecedents(p, question, ("treaty", "organization", "body")) + said_names(p, question)
    found += owner_phrases(p, question)  # «… одақтың іргетасына» for «неге іргетас болды?»
    # a part of a named treaty or body («декларациясын» of «Алматы декларациясын») is not the name
    return [c for c in found if c is not None and (c.answer in named or not any(c.answer in n for n in named))]


def _quote_pairs(p: Passage) -> list[tuple[int, int]]:
    """(opening, closing) token indexes of each quotation (the text is normalized: «…» may read
    as "…")."""
    pairs: list[tuple[int, int]] = []
    opened = None
    for i, t in enumerate(p.tokens):
        if t.norm == "«" or (t.norm == '"' and opened is None):
            opened = i
        elif t.norm in ("»", '"') and opened is not None:
            pairs.append((opened, i))
            opened = None
    return pairs


def _within_quotes(p: Passage) -> set[int]:
    """Token indexes strictly between an opening quote and its closing one."""
    return {k for opened, close in _quote_pairs(p) for k in range(opened + 1, close)}


def _with_title_head(p: Passage, question: Question, run: list[int], words: list[int]) -> list[int]:
    """A run that ends in a closing quote right before the asked noun («… туралы» шартқа for
    «қандай шартқа?») takes the noun, so the title is cut from its opening quote (``_head_phrase``)
    however long the words before it are."""
    if not run or p.tokens[run[-1]].norm not in ("»", '"'):
        return run
    nxt = next((i for i in words if i > run[-1]), None)
    return run + [nxt] if nxt == run[-1] + 1 and is_focus(p.tokens[nxt], question) else run


def conjoined(p: Passage, run: list[int], matched: set[int]) -> list[int]:
    """The run with the words listed before it in its first word's case, across commas:
    «кедейлікпен, сауатсыздықпен, аштықпен күрес», not «аштықпен күрес» alone."""
    from derek.lang.kk.morphology import analyze

    def case(i: int) -> tuple[str, ...]:
        found = analyze(p.tokens[i].norm.lower())
        return found[0].tags if found else ()

    first, asked = run[0], case(run[0])
    while asked and first >= 2 and p.tokens[first - 1].norm == "," and first - 2 not in matched \
            and p.tokens[first - 2].norm.isalpha() and case(first - 2) == asked:
        first -= 2
    return list(range(first, run[0])) + run


GROUP_AGENT = 0.9  # an untyped answer to «кім»: a people named by a plural noun


def group_agents(p: Passage, question: Question) -> list[Candidate]:
    """«кім басып кірді?» when no person is named: «жоңғарлар басып кірді» — a phrase ending in a
    plural noun without a case ending (the subject: a people, an army) answers it."""
    from derek.lang.kk.morphology import analyze

    found = []
    for c in describe(p, question):
        last = c.answer.split()[-1] if c.answer.split() else ""
        readings = analyze(last.strip("»«\"")) if last else []
        if readings and readings[0].pos == "NOUN" and set(readings[0].tags) == {"PL"}:
            found.append(Candidate(c.answer, None, c.score * GROUP_AGENT, p))
    return found


# «2008 жылғы тамыздағы қақтығыс»: the date modifies a noun (the attributive -ғы/-гі, by the grammar)


def _attributive_dates(p: Passage, question: Question) -> set[int]:
    """... unless it modifies the noun after it (-ғы/-гі) and the question does not give it."""
    asked = {d.value for d in question.dates}
    found: set[int] = set()
    for x in p.spans:
        inside = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
        nxt = p.tokens[inside[-1] + 1 : inside[-1] + 2] if inside else []
        if x["kind"] == "date" and x["value"] not in asked and nxt and nxt[0].norm.isalpha() \
                and p.tokens[inside[-1]].norm.lower().endswith(realizations("ATTR")):
            found.update(inside)
    return found


def _named_phrases(p: Passage, question: Question, matched: set[int]) -> list[Candidate | None]:
    """A treaty, organization or body named right before the verb («Алматы декларациясын
    қабылдады»), or a figure: the whole name answers, even when the question shares a word of it."""
    asked = {e.entity for e in question.entities}
    found: list[Candidate | None] = []
    for x in p.spans:
        named = x["kind"] == "entity" and x["value"] not in asked \
            and x["label"] in ("treaty", "organization", "body")
        if not named and x["kind"] != "quantity":  # a figure is whole too: «90 %-дан астамы»
            continue
        inside = [i for i, t in enumerate(p.tokens) if x["start"] <= p.start + t.start < x["end"]]
        if inside and not all(i in matched for i in inside):
            found.append(_phrase(p, question, inside, matched - set(inside), bonus=1.1))
    return found


def covered(p: Passage, kind: str) -> set[int]:
    """Token indexes covered by spans of one kind (date, quantity, entity)."""
    spans = [(x["start"] - p.start, x["end"] - p.start) for x in p.spans if x["kind"] == kind]
    return {i for i, t in enumerate(p.tokens) if any(a <= t.start < b for a, b in spans)}


def _phrase(p: Passage, question: Question, run: list[int], matched: set[int],
            bonus: float = 1.0, longest: int = MAX_PHRASE) -> Candidate | None:
    from derek.query.completion import completed
    from derek.query.question import stopwords

    alnum = [i for i, t in enumerate(p.tokens) if any(c.isalnum() for c in t.norm)]
    previous = max((i for i in alnum if i < run[0]), default=None)
    # «… негізгі құжаты — Жарғы»: the asked noun right before (across a dash) bounds the phrase too
    before = previous in matched or (previous is not None and is_focus(p.tokens[previous], question))
    frame = mirrors_frame(p, question, run[-1])
    after = frame or min((i for i in alnum if i > run[-1]), default=None) in matched
    if not (before or after):
        return None
    run = _trim(p, run, stopwords())
    if initials_only(p, run):  # «Б.Н» of «Б.Н Ельцин» is inside the name the question gives
        return None
    if question.focus and (heads := [i for i in run if is_focus(p.tokens[i], question)]):
        run = _head_phrase(p, [i for i in run if i <= heads[0]])
        run = _after_clause(p, run, question)
    words = [p.tokens[i] for i in run if any(c.isalnum() for c in p.tokens[i].norm)]
    if not words or len(words) > longest or all(t.norm.isdigit() for t in words):
        return None
    if _reference(words, question) or all(is_focus(t, question) or term(t) in question.modifiers for t in words):
        return None
    first, last = run[0], run[-1]
    fit = 1.0 if before and after else 0.85
    fit *= 1.05 if verb_follows(p, question, last) else 0.95  # the object sits before its verb
    if question.focus:
        fit *= 1.1 if is_focus(p.tokens[last], question) else 0.75 if rival_kind(p.tokens[last], question) else 0.85
    if any(p.tokens[i].norm in ("«", '"') for i in run):
        fit *= 1.1  # a «quoted» name is what «қандай»/«не» questions usually want
    fit = min(fit * bonus, 1.0) * case_fit(p, question, last)
    if frame and mirrors_frame(p, question, last):
        fit *= FRAME_FIT
    if anchors := anchor_tokens(p, question):  # near the asked entity, in its clause
        fit *= 1.0 - distance(run, anchors) * 0.005 - (0.0 if same_clause(p, run, anchors) else CLAUSE_PENALTY)
    last = _name_before_head(p, run, question)[-1]  # the fit above is the phrase's with its head
    first, last = completed(p, question, first, last)  # «әскери саясат:», «ел де тыныш болады»
    if not fits_asked_case(p, question, first, last):
        return None
    text = p.text[p.tokens[first].start : p.tokens[last].end].strip(" -,")
    return Candidate(text, None, p.coverage * fit, p) if text else None


def verb_follows(p: Passage, question: Question, last: int) -> bool:
    from derek.kb.search import term

    following = [t for t in p.tokens[last + 1 : last + 3] if any(c.isalnum() for c in t.norm)][:1]
    return bool(question.verb) and any(term(t) == question.verb for t in following)


def _head_phrase(p: Passage, run: list[int]) -> list[int]:
    """The phrase that ends at the asked head noun: from an opening quote if one is near
    («“бір+бір” формуласы»), else the whole run if short, or the head and three words before it."""
    quotes = [k for k, i in enumerate(run) if p.tokens[i].norm in ("«", '"') and k >= len(run) - 8]
    if quotes and len(quotes) >= 2:
        return run[quotes[-2]:] if p.tokens[run[quotes[-1]]].norm == '"' else run[quotes[-1]:]
    if quotes:
        # a long title closing near the head opens further back: «Достық, … көмек туралы» шартқа
        opening = [k for k, i in enumerate(run[: quotes[0]]) if p.tokens[i].norm in ("«", '"')]
        closing = p.tokens[run[quotes[0]]].norm == "»" or p.tokens[run[quotes[0]]].norm == '"' and opening
        return run[opening[-1]:] if closing and opening else run[quotes[0]:]
    return run if len(run) <= MAX_PHRASE else run[-4:]


def quoted_names(p: Passage, matched: set[int]) -> set[int]:
    """The words of each «quoted» name that holds a word the question lacks: «ШЫҰ плюс» is one
    name, so its «ШЫҰ» (a question word) must not split it into «ШЫҰ» and «плюс»."""
    inside: set[int] = set()
    for opened, close in _quote_pairs(p):
        words = [k for k in range(opened + 1, close) if any(c.isalnum() for c in p.tokens[k].norm)]
        if any(k not in matched for k in words):
            inside.update(range(opened + 1, close))
    return inside


def _name_before_head(p: Passage, run: list[int], question: Question) -> list[int]:
    """«қай форматта?» ← «ШЫҰ плюс» форматындағы: a quoted name followed only by the asked noun
    is the name; the noun is the question's own word."""
    if not run or p.tokens[run[0]].norm not in ("«", '"'):
        return run
    close = next((k for k, i in enumerate(run) if k and p.tokens[i].norm in ("»", '"')), None)
    rest = [i for i in run[close + 1 :] if any(c.isalnum() for c in p.tokens[i].norm)] if close else []
    if rest and all(is_focus(p.tokens[i], question) for i in rest):
        return run[: close + 1]
    return run


def rival_kind(token: Token, question: Question) -> bool:
    """A document of another kind than the one asked («қандай декларация» answered by a
    «… мәлімдеме»): a sibling of the asked noun, where «құжат» would be its kind."""
    from derek.extract.doc_names import document_nouns
    from derek.kb.search import term

    nouns = [noun for noun, kind in document_nouns().items() if kind == "document"]
    focus, word = question.focus or "", term(token)
    if focus not in nouns:
        return False
    return any(word.startswith(noun) and noun != focus and not focus.startswith(noun) for noun in nouns)


def asked_modifiers(p: Passage, question: Question, matched: set[int]) -> set[int]:
    """The question's words that stand right before the asked noun in the sentence («сыртқы
    саясат» before «тұғырнамасын» for «қандай сыртқы саясат тұғырнамасын»): part of the answer's
    phrase, not words that bound it."""
    found: set[int] = set()
    if not question.modifiers:
        return found
    for head in (i for i, t in enumerate(p.tokens) if is_focus(t, question)):
        j = head - 1
        while j >= 0 and j in matched and term(p.tokens[j]) in question.modifiers:
            found.add(j)
            j -= 1
    return found


def _after_clause(p: Passage, run: list[int], question: Question) -> list[int]:
    """«… жұмыс істейтін конвекторлы сыртқы саясат тұғырнамасын»: when the question spells the
    kind out with modifiers, the answer is the word or two that tell the kind apart; a participle
    before them closes a relative clause about the whole phrase and is left out with what precedes."""
    from derek.extract.rules import best_tags

    if not question.modifiers:
        return run
    for k in range(len(run) - 1, -1, -1):
        tags = best_tags(p.tokens[run[k]].norm)
        if any(tag.startswith("PTCP") for tag in tags) and k + 1 < len(run):
            return run[k + 1:]
    return run


def _reference(words: list[Token], question: Question) -> bool:
    """«аталған Келісімнің», «осы құжат»: a demonstrative before the asked noun points back at a
    thing named elsewhere; the phrase names nothing and does not answer «қай келісім?»."""
    pointers = load_words("anaphora.txt")

    def pointer(t: Token) -> bool:
        return t.norm.lower() in pointers or t.lemma.lower() in pointers

    return pointer(words[0]) and all(pointer(t) or is_focus(t, question) for t in words)


def _trim(p: Passage, run: list[int], stop: frozenset[str]) -> list[int]:
    """Drop function words at the edges of a phrase («бойынша», «туралы»)."""
    def weak(i: int) -> bool:
        t = p.tokens[i]
        return t.lemma.lower() in stop or not any(c.isalnum() for c in t.norm) and t.norm not in ("«", "»", '"')

    while run and weak(run[-1]):
        run = run[:-1]
    while run and weak(run[0]):
        run = run[1:]
    return run


def frame_word(question: Question) -> str | None:
    """The word right after the question words and the asked noun («нені шақыру» → шақыр,
    «қандай оқиғадан кейін» → кейін, «нешеуі атмосферада» → атмосфера), unless it is the verb."""
    from derek.kb.search import term

    if not question.words:
        return None
    rest = [t for t in question.tokens[max(question.words) + 1 :] if any(c.isalnum() for c in t.norm)]
    if rest and is_focus(rest[0], question):
        rest = rest[1:]
    key = term(rest[0]) if rest else None
    return key if key and key != question.verb else None


def mirrors_frame(p: Passage, question: Question, last: int) -> bool:
    """Does the question's frame word (``frame_word``) follow the value as it follows the asked words?"""
    from derek.kb.search import term

    key = frame_word(question)
    following = [t for t in p.tokens[last + 1 : last + 3] if any(c.isalnum() for c in t.norm)][:1]
    return bool(key) and any(term(t) == key for t in following)
