"""Session 21, round 3: a capital that only the sentence start gives is no name; a gazetteer row's
own name is read in the nominative, so no misread ending of it lets another word meet it; «бойы»
after a river's name is no part of the name (own sentences)."""

from __future__ import annotations

import pytest

from derek.doc import EntityMention
from derek.extract.entities_openers import opening_tokens, without_common_openers
from derek.extract.gazetteer import row_keys
from derek.pipeline import analyze


def _links(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in analyze(text).entities]


@pytest.mark.parametrize("text, word", [
    # the document writes the word in lower case away from the sentence start
    ("Транзит Қытай арқылы өтеді. Бұл транзит тиімді болды.", "Транзит"),
    ("Сапфир Қытайға сатылды. Ол сапфир өте қымбат.", "Сапфир"),
    ("«Сапфир» – асыл тас. Ол сапфир өте қымбат.", "Сапфир"),  # a quoted gloss of a word
])
def test_an_opener_the_document_writes_lowercase_is_no_name(text: str, word: str) -> None:
    assert word not in [t for t, _ in _links(text)]


@pytest.mark.parametrize("text, span, entity", [
    ("Абай Семейге барды. Абай өлең жазды.", "Абай", "person:abai"),
    ("Қазақстан тәуелсіздік алды.", "Қазақстан", "state:kz"),
    ("Жамбыл ақын болды.", "Жамбыл", None),  # a gazetteer stem
    ("«Керуен» туралы айтылды.", "Керуен", None),  # quoted, no evidence: the lexicon is not asked
    ("Жасұлан Таразға келді. Кейін Жасұлан Алматыға барды.", "Жасұлан", None),  # capital inside
    ("Транзит Қытай арқылы өтеді.", "Транзит", None),  # no evidence either way: the CRF decides
])
def test_a_name_at_the_sentence_start_stays(text: str, span: str, entity: str | None) -> None:
    links = _links(text)
    assert span in [t for t, _ in links]
    if entity:
        assert (span, entity) in links


def _prov(text: str, word: str, type_: str = "place") -> list[EntityMention]:
    doc = analyze(text)
    start = text.index(word)
    mention = EntityMention(start, start + len(word), word, type_, f"prov:{type_}:{word.lower()}", word, None, "ner")
    return without_common_openers(doc, [mention])


@pytest.mark.parametrize("text, word, dropped", [
    # only the lexicon speaks: a common noun, seldom capitalized inside a sentence in KazNERD
    ("Байтақ дала ертеден белгілі.", "Байтақ", True),
    ("Академик бұл жаңалықты ашты.", "Академик", True),
    ("=Байтақ даланың тарихы=", "Байтақ", True),  # a heading's «=» is passed over
    ("Азамат мектепке барды.", "Азамат", False),  # the analyser reads it as a given name too
    ("Торғай өзені тартылды.", "Торғай", False),  # capitalized inside sentences in KazNERD
    ("Біз байтақ далада Байтақ деген ауылды көрдік.", "Байтақ", False),  # not at a sentence start
])
def test_the_lexicon_test(text: str, word: str, dropped: bool) -> None:
    assert (not _prov(text, word, "place")) == dropped


def test_opening_tokens_pass_dashes_and_quotes() -> None:
    doc = analyze("– Байтақ дала. «Керуен» келді.")
    assert [(doc.tokens[i].norm, q) for i, q in sorted(opening_tokens(doc).items())] == [("Байтақ", False), ("Керуен", True)]


@pytest.mark.parametrize("text, wrong", [
    ("Тілеуберген Орақов облысқа келді.", "person:tileuberdi"),  # -ген and -ді of one verb stem
    ("Көшпенділер далада өмір сүрді.", "person:kuchum"),  # «Көшім» misread as көш + 1st person
])
def test_no_link_through_a_misread_row_ending(text: str, wrong: str) -> None:
    assert wrong not in [e for _, e in _links(text)]


@pytest.mark.parametrize("text, span, entity", [
    ("Тілеубердінің сапары басталды.", "Тілеубердінің", "person:tileuberdi"),
    ("Көшімнің әскері жеңілді.", "Көшімнің", "person:kuchum"),
    ("Көшімге елші келді.", "Көшімге", "person:kuchum"),
    ("Біз Алатауға шықтық.", "Алатауға", "place:alatau"),
])
def test_the_rows_still_meet_their_own_forms(text: str, span: str, entity: str) -> None:
    assert (span, entity) in _links(text)


@pytest.mark.parametrize("word, kept, gone", [
    ("Тілеуберді", "тілеуберді", "тілеубер"),
    ("Көшім", "көшім", "көш"),
    ("Алатауы", "алатау", None),  # a compound's head keeps its 3rd-person possessive
    ("кеңесі", "кеңес", None),
])
def test_row_keys(word: str, kept: str, gone: str | None) -> None:
    keys = row_keys(word)
    assert kept in keys and (gone is None or gone not in keys)


def test_bank_of_a_river_is_the_river_alone() -> None:
    assert ("Сыр", "place:syr-darya") in _links("Сыр бойындағы қалалар көп болды.")
