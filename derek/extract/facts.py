"""Facts from sentences: trigger rules over lemmas, with arguments chosen by case and type.

Reads Document tokens, sentences, dates, quantities and entities; writes Document.facts.
Each fact cites its sentence (start, end). Lists give one fact per member, a subject or date
left out of a clause is carried over from the previous clause or sentence, negated triggers and
names excluded by «қоспағанда» give no fact.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.events import event_facts
from derek.extract.facts_counts import count_facts
from derek.extract.arguments import SEPARATORS, clause_arguments
from derek.extract.rules import ROLES, Arg, Clause, Rule, load_rules, negated, trigger_matches, word_info

_CLAUSE_BREAKS = {"ал", "бірақ", "алайда", "сондай-ақ"}
_FINITE = {"PAST", "3", "PTCP.PAST"}
_BULLETS = {"-", "–", "—", "*", "•"}
_GROUP_NOUNS = {"ел", "мемлекет", "мүше-мемлекет", "елдер", "мемлекеттер"}
_OFFICES = {"орталық", "өкілдік", "кеңсе", "бөлімше", "миссия", "филиал"}
_PHRASE_LINKS = {"болып", "қызметіне", "етіп", "ретінде"}
_CASES = frozenset({"GEN", "DAT", "ACC", "LOC", "ABL", "INS"})
_ADJECTIVAL = {"бас", "вице"}  # nouns used as adjectives: «бас қолбасшы» (commander-in-chief)
_NOT_IN_PHRASE = {"тұңғыш", "алғашқы", "жаңа", "бірінші", "екінші", "қайта"}


@dataclass(slots=True)
class _Context:
    """What carries over between clauses and sentences of one document."""

    subject: Arg | None = None
    subject_sentence: int = -1
    date: DateMention | None = None
    previous_first: int = 0  # first token of the previous sentence
    objects: tuple[int, list[Arg]] | None = None  # (sentence, objects) of the last fact
    pending: tuple[Rule, list[Arg]] | None = None  # a header's rule still looking for subjects
    frame: tuple[Rule, list[Arg]] | None = None  # the header that list items continue


def extract_facts(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.facts``."""
    index = _TokenIndex(doc)
    context = _Context()
    facts: list[Fact] = []
    for n, sentence in enumerate(doc.sentences):
        context.date, context.pending = None, None
        _update_frame(sentence, index, context)
        for clause in _clauses(doc, sentence, index):
            facts += _clause_facts(doc, sentence, n, clause, index, context)
        facts += count_facts(doc, sentence, index)
        if index.norms[sentence.last_token - 1] == ":" and context.pending:
            context.frame = context.pending
        context.previous_first = sentence.first_token
    doc.facts = _dedupe(facts)
    return doc


def _update_frame(sentence: Sentence, index: _TokenIndex, context: _Context) -> None:
    """A list header's frame lasts while the following sentences are list items."""
    first = index.norms[sentence.first_token]
    second = index.norms[sentence.first_token + 1] if sentence.first_token + 1 < sentence.last_token else ""
    if not (first in _BULLETS or (first.isdigit() and second in (".", ")"))):
        context.frame = None


class _TokenIndex:
    """Token positions of entity mentions, dates and quantities."""

    def __init__(self, doc: Document) -> None:
        by_start = {t.start: i for i, t in enumerate(doc.tokens)}
        by_end = {t.end: i + 1 for i, t in enumerate(doc.tokens)}
        self.norms = [t.norm for t in doc.tokens]
        self.mentions = [(by_start.get(m.start), by_end.get(m.end), m) for m in doc.entities]
        self.mentions = [(a, b, m) for a, b, m in self.mentions if a is not None and b is not None]
        self.dates = [(by_start.get(d.start, -1), d) for d in doc.dates]
        self.quantities = [(by_start.get(q.start, -1), by_end.get(q.end, -1), q) for q in doc.quantities]
        self.date_tokens = {i for d in doc.dates for i in range(by_start.get(d.start, 0), by_end.get(d.end, 0))}

    def antecedent_org(self, token: int, noun: str) -> tuple[str, str] | None:
        """The last organization or body before ``token`` whose name has ``noun`` in it
        («Кеңестің» → «…сенім шаралары жөніндегі кеңес»); for «Ұйым» any organization."""
        stem = noun[:-1]
        earlier = [m for a, _, m in reversed(self.mentions) if a < token and m.type in ("organization", "body")]
        for m in earlier:
            if stem in m.name.lower():
                return m.entity, m.type
        if noun in ("ұйым", "бірлестік"):
            return next(((m.entity, m.type) for m in earlier if m.type == "organization"), None)
        return None

    def last_before(self, token: int, types: tuple[str, ...] | frozenset[str],
                    since: int = 0) -> tuple[str, str] | None:
        """The last mention of one of ``types`` between token ``since`` and ``token``, a
        nominative one (a subject) first."""
        found = [m for a, _, m in reversed(self.mentions) if since <= a < token and m.type in types]
        best = next((m for m in found if m.case == "NOM"), found[0] if found else None)
        return (best.entity, best.type) if best else None


def _clauses(doc: Document, sentence: Sentence, index: _TokenIndex) -> list[Clause]:
    """Split at «, ал», «; » and after a finite verb followed by «және» or a comma."""
    clauses, start = [], sentence.first_token
    norms = index.norms
    for i in range(sentence.first_token, sentence.last_token - 1):
        nxt = norms[i + 1].lower()
        breaks = norms[i] == ";" or (norms[i] == "," and nxt in _CLAUSE_BREAKS)
        if not breaks and nxt in (",", "және", "әрі", "да", "де") and i > start:
            lemma, tags, pos = word_info(norms[i])
            breaks = pos in ("VERB", "AUX") and bool(tags & _FINITE) or ("COND" in tags and nxt == ",")
        if breaks:
            clauses.append(Clause(start, i + 1))
            start = i + 1
    clauses.append(Clause(start, sentence.last_token))
    for clause in clauses:
        clause.args = clause_arguments(clause, index)
    return clauses


def _clause_facts(doc: Document, sentence: Sentence, n: int, clause: Clause,
                  index: _TokenIndex, context: _Context) -> list[Fact]:
    facts: list[Fact] = []
    used: set[int] = set()
    norms = index.norms
    date = _clause_date(clause, index) or _that_year(clause, index, context.date) or context.date
    fired = False
    for rule in load_rules():
        for i in range(clause.first, clause.last):
            end = i + len(rule.trigger)
            if used.intersection(range(i, end)) or i in index.date_tokens \
                    or not trigger_matches(rule, norms, i):
                continue
            if end < len(norms) and norms[end].lower() == "туралы":
                continue  # «Одаққа қосылу туралы шарт»: the topic of a document, not an event
            if negated(norms, end):  # no fact, but its subject carries to the next clause
                _apply(doc, sentence, n, clause, rule, (i, end), date, index, context)
                used.update(range(i, end))
                fired = True
                continue
            found = _apply(doc, sentence, n, clause, rule, (i, end), date, index, context)
            if found:  # a trigger that found no arguments leaves its words to other rules
                used.update(range(i, end))
                fired = True
                facts += found
    if not fired and context.frame is not None:
        facts += _apply_frame(doc, sentence, n, clause, date, context)
    facts += event_facts(sentence, clause, norms, date)
    if date is not None:
        context.date = date
    return _prefer_specific_roles(facts)


def _prefer_specific_roles(facts: list[Fact]) -> list[Fact]:
    """«қауымдастырылған мүшесі болып табылады» is an associate membership, not member_of."""
    roles = {(f.subject, f.object) for f in facts if f.predicate in ROLES}
    return [f for f in facts if f.predicate != "member_of" or (f.subject, f.object) not in roles]


def _clause_date(clause: Clause, index: _TokenIndex) -> DateMention | None:
    dates = [d for a, d in index.dates if clause.first <= a < clause.last and d.type == "DATE"]
    return dates[0] if dates else None


def _that_year(clause: Clause, index: _TokenIndex, carried: DateMention | None) -> DateMention | None:
    """«сол жылы» (that year) names the year of the date carried from the previous clause."""
    norms = index.norms
    if carried is None or not any(norms[k].lower() == "сол" and norms[k + 1].lower().startswith("жыл")
                                  for k in range(clause.first, clause.last - 1)):
        return None
    return replace(carried, value=carried.value[:4], mod=None)


def _nearest_date(clause: Clause, i: int, index: _TokenIndex) -> DateMention | None:
    """The last date before the trigger: «… 2014 ж қазанында … қол қойған Армения және 2014
    жылдың 23 желтоқсанында … қол қойған Қырғыз Республикасы»."""
    dates = [d for a, d in index.dates if clause.first <= a < i and d.type == "DATE"]
    return dates[-1] if dates else None


def _apply(doc: Document, sentence: Sentence, n: int, clause: Clause, rule: Rule, span: tuple[int, int],
           date: DateMention | None, index: _TokenIndex, context: _Context) -> list[Fact]:
    i, end = span
    date = _nearest_date(clause, i, index) or date
    args = [a for a in clause.args if not (i <= a.first < end)]
    objects = [a for a in args if a.case in rule.object_cases and a.type in rule.object_types and not a.excluded]
    objects = _nearest_group([a for a in objects if a.first < i], index.norms) or objects
    confidence = rule.confidence
    if rule.object_types and not objects:
        if not _has_own_object(rule, clause, i, index):
            objects, confidence = _carried_objects(rule, n, context), confidence - 0.15
        if not objects:
            return []
    object_ids = {o.entity for o in objects}
    participle = "PTCP.PAST" in word_info(index.norms[end - 1])[1]
    subjects = _subjects(rule, args, span, object_ids, _attributive(index.norms, end), participle)
    if not subjects:
        subjects = _carried_subject(rule, clause, span, index, n, context, object_ids)
        confidence -= 0.15
    if not subjects:
        if objects and not rule.value.startswith("phrase"):  # «ШЫҰ-ға он мемлекет мүше:» heads a list
            context.pending = (rule, objects)
        return []
    value = None
    if rule.value.startswith("phrase"):
        value = _phrase(index, clause, i, args, rule.value.partition(":")[2])
        if not value:
            return []
    context.subject, context.subject_sentence = subjects[-1], n
    if objects:
        context.objects = (n, objects)
    place = next((a.entity for a in args if a.case == "LOC" and a.type in ("city", "place", "state")
                  and a.entity not in object_ids and a not in subjects), None)
    if rule.predicate == "founded_on" and _office_of(index.norms, subjects[-1]):
        # «Алматыда ЕҚЫҰ орталығы құрылды»: an office of the organization opened, not the organization
        places = [a for a in args if a.case in ("LOC", "ATTR") and a.type in ("city", "place", "state")]
        return _facts(sentence, "opened", subjects, places[:1], None, date, None, confidence) if places else []
    return _facts(sentence, rule.predicate, subjects, objects, value, date, place, confidence)


def _office_of(norms: list[str], subject: Arg) -> bool:
    """Is the subject the owner of the office noun that follows it («ЕҚЫҰ орталығы»)?"""
    return subject.last < len(norms) and word_info(norms[subject.last])[0] in _OFFICES


def _subjects(rule: Rule, args: list[Arg], span: tuple[int, int], object_ids: set[str],
              attributive: bool, participle: bool = False) -> list[Arg]:
    """Named subjects before the trigger, or else a list right after it («…мүше мемлекеттер –
    Үндістан, Қазақстан …», always so when the trigger qualifies a noun); excluded names dropped."""
    fits = [a for a in args if a.case in rule.subject_cases and a.type in rule.subject_types
            and a.entity not in object_ids]
    before = [] if attributive else [a for a in fits if a.first < span[0]]
    after = [a for a in fits if a.first >= span[1]]
    if participle:  # «…шартқа қол қойған Армения және …»: the noun the participle qualifies
        after = after[:1]
    subjects = (after or before) if participle else (before or after)
    return [s for s in subjects if not s.excluded]


def _attributive(norms: list[str], end: int) -> bool:
    """«ТМД-ға мүше елдермен», «ШЫҰ-ға байқаушы мемлекеттер»: the trigger describes the noun
    after it, whose members (if named) follow; the names before it are not its subject."""
    return end < len(norms) and word_info(norms[end])[0] in _GROUP_NOUNS


def _carried_subject(rule: Rule, clause: Clause, span: tuple[int, int], index: _TokenIndex, n: int,
                     context: _Context, object_ids: set[str]) -> list[Arg]:
    """«Ол … қабылданды»: the pronoun's antecedent; otherwise the subject of the sentence's
    previous clause («1993 жылы … Грузия қосылды, ал 2009 жылы … шықты»)."""
    if any(index.norms[k].lower() == "ол" for k in range(clause.first, span[0])):
        found = index.last_before(span[0], rule.subject_types, context.previous_first)
        if found and found[0] not in object_ids:
            return [Arg(found[0], found[1], "NOM", span[0], span[0], anaphor=True)]
    s = context.subject
    if s and context.subject_sentence == n and s.type in rule.subject_types and s.entity not in object_ids:
        return [s]
    return []


def _carried_objects(rule: Rule, n: int, context: _Context) -> list[Arg]:
    """«Армения Одаққа … мүше болды, ал Қырғызстан … қосылды»: the object of the sentence's
    previous clause."""
    if context.frame is not None:  # «- Қазақстан, Қытай … — құрылтайшылар;» under «ШЫҰ-ға … мүше:»
        return [o for o in context.frame[1] if o.type in rule.object_types]
    if context.objects is None or context.objects[0] != n:
        return []
    return [o for o in context.objects[1] if o.type in rule.object_types]


def _nearest_group(args: list[Arg], norms: list[str]) -> list[Arg]:
    """The arguments before a trigger that belong to it: the last one and the list it closes
    («Ұйымның 168-ші мүшесі», not the «Бас Ассамблеяның» before it)."""
    group = args[-1:]
    for arg in reversed(args[:-1]):
        if not all(norms[k].lower() in SEPARATORS for k in range(arg.last, group[0].first)):
            break
        group.insert(0, arg)
    return group


def _has_own_object(rule: Rule, clause: Clause, i: int, index: _TokenIndex) -> bool:
    """An unnamed object in the object's case («агенттік құруды ұсынды») keeps a carried one out."""
    return any(k not in index.date_tokens and word_info(index.norms[k])[1] & rule.object_cases
               for k in range(clause.first, i))


def _facts(sentence: Sentence, predicate: str, subjects: list[Arg], objects: list[Arg], value: str | None,
           date: DateMention | None, place: str | None, confidence: float) -> list[Fact]:
    qualifiers = {"mod": date.mod} if date is not None and date.mod else {}
    return [Fact(s.entity, predicate, o.entity if o else None, value, date.value if date else None, place,
                 sentence.start, sentence.end, round(confidence, 2), dict(qualifiers))
            for s in subjects for o in (objects or [None])]


def _apply_frame(doc: Document, sentence: Sentence, n: int, clause: Clause,
                 date: DateMention | None, context: _Context) -> list[Fact]:
    """An item of a list under a header such as «ШЫҰ-ға он мемлекет мүше:» («- Иран — 2023
    жылдан;») states the header's fact for the names it gives."""
    rule, objects = context.frame
    subjects = [a for a in clause.args if a.type in rule.subject_types and a.case == "NOM" and not a.excluded]
    return _facts(sentence, rule.predicate, subjects, objects, None, date, None, rule.confidence - 0.1)


def _phrase(index: _TokenIndex, clause: Clause, i: int, args: list[Arg], head_case: str = "") -> str | None:
    """The noun phrase right before the trigger (or the last one in ``head_case``: «ядролық
    қарудан бас тартты»), in the nominative: «Сыртқы істер министрі болып тағайындалды» →
    «сыртқы істер министрі» (a compound keeps its possessive), «Президенті болып сайланды» →
    «президент»; dates and names are not part of it."""
    norms, words = index.norms, []
    taken = {k for a in args for k in range(a.first, a.last)} | index.date_tokens
    k = _phrase_head(index, clause, i, head_case)
    while k >= clause.first and len(words) < 4:
        word = norms[k]
        lemma, tags, pos = word_info(word)
        izafet = len(words) == 1 and tags == {"GEN"} or (pos == "NUM" and _is_gen(words))
        if k in taken or not word[:1].isalpha() or (pos in ("VERB", "AUX", "NUM", "PRON", "DET") and not izafet) \
                or (words and tags & _CASES and not izafet) or lemma in _NOT_IN_PHRASE:
            break
        words.insert(0, word)
        k -= 1
    if words and words[0].lower() == "туралы":
        words = _topic(index, clause, k, args) + words
    if not words or word_info(words[-1])[2] not in ("NOUN", "PROPN"):
        return None
    head = word_info(words[-1])
    modifier = word_info(words[-2]) if len(words) > 1 else None
    if modifier is None or "POSS.3" not in head[1] or modifier[2] not in ("NOUN", "PROPN") \
            or modifier[0] in _ADJECTIVAL or "DER.LYQ" in modifier[1]:
        words[-1] = head[0]  # «бас қолбасшысы» → «бас қолбасшы»; «істер министрі» stays
    return " ".join(w.lower() for w in words)


def _topic(index: _TokenIndex, clause: Clause, k: int, args: list[Arg]) -> list[str]:
    """The complement of «туралы» in a document's title («Семей полигонын жабу туралы
    жарлық»): back to the subject, a date or punctuation."""
    subjects = {j for a in args if a.case == "NOM" for j in range(a.first, a.last)}
    words: list[str] = []
    while k >= clause.first and k not in subjects and k not in index.date_tokens \
            and index.norms[k][:1].isalpha():
        words.insert(0, index.norms[k])
        k -= 1
    return words


def _phrase_head(index: _TokenIndex, clause: Clause, i: int, head_case: str) -> int:
    """Where the phrase ends: the last word in ``head_case``, or the word before the trigger
    past a linking word («болып», «ретінде»)."""
    if head_case:
        return next((k for k in range(i - 1, clause.first - 1, -1)
                     if head_case in word_info(index.norms[k])[1]), clause.first - 1)
    k = i - 1
    while k >= clause.first and index.norms[k].lower() in _PHRASE_LINKS:
        k -= 1
    return k


def _is_gen(words: list[str]) -> bool:
    return len(words) == 2 and word_info(words[0])[1] == {"GEN"}


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.value, f.time, f.start)
        if key not in seen or seen[key].confidence < f.confidence:
            seen[key] = f
    return list(seen.values())
