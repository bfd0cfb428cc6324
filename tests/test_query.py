"""Facts, entity cards, timelines, conflicts and exports over a knowledge base, via API and CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import EXAMPLES, kb_of_texts
from rdflib import Graph

import derek
from derek.cli import main
from derek.errors import QueryError
from derek.ingest import ingest_paths

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="sample corpus not present")

DISAGREE = {
    "a.txt": "Грузия 1993 жылы Достастыққа қосылды. 2009 жылғы 18 тамызда Грузия ТМД-дан шықты.",
    "b.txt": "Грузия 2008 жылы ТМД-дан шықты. Қазір АӨСШК-ге 27 мемлекет мүше.",
    "c.txt": "Қазір АӨСШК-ге 28 мемлекет мүше.",
}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("kb") / "corpus.db"
    with derek.open(path) as kb:
        assert all(r.status == "added" for r in ingest_paths(kb, [str(EXAMPLES)]))
    return path


@pytest.fixture(scope="module")
def disagree_db(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("disagree"), DISAGREE)


def test_query_facts_contract_and_sources(corpus_db):
    with derek.open(corpus_db) as kb:
        facts = kb.facts()
        assert len(facts) > 50
        for f in facts:
            assert {"subject", "predicate", "object", "value", "time", "place", "qualifiers",
                    "confidence", "sources"} <= f.keys()
            assert {"id", "name", "wikidata"} <= f["subject"].keys()
            assert f["sources"]
            for s in f["sources"]:
                text = kb.document_text(s["doc_id"])
                assert text[s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize("name", ["ТМД", "ТМД-ның", "Тәуелсіз Мемлекеттер Достастығына", "Достастық", "org:cis", "СНГ"])
def test_query_entity_names_resolve_in_any_form(corpus_db, name):
    with derek.open(corpus_db) as kb:
        assert kb.entity(name)["id"] == "org:cis"


def test_query_entity_card_has_memberships_with_dates(corpus_db):
    with derek.open(corpus_db) as kb:
        card = kb.entity("Қазақстанның")
    assert card["id"] == "state:kz" and card["wikidata"] == "Q232"
    un = [f for f in card["memberships"] if f["object"] and f["object"]["id"] == "org:un"]
    assert un and un[0]["time"] == "1992-03-02"


def test_query_unknown_entity_is_a_clear_error(corpus_db):
    with derek.open(corpus_db) as kb, pytest.raises(QueryError, match="unknown entity"):
        kb.entity("Атлантида")


def test_query_timeline_sorted_and_filtered(corpus_db):
    with derek.open(corpus_db) as kb:
        events = kb.timeline(start=1991, end=1995)
        assert events and all(1991 <= e["year"] <= 1995 for e in events)
        assert [e["year"] for e in events] == sorted(e["year"] for e in events)
        cis = kb.timeline(entity="ТМД")
        assert cis and all("org:cis" in (e["subject"]["id"], (e["object"] or {}).get("id")) for e in cis)


def test_query_conflicts_keep_both_sides(disagree_db):
    with derek.open(disagree_db) as kb:
        found = kb.conflicts()
    times = [c for c in found if c["field"] == "time" and c["predicate"] == "withdrew_from"]
    assert times and {s["value"] for s in times[0]["sides"]} == {"2009-08-18", "2008"}
    counts = [c for c in found if c["predicate"] == "has_member_count"]
    assert counts and {s["value"] for s in counts[0]["sides"]} == {"27", "28"}
    for side in counts[0]["sides"]:
        assert side["sources"][0]["doc"] in ("b.txt", "c.txt") and "мүше" in side["sources"][0]["text"]


REPEATED = {
    "s.txt": "ШЫҰ саммиті 2005 жылы Астанада өтті. ШЫҰ саммиті 2017 жылы Астанада өтті.",
    "t.txt": "Грузия 2009 жылы ТМД-дан шықты.",
    "u.txt": "Грузия 2008 жылы ТМД-дан шықты.",
}


@pytest.fixture(scope="module")
def repeated_db(tmp_path_factory):
    return kb_of_texts(tmp_path_factory.mktemp("repeated"), REPEATED)


def test_query_an_event_held_twice_is_no_conflict_and_two_timeline_events(repeated_db):
    with derek.open(repeated_db) as kb:
        held = kb.facts(entity="ШЫҰ", predicate="held_in")
        assert len(held) == 1 and held[0]["conflict"] is False and len(held[0]["sources"]) == 2
        events = [e for e in kb.timeline(entity="ШЫҰ") if e["predicate"] == "held_in"]
        assert [(e["time"], [s["start"] for s in e["sources"]]) for e in events] == [
            ("2005", [held[0]["sources"][0]["start"]]), ("2017", [held[0]["sources"][1]["start"]])]
        card = kb.entity("Астана")
        assert [e["time"] for e in card["events"] if e["predicate"] == "held_in"] == ["2005", "2017"]
        # a withdrawal happens once: its two dates each stand on the timeline, marked as a conflict
        left = [e for e in kb.timeline(entity="Грузия") if e["predicate"] == "withdrew_from"]
        assert [(e["time"], e["conflict"], [s["doc"] for s in e["sources"]]) for e in left] == [
            ("2008", True, ["u.txt"]), ("2009", True, ["t.txt"])]


def test_query_same_fact_from_two_documents_is_one_fact(disagree_db):
    with derek.open(disagree_db) as kb:
        facts = kb.facts(entity="Грузия", predicate="withdrew_from")
    assert len(facts) == 1 and {s["doc"] for s in facts[0]["sources"]} == {"a.txt", "b.txt"}
    assert facts[0]["conflict"] is True


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_query_rdf_export_parses_back(corpus_db, fmt):
    with derek.open(corpus_db) as kb:
        data = kb.export(fmt)
        n_facts = len(kb.facts())
    graph = Graph().parse(data=data, format="turtle" if fmt == "ttl" else "json-ld")
    rows = graph.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <urn:derek:Fact> }")
    assert int(next(iter(rows))[0]) == n_facts
    quotes = list(graph.objects(None, __import__("rdflib").URIRef("urn:derek:quote")))
    assert quotes


def test_query_csv_and_json_export(corpus_db):
    with derek.open(corpus_db) as kb:
        rows = list(csv.DictReader(io.StringIO(kb.export("csv"))))
        facts = json.loads(kb.export("json"))
    assert len(rows) == sum(len(f["sources"]) for f in facts)
    assert all(r["sentence"] for r in rows)


def test_query_cli_commands(runner, corpus_db):
    db = str(corpus_db)
    out = runner.invoke(main, ["facts", "--db", db, "--json", "--entity", "БҰҰ-ға"])
    lines = [json.loads(x) for x in out.output.splitlines()]
    assert lines and all("org:un" in (f["subject"]["id"], (f["object"] or {}).get("id")) for f in lines)
    card = json.loads(runner.invoke(main, ["entity", "ШЫҰ", "--db", db, "--json"]).output)
    assert card["id"] == "org:sco" and card["members"]
    shown = runner.invoke(main, ["entity", "ШЫҰ", "--db", db]).output
    assert "Шанхай ынтымақтастық ұйымы" in shown
    assert f"{card['mentions']} mentions in " in shown and " 1 documents" not in shown
    timeline = runner.invoke(main, ["timeline", "--db", db, "--from", "2014", "--to", "2015", "--json"])
    assert all(2014 <= json.loads(x)["year"] <= 2015 for x in timeline.output.splitlines())
    assert runner.invoke(main, ["conflicts", "--db", db]).exit_code == 0
    ttl = runner.invoke(main, ["export", "--format", "ttl", "--db", db]).output
    assert "wdt:P463" in ttl
    ents = [json.loads(x) for x in runner.invoke(main, ["entities", "--db", db, "--json", "--type", "state"]).output.splitlines()]
    assert ents and all(e["type"] == "state" for e in ents) and ents[0]["mentions"] >= ents[-1]["mentions"]
    bad = runner.invoke(main, ["entity", "Атлантида", "--db", db])
    assert bad.exit_code == 1 and "unknown entity" in bad.output


def test_query_cli_lemmatize(runner):
    out = runner.invoke(main, ["lemmatize"], input="Қазақстанның\nБҰҰ-ға\n")
    assert out.output.splitlines() == ["Қазақстан", "БҰҰ"]
    data = [json.loads(x) for x in runner.invoke(main, ["lemmatize", "--json"], input="Ресеймен\n").output.splitlines()]
    assert data[0]["lemma"] == "Ресей" and data[0]["analyses"]
