"""What a figure measures or counts: the measure noun before or after it («сауда айналымы 139,8
млрд», extract/data/measures.txt), the action a multiplier measures («мұнай өндіру 4 есе»), and the
noun a whole count counts («456 ядролық сынақ», «олардың 116-сы») (reads the token index only)."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from derek.doc import Quantity, Sentence
from derek.extract.figure_owners import class_nouns
from derek.extract.rules import is_between, word_info
from derek.lang.kk.resources import load_list

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

_PARTITIVE = {"олардың", "соның"}  # «олардың 116-сы» (116 of them): counts what the last figure did
_PARTICIPLES = frozenset({"PTCP.PAST", "PTCP.IMPF", "PTCP.FUT"})
_APPROX = {"шама", "жуық", "астам", "шамасы"}  # «шамамен 2 есе»: approximately
_PART_OF = re.compile(r"-с?[ыі]$")  # a figure with the possessive ending: a part of a whole before it


@cache
def measures() -> dict[str, str]:
    """Measure lemma (or «modifier lemma») → the unit it implies, "" if none
    (extract/data/measures.txt: a lemma, optionally a TAB and a unit)."""
    rows = [line.split("\t") for line in load_list("measures.txt", "derek.extract")]
    return {row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "") for row in rows}


@cache
def abbreviated_measures() -> dict[str, str]:
    """Encyclopedia abbreviation of a measure noun («биікт.») → its lemma, which the lemmatizer
    cannot give a period-kept token (extract/data/measure_abbreviations.tsv)."""
    rows = [line.split("\t") for line in load_list("measure_abbreviations.tsv", "derek.extract")]
    return {row[0].strip().lower(): row[1].strip() for row in rows if len(row) > 1}


@cache
def owner_nouns() -> frozenset[str]:
    """Nouns that name a place, state or organization again (extract/data/owner_nouns.txt)."""
    return frozenset(line.strip().lower() for line in load_list("owner_nouns.txt", "derek.extract"))


def unnamed_possessor(index: TokenIndex, sentence: Sentence, at: int) -> bool:
    """Is the possessed measure noun at ``at`` owned by a common noun in the genitive that no name
    covers («Мұздықтың жалпы ауданы 14 км²», «жолдың ұзындығы 12 км», «өсімдіктің биіктігі»), so
    the figure is that unnamed thing's and not the place the text carries? Up to two lowercase
    modifiers may stand between; a noun naming a place or owner again (``class_nouns``,
    owner_nouns.txt: «елдің халқы»), a measure noun («халқының») or a pronoun does not count."""
    if at <= sentence.first_token or "POSS.3" not in word_info(index.norms[at])[1]:
        return False
    k = at - 1
    while k > sentence.first_token and at - k <= 2 and index.norms[k].isalpha() and index.norms[k].islower() \
            and word_info(index.norms[k])[2] == "ADJ":
        k -= 1
    word = index.norms[k]
    lemma, tags, pos = word_info(word)
    if "GEN" not in tags or "POSS.3" in tags or pos != "NOUN" or not word.isalpha() or index.mentions_in(k, k + 1):
        # «мұздықтарының ауданы» (its glaciers'): a possessed possessor is the carried name's own
        return False
    if word[:1].isupper() and k != sentence.first_token:
        return False  # a capitalized word inside the sentence is a name (unknown_owner's business)
    if word_info(lemma)[1] & _PARTICIPLES or "PL" in tags and pos == "VERB":
        return False  # «жұқтырғандардың саны»: people who did something, counted where they are
    before = index.norms[max(sentence.first_token, k - 3):k]
    if any(e > k - 3 for _, e, _ in index.mentions_in(max(0, k - 9), k)) or any(is_between(w, frozenset({"LOC"})) for w in before):
        return False  # «Қазақстан мен Түрікменстан арасындағы шекараның ұзындығы»: the names' own thing
    return lemma not in class_nouns() and lemma not in owner_nouns() and lemma not in measures() \
        and not any(s <= k < e for s, e, _ in index.mentions_in(max(0, k - 6), k + 1))


def next_item_after(index: TokenIndex, sentence: Sentence, a: int, comma: int) -> bool:
    """Is the figure at ``a`` the next item of a series right after the comma at ``comma``, with
    at most its measure phrase between and no name («…, орташа қалыңдығы – 80 м»)?"""
    return comma >= sentence.first_token and index.norms[comma] == "," and 0 < a - comma <= 4 \
        and not index.mentions_in(comma, a) and not index.quantities_in(comma, a)


def measure_of(sentence: Sentence, index: TokenIndex, a: int, b: int) -> tuple[int, str] | None:
    """The noun the figure measures and its position: up to 6 words before it («сауда
    айналымы 139,8 млрд»), else right after it («30 млрд доллардан астам тауар айналымын»,
    «70,96 % дауыс»); with the modifier before it when that is a lowercase word."""
    norms = index.norms
    after = [k for k in (b, b + 1, b + 2) if k < sentence.last_token and norms[k][:1].isalpha()][:2]
    # not across a comma: «100-120 км, ені 25-30 км» (the next item's measure, not this one's)
    after = [k for k in after if not any(norms[j] in (",", ";") for j in range(b, k))]
    for k in [*range(a - 1, max(sentence.first_token, a - 6) - 1, -1), *after]:
        lemma = abbreviated_measures().get(norms[k].lower()) or word_info(norms[k])[0]
        if lemma in measures() and not (k < a and _after_figure(index, sentence, k)):
            prev = norms[k - 1] if k - 1 >= sentence.first_token else ""
            if prev.isalpha() and prev.islower() and word_info(prev)[0] + " " + lemma in measures():
                return k, word_info(prev)[0] + " " + lemma
            return k, (word_info(prev)[0] + " " if _modifier(prev) else "") + lemma
    return None


def _after_figure(index: TokenIndex, sentence: Sentence, k: int) -> bool:
    """Is the noun at ``k`` right after an earlier figure, so that figure's measure («20 % халық
    екі тілде сөйлейді»: the people are the percentage's, not what «екі тілде» counts)?"""
    return any(e == k for _, e, _ in index.quantities_in(max(sentence.first_token, k - 4), k))


def _modifier(word: str) -> bool:
    """A lowercase noun or adjective qualifies the measure («сыртқы сауда», «тауар айналымы»);
    a pronoun, converb or approximation does not («сөйтіп сауда балансы», «олардың үлесі»,
    «шамамен»)."""
    lemma, _, pos = word_info(word)
    return word.isalpha() and word.islower() and pos in ("NOUN", "ADJ") and lemma not in _APPROX


def rate_of(index: TokenIndex, sentence: Sentence, a: int, q: Quantity) -> tuple[int, str] | None:
    """A multiplier measures the action named by the verbal noun right before it: «мұнай
    өндіру 4 есе қысқарды» (oil production fell fourfold), «мыс қорыту 3,1 есе өсті»."""
    k = a - 1
    while k in index.date_tokens:  # «мұнай өндіру 1995 жылы 2 есе»: past the figure's year
        k -= 1
    if q.kind != "multiplier" or k < sentence.first_token:
        return None
    lemma, tags, _ = word_info(index.norms[k])
    return (k, lemma) if "VNOUN" in tags else None


def counted(sentence: Sentence, index: TokenIndex, a: int, b: int, q: Quantity) -> tuple[int, str] | None:
    """A whole count of things and the noun counted: «456 ядролық сынақ», «104 құрлықаралық
    баллистикалық зымыран», «16 мемлекеттің»; «олардың 116-сы» counts what the last figure did."""
    if q.kind not in ("cardinal", "count") or q.value != int(q.value) or not q.text[:1].isdigit():
        return None  # «екі», «үш» in words are «both», «the three» of prose, not statistics
    if q.unit not in (None, "state", "country"):
        return None
    if q.unit is None and q.text.isdigit() and len(q.text) == 4 and 1800 <= q.value <= 2100:
        return None  # «2012 аралық сайлау»: a year the date stage left unread, not a count
    norms = index.norms
    if q.unit is not None:  # «15 мемлекет»: the counted noun is part of the figure
        return b - 1, word_info(norms[b - 1])[0]
    if a > sentence.first_token and norms[a - 1].lower() in _PARTITIVE:
        return a - 1, norms[a - 1].lower()
    if "POSS.3" in word_info(norms[a])[1]:  # «456 жарылыстың 116-сы … 78-і»: part of that whole
        whole = next((k for k in range(a - 1, sentence.first_token, -1)
                      if norms[k - 1].isdigit() and "GEN" in noun_reading(norms[k])[1]), None)
        if whole is not None:
            return whole, noun_reading(norms[whole])[0]
    if _PART_OF.search(q.text):
        return None  # «30 млн-ы …, 38 млн-ы ақ гвардияшылар …» (of it): a part, counting nothing after it
    for k in range(b, min(b + 4, sentence.last_token)):
        if not norms[k][:1].isalpha() or norms[k][:1].isupper():
            return None
        lemma, _, pos = noun_reading(norms[k])
        if pos == "NOUN" and len(norms[k]) >= 3:  # «1738 м», «109 га»: an abbreviated unit, not a noun
            return k, lemma
    return None


def noun_reading(word: str) -> tuple[str, frozenset[str] | set[str], str]:
    """The analysis of a word, or of its spelling with a final «н» read as «ң» when only that
    one analyses: «ң» is often typed as «н» where a keyboard lacks it («жарылыстын»)."""
    found = word_info(word)
    if found[2] != "NOUN" and word.endswith("н"):
        fixed = word_info(word[:-1] + "ң")
        if fixed[2] == "NOUN" and "GEN" in fixed[1]:
            return fixed
    return found


def opening_measure(index: TokenIndex, sentence: Sentence, at: int) -> bool:
    """Does the measure noun at ``at`` open its sentence with no owner of its own: possessed and
    first but for list marks and lowercase adjectives («Биіктігі 5895 м», «* Жалпы ауданы …»), or an
    encyclopedia abbreviation of one («Биікт. 5895 м», lang/kk/data/abbreviations.tsv)? Such a
    zero possessor is what the entry is about, as «Оның биіктігі» would say."""
    word = index.norms[at]
    _, tags, pos = word_info(word)
    if word.lower() in abbreviated_measures():
        pos, tags = "NOUN", frozenset({"POSS.3"})
    if pos != "NOUN" or "POSS.3" not in tags or "GEN" in tags:
        return False
    for k in range(sentence.first_token, at):
        lemma_tags, kind = word_info(index.norms[k])[1:]
        if index.norms[k][:1].isalnum() and not (kind == "ADJ" and not lemma_tags):
            return False
    return True
