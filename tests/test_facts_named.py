"""Named documents signed and posts taken in history text (session 8): sentences of our own."""

from __future__ import annotations

import pytest

from derek.doc import Document
from derek.pipeline import run

# (text, expected (subject, predicate, value, time) facts or [] for none of that predicate)
CASES = [
    # a compound document name keeps its possessive, loses its case
    ("1992 жылы Назарбаев қазақ-түрік келісіміне қол қойды.",
     [("person:nazarbayev", "signed", "қазақ-түрік келісімі", "1992")]),
    # «Осы жылы» takes the year of the sentence before, like «Сол жылы»
    ("Ол 1994 жылы Анкараға барды. Осы жылы Назарбаев қазақ-түрік келісіміне қол қойып, елге оралды.",
     [("person:nazarbayev", "signed", "қазақ-түрік келісімі", "1994")]),
    # the historic present «қол қояды», a document noun the analyser does not know
    ("1995 жылы 5 мамырда Назарбаев меморандумға қол қояды.",
     [("person:nazarbayev", "signed", "меморандум", "1995-05-05")]),
    ("1941 жылы 2 наурызда Тоқаев директиваға қол қойды.",
     [("person:tokayev", "signed", "директива", "1941-03-02")]),
    # took a job as a post: only with the post before «болып»; an adjective before the title stays
    ("1915 жылы Торайғыров «Қазақ» газетіне жауапты хатшы болып жұмысқа орналасты.",
     [("person:torayghyrov", "appointed_as", "жауапты хатшы", "1915")]),
    ("1915 жылы Торайғыров Троицкідегі зауытқа жұмысқа орналасты.", []),
    # «… -уға кірісті» sets about a task, «… қызметіне кірісті» takes up a post
    ("1950 жылы жаңа жоспарды жазуға Тоқаев кірісті.", []),
    ("Тоқаев 1999 жылы Қазақстан Республикасының Премьер-Министрі қызметіне кірісті.",
     [("person:tokayev", "appointed_as", "Қазақстан Республикасының Премьер-Министрі", "1999")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_facts_named_documents_and_posts(text: str, expected: list[tuple]) -> None:
    predicates = {"signed", "appointed_as"}
    facts = {(f.subject, f.predicate, f.object or f.value, f.time) for f in run(Document(text)).facts
             if f.predicate in predicates}
    assert facts == set(expected)
