"""Export facts as JSON, CSV, Turtle or JSON-LD; RDF follows Wikidata's statement model.

Each fact is a truthy triple (wdt:P463) plus a statement node (p:/ps:) with time and place
qualifiers (pq:) and one reference (prov:wasDerivedFrom) per source, quoting its sentence.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from typing import Any

from derek.errors import QueryError
from derek.query.facts import list_facts, predicates

FORMATS = ("json", "csv", "ttl", "jsonld")
DEREK = "urn:derek:"
_TIME_PROPERTY = {"member_of": "P580", "joined": "P580", "founding_member_of": "P580",
                  "observer_of": "P580", "dialogue_partner_of": "P580", "associate_member_of": "P580",
                  "withdrew_from": "P582", "former_member_of": "P582"}


def export_facts(db: sqlite3.Connection, fmt: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    facts = list_facts(db)
    if fmt == "json":
        return json.dumps(facts, ensure_ascii=False, indent=1)
    if fmt == "csv":
        return _csv(facts)
    graph = to_graph(facts)
    return graph.serialize(format="turtle" if fmt == "ttl" else "json-ld")


def _csv(facts: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["fact_id", "subject_id", "subject", "predicate", "object_id", "object", "value",
                     "time", "place_id", "confidence", "doc", "start", "end", "sentence"])
    for f in facts:
        obj, place = f["object"] or {}, f["place"] or {}
        for s in f["sources"]:
            writer.writerow([f["id"], f["subject"]["id"], f["subject"]["name"], f["predicate"],
                             obj.get("id", ""), obj.get("name", ""), f["value"] or "", f["time"] or "",
                             place.get("id", ""), f["confidence"], s["doc"], s["start"], s["end"], s["text"]])
    return out.getvalue()


def to_graph(facts: list[dict[str, Any]]):  # noqa: ANN201 - rdflib.Graph, imported lazily
    from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import OWL, PROV

    wd, wdt = Namespace("http://www.wikidata.org/entity/"), Namespace("http://www.wikidata.org/prop/direct/")
    p, ps = Namespace("http://www.wikidata.org/prop/"), Namespace("http://www.wikidata.org/prop/statement/")
    pq, derek = Namespace("http://www.wikidata.org/prop/qualifier/"), Namespace(DEREK)
    g = Graph()
    for prefix, ns in (("wd", wd), ("wdt", wdt), ("p", p), ("ps", ps), ("pq", pq), ("derek", derek), ("prov", PROV)):
        g.bind(prefix, ns)

    def node(entity: dict[str, Any]) -> URIRef:
        ref = URIRef(DEREK + "entity:" + entity["id"])
        g.add((ref, RDFS.label, Literal(entity["name"], lang="kk")))
        if entity.get("wikidata"):
            g.add((ref, OWL.sameAs, wd[entity["wikidata"]]))
        return ref

    properties = {name: row["wikidata"] for name, row in predicates().items()}
    for f in facts:
        prop = properties.get(f["predicate"]) or "P1114"
        subject = node(f["subject"])
        # a fact with neither object nor value (founded_on) states its time as the value
        target = node(f["object"]) if f["object"] else Literal(f["value"] or f["time"] or "")
        g.add((subject, wdt[prop], target))
        statement = URIRef(f"{DEREK}fact:{f['id']}")
        g.add((subject, p[prop], statement))
        g.add((statement, RDF.type, derek.Fact))
        g.add((statement, ps[prop], target))
        g.add((statement, derek.predicate, Literal(f["predicate"])))
        g.add((statement, derek.confidence, Literal(f["confidence"], datatype=XSD.decimal)))
        if f["time"]:
            g.add((statement, pq[_TIME_PROPERTY.get(f["predicate"], "P585")], Literal(f["time"])))
        if f["place"]:
            g.add((statement, pq["P276"], node(f["place"])))
        for s in f["sources"]:
            ref = BNode()
            g.add((statement, PROV.wasDerivedFrom, ref))
            g.add((ref, derek.document, Literal(s["doc"])))
            g.add((ref, derek.start, Literal(s["start"], datatype=XSD.integer)))
            g.add((ref, derek.end, Literal(s["end"], datatype=XSD.integer)))
            g.add((ref, derek.quote, Literal(s["text"] or "", lang="kk")))
    return g
