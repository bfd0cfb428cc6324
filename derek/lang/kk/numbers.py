"""Figures in Kazakh text (digits and number words), scaled and with their unit.

Reads ``Document.text`` (through ``Document.normalized()``) and ``Document.dates`` (figures inside
dates are skipped); writes ``Document.quantities``. Scale words, units and approximations are data.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from derek.doc import DateMention, Document, Quantity
from derek.lang.kk.normalize import Normalized, normalize
from derek.lang.kk.resources import load_list, load_tsv
from derek.lang.kk.suffixes import strip_suffix
from derek.lang.kk.word_regex import (
    LETTER,
    alternation,
    digit_runs,
    lookup,
    lowered,
    suffix_chain,
)

# Every pattern here runs on the lowercased normalized text (see ``lowered``) without
# re.IGNORECASE: case-insensitive matching of Cyrillic is several times slower in ``re``.
_DASH = r"\s*-\s*"
_NUMBER = r"\d{1,3}(?: \d{3})+(?:,\d+)?(?![\d.,])|\d+(?:[.,]\d+)?"
_URL = re.compile(r"(?:https?://|www\.)\S+")
# the endings of an ordinal written after its digits: «2017-нші», «5-ші»
ORDINAL_ENDINGS = r"(?:ыншы|інші|ншы|нші|шы|ші)"
_ORDINAL = re.compile(r"\s*-\s*" + ORDINAL_ENDINGS + "(?!" + LETTER + ")")
# a figure starts after no word character or comma, and after a period only when a letter ends
# the sentence before it («отыр.150 млн.»), not inside «29.05.2014» or «1.5»
_DIGITS = re.compile(rf"(?<![\w,])(?<![\d.]\.)({_NUMBER})(?:{_DASH}({_NUMBER})(?![\w.]))?")
_JOINED_START = re.compile(r"-" + LETTER + "{3}")  # «47-сессиясында»
# the emphatic particle «-ақ» ("only, just"; back vowel after front stems too) written onto a
# figure: «14-ақ проценті», «екі-ақ мың адам»; the figure reads on over it to its scale and unit
PARTICLE = r"-ақ(?!" + LETTER + ")"
_PARTICLE = re.compile(PARTICLE)
_JOINED = re.compile(r"-(\w+)")
# a length unit raised to a power by superscript markup, raw or HTML-escaped (the text is lowered)
_POWER = re.compile(r"\s*(км|м)(?:<sup>|&lt;sup&gt;)\s*([23])\s*(?:</sup>|&lt;/sup&gt;)")
_POWERED = {"км": "km", "м": "m"}
# bare «м» closing a parenthesis the figure opens, or ending its item: «Кибо (5895 м)», «Көкшетау
# үстірті (947 м, Көкше тауы)»: the height of the name before the parenthesis. Elsewhere bare «м»
# stays no unit («5 мен 6», and elevations of places the text does not name: session 7).
_PAREN_METRES = re.compile(r"\s*м(?=\s*[),])")
_PAREN_OPEN = re.compile(r"\(\s*$")
_BARE_METRES = re.compile(r"\s*м(?!" + LETTER + r")(?!\.\s*" + LETTER + ")")  # not «м. Сералин»


@dataclass(slots=True)
class _Lexicon:
    number_word: re.Pattern[str]
    words: dict[str, tuple[float, str, bool]]
    scale: re.Pattern[str]
    scales: dict[str, float]
    unit: re.Pattern[str]
    dashed_unit: re.Pattern[str]
    units: dict[str, tuple[str, str]]
    before: re.Pattern[str]
    after: re.Pattern[str]
    approx: dict[str, str]
    counted: tuple[str, ...]  # approximation words a counted noun may follow
    equative: re.Pattern[str]  # «мыңдай», «-дей» after a figure: about (group 1: scale word)
    unit_equative: re.Pattern[str]  # «600 тоннадай», «5 км-дей»: about, on the unit (group 1: unit)
    governed: re.Pattern[str]  # a number word in the case an approximation word governs
    cased: re.Pattern[str]  # the last word of a number phrase with a case ending (group 1: the word)


def _onto_digits(pattern: str) -> str:
    """An ``alternation`` whose word-start guard, (?<!\\w), is relaxed to "no letter before", so
    the words may also be typed right after a figure's digits."""
    return pattern.replace(r"(?<!\w)", f"(?<!{LETTER})", 1)


@cache
def _lexicon() -> _Lexicon:
    words = {r["word"]: (float(r["value"]), r["kind"], r["alone"] == "yes") for r in load_tsv("number_words.tsv")}
    scales = {r["word"]: float(r["factor"]) for r in load_tsv("scale_words.tsv")}
    units = {r["word"].lower(): (r["unit"], r["kind"]) for r in load_tsv("units.tsv")}
    approx_rows = load_tsv("approx_words.tsv")
    before = [r["word"] for r in approx_rows if r["position"] == "before"]
    after = [r["word"] for r in approx_rows if r["position"] == "after"]
    return _Lexicon(
        number_word=re.compile(alternation(list(words))),
        words=words,
        # a scale word or a unit may also be typed onto its digits: «150млн.», «900км-ден»
        scale=re.compile(r"\s*(" + _onto_digits(alternation(list(scales))) + r")(\.(?!\d))?"),
        scales=scales,
        unit=re.compile(r"\s*(" + _onto_digits(alternation(list(units))) + ")"),
        dashed_unit=re.compile(_DASH + "(" + alternation(list(units)) + ")"),
        units=units,
        before=re.compile("(" + alternation(before) + r")\s+$"),
        after=re.compile(r"(?:-?" + suffix_chain() + r")\s*(" + alternation(after) + ")"),
        approx={r["word"]: r["approx"] for r in approx_rows},
        counted=tuple(r["word"] for r in approx_rows if r["takes_unit"] == "yes"),
        equative=_equative(list(scales), [r["word"] for r in approx_rows if r["position"] == "suffix"]),
        unit_equative=re.compile(r"\s*(" + alternation(list(units), "prefix") + ")-?(?:"
                                 + "|".join(r["word"] for r in approx_rows if r["position"] == "suffix")
                                 + f")(?!{LETTER})"),
        governed=_governed(list(words), [r for r in approx_rows if r["governs"] != "-"]),
        cased=_cased([w for w, (_, kind, _) in words.items() if kind != "scale"]),
    )


def _equative(scales: list[str], endings: list[str]) -> re.Pattern[str]:
    """An optional scale word, then the equative ending: «140 мыңдай», «100-дей» (about)."""
    scale = _onto_digits(alternation(scales, "prefix"))
    return re.compile(rf"(?:\s*({scale}))?-?(?:{'|'.join(endings)})(?!{LETTER})")


def _governed(words: list[str], rows: list[dict[str, str]]) -> re.Pattern[str]:
    """Number words whose last word has the ending an approximation word governs, before it:
    «мыңнан астам», «екі миллионға жуық»; «онда артық» (there … extra) is not a figure."""
    cases: dict[str, set[str]] = {}
    for row in load_tsv("noun_suffixes.tsv"):
        cases.setdefault(row["category"], set()).add(row["suffix"])
    bare = alternation(words, "bare")
    heads = alternation(words, "prefix")
    options = "|".join(rf"(?:{'|'.join(sorted(cases[r['governs']], key=len, reverse=True))})\s+{re.escape(r['word'])}"
                       for r in rows)
    return re.compile(rf"(?:{bare}\s+)*{heads}(?=(?:{options})(?!{LETTER}))")


# The cases a figure's last word takes in a clause («алпыс алтыға жетті», «жүз жиырма үштен
# асты»). Not the bare accusative «-н», which follows only a possessive («алты+н» is «алтын» gold).
_PHRASE_CASES = ("dative", "ablative", "locative", "genitive", "accusative", "instrumental")


def _cased(words: list[str]) -> re.Pattern[str]:
    """A number word with a case ending right after a bare number phrase: «бір мың жеті жүз алпыс
    алтыға» is 1766, not 1760 and a stray word. Scale words keep their own endings (``_extend``);
    «онда» (there) after a figure is the pronoun, not ten."""
    endings = {r["suffix"] for r in load_tsv("noun_suffixes.tsv")
               if r["category"] in _PHRASE_CASES and r["suffix"] != "н"}
    ending = "|".join(sorted(endings, key=len, reverse=True))
    head = alternation(words, "prefix")
    return re.compile(rf"\s+(?!онда(?!{LETTER}))({head})(?=(?:{ending})(?!{LETTER}))")


def parse_number(digits: str) -> float:
    """«32877,5» → 32877.5, «10 215,1» → 10215.1, «1.5» → 1.5."""
    return float(digits.replace(" ", "").replace(",", "."))


def number_words_value(words: list[str]) -> float:
    """«он бір» → 11, «екі мың» → 2000, «үш жүз» → 300 (words already matched)."""
    lex = _lexicon()
    total, current = 0.0, 0.0
    for word in words:
        value, kind, _ = lookup(lex.words, word)
        if kind == "hundred":
            current = (current or 1) * value
        elif kind == "scale":
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current


@dataclass(slots=True)
class _Figure:
    start: int  # normalized offsets
    end: int
    value: float
    low: float | None = None  # a range «200-210»
    words: bool = False  # written in words


def _digit_figures(low: str) -> list[_Figure]:
    figures = []
    end = 0
    for pos in digit_runs(low):  # a figure starts where digits start: no full-text scan
        if pos < end or not (m := _DIGITS.match(low, pos)):
            continue
        end = m.end()
        if m.group(2) and not m.group(2).startswith("0"):
            first, second = parse_number(m.group(1)), parse_number(m.group(2))
            if first < second:
                figures.append(_Figure(m.start(), m.end(), second, first))
                continue
        if (spaced := _spaced_decimal(low, m)) is not None:
            end = spaced.end()
            figures.append(_Figure(m.start(1), end, parse_number(m.group(1) + "," + spaced.group(1))))
            continue
        figures.append(_Figure(m.start(1), m.end(1), parse_number(m.group(1))))
    return figures


# a decimal comma a tokenizer wrote apart («12 , 5 миллион», KazNERD's space-joined tokens)
_SPACED_COMMA = re.compile(r" , (\d{1,2})(?![\d.,]| , \d)")


def _spaced_decimal(low: str, m: re.Match[str]) -> re.Match[str] | None:
    """The fraction of a whole of one to three plain digits written «12 , 5» when a scale word or
    a unit follows it («12 , 5 миллион шаршы метр», «6 , 5 тонна»): a tokenized «12,5». Without
    one, or inside a list («1 , 2 , 5 тонна»), the figures stay apart as before."""
    whole = m.group(1)
    if m.group(2) or not whole.isdigit() or len(whole) > 3 or m.end() != m.end(1):
        return None
    spaced = _SPACED_COMMA.match(low, m.end(1))
    if spaced is None or m.start(1) > 2 and low[m.start(1) - 3:m.start(1)] == " , ":
        return None  # «5 , 12 , 5 тонна»: a list of figures
    lex = _lexicon()
    return spaced if lex.scale.match(low, spaced.end()) or lex.unit.match(low, spaced.end()) else None


@cache
def _number_phrase() -> re.Pattern[str]:
    """Number words written bare (с endings, «үшін», «онда», «алтын» are other words)."""
    word = alternation(list(_lexicon().words), "bare")
    return re.compile(rf"{word}(?:\s+{word})*")


# a decimal in words: the whole, «бүтін», the denominator in the ablative, the numerator
# («алпыс сегіз бүтін оннан тоғыз» 68.9, «он екі бүтін жүзден бес» 12.05)
_POINT = "бүтін"
_ENDING_SPACE = re.compile(rf"{LETTER}*\s+")


@cache
def _decimal_head() -> re.Pattern[str]:
    return re.compile(rf"{_number_phrase().pattern}\s+{_POINT}(?!{LETTER})")


def _decimal_figures(low: str) -> list[_Figure]:
    """Decimals written in words, read whole (else «тоғыз» of «… бүтін оннан тоғыз» reads 9)."""
    lex = _lexicon()
    figures: list[_Figure] = []
    for m in _decimal_head().finditer(low):
        if not (den := lex.cased.match(low, m.end())) or not (gap := _ENDING_SPACE.match(low, den.end())):
            continue
        denominator = number_words_value([den.group(1)])
        if denominator not in (10, 100, 1000) or not (part := _number_phrase().match(low, gap.end())):
            continue
        # a scale word after the numerator scales the whole decimal («… оннан тоғыз миллиард»)
        words = [w for w in re.finditer(r"\S+", part.group())]
        while words and lookup(lex.words, words[-1].group())[1] == "scale":
            words.pop()
        if not words:
            continue
        whole = number_words_value(m.group().split()[:-1])
        value = whole + number_words_value([w.group() for w in words]) / denominator
        figures.append(_Figure(m.start(), part.start() + words[-1].end(), round(value, 6), words=True))
    return figures


def _word_figures(low: str) -> list[_Figure]:
    lex = _lexicon()
    figures: list[_Figure] = []
    for m in _number_phrase().finditer(low):
        words = m.group().split()
        after = m.end()
        if cased := lex.cased.match(low, after):  # «… алпыс алтыға»: the last word carries the case
            words.append(cased.group(1))
            after = cased.end()
        if after < len(low) and low[after] == "-":
            if not (particle := _PARTICLE.match(low, after)):
                continue  # бір-бірінен "each other"
            after = particle.end()
        alone = all(lookup(lex.words, w)[2] for w in words) or len(words) > 1
        if not alone and not (lex.unit.match(low, after) or lex.scale.match(low, after)):
            continue
        end = cased.end() if cased else m.end()
        figures.append(_Figure(m.start(), end, number_words_value(words), words=True))
    for m in lex.governed.finditer(low):  # «мыңнан астам»: the bare phrase above ends before it
        words = m.group().split()
        figures.append(_Figure(m.start(), m.end(), number_words_value(words), words=True))
    return figures


def _extend(low: str, fig: _Figure) -> Quantity:
    """Grow a figure over its ordinal ending, scale word, unit and approximation words."""
    lex = _lexicon()
    start, end, factor = fig.start, fig.end, 1.0
    unit, kind, approx = None, "cardinal", None
    dollar = re.search(r"\$\s*$", low[max(0, start - 3) : start])
    if dollar:
        start -= len(dollar.group())
        unit, kind = "USD", "money"
    if (m := _ORDINAL.match(low, end)) and not fig.words:
        return _make(start, m.end(), fig, 1.0, None, "ordinal", None)
    if m := _PARTICLE.match(low, end):
        end = m.end()
    if m := lex.scale.match(low, end):
        factor = lookup(lex.scales, m.group(1))  # type: ignore[assignment]
        end = m.end()
    elif m := lex.equative.match(low, end):
        factor = lookup(lex.scales, m.group(1)) if m.group(1) else 1.0  # type: ignore[assignment]
        end, approx = m.end(), "approx"
    end, unit, kind = _unit(low, end, unit, kind)
    if unit is None and approx is None and (m := lex.unit_equative.match(low, end)):
        # the equative on the unit, not the figure: «600000 тоннадай» is about 600 000 t
        (unit, kind), end, approx = lookup(lex.units, m.group(1)), m.end(), "approx"  # type: ignore[misc]
    if unit == "percent":
        end, unit, kind = _unit(low, end, unit, kind)
    m = lex.after.match(low, end)
    stem = max((w for w in lex.approx if m.group(1).startswith(w)), key=len, default=m.group(1)) if m else ""
    if m and stem[-1] in "аеыіоөұүуи" and m.group(1) != stem:
        m = None  # a vowel-final word with an ending is another word: «асады» (exceeds), not «аса»
    if m:
        approx, end = str(lookup(lex.approx, m.group(1))), m.end()
        # the longest approximation word the form begins with («асатын», not «аса»)
        if unit is None and stem in lex.counted:
            end, unit, kind = _unit(low, end, unit, kind)
    if m := lex.before.search(low, max(0, start - 30), start):
        start, approx = m.start(), str(lookup(lex.approx, m.group(1)))
    if kind == "cardinal" and not fig.words and _joined_noun(low, end):
        kind = "ordinal"  # «47-сессиясында»: a number joined to a noun counts it in order
    return _make(start, end, fig, factor, unit, kind, approx)


def _joined_noun(low: str, end: int) -> bool:
    """A hyphen and a word that is not only case endings right after the figure."""
    if not _JOINED_START.match(low, end, end + 4):
        return False
    word = _JOINED.match(low, end).group(1)  # type: ignore[union-attr]
    return _bare_chain().fullmatch(word) is None


@cache
def _bare_chain() -> re.Pattern[str]:
    return re.compile(suffix_chain())


def _unit(low: str, end: int, unit: str | None, kind: str) -> tuple[int, str | None, str]:
    lex = _lexicon()
    if power := _POWER.match(low, end):
        # «км<sup>2</sup>» as HTML left it, or escaped once more («км&lt;sup&gt;2…») as web text
        # pasted into a plain file often is: the square or the cube of the unit (bare «м» is
        # not read as metres: «5 мен 6», and elevations of places the text does not name)
        return power.end(), _POWERED[power.group(1)] + power.group(2), "cardinal"
    m = lex.unit.match(low, end) or lex.dashed_unit.match(low, end)
    if m is None and unit is None and (paren := _PAREN_METRES.match(low, end)) \
            and (_opens_paren(low, end) or _closes_paren_item(low, end, paren.end())):
        return paren.end(), "m", "cardinal"
    if m is None and unit is None and (bare := _BARE_METRES.match(low, end)) and not _opens_paren(low, end) \
            and _measured_in_metres(low, end, bare.end()):  # «(800 м биіктікте)»: an unnamed place's elevation
        return bare.end(), "m", "cardinal"
    if m is None and unit is None and (adjective := _unit_adjective(low, end)) is not None:
        return adjective
    if unit == "percent" and m is not None and lookup(lex.units, m.group(1))[1] == "multiplier":
        return m.end(), "times", "multiplier"  # «3,8% есеге»: a stray % before есе
    if m is None or (unit is not None and lookup(lex.units, m.group(1))[0] != "USD"):
        return end, unit, kind
    found, found_kind = lookup(lex.units, m.group(1))  # type: ignore[misc]
    return m.end(), found, found_kind


_NEXT_WORD = re.compile(rf"\s+({LETTER}+)")


def _unit_adjective(low: str, end: int) -> tuple[int, str, str] | None:
    """A unit made an adjective by -лық after the figure: «1449,3 метрлік биіктікте» (at a height
    of 1449.3 m), «5 тонналық жүк», «100 долларлық»: the figure keeps the unit. The ending is cut by
    the grammar (suffixes.tsv DER.LYQ), not listed; a counted thing's adjective («10 адамдық топ»,
    a group of ten) is no measure of the figure and stays out."""
    lex = _lexicon()
    if not (word := _NEXT_WORD.match(low, end)) or (stem := strip_suffix(word.group(1), "DER.LYQ")) is None:
        return None
    found = lex.units.get(stem)
    if found is None or found[1] == "count":
        return None
    return word.end(), found[0], found[1]


def _closes_paren_item(low: str, end: int, after: int) -> bool:
    """The figure is the last item of a parenthesis that names first what it measures and the
    bare «м» closes it: «(Бейбіт тауы, 2500 м)» (a peak and its height)."""
    if not low[after:].lstrip().startswith(")"):
        return False
    start = end - len(_figure_digits(low, end).lstrip(" ,"))
    head = low[max(0, start - 40) : start]
    opening = head.rfind("(")
    return opening >= 0 and ")" not in head[opening:] and head.rstrip().endswith(",") \
        and head[opening + 1 :].count(",") == 1


@cache
def _metre_measures() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a measure noun ending right before a figure, one opening right after its unit)."""
    words = alternation(list(load_list("metre_measures.txt")))
    return re.compile(f"(?:{words})" + r"\s*[-–—:]?\s*$"), re.compile(r"\s+" + words)


def _measured_in_metres(low: str, end: int, after: int) -> bool:
    """A bare «м» is metres when a length noun names what the figure measures, right before it
    («қалыңдығы 210-300 м», the range's first number included) or right after the unit («3560 м
    биіктікте»): a noun of metres, not «мен» or a stray letter."""
    before, following = _metre_measures()
    start = end - len(_figure_digits(low, end).lstrip(" ,"))
    head = re.sub(rf"(?:{_NUMBER})\s*[-–—]\s*$", "", low[max(0, start - 40) : start])  # «210-300 м»
    return before.search(head) is not None or following.match(low, after) is not None


def _opens_paren(low: str, end: int) -> bool:
    """The figure ending at ``end`` is the first thing inside a parenthesis: «(5895»."""
    start = end - len(_figure_digits(low, end))
    return _PAREN_OPEN.search(low, max(0, start - 3), start) is not None


def _figure_digits(low: str, end: int) -> str:
    """The digits, spaces and separators the figure ending at ``end`` is written with (at most 20)."""
    return re.search(r"[\d\s.,]*$", low[max(0, end - 20) : end]).group()  # type: ignore[union-attr]


def _make(start: int, end: int, fig: _Figure, factor: float, unit: str | None,
          kind: str, approx: str | None) -> Quantity:
    rng = [fig.low * factor, fig.value * factor] if fig.low is not None else None
    return Quantity(start, end, "", fig.value * factor, unit, rng, approx, kind)


def _blocker(spans: list[tuple[int, int]]):
    """A test «does (start, end) overlap one of ``spans``» in O(log n)."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    reach, furthest = [], -1  # reach[i]: the largest end among spans[: i + 1]
    for _, e in spans:
        furthest = max(furthest, e)
        reach.append(furthest)

    def overlaps(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end)
        return i > 0 and reach[i - 1] > start

    return overlaps


def quantities_in(text: str, normalized: Normalized, dates: list[DateMention] | None = None) -> list[Quantity]:
    """Every figure of ``text`` outside ``dates`` and URLs, given ``normalize(text)``."""
    low = lowered(normalized.text)
    spans = [(d.start, d.end) for d in dates or []]
    spans += [normalized.span(m.start(), m.end()) for m in _URL.finditer(low)]
    blocked = _blocker(spans)
    # a decimal in words first: the figures of its words start inside it and are skipped
    figures = sorted(_decimal_figures(low) + _digit_figures(low) + _word_figures(low), key=lambda f: f.start)
    found: list[Quantity] = []
    covered = 0  # normalized end of the last quantity: a figure inside it is not another one
    for fig in figures:
        if fig.start < covered:
            continue
        quantity = _extend(low, fig)
        covered = quantity.end
        quantity.start, quantity.end = normalized.span(quantity.start, quantity.end)
        if blocked(quantity.start, quantity.end):
            continue
        quantity.text = text[quantity.start : quantity.end]
        found.append(quantity)
    return found


def find_quantities(text: str, dates: list[DateMention] | None = None) -> list[Quantity]:
    """Every figure in ``text`` outside ``dates`` and URLs, with offsets into ``text``."""
    return quantities_in(text, normalize(text), dates)


def extract_quantities(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.quantities`` from ``doc.normalized()``, skipping ``doc.dates``."""
    doc.quantities = quantities_in(doc.text, doc.normalized(), doc.dates)
    return doc
