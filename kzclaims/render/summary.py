"""A compact report summarized per claim (text and Markdown of large runs).

A run over thousands of sources cannot print a cell per source and claim. For a compact report
(``Report.compact``) each claim gets: in how many sources it was found, which values how many
sources give (commonest first; a value is its normalized value and qualifier, so "2,030 troops"
and "2030 servicemen" are one value, shown with its wordings), the outliers (a value only one
source gives while the commonest is given by three or more), which values do not fit the
claim's expected value, and for a conflict the values that disagree.
Pure functions of the report; deterministic.
"""

from __future__ import annotations

from collections import Counter

from kzclaims._dataclass import dataclass
from kzclaims.model import ClaimResult, Finding, Report
from kzclaims.render.cells import compact_value, describe_finding, finding_cell

__all__ = ["ClaimSummary", "summarize"]

#: how many values, outliers and example sources a summary names
TOP_VALUES = 5
TOP_OUTLIERS = 5
EXAMPLES = 3
#: how many wordings of one value a summary quotes
WORDINGS = 2


@dataclass(frozen=True)
class ClaimSummary:
    """One claim of a large run in a few numbers: the values given and by how many sources."""

    claim: ClaimResult
    sources: int  # sources in the run
    found: int
    near: int  # passages that matched without a value
    values: tuple[tuple[str, int, tuple[str, ...]], ...]  # (value, sources, example source ids)
    others: int  # sources giving a value not among ``values``
    outliers: tuple[Finding, ...]
    conflict: tuple[str, ...]  # the values named above, commonest first, when in conflict
    unexpected: frozenset[str]  # the values named above that do not fit ``expected``


def _value_key(f: Finding, kind: str) -> str:
    """What groups findings: the normalized value with its qualifier (``≈2,000``, ``stated``)."""
    return "stated" if kind == "statement" else compact_value(f.value, kind, f.qualifier)


def _labels(found: list[Finding], kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """How each value is shown: its one wording's cell (``2,030 troops``), or the value and its
    commonest wordings when the sources word it differently; and the short form of each label
    (the value alone for several wordings) for the conflict line."""
    wordings: dict[str, Counter[str]] = {}
    for f in found:
        key = _value_key(f, kind)
        wordings.setdefault(key, Counter())[" ".join((f.text or "").split())] += 1
    labels: dict[str, str] = {}
    short: dict[str, str] = {}
    for key, texts in wordings.items():
        if kind == "statement":
            labels[key] = short["states it"] = "states it"
            continue
        cells = {finding_cell(f, kind) for f in found if _value_key(f, kind) == key}
        if len(cells) == 1:
            cell = next(iter(cells))
            labels[key] = short[cell] = cell
            continue
        ranked = sorted(texts.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = ", ".join(f"“{t}”" for t, _ in ranked[:WORDINGS] if t)
        more = len(ranked) - WORDINGS
        rest = f", {more} more" if more > 0 else ""
        labels[key] = f"{key} ({len(ranked)} wordings: {shown}{rest})" if shown else key
        short[labels[key]] = key
    return labels, short


def summarize(report: Report, claim: ClaimResult) -> ClaimSummary:
    found = [f for f in claim.findings if f.found]
    near = sum(1 for f in claim.findings if not f.found and f.quote is not None)
    labels, short = _labels(found, claim.kind)
    label = {id(f): labels[_value_key(f, claim.kind)] for f in found}
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
        # a value with several wordings is named by its value alone: the line stays readable
        conflict = tuple(short[v] for v, _ in ranked[:TOP_VALUES])
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
        out.append(f"other values: {s.others} source{'s' * (s.others != 1)}")
    for f in s.outliers:
        where = f" {f.where}" if f.line else ""
        out.append(f"outlier: {describe_finding(f, claim.kind)} in {f.source}{where}")
    if s.conflict:
        more = " and other values" if s.others else ""
        out.append(f"conflict: {' vs '.join(s.conflict)}{more}")
    return out
