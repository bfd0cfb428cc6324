"""``derek demo``: ingest a corpus, then show counts and a few example queries over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape

from derek.errors import DerekError

EXAMPLE_SEARCHES = ["Қазақстанның БҰҰ-ға мүшелігі", "ШЫҰ", "келісімге қол қойды"]
EXAMPLE_QUESTIONS = ["Қазақстан БҰҰ-ға қашан мүше болды?", "ШЫҰ-ға қандай мемлекеттер мүше?",
                     "Грузия ТМД-дан қай жылы шықты?"]


def run_demo(corpus: Path, db: str, console: Any) -> None:
    import derek
    from derek.ingest import ingest_paths

    if not corpus.is_dir():
        raise DerekError(f"{corpus}: sample corpus folder not found")
    console.print(f"[bold]derek demo[/bold]: ingesting {corpus} into {db}")
    with derek.open(db) as kb:
        results = ingest_paths(kb, [str(corpus)])
        for r in results:
            line = f"  {r.status:>9}  {escape(Path(r.path).name)}"
            console.print(line + (f"  [red]{escape(r.message)}[/red]" if r.message else ""))
        stats = kb.stats()
        console.print(
            f"\n{stats['documents']} documents, {stats['sentences']} sentences, {stats['tokens']} tokens,"
            f" {stats['dates']} dates, {stats['quantities']} figures, {stats['entity_mentions']} entity"
            f" mentions, {stats['facts']} facts"
        )
        for query in EXAMPLE_SEARCHES:
            console.print(f"\n[bold]$ derek search {query!r}[/bold]")
            for hit in kb.search(query, limit=3):
                console.print(f"  [cyan]{escape(hit.doc)}[/cyan] {hit.start}-{hit.end}: {escape(hit.text[:160])}")
        for question in EXAMPLE_QUESTIONS:
            answer = kb.ask(question)
            console.print(f"\n[bold]$ derek ask {question!r}[/bold]")
            console.print(f"  [green]{escape(answer.answer or 'жауап табылмады (not found)')}[/green]")
            for source in answer.sources[:2]:
                console.print(f"  [cyan]{escape(source['doc'])}[/cyan] {source['start']}-{source['end']}:"
                              f" «{escape(source['text'][:160])}»")
            for side in answer.conflicts:  # what disagreeing sources say
                source = side["sources"][0]
                console.print(f"  [yellow]⚠ дереккөздер келіспейді:[/yellow] {escape(str(side['answer']))} —"
                              f" [cyan]{escape(source['doc'])}[/cyan] {source['start']}-{source['end']}:"
                              f" «{escape(source['text'][:160])}»")
    if any(r.status == "failed" for r in results):
        raise DerekError("some sample documents failed to ingest (see above)")
