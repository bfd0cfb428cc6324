"""Letter case and endings of a question as typed: «қазақстан бұұ ға» → Қазақстан, БҰҰ-ға.

Rewrites a question's ``Token.norm`` (and joins an ending typed apart to its word); offsets
stay in the typed text. Used by query/typed.restore_typed only, never on documents.
"""

from __future__ import annotations

from functools import cache

from derek.doc import Document, Token

COMMON = 50  # a lower-case form typed this often (word_counts.tsv) is a word, not a glued name
CAPITALIZED = 50  # a stem written capitalized less often than this % of the time is a common word
_SPACED_ENDINGS = frozenset({  # case endings typed apart from an abbreviation («БҰҰ ға»)
    "ға", "ге", "қа", "ке", "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді",
    "ты", "ті", "дан", "ден", "тан", "тен", "нан", "нен", "дағы", "дегі", "тағы", "тегі"})


@cache
def abbreviations() -> frozenset[str]:
    """The gazetteer's names written in capitals (БҰҰ, ТМД, ЕАЭО)."""
    from derek.extract.gazetteer import load_gazetteer

    return frozenset(n for e in load_gazetteer().entries.values() for n in e.names
                     if len(n) > 1 and n.isalpha() and n.isupper())


def ordinary(word: str) -> bool:
    """Whether a lower-case word is a common Kazakh word (its lemma mostly written in lower case
    in the lexicon's text: «ел», «одақ», «қазан»), which a question's lower case does not make a name."""
    from derek.lang.kk.lexicon import stem_lexicon
    from derek.lang.kk.morphology import analyze

    stems = stem_lexicon()
    low = word.lower()
    for key in (low, *(a.lemma.lower() for a in analyze(low)[:1])):
        evidence = stems.get(key)
        if evidence is not None and evidence.cap < CAPITALIZED:
            return True
    return False


def restore_case(tokens: list[Token], lowered: bool = False) -> None:
    """A lower-case word that spells a gazetteer name or abbreviation with its ending takes the
    name's capitals, unless its first word is an ordinary word («ел», «жер бетінде»; not
    «біріккен ұлттар ұйымы»)."""
    from derek.extract.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    # a name the question matches as typed («Еуразиялық экономикалық одақ») keeps its letters
    typed = {i for a, b, _, _ in gazetteer.match(tokens) for i in range(a, b)}
    # «Астана қай жылы астана болды?»: a word the question also writes capitalized is lower on purpose
    written = {t.norm.lower() for t in tokens if t.norm[:1].isupper()}
    typed |= {i for i, t in enumerate(tokens) if t.norm[:1].islower() and t.norm.lower() in written}
    # a question that starts with a capital was typed with capitals: its lower-case words are
    # meant («Ең үлкен арал»: an island, not the Aral); only abbreviations take theirs back
    first = next((t.norm for t in tokens if t.norm[:1].isalpha()), "")
    shapes = (_upper, _title) if lowered or not first[:1].isupper() else (_upper,)
    for shape in shapes:
        trial = [Token(t.start, t.end, t.text, shape(t.norm) or t.norm, t.lemma) for t in tokens]
        for a, b, _, _ in gazetteer.match(trial):
            changed = [i for i in range(a, b) if trial[i].norm != tokens[i].norm]
            # the name's first word must be no ordinary word: «жер бетінде» is not the planet Жер,
            # «серіктестік және ынтымақтастық туралы келісім» is any such agreement
            if changed and typed.isdisjoint(range(a, b)) and not ordinary(tokens[a].norm):
                for i in changed:
                    tokens[i].norm = trial[i].norm


def _title(norm: str) -> str | None:
    return norm[:1].upper() + norm[1:] if norm[:1].islower() else None


def _upper(norm: str) -> str | None:
    """«бұұ-ға» → «БҰҰ-ға» when the part before the ending is a known abbreviation."""
    stem, hyphen, tail = norm.partition("-")
    return stem.upper() + hyphen + tail if stem.upper() in abbreviations() and not stem.isupper() else None


def restore_spacing(doc: Document) -> None:
    """«БҰҰға», «бұұға» → «БҰҰ-ға»; «БҰҰ ға» → one token «БҰҰ-ға» (an abbreviation known to the
    gazetteer and a case ending typed glued or apart)."""
    for t in doc.tokens:
        if (glued := _glued(t.norm)) is not None:
            t.norm = glued
    tokens = doc.tokens
    merged: list[Token] = []
    for t in tokens:
        last = merged[-1] if merged else None
        if (last is not None and t.norm.lower() in _SPACED_ENDINGS and last.norm.upper() in abbreviations()
                and doc.text[last.end:t.start] == " "):
            merged[-1] = Token(last.start, t.end, doc.text[last.start:t.end], f"{last.norm}-{t.norm}", last.lemma)
        else:
            merged.append(t)
    if len(merged) != len(tokens):
        doc.tokens = merged
        _renumber(doc)


def _glued(norm: str) -> str | None:
    """«БҰҰға» → «БҰҰ-ға»: a known abbreviation with a case ending glued on; a word in lower case
    («бұұға») only when it is neither common as typed nor an ordinary word."""
    from derek.lang.kk.lexicon import word_counts

    if "-" in norm or not norm.isalpha() or norm.isupper():
        return None
    lower = norm.islower()
    if lower and (word_counts().get(norm, 0) >= COMMON or ordinary(norm)):
        return None
    for cut in range(2, min(len(norm) - 1, 6)):
        stem, tail = norm[:cut], norm[cut:]
        if (lower or stem.isupper() and tail.islower()) and stem.upper() in abbreviations() \
                and tail.lower() in _SPACED_ENDINGS:
            return f"{stem}-{tail}"
    return None


def _renumber(doc: Document) -> None:
    """Sentences' token indexes after tokens were joined."""
    starts = [t.start for t in doc.tokens]
    from bisect import bisect_left

    for s in doc.sentences:
        s.first_token = bisect_left(starts, s.start)
        s.last_token = bisect_left(starts, s.end)
