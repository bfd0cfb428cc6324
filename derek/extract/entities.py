"""Entity mentions: gazetteer names through morphology, then CRF names linked provisionally.

Reads Document.tokens, sentences and dates; writes Document.entities. A name in no gazetteer
becomes a provisional entity keyed by its lemma, so an unknown name found twice is one entity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial

from derek.doc import Document, EntityMention, Token
from derek.extract.deixis import deixis_mentions
from derek.extract.entities_backref import reference_mentions
from derek.extract.entities_bounds import closed_spans
from derek.extract.entities_context import SentenceTags, Years, in_context, of_its_time
from derek.extract.entities_events import event_mentions
from derek.extract.entities_geo import geo_names
from derek.extract.entities_government import home_body_mentions
from derek.extract.entities_heads import covered_tokens, with_heads
from derek.extract.entities_named import named_institutions, place_bodies
from derek.extract.entities_openers import without_common_openers
from derek.extract.entities_people import (
    agrees,
    given_name_end,
    given_name_people,
    given_name_start,
    group_people,
    initialled_names,
    is_family_name,
    is_initial,
    is_surname,
    surname_case,
    surname_lemma,
    titled_given_names,
)
from derek.extract.entities_quoted import quoted_organizations
from derek.extract.entities_readings import DeclinedWords, names_a_people
from derek.extract.entities_titles import without_titles
from derek.extract.gazetteer import case_of, fold, load_gazetteer
from derek.extract.officeholders import officeholder_mentions
from derek.lang.kk.morphology import analyze, lemma
from derek.lang.kk.segment import initial_letter
from derek.lang.kk.suffixes import realizations

# KazNERD classes kept as entities when no gazetteer name covers them, with derek's type.
NER_TYPES = {
    "PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organization",
    "EVENT": "event", "LAW": "treaty", "FACILITY": "place", "PROJECT": "project",
}
# a title written after a person's name belongs to the mention («Исатай батыр», «Барақ ханның»):
# khan, sultan, batyr (hero), bi (judge), taishi (prince), khatun (a ruler's wife), ana (mother:
# an honoured woman, «Домалақ ана»)
TITLES = ("хан", "сұлтан", "батыр", "би", "тайшы", "хатун", "ана")
# endings a title takes when it closes the name: case endings, never a possessive
# («Моғолстан ханы Есенбұға»: ханы is "the khan of", the name follows)
TITLE_ENDINGS = frozenset({"", *(form for case in ("GEN", "DAT", "ACC", "LOC", "ABL", "INS")
                                 for form in realizations(case, after="N"))})
# an abbreviation: 3+ Cyrillic capitals, a case ending after a hyphen or in capitals (СВАПО-ның, СВАПОНЫҢ)
ABBREVIATION = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]{3,}(?:-[а-яёәғқңөұүһі]+)?")
ROMAN_LOOKALIKE = re.compile(r"[ІХСМ]+")  # ХІХ written in Cyrillic letters (normalize makes most Latin)
# CRF classes an abbreviation may be inside and still name an organization: none, the owner of an
# office («СВАПО басшысы» POSITION), a date the dates stage did not take («Кеше АНК-ға»); under
# another class (DISEASE, PRODUCT, MONEY …) it is left to the CRF
FREE_CLASSES = (None, "ORGANISATION", "POSITION", "DATE", "TIME")
COORDINATORS = frozenset({"мен", "бен", "пен", "және", ","})  # and
# a name closed by one of these lowercase nouns is a people group, left out like an ethnonym by the
# conventions (bench/data/entities_gold.md): жүз, the tribal union («Орта жүз», «Кіші жүзде»)
GROUP_HEADS = frozenset({"жүз"})


def extract_entities(doc: Document, use_ner: bool = True) -> Document:
    """Pipeline stage: fill ``doc.entities``."""
    gazetteer = load_gazetteer()
    skip = _date_tokens(doc)
    barred = skip | {s.first_token for s in doc.sentences}
    taken: set[int] = set()
    mentions: list[EntityMention] = []
    tags = SentenceTags(doc) if use_ner else None
    years = Years(doc)
    declined = DeclinedWords(doc)
    for a, b, entity_id, case in gazetteer.match(doc.tokens, skip):
        if len(readings := gazetteer.readings(doc.tokens, a, b)) > 1:
            if tags is not None and case != "LOC":
                # (a name in the locative is where something is: «Қонаевта» is the city)
                entity_id = in_context(readings, tags.label(a, b), gazetteer) or entity_id
            entity_id = of_its_time(readings, entity_id, years.near(doc.tokens[a].start), gazetteer)
        entry = gazetteer.entries[entity_id]
        if b - a == 1 and _plural_word(doc.tokens[a].norm):
            continue  # «Қытайлар»: the Chinese, not China; «Исатайлардың»: Isatai's men
        if b - a == 1 and entry.type != "person" and (
                case != "NOM" and declined.misread(a) or case == "NOM" and names_a_people(doc, b)):
            if case == "NOM":
                taken.add(a)  # a people is no name the CRF may take either
            continue  # «Арыстан атты … Арыстанға»: not Арыс + -тан; «Еділ қалмақтары»: a people
        if (b - a == 1 and entry.type != "person" and case == "NOM" and tags is not None
                and tags.opens_person(a)):
            continue  # «Еділ Ерғожин»: a given name (nominative) the CRF reads with its surname
        if entry.type == "person":
            mention, a, b = _person(doc, a, b, entity_id, case, tags, barred, taken)
        else:
            mention = _mention(doc, a, b, entity_id, entry.type, entry.name, entry.wikidata, "gazetteer")
            mention.case = case
        mentions.append(mention)
        taken.update(range(a, b))
    if tags is not None:
        mentions += without_common_openers(
            doc, _ner_mentions(doc, tags, taken | skip, barred | taken), _head_mention)
        mentions += initialled_names(doc, covered_tokens(doc, mentions) | skip, partial(_with_initials, doc),
                                     partial(_provisional, doc, type_="person", titled=False), _plural_word)
    mentions = with_heads(doc, geo_names(doc, mentions, _head_mention), skip, _head_mention)
    mentions = named_institutions(doc, mentions, skip, _head_mention)
    mentions = place_bodies(doc, mentions, skip, _head_mention)
    mentions = quoted_organizations(doc, mentions, _head_mention)
    mentions = without_titles(doc, mentions)
    mentions = home_body_mentions(doc, event_mentions(doc, mentions, _head_mention))
    group_people(doc, mentions)
    given_name_people(mentions)
    titled_given_names(mentions, TITLES)
    mentions += deixis_mentions(doc, covered_tokens(doc, mentions) | skip)
    mentions += officeholder_mentions(doc, mentions)
    mentions += reference_mentions(doc, mentions, covered_tokens(doc, mentions) | skip)
    doc.entities = sorted(mentions, key=lambda m: (m.start, m.end))
    return doc


def extract_gazetteer_entities(doc: Document) -> Document:
    """Pipeline stage without the statistical NER: gazetteer names only."""
    return extract_entities(doc, use_ner=False)


def _mention(doc: Document, a: int, b: int, entity: str, type_: str, name: str,
             wikidata: str | None, source: str) -> EntityMention:
    start, end = doc.tokens[a].start, doc.tokens[b - 1].end
    return EntityMention(start, end, doc.text[start:end], type_, entity, name, wikidata, source)


def _person(doc: Document, a: int, b: int, entity: str, case: str, tags: SentenceTags | None,
            barred: set[int], taken: set[int]) -> tuple[EntityMention, int, int]:
    """A gazetteer person's mention with its initials, given name and title (first and last token
    + 1 too); a given name or initial that is not the person's makes a provisional person
    («Ерлан Назарбаев», «Е. Назарбаев» are not Nursultan)."""
    entry = load_gazetteer().entries[entity]
    first = _with_initials(doc, a)
    # a given name before or after a surname: family names only («Назарбаев»), not a single
    # historical name the gazetteer also knows in full («Шайбани Бабырдан» is two people)
    if (first == a and b - a == 1 and tags is not None and is_surname(entity, doc.tokens[a].norm)
            and is_family_name(doc.tokens[a].norm)):
        first = given_name_start(doc, a, b, lambda x, y: tags.label(x, y) == "PERSON", taken)
        end = given_name_end(doc, b, entity, lambda k: tags.label(k, k + 1) == "PERSON", taken) if first == a else b
        # «Назарбаев Нұрсұлтан Әбішұлы»: the surname first, as official lists write it; another
        # given name («Назарбаев Ерлан») only inside one CRF span with the surname
        if end > b and (agrees(entity, doc.tokens[b].norm) or agrees(entity, lemma(doc.tokens[b].norm))):
            mention = _mention(doc, a, end, entity, "person", entry.name, entry.wikidata, "gazetteer")
            mention.case = case_of(doc.tokens[end - 1].norm)
            return mention, a, end
        if end > b and tags.label(a, end) == "PERSON":
            return _surname_first(doc, a, b, end), a, end
    titled = _title_at(doc, b, barred)
    if first < a and not agrees(entity, doc.tokens[first].norm):
        return _provisional(doc, first, b, "person", titled), first, b + titled
    if titled:
        b, case = b + 1, case_of(doc.tokens[b].norm)
    mention = _mention(doc, first, b, entity, "person", entry.name, entry.wikidata, "gazetteer")
    mention.case = case
    return mention, first, b


def _with_initials(doc: Document, a: int) -> int:
    """«Қ.Қ. Тоқаев»: initials right before a person's name belong to the mention, and so do
    initials typed apart from their periods («Ф . М . Достоевский»: a capital, then a period)."""
    toks = doc.tokens
    while a > 0 and toks[a].start - toks[a - 1].end <= 1:
        if is_initial(toks[a - 1].norm):
            a -= 1
        elif (a > 1 and toks[a - 1].norm == "." and initial_letter(toks[a - 2].norm)
              and toks[a - 1].start - toks[a - 2].end <= 1):
            a -= 2
        else:
            break
    return a


def _title_at(doc: Document, i: int, barred: set[int]) -> bool:
    """Token i is a lowercase title closing the name before it («хан», «батырдың»); ``barred``
    holds sentence starts and tokens other mentions or dates took."""
    if i >= len(doc.tokens) or i in barred or doc.tokens[i].start - doc.tokens[i - 1].end > 1:
        return False
    return _is_title(doc.tokens[i].norm) and case_of(doc.tokens[i - 1].norm) == "NOM"


def _is_title(norm: str) -> bool:
    return any(norm.startswith(t) and norm[len(t):] in TITLE_ENDINGS for t in TITLES)


def _date_tokens(doc: Document) -> set[int]:
    """Tokens inside a date expression (a month name is not the city Қазан)."""
    starts = [t.start for t in doc.tokens]
    inside: set[int] = set()
    for d in doc.dates:
        i = bisect_left(starts, d.start)
        while i < len(doc.tokens) and doc.tokens[i].end <= d.end:
            inside.add(i)
            i += 1
    return inside


def _ner_mentions(doc: Document, tags: SentenceTags, taken: set[int], barred: set[int]) -> list[EntityMention]:
    found = []
    alone = _names_alone(doc, tags, taken)
    for k in range(len(doc.sentences)):
        for a, b, label in closed_spans(doc, tags.of(k)):
            type_ = NER_TYPES.get(label)
            if (type_ in ("place", "organization") and b - a > 1 and a not in taken
                    and (first := alone.get(lemma(doc.tokens[a].norm))) is not None):
                # «Құрманғазы Жем өзенінің», «Құрманғазы отауға»: a name the document writes alone
                # elsewhere, run by the CRF into the next words; the rest is a name only when capitalized
                found.append(_provisional(doc, a, a + 1, first, False))
                a += 1
                if not doc.tokens[a].norm[:1].isupper():
                    continue
            if (type_ == "person" and b - a > 1 and b - 1 in taken and not taken.intersection(range(a, b - 1))
                    and any(c.islower() for i in range(a, b - 1) for c in doc.tokens[i].norm)):
                b -= 1  # «Мұхаммед Шайбани Бабырдан»: a name run into a gazetteer name (not «Б.Н Ельцин»'s initials)
            if type_ is None or taken.intersection(range(a, b)):
                continue
            if all(is_initial(doc.tokens[i].norm) for i in range(a, b)):
                continue  # «Б.» of «Б.Н Ельцин» left alone by the name: initials name nothing
            if doc.tokens[b - 1].norm.islower() and lemma(doc.tokens[b - 1].norm) in GROUP_HEADS:
                continue  # «Ұлы жүз, Орта жүз және Кіші жүз»: tribal unions, no entity
            if type_ == "organization" and _coordinated_abbreviations(doc, a, b):
                continue  # «ФРЕЛИМО мен МПЛА»: two organizations, each found by _abbreviations
            if (end := _title_inside(doc, a, b, barred)) is not None:
                b, type_ = end, "person"  # «Барақ ханның ұлы жеңіске» tagged as one span
            # initials open only a person's name («М.К. Қойгелдиевтің» is no organization), inside
            # the span or right before it («М.Шөкиннің» with only the surname tagged a place)
            if (b - a > 1 and is_initial(doc.tokens[a].norm) and not is_initial(doc.tokens[b - 1].norm)
                    or _with_initials(doc, a) < a and not _plural_word(doc.tokens[b - 1].norm)):
                type_ = "person"
            if type_ == "person":
                a, b = _name_only(doc, a, b)
            if type_ in ("place", "person") and b - a == 1 and _plural_word(doc.tokens[a].norm):
                continue  # «Арабтармен», «Мордваларды»: a people
            titled = type_ in ("person", "place", "organization") and _title_at(doc, b, barred)
            found.append(_provisional(doc, a, b, "person" if titled else type_, titled))
    found += _titled_names(doc, barred | covered_tokens(doc, found))
    found += _abbreviations(doc, tags, taken | covered_tokens(doc, found))
    return _outermost(found)


def _names_alone(doc: Document, tags: SentenceTags, taken: set[int]) -> dict[str, str]:
    """Lemma -> type of each capitalized word the CRF tags as a name of one word somewhere in the
    document and no gazetteer name took (a person wherever one such span is a person)."""
    alone: dict[str, str] = {}
    for k in range(len(doc.sentences)):
        for a, b, label in tags.of(k):
            word = doc.tokens[a].norm
            if b - a == 1 and a not in taken and (type_ := NER_TYPES.get(label)) and word[:1].isupper() \
                    and not word.isupper() and not is_initial(word):
                key = lemma(word)
                alone[key] = "person" if "person" in (type_, alone.get(key)) else type_
    return alone


def _abbreviations(doc: Document, tags: SentenceTags, taken: set[int]) -> list[EntityMention]:
    """An all-caps abbreviation no gazetteer knows, that no mention took and the CRF gave no other
    class, is an organization («СВАПО», «ФРЕЛИМО-ның»); not a Roman numeral, a common word the
    morphology knows (ШЕШІМ, БАҚ), a plural, any gazetteer name (~ОАР), or a word of a heading."""
    gazetteer = load_gazetteer()
    # one pass finds the abbreviation-shaped tokens; only their sentences are looked at
    shaped = [i for i, t in enumerate(doc.tokens) if ABBREVIATION.fullmatch(t.norm)]
    stems = {doc.tokens[i].norm.partition("-")[0] for i in shaped}
    ends = [s.last_token for s in doc.sentences]
    headings: dict[int, bool] = {}  # sentence number -> all in capitals
    found = []
    for i in shaped:
        k = bisect_right(ends, i)
        if k >= len(ends) or doc.sentences[k].first_token > i:
            continue  # a token outside every sentence
        if k not in headings:
            first, last = doc.sentences[k].first_token, doc.sentences[k].last_token
            headings[k] = not any(doc.tokens[j].norm[:1].islower() for j in range(first, last))
        word = doc.tokens[i].norm
        if (headings[k] or i in taken or ROMAN_LOOKALIKE.fullmatch(word)  # a heading in capitals
                or gazetteer.readings(doc.tokens, i, i + 1) or tags.label(i, i + 1) not in FREE_CLASSES):
            continue
        readings = analyze(word)[:1]
        if readings and readings[0].pos == "PROPN" and "PL" not in readings[0].tags:  # БТР-лер: a class
            found.append(_abbreviation(doc, i, stems))
    return found


def _coordinated_abbreviations(doc: Document, a: int, b: int) -> bool:
    """Tokens a..b-1 are abbreviations joined by «мен», «және» or a comma."""
    words = [doc.tokens[i].norm for i in range(a, b)]
    return (b - a > 2 and all(bool(ABBREVIATION.fullmatch(w)) for w in words[::2])
            and all(w in COORDINATORS for w in words[1::2]))


def _abbreviation(doc: Document, i: int, stems: set[str]) -> EntityMention:
    """The provisional organization of abbreviation token i, keyed by the abbreviation without its
    ending; an ending in capitals after an abbreviation the document writes bare (СВАПО, then
    СВАПОНЫҢ) is cut too."""
    word = doc.tokens[i].norm
    stem = word.partition("-")[0]
    for short in sorted(stems, key=len):
        if word != short and word.startswith(short) and case_of(word, frozenset({fold(short)})) != "NOM":
            stem = short
    mention = _mention(doc, i, i + 1, f"prov:organization:{fold(stem)}", "organization", stem, None, "ner")
    mention.case = case_of(word, frozenset({fold(stem)}))
    return mention


def _title_inside(doc: Document, a: int, b: int, barred: set[int]) -> int | None:
    """The title closing the capitalized words that open a CRF span, when words follow it."""
    k = a + 1
    while k < b - 1 and doc.tokens[k].norm[:1].isupper():
        k += 1
    return k if k < b - 1 and _title_at(doc, k, barred) else None


def _plural_word(norm: str) -> bool:
    """A plural that is no possessed name («Қытайлар», «арабтар»; not «Әмірліктері»)."""
    readings = analyze(norm)[:1]
    return bool(readings) and "PL" in readings[0].tags and "POSS.3" not in readings[0].tags


def _name_only(doc: Document, a: int, b: int) -> tuple[int, int]:
    """A CRF person without the lowercase words it ran into on either side («Г.Г.Орловтың
    көмегімен сарай», «генерал Петров») and the next name's initials («Достоевский М.»)."""
    def loose(k: int) -> bool:
        word = doc.tokens[k].norm
        return word[:1].islower() and not _is_title(word)

    while b - a > 1 and (loose(b - 1) or is_initial(doc.tokens[b - 1].norm)):
        b -= 1
    while b - a > 1 and loose(a):
        a += 1
    return a, b


def _titled_names(doc: Document, barred: set[int]) -> list[EntityMention]:
    """A capitalized word the CRF left, followed by a title, inside a sentence: «Рүстем сұлтан»."""
    found = []
    tokens = doc.tokens
    # only a word before one that starts like a title can be one (one C-level test per token)
    for i in [j - 1 for j in range(1, len(tokens)) if tokens[j].norm.startswith(TITLES)]:
        word = tokens[i].norm
        if (i not in barred and word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()
                and not _is_title(word.lower()) and _title_at(doc, i + 1, barred)):
            found.append(_provisional(doc, i, i + 1, "person", True))
    return found


def _provisional(doc: Document, a: int, b: int, type_: str, titled: bool) -> EntityMention:
    """A name in no gazetteer; a person takes the initials before it and the title after it,
    keyed without the title («Барақ ханның» and «Барақтан» are one entity)."""
    if type_ == "person":
        a = _with_initials(doc, a)
    key, name = provisional_key(doc.tokens[a:b])
    end = b + titled
    mention = _mention(doc, a, end, f"prov:{type_}:{key}", type_, name, None, "ner")
    mention.case = case_of(doc.tokens[end - 1].norm)
    if type_ == "person" and not titled:
        mention.case = surname_case(doc.tokens[end - 1].norm) or mention.case  # «Сейітовке»
    return mention


def _surname_first(doc: Document, a: int, b: int, end: int) -> EntityMention:
    """A provisional person written surname first («Назарбаев Ерлан»), keyed and named given name
    first, as the other order would be («ерлан_назарбаев»)."""
    key, name = provisional_key(doc.tokens[b:end] + doc.tokens[a:b])
    mention = _mention(doc, a, end, f"prov:person:{key}", "person", name, None, "ner")
    mention.case = case_of(doc.tokens[end - 1].norm)
    return mention


def _head_mention(doc: Document, a: int, b: int, type_: str) -> EntityMention:
    """A provisional name closed by a head noun («Хазар қағанаты»), keyed with the head."""
    return _provisional(doc, a, b, type_, False)


def _outermost(mentions: list[EntityMention]) -> list[EntityMention]:
    """Drop a mention inside another (the CRF's «Б.А.» once the person took its initials)."""
    kept: list[EntityMention] = []
    reach = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end > reach:  # overlapping CRF spans stay, as they always did
            kept.append(m)
            reach = m.end
    return kept


def provisional_key(tokens: list[Token]) -> tuple[str, str]:
    """(id key, display name) of an unknown name: words as written, the last one lemmatized (a
    Russian-style surname too, «Сейітовке» → Сейітов); initials enter the key without their period
    («Ж. Ахметов» → ж_ахметов), so «Ж. Ахметов» and «Д. Ахметов» stay two people."""
    words: list[str] = []
    for t in tokens[:-1]:
        if t.norm == "." and words and initial_letter(words[-1]):
            words[-1] += "."  # «Ф . М . Достоевский»: the initials as «Ф. М.»
        else:
            words.append(t.norm)
    # a space typed before a hyphenated ending («II -нің») stays out of the key and the name
    words.append(surname_lemma(tokens[-1].norm).strip())
    name = " ".join(words)
    return "_".join(w[0].lower() if is_initial(w) else fold(w) for w in words), name
