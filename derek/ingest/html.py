"""The main text of an HTML page: scripts, styles, navigation, headers and footers dropped."""

from __future__ import annotations

import re

_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "template", "menu", "select", "head"]
_NOISE = re.compile(r"cookie|consent|banner|menu|navbar|nav-|sidebar|breadcrumb|footer|share|social|advert|promo", re.I)
_BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "td", "th",
           "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "dd", "dt", "figcaption"}


def html_text(markup: str) -> tuple[str, str | None]:
    """(main text with one paragraph per block, page title)."""
    from bs4 import BeautifulSoup  # lazy: heavy import

    soup = BeautifulSoup(markup, "lxml")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo", "complementary"]}):
        tag.decompose()
    for tag in soup.find_all(_is_noise):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    h1 = root.find("h1")
    lines: list[str] = []
    _collect(root, lines, [])
    text = "\n\n".join(line for line in lines if line)
    return text, (h1.get_text(" ", strip=True) if h1 else None) or title


def _is_noise(tag) -> bool:  # noqa: ANN001 - a bs4 Tag
    if tag.name in ("html", "body", "main", "article") or tag.attrs is None:
        return False
    marks = " ".join(tag.get("class", []) or []) + " " + (tag.get("id") or "")
    return bool(marks.strip()) and bool(_NOISE.search(marks))


def _collect(node, lines: list[str], current: list[str]) -> None:  # noqa: ANN001
    """Walk the tree, starting a new line at every block element."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment

    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            current.append(str(child))
        elif isinstance(child, Tag):
            block = child.name in _BLOCKS
            if block:
                _flush(lines, current)
            _collect(child, lines, current)
            if block:
                _flush(lines, current)
    if node.parent is None or node.name in ("article", "main", "body"):
        _flush(lines, current)


def _flush(lines: list[str], current: list[str]) -> None:
    line = re.sub(r"\s+", " ", "".join(current)).strip()
    current.clear()
    if line:
        lines.append(line)
