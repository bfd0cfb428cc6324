"""Build derek/lang/kk/data/lexicon.tsv (stem evidence from KazNERD text) and ud_lemmas.tsv
(form → lemma memory from UD KTB). Run from the repository root: python scripts/build_lexicon.py"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from derek.extract.conll import read_conll
from derek.lang.kk.context import context_counts, count_rows
from derek.lang.kk.lexicon import StemEvidence
from derek.lang.kk.morphology import Analyzer

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
DATA = ROOT / "derek" / "lang" / "kk" / "data"
KK_LETTERS = frozenset("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә-")


def kaznerd_sentences(path: Path) -> list[list[str]]:
    """Token lists of an IOB2 file (tags are ignored)."""
    return [[unicodedata.normalize("NFC", t) for t in sentence]
            for sentence in read_conll(path.read_text(encoding="utf-8").splitlines())]


_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def kazqad_sentences(path: Path) -> list[list[str]]:
    """Token lists of the distinct KazQAD passages (`context` fields), split at . ! ?"""
    contexts = dict.fromkeys(json.loads(line)["context"]
                             for line in path.read_text(encoding="utf-8").splitlines() if line)
    return [_TOKEN.findall(unicodedata.normalize("NFC", part))
            for text in contexts for part in _SENTENCE_END.split(text)]


def conllu_words(path: Path) -> list[list[tuple[str, str, str]]]:
    """(form, lemma, UPOS) of every syntactic word, per sentence; multiword-token lines skipped."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        cells = line.split("\t")
        if line.startswith("#") or len(cells) != 10 or not cells[0].isdigit():
            continue
        current.append(tuple(unicodedata.normalize("NFC", c) for c in cells[1:4]))
    if current:
        sentences.append(current)
    return sentences


def is_word(token: str) -> bool:
    low = token.lower()
    return len(low) > 1 and set(low) <= KK_LETTERS and low[0] != "-" and low[-1] != "-"


def count_forms(sentences: list[list[str]]) -> tuple[Counter, Counter, Counter]:
    """Tokens per lower-cased form; capitalized and all counts away from sentence starts."""
    freq, capital, inner = Counter(), Counter(), Counter()
    for tokens in sentences:
        for i, token in enumerate(tokens):
            if not is_word(token):
                continue
            low = token.lower()
            freq[low] += 1
            if i > 0 and tokens[i - 1] not in ".!?«\"":
                inner[low] += 1
                capital[low] += token[0].isupper()
    return freq, capital, inner


def paradigms(freq: Counter) -> dict[tuple[str, str], int]:
    """Distinct suffix chains (the bare form counts as one) each candidate stem is seen with
    across the corpus word types: stems with a real paradigm show several."""
    grammar = Analyzer(stems={}, memory={}, chains={}, weights={})
    endings: dict[tuple[str, str], set] = defaultdict(set)
    for form in freq:
        for cand in grammar.candidates(form):
            endings[(cand.stem, cand.kind)].add(cand.tags)
    return {key: len(seen) for key, seen in endings.items() if len(seen) >= 2}


def initial_evidence(freq: Counter) -> tuple[dict, dict]:
    """Round 0: every split the grammar allows counts once, so stems with many endings lead."""
    grammar = Analyzer(stems={}, memory={}, chains={}, weights={})
    endings: dict[tuple[str, str], set] = defaultdict(set)
    chains: Counter = Counter()
    for form in freq:
        for cand in grammar.candidates(form):
            if cand.kind == "V" and not cand.tags:
                continue
            endings[(cand.stem, cand.kind)].add(cand.tags)
            chains[(cand.kind, cand.tags)] += 1
    stems: dict[str, StemEvidence] = {}
    for (stem, kind), seen in endings.items():
        entry = stems.setdefault(stem, StemEvidence(freq=freq.get(stem, 0)))
        if kind == "N":
            entry.noun = len(seen) if entry.freq else len(seen) // 3
        else:
            entry.verb = len(seen)
    return stems, {}


def reestimate(freq: Counter, stems: dict, chains: dict, owner: dict) -> tuple[dict, dict, dict]:
    """One hard-EM round: each form goes to its best analysis, scored without its own evidence
    (leave-one-out); stems then count the distinct forms they received."""
    analyzer = Analyzer(stems=stems, memory={}, chains=chains, weights={})
    new_stems: dict[str, StemEvidence] = {}
    tokens: Counter = Counter()
    forms: Counter = Counter()
    hapax: Counter = Counter()
    new_owner = {}
    for form, count in freq.items():
        if owner:
            analyzer.held_out = {owner[form]: 1}
        else:
            analyzer.held_out = {(c.stem, c.kind): 1 for c in analyzer.candidates(form)}
        cand = analyzer.best_candidate(form)
        entry = new_stems.setdefault(cand.stem, StemEvidence(freq=freq.get(cand.stem, 0)))
        if cand.kind == "N":
            entry.noun += 1
        else:
            entry.verb += 1
        tokens[(cand.kind, cand.tags)] += count
        forms[(cand.kind, cand.tags)] += 1
        hapax[(cand.kind, cand.tags)] += count == 1
        new_owner[form] = (cand.stem, cand.kind)
    return new_stems, {key: (tokens[key], forms[key], hapax[key]) for key in tokens}, new_owner


def estimate(freq: Counter, capital: Counter, inner: Counter, rounds: int = 3) -> tuple[dict, dict]:
    """Stem evidence and chain counts after a few re-estimation rounds, with capitalization."""
    stems, chains = initial_evidence(freq)
    owner: dict = {}
    for _ in range(rounds):
        stems, chains, owner = reestimate(freq, stems, chains, owner)
    caps: Counter = Counter()
    seen: Counter = Counter()
    for form, (stem, _) in owner.items():
        caps[stem] += capital[form]
        seen[stem] += inner[form]
    for stem, entry in stems.items():
        entry.cap = round(100 * caps[stem] / seen[stem]) if seen[stem] else 0
    for (stem, kind), count in paradigms(freq).items():
        entry = stems.get(stem)
        if entry is None:  # a stem no form was assigned to: capitals of its bare form only
            cap = round(100 * capital[stem] / inner[stem]) if inner[stem] else 0
            entry = stems[stem] = StemEvidence(freq=freq.get(stem, 0), cap=cap)
        if kind == "N":
            entry.nchains = count
        else:
            entry.vchains = count
    return stems, chains


def write_lexicon(stems: dict, chains: dict, out: Path) -> None:
    head = ("# Stem evidence estimated by scripts/build_lexicon.py over KazNERD validation tokens\n"
            "# (ISSAI, CC BY 4.0). noun/verb: tokens whose best analysis has this nominal/verbal\n"
            "# stem; freq: bare-form tokens; cap: % capitalized away from sentence starts;\n"
            "# nchains/vchains: distinct nominal/verbal chains the stem is seen with (>= 2).\n"
            "stem\tnoun\tverb\tfreq\tcap\tnchains\tvchains\n")
    body = "".join(f"{s}\t{e.noun}\t{e.verb}\t{e.freq}\t{e.cap}\t{e.nchains}\t{e.vchains}\n"
                   for s, e in sorted(stems.items()))
    (out / "lexicon.tsv").write_text(head + body, encoding="utf-8")
    head = ("# Suffix chains of KazNERD validation tokens (ISSAI, CC BY 4.0), best analysis,\n"
            "# from scripts/build_lexicon.py. kind N/V; tags joined by +, - for none.\n"
            "# tokens; forms: distinct forms; hapax: forms seen once (prior for unseen stems).\n"
            "kind\ttags\ttokens\tforms\thapax\n")
    body = "".join(f"{k}\t{'+'.join(t) or '-'}\t{n}\t{f}\t{h}\n"
                   for (k, t), (n, f, h) in sorted(chains.items()))
    (out / "chains.tsv").write_text(head + body, encoding="utf-8")


def write_word_counts(freq: Counter, path: Path, minimum: int = 1) -> None:
    """Tokens per lower-cased word type seen at least ``minimum`` times (the ranker's text_freq)."""
    head = ("# Tokens per lower-cased word type (seen at least twice) in KazNERD validation\n"
            "# (ISSAI, CC BY 4.0) + KazQAD reading-comprehension dev passages (ISSAI, CC BY-SA 4.0),\n"
            "# counted by scripts/build_lexicon.py.\n"
            "form\ttokens\n")
    body = "".join(f"{w}\t{n}\n" for w, n in sorted(freq.items()) if n >= minimum)
    path.write_text(head + body, encoding="utf-8")


def write_ud_lemmas(sentences: list[list[tuple[str, str, str]]], path: Path) -> None:
    counts = Counter((f, lemma, upos) for s in sentences for f, lemma, upos in s
                     if upos != "PUNCT" and "\t" not in f)
    head = ("# Word form → lemma pairs counted from UD Kazakh KTB kk_ktb-dev.conllu\n"
            "# (CC BY-SA 4.0) by scripts/build_lexicon.py; forms as written.\n"
            "form\tlemma\tupos\tcount\n")
    body = "".join(f"{f}\t{lem}\t{u}\t{n}\n" for (f, lem, u), n in sorted(counts.items()))
    path.write_text(head + body, encoding="utf-8")


def write_ud_context(sentences: list[list[tuple[str, str, str]]], path: Path) -> None:
    """The context re-ranker's count tables (derek.lang.kk.context.context_counts)."""
    head = ("# Lemma co-occurrence counts from UD Kazakh KTB kk_ktb-dev.conllu (CC BY-SA 4.0) by\n"
            "# scripts/build_lexicon.py, lower-cased; numbers as #. table fl: form -> lemma\n"
            "# (neighbour = its commonest UPOS); fn/fp: form, lemma, next/previous word;\n"
            "# ln/lp/ll: lemma (form -) with the next/previous word or next lemma; pc/nc: form,\n"
            "# lemma, previous/next word class.\n"
            "table\tform\tlemma\tneighbour\tcount\n")
    rows = [row for row in count_rows(context_counts(sentences))
            if all(str(cell).strip() == str(cell) and str(cell) and "\t" not in str(cell)
                   and " " not in str(cell) for cell in row)]
    body = "".join("\t".join(map(str, row)) + "\n" for row in rows)
    path.write_text(head + body, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kaznerd", type=Path, default=SHARED / "kaznerd" / "kaznerd-valid.iob2")
    parser.add_argument("--kazqad", type=Path,
                        default=SHARED / "kazqad" / "kazqad-rc-dev.jsonl")
    parser.add_argument("--ud", type=Path, default=SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    text = kaznerd_sentences(args.kaznerd) + kazqad_sentences(args.kazqad)
    freq, capital, inner = count_forms(text)
    stems, chains = estimate(freq, capital, inner)
    write_lexicon(stems, chains, args.out)
    write_word_counts(freq, args.out / "word_counts.tsv")
    ud = conllu_words(args.ud)
    write_ud_lemmas(ud, args.out / "ud_lemmas.tsv")
    write_ud_context(ud, args.out / "lemma_context.tsv")
    print(f"lexicon.tsv: {len(stems)} stems; chains.tsv: {len(chains)} chains; ud_lemmas.tsv, "
          "lemma_context.tsv, word_counts.tsv")


if __name__ == "__main__":
    main()
