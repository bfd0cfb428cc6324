"""Typed answer candidates (derek.query.candidates), on sentences written for these tests: dates
listed together count the times, a place inside an organization's name answers «қай қаладағы
университетте», and a noun of the asked noun's kind after a figure is the counted noun."""

from __future__ import annotations

import pytest

from derek.pipeline import analyze
from derek.query.candidates import candidates_in
from derek.query.figure_fit import COUNTS_OTHER
from derek.query.passages import document_passages
from derek.query.question import analyze_question


def _best_value(context: str, question: str) -> object:
    q = analyze_question(question)
    found = [c for p in document_passages(analyze(context), "t", q) for c in candidates_in(p, q)]
    return max(found, key=lambda c: c.score).value if found else None


COUNTED_DATES = [  # (context, question, value): «неше рет» ← the dates listed together
    ("Форум 2015, 2018 және 2021 жылдары Алматыда өтті.", "Форум Алматыда неше рет өтті?", "3"),
    ("Чемпионат 1998 және 2006 жылдары Берлинде өткізілді.", "Чемпионат Берлинде неше рет өткізілді?", "2"),
    ("Форум 2015 жылы Алматыда өтті.", "Форум Алматыда неше рет өтті?", None),  # one date counts nothing
]


@pytest.mark.parametrize(("context", "question", "value"), COUNTED_DATES)
def test_candidates_dates_listed_together_count_the_times(context: str, question: str, value: str | None) -> None:
    assert _best_value(context, question) == value


NESTED_PLACES = [  # (context, question, value): the city in the university's name
    ("Ғалым 1975 жылы Мәскеу мемлекеттік университетінде дәріс оқыды.",
     "Ғалым қай қаладағы университетте дәріс оқыды?", "place:moscow"),
    # the question does not name the university: its name is no answer to «қай қалада»
    ("Ғалым 1975 жылы Мәскеу мемлекеттік университетінің түлектерімен кездесті.",
     "Ғалым қай қалада дәріс оқыды?", None),
]


@pytest.mark.parametrize(("context", "question", "value"), NESTED_PLACES)
def test_candidates_place_inside_an_organization_name(context: str, question: str, value: str | None) -> None:
    assert _best_value(context, question) == value


KIN_NOUNS = [  # (sentence, question, figure, factor): «неше мемлекет» counts «алты елде» in full
    ("Одаққа мүше алты елде 50 миллион адам тұрады.", "Одаққа неше мемлекет мүше?", "алты", 1.0),
    ("Одаққа мүше алты елде 50 миллион адам тұрады.", "Одаққа неше мемлекет мүше?", "50", 0.9),
    ("Кеңеске мүше төрт мемлекетте 20 миллион адам тұрады.", "Кеңеске неше ел мүше?", "төрт", 1.0),
    # the figure counts another noun while the asked one stands apart from it
    ("Ел Ассамблеяның 46-сессиясында Ұйымның жаңа мүшесі болды.", "Ел Ұйымның нешінші мүшесі болды?", "46",
     COUNTS_OTHER),
    ("Ел Ассамблеяның 46-сессиясында Ұйымның 168-ші мүшесі болды.", "Ел Ұйымның нешінші мүшесі болды?",
     "168", 1.0),
]


@pytest.mark.parametrize(("sentence", "question", "figure", "factor"), KIN_NOUNS)
def test_candidates_noun_of_the_asked_kind_is_counted(sentence: str, question: str, figure: str,
                                                      factor: float) -> None:
    from derek.query.figure_fit import counts_factor as _counts

    q = analyze_question(question)
    p = document_passages(analyze(sentence), "t", q)[0]
    x = next(x for x in p.spans if x["kind"] == "quantity" and x["text"].startswith(figure))
    assert _counts(p, x, q) == factor


OWN_WORDS = [  # (sentence, the score its «Астана» gets at least / at most)
    # the city's name is the question's own word «астана»: it cannot also be the sentence's match
    # (a lowercase predicate is not found in a name, coverage._unnamed_keys; candidates._besides)
    ("Қазақстан Президенті 2010 жылы Астанада ЕҚЫҰ саммитін өткізді.", None, 0.75),
    # «астанасы» matches outside the value: the whole match stays
    ("Қазақстанның астанасы — Астана қаласы.", 0.95, None),
]


@pytest.mark.parametrize(("sentence", "at_least", "at_most"), OWN_WORDS)
def test_candidates_a_value_made_of_the_questions_own_word_does_not_match_for_itself(
        sentence: str, at_least: float | None, at_most: float | None) -> None:
    q = analyze_question("Қазақстанның астанасы қай қала?")
    assert q.verb == "астана"  # a verbless question predicates its noun, not the asked «қала»
    p = document_passages(analyze(sentence), "t", q)[0]
    (found,) = [c for c in candidates_in(p, q) if c.value == "place:astana"]
    assert (at_least is None or found.score >= at_least) and (at_most is None or found.score <= at_most)


WHERE = [  # (context, question, value): a place answer stands where places do
    # an object («… қоспағанда»: except) is no place of the signing
    ("2001 жылы Шанхайда алты мемлекет (Түрікменстанды қоспағанда) басшылары декларацияға қол қойды.",
     "Декларацияға қол қойылған жер:", "place:shanghai"),
    # states whose leaders act are the actors
    ("1996 жылы Қытай, Ресей және Қазақстан басшылары Шанхайда келісімге қол қойды.",
     "Келісімге қол қойылған жер:", "place:shanghai"),
    # a nominative city opening a longer name still answers «қай қаладағы»
    ("Ғалым 1975 жылы Мәскеу мемлекеттік университетінде дәріс оқыды.",
     "Ғалым қай қаладағы университетте дәріс оқыды?", "place:moscow"),
]


@pytest.mark.parametrize(("context", "question", "value"), WHERE)
def test_candidates_place_answers_stand_where_places_do(context: str, question: str, value: str) -> None:
    assert _best_value(context, question) == value


def test_candidates_a_value_outside_the_subordinated_clause_of_the_verb_scores_less() -> None:
    """«… талқандағаннан кейін Абылай … ұстанды»: Абылай acts in the main clause, not in the
    clause of the asked verb that «кейін» subordinates."""
    from derek.query.candidates import OTHER_CLAUSE

    q = analyze_question("Жоңғар хандығын кім талқандады?")
    text = "Цин империясы 1758 жылы Жоңғар хандығын талқандағаннан кейін Абылай Ресеймен келіссөз жүргізді."
    p = document_passages(analyze(text), "t", q)[0]
    (abylai,) = [c for c in candidates_in(p, q) if c.value == "person:abylai"]
    assert abylai.score <= p.coverage * OTHER_CLAUSE
    same = "1758 жылы Абылай Жоңғар хандығын талқандады."  # the asked verb's own agent keeps its score
    p = document_passages(analyze(same), "t", q)[0]
    (abylai,) = [c for c in candidates_in(p, q) if c.value == "person:abylai"]
    assert abylai.score > p.coverage * 0.9


CONJUNCT_VALUES = [  # (context, question, value): comma-joined parts sharing one verb; the asked name's part
    ("Бірінші жиын 2001 жылы Ақтауда, екінші жиын 2005 жылы Таразда, үшінші жиын 2009 жылы Семейде өтті.",
     "Таразда нешінші жиын өтті?", "2"),
    ("Бірінші жиын 2001 жылы Ақтауда, екінші жиын 2005 жылы Таразда, үшінші жиын 2009 жылы Семейде өтті.",
     "Таразда жиын қай жылы өтті?", "2005"),
    ("Бірінші жиын 2001 жылы Ақтауда, екінші жиын 2005 жылы Таразда, үшінші жиын 2009 жылы Семейде өтті.",
     "Семейде жиын қай жылы өтті?", "2009"),
]


@pytest.mark.parametrize(("context", "question", "value"), CONJUNCT_VALUES)
def test_candidates_value_of_the_asked_conjunct(context: str, question: str, value: str) -> None:
    assert _best_value(context, question) == value


VERB_CLAUSES = [  # (context, question, value): nothing named, so the question verb's clause holds the value
    (("Бағдарлама 2012 жылғы 1 наурызда бекітілді: сол күннен бастап жаңа ереже қолданылды, ал жаңа кодекс "
      "2012 жылғы 1 қыркүйекте күшіне енді."), "Жаңа ереже қай күннен бастап қолданылды?", "2012-03-01"),
    (("Бағдарлама 2012 жылғы 1 наурызда бекітілді: сол күннен бастап жаңа ереже қолданылды, ал жаңа кодекс "
      "2012 жылғы 1 қыркүйекте күшіне енді."), "Жаңа кодекс қашан күшіне енді?", "2012-09-01"),
]


@pytest.mark.parametrize(("context", "question", "value"), VERB_CLAUSES)
def test_candidates_value_in_the_clause_of_the_verb(context: str, question: str, value: str) -> None:
    assert _best_value(context, question) == value


SUCH = [  # (sentence, same clause?): «мұндай» (such) points the later clause back at the earlier verb
    ("Солтүстікте алым ерте жойылды, ал Оңтүстікте мұндай шешім 1825 жылы қабылданды.", True),
    ("Солтүстікте алым ерте жойылды, ал Оңтүстікте жаңа шешім 1825 жылы қабылданды.", False),
]


@pytest.mark.parametrize(("sentence", "same"), SUCH)
def test_candidates_such_points_back_to_the_earlier_clause(sentence: str, same: bool) -> None:
    from derek.query.phrases import same_clause

    q = analyze_question("Оңтүстікте алым қай жылы жойылды?")
    p = document_passages(analyze(sentence), "t", q)[0]
    year = [i for i, t in enumerate(p.tokens) if t.norm == "1825"]
    verb = [i for i, t in enumerate(p.tokens) if t.norm == "жойылды"]
    assert same_clause(p, year, verb) is same


LED_STATES = [  # (context, question, answered?): the states whose leaders acted answer «кім», unless one is asked
    ("2005 жылы Жапония, Корея және Вьетнам басшылары Токиода келісімге қол қойды.",
     "Келісімге Вьетнам атынан кім қол қойды?", False),
    ("2005 жылы Жапония, Корея және Вьетнам басшылары Токиода келісімге қол қойды.",
     "Токиода келісімге кім қол қойды?", True),
]


@pytest.mark.parametrize(("context", "question", "answered"), LED_STATES)
def test_candidates_led_states_not_for_a_named_member(context: str, question: str, answered: bool) -> None:
    assert (_best_value(context, question) is not None) is answered


PERIODS = [  # (context, question, answer): a century answers as its text says it, with its part
    ("XVII ғасырдың екінші жартысында хандық күшейді.", "Хандық қашан күшейді?",
     "XVII ғасырдың екінші жартысында"),
    ("XVII ғасырдың соңында хандық күшейді.", "Хандық қашан күшейді?", "XVII ғасырдың соңында"),
    ("XVII ғасырда хандық күшейді.", "Хандық қашан күшейді?", "XVII ғасырда"),
    ("1990-жылдары хандық туралы кітап шықты.", "Хандық туралы кітап қашан шықты?", "1990-жылдары"),
]


@pytest.mark.parametrize(("context", "question", "answer"), PERIODS)
def test_candidates_century_answers_as_written(context: str, question: str, answer: str) -> None:
    q = analyze_question(question)
    found = [c for p in document_passages(analyze(context), "t", q) for c in candidates_in(p, q)]
    assert max(found, key=lambda c: c.score).answer == answer


GROWTH = [  # (question, sentence with a verb of the same sense, sentence with another verb)
    ("Тауар айналымы неше есе ұлғайды?", "Тауар айналымы 3 есе өсті.", "Тауар айналымы 3 есе азайды."),
    ("Қор неше есе көбейеді?", "Қор 10 есеге артады.", "Қор 10 есеге кемиді."),
]


@pytest.mark.parametrize(("question", "same", "other"), GROWTH)
def test_candidates_verb_of_the_same_sense_counts(question: str, same: str, other: str) -> None:
    q = analyze_question(question)
    cover = [document_passages(analyze(s), "t", q)[0].coverage for s in (same, other)]
    assert cover[0] > cover[1]


ANTECEDENTS = [  # (context, question, value): «Бұл … сапары болды» leans on the sentence before, whose
    # body's name holds the asked state; only when the demonstrative sentence's noun is a word of the question
    (("2020 жылы 50 дәрігер БҰҰ-ның Ливандағы уақытша күштерінің құрамына жіберілді. "
      "Бұл дәрігерлердің тұңғыш шетелдік сапары болды."), "Дәрігерлердің тұңғыш шетелдік сапары қай елде болды?",
     "state:lb"),
    (("2020 жылы 50 дәрігер БҰҰ-ның Ливандағы уақытша күштерінің құрамына жіберілді. "
      "Бұл жаңа тәжірибе болды."), "Дәрігерлердің тұңғыш шетелдік сапары қай елде болды?", None),
]


@pytest.mark.parametrize(("context", "question", "value"), ANTECEDENTS)
def test_candidates_state_inside_the_antecedent_body_name(context: str, question: str, value: str | None) -> None:
    assert _best_value(context, question) == value


AMOUNTS = [  # (context, question, value): «қанша» asks what a figure is, «неше есе» how it grew
    ("Экспорт 2010 жылдан бері 3 есе өсті.", "Экспорт қанша?", None),
    ("Экспорт 2010 жылдан бері 3 есе өсті.", "Экспорт неше есе өсті?", "3"),
    ("Экспорт 2010 жылдан бері 3 есеге жуық артты.", "Экспорт қанша есеге артты?", "3"),
    # the two states the question names are no count it asks for
    ("Екі ел арасындағы сауда 2022 жылы 12 млрд долларға жетті.",
     "Жапония мен Қытай арасындағы сауда қанша?", "12000000000"),
    ("Бұл келісімге екі ел қол қойды.", "Жапония мен Қытай арасындағы келісімге неше ел қол қойды?", "2"),
]


@pytest.mark.parametrize(("context", "question", "value"), AMOUNTS)
def test_candidates_amount_is_not_a_multiplier_or_the_named_states(context: str, question: str,
                                                                    value: str | None) -> None:
    assert _best_value(context, question) == value


OFFICES = [  # (context, question, value): an office-holder named by the office the question asks about
    ("2012 жылы БҰҰ Бас хатшысы Астанаға келді.", "БҰҰ Бас хатшысы кім?", None),
    # the sentence names the holder: he answers
    ("2012 жылы БҰҰ Бас хатшысы Пан Ги Мун Астанаға келді.", "БҰҰ Бас хатшысы кім?", "person:ban-ki-moon"),
    # named by his office, the one who acted still answers who acted
    ("1994 жылы Қазақстан Президенті Будапешт меморандумына қол қойды.",
     "Будапешт меморандумына Қазақстан атынан кім қол қойды?", "person:nazarbayev"),
]


@pytest.mark.parametrize(("context", "question", "value"), OFFICES)
def test_candidates_office_holder_by_office_does_not_answer_who_holds_it(context: str, question: str,
                                                                          value: str | None) -> None:
    assert _best_value(context, question) == value


ACTING_STATES = [  # (context, question, value): a state that did what «кім» asks about answers it
    ("Моңғол империясы 1218 жылы Қарақытай мемлекетін талқандағаннан кейін Шыңғыс хан батысқа аттанды.",
     "Қарақытай мемлекетін кім талқандады?", "state:mongol-empire"),
    # the states' leaders acted: the question about one state's person is not answered by another
    ("1991 жылы Ресей, Беларусь және Украина басшылары келісімге қол қойды.",
     "Келісімге Украина атынан кім қол қойды?", None),
    # a person between the state and the verb is the actor
    ("1992 жылы Ресей Президенті Борис Ельцин келісімге қол қойды.", "Келісімге кім қол қойды?",
     "person:yeltsin"),
]


@pytest.mark.parametrize(("context", "question", "value"), ACTING_STATES)
def test_candidates_acting_state_answers_who(context: str, question: str, value: str | None) -> None:
    assert _best_value(context, question) == value
