"""A passage's coverage of a question: the weighted share of the question's words and entities a
sentence holds (``score``), with the sentence an «Ол ...» sentence leans on and the entities its
document names; fills a Passage's tokens, matched, weights and coverage."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from derek.kb.search import term
from derek.query.event_names import event_name_factor
from derek.query.event_order import order_factor
from derek.query.fit import (
    OBJECT_FRAME,
    date_factor,
    holds_answer_kind,
    object_mirrored,
    ordinal_factor,
    ordinal_hits,
    pair_factor,
    place_factor,
    possessed_factor,
    rival_org_factor,
    rival_person_factor,
    rival_state_factor,
)
from derek.query.former_names import present_name_factor
from derek.query.lifespans import lifespan_side, lifespans
from derek.query.matching import (
    contrary_verb,
    form_hits,
    rival_verb,
    sentence_tokens,
    synonym_hits,
    term_hits,
    verb_key,
    word_keys,
    word_synonym_hits,
)
from derek.query.org_heads import head_rival, related
from derek.query.question import Question
from derek.query.roles import role_factor

if TYPE_CHECKING:
    from derek.query.passages import Passage

ENTITY_WEIGHT = 3.0  # a named entity of the question counts like a rare word
CONTEXT_WEIGHT = 0.7  # a word found only in the sentence an «Ол ...» sentence refers to
TOPIC_WEIGHT = 0.5  # an organization named elsewhere in the same document only («Одаққа» = ЕАЭО)
BODY_WEIGHT = 0.8  # a body named by its own word in a text about its organization («Ұйымның Хатшылығы»)
TOPIC_TYPES = ("organization", "body", "treaty")  # states and people are not referred to so
RIVAL_KINDS = {"organization": {"organization", "body"}, "body": {"organization", "body"}}
NAME_WEIGHT = 1.5  # the question's verb and its proper names count half as much again
VERB_MISSING = 0.85  # a sentence without the question's verb (or a synonym of its predicate)
VERB_CONTRARY = 0.9  # … that holds a verb of another sense group (data/verb_synonyms.tsv)
VERB_RIVAL = 0.6  # … that states a rival event (data/rival_verbs.tsv: signed, not entered into force)
# … that is a heading line (no closing stop, a few words): «Қазақ хандығы XVIII ғасырда» names a
# time and a topic but states no event, so it cannot say when the asked one happened
HEADING_MISSING = 0.7
HEADING_WORDS = 8
UNSTATED_TRIGGER = 0.5  # share of a paraphrased verb's match when no stored fact states it
FOCUS_BY_VALUE = 0.8  # «қай мемлекеттерге» is matched by «Түркияға, Қытайға» without the word «мемлекет»


def score(passage: Passage, question: Question, idf: dict[str, float]) -> None:
    """Coverage: the weighted share of the question's words and entities the sentence holds.

    The question's verb and its proper names weigh double; a paraphrased verb counts when the
    sentence triggers one of the question's predicates; a year the question names must be there.
    """
    passage.tokens = sentence_tokens(passage.text)
    passage.matched, passage.weights = [], {}
    keys = word_keys(passage.tokens)
    before = _context(passage)
    total, matched = _entity_cover(passage, question, idf, keys, before)
    entity_words = {term(t) for e in question.entities for t in question.tokens
                    if e.start <= t.start and t.end <= e.end}
    # A predicate written lowercase («астана», capital city) is not found in a name («Астанада»):
    # «Алматы қашан астана болды?», «Астана қай жылы астана болды?» (where it is also the name).
    common_verb = any(term(t) == question.verb and t.norm[:1].islower() for t in question.tokens
                      if not any(e.start <= t.start and t.end <= e.end for e in question.entities))
    penalty = 1.0
    # «қол қойылды» (signed) is no paraphrase of «күшіне енді» (entered into force), whatever
    # predicate it triggers (data/rival_verbs.tsv)
    rival = rival_verb(question.tokens, question.verb, keys)
    forms = {term(x): x.norm.lower() for x in question.tokens}
    # «бас қосты» (met) is one verb: its noun «бас» is no word of its own to find
    sense = verb_key(question.tokens, question.verb)
    light = sense.split()[0] if sense and " " in sense else None
    for t in question.terms:
        if t in entity_words and not (common_verb and t == question.verb) or t == light:
            continue
        weight = idf.get(t, 1.0) * (NAME_WEIGHT if t in question.names or t == question.verb else 1.0)
        total += weight
        verb_keys = common_verb and t == question.verb
        found = term_hits(t, _unnamed_keys(passage, keys) if verb_keys else keys) \
            or (form_hits(forms.get(t, ""), keys) if len(t) < 5 else [])
        if found:
            matched += weight * (1.0 if t in keys[::2] else 0.8)
            passage.matched += found
            _weigh(passage, found, weight)
        elif ordinals := ordinal_hits(forms.get(t, ""), passage.tokens):
            matched += weight * 0.8  # «тұңғыш» for «бірінші»
            passage.matched += ordinals
            _weigh(passage, ordinals, weight)
        elif (synonyms := _verb_synonyms(sense, keys, question) if t == question.verb else word_synonym_hits(t, keys)):
            matched += weight * 0.8  # a paraphrased verb («жіберілді» for «аттанды») or noun («зиян»)
            passage.matched += synonyms
            _weigh(passage, synonyms, weight)
        elif t == question.verb and not rival and (share := _paraphrase(passage, question, t)):
            matched += weight * 0.8 * share  # a paraphrase, or «Абылай (1711–1781)» for «туған жылы»
        elif term_hits(t, _unnamed_keys(passage.context, before[0]) if verb_keys and before[0] else before[0]):
            matched += weight * CONTEXT_WEIGHT
        elif t == question.verb and object_mirrored(passage.tokens, question):
            matched += weight * OBJECT_FRAME  # «жобасын … ұсынған» for «жобасын … дайындады»
        elif t == question.focus and holds_answer_kind(passage, question):
            matched += weight * FOCUS_BY_VALUE
        elif t == question.verb:
            penalty *= VERB_MISSING  # the sentence does not say what the question asks happened
            if question.answer_type in ("date", "year") and _heading(passage):
                penalty *= HEADING_MISSING
            if contrary_verb(sense, keys):
                penalty *= VERB_CONTRARY  # another thing happened («тағайындалды», not «аяқтады»)
            if rival:
                penalty *= VERB_RIVAL  # «қол қойылды» does not say it «күшіне енді»
    passage.matched_weight = matched
    passage.coverage = (matched / total if total else 0.0) * date_factor(passage, question) * penalty \
        * ordinal_factor(passage, question) * pair_factor(passage, question, before[1]) \
        * possessed_factor(passage, question) * place_factor(passage, question, before[1]) \
        * rival_org_factor(passage, question, before[1]) * rival_state_factor(passage, question, before[1]) \
        * rival_person_factor(passage, question, before[1]) * present_name_factor(passage, question) \
        * order_factor(passage, question) * role_factor(passage, question) * event_name_factor(passage, question)


def _entity_cover(passage: Passage, question: Question, idf: dict[str, float], keys: list[str],
                  before: tuple[list[str], set[str]]) -> tuple[float, float]:
    """(total, matched) weight of the question's entities: an entity weighs what its words weigh,
    and at least a rare word; named before («Ол …») or elsewhere in the document, it counts less."""
    asked = {e.entity for e in question.entities}
    entity_ids = {x["value"] for x in passage.spans if x["kind"] == "entity" and not is_reference(x)}
    # «Ұйымның», «Кеңеске» (entities_backref): the entity named by its bare head counts as one
    # named in the sentence before, not as its name («Моңғолия … Ұйымға қосылды» is no answer to
    # a question about leaving the OSCE just because «Ұйымға» is the OSCE)
    referred = {x["value"] for x in passage.spans if x["kind"] == "entity" and is_reference(x)}
    total = matched = 0.0
    for e in question.entities:
        words = [term(t) for t in question.tokens if e.start <= t.start and t.end <= e.end]
        weight = ENTITY_WEIGHT + sum(idf.get(w, 1.0) for w in words)
        total += weight
        hits = [w for w in words if term_hits(w, keys)]
        passage.matched += [i for w in hits for i in term_hits(w, keys)]
        _weigh(passage, [i for w in hits for i in term_hits(w, keys)], weight / max(len(words), 1))
        if e.entity in entity_ids:
            matched += weight
        elif e.entity in before[1] or e.entity in referred or (words and all(term_hits(w, before[0]) for w in words)):
            matched += weight * CONTEXT_WEIGHT
        elif e.entity in passage.topic and e.type in TOPIC_TYPES \
                and not _rival(passage, e.type, asked, question.verb) \
                and not (len(words) > 1 and inside_other_body(passage, passage_hits(hits, keys), e.entity)):
            matched += weight * TOPIC_WEIGHT
        elif hits and _own_body(passage, e.entity, entity_ids, [w for w in words if w not in hits]):
            matched += weight * BODY_WEIGHT
        elif len(words) > 1 and words[-1] in hits and e.entity in passage.topic \
                and not _rival(passage, e.type, asked, question.verb):
            matched += weight * TOPIC_WEIGHT  # «полигонда» in a text that names «Семей сынақ полигоны»
        elif words:
            matched += weight * 0.5 * len(hits) / len(words)
    for x in passage.spans:
        if x["kind"] == "entity" and x["value"] in asked:
            inside = [i for i, t in enumerate(passage.tokens) if x["start"] <= passage.start + t.start < x["end"]]
            passage.matched += inside
            _weigh(passage, inside, ENTITY_WEIGHT / max(len(inside), 1))
    return total, matched


def passage_hits(words: list[str], keys: list[str]) -> list[int]:
    """The indexes of the sentence's words that are one of ``words`` (``term_hits`` of each)."""
    return sorted({i for w in words for i in term_hits(w, keys)})


LAND = ("place:", "state:")  # a town or state named with the word: «Шанхайда» is where, not what


def inside_other_body(passage: Passage, indexes: list[int], entity_id: str) -> bool:
    """A word of the asked name sits inside another named body, treaty or event: «Шанхай
    ынтымақтастық ұйымын құру туралы декларация» in a text that also tells of «Шанхай бестігі» is
    about the other organization, so the text's topic lends the sentence nothing. A place or state
    named with the word («Шанхайда», «Астанада») is where things happened and rivals nothing."""
    spans = [(x["start"] - passage.start, x["end"] - passage.start) for x in passage.spans
             if x["kind"] == "entity" and x["value"] != entity_id and not x["value"].startswith(LAND)]
    tokens = passage.tokens
    return any(a <= tokens[i].start and tokens[i].end <= b for i in indexes for a, b in spans)


def is_reference(span: dict) -> bool:
    """Is the stored span an entity named only by its bare head («Ұйымның»: entities_backref)?"""
    return (span.get("attrs") or {}).get("source") == "reference"


def parent_entity(entity_id: str) -> str | None:
    """The organization a body belongs to: org:sco-secretariat → org:sco (None for no body id)."""
    return entity_id.rsplit("-", 1)[0] if ":" in entity_id and "-" in entity_id.split(":", 1)[1] else None


def _own_body(passage: Passage, entity_id: str, named: set[str], missed: list[str]) -> bool:
    """«Ұйымның Хатшылығы» in a text about ШЫҰ is the asked «ШЫҰ Хатшылығы»: the body's own
    word is there and only its organization's name is missing, the organization being named in
    the sentence or the document (and no other organization in the sentence)."""
    parent = parent_entity(entity_id)
    if parent is None or not missed or not (parent in named or parent in passage.topic):
        return False
    family = {x["value"] for x in passage.spans if x["kind"] == "entity" and parent_entity(x["value"]) == parent}
    return not _rival(passage, "organization", {entity_id, parent} | family)  # sister bodies are no rivals


def _verb_synonyms(sense: str, keys: list[str], question: Question) -> list[int]:
    """Words that say the question's verb in other words: a verb of its sense group, or the noun
    its aorist states («мүше» for «кіреді», Question.standing)."""
    return synonym_hits(sense, keys) or (term_hits(question.standing, keys) if question.standing else [])


def _weigh(passage: Passage, indexes: list[int], weight: float) -> None:
    for i in indexes:
        passage.weights[i] = max(passage.weights.get(i, 0.0), weight)


def _rival(passage: Passage, kind: str, asked: set[str], verb: str = "") -> bool:
    """The sentence names another entity of the asked kind: «Ұйым» there is not the asked one.
    An organization and a body rival each other (ЕҚЫҰ vs БҰҰ Қауіпсіздік Кеңесі), but not the
    asked body's own organization (org:sco for org:sco-secretariat), nor the asked organization's
    own body (org:un-ga, the General Assembly, for org:un)."""
    kinds = RIVAL_KINDS.get(kind, {kind})
    if kind in ("organization", "body") and head_rival(passage, asked, verb):
        return True  # «Кеңес құру» in a text on the CICA: the organization founded is named by its head
    return any(x["kind"] == "entity" and x["label"] in kinds and x["value"] not in asked
               and not any(related(a, x["value"]) for a in asked)
               for x in passage.spans)


def _context(passage: Passage) -> tuple[list[str], set[str]]:
    """Terms and entity ids of the sentence an anaphoric sentence leans on (its tokens kept on it)."""
    before = passage.context
    if before is None:
        return [], set()
    if not before.tokens:
        before.tokens = sentence_tokens(before.text)
    return word_keys(before.tokens), {x["value"] for x in before.spans if x["kind"] == "entity"}


def _unnamed_keys(passage: Passage, keys: list[str]) -> list[str]:
    """``keys`` with the capitalized words inside entity mentions blanked («Астанада» is no
    «астана», capital)."""
    spans = [(x["start"] - passage.start, x["end"] - passage.start) for x in passage.spans if x["kind"] == "entity"]
    named = {i for i, t in enumerate(passage.tokens)
             if t.norm[:1].isupper() and any(a <= t.start < b for a, b in spans)}
    return [("" if i // 2 in named else k) for i, k in enumerate(keys)]


def _paraphrase(passage: Passage, question: Question, verb: str) -> float:
    if lifespan_side([verb]) and lifespans(passage):
        return 1.0
    return _same_predicate(passage, question)


def _same_predicate(passage: Passage, question: Question) -> float:
    """Does the sentence state a predicate the question asks about (a paraphrased verb)? 1 when
    it has a trigger of one; in a knowledge base, where the stored facts say what each sentence
    states, a trigger no fact came from counts ``UNSTATED_TRIGGER``: «… Саммит өткізу туралы шешім
    қабылданды» has the trigger of «мүшелікке қабылданды» but states no joining."""
    asked = frozenset(question.predicates)
    if passage.stated and asked & passage.stated:
        return 1.0
    if not _has_trigger(tuple(t.norm for t in passage.tokens), asked):
        return 0.0
    return 1.0 if passage.stated is None else UNSTATED_TRIGGER


@lru_cache(maxsize=50_000)
def _has_trigger(norms: tuple[str, ...], asked: frozenset[str]) -> bool:
    """Whether a trigger of a predicate in ``asked`` starts at some word of ``norms``; cached
    because one knowledge base's sentences are scored again for every question asking the same
    predicates (a fifth of `ask`'s time before, session 18)."""
    from derek.extract.rules import trigger_matches
    from derek.query.question import predicate_rules

    rules = [rule for rule, predicates in predicate_rules() if asked & set(predicates)]
    words = list(norms)
    return any(trigger_matches(rule, words, i) for rule in rules for i in range(len(words)))


def _heading(passage: Passage) -> bool:
    """A heading line: a few words and no closing stop («Қазақ хандығы XVIII ғасырда»)."""
    text = passage.text.rstrip()
    words = [t for t in passage.tokens if any(c.isalnum() for c in t.norm)] if passage.tokens else text.split()
    return bool(text) and text[-1] not in ".!?…;:" and len(words) <= HEADING_WORDS
