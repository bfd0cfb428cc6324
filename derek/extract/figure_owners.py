"""Whose figure it is: the name a figure is attached to («Ресей (14 %)», «Қытайға — 20 %»), the
partner of bilateral trade, the genitive owner of the measured noun, or a name pointed back to
(«ол», «Онда», «Полигонның»). Reads the TokenIndex of a sentence; used by facts_counts."""

from __future__ import annotations

from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from derek.doc import EntityMention, Fact, Quantity, Sentence
from derek.extract.events import EVENT_NOUNS
from derek.extract.rules import is_between, word_info
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.suffixes import realizations

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

OWNER_TYPES = ("state", "organization", "city", "region", "place")
# A sea, lake or river owns only its own properties («Арал теңізінің ауданы», «Каспийдің
# тереңдігі»), not goods carried over it («Каспий теңізі арқылы … тонна мұнай») or a country's
# figures its name happens to precede.
WATER_TYPES = ("sea", "lake", "river")
# A mountain owns a figure in parentheses right after its name («Кибо (5895 м)»: its height).
LISTED_TYPES = (*OWNER_TYPES, *WATER_TYPES, "mountain")
_HEIGHTS = frozenset({"mountain", "place", "region", "city"})  # what a height in metres is of
WATER_MEASURES = {"аудан", "аумақ", "тереңдік", "ұзындық", "деңгей", "көлем", "ен", "биіктік",
                   "тұздылық", "су", "жағалау"}
_TRADE = {"сауда", "айналым", "тауар", "экспорт", "импорт"}  # the partner owns a bilateral figure
_BORDER = {"шектес", "шекара", "шекаралас"}  # borders: «Ресеймен шектеседі», «Қытаймен шекарасы»
_JOINERS = {"мен", "пен", "бен", "және", ","}  # «Германия мен Франция (5 %)»: one figure, each name
_DASHES = {"-", "–", "—"}
VIA = {"арқылы"}  # «Каспий теңізі арқылы»: a route, not an owner
_PRONOUNS = {"ол"}  # not «оның» (its), which owns the noun after it
# «Семей маңында 300 мыңдай адам тұрады»: people near a place, not the place's own figure
_NEAR = {"маң", "маңай", "төңірек"}  # vicinity nouns: маңы, маңайы, төңірегі
_HERE = {"онда", "мұнда", "сонда"}  # «Онда өткізілген 752 жарылыс»: there, the place named last
_STATE_WORDS = {"мемлекет", "ел", "мүше", "мүше-мемлекет", "республика"}
# A name in these cases is where something goes or comes from («Жетісуға 200 мың адам көшті»,
# «майданына 3 млн сомға»), not who owns the figure.
_DIRECTIONS = frozenset({"DAT", "ABL", "ACC"})
_LIST_LINKS = {"және", "мен", "пен", "бен", ","}
_SETTINGS = ("LOC", "ATTR")  # «Стамбұлда», «Стамбұлдағы»: where, an owner only of what is there
# In a sentence standing alone, a source in the ablative owns what comes from it too («Қостанай
# облысынан 200 мың тонна астық экспортталды», «Ресейден тартылған инвестиция»); a destination not.
_LONE_CASES = (*_SETTINGS, "ABL")
_LOCATIVE_ENDINGS = realizations("LOC", after="N")
_PART_ENDINGS = ("-ы", "-і", "-сы", "-сі")  # «40 %-ы»: 40 % of it


def listed_owners(index: TokenIndex, sentence: Sentence, a: int) -> list[EntityMention]:
    """The names a figure is attached to: in parentheses right after them («Ресей (14 %)»,
    «Германия мен Франция (5 %)»: each name of a coordinated pair) or after a dash
    («Қытайға — 20 %», «Ресей – 14 %», a partner's item «Өзбекстанмен - 2354 км»)."""
    norms = index.norms
    k = a - 1
    if k <= sentence.first_token or norms[k] not in _DASHES | {"("}:
        return []
    attached = [(s, e, m) for s, e, m in index.mentions_in(sentence.first_token, k)
                if e == k and m.type in LISTED_TYPES]
    if not attached:
        return []
    if norms[k] in _DASHES and attached[-1][2].case not in ("NOM", "DAT", "INS"):
        return []
    names = [attached[-1]]
    if norms[k] == "(" and _up_to(norms, a, attached[-1][2]):
        return []  # «Пномпеньге (350 км) дейін»: the way to the name, not its figure
    if norms[k] == "(":  # a coordinated list before the parenthesis shares its figure
        before = index.mentions_in(sentence.first_token, names[0][0])
        for s, e, m in reversed(before):
            if not e < names[-1][0] or any(norms[j].lower() not in _JOINERS for j in range(e, names[-1][0])):
                break
            names.append((s, e, m))
    return [m for _, _, m in reversed(names)]


_UP_TO = frozenset({"дейін", "шейін"})  # postpositions «up to» that govern the dative


def _up_to(norms: list[str], a: int, m: EntityMention) -> bool:
    """Is a name with a figure in parentheses the end of a way: «X-ке (350 км) дейін» («дейін»
    governs the dative, so the name is one whatever case the entity stage read)?"""
    close = next((j for j in range(a, min(a + 6, len(norms))) if norms[j] == ")"), None)
    return close is not None and close + 1 < len(norms) and norms[close + 1].lower() in _UP_TO


def bare_metres(q: Quantity, norms: list[str], a: int, b: int) -> bool:
    """A height in metres read from a bare «м» inside a parenthesis («(5895 м)», «(… тауы, 2500 м)»).
    numbers.py also reads bare «м» after a measure noun («қалыңдығы 210-300 м», «3560 м
    биіктікте»); that figure is read like any other measure, not as a peak's height."""
    return q.unit == "m" and q.text.endswith("м") and (a > 0 and norms[a - 1] == "(" or b < len(norms) and norms[b] == ")")


def peak_facts(index: TokenIndex, sentence: Sentence, a: int, q: Quantity) -> list[Fact]:
    """The height of each name the parenthesis follows («Кибо (5895 м)»), and nobody else's: an
    unnamed peak («Конституция (4540 м)») is no figure of the text's topic. The discourse is left
    as it was, so a later figure with no owner does not go to the peak."""
    return [_height(m, sentence, q) for m in listed_owners(index, sentence, a) or height_owner(index, sentence, a)]


def height_owner(index: TokenIndex, sentence: Sentence, a: int) -> list[EntityMention]:
    """The owner of a parenthesised height not right after a name: the genitive name of the noun
    phrase it follows («Ұлытаудың таулы жерлері (1133 м)»: the highlands of Ulytau, izafet with
    -(с)ы on the head), or the name that opens the parenthesis («… жотасы (Бейбіт тауы, 2500 м)»:
    the peak of the ridge)."""
    norms = index.norms
    k = a - 1
    if k <= sentence.first_token:
        return []
    if norms[k] == ",":  # «(X тауы, 2500 м)»: the name right after the opening parenthesis
        return [m for s, e, m in index.mentions_in(sentence.first_token, k)
                if e == k and s > sentence.first_token and norms[s - 1] == "(" and m.type in _HEIGHTS][-1:]
    if norms[k] != "(" or "POSS.3" not in word_info(norms[k - 1])[1] or not norms[k - 1].isalpha():
        return []
    j = k - 1  # the head noun; one lowercase modifier may stand before it («таулы жерлері»)
    if j - 1 > sentence.first_token and norms[j - 1].isalpha() and norms[j - 1].islower() \
            and not word_info(norms[j - 1])[1] - {"PL"}:
        j -= 1
    return [m for _, e, m in index.mentions_in(sentence.first_token, j)
            if e == j and m.case == "GEN" and m.type in _HEIGHTS][-1:]


def named_after_facts(index: TokenIndex, sentence: Sentence, b: int, q: Quantity) -> list[Fact]:
    """A height followed by a name alone in parentheses («1403 метр (Қарқаралы таулары)», «3304,5
    метр (Ақсу-Бас тауы)») is that name's: the parenthesis names what the figure measures."""
    norms = index.norms
    if q.unit == "m" and b + 2 < sentence.last_token and norms[b] != "(":
        b = _past_participle_phrase(norms, b, sentence.last_token)
    if q.unit != "m" or b + 2 >= sentence.last_token or norms[b] != "(":
        return []
    inside = [m for s, e, m in index.mentions_in(b + 1, b + 2)
              if e < sentence.last_token and norms[e] == ")" and m.type in _HEIGHTS]
    return [_height(m, sentence, q) for m in inside[:1]]


_PHRASE_WORDS = 4  # «жететін ең биік шоқысына»: a participle and the noun phrase it qualifies


def _past_participle_phrase(norms: list[str], b: int, last: int) -> int:
    """The token after «N метрге жететін ең биік шоқысына» when a participle right after the
    height opens a short phrase of lowercase words that a parenthesis closes («… шоқысына
    (Ақсораң тауы)»: the parenthesis names the hill the height is of); else ``b``."""
    if not any(t.startswith("PTCP") for t in word_info(norms[b])[1]):
        return b
    for k in range(b + 1, min(b + 1 + _PHRASE_WORDS, last)):
        if norms[k] == "(":
            return k
        if not (norms[k].isalpha() and norms[k].islower()):
            return b
    return b


def _height(owner: EntityMention, sentence: Sentence, q: Quantity) -> Fact:
    """A height in metres as a quantity fact of ``owner``, undated, citing the sentence."""
    return Fact(owner.entity, "quantity", None, f"{q.value:g} m", None, None, sentence.start, sentence.end, 0.7,
                {"measure": "m", "quantity_text": q.text})


def trade_partner(index: TokenIndex, sentence: Sentence, a: int, measure: str | None,
                  topic: str | None) -> EntityMention | None:
    """The partner of a bilateral trade figure: «Қытаймен сауда айналымы» (instrumental), or the
    name of «Қазақстан мен Қытай арасындағы» that is not the document's topic."""
    if measure is None or not set(measure.split()) & _TRADE:
        return None
    named = index.mentions_in(sentence.first_token, a)
    partners = [m for _, _, m in named if m.case == "INS" and m.type in OWNER_TYPES]
    if partners:
        return partners[-1]
    pair = between_pair(index, sentence, a)
    others = [m for m in pair if m.entity != topic]
    return others[-1] if len(pair) == 2 and others else None


def border_partner(index: TokenIndex, sentence: Sentence, a: int, topic: str | None = None) -> EntityMention | None:
    """The neighbour a border length belongs to (the partner owns a bilateral figure, as for
    trade): the state in the instrumental of «7591 км Ресеймен шектеседі», «шекарасы Қытаймен»;
    the nearest after the figure, else the last before it; else the name of «Қазақстан мен
    Қырғызстан арасындағы шекара» that is not the document's topic."""
    figure = index.quantities_in(a, a + 1)
    if not figure or figure[0][2].unit not in ("km", "m"):
        return None  # a length only: an area or a trade figure in the same sentence is not the border's
    lemmas = {word_info(index.norms[k])[0] for k in range(sentence.first_token, sentence.last_token)}
    if not lemmas & _BORDER:
        return None
    partners = [(s, m) for s, _, m in index.mentions_in(sentence.first_token, sentence.last_token)
                if m.case == "INS" and m.type == "state"]
    after = [m for s, m in partners if s > a]
    before = [m for s, m in partners if s < a]
    if after or before:
        return after[0] if after else before[-1]
    pair = [m for m in between_pair(index, sentence, a) if m.type == "state"]
    others = [m for m in pair if m.entity != topic]
    return others[-1] if len(pair) == 2 and len(others) == 1 else None


def between_pair(index: TokenIndex, sentence: Sentence, a: int) -> list[EntityMention]:
    """The names governed by «арасында» (between) before the figure: «Қытай мен Еуропа арасында»."""
    norms = index.norms
    found: list[EntityMention] = []
    named = index.mentions_in(sentence.first_token, a)
    for i, (_, e, m) in enumerate(named):
        if e < a and is_between(norms[e]):
            found.append(m)
            j = i - 1
            while j >= 0 and all(norms[t].lower() in _JOINERS for t in range(named[j][1], named[j + 1][0])):
                found.append(named[j][2])
                j -= 1
    return found


def not_owners(index: TokenIndex, sentence: Sentence, a: int) -> set[int]:
    """Ids (object ids) of mentions that name a route rather than an owner: the ends of
    «X пен Y арасында», names followed by «арқылы»."""
    norms = index.norms
    via = {id(m) for _, e, m in index.mentions_in(sentence.first_token, a) if e < a and norms[e].lower() in VIA}
    return via | {id(m) for m in between_pair(index, sentence, a)}


def share_owner(sentence: Sentence, index: TokenIndex, a: int) -> list[EntityMention]:
    """«… сауданың 90 %-дан астамы Ресейдің үлесіне тиеді»: the figure is the share of the
    genitive name before «үлес» after it."""
    comma = next((k for k in range(a, sentence.last_token) if index.norms[k] in (",", ";", ":")), sentence.last_token)
    return [m for s, e, m in index.mentions_in(a + 1, comma) if e < sentence.last_token and m.case == "GEN"
            and m.type in ("state", "organization") and word_info(index.norms[e])[0] == "үлес"][:1]


def counts_what_is_there(index: TokenIndex, a: int, at: int | None, unit: str | None, text: str) -> bool:
    """Does the figure count a noun in the plain nominative after it («Қазақстанда 7 өзен бар»,
    «Алматыда 40-қа жуық қозғалыс жұмыс істеді») or give a part of a whole («Қазақстанда өнімнің
    40 %-ы»)? Only such a figure belongs to a place named in the locative; not «506 жолдан
    тұратын» (a part of something), «қуаттылығы 3 мт» (the device's power), «(67 %)», a sum."""
    if unit == "percent":
        tail = index.norms[a + 1:a + 4]  # «40 %-ы» as «%», «-», «ы» or one token
        return any("".join(tail[:n]).endswith(_PART_ENDINGS) for n in (1, 2, 3)) or text.endswith(_PART_ENDINGS)
    if at is None and unit == "person":
        return text.split()[-1].isalpha()  # «75 мыңға жуық адам»: the quantity names the people it counts
    if at is None or at < a or unit not in (None, "person"):
        return False
    tags = word_info(index.norms[at])[1]
    if tags == {"DER.LYQ"} and at + 1 < len(index.norms) and word_info(index.norms[at + 1])[2] == "NOUN":
        # «470 ядролық жарылыс»: a -лық word before a noun is its attribute; the head counts
        at, tags = at + 1, word_info(index.norms[at + 1])[1]
    if tags - {"PL"} == {"POSS.3"} and at - 1 > a and not word_info(index.norms[at - 1])[1] \
            and word_info(index.norms[at - 1])[2] == "NOUN":
        return True  # «40 су бөгендері», «кен орындары»: a compound's head takes -(с)ы, still nominative
    return not tags - {"PL"}


def setting_names(index: TokenIndex, sentence: Sentence, a: int) -> list[EntityMention]:
    """Names before the figure that say where or whither, not whose: locative, dative,
    ablative, accusative."""
    return [m for _, e, m in index.mentions_in(sentence.first_token, a)
            if e <= a and (m.case in _SETTINGS or _direction(index, m, e))]


def lone_settings(index: TokenIndex, sentence: Sentence, a: int, settings: list[EntityMention]) -> list[str]:
    """In a text that has named nothing before, the places named in the locative (or the source
    in the ablative) before a figure with no other owner («Павлодар облысында бала өлімі 30 %-ке көбейген», «Ресейде және
    Қырғызстанда … 220 теңгеден асады»): the places after the sentence's last earlier figure («Ресейде
    40, Беларусьте 50 %»: only Belarus); none if a name says whither or whence, or for an aside."""
    if a > 0 and index.norms[a - 1] == "(":
        return []  # «аудан … Қазақстанда алдыңғы орын алады (67%)»: an aside on another noun's rank
    first = max([sentence.first_token] + [qe for _, qe, _ in index.quantities_in(sentence.first_token, a) if qe <= a])
    named = [m for _, _, m in index.mentions_in(first, a)]
    if not named or any(m.case not in _LONE_CASES or m.type not in OWNER_TYPES for m in named):
        return []
    return list(dict.fromkeys(m.entity for m in named if m in settings))


def _here(index: TokenIndex, m: EntityMention, e: int, a: int, counts: bool, first: int) -> bool:
    """Does a place in the locative own a figure that ``counts`` what is there: in the same
    clause, and «Стамбұлдағы» (attributive) only right before the figure («Қазақстандағы 7 өзен»),
    else it describes another noun («Стамбұлдағы кітапханасында …; … 524 жол»)."""
    if not counts or any(index.norms[k] == ";" for k in range(e, a)):
        return False
    # «(Хиросимада 140 мың, Нагасакида 75 мың адам)»: a place before an earlier figure is that one's
    first = max([first] + [qe for _, qe, _ in index.quantities_in(first, a)
                           if qe < a and index.norms[qe] == "," and _ends_pair(index, qe)])
    if e <= first:
        return False
    if sum(x.case in _SETTINGS for _, _, x in index.mentions_in(first, a)) > 1:
        return False  # «АҚШ-та, ГФР-де, Францияда … 35 — 40 %-і»: a figure of several places
    return m.case != "ATTR" or e == a


def _direction(index: TokenIndex, m: EntityMention, end: int) -> bool:
    """A name (ending at token ``end``) in the dative, ablative or accusative, except the
    organization of «ШЫҰ-ға мүше елдер» (the states that are members of it)."""
    case = m.case
    if case == "NOM":
        end = _past_list(index, end)  # «Хиросима (8 тамыз) мен Нагасаки (9 тамыз) қаласына»
    if case == "NOM" and end < len(index.norms) and index.norms[end][:1].islower():
        tags = word_info(index.norms[end])[1]  # «Түркістан майданына»: the case of the head noun
        case = next((c for c in _DIRECTIONS if c in tags and "POSS.3" in tags), case)
    if case not in _DIRECTIONS:
        return False
    return not (case == "DAT" and end < len(index.norms) and word_info(index.norms[end])[0] == "мүше")


def _reference_point(index: TokenIndex, m: EntityMention, e: int, a: int) -> bool:
    """Is a genitive name (or its genitive head noun) followed by a locative side or part
    («Тараз қаласының солтүстік-батысында 100 км-ден басталатын …»: north-west of Taraz) a point
    that places the figure, not its owner?"""
    norms = index.norms
    if m.case == "NOM" and e < a and {"GEN", "POSS.3"} <= word_info(norms[e])[1] and norms[e][:1].islower():
        e += 1  # «Тараз қаласының»: the head noun carries the case
    elif m.case != "GEN":
        return False
    return e < a and {"LOC", "POSS.3"} <= word_info(norms[e])[1] and norms[e][:1].islower()


def _ends_pair(index: TokenIndex, k: int) -> bool:
    """Is the comma at ``k`` followed by a name in the locative (the next «place figure» pair)?"""
    return any(s == k + 1 and m.case in _SETTINGS for s, _, m in index.mentions_in(k + 1, k + 2))


def _past_list(index: TokenIndex, end: int) -> int:
    """The token after a name's parenthesis and the names listed after it («… және Нагасаки»)."""
    norms = index.norms
    while end < len(norms):
        if norms[end] == "(" and ")" in norms[end:end + 6]:
            end = norms.index(")", end) + 1
        elif norms[end].lower() in _LIST_LINKS and any(s == end + 1 for s, _, _ in index.mentions_in(end + 1, end + 2)):
            end = next(e for s, e, _ in index.mentions_in(end + 1, end + 2) if s == end + 1)
        else:
            return end
    return end


def unknown_owner(index: TokenIndex, sentence: Sentence, a: int, at: int | None) -> bool:
    """Is the figure's owner a name derek does not know: a capitalized genitive or locative word
    outside every mention, inside the sentence («Қазақтың 21 ханы», «Каирда 17 млн адам»; an
    unread word at the sentence start only when it has a locative ending)?"""
    named = {k for s, e, _ in index.mentions_in(max(0, sentence.first_token - 8), sentence.last_token)
             for k in range(s, e)}
    for k in range(max(sentence.first_token, min(a, at if at is not None else a) - 3), a):
        word = index.norms[k]
        if k in named or not word[:1].isupper() or not word.isalpha():
            continue
        lemma, tags, _ = word_info(word)
        if k > sentence.first_token and tags & {"GEN", "LOC", "ATTR"}:
            return True
        if not tags and lemma == word.lower() and word.endswith(_LOCATIVE_ENDINGS):
            return True
    return False


def measure_owner(sentence: Sentence, index: TokenIndex, a: int, at: int | None,
                  measure: str | None, here: bool = True) -> list[EntityMention]:
    """Who the figure belongs to, named in the sentence: the genitive owner of the measure
    («Қазақстанның одақтастармен саудасы»), unless the measure is itself genitive (a part of
    it: «Азия аумағының 90 %-ы»), else the names before the figure; route names are left out,
    a sea, lake or river only owns its own properties, a destination or source never owns and
    a place in the locative only when ``here`` (the figure counts what is there)."""
    skip = not_owners(index, sentence, a)
    water = measure is not None and measure.split()[-1] in WATER_MEASURES

    def owner_type(m: EntityMention, e: int) -> bool:
        if _direction(index, m, e) or (m.case in _SETTINGS and not _here(index, m, e, a, here, sentence.first_token)):
            return False
        if e < a and word_info(index.norms[e])[0] in _NEAR or _reference_point(index, m, e, a):
            return False
        if m.case == "GEN" and any(s == e and x.case == "NOM" for s, _, x in index.mentions_in(e, e + 1)):
            return False  # «Жапонияның Хиросима қаласы»: the genitive places a name, it owns nothing
        # a mountain owns its own properties and, in the locative, what is counted on it
        # («Жетісу Алатауында 1369 мұздық»), not the figures of a country on or past it
        mountain = m.type == "mountain" and (water or (m.case == "LOC" and here))
        return id(m) not in skip and (m.type in OWNER_TYPES or (water and m.type in WATER_TYPES) or mountain)

    named = [m for s, e, m in index.mentions_in(sentence.first_token, a) if owner_type(m, e)]
    # «… (Хиросимада 140 мың, Нагасакида 75 мың адам)»: a place right before what it counts comes first
    named.sort(key=lambda m: not any(x is m and e == a and m.case in _SETTINGS for _, e, x in index.mentions_in(a - 3, a)))
    if at is not None and "GEN" not in word_info(index.norms[at])[1]:
        owners = [m for s, e, m in index.mentions_in(max(sentence.first_token, at - 3), at)
                  if m.case == "GEN" and owner_type(m, e) and e <= at]
        if owners:
            return owners[-1:] + [m for m in named if m is not owners[-1]]
    elif at is not None:  # the subject, not «Азия» of «Азия аумағының» (izafet)
        named = [m for s, e, m in index.mentions_in(sentence.first_token, a)
                 if owner_type(m, e) and m.case == "NOM" and e != at]
    return named


def owns(index: TokenIndex, owner: EntityMention, at: int | None, a: int) -> bool:
    """Is a genitive name the owner of the figure («БҰҰ-ның 20-дан астам агенттігі») or of its
    measure noun (at most 2 words between them, however long the name: «Семей ядролық сынақ
    полигонының ұзындығы»), rather than of some other noun?"""
    # a place between them says where: «БҰҰ-ның Қазақстанда келесі 15 ұйымы»
    end = at if at is not None else a
    near = index.mentions_in(max(0, end - 8), end)
    places = {k for s, e, m in near if m.case in _SETTINGS for k in range(s, e)}
    # «Қазақстанның 2020 жылғы тауар айналымы»: a date in the measure phrase is no distance
    places |= {k for k in range(max(0, end - 8), end) if k in index.date_tokens}
    return any(m is owner and e <= end and (sum(k not in places for k in range(e, end)) <= 2 if at is not None
                                            else sum(k not in places for k in range(e, end)) <= 1)
               for s, e, m in near) or any(m is owner and e == a for _, e, m in index.mentions_in(0, a))


def opening_here(index: TokenIndex, sentence: Sentence) -> bool:
    """Does the sentence open with «Онда», «Мұнда» (there)?"""
    return index.norms[sentence.first_token].lower() in _HERE


def pointed(sentence: Sentence, index: TokenIndex, a: int, referent: str | None,
            site: str | None = None) -> str | None:
    """An owner the sentence points back to before the figure: «ол» (the last person named, else
    what the text is about, ``referent``), an opening «Онда», «Мұнда» (``site``: the place the
    text last named as a topic, not as a venue in the locative),
    «Мүше елдер» (the organization named last), a common noun from an earlier name
    («Полигонда» → «Семей ядролық сынақ полигоны»)."""
    norms = index.norms
    for k in range(sentence.first_token, a):
        lemma, word = word_info(norms[k])[0], norms[k].lower()
        if word in _PRONOUNS and _determiner(index, k, a):
            continue  # «Ол жылдары …» (in those years): «ол» points at the noun after it, not at a name
        if word in _PRONOUNS or (k == sentence.first_token and word in _HERE):
            found = index.last_before(k, ("person",), _previous_start(norms, sentence.first_token)) \
                if word in _PRONOUNS else None
            return found[0] if found else referent if word in _PRONOUNS else site
        if lemma in EVENT_NOUNS and not index.mentions_in(k - 1, k):  # «Саммитке 56 … мемлекет»
            found = index.last_organization(k)
            return found.entity if found else None
        if norms[k].islower() and len(lemma) > 3 and lemma not in _STATE_WORDS:
            found = _earlier_name(index, k, lambda m, lemma=lemma: m.text.lower().split()[-1].startswith(lemma))
            if found:  # «полигонда» → «Семей ядролық сынақ полигоны» named before
                return found
        if k == sentence.first_token and lemma == "мүше" and k + 1 < a and word_info(norms[k + 1])[0] in _STATE_WORDS:
            found = index.last_organization(k)
            return found.entity if found else None
        if k == sentence.first_token and norms[k][:1].isupper() and not index.mentions_in(k, k + 1) and len(lemma) > 3:
            found = _earlier_name(index, k, lambda m, lemma=lemma: lemma in m.text.lower())
            if found:
                return found
    return None


def _determiner(index: TokenIndex, k: int, a: int) -> bool:
    """Is «ол» at ``k`` a determiner of the lowercase noun after it, one with no case ending
    («ол жылдары»)? Not before a case-marked noun: «ол дауыстардың …» (he … of the votes),
    «Ол айналасында» (around it) keep «ол» as the pronoun."""
    nxt = k + 1
    if nxt >= a or not index.norms[nxt][:1].islower():
        return False
    _, tags, pos = word_info(index.norms[nxt])
    return pos == "NOUN" and not tags & {"GEN", "DAT", "ACC", "LOC", "ABL", "INS", "ATTR"}


@cache
def class_nouns() -> dict[str, tuple[str, ...]]:
    """Class noun lemma → the entity types it names again (extract/data/class_nouns.tsv)."""
    rows = load_tsv("class_nouns.tsv", "derek.extract")
    return {row["lemma"]: tuple(t.strip() for t in row["types"].split(",")) for row in rows}


_CLASS_SENTENCES = 3  # how far back a bare class noun looks: the sentence before and two more


def class_referent(index: TokenIndex, sentence: Sentence) -> str | None:
    """The entity a bare class noun opening the sentence names again («Есіл — ұзын өзен. Өзен
    2450 км …», «Көл 1500 м биіктікте жатыр»): the one entity of the noun's types named in the
    three sentences before; none if two are (which river?) or the noun is part of a name."""
    k = sentence.first_token
    lemma, tags, _ = word_info(index.norms[k])
    types = class_nouns().get(lemma)
    if types is None or tags or not index.norms[k].isalpha() or index.mentions_in(k, k + 1):
        return None
    since = k
    for _ in range(_CLASS_SENTENCES):
        since = _previous_start(index.norms, since) if since > 0 else 0
    found = {m.entity for s, _, m in islice(index._before(k), _LOOK_BACK) if s >= since and m.type in types}
    return found.pop() if len(found) == 1 else None


_LOOK_BACK = 300  # mentions: a name «named before» is recent; an unbounded walk is quadratic in a chunk


def _earlier_name(index: TokenIndex, k: int, test) -> str | None:
    recent = islice(index._before(k), _LOOK_BACK)
    return next((m.entity for _, _, m in recent if m.type in OWNER_TYPES and test(m)), None)


def _previous_start(norms: list[str], first: int) -> int:
    """The first word of the sentence before the one starting at ``first``."""
    k = first - 2
    while k >= 0 and norms[k] not in (".", "!", "?"):
        k -= 1
    return k + 1
