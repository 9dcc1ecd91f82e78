"""Readers: one per kind of source file, chosen by file type.

``read(path)`` is a pure function of one file: it returns a :class:`Document` with the text to
search, where each part of that text is in the original (a line of a text file, a page of a PDF,
a paragraph of an HTML page or a Word file) and the metadata the file declares (title, author,
publication date, language, canonical URL). It works per file, so sources can be read one at a
time (streamed). The kind is chosen from the suffix and checked against the content: an HTML page
saved as ``.txt`` is read as HTML, a PDF named ``.txt`` as a PDF.

The HTML, PDF and Word readers need optional libraries (``pip install "kzclaims[html]"``,
``[pdf]``, ``[docx]``); they are imported only when a file of that kind is read. Without the
library the reader raises :class:`~kzclaims.errors.InputError` with one line naming the extra.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from pathlib import Path
from typing import Literal

from kzclaims._dataclass import dataclass
from kzclaims.errors import InputError, Problem

__all__ = [
    "EXTRAS",
    "READABLE_SUFFIXES",
    "Document",
    "Kind",
    "Unit",
    "missing_extra",
    "read",
    "read_bytes",
    "sniff",
    "suffix_list",
    "warning",
]

Kind = Literal["text", "html", "pdf", "docx"]
Unit = Literal["line", "page", "paragraph"]

#: suffix -> reader kind; a folder without a manifest takes every file with one of these suffixes
READABLE_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

#: the optional extra that provides each reader's library
EXTRAS: dict[Kind, tuple[str, str]] = {
    "html": ("html", "HTML pages"),
    "pdf": ("pdf", "PDF files"),
    "docx": ("docx", "Word (.docx) files"),
}


@dataclass(frozen=True)
class Document:
    """The readable text of one source file, with a map back to places in the file.

    ``marks`` are ``(offset, number)`` pairs, sorted: from character ``offset`` of ``text`` on,
    the text is on page/paragraph ``number`` of the file (``unit``). For plain text the unit is
    the line and ``marks`` is empty: the line in ``text`` is the line in the file.
    """

    text: str
    kind: Kind = "text"
    unit: Unit = "line"
    marks: tuple[tuple[int, int], ...] = ()
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str | None = None
    url: str | None = None
    site: str | None = None  # the site a web page names (og:site_name, else its host)
    encoding: str = "utf-8"
    warnings: tuple[Problem, ...] = ()  # warnings about the file, e.g. its encoding

    def location_at(self, offset: int) -> int | None:
        """The page or paragraph number of character ``offset`` (None for plain text)."""
        if not self.marks:
            return None
        i = bisect_right([o for o, _ in self.marks], offset) - 1
        return self.marks[max(i, 0)][1]

    def line_marks(self) -> tuple[tuple[int, int], ...]:
        """``marks`` with 1-based line numbers of ``text`` instead of character offsets."""
        out: list[tuple[int, int]] = []
        line = 1
        pos = 0
        for offset, number in self.marks:
            line += self.text.count("\n", pos, offset)
            pos = offset
            out.append((line, number))
        return tuple(out)


def joined(blocks: list[tuple[int, str]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Numbered blocks (page or paragraph, text) -> the text, a blank line between blocks, and
    its marks (the offset where each block starts, the block's number)."""
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    for number, block in blocks:
        block = block.strip("\n")
        if not block.strip():
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        marks.append((pos, number))
        parts.append(block)
        pos += len(block)
    return "".join(parts), tuple(marks)


#: a document property's title that names no document: what a browser's "Save as PDF" writes
#: for a page without a <title> (the page's address, "about:blank"), what Word's PDF printer
#: writes ("Microsoft Word - brief.docx"), an editor's placeholder ("Untitled"), a file name
_NO_TITLE = (
    r"^(?:about:blank|[a-z][a-z0-9+.-]*://\S*|microsoft (?:word|powerpoint) - .*"
    r"|untitled(?: document)?|\S+\.(?:pdf|docx?|html?|txt|odt|rtf))$"
)
#: a document property's author that names an account, not a writer: what Word, LibreOffice and
#: python-docx write when nobody set a name ("Admin", "Windows User", "Пользователь")
_NO_AUTHOR = (
    r"^(?:admin(?:istrator)?|user|windows user|microsoft office user|owner|author|unknown"
    r"|python-docx|пользователь|администратор|user\d*|\d+)$"
)


def meta_title(raw: str | None) -> str | None:
    """A file's declared title as a source's title; None when it names no document."""
    import re

    title = " ".join((raw or "").split())
    return None if not title or re.match(_NO_TITLE, title, re.I) else title


def meta_author(raw: str | None) -> str | None:
    """A file's declared author as a source's author; None when it names an account."""
    import re

    author = " ".join((raw or "").split())
    return None if not author or re.match(_NO_AUTHOR, author, re.I) else author


def warning(shown: str, message: str, line: int | None = None, col: int | None = None) -> Problem:
    return Problem(shown, line, col, message, "warning", "reader")


def suffix_list() -> str:
    """".txt, .md, .html, .htm, .pdf or .docx": the files a folder's sources may be."""
    names = list(READABLE_SUFFIXES)
    return ", ".join(names[:-1]) + " or " + names[-1]


def unreadable(shown: str, what: str, reason: str, code: str) -> InputError:
    """A file its reader cannot read: "not a readable PDF (corrupt or truncated: ...)", one line
    (the library's message with its white space folded)."""
    return InputError.single(
        shown, f"not a readable {what} ({' '.join(reason.split())})", code=code
    )


def missing_extra(kind: Kind, shown: str) -> InputError:
    extra, what = EXTRAS[kind]
    return InputError.single(
        shown,
        f"reading {what} needs an optional library: pip install \"kzclaims[{extra}]\"",
        code="missing-extra",
    )


def sniff(data: bytes, suffix: str) -> Kind | None:
    """The kind of a file from its first bytes, then its suffix; None when no reader fits.

    The content wins over the suffix: a PDF saved as ``.txt`` is a PDF, an HTML page saved as
    ``.txt`` is HTML. A Word file is a zip with ``word/`` in it.
    """
    head = data[:2048]
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and not _texty(head[:1024])):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or suffix == ".docx" else None
    if _looks_html(head):
        return "html"
    kind = READABLE_SUFFIXES.get(suffix.lower())
    if kind in ("pdf", "docx"):
        return kind  # the reader says what is wrong with it (corrupt, truncated)
    if kind == "html":
        return "html"
    return kind


def _texty(head: bytes) -> bool:
    return b"\x00" not in head


def _looks_html(head: bytes) -> bool:
    """A saved web page: a doctype or <html>/<head>/<body> near the top, or a page of tags."""
    text = head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<head", "<?xml")) and (
        "<html" in text or "<!doctype html" in text
    ):
        return True
    if not text.startswith("<"):
        return False
    tags = sum(text.count(t) for t in ("<p>", "<p ", "</p>", "<div", "</div>", "<br"))
    return "<body" in text or tags >= 3


def _zip_kind(data: bytes) -> str:
    """What a zip file that is not a Word file is, from the names of its first members."""
    head = data[:65536]
    if b"xl/" in head:
        return "a spreadsheet (Office Open XML)"
    if b"ppt/" in head:
        return "a presentation (Office Open XML)"
    if b"[Content_Types].xml" in head:
        return "an Office Open XML file"
    if b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return "an OpenDocument file"
    return "a zip archive"


def _image_kind(data: bytes) -> str | None:
    """The kind of image a file is, from its first bytes ("JPEG"); None when it is not one."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "AVIF" if data[8:12] == b"avif" else "HEIC"
    return None


#: what a file of each suffix should have been, for the message about an image
_MEANT = {"pdf": "a PDF", "docx": "a Word file", "html": "a web page"}


def read_bytes(data: bytes, shown: str, suffix: str = ".txt") -> Document:
    """Read a file's bytes with the reader its content and suffix call for."""
    image = _image_kind(data)
    if image is not None:  # a scan or a photo: neither "corrupt PDF" nor "binary file" helps
        meant = _MEANT.get(READABLE_SUFFIXES.get(suffix.lower(), "text"), "text")
        article = "an" if image[0] in "AEIOU" else "a"
        raise InputError.single(
            shown,
            f"{article} {image} image, not {meant}: kzclaims reads text, so a scan or a photo"
            " needs OCR first (save its text as a .txt file, or a PDF with a text layer)",
            code="image",
        )
    kind = sniff(data, suffix)
    if kind is None and data[:4] == b"PK\x03\x04":
        raise InputError.single(
            shown,
            f"{_zip_kind(data)}, not text; no reader knows it (sources may be {suffix_list()}"
            " files)",
            code="no-reader",
        )
    if kind is None:
        raise InputError.single(
            shown,
            f"no reader for {suffix or 'files without a suffix'} (sources may be {suffix_list()}"
            " files)",
            code="no-reader",
        )
    if kind == "html":
        from kzclaims.readers.html import read_html

        return read_html(data, shown)
    if kind == "pdf":
        from kzclaims.readers.pdf import read_pdf

        return read_pdf(data, shown)
    if kind == "docx":
        from kzclaims.readers.docx import read_docx

        return read_docx(data, shown)
    from kzclaims.readers.plain import read_plain

    return read_plain(data, shown)


def read(path: str | Path, shown: str | None = None) -> Document:
    """Read one source file (pure: the file is only read); raises InputError when it cannot."""
    from kzclaims.safefs import MAX_SOURCE_BYTES, read_regular_file

    path = Path(path)
    shown = shown or str(path)
    data = read_regular_file(path, shown, MAX_SOURCE_BYTES, "source")  # no FIFO, no /dev/zero
    return read_bytes(data, shown, path.suffix.lower())
