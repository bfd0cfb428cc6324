"""Question answering: from matching facts first, else from the best passages, with sources.

An answer is a value of the expected type (a date, a figure, an entity) taken from a sentence
that matches the question; below the confidence threshold derek answers None and shows the
passages it found. It never answers without a source.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from derek.doc import Document
from derek.query.candidates import DATE_TYPES, TYPES, Candidate, candidates_in
from derek.query.former_names import read_off_renaming
from derek.query.heads import closed_on_head
from derek.query.open_reader import DOCUMENTS, ranked_documents, read_open, read_spans
from derek.query.ordinal_items import ordinal_item
from derek.query.passages import PRIOR_WEIGHT, Passage, cited, document_passages, kb_passages, passage_at
from derek.query.plural_places import plural_place
from derek.query.question import POST, Question, analyze_question, asked_count
from derek.query.reader import READER_TYPES, Reading, read
from derek.query.reader import THRESHOLD as READER_THRESHOLD
from derek.query.render import join_list
from derek.query.roster import roster_answer
from derek.query.sequence import neighbour
from derek.query.yes_no import lacks_predicate
from derek.query.yes_no_times import times_checked

THRESHOLD = 0.54  # calibrated on bench/data/qa.jsonl: no unanswerable question answered (top: 0.532)
# the best sentence lacks the question's verb (yes_no.lacks_predicate): a little less sure, enough to
# drop an answer at the threshold («қол қойды» answered by «… қатысып, … қабылданды»); correct answers
# of the own set and the blind dev halves whose sentence lacks the verb start at 0.553 (session 18)
VERBLESS = 0.99
TYPED_FIRST = True  # typed values (dates, figures, known names) before the reader's spans
TYPED_SURE = 0.99  # a typed value at least this sure answers even a type the reader answers
# (KazQAD held out, 601 questions: EM 33.8 at 0.99, 33.9 with no such override, 33.3 at 0.95)
CANDIDATE_PASSAGES = 10  # how many passages holding a value of the asked type are weighed
CANDIDATE_WINDOW = 20  # among the best-covering passages
READ_DOCUMENTS = 2  # open-domain reading: how many of the best-ranked documents give a typed value
_TYPES = TYPES  # kept for answer_facts
# a description the passages guess with less confidence than this, from a sentence no stored fact
# cites, is read by the span reader instead when the reader is at least READ_FLOOR sure (session 10:
# own set and blind dev halves unchanged, KazQAD open domain with thresholds EM 5.2 → 8.5 at 0.08)
READ_BELOW = 0.7
READ_FLOOR = 0.08
READ_GUESS_MIN = 0.3  # KazQAD: every guess the reader improved on was ≥ 0.3
LISTED = 0.8  # «X-тан кейін кім?» answered by the next item of a list that holds X (sequence.py)

@dataclass(slots=True)
class Answer:
    question: str
    answer: str | None
    value: Any
    answer_type: str
    confidence: float
    sources: list[dict[str, Any]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)
    method: str | None = None  # "facts" or "passages"
    # other answers that sources state for the same question, each {"answer","value","sources"}
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    # entities the facts reached under an earlier name: {earlier id: asked id} (not in the JSON)
    same_as: dict[str, str] = field(default_factory=dict)
    # a two-step question's steps, inner first: {"question","answer","value","sources"} (two_step.py)
    steps: list[dict[str, Any]] = field(default_factory=list)
    # the words in the sources that the answer was read from, each {"doc","start","end","text"}
    # (text == the document's text[start:end]; the answer itself may be rendered: «1992 жылғы 2 наурыз»
    # from «1992 жылы 2 наурызда»); empty when no words can be pointed at (a yes/no answer)
    spans: list[dict[str, Any]] = field(default_factory=list)
    # the question as derek read it, when that differs from the text typed: lower case, Russian-
    # keyboard letters or spaced endings restored («казакстан буу-га» → «Қазақстан БҰҰ-ға»; typed.py)
    normalized: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer, "value": self.value,
                "answer_type": self.answer_type, "confidence": round(self.confidence, 3),
                "sources": self.sources, "passages": self.passages, "method": self.method,
                "conflicts": self.conflicts, "steps": self.steps, "answer_spans": self.spans,
                "normalized": self.normalized}


def ask(db, text: str, threshold: float | None = None,  # noqa: ANN001 - sqlite3.Connection
        weights: dict[str, float] | None = None, doc_weights: dict[str, float] | None = None) -> Answer:
    """Answer a Kazakh question from a knowledge base (threshold 0: always give the best guess).
    When no answer is found, a description inside the question («… қабылданған қалада») is
    answered first and its entity put in its place (``two_step``). ``weights``/``doc_weights``
    override the span reader's shipped ones (bench/kazqad.py holds KazQAD out by fold)."""
    question = analyze_question(text)
    # «бір-ақ рет … ма?» against «бірнеше рет …»: the count decides a yes/no (yes_no_times.py)
    return _read_as(question, times_checked(question, _ask_question(db, question, threshold, weights,
                                                                    doc_weights)))


def _read_as(question: Question, answer: Answer) -> Answer:
    """The answer, with the question as derek read it when that is not the text as typed."""
    from derek.query.typed import normalized_text

    read = normalized_text(question.tokens, question.text)
    answer.normalized = read if read != question.text else None
    return answer


def _ask_question(db, question: Question, threshold: float | None,  # noqa: ANN001 - sqlite3.Connection
                  weights: dict[str, float] | None, doc_weights: dict[str, float] | None) -> Answer:
    from derek.query.intersect import intersect
    from derek.query.two_step import answer_two_step, find_description

    # «A-лардың қайсылары … да …?»: the set's list kept to what a second list holds (intersect.py)
    if (kept := intersect(question, lambda t: _ask_one(db, t, threshold))) is not None:
        return kept
    answer = _ask_one(db, question, threshold, (weights, doc_weights))
    # a question that names an entity by a description is about that entity: a one-step answer
    # mixes the description's words («2010 жылғы саммиті») into the outer question, so the two
    # steps, when both answer, win over it
    if (answer.answer is None or find_description(question) is not None) and (
            two := answer_two_step(question, lambda t: _ask_one(db, t, threshold))):
        two.passages = answer.passages
        return two
    return answer


def _ask_one(db, text: str | Question, threshold: float | None = None,  # noqa: ANN001
             reader_weights: tuple[dict[str, float] | None, dict[str, float] | None] = (None, None)) -> Answer:
    """One step: matching facts, else the best passages (``_read_instead``: or the span reader's
    best, for a description the passages are unsure of in text no stored fact cites)."""
    from derek.query.answer_facts import answer_from_facts
    from derek.query.provisional import link_provisional
    from derek.query.figures_asked import asks_figure
    from derek.query.status import asks_status

    # names no gazetteer lists, linked to the knowledge base's provisional entities (provisional.py)
    question = link_provisional(db, text if isinstance(text, Question) else analyze_question(text))
    passages = kb_passages(db, question)
    shown = [p.to_dict() for p in passages[:3]]
    if (listed := neighbour(db, question, passages)) is not None:
        return Answer(question.text, listed.name, listed.entity, question.answer_type, LISTED,
                      listed.sources, shown, "passages", spans=[listed.span])
    if (row := roster_answer(db, question, passages)) is not None:  # «нешінші министр» (roster.py)
        return Answer(question.text, row.answer, row.value, question.answer_type, row.confidence,
                      row.sources, shown, "passages", spans=[row.span] if row.span else [])
    if (item := ordinal_item(db, question)) is not None:  # «… екінші себебі:» (ordinal_items.py)
        return Answer(question.text, item.answer, None, question.answer_type, item.confidence,
                      [item.source()], shown, "passages", spans=[item.span()])
    found = answer_from_facts(db, question)
    guess = _from_passages(question, passages, shown, 0.0)
    answer = _above(guess, question, THRESHOLD if threshold is None else threshold)
    if found is not None and (n := asked_count(question)) and isinstance(found.value, list) and len(found.value) != n:
        found = None  # «қай екі мемлекет»: a list of another length is not what is asked
    if found is not None:
        if not (isinstance(found.value, list) and len(found.value) >= 3) and not asks_status(question) \
                and not asks_figure(question):
            # a list gathered from several facts is its own support: its items often stand in
            # list lines («- Өзбекстан — 2001 жылдан;») that share no words with the question;
            # so is a status, read off the asked pair's membership facts («Куба  бақылаушы  …»),
            # and a figure whose owner, measure and year matched the question (figures_asked.py):
            # its sentence often names neither owner nor year («Экспорт 78,7 млрд долларға …»)
            found.confidence = min(found.confidence, _support(db, found, question))
        floor = THRESHOLD if threshold is None else threshold
        if found.confidence >= floor and (found.confidence >= answer.confidence - 0.05
                                          or _covers(found, answer, question)):
            found.passages = shown
            found.spans = _fact_spans(db, found)
            return found
        answer.conflicts = _disputed(answer, found)
    return _read_instead(db, question, passages, guess, reader_weights) or answer


def _above(answer: Answer, question: Question, floor: float) -> Answer:
    """The passages' best guess, or no answer when it is less sure than ``floor``."""
    if answer.answer is None or answer.confidence >= floor:
        return answer
    return Answer(question.text, None, None, question.answer_type, answer.confidence, [], answer.passages, None)


def _read_instead(db, question: Question, passages: list[Passage], guess: Answer,  # noqa: ANN001
                  reader_weights: tuple[dict[str, float] | None, dict[str, float] | None]) -> Answer | None:
    """The span reader's answer in place of the passages' guess at a description («… не/қандай?»)
    when the guess is unsure (below ``READ_BELOW``) and its sentence is cited by no stored fact:
    the description rules were written for the foreign-relations sentences the facts are built
    from, and on other text they are sure of a noun phrase that shares the question's words; the
    reader, trained on KazQAD, picks better there (docs/ask.md, "Which way to ask"). None: keep
    the guess (the reader unsure too, below ``READ_FLOOR``), and never for a guess below
    ``READ_GUESS_MIN``: no sentence matches the question well enough for the reader, whose
    confidence is relative to its candidates, to be trusted that the text answers it at all."""
    if question.answer_type != "description" or question.wants_list or question.focus == POST \
            or _naming(question) or guess.method != "passages" \
            or not READ_GUESS_MIN <= guess.confidence < READ_BELOW:
        return None
    source = guess.sources[0]
    if any(p.stated for p in passages if p.doc == source["doc"] and p.start == source["start"]):
        return None
    weights, doc_weights = reader_weights
    docs = ranked_documents(db, question, DOCUMENTS)
    read_spans(docs, question, weights)
    reading = read_open(docs, doc_weights)
    if reading is None or reading.confidence < READ_FLOOR or _bare(reading.span.text) == _bare(guess.answer or ""):
        return None  # unsure too, or the same words: the guess keeps its fact-side rendering
    return _reader_answer(question, [], guess.passages, READ_FLOOR, reading, close_heads=True)


def _bare(text: str) -> str:
    """Words only, lowercased: «Шанхай бестігі» and Шанхай бестігі are one answer."""
    return " ".join("".join(ch for ch in w if ch.isalnum()) for w in text.lower().split()).strip()


def _disputed(answer: Answer, facts: Answer) -> list[dict[str, Any]]:
    """A passage's answer that is one side of a disagreement the facts know about («27» where
    another source says «28»): the other sides, with their sources."""
    if answer.answer is None or not facts.conflicts:
        return answer.conflicts
    sides = [{"answer": facts.answer, "value": facts.value, "sources": facts.sources}, *facts.conflicts]
    same = [side for side in sides if _same(side["value"], answer.value)]
    return [side for side in sides if side not in same] if same else answer.conflicts


def _same(a: Any, b: Any) -> bool:
    from derek.query.facts import compatible

    a, b = str(a), str(b)
    return a == b or a[:1].isdigit() and b[:1].isdigit() and "-" in a + b and compatible(a, b)


def _covers(facts: Answer, passage: Answer, question: Question) -> bool:
    """A list from the facts that holds every name of the passage's list, and more: the facts
    gathered members that one sentence names only in part, every post a person held where the
    passage found one («Тоқаев кім?»), or every term of a post where it found one; or a former
    name from a renaming the passage read its answer off (`former_names.read_off_renaming`)."""
    if read_off_renaming(facts, passage, question):
        return True
    if not isinstance(facts.value, list):
        return False
    if isinstance(passage.value, list):
        return set(passage.value) < set(facts.value)
    held = {str(v).lower() for v in facts.value}
    if len(held) < 2:
        return False
    # «Сенат төрағасы қай жылдары болды?»: both terms (2007–2011, 2013–2019) where the passage
    # found the one its clause holds
    return (facts.answer_type == "description" and (passage.answer or "").lower() in held) \
        or (facts.answer_type in DATE_TYPES and str(passage.value).lower() in held
            and bool({"appointed_as", "chaired"} & set(question.predicates)))


def _support(db, answer: Answer, question: Question) -> float:  # noqa: ANN001
    """How well the fact's best source sentence matches the question: a fact about the same
    entities but another event («бесінші саммит» vs the first) must not answer."""
    scores = [passage_at(db, s, question, answer.same_as).coverage for s in answer.sources[:5]]
    return max(scores, default=0.0) + 0.1


def ask_context(context: str, text: str, name: str = "context") -> Answer:
    """Reading comprehension: answer from one passage of text only."""
    from derek.pipeline import analyze

    question = analyze_question(text)  # first: a bad question fails before the text is analysed
    return _read_as(question, ask_document(analyze(context), question, name))


def ask_document(doc: Document, text: str | Question, name: str = "context",
                 threshold: float | None = None, weights: dict[str, float] | None = None) -> Answer:
    """Reading comprehension over an already analysed Document (threshold 0: always answer; None:
    the calibrated thresholds). A list, a date or a year comes from the typed extractor, and any
    typed value it is sure of (``_typed_answers``); any other answer is the learned reader's span
    (derek.query.reader, ``weights`` overriding the shipped ones), its value the typed annotation
    (date, figure, known name) that starts inside the span (``reader.annotation``)."""
    question = text if isinstance(text, Question) else analyze_question(text)
    passages = document_passages(doc, name, question)
    shown = [p.to_dict() for p in passages[:3]]
    if TYPED_FIRST or question.wants_list:
        typed = _from_passages(question, passages, shown, 0.0, loose=True)
        if _typed_answers(question, typed):
            if typed.confidence < (THRESHOLD if threshold is None else threshold):
                return Answer(question.text, None, None, question.answer_type, typed.confidence, [], shown, None)
            return typed
    floor = READER_THRESHOLD if threshold is None else threshold
    return _reader_answer(question, passages, shown, floor, read(passages, question, weights))


def _typed_answers(question: Question, typed: Answer) -> bool:
    """Whether the typed extractor's best value answers, not the reader: a list, a name asked with
    «деп», a value of a type the reader leaves to it (``READER_TYPES``: dates), or a value it is sure
    of (``TYPED_SURE``: «бесінші отырысы» picks its sentence, «неше жылға» its span of years, and
    «… деп жариялады» its name; KazQAD held out: the reader answers these types better)."""
    if question.focus == POST or question.answer_type == "yesno":  # «Тоқаев кім?», «… мүше ме?»: never a span
        return True
    return question.wants_list or ((typed.value is not None or _naming(question)) and (
        question.answer_type not in READER_TYPES or typed.confidence >= TYPED_SURE))


def _naming(question: Question) -> bool:
    """«… қандай күн деп жариялады»: the name stands before «деп», the typed extractor finds it."""
    return question.answer_type == "description" and any(t.norm.lower() == "деп" for t in question.tokens)


def _reader_answer(question: Question, passages: list[Passage], shown: list[dict[str, Any]],
                   threshold: float, reading: Reading | None = None, close_heads: bool = False) -> Answer:
    """The reader's best span (``reading``, else read from ``passages``) as an Answer; None below
    the threshold. ``close_heads``: a description span moves on to its head noun (the knowledge
    base's open reading only; KazQAD's one-document reading lost 1.1 EM with it, its golds often
    stop at the modifier)."""
    reading = reading or read(passages, question)
    confidence = reading.confidence if reading else 0.0
    if reading is None or confidence < threshold or not reading.span.text:
        return Answer(question.text, None, None, question.answer_type, confidence, [], shown, None)
    p, span = reading.span.passage, reading.span
    if close_heads and question.answer_type == "description":  # «… икемді» → «… икемді саясат»
        span = replace(span, last=closed_on_head(p, question, span.last))
    source = {"doc": p.doc, "start": p.start, "end": p.end, "text": p.text}
    return Answer(question.text, span.text, reading.value, question.answer_type, confidence,
                  [source], shown, "reader", spans=[_span(p, *span.bounds)])


def ask_open(db, text: str, threshold: float | None = None,  # noqa: ANN001 - sqlite3.Connection
             documents: int = READ_DOCUMENTS, weights: dict[str, float] | None = None,
             doc_weights: dict[str, float] | None = None) -> Answer:
    """Open-domain reading comprehension: rank the documents by their chunks' BM25 and read them
    whole as ``ask_document`` reads a given text: a typed value from the best ``documents``, the one
    whose value scores highest after its rank weight; else the reader's best span over the best
    ``open_reader.DOCUMENTS``, each document weighed by the document model (``doc_weights``)."""
    question = analyze_question(text)
    return _read_as(question, _ask_open(db, question, threshold, documents, weights, doc_weights))


def _ask_open(db, question: Question, threshold: float | None, documents: int,  # noqa: ANN001
              weights: dict[str, float] | None, doc_weights: dict[str, float] | None) -> Answer:
    docs = ranked_documents(db, question, max(documents, DOCUMENTS))
    best: Answer | None = None
    for d in docs[:documents]:
        found = _from_passages(question, d.passages, [p.to_dict() for p in d.passages[:3]], 0.0, loose=True)
        found.confidence *= 1.0 - PRIOR_WEIGHT * (1.0 - d.prior)
        if best is None or found.confidence > best.confidence:
            best = found
    typed = best is not None and _typed_answers(question, best)
    if best is not None and not typed:
        read_spans(docs[:DOCUMENTS], question, weights)
        if reading := read_open(docs[:DOCUMENTS], doc_weights):
            floor = READER_THRESHOLD if threshold is None else threshold
            return _reader_answer(question, [], best.passages, floor, reading)
    floor = THRESHOLD if threshold is None else threshold
    if best is None or best.confidence < floor or best.answer is None:
        shown = best.passages if best else []
        return Answer(question.text, None, None, question.answer_type, best.confidence if best else 0.0,
                      [], shown, None)
    return best


def _from_passages(question: Question, passages: list[Passage], shown: list[dict[str, Any]],
                   threshold: float | None = None, loose: bool = False) -> Answer:
    candidates = _candidates(question, passages, loose)
    if question.wants_list or plural_place(question):
        best = _list_answer(candidates, question)
        if best is not None and (n := asked_count(question)) and len(best.value) != n:
            best = None  # «қай екі мемлекет»: a list of another length is not what is asked
    else:
        best = max(candidates, key=lambda c: c.score, default=None)
        if best is not None and question.answer_type != "yesno" and lacks_predicate(best.passage, question):
            best = replace(best, score=best.score * VERBLESS)
    if best is None or best.score < (THRESHOLD if threshold is None else threshold):
        return Answer(question.text, None, None, question.answer_type, best.score if best else 0.0,
                      [], shown, None)
    p = best.passage
    sources = [{"doc": p.doc, "start": p.start, "end": p.end, "text": p.text}]
    spans = answer_spans(best)
    before = p.context
    if before is not None and any(before.start <= s["start"] < before.end and s["doc"] == before.doc for s in spans):
        # «Бұл құжат …» answered with the name the sentence before writes: that sentence is a source too
        sources.append({"doc": before.doc, "start": before.start, "end": before.end, "text": before.text})
    # a score is coverage times fit factors and may pass 1; a confidence may not
    return Answer(question.text, best.answer, best.value, question.answer_type, min(best.score, 1.0), sources,
                  shown, "passages", spans=spans)


def _span(p: Passage, start: int, end: int) -> dict[str, Any]:
    return {"doc": p.doc, "start": start, "end": end, "text": p.text[start - p.start : end - p.start]}


def answer_spans(best: Candidate) -> list[dict[str, Any]]:
    """The words each part of an answer was read from: a typed value's exact span, else the first
    place its passage writes the answer (a phrase is the text's own words); none for a rendered
    answer the passage does not spell out («иә»)."""
    found: list[dict[str, Any]] = []
    for c in best.parts or (best,):
        p = c.passage
        if c.start >= 0 and c.end > c.start:
            span = _span(p, c.start, c.end)
        elif c.answer and (at := p.text.find(c.answer, max(c.start - p.start, 0))) >= 0:
            span = _span(p, p.start + at, p.start + at + len(c.answer))
        elif c.answer and p.context is not None and (at := p.context.text.find(c.answer)) >= 0:
            # a name read off the sentence before («Бұл құжат …» ← «… Алматы актісі қабылданды»)
            span = _span(p.context, p.context.start + at, p.context.start + at + len(c.answer))
        else:
            continue
        if span not in found:
            found.append(span)
    return found


def _fact_spans(db, answer: Answer) -> list[dict[str, Any]]:  # noqa: ANN001
    """Where the facts' sources write the answer: the entity mentions, dates and figures whose
    value is one of the answer's values, in each cited sentence."""
    from derek.query.candidates import exact_bounds

    values = answer.value if isinstance(answer.value, list) else [answer.value]
    wanted = {str(v) for v in values if v is not None}
    if not wanted:
        return []
    found: list[dict[str, Any]] = []
    for source in answer.sources[:12]:
        p = cited(db, source, answer.same_as)
        for x in p.spans:
            value = str(x.get("value"))
            if value in wanted or x["kind"] == "date" and any(value.startswith(w) for w in wanted if w[:1].isdigit()):
                span = _span(p, *exact_bounds(p, x, answer.answer_type))
                if span not in found:
                    found.append(span)
    return found


def _candidates(question: Question, passages: list[Passage], loose: bool) -> list[Candidate]:
    """Candidates from the best ``CANDIDATE_PASSAGES`` passages that hold a value of the asked
    type: sentences that share the question's words but hold no value do not crowd out one that
    does («… еліміз Ұйымның 168-ші мүшесі болды» after ten sentences without an ordinal)."""
    found, holding = [], 0
    for p in passages[:CANDIDATE_WINDOW]:
        if here := candidates_in(p, question, loose):
            found += here
            holding += 1
            if holding == CANDIDATE_PASSAGES:
                break
    return found


def _list_answer(candidates: list[Candidate], question: Question) -> Candidate | None:
    """Every value of the type in the best passage: «Қазақстан, Қытай және Ресей»."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    if isinstance(best.value, list):
        return best  # one phrase that is the whole list («Балтық елдері мен Грузия», excepted.py)
    best_passage = best.passage
    chosen = [c for c in candidates if c.passage is best_passage and not isinstance(c.value, list)]
    chosen = _bracket_group(chosen, question)
    values = sorted({c.value for c in chosen})
    chosen = sorted(chosen, key=lambda c: c.passage.text.find(c.answer))
    return Candidate(join_list([c.answer for c in chosen]), values, max(c.score for c in chosen), best_passage,
                     parts=tuple(chosen))


def _bracket_group(chosen: list[Candidate], question: Question) -> list[Candidate]:
    """«екі тұрақты мүшесі (Қытай және Ресей), … екі мемлекеті Үндістан және Қытай»: when values
    stand in brackets and elsewhere, the group led by the question's own words («тұрақты
    мүшелері», not just the asked noun) is the answer; if no lead stands out, every value is."""
    from derek.query.cases import is_focus

    p = chosen[0].passage
    groups: dict[tuple[int, int] | None, list[Candidate]] = {}  # None: the values outside brackets
    for c in chosen:
        groups.setdefault(_bracket(c), []).append(c)
    if len(groups) < 2:
        return chosen
    words = [i for i, t in enumerate(p.tokens) if any(ch.isalnum() for ch in t.norm)]

    def lead(g: tuple[int, int] | None) -> int:  # the question's words among the 3 words before
        at = g[0] if g else min(c.start - p.start for c in groups[g])
        return sum(1 for i in [i for i in words if p.tokens[i].end <= at][-3:]
                   if i in p.matched and not is_focus(p.tokens[i], question))

    leads = {g: lead(g) for g in groups}
    top = max(leads.values())
    winners = [g for g, n in leads.items() if n == top]
    return groups[winners[0]] if top > 0 and len(winners) == 1 else chosen


def _bracket(c: Candidate) -> tuple[int, int] | None:
    """The (open, close) offsets of the brackets a value stands in, if any: a bracketed list names
    the members of the phrase right before it, and another bracket another phrase's."""
    if c.start < 0:
        return None
    text, at = c.passage.text, c.start - c.passage.start
    opened, closed = text.rfind("(", 0, at), text.find(")", at)
    if opened < 0 or closed < 0 or text.rfind(")", 0, at) > opened:
        return None
    return opened, closed
