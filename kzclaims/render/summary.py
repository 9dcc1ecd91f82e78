"""A compact report summarized per claim (text and Markdown of large runs).

A run over thousands of sources cannot print a cell per source and claim. For a compact report
(``Report.compact``) each claim gets: in how many sources it was found, which values how many
sources give (commonest first), the outliers (a value only one source gives while the commonest
is given by three or more), which values do not fit the claim's expected value, and for a
conflict the values that disagree.
Pure functions of the report; deterministic.
"""

from __future__ import annotations

from collections import Counter

from kzclaims._dataclass import dataclass
from kzclaims.model import ClaimResult, Finding, Report
from kzclaims.render.cells import describe_finding

__all__ = ["ClaimSummary", "summarize"]

#: how many values, outliers and example sources a summary names
TOP_VALUES = 5
TOP_OUTLIERS = 5
EXAMPLES = 3


@dataclass(frozen=True)
class ClaimSummary:
    claim: ClaimResult
    sources: int  # sources in the run
    found: int
    near: int  # passages that matched without a value
    values: tuple[tuple[str, int, tuple[str, ...]], ...]  # (value, sources, example source ids)
    others: int  # sources giving a value not among ``values``
    outliers: tuple[Finding, ...]
    conflict: tuple[str, ...]  # the values named above, commonest first, when in conflict
    unexpected: frozenset[str]  # the values named above that do not fit ``expected``


def summarize(report: Report, claim: ClaimResult) -> ClaimSummary:
    found = [f for f in claim.findings if f.found]
    near = sum(1 for f in claim.findings if not f.found and f.quote is not None)
    label = {id(f): describe_finding(f, claim.kind) for f in found}
    counts = Counter(label[id(f)] for f in found)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    examples: dict[str, list[str]] = {}
    for f in found:
        ex = examples.setdefault(label[id(f)], [])
        if len(ex) < EXAMPLES:
            ex.append(f.source)
    values = tuple((v, n, tuple(examples[v])) for v, n in ranked[:TOP_VALUES])
    others = sum(n for _, n in ranked[TOP_VALUES:])
    outliers: tuple[Finding, ...] = ()
    if ranked and ranked[0][1] >= 3:
        lone = {v for v, n in ranked if n == 1}
        outliers = tuple(f for f in found if label[id(f)] in lone)[:TOP_OUTLIERS]
    conflict: tuple[str, ...] = ()
    if claim.verdict == "conflict" and len(ranked) >= 2:
        conflict = tuple(v for v, _ in ranked[:TOP_VALUES])
    unexpected = frozenset(label[id(f)] for f in found if f.matches_expected is False)
    return ClaimSummary(
        claim, len(report.sources), len(found), near, values, others, outliers, conflict,
        unexpected,
    )


def summary_lines(report: Report, claim: ClaimResult) -> list[str]:
    """Plain-text lines of one claim's summary (the text format indents them)."""
    s = summarize(report, claim)
    out = [f"found in {s.found} of {s.sources} sources"
           + (f"; {s.near} more matched without a value" if s.near else "")]
    for value, n, ex in s.values:
        more = f", {n - len(ex)} more" if n > len(ex) else ""
        mark = " ≠ expected" if value in s.unexpected else ""
        out.append(f"{value}{mark}: {n} source{'s' * (n != 1)} ({', '.join(ex)}{more})")
    if s.others:
        out.append(f"other values: {s.others} sources")
    for f in s.outliers:
        where = f" line {f.line}" if f.line else ""
        out.append(f"outlier: {describe_finding(f, claim.kind)} in {f.source}{where}")
    if s.conflict:
        more = " and other values" if s.others else ""
        out.append(f"conflict: {' vs '.join(s.conflict)}{more}")
    return out
