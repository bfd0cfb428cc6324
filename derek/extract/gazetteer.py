"""The gazetteer: canonical entities and their names, matched in text through morphology.

Names are stored once, in the nominative (lang/kk/data/gazetteer_*.tsv); a mention such as
«Тәуелсіз Мемлекеттер Достастығының» or «БҰҰ-ның» matches because both the name and the text
are reduced to lemma keys by the same analyzer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from derek.doc import Token
from derek.lang.kk.morphology import analyze
from derek.lang.kk.resources import load_tsv
from derek.lang.kk.segment import tokenize
from derek.lang.kk.suffixes import verbal_tags

FILES = ("states", "orgs", "treaties", "people", "places")
_UNVOICE = str.maketrans({"ғ": "қ", "г": "к", "б": "п"})  # stem-final voicing: достастығы ~ достастық
_CANDIDATES = 4  # analyses per word whose lemmas may match a name
_MAX_CACHED = 200_000  # words whose keys Gazetteer.keys remembers
CASES = ("GEN", "DAT", "ACC", "LOC", "ABL", "INS", "ATTR")


@dataclass(slots=True)
class Entry:
    id: str
    type: str
    name: str
    name_ru: str = ""
    name_en: str = ""
    wikidata: str | None = None
    parent: str | None = None
    short: str = ""
    names: list[str] = field(default_factory=list)  # every surface name, canonical first
    period: tuple[int, int] | None = None  # years its roles span (people), open end as 2100

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "type": self.type, "name": self.name, "name_ru": self.name_ru,
                "name_en": self.name_en, "wikidata": self.wikidata, "names": self.names}


@dataclass(slots=True)
class _Name:
    entity: str
    keys: tuple[frozenset[str], ...]  # per word, the keys it may appear under
    shape: tuple[str, ...]  # per word: "upper" (abbreviation), "title" or "lower"
    ambiguous: bool


@lru_cache(maxsize=_MAX_CACHED)
def fold(word: str) -> str:
    """Lowercase and unvoice the last letter, so alternating stems compare equal; an
    abbreviation does not alternate (ОАК-тың), so ОАК and ОАГ stay apart (memoized: a name's
    candidates fold the same tokens again and again)."""
    low = word.lower()
    if len(word) > 1 and word.isupper():
        return low
    return low[:-1] + low[-1].translate(_UNVOICE) if low else low


@lru_cache(maxsize=200_000)
def word_keys(norm: str) -> frozenset[str]:
    """Keys of one normalized word: the word itself and its most likely lemmas, folded."""
    keys = {fold(norm)}
    stem, hyphen, _ = norm.partition("-")
    stem = stem.rstrip()  # «Екатерина II -нің»: a space typed before the hyphenated ending
    if hyphen and (stem.isupper() or stem[:1].isdigit()):
        keys.add(fold(stem))
    if len(stem) > 1 and stem.isupper():
        return frozenset(keys)  # an abbreviation takes its endings after a hyphen: БҰҰЕ is not БҰҰ-е
    fixed = _respelled(norm)
    if fixed:
        keys |= word_keys(fixed)
    verbal = verbal_tags()
    for a in analyze(norm)[:_CANDIDATES]:
        # a reading that leaves a stub (Жарғы → жа) would make unrelated names meet, and a name
        # is no verb form («Бұрындық» read as «бұрын-дық», we were before, would meet «Бұрынғы»)
        # (the attributive -ғы after a possessive locative is five letters on a short stem:
        # «облысындағы» → облыс, so it counts when the stem keeps four letters)
        long_enough = 2 * len(a.lemma) >= len(norm) or len(a.lemma) >= 4 and "ATTR" in a.tags
        if len(a.lemma) >= 3 and long_enough and not verbal.intersection(a.tags):
            keys.add(fold(a.lemma))
    return frozenset(k for k in keys if k)


# readings a gazetteer row's own last word cannot have: a row is written in the nominative, so a
# case or a 1st/2nd-person possessive read into it is a misreading («Тілеуберді» as тілеубер + ACC,
# «Көшім» as көш + POSS.1SG) whose stub would let unrelated words meet the name («Тілеуберген»,
# «Көшпенділер»); the 3rd-person possessive of a compound's head stays («Алатауы», «кеңесі»)
ROW_CASES = frozenset(CASES)


def row_keys(norm: str) -> frozenset[str]:
    """``word_keys`` of the last word of a gazetteer name, without the lemmas only a reading with
    a case or a 1st/2nd-person possessive gives."""
    keys = word_keys(norm)
    right, wrong = {fold(norm)}, set()
    verbal = verbal_tags()
    for a in analyze(norm)[:_CANDIDATES]:
        if verbal.intersection(a.tags):
            continue  # word_keys takes no verb form either
        misread = bool(ROW_CASES.intersection(a.tags)) or any(t.startswith(("POSS.1", "POSS.2")) for t in a.tags)
        (wrong if misread else right).add(fold(a.lemma))
    return keys - (wrong - right)


@lru_cache(maxsize=50_000)
def short_stems(norm: str) -> frozenset[str]:
    """Lemmas of a lowercase word too short against its endings for ``word_keys`` («жолында» →
    жол): safe only as the last word of a name of several words («Ұлы Жібек жолында»), whose
    earlier words already matched, so no stub can make two unrelated one-word names meet."""
    verbal = verbal_tags()
    return frozenset(fold(a.lemma) for a in analyze(norm)[:_CANDIDATES]
                     if len(a.lemma) >= 3 and not verbal.intersection(a.tags))


@cache
def _misspellings() -> tuple[tuple[str, str], ...]:
    return tuple((r["misspelled"], r["correct"]) for r in load_tsv("misspelled_stems.tsv", "derek.extract"))


def _respelled(norm: str) -> str | None:
    """«келсіміне» → «келісіміне»: the word with a commonly misspelled stem corrected."""
    low = norm.lower()
    return next((right + low[len(wrong):] for wrong, right in _misspellings() if low.startswith(wrong)), None)


@cache
def _noun_endings() -> tuple[str, ...]:
    return tuple(sorted({r["suffix"] for r in load_tsv("noun_suffixes.tsv")}, key=len, reverse=True))


# noun-ending categories that mark a case: Kazakh stacks no case on a case, only the attributive
# -ғы/-гі after the locative («Мадридтегі»); «Арыстанға» is no Арыс + -тан + -ға
CASE_ENDINGS = frozenset({"genitive", "dative", "accusative", "locative", "ablative", "instrumental",
                          "equative"})


def name_stems(norm: str, known: frozenset[str] | set[str], depth: int = 3, outer: str | None = None) -> set[str]:
    """Stems of a capitalized word that are names the gazetteer knows: «Мадридте» → мадрид.

    The analyzer cannot know every foreign name; the gazetteer can, so noun endings are
    stripped until a known name is left (at most three endings, a stem of three letters or more).
    ``outer`` is the category of the ending already stripped after this one: a case ending is
    stripped only when no case ending follows it (the word's grammar, not a stub that fits).
    """
    found: set[str] = set()
    low = norm.lower()
    categories = _ending_categories()
    for ending in _noun_endings():
        stem = low[: -len(ending)]
        category = categories[ending]
        if low.endswith(ending) and len(stem) >= 3 and not (category in CASE_ENDINGS and outer in CASE_ENDINGS):
            if fold(stem) in known:
                found.add(fold(stem))
            if depth > 1:
                found |= name_stems(stem, known, depth - 1, category)
    return found


def _shape(word: str) -> str:
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    return "title" if letters and letters[0].isupper() else "lower"


def _token_fits(tok: Token, shape: str) -> bool:
    """A capitalized name needs a capitalized word; an abbreviation needs capitals too."""
    return _fits(tok.norm, shape)


_LOWER_LATER = frozenset({"organization", "body"})


@lru_cache(maxsize=_MAX_CACHED)
def _fits(norm: str, shape: str) -> bool:
    stem = norm.partition("-")[0]
    if shape == "upper":
        return stem.isupper()
    if shape == "title":
        return stem[:1].isupper()
    return True


class Gazetteer:
    """All entities with an index from the first word's keys to the names starting with it."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self.index: dict[str, list[_Name]] = {}
        self.last_words: set[str] = set()  # keys a name's last word can have
        self._keys: dict[str, frozenset[str]] = {}
        self._starts: dict[str, list[_Name]] = {}  # memo of starting_names()
        for entry in entries.values():
            for raw in entry.names:
                self._add_name(entry.id, raw)
        for names in self.index.values():
            names.sort(key=lambda n: (-len(n.keys), n.ambiguous))

    def keys(self, norm: str) -> frozenset[str]:
        """word_keys, plus for capitalized words the gazetteer-guided stems."""
        found = self._keys.get(norm)
        if found is None:
            if len(self._keys) >= _MAX_CACHED:  # a long archive's vocabulary must not grow memory
                self._keys.clear()
            found = word_keys(norm)
            # Мадридте, Нью-Йоркте; not БҰҰ-ның (an abbreviation's hyphen parts off its ending)
            if norm[:1].isupper() and norm.rpartition("-")[2][:1].isupper() and not norm.isupper():
                found = found | name_stems(norm, self.last_words)
            self._keys[norm] = found
        return found

    def _add_name(self, entity: str, raw: str) -> None:
        ambiguous = raw.startswith("~")
        words = [t for t in tokenize(raw.lstrip("~")) if t.norm not in (",", "(", ")")]
        if not words:
            return
        keys = tuple(row_keys(t.norm) if i == len(words) - 1 else frozenset({fold(t.norm)})
                     for i, t in enumerate(words))
        shapes = tuple(_shape(t.norm) for t in words)
        if self.entries[entity].type in _LOWER_LATER and len(shapes) > 1:
            # «Жоғарғы кеңестің», «Қауіпсіздік кеңесі»: Kazakh writes a body's later words in lower
            # case as often as not; its first word stays capitalized
            shapes = shapes[:1] + tuple("lower" if sh == "title" else sh for sh in shapes[1:])
        name = _Name(entity, keys, shapes, ambiguous)
        for key in keys[0]:
            self.index.setdefault(key, []).append(name)
        self.last_words |= keys[-1]

    def match(self, tokens: Sequence[Token], skip: set[int] = frozenset()) -> list[tuple[int, int, str, str]]:
        """Longest matches, left to right: (first token, last token + 1, entity id, case)."""
        found: list[tuple[int, int, str, str]] = []
        starts = self._starts
        i = 0
        while i < len(tokens):
            if starts.get(tokens[i].norm) == []:  # a form known to start no name (most words)
                i += 1
                continue
            best = None if i in skip else self._match_at(tokens, i, skip)
            if best:
                found.append(best)
                i = best[1]
            else:
                i += 1
        return found

    def starting_names(self, norm: str) -> list[_Name]:
        """The names whose first word a token of this form may be (memoized per form)."""
        found = self._starts.get(norm)
        if found is None:
            if len(self._starts) >= _MAX_CACHED:
                self._starts.clear()
            found = self._starts[norm] = []
            for key in self.keys(norm) | {fold(norm)}:
                found.extend(self.index.get(key, ()))
        return found

    def _match_at(self, tokens: Sequence[Token], i: int, skip: set[int]) -> tuple[int, int, str, str] | None:
        candidates = self.starting_names(tokens[i].norm)
        best: _Name | None = None
        best_rank = (0, 0, False)
        for name in candidates:
            n = len(name.keys)
            if i + n > len(tokens) or skip and not skip.isdisjoint(range(i, i + n)):
                continue
            if best and _rank(name, tokens[i + n - 1]) <= best_rank:
                continue
            if all(self._word_matches(tokens[i + k], name.keys[k], name.shape[k], k == n - 1, n > 1)
                   for k in range(n)):
                best, best_rank = name, _rank(name, tokens[i + n - 1])
        if best is None or best.ambiguous and self._only_ambiguous(best, candidates):
            return None
        last = tokens[i + len(best.keys) - 1]
        return i, i + len(best.keys), best.entity, case_of(last.norm, best.keys[-1])

    def readings(self, tokens: Sequence[Token], a: int, b: int) -> list[str]:
        """Every entity a name of which spans ``tokens[a:b]`` the way a match does: the matched one
        and those sharing its words («Қонаев»: the city, and the person marked ~)."""
        n = b - a
        return list(dict.fromkeys(
            name.entity for name in self.starting_names(tokens[a].norm)
            if len(name.keys) == n and all(self._word_matches(tokens[a + k], name.keys[k], name.shape[k],
                                                              k == n - 1, n > 1) for k in range(n))))

    def _word_matches(self, tok: Token, keys: frozenset[str], shape: str, last: bool, inside: bool = False) -> bool:
        """``inside``: the word closes a name of several words, whose earlier words already met."""
        if not _token_fits(tok, shape):
            return False
        if not last:
            return fold(tok.norm) in keys
        if not keys.isdisjoint(self.keys(tok.norm)):
            return True
        return inside and tok.norm.islower() and not keys.isdisjoint(short_stems(tok.norm))

    @staticmethod
    def _only_ambiguous(best: _Name, candidates: list[_Name]) -> bool:
        """A name marked ~ that several entities share links only if one reading is unmarked."""
        return not any(c.keys == best.keys and not c.ambiguous for c in candidates)


_CATEGORY_CASE = {"genitive": "GEN", "dative": "DAT", "accusative": "ACC", "locative": "LOC",
                  "ablative": "ABL", "instrumental": "INS", "attributive": "ATTR"}


def _rank(name: _Name, last: Token) -> tuple[int, int, bool]:
    """Longer names first; then a name whose last word is the whole token (БҰҰ-әйелдер is not
    БҰҰ + suffix), then its hyphen stem; then an unmarked reading over one marked ambiguous."""
    keys = name.keys[-1]
    exact = 2 if fold(last.norm) in keys else 1 if fold(last.norm.partition("-")[0]) in keys else 0
    return len(name.keys), exact, not name.ambiguous


def case_of(norm: str, keys: frozenset[str] = frozenset()) -> str:
    """The case of a word, read from the analysis whose lemma is the name that matched, or
    from the ending left after a gazetteer-guided stem (Мадридте: -те, locative)."""
    analyses = analyze(norm)[:_CANDIDATES]
    if fold(norm) in keys and "-" not in norm:
        return "NOM"
    # a name is no verb: «Таиландты» read as a past verb «Таиланд-ты» is the accusative, and so
    # is «Колбинді» read as a capitalized past form
    verbal = verbal_tags()
    chosen = next((a for a in analyses if fold(a.lemma) in keys and a.pos not in ("VERB", "AUX")
                   and not verbal.intersection(a.tags)), None)
    if chosen is None:
        stem = next((k for k in sorted(keys, key=len, reverse=True) if fold(norm[: len(k)]) == k), None)
        if stem is not None and ("-" not in norm or len(stem) > len(norm.partition("-")[0])):
            return _ending_case(norm.lower()[len(stem):])
        chosen = analyses[0] if analyses else None
    if chosen is None:
        return "NOM"
    return next((tag for tag in reversed(chosen.tags) if tag in CASES), "NOM")


@cache
def _ending_categories() -> dict[str, str]:
    return {r["suffix"]: r["category"] for r in load_tsv("noun_suffixes.tsv")}


def _ending_case(ending: str) -> str:
    """The case the last noun ending of ``ending`` marks (NOM when none does)."""
    for suffix in _noun_endings():
        if ending.endswith(suffix):
            return _CATEGORY_CASE.get(_ending_categories()[suffix], "NOM")
    return "NOM"




@cache
def gazetteer_digest() -> str:
    """A hash of the gazetteer files, so a knowledge base knows when to reload them."""
    import hashlib

    digest = hashlib.sha256()
    for kind in FILES:
        for row in load_tsv(f"gazetteer_{kind}.tsv"):
            digest.update(repr(sorted(row.items())).encode("utf-8"))
    return digest.hexdigest()[:16]


def role_period(roles: str) -> tuple[int, int] | None:
    """The years a person's roles span («khan:state:bokei-horde:1823/1845|…»; «2019/» is open)."""
    years = [(int(a), int(b) if b else 2100) for a, b in re.findall(r":(\d{4})/(\d{4})?(?:\||$)", roles)]
    return (min(a for a, _ in years), max(b for _, b in years)) if years else None


@cache
def load_gazetteer() -> Gazetteer:
    entries: dict[str, Entry] = {}
    for kind in FILES:
        for row in load_tsv(f"gazetteer_{kind}.tsv"):
            entry = Entry(
                id=row["id"], type=row["type"], name=row["name_kk"], name_ru=row.get("name_ru", ""),
                name_en=row.get("name_en", ""), wikidata=row.get("wikidata") or None,
                parent=row.get("parent") or None, short=row.get("short_kk", ""),
                period=role_period(row.get("roles", "")),
            )
            names = [row["name_kk"], row.get("short_kk", ""), row.get("name_ru", ""), row.get("name_en", "")]
            names += row.get("aliases", "").split("|")
            entry.names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
            entries[entry.id] = entry
    return Gazetteer(entries)
