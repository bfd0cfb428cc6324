"""The HTTP API and pages in-process (every route, bad parameters, escaping, read-only), one
test over a real loopback socket, and a doc-sync check of docs/web.md."""

from __future__ import annotations

import json
import sqlite3
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import derek
from derek.ingest import ingest_paths
from derek.web.app import create_app
from derek.web.server import running

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="sample corpus not present")

XSS_NAME = "xss.txt"
XSS_TEXT = ("Қазақстан 1995 жылы <script>alert(1)</script> Ұлттар Ұйымымен келісімге қол қойды.\n"
            "Бұл мәтін <img src=x onerror=alert(1)> белгісі бар құжаттан алынды.\n")
QUESTION = "Қазақстан БҰҰ-ға қашан мүше болды?"


@pytest.fixture(scope="module")
def web_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    extra = folder / "extra"
    extra.mkdir()
    (extra / XSS_NAME).write_text(XSS_TEXT, encoding="utf-8")
    path = folder / "kb.db"
    with derek.open(path) as kb:
        reports = ingest_paths(kb, [str(EXAMPLES), str(extra)])
        assert all(r.status == "added" for r in reports)
    return path


@pytest.fixture(scope="module")
def client(web_db) -> TestClient:
    with TestClient(create_app(web_db)) as c:
        yield c


def doc_text(client: TestClient, doc: str) -> str:
    return client.get(f"/api/documents/{doc}").json()["text"]


# -- JSON routes ---------------------------------------------------------------------------

def test_web_api_search_hits_cite_offsets(client):
    r = client.get("/api/search", params={"q": "ШЫҰ", "limit": 3})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert 1 <= len(hits) <= 3
    for h in hits:
        assert doc_text(client, h["doc"])[h["start"] : h["end"]] == h["text"]


BAD_SEARCH = [{}, {"q": ""}, {"q": "а" * 1001}, {"q": "ШЫҰ", "limit": 0},
              {"q": "ШЫҰ", "limit": 201}, {"q": "ШЫҰ", "limit": "көп"}]


@pytest.mark.parametrize("params", BAD_SEARCH)
def test_web_api_search_bad_parameters_are_422(client, params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"].startswith("invalid parameter")


def test_web_api_ask_answers_with_sources(client):
    r = client.get("/api/ask", params={"q": QUESTION})
    assert r.status_code == 200
    body = r.json()
    assert body["value"] == "1992-03-02" and body["answer"] == "1992 жылғы 2 наурыз"
    assert body["sources"]
    for s in body["sources"]:
        assert doc_text(client, s["doc"])[s["start"] : s["end"]] == s["text"]


def test_web_api_ask_reads_a_casually_typed_question(client):
    # lower case and a Russian keyboard: the same answer, and the question as derek read it
    body = client.get("/api/ask", params={"q": "казакстан буу-га кашан муше болды"}).json()
    assert body["value"] == "1992-03-02" and body["normalized"] == "Қазақстан БҰҰ-ға қашан мүше болды"
    assert client.get("/api/ask", params={"q": QUESTION}).json()["normalized"] is None
    page = client.get("/", params={"q": "казакстан буу-га кашан муше болды", "mode": "ask"}).text
    assert "Сұрақ былай оқылды" in page and "Қазақстан БҰҰ-ға қашан мүше болды" in page
    assert "Сұрақ былай оқылды" not in client.get("/", params={"q": QUESTION, "mode": "ask"}).text


def test_web_api_ask_reader_reads_the_best_documents(client):
    body = client.get("/api/ask", params={"q": "ШЫҰ-ға қандай мемлекеттер мүше?", "reader": "true"}).json()
    assert body["answer"] and body["method"] in ("reader", "passages")
    for s in body["sources"]:
        assert doc_text(client, s["doc"])[s["start"] : s["end"]] == s["text"]
    assert client.get("/api/ask", params={"q": QUESTION, "reader": "maybe"}).status_code == 422


def test_web_api_ask_unknown_is_no_answer_not_error(client):
    body = client.get("/api/ask", params={"q": "Марста қанша ай бар?"}).json()
    assert body["answer"] is None and body["sources"] == []


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "я" * 1001}])
def test_web_api_ask_bad_parameters_are_422(client, params):
    assert client.get("/api/ask", params=params).status_code == 422


def test_web_api_entities_paginated_and_filtered(client):
    whole = client.get("/api/entities", params={"limit": 200}).json()
    page = client.get("/api/entities", params={"limit": 5, "offset": 5}).json()
    assert page["total"] == whole["total"] > 10
    assert page["items"] == whole["items"][5:10]
    states = client.get("/api/entities", params={"type": "state"}).json()["items"]
    assert states and all(e["type"] == "state" for e in states)
    assert client.get("/api/entities", params={"type": "<b>"}).status_code == 422
    assert client.get("/api/entities", params={"limit": 201}).status_code == 422


@pytest.mark.parametrize("key", ["state:kz", "Қазақстан", "Қазақстанның", "Kazakhstan"])
def test_web_api_entity_by_id_or_any_name(client, key):
    r = client.get(f"/api/entities/{key}")
    assert r.status_code == 200
    card = r.json()
    assert card["id"] == "state:kz" and card["wikidata"] == "Q232"
    assert any(f["object"]["id"] == "org:un" for f in card["memberships"])


def test_web_api_entity_unknown_is_404_and_too_long_is_422(client):
    r = client.get("/api/entities/Атлантида")
    assert r.status_code == 404 and "unknown entity" in r.json()["error"]
    assert client.get("/api/entities/" + "ы" * 301).status_code == 422


def test_web_api_facts_pages_do_not_overlap(client):
    first = client.get("/api/facts", params={"limit": 5}).json()
    second = client.get("/api/facts", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    assert not {f["id"] for f in first["items"]} & {f["id"] for f in second["items"]}
    last = client.get("/api/facts", params={"limit": 200}).json()
    assert last["next_offset"] is None


def test_web_api_facts_filters(client):
    items = client.get("/api/facts", params={"entity": "ТМД", "limit": 200}).json()["items"]
    assert items and all("org:cis" in (f["subject"]["id"], (f["object"] or {}).get("id")) for f in items)
    signed = client.get("/api/facts", params={"predicate": "signed"}).json()["items"]
    assert signed and all(f["predicate"] == "signed" for f in signed)


@pytest.mark.parametrize("params, status", [
    ({"predicate": "DROP TABLE"}, 422), ({"limit": 0}, 422), ({"limit": 201}, 422),
    ({"offset": -1}, 422), ({"entity": "Атлантида"}, 404), ({"entity": "ж" * 301}, 422)])
def test_web_api_facts_bad_parameters(client, params, status):
    r = client.get("/api/facts", params=params)
    assert r.status_code == status and "error" in r.json()


def test_web_api_timeline_sorted_within_years(client):
    events = client.get("/api/timeline", params={"start": 1990, "end": 2000}).json()["events"]
    years = [e["year"] for e in events]
    assert years and years == sorted(years) and 1990 <= years[0] and years[-1] <= 2000
    kz = client.get("/api/timeline", params={"entity": "Қазақстан"}).json()["events"]
    assert kz and all("state:kz" in (e["subject"]["id"], (e["object"] or {}).get("id")) for e in kz)


@pytest.mark.parametrize("params, status", [
    ({"start": 2000, "end": 1990}, 400), ({"start": "биыл"}, 422), ({"end": 10000}, 422),
    ({"entity": "Атлантида"}, 404)])
def test_web_api_timeline_bad_parameters(client, params, status):
    assert client.get("/api/timeline", params=params).status_code == status


def test_web_api_membership_cells(client):
    table = client.get("/api/membership").json()
    cell = next(c for c in table["cells"] if (c["state"], c["organization"]) == ("state:kz", "org:un"))
    assert cell["role"] == "member" and cell["since"].startswith("1992")
    assert {c["role"] for c in table["cells"]} <= {"member", "observer", "dialogue_partner",
                                                   "associate", "former"}
    assert all(e["type"] == "state" for e in table["states"])


def test_web_api_conflicts_show_both_sides(client):
    conflicts = client.get("/api/conflicts").json()["conflicts"]
    assert conflicts
    for c in conflicts:
        assert len(c["sides"]) >= 2
        assert all(s["sources"] and s["sources"][0]["text"] for s in c["sides"])


def test_web_api_documents_hide_server_paths(client):
    docs = client.get("/api/documents").json()["documents"]
    assert XSS_NAME in {d["name"] for d in docs} and len(docs) == 11
    assert all("path" not in d for d in docs)
    assert "path" not in client.get("/api/stats").json()


def test_web_api_document_annotations_match_text(client):
    body = client.get("/api/documents/bul.txt").json()
    text = body["text"]
    assert len(text) == body["document"]["length"]
    assert {s["kind"] for s in body["spans"]} == {"entity", "date", "quantity"}
    for item in body["spans"] + body["evidence"]:
        assert text[item["start"] : item["end"]] == item["text"]
    assert any(f["predicate"] == "member_of" for e in body["evidence"] for f in e["facts"])
    by_id = client.get(f"/api/documents/{body['document']['id']}").json()
    assert by_id["document"] == body["document"]


@pytest.mark.parametrize("key", ["999999", "жоқ.txt", "..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd"])
def test_web_api_document_unknown_is_404(client, key):
    r = client.get(f"/api/documents/{key}")
    assert r.status_code == 404 and "error" in r.json()


# -- security ------------------------------------------------------------------------------

def test_web_api_xss_document_is_escaped_on_pages(client):
    doc_id = next(d["id"] for d in client.get("/api/documents").json()["documents"]
                  if d["name"] == XSS_NAME)
    assert doc_text(client, XSS_NAME) == XSS_TEXT  # the API returns the text as it is, as JSON
    for url in (f"/doc/{doc_id}", f"/doc/{doc_id}?start=0&end=40", "/?q=alert&mode=search"):
        page = Page.of(client.get(url).text)
        assert page.scripts == ["/static/app.js"] and page.images == [] and not page.handlers
        assert "<script>alert(1)</script>" in page.text
        assert "<img src=x onerror=alert(1)>" in page.text


class Page(HTMLParser):
    """The elements and text a browser would see in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str | None] = []
        self.images: list[str | None] = []
        self.handlers: list[str] = []  # on* attributes
        self.parts: list[str] = []

    @classmethod
    def of(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        return page

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
        if tag == "img":
            self.images.append(dict(attrs).get("src"))
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


ALL_GETS = ["/api/search?q=x", "/api/ask?q=x", "/api/entities", "/api/entities/state:kz",
            "/api/facts", "/api/timeline", "/api/membership", "/api/conflicts", "/api/documents",
            "/api/documents/1", "/api/stats", "/", "/entities", "/entity/state:kz", "/membership",
            "/timeline", "/doc", "/doc/1", "/conflicts"]


@pytest.mark.parametrize("url", ALL_GETS)
def test_web_api_no_write_methods(client, url):
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert client.request(method, url).status_code == 405


def test_web_api_knowledge_base_is_read_only(client):
    kb = client.app.state.kbs.get()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        kb.db.execute("DELETE FROM facts")


def test_web_api_one_connection_per_thread(client):
    kbs = client.app.state.kbs
    with ThreadPoolExecutor(2) as pool:
        here, there = kbs.db, pool.submit(lambda: kbs.db).result()
    assert here is not there and kbs.db is here
    assert kbs.document_text(1) == kbs.get().document_text(1)


def test_web_api_security_headers_and_no_cdn(client):
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert 'lang="kk"' in r.text
    for url in ALL_GETS[11:]:
        html = client.get(url).text
        assert 'src="http' not in html and 'href="//' not in html and "stylesheet\" href=\"http" not in html
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/..%2Fapp.py", "/static/style.css/..%2F..%2Fapp.py"])
def test_web_api_static_serves_fixed_files_only(client, url):
    assert client.get(url).status_code == 404
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


# -- pages ---------------------------------------------------------------------------------

def test_web_pages_home_answer_links_to_quote(client):
    html = client.get("/", params={"q": QUESTION}).text
    assert "1992 жылғы 2 наурыз" in html
    assert '<span class="m-hit ">1992 жылғы 2 наурызда</span>' in html
    assert "start=38&amp;end=133#quote" in html


def test_web_pages_home_answer_shows_disagreeing_sources(client):
    html = client.get("/", params={"q": "Грузия ТМД-дан қашан шықты?"}).text
    assert "Дереккөздер келіспейді" in html
    assert '<p class="other-value">2009 жылғы 18 тамыз</p>' in html and "tmd.txt" in html


PAGES = [("/entity/Қазақстан", "Қазақстан Республикасы"), ("/entity/state:kz", "Q232"),
         ("/membership", "Біріккен Ұлттар Ұйымы"), ("/timeline?entity=ТМД&start=1990&end=2010", "<svg"),
         ("/doc/bul.txt?start=38&end=133", 'id="quote"'), ("/conflicts", "1-жақ"), ("/doc", "bul.txt"),
         ("/entities?type=state", "Ресей Федерациясы"), ("/?q=ШЫҰ&mode=search", "m-hit")]


@pytest.mark.parametrize("url, expected", PAGES)
def test_web_pages_render(client, url, expected):
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert expected in r.text


@pytest.mark.parametrize("url, status", [
    ("/entity/Атлантида", 404), ("/doc/999999", 404), ("/timeline?start=биыл", 400),
    ("/timeline?start=2000&end=1990", 400), ("/?q=" + "а" * 1001, 422), ("/жоқ-бет", 404)])
def test_web_pages_errors_are_html_with_status(client, url, status):
    r = client.get(url)
    assert r.status_code == status and 'lang="kk"' in r.text


# -- OpenAPI, docs, real socket ------------------------------------------------------------

def route_paths(routes: list) -> list[str]:
    """Paths of every GET route, looking into included routers (FastAPI nests them)."""
    out = []
    for route in routes:
        if isinstance(route, APIRoute):
            out.append(route.path)
        elif getattr(route, "original_router", None) is not None:
            out += route_paths(route.original_router.routes)
    return out


def test_web_api_every_route_documented(client):
    doc = (REPO / "docs" / "web.md").read_text(encoding="utf-8")
    routes = route_paths(client.app.routes)
    assert len(routes) > 15
    missing = [p for p in routes if f"`{p.replace('{key:path}', '{key}')}" not in doc]
    assert not missing, f"routes missing from docs/web.md: {missing}"
    spec = client.get("/openapi.json").json()
    assert {p for p in spec["paths"] if p.startswith("/api")} == {p for p in routes if p.startswith("/api")}


def test_web_api_real_socket_concurrent(web_db):
    with running(web_db) as base:
        def get(path: str) -> tuple[int, dict]:
            url = base + path
            with urllib.request.urlopen(url, timeout=30) as r:
                return r.status, json.loads(r.read())

        paths = ["/api/ask?q=" + urllib.request.quote(QUESTION), "/api/search?q=%D0%A8%D0%AB%D2%B0",
                 "/api/entities/state:kz", "/api/stats"] * 4
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(get, paths))
        assert all(status == 200 for status, _ in results)
        assert results[0][1]["value"] == "1992-03-02"
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(base + "/api/search?q=", timeout=10)
        assert e.value.code == 422
