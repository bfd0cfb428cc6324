"""Yes/no questions («Қазақстан ШЫҰ-ның құрылтайшысы ма?»): «Иә» when a fact or a sentence states
it, «Жоқ» when the facts say the state left what it joined or a sentence denies the asked predicate
itself («… ие емес»), else no answer: derek never says no for want of a source."""

from __future__ import annotations

from itertools import pairwise

from derek.extract.rules import best_tags
from derek.query.passages import Passage
from derek.query.phrases import Candidate
from derek.query.question import Question

YES, NO = "Иә", "Жоқ"
STATED = 0.9  # a sentence says yes when it covers this share of the question, its verb included
DENIALS = frozenset({"емес", "жоқ"})  # «мүше емес», «мүшелігі жоқ»
# «әскери блок немесе жабық альянс емес» (neither … nor); «X және Y емес» may deny Y alone
COORDINATORS = frozenset({"немесе", "не", "я", "яки"})
BREAKS = frozenset({",", ";", ":", "-", "—", "–", "(", ")"})
DENIAL_REACH = 4  # tokens from the asked predicate to its «емес» across one coordinated phrase
COPULAR_CONVERB = "болып"  # «мемлекет болып табылмайды»: «болып» and a negated verb deny as «емес» does
# a sentence that negates the asked predicate itself speaks to the question more directly than one
# that only shares its words («Достастықтың мүше мемлекеттері … болып табылады» for «ТМД мемлекет пе?»)
DENIAL_WEIGHT = 1.05


def missing_entities(p: Passage, question: Question) -> set[str] | None:
    """The asked entities the sentence does not name, when the sentence may still speak of them;
    None when it may not. «Идеяны жүзеге асыру оңай болмады.» names no entity: the one asked about
    is the sentence before's, or the document's own when the sentence names none at all; a sentence
    that names a rival of the missing one's kind («Өзбекстан … қарсы») speaks of the rival."""
    asked = {e.entity for e in question.entities}
    named = {x["value"] for x in p.spans if x["kind"] == "entity"}
    missing = asked - named
    if missing and not (missing <= named_before(p) or (not named and missing <= p.topic)) \
            or rival_named(p, question, missing):
        return None
    return missing


def yes_in(p: Passage, question: Question) -> list[Candidate]:
    """«Иә» when this sentence names every entity asked about, holds the question's verb and most
    of its words, and denies nothing; «Жоқ» when it denies the asked predicate or negates the
    question's verb («… жобаға кірмеді» for «… жобаға қосылды ма?»)."""
    missing = missing_entities(p, question)
    if missing is None:
        return []
    if p.coverage < STATED and not (missing and _all_but_names(p, question, missing)):
        return []
    verbs = verb_tokens(p, question)
    if question.verb and not verbs:
        return []
    if denied(p, question) or (verbs and all("NEG" in best_tags(p.tokens[i].norm) for i in verbs)):
        return [Candidate(NO, "no", p.coverage * DENIAL_WEIGHT, p)]
    if any(t.norm.lower() in DENIALS or "NEG" in best_tags(t.norm) for t in p.tokens) or _renounces(p):
        return []
    return [Candidate(YES, "yes", p.coverage, p)]


def verb_tokens(p: Passage, question: Question) -> list[int]:
    """The sentence's words that say the question's verb: itself or its stem with a short ending
    («субъектілігіне» for «субъектісі ме?»), else a verb of its sense group (verb_synonyms.tsv:
    «кірмеді» for «қосылды ма?»). A negated one («… ешбір жобаға кірмеді») answers «Жоқ»."""
    from derek.query.matching import synonym_hits, term_hits, word_keys

    if not question.verb:
        return []
    keys = word_keys(p.tokens)
    return term_hits(question.verb, keys) or synonym_hits(question.verb, keys)


def lacks_predicate(p: Passage, question: Question) -> bool:
    """The sentence says nothing of the question's verb: not the verb, its stem, a verb of its sense
    group, nor the noun its aorist states («мүше» for «кіреді»). «Алматы актісіне неше мемлекет қол
    қойды?» is not answered by «16 мемлекеттің басшылары … қатысып, Алматы актісі қабылданды»."""
    from derek.query.matching import term_hits, word_keys

    if not question.verb:
        return False
    return not verb_tokens(p, question) and not (question.standing and term_hits(question.standing, word_keys(p.tokens)))


def denied(p: Passage, question: Question) -> bool:
    """The sentence denies the asked predicate itself: «емес/жоқ» right after the question's last
    word, or after a phrase coordinated with it («әскери блок немесе жабық альянс емес» for «… әскери
    блок па?»), or between two words the question joins («тұрақты емес мүшесі» for «тұрақты мүшесі
    ме?»). A denial elsewhere in the sentence («… мемлекет емес, ол …») says nothing of the question."""
    from derek.kb.search import term

    forms = [t.norm.lower() for t in p.tokens]
    terms = [term(t) for t in p.tokens]
    joined = set(pairwise(question.terms))
    for i, form in enumerate(forms):
        if not (form in DENIALS or _negated_copula(p, i) or _negated_be(p, i)):
            continue
        if 0 < i < len(terms) - 1 and (terms[i - 1], terms[i + 1]) in joined:
            return True
        for j in range(max(0, i - DENIAL_REACH), i):
            between = forms[j + 1:i]
            if terms[j] == question.verb and not BREAKS & set(between) \
                    and (not between or COORDINATORS & set(between)):
                return True
    return False


def _negated_copula(p: Passage, i: int) -> bool:
    """«болып табылмайды», «болып саналмайды», «болып есептелмейді»: the copular converb «болып»
    followed by a negated verb says the noun before it is not so, as «емес» after that noun does."""
    tokens = p.tokens
    return tokens[i].norm.lower() == COPULAR_CONVERB and i + 1 < len(tokens) \
        and "NEG" in best_tags(tokens[i + 1].norm)


def _negated_be(p: Passage, i: int) -> bool:
    """«оңай болмады», «мүше болмайды»: a negated «бол-» (be, become) right after the asked predicate
    denies it as «емес» does (``denied`` checks that the word before is the question's verb)."""
    token = p.tokens[i]
    return token.lemma.lower() == "бол" and "NEG" in best_tags(token.norm)


def named_before(p: Passage) -> set[str]:
    """Entities the sentence before names («АӨСШК … құрылды. Идеяны жүзеге асыру оңай болмады.»):
    the anaphora context, else the preceding neighbour of the same document."""
    before = [n for n in p.neighbours if n.end <= p.start] + ([p.context] if p.context else [])
    return {x["value"] for n in before for x in n.spans if x["kind"] == "entity"}


def rival_named(p: Passage, question: Question, missing: set[str]) -> bool:
    """The sentence names another entity of a kind the missing one has («Өзбекстан … қарсы» says
    nothing of Қазақстан, though the sentence before names it): that one is its subject (session 19)."""
    kinds = {e.type for e in question.entities if e.entity in missing}
    asked = {e.entity for e in question.entities}
    return any(x["kind"] == "entity" and x["label"] in kinds and x["value"] not in asked for x in p.spans)


def _all_but_names(p: Passage, question: Question, missing: set[str]) -> bool:
    """Every question word the sentence lacks is a word of an entity named only in the sentence
    before: the sentence states all the rest, its verb included."""
    from derek.kb.search import term
    from derek.query.matching import synonym_hits, term_hits, word_keys

    names = {term(t) for e in question.entities if e.entity in missing
             for t in question.tokens if e.start <= t.start < e.end}
    keys = word_keys(p.tokens)
    lacking = [t for t in question.terms if not (term_hits(t, keys) or synonym_hits(t, keys))]
    return bool(names) and all(t in names for t in lacking)




def _renounces(p: Passage) -> bool:
    """«толық мүшеліктен бас тартып»: «бас тарт-» (renounce) denies what follows it as «емес» does."""
    words = [t for t in p.tokens if any(c.isalnum() for c in t.norm)]
    return any(a.norm.lower() == "бас" and b.lemma.lower() == "тарт" for a, b in pairwise(words))
