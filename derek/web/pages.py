"""Server-rendered pages in Kazakh (Jinja2, autoescaped): ask/search, entities, membership
table, SVG timeline, document viewer with coloured annotations, conflicts. GET only."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from derek.errors import QueryError
from derek.kb.store import KnowledgeBase
from derek.query.render import fact_value, render_date
from derek.web import views
from derek.web.api import MAX_NAME, MAX_QUERY
from derek.web.app import kb_of
from derek.web.highlight import Mark, answer_marks, evidence_marks, pieces, span_marks
from derek.web.timeline_svg import chart

router = APIRouter(include_in_schema=False)
KB = Annotated[KnowledgeBase, Depends(kb_of)]
Key = Annotated[str, Path(min_length=1, max_length=MAX_NAME)]
Opt = Annotated[str | None, Query(max_length=MAX_NAME)]
STATIC = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
TYPES_KK = {"state": "мемлекет", "organization": "ұйым", "body": "орган", "person": "тұлға",
            "place": "жер", "city": "қала", "region": "өңір", "river": "өзен", "sea": "теңіз",
            "lake": "көл", "mountain": "тау", "treaty": "шарт", "event": "оқиға"}
ERRORS_KK = {400: "Сұрау қате", 404: "Табылмады", 405: "Бұл әдіс қолданылмайды",
             422: "Параметр қате", 503: "Білім қоры қолжетімсіз"}


@cache
def env() -> Environment:
    """Autoescape on for every template: document text is never marked safe."""
    e = Environment(loader=PackageLoader("derek.web", "templates"),
                    autoescape=select_autoescape(default=True, default_for_string=True),
                    trim_blocks=True, lstrip_blocks=True)
    e.filters["date"] = lambda v: render_date(v) or ""
    e.filters["kind"] = lambda t: TYPES_KK.get(t, t)
    e.filters["fact_value"] = fact_value
    return e


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env().get_template(name).render(**context), status_code=status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    return render("error.html", status, status=status, title=ERRORS_KK.get(status, "Қате"),
                  message=message)


@cache
def _static(name: str) -> bytes:
    return resources.files("derek.web").joinpath("static").joinpath(name).read_bytes()


def _static_route(name: str) -> None:
    @router.get(f"/static/{name}", name=f"static_{name}")
    def serve() -> Response:  # one fixed file each: no path comes from the request
        return Response(_static(name), media_type=STATIC[name],
                        headers={"Cache-Control": "public, max-age=3600"})


for _name in STATIC:
    _static_route(_name)


@router.get("/", response_class=HTMLResponse)
def home(kb: KB, q: Annotated[str | None, Query(max_length=MAX_QUERY)] = None,
         mode: Annotated[str, Query(pattern="^(ask|search)$")] = "ask") -> Response:
    q = (q or "").strip()
    if not q:
        return render("home.html", q="", answer=None, hits=None, quotes=[], stats=kb.stats())
    answer = kb.ask(q).to_dict() if mode == "ask" else None
    quotes = _quotes(kb, answer) if answer and answer["answer"] else []
    hits = None if quotes else _hits(kb, q)
    return render("home.html", q=q, mode=mode, answer=answer, quotes=quotes, hits=hits)


def _quotes(kb: KnowledgeBase, answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The answer's source sentences, with the words that carry the answer marked."""
    out = []
    for source in answer["sources"]:
        row = kb.document(source["doc"])
        spans = kb.spans(row.id) if row else []
        marks = answer_marks(source, spans, answer["value"], answer["answer"], answer.get("answer_spans"))
        out.append({**source, "doc_id": row.id if row else None,
                    "pieces": pieces(source["text"], marks)})
    return out


def _hits(kb: KnowledgeBase, q: str) -> list[dict[str, Any]]:
    out = []
    for hit in kb.search(q, 10):
        marks = [Mark(a - hit.start, b - hit.start, "hit") for a, b in hit.matches]
        out.append({**hit.to_dict(), "pieces": pieces(hit.text, marks)})
    return out


@router.get("/entities", response_class=HTMLResponse)
def entities(kb: KB, type: Annotated[str | None, Query(pattern=r"^[a-z_]{0,32}$")] = None
             ) -> Response:
    found = kb.entities(type or None)
    types = sorted({e["type"] for e in kb.entities()})
    return render("entities.html", entities=found, types=types, type=type or "")


@router.get("/entity/{key:path}", response_class=HTMLResponse)
def entity(kb: KB, key: Key) -> Response:
    card = views.entity_card(kb, key)
    wikidata = card["wikidata"] if (card["wikidata"] or "").lstrip("Q").isdigit() else None
    return render("entity.html", card=card, wikidata=wikidata)


@router.get("/membership", response_class=HTMLResponse)
def membership(kb: KB) -> Response:
    table = views.membership_table(kb)
    cells = {(c["state"], c["organization"]): c for c in table["cells"]}
    return render("membership.html", table=table, cells=cells, roles=views.ROLE_KK)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(kb: KB, entity: Opt = None, start: Opt = None, end: Opt = None) -> Response:
    first, last = _year(start, "start"), _year(end, "end")
    events = views.timeline(kb, (entity or "").strip() or None, first, last)
    return render("timeline.html", chart=chart(events), events=events, entity=entity or "",
                  start=start or "", end=end or "")


def _year(value: str | None, name: str) -> int | None:
    """A year from a form field: empty means no bound."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.lstrip("-").isdigit() or not -9999 <= int(value) <= 9999:
        raise QueryError(f"{name}: a year between -9999 and 9999, not {value!r}")
    return int(value)


@router.get("/doc", response_class=HTMLResponse)
def documents(kb: KB) -> Response:
    return render("documents.html", documents=[views.document_meta(d) for d in kb.documents()])


@router.get("/doc/{key}", response_class=HTMLResponse)
def document(kb: KB, key: Key, start: Annotated[int | None, Query(ge=0)] = None,
             end: Annotated[int | None, Query(ge=0)] = None) -> Response:
    row = views.find_document(kb, key)
    text = kb.document_text(row.id)
    spans = kb.spans(row.id)
    evidence = views.document_evidence(kb, row.id)
    marks = span_marks(spans) + evidence_marks(evidence)
    if start is not None and end is not None and start < end <= len(text):
        marks.append(Mark(start, end, "quote", "дәйексөз"))
    counts = {k: sum(1 for m in marks if m.kind == k) for k in ("ent", "date", "qty", "ev", "quote")}
    return render("document.html", doc=views.document_meta(row), pieces=pieces(text, marks),
                  counts=counts, evidence=evidence)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(kb: KB) -> Response:
    return render("conflicts.html", conflicts=kb.conflicts())
