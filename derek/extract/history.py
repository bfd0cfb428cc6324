"""History-text shapes: reigns («Абылай хан болды», «таққа отырды», «билік құрды», ruler list
lines with periods), reorganisation («… болып қайта құрылды») and who may be founded how.

Reads the clause arguments, tokens and dates the fact extractor built; returns Document facts.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from derek.doc import DateMention, Document, Fact, Sentence
from derek.extract.arguments import closing_list
from derek.extract.rules import BULLETS, Arg, Clause, Rule, word_info
from derek.lang.kk.resources import load_list
from derek.lang.kk.suffixes import realizations

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_FINITE = frozenset({"PAST", "3"})
_NONFINITE = frozenset({"VNOUN", "PTCP.PAST", "PTCP.IMPF", "PTCP.FUT", "COND", "CONV.P"})
# «билік құрды / етті» (ruled), «хандық құрды», «үстемдік етті» (held sway): holding a ruler's
# title over a period.
_RULE_VERBS = {("билік", "құр"), ("билік", "ет"), ("хандық", "құр"), ("хандық", "ет"), ("үстемдік", "ет")}
_PROCLAIM = {"сайла", "жарияла", "көтер", "тағайында"}  # «хан болып сайланды / көтерілді»
_POWER = frozenset({"билік", "өкімет"})  # «өкімет / билік басына келді» (came to power)
_BETWEEN_OK = frozenset({"ADV", "PUNCT"})
_AND = frozenset({"мен", "бен", "пен", "және"})
# «Y болып өзгерді / қалыптасты / ауыстырды» (changed / took shape / was changed into Y): a renaming
_BECAME = frozenset({"өзгер", "қалыпта", "ауыстыр"})
_SETTINGS = frozenset({"place", "city", "region", "state"})
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "PRON", "DET", "ADV", "CCONJ", "SCONJ", "ADP"})
_OBLIQUE = frozenset({"GEN", "DAT", "LOC", "ABL", "INS", "ACC"})


@cache
def ruler_titles() -> frozenset[str]:
    """Rulers' titles (extract/data/ruler_titles.txt): хан, сұлтан, патша …"""
    return frozenset(load_list("ruler_titles.txt", "derek.extract"))


def finite(norm: str) -> bool:
    """A finite verb form («құрды», «құрады»), not a verbal noun, participle or converb."""
    _, tags, pos = word_info(norm)
    return pos in ("VERB", "AUX") and bool(tags & _FINITE) and not tags & _NONFINITE


def founding_blocked(rule: Rule, subjects: list[Arg], span: tuple[int, int], index: TokenIndex) -> bool:
    """founded_on by an active verb needs a finite one («партиясын құрды», not «ТМД-ны құратынын»,
    «қорын құруды»); a state is founded only when it stands right before the trigger (dates
    and adverbs aside): «Қазақ хандығы 1465 жылы құрылды», «Республиканың негізі қаланды»,
    not «… басшылары … келісім негізінде құрылды» or «Өзбекстан қосылғаннан кейін … құрылды»;
    «қайта құрылды» (re-formed) is no founding, nor a dative verbal noun («… құрылуына себеп
    болды»: the date is the cause's)."""
    i, end = span
    if rule.predicate != "founded_on":
        return False
    if rule.trigger[-1][1] == "ACT" and not finite(index.norms[end - 1]):
        return True
    if {"VNOUN", "DAT"} <= word_info(index.norms[end - 1])[1]:
        return True  # «… көшуі Қазақ хандығының құрылуына себеп болды»: what led to a founding
    if i > 0 and index.norms[i - 1].lower() == "қайта":  # «… болып қайта құрылды»: reorganised
        return True
    return any(s.type == "state" and not _adjacent(s, i, index) for s in subjects)


def adjacent_founded(rule: Rule, subjects: list[Arg], span: tuple[int, int], index: TokenIndex) -> list[Arg]:
    """Of the subjects of a founding, a state right before the verb is the one founded: «… Алтын
    Орда ішінде құрылып, уақыт өткен соң, 1465 жылда Қазақ хандығы қалыптасқан» (a nominative
    state before a verb, not a verbal noun)."""
    if rule.predicate != "founded_on" or "VNOUN" in word_info(index.norms[span[1] - 1])[1]:
        return subjects  # «… қоныс аударуы қазақ хандығының құрылуына мұрындық болды»: a cause
    near = [s for s in subjects if s.type == "state" and s.case == "NOM" and _adjacent(s, span[0], index)]
    return near or subjects


def _adjacent(arg: Arg, i: int, index: TokenIndex) -> bool:
    """Nothing but dates and adverbs between the state and the verb, or a name coordinated with
    it: «Әбілхайыр хандығы мен Ноғай одағы құрылды» (a capitalized nominative phrase)."""
    k = _coordinated_end(arg.last, i, index.norms)
    return all(j in index.date_tokens or word_info(index.norms[j])[2] in _BETWEEN_OK for j in range(k, i))


def _coordinated_end(k: int, i: int, norms: list[str]) -> int:
    """The token after «мен / және Y …» that follows a name ending at ``k``, Y a capitalized
    nominative phrase of at most four words before ``i``; ``k`` when there is none."""
    if k + 1 >= i or norms[k].lower() not in _AND or not norms[k + 1][:1].isupper():
        return k
    j = k + 1
    while j < i and j - k <= 4 and word_info(norms[j])[2] in ("NOUN", "PROPN", "ADJ") \
            and not word_info(norms[j])[1] - {"POSS.3", "PL"}:
        j += 1
    return j if j > k + 1 else k


def reign_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """appointed_as(person, title) for «Нұралы хан болды», «Абылай хан … таққа отырды», «Абылай
    хан 1771–1781 жылдары билік құрды» (a period is required for this one) and «… хан болып
    сайланды»: the title is the word the person's name ends in or is followed by."""
    norms = index.norms
    facts = []
    for person in (a for a in clause.args if a.type == "person" and a.case == "NOM" and not a.anaphor):
        title, k = _title_at(person, norms)
        if title is None:
            continue
        period = date is not None and "/" in date.value
        if k < clause.last and word_info(norms[k])[0] == "бол" and (finite(norms[k]) or _proclaimed(norms, k + 1)) \
                or _throne(norms, k, clause.last) or (period and _rules_verb(norms, k, clause.last)) \
                or _ruled(norms, k, clause.last) or _came_to_power(norms, clause.first, clause.last, k):
            facts.append(Fact(person.entity, "appointed_as", None, title, date.value if date else None, None,
                              sentence.start, sentence.end, 0.7))
    return facts


def _title_at(person: Arg, norms: list[str]) -> tuple[str | None, int]:
    """(the ruler's title the name ends in or is followed by, the token after it)."""
    last = word_info(norms[person.last - 1])[0]
    if last in ruler_titles():
        return last, person.last
    if person.last < len(norms):
        lemma, tags, _ = word_info(norms[person.last])
        if lemma in ruler_titles() and not tags - {"POSS.3"}:
            return lemma, person.last + 1
    return None, person.last


def _proclaimed(norms: list[str], k: int) -> bool:
    """«болып сайланды / жарияланды / көтерілді»."""
    return k < len(norms) and word_info(norms[k])[0] in _PROCLAIM and finite(norms[k])


def _throne(norms: list[str], k: int, last: int) -> bool:
    """«таққа отырды» (took the throne) later in the clause."""
    return any(word_info(norms[j])[0] == "тақ" and "DAT" in word_info(norms[j])[1]
               and word_info(norms[j + 1])[0] == "отыр" and finite(norms[j + 1]) for j in range(k, last - 1))


def _ruled(norms: list[str], k: int, last: int) -> bool:
    """«Дешті Қыпшақты Әбілхайыр хан биледі» (ruled): a finite «биле» later in the clause."""
    return any(word_info(norms[j])[0] == "биле" and finite(norms[j]) for j in range(k, last))


def _came_to_power(norms: list[str], first: int, last: int, k: int) -> bool:
    """«өкімет / билік басына … келді»: «басына» after a word of power, then a finite «кел»."""
    for m in range(first + 1, last):
        lemma, tags, _ = word_info(norms[m])
        if lemma == "бас" and "DAT" in tags and word_info(norms[m - 1])[0] in _POWER:
            return any(word_info(norms[j])[0] == "кел" and finite(norms[j]) for j in range(max(m, k), last))
    return False


def ruled_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """A titled ruler after a participle of rule («Көшпелі өзбектер мемлекетін билеген Әбілқайыр
    хан», «өкімет басына X ғасырда келген Әли ханның»; the date from inside the participle phrase)
    or before a reign period in parentheses, with the title before the name («Селжұк сұлтаны
    Мәлік-шах (1072—1092) …», the value «Селжұк сұлтаны»): appointed_as(ruler, title)."""
    norms = index.norms
    facts = []
    for person in (a for a in clause.args if a.type == "person" and not a.anaphor):
        title, _ = _title_at(person, norms)
        start = _ruling_participle(norms, clause.first, person.first - 1) if title else None
        if start is not None:
            dates = [d for _, d in index.dates_in(start, person.first) if d.type == "DATE"]
            facts.append(Fact(person.entity, "appointed_as", None, title, dates[-1].value if dates else None,
                              None, sentence.start, sentence.end, 0.65))
            continue
        post, period = _titled_period(person, clause, index)
        if post:
            facts.append(Fact(person.entity, "appointed_as", None, post, period, None,
                              sentence.start, sentence.end, 0.65))
    return facts


def _ruling_participle(norms: list[str], first: int, j: int) -> int | None:
    """The first token of a participle phrase of rule ending at ``j`` right before the ruler:
    «… билеген» (its object before it), «өкімет / билік басына … келген»."""
    if j < first:
        return None
    lemma, tags, _ = word_info(norms[j])
    if "PTCP.PAST" not in tags:
        return None
    if lemma == "биле":
        return max(first, j - 1)
    if lemma == "кел":
        for m in range(j - 1, max(first, j - 12), -1):
            if word_info(norms[m])[0] == "бас" and "DAT" in word_info(norms[m])[1] \
                    and word_info(norms[m - 1])[0] in _POWER:
                return m - 1
    return None


def _titled_period(person: Arg, clause: Clause, index: TokenIndex) -> tuple[str | None, str | None]:
    """(«Селжұк сұлтаны», «1072/1092») for «Селжұк сұлтаны Мәлік-шах (1072—1092)»: a ruler's title
    in the possessive right before the name, its owner a capitalized word, a period in
    parentheses right after the name."""
    norms, t = index.norms, person.first - 1
    if t - 1 < clause.first or person.last + 1 >= clause.last or norms[person.last] != "(":
        return None, None
    lemma, tags, _ = word_info(norms[t])
    if lemma not in ruler_titles() or "POSS.3" not in tags or not norms[t - 1][:1].isupper():
        return None, None
    periods = [d for k, d in index.dates_in(person.last + 1, person.last + 2) if d.type == "DATE" and "/" in d.value]
    return (f"{norms[t - 1]} {norms[t]}", periods[0].value) if periods else (None, None)


def _rules_verb(norms: list[str], k: int, last: int) -> bool:
    return any((word_info(norms[j])[0], word_info(norms[j + 1])[0]) in _RULE_VERBS and finite(norms[j + 1])
               for j in range(k, last - 1))


def ruler_line_facts(sentence: Sentence, clause: Clause, index: TokenIndex) -> list[Fact]:
    """A verbless list line naming one titled ruler and a period («Абылай хан (1771–1781)»,
    «3. Тәуке хан – 1680–1715 жж.») gives appointed_as(ruler, title, period)."""
    norms = index.norms
    if any(word_info(norms[k])[2] in ("VERB", "AUX") for k in range(clause.first, clause.last)):
        return []
    people = [a for a in clause.args if a.type == "person"]
    periods = [d for _, d in index.dates_in(clause.first, clause.last) if d.type == "DATE" and "/" in d.value]
    if len(people) != 1 or len(periods) != 1 or len(clause.args) != 1:
        return []
    title, _ = _title_at(people[0], norms)
    if title is None:
        return []
    return [Fact(people[0].entity, "appointed_as", None, title, periods[0].value, None,
                 sentence.start, sentence.end, 0.65)]


def reorganised_facts(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None) -> list[Fact]:
    """«X … Y болып қайта құрылды» (X was reorganised as Y), «X Y болып / деп өзгертілді», «X Y
    болып өзгерді / қалыптасты», «X Y болып қайта аталды» (renamed): renamed_to(X, Y), Y written as
    in the text; X is a named organization, state or place in the nominative before Y (the same
    entity when the gazetteer keeps the old name as an alias: «Ақмола … Астана болып өзгертілді»),
    else the thing the text named last (``_topic_renamed``)."""
    norms = index.norms
    for k in range(clause.first + 1, clause.last - 1):
        if not _renaming(norms, k, clause.last):
            continue
        new = next((a for a in clause.args if a.last == k), None)
        name = _name_before(norms, k) if new is None else " ".join(norms[new.first:new.last])
        if new is None and (first := _new_name_start(index, clause, k, new)) is not None:
            name = " ".join(norms[first:k])  # a longer name «Сібір жүйелік казак әскери училищесі»
        # the old name ends before the new one; a place right before a name no gazetteer knows
        # is part of it («… Омбы Азия мектебі болып өзгертілді»), an organization is not («ШЫҰ
        # Азия одағы болып …»)
        bound = new.first if new is not None else k - len((name or "").split())
        olds = [a for a in clause.args if a.last <= bound and a is not new and not a.anaphor
                and not (new is None and a.last == bound and a.type in ("place", "city", "region"))
                and (a.case == "NOM" and not _modifier(norms, a, bound) or _name_of(norms, a, bound))
                and a.type in ("organization", "state", "place", "city", "region", "body")]
        if not olds:
            return _topic_renamed(sentence, clause, index, date, k, new)
        if not name:
            return []
        return [Fact(olds[0].entity, "renamed_to", None, name, date.value if date else None, None,
                     sentence.start, sentence.end, 0.7)]
    return []


def _modifier(norms: list[str], arg: Arg, bound: int) -> bool:
    """A nominative name that only qualifies a case-marked noun after it («Сібір жүйелік казак
    әскерінің …»: of the Siberian Cossack host) is no subject."""
    for j in range(arg.last, min(arg.last + 4, bound)):
        if not norms[j][:1].islower():
            return False
        if word_info(norms[j])[1] & _OBLIQUE:
            return True
    return False


def _topic_renamed(sentence: Sentence, clause: Clause, index: TokenIndex, date: DateMention | None,
                   k: int, new: Arg | None) -> list[Fact]:
    """A renaming that names no old entity: a common noun («училище … Омбы Азия мектебі болып
    өзгертілді»), a pronoun with «атауы» or no subject at all stands for the thing the text named
    last of the new name's kind: an organization, or a place for a place's new name."""
    norms = index.norms
    first = _new_name_start(index, clause, k, new)
    if first is None or any(a.case == "NOM" and a.last <= first and a.type not in _SETTINGS for a in clause.args):
        return []
    tagged = {j for a in clause.args for j in range(a.first, a.last)}
    if any(norms[j][:1].isupper() and j not in tagged and j not in index.date_tokens
           for j in range(clause.first + 1, first)):
        return []  # a name no gazetteer knows may be the old one («Батыс-Сібір генерал-губернаторлығы»)
    places = new is not None and new.type in _SETTINGS
    if places and not any(word_info(norms[j])[0] in ("атау", "ат") for j in range(clause.first, first)):
        return []  # a place renamed without a named old one: only «атауы Y деп өзгертілді» (its name)
    if new is not None and not places and new.type not in ("organization", "body"):
        return []
    types = ("place", "city", "region") if places else ("organization",)
    old = next((m.entity for _, _, m in index._before(sentence.first_token) if m.type in types
                and (not places or m.entity != new.entity)), None)
    if old is None:
        return []
    return [Fact(old, "renamed_to", None, " ".join(norms[first:k]), date.value if date else None, None,
                 sentence.start, sentence.end, 0.65)]


def _new_name_start(index: TokenIndex, clause: Clause, k: int, new: Arg | None) -> int | None:
    """Where the new name before ``k`` starts: a tagged name, with «X атындағы» (named after X)
    before it; else capitalized words (a place's name included: «Омбы Азия мектебі») and at most 4
    lowercase ones after each, back to a verb, a punctuation mark, a date or a named organization."""
    norms = index.norms
    if new is not None:
        first = new.first
        if first - 2 >= clause.first and word_info(norms[first - 1])[0] == "ат" \
                and "ATTR" in word_info(norms[first - 1])[1] and norms[first - 2][:1].isupper():
            first -= 2
            while first > clause.first and norms[first - 1][:1].isupper() and first - 1 not in index.date_tokens:
                first -= 1
        return first
    first, run = None, 0
    named = {j for a in clause.args if a.type in ("organization", "body", "state") for j in range(a.first, a.last)}
    for j in range(k - 1, clause.first - 1, -1):
        if j in index.date_tokens or j in named or not norms[j][:1].isalpha() \
                or word_info(norms[j])[2] in _NOT_IN_NAMES:
            break  # a named organization or state before the new name is the old one («ШЫҰ Азия одағы …»)
        if norms[j][:1].isupper():
            first, run = j, 0
        else:
            run += 1
            if run > 4:
                break
    return first


def _name_of(norms: list[str], arg: Arg, bound: int) -> bool:
    """A genitive name whose «атауы»/«аты» (its name) follows: «Астана қаласының атауы … деп
    өзгертілді» renames the city."""
    return arg.case == "GEN" and any(word_info(norms[j])[0] in ("атау", "ат") and "POSS.3" in word_info(norms[j])[1]
                                     for j in range(arg.last, min(arg.last + 3, bound)))


def _renaming(norms: list[str], k: int, last: int) -> bool:
    """Does «болып»/«деп» at ``k`` open a renaming verb: (қайта) өзгертілді, қайта құрылды, қайта аталды?"""
    if norms[k].lower() not in ("болып", "деп"):
        return False
    again = k + 2 < last and norms[k + 1].lower() == "қайта"
    lemma, tags, _ = word_info(norms[k + 1 + again])
    if norms[k].lower() == "болып" and lemma in _BECAME and finite(norms[k + 1 + again]):
        return True
    return "PASS" in tags and (lemma in ("өзгерт", "ауыстыр") or again and lemma in ("құр", "ата"))


def _name_before(norms: list[str], k: int) -> str | None:
    """The capitalized name right before ``k`` («Дала генерал-губернаторлығы»): its capitalized
    first word and the lowercase words after it."""
    j = k - 1
    while j >= 0 and norms[j][:1].islower() and k - j <= 3:
        j -= 1
    if j < 0 or not norms[j][:1].isupper():
        return None
    return " ".join(norms[j:k])


def listed_subject(rule: Rule, sentence: Sentence, index: TokenIndex, span: tuple[int, int]) -> list[Arg]:
    """A bulleted line of a biography with no subject («* 1939 жылы – КОКП мүшелігіне
    қабылданды») is about the person the text is about: the one named most often before it
    (a gazetteer person before a name the statistical NER guessed; the later one on a tie)."""
    if "person" not in rule.subject_types or index.norms[sentence.first_token] not in BULLETS:
        return []
    best = text_person(index, sentence.first_token)
    return [Arg(best, "person", "NOM", span[0], span[0], anaphor=True)] if best else []


def text_person(index: TokenIndex, token: int) -> str | None:
    """The person a text is about: the one named most often before ``token`` (a gazetteer person
    before a name the statistical NER guessed; the later one on a tie)."""
    counts: dict[str, tuple[bool, int, int]] = {}
    for a, _, m in index.mentions_in(0, token):
        if m.type == "person":
            counts[m.entity] = (m.source == "gazetteer", counts.get(m.entity, (False, 0, 0))[1] + 1, a)
    return max(counts, key=lambda e: counts[e]) if counts else None


_DATIVE_ENDINGS = realizations("DAT", after="N")


def action_value(doc: Document, index: TokenIndex, clause: Clause, i: int, args: list[Arg]) -> str | None:
    """«… ядролық қаруды ауада, ғарышта және жер астында сынақтан өткізбеуге қол қойды»: the
    dative verbal noun before the trigger with its complements back to a named argument, a date
    or the clause start, written as in the text with the verbal noun in the nominative."""
    k = i - 1
    word = index.norms[k] if k >= clause.first else ""
    _, tags, _ = word_info(word)
    if "VNOUN" not in tags or "DAT" not in tags or not word.lower().endswith(_DATIVE_ENDINGS):
        return None
    taken = {j for a in args for j in range(a.first, a.last)} | index.date_tokens
    first = k
    while first - 1 >= clause.first and first - 1 not in taken and index.norms[first - 1] not in (":", ";", "-", "–", "—") \
            and not _that_time(index.norms, first - 1):
        first -= 1
    while first < k and not index.norms[first][:1].isalpha():
        first += 1
    if first == k:
        return None
    text = doc.text[doc.tokens[first].start:doc.tokens[k].end]
    return " ".join(text[:-2].split())


def _that_time(norms: list[str], k: int) -> bool:
    """«сол жылы», «осы кезде»: a date said by reference, not part of a phrase."""
    return k > 0 and norms[k - 1].lower() in ("сол", "осы") and word_info(norms[k])[0] in ("жыл", "кез", "күн", "уақыт")


_ENTRY_VERBS = {"кір", "ен", "өт"}


def split_membership_facts(sentence: Sentence, clause: Clause, index: TokenIndex,
                           date: DateMention | None) -> list[Fact]:
    """«… ядролық клубқа мүшелікке Ұлыбритания, Франция және Қытай кірді»: the members named
    between «мүшелікке» and its verb (or before it) are members of the organization before it."""
    norms = index.norms
    for m in range(clause.first + 1, clause.last - 1):
        lemma, tags, _ = word_info(norms[m])
        if lemma != "мүшелік" or "DAT" not in tags:
            continue
        verb = next((v for v in range(m + 2, clause.last) if word_info(norms[v])[0] in _ENTRY_VERBS
                     and finite(norms[v])), None)
        org = next((a for a in clause.args if a.last == m and a.type in ("organization", "body")
                    and a.case in ("DAT", "NOM")), None)
        if verb is None or org is None:
            continue
        named = [a for a in clause.args if m < a.first and a.last <= verb]
        if not named or named[-1].last != verb:
            continue  # the members' list stands right before the verb
        members = [a for a in closing_list(named, norms) if a.case == "NOM" and a.type in ("state", "person")
                   and not a.excluded]
        return [Fact(a.entity, "member_of", org.entity, None, date.value if date else None, None,
                     sentence.start, sentence.end, 0.75) for a in members]
    return []
