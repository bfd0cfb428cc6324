"""Who a trigger's fact is about: subjects named around the trigger, subjects and objects
carried from the previous clause or sentence, and the Context that carries them (used by
facts.py; writes nothing to the Document)."""

from __future__ import annotations

from dataclasses import dataclass, field

from derek.doc import DateMention
from derek.extract.arguments import SEPARATORS
from derek.extract.biography import subjectless
from derek.extract.facts_offices import AS
from derek.extract.gazetteer import load_gazetteer
from derek.extract.headwords import Headword
from derek.extract.held_posts import names_post
from derek.extract.index import TokenIndex
from derek.extract.phrases import titles
from derek.extract.possessors import possessor
from derek.extract.rules import Arg, Clause, Rule, word_info
from derek.extract.tables import Table

_GROUP_NOUNS = {"ел", "мемлекет", "мүше-мемлекет", "елдер", "мемлекеттер"}
_ONE_OF = {"бірі", "қатарында"}  # «мемлекеттерінің бірі / қатарында»: X is among them
_NOMINALIZED = frozenset({"GEN"})  # «Қазақстанның БҰҰ-ға енуі»: a verbal noun's subject is genitive
VERBAL_NOUN = frozenset({"VNOUN", "POSS.3"})  # a coordinated «-уы» closes its own event
_OFFICES = {"appointed_as", "chaired", "elected_to"}  # posts a biography's person takes
# a participle before these ends its clause or sentence as its predicate («… шығанағында орналасқан.»),
# it qualifies no noun after it
PREDICATE_ENDS = frozenset(SEPARATORS | {".", "!", "?", ";"})


@dataclass(slots=True)
class Context:
    """What carries over between clauses and sentences of one document."""

    subject: Arg | None = None
    subject_sentence: int = -1
    date: DateMention | None = None
    last_date: DateMention | None = None  # the last date the text gave, for «Сол күні»
    previous_first: int = 0  # first token of the previous sentence
    objects: tuple[int, list[Arg]] | None = None  # (sentence, objects) of the last fact
    pending: tuple[Rule, list[Arg], str | None] | None = None  # a header's rule, objects, value
    frame: tuple[Rule, list[Arg], str | None] | None = None  # the header that list items continue
    marker: bool = False  # the previous sentence was only a list number («1.»)
    titles: dict[str, str] = field(default_factory=dict)  # head lemma → the last full title
    last_title: str | None = None  # the last full title named
    table: Table | None = None  # the columns of the table whose rows are being read
    in_table: bool = False  # the previous sentence was a table row
    fired: list[Rule] = field(default_factory=list)  # the rules the last clause fired
    owner: Arg | None = None  # the genitive owner of the last verbal noun («Еліміздің … қосылуы»)
    owner_sentence: int = -1
    person: str | None = None  # the person a biography's subjectless sentences are about (biography.py)
    headword: Headword = field(default_factory=Headword)  # «X — …»: what the article's sentences are about


def named_subjects(rule: Rule, args: list[Arg], span: tuple[int, int], object_ids: set[str],
              attributive: bool, norms: list[str], participle: bool = False) -> list[Arg]:
    """Named subjects before the trigger, or else a list right after it («…мүше мемлекеттер –
    Үндістан, Қазақстан …», always so when the trigger qualifies a noun); excluded names dropped."""
    cases = rule.subject_cases | _NOMINALIZED if "VNOUN" in word_info(norms[span[1] - 1])[1] else rule.subject_cases
    fits = [a for a in args if a.case in cases and a.type in rule.subject_types and a.entity not in object_ids
            and not owns_next(a, args, norms)]
    before = [] if attributive else [a for a in fits if a.first < span[0]]
    after = [a for a in fits if a.first >= span[1]]
    if participle and after and "," in norms[span[1]:after[0].first]:
        after = []  # «… бекітілген 1789 жылғы «Декларация», БҰҰ қабылдаған …»: not the participle's noun
    if after and ":" not in norms[span[1]:after[0].first]:  # a colon opens a list to the clause end
        after = first_group(after, norms)
    if participle:  # «…шартқа қол қойған Армения және …»: the noun the participle qualifies,
        # in any case («… қабылданған ШЫҰ Хартиясына сәйкес»)
        after = after[:1] or [a for a in args if a.first == span[1] and a.type in rule.subject_types
                              and a.entity not in object_ids and not rule.object_types]
    subjects = (after or before) if participle else (before or after)
    return [s for s in subjects if not s.excluded and not _title_of(s, args, norms)]


def owns_next(arg: Arg, args: list[Arg], norms: list[str]) -> bool:
    """A genitive right before a body of its own names the body's owner, not an actor: «НАТО-ның
    "Бейбітшілік …" бағдарламасына қосылу» (NATO's programme; the gazetteer's ``parent``)."""
    if arg.case != "GEN":
        return False
    nxt = min((a for a in args if a.first >= arg.last), key=lambda a: a.first, default=None)
    if nxt is None or any(any(c.isalnum() for c in w) for w in norms[arg.last:nxt.first]):
        return False
    entry = load_gazetteer().entries.get(nxt.entity)
    return entry is not None and entry.parent == arg.entity


def _title_of(arg: Arg, args: list[Arg], norms: list[str]) -> bool:
    """«Қазақстан Президенті Нұрсұлтан Назарбаев»: a state before an office and a person's
    name only says whose office it is; the person acts."""
    if arg.type != "state" or arg.last >= len(norms):
        return False
    lemma, tags, _ = word_info(norms[arg.last])
    person = next((a for a in args if a.first > arg.last), None)
    return lemma in titles() and "POSS.3" in tags and person is not None \
        and person.type == "person" and person.first <= arg.last + 2


def attributive(norms: list[str], end: int) -> bool:
    """«ТМД-ға мүше елдермен», «ШЫҰ-ға байқаушы мемлекеттер»: the trigger describes the noun
    after it, whose members (if named) follow; the names before it are not its subject."""
    # «… мүше мемлекеттерінің бірі» (one of the member states) predicates the group of a subject
    return end < len(norms) and word_info(norms[end])[0] in _GROUP_NOUNS \
        and "VNOUN" not in word_info(norms[end - 1])[1] \
        and not (end + 1 < len(norms) and norms[end + 1].lower() in _ONE_OF)


def carried_subject(rule: Rule, clause: Clause, span: tuple[int, int], index: TokenIndex, n: int,
                     context: Context, object_ids: set[str]) -> list[Arg]:
    """«Ол … қабылданды»: the pronoun's antecedent; otherwise the subject of the sentence's
    previous clause («1993 жылы … Грузия қосылды, ал 2009 жылы … шықты»); a subjectless office
    («… хатшысы болып сайланды») is the carried person's."""
    if rule.predicate == "elected_to" and names_post(index, clause, span[0]):
        return []  # «… төрағасы болып сайланды»: elected to the post (chaired), not to the body
    if any(index.norms[k].lower() == "ол" for k in range(clause.first, span[0])):
        found = index.last_before(span[0], rule.subject_types, context.previous_first)
        if found and found[0] not in object_ids:
            return [Arg(found[0], found[1], "NOM", span[0], span[0], anaphor=True)]
    s = context.subject
    if s and context.subject_sentence == n and s.type in rule.subject_types and s.entity not in object_ids:
        return [s]
    if context.person and rule.predicate in _OFFICES and "person" in rule.subject_types \
            and AS & {index.norms[span[0] - 1].lower(), index.norms[span[1] - 1].lower()} \
            and subjectless(index, clause, span[0]):
        # «1920 жылы … хатшысы болып сайланды.» in a life told after its person is named
        return [Arg(context.person, "person", "NOM", span[0], span[0], anaphor=True)]
    if VERBAL_NOUN <= word_info(index.norms[span[1] - 1])[1]:
        # the genitive that owned this sentence's previous «-уы», else the previous sentence's subject
        owner = context.owner if context.owner_sentence == n else \
            context.subject if context.subject_sentence == n - 1 else None
        found = possessor(rule, owner, index, span[0], context.previous_first, object_ids)
        if found:
            return found
    return _headword_subject(rule, span, n, context, object_ids)


def _headword_subject(rule: Rule, span: tuple[int, int], n: int, context: Context,
                      object_ids: set[str]) -> list[Arg]:
    """«Балқашмыс — ірі кәсіпорын. Бертіс шығанағында орналасқан.»: a subjectless clause after a
    definition is about its headword, unless a fact since has been about something else."""
    head = context.headword.carried(n, rule.subject_types, span[0])
    if head is None or head.entity in object_ids:
        return []
    s = context.subject
    if s is not None and context.subject_sentence >= context.headword.sentence and s.entity != head.entity:
        return []  # «… Y құрылды. … ашылды»: the last fact's subject is nearer than the headword
    return [head]


def carried_objects(rule: Rule, n: int, context: Context) -> list[Arg]:
    """«Армения Одаққа … мүше болды, ал Қырғызстан … қосылды»: the object of the sentence's
    previous clause."""
    if context.frame is not None:  # «- Қазақстан, Қытай … — құрылтайшылар;» under «ШЫҰ-ға … мүше:»
        return [o for o in context.frame[1] if o.type in rule.object_types]
    if context.objects is None or context.objects[0] != n:
        return []
    return [o for o in context.objects[1] if o.type in rule.object_types]


def unnamed_objects(rule: Rule, clause: Clause, index: TokenIndex, n: int, context: Context) -> list[Arg]:
    """Objects the clause leaves out: the previous clause's, else for a «topic» rule («толық
    мүше ретінде қабылданды») the organization the text named last."""
    objects = carried_objects(rule, n, context)
    if not objects and rule.value == "topic":
        objects = [o for o in [index.last_organization(clause.first)] if o]
    return objects


def first_group(args: list[Arg], norms: list[str]) -> list[Arg]:
    """The list the first argument opens («мүше мемлекеттер – Үндістан, Қазақстан … және
    Өзбекстан»), up to a word that is no list separator."""
    group = args[:1]
    for arg in args[1:]:
        if not all(norms[k].lower() in SEPARATORS for k in range(group[-1].last, arg.first)):
            break
        group.append(arg)
    return group


def has_own_object(rule: Rule, clause: Clause, i: int, index: TokenIndex) -> bool:
    """An unnamed object in the object's case («агенттік құруды ұсынды») keeps a carried one out;
    a named subject in that case («Грузияның мүшелігі … тоқтатылды») is no object."""
    subject_tokens = {k for a in clause.args if a.type in rule.subject_types for k in range(a.first, a.last)}
    return any(k not in index.date_tokens and k not in subject_tokens
               and word_info(index.norms[k])[1] & rule.object_cases for k in range(clause.first, i))
