"""The FastAPI application: the JSON API (api.py) and pages (pages.py) over one read-only
knowledge base, with one SQLite connection per worker thread, GET only, errors as JSON."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from derek.errors import DerekError, NotFound, QueryError, StoreError
from derek.kb.store import KnowledgeBase

# Pages and API are same-origin only; nothing is loaded from elsewhere (works offline), and
# inline scripts never run even if some text escaped escaping.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self';"
                               " script-src 'self'; object-src 'none'; base-uri 'none';"
                               " form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


class KnowledgeBases:
    """One read-only KnowledgeBase per thread: SQLite objects never cross threads.

    Attribute access is forwarded to the calling thread's KnowledgeBase, so a route running in
    a worker thread uses that thread's connection (FastAPI may resolve dependencies elsewhere).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.local = threading.local()
        self.opened: list[KnowledgeBase] = []
        self.lock = threading.Lock()
        KnowledgeBase(self.path, create=False, readonly=True).close()  # fail fast at start-up

    def get(self) -> KnowledgeBase:
        kb = getattr(self.local, "kb", None)
        if kb is None:
            kb = KnowledgeBase(self.path, create=False, readonly=True)
            self.local.kb = kb
            with self.lock:
                self.opened.append(kb)
        return kb

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)

    def close(self) -> None:
        with self.lock:
            for kb in self.opened:
                kb.close()
            self.opened.clear()


def create_app(db_path: str | Path) -> FastAPI:
    """The derek web app over the knowledge base in ``db_path`` (opened read-only)."""
    from derek.web import api, pages

    kbs = KnowledgeBases(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        kbs.close()

    app = FastAPI(title="derek", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Kazakh documents as a knowledge base of cited facts (read-only).")
    app.state.kbs = kbs
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


async def kb_of(request: Request) -> KnowledgeBase:
    """The knowledge base, as seen from whichever thread runs the route (a FastAPI dependency;
    async, so it resolves on the event loop and hands out no connection itself)."""
    return request.app.state.kbs


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _add_error_handlers(app: FastAPI) -> None:
    from derek.web.pages import error_page

    def reply(request: Request, status: int, message: str, detail: object = None) -> Response:
        if _wants_json(request):
            body = {"error": message} | ({"detail": detail} if detail is not None else {})
            return JSONResponse(body, status_code=status)
        return error_page(request, status, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        message = f"invalid parameter {'.'.join(map(str, first['loc'][1:]))}: {first['msg']}"
        return reply(request, 422, message, errors)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return reply(request, 404 if isinstance(exc, NotFound) else 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return reply(request, 503, str(exc))

    @app.exception_handler(DerekError)
    async def derek_error(request: Request, exc: DerekError) -> Response:
        return reply(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = reply(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response
