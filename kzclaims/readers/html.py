"""HTML pages: the article's text with trafilatura, its publication date with htmldate.

trafilatura finds the main text of a saved page and leaves out what surrounds it: navigation,
"related stories", share bars, cookie banners, scripts, footers. On the fixture corpus it kept
every paragraph of the article and none of the boilerplate; a stdlib ``html.parser`` baseline
that only drops ``script``/``style``/``nav``/``header``/``footer``/``aside`` kept the cookie
banner and the ticker (figures in ``docs/benchmarks.md``, ``benchmarks/readers.py``).

Each block trafilatura keeps (a heading, a paragraph, a list item, a table row) is one paragraph,
except a block that only points to another story ("Read more: ...", "Читайте также: ...");
evidence from a page says "paragraph N", counted from the top of the article text, headline
included. The publication date comes from htmldate's reading of the page's markup (meta tags,
``<time>``, structured data, the URL), not from a search of the text: a date in the text is the
dateline reader's job. Title and author come from trafilatura's metadata, the language from the
page's ``<html lang>``, the URL from the canonical link.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kzclaims.errors import Problem
from kzclaims.readers import (
    Document,
    joined,
    meta_author,
    missing_extra,
    unreadable,
    warning,
)

__all__ = ["read_html"]

_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)
_BLOCKS_WITH_ITEMS = {"list": "item", "table": "row"}


def _block_text(el: Any) -> str:
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.tag == "lb":
            parts.append(" ")
        elif e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    if el.tag == "row":
        return " | ".join(" ".join(_block_text(c).split()) for c in el)
    walk(el)
    return " ".join("".join(parts).split())


#: a block that only points to another story, "Read more: 45 firefighters battle refinery blaze
#: in Oskol", "Читайте также: ...": the figures of a link's title are that other story's
_LINK_LEAD_IN = re.compile(
    r"(?:read\s+(?:more|also)|also\s+read|see\s+also|related(?:\s+(?:stories|story|articles?|"
    r"news|coverage))?|more\s+on\s+this(?:\s+story)?|читайте\s+(?:также|еще|ещё)|"
    r"смотрите\s+также|по\s+теме)\s*[:|»>]",
    re.I,
)


def _blocks(body: Any) -> list[str]:
    out: list[str] = []
    for el in body:
        item = _BLOCKS_WITH_ITEMS.get(el.tag)
        if item is not None:
            out.extend(_block_text(i) for i in el.iter(item))
        else:
            out.append(_block_text(el))
    return [b for b in out if b and not _LINK_LEAD_IN.match(b)]


#: below this many characters of text, trafilatura may have fallen back to its baseline (its
#: MIN_EXTRACTED_SIZE), which takes whatever text the page has: menus, cookie banners
_SHORT = 250
#: elements around an article, never its text: by tag, or by a class or id that says so
_BOILERPLATE_TAGS = ("nav", "header", "footer", "aside", "button", "form", "noscript", "menu")
_BOILERPLATE_NAMES = re.compile(
    r"cookie|consent|gdpr|banner|menu|navbar|breadcrumb|share|social|newsletter|subscribe"
    r"|related|promo|footer|header|sidebar|ticker|advert",
    re.I,
)


def _only_boilerplate(data: bytes, blocks: list[str]) -> bool:
    """Is what trafilatura returned only the page's navigation, banners, buttons or footer? True
    when none of its words stands in the page once those, scripts and styles are taken out: the
    page has no article (an error page, a cookie wall), and nothing of it is a source's text."""
    try:
        import lxml.html

        root = _parsed(data)
        if isinstance(root, bytes):
            root = lxml.html.fromstring(data)
    except Exception:  # no tree, no judgement: keep what trafilatura found
        return False
    around = [
        el for el in root.iter()
        if el is not root and isinstance(el.tag, str) and (
            el.tag in _BOILERPLATE_TAGS or el.tag in ("head", "script", "style", "template")
            or _BOILERPLATE_NAMES.search(f"{el.get('class', '')} {el.get('id', '')}")
        )
    ]
    for el in around:
        el.drop_tree()
    rest = set(_WORD.findall(root.text_content().lower()))
    return not any(w in rest for b in blocks for w in _WORD.findall(b.lower()))


_WORD = re.compile(r"\w+")

#: lxml stops at a text node or attribute over 10 MB unless told (``huge_tree``), and trafilatura
#: and htmldate parse without it; trafilatura also refuses a page over 20 MB. A saved page can be
#: that large with a large inline image (a ``data:`` URI) or a site framework's JSON state in a
#: ``<script>``: everything after it was lost ("no article text found"). A page past this size is
#: parsed here with ``huge_tree`` (decoded as trafilatura decodes it) and handed over as a tree.
_LARGE_PAGE = 9_000_000


def _parsed(data: bytes) -> Any:
    """The page as trafilatura and htmldate take it: its bytes, or for a large page, a tree."""
    if len(data) < _LARGE_PAGE:
        return data
    import lxml.html
    from trafilatura.utils import decode_file

    parser = lxml.html.HTMLParser(
        huge_tree=True, encoding="utf-8", collect_ids=False, default_doctype=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        text = decode_file(data).encode("utf-8", "surrogatepass")
        tree = lxml.html.fromstring(text, parser=parser)
    except Exception:  # no tree: let trafilatura try (and say what it can)
        return data
    # what is never the article's text, and which htmldate's search of the page would read
    # through at length: an attribute's megabytes (a data: URI), a script's or style's
    for el in tree.iter():
        for name, value in list(el.attrib.items()):
            if len(value) > _LARGE_PART:
                del el.attrib[name]
        if el.tag in ("script", "style") and el.text and len(el.text) > _LARGE_PART:
            el.text = ""
    return tree


_LARGE_PART = 1_000_000


def read_html(data: bytes, shown: str) -> Document:
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise missing_extra("html", shown) from None
    try:
        doc = trafilatura.bare_extraction(
            _parsed(data),
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken input
        raise unreadable(shown, "HTML page", f"{type(exc).__name__}: {exc}", "bad-html") from None
    warnings: list[Problem] = []
    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    if blocks and sum(len(b) for b in blocks) < _SHORT and _only_boilerplate(data, blocks):
        blocks = []  # trafilatura's last-resort rescue returned the menu and the cookie banner
    if not blocks:
        warnings.append(
            warning(shown, "no article text found in this HTML page; it gives no values")
        )
    text, marks = joined(list(enumerate(blocks, 1)))
    published: dt.date | None = None
    try:
        found = htmldate.find_date(
            _parsed(data), original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
        if found:
            published = dt.date.fromisoformat(found)
    except Exception:  # a date is optional: a page htmldate cannot parse has none
        published = None
    lang = _LANG.search(data[:4096])
    return Document(
        text=text,
        kind="html",
        unit="paragraph",
        marks=marks,
        title=(doc.title or None) if doc is not None else None,
        author=meta_author(doc.author) if doc is not None else None,
        published=published,
        language=lang.group(1).decode("ascii").lower() if lang else None,
        url=(doc.url or None) if doc is not None else None,
        site=_site(doc.sitename) if doc is not None else None,
        warnings=tuple(warnings),
    )


def _site(name: str | None) -> str | None:
    """The site a page names, as an outlet: its og:site_name ("Steppe News"), else the host
    trafilatura takes from its address, without "www." ("tass.ru")."""
    name = " ".join((name or "").split())
    if name.lower().startswith("www."):
        name = name[4:]
    return name[:80] or None
