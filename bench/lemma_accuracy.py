"""Lemma accuracy of derek's Kazakh analyzer on UD KTB (5-fold held-out: the lemma memory, the
ranker and the context re-ranker, with L2 chosen by inner cross-validation, are learned from the
other folds), word by word and in sentence context, and its speed; prints JSON.
Run: python bench/lemma_accuracy.py [--errors] [--l2 X] [--speed-only]"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_lexicon import conllu_words, is_word, kaznerd_sentences
from train_lemma_context import train as train_context
from train_lemma_ranker import memory_of, train

from derek.lang.kk import morphology
from derek.lang.kk.context import ContextModel, context_counts, lemmatize_sentence, rerank

SHARED = ROOT / ".." / "shared" / "data"
UD = SHARED / "ud-kazakh-ktb" / "kk_ktb-dev.conllu"
KAZNERD = SHARED / "kaznerd" / "kaznerd-valid.iob2"
FOLDS = 5


def score(analyzer: morphology.Analyzer, sentences: list, totals: dict, errors: Counter,
          model: ContextModel | None = None) -> None:
    """Add exact-match counts per UPOS to totals: word by word (analyze()[0], context-free) and
    sentence by sentence (lemmatize_sentence, then the context re-ranker when given); errors
    are the sentence-level ones."""
    for sentence in sentences:
        words = [form for form, _, _ in sentence]
        plain = lemmatize_sentence(words, analyzer)
        in_context = rerank(analyzer, model, words, plain, analyzer.analyze) if model else plain
        for (form, gold, upos), guess_plain, guess_ctx in zip(sentence, plain, in_context):
            if upos == "PUNCT":
                continue
            readings = analyzer.analyze(form)
            guess = readings[0].lemma if readings else form
            for key in ("ALL", upos):
                row = totals.setdefault(key, [0, 0, 0, 0, 0])
                row[0] += 1
                row[1] += guess == gold
                row[2] += guess.lower() == gold.lower()
                row[3] += guess_ctx == gold
                row[4] += guess_plain == gold
            if guess_ctx != gold:
                errors[(form, gold, guess_ctx, upos)] += 1
            if guess_ctx != guess_plain:
                errors[("RERANK", "fixed" if guess_ctx == gold else
                        "broken" if guess_plain == gold else "other", "", "")] += 1


def accuracy(sentences: list, use_ud: bool, l2: float | None = None) -> tuple[dict, Counter, list]:
    """Held-out accuracy: memory and ranker for fold k are learned from the other folds only."""
    totals: dict = {}
    errors: Counter = Counter()
    chosen = []
    for k in range(FOLDS):
        test = [s for i, s in enumerate(sentences) if i % FOLDS == k]
        train_part = [s for i, s in enumerate(sentences) if i % FOLDS != k]
        model = None
        if use_ud:
            weights, best = train(train_part, FOLDS - 1, l2)
            ctx_weights, ctx_best = train_context(train_part, FOLDS - 1, weights)
            chosen.append((best, ctx_best))
            analyzer = morphology.Analyzer(memory=memory_of(train_part), weights=weights)
            model = ContextModel(context_counts(train_part), ctx_weights)
        else:
            analyzer = morphology.Analyzer(memory={}, weights={})
        score(analyzer, test, totals, errors, model)
    table = {key: {"n": n, "accuracy": round(100 * ok / n, 1),
                   "accuracy_ignoring_case": round(100 * ok_ci / n, 1),
                   "accuracy_in_context": round(100 * ok_ctx / n, 1),
                   "in_context_without_reranker": round(100 * ok_plain / n, 1),
                   "correct": ok, "correct_in_context": ok_ctx}
             for key, (n, ok, ok_ci, ok_ctx, ok_plain)
             in sorted(totals.items(), key=lambda kv: -kv[1][0])}
    return table, errors, chosen


def baseline(sentences: list) -> float:
    words = [(f, lem) for s in sentences for f, lem, u in s if u != "PUNCT"]
    return round(100 * sum(f.lower() == lem.lower() for f, lem in words) / len(words), 1)


def _rate(words: list[str], run) -> tuple[float, float]:
    """(words per wall-clock second, words per CPU second) of one pass of run() over words."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(words)
    return (len(words) / (time.perf_counter() - wall), len(words) / (time.process_time() - cpu))


def _median_rates(words: list[str], run, setup) -> dict:
    """Median wall and CPU rates of three passes, each after setup()."""
    rates = []
    for _ in range(3):
        setup()
        rates.append(_rate(words, run))
    walls, cpus = sorted(r[0] for r in rates), sorted(r[1] for r in rates)
    return {"wall": round(walls[1]), "cpu": round(cpus[1])}


def speed() -> dict:
    """Lemmatization speed, median of 3 passes; CPU-second rates are given beside wall-clock
    rates because the shared 2-core machine is usually loaded by other jobs."""
    tokens = [t for s in kaznerd_sentences(KAZNERD) for t in s if is_word(t)]
    unique = list(dict.fromkeys(tokens))[:20000]
    state = {}

    def fresh() -> None:  # a new analyzer: no stem-term tables yet, nothing memoized
        state["an"] = morphology.Analyzer()
        state["an"].lemma("бала")  # build the tables outside the timing

    def each(method: str):
        return lambda words: [getattr(state["an"], method)(w) for w in words]

    def run_lemma(words: list[str]) -> None:
        lemma = morphology.lemma
        for word in words:
            lemma(word)

    cold = _median_rates(tokens, run_lemma, morphology.clear_caches)
    warm = _median_rates(tokens, run_lemma, lambda: run_lemma(tokens))
    return {
        "running_tokens": len(tokens), "unique_words": len(unique),
        "unique_words_uncached_words_per_s": _median_rates(unique, each("lemma"), fresh),
        "unique_words_all_readings_words_per_s": _median_rates(unique, each("analyze"), fresh),
        "running_text_cold_cache_words_per_s": cold,
        "running_text_warm_cache_words_per_s": warm,
        "note": "median of 3 passes; cold: lemma() memo emptied before each pass over KazNERD "
                "valid (misses included); warm: the same text lemmatized once before timing "
                "(steady state, every word a dict hit)",
    }


def main() -> None:
    if "--speed-only" in sys.argv:
        print(json.dumps({"speed": speed()}, indent=1))
        return
    sentences = conllu_words(UD)
    l2 = float(sys.argv[sys.argv.index("--l2") + 1]) if "--l2" in sys.argv else None
    with_ud, errors, chosen = accuracy(sentences, use_ud=True, l2=l2)
    without_ud, _, _ = accuracy(sentences, use_ud=False)
    report = {
        "data": "UD Kazakh KTB kk_ktb-dev.conllu, syntactic words, PUNCT excluded, "
                "multiword-token surface lines skipped (their parts are scored)",
        "baseline_lowercased_copy": baseline(sentences),
        "l2_per_fold_ranker_and_reranker": chosen,
        "reranker_changes": {kind: n for (tag, kind, _, _), n in errors.items() if tag == "RERANK"},
        "heldout_5fold_memory_and_ranker": with_ud,
        "grammar_and_lexicon_only_no_ud": without_ud,
        "speed": speed(),
    }
    if "--errors" in sys.argv:
        report["top_errors"] = [list(k) + [n] for k, n in errors.most_common(80)
                                if k[0] != "RERANK"]
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
