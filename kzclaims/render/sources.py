"""``kzclaims sources``: the corpus at a glance."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from kzclaims.model import inferred_from
from kzclaims.sources import Corpus

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_sources_json", "render_sources_table", "sources_rows"]


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


def render_sources_table(
    console: Console, corpus: Corpus, mentions: dict[str, list[str]] | None
) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("id", style="bold", overflow="ellipsis", no_wrap=True, max_width=32)
    table.add_column("outlet", overflow="fold")
    table.add_column("published", overflow="fold")
    table.add_column("language", overflow="fold")
    table.add_column("size", justify="right")
    table.add_column("file", overflow="fold")
    if mentions is not None:
        longest = max((len(c) for ids in mentions.values() for c in ids), default=8)
        table.add_column("claims mentioned", overflow="fold", min_width=min(longest, 30))
    for row, s in zip(sources_rows(corpus, mentions), corpus.sources, strict=False):
        published = row["published"] or "—"
        if s.published_inferred:
            published = f"{published} ({inferred_from(s.published_from)})"
        if s.as_of:
            published = f"{published}, as of {s.as_of.isoformat()}"
        language = f"{s.language} (detected)" if s.language_detected else s.language
        cells = [s.id, s.outlet, str(published), language, _size(s.size), s.file]
        if mentions is not None:
            ids = mentions.get(s.id, [])
            cells.append("\n".join(ids) if ids else "none")
        table.add_row(*cells)
    console.print(table)
    if corpus.warnings:
        for w in corpus.warnings:
            console.print(f"[yellow]{w}[/yellow]", highlight=False, markup=True)
