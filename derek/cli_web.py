"""``derek serve``: the HTTP API and web pages over a knowledge base (read-only)."""

from __future__ import annotations

import click

from derek.cli import db_option, main


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (localhost by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@db_option
def serve(host: str, port: int, db: str) -> None:
    """Serve the knowledge base over HTTP: JSON API and pages (ask, entities, timeline ...)."""
    import uvicorn

    from derek.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
