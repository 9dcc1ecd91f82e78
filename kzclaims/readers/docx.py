"""Word files (``.docx``), with python-docx: one paragraph of the document per paragraph.

Evidence from a Word file says "paragraph N": the N-th non-empty paragraph of the body, title
and headings included, tables' rows counted as paragraphs in their place. Page headers and
footers are not read (they hold page numbers and running titles, not the article), nor are
footnotes and comments. Title, author and creation date come from the document's core
properties.

A paragraph's text is what Word shows: with tracked changes, the inserted text is read and the
deleted text is not, and the text of content controls (``<w:sdt>``) is read. python-docx's
``Paragraph.text`` reads only the paragraph's direct runs and hyperlinks, so a figure typed with
"Track Changes" on (a ``<w:ins>`` run) was lost: "The repair cost is , says the insurer."
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from kzclaims.readers import (
    Document,
    joined,
    meta_author,
    meta_title,
    missing_extra,
    unreadable,
    warning,
)

__all__ = ["read_docx"]


#: how Office 97-2003 files (.doc, .xls, .ppt) start: not a zip, so not a .docx
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_docx(data: bytes, shown: str) -> Document:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
    except ImportError:
        raise missing_extra("docx", shown) from None
    if data.startswith(_OLE):
        raise unreadable(
            shown, "Word (.docx) file",
            "an old Word .doc (or other Office 97-2003 file) named .docx: save it as .docx",
            "bad-docx",
        )
    try:
        return _read(docx.Document(io.BytesIO(data)), Table, shown)
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        reason = str(exc)
    except KeyError as exc:  # a zip without a Word document's parts: "There is no item named
        # '[Content_Types].xml' in the archive"
        named = str(exc).split("'")
        reason = "a zip archive, but not a Word document: it has no " + (
            named[1] if len(named) > 2 else "Word document parts"
        )
    except Exception as exc:  # a damaged zip or XML raises many kinds (zlib.error, EOFError, ...)
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    raise unreadable(shown, "Word (.docx) file", reason, "bad-docx") from None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: text of a paragraph's runs: the characters, and the marks that read as a space
_TEXT = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr")
#: what Word does not show as the paragraph's text: deleted and moved-away runs, text boxes
#: (their own paragraphs), and the paragraph's revision marks
_HIDDEN = frozenset(
    f"{_W}{t}" for t in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "fldChar", "instrText")
)


def _paragraph_text(p: Any) -> str:
    """The text Word shows of one ``<w:p>`` element (see the module's docstring)."""
    parts: list[str] = []
    for el in p.iter(*_TEXT):
        hidden = False
        for up in el.iterancestors():
            if up is p:
                break
            if up.tag in _HIDDEN:
                hidden = True
                break
        if not hidden:
            parts.append((el.text or "") if el.tag == f"{_W}t" else " ")
    return "".join(parts)


def _cell_text(cell: Any) -> str:
    return "\n".join(_paragraph_text(p) for p in cell._tc.iterchildren(f"{_W}p"))


def _read(document: Any, table_type: type, shown: str) -> Document:
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, table_type):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    words = " ".join(_cell_text(cell).split())
                    if words and (not cells or cells[-1] != words):  # merged cells repeat
                        cells.append(words)
                if cells:
                    blocks.append(" | ".join(cells))
        else:
            words = " ".join(_paragraph_text(item._p).split())
            if words:
                blocks.append(words)
    text, marks = joined(list(enumerate(blocks, 1)))
    props = document.core_properties
    created = props.created
    return Document(
        text=text,
        kind="docx",
        unit="paragraph",
        marks=marks,
        title=meta_title(props.title),
        author=meta_author(props.author),
        published=created.date() if created is not None else None,
        language=(props.language or "").strip().lower()[:2] or None,
        warnings=()
        if blocks
        else (warning(shown, "no text in this Word file; it gives no values"),),
    )
