"""Facts from sentences: trigger rules over lemmas, with arguments chosen by case and type.

Reads Document tokens, sentences, dates, quantities and entities; writes Document.facts.
Each fact cites its sentence (start, end). Lists give one fact per member, a subject or date
left out of a clause is carried over from the previous clause or sentence, negated triggers and
names excluded by «қоспағанда» give no fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.facts_counts import count_facts
from derek.extract.rules import ROLES, Arg, Clause, Rule, load_rules, negated, trigger_matches, word_info
from derek.extract.gazetteer import case_of

_SEPARATORS = {",", "және", "мен", "пен", "бен", "-", "–", "—", "(", ")", "/", "әрі", "да", "де"}
_LEADERS = {"басшы", "президент", "премьер-министр", "үкімет", "өкіл", "делегация", "министр",
            "басшылық", "елбасы", "сыртқы", "парламент", "тарап"}
_ANAPHORS = {"бірлестік", "ұйым", "достастық", "одақ", "ел", "мемлекет", "республика"}
_DEMONSTRATIVES = {"аталған", "бұл", "осы", "сол", "мұндай", "аталмыш"}
_CLAUSE_BREAKS = {"ал", "бірақ", "алайда", "сондай-ақ"}
_FINITE = {"PAST", "3", "PTCP.PAST"}


@dataclass(slots=True)
class _Context:
    """What carries over between clauses and sentences of one document."""

    subject: Arg | None = None
    subject_sentence: int = -1
    date: DateMention | None = None


def extract_facts(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.facts``."""
    index = _TokenIndex(doc)
    context = _Context()
    facts: list[Fact] = []
    for n, sentence in enumerate(doc.sentences):
        context.date = None
        for clause in _clauses(doc, sentence, index):
            facts += _clause_facts(doc, sentence, n, clause, index, context)
        facts += count_facts(doc, sentence, index)
    doc.facts = _dedupe(facts)
    return doc


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

    def last_org_before(self, token: int) -> tuple[str, str] | None:
        for a, _, m in reversed(self.mentions):
            if a < token and m.type in ("organization", "body"):
                return m.entity, m.type
        return None


def _clauses(doc: Document, sentence: Sentence, index: _TokenIndex) -> list[Clause]:
    """Split at «, ал», «; » and after a finite verb followed by «және» or a comma."""
    clauses, start = [], sentence.first_token
    norms = index.norms
    for i in range(sentence.first_token, sentence.last_token - 1):
        nxt = norms[i + 1].lower()
        breaks = norms[i] == ";" or (norms[i] == "," and nxt in _CLAUSE_BREAKS)
        if not breaks and nxt in (",", "және", "әрі") and i > start:
            lemma, tags, pos = word_info(norms[i])
            breaks = pos in ("VERB", "AUX") and bool(tags & _FINITE)
        if breaks:
            clauses.append(Clause(start, i + 1))
            start = i + 1
    clauses.append(Clause(start, sentence.last_token))
    for clause in clauses:
        clause.args = _arguments(doc, clause, index)
    return clauses


def _arguments(doc: Document, clause: Clause, index: _TokenIndex) -> list[Arg]:
    args = [Arg(m.entity, m.type, m.case, a, b) for a, b, m in index.mentions
            if clause.first <= a and b <= clause.last]
    args += _anaphors(clause, index, {a for arg in args for a in range(arg.first, arg.last)})
    args.sort(key=lambda a: a.first)
    _share_case_in_lists(args, index.norms)
    for arg in args:
        following = index.norms[arg.last : arg.last + 2]
        arg.excluded = any(w.lower().startswith("қоспағанда") for w in following)
    return args


def _anaphors(clause: Clause, index: _TokenIndex, taken: set[int]) -> list[Arg]:
    """«аталған бірлестіктен», «ұйымға»: the last organization named before."""
    found = []
    for i in range(clause.first, clause.last):
        word = index.norms[i]
        if i in taken or not word[:1].islower():
            continue
        lemma = word_info(word)[0]
        previous = index.norms[i - 1].lower() if i > 0 else ""
        if lemma in ("бірлестік", "ұйым", "достастық") or (lemma in _ANAPHORS and previous in _DEMONSTRATIVES):
            target = index.last_org_before(i)
            if target:
                found.append(Arg(target[0], target[1], case_of(word), i, i + 1, anaphor=True))
    return found


def _share_case_in_lists(args: list[Arg], norms: list[str]) -> None:
    """In «Ресей, Беларусь және Украинаға» only the last name carries the case; a list
    followed by «басшылары» acts itself, one followed by «арасында» names the parties."""
    groups: list[list[Arg]] = []
    for arg in args:
        if groups and arg.first > groups[-1][-1].last and all(
                norms[k].lower() in _SEPARATORS for k in range(groups[-1][-1].last, arg.first)):
            groups[-1].append(arg)
        else:
            groups.append([arg])
    for group in groups:
        last = group[-1]
        after = word_info(norms[last.last])[0] if last.last < len(norms) else ""
        case = last.case
        if case == "GEN" and after in _LEADERS:
            case = case_of(norms[last.last])
        elif after == "ара":
            case = "INS"
        for member in group:
            if member.case in ("NOM", last.case):
                member.case = case


def _clause_facts(doc: Document, sentence: Sentence, n: int, clause: Clause,
                  index: _TokenIndex, context: _Context) -> list[Fact]:
    facts: list[Fact] = []
    used: set[int] = set()
    norms = index.norms
    date = _clause_date(clause, index) or context.date
    for rule in load_rules():
        for i in range(clause.first, clause.last):
            end = i + len(rule.trigger)
            if used.intersection(range(i, end)) or i in index.date_tokens \
                    or not trigger_matches(rule, norms, i):
                continue
            used.update(range(i, end))
            if negated(norms, end):
                continue
            facts += _apply(doc, sentence, n, clause, rule, i, end, date, index, context)
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


def _apply(doc: Document, sentence: Sentence, n: int, clause: Clause, rule: Rule, i: int, end: int,
           date: DateMention | None, index: _TokenIndex, context: _Context) -> list[Fact]:
    args = [a for a in clause.args if not (i <= a.first < end)]
    objects = [a for a in args if a.case in rule.object_cases and a.type in rule.object_types and not a.excluded]
    if rule.object_types and not objects:
        return []
    object_ids = {o.entity for o in objects}
    subjects = [a for a in args if a.first < i and a.case in rule.subject_cases
                and a.type in rule.subject_types and a.entity not in object_ids and not a.anaphor]
    if not subjects:  # «…мүше мемлекеттер – Үндістан, Қазақстан …»: the list follows the trigger
        subjects = [a for a in args if a.first >= end and a.case in rule.subject_cases
                    and a.type in rule.subject_types and a.entity not in object_ids]
    confidence = rule.confidence
    if not subjects and context.subject and context.subject_sentence >= n - 1 \
            and context.subject.type in rule.subject_types and context.subject.entity not in object_ids:
        subjects, confidence = [context.subject], confidence - 0.15
    subjects = [s for s in subjects if not s.excluded]
    if not subjects:
        return []
    context.subject, context.subject_sentence = subjects[-1], n
    value = _phrase(index.norms, clause, i, args) if rule.value == "phrase" else None
    if rule.value == "phrase" and not value:
        return []
    place = next((a.entity for a in args if a.case == "LOC" and a.type in ("city", "place", "state")
                  and a.entity not in object_ids and a not in subjects), None)
    qualifiers = {"mod": date.mod} if date is not None and date.mod else {}
    facts = []
    for s in subjects:
        for o in objects or [None]:
            facts.append(Fact(s.entity, rule.predicate, o.entity if o else None, value,
                              date.value if date else None, place, sentence.start, sentence.end,
                              round(confidence, 2), dict(qualifiers)))
    return facts


def _phrase(norms: list[str], clause: Clause, i: int, args: list[Arg]) -> str | None:
    """The noun phrase right before the trigger: «Сыртқы істер министрі болып тағайындалды»."""
    words: list[str] = []
    taken = {k for a in args for k in range(a.first, a.last)}
    k = i - 1
    while k >= clause.first and len(words) < 4:
        word = norms[k]
        if word.lower() in ("болып", "қызметіне", "етіп") and not words:
            k -= 1
            continue
        if k in taken or not word[:1].isalpha() or word_info(word)[2] in ("VERB", "AUX", "NUM"):
            break
        words.insert(0, word)
        k -= 1
    if not words:
        return None
    words[-1] = word_info(words[-1])[0]
    return " ".join(words)


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: dict[tuple, Fact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.object, f.value, f.time, f.start)
        if key not in seen or seen[key].confidence < f.confidence:
            seen[key] = f
    return list(seen.values())
