"""GitHub-flavoured Markdown report (``--format markdown``, and the Actions job summary).

Layout: a heading, a one-line summary of verdict counts, a table with one row per claim and
one column per source (the changes since the baseline come first, after the summary line, when
the run was compared with one), and the quotes in a collapsed ``<details>`` block. Text from
claims files and sources is escaped so that it can never break the table or turn into markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kzclaims.model import SUMMARY_ORDER, VERDICTS, Change, ClaimResult, Report
from kzclaims.render.cells import CHANGE_LABELS, cite, compact_value, finding_cell, outlet_names

__all__ = [
    "CHANGE_LABELS",
    "STEP_SUMMARY_BUDGET",
    "escape_markdown",
    "render_markdown",
    "render_markdown_within",
    "render_step_summary",
    "verdict_summary",
]

assert set(SUMMARY_ORDER) == set(VERDICTS)


# ASCII punctuation that can start markup in GitHub-flavoured Markdown (emphasis, code, links,
# HTML, tables, strikethrough, headings, entities, math).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&$])")
_NEWLINES = re.compile(r"\r\n|\r|\n")


def escape_markdown(text: str, *, newline: str = " ") -> str:
    """Escape ``text`` so that it renders literally; line breaks become ``newline``."""
    return _NEWLINES.sub(newline, _SPECIAL.sub(r"\\\1", text))


def _cell(text: str) -> str:
    return escape_markdown(text.strip(), newline="<br>") or " "


def _code(text: str, *, table: bool = False) -> str:
    """An inline code span for ids and paths (escaped text when a code span cannot hold it).

    Inside a table a pipe must be escaped even in a code span (GFM strips the backslash there).
    """
    if not text.strip() or "`" in text or "\n" in text or "\r" in text or (
        "|" in text and not table
    ):
        return escape_markdown(text) if text.strip() else "(none)"
    return "`" + (text.replace("|", "\\|") if table else text) + "`"


def verdict_summary(report: Report) -> str:
    """``1 conflict, 2 agree, 1 missing``: non-zero counts, most alarming first."""
    counts = {v: 0 for v in SUMMARY_ORDER}
    for c in report.claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    parts = [f"{n} {v}" for v, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing to compare"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _verdict(c: ClaimResult) -> str:
    return f"**{c.verdict}**" if c.verdict == "conflict" else c.verdict


def _most_alarming(claims: tuple[ClaimResult, ...], limit: int | None) -> list[ClaimResult]:
    """At most ``limit`` of the claims, keeping the most alarming verdicts, in file order."""
    kept = list(claims)
    if limit is not None and len(kept) > limit:
        rank = {v: i for i, v in enumerate(SUMMARY_ORDER)}
        keep = sorted(range(len(kept)), key=lambda i: (rank.get(kept[i].verdict, 9), i))
        kept = [kept[i] for i in sorted(keep[:limit])]
    return kept


def _table(report: Report, limit: int | None = None) -> list[str]:
    names = outlet_names(report)
    show_expected = any(c.has_expected for c in report.claims)
    header = ["Claim"] + (["Expected"] if show_expected else [])
    header += [names[s.id] for s in report.sources] + ["Verdict"]
    lines = [
        "| " + " | ".join(_cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    claims = _most_alarming(report.claims, limit)
    for c in claims:
        row = [f"{_cell(c.title)}<br>{_code(c.id, table=True)}"]
        if show_expected:
            row.append(_cell(compact_value(c.expected, c.kind)) if c.has_expected else " ")
        for s in report.sources:
            f = c.finding(s.id)
            cell = _cell(finding_cell(f, c.kind))
            if f is not None and f.found and f.matches_expected is False:
                cell += " *≠ expected*"
            if f is not None and f.agreement:
                cell += " ⇄"
            row.append(cell)
        row.append(_verdict(c))
        lines.append("| " + " | ".join(row) + " |")
    if limit is not None and len(report.claims) > limit:
        rest = len(report.claims) - limit
        lines += ["", f"{_plural(rest, 'more claim')} not shown here: see the full report."]
    if any(f.agreement for c in claims for f in c.findings):
        lines += ["", "⇄ the cell was changed by what the other sources give (see the evidence)."]
    return lines


def _changes(report: Report, changes: tuple[Change, ...], limit: int | None = None
             ) -> list[str]:
    lines = ["", "## Changes since baseline", ""]
    if report.baseline_file:
        lines += [f"Baseline: {_code(report.baseline_file)}", ""]
    if not changes:
        lines.append("No changes since baseline.")
        return lines
    names = outlet_names(report)
    lines += ["| Claim | Source | Change | Was | Now |", "|---|---|---|---|---|"]
    for ch in changes[:limit]:
        source = names.get(ch.source, ch.source) if ch.source else ""
        lines.append(
            "| " + " | ".join([
                _code(ch.claim, table=True),
                _cell(source),
                CHANGE_LABELS.get(ch.kind, ch.kind),
                _cell(ch.old or ""),
                _cell(ch.new or ""),
            ]) + " |"
        )
    if limit is not None and len(changes) > limit:
        lines += ["", f"{_plural(len(changes) - limit, 'more change')} not shown here: "
                  "see the full report."]
    return lines


def _quotes(report: Report) -> list[str]:
    names = outlet_names(report)
    files = {s.id: s.file for s in report.sources}
    body: list[str] = []
    for c in report.claims:
        items: list[str] = []
        for f in c.findings:
            if not f.quote:
                continue
            where = cite(files.get(f.source, ""), f)
            if not f.found:  # why it was left out (abstained, dropped by the agreement), if said
                what = escape_markdown(f.why) if f.why else "no value read"
            elif c.kind == "statement":
                what = "states it"
            else:
                what = escape_markdown(finding_cell(f, c.kind))
            details = [_code(where)] if where else []
            if f.score is not None:
                details.append(f"score {compact_value(round(f.score, 1), 'number')}")
            items.append(f"- **{escape_markdown(names.get(f.source, f.source))}**: {what}"
                         + (f"; {', '.join(details)}" if details else ""))
            items.append(f"  > {escape_markdown(f.quote.strip())}")
        if items:
            body += ["", f"**{escape_markdown(c.title)}** {_code(c.id)}", "", *items]
    if not body:
        return []
    return ["", "<details>", "<summary>Quotes</summary>", *body, "", "</details>"]


def _document(report: Report, *, quotes: bool, limit: int | None = None,
              note: str | None = None) -> str:
    title = report.title.strip() if report.title else ""
    lines = [
        f"# {escape_markdown(title) if title else 'kzclaims report'}",
        "",
        f"{_plural(len(report.claims), 'claim')} from {_code(report.claims_file)}, "
        f"{_plural(len(report.sources), 'source')}: {verdict_summary(report)}.",
    ]
    if note:
        lines += ["", note]
    # what moved comes first: in a pull request or a job summary it is what a reviewer reads
    if report.changes is not None:
        lines += _changes(report, report.changes, limit)
    if report.compact:  # a large run: a summary per claim, not a cell per source
        from kzclaims.render.summary import summary_lines

        claims = _most_alarming(report.claims, limit)
        for c in claims:
            lines += ["", f"## {escape_markdown(c.id)}: {c.verdict}", "",
                      escape_markdown(c.title), ""]
            lines += [f"- {escape_markdown(x)}" for x in summary_lines(report, c)]
        if limit is not None and len(report.claims) > limit:
            rest = len(report.claims) - limit
            lines += ["", f"{_plural(rest, 'more claim')} not shown here: see the full report."]
        return "\n".join(lines) + "\n"
    if report.claims:
        lines += ["", *_table(report, limit)]
    if quotes:
        lines += _quotes(report)
    return "\n".join(lines) + "\n"


def render_markdown(report: Report, *, quotes: bool = True) -> str:
    """The report as GitHub-flavoured Markdown; deterministic, ends with a newline.

    ``quotes=False`` leaves out the collapsed quotes section (shorter job summaries).
    """
    return _document(report, quotes=quotes)


# GitHub: "each step is restricted to a maximum [job summary] size of 1MiB ... If more than 1MiB
# of content is added for a step, then the upload for the step will fail" -- the whole summary
# is dropped (docs.github.com, "Workflow commands for GitHub Actions", "Step isolation and
# limits"; actions/runner#4337 reports a drop a few bytes below 1 MiB). Stay well below it.
STEP_SUMMARY_BUDGET = 1_000_000


def render_step_summary(report: Report, max_bytes: int = STEP_SUMMARY_BUDGET) -> str:
    """The Markdown report for ``$GITHUB_STEP_SUMMARY``, cut to fit in ``max_bytes`` (UTF-8).

    The full report when it fits; otherwise without the quotes; otherwise with as many table
    rows (claims, and changes) as fit, saying how many were left out.
    """
    return _fitted(
        report,
        lambda text: len(text.encode("utf-8")) <= max_bytes,
        "GitHub's job summary limit",
    )


def render_markdown_within(report: Report, max_chars: int) -> str:
    """The Markdown report cut to at most ``max_chars`` characters, as :func:`render_step_summary`
    cuts it (the quotes first, then table rows, saying so): for a pull-request comment, which
    GitHub refuses over 65,536 characters. Characters are counted as UTF-16 code units, as
    browsers and GitHub's API count them (a character outside the BMP counts two).

    A limit too small for even the report's heading and summary line gives those."""
    return _fitted(
        report,
        lambda text: len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF) <= max_chars,
        f"{max_chars:,} characters",
    )


def _fitted(report: Report, fits: Callable[[str], bool], limit: str) -> str:
    full = _document(report, quotes=True)
    if fits(full):
        return full
    note = f"*Shortened to fit {limit}: quotes left out. The JSON report has everything.*"
    short = _document(report, quotes=False, note=note)
    if fits(short):
        return short
    rows = max(len(report.claims), len(report.changes or ()))
    lo, hi = 0, rows  # the largest row limit that fits, by bisection
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(_document(report, quotes=False, limit=mid, note=note)):
            lo = mid
        else:
            hi = mid - 1
    return _document(report, quotes=False, limit=lo, note=note)
