"""Shape and content checks for the gazetteer data files in derek/lang/kk/data."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest

from derek.lang.kk.resources import load_tsv

# file -> (id prefix, columns, allowed types)
FILES = {
    "gazetteer_states.tsv": (
        "state",
        ["id", "type", "name_kk", "short_kk", "name_ru", "name_en", "capital_kk", "wikidata",
         "aliases", "status"],
        {"state"},
    ),
    "gazetteer_orgs.tsv": (
        "org",
        ["id", "type", "name_kk", "short_kk", "name_ru", "name_en", "wikidata", "parent",
         "aliases"],
        {"organization", "body"},
    ),
    "gazetteer_treaties.tsv": (
        "treaty",
        ["id", "type", "name_kk", "name_ru", "name_en", "date", "wikidata", "aliases"],
        {"treaty"},
    ),
    "gazetteer_people.tsv": (
        "person",
        ["id", "type", "name_kk", "name_ru", "name_en", "wikidata", "roles", "aliases"],
        {"person"},
    ),
    "gazetteer_places.tsv": (
        "place",
        ["id", "type", "name_kk", "name_ru", "name_en", "wikidata", "parent", "aliases"],
        {"city", "region", "sea", "lake", "river", "mountain", "place"},
    ),
}
NAME_COLUMNS = ("name_kk", "short_kk", "name_ru", "name_en")
# An alias written ~X may be shared: a surface form may belong to several entities only if
# at most one of them holds it unmarked (that one is the default reading).
AMBIGUOUS = "~"
# Kazakh Cyrillic (42 letters), digits, space, hyphen, period, comma, slash, apostrophe; Latin I V X L C
# only as Roman numerals (XXI ғасыр).
KAZAKH_NAME = re.compile(r"^[А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9 .,/'\-]+$")
ROMAN = re.compile(r"\b[IVXLC]+\b")
TIMEX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERIOD = r"(\d{4}(/(\d{4})?)?)"
ROLE = re.compile(rf"^[a-z_]+:(state|org|place):[a-z0-9-]+(:{PERIOD})?$")
ID = re.compile(r"^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$")


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return load_tsv(name)


def _all_rows() -> list[dict[str, str]]:
    return [row for name in FILES for row in _rows(name)]


def _surfaces(row: dict[str, str]) -> list[tuple[str, bool]]:
    """Every name and alias of an entity as (casefolded text, marked ambiguous)."""
    out = [(row[c].casefold(), False) for c in NAME_COLUMNS if row.get(c)]
    for alias in filter(None, row["aliases"].split("|")):
        out.append((alias.lstrip(AMBIGUOUS).casefold(), alias.startswith(AMBIGUOUS)))
    return out


@pytest.mark.parametrize("name", sorted(FILES))
def test_gazetteer_data_header_and_cell_count(name: str) -> None:
    text = resources.files("derek.lang.kk").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    _, columns, _ = FILES[name]
    assert lines[0].split("\t") == columns
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        assert len(cells) == len(columns), f"{name} data row {number}: {len(cells)} cells"
        assert all(c == c.strip() for c in cells), f"{name} data row {number}: stray spaces"


@pytest.mark.parametrize("name", sorted(FILES))
def test_gazetteer_data_is_nfc(name: str) -> None:
    text = resources.files("derek.lang.kk").joinpath("data", name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text


@pytest.mark.parametrize("name", sorted(FILES))
def test_gazetteer_data_ids_types_and_wikidata(name: str) -> None:
    prefix, _, types = FILES[name]
    for row in _rows(name):
        assert ID.match(row["id"]), row["id"]
        assert row["id"].split(":")[0] == prefix, row["id"]
        assert row["type"] in types, row
        assert row["name_kk"], row["id"]
        assert row["wikidata"] == "" or re.fullmatch(r"Q\d+", row["wikidata"]), row["id"]


def test_gazetteer_data_ids_unique_across_files() -> None:
    ids = [row["id"] for row in _all_rows()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_gazetteer_data_wikidata_unique() -> None:
    owners = defaultdict(list)
    for row in _all_rows():
        if row["wikidata"]:
            owners[row["wikidata"]].append(row["id"])
    assert {q: ids for q, ids in owners.items() if len(ids) > 1} == {}


def test_gazetteer_data_kazakh_names_use_kazakh_letters() -> None:
    for row in _all_rows():
        for column in ("name_kk", "short_kk"):
            value = ROMAN.sub("", row.get(column, ""))
            assert value == "" or KAZAKH_NAME.match(value), (row["id"], row[column])


def test_gazetteer_data_no_shared_alias_unless_marked() -> None:
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for row in _all_rows():
        for text, marked in set(_surfaces(row)):
            owners[text].append((row["id"], marked))
    shared = {
        text: ids for text, ids in owners.items()
        if len({i for i, _ in ids}) > 1 and sum(not marked for _, marked in ids) > 1
    }
    assert shared == {}


def test_gazetteer_data_ambiguous_marks_are_really_shared() -> None:
    counts: dict[str, set[str]] = defaultdict(set)
    for row in _all_rows():
        for text, _ in _surfaces(row):
            counts[text].add(row["id"])
    for row in _all_rows():
        for text, marked in _surfaces(row):
            assert not marked or len(counts[text]) > 1, (row["id"], text)


def test_gazetteer_data_references_resolve() -> None:
    ids = {row["id"] for row in _all_rows()}
    for row in _all_rows():
        if row.get("parent"):
            assert row["parent"] in ids, (row["id"], row["parent"])
        for role in filter(None, row.get("roles", "").split("|")):
            assert ROLE.match(role), (row["id"], role)
            _, kind, key = role.split(":")[:3]
            assert f"{kind}:{key}" in ids, (row["id"], role)


def test_gazetteer_data_treaty_dates_are_timex() -> None:
    for row in _rows("gazetteer_treaties.tsv"):
        assert row["date"] == "" or TIMEX.match(row["date"]), (row["id"], row["date"])


def test_gazetteer_data_state_coverage() -> None:
    rows = _rows("gazetteer_states.tsv")
    status = defaultdict(list)
    for row in rows:
        status[row["status"]].append(row["id"])
    assert set(status) == {"un_member", "un_observer", "partially_recognized", "historic"}
    assert len(status["un_member"]) == 193
    assert sorted(status["un_observer"]) == ["state:ps", "state:va"]
    assert all(re.fullmatch(r"state:[a-z]{2}", i) for i in status["un_member"])


def test_gazetteer_data_minimum_sizes() -> None:
    assert len(_rows("gazetteer_orgs.tsv")) >= 80
    assert len(_rows("gazetteer_treaties.tsv")) >= 30


# (surface form as a text writes it, expected entity id)
LOOKUPS = [
    ("Қазақстан", "state:kz"),
    ("ҚР", "state:kz"),
    ("РФ", "state:ru"),
    ("АҚШ", "state:us"),
    ("ҚХР", "state:cn"),
    ("Ұлыбритания", "state:gb"),
    ("БАӘ", "state:ae"),
    ("КХДР", "state:kp"),
    ("Оңтүстік Корея", "state:kr"),
    ("Белоруссия", "state:by"),
    ("Түркіменстан", "state:tm"),
    ("Монғолия", "state:mn"),
    ("Азербайжан", "state:az"),
    ("Қырғыз Республикасы", "state:kg"),
    ("КСРО", "state:su"),
    ("Кеңестік Одақ", "state:su"),
    ("Жоңғар хандығы", "state:dzungar-khanate"),
    ("БҰҰ", "org:un"),
    ("ТМД", "org:cis"),
    ("Тәуелсіз Мемлекеттер Достастығы", "org:cis"),
    ("Достастық", "org:cis"),
    ("ЕЫҚҰ", "org:osce"),
    ("ОБСЕ", "org:osce"),
    ("СВМДА", "org:cica"),
    ("БҰҰДБ", "org:un-undp"),
    ("ПРООН", "org:un-undp"),
    ("Бас Ассамблея", "org:un-ga"),
    ("Түркі кеңесі", "org:ots"),
    ("Шанхай бестігі", "org:shanghai-five"),
    ("БҰҰ-әйелдер", "org:un-women"),
    ("Беловеж келісімі", "treaty:cis-agreement"),
    ("ДНЯО", "treaty:npt"),
    ("Семей шарты", "treaty:canwfz"),
    ("Н.Ә. Назарбаев", "person:nazarbayev"),
    ("Назарбаев", "person:nazarbayev"),
    ("Токаев", "person:tokayev"),
    ("Нұр-Сұлтан", "place:astana"),
    ("Целиноград", "place:astana"),
    ("Алма-Ата", "place:almaty"),
    ("Семипалатинск", "place:semey"),
    ("Беловеж тоғайы", "place:belovezhskaya-pushcha"),
]


def _index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for row in _all_rows():
        for text, _ in _surfaces(row):
            index[text].add(row["id"])
    return index


@pytest.mark.parametrize(("surface", "expected"), LOOKUPS)
def test_gazetteer_data_surface_names_one_entity(surface: str, expected: str) -> None:
    assert _index()[surface.casefold()] == {expected}
