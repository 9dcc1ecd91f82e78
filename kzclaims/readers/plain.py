"""Plain text (``.txt``, ``.md``): UTF-8, else a named legacy encoding with a warning.

UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read as they are.
Any other text is a legacy single-byte file: Windows-1252 (Western European) or one of the
Cyrillic code pages (Windows-1251, KOI8-R, CP866, Mac Cyrillic), judged from how its words read
in each (``kzclaims.readers.encoding``, which works on bytes wherever they come from). The
warning names the encoding used. A Markdown page's YAML front matter is its metadata (title,
author, date), not text.
"""

from __future__ import annotations

import datetime as dt
import re

from kzclaims.errors import InputError, Problem
from kzclaims.readers import Document, meta_author, suffix_list, warning

__all__ = ["front_matter", "guess_legacy_encoding", "read_plain"]


def guess_legacy_encoding(data: bytes) -> str:
    """:func:`kzclaims.readers.encoding.guess_legacy_encoding`, imported only for a file that is
    not UTF-8 (its tables of five code pages cost ~2 ms of every start-up, issue 8)."""
    from kzclaims.readers.encoding import guess_legacy_encoding as guess

    return guess(data)


def read_plain(data: bytes, shown: str) -> Document:
    warnings: tuple[Problem, ...] = ()
    encoding = "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
            encoding = "utf-16"
        except UnicodeDecodeError:
            raise InputError.single(
                shown, "starts like UTF-16 text but does not decode as UTF-16", code="encoding"
            ) from None
    else:
        if b"\x00" in data[:8192]:
            raise InputError.single(
                shown,
                f"binary file, not text, and no reader knows it (sources may be {suffix_list()}"
                " files)",
                code="binary",
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            from kzclaims.readers.encoding import ENCODING_NAMES

            encoding = guess_legacy_encoding(data)  # KOI8-R, CP866, Mac Cyrillic decode all
            text = data.decode(encoding)
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            message = (
                f"not UTF-8 (byte 0x{data[exc.start]:02x}); read as {ENCODING_NAMES[encoding]},"
                " judged from its letters; re-save the file as UTF-8 to be sure"
            )
            warnings = (warning(shown, message, line, col),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, meta = front_matter(text)
    return Document(
        text=text,
        kind="text",
        title=meta.get("title"),
        author=meta_author(meta.get("author")),
        published=_meta_date(meta.get("date")),
        encoding=encoding,
        warnings=warnings,
    )


#: front-matter keys (Jekyll, Hugo, Pandoc, Astro...) that name a page's metadata
_FRONT_KEYS = {
    "title": "title",
    "author": "author",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "publishdate": "date",
    "published_at": "date",
    "publish_date": "date",
}


#: a front-matter key as blog engines write them: lower-case (``title``, ``publish_date``)
_FRONT_KEY = r"[a-z][a-z0-9_-]*"


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """A Markdown page's YAML front matter (``---`` / ``title: ...`` / ``---`` at the top) as
    metadata, not text: its lines are blanked (so line numbers stay the file's), and its title,
    author and date are returned. A text that does not open with a closed block of ``key:
    value`` lines, lower-case keys of which one at least is a title, author or date, is returned
    as it is: a transcript between two rules ("---" / "ANCHOR: Good evening." / "---") is text."""
    if not text.startswith("---\n"):
        return text, {}
    lines = text.split("\n")
    end = next(
        (i for i, line in enumerate(lines[1:80], 1) if line.rstrip() in ("---", "...")), None
    )
    if end is None:
        return text, {}
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t-":
            continue  # a blank line, a comment, a nested or listed value
        if not colon or not re.fullmatch(_FRONT_KEY, key.strip()):
            return text, {}  # not YAML front matter: a rule, then text ("Reporter: ...")
        name = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if name and value and name not in meta and value[:1] not in "[{|>":
            meta[name] = value
    if not meta:
        return text, {}  # no title, author or date: nothing says it is a page's metadata
    return "\n" * end + "\n" + "\n".join(lines[end + 1 :]), meta


def _meta_date(value: str | None) -> dt.date | None:
    """The day of a front matter date (2026-08-21, 2026-08-21T10:00:00+01:00)."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
