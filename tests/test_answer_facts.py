"""Answers from facts (derek.query.answer_facts), on sentences written for these tests: a post's
fact answers «қандай қызмет атқарды» with the post, and a date question only about that post
(«министрлігінің басшылығына» asks about a «министр»)."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.query.answer_facts import _as_written, _time_slot, _title_fits
from derek.query.ask import ask
from derek.query.question import analyze_question

TEXT = ("Марат Тәжин 2007 жылдың қаңтарында сыртқы істер министрі болып тағайындалды. "
        "Марат Тәжин 2009–2011 жылдары Мемлекеттік хатшы болды.")

POSTS = [  # (question, answer, value)
    ("Тәжин 2009–2011 жылдары қандай қызмет атқарды?", "хатшы", "хатшы"),
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "2007 жылғы қаңтар", "2007-01"),
]


@pytest.fixture(scope="module")
def posts_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("posts"), {"posts.txt": TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "answer", "value"), POSTS)
def test_answer_facts_post_held(posts_kb, question: str, answer: str, value: str) -> None:
    found = ask(posts_kb.db, question)
    assert (found.answer, found.value, found.method) == (answer, value, "facts")
    assert found.sources


TITLES = [  # (question, the fact's post, does the fact answer?)
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "сыртқы істер министрі", True),
    ("Тәжин Сыртқы істер министрлігінің басшылығына қай айда келді?", "хатшы", False),
    ("Тәжин қай жылы елші болып тағайындалды?", "елші", True),
    ("Тәжин 2009–2011 жылдары қандай қызмет атқарды?", "хатшы", True),  # the post is what is asked
]


@pytest.mark.parametrize(("question", "post", "fits"), TITLES)
def test_answer_facts_post_fact_answers_only_about_its_post(question: str, post: str, fits: bool) -> None:
    fact = {"predicate": "appointed_as", "value": post}
    assert _title_fits(fact, analyze_question(question)) is fits


MONTHS = [("1994-10", ("1994 жылғы қазан", "1994-10")), ("1994-10-05", ("1994 жылғы қазан", "1994-10")),
          ("2009/2011", None), ("2009", None)]  # a year or a span of years names no month


@pytest.mark.parametrize(("time", "slot"), MONTHS)
def test_answer_facts_month_slot(time: str, slot: tuple[str, str] | None) -> None:
    assert _time_slot(time, "month") == slot


MEMBERS_TEXT = ("Әзербайжан 1993 жылы ТМД-ға қосылды. Молдова 1994 жылы ТМД-ға қосылды. "
                "Грузия 1993 жылы ТМД-ға қосылды. Грузия 2009 жылы ТМД-дан шықты.")

MEMBERS = [  # (question, member ids): a state that left after joining is no member now
    ("ТМД-ға қандай мемлекеттер мүше?", ["state:az", "state:md"]),
    ("1993 жылы ТМД-ға қандай мемлекеттер қосылды?", ["state:az", "state:ge"]),  # then, it was
]


@pytest.fixture(scope="module")
def members_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("members"), {"members.txt": MEMBERS_TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "members"), MEMBERS)
def test_answer_facts_members_who_left_are_no_members(members_kb, question: str, members: list[str]) -> None:
    found = ask(members_kb.db, question)
    assert (found.value, found.method) == (members, "facts")


WRITTEN = [  # (value, source sentence, the value as the source writes it)
    ("премьер-министр", "Ол 1999–2002 жылдары Премьер-Министр болды.", "Премьер-Министр"),
    ("қр бұұ жанындағы тұрақты өкілі", "Ол ҚР БҰҰ жанындағы бірінші тұрақты өкілі болды.",
     "ҚР БҰҰ жанындағы тұрақты өкілі"),  # a rank word stood between: word by word
]


@pytest.mark.parametrize(("value", "text", "written"), WRITTEN)
def test_answer_facts_value_as_written(value: str, text: str, written: str) -> None:
    assert _as_written({"value": value, "sources": [{"text": text}]}) == written


RENAMED = {  # an organization under its earlier name, renamed in the same text
    "kenes.txt": "Қазақстан Еуропадағы қауіпсіздік және ынтымақтастық кеңесіне 1992 жылғы 30 қаңтарда "
                 "қосылды. 1995 жылғы 1 қаңтардан бастап кеңес Еуропадағы қауіпсіздік және ынтымақтастық "
                 "ұйымы (ЕҚЫҰ) деп аталады.",
    "bestik.txt": "Қырғызстан 1996 жылы Шанхай бестігіне қосылды. 2001 жылдан бастап Шанхай бестігі "
                  "Шанхай ынтымақтастық ұйымы деп аталады.",
    # the trigger of «мүшелікке қабылданды», but no joining stated: it must not outrank the facts
    "sheshim.txt": "2010 жылы Алматыда өткен ЕҚЫҰ кездесуінде Қазақстанда саммит өткізу туралы шешім қабылданды.",
}
EARLIER_NAMES = [  # (question, answer, value, sources quoted)
    ("Қазақстан ЕҚЫҰ-ға қашан қосылды?", "1992 жылғы 30 қаңтар", "1992-01-30", 2),
    ("Қазақстан ЕҚЫҰ-ға қашан кірді?", "1992 жылғы 30 қаңтар", "1992-01-30", 2),
    ("Қазақстан ЕҚЫҰ-ға мүше ме?", "Иә", "yes", 2),
    ("Қырғызстан ШЫҰ-ға қашан қосылды?", "1996 жыл", "1996", 2),
]


@pytest.fixture(scope="module")
def renamed_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("renamed"), RENAMED)) as store:
        yield store


@pytest.mark.parametrize(("question", "answer", "value", "quoted"), EARLIER_NAMES)
def test_answer_facts_reach_an_organization_under_its_earlier_name(renamed_kb, question: str, answer: str,
                                                                   value: str, quoted: int) -> None:
    found = ask(renamed_kb.db, question)
    assert (found.answer, found.value, found.method) == (answer, value, "facts")
    # the fact's sentence and the renaming's: the quote shows why the earlier name is the asked one
    assert len(found.sources) == quoted and any("деп аталады" in s["text"] for s in found.sources)
    assert "same_as" not in found.to_dict()


SIGNERS_TEXT = ("2018 жылғы 12 тамызда Ақтауда Қазақстан, Әзербайжан, Иран, Ресей және Түрікменстан "
                "Каспий теңізінің құқықтық мәртебесі туралы конвенцияға қол қойды.")
CASPIAN = ["state:az", "state:ir", "state:kz", "state:ru", "state:tm"]
SIGNERS = [  # (question, answer type, values): «кім» of an act the facts know states did
    ("Каспий теңізінің құқықтық мәртебесі туралы конвенцияға кім қол қойды?", "states", CASPIAN),
    ("Каспий конвенциясына кімдер қол қойды?", "states", CASPIAN),
]


@pytest.fixture(scope="module")
def signers_kb(tmp_path_factory):
    with derek.open(kb_of_texts(tmp_path_factory.mktemp("signers"), {"su.txt": SIGNERS_TEXT})) as store:
        yield store


@pytest.mark.parametrize(("question", "answer_type", "values"), SIGNERS)
def test_answer_facts_who_signed_is_the_states_the_facts_know(signers_kb, question: str, answer_type: str,
                                                             values: list[str]) -> None:
    found = ask(signers_kb.db, question)
    assert (found.answer_type, found.value, found.method) == (answer_type, values, "facts")
    assert found.sources and all(s["text"] == SIGNERS_TEXT for s in found.sources)


def test_entity_card_lists_earlier_names_and_their_members(renamed_kb) -> None:
    from derek.query.cards import entity_card

    card = entity_card(renamed_kb.db, "ЕҚЫҰ-ның")
    assert [(old["id"], old["until"]) for old in card["earlier_names"]] == [("org:csce", "1995-01-01")]
    assert "деп аталады" in card["earlier_names"][0]["sources"][0]["text"]
    joined = [(f["subject"]["id"], f["predicate"], f["object"]["id"], f["time"]) for f in card["members"]]
    assert ("state:kz", "joined", "org:csce", "1992-01-30") in joined
    # the earlier name's own card does not claim the later name's facts
    assert entity_card(renamed_kb.db, "org:csce")["earlier_names"] == []


LISTS_BY_PRESENT_NAME = [  # (question, values): a list names an organization by its present name
    ("Қазақстан қай ұйымдарға мүше?", ["org:osce"]),
    ("Қырғызстан қандай ұйымдарға қосылды?", ["org:sco"]),
]


@pytest.mark.parametrize(("question", "values"), LISTS_BY_PRESENT_NAME)
def test_answer_facts_organizations_listed_by_their_present_name(renamed_kb, question: str,
                                                                 values: list[str]) -> None:
    assert analyze_question(question).answer_type == "organizations"
    found = ask(renamed_kb.db, question)
    assert (found.value, found.method) == (values, "facts")
    assert any("деп аталады" in s["text"] for s in found.sources)
