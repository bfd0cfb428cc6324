"""Offices held (appointed_as): the whole post with the body owning it and its rank («Қазақ
өлкелік партия комитетінің бірінші хатшысы»), its period and holder, for copulas, serving verbs,
participles, career lines and abstract nouns («бас қолбасшылығына … сайланды»)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import DateMention, Fact, Sentence
from derek.extract.biography import subjectless
from derek.extract.history import ruler_titles
from derek.extract.periods import merged_periods
from derek.extract.phrases import phrase_head, possessive, titles
from derek.extract.post_coordination import (
    COPULAS,
    joined_modifier,
    not_a_post,
    time_words,
    title_word,
    turn_ordinal,
    verbal_noun,
    verbal_object,
)
from derek.extract.post_words import (
    PLACE_ATTR,
    aside_start,
    continues_list,
    coordinated_heads,
    list_values,
    quoted_name,
)
from derek.extract.rules import Arg, Clause, word_info
from derek.lang.kk.suffixes import strip_suffix

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_TERMS = {"мерзім"}  # «президенттік мерзімге»: the term of an office stands for the office
_MODIFIERS = {"бас", "вице"}  # «бас қолбасшы» (commander-in-chief)


def title_of_abstract(word: str) -> str | None:
    """«қолбасшылығына» → «қолбасшы», «президенттік» → «президент»; None for other words."""
    # the derivation -лық makes an abstract noun of a title: президент → президенттік
    stem = strip_suffix(word_info(word)[0], "DER.LYQ")
    if stem is None:
        return None
    return stem if stem in titles() or stem in ruler_titles() or strip_suffix(stem, "DER.SHY") else None


def post_dative(index: TokenIndex, clause: Clause, i: int) -> bool:
    """Is «кірісті» at ``i`` taking up a named post: its last dative «қызметіне / лауазымына»
    after a word that is no pronoun («инспектор қызметіне кірісті»)? «жұмысқа кірісті» (set to
    work) and «өз қызметіне ресми кірісті» (took up one's duties) name no post."""
    k = next((j for j in range(i - 1, clause.first - 1, -1) if "DAT" in word_info(index.norms[j])[1]), None)
    if k is None or k <= clause.first or word_info(index.norms[k])[0] not in POST_NOUNS:
        return False
    return word_info(index.norms[k - 1])[2] not in ("PRON", "DET") and index.norms[k - 1].lower() != "өз"


def office_value(value: str) -> str:
    """An office phrase in the nominative with a term or an abstract noun replaced by the title:
    «президенттік мерзім» → «президент», «бас қолбасшылық» → «бас қолбасшы»."""
    words = value.split()
    if len(words) > 1 and word_info(words[-1])[0] in _TERMS:
        title = title_of_abstract(words[-2])  # «бес жылдық президенттік мерзім»: the words before
        return title or value  # describe the term, not the office
    title = title_of_abstract(words[-1])
    return " ".join(words[:-1] + [title]) if title else value


def dative_office(index: TokenIndex, clause: Clause, i: int, args: list[Arg]) -> str | None:
    """The office an appointee standing right before the verb was appointed to, named in the
    dative before him: «бүкіл қазақ қолының бас қолбасшылығына Әбілқайыр хан сайланды»."""
    person = next((a for a in args if a.type == "person" and a.case == "NOM" and a.last == i), None)
    if person is None or person.first <= clause.first:
        return None
    k = person.first - 1
    lemma, tags, _ = word_info(index.norms[k])
    if "DAT" not in tags:
        return None
    title = title_of_abstract(index.norms[k])
    if title is None and lemma in _TERMS and k - 1 >= clause.first:
        title, k = title_of_abstract(index.norms[k - 1]), k - 1
    if title is None:
        return None
    words = [title]
    if k - 1 >= clause.first and index.norms[k - 1].lower() in _MODIFIERS:
        words.insert(0, index.norms[k - 1].lower())
    return " ".join(words)


_BODY_TYPES = frozenset({"organization", "body"})


def body_office(index: TokenIndex, clause: Clause, i: int, value: str) -> str:
    """An office phrase of a named body keeps the body: «Қазақ КСР Министрлер Кеңесінің
    төрағасының орынбасары болып» → «Қазақ КСР Министрлер Кеңесі төрағасының орынбасары» (the
    body in the nominative, the direct possessor of the title still genitive)."""
    first = value.split()[0]
    k = next((j for j in range(i - 1, clause.first - 1, -1)
              if index.norms[j].lower() == first or word_info(index.norms[j])[0] == first), None)
    if k is None:
        return value
    words: list[str] = []
    for j in range(k - 1, max(clause.first, k - 4) - 1, -1):
        body = next((m for s, e, m in index.mentions_in(max(0, j - 6), j + 1) if e == j + 1 and m.type in _BODY_TYPES), None)
        if body is not None and "GEN" in word_info(index.norms[j])[1]:
            return " ".join([strip_suffix(body.text, "GEN") or body.text] + words + [value])
        _, tags, pos = word_info(index.norms[j])
        if pos != "NOUN" or tags != frozenset({"POSS.3", "GEN"}):
            return value
        words.insert(0, index.norms[j])
    return value


_STOP_POS = frozenset({"VERB", "AUX", "PRON", "DET", "ADV", "CCONJ", "SCONJ", "ADP", "PART"})
_NOT_GEN = frozenset({"DAT", "ACC", "LOC", "ABL", "INS", "ATTR"})
CASES = _NOT_GEN | {"GEN"}  # every marked case: a word in one is no bare title
AS = frozenset({"болып", "боп"})  # «… хатшысы болып сайланды»: the post is named before the verb («боп» is short)
APPOINTING = frozenset({"сайла", "тағайында"})  # elect, appoint
POST_NOUNS = {"қызмет", "лауазым"}  # «… хатшысы қызметін / лауазымын атқарды»
_SEQUENCE = {"тұңғыш", "алғашқы", "соңғы", "жаңа", "қайта"}  # «тұңғыш Президенті»: a turn, not a rank
_OWNER_TYPES = frozenset({"organization", "body", "state"})
POST_REACH = 9  # words a post may span before its head
_WHOLE = {"барлық", "бүкіл"}
_ALSO = {"да", "де", "та", "те"}


def is_post(word: str) -> bool:
    """A title with the possessive ending («хатшысы», «төрағасы», «ханы», «комиссары»): the head
    noun of a post owned by a body («комитетінің бірінші хатшысы»)."""
    lemma, tags, _ = word_info(word)
    known = titles() | ruler_titles()
    if lemma in known:
        return "POSS.3" in tags and not tags & CASES
    return any(word.lower() == possessive(t) for t in known)


def whole_post(index: TokenIndex, clause: Clause, head: int, stop: set[int]) -> str | None:
    """The post whose possessive title stands at ``head``, with the body that owns it and its
    rank, in the nominative: «Қазақ өлкелік партия комитетінің бірінші хатшысы», «Қазақстан
    Компартиясы ОК-нің бірінші хатшысы», «үш жүздің ханы», «Қазақ АКСР Халық Ағарту комиссары»;
    a body in the genitive before a genitive title drops to the nominative («Министрлер Кеңесі
    төрағасының орынбасары»). None when neither a genitive nor a named body owns the title."""
    norms = index.norms
    if head > clause.first and norms[head - 1].lower() in _MODIFIERS:
        return None  # «… қосынының бас қолбасшысы»: the gold names the title alone («бас қолбасшы»)
    words: list[str] = []
    k, aside = head - 1, 0
    stop = stop - {j for a, b, m in index.mentions_in(clause.first, head)  # a genitive person owns
                   if m.type == "person" and m.case == "GEN" for j in range(a, b)}  # «Сейдектің … биі»
    while k >= clause.first and head - k - aside <= POST_REACH and k not in stop:
        opening = aside_start(norms, clause, k)
        if opening is not None:  # «дуанының (орталығы Қараоба мекені) аға сұлтаны»: an aside is no part
            aside += k - opening + 1
            k = opening - 1
            continue
        quoted = quoted_name(norms, clause, k) if words else None
        if quoted is not None:  # «"Қазақ" газетінің редакторы»: a quoted name is part of the post
            words.insert(0, '"' + " ".join(norms[quoted + 1:k]) + '"')
            k = quoted - 1
            continue
        if k == head - 1 and turn_ordinal(norms[k]):
            k, aside = k - 1, aside + 1  # «Республикасының 2-нші Президенті»: the turn, not a rank
            continue
        if not norms[k][:1].isalpha():
            break
        if norms[k].lower() in _ALSO and k > clause.first and _gen(norms[k - 1]):
            k, aside = k - 1, aside + 1  # «Сейдектің де кеңесші биі»: «also» after the owner
            continue
        _, tags, pos = word_info(norms[k])
        if norms[k].lower() in time_words() or pos in ("ADP", "PRON"):
            break  # «Кейін … хатшысы болады» (later), «Ол …»: a sentence's first word, capitalized
        cardinal = pos == "NUM" and "ORD" not in tags and not (words and _gen(words[0]))
        nominal = "GEN" in tags or norms[k][:1].isupper()  # «Кеңесінің», «Кеңесі» read as verbs
        if norms[k].lower() in _WHOLE:  # «барлық қырғыздардың билеушісі»: a quantifier opens the phrase
            words.insert(0, norms[k])
            break
        if words and PLACE_ATTR <= tags:  # «Торғай облысындағы … инспекторы»: where the post is
            words.insert(0, norms[k])
            k -= 1
            continue
        if words and (joined_modifier(index, clause.first, k, stop) or verbal_object(index, k, words[0])
                      or verbal_noun(norms[k])):
            words.insert(0, norms[k])  # «реттеу және дамыту агенттігінің», «нарқын реттеу …»
            k -= 1
            continue
        if norms[k].lower() in _SEQUENCE or cardinal or (pos in _STOP_POS and not nominal) or tags & _NOT_GEN \
                or (pos == "NUM" and "ORD" in tags and words):
            break  # an ordinal is a rank only right before the title («бірінші хатшысы»)
        words.insert(0, norms[k])
        k -= 1
    named = any(m.type in _OWNER_TYPES and s > k for s, _, m in index.mentions_in(k + 1, head))
    if not words or not (named or any(_gen(w) for w in words)):
        return None
    return " ".join(_izafet(words + [norms[head]]))


def _gen(word: str) -> bool:
    return "GEN" in word_info(word)[1]


def _izafet(words: list[str]) -> list[str]:
    """«Кеңесінің төрағасының орынбасары» → «Кеңесі төрағасының орынбасары»: a genitive owning a
    genitive title is written in the nominative."""
    out = list(words)
    for j in range(len(out) - 2):
        if _gen(out[j]) and _gen(out[j + 1]) and "POSS.3" in word_info(out[j + 1])[1]:
            out[j] = strip_suffix(out[j], "GEN") or out[j]
    return out


def post_value(index: TokenIndex, clause: Clause, i: int, args: list[Arg], value: str | None) -> str | None:
    """The value of an appointment rule: the whole post when a body owns the title before the
    trigger («… комитетінің бірінші хатшысы болып тағайындалды»), else the phrase rule's value
    with an abstract noun made a title and a named body kept (office_value, body_office)."""
    head = phrase_head(index, clause, i, "")
    if head >= clause.first and not_a_post(index.norms[head]):
        return None  # «Сотта тағайындалған жаза», «Кеше тағайындалған X»: where or when, not the post
    if head >= clause.first and (is_post(index.norms[head]) or _possessed(index.norms[head])):
        whole = whole_post(index, clause, head, holders(index, args))
        if whole:
            return whole
    return body_office(index, clause, i, office_value(value)) if value else None


def qualifies_noun(index: TokenIndex, args: list[Arg], end: int) -> bool:
    """Is the participle ending at ``end`` followed by a common noun it qualifies («хан сайланған
    баласы»)? Then it says nothing of a subject before it."""
    if end >= len(index.norms) or any(a.first == end for a in args):
        return False
    _, tags, pos = word_info(index.norms[end])
    return pos == "NOUN" and index.norms[end][:1].islower() and not tags & CASES - {"ACC"}


def holders(index: TokenIndex, args: list[Arg]) -> set[int]:
    """Tokens no post reaches into: people's names and dates."""
    return {k for a in args if a.type == "person" for k in range(a.first, a.last)} | index.date_tokens


def office_facts(sentence: Sentence, clause: Clause, index: TokenIndex,
                 dates: list[tuple[int, DateMention]], carried: str | None = None) -> list[Fact]:
    """«Тоқаев 1999–2002 жылдары Премьер-Министр, 2007–2011 және 2013–2019 жылдары Сенат
    төрағасы болды»: one appointed_as per title before «болды», with the dates between it and
    the previous title; the first title also takes a date before the holder («1925–1933 жылдары
    Ф. Голощекин … бірінші хатшысы болды»); a title a body owns is the whole post. A clause
    with no subject («Кейіннен ханның кеңесші биі болады.») is about the ``carried`` person."""
    norms = index.norms
    verb = clause.last - 1 if norms[clause.last - 1][:1].isalpha() else clause.last - 2
    lemma, tags, _ = word_info(norms[verb])
    subject = next((a for a in clause.args if a.type == "person" and a.case == "NOM" and a.last <= verb), None)
    if lemma not in COPULAS or not (tags & _COPULA_PAST or _sentence_final(index, sentence, verb, tags)):
        return []
    if subject is not None:
        holder, first, begin = subject.entity, subject.first, subject.last
    elif carried is not None and subjectless(index, clause, verb):
        holder, first, begin = carried, clause.first, clause.first
    else:
        return []
    facts, start, stop = [], begin, holders(index, clause.args)
    dates = merged_periods(index, dates)
    for k in range(begin, verb):
        if continues_list(index, Clause(start, clause.last), k):
            continue  # «редакторы әрі хатшысы болды»: the list is read at its last title
        values = post_values(index, Clause(start, clause.last), k, stop)
        if not values:
            continue
        spans = [d.value for a, d in dates if start <= a < k]
        if not spans and start == begin:
            spans = [d.value for a, d in dates if a < first][-1:]
        facts += [Fact(holder, "appointed_as", None, value, time, None,
                       sentence.start, sentence.end, 0.7) for value in values for time in spans or [None]]
        start = k + 1
    return facts


_COPULA_PAST = frozenset({"PAST"})
# A participle ending a sentence is its finite verb (the evidential past «… ханы болған.»), and
# the aorist «болады» tells a life in the historic present («… хатшысы болады.»).
_FINAL_FORMS = (frozenset({"PTCP.PAST"}), frozenset({"CONV.A", "3"}))


def _sentence_final(index: TokenIndex, sentence: Sentence, verb: int, tags: frozenset[str]) -> bool:
    """Is the copula at ``verb`` the sentence's last word (punctuation aside), in the evidential
    past or the aorist?"""
    rest = index.norms[verb + 1:sentence.last_token]
    return tags in _FINAL_FORMS and all(not w[:1].isalnum() for w in rest)


def title_value(index: TokenIndex, part: Clause, k: int, stop: set[int]) -> str | None:
    """The office a title at ``k`` names: the whole post, or the title with one noun modifier
    («Сенат төрағасы»), or the bare title in the nominative."""
    norms = index.norms
    head, head_tags, _ = word_info(norms[k])
    if head not in titles() and title_word(norms[k]):  # «болыс» read as бол- + reciprocal
        head, head_tags = norms[k].lower(), frozenset()
    if k in index.date_tokens:
        return None
    if is_post(norms[k]):
        whole = whole_post(index, part, k, stop)
        if whole:
            return whole
    if head not in titles() or head_tags & CASES or (k + 1 not in stop and _modifies_next(norms, k)):
        return None
    words = [head if "POSS.3" not in head_tags else norms[k].lower()]
    if "POSS.3" in head_tags and k - 1 >= part.first and word_info(norms[k - 1])[2] in ("NOUN", "PROPN") \
            and norms[k - 1][:1].isalpha() and k - 1 not in index.date_tokens:
        words.insert(0, norms[k - 1].lower())
        # «Сыртқы істер министрі»: the modifier's own bare adjectives belong to the post
        for j in range(k - 2, part.first - 1, -1):
            lemma, tags, pos = word_info(norms[j])
            if joined_modifier(index, part.first, j, stop):  # «Білім және ғылым министрі»
                words[:0] = [norms[j - 1], norms[j]]
                break
            if j in stop or pos != "ADJ" or tags or lemma in _NOT_IN_POST or len(words) == 4:
                break
            words.insert(0, norms[j].lower())
    return " ".join(words)


def post_values(index: TokenIndex, clause: Clause, head: int, stop: set[int]) -> list[str]:
    """One value per post of the list that ends with the title at ``head`` («ханның уәзірі, биі»
    → «ханның уәзірі», «ханның биі»): the first post read in the whole clause, each later one from
    its own words with the owner they share; a ruler's title counts in a list («уәзір, би»)."""
    posts = coordinated_heads(index, clause, head)
    values = [title_value(index, Clause(own if n else clause.first, clause.last), t, stop)
              or (_ruler(index.norms[t]) if len(posts) > 1 else None) for n, (own, t) in enumerate(posts)]
    return list_values(values[0], values[1:]) if all(values) else []


def list_posts(index: TokenIndex, clause: Clause, i: int, args: list[Arg], value: str) -> list[str]:
    """The values of an appointment rule's post: one per post listed before the trigger
    («төрағасы және хатшысы болып сайланды»), else ``value`` alone."""
    head = phrase_head(index, clause, i, "")
    if head < clause.first or len(coordinated_heads(index, clause, head)) == 1:
        return [value]
    return post_values(index, clause, head, holders(index, args)) or [value]


def _ruler(word: str) -> str | None:
    lemma, tags, _ = word_info(word)
    return (word.lower() if "POSS.3" in tags else lemma) if lemma in ruler_titles() else None


def _modifies_next(norms: list[str], k: int) -> bool:
    """«Министрлер Кеңесінің …»: a title followed by a noun is that noun's modifier, not a post."""
    if k + 1 >= len(norms) or not norms[k + 1][:1].isalpha():
        return False
    _, tags, pos = word_info(norms[k + 1])
    return pos in ("NOUN", "PROPN") or "GEN" in tags


_NOT_IN_POST = {"жаңа", "алғашқы"}  # «жаңа Сыртқы істер министрі»: new, first — no part of the post
def prefer_chaired(facts: list[Fact]) -> list[Fact]:
    """«Қазақ КСР Жоғарғы Кеңесінің төрағасы болды»: chairing a named body is `chaired` (the
    gold's reading); the post «… төрағасы» is not stated again as appointed_as. A deputy
    («төрағасының орынбасары») or a chair of an unnamed body stays appointed_as."""
    chairs = {(f.subject, f.start) for f in facts if f.predicate == "chaired"}
    return [f for f in facts if not (f.predicate == "appointed_as" and (f.subject, f.start) in chairs
                                     and word_info(f.value.split()[-1])[0] == "төраға")]


def linked_participle(norms: list[str], end: int) -> bool:
    """«төрағасы болып сайланған X»: a trigger ending in «болып» before a past participle is
    itself part of the participle phrase."""
    return norms[end - 1].lower() == "болып" and end < len(norms) and "PTCP.PAST" in word_info(norms[end])[1]


def _possessed(word: str) -> bool:
    """A noun with the possessive and no case («инспекторы»): what an appointment verb names
    is a post even when no title list knows it."""
    _, tags, pos = word_info(word)
    return pos == "NOUN" and "POSS.3" in tags and not tags & CASES
