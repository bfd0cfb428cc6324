"""Facts from sentences: trigger rules over lemmas, with arguments chosen by case and type.

Reads Document tokens, sentences, dates, quantities and entities; writes Document.facts.
Each fact cites its sentence (start, end). Lists give one fact per member, a subject or date
left out of a clause is carried over from the previous clause or sentence, negated triggers and
names excluded by «қоспағанда» give no fact.
"""

from __future__ import annotations

from itertools import pairwise

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.arguments import clause_arguments, closing_list
from derek.extract.biography import carried_person
from derek.extract.clause_dates import (
    anaphoric_opening,
    clause_date,
    date_between,
    nearest_date,
    period_anaphor,
    that_year,
)
from derek.extract.companions import companion_facts, entry_facts
from derek.extract.documents import (
    adopted_document,
    carried_adopter,
    drafted_facts,
    initiative_facts,
    proclaimed_facts,
    proposed_thing,
)
from derek.extract.events import EVENT_NOUNS, event_facts, handover_facts, renamed_facts
from derek.extract.fact_confidence import calibrate
from derek.extract.facts_adopted import owned_document
from derek.extract.facts_counts import Discourse, count_facts
from derek.extract.facts_offices import (
    dative_office,
    linked_participle,
    list_posts,
    office_facts,
    post_dative,
    post_value,
    prefer_chaired,
    qualifies_noun,
)
from derek.extract.groups import (
    founders_between,
    founders_by_leaders,
    genitive_members,
    opens_among,
)
from derek.extract.held_posts import held_post_facts, names_post
from derek.extract.history import (
    action_value,
    adjacent_founded,
    founding_blocked,
    listed_subject,
    reign_facts,
    reorganised_facts,
    ruled_facts,
    ruler_line_facts,
    split_membership_facts,
)
from derek.extract.index import TokenIndex
from derek.extract.named_events import named_event_facts
from derek.extract.officeholders import congratulated_holder
from derek.extract.participles import quoted_patient
from derek.extract.phrases import phrase_value
from derek.extract.possessors import clause_owner
from derek.extract.post_capacity import capacity_facts
from derek.extract.post_lines import post_line_facts
from derek.extract.post_lists import listed_post_facts
from derek.extract.post_participles import (
    genitive_appointment,
    names_no_post,
    opening_blocked,
    participle_post_facts,
    took_office_facts,
)
from derek.extract.rules import (
    BULLETS,
    ROLES,
    Arg,
    Clause,
    Rule,
    load_rules,
    negated,
    trigger_lemmas,
    trigger_matches,
    word_info,
)
from derek.extract.signed_names import dated_treaty, named_treaty, signing_date, trigger_names
from derek.extract.signers import quoted_treaty, signers
from derek.extract.subjects import (
    PREDICATE_ENDS,
    VERBAL_NOUN,
    Context,
    attributive,
    carried_subject,
    has_own_object,
    named_subjects,
    unnamed_objects,
)
from derek.extract.tables import read_header, row_facts

_CLAUSE_BREAKS = {"ал", "бірақ", "алайда", "сондай-ақ"}
_FINITE = {"PAST", "3", "PTCP.PAST"}
_OWNER_TYPES = frozenset({"state", "person", "organization"})
_SESSIONS = EVENT_NOUNS | {"сессия", "съезд", "пленум", "мәжіліс"}
_OFFICES = {"орталық", "өкілдік", "кеңсе", "бөлімше", "миссия", "филиал"}
# triggers that appoint only after «болып»: «хан болып жарияланды», «хатшы болып жұмысқа орналасты»
_AFTER_BOLYP = {"жарияла", "жұмыс"}


def extract_facts(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.facts``."""
    index = TokenIndex(doc)
    owners = TokenIndex(doc, owners=True)  # named events may be held in a provisional place
    context, discourse = Context(), Discourse()
    facts: list[Fact] = []
    for n, sentence in enumerate(doc.sentences):
        previous = doc.sentences[n - 1] if n else None
        context.date = context.last_date if anaphoric_opening(index.norms, sentence) \
            or (previous is not None and period_anaphor(index, sentence, previous)) else None
        carried = context.date
        context.person = carried_person(doc, index, previous, sentence, context.person)
        context.headword.update(doc, index, n, sentence, previous)
        context.pending = None
        _update_frame(sentence, index, context)
        if _table_row(doc, sentence, index, context, facts):
            continue
        fired: list[tuple[Clause, list[Rule]]] = []
        for clause in _clauses(doc, sentence, index):
            facts += _clause_facts(doc, sentence, n, clause, index, context)
            fired.append((clause, context.fired))
        facts += _gapped(doc, sentence, n, fired, index, context)
        facts += count_facts(doc, sentence, index, discourse, carried)
        facts += named_event_facts(doc, sentence, owners)
        if index.norms[sentence.last_token - 1] == ":" and context.pending:
            context.frame = context.pending
        context.previous_first = sentence.first_token
        context.marker = _is_marker(index.norms[sentence.first_token:sentence.last_token])
    doc.facts = calibrate(doc, _dedupe(facts))
    return doc


def _table_row(doc: Document, sentence: Sentence, index: TokenIndex, context: Context,
               facts: list[Fact]) -> bool:
    """Read a TAB-separated line as a table header or row; False for a line of prose."""
    if "\t" not in doc.text[sentence.start:sentence.end]:
        context.table, context.in_table = None, False
        return False
    if not context.in_table:
        context.table, context.in_table = read_header(doc, sentence, index), True
    elif context.table is not None:
        facts += row_facts(doc, sentence, index, context.table)
    return context.table is not None


def _update_frame(sentence: Sentence, index: TokenIndex, context: Context) -> None:
    """A list header's frame lasts while the following sentences are list items."""
    first = index.norms[sentence.first_token]
    second = index.norms[sentence.first_token + 1] if sentence.first_token + 1 < sentence.last_token else ""
    if not (first in BULLETS or (first.isdigit() and second in (".", ")")) or context.marker):
        context.frame = None


def _is_marker(words: list[str]) -> bool:
    """«1.», «2)»: a list number the segmenter split off its item."""
    return len(words) == 2 and words[0].isdigit() and words[1] in (".", ")")


def _clauses(doc: Document, sentence: Sentence, index: TokenIndex) -> list[Clause]:
    """Split at «, ал», «; » and after a finite verb followed by «және» or a comma."""
    clauses, start = [], sentence.first_token
    norms = index.norms
    for i in range(sentence.first_token, sentence.last_token - 1):
        nxt = norms[i + 1].lower()
        breaks = norms[i] == ";" or (norms[i] == "," and nxt in _CLAUSE_BREAKS)
        if not breaks and nxt in (",", "және", "әрі", "да", "де") and i > start:
            _, tags, pos = word_info(norms[i])
            breaks = pos in ("VERB", "AUX") and bool(tags & _FINITE) or ("COND" in tags and nxt == ",") \
                or "VNOUN" in tags and (nxt == "," or "POSS.3" in tags)  # «… қосылуы, … қол қоюы және …»
        if breaks:
            clauses.append(Clause(start, i + 1))
            start = i + 1
    clauses.append(Clause(start, sentence.last_token))
    for clause in clauses:
        clause.args = clause_arguments(clause, index)
    return clauses


def _trigger_starts(norms: list[str], clause: Clause) -> dict[str, list[int]]:
    """Where each lemma can start a trigger in the clause, so a rule is tried only there."""
    starts: dict[str, list[int]] = {}
    for i in range(clause.first, clause.last):
        for lemma in trigger_lemmas(norms[i]):
            starts.setdefault(lemma, []).append(i)
    return starts


def _clause_facts(doc: Document, sentence: Sentence, n: int, clause: Clause,
                  index: TokenIndex, context: Context) -> list[Fact]:
    facts: list[Fact] = []
    used: set[int] = set()
    norms = index.norms
    date = clause_date(clause, index) or that_year(clause, index, context.date or context.last_date) \
        or context.date
    fired, context.fired = False, []
    starts = _trigger_starts(norms, clause)
    for rule in load_rules():
        for i in starts.get(rule.trigger[0][0], ()):
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
                context.fired.append(rule)
    facts += _verbless_facts(sentence, clause, index, context, date, facts, fired)
    facts += entry_facts(sentence, clause, index, date, facts)
    facts += drafted_facts(doc, sentence, clause, index) + proclaimed_facts(sentence, clause, index, doc)
    facts += initiative_facts(doc, sentence, clause, index)
    facts += companion_facts(sentence, clause, norms, facts)
    if date is not None:
        context.date = context.last_date = date
    owner = clause_owner(clause, _OWNER_TYPES)
    if owner is not None and VERBAL_NOUN <= word_info(norms[clause.last - 1])[1]:
        context.owner, context.owner_sentence = owner, n
    return prefer_chaired(_prefer_specific_roles(facts))


def _verbless_facts(sentence: Sentence, clause: Clause, index: TokenIndex, context: Context,
                    date: DateMention | None, facts: list[Fact], fired: bool) -> list[Fact]:
    """Facts a clause states by its shape rather than a trigger: list items under a header,
    lists of names, offices, renamings, handovers and meetings."""
    norms = index.norms
    dates = [(a, d) for a, d in index.dates_in(clause.first, clause.last) if d.type == "DATE"]
    topic = index.last_organization(sentence.first_token)
    found: list[Fact] = []
    if not fired and context.frame is not None:
        found += _apply_frame(sentence, clause, date, context.frame)
    elif not fired and context.pending is not None and opens_among(clause, norms):
        found += _apply_frame(sentence, clause, date, context.pending)  # «…, олардың қатарында X, Y бар»
    found += founders_between(sentence, clause, facts) + genitive_members(sentence, clause, norms, date)
    if not fired:
        found += founders_by_leaders(sentence, clause, norms, topic, clause_date(clause, index))
    found += office_facts(sentence, clause, index, dates, context.person) + renamed_facts(sentence, clause, index, date)
    found += held_post_facts(sentence, clause, index, context.previous_first, context.person)
    found += capacity_facts(sentence, clause, index, context.previous_first)
    found += participle_post_facts(sentence, clause, index) + took_office_facts(sentence, clause, index)
    found += post_line_facts(sentence, clause, index, date) + listed_post_facts(sentence, clause, index)
    found += handover_facts(sentence, clause, index, date, topic)
    found += reign_facts(sentence, clause, index, date) + reorganised_facts(sentence, clause, index, date)
    found += ruler_line_facts(sentence, clause, index) + split_membership_facts(sentence, clause, index, date)
    found += ruled_facts(sentence, clause, index)
    return found + event_facts(sentence, clause, norms, dates or ([(clause.first, date)] if date else []), topic)


def _gapped(doc: Document, sentence: Sentence, n: int, fired: list[tuple[Clause, list[Rule]]],
            index: TokenIndex, context: Context) -> list[Fact]:
    """A verbless clause shares the next clause's verb: «Хатшылығы Бейжіңде, ал … құрылымы
    Ташкентте орналасқан» (the verb is said once, in the last clause)."""
    facts: list[Fact] = []
    for (clause, rules), (_, next_rules) in pairwise(fired):
        if rules or not next_rules or any(word_info(index.norms[k])[2] in ("VERB", "AUX")
                                          for k in range(clause.first, clause.last)):
            continue
        date = clause_date(clause, index)
        for rule in next_rules:
            if not _own_arguments(rule, clause):
                continue
            facts += _apply(doc, sentence, n, clause, rule, (clause.last, clause.last), date, index, context)
    return facts


def _own_arguments(rule: Rule, clause: Clause) -> bool:
    """Does the clause name both the rule's subject and (if it takes one) its object?"""
    def fits(cases: frozenset[str], types: frozenset[str]) -> bool:
        return any(a.case in cases and a.type in types and not a.anaphor for a in clause.args)
    return fits(rule.subject_cases, rule.subject_types) and (
        not rule.object_types or fits(rule.object_cases, rule.object_types))


def _prefer_specific_roles(facts: list[Fact]) -> list[Fact]:
    """«қауымдастырылған мүшесі болып табылады» is an associate membership, not member_of."""
    roles = {(f.subject, f.object) for f in facts if f.predicate in ROLES}
    return [f for f in facts if f.predicate != "member_of" or (f.subject, f.object) not in roles]


def _apply(doc: Document, sentence: Sentence, n: int, clause: Clause, rule: Rule, span: tuple[int, int],
           date: DateMention | None, index: TokenIndex, context: Context) -> list[Fact]:
    i, end = span
    carried_date, date = date, nearest_date(clause, i, index) or date
    args = [a for a in clause.args if not (i <= a.first < end)]
    objects = [a for a in args if a.case in rule.object_cases and a.type in rule.object_types and not a.excluded
               and not _owner_of_setting(a, index.norms)]
    objects = closing_list([a for a in objects if a.first < i], index.norms) or objects
    confidence = rule.confidence
    participle = "PTCP.PAST" in word_info(index.norms[end - 1])[1] or linked_participle(index.norms, end)
    if rule.object_types and not objects and participle and rule.value == "patient":
        quoted = quoted_patient(doc, sentence, clause, rule, span, index, date)
        if quoted is not None:
            return quoted
    if rule.predicate == "adopted" and not objects:  # a document that is no gazetteer treaty
        previous = context.subject if context.subject_sentence == n - 1 else None
        carried = carried_adopter(rule, clause, span, index, previous, context.previous_first)
        found = adopted_document(doc, sentence, clause, rule, span, index, date, carried)
        found = found or owned_document(doc, sentence, clause, rule, span, index, date) or found
        if found is not None:
            return found
    if rule.predicate == "signed" and rule.object_types and not objects:
        objects = [t for t in [quoted_treaty(index, clause, i) or named_treaty(index, clause, i)] if t is not None]
    thing = proposed_thing(doc, clause, span, index) if rule.predicate == "proposed" and not objects else None
    if thing is not None:  # «… агенттік құруды ұсынды»: the thing proposed, named or not
        objects = [thing[0]] if thing[0] else objects
    if rule.object_types and not objects and not (thing and thing[1]):
        if not has_own_object(rule, clause, i, index):
            objects, confidence = unnamed_objects(rule, clause, index, n, context), confidence - 0.15
        if not objects:
            return []
    object_ids = {o.entity for o in objects}
    subjects = named_subjects(rule, args, span, object_ids, attributive(index.norms, end), index.norms, participle)
    subjects = congratulated_holder(rule, args, index.norms, i, end) or subjects
    if rule.predicate == "signed":
        subjects = signers(doc, rule, subjects, objects, index, clause)
    subjects = adjacent_founded(rule, subjects, span, index)
    if founding_blocked(rule, subjects, span, index) or opening_blocked(rule, subjects, span, index.norms) \
            or rule.predicate == "elected_to" \
            and any(a.type == "person" for a in subjects) and names_post(index, clause, i):
        return []
    if not subjects:
        subjects = listed_subject(rule, sentence, index, span)
        confidence -= 0.1 if subjects else 0
    if not subjects and not (participle and end < clause.last and index.norms[end] not in PREDICATE_ENDS):
        # a participle that qualifies a noun («бостандықтары бекітілген … Декларациясы») states
        # nothing about the subject of another clause
        subjects = carried_subject(rule, clause, span, index, n, context, object_ids)
        confidence -= 0.15
    if subjects and all(s.case == "INS" for s in subjects):  # «АҚШ-пен … қол қоюы»: a co-party
        ids = {s.entity for s in subjects}
        carried = carried_subject(rule, clause, span, index, n, context, object_ids | ids)
        recent = context.subject  # «Сондай-ақ ЕО-мен … келісімге қол қойды»: the party the text is about
        if not carried and recent and n - context.subject_sentence <= 2 and recent.type in rule.subject_types \
                and recent.entity not in object_ids | ids:
            carried = [recent]
        subjects += carried
    if not subjects and rule.value == "patient" and objects:  # «11 мемлекеттің басшылары …
        subjects = objects[-1:]  # Алматы декларациясын қабылдады»: the fact is the document's
    if not subjects:
        _pend_header(rule, objects, index, clause, i, args, context)
        return []
    if rule.predicate == "appointed_as" and participle and qualifies_noun(index, args, end):
        return []  # «хан сайланған баласы …»: the participle's holder is the noun after it
    if participle and subjects[0].first >= end:  # «БҰҰ қабылдаған 1948 жылғы «… Декларациясы»»
        held = rule.predicate in ("appointed_as", "chaired")  # «… болып сайланған X 1920 жылы …»: a later event's date
        date = date_between(index, end, subjects[0].first) or (nearest_date(clause, i, index) if held else date)
    if rule.predicate == "appointed_as" and rule.trigger[0][0] == "кіріс" and _verbal_dative(index, clause, i):
        return []  # «оны дайындауға кірісті» set about a task; «… қызметіне кірісті» took up a post
    if rule.predicate == "appointed_as" and genitive_appointment(index, clause, end):
        return []  # «Бекжанның хан сайланғанын естіген Ерлан»: the genitive person's post
    if rule.predicate == "appointed_as" and rule.trigger[0][0] in _AFTER_BOLYP and index.norms[i - 1].lower() != "болып":
        return []  # «хан болып жарияланды» names the post; «… тәуелсіздігі жарияланды» proclaims a thing
    value = thing[1] if thing else None
    names = trigger_names(doc, index, clause, i, end) if rule.predicate == "signed" and not objects else []
    treaty = None
    if rule.predicate == "signed":  # «… 1994 жылғы … шартқа», not «XXI ғасырға бағдарланған … декларацияға»
        spans = [s for _, s in names] + [(o.first, o.last - 1) for o in objects]
        date = signing_date(index, clause, i, spans, carried_date) if spans else date
        treaty = dated_treaty(index, clause, names[-1][1], date) if len(names) == 1 else None
        objects, names = ([treaty], []) if treaty else (objects, names)
    if rule.value.startswith(("phrase", "head", "action")) and not names and not treaty:
        value = phrase_value(index, clause, i, args, rule.value) if rule.value != "action" else None
        if rule.predicate == "appointed_as" and rule.value == "phrase":
            value = post_value(index, clause, i, args, value)
        if not value and rule.value in ("phrase:DAT", "action"):  # «… сынақтан өткізбеуге қол қойды»
            value = action_value(doc, index, clause, i, args)
        if not value and rule.value == "phrase":  # «бас қолбасшылығына Әбілқайыр хан сайланды»
            value = dative_office(index, clause, i, args)
        if not value and rule.value == "phrase" and context.last_title:
            value = context.last_title  # «Мұхтар Тілеуберді … тағайындалды»: to the office the text is about
        if not value or rule.trigger[0][0] == "кіріс" and (not post_dative(index, clause, i)
                                                          or names_no_post(index, clause, i)):
            return []
        value = _full_title(value, context)
        if rule.predicate == "appointed_as" and rule.value == "phrase":
            names = [(v, None) for v in list_posts(index, clause, i, args, value)]  # «уәзірі, биі болып»
    context.subject, context.subject_sentence = subjects[-1], n
    if objects:
        context.objects = (n, objects)
    place = next((a.entity for a in args if a.case == "LOC" and a.type in ("city", "place", "state")
                  and a.entity not in object_ids and a not in subjects), None)
    if rule.predicate == "founded_on" and _office_of(index.norms, subjects[-1]):
        # «Алматыда ЕҚЫҰ орталығы құрылды»: an office of the organization opened, not the organization
        places = [a for a in args if a.case in ("LOC", "ATTR") and a.type in ("city", "place", "state")]
        return _facts(sentence, "opened", subjects, places[:1], None, date, None, confidence) if places else []
    if rule.value == "patient":  # the document adopted is what the fact is about
        subjects, objects = objects, []
    return [f for v in ([n for n, _ in names] or [value])
            for f in _facts(sentence, rule.predicate, subjects, objects, v, date, place, confidence)]


def _verbal_dative(index: TokenIndex, clause: Clause, i: int) -> bool:
    """The last dative before the trigger is a verbal noun («оны дайындауға Ф. Паулюс кірісті»):
    what one sets about is a task, not a post."""
    dative = next((k for k in range(i - 1, clause.first - 1, -1) if "DAT" in word_info(index.norms[k])[1]), None)
    return dative is not None and "VNOUN" in word_info(index.norms[dative])[1]


def _owner_of_setting(arg: Arg, norms: list[str]) -> bool:
    """«Жоғарғы Кеңесінің сессиясында … сайланды»: a genitive owning a meeting in the locative
    names where something happened, not the trigger's object («Кеңестің құрамында» still is)."""
    if arg.case != "GEN" or arg.last >= len(norms):
        return False
    lemma, tags, _ = word_info(norms[arg.last])
    return lemma in _SESSIONS and bool(tags & {"LOC", "ABL"})


def _pend_header(rule: Rule, objects: list[Arg], index: TokenIndex, clause: Clause, i: int,
                 args: list[Arg], context: Context) -> None:
    """A trigger without a named subject may head a list: «ШЫҰ-ға он мемлекет мүше:»,
    «Министрлігін мына тұлғалар басқарды:»."""
    if objects and not rule.value.startswith("phrase"):
        context.pending = (rule, objects, None)
    elif rule.value.startswith("head"):
        value = phrase_value(index, clause, i, args, rule.value)
        context.pending = (rule, [], _full_title(value, context)) if value else context.pending


def _full_title(value: str, context: Context) -> str:
    """A bare title stands for the last full title with the same head in the document: after
    «сыртқы істер министрі», «министр болып тағайындалды» is the same office."""
    words = value.split()
    head = word_info(words[-1])[0]
    if len(words) > 1:
        context.titles[head] = context.last_title = value
        return value
    return context.titles.get(head, value)


def _office_of(norms: list[str], subject: Arg) -> bool:
    """Is the subject the owner of the office noun that follows it («ЕҚЫҰ орталығы»)?"""
    return subject.last < len(norms) and word_info(norms[subject.last])[0] in _OFFICES


def _facts(sentence: Sentence, predicate: str, subjects: list[Arg], objects: list[Arg], value: str | None,
           date: DateMention | None, place: str | None, confidence: float) -> list[Fact]:
    qualifiers = {"mod": date.mod} if date is not None and date.mod else {}
    return [Fact(s.entity, predicate, o.entity if o else None, value, date.value if date else None, place,
                 sentence.start, sentence.end, round(confidence, 2), dict(qualifiers))
            for s in subjects for o in (objects or [None])]


def _apply_frame(sentence: Sentence, clause: Clause, date: DateMention | None,
                 frame: tuple[Rule, list[Arg], str | None]) -> list[Fact]:
    """An item of a list under a header such as «ШЫҰ-ға он мемлекет мүше:» («- Иран — 2023
    жылдан;») states the header's fact for the names it gives."""
    rule, objects, value = frame
    subjects = [a for a in clause.args if a.type in rule.subject_types and a.case == "NOM" and not a.excluded]
    return _facts(sentence, rule.predicate, subjects, objects, value, date, None, rule.confidence - 0.1)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.value, f.time, f.start)
        if key not in seen or seen[key].confidence < f.confidence:
            seen[key] = f
    return list(seen.values())
