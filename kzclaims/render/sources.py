"""``kzclaims sources``: the corpus at a glance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from kzclaims.model import inferred_from
from kzclaims.sources import Corpus

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_sources_json", "render_sources_table", "sources_rows", "sources_summary"]


def sources_rows(corpus: Corpus, mentions: dict[str, list[str]] | None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for s in corpus.sources:
        row: dict[str, object] = {
            "id": s.id,
            "outlet": s.outlet,
            "file": s.file,
            "published": s.published.isoformat() if s.published else None,
            "published_inferred": s.published_inferred,
            "published_from": s.published_from,
            "title": s.title,
            "title_inferred": s.title_inferred,
            "author": s.author,
            "as_of": s.as_of.isoformat() if s.as_of else None,
            "language": s.language,
            "language_detected": s.language_detected,
            "bytes": s.size,
            "lines": s.text.count("\n") + (0 if s.text.endswith("\n") or not s.text else 1),
        }
        if mentions is not None:
            row["claims"] = mentions.get(s.id, [])
        rows.append(row)
    return rows


def render_sources_json(corpus: Corpus, mentions: dict[str, list[str]] | None) -> str:
    return (
        json.dumps(
            {"sources": sources_rows(corpus, mentions)},
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
        )
        + "\n"
    )


def _size(n: int) -> str:
    return (
        f"{n} B"
        if n < 1024
        else f"{n / 1024:.1f} KB"
        if n < 1024 * 1024
        else f"{n / 1024 / 1024:.1f} MB"
    )


def _cells(
    corpus: Corpus, mentions: dict[str, list[str]] | None
) -> list[tuple[str, str, str, str, str, str, list[str] | None]]:
    """(id, outlet, published, language, size, file, claims mentioned) per source, as shown."""
    out = []
    for s in corpus.sources:
        published = s.published.isoformat() if s.published else "—"
        if s.published_inferred:
            published = f"{published} ({inferred_from(s.published_from)})"
        if s.as_of:
            published = f"{published}, as of {s.as_of.isoformat()}"
        language = f"{s.language} (detected)" if s.language_detected else s.language
        ids = None if mentions is None else mentions.get(s.id, [])
        outlet = s.outlet
        if s.title:  # under the outlet: the title, and whether it was read from the file
            title = " ".join(s.title.split())
            outlet += f"\n{title}" + (" (read from the file)" if s.title_inferred else "")
        out.append((s.id, outlet, published, language, _size(s.size), s.file, ids))
    return out


def sources_summary(corpus: Corpus, mentions: dict[str, list[str]] | None) -> str:
    """One line under the listing, for a folder of hundreds of files (QA9 Q8): "1,420 sources,
    4.8 MB: 1,418 en, 2 ru; published 2022-01-03 to 2022-12-29, 3 without a date; 1,181
    mention no claim"."""
    from collections import Counter

    sources = corpus.sources
    n = len(sources)
    parts = [f"{n:,} source{'s' * (n != 1)}, {_size(sum(s.size for s in sources))}"]
    languages = Counter(s.language for s in sources)
    line = parts[0] + ": " + ", ".join(
        f"{k:,} {lang}" for lang, k in sorted(languages.items(), key=lambda x: (-x[1], x[0]))
    )
    dates = sorted(s.published for s in sources if s.published)
    undated = n - len(dates)
    if dates:
        span = dates[0].isoformat() + (f" to {dates[-1].isoformat()}" if dates[-1] != dates[0]
                                       else "")
        line += f"; published {span}" + (f", {undated:,} without a date" if undated else "")
    else:
        line += "; no publication dates"
    if mentions is not None:
        silent = sum(1 for s in sources if not mentions.get(s.id))
        line += f"; {silent:,} mention{'s' * (silent == 1)} no claim" if silent else (
            "; every source mentions a claim")
    return line


#: headers of the table, in column order
_HEADERS = ("id", "outlet", "published", "language", "size", "file", "claims mentioned")


def _table_width(rows: list[tuple[str, str, str, str, str, str, list[str] | None]]) -> int:
    """The width of the table with no cell wrapped (columns two spaces apart)."""
    with_claims = bool(rows) and rows[0][6] is not None
    widths = [len(h) for h in _HEADERS[: 7 if with_claims else 6]]
    for row in rows:
        for k, cell in enumerate(row[:6]):
            widths[k] = max(widths[k], *(len(part) for part in cell.split("\n")))
        if with_claims:
            widths[6] = max(widths[6], *(len(c) for c in row[6] or ["none"]))
    return sum(widths) + 2 * (len(widths) - 1)


def _hanging(head: str, items: list[str], width: int) -> str:
    """``head`` and the items comma-separated, wrapped between items with a hanging indent."""
    lines, line = [], head
    for k, item in enumerate(items):
        piece = item + ("," if k < len(items) - 1 else "")
        if line.strip() and line != head and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = " " * 4 + piece
        else:
            line = f"{line}{' ' if line != head else ''}{piece}"
    lines.append(line)
    return "\n".join(lines)


def render_sources_table(
    console: Console, corpus: Corpus, mentions: dict[str, list[str]] | None
) -> None:
    """A table when it fits the terminal with no value cut or wrapped, else one block per
    source (as ``compare`` does): a date, a file name or a claim id is never broken."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    rows = _cells(corpus, mentions)
    fits = _table_width(rows) <= console.width
    if fits:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for header in _HEADERS[: 6 if mentions is None else 7]:
            table.add_column(
                header, no_wrap=True, justify="right" if header == "size" else "left",
                style="bold" if header == "id" else None,
            )
        for sid, outlet, published, language, size, file, ids in rows:
            cells = [sid, outlet, published, language, size, file]
            if ids is not None:
                cells.append("\n".join(ids) if ids else "none")
            table.add_row(*cells)
        console.print(table)
    else:
        for n, (sid, outlet, published, language, size, file, ids) in enumerate(rows):
            t = Text()
            if n:
                t.append("\n")
            t.append(sid, style="bold")
            name, _, title = outlet.partition("\n")
            t.append(f"  {name}\n" if name != sid else "\n")  # the id once, when it is both
            if title:
                t.append(f"  {title}\n")
            t.append(f"  published {published} · {language} · {size}\n")
            t.append(f"  {file}")
            if ids is not None:
                t.append("\n" + _hanging("  claims mentioned: ", ids or ["none"], console.width))
            console.print(t, soft_wrap=False, overflow="fold")
    if len(corpus.sources) > 1:
        # (a table ends with a blank line; the blocks do not)
        console.print(("" if fits else "\n") + sources_summary(corpus, mentions),
                      highlight=False, markup=False)
    if corpus.warnings:
        for w in corpus.warnings:
            console.print(f"[yellow]{w}[/yellow]", highlight=False, markup=True)
