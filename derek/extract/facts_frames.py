"""What a figure is compared on besides its owner: the thing a bare amount measures («2 млрд
тонна пайдалы кен» → кен) and the time frame of an undated member count (present or past).
Reads a sentence's tokens through the TokenIndex; used by facts_counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from derek.doc import Quantity, Sentence
from derek.extract.rules import word_info

if TYPE_CHECKING:
    from derek.extract.index import TokenIndex

# «Қазір», «Қазіргі кезде», «Бүгінде», «бүгінгі таңда»: the count is today's
_NOW = frozenset({"қазір", "қазіргі", "қазірде", "бүгінде", "бүгінгі", "қазіргідей"})
_OBLIQUE = frozenset({"DAT", "LOC", "ABL", "INS", "GEN"})
_MEASURED_REACH = 3  # «тоннаға жуық пайдалы кен»: the noun within three words of the figure


def measured_noun(index: TokenIndex, sentence: Sentence, b: int, q: Quantity) -> str | None:
    """The lemma of the noun a mass, volume or money figure measures, right after it: «100 млн
    тонна тұзды құм» → құм, «90 млн тонна мұнай мен газ» → мұнай, «20 млн тонна бидай сатып
    алды» → бидай; the last noun of the phrase, not one in an oblique case («құм теңізге»: where
    it goes). None for counts («500 мың адам»: the unit is the thing counted)."""
    if q.kind not in ("cardinal", "money") or q.unit is None:
        return None
    found = None
    for k in range(b, min(b + _MEASURED_REACH, sentence.last_token)):
        word = index.norms[k]
        if not word[:1].isalpha() or word[:1].isupper():
            break
        lemma, tags, pos = word_info(word)
        if pos == "NOUN" and found and tags & _OBLIQUE:
            break
        if pos == "NOUN" and len(word) >= 3:
            found = lemma
        elif pos != "ADJ":
            break
    return found


def count_frame(index: TokenIndex, sentence: Sentence) -> str:
    """The time of an undated member count: "present" when the sentence says now («Қазір АӨСШК-ге
    27 мемлекет мүше», «Бүгінде БҰҰ 193 мемлекетті біріктіреді») or states it in the present
    tense, "past" when its main verb is past («… мүшелерінің саны 52-ден 55 мемлекетке дейін
    өсті», «… 6 мемлекет мүше болды») or it follows an event («Осы кеңейтуден кейін …»)."""
    words = [index.norms[k].lower() for k in range(sentence.first_token, sentence.last_token)]
    if any(w in _NOW for w in words):
        return "present"
    for k, word in enumerate(words):
        lemma, tags, pos = word_info(word)
        if lemma == "кейін" and pos == "ADP" and k and "ABL" in word_info(words[k - 1])[1]:
            return "past"  # «кеңейтуден кейін» (after the enlargement): the count of that time
    verb = next((w for w in reversed(words) if w[:1].isalpha()), "")
    lemma, tags, pos = word_info(verb)
    return "past" if pos in ("VERB", "AUX") and "PAST" in tags or verb in ("еді", "болатын") else "present"
