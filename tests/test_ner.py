"""Tests for derek.extract.ner: the shipped CRF model, CoNLL I/O and the feature function."""

from __future__ import annotations

from importlib import resources

import pytest

from derek.errors import DerekError
from derek.extract.conll import format_conll, iob2_spans, read_conll, read_iob2
from derek.extract.ner import Lexicon, NerTagger, model_attributes
from derek.extract.ner_features import SentenceMarks, features, sentence_features
from derek.extract.ner_words import cluster_key, clusters, name_ending, split_suffix

# Hand-written sentences (not from KazNERD or the seeds): (sentence, expected spans as (text, class)).
TAGGED = [
    (
        "Президент Қасым-Жомарт Тоқаев Астанада Біріккен Ұлттар Ұйымының өкілдерімен кездесті .",
        [("Қасым-Жомарт Тоқаев", "PERSON"), ("Астанада", "GPE"),
         ("Біріккен Ұлттар Ұйымының", "ORGANISATION")],
    ),
    (
        "Қазақстан мен Өзбекстан арасындағы сауда көлемі өсті .",
        [("Қазақстан", "GPE"), ("Өзбекстан", "GPE")],
    ),
    (
        "Әлия Серікбаева Алматы қаласындағы университетте сабақ береді .",
        [("Әлия Серікбаева", "PERSON"), ("Алматы", "GPE")],
    ),
    (
        # банк must stay an organisation head although банктер, банкі occur outside names
        "Ұлттық банк Қазақстан Республикасы Үкіметімен бірге жаңа бағдарлама қабылдады .",
        [("Ұлттық банк", "ORGANISATION")],
    ),
]

SUFFIXES = [
    ("қазақстанның", ("қазақстан", "ның")),
    ("ресеймен", ("ресей", "мен")),
    ("бұұ-ның", ("бұұ", "ның")),
    ("астанада", ("астана", "да")),
    ("үй", ("үй", "")),
]


@pytest.fixture(scope="module")
def tagger() -> NerTagger:
    return NerTagger()


def test_ner_shipped_model_loads_and_tags_offline(tagger: NerTagger) -> None:
    tags = tagger.tag(["Астана", "қаласы", "."])
    assert len(tags) == 3
    assert all(t == "O" or t[:2] in {"B-", "I-"} for t in tags)
    assert tagger.tag([]) == []


@pytest.mark.parametrize(("sentence", "expected"), TAGGED)
def test_ner_finds_obvious_entities(tagger: NerTagger, sentence: str, expected: list) -> None:
    tokens = sentence.split()
    found = {(" ".join(tokens[a:b]), label) for a, b, label in tagger.spans(tokens)}
    for span in expected:
        assert span in found, (span, found)


def test_ner_predicts_kaznerd_classes(tagger: NerTagger) -> None:
    tagger.tag(["Сәлем"])
    labels = {t[2:] for t in tagger._tagger.labels() if t != "O"}
    assert {"PERSON", "GPE", "ORGANISATION", "LOCATION", "DATE", "CARDINAL", "LAW"} <= labels
    assert len(labels) >= 24


def test_ner_conll_round_trip() -> None:
    text = "Астана\tB-GPE\nқаласы\tO\n\nБҰҰ-ның\tX\tB-ORGANISATION\nмүшесі\tO\n"
    sentences = read_conll(text.splitlines(keepends=True))
    assert sentences == [["Астана", "қаласы"], ["БҰҰ-ның", "мүшесі"]]
    tags = [["B-GPE", "O"], ["B-ORGANISATION", "O"]]
    out = format_conll(sentences, tags)
    assert out == "Астана\tB-GPE\nқаласы\tO\n\nБҰҰ-ның\tB-ORGANISATION\nмүшесі\tO\n\n"
    assert read_conll(out.splitlines()) == sentences
    assert [t for _, t in read_iob2(out.splitlines())] == tags


def test_ner_conll_reader_accepts_spaces_and_trailing_blank_lines() -> None:
    assert read_conll(["Әрі O\n", "\n", "\n", "Қара B-ART\n", "\n"]) == [["Әрі"], ["Қара"]]


# (sentence, a kept subset of its word-pair attributes): forms with "|" split more than one way
KEPT_PAIRS = [
    (["Алма", "|", "ағашы", "өсті", "."], {"-1|0=алма||", "0|+1=||ағашы", "-1|0=өсті|."}),
    (["а|б", "в|г", "д"], {"-1|0=а|б|в|г", "0|+1=в|г|д"}),
    (["Астана", "Астана", "Астана"], {"0|+1=астана|астана"}),
]


@pytest.mark.parametrize(("tokens", "kept"), KEPT_PAIRS)
def test_ner_kept_pairs_are_the_full_pairs_the_model_keeps(tokens: list[str], kept: set[str]) -> None:
    lexicon = Lexicon.build([(tokens, ["O"] * len(tokens))])
    full = sentence_features(tokens, lexicon)
    keep = frozenset(a for f in full for a in f if "|" not in a) | kept
    pairs = [[a for a in f if a.startswith(("-1|0=", "0|+1="))] for f in sentence_features(tokens, lexicon, keep)]
    assert pairs == [[a for a in f if a.startswith(("-1|0=", "0|+1=")) and a in kept] for f in full]
    assert {a for f in pairs for a in f} == kept


def test_ner_format_conll_rejects_mismatched_tags() -> None:
    with pytest.raises(DerekError):
        format_conll([["a", "b"]], [["O"]])


def test_ner_features_are_deterministic() -> None:
    tokens = ["Қазақстан", "1992", "жылы", "БҰҰ-ға", "мүше", "болды", "."]
    tags = ["B-GPE", "B-DATE", "I-DATE", "B-ORGANISATION", "O", "O", "O"]
    lexicon = Lexicon.build([(tokens, tags), (tokens, tags)])
    first = sentence_features(tokens, lexicon)
    again = sentence_features(list(tokens), Lexicon.from_tsv(lexicon.to_tsv()))
    assert first == again
    marks = SentenceMarks.of(tokens, lexicon)
    assert [features(tokens, i, lexicon, marks) for i in range(len(tokens))] == first
    assert "shape=X-x" in first[3] and "hyph_tail=ға" in first[3]
    assert "abbr" in sentence_features(["БҰҰ"], lexicon)[0]
    assert "digits=4" in first[1]
    assert "head1=DATE" in first[1]  # жылы ends a two-word DATE span twice


def test_ner_lexicon_heads_come_only_from_given_tags() -> None:
    tokens = ["Ақтөбе", "облысы", "әкімдігі", "."]
    lexicon = Lexicon.build([(tokens, ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O"])] * 2)
    assert lexicon.heads == {"әкімдік": "ORGANISATION"}  # keyed by lemma (morphology)
    assert Lexicon.build([(tokens, ["O"] * 4)] * 2).heads == {}


# (span-final forms, the same lemma used outside names): head if one form ends names often
HEAD_RATIOS = [
    (["ұйымының", "ұйымының"], ["ұйымдар"] * 5, True),  # the ratio is per surface form
    (["банк", "банк"], ["банк"] * 5, False),  # 2 of 7: under the 30 % threshold
]


@pytest.mark.parametrize(("ends", "outside", "is_head"), HEAD_RATIOS)
def test_ner_lexicon_head_ratio_is_per_form(ends: list[str], outside: list[str], is_head: bool) -> None:
    corpus = [(["Дүниежүзілік", w], ["B-ORGANISATION", "I-ORGANISATION"]) for w in ends]
    corpus += [(["Көп", w], ["O", "O"]) for w in outside]
    lexicon = Lexicon.build(corpus)
    key = cluster_key(ends[0])
    assert (lexicon.heads.get(key) == "ORGANISATION") is is_head
    marks = SentenceMarks.of(["Азия", ends[0].capitalize()], lexicon)
    assert (marks.heads[1] == "ORGANISATION") is is_head


@pytest.mark.parametrize("forms", [("қазақстанның", "қазақстанмен", "қазақстанға"), ("облысы", "облысында", "облысының")])
def test_ner_split_suffix_gives_one_stem_per_paradigm(forms: tuple[str, ...]) -> None:
    assert len({split_suffix(w)[0] for w in forms}) == 1


@pytest.mark.parametrize(("word", "expected"), SUFFIXES)
def test_ner_split_suffix(word: str, expected: tuple[str, str]) -> None:
    assert split_suffix(word) == expected


def test_ner_iob2_spans_are_strict() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-GPE", "B-GPE", "B-GPE", "I-ORGANISATION"]
    assert iob2_spans(tags) == [(0, 2, "PERSON"), (4, 5, "GPE"), (5, 6, "GPE")]


def test_ner_quote_marks_cover_the_quoted_words() -> None:
    tokens = ["«", "Самұрық", "-", "Қазына", "»", "қоры", "«", "Ақ", "»", "."]
    lexicon = Lexicon()
    marks = SentenceMarks.of(tokens, lexicon)
    assert marks.quote == ["", "q=B", "q=I", "q=E", "", "", "", "q=BE", "", ""]
    assert "q=B" in sentence_features(tokens, lexicon)[1]
    assert SentenceMarks.of(["«", "ашық", "тырнақша"], lexicon).quote == ["", "", ""]


def test_ner_features_read_lemma_morphology_and_clusters() -> None:
    first = sentence_features(["Астанада", "болды"], Lexicon())[0]
    assert "lem=астана" in first and "mt=LOC" in first
    assert cluster_key("Қазақстанның") == cluster_key("Қазақстан") == "қазақстан"
    assert cluster_key("1992") == "0000"
    table = clusters()
    assert len(table) > 1000 and len(table["қазақстан"]) == 3
    assert table["алматы"][1] == table["шымкент"][1]  # same 128-way cluster (city names)
    assert any(f.startswith("c2=") for f in first)


def test_ner_hyphen_head_keeps_its_shape() -> None:
    feats = sentence_features(["БҰҰ-ның", "Қасым-Жомарт"], Lexicon())
    assert "hyph_head=X" in feats[0] and "hyph_head=Xx" in feats[1]


KEEP_SENTENCES = [
    ["Қасым-Жомарт", "Тоқаев", "Астанада", "«", "Самұрық-Қазына", "»", "қорының", "басшысымен", "кездесті", "."],
    ["Жезқазған", "қаласы", "әкімдігінің", "өкілі", "БҰҰ-ның", "2023", "жылғы", "баяндамасын", "оқыды", "."],
]


def test_ner_model_attributes_are_the_weighted_ones() -> None:
    import pycrfsuite

    from derek.extract.ner import MODEL_NAME

    data = resources.files("derek.extract").joinpath("data").joinpath(MODEL_NAME).read_bytes()
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    assert model_attributes(data) == {attr for attr, _ in tagger.info().state_features}
    assert model_attributes(b"not a model") is None


@pytest.mark.parametrize("tokens", KEEP_SENTENCES)
def test_ner_kept_attributes_tag_like_all_attributes(tokens: list[str]) -> None:
    tagger = NerTagger()
    tagged = tagger.tag(tokens)
    everything = sentence_features(tokens, tagger._lexicon)
    kept = sentence_features(tokens, tagger._lexicon, tagger._keep)
    assert kept == [[a for a in e if a in tagger._keep] for e in everything]
    assert sum(map(len, kept)) < sum(map(len, everything))
    assert list(tagger._tagger.tag(everything)) == tagged


# (sentence, gazetteer marks): the longest gazetteer name at each start
GAZETTEER_MARKS = [
    ("Тәуелсіз Мемлекеттер Достастығы құрылды .", ["gB=organization", "gI=organization", "gI=organization", "", ""]),
    ("Ол Қазақстан Республикасының Президенті .", ["", "gB=state", "gI=state", "", ""]),
    ("Бүгін жаңбыр жауды .", ["", "", "", ""]),
]


@pytest.mark.parametrize(("sentence", "expected"), GAZETTEER_MARKS)
def test_ner_marks_gazetteer_names(sentence: str, expected: list[str]) -> None:
    lexicon = Lexicon()
    assert SentenceMarks.of(sentence.split(), lexicon).gazetteer == expected
    assert SentenceMarks.of(sentence.split(), lexicon, frozenset({"bias"})).gazetteer == expected


def test_ner_features_cached_per_keep_set() -> None:
    """Word forms are cached per lexicon and ``keep`` set: one set's attributes never leak into
    another's, and keeping every attribute changes nothing."""
    tokens = ["Қазақстан", "1992", "жылы", "Біріккен", "Ұлттар", "Ұйымына", "мүше", "болды", "."]
    lexicon = Lexicon.build([(tokens, ["B-GPE", "B-DATE", "I-DATE"] + ["O"] * 6)] * 2)
    full = sentence_features(tokens, lexicon)
    everything = frozenset(a for feats in full for a in feats)
    assert sentence_features(tokens, lexicon, everything) == full
    bare = sentence_features(tokens, lexicon, frozenset({"bias"}))
    assert all(f[0] == "bias" and not any(a.startswith(("w=", "0:w=", "-1:w=")) for a in f) for f in bare)
    assert sentence_features(tokens, lexicon) == full


# (word, surname/patronymic ending read on its lemma): capitalised words only
NAME_ENDINGS = [
    ("Серікбаевамен", "баев"),  # the lemma is the male form (morphology round 9)
    ("Тоқаевтың", "ев"),
    ("Нұрланұлы", "ұлы"),
    ("Петровская", "ская"),
    ("Алматы", ""),
    ("аралов", ""),  # lower case: not a name
]


@pytest.mark.parametrize(("word", "ending"), NAME_ENDINGS)
def test_ner_name_ending_reads_the_lemma(word: str, ending: str) -> None:
    assert name_ending(word) == ending
    feats = sentence_features([word], Lexicon())[0]
    assert (f"sur={ending}" in feats) is bool(ending)


def test_ner_lexicon_name_parts_come_from_training_person_spans() -> None:
    corpus = [(["Айгерім", "Сапарова", "келді", "."], ["B-PERSON", "I-PERSON", "O", "O"])] * 2
    corpus += [(["Бекзат", "сөйледі", "."], ["B-PERSON", "O", "O"])]  # once: too rare
    lexicon = Lexicon.build(corpus)
    assert lexicon.names == {"айгерім": "given", "сапаров": "sur"}  # the lemma: a surname's male form
    assert Lexicon.from_tsv(lexicon.to_tsv()).names == lexicon.names
    feats = sentence_features(["Айгерім", "Сапарова", "келді"], lexicon)
    assert "pn=given" in feats[0] and "1:pn=sur" in feats[0] and "-1:pn=given" in feats[1]
    assert not any(a.startswith("pn=") for a in feats[2])
    assert Lexicon.build([(tokens, ["O"] * len(tokens)) for tokens, _ in corpus]).names == {}


def test_ner_ingest_and_reader_share_one_tagger() -> None:
    # two taggers held equal but distinct attribute sets, and every feature-cache lookup of the
    # second compared them element by element (reader questions 4-10x slower after an ingest)
    from derek.extract import entities_context
    from derek.query import reader_context

    assert entities_context.tagger() is reader_context._tagger()
