"""The ``derek`` command line: thin commands over the library; DerekError becomes one line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape

from derek.errors import DerekError

DEFAULT_DB = "derek.db"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


class _Group(click.Group):
    """Translates DerekError into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DerekError as e:
            click.echo(f"derek: error: {e}", err=True)
            ctx.exit(1)


def db_option(f: Any) -> Any:
    return click.option(
        "--db", default=lambda: os.environ.get("DEREK_DB", DEFAULT_DB), show_default=DEFAULT_DB,
        type=click.Path(dir_okay=False), help="Knowledge base file (SQLite); env DEREK_DB.",
    )(f)


def json_option(f: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(f)


def dump_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def make_console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def open_kb(db: str, *, create: bool = False) -> Any:
    import derek

    return derek.open(db, create=create)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="derek")
def main() -> None:
    """derek: Kazakh documents into a knowledge base of cited facts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@json_option
def ingest(paths: tuple[str, ...], db: str, as_json: bool) -> None:
    """Read files, folders or globs (txt, md, html, docx, pdf) into the knowledge base."""

    with open_kb(db, create=True) as kb:
        results = _run_ingest(kb, paths, as_json=as_json)
    failed = [r for r in results if r.status == "failed"]
    if not as_json:
        counts = {s: sum(r.status == s for r in results) for s in ("added", "updated", "unchanged", "failed")}
        click.echo(", ".join(f"{n} {s}" for s, n in counts.items()) + f" -> {db}")
    if failed:
        sys.exit(1)


def _run_ingest(kb: Any, paths: tuple[str, ...], as_json: bool) -> list[Any]:
    """Ingest file by file, reporting each one as soon as it is done."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from derek.ingest import expand_paths, ingest_each

    files, results = expand_paths(paths)
    console = make_console()
    for r in results:
        click.echo(f"failed: {r.message}", err=True)
        if as_json:
            dump_json(r.to_dict())
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=_console_err(), transient=True, disable=as_json or len(files) < 2) as bar:
        task = bar.add_task("ingesting", total=len(files))
        for result in ingest_each(kb, files, before=lambda p: bar.update(task, description=f"ingesting {p.name}")):
            results.append(result)
            if result.status == "failed":
                click.echo(f"failed: {result.message}", err=True)
            if as_json:
                dump_json(result.to_dict())
                sys.stdout.flush()
            elif result.status != "failed":
                console.print(f"{result.status:>9}  {escape(result.path)}")
            bar.advance(task)
    return results


def _console_err() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@db_option
@json_option
def search(query: str, limit: int, db: str, as_json: bool) -> None:
    """Find sentences by words, in any inflected form (BM25 over lemmas)."""
    with open_kb(db) as kb:
        hits = kb.search(query, limit=limit)
    if as_json:
        for h in hits:
            dump_json(h.to_dict())
        return
    console = make_console()
    if not hits:
        console.print("no matches")
    for h in hits:
        console.print(f"[bold]{escape(h.doc)}[/bold] [dim]{h.start}-{h.end}  score {h.score:.2f}[/dim]")
        console.print("  " + _highlight(h.text, h.start, h.matches))


def _highlight(text: str, offset: int, matches: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in matches:
        a, b = a - offset, b - offset
        out += [escape(text[pos:a]), "[bold yellow]", escape(text[a:b]), "[/bold yellow]"]
        pos = b
    out.append(escape(text[pos:]))
    return "".join(out)


@main.command()
@db_option
@json_option
def stats(db: str, as_json: bool) -> None:
    """Counts of documents, sentences, tokens and annotations in the knowledge base."""
    with open_kb(db) as kb:
        data = kb.stats()
    if as_json:
        dump_json(data)
        return
    for key, value in data.items():
        click.echo(f"{key:>16}: {value}")


@main.command()
@db_option
@json_option
def docs(db: str, as_json: bool) -> None:
    """List the documents in the knowledge base with their metadata."""
    with open_kb(db) as kb:
        rows = kb.documents()
    if as_json:
        for r in rows:
            dump_json(r.to_dict())
        return
    from rich.table import Table

    table = Table("id", "name", "format", "encoding", "chars", "sentences", "title")
    for r in rows:
        table.add_row(str(r.id), escape(r.name), r.format, r.encoding or "", str(r.length), str(r.n_sentences),
                      escape(r.title[:50]))
    make_console().print(table)


@main.command()
@click.argument("files", nargs=-1)
@json_option
def analyze(files: tuple[str, ...], as_json: bool) -> None:
    """Analyse FILE(s) or standard input (-): sentences, tokens and annotations with offsets."""
    from derek.ingest import read_document
    from derek.pipeline import analyze as run_analyze

    for name in files or ("-",):
        if name == "-":
            from derek.ingest.encoding import detect_encoding

            data = sys.stdin.buffer.read()
            text = data.decode(detect_encoding(data[: 1 << 20], "<stdin>")) if data else ""
            doc = run_analyze(text)
        else:
            doc = read_document(name)
        if as_json:
            dump_json(doc.to_dict())
        else:
            _print_analysis(doc, name)


def _print_analysis(doc: Any, name: str) -> None:
    console = make_console()
    console.print(f"[bold]{escape(name)}[/bold]: {len(doc.text)} characters, {len(doc.sentences)} sentences,"
                  f" {len(doc.tokens)} tokens")
    for s in doc.sentences[:50]:
        words = " ".join(escape(t.text) if t.lemma in ("", t.text) or not t.text[0].isalnum()
                         else f"{escape(t.text)}[dim]/{escape(t.lemma)}[/dim]" for t in doc.sentence_tokens(s))
        console.print(f"[dim]{s.start:>6}[/dim] {words}")


@main.command()
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder to ingest instead of the shipped sample corpus.")
@db_option
def demo(corpus: str | None, db: str) -> None:
    """Ingest the shipped sample corpus into the knowledge base and show what derek found."""
    from derek.demo import run_demo

    run_demo(Path(corpus) if corpus else EXAMPLES, db, make_console())


from derek import cli_facts, cli_web  # noqa: E402,F401  - register the fact, entity and web commands

if __name__ == "__main__":
    main()
