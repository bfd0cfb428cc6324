"""The stem lexicon behind the Kazakh analyzer: stem evidence from running text (lexicon.tsv),
lemma memory learned from UD KTB (data/ud_lemmas.tsv) and hand-written exception lists."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from derek.lang.kk.resources import load_list, load_tsv


@dataclass(slots=True)
class StemEvidence:
    """How strongly running text supports a string as a nominal or verbal stem."""

    noun: int = 0  # distinct nominal endings seen on it (the bare form counts as one)
    verb: int = 0  # distinct verbal endings seen on it
    freq: int = 0  # tokens of the bare form
    cap: int = 0  # percent of its non-initial occurrences written with a capital
    pos: str = ""  # a UPOS when a lemma list names one
    nchains: int = 0  # distinct nominal suffix chains seen on it in the corpus (paradigm size)
    vchains: int = 0  # distinct verbal suffix chains seen on it
    cap_forms: int = 0  # lemma lists: capitalized word forms seen with this lemma (any case)
    cap_lemmas: int = 0  # ... of which the lemma was written with a capital


@dataclass(slots=True, frozen=True)
class Memorized:
    """A lemma remembered for an exact (lower-cased) word form."""

    lemma: str
    pos: str
    count: int
    cap_forms: int = 0  # occurrences written with a capital whose lemma is this one (any case)
    cap_lemmas: int = 0  # ... of which the lemma was capitalized (Азаматты → Азамат)

    def capitalized(self) -> bool | None:
        """Whether a capitalized occurrence of the form has a capitalized lemma (None: unseen or
        a tie)."""
        if 2 * self.cap_lemmas == self.cap_forms:
            return None
        return 2 * self.cap_lemmas > self.cap_forms


@cache
def stem_lexicon() -> dict[str, StemEvidence]:
    """data/lexicon.tsv as a dict (built by scripts/build_lexicon.py from KazNERD text)."""
    return {
        r["stem"]: StemEvidence(int(r["noun"]), int(r["verb"]), int(r["freq"]), int(r["cap"]),
                                nchains=int(r["nchains"]), vchains=int(r["vchains"]))
        for r in load_tsv("lexicon.tsv")
    }


@cache
def word_counts() -> dict[str, int]:
    """data/word_counts.tsv: tokens of each lower-cased word type seen at least twice in KazNERD
    + KazQAD text (scripts/build_lexicon.py): how common a candidate lemma is as a word."""
    return {r["form"]: int(r["tokens"]) for r in load_tsv("word_counts.tsv")}


@cache
def chain_counts() -> dict[tuple[str, tuple[str, ...]], tuple[int, int, int]]:
    """data/chains.tsv: (stem kind, suffix tags) → (tokens, forms, hapax forms) in KazNERD text."""
    return {(r["kind"], tuple(r["tags"].split("+")) if r["tags"] != "-" else ()):
            (int(r["tokens"]), int(r["forms"]), int(r["hapax"])) for r in load_tsv("chains.tsv")}


@cache
def ud_memory() -> dict[str, Memorized]:
    """data/ud_lemmas.tsv: the most frequent UD KTB lemma of each word form."""
    return memory_from_rows((r["form"], r["lemma"], r["upos"], int(r["count"]))
                            for r in load_tsv("ud_lemmas.tsv"))


@cache
def exceptions() -> dict[str, Memorized]:
    """data/lemma_exceptions.tsv: hand-checked irregular forms (pronouns, particles, clitics)."""
    return {r["form"]: Memorized(r["lemma"], r["pos"], 0) for r in load_tsv("lemma_exceptions.tsv")}


@cache
def no_strip() -> dict[str, str]:
    """data/no_strip.txt: lemmas that look inflected but are not (Алматы, Ресей, мүше),
    lower-cased → as written (proper nouns keep their capital)."""
    return {w.lower(): w for w in load_list("no_strip.txt")}


GAZETTEERS = ("states", "orgs", "treaties", "people", "places")
_CYRILLIC = frozenset("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә")


@cache
def gazetteer_stems() -> frozenset[str]:
    """Capitalized single words of the gazetteer names (nominative): known proper-noun stems."""
    words = set()
    for name in GAZETTEERS:
        for row in load_tsv(f"gazetteer_{name}.tsv"):
            text = " ".join(row.get(k) or "" for k in ("name_kk", "short_kk", "aliases"))
            for word in text.replace("|", " ").replace("-", " ").split():
                low = word.lower()
                if word[0].isupper() and not word.isupper() and len(word) > 2 \
                        and set(low) <= _CYRILLIC:
                    words.add(low)
    return frozenset(words)


def memory_from_rows(rows: Iterable[tuple[str, str, str, int]]) -> dict[str, Memorized]:
    """Keep, for every lower-cased form, its most frequent (lemma, UPOS), and how the lemma was
    capitalized when the form was (forms written as in the text; abbreviations left out)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    capitals: dict[str, Counter] = defaultdict(Counter)
    for form, lemma, upos, count in rows:
        counts[form.lower()][(lemma, upos)] += count
        if form[:1].isupper() and not form[1:2].isupper():
            capitals[form.lower()][(lemma.lower(), lemma[:1].isupper())] += count
    memory = {}
    for form, counter in counts.items():
        (lemma, upos), count = counter.most_common(1)[0]
        caps = capitals.get(form)
        if caps:
            upper = caps[(lemma.lower(), True)]
            memory[form] = Memorized(lemma, upos, count, upper + caps[(lemma.lower(), False)],
                                     upper)
        else:
            memory[form] = Memorized(lemma, upos, count)
    return memory


def lemma_evidence(memory: dict[str, Memorized]) -> dict[str, StemEvidence]:
    """Known lemmas (from a memory) as stem evidence: UPOS decides nominal or verbal."""
    evidence: dict[str, StemEvidence] = {}
    for item in memory.values():
        key = item.lemma.lower()
        entry = evidence.setdefault(key, StemEvidence(pos=item.pos))
        if item.pos in ("VERB", "AUX"):
            entry.verb += item.count
        else:
            entry.noun += item.count
        entry.cap_forms += item.cap_forms
        entry.cap_lemmas += item.cap_lemmas
    return evidence


def capitalized(known: StemEvidence) -> bool | None:
    """Whether capitalized words of a known lemma had a capitalized lemma in the lemma list
    (None: never seen capitalized, or a tie)."""
    if 2 * known.cap_lemmas == known.cap_forms:
        return None
    return 2 * known.cap_lemmas > known.cap_forms
