"""Temporal expressions in Kazakh text, normalized to TIMEX3 values (1991-12-21, 199X, P10Y).

Reads ``Document.text`` (through ``Document.normalized()``); writes ``Document.dates``. Month
names, date words and noun endings come from data files; offsets map back to the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from derek.doc import DateMention, Document
from derek.lang.kk.normalize import Normalized, normalize
from derek.lang.kk.numbers import ORDINAL_ENDINGS, PARTICLE, number_words_value
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.suffixes import realizations
from derek.lang.kk.word_regex import alternation, digit_runs, lookup, lowered, stem_regex

# Patterns run on the lowercased normalized text (word_regex.lowered); see numbers.py for why.
_GENITIVE = re.compile("(?:" + "|".join(realizations("GEN")) + ")$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SENTENCE_END = re.compile(r"[.!?\n]\s*$")
# Where a date can begin: a run of digits (word_regex.digit_runs), б.з.б., a Roman numeral, a word
# from ``_word_starts``. Only these are searched in the whole text; each pattern is then tried
# only at the starts its first element allows, which is what makes the tagger fast.
_LIST_ITEM = r"\d{4}(?:\s*-\s*\d{4})?"
_LIST_LINK = r"(?:\s*,\s*|\s+және\s+)"
_STARTS = {"bc": re.compile(r"б\."), "roman": re.compile(r"[ivxlc]+")}


@dataclass(slots=True)
class _Candidate:
    start: int  # normalized offsets
    end: int
    kind: str  # which pattern matched: ymd, ym, dm, m, y, range, decade, century, numeric, ...
    priority: int
    match: re.Match[str]  # on the lowercased text
    groups: dict[str, str | None] = field(default_factory=dict)  # texts in the original case


@dataclass(slots=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    starts: tuple[str, ...]  # kinds of start position (``_STARTS`` keys or "word")


@cache
def _months() -> tuple[dict[str, int], set[str], dict[str, str]]:
    """Month stem or variant → number; the ambiguous stems (қазан); each name → itself."""
    names: dict[str, int] = {}
    ambiguous = set()
    for row in load_tsv("months.tsv"):
        names[row["kk"]] = int(row["month"])
        if row["ambiguous"] == "yes":
            ambiguous.add(row["kk"])
        for variant in filter(None, row["variants"].split("|")):
            names[variant] = int(row["month"])
    return names, ambiguous, {k: k for k in names}


@cache
def _date_words() -> dict[str, dict[str, str]]:
    """role → {word: value} from ``date_words.tsv``."""
    roles: dict[str, dict[str, str]] = {}
    for row in load_tsv("date_words.tsv"):
        roles.setdefault(row["role"], {})[row["word"]] = row["value"]
    return roles


@cache
def _number_words() -> list[str]:
    return [row["word"] for row in load_tsv("number_words.tsv")]


_ORDINAL_END = rf"(?:\s*-\s*{ORDINAL_ENDINGS}(?![^\W\d_]))?"  # «2017-нші жылы»
_BACK_VOWELS, _FRONT_VOWELS = set("аоұы"), set("әөүіе")
_ELIDED = re.compile(r"(.*[^аоұыәөүіеэиу])[ыі]([^аоұыәөүіеэиу])$")  # қырық → қырқ- before a vowel


@cache
def _ordinal_words() -> dict[str, str]:
    """Ordinal number word → its cardinal («жетінші» → «жеті», «отызыншы» → «отыз», «қырқыншы»
    → «қырық»), by Kazakh morphology: -ыншы/-інші after a consonant, -ншы/-нші (or -сыншы, as
    «жиырмасыншы») after a vowel, the high vowel of the last syllable dropping before it."""
    forms: dict[str, str] = {}
    for word in _number_words():
        vowels = [c for c in word if c in _BACK_VOWELS | _FRONT_VOWELS]
        back = bool(vowels) and vowels[-1] in _BACK_VOWELS
        if word[-1] in _BACK_VOWELS | _FRONT_VOWELS:
            endings = ["ншы", "сыншы"] if back else ["нші", "сінші"]
            stems = [word]
        else:
            endings = ["ыншы"] if back else ["інші"]
            stems = [word] + ([m.group(1) + m.group(2)] if (m := _ELIDED.match(word)) else [])
        for stem in stems:
            for ending in endings:
                forms.setdefault(stem + ending, word)
    return forms


def _ordinal_year(words: str) -> int | None:
    """The year an ordinal written in words names: «екі мың он жетінші» → 2017."""
    parts = words.lower().split()
    cardinal = _ordinal_words().get(parts[-1]) if parts else None
    if cardinal is None:
        return None
    return int(number_words_value(parts[:-1] + [cardinal]))


@cache
def _patterns() -> list[_Pattern]:
    """The date forms in priority order: an earlier one wins a tie on length."""
    words = _date_words()
    month = "(?P<mon>" + alternation(list(_months()[0])) + ")"
    ay = r"(?:\s+" + stem_regex("ай") + ")?"
    year_word = r"(?:\s*(?:жж?\.|ж(?!\w))|\s*-?\s*" + stem_regex("жыл") + ")"
    year = r"(?<![\d,])(?<!\d\.)(?P<bc>б\.\s?з\.\s?б\.?\s*)?(?P<y>\d{3,4})" + _ORDINAL_END
    # «12-нші маусымында»: the day may be written as an ordinal (KazNERD spells numbers out so)
    day = r"(?<![\d.,])(?P<d>\d{1,2})" + _ORDINAL_END + r"(?:\s*-\s*(?P<d2>\d{1,2}))?"
    day_end = r"(?:-[^\W\d_]+)?(?![\w])"
    number = alternation(_number_words())
    count = r"(?P<n>(?<!\d)\d{1,3}|" + number + r"(?:\s+" + number + ")*)"
    units = "(?P<u>" + alternation(list(words["unit"]) + ["жыл"]) + ")"
    recent = r"(?:(?P<recent>" + alternation(list(words["recent"])) + r")\s+)?"
    this_year = r"(?:(?P<this>(?<!\w)(?:осы|биылғы))\s+" + stem_regex("жыл") + r"\s+)?"
    year_starts, digit, word = ("digit", "bc"), ("digit",), ("word",)
    month2 = "(?P<mon2>" + alternation(list(_months()[0])) + ")"
    specs = [
        # «2021 жылдың қаңтар-қыркүйек айларында»: a span of months, as economic reports give
        # the months a figure covers (before ``ym``, which would take the first month alone)
        ("ymm", rf"{year}{year_word}?\s+(?P<mon1>{alternation(list(_months()[0]))})\s*-\s*{month2}{ay}", year_starts),
        ("ydm", rf"{year}{year_word}?\s+{day}\s+{month}{ay}", year_starts),
        # «1990 жылы қазан айының 25-і (күні)»: the day after the month (or «айының») takes
        # the possessive ending; «күні» stays outside the span, as in the gold
        ("ymd", rf"{year}{year_word}?\s+{month}{ay}\s+{day}-[^\W\d_]+(?!\w)", year_starts),
        ("dmy", rf"{day}\s+{month}\s+{year}(?!\d){year_word}?", digit),
        ("numeric", r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])", digit),
        ("ym", rf"{year}{year_word}?\s+{month}{ay}", year_starts),
        ("range", (rf"(?<![\d.,])(?P<y>\d{{4}})\s*-\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d|[.,]\d)(?P<yw>{year_word})?"
                  rf"(?:\s+(?P<rng>{alternation(list(words['range']))}))?"), digit),
        ("decade", r"(?<![\d.,])(?P<dec>\d{1,3}0)\s*-?\s*" + stem_regex("жылдар"), digit),
        ("century", r"(?<![\w.,])(?P<c>[ivxlc]+|\d{1,2})\s*-?\s*(?:ғ\.|ғ-[^\W\d_]+|" + stem_regex("ғасыр") + ")",
         ("digit", "roman")),
        ("y", rf"{year}(?!\d){year_word}", year_starts),
        # «2005, 2011, 2017 және 2024 жылдары»: the year word of the last item covers the list
        ("listed", rf"{year}(?=(?:{_LIST_LINK}{_LIST_ITEM})+{year_word})", digit),
        # «екі мың он жетінші жылы»: a year read aloud, an ordinal in words (KazNERD, speech)
        ("wy", rf"(?P<wy>(?:{number}\s+)*{alternation(list(_ordinal_words()), 'bare')}){year_word}", word),
        ("set", rf"{units}\s+" + alternation(list(words["set"])), word),
        ("duration", rf"{recent}{count}(?:{PARTICLE})?\s*-?\s*{units}(?:\s+(?P<span>бойы|шамасымен))?", ("digit", "word")),
        ("dm", rf"{this_year}{day}\s+{month}{ay}{day_end}", ("digit", "word")),
        # «желтоқсанның 16-сы», «қазан айының 25-і»: a genitive month, then the day with an ending
        ("md", rf"{month}{ay}(?<={'|'.join(realizations('GEN'))})\s+{day}-[^\W\d_]+(?!\w)", word),
        ("m", rf"{month}{ay}", word),
    ]
    return [_Pattern(kind, re.compile(p), starts) for kind, p, starts in specs]


@cache
def _word_starts() -> re.Pattern[str]:
    """Any word a word-initial pattern (month, set, duration, осы жылдың …) can begin with."""
    words = _date_words()
    stems = list(_months()[0]) + _number_words() + list(words["unit"]) + list(words["recent"])
    return re.compile(alternation(stems + ["жыл", "осы", "биылғы"], "prefix"))


def _start_positions(low: str) -> dict[str, list[int]]:
    found = {kind: [m.start() for m in regex.finditer(low)] for kind, regex in _STARTS.items()}
    found["word"] = [m.start() for m in _word_starts().finditer(low)]
    found["digit"] = list(digit_runs(low))
    return found


def _matches(low: str, pattern: _Pattern, starts: dict[str, list[int]]):
    """What ``pattern.regex.finditer(low)`` finds, trying only the allowed start positions."""
    positions = starts[pattern.starts[0]]
    if len(pattern.starts) > 1:
        positions = sorted({p for kind in pattern.starts for p in starts[kind]})
    end = 0
    for pos in positions:
        if pos >= end and (m := pattern.regex.match(low, pos)):
            end = m.end()
            yield m


def _candidates(norm: str, low: str) -> list[_Candidate]:
    starts = _start_positions(low)
    found = []
    for priority, pattern in enumerate(_patterns()):
        for m in _matches(low, pattern, starts):
            found.append(_Candidate(m.start(), m.end(), pattern.kind, priority, m))
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.priority))
    chosen: list[_Candidate] = []
    for cand in found:
        if chosen and cand.start < chosen[-1].end:
            continue
        spans = ((name, cand.match.span(name)) for name in cand.match.re.groupindex)
        cand.groups = {name: norm[a:b] if a >= 0 else None for name, (a, b) in spans}
        if cand.kind == "wy":
            year = _ordinal_year(cand.groups["wy"] or "")
            cand.groups["y"] = str(year) if year else None
            if year is None:
                continue
        if _valid(norm, cand):
            chosen.append(cand)
    return chosen


def _valid(norm: str, cand: _Candidate) -> bool:
    """Guards: years in range, real days, ambiguous month words (қазан, Қазан)."""
    g = cand.groups
    if g.get("y") and not g.get("bc") and not 1000 <= int(g["y"]) <= 2199:
        return False
    if g.get("d") and not 1 <= int(g["d"]) <= 31:
        return False
    if cand.kind == "numeric" and not 1 <= int(g["m"] or 0) <= 12:
        return False
    if cand.kind == "duration" and g["n"].isdigit() and int(g["n"]) == 0:
        return False
    if cand.kind == "range" and not g.get("yw") and (len(g["y2"]) == 2 or not _period(norm, cand)):
        return False  # «1879-89» is a period only before a year word («1879-89 жылдары»)
    if cand.kind == "range" and len(g["y2"]) == 2 and not _second_year(g) > g["y"]:
        return False
    if cand.kind == "ymm" and not _month(g["mon1"] or "") < _month(g["mon2"] or ""):
        return False  # a span of months runs forward within its year
    if g.get("mon") and not g.get("d") and _other_word(g["mon"]):
        return False  # «майданына»: the front's (майдан), not May's (май + -дан)
    if cand.kind == "m" and _quoted(norm, cand):
        return False  # «Желтоқсан» партиясы, «Наурыз» мерекесі: a month word in quotes is a name
    if g.get("mon") and _month_stem(g["mon"]) in _months()[1]:
        if cand.kind == "m":
            return False  # a bare қазан is a cauldron or the city
        at = norm.find(g["mon"], cand.start)
        if g["mon"][0].isupper() and not g.get("d") and not _sentence_start(norm, at):
            return False
    return True


def _other_word(word: str) -> bool:
    """Does the morphology read a month-like word as another, longer noun («майданының» →
    майдан, the front; «мамырдың» → мамыр stays a month)? A day number beside it is a date anyway."""
    from derek.lang.kk.morphology import lemma  # lazily: only month-like words pay for it

    word = word.split()[0].lower()
    stem, found = _month_stem(word), lemma(word).lower()
    # the analyser took an ending off and kept more than the month's stem: a known longer noun
    return found != word and len(found) > len(stem) and found.startswith(stem)


def _quoted(norm: str, cand: _Candidate) -> bool:
    """Is the candidate the whole of a quotation («…» or "…", the normalized text has ")?"""
    before, after = norm[cand.start - 1 : cand.start], norm[cand.end : cand.end + 1]
    return before == '"' and after == '"'


def _period(norm: str, cand: _Candidate) -> bool:
    """A bare «1991–1994» is a span of years when it runs forward, by at most 60 years unless
    it stands in brackets: «Әбілқайыр (1428-1468)», a reign or a state's lifetime."""
    span = int(cand.groups["y2"] or 0) - int(cand.groups["y"] or 0)
    bracketed = norm[cand.start - 1 : cand.start] == "(" and norm[cand.end : cand.end + 1] == ")"
    return 0 < span <= (1000 if bracketed else 60)


def _sentence_start(norm: str, at: int) -> bool:
    return at == 0 or _SENTENCE_END.search(norm, max(0, at - 5), at) is not None


def _month_stem(word: str) -> str:
    return str(lookup(_months()[2], word.split()[0]))


def _month(word: str) -> int:
    return _months()[0][_month_stem(word)]


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _year_text(g: dict[str, str | None]) -> str:
    year = int(g["y"] or 0)
    return f"BC{year:04d}" if g.get("bc") else f"{year:04d}"


def _value(cand: _Candidate, context_year: str | None) -> tuple[str, str]:
    """(TIMEX3 type, value) of a candidate; ``context_year`` fills dates written without one."""
    g, kind = cand.groups, cand.kind
    if kind in ("ydm", "ymd", "dmy", "numeric", "dm", "md"):
        year = _year_text(g) if g.get("y") else (context_year or "XXXX")
        month = int(g["m"] or 0) if kind == "numeric" else _month(g["mon"] or "")
        day = f"{year}-{month:02d}-{int(g['d'] or 0):02d}"
        if g.get("d2"):
            return "DATE", f"{day}/{year}-{month:02d}-{int(g['d2'] or 0):02d}"
        return "DATE", day
    if kind == "ymm":
        year = _year_text(g)
        return "DATE", f"{year}-{_month(g['mon1'] or ''):02d}/{year}-{_month(g['mon2'] or ''):02d}"
    if kind in ("ym", "m"):
        year = _year_text(g) if g.get("y") else (context_year or "XXXX")
        return "DATE", f"{year}-{_month(g['mon'] or ''):02d}"
    if kind in ("y", "listed", "wy"):
        return "DATE", _year_text(g)
    if kind == "range":
        return "DATE", f"{g['y']}/{_second_year(g)}"
    if kind == "decade":
        decade = g["dec"] or "0"
        return "DATE", (decade[:3] if len(decade) == 4 else "19" + decade[0]) + "X"
    if kind == "century":
        number = int(g["c"]) if (g["c"] or "").isdigit() else _roman(g["c"] or "I")
        return "DATE", f"{number - 1:02d}XX"
    unit = str(lookup(_date_words()["unit"] | {"жыл": "Y"}, g["u"] or ""))
    if kind == "set":
        return "SET", f"P1{unit}"
    n = g["n"] or "1"
    amount = int(n) if n.isdigit() else int(number_words_value(n.split()))
    return "DURATION", f"P{amount}{unit}"


def _second_year(g: dict[str, str | None]) -> str:
    """A range's end year in full: «1879-89» ends in 1889 (the century of its first year)."""
    y, y2 = g["y"] or "", g["y2"] or ""
    return y[:2] + y2 if len(y2) == 2 else y2


def _modifier(low: str, cand: _Candidate) -> tuple[int, str | None]:
    """Extend over a part word (басы/ортасы/соңы after a genitive) and a postposition."""
    words = _date_words()
    end, mod = cand.end, None
    if cand.kind == "duration" and (cand.groups.get("span") or "").lower().startswith("шама"):
        mod = "APPROX"
    if cand.kind in ("duration", "set"):
        return end, mod
    if _GENITIVE.search(low, cand.start, end) and (part := _follower("part").match(low, end)):
        end, mod = part.end(), str(lookup(words["part"], part.group(1)))
    if rel := _follower("relation").match(low, end):
        end, mod = rel.end(), str(lookup(words["relation"], rel.group(1)))
    return end, mod


@cache
def _follower(role: str) -> re.Pattern[str]:
    """A part word or postposition right after a date («соңында», «дейін»)."""
    return re.compile(r"\s+(" + alternation(list(_date_words()[role])) + ")")


def dates_in(text: str, normalized: Normalized) -> list[DateMention]:
    """Every temporal expression of ``text``, given ``normalize(text)``; offsets into ``text``."""
    norm = normalized.text
    low = lowered(norm)
    found: list[DateMention] = []
    context_year: str | None = None
    for cand in _candidates(norm, low):
        kind, value = _value(cand, context_year)
        end, mod = _modifier(low, cand)
        start, end = normalized.span(cand.start, end)
        found.append(DateMention(start, end, text[start:end], kind, value, mod))
        if cand.groups.get("y") and not cand.groups.get("bc") and kind == "DATE":
            context_year = cand.groups["y"] if cand.kind != "range" else _second_year(cand.groups)
    return found


def find_dates(text: str) -> list[DateMention]:
    """Every temporal expression in ``text``, with offsets into ``text`` (not normalized)."""
    return dates_in(text, normalize(text))


def extract_dates(doc: Document) -> Document:
    """Pipeline stage: fill ``doc.dates`` from ``doc.normalized()``."""
    doc.dates = dates_in(doc.text, doc.normalized())
    return doc
