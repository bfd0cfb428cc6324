"""Question analysis: the expected answer type, the entities, dates and predicates asked about.

«Қазақстан БҰҰ-ға қашан мүше болды?» → type date, entities state:kz and org:un (dative),
predicates member_of/joined, content terms for retrieval.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from derek.doc import DateMention, Document, EntityMention, Token
from derek.errors import QueryError
from derek.kb.search import term
from derek.lang.kk.resources import load_list, load_tsv

AS = "ретінде"  # «X ретінде» (as X): the postposition naming a role

MAX_QUESTION_CHARS = 1000
POST = "қызмет"  # the focus noun of a question asking the posts held («қандай қызмет»)
DATE_TYPES = ("date", "year", "month", "day")  # answer types a date answers


@dataclass(slots=True)
class Question:
    text: str
    answer_type: str  # date year month person persons place organization state states number ordinal description yesno
    tokens: list[Token]
    entities: list[EntityMention]
    dates: list[DateMention]
    predicates: list[str]
    terms: list[str]  # content lemma terms for retrieval and overlap
    focus: str | None = None  # the noun after «қай»/before the colon: қала, құжат, ел ...
    words: set[int] = field(default_factory=set)  # token indexes of the question words
    verb: str | None = None  # term of the main predicate word (the last content word)
    names: set[str] = field(default_factory=set)  # terms of capitalized words (proper names)
    standing: str | None = None  # the noun the verb's aorist states: «кіреді» → «мүше» (_standing)
    # terms of the words before the asked noun: «қандай сыртқы саясат тұғырнамасын» → сыртқы, саясат
    modifiers: frozenset[str] = frozenset()

    @property
    def wants_list(self) -> bool:
        return self.answer_type in ("persons", "states", "organizations", "list")

    def to_dict(self) -> dict[str, object]:
        return {"answer_type": self.answer_type, "predicates": self.predicates, "terms": self.terms,
                "entities": [e.entity for e in self.entities], "focus": self.focus,
                "dates": [d.value for d in self.dates]}


def _rows(name: str) -> list[list[str]]:
    """The data rows of a TSV in derek/query/data, as lists of cells."""
    return [list(row.values()) for row in load_tsv(name, "derek.query")]


@cache
def question_words() -> list[tuple[tuple[str, ...], str]]:
    pairs = [(tuple(r[0].split()), r[1]) for r in _rows("question_words.tsv")]
    return sorted(pairs, key=lambda p: -len(p[0]))


@cache
def answer_nouns() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("answer_nouns.tsv")}


@cache
def load_words(name: str) -> frozenset[str]:
    """A word list from derek/query/data (one lowercase word per line, # comments)."""
    return frozenset(load_list(name, "derek.query"))


def stopwords() -> frozenset[str]:
    return load_words("stopwords.txt")


@cache
def predicate_rules() -> list[tuple[object, list[str]]]:
    from derek.extract.rules import Rule, parse_trigger

    rules = []
    for trigger, predicates in _rows("question_predicates.tsv"):
        rule = Rule(predicates, parse_trigger(trigger), frozenset(), frozenset(), frozenset(), frozenset(), "none", 1.0)
        rules.append((rule, predicates.split("|")))
    return sorted(rules, key=lambda r: -len(r[0].trigger))


def analyze_question(text: str) -> Question:
    """Analyse a question through the same pipeline as documents."""
    text = text.strip()
    if not text:
        raise QueryError("empty question")
    if len(text) > MAX_QUESTION_CHARS:
        raise QueryError(f"question too long ({len(text)} characters; limit {MAX_QUESTION_CHARS})")
    from derek.extract.entities import extract_gazetteer_entities
    from derek.lang.kk.dates import extract_dates
    from derek.lang.kk.numbers import extract_quantities
    from derek.pipeline import lemmatize, run, segment
    from derek.query.owned_bodies import owned_bodies
    from derek.query.typed import restore_typed

    # restore_typed: a question typed casually (lower case, a Russian keyboard, «БҰҰ ға») has its
    # words restored in Token.norm before the stages read them (query/typed.py)
    doc = run(Document(text), [segment, restore_typed, lemmatize, extract_dates, extract_quantities,
                               extract_gazetteer_entities])
    # «ШЫҰ-ның хатшылығы»: the owner in the genitive, then its body's own words (owned_bodies.py)
    doc.entities = sorted(doc.entities + owned_bodies(doc.tokens, doc.entities, text), key=lambda e: e.start)
    answer_type, words, focus = _answer_type(doc.tokens)
    terms = _terms(doc.tokens, words | _auxiliaries(doc.tokens))
    # «… Сенат төрағасы қай жылдары болды?»: a date's question words may stand between
    between = words if answer_type in DATE_TYPES else frozenset()
    predicates = list(dict.fromkeys(predicates_of(doc.tokens) + _post_held(doc.tokens, between)))
    modifiers: frozenset[str] = frozenset()
    if answer_type == "description" and (phrase := _asked_phrase(doc.tokens, words)) is not None:
        head, before = phrase
        focus, modifiers = term(doc.tokens[head]), frozenset(term(doc.tokens[i]) for i in before)
    verb = _verb(doc.tokens, terms, focus, doc.entities)
    question = Question(text, answer_type, doc.tokens, doc.entities, doc.dates, predicates,
                        terms, focus, words, verb, _names(doc.tokens, terms), _standing(doc.tokens, verb))
    question.modifiers = modifiers
    read_who_is(question)
    return question


MAX_MODIFIERS = 3  # words before the asked noun: «қандай сыртқы саясат тұғырнамасын»
NOMINAL_TAGS = frozenset({"POSS.3", "POSS.1SG", "POSS.1PL", "POSS.2", "PL",
                          "GEN", "DAT", "ACC", "ABL", "LOC", "INS"})


def _asked_phrase(tokens: list[Token], words: set[int]) -> tuple[int, list[int]] | None:
    """The head of a phrase «қандай» asks about, and the words before it: uninflected words
    modify the first word with a possessive or case ending («қандай сыртқы саясат тұғырнамасын
    таңдады» → тұғырнама; a compound's head bears the ending), or the last of them when a verb
    follows («қандай халықаралық ұйым болып табылады» → ұйым). None for one word alone, which
    ``_focus`` already reads («қандай саясат жүргізді»)."""
    from derek.extract.rules import best_tags

    start = max(words, default=-1) + 1
    if start == 0 or tokens[start - 1].norm.lower() != "қандай":
        return None
    before: list[int] = []
    breaks = load_words("phrase_breaks.txt")
    for i in range(start, min(start + MAX_MODIFIERS + 1, len(tokens))):
        t = tokens[i]
        if not t.norm.isalpha() or term(t) in stopwords():
            return None
        tags = best_tags(t.norm)
        # «қандай мемлекет ретінде»: a postposition ends the phrase as a verb does
        ends = t.norm.lower() in breaks or t.lemma.lower() in breaks
        if not tags and not ends:
            before.append(i)
        elif tags <= NOMINAL_TAGS and not ends:
            return (i, before) if before else None
        else:  # a verb or a postposition: the last uninflected word was the head
            return (before[-1], before[:-1]) if len(before) >= 2 else None
    return None


def read_who_is(question: Question) -> None:
    """«Тоқаев кім?» asks what «Тоқаев қандай қызмет атқарды?» asks: the posts held, once the name
    is a person's (a gazetteer one here, a knowledge base's provisional one in provisional.py)."""
    if question.answer_type == "person" and _who_is(question.tokens, question.entities, question.words):
        question.answer_type, question.predicates, question.focus = "description", ["appointed_as", "chaired"], POST
        question.verb = _verb(question.tokens, question.terms, POST, question.entities)
        question.standing = _standing(question.tokens, question.verb)


@cache
def standing_verbs() -> dict[str, str]:
    """Verb lemma -> the noun its aorist states (data/standing_verbs.tsv)."""
    return {r[0]: r[1] for r in _rows("standing_verbs.tsv")}


def _standing(tokens: list[Token], verb: str | None) -> str | None:
    """«ЕАЭО-ға қанша мемлекет кіреді?»: a verb in the aorist or the imperfect participle
    («кіреді», «кіретін»: belongs to) also asks the standing state its noun names («мүше»), which is
    how texts often write it; a sentence with the noun matches the verb as a synonym does
    (coverage.score). In the past («кірді», joined) it asks the event only."""
    from derek.lang.kk.morphology import analyze

    noun = standing_verbs().get(verb or "")
    for t in tokens if noun else ():
        readings = analyze(t.norm.lower())[:1] if term(t) == verb else []
        if readings and {"CONV.A", "PTCP.IMPF"} & set(readings[0].tags):
            return noun
    return None


def _post_held(tokens: list[Token], asked: set[int] = frozenset()) -> list[str]:
    """«… қай жылдары Сенат төрағасы болды?», «… Сенат төрағасы қай жылдары болды?», «…
    Премьер-Министр болды?»: a post's title (extract/data/titles.txt, matched by its lemma as
    written) before «бол-», with at most the question's words between, asks about holding it."""
    from itertools import pairwise

    from derek.extract.phrases import titles

    words = [t for i, t in enumerate(tokens) if any(c.isalnum() for c in t.norm) and i not in asked]
    return ["appointed_as"] if any(a.lemma.lower() in titles() or term(a) in titles()
                                   for a, b in pairwise(words) if b.lemma.lower() == "бол") else []


def _who_is(tokens: list[Token], entities: list[EntityMention], words: set[int]) -> bool:
    """«Тоқаев кім?», «Абылай хан кім болған?»: «кім» asked of a named person is no person but
    who they were; any other word («Назарбаев кімді тағайындады?», «БҰҰ Бас хатшысы кім?»)
    asks for a person."""
    if [tokens[i].norm.lower() for i in sorted(words)] != ["кім"]:
        return False
    people = [e for e in entities if e.type == "person"]
    for i, t in enumerate(tokens):
        if i in words or not any(c.isalnum() for c in t.norm) or t.lemma.lower() in COPULAS:
            continue
        if not any(e.start <= t.start and t.end <= e.end for e in people):
            return False
    return bool(people)


def _auxiliaries(tokens: list[Token]) -> set[int]:
    """Aspect verbs after a converb («айқын көріне бастады»: «бастады» after «көріне»), left out
    of the terms so that the converb is the question's main verb (data/auxiliaries.txt)."""
    from itertools import pairwise

    from derek.extract.rules import best_tags

    words = [i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.norm)]
    return {b for a, b in pairwise(words) if tokens[b].lemma.lower() in load_words("auxiliaries.txt")
            and "CONV.A" in best_tags(tokens[a].norm)}


COPULAS = frozenset({"бол", "е", "еді", "екен"})  # «кім болған», «кім еді», «кім екен»


def _verb(tokens: list[Token], terms: list[str], focus: str | None = None,
          entities: list[EntityMention] = ()) -> str | None:
    """The main predicate: Kazakh is verb-final, so the last content word of the question — but
    not the asked noun of a verbless question: «Қазақстанның астанасы қай қала?» predicates
    «астана» («қала» is what the answer is), and not a name: «Қазақстан БҰҰ-ның нешінші мүшесі?»
    predicates its asked noun «мүше»."""
    content = [(term(t), any(e.start <= t.start and t.end <= e.end for e in entities))
               for t in tokens if term(t) in terms and not t.norm.isdigit()]
    for word, named in reversed(content):
        if word != focus and not named:
            return word
    if focus in (word for word, _ in content):
        return focus
    return content[-1][0] if content else None


def _names(tokens: list[Token], terms: list[str]) -> set[str]:
    """Capitalized words after the first (proper names): a passage without them is off-topic."""
    return {term(t) for t in tokens[1:] if t.norm[:1].isupper() and term(t) in terms}


def _answer_type(tokens: list[Token]) -> tuple[str, set[int], str | None]:
    forms = [t.norm.lower() for t in tokens]
    lemmas = [t.lemma.lower() for t in tokens]  # «қашаннан», «қаншаға» are inflected question words
    for seq in (forms, lemmas):  # exact forms first: «кімдер» before the lemma «кім»
        for i in range(len(tokens)):
            for pattern, kind in question_words():
                n = len(pattern)
                if tuple(seq[i : i + n]) == pattern:
                    kind = "description" if _naming(forms, i + n) else kind if _pronoun(pattern) \
                        else _refine(kind, tokens, _head_start(forms, i, n))
                    return kind, set(range(i, i + n)), _focus(tokens, i + n, kind)
    if (particle := _yes_no(tokens)) is not None:
        return "yesno", {particle}, None
    return _colon_type(tokens, answer_nouns())


PARTICLES = frozenset({"ма", "ме", "ба", "бе", "па", "пе"})  # «… мүше ме?»: asks yes or no


def _yes_no(tokens: list[Token]) -> int | None:
    """The question particle that ends a question with no question word («Қазақстан ШЫҰ-ның
    құрылтайшысы ма?»), if there is one."""
    words = [i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.norm)]
    if len(words) >= 2 and tokens[words[-1]].norm.lower() in PARTICLES:
        return words[-1]
    return None


def _head_start(forms: list[str], i: int, n: int) -> int:
    """Where the asked noun may start: after the question words, or before them when they end
    the question («ШЫҰ-ның құрылтайшы мемлекеттері қандай?», «… қандай болған?»)."""
    rest = [f for f in forms[i + n :] if f.isalpha() and not f.startswith("бол")]
    return i if not rest and i > 0 else i + n


def _naming(forms: list[str], start: int) -> bool:
    """«қандай күн деп жариялады»: a name is asked for, whatever the noun; «қандай мемлекет ретінде»
    (as what kind of state) asks for the kind, a description, not a state."""
    if "қандай" in forms[max(start - 2, 0) : start] and "ретінде" in forms[start : start + 2]:
        return True  # the question words may hold the noun («қандай ұйым»)
    return "деп" in forms[start : start + 3] and forms[start - 1] in ("қандай", "не", "қай")


DETERMINERS = frozenset({"қандай", "қай", "неше", "нешінші", "қанша"})  # ask for the noun after


def _focus(tokens: list[Token], start: int, kind: str) -> str | None:
    """The answer noun in or just after the question words (қай қалада, қандай құжат), or for a
    description or a figure the word after them («қандай формуланы» → формула, «неше рет» → рет)."""
    asks_noun = start > 0 and tokens[start - 1].norm.lower() in DETERMINERS
    # «нені шақыру туралы келісімге»: a pronoun is the answer itself; the nouns after it are not asked
    end = start + 3 if asks_noun else start
    for t in tokens[max(start - 1, 0) : possessor_end(tokens, start, end)]:
        if t.lemma.lower() in answer_nouns():
            return t.lemma.lower()
    after = tokens[start : start + 1]
    if asks_noun and kind in ("description", "number", "ordinal") and after and after[0].norm.isalpha() \
            and term(after[0]) not in stopwords():
        return term(after[0])
    return None


def possessor_end(tokens: list[Token], start: int, end: int) -> int:
    """Where the asked noun's window ends: «қай министрліктің басшысы» asks for the ministry, the
    possessor in the genitive right after the question word, not for its possessed head «басшы»
    (a person); the window stops after the genitive unless that word is itself an answer noun
    («қай мемлекеттің президенті» is read as before: a state). Public for tests."""
    from derek.extract.rules import best_tags

    if start + 1 >= len(tokens) or start >= end or tokens[start].lemma.lower() in answer_nouns():
        return end
    if "GEN" in best_tags(tokens[start].norm) and "POSS.3" in best_tags(tokens[start + 1].norm):
        return start + 1
    return end


def _pronoun(pattern: tuple[str, ...]) -> bool:
    """«кім» (who) stands for the answer itself and modifies no noun: «Кім 2010 жылы … төрағасы
    болды?» asks for a person, not the year after it."""
    return pattern[-1].startswith("кім")


# «ЕАЭО-ның мүшелері қандай?»: members in the plural are the member states, a list, as «ЕАЭО-ға
# қандай мемлекеттер мүше?» asks; one member («мүшесі») stays what it was
MEMBER = "мүше"


def _refine(kind: str, tokens: list[Token], start: int) -> str:
    nouns = answer_nouns()
    window = tokens[max(start - 1, 0) : possessor_end(tokens, start, start + 3)]
    for i, t in enumerate(window):
        lemma = t.lemma.lower()
        if lemma == MEMBER and kind == "description" and _plural("state", t) == "states":
            return "states"
        if lemma in nouns and kind in ("description", "state", "organization", "person"):
            counted = any(_cardinal(w.norm) for w in window[:i])
            return _plural(nouns[lemma], t, counted)
    return kind


@cache
def _cardinals() -> dict[str, int]:
    """Number words of two or more (екі, үш … он, жиырма …), from lang/kk/data/number_words.tsv."""
    return {r["word"].lower(): int(float(r["value"])) for r in load_tsv("number_words.tsv")
            if float(r["value"]) >= 2 and r["kind"] in ("unit", "ten")}


def _cardinal(word: str) -> int | None:
    """«екі» → 2, «3» → 3: after a numeral a Kazakh noun stays singular, yet names several
    («қай екі мемлекет»)."""
    low = word.lower()
    value = _cardinals().get(low) or (int(low) if low.isdigit() and len(low) < 4 else None)
    return value if value and value >= 2 else None


def asked_count(question: Question) -> int | None:
    """How many values a list question asks for: «қай екі мемлекет» → 2; None when not counted."""
    if not question.wants_list or not question.words:
        return None
    after = question.tokens[max(question.words) + 1 : max(question.words) + 3]
    return next((n for t in after if (n := _cardinal(t.norm))), None)


def _plural(kind: str, token: Token, counted: bool = False) -> str:
    from derek.extract.rules import best_tags

    plural = counted or "PL" in best_tags(token.norm)
    return {"state": "states", "person": "persons", "organization": "organizations"}.get(kind, kind) if plural else kind


def _colon_type(tokens: list[Token], nouns: dict[str, str]) -> tuple[str, set[int], str | None]:
    """Exam stems: «1726 жылы қазақ әскері жоңғарларға соққы берген жер:»."""
    words = [t for t in tokens if any(c.isalnum() for c in t.norm)]
    if words:
        last = words[-1]
        lemma = last.lemma.lower()
        if lemma in nouns:
            return _plural(nouns[lemma], last), {tokens.index(last)}, lemma
    return "description", set(), None


def predicates_of(tokens: list[Token]) -> list[str]:
    from derek.extract.facts_adopted import ABOUT

    norms = [t.norm for t in tokens]
    # «Армения Одаққа қосылу туралы шартқа қай айда қол қойды?»: a word before «туралы» names the
    # document's topic, not the asked event (session 20: the joining date answered a signing)
    topical = [("" if nxt.lower() in ABOUT else n) for n, nxt in zip(norms, [*norms[1:], ""], strict=True)]
    # «Үндістан ШЫҰ-ға бақылаушы ретінде қай жылы қабылданды?»: the role named before «ретінде»
    # is what is asked, not any sense of the verb (a full membership does not answer it)
    roles = [found for n, nxt in pairwise(norms) if nxt.lower() == AS
             and (found := _triggered([n]))]
    return roles[0] if roles else _triggered(topical)


def _triggered(norms: list[str]) -> list[str]:
    """The predicates whose question triggers (`question_predicates.tsv`) occur in ``norms``."""
    from derek.extract.rules import trigger_matches

    found: dict[str, None] = {}
    for rule, predicates in predicate_rules():
        if any(trigger_matches(rule, norms, i) for i in range(len(norms))):
            found.update(dict.fromkeys(predicates))
    return list(found)


def _terms(tokens: list[Token], words: set[int]) -> list[str]:
    stop = stopwords()
    found: dict[str, None] = {}
    for i, t in enumerate(tokens):
        key = term(t)
        if (i not in words and key and key not in stop and not t.norm.isdigit()
                or (t.norm.isdigit() and len(t.norm) == 4)) and key:
            found[key] = None
    return list(found)
