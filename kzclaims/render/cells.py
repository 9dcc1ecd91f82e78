"""Short text forms of values, shared by the Markdown, GitHub, JUnit renderers and baselines.

``compact_value`` writes a normalized value the same way everywhere: ``2030``, ``3–4%``,
``≈230`` (approx), ``≥160`` (at least), ``≤10 days`` (at most), ``2022-01-13``,
``2022-01-05/2022-01-19`` (an ISO 8601 interval), ``stated`` for a statement.
"""

from __future__ import annotations

import math

from kzclaims.model import Finding, JSONValue, Report, SourceInfo


def cite(file: str, f: Finding) -> str:
    """Where a quote is, for a person: ``sources/a.txt:12``, ``sources/b.pdf, page 2``,
    ``sources/c.html, paragraph 3`` (a text file's line; a PDF's page; a page's paragraph; the
    page or paragraph of the value's words), ``sources/a.txt:12-14`` for a quote from line 12
    whose value is on line 14."""
    if f.page is not None or f.paragraph is not None:
        return f"{file}, {f.where}" if file else f.where or ""
    if f.line is None:
        return file
    return f"{file}:{f.lines}" if file else f.where or ""


QUALIFIER_SIGNS = {"exact": "", "approx": "≈", "at_least": "≥", "at_most": "≤"}

#: How each kind of change since a baseline is named in every human format.
CHANGE_LABELS = {
    "value_changed": "value changed",
    "newly_found": "newly found",
    "no_longer_found": "no longer found",
    "verdict_changed": "verdict changed",
    "claim_added": "claim added",
    "claim_removed": "claim removed",
    "claim_renamed": "claim renamed",
    "expected_changed": "expected changed",
    "expected_fit_changed": "fit to expected changed",
}

__all__ = [
    "CHANGE_LABELS",
    "QUALIFIER_SIGNS",
    "compact_value",
    "describe_finding",
    "finding_cell",
    "format_number",
    "outlet_names",
]


def format_number(x: JSONValue) -> str:
    """A number as people read it, without binary noise: ``2,030`` (also for 2030.0), ``3.5``."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if isinstance(x, float):
        if not math.isfinite(x):
            return "?"
        if x.is_integer() and abs(x) < 1e16:
            return f"{int(x):,}"
        return f"{x:,.12g}"
    return f"{x:,}"


def _plain(v: JSONValue, kind: str) -> str:
    if isinstance(v, list):
        if len(v) == 2 and kind == "date_range":
            return f"{_plain(v[0], 'date')}/{_plain(v[1], 'date')}"
        if len(v) == 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
            return f"{format_number(v[0])}–{format_number(v[1])}"
        return "[" + ", ".join(_plain(x, kind) for x in v) + "]"
    if v is True:
        return "stated"
    if v is False:
        return "no"
    if v is None:
        return "?"
    if isinstance(v, (int, float)):
        return format_number(v)
    return str(v)


def compact_value(v: JSONValue, kind: str, qualifier: str | None = None) -> str:
    """The normalized value in compact form, with a sign for its qualifier and its unit."""
    s = _plain(v, kind)
    if s != "?":
        if kind == "percent":
            s += "%"
        elif kind == "duration":
            s += " day" if v == 1 and not isinstance(v, bool) else " days"
    return QUALIFIER_SIGNS.get(qualifier or "exact", "") + s


def finding_cell(f: Finding | None, kind: str) -> str:
    """What a table cell shows for a finding: ``2,030 troops (2030)``; ``—`` when not found.

    Plain text: the caller escapes it for its format. A statement that was found is ``stated``.
    """
    if f is None or not f.found:
        return "—"
    if kind == "statement":
        return "stated"
    compact = compact_value(f.value, kind, f.qualifier)
    text = " ".join((f.text or "").split())
    if not text:
        return compact
    exact = f.qualifier in (None, "exact")
    if text.casefold() == compact.casefold() or (exact and compact in text):
        return text  # "2,030 troops" says it all
    return f"{text} ({compact})"


def describe_finding(f: Finding | None, kind: str) -> str:
    """One-line, human-readable form used in changes and messages."""
    if f is None or not f.found:
        return "not found"
    if kind == "statement":
        text = " ".join((f.text or "").split())
        return f"states it ({text})" if text else "states it"
    return finding_cell(f, kind)


def outlet_names(report: Report) -> dict[str, str]:
    """Display name per source id: the outlet, or ``outlet (id)`` when two sources share it."""
    counts: dict[str, int] = {}
    for s in report.sources:
        counts[_outlet(s)] = counts.get(_outlet(s), 0) + 1
    return {
        s.id: _outlet(s) if counts[_outlet(s)] == 1 else f"{_outlet(s)} ({s.id})"
        for s in report.sources
    }


def _outlet(s: SourceInfo) -> str:
    return " ".join(s.outlet.split()) or s.id
