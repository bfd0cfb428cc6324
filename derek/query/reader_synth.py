"""Synthetic questions for training the span reader (scripts/train_reader.py): a sentence holding a
typed span (entity, date, number) with the question word its type and case ask in the span's place.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from derek.doc import Document, Sentence

PER_PASSAGE = 6  # synthetic questions per passage at most
SEED = 7
# the question word an entity asks, by its type group and grammatical case
PERSON = {"NOM": "кім", "GEN": "кімнің", "DAT": "кімге", "ACC": "кімді", "ABL": "кімнен",
          "INS": "кіммен", "LOC": "кімде"}
PLACE = {"LOC": "қайда", "ABL": "қайдан", "DAT": "қайда", "GEN": "қай жердің"}
PLACE_NOM = {"state": "қай мемлекет", "city": "қай қала", "region": "қай өңір", "river": "қай өзен"}
PLACE_TYPES = {"place", "state", "region", "city", "river", "country", "GPE", "LOCATION", "lake", "mountain"}
ORGANIZATION = {"NOM": "қандай ұйым", "ACC": "қандай ұйымды", "DAT": "қандай ұйымға", "LOC": "қандай ұйымда"}
_YEAR = re.compile(r"^(\d{3,4})\s*(ж\.|жылы|жылдары|жылғы)$")
_MARKUP = ("==", "|", "&lt;", "[[", "]]", "{{", "\n")
_QUOTES = ("«", "»", '"', "“", "”", "„")
LONG = 8  # a side of the question longer than this in words is cut at its nearest comma
MAX_NUMBERS = 2  # numbers per passage at most (they outnumber the other slots)
_END = re.compile(r"[\s.!?…;:]+$")


@dataclass(slots=True)
class Slot:
    """A typed span of one sentence: where it stands, the question word, the answer's offsets."""

    start: int  # the characters the question word replaces
    end: int
    word: str
    answer_start: int
    answer_end: int
    kind: str


def slots(doc: Document) -> list[tuple[Sentence, Slot]]:
    """Every (sentence, slot) of an analysed document."""
    found: list[Slot] = []
    starts = {doc.tokens[s.first_token].start for s in doc.sentences if s.last_token > s.first_token}
    for e in doc.entities:
        word = _entity_word(e.type, e.case)
        if word and not (e.source == "ner" and e.start in starts and " " not in e.text):  # a capital
            found.append(Slot(e.start, e.end, word, e.start, e.end, "entity:" + e.type))
    for d in doc.dates:
        year = _YEAR.match(d.text)
        if year:
            found.append(Slot(d.start, d.end, "қай жылы", d.start, d.start + len(year.group(1)), "year"))
        elif d.type == "DATE" and any(c.isdigit() for c in d.text):
            found.append(Slot(d.start, d.end, "қашан", d.start, d.end, "date"))
    for q in doc.quantities:
        if q.kind in ("cardinal", "count") and any(c.isdigit() for c in q.text):
            word = "қанша" if q.unit else "неше"
            found.append(Slot(q.start, q.end, word, q.start, q.end, "number"))
    out = []
    for s in doc.sentences:
        if any(m in doc.text[s.start : s.end] for m in _MARKUP):
            continue
        inside = [x for x in found if s.start <= x.start and x.end <= s.end and _standalone(doc.text, s.start, x)]
        out += [(s, x) for x in inside if not any(o is not x and _overlap(o, x) for o in inside)]
    return out


def _standalone(text: str, start: int, slot: Slot) -> bool:
    """Whether the slot stands alone: not inside brackets, not glued to a suffix or a range, not
    an item of a comma list."""
    left, after = text[start : slot.start], text[slot.end : slot.end + 2].lstrip()
    if left.count("(") > left.count(")") or left.rstrip().endswith(("-", "–", "—", *_QUOTES)):
        return False
    return not (after[:1] in ("-", "–", "—", ",", "(", ")", *_QUOTES) or text[slot.end : slot.end + 1].isalnum())


def _overlap(a: Slot, b: Slot) -> bool:
    return a.start < b.end and b.start < a.end


def _entity_word(kind: str, case: str) -> str | None:
    if kind in ("person", "PERSON"):
        return PERSON.get(case)
    if kind in PLACE_TYPES:
        return PLACE.get(case) or (PLACE_NOM.get(kind) if case == "NOM" else None)
    if kind in ("organization", "ORGANISATION"):
        return ORGANIZATION.get(case)
    return None


def question_text(text: str, sentence: Sentence, slot: Slot, drop: bool) -> str | None:
    """The sentence with the question word in the slot's place; ``drop``: without the clause
    before the last comma preceding the slot (so the question does not copy the sentence)."""
    left, right = text[sentence.start : slot.start], text[slot.end : sentence.end]
    if (drop or len(left.split()) > LONG) and "," in left:
        left = left[left.rindex(",") + 1 :]
    if len(right.split()) > LONG and "," in right:
        right = right[: right.index(",")]
    right = _END.sub("", right)
    q = f"{left.strip()} {slot.word} {right.strip()}".strip()
    q = " ".join(q.split())
    if len(q.split()) < 3 or len(q.split()) > 30:
        return None
    return q[0].upper() + q[1:] + "?"


def synthetic(items: list[dict], per_passage: int = PER_PASSAGE, seed: int = SEED,
              docs: dict | None = None) -> list[dict]:
    """KazQAD-shaped items (id, context, question, answers) from the distinct contexts of
    ``items``; their questions and answers are never read."""
    from derek.pipeline import analyze

    rng = random.Random(seed)
    docs = {} if docs is None else docs
    out: list[dict] = []
    for n, context in enumerate(dict.fromkeys(i["context"] for i in items)):
        doc = docs.get(context) or docs.setdefault(context, analyze(context))
        found = slots(doc)
        rng.shuffle(found)
        numbers = [x for x in found if x[1].kind == "number"][:MAX_NUMBERS]
        found = [x for x in found if x[1].kind != "number"] + numbers
        for k, (sentence, slot) in enumerate(found[:per_passage]):
            q = question_text(context, sentence, slot, drop=rng.random() < 0.5)
            if q:
                answer = context[slot.answer_start : slot.answer_end]
                out.append({"id": f"syn{n}_{k}", "context": context, "question": q, "kind": slot.kind,
                            "answers": {"text": [answer], "answer_start": [slot.answer_start]}})
    return out
