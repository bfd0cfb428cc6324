"""Session 23, round 6 (issue 7): wrong answers of the blind sets' dev halves, own sentences.

A value in a clause without the question's verb (``rival_clause.verb_clause_factor``), a name read
off the sentence before cited with that sentence (``ask.answer_spans``), and a word typed with its
ending's Kazakh letters but its stem's flattened (``typed.restore_word``)."""

from __future__ import annotations

import pytest

from conftest import ask_in, kb_of_texts

LEFT = ("Көршілердің бәрі одаққа қатыспады: мысалы, Моңғолия 2010 жылы келіссөзден шықты, "
        "ал Ауғанстан ешбір келісімге кірмеді.")
LEFT_UNNAMED = ("Көршілердің бәрі одаққа қатыспады: мысалы, Моңғолия 2010 жылы келіссөзден шықты, "
                "ал солтүстік аймақтар ешбір келісімге кірмеді.")
GAPPED = "Ұйымның бас кеңсесі Бішкекте, ал оның мұражайы Душанбеде орналасқан."
POINTING = "Одақтың екінші жиыны 2012 жылы Минскіде өтті; сол жылы оның Хатшылығы жұмысын бастады."


@pytest.mark.parametrize(("text", "question", "expected"), [
    (LEFT, "Ешбір келісімге кірмеген мемлекет қайсы?", "Ауғанстан"),
    (LEFT_UNNAMED, "Ешбір келісімге кірмеген елдер қайсы?", None),  # not Моңғолия, which left
    # one verb for both clauses: not cut (which city is told apart is left: «оның» links the clauses)
    (GAPPED, "Ұйымның бас кеңсесі қай қалада орналасқан?", ""),
    (POINTING, "Одақтың Хатшылығы қай жылы жұмысын бастады?", "2012"),  # «сол жылы» points back
    # «оларға» points back: «соққы берді» is the same defeat, in the clause of the asked place
    ("Жасақ 1841 жылы Шу бойында қоқандықтарды жеңді, ал 1843 жылы Талас маңында оларға тағы бір соққы берді.",
     "Жасақ Талас маңында қоқандықтарды қай жылы жеңді?", "1843"),
])
def test_value_in_the_clause_of_the_asked_verb(tmp_path, text: str, question: str, expected: str | None) -> None:
    answer = ask_in(kb_of_texts(tmp_path, {"a.txt": text}), question)
    if expected is None:
        assert answer.answer is None or "Моңғолия" not in answer.answer
    else:
        assert answer.answer is not None and expected in answer.answer


ACT = ("2002 жылы Алматыда Кеңестің бірінші саммиті өтті. Саммитте Алматы актісі қабылданды. "
       "Бұл құжат Кеңестің жарғылық негізі болып табылады.")


@pytest.mark.parametrize("question", [
    "Кеңестің жарғылық негізі болып табылатын құжат қандай?",
    "Қандай құжат Кеңестің жарғылық негізі болып табылады?",
])
def test_a_name_from_the_sentence_before_cites_it(tmp_path, question: str) -> None:
    answer = ask_in(kb_of_texts(tmp_path, {"a.txt": ACT}), question)
    assert answer.answer == "Алматы актісі"
    starts = {s["start"] for s in answer.sources}
    named = ACT.index("Саммитте")
    assert named in starts  # the sentence that writes the name is a source
    assert [s["text"] for s in answer.spans] == ["Алматы актісі"]
    assert all(ACT[s["start"]:s["end"]] == s["text"] for s in answer.spans)


@pytest.mark.parametrize(("typed", "restored"), [
    ("уйымдыкі", "ұйымдыкі"),  # «у» for «ұ» in the stem, the ending typed with «і»
    ("Казакстандікі", "Қазақстандікі"),
    ("жобаларының", None),  # read as typed: left alone
    ("Өскемендегі", None),
    ("мемлекеттің", None),
])
def test_stem_restored_in_a_partly_typed_word(typed: str, restored: str | None) -> None:
    from derek.query.typed import restore_word

    assert restore_word(typed, mixed=True) == restored


@pytest.mark.parametrize("question", ["Семейдегі жаңа зертхана кай уйымдыкі", "Семейдегі жаңа зертхана қай ұйымдікі?"])
def test_whose_typed_without_kazakh_stem(tmp_path, question: str) -> None:
    text = "2019 жылғы 3 наурызда Семейде МАГАТЭ-нің жаңа зертханасы ашылды."
    answer = ask_in(kb_of_texts(tmp_path, {"a.txt": text}), question)
    assert answer.answer == "МАГАТЭ"
