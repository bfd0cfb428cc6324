"""Documents adopted and things proposed that are no gazetteer entity (rulebook: `adopted`,
`proposed`): «саммитте … туралы мәлімдеме қабылданды», «Ұйымның … стратегиясы бекітілді»,
«… агенттік құруды ұсынды», «Қазақстан әзірлеген …», «X-тың бастамасымен». Returns facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.doc_names import (
    CASES,
    COORDINATORS,
    DOCUMENT_KINDS,
    Name,
    NounForm,
    modifiers,
    name_before,
    nominative,
    noun_form,
)
from derek.extract.rules import Arg, Clause, Rule, readings, word_info
from derek.lang.kk.suffixes import strip_suffix

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_ADOPTERS = frozenset({"organization", "body"})
_PROPOSED = frozenset({"organization", "event", "treaty", "body"})
_PROPOSERS = frozenset({"person", "state"})
_QUOTES = {'"', "«", "»", "“", "”", "„"}
_DRAFTS = {"жоба"}  # a draft: «… Ереженің жобасын бекітті» approves the document
_AGENT_WORDS = {"тарапынан"}  # «БҰҰ тарапынан қабылданды»: by the UN
# «Тәуке ханның тұсында / Есім хан билігі кезінде қабылданды»: in a ruler's time, by the ruler
_REIGN = {"тұс", "кез", "заман", "билік"}
_RULERS = frozenset({"person"})
# «Жоғарғы Кеңесінің шешімімен / қаулысы бойынша қабылданды»: by the body's decision
_DECISIONS = {"шешім", "қаулы"}
_INITIATIVE_LINKS = {"бойынша"}  # «Қазақстанның ұсынысы бойынша»
_DRAFTING = {"әзірле", "ұсын"}  # drafted, proposed
_INITIATIVES = {"бастама", "ұсыныс"}  # «бастамасымен» (on the initiative of), «ұсынысы бойынша»
_VENUES = frozenset({"city", "place"})  # «Астана саммитінде»: where the meeting was held
MEETING_GAP = 7  # words between a meeting's owner and the meeting noun
MARKED = CASES | {"POSS.3"}  # a word in a marked case or possessed: no caseless modifier
_TIME_NOUNS = {"жыл", "ай", "күн", "кез", "кезең", "уақыт", "ғасыр", "апта", "кейін", "соң"}


def adopted_document(doc: Document, sentence: Sentence, clause: Clause, rule: Rule, span: tuple[int, int],
                     index: TokenIndex, date: DateMention | None, carried: Arg | None = None) -> list[Fact] | None:
    """A non-gazetteer document adopted by the clause's verb: active («Ассамблея … декларацияны
    қабылдады») or passive («… мәлімдеме қабылданды», with the body from the document's owner,
    «тарапынан», or the organization whose meeting the clause names). None when the document
    is a gazetteer treaty or no document name stands before the verb."""
    active = bool(rule.object_types)
    case = "ACC" if active else "NOM"
    name = _document_before(doc, index, clause, span[0], case)
    if name is None:
        return None
    names = _listed(doc, index, clause, name, case)
    whole = Name(names[0].first, name.head, name.text)  # every listed name, for the args and dates outside
    outside = [a for a in clause.args if a.last <= whole.first or a.first >= span[1] or name.head < a.first < span[0]]
    if active:
        actors = [a for a in outside if a.case == "NOM" and a.type in rule.subject_types]
        before = [a for a in actors if a.last <= whole.first]
        after = [a for a in actors if a.first > name.head]  # «Жеті жарғыны Тәуке хан қабылдады»: fronted
        adopter = before[-1] if before else after[0] if after else \
            carried if carried is None or carried.anaphor or not _own_subject(index, clause, whole.first) else None
    else:
        owner = next((n.owner for n in names if n.owner and n.owner.type in _ADOPTERS), None)
        adopter = owner or passive_agent(index, clause, outside)
    if adopter is None:
        return []  # a document no body is named for is skipped (the rulebook's 1789 declaration)
    when = _date_outside(index, clause, span[0], whole) or (date if not _inside(index, date, whole) else None)
    return [Fact(adopter.entity, "adopted", None, n.text, when.value if when else None, None,
                 sentence.start, sentence.end, round(rule.confidence - 0.1, 2)) for n in names]


def _own_subject(index: TokenIndex, clause: Clause, first: int) -> bool:
    """A caseless noun before the document that is no entity, date or time word: the clause's
    own subject, unnamed in the gazetteer («Парламент 2021 жылы … заңды қабылдады»), which the
    previous sentence's subject does not replace."""
    taken = {k for a in clause.args for k in range(a.first, a.last)} | index.date_tokens
    for k in range(clause.first, first):
        lemma, tags, pos = word_info(index.norms[k])
        if k not in taken and pos in ("NOUN", "PROPN") and not tags & CASES and lemma not in _TIME_NOUNS \
                and index.norms[k][:1].isalpha():
            return True
    return False


def _listed(doc: Document, index: TokenIndex, clause: Clause, name: Name, case: str) -> list[Name]:
    """The documents listed before ``name`` and adopted with it, in the same case, after «және /
    мен» or a comma: «… туралы мәлімдеме және … бағдарлама қабылданды», «Конституцияны және …
    заңды қабылдады»; ``name`` last."""
    names = [name]
    k = name.first - 1
    while k > clause.first and (index.norms[k].lower() in COORDINATORS or index.norms[k] == ","):
        form = noun_form(index.norms[k - 1])
        if form is None or form.kind not in DOCUMENT_KINDS or form.case != case \
                or any(a.first <= k - 1 < a.last and a.type == "treaty" for a in clause.args):
            break
        found = name_before(doc, index, clause, k - 1, min_words=1)
        if found is None:
            break
        names.insert(0, found)
        k = found.first - 1
    return names


def carried_adopter(rule: Rule, clause: Clause, span: tuple[int, int], index: TokenIndex,
                    previous: Arg | None, previous_first: int) -> Arg | None:
    """The adopter an active clause leaves out: the antecedent of «Ол», else (no nominative
    name in the clause) the subject of the previous sentence («1867 жылы II Александр … қол
    қойды. 1868 жылы … Ереженің жобасын да бекітіп берді»)."""
    if not rule.object_types:
        return None
    if any(index.norms[k].lower() == "ол" for k in range(clause.first, span[0])):
        found = index.last_before(clause.first, rule.subject_types, previous_first)
        return Arg(found[0], found[1], "NOM", span[0], span[0], anaphor=True) if found else None
    if any(a.case == "NOM" and a.first < span[0] for a in clause.args):
        return None
    return previous if previous is not None and previous.type in rule.subject_types else None


def _numbered_title(doc: Document, index: TokenIndex, clause: Clause, head: int, form: NounForm) -> Name | None:
    """«Жеті жарғы»: a capitalized numeral right before a singular document noun opens its
    proper name (a count, «екі келісім», is written in lower case)."""
    k = head - 1
    word = index.norms[k] if k >= clause.first else ""
    if form.plural or not word[:1].isupper() or word_info(word)[2] != "NUM" or not word.isalpha():
        return None
    return Name(k, head, f"{doc.text[doc.tokens[k].start:doc.tokens[head].start]}{nominative(index.norms[head], form)}")


def _document_before(doc: Document, index: TokenIndex, clause: Clause, i: int, case: str) -> Name | None:
    """The nearest document noun before token ``i`` in ``case``, with its name; None if it is
    part of a gazetteer treaty's name or a verb or comma stands between."""
    for k in range(i - 1, clause.first - 1, -1):
        word = index.norms[k]
        form = noun_form(word)
        if form is not None and form.stem in _DRAFTS and form.case == case:
            k, form = _drafted(index, k)  # «"… Ереженің" жобасын бекітті»: the draft of the document
            case = "GEN" if form is not None else case
        if form is not None and form.kind in DOCUMENT_KINDS and form.case == case:
            if any(a.first <= k < a.last and a.type == "treaty" for a in clause.args):
                return None
            return name_before(doc, index, clause, k) or _numbered_title(doc, index, clause, k, form)
        named = any(a.first <= k < a.last for a in clause.args)  # «Кеңесінің», read as a verb
        if word == "," or (not named and word_info(word)[2] in ("VERB", "AUX") and "VNOUN" not in word_info(word)[1]):
            return None
    return None


def _drafted(index: TokenIndex, k: int) -> tuple[int, NounForm | None]:
    """The genitive document a draft noun at ``k`` belongs to (a closing quote may stand between)."""
    j = k - 1 - (k > 0 and index.norms[k - 1] in _QUOTES)
    form = noun_form(index.norms[j]) if j >= 0 else None
    return (j, form) if form is not None and form.case == "GEN" else (k, None)


def passive_agent(index: TokenIndex, clause: Clause, args: list[Arg]) -> Arg | None:
    """«БҰҰ тарапынан», «Бас Ассамблеяның 47-сессиясында», «ШЫҰ саммитінде»: the body named as
    the agent or as the owner of a meeting; a meeting with no owner is the organization the
    text named last («алтыншы саммитте»)."""
    norms = index.norms
    for a in args:
        nxt = norms[a.last] if a.last < len(norms) else ""
        if a.type in _ADOPTERS and (nxt.lower() in _AGENT_WORDS or _is_meeting(nxt) or _decision(norms, a.last)):
            return a
        if a.type in _RULERS and (nxt.lower() in _AGENT_WORDS or _reign(norms, a.last)):
            return a
    meeting = next((k for k in range(clause.first, clause.last) if _is_meeting(norms[k])), None)
    if meeting is None:
        return None
    owner = meeting_owner(index, args, meeting, clause.first)
    if owner is not None or any(a.last == meeting for a in args):
        return owner
    return index.last_organization(meeting)


def meeting_owner(index: TokenIndex, args: list[Arg], meeting: int, first: int) -> Arg | None:
    """The body or organization owning the meeting noun at ``meeting`` across the words that
    only place or date it: «ЕҚЫҰ-ның Астана саммитінде», «Мәжілісінің 2019 жылғы 5 наурыздағы
    отырысында», «Кеңестің Мәскеудегі отырысында»; any one word right before the meeting noun
    («Сенатының кезекті отырысында»)."""
    k = meeting - 1
    while k >= max(first, meeting - MEETING_GAP):
        arg = next((a for a in args if a.first <= k < a.last), None)
        if arg is not None:
            if arg.type in _ADOPTERS and arg.case in ("GEN", "NOM"):
                return arg
            if arg.type not in _VENUES:
                return None
            k = arg.first - 1
            continue
        free = k == meeting - 1 and index.norms[k][:1].isalpha()  # «кезекті», which reads as an accusative
        if not (free or k in index.date_tokens or meeting_attribute(index.norms[k])):
            return None
        k -= 1
    return None


def meeting_attribute(word: str) -> bool:
    """A word that may stand between a meeting's owner and the meeting: a number, an adjective
    in «-ғы/-гі» or «-дағы/-дегі» («жылғы», «наурыздағы», «Мәскеудегі»), a caseless adjective or
    «-лық» word («кезекті», «пленарлық»)."""
    _, tags, pos = word_info(word)
    plain = not tags & MARKED and pos in ("ADJ", "NUM", "NOUN")
    return word[:1].isdigit() or "ATTR" in tags or plain


def _reign(norms: list[str], k: int) -> bool:
    """«тұсында», «билігі кезінде»: the time of the ruler named before ``k`` (a locative)."""
    for j in range(k, min(k + 2, len(norms))):
        lemma, tags, _ = word_info(norms[j])
        if lemma not in _REIGN:
            return False
        if "LOC" in tags:
            return True
    return False


def _decision(norms: list[str], k: int) -> bool:
    """«шешімімен», «қаулысы бойынша»: the decision of the body named before ``k``."""
    if k >= len(norms):
        return False
    lemma, tags, _ = word_info(norms[k])
    return lemma in _DECISIONS and ("INS" in tags or k + 1 < len(norms) and norms[k + 1].lower() == "бойынша")


def _is_meeting(word: str) -> bool:
    """«саммитте», «47-сессиясында»: a meeting noun (a number may stand before it)."""
    form = noun_form(word.rpartition("-")[2] if word[:1].isdigit() else word)
    return form is not None and form.kind == "meeting"


def _inside(index: TokenIndex, date: DateMention | None, name: Name) -> bool:
    return date is not None and any(d is date and name.first <= a <= name.head for a, d in index.dates)


def _date_outside(index: TokenIndex, clause: Clause, i: int, name: Name) -> DateMention | None:
    """The last date before the verb that is no part of the name («2035 жылға дейінгі»)."""
    dates = [d for a, d in index.dates_in(clause.first, i)
             if d.type == "DATE" and not name.first <= a <= name.head and not named_day(index, a)]
    return dates[-1] if dates else None


def named_day(index: TokenIndex, a: int) -> bool:
    """The date at token ``a`` is in the accusative: a day named («29 тамызды … күні деп
    жариялаған қарар»), not when the verb happened."""
    k = a
    while k + 1 in index.date_tokens and k + 1 < len(index.norms):
        k += 1
    return any("ACC" in tags for _, tags in readings(index.norms[k]))


def proposed_thing(doc: Document, clause: Clause, span: tuple[int, int],
                   index: TokenIndex) -> tuple[Arg | None, str | None] | None:
    """What «ұсынды» puts forward when no gazetteer object is its accusative: the noun phrase a
    verbal noun takes («… агенттік құруды ұсынды», «Еуразиялық одақ құру идеясын … ұсынды»,
    also fronted) or a document («… жоспарын ұсынды»); an entity there is the object."""
    norms = index.norms
    k = _accusative_before(index, clause, span[0])
    if k is None:
        return None
    form = noun_form(norms[k])
    if form is not None and form.kind == "proposal" and k > clause.first:
        k -= 1  # «… құру идеясын»: the idea's content
    if "VNOUN" not in word_info(norms[k])[1]:
        name = _document_before(doc, index, clause, k + 1, "ACC")
        return (None, name.text) if name else None
    entity = next((a for a in clause.args if a.last == k and a.type in _PROPOSED), None)
    if entity is not None:
        return entity, None
    name = _thing_name(doc, index, clause, k - 1) if k > clause.first else None
    return (None, name) if name else None


def _accusative_before(index: TokenIndex, clause: Clause, i: int) -> int | None:
    """The last accusative word before the verb that is no entity or date: the verb's object."""
    taken = {k for a in clause.args for k in range(a.first, a.last)} | index.date_tokens
    for k in range(i - 1, clause.first - 1, -1):
        word = index.norms[k]
        if word == "," or k in taken:
            continue
        form = noun_form(word)
        if (form.case if form else None) == "ACC" or "ACC" in word_info(word)[1]:
            return k
    return None


def drafted_facts(doc: Document, sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """«Қазақстан әзірлеген … декларацияны», «Қазақстан ұсынған қарар»: a participle of drafting
    or proposing before the noun it qualifies; the actor stands right before it. No time: the
    sentence's date is when the document was adopted, not drafted."""
    facts = []
    for k in range(clause.first + 1, clause.last - 1):
        lemma, tags, _ = word_info(index.norms[k])
        actor = next((a for a in clause.args if a.last == k and a.case == "NOM" and a.type in _PROPOSERS), None)
        if lemma not in _DRAFTING or "PTCP.PAST" not in tags or actor is None:
            continue
        named = next((a for a in clause.args if a.first == k + 1 and a.type in _PROPOSED), None)
        name = None if named else document_after(doc, index, clause, k + 1)
        if named or name:
            facts.append(Fact(actor.entity, "proposed", named.entity if named else None, name, None, None,
                              sentence.start, sentence.end, 0.65))
    return facts


def document_after(doc: Document, index: TokenIndex, clause: Clause, k: int) -> str | None:
    """The name of the document whose head noun follows token ``k`` with no break between."""
    for j in range(k, min(clause.last, k + 12)):
        form = noun_form(index.norms[j])
        if form is not None and form.kind in DOCUMENT_KINDS:
            name = name_before(doc, index, Clause(k, clause.last, clause.args), j)
            return name.text if name else None
        if not index.norms[j][:1].isalpha() and index.norms[j] not in ('"', "«", "»"):
            return None
    return None


def initiative_facts(doc: Document, sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """«Қазақстанның бастамасымен … АӨСШК құрылды», «Президенттің ұсынысы бойынша … жоспар
    қабылданды»: the owner of the initiative proposed what the clause founds or adopts. No
    time: the clause's date is of the founding, not of the initiative."""
    norms = index.norms
    for k in range(clause.first + 1, clause.last - 1):
        form = noun_form(norms[k])
        linked = form is not None and form.stem in _INITIATIVES and (
            form.case == "INS" or (form.case == "NOM" and norms[k + 1].lower() in _INITIATIVE_LINKS))
        owner = next((a for a in clause.args if a.last == k and a.case in ("GEN", "NOM")
                      and a.type in _PROPOSERS), None) if linked else None
        if owner is None:
            continue
        after = k + 1 if form.case == "INS" else k + 2
        named = next((a for a in clause.args if a.first >= after and a.case in ("NOM", "ACC")
                      and a.type in _PROPOSED and not _purpose_object(index, a)), None)
        name = None if named else document_after(doc, index, clause, after)
        if named or name:
            return [Fact(owner.entity, "proposed", named.entity if named else None, name, None, None,
                         sentence.start, sentence.end, 0.7)]
    return []


def _purpose_object(index: TokenIndex, arg: Arg) -> bool:
    """«ТМД-ны дамытуға арналған концепция»: an accusative name before a dative verbal noun is that
    verbal noun's object (what the document is for), not the thing proposed."""
    if arg.case != "ACC" or arg.last >= len(index.norms):
        return False
    _, tags, _ = word_info(index.norms[arg.last])
    return "VNOUN" in tags and "DAT" in tags


def proclaimed_facts(sentence: Sentence, clause: Clause, index: TokenIndex, doc: Document) -> list[Fact]:
    """«Бас Ассамблея 29 тамызды … халықаралық күні деп жариялады»: a body proclaims a day, a
    year or a document by name; the name stands before «деп»."""
    norms = index.norms
    for k in range(clause.first + 2, clause.last - 1):
        lemma, tags, _ = word_info(norms[k + 1])
        if norms[k].lower() != "деп" or lemma != "жарияла" or "PASS" in tags:
            continue
        name = _thing_name(doc, index, clause, k - 1)
        actors = [a for a in clause.args if a.case == "NOM" and a.type in _ADOPTERS and a.last < k]
        if name is None or not actors:
            return []
        dates = [d for a, d in index.dates_in(clause.first, k) if d.type == "DATE" and not _object_date(doc, d)]
        return [Fact(actors[-1].entity, "adopted", None, name, dates[0].value if dates else None, None,
                     sentence.start, sentence.end, 0.7)]
    return []


def _object_date(doc: Document, date: DateMention) -> bool:
    """«2010 жылды … жылы деп жариялады»: an accusative date is what is named, not when."""
    last = next((t.norm for t in doc.tokens if t.end == date.end), "")
    return any("ACC" in tags for _, tags in readings(last))  # «жылды» is also read as a past verb


def _thing_name(doc: Document, index: TokenIndex, clause: Clause, head: int) -> str | None:
    """The noun phrase ending at ``head`` (a noun, bare or accusative) with at least one
    modifier, the head without its accusative ending («қорын» → «қоры»)."""
    word = index.norms[head]
    _, tags, pos = word_info(word)
    if tags - {"ACC", "POSS.3"} or pos not in ("NOUN", "PROPN"):
        return None
    first, _ = modifiers(index, clause, head)
    if first == head:
        return None
    if "ACC" in tags:  # -ны/-ні/-ды/-ді/-ты/-ті, or -н after a possessive, cut by the grammar
        word = strip_suffix(word, "ACC") or word
    return (doc.text[doc.tokens[first].start:doc.tokens[head].start] + word).replace("\n", " ")
