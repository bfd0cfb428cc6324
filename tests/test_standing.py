"""One line per (member, organization): status now, since, until, every sentence behind it —
the rows of entity cards (`derek entity`, /entity) and of the web's membership table."""

from __future__ import annotations

import pytest

import derek
from derek.query.standing import standing
from derek.web.views import membership_table
from tests.conftest import kb_of_texts


def fact(fid: int, subject: str, predicate: str, obj: str, *times: str | None) -> dict:
    """A fact record as list_facts gives it, one source per time (None: the source gives none)."""
    return {"id": fid, "subject": {"id": subject, "name": subject}, "predicate": predicate,
            "object": {"id": obj, "name": obj}, "time": next((t for t in times if t), None),
            "sources": [{"doc": "a.txt", "start": 10 * fid + i, "end": 10 * fid + i + 5, "time": t}
                        for i, t in enumerate(times)]}


ROWS = [  # (facts, (status, since, until, left)) for the one pair they state
    # the latest dated statement gives the status: a member from 1991, an associate from 2005
    ([fact(1, "tm", "member_of", "cis", "1991"), fact(2, "tm", "associate_member_of", "cis", "2005-08")],
     ("associate_member_of", "2005-08", None, False)),
    # partner, observer, then a member: the member, since its own date
    ([fact(1, "by", "dialogue_partner_of", "sco", None), fact(2, "by", "observer_of", "sco", "2015"),
      fact(3, "by", "member_of", "sco", "2024-07-04")], ("member_of", "2024-07-04", None, False)),
    # nothing dated: the strongest statement
    ([fact(1, "af", "dialogue_partner_of", "sco", None), fact(2, "af", "observer_of", "sco", None)],
     ("observer_of", None, None, False)),
    # a founder also listed as «мүше болды» with a date is a founder since that date
    ([fact(1, "kz", "founding_member_of", "sco", None), fact(2, "kz", "member_of", "sco", "2001")],
     ("founding_member_of", "2001", None, False)),
    # a joining makes a member; leaving later ends it
    ([fact(1, "ge", "joined", "cis", "1993-12"), fact(2, "ge", "withdrew_from", "cis", "2009-08-18", "2008")],
     ("member_of", "1993-12", "2009-08-18", True)),
    # two sources against one on when it left: the two win
    ([fact(1, "ge", "joined", "cis", "1993"), fact(2, "ge", "withdrew_from", "cis", "2008", "2009", "2009-08-18")],
     ("member_of", "1993", "2009-08-18", True)),
    # left before the stated start: it came back, and belongs now
    ([fact(1, "mg", "withdrew_from", "un", "1990"), fact(2, "mg", "member_of", "un", "1995")],
     ("member_of", "1995", None, False)),
]


@pytest.mark.parametrize(("facts", "expected"), ROWS)
def test_standing_one_row_per_pair(facts: list[dict], expected: tuple) -> None:
    [row] = standing(facts)
    assert (row["status"], row["since"], row["until"], row["left"]) == expected
    cited = {(s["start"], s["end"]) for s in row["sources"]}
    assert len(cited) == len(row["sources"])  # each sentence once
    assert set(row["facts"]) <= {f["id"] for f in facts}


def test_standing_withdrawal_alone_is_no_row() -> None:
    assert standing([fact(1, "ge", "withdrew_from", "cis", "2009")]) == []


def test_standing_founder_starts_at_the_founding_and_cites_it() -> None:
    founded = {"sco": fact(9, "sco", "founded_on", "sco", "2001-06-15") | {"object": None}}
    [row] = standing([fact(1, "kz", "founding_member_of", "sco", None)], founded)
    assert row["since"] == "2001-06-15" and row["facts"] == [1, 9] and len(row["sources"]) == 2
    assert row["label"] == "негізін қалаушы мүшесі"


TEXTS = {"standing.txt": (
    "Шанхай ынтымақтастық ұйымы 2001 жылғы 15 маусымда құрылды. Ұйымның негізін қалаушы мүшелері – "
    "Қазақстан, Қытай, Қырғызстан, Ресей, Тәжікстан және Өзбекстан. 2017 жылы Үндістан мен Пәкістан "
    "ШЫҰ-ға мүше болды.\n"
    "Түрікменстан 1991 жылы ТМД-ға мүше болды. 2005 жылы Түрікменстан ТМД-ның қауымдастырылған мүшесі болды.\n"
    "Грузия 1993 жылы ТМД-ға қосылды. 2009 жылы Грузия Достастықтан шықты.\n")}


@pytest.fixture(scope="module")
def standing_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("standing"), TEXTS)) as store:
        yield store


def test_standing_card_roster_and_memberships(standing_kb) -> None:
    roster = standing_kb.entity("ШЫҰ-ның")["roster"]
    assert [(r["member"]["id"], r["status"], r["since"]) for r in roster][:2] == [
        ("state:kz", "founding_member_of", "2001-06-15"), ("state:kg", "founding_member_of", "2001-06-15")]
    assert {r["member"]["id"] for r in roster if r["since"] == "2017"} == {"state:in", "state:pk"}
    text = TEXTS["standing.txt"]
    assert all(text[s["start"]:s["end"]] == s["text"] for r in roster for s in r["sources"])
    cis = {r["organization"]["id"]: r for r in standing_kb.entity("Грузия")["belongs_to"]}["org:cis"]
    assert (cis["since"], cis["until"], cis["left"]) == ("1993", "2009", True)
    # the raw facts stay in the card as before
    assert any(f["predicate"] == "withdrew_from" for f in standing_kb.entity("Грузия")["memberships"])


def test_standing_membership_table_cells(standing_kb) -> None:
    cells = {(c["state"], c["organization"]): c for c in membership_table(standing_kb)["cells"]}
    assert (cells["state:tm", "org:cis"]["role"], cells["state:tm", "org:cis"]["since"]) == ("associate", "2005")
    assert (cells["state:ge", "org:cis"]["role"], cells["state:ge", "org:cis"]["since"]) == ("former", "2009")
    assert cells["state:uz", "org:sco"]["role_kk"] == "мүше"


def test_standing_cli_card(standing_kb, runner) -> None:
    from derek.cli import main

    result = runner.invoke(main, ["entity", "Достастық", "--db", str(standing_kb.path)])
    assert result.exit_code == 0, result.output
    assert "1993 – 2009  Грузия  мүшесі (шықты)" in result.output
    assert "2005  Түрікменстан  қауымдастырылған мүшесі" in result.output


STATUS_QUESTIONS = [  # (question, answer): the asked pair's standing line, in the nominative
    ("Түрікменстанның ТМД-дағы мәртебесі қандай?", "қауымдастырылған мүше"),
    ("Грузия Достастықта қандай мәртебеге ие?", "бұрынғы мүше"),
    ("Өзбекстанның ШЫҰ-дағы мәртебесі қандай?", "негізін қалаушы мүше"),
    ("Үндістан ШЫҰ-да қандай мәртебеге ие?", "мүше"),
    ("Жапония ШЫҰ-да қандай мәртебеге ие?", None),  # no fact: no answer, never «not a member»
    ("Түрікменстан ТМД-ның толық мүшесі ме?", "Жоқ (қауымдастырылған мүше, 2005 жылдан)"),  # yes/no as before
]


@pytest.mark.parametrize(("question", "answer"), STATUS_QUESTIONS)
def test_standing_status_questions(standing_kb, question: str, answer: str | None) -> None:
    found = standing_kb.ask(question)
    assert found.answer == answer
    if answer:
        assert found.method == "facts" and found.sources
        text = TEXTS["standing.txt"]
        assert all(text[s["start"]:s["end"]] == s["text"] for s in found.sources)
