"""Lemma accuracy of derek's Kazakh analyzer on UD KTB (5-fold held-out: the lemma memory and the
ranker, with its L2 chosen by inner cross-validation, are learned from the other folds) and its
speed; prints JSON. Run: python bench/lemma_accuracy.py [--errors] [--l2 X]"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_lexicon import conllu_words, is_word, kaznerd_sentences  # noqa: E402
from train_lemma_ranker import memory_of, train  # noqa: E402

from derek.lang.kk import lexicon as lex  # noqa: E402
from derek.lang.kk import morphology  # noqa: E402

SHARED = ROOT / ".." / "shared" / "data"
UD = SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu"
KAZNERD = SHARED / "kaznerd" / "kaznerd-valid.iob2"
FOLDS = 5


def score(analyzer: morphology.Analyzer, sentences: list, totals: dict, errors: Counter) -> None:
    """Add exact-match counts per UPOS (case-sensitive and case-insensitive) to totals."""
    for sentence in sentences:
        for form, gold, upos in sentence:
            if upos == "PUNCT":
                continue
            readings = analyzer.analyze(form)
            guess = readings[0].lemma if readings else form
            for key in ("ALL", upos):
                row = totals.setdefault(key, [0, 0, 0])
                row[0] += 1
                row[1] += guess == gold
                row[2] += guess.lower() == gold.lower()
            if guess != gold:
                errors[(form, gold, guess, upos)] += 1


def accuracy(sentences: list, use_ud: bool, l2: float | None = None) -> tuple[dict, Counter, list]:
    """Held-out accuracy: memory and ranker for fold k are learned from the other folds only."""
    totals: dict = {}
    errors: Counter = Counter()
    chosen = []
    for k in range(FOLDS):
        test = [s for i, s in enumerate(sentences) if i % FOLDS == k]
        train_part = [s for i, s in enumerate(sentences) if i % FOLDS != k]
        if use_ud:
            weights, best = train(train_part, FOLDS - 1, l2)
            chosen.append(best)
            analyzer = morphology.Analyzer(memory=memory_of(train_part), weights=weights)
        else:
            analyzer = morphology.Analyzer(memory={}, weights={})
        score(analyzer, test, totals, errors)
    table = {key: {"n": n, "accuracy": round(100 * ok / n, 1),
                   "accuracy_ignoring_case": round(100 * ok_ci / n, 1)}
             for key, (n, ok, ok_ci) in sorted(totals.items(), key=lambda kv: -kv[1][0])}
    return table, errors, chosen


def baseline(sentences: list) -> float:
    words = [(f, lem) for s in sentences for f, lem, u in s if u != "PUNCT"]
    return round(100 * sum(f.lower() == lem.lower() for f, lem in words) / len(words), 1)


def speed() -> dict:
    tokens = [t for s in kaznerd_sentences(KAZNERD) for t in s if is_word(t)]
    unique = list(dict.fromkeys(tokens))[:20000]
    analyzer = morphology.default_analyzer()
    analyzer.lemma("бала")  # build the ending table outside the timing
    start = time.perf_counter()
    for word in unique:
        analyzer.lemma(word)
    uncached = len(unique) / (time.perf_counter() - start)
    start = time.perf_counter()
    for word in unique:
        analyzer.analyze(word)
    all_readings = len(unique) / (time.perf_counter() - start)
    morphology.lemma.cache_clear()
    start = time.perf_counter()
    for word in tokens:
        morphology.lemma(word)
    cached = len(tokens) / (time.perf_counter() - start)
    return {"running_text_cached_words_per_s": round(cached), "running_tokens": len(tokens),
            "unique_words_uncached_words_per_s": round(uncached), "unique_words": len(unique),
            "unique_words_all_readings_words_per_s": round(all_readings),
            "note": "running text starts with an empty cache, so cache misses are included"}


def main() -> None:
    sentences = conllu_words(UD)
    l2 = float(sys.argv[sys.argv.index("--l2") + 1]) if "--l2" in sys.argv else None
    with_ud, errors, chosen = accuracy(sentences, use_ud=True, l2=l2)
    without_ud, _, _ = accuracy(sentences, use_ud=False)
    report = {
        "data": "UD Kazakh KTB kk_ktb-dev.conllu, syntactic words, PUNCT excluded, "
                "multiword-token surface lines skipped (their parts are scored)",
        "baseline_lowercased_copy": baseline(sentences),
        "l2_per_fold": chosen,
        "heldout_5fold_memory_and_ranker": with_ud,
        "grammar_and_lexicon_only_no_ud": without_ud,
        "speed": speed(),
    }
    if "--errors" in sys.argv:
        report["top_errors"] = [list(k) + [n] for k, n in errors.most_common(80)]
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
