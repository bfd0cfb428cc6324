"""Screenshots of derek's main pages (docs/screenshots/*.png) from Debian's chromium.

    python bench/screenshots.py [--db FILE]   # without --db: a KB built from examples/corpus
Prints JSON: each file written and its size in bytes. Needs /usr/bin/chromium and playwright.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from derek.web.server import running

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {
    "home-answer": "/?q=" + quote("Қазақстан БҰҰ-ға қашан мүше болды?"),
    "entity": "/entity/state:kz",
    "membership": "/membership",
    "timeline": "/timeline",
    "document": "/doc/bul.txt?start=38&end=133#quote",
    "conflicts": "/conflicts",
}
PHONE = {"home-phone": "/?q=" + quote("ШЫҰ қашан құрылды?")}


def build_kb(folder: Path) -> Path:
    import derek
    from derek.ingest import ingest_paths

    path = folder / "kb.db"
    with derek.open(path) as kb:
        ingest_paths(kb, [str(REPO / "examples" / "corpus")])
    return path


def shoot(base: str, out: Path) -> dict[str, int]:
    from playwright.sync_api import sync_playwright

    sizes = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=30_000)
        for pages, viewport in ((PAGES, {"width": 1200, "height": 800}), (PHONE, {"width": 390, "height": 780})):
            page = browser.new_page(viewport=viewport)
            for name, path in pages.items():
                page.goto(base + path, timeout=30_000)
                file = out / f"{name}.png"
                page.screenshot(path=str(file), full_page=False)
                sizes[file.name] = file.stat().st_size
            page.close()
        browser.close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="knowledge base (default: built from examples/corpus)")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else build_kb(Path(tmp))
        with running(db) as base:
            sizes = shoot(base, out)
    print(json.dumps({"screenshots": sizes}, indent=2))


if __name__ == "__main__":
    main()
