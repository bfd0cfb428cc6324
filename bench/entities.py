"""Score entity mention detection and linking against bench/data/entities_gold.jsonl; print JSON.

Also times the pipeline up to linking (segment → lemmatize → dates → quantities → entities)
on KazNERD sentences from ../shared/data, cold (fresh caches) and warm. Run:
``python bench/entities.py [--gold PATH] [--ner] [--errors] [--sentences N]``; a gold doc
``kazqad:<id>`` is the KazQAD dev passage whose first line has that id (as in bench/facts.py).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from facts import (  # bench/facts.py: KazQAD passages by their first id
    KAZQAD_PREFIX,
    kazqad_passages,
)

from derek.doc import Document, EntityMention
from derek.ingest import read_text
from derek.pipeline import Stage, default_stages

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
GOLD = ROOT / "bench" / "data" / "entities_gold.jsonl"
KAZNERD = SHARED / "data" / "kaznerd" / "kaznerd-valid.iob2"
# gazetteer entity types -> the five types the gold uses
COARSE = {"body": "organization", "city": "place", "region": "place", "sea": "place",
          "lake": "place", "river": "place", "mountain": "place"}


def doc_path(doc: str) -> Path:
    """Gold doc names are ``seeds/<file>`` (../shared/seeds) or ``corpus/<file>`` (examples/corpus)."""
    kind, _, name = doc.partition("/")
    return SHARED / "seeds" / name if kind == "seeds" else ROOT / "examples" / "corpus" / name


def doc_text(doc: str) -> str:
    """The text a gold document names: a KazQAD passage or a file as derek reads it."""
    if doc.startswith(KAZQAD_PREFIX):
        return kazqad_passages()[doc.removeprefix(KAZQAD_PREFIX)]
    return read_text(doc_path(doc))


def entity_stages(use_ner: bool) -> list[Stage]:
    """The default pipeline cut after its entity stage (optionally with the CRF NER)."""
    stages = default_stages()
    cut = next(i for i, s in enumerate(stages) if "entities" in s.__name__)
    if use_ner:
        from derek.extract.entities import extract_entities

        return [*stages[:cut], extract_entities]
    return stages[: cut + 1]


def run_stages(text: str, stages: Sequence[Stage]) -> Document:
    doc = Document(text)
    for stage in stages:
        doc = stage(doc)
    return doc


def load_gold(gold: Path = GOLD) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            by_doc[row["doc"]].append(row)
    return by_doc


def linked_right(pred: EntityMention, gold: dict) -> bool:
    """Right id; a gold ``prov`` (name in no gazetteer) wants any provisional id."""
    if gold["entity"] == "prov":
        return pred.entity.startswith("prov:")
    return pred.entity == gold["entity"]


class Tally:
    """Counts for span P/R/F1 and linking accuracy."""

    def __init__(self) -> None:
        self.tp = self.pred = self.gold = self.linked = 0

    def figures(self) -> dict[str, float | int]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.linked / self.tp if self.tp else 0.0
        return {"gold": self.gold, "predicted": self.pred, "span_exact": self.tp,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                "linking_accuracy": round(acc, 4)}


def score_doc(name: str, preds: list[EntityMention], golds: list[dict],
              tallies: dict[str, Tally], errors: list[dict]) -> None:
    """Add one document's counts to the overall, per-type and per-document tallies."""
    pred_at = {(m.start, m.end): m for m in preds}
    gold_at = {(g["start"], g["end"]) for g in golds}
    for g in golds:
        match = pred_at.get((g["start"], g["end"]))
        ok = match is not None and linked_right(match, g)
        # overall and per document: the span alone; per type: the span with that type, so a
        # type's precision (its predictions) and recall (its gold) count the same matches
        typed = match is not None and COARSE.get(match.type, match.type) == g["type"]
        for key, hit in (("overall", match is not None), (f"type:{g['type']}", typed), (f"doc:{name}", match is not None)):
            tallies[key].gold += 1
            tallies[key].tp += hit
            tallies[key].linked += ok and hit
        if match is None:
            errors.append({"doc": name, "kind": "missed", "text": g["text"], "start": g["start"]})
        elif not ok:
            errors.append({"doc": name, "kind": "mislinked", "text": g["text"], "gold": g["entity"],
                           "predicted": match.entity})
    for m in preds:
        for key in ("overall", f"type:{COARSE.get(m.type, m.type)}", f"doc:{name}"):
            tallies[key].pred += 1
        if (m.start, m.end) not in gold_at:
            errors.append({"doc": name, "kind": "spurious", "text": m.text, "start": m.start,
                           "predicted": m.entity})


def evaluate(stages: Sequence[Stage], gold: Path = GOLD) -> tuple[dict[str, dict], list[dict]]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors: list[dict] = []
    for name, golds in load_gold(gold).items():
        text = doc_text(name)
        for g in golds:  # the gold must still fit the text
            assert text[g["start"] : g["end"]] == g["text"], (name, g)
        doc = run_stages(text, stages)
        named = [m for m in doc.entities if m.source not in ("deixis", "role", "reference")]  # the gold has names only
        score_doc(name, named, golds, tallies, errors)
    out: dict[str, dict] = {"overall": tallies["overall"].figures(), "per_type": {}, "per_doc": {}}
    for key in sorted(tallies):
        kind, _, label = key.partition(":")
        if kind == "type":
            out["per_type"][label] = tallies[key].figures()
        elif kind == "doc":
            out["per_doc"][label] = tallies[key].figures()
    return out, errors


def kaznerd_text(limit: int) -> str:
    """The first ``limit`` KazNERD sentences, tokens joined by spaces, one sentence per line."""
    sentences: list[str] = []
    words: list[str] = []
    with KAZNERD.open(encoding="utf-8") as f:
        for line in f:
            token = line.split(" ")[0].strip()
            if token:
                words.append(token)
            elif words:
                sentences.append(" ".join(words))
                words = []
                if len(sentences) >= limit:
                    break
    return "\n".join(sentences) + "\n"


def timed(fn: Callable[[], Document]) -> tuple[Document, float]:
    start = time.perf_counter()
    doc = fn()
    return doc, time.perf_counter() - start


def speed(stages: Sequence[Stage], sentences: int) -> dict[str, object]:
    """Tokens per second on KazNERD text: first pass in this process (cold), then warm — the
    median of three passes with the loaded models frozen out of the garbage collector's scans, as
    `derek ingest` runs after its first document (`pipeline.freeze_models`)."""
    from derek.pipeline import freeze_models

    text = kaznerd_text(sentences)
    doc, cold = timed(lambda: run_stages(text, stages))
    freeze_models()
    warm = statistics.median(timed(lambda: run_stages(text, stages))[1] for _ in range(3))
    n = len(doc.tokens)
    return {"text": f"{KAZNERD.name}, first {sentences} sentences", "tokens": n,
            "entities": len(doc.entities), "cold_seconds": round(cold, 3),
            "warm_seconds": round(warm, 3), "cold_tokens_per_s": round(n / cold),
            "warm_tokens_per_s": round(n / warm), "warm": "median of 3 passes, models frozen (as ingest)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold mentions (JSONL)")
    parser.add_argument("--ner", action="store_true", help="use extract_entities with the CRF NER")
    parser.add_argument("--errors", action="store_true", help="list missed/spurious/mislinked")
    parser.add_argument("--sentences", type=int, default=5000, help="KazNERD sentences to time")
    args = parser.parse_args()
    stages = entity_stages(args.ner)
    timing = speed(stages, args.sentences)  # first, so that its cold pass is really cold
    scores, errors = evaluate(stages, args.gold)
    result = {"gold": str(args.gold.resolve().relative_to(ROOT.resolve())), "stages": [s.__name__ for s in stages],
              **scores, "speed": timing}
    if args.errors:
        result["errors"] = errors
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
