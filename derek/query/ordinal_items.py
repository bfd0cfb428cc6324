"""«… екінші себебі:» answered from an enumeration by ordinal adverbs («Біріншіден, … Екіншіден, …»).

An author who gives reasons, aims or features one by one marks them with the ordinal in the
ablative: «біріншіден», «екіншіден», «үшіншіден» (session 18, blind sets 8 and 9's dev halves).
The item sentence («Екіншіден, республикамызда …») rarely shares a word with the question: the
question's topic («Ресеймен қатынастың маңызды болуының») stands in the sentence that opens the
enumeration or the one before it. So the answer is read off the chain: the sentences whose adverb
has the asked value, each walked back to its first item, whose sentence (or the one before) must
speak of the question's topic.
Reads the knowledge base's sentences (``passages.passage_at`` scores the topic sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from derek.doc import Token
from derek.query.passages import Passage, passage_at, sentence_before
from derek.query.question import Question, analyze_question

ORDINAL_TAG, ABLATIVE = "ORD", "ABL"
# the opening's coverage of the question without its ordinal and noun: low, because the opening
# names the topic once («Ресеймен … мәні зор») and the asked entity must be among its names
TOPIC_FLOOR = 0.25
ITEM_CONFIDENCE = 0.75  # an enumeration item read off the chain (below a fact, above the threshold)
ITEM_REACH = 3  # sentences an item may run over before the next ordinal adverb
ITEM_POOL = 200  # sentences holding the ordinal's index term that are looked at for an adverb
QUESTION_WORD = "нешінші"  # «нешінші?» asks for an ordinal; it does not name one


@dataclass(slots=True)
class Item:
    """The asked item of an enumeration: its sentence (document offsets) and the text after its adverb."""

    doc: str
    start: int
    end: int
    sentence: str
    answer: str
    confidence: float

    def source(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.sentence}

    def span(self) -> dict[str, Any]:
        """The answer's characters in the document (the item sentence's own words)."""
        at = self.start + self.sentence.find(self.answer)
        return {"doc": self.doc, "start": at, "end": at + len(self.answer), "text": self.answer}


def ordinal_value(word: str) -> int | None:
    """«екінші» → 2, «үшіншіден» → 3, «оныншы» → 10: an ordinal number word's value, else None."""
    from derek.lang.kk.morphology import analyze
    from derek.lang.kk.numbers import number_words_value

    if word.lower() == QUESTION_WORD:
        return None
    for reading in analyze(word.lower())[:1]:
        if ORDINAL_TAG in reading.tags and reading.lemma.isalpha():
            try:
                value = number_words_value([reading.lemma.lower()])
            except (KeyError, ValueError, TypeError):
                return None
            return int(value) if value and value == int(value) else None
    return None


def asked_ordinal(question: Question) -> tuple[int, int] | None:
    """(value, token index) of the ordinal the question asks by («… екінші себебі:»), when a word
    follows it (the enumerated noun); a date's ordinal («2-ші») is not one."""
    words = [i for i, t in enumerate(question.tokens) if t.norm.isalpha()]
    for i in words[:-1]:
        if (value := ordinal_value(question.tokens[i].norm)) is not None and value >= 1:
            return value, i
    return None


def adverb_value(tokens: list[Token]) -> int | None:
    """The value of the sentence's ordinal adverb that marks an item: «Екіншіден, …» opening the
    sentence or «…, біріншіден, …» set off by commas; «Петр Біріншіден бастап» marks nothing."""
    from derek.lang.kk.morphology import analyze

    for i, t in enumerate(tokens):
        readings = analyze(t.norm.lower())
        if not readings or not {ORDINAL_TAG, ABLATIVE} <= set(readings[0].tags):
            continue
        opens = not any(c.isalnum() for x in tokens[:i] for c in x.norm)
        after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        before = tokens[i - 1].norm if i else ""
        if after == "," and (opens or before == ","):
            return ordinal_value(t.norm)
    return None


def _item_text(text: str, tokens: list[Token]) -> str:
    """The item sentence after its adverb and comma, without the final stop."""
    for i, t in enumerate(tokens):
        if t.norm == "," and i and adverb_value(tokens[: i + 1]) is not None:
            return text[t.end:].strip().rstrip(".!;").strip()
    return text.strip().rstrip(".!;").strip()


def _topic_question(question: Question, at: int) -> Question:
    """The question without its ordinal and the noun it numbers: what the topic sentence must say."""
    tokens = question.tokens
    cut = {at, at + 1}
    return analyze_question(" ".join(t.norm for i, t in enumerate(tokens) if i not in cut))


def ordinal_item(db, question: Question) -> Item | None:
    """The asked item of an enumeration whose opening (the first item's sentence or the one before
    it) speaks of the question's topic; the best such opening wins, None when none reaches
    ``TOPIC_FLOOR``. Items are found by their adverb, not by the question's words, which they lack."""
    from derek.query.matching import sentence_tokens

    asked = asked_ordinal(question)
    if asked is None or question.answer_type != "description":
        return None
    value, at = asked
    topic_question = _topic_question(question, at)
    best: tuple[float, Item] | None = None
    for doc_id, doc, row in _item_rows(db, question.tokens[at], value, sentence_tokens):
        lead = _lead(db, doc_id, row, value, sentence_tokens)
        if not lead:
            continue
        scored = [passage_at(db, {"doc": doc, "start": s[0], "end": s[1], "text": s[2]}, topic_question) for s in lead]
        cover = max(p.coverage for p in scored) if _names_asked(scored, question) else 0.0
        answer = _item_text(row[2], sentence_tokens(row[2]))
        if cover >= TOPIC_FLOOR and answer and (best is None or cover > best[0]):
            best = cover, Item(doc, row[0], row[1], row[2], answer, ITEM_CONFIDENCE)
    return best[1] if best else None


def _names_asked(lead: list[Passage], question: Question) -> bool:
    """The opening names one of the states or bodies the question asks about, when it asks about
    any («Ресеймен … мәні зор» opens Russia's reasons, not China's), and every other name the
    question writes: in the opening's words, or, for a linked entity, in the document's topic."""
    from derek.kb.search import term

    asked = {e.entity for e in question.entities}
    named = {x["value"] for p in lead for x in p.spans if x["kind"] == "entity"}
    if asked and not asked & named:
        return False
    words = {term(t) for p in lead for t in p.tokens}
    known = named | {e for p in lead for e in p.topic}
    for t in question.tokens:
        if not (t.norm[:1].isupper() and t.norm.isalpha()) or term(t) in words:
            continue
        linked = [e.entity for e in question.entities if e.start <= t.start < e.end]
        if not linked or linked[0] not in known:
            return False
    return True


def _item_rows(db, ordinal: Token, value: int, tokens_of: Any) -> list[tuple[int, str, tuple]]:
    """(doc id, doc name, sentence row) of the sentences whose ordinal adverb has ``value``, found
    through the index term the ordinal shares with its adverb («үшінші», «үшіншіден» → «үш»)."""
    from derek.kb.search import fts_query, term

    rows = db.execute(
        "SELECT s.doc_id, d.name, s.start, s.end, s.text FROM sentence_fts"
        " JOIN sentences s ON s.id = sentence_fts.rowid JOIN documents d ON d.id = s.doc_id"
        " WHERE sentence_fts MATCH ? LIMIT ?", (fts_query([term(ordinal)]), ITEM_POOL)).fetchall()
    return [(r[0], r[1], (r[2], r[3], r[4])) for r in rows if adverb_value(tokens_of(r[4])) == value]


def _lead(db, doc_id: int, row: tuple, value: int, tokens_of: Any) -> list[tuple]:
    """The first item's sentence and the one before it, walking back from the item of ``value``
    over items in order (each at most ``ITEM_REACH`` sentences long); [] when the order breaks."""
    expect, gap = value - 1, 0
    while expect >= 1:
        row = sentence_before(db, doc_id, row[0])
        if row is None:
            return []
        found = adverb_value(tokens_of(row[2]))
        if found == expect:
            expect, gap = expect - 1, 0
        elif found is not None or (gap := gap + 1) > ITEM_REACH:
            return []
    previous = sentence_before(db, doc_id, row[0])
    return [row] + ([previous] if previous is not None else [])
