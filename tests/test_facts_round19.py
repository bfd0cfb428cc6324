"""Session 19: the carried subject — a definition's headword («X — …») owns the figures and
events of the subjectless sentences after it in its paragraph, a sentence-final participle
(«… орналасқан.») is a predicate that takes a carried subject, a height before a participle
phrase closed by a parenthesised name is that name's, and «…, оның N – …» parts of a figure are
its owner's. Own sentences."""

from __future__ import annotations

import pytest

import derek


def _facts(text: str) -> set[tuple[str, str, str | None, str | None, str | None]]:
    return {(f.subject, f.predicate, f.object, f.value, f.time) for f in derek.analyze(text).facts}


def _quantities(text: str) -> set[tuple[str, str]]:
    return {(f.subject, f.value) for f in derek.analyze(text).facts if f.predicate == "quantity"}


HEADWORD_FIGURES = [
    ("Сарыарқа – Қазақстанның орталығындағы кең өлке. Оңтүстіктен солтүстікке дейін ұзындығы 900 км.",
     {("place:saryarka", "900 km")}),
    # a parenthesis of other spellings may stand between the headword and its dash
    ("Квебек (Québec) — Канаданың ірі провинциясы. Провинция халқының 80 %-ы француз тілінде сөйлейді.",
     {("place:quebec", "80 percent")}),
    # a line break ends the paragraph the headword is carried through
    ("Сарыарқа – Қазақстанның орталығындағы кең өлке.\nОңтүстіктен солтүстікке дейін ұзындығы 900 км.",
     set()),
    # a sentence opening with another nominative name ends the headword
    ("Сарыарқа – кең өлке. Ұлытау ежелгі тау жүйесі болып табылады. Ұзындығы 300 км.", set()),
    # a name before the figure owns it, not the headword
    (("Сарыарқа – кең өлке. Оңтүстік бөлігі 1403 метр (Қарқаралы таулары) мен 1500 метрге жететін биік "
      "шыңына (Ақсораң тауы) дейін көтеріледі."),
     {("place:karkaraly-mountains", "1403 m"), ("place:aksorang", "1500 m")}),
]


@pytest.mark.parametrize(("text", "expected"), HEADWORD_FIGURES)
def test_facts_round19_headword_figures(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


HEADWORD_EVENTS = [
    ("Балқашмыс — ірі кәсіпорын. Бертіс шығанағында орналасқан.",
     ("org:balkhashmys", "operates_in", "place:bertys-bay", None, None), True),
    ("Омбы кадет корпусы – ескі оқу орны. 1813 жылы негізі қаланған.",
     ("org:omsk-cadet-corps", "founded_on", None, None, "1813"), True),
    # a new paragraph: the headword is not carried
    ("Балқашмыс — ірі кәсіпорын.\nБертіс шығанағында орналасқан.",
     ("org:balkhashmys", "operates_in", "place:bertys-bay", None, None), False),
    # a new named subject in between: the founding is the UN's, not the company's
    ("Балқашмыс — ірі кәсіпорын. БҰҰ 1945 жылы құрылды. Содан кейін 1950 жылы құрылды.",
     ("org:balkhashmys", "founded_on", None, None, "1950"), False),
    # a participle that qualifies the noun after it states nothing of the headword
    ("Балқашмыс — ірі кәсіпорын. 1938 жылы құрылған зауыт жұмыс істейді.",
     ("org:balkhashmys", "founded_on", None, None, "1938"), False),
]


@pytest.mark.parametrize(("text", "fact", "found"), HEADWORD_EVENTS)
def test_facts_round19_headword_events(text: str, fact: tuple, found: bool) -> None:
    assert (fact in _facts(text)) is found


PARTS = [
    ("2000-2010 жылдарда Семей сынақ полигонында 300 жарылыс болды, оның 20 – жер үстінде, 80 – ауада жасалды.",
     {("place:semipalatinsk-test-site", "300"), ("place:semipalatinsk-test-site", "20"),
      ("place:semipalatinsk-test-site", "80")}),
    # no «N – where» list: «оның 5-і Алматыда» is left alone
    ("Қазақстанда 15 университет бар, оның 5-і Алматыда.", {("state:kz", "15")}),
    # «Оның» opening the next sentence is no part of this sentence's figure
    ("Мыстың қоры 9 млрд. т. Оның 60 % мөлшерін үш кен орны береді.", set()),
]


@pytest.mark.parametrize(("text", "expected"), PARTS)
def test_facts_round19_parts(text: str, expected: set[tuple[str, str]]) -> None:
    assert _quantities(text) == expected


def test_facts_round19_parts_keep_time() -> None:
    facts = derek.analyze(PARTS[0][0]).facts
    assert {f.time for f in facts if f.predicate == "quantity"} == {"2000/2010"}
