"""Clause arguments for the fact extractor: entity mentions with their case, anaphors
(«Ұйымның», «аталған бірлестік», «еліміз», «ел»), case shared along lists, and exclusion.

Reads the token index built from Document tokens and entities; returns ``Arg`` lists.
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from derek.extract.gazetteer import case_of, load_gazetteer
from derek.extract.rules import Arg, Clause, readings, word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

SEPARATORS = {",", "және", "мен", "пен", "бен", "-", "–", "—", "(", ")", "/", "әрі", "да", "де"}
# «Қазақстан, Қытай … басшылары»: after a genitive list these nouns make the list the actor.
LEADERS = {"басшы", "президент", "премьер-министр", "үкімет", "өкіл", "делегация", "министр",
            "басшылық", "елбасы", "сыртқы", "парламент", "тарап"}
# Head nouns that stand for an organization named before. Capitalized («Ұйымның», «Одаққа»,
# «Кеңестің») they are the usual Kazakh way to refer back to the organization; lowercase they
# need a demonstrative («аталған бірлестік»), except the unambiguous first three.
_ORG_NOUNS = {"бірлестік", "ұйым", "достастық", "одақ", "кеңес", "бестік"}
_ORG_BARE = {"бірлестік", "ұйым", "достастық"}
_STATE_NOUNS = {"ел", "мемлекет", "республика"}
_DEMONSTRATIVES = {"аталған", "бұл", "осы", "сол", "мұндай", "аталмыш"}
# «Минск қаласында», «ЮНИСЕФ, ЮНЕСКО … Атқарушы кеңесіне»: a name before one of these nouns
# takes the noun's case (the city of Minsk; the executive boards of UNICEF, UNESCO …).
PLACE_HEADS = {"қала", "облыс", "аудан", "ауыл", "өңір"}
_BODY_HEADS = {"кеңес", "комитет", "орган"}
# «"…" бағдарламасына», «"…" шартына»: a quoted name before one of these nouns takes its case.
_TITLE_HEADS = {"бағдарлама", "шарт", "келісім", "хаттама", "хартия", "декларация", "конвенция"}
# «"Алаш" партиясын құрды», «"Азат" азаматтық қозғалысы»: a name before one of these nouns (with
# at most two modifiers after a quoted name) takes the noun's case.
_ORG_HEADS = {"қозғалыс", "партия", "ұйым", "одақ", "қоғам", "комиссия", "комитет", "газет", "бірлестік"}
_QUOTES = {'"', "«", "»", "“", "”", "'"}
_NEW = {"жаңа", "халықаралық", "өңірлік", "бір", "басқа"}  # «жаңа ұйым»: not one named before
HOME_STATE = "state:kz"  # «еліміз», «біздің мемлекет»: the writers' own country


def clause_arguments(clause: Clause, index: TokenIndex) -> list[Arg]:
    """Entity mentions and resolved anaphors inside ``clause``, in text order."""
    args = [Arg(m.entity, m.type, m.case, a, b) for a, b, m in index.mentions_in(clause.first, clause.last)
            if b <= clause.last]
    taken = {k for arg in args for k in range(arg.first, arg.last)}
    args += _anaphors(clause, index, taken)
    args += _child_bodies(args, clause, index, taken)
    args.sort(key=lambda a: a.first)
    _own_bodies(args)
    args = _drop_possessors(args)
    _share_case_in_lists(args, index.norms)
    _case_from_head(args, index.norms)
    for arg in args:
        following = index.norms[arg.last: arg.last + 2]
        arg.excluded = any(w.lower().startswith("қоспағанда") for w in following)
    return args


def _noun_lemma(word: str, nouns: set[str]) -> str | None:
    """The lemma among ``nouns`` that some reading of ``word`` has («Кеңестің» → кеңес)."""
    for lemma, _ in readings(word):
        if lemma in nouns:
            return lemma
    lower = word.lower()  # a form the analyser misses («Кеңестің»); not for a two-letter stem
    return next((n for n in nouns if len(n) > 3 and lower.startswith(n[:-1]) and len(lower) <= len(n) + 4), None)


def _anaphors(clause: Clause, index: TokenIndex, taken: set[int]) -> list[Arg]:
    found = []
    for i in range(clause.first, clause.last):
        if i in taken or not index.norms[i][:1].isalpha():
            continue
        arg = _org_anaphor(index, i) or _state_anaphor(index, i)
        if arg is not None:
            found.append(arg)
    return found


def _org_anaphor(index: TokenIndex, i: int) -> Arg | None:
    """«Ұйымның», «Одаққа», «аталған бірлестіктен»: the organization named before."""
    word = index.norms[i]
    lemma = _noun_lemma(word, _ORG_NOUNS)
    if lemma is None:
        return None
    previous = index.norms[i - 1].lower() if i > 0 else ""
    bare = lemma in _ORG_BARE and word_info(previous)[2] not in ("ADJ", "NUM") and previous not in _NEW
    if not (word[:1].isupper() or bare or previous in _DEMONSTRATIVES):
        return None
    if word[:1].islower() and {"PL", "POSS.3"} & word_info(word)[1]:
        return None  # «15 ұйымы», «ұйымдар»: not the organization named before
    target = index.antecedent_org(i, lemma)
    if target is None:
        return None
    return Arg(target[0], target[1], case_of(word), i, i + 1, anaphor=True)


def _state_anaphor(index: TokenIndex, i: int) -> Arg | None:
    """«еліміз» / «біздің мемлекет» → the home state; «ел», «бұл мемлекет» → the last state named."""
    word = index.norms[i]
    lemma = _noun_lemma(word, _STATE_NOUNS)
    if lemma is None or word_info(word)[2] != "NOUN":
        return None
    tags = word_info(word)[1]
    previous = index.norms[i - 1].lower() if i > 0 else ""
    if "PL" in tags or "POSS.3" in tags or word_info(previous)[2] == "NUM" or previous[:1].isdigit():
        return None  # «мүше елдер», «екі ел арасындағы»: not one country
    if "POSS.1PL" in tags or previous == "біздің":
        return Arg(HOME_STATE, "state", case_of(word), i, i + 1, anaphor=True)
    if lemma == "ел" or previous in _DEMONSTRATIVES:
        target = index.last_before(i, ("state",))
        if target is not None:
            return Arg(target[0], "state", case_of(word), i, i + 1, anaphor=True)
    return None


def _child_bodies(args: list[Arg], clause: Clause, index: TokenIndex, taken: set[int]) -> list[Arg]:
    """«Ұйымның Хатшылығы»: a bare body noun after an organization in the genitive is that
    organization's body whose name ends in the noun (ШЫҰ Хатшылығы)."""
    found = []
    for owner in args:
        k = owner.last
        if owner.case != "GEN" or k >= clause.last or k in taken or not index.norms[k][:1].isupper():
            continue
        lemma = word_info(index.norms[k])[0]
        body = _bodies_by_head().get((owner.entity, lemma))
        if body is not None:
            found.append(Arg(body, "body", case_of(index.norms[k]), k, k + 1))
    return found


@cache
def _bodies_by_head() -> dict[tuple[str, str], str]:
    """(owner organization, lemma of a body name's last word) → the body («Хатшылық»)."""
    found: dict[tuple[str, str], str] = {}
    for e in load_gazetteer().entries.values():
        if e.parent and e.type == "body":
            found.setdefault((e.parent, word_info(e.name.split()[-1])[0]), e.id)
    return found


def _own_bodies(args: list[Arg]) -> None:
    """«Кеңестің Хатшылығы»: a generic body name after an organization is that organization's
    body of the same name (АӨСШК Хатшылығы), not the first body the name matched."""
    entries = load_gazetteer().entries
    for owner, body in pairwise(args):
        entry = entries.get(body.entity)
        if body.first != owner.last or body.type != "body" or entry is None or entry.parent == owner.entity:
            continue
        head = entry.name.split()[-1]
        own = next((e.id for e in entries.values() if e.parent == owner.entity and e.type == "body"
                    and e.name.split()[-1] == head), None)
        if own is not None:
            body.entity = own


def _drop_possessors(args: list[Arg]) -> list[Arg]:
    """«БҰҰ-ның Адам құқықтары жөніндегі кеңесінің мүшесі»: an organization in the genitive
    right before one of its bodies only names the body's owner; so does a state or organization
    right before the person its office names («Қазақстан Президенті … ұсынды»: the president
    proposed, officeholders.py); an organization in the nominative right before its own body
    («БҰҰ Бас Ассамблеясы») is part of the body's name."""
    kept = []
    for k, arg in enumerate(args):
        nxt = args[k + 1] if k + 1 < len(args) else None
        if arg.case in ("GEN", "NOM") and nxt is not None and nxt.first == arg.last \
                and arg.type in ("state", "organization", "body") and nxt.type == "person":
            continue
        if arg.case == "GEN" and nxt is not None and nxt.first == arg.last \
                and arg.type in ("organization", "body") and nxt.type in ("organization", "body"):
            continue
        if arg.case == "NOM" and nxt is not None and nxt.first == arg.last and _parent_of(arg, nxt):
            continue  # «Біріккен Ұлттар Ұйымы Бас Ассамблеясының сессиясы»: the body's own name
        kept.append(arg)
    return kept


def _parent_of(owner: Arg, body: Arg) -> bool:
    """An organization named in the nominative right before one of its own bodies."""
    entry = load_gazetteer().entries.get(body.entity)
    return body.type == "body" and entry is not None and entry.parent == owner.entity


def _comma_boundary(left: Arg, right: Arg, norms: list[str]) -> bool:
    """«Кіші жүздің ханы, Әбілхайыр хан, Ресейге … ант қабылдады»: a comma alone between a person
    and a name of another type closes an apposition, it lists nothing; the person keeps its own
    case instead of the dative after it."""
    between = {norms[k].lower() for k in range(left.last, right.first)}
    return between == {","} and (left.type == "person") != (right.type == "person")


def _share_case_in_lists(args: list[Arg], norms: list[str]) -> None:
    """In «Ресей, Беларусь және Украинаға» only the last name carries the case; a list
    followed by «басшылары» acts itself, one followed by «арасында» names the parties."""
    groups: list[list[Arg]] = []
    for arg in args:
        if groups and arg.first > groups[-1][-1].last and all(
                norms[k].lower() in SEPARATORS for k in range(groups[-1][-1].last, arg.first)) \
                and not _copula(groups[-1][-1], arg, norms) and not _comma_boundary(groups[-1][-1], arg, norms):
            groups[-1].append(arg)
        else:
            groups.append([arg])
    for group in groups:
        last = group[-1]
        k = last.last
        while k < len(norms) and norms[k] in ("-", "–", "—", ")"):  # «… Тәжікстанның — президенттері»
            k += 1
        after = word_info(norms[k])[0] if k < len(norms) else ""
        case = last.case
        if case == "GEN" and after in LEADERS:
            case = case_of(norms[k])
        elif after == "ара":
            case = "INS"
        for member in group:
            if member.case in ("NOM", last.case):
                member.case = case


def _copula(left: Arg, right: Arg, norms: list[str]) -> bool:
    """«Қазақстан — ШЫҰ-ның мүшесі»: a dash between names of different types is a copula, not a
    list (lists join names of one type)."""
    return left.type != right.type and any(norms[k] in ("-", "–", "—") for k in range(left.last, right.first))


def _case_from_head(args: list[Arg], norms: list[str]) -> None:
    """A name in the nominative before a generic head noun takes the head's case: «Минск
    қаласында» is locative; a list of organizations before «Атқарушы кеңесіне» is dative."""
    for k, arg in enumerate(args):
        if arg.case != "NOM" or arg.last >= len(norms):
            continue
        nxt = args[k + 1].first if k + 1 < len(args) else len(norms)
        if arg.type in ("city", "place", "region") and nxt > arg.last \
                and word_info(norms[arg.last])[0] in PLACE_HEADS:
            arg.case = case_of(norms[arg.last])
        elif (arg.type in ("organization", "body") and (head := _org_head(norms, arg.last, nxt)) is not None
              or arg.type in ("body", "treaty") and (head := _title_head(norms, arg.last, nxt)) is not None):
            arg.case = case_of(norms[head])
        elif arg.type == "organization" and k > 0 and args[k - 1].type == "organization" \
                and args[k - 1].case == "NOM" and nxt > arg.last + 1 and norms[arg.last][:1].isupper():
            head = norms[arg.last + 1]
            if word_info(head)[0] in _BODY_HEADS:
                group = [a for a in args[:k + 1] if a.case == "NOM" and a.type == "organization"]
                for member in closing_list(group, norms):
                    member.case = case_of(head)


def _title_head(norms: list[str], end: int, limit: int) -> int | None:
    """The generic noun a quoted name stands before («"Бейбітшілік … серіктестік"
    бағдарламасына»: the programme's case is the name's), or None."""
    k = end
    while k < limit and norms[k] in _QUOTES:
        k += 1
    return k if k < limit and k > end and word_info(norms[k])[0] in _TITLE_HEADS else None


def _org_head(norms: list[str], end: int, limit: int) -> int | None:
    """The generic organization noun a name stands before («"Азат" азаматтық қозғалысы»), or None;
    modifiers may stand between only after a quoted name."""
    k = end
    while k < limit and norms[k] in _QUOTES:
        k += 1
    reach = 3 if k > end else 1
    for j in range(k, min(k + reach, limit)):
        word = norms[j]
        if not word[:1].islower():
            return None
        lemma, tags, _ = word_info(word)
        if lemma in _ORG_HEADS:
            return j
        if tags & {"GEN", "DAT", "ACC", "LOC", "ABL", "INS", "POSS.3", "PL"}:
            return None
    return None


def closing_list(args: list[Arg], norms: list[str]) -> list[Arg]:
    """The last of ``args`` and the list it closes: «ЮНИСЕФ, ЮНЕСКО, БҰҰ-әйелдер»; before a
    trigger, the arguments that belong to it («Ұйымның 168-ші мүшесі», not the «Бас
    Ассамблеяның» before it)."""
    group = args[-1:]
    for arg in reversed(args[:-1]):
        if not all(norms[k].lower() in SEPARATORS for k in range(arg.last, group[0].first)):
            break
        group.insert(0, arg)
    return group
