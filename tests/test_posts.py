"""«X кім?» about a named person asks who they were: the posts they held, from the facts with
their periods, or a title the sentence gives them; «кім» with any other word asks for a person."""

from __future__ import annotations

import pytest

from derek.query.ask import ask_context
from derek.query.question import POST, analyze_question

# (question, answer type, focus)
WHO_IS = [
    ("Тоқаев кім?", "description", POST),
    ("Қасым-Жомарт Тоқаев кім болған?", "description", POST),
    ("Абылай хан кім еді?", "description", POST),
    ("Назарбаев кім екен?", "description", POST),
    ("Назарбаев кімді тағайындады?", "person", None),  # a verb: whom he appointed
    ("БҰҰ Бас хатшысы кім?", "person", None),  # a post: who holds it
    ("Тоқаевқа кім қарсы шықты?", "person", None),
    ("Кім Тоқаевпен кездесті?", "person", None),
]


@pytest.mark.parametrize(("question", "answer_type", "focus"), WHO_IS)
def test_posts_who_is_a_named_person(question: str, answer_type: str, focus: str | None) -> None:
    q = analyze_question(question)
    assert q.answer_type == answer_type
    assert q.focus == focus
    assert (q.predicates == ["appointed_as", "chaired"]) == (answer_type == "description")


# (sentence of our own, question, the title read off it)
TITLES = [
    ("Келіссөзді Қырғыз Республикасының Президенті Сооронбай Жээнбеков ашты.",
     "Сооронбай Жээнбеков кім?", "Қырғыз Республикасының Президенті"),
    ("1771 жылы Абылай үш жүздің ханы болып жарияланды.", "Абылай кім?", "үш жүздің ханы"),
    ("2019 жылы Қасым-Жомарт Тоқаев Қазақстан Президенті болып сайланды.",
     "Тоқаев кім болған?", "Қазақстан Президенті"),
    # a year between the name and the title
    ("Әлихан Бөкейханов 1917 жылы Алаш Орда үкіметінің төрағасы болып сайланды.",
     "Бөкейханов кім?", "Алаш Орда үкіметінің төрағасы"),
]


@pytest.mark.parametrize(("context", "question", "title"), TITLES)
def test_posts_title_read_off_the_sentence(context: str, question: str, title: str) -> None:
    answer = ask_context(context, question)
    assert answer.answer == title
    assert answer.sources[0]["text"] == context


def test_posts_no_title_no_person_for_an_answer() -> None:
    answer = ask_context("Тоқаев пен Назарбаев 2019 жылы кездесті.", "Тоқаев кім?")
    assert answer.answer != "Назарбаев" and answer.value != "person:nazarbayev"


def test_posts_every_post_held_latest_first_with_periods(sample_kb) -> None:
    answer = sample_kb.ask("Тоқаев кім?")
    assert answer.method == "facts"
    text = answer.answer or ""
    for post, period in [("Президент", "2019"), ("Сенат төрағасы", "2013–2019"), ("сыртқы істер министрі", "1994–1999"),
                         ("Премьер-Министр", "1999–2002")]:
        assert post in text and period in text
    assert text.index("Сенат") < text.index("Премьер")  # latest first
    assert "1994 жыл)" not in text  # the appointment in 1994 lies within the 1994–1999 term
    assert all(s["doc"] == "tulgalar.md" for s in answer.sources)


def test_posts_a_body_chaired_is_a_post_held(tmp_path) -> None:
    """A chaired fact («… ЕҚЫҰ-ға төрағалық етті», the chair of a named body) is one of the posts
    «X кім?» lists, beside the appointments."""
    from conftest import kb_of_texts

    import derek

    texts = {"a.txt": "Марат Тәжин 2007 жылы сыртқы істер министрі болып тағайындалды. "
                      "2010 жылы Марат Тәжин ЕҚЫҰ-ға төрағалық етті."}
    with derek.open(kb_of_texts(tmp_path, texts)) as kb:
        answer = kb.ask("Марат Тәжин кім?")
    assert answer.method == "facts"
    assert sorted(answer.value) == ["org:osce төрағасы", "сыртқы істер министрі"]
    assert answer.answer.startswith("ЕҚЫҰ төрағасы (2010 жыл)")
