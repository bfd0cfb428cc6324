"""Answers named next to the matched words rather than in them: what the sentence before names
when the answer's sentence points back to it («Бұл құжат …», «Екі ел …»: ``antecedents``), and
the name a sentence says something is called («… деп аталады»: ``said_names``). Candidates for
``phrases.describe`` and ``candidates.candidates_in``; moved out of phrases.py (session 18)."""

from __future__ import annotations

from derek.kb.search import term
from derek.query.passages import Passage, counted_reference
from derek.query.phrases import Candidate
from derek.query.question import Question

DEMONSTRATIVES = frozenset({"бұл", "осы", "аталған", "мұндай"})
ANTECEDENT_FIT = 0.9  # the answer is named in the sentence before: one step removed


def antecedents(p: Passage, question: Question, labels: tuple[str, ...]) -> list[Candidate]:
    """«Бұл құжат … негізі болып табылады» answers «негізі болып табылатын құжат қандай?» with what
    the sentence before names: «… Алматы актісі қабылданды», and «Екі ел … уағдаласты» answers «…
    қай елмен уағдаласты?» with the state there. Only when the demonstrative's or count's noun is a
    word of the question, and only names of the given entity types there."""
    from derek.query.candidates import short_names

    words = [t for t in p.tokens if any(c.isalnum() for c in t.norm)]
    if p.context is None or len(words) < 3 or not (words[0].norm.lower() in DEMONSTRATIVES
                                                   or counted_reference([w.norm for w in words[:2]])) \
            or not {term(words[1]), term(words[-2])} & set(question.terms):
        return []
    from derek.query.owners import antecedent_factor

    asked = {e.entity for e in question.entities}
    found = []
    for x in p.context.spans + _nested(p.context, labels):
        if x["kind"] == "entity" and x["label"] in labels and x["value"] not in asked:
            name = short_names().get(x["value"]) or x["attrs"].get("name") or x["text"]
            fit = ANTECEDENT_FIT * antecedent_factor(p, x, question)  # not the owner «кімнің» asks for
            found.append(Candidate(name, x["value"], p.coverage * fit, p))
    return found


def _nested(p: Passage, labels: tuple[str, ...]) -> list[dict]:
    """States and places named inside a body's name: «БҰҰ-ның Ливандағы уақытша күштері» → Ливан."""
    from derek.extract.gazetteer import load_gazetteer

    gazetteer, found = load_gazetteer(), []
    for x in p.spans:
        if x["kind"] != "entity" or x["label"] not in ("organization", "body"):
            continue
        inside = [t for t in p.tokens if x["start"] <= p.start + t.start < x["end"]]
        for _, _, entity, _ in gazetteer.match(inside[1:]):
            entry = gazetteer.entries.get(entity)
            if entry is not None and entry.type in labels:
                found.append({"kind": "entity", "label": entry.type, "value": entity, "attrs": {"name": entry.name},
                              "text": entry.name})
    return found


def said_names(p: Passage, question: Question) -> list[Candidate]:
    """«Алғашқы кезде «Шанхай бестігі» деп аталатын» answers «алғашқы атауы қандай?»: a quoted
    name right before «деп» or «деген» («… деген атпен»), when the question asks for a name (a word of the «name» sense group
    of data/verb_synonyms.tsv, «қалай аталады» included, or «деп» itself). Unquoted, the words
    right before «деп ата-» back to a verb, conjunction, adverb or mark («… және бүгінде ЕҚЫҰ-ның
    Астанадағы бағдарламалар кеңсесі деп аталады») are the name, ×``SAID_NAME``."""
    from derek.query.matching import verb_senses

    naming = any(verb_senses().get(term(t)) == "name" or t.norm.lower() == "деп" for t in question.tokens) \
        or verb_senses().get(question.verb or "") == "name"
    found, opened = [], None
    for i, t in enumerate(p.tokens if naming else []):
        if t.norm in ("«", '"') and opened is None:
            opened = i
        elif t.norm in ("»", '"') and opened is not None:
            after = p.tokens[i + 1 : i + 2]
            # «…» деп аталды; «…» деген атпен сақталды (kept under the name «…»)
            if i > opened + 1 and after and after[0].norm.lower() in ("деп", "деген"):
                text = p.text[p.tokens[opened + 1].start : p.tokens[i - 1].end]
                found.append(Candidate(text, None, p.coverage, p))
            opened = None
        elif t.norm.lower() == "деп" and i + 1 < len(p.tokens) and opened is None \
                and verb_senses().get(term(p.tokens[i + 1])) == "name" and (start := _name_start(p, i)) < i \
                and not {term(x) for x in p.tokens[start:i]} <= set(question.terms):  # not the asked name
            found.append(Candidate(p.text[p.tokens[start].start : p.tokens[i - 1].end], None,
                                   p.coverage * SAID_NAME, p))
    return found


SAID_NAME = 1.1  # the words a sentence says something is called answer «қалай аталады?»
NAME_WORDS = 8  # an unquoted name is at most this long
NAME_STOPS = frozenset({"VERB", "CCONJ", "ADV", "PRON"})


def _name_start(p: Passage, i: int) -> int:
    """The first word of the unquoted name before «деп» at ``i`` (``i`` when there is none)."""
    from derek.lang.kk.morphology import analyze

    start = i
    while start > 0 and i - start < NAME_WORDS:
        word = p.tokens[start - 1].norm
        readings = analyze(word)
        if not any(c.isalnum() for c in word) or (readings and readings[0].pos in NAME_STOPS):
            break
        start -= 1
    return start
