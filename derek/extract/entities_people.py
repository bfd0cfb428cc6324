"""People by their names: a given name or initial before a gazetteer surname decides whether it is
that person, and provisional people of one document are grouped by surname.
Reads Document.tokens; works on the mentions extract_entities found (their ``entity`` and ``name``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from derek.doc import Document, EntityMention
from derek.extract.gazetteer import case_of, fold, load_gazetteer
from derek.lang.kk.morphology import analyze, lemma
from derek.lang.kk.segment import initial_letter
from derek.lang.kk.suffixes import strip_suffix

# Kazakh letters written with their Russian counterparts (Нұрсұлтан ~ Нурсултан, Әлихан ~ Алихан)
_AS_RUSSIAN = str.maketrans("әғқңөұүһіё", "агкноуухие")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі-]+")
_MASCULINE = "ов|ев|ёв|ин"  # Russian-style family-name endings; the feminine adds «а»
_RUSSIAN_SURNAME = re.compile(rf".+(?:{_MASCULINE})а?")
_CASES = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
# a word shaped like a family name (Russian-style or Kazakh patronymic-derived), as a name
# written surname first starts: «Назарбаев Ерлан», «Тоқаев Қасым-Жомарт»; not a single historical
# name («Бабыр Ферғананың әмірі болды»: Babur, then a place in the genitive)
_FAMILY_NAME = re.compile(rf".+(?:(?:{_MASCULINE})а?|ский|цкий|ская|цкая|ұлы|қызы)")
# a feminine Russian-style surname: the analyzer reads «Петрова» as Петров with an «-а» ending,
# which would make Анна Петрова and Иван Петров one key
_FEMININE = re.compile(rf".+(?:{_MASCULINE})а")
MAX_GIVEN = 2  # a given name and a patronymic («Ерлан Әбішұлы Назарбаев»)


def _surname_stem(word: str) -> str | None:
    """A Russian-style surname with a case ending the analyzer does not split: «Сейітовтің»,
    «Ахметовке» → the surname; the ending follows the Kazakh stem's vowels, not -ов's, so any
    realisation of the case is taken."""
    for case in _CASES:
        stem = strip_suffix(word, case, loose=True, after="N")
        if stem is not None and _RUSSIAN_SURNAME.fullmatch(stem):
            return stem
    return None


def name_form(word: str) -> str:
    """A name word compared across spellings: lowercase, no dots or hyphens, Kazakh letters as
    Russian ones («Нұрсұлтан», «Нурсултан» → нурсултан; «Н.» → н)."""
    return word.lower().replace(".", "").replace("-", "").translate(_AS_RUSSIAN)


def is_initial(norm: str) -> bool:
    """«Н.»: one capital letter and a period."""
    return len(norm) == 2 and norm[0].isupper() and norm[1] == "."


def surname_lemma(word: str) -> str:
    """The nominative of a name's last word: the analyzer's lemma, or a Russian-style surname with
    its case ending cut («Сейітовке» → Сейітов) when the analyzer keeps the word whole."""
    found = lemma(word)
    if found.lower() == word.lower() and word[:1].isupper() and (stem := _surname_stem(word)):
        return stem
    if word[:1].isupper() and _FEMININE.fullmatch(word[:len(found) + 1]):
        return word[:len(found) + 1]  # «Петрова», «Петрованың»: the analyzer reads the «а» off
    return found


def is_family_name(word: str) -> bool:
    """The word, in any case form, is shaped like a family name («Назарбаевтың», «Сейітовке»)."""
    return bool(_FAMILY_NAME.fullmatch(surname_lemma(word).lower()))


def surname_case(norm: str) -> str | None:
    """The case of a Russian-style surname the analyzer keeps whole («Сейітовке»: DAT), else None."""
    if lemma(norm) != norm or not norm[:1].isupper() or not (stem := _surname_stem(norm)):
        return None
    return case_of(norm, frozenset({fold(stem)}))


@cache
def given_names(entity: str) -> tuple[frozenset[str], frozenset[str]]:
    """(given names, initials) of a gazetteer person, from the first word of each of its names of
    two words or more, Cyrillic only («Нұрсұлтан Әбішұлы Назарбаев», «Н.Ә. Назарбаев»)."""
    names: set[str] = set()
    initials: set[str] = set()
    for raw in load_gazetteer().entries[entity].names:
        words = raw.lstrip("~").split()
        first = words[0] if len(words) > 1 else ""
        if not first[:1].isupper() or not _CYRILLIC.fullmatch(first.lower().replace(".", "")):
            continue
        if first[1:2] == ".":
            initials.add(name_form(first[0]))
        else:
            names.add(name_form(first))
            initials.add(name_form(first)[0])
    return frozenset(names), frozenset(initials)


@cache
def _name_ends(entity: str) -> tuple[frozenset[str], frozenset[str]]:
    """(first words, last words) of a gazetteer person's names of two words or more, folded."""
    split = [raw.lstrip("~").split() for raw in load_gazetteer().entries[entity].names]
    return (frozenset(fold(w[0]) for w in split if len(w) > 1),
            frozenset(fold(w[-1]) for w in split if len(w) > 1))


def is_surname(entity: str, norm: str) -> bool:
    """The word is a gazetteer person's surname, the last word of a name of theirs and never the
    first («Назарбаевтың»; not «Кенесарыны», a given name, which «Сыпатай Кенесарыны» just follows)."""
    firsts, lasts = _name_ends(entity)
    keys = load_gazetteer().keys(norm)
    return not keys.isdisjoint(lasts) and keys.isdisjoint(firsts)


def agrees(entity: str, first: str) -> bool:
    """The given name or initial ``first`` written before a gazetteer person's surname can be
    that person's (a person with no given name in the gazetteer contradicts none)."""
    names, initials = given_names(entity)
    if not names and not initials:
        return True
    if is_initial(first) or initial_letter(first):  # «Н.», or «Н» of «Н . Назарбаев»
        return name_form(first) in initials
    return name_form(first) in names


def _given_word(doc: Document, i: int, inflected: bool = False) -> bool:
    """Token i is a capitalized word read first as a proper noun in the nominative (Ерлан,
    Әбішұлы), or with any ending when ``inflected`` (the last word of a name written surname
    first carries the case: «Назарбаев Нұрсұлтан Әбішұлының»), not an abbreviation, nor a name the
    gazetteer knows alone (Елбасы)."""
    norm = doc.tokens[i].norm
    if not norm[:1].isupper() or norm.isupper() or not norm.replace("-", "").isalpha():
        return False
    readings = analyze(norm)[:1]
    return (bool(readings) and readings[0].pos == "PROPN" and (inflected or not readings[0].tags)
            and not load_gazetteer().readings(doc.tokens, i, i + 1))


def given_name_start(doc: Document, a: int, b: int, person_span: Callable[[int, int], bool],
                     taken: set[int]) -> int:
    """The first token of the given name (and patronymic) right before the surname tokens a..b-1,
    inside one CRF person span with it («Ерлан Назарбаев»); ``a`` when there is none."""
    k = a
    while (k > 0 and a - k < MAX_GIVEN and k - 1 not in taken and _given_word(doc, k - 1)
           and doc.tokens[k].start - doc.tokens[k - 1].end <= 1 and person_span(k - 1, b)):
        k -= 1
    return k


def given_name_end(doc: Document, b: int, entity: str, tagged: Callable[[int], bool], taken: set[int]) -> int:
    """One past the given name (and patronymic) right after a surname that ends at token ``b``,
    each word tagged a person by the CRF, as official lists write a name surname first
    («Назарбаев Нұрсұлтан Әбішұлы»; the CRF often splits it in two); ``b`` when there is none. The
    gazetteer person's own given name counts whatever the analyzer reads it as («Қасым-Жомарт»)."""
    names = given_names(entity)[0]
    k = b
    while (k < len(doc.tokens) and k - b < MAX_GIVEN and k not in taken and tagged(k)
           and doc.tokens[k].start - doc.tokens[k - 1].end <= 1):
        if _given_word(doc, k) or k == b and name_form(doc.tokens[k].norm) in names:
            k += 1
        elif _given_word(doc, k, inflected=True) or k == b and name_form(lemma(doc.tokens[k].norm)) in names:
            return k + 1  # the case ending closes the name
        else:
            break
    return k


def _parts(m: EntityMention) -> tuple[str, ...] | None:
    """The key words of a provisional person (given names or initials, then the surname)."""
    if not m.entity.startswith("prov:person:"):
        return None
    return tuple(m.entity.removeprefix("prov:person:").split("_"))


def _compatible(first: str, other: str) -> bool:
    """Two given names or initials that can be one person's («ж» and «жанат»)."""
    a, b = name_form(first), name_form(other)
    return a == b or (len(a) == 1 or len(b) == 1) and a[:1] == b[:1]


def group_people(doc: Document, mentions: list[EntityMention]) -> None:
    """Within a document, a bare surname in any case form after a fuller mention of a provisional
    person with that surname («Ж. Ахметов … Ахметовтың») is that person, and so is a fuller mention
    whose given name or initial agrees («Жанат Ахметов … Ж. Ахметов»); the nearest earlier one
    wins. A bare surname the gazetteer linked by itself joins too («Ерлан Назарбаев … Назарбаев»)."""
    starts = [t.start for t in doc.tokens]
    people: dict[str, list[EntityMention]] = {}  # surname key -> fuller mentions, in text order
    for m in sorted(mentions, key=lambda m: m.start):
        parts = _parts(m)
        if parts is None and m.type == "person" and m.source == "gazetteer":
            token = doc.tokens[bisect_left(starts, m.start)]
            if token.end == m.end and is_surname(m.entity, token.norm):  # a bare surname, one token
                parts = (fold(surname_lemma(token.norm)),)
        if parts is None:
            continue
        earlier = people.get(parts[-1], [])
        if len(parts) == 1:
            same = earlier[-1] if earlier else None
        else:
            same = next((e for e in reversed(earlier) if _compatible(_parts(e)[0], parts[0])), None)
            people.setdefault(parts[-1], []).append(m if same is None else same)
        if same is not None:
            m.entity, m.name, m.wikidata, m.source = same.entity, same.name, None, "ner"


_PATRONYMIC = re.compile(r".+(?:ұлы|улы|қызы|кызы)")


def given_name_people(mentions: list[EntityMention]) -> None:
    """One sense per document for a given name: a provisional name of one word that is the given
    name of a provisional person written with a patronymic in the same document («Құрманғазы
    Сағырбайулы … Құрманғазы күйлерін») is that person, whatever class the CRF gave the bare word
    (it often calls a musician's bare name FACILITY). Kazakh refers to a person by the given name."""
    people: dict[str, EntityMention] = {}
    for m in mentions:
        words = m.text.split()
        if (m.type == "person" and m.entity.startswith("prov:person:") and 2 <= len(words) <= 3
                and _PATRONYMIC.fullmatch(words[-1].lower()) and not initial_letter(words[0])):
            people.setdefault(lemma(words[0]), m)
    if not people:
        return
    for m in mentions:
        if (m.entity.startswith("prov:") and m.type != "person" and " " not in m.text
                and (person := people.get(lemma(m.text))) is not None):
            m.entity, m.name, m.type = person.entity, person.name, "person"


@cache
def _titled_rows(titles: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Folded given name -> gazetteer people named by it and a title after it («Шыңғыс хан»,
    «Жүніс хан»); a person whose other name is a given name and a surname is left out."""
    rows: dict[str, set[str]] = {}
    for entry in load_gazetteer().entries.values():
        if entry.type == "person":
            for name in entry.names:
                words = name.split()
                if len(words) == 2 and words[1] in titles and _CYRILLIC.fullmatch(words[0].lower()):
                    rows.setdefault(fold(words[0]), set()).add(entry.id)
    return {given: frozenset(ids) for given, ids in rows.items()}


def titled_given_names(mentions: list[EntityMention], titles: tuple[str, ...]) -> None:
    """A provisional person of one word that is the given name of exactly one titled gazetteer row
    is that person («Шыңғыс қаланы алды», «Жүністің ұлы»): history calls a khan or a sultan by his
    bare name, while a modern person with a surname is called by the surname (Шыңғыс Уәлиханов)."""
    rows = _titled_rows(titles)
    gazetteer = load_gazetteer()
    # one sense per document: a person of the document named with this given name comes first
    # («Шыңғыс Уәлиханов … Шыңғыс үйге қайтты» is Ualikhanov, not the khan)
    named: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "person" and m.entity in gazetteer.entries and " " in m.text:
            named.setdefault(fold(m.text.split()[0]), set()).add(m.entity)
    for m in mentions:
        if m.entity.startswith("prov:person:") and " " not in m.text and m.text[:1].isupper():
            keys = gazetteer.keys(m.text)
            ids = {e for key in keys for e in named.get(key, ())} or {e for key in keys for e in rows.get(key, ())}
            if len(ids) == 1:
                entry = gazetteer.entries[ids.pop()]
                m.entity, m.name, m.wikidata, m.source = entry.id, entry.name, entry.wikidata, "gazetteer"


def initialled_names(doc: Document, covered: set[int], initials_start: Callable[[int], int],
                     make: Callable[[int, int], EntityMention], plural: Callable[[str], bool]) -> list[EntityMention]:
    """A capitalized word no mention took, right after initials, is a person's surname whether or
    not the CRF tagged it («М. Е. Массон», «К. Нұрпейісовтің»): initials name nothing but people.
    ``initials_start`` gives the first initial's token, ``make`` the provisional person; a plural
    surname («Т. Н. Сениговалар», the Senigovs) names a family, no person."""
    found = []
    for i, tok in enumerate(doc.tokens):
        word = tok.norm
        if (i in covered or not word[:1].isupper() or word.isupper() or is_initial(word)
                or not word.replace("-", "").isalpha() or plural(word)):
            continue
        a = initials_start(i)
        if a < i and covered.isdisjoint(range(a, i)):
            found.append(make(a, i + 1))
    return found
