"""CLI commands over facts and entities: facts, entity, entities, timeline, conflicts, export."""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.markup import escape

from derek.cli import db_option, dump_json, json_option, main, make_console, open_kb

# Everything below that comes from documents or data is escaped before rich renders it: a
# document saying «[/b]» must print as text, not break the terminal markup.


def _name(entity: dict[str, Any] | None) -> str:
    return escape(entity["name"]) if entity else ""


def _target(fact: dict[str, Any]) -> str:
    from derek.query.render import fact_value

    return _name(fact["object"]) or escape(fact_value(fact))


def _cite(fact: dict[str, Any]) -> str:
    return escape(", ".join(f"{s['doc']}:{s['start']}-{s['end']}" for s in fact["sources"]))


@main.command()
@click.option("--entity", "-e", help="Only facts about this entity (any name or inflected form).")
@click.option("--predicate", "-p", help="Only this predicate (member_of, signed, ...).")
@click.option("--limit", type=click.IntRange(1), default=None)
@db_option
@json_option
def facts(entity: str | None, predicate: str | None, limit: int | None, db: str, as_json: bool) -> None:
    """Facts with their sources: who is a member of what, who signed what, when, where."""
    with open_kb(db) as kb:
        rows = kb.facts(entity=entity, predicate=predicate, limit=limit)
    if as_json:
        for row in rows:
            dump_json(row)
        return
    from rich.table import Table

    table = Table("subject", "predicate", "object / value", "time", "place", "conf.", "sources")
    for f in rows:
        table.add_row(_name(f["subject"]), f["label"], _target(f), (f["time"] or "") + (" ⚠" if f["conflict"] else ""),
                      _name(f["place"]), f"{f['confidence']:.2f}", _cite(f))
    make_console().print(table)


@main.command()
@click.argument("name")
@db_option
@json_option
def entity(name: str, db: str, as_json: bool) -> None:
    """An entity's card: names, type, Wikidata id, memberships and roles with dates, events."""
    with open_kb(db) as kb:
        card = kb.entity(name)
    if as_json:
        dump_json(card)
        return
    console = make_console()
    wikidata = f"  Wikidata {card['wikidata']}" if card["wikidata"] else ""
    console.print(f"[bold]{escape(card['name'])}[/bold]  ({card['type']}, {escape(card['id'])}){wikidata}")
    other = [n for n in (card["name_ru"], card["name_en"]) if n]
    if other or card["aliases"]:
        console.print("names: " + escape("; ".join(dict.fromkeys(other + card["aliases"]))))
    for old in card["earlier_names"]:
        until = f" (until {old['until']})" if old["until"] else ""
        console.print(f"earlier name: {escape(old['name'])}{until}  [dim]{_cite(old)}[/dim]")
    console.print(f"{_count(card['mentions'], 'mention')} in {_count(card['documents'], 'document')}")
    for key, title in (("belongs_to", "member of"), ("roster", "members")):
        if card[key]:
            console.print(f"\n[bold]{title}[/bold]  (since – until)")
            for r in card[key]:
                who = r["organization"] if key == "belongs_to" else r["member"]
                left = " (шықты)" if r["left"] else ""
                period = (r["since"] or "—") + (f" – {r['until']}" if r["until"] else "")
                console.print(f"  {period:>10}  {_name(who)}  {r['label']}{left}  [dim]{_cite(r)}[/dim]")
    for key in ("roles", "events"):
        if card[key]:
            console.print(f"\n[bold]{key}[/bold]")
            for f in card[key]:
                who = _name(f["subject"]) if key == "events" else ""
                console.print(f"  {f['time'] or '—':>10}  {who + ' ' if who else ''}{f['label']} {_target(f)}"
                              f"  [dim]{_cite(f)}[/dim]")


@main.command()
@click.option("--type", "type_", help="Only entities of this type (state, organization, person, ...).")
@db_option
@json_option
def entities(type_: str | None, db: str, as_json: bool) -> None:
    """Entities mentioned in the documents, with mention counts."""
    with open_kb(db) as kb:
        rows = kb.entities(type_)
    if as_json:
        for row in rows:
            dump_json(row)
        return
    from rich.table import Table

    table = Table("id", "name", "type", "wikidata", "mentions", "documents")
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["name"]), r["type"], r["wikidata"] or "", str(r["mentions"]),
                      str(r["documents"]))
    make_console().print(table)


@main.command()
@click.option("--entity", "-e", help="Only events involving this entity.")
@click.option("--from", "start", type=int, help="First year.")
@click.option("--to", "end", type=int, help="Last year.")
@db_option
@json_option
def timeline(entity: str | None, start: int | None, end: int | None, db: str, as_json: bool) -> None:
    """Dated facts in order of time."""
    with open_kb(db) as kb:
        events = kb.timeline(entity, start, end)
    if as_json:
        for e in events:
            dump_json(e)
        return
    console = make_console()
    for e in events:
        mark = " ⚠" if e["conflict"] else ""  # the sources disagree: see `derek conflicts`
        console.print(f"{e['time']:>12}{mark}  {_name(e['subject'])} — {e['label']} — {_target(e)}"
                      f"  [dim]{_cite(e)}[/dim]")


@main.command()
@db_option
@json_option
def conflicts(db: str, as_json: bool) -> None:
    """Where sources disagree on a fact's time, place or value; both sides with their quotes."""
    with open_kb(db) as kb:
        found = kb.conflicts()
    if as_json:
        for c in found:
            dump_json(c)
        return
    console = make_console()
    if not found:
        console.print("no conflicts")
    for c in found:
        what = _name(c["object"]) or escape(c.get("measure", ""))
        when = c.get("time")  # a value conflict's time: a date, or "present" for «қазір …»
        at = f" ({'now' if when == 'present' else escape(when)})" if when else ""
        head = " ".join(x for x in (_name(c["subject"]), c["predicate"], what) if x)
        console.print(f"[bold]{head}[/bold]{at} — {c['field']} differs:")
        for side in c["sides"]:
            value = side["value"]["name"] if isinstance(side["value"], dict) else side["value"]
            console.print(f"  [yellow]{escape(str(value))}[/yellow]")
            for s in side["sources"]:
                console.print(f"    {escape(s['doc'])}:{s['start']}-{s['end']}  «{escape(s['text'])}»")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "ttl", "jsonld"]), default="json",
              show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@db_option
def export(fmt: str, output: str | None, db: str) -> None:
    """Export all facts with their sources (RDF maps predicates to Wikidata properties)."""
    with open_kb(db) as kb:
        data = kb.export(fmt)
    if output:
        with open(output, "w", encoding="utf-8") as f:
            f.write(data)
    else:
        sys.stdout.write(data if data.endswith("\n") else data + "\n")


@main.command()
@json_option
def lemmatize(as_json: bool) -> None:
    """Read one word per line on stdin; print its lemma (with --json: all analyses)."""
    from derek.lang.kk.morphology import analyze, lemma
    from derek.lang.kk.normalize import normalize

    for line in sys.stdin:
        word = normalize(line.strip()).text
        if not word:
            click.echo("")
            continue
        if as_json:
            dump_json({"word": line.strip(), "lemma": lemma(word),
                   "analyses": [{"lemma": a.lemma, "pos": a.pos, "tags": list(a.tags), "score": round(a.score, 3)}
                                for a in analyze(word)]})
        else:
            click.echo(lemma(word))


@main.command()
@click.argument("question")
@click.option("--context", "context_file", type=click.Path(exists=True, dir_okay=False),
              help="Answer from this one document only (reading comprehension; no knowledge base).")
@click.option("--reader", is_flag=True,
              help="Read the best documents with the span reader instead of answering from facts "
                   "(better on general and history text that the facts do not cover).")
@db_option
@json_option
def ask(question: str, context_file: str | None, reader: bool, db: str, as_json: bool) -> None:
    """Answer a question in Kazakh, with the sentence that says it (or say it is not known)."""
    if context_file and reader:
        raise click.UsageError("--reader reads a knowledge base; --context already reads its one document")
    if context_file:
        from pathlib import Path

        from derek.ingest import read_text
        from derek.query.ask import ask_context

        answer = ask_context(read_text(context_file), question, Path(context_file).name)
    else:
        with open_kb(db) as kb:
            answer = kb.ask(question, reader=reader)
    if as_json:
        dump_json(answer.to_dict())
        return
    _print_answer(answer)


def _marked(source: dict[str, Any], spans: list[dict[str, Any]]) -> str:
    """The quoted sentence, escaped, with the answer's own words (``Answer.spans``) underlined."""
    from derek.web.highlight import own_marks, pieces

    return "".join(f"[underline]{escape(p.text)}[/underline]" if p.kinds else escape(p.text)
                   for p in pieces(source["text"], own_marks(source, spans)))


def _print_answer(answer: Any) -> None:
    console = make_console()
    if answer.normalized:  # «казакстан буу-га …» read as «Қазақстан БҰҰ-ға …»
        console.print(f"[dim]Сұрақ былай оқылды (read as):[/dim] {escape(answer.normalized)}")
    if answer.answer is None:
        console.print("[yellow]Жауап табылмады[/yellow] (no answer found). Closest passages:")
        for p in answer.passages:
            console.print(f"  [dim]{p['doc']}:{p['start']}-{p['end']}[/dim] {escape(p['text'])}")
        return
    console.print(f"[bold green]{escape(answer.answer)}[/bold green]"
                  + (f"  [dim]({answer.value})[/dim]" if isinstance(answer.value, str) else "")
                  + f"  [dim]confidence {answer.confidence:.2f}[/dim]")
    for s in answer.sources:
        console.print(f"  «{_marked(s, answer.spans)}»  [dim]{s['doc']}:{s['start']}-{s['end']}[/dim]")
    if answer.conflicts:
        console.print("[yellow]⚠ Дереккөздер келіспейді[/yellow] (sources disagree):")
    for side in answer.conflicts:
        console.print(f"  [bold]{escape(str(side['answer']))}[/bold]")
        for s in side["sources"]:
            console.print(f"    «{escape(s['text'])}»  [dim]{s['doc']}:{s['start']}-{s['end']}[/dim]")


@main.command()
@click.option("--conll", "conll_file", type=click.File("r", encoding="utf-8"), required=True,
              help="One token per line (first column; other columns ignored), blank line between"
                   " sentences; - for stdin.")
def ner(conll_file: Any) -> None:
    """Tag tokens with KazNERD's 25 entity classes: prints token<TAB>tag lines, same layout."""
    from derek.extract.conll import format_conll, read_conll
    from derek.extract.ner import NerTagger

    sentences = read_conll(conll_file)
    tagger = NerTagger()
    sys.stdout.write(format_conll(sentences, [tagger.tag(s) for s in sentences]))


def _count(n: int, noun: str) -> str:
    """«1 document», «2 documents»."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
