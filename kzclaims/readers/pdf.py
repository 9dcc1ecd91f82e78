"""PDF files, with pypdf: the text of each page, so evidence can say "page 3".

pypdf was chosen over pdfminer.six by measurement (``benchmarks/readers.py``, figures in
docs/benchmarks.md): on our PDFs both give the same words in the same order, and pypdf is the
faster of the two and a single pure-Python package. What neither library does is written here:

- running headers and footers (a line at the top or bottom of a page that recurs on other pages
  once its digits are set aside: "Weekly Briefing No. 2 | Page 1 of 2") and bare page numbers
  are dropped, so their numbers are never read as values;
- a word hyphenated at a line end ("with-" / "drawal") is joined when the whole word occurs
  elsewhere in the document; otherwise the hyphen stays ("anti-" / "terrorist");
- typographic ligatures (U+FB00-FB06: "ﬁ", "ﬂ") are spelled out, soft hyphens removed.

A page's date comes from the text's dateline when it has one, else from the document's metadata
(``/CreationDate``), reported as inferred.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter

from kzclaims.errors import InputError, Problem
from kzclaims.readers import (
    Document,
    joined,
    meta_author,
    meta_title,
    missing_extra,
    unreadable,
    warning,
)

__all__ = ["clean_pages", "read_pdf"]

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\xad": None,
    }
)
_PAGE_NUMBER = re.compile(r"(?i)^[-–—\s]*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$")
_EDGE = 2  # lines at the top and at the bottom of a page that may be a running header/footer
_HYPHENATED = re.compile(r"([^\W\d_]+)-\n([a-z][^\W\d_]*)")
_WORDS = re.compile(r"[^\W\d_]+")
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})(\d{2})")


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def clean_pages(pages: list[str]) -> list[str]:
    """Drop running headers/footers and page numbers; join hyphenated words; spell ligatures."""
    split = [[ln for ln in p.translate(_LIGATURES).split("\n")] for p in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        content = [i for i, ln in enumerate(lines) if ln.strip()]
        for i in {*content[:_EDGE], *content[-_EDGE:]}:
            edges[_shape(lines[i])] += 1
    out: list[str] = []
    for lines in split:
        content = [i for i, ln in enumerate(lines) if ln.strip()]
        drop = {
            i
            for i in {*content[:_EDGE], *content[-_EDGE:]}
            if _PAGE_NUMBER.match(lines[i]) or (len(split) > 1 and edges[_shape(lines[i])] > 1)
        }
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in drop).strip("\n"))
    known = Counter(w.lower() for w in _WORDS.findall("\n".join(out)))

    def join(m: re.Match[str]) -> str:
        whole = m.group(1) + m.group(2)
        return whole if known[whole.lower()] else m.group(0)

    return [_HYPHENATED.sub(join, p) for p in out]


def _date(raw: object) -> dt.date | None:
    m = _PDF_DATE.match(str(raw or ""))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_pdf(data: bytes, shown: str) -> Document:
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:
        raise missing_extra("pdf", shown) from None
    import logging

    # pypdf logs what it repairs in a damaged file ("Advanced encoding ... not implemented");
    # the user gets one warning or error line from us instead
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError, FileNotDecryptedError):
                opened = 0
            if not opened:
                raise InputError.single(
                    shown,
                    "the PDF is encrypted and needs a password; save an unencrypted copy to "
                    "compare it",
                    code="encrypted",
                )
        raw_pages = list(reader.pages)
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files: PdfReadError, ...
        raise unreadable(shown, "PDF", f"corrupt or truncated: {exc}", "bad-pdf") from None
    warnings: list[Problem] = []
    texts: list[str] = []
    broken_pages: list[int] = []
    for n, page in enumerate(raw_pages, 1):
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # one broken page must not lose the others
            texts.append("")
            broken_pages.append(n)
    if broken_pages:
        pages_text = ", ".join(map(str, broken_pages))
        warnings.append(warning(shown, f"pages {pages_text} could not be read"))
    pages = clean_pages(texts)
    if raw_pages and not any(p.strip() for p in pages):
        warnings.append(
            warning(shown, "no text in this PDF (a scan? it needs OCR first); it gives no values")
        )
    text, marks = joined(list(enumerate(pages, 1)))
    meta = None
    try:
        meta = reader.metadata
    except Exception:  # metadata is optional
        meta = None
    title = author = None
    published = None
    if meta is not None:
        title = meta_title(str(meta.get("/Title") or ""))
        author = meta_author(str(meta.get("/Author") or ""))
        published = _date(meta.get("/CreationDate"))
    return Document(
        text=text,
        kind="pdf",
        unit="page",
        marks=marks,
        title=title,
        author=author,
        published=published,
        warnings=tuple(warnings),
    )
