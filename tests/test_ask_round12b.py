"""Session-12 round-2 fixes from the blind sets' dev halves: «Екі ел …» names the states of the
sentence before, a list after a colon answers a plural asked noun, and «A-лардың қайсылары … да
…?» keeps the set's list to what a second list holds (own sentences, not from the corpus or the
seeds)."""

from __future__ import annotations

import pytest
from conftest import kb_of_texts

import derek
from derek.pipeline import analyze
from derek.query.colon_lists import colon_list
from derek.query.intersect import split_question
from derek.query.passages import anaphoric, counted_reference, document_passages
from derek.query.question import analyze_question

# (the sentence's first words, whether they count entities named before)
COUNTED = [
    ("Екі ел Алтай тауларын", True),
    ("Үш мемлекет шартқа", True),
    ("Екі басшы кездесті", True),
    ("Екі жыл бұрын", False),  # a span of time, not entities
    ("Үш славян республикасының", False),  # the count's noun is not the next word
    ("Ресей мен Қытай", False),
]


@pytest.mark.parametrize(("text", "counted"), COUNTED)
def test_ask_round12b_counted_reference(text: str, counted: bool) -> None:
    assert counted_reference(text.split()) is counted
    assert anaphoric(text + " уағдаласты.") is counted


DOCS = {
    "a.txt": "Қазақстан Түркиямен сауда қатынастарын дамытады. "
             "Сол сияқты Моңғолия елімен де достық қатынастар нығайып келеді. "
             "Екі ел Алтай тауларын Қазақстанда Шығыс Сібірмен байланыстыратын көлік дәлізіне айналдыру туралы уағдаласты.",
    "b.txt": "Қазақстан Грузиямен байланыс орнатты. "
             "Екі жыл бойы Қазақстан Арал теңізін туристік аймаққа айналдыру туралы келіссөз жүргізді.",
    "c.txt": "Одақтың ұраны үш сөз болды: бірлік, еңбек және сенім. Одақ 2001 жылы құрылды.",
    "d.txt": "1995 жылы Ресей, Қытай, Жапония және Үндістан сияқты ядролық державалар Қазақстанға қауіпсіздік "
             "кепілдіктерін берді.",
    "e.txt": "2005 жылғы 4 наурызда Астанада Қазақстан, Ресей, Беларусь және Қытай Ертіс суы туралы шартқа қол қойды.",
}


@pytest.fixture(scope="module")
def kb_path(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("round12b"), DOCS)


# (question, the answer, or None: the state before is no antecedent without «Екі ел»)
TWO_STATES = [
    ("Қазақстан Алтай тауларын көлік дәлізіне айналдыру туралы қай елмен уағдаласты?", "Моңғолия"),
    ("Қазақстан Арал теңізін туристік аймаққа айналдыру туралы қай елмен келіссөз жүргізді?", None),
]


@pytest.mark.parametrize(("question", "name"), TWO_STATES)
def test_ask_round12b_two_states_named_before(kb_path, question: str, name: str | None) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(question)
    if name is None:
        assert answer.answer != "Грузия"
        return
    assert answer.answer == name and answer.sources[0]["doc"] == "a.txt"


# (sentence, question, the list, or None)
COLON_LISTS = [
    ("Одақтың ұраны үш сөз болды: бірлік, еңбек және сенім.", "Одақтың ұранындағы үш сөз қандай ұғымдарды білдірді?",
     "бірлік, еңбек және сенім"),
    ("Кеңестің міндеттері төртеу: бейбітшілік, сауда, білім мен мәдениет.", "Кеңестің қандай міндеттері бар?",
     "бейбітшілік, сауда, білім мен мәдениет"),
    # a singular asked noun asks for one thing
    ("Одақтың ұраны үш сөз болды: бірлік, еңбек және сенім.", "Одақтың ұранындағы үш сөз қандай ұғымды білдірді?",
     None),
    # the question's own word after the colon: the list is not the unknown part
    ("Одақтың ұраны үш сөз болды: бірлік, еңбек және одақ.", "Одақтың ұранындағы сөздер қандай ұғымдарды білдірді?",
     None),
    # no list after the colon
    ("Одақтың ұраны бір сөз болды: бірлік.", "Одақтың ұранындағы сөз қандай ұғымдарды білдірді?", None),
]


@pytest.mark.parametrize(("sentence", "question", "answer"), COLON_LISTS)
def test_ask_round12b_colon_list(sentence: str, question: str, answer: str | None) -> None:
    q = analyze_question(question)
    p = document_passages(analyze(sentence), "t", q)[0]
    found = colon_list(p, q)
    assert [c.answer for c in found] == ([answer] if answer else [])
    for c in found:
        assert p.text[c.start - p.start : c.end - p.start] == answer


def test_ask_round12b_colon_list_answers(kb_path) -> None:
    """The whole list, not its first item («бірлік»), which the description phrases also find."""
    with derek.open(kb_path) as kb:
        answer = kb.ask("Одақтың ұраны болған үш сөз қандай ұғымдар?")
    assert answer.answer == "бірлік, еңбек және сенім" and answer.sources[0]["doc"] == "c.txt"


# (question, the set and the filter asked apart, or None: no set to filter)
SPLITS = [
    ("Қазақстанға қауіпсіздік кепілдіктерін берген ядролық державалардың қайсылары Ертіс суы туралы шартқа да қол қойды?",
     ("Қазақстанға қауіпсіздік кепілдіктерін берген ядролық державалар қандай?",
      "Қандай державалар Ертіс суы туралы шартқа қол қойды?")),
    ("ШЫҰ-ға мүше мемлекеттердің қайсысы НАТО-мен серіктес?",
     ("ШЫҰ-ға мүше мемлекеттер қандай?", "Қандай мемлекеттер НАТО-мен серіктес?")),
    ("Қандай мемлекеттер Ертіс суы туралы шартқа қол қойды?", None),  # no «қайсылары»
    ("Державаның қайсылары шартқа қол қойды?", None),  # no plural set before it
    ("Ядролық державалардың қайсылары?", None),  # nothing to filter by
]


@pytest.mark.parametrize(("question", "split"), SPLITS)
def test_ask_round12b_split_question(question: str, split: tuple[str, str] | None) -> None:
    assert split_question(analyze_question(question)) == split


def test_ask_round12b_intersect(kb_path) -> None:
    with derek.open(kb_path) as kb:
        answer = kb.ask(SPLITS[0][0])
    assert answer.answer == "Қытай және Ресей" and answer.value == ["state:cn", "state:ru"]
    assert [s["doc"] for s in answer.sources] == ["d.txt", "e.txt"]
    assert [s["question"] for s in answer.steps] == list(SPLITS[0][1])


def test_ask_round12b_no_intersection_when_all_kept(kb_path) -> None:
    """Every item of the set did it: nothing is filtered, the one-step answer stands."""
    with derek.open(kb_path) as kb:
        answer = kb.ask("Қазақстанға қауіпсіздік кепілдіктерін берген ядролық державалардың қайсылары "
                        "Қазақстанға қауіпсіздік кепілдіктерін берді?")
    assert not answer.steps
