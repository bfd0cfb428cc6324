"""Numbers that are no figure of anything: ranks, numbers that name, the start of a range,
years and days the date stage left unread, glued centuries, attributes («20 томдық»), distances
from a place, half-read scale words; a bare number of a series of places takes the next one's
unit. Reads the token norms around a Quantity; used by facts_counts."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from derek.doc import Document, EntityMention, Quantity
from derek.extract.rules import MARKED_CASES, word_info
from derek.lang.kk.resources import load_list, load_tsv
from derek.lang.kk.suffixes import strip_suffix

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_THIS_WORDS = {"бұл", "осы"}  # «бұл көрсеткіш»: the figure given last
_CENTURY = "ғасыр"  # «14 ғасырдыңақырында»: a century glued to the next word, a date
_AGE = "жас"  # age: «N жастағы» (aged N) says how old a person is
_VOWELS = frozenset("аәеёиоөұүуыіэюя")  # a unit abbreviation has none: м, т, км, кг; су, ел, ай are words
_LENGTHS = {"km", "m"}  # «қаласынан 2 — 3 км»: how far from a place, nobody's size
_OPEN = {"(", "-", "–", "—"}
_RANKS = {"орын"}  # «әлемдегі 4 орын алатын» (fourth place): a rank, a qualifier and not a figure
_NUMBER_SIGNS = ("№", "N", "No")  # «№267 заң» (law no. 267): a number that names
_CASES = frozenset({"GEN", "ACC", "DAT", "LOC", "ABL", "INS", "ATTR"})


@cache
def _month_stems() -> tuple[str, ...]:
    """Kazakh month stems that are no other word (months.tsv: not «қазан», cauldron)."""
    return tuple(row["kk"] for row in load_tsv("months.tsv") if row["ambiguous"] != "yes")


@cache
def _scale_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv("scale_words.tsv"))


def not_a_figure(norms: list[str], a: int, b: int, q: Quantity, last: int,
                 quantities: list[tuple[int, int, Quantity]]) -> bool:
    """Is the number at tokens [a, b) a rank, a name, a range's start, a part of a date, an
    attribute, a distance or a half-read figure rather than a figure some name owns?"""
    if _rank_name_or_range_start(norms, a, b, quantities):
        return True
    after = norms[b].lower() if b < last else ""
    bare = q.unit is None and q.text.isdigit()
    if bare and len(q.text) == 4 and 1000 <= q.value <= 2100 and not _counts_noun(after):
        return True  # «— 1874, сонда», «("1984")»: a year the date stage did not read as a date
    if bare and q.value == 1:
        return True  # «тағы 1 үй», «1 комбайнмен»: «бір» (one, a) written as a digit, an article, no count
    part = after if "GEN" in word_info(norms[b - 1])[1] else norms[b + 1] if b + 1 < last and "GEN" in word_info(after)[1] else ""
    if part.split("-")[0] == "1" or word_info(part)[0] == "бір" and "POSS.3" in word_info(part)[1]:
        return True  # «3 елдің 1-еуі», «3 елдің бірі»: one of three, the subject's group (not «300-дің 90-ы»)
    if _AGE in _age_word(after):
        return True  # «38 жастағы тұрғыны», «30 жаста»: a person's age, no figure of a place
    if bare and q.value <= 31 and _day_of_misspelled_month(norms, a, b, last):
        return True
    if bare_unit(after) and q.unit is None:
        return True  # «10 млн. т.», «1738 м»: an abbreviated unit the number stage does not know
    if after.startswith(_CENTURY):
        return True
    if _attribute(after):
        return True  # «200 төсектік аурухана», «20 томдық жинақ»: what kind the next noun is, no count
    if q.text[-1:].isalpha() and {"ORD"} <= word_info(after)[1] and word_info(after)[2] == "NUM":
        return True  # «он төртінші ғасыр»: the tens of an ordinal written in words, no count
    if word_info(after)[0] in _scale_words() or after.rstrip(".") in _scale_words():
        return True  # «500 мыңдай»: the number stage read «500» and left the scale word
    if q.unit is None and _half_read_unit(after):
        return True  # «600000 тоннадай картоп»: the number stage left the unit word unread
    return q.unit in _LENGTHS and _from_place(norms, a) and not _height_aside(norms, a, q)


@cache
def _counter_nouns() -> frozenset[str]:
    """Nouns whose -лық adjective after a figure makes a kind (data/counter_nouns.txt)."""
    return frozenset(w.lower() for w in load_list("counter_nouns.txt", "derek.extract"))


def _attribute(word: str) -> bool:
    """Is ``word`` the -лық adjective of a counter noun («төсектік», «томдық», «жылдық»)? The
    figure before it then says what kind of thing the noun after it is (a 200-bed hospital, a
    20-volume edition), not a count some place owns. The ending is cut by the suffix grammar."""
    stem = strip_suffix(word, "DER.LYQ")
    return stem is not None and stem.lower() in _counter_nouns()


def _age_word(word: str) -> str:
    """The lemma of ``word`` when it is in the locative («жастағы», «жаста»: at the age of), else ''."""
    lemma, tags, _ = word_info(word)
    return lemma if "LOC" in tags else ""


def _height_aside(norms: list[str], a: int, q: Quantity) -> bool:
    """«Кибо (5895 м), … және Ширадан (4006 м) тұрады»: bare metres in parentheses after a name
    in the ablative are that name's height (a peak a massif consists of), not a distance from it;
    distances in parentheses come in kilometres («Алматыдан (50 км)»)."""
    return q.unit == "m" and a > 0 and norms[a - 1] == "(" and q.text.endswith("м")


def _counts_noun(word: str) -> bool:
    """Is the word after a four-digit number a plain lowercase noun it counts («1369 мұздық»,
    «1009 мұздық бар»), not a year's word or a month («1916 жыл», «1986 желтоқсан»)?"""
    lemma, tags, pos = word_info(word)
    return word.isalpha() and word.islower() and pos == "NOUN" and not tags \
        and lemma not in ("жыл", "ж", "ғасыр") and not lemma.startswith(_month_stems())


def _rank_name_or_range_start(norms: list[str], a: int, b: int, quantities: list) -> bool:
    """A rank («4 орын алатын», fourth place), a number that names («№267 заң») or the start of a
    range whose end is the figure («168-ден 176 мемлекетке дейін өсті»: the count grew to 176)."""
    if a > 0 and norms[a - 1] in _NUMBER_SIGNS:
        return True
    b = b if b > a else a + 1  # a figure inside one token («168-ден») ends with that token
    if b < len(norms) and word_info(norms[b])[0] in _RANKS:
        return True
    return "ABL" in word_info(norms[b - 1])[1] and any(start == b for start, _, _ in quantities)


@cache
def _unit_words() -> tuple[str, ...]:
    """One-word measure units of units.tsv that are no counted noun («тонна», «гектар»)."""
    return tuple(row["word"].lower() for row in load_tsv("units.tsv")
                 if " " not in row["word"] and row["kind"] not in ("count",) and len(row["word"]) > 3)


def _half_read_unit(word: str) -> bool:
    """A unit word with an ending the number stage does not read («тоннадай», about N tonnes)."""
    return word.isalpha() and word.startswith(_unit_words()) and word not in _unit_words()


def bare_unit(word: str) -> bool:
    """A one- or two-letter lowercase abbreviation: no vowel, so not a particle («да», «ол») or a
    short noun («су», «ел», «ай»)."""
    return word.isalpha() and word.islower() and len(word) <= 2 and not _VOWELS & set(word)


def _day_of_misspelled_month(norms: list[str], a: int, b: int, last: int) -> bool:
    """«20 қантар 1985» (a year follows), «наурздың 11» (a genitive month before): a day whose
    month is misspelled by one letter, so the date stage did not read it."""
    year = b + 1 < last and norms[b + 1].isdigit() and len(norms[b + 1]) == 4
    if b < last and year and _misspelled_month(norms[b]):
        return True
    return a > 0 and "GEN" in word_info(norms[a - 1])[1] and _misspelled_month(norms[a - 1])


def _misspelled_month(word: str) -> bool:
    """A word whose stem is one letter away from a month name."""
    stem = word_info(word)[0] if word.isalpha() else ""
    return len(stem) >= 4 and any(_one_edit(stem, month) for month in _month_stems())


def _one_edit(a: str, b: str) -> bool:
    """Exactly one substitution, insertion or deletion apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _from_place(norms: list[str], a: int) -> bool:
    """«Балқаш қаласынан 2 — 3 км», «Алматыдан (50 км)»: a length measured from a place."""
    k = a - 1
    while k >= 0 and norms[k] in _OPEN:
        k -= 1
    return k >= 0 and "ABL" in word_info(norms[k])[1]


def split_decimals(doc: Document, quantities: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """Join a figure whose decimal comma a tokenized text cut off with spaces on both sides
    («68 , 9 %», «486 , 9 миллион доллар»: KazNERD) into one figure (68.9 %, 4.869e8 USD); a list
    in ordinary text has no space before its comma («5, 6 және 7 %»)."""
    out: list[tuple[int, int, Quantity]] = []
    for a, b, q in quantities:
        prev = out[-1] if out else None
        if prev is not None and _decimal_pair(doc, prev, a, q):
            pa, _, pq = prev
            digits = doc.tokens[a].norm
            scale = q.value / int(digits)
            value = (pq.value + int(digits) / 10 ** len(digits)) * scale
            text = doc.text[pq.start:q.end]
            out[-1] = (pa, b, replace(q, start=pq.start, text=text, value=value, range=None,
                                      approx=q.approx or pq.approx))
        else:
            out.append((a, b, q))
    return out


def _decimal_pair(doc: Document, prev: tuple[int, int, Quantity], a: int, q: Quantity) -> bool:
    """Is ``q`` at token ``a`` the fraction after a whole number ``prev`` and a spaced comma?"""
    _, pb, pq = prev
    tokens = doc.tokens
    if pb + 1 != a or pb < 1 or tokens[pb].norm != "," or pq.unit is not None or pq.kind != "cardinal":
        return False
    if not (tokens[pb].start > tokens[pb - 1].end and tokens[a].start > tokens[pb].end):
        return False
    digits = tokens[a].norm
    return digits.isdigit() and len(digits) <= 2 and int(digits) > 0 and pq.value == int(pq.value) \
        and q.value % int(digits) == 0


def property_of_noun(norms: list[str], a: int, end: int) -> bool:
    """Is the figure at tokens [a, end) a property («қуаттылығы») of the plain noun after it
    («қуаттылығы 3 мт қондырғы»), not of a place?"""
    if a < 1 or end < 0 or end >= len(norms) or not norms[end].isalpha() or not norms[end].islower():
        return False
    _, before, _ = word_info(norms[a - 1])
    _, tags, pos = word_info(norms[end])
    return "POSS.3" in before and not before & _CASES and norms[a - 1].islower() and pos == "NOUN" and not tags


def shared_units(index: TokenIndex, quantities: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """A bare number of a series of places takes the unit of the next one: «Ресейде 40 ,
    Беларусьте 50 %», «Ресейде — 100 , Қырғызстанда 80 теңгеге» (each place, then its figure);
    not when the next figure carries a scale word («5 , … 7 млн адам» is not 5 people)."""
    out = list(quantities)
    for i, ((a, b, q), (a2, _, q2)) in enumerate(pairwise(quantities)):
        if q.unit is not None or q2.unit is None or q.kind not in ("cardinal", "count") \
                or b >= len(index.norms) or index.norms[b] != "," or not place_before(index, a) \
                or not place_before(index, a2, b + 1) or not index.norms[a2].isdigit() \
                or float(index.norms[a2]) != q2.value:
            continue
        out[i] = (a, b, replace(q, unit=q2.unit, kind=q2.kind))
    return out


def place_before(index: TokenIndex, a: int, start: int = 0) -> bool:
    """Does a name in the locative end right before token ``a`` (or before a dash there)?"""
    return place_at(index, a, start) is not None


def place_at(index: TokenIndex, a: int, start: int = 0) -> EntityMention | None:
    """The name in the locative that ends right before token ``a`` (or before a dash there)."""
    end = a - 1 if a > 0 and index.norms[a - 1] in _OPEN - {"("} else a
    return next((m for s, e, m in index.mentions_in(max(start, end - 6), end)
                 if s >= start and e == end and m.case == "LOC"), None)


def describes_noun(index: TokenIndex, b: int) -> bool:
    """Is the figure (ending at token ``b``) inside a participle phrase that qualifies a noun
    («20 кт болатын», «506 жолдан тұратын»)?"""
    if b >= len(index.norms):
        return False
    lemma, tags, _ = word_info(index.norms[b])
    return lemma in ("бол", "тұр") and bool(tags & {"PTCP.IMPF", "PTCP.PAST"})


def same_figure(norms: list[str], first: int, a: int) -> bool:
    """«бұл көрсеткіш», «осы көрсеткіш» before the figure: a figure already given, the last one
    in the same unit (its time)."""
    return any(norms[k].lower() in _THIS_WORDS and word_info(norms[k + 1])[0] in ("көрсеткіш", "сан", "мөлшер")
               for k in range(first, a - 1))


_PHRASE_CASES = MARKED_CASES | {"POSS.3"}


def unnamed_institution(index: TokenIndex, b: int, last: int) -> bool:
    """Does the figure's phrase end in a participle qualifying an institution or company head noun
    no name covers («күніне 150 науқасты қабылдайтын жаңа орталық», «5 мың адам жұмыс істейтін
    зауыт»)? The figure is that unnamed institution's capacity, not the city's named before it.
    The figure's own noun stands between it and the participle (it is inside the relative clause);
    a participle right after the figure qualifies the counted noun itself («1400 бірлескен
    кәсіпорын», joint ventures), and one before a name («… Ұлттық орталық») is left to the owner rules."""
    from derek.extract.index import org_heads

    for k in range(b, min(last, b + 3)):
        _, tags, pos = word_info(index.norms[k])
        if pos != "VERB":
            continue
        if not any(t.startswith("PTCP") for t in tags) \
                or not any(word_info(index.norms[j])[2] == "NOUN" for j in range(b, k)):
            return False
        for j in range(k + 1, min(last, k + 4)):
            if index.mentions_in(j, j + 1):
                return False
            lemma, tags, _ = word_info(index.norms[j])
            if lemma in org_heads():
                return True
            if tags & _PHRASE_CASES or not index.norms[j].isalpha():
                return False
        return False
    return False
