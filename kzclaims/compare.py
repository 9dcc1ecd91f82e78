"""Stage 5: from values to intervals to verdicts.

Every finding stands for an interval of possible true values. The words decide its shape:

* ``exact`` -- the value itself (a stated range "3-4 percent" is the range).
* ``approx`` -- the value +/- :data:`APPROX_MARGIN` (10 %), rounded outwards; "almost",
  "nearly", "close to", "just under" only reach *down* from the value (almost 20,000 is
  18,000-20,000, never more). Vague quantities ("dozens", "hundreds") are the range they name.
  Dates: +/- :data:`APPROX_DAYS` days. Durations: +/- 10 %, at least one day.
* ``at_least`` -- from the value up, open above ("more than 2,000" is 2,000 and up).
* ``at_most`` -- up to the value (from 0 for counts, percentages and durations; open below for
  dates: "by January 23").
* a length counted in months or years stands for the lengths it has on the calendar: "six
  months" is 180-184 days (the reader's 30-day month up to the longest six months), "a year"
  365-366, "half a year" 182.5-183; so "up to six months", "half a year" and "26 weeks" agree.
* for a date claim, a day named as the start of a state ("since Monday", "from 1 January") is
  that day, exactly (:func:`as_claimed`): the day the claim asks for.
* a claim's ``tolerance`` widens every interval by that amount (absolute, "N%" relative, days for
  dates and durations).

Why 10 %: news writing rounds to one or two significant figures ("about 2,000" for 2,030;
"some 6,000"), and 10 % covers rounding to two significant figures while keeping "about
2,000" apart from "roughly 2,500". Change it per claim with ``tolerance``.

Two findings are compatible when their intervals overlap (for date ranges: both the starts and
the ends overlap). Verdicts follow the contract: missing, single, agree (same value and
qualifier everywhere), consistent (every pair overlaps), conflict (some pair does not).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from itertools import combinations

from kzclaims._dataclass import dataclass, replace
from kzclaims.lang import all_languages
from kzclaims.model import (
    ClaimResult,
    Expected,
    Finding,
    JSONValue,
    Kind,
    Number,
    PartialDate,
    Qualifier,
    Tolerance,
    Value,
    Verdict,
)

__all__ = [
    "APPROX_DAYS",
    "APPROX_MARGIN",
    "DOWNWARD_APPROX",
    "START_WORDS",
    "Bounds",
    "Comparable",
    "as_claimed",
    "disagreements",
    "expected_bounds",
    "expected_json",
    "finding_bounds",
    "findings_overlap",
    "json_value",
    "outliers",
    "overlaps",
    "verdict",
]

APPROX_MARGIN = 0.10
APPROX_DAYS = 3
#: approximations that only reach below the value
DOWNWARD_APPROX: frozenset[str] = frozenset().union(*(lg.downward for lg in all_languages()))

_NON_NEGATIVE: frozenset[str] = frozenset({"count", "percent", "duration"})


@dataclass(frozen=True)
class Bounds:
    """A closed interval; None is an open end. Dates are kept as proleptic ordinals."""

    low: float | None
    high: float | None

    def overlaps(self, other: Bounds) -> bool:
        lo = -math.inf if self.low is None else self.low
        hi = math.inf if self.high is None else self.high
        olo = -math.inf if other.low is None else other.low
        ohi = math.inf if other.high is None else other.high
        return lo <= ohi + 1e-9 and olo <= hi + 1e-9


# One Bounds for most kinds; two (start, end) for date ranges.
Comparable = tuple[Bounds, ...]


def overlaps(a: Comparable, b: Comparable) -> bool:
    return len(a) == len(b) and all(x.overlaps(y) for x, y in zip(a, b, strict=False))


def verdict(findings: Sequence[tuple[JSONValue, Qualifier, Comparable]]) -> Verdict:
    """The contract's verdict over the findings of the sources where the claim was found."""
    if not findings:
        return "missing"
    if len(findings) == 1:
        return "single"
    first_value, first_qualifier, _ = findings[0]
    if all(v == first_value and q == first_qualifier for v, q, _ in findings[1:]):
        return "agree"
    if all(overlaps(a[2], b[2]) for a, b in combinations(findings, 2)):
        return "consistent"
    return "conflict"


# ---------------------------------------------------------------------------------------------


def _num(x: float) -> Number:
    return int(x) if float(x).is_integer() else round(float(x), 6)


def json_value(value: Value, kind: Kind) -> JSONValue:
    """The normalized value in the contract's JSON form."""
    return expected_json(value.reading)


def expected_json(expected: Expected) -> JSONValue:
    """A reading or an expected value in the contract's JSON form: a date ``"2022-01-05"``, a
    range ``[low, high]``, a number."""
    if isinstance(expected, PartialDate):
        return expected.iso()
    if isinstance(expected, tuple):
        a, b = expected
        if isinstance(a, PartialDate) and isinstance(b, PartialDate):
            return [a.iso(), b.iso()]
        return [_num(a), _num(b)]  # type: ignore[arg-type]
    return _num(expected)


def _widen(b: Bounds, tolerance: Tolerance | None, floor: float | None) -> Bounds:
    if tolerance is None:
        return b
    low = None if b.low is None else b.low - tolerance.widen(b.low)
    high = None if b.high is None else b.high + tolerance.widen(b.high)
    if floor is not None and low is not None:
        low = max(low, floor)
    return Bounds(low, high)


def _numeric_bounds(
    low: float,
    high: float,
    qualifier: Qualifier,
    qualifier_text: str | None,
    vague: bool,
    kind: Kind,
) -> Bounds:
    floor = 0.0 if kind in _NON_NEGATIVE else None
    if qualifier == "exact" or vague:
        return Bounds(low, high)
    if qualifier == "at_least":
        return Bounds(low, None)
    if qualifier == "at_most":
        return Bounds(floor, high)
    margin_low = abs(low) * APPROX_MARGIN
    margin_high = abs(high) * APPROX_MARGIN
    if kind == "duration":
        margin_low, margin_high = max(margin_low, 1.0), max(margin_high, 1.0)
    if kind == "count":
        margin_low, margin_high = math.floor(margin_low), math.ceil(margin_high)
    downward = (qualifier_text or "").lower().strip() in DOWNWARD_APPROX
    lo = low - margin_low
    hi = high if downward else high + margin_high
    if floor is not None:
        lo = max(lo, floor)
    return Bounds(lo, hi)


def _date_bounds(first: dt.date, last: dt.date, qualifier: Qualifier) -> Bounds:
    lo, hi = float(first.toordinal()), float(last.toordinal())
    if qualifier == "at_least":
        return Bounds(lo, None)
    if qualifier == "at_most":
        return Bounds(None, hi)
    if qualifier == "approx":
        return Bounds(lo - APPROX_DAYS, hi + APPROX_DAYS)
    return Bounds(lo, hi)


_WORD = re.compile(r"[^\W\d_]+")

#: the spans of ``n`` calendar months / years starting on the first of any month of a leap cycle
_CALENDAR_STARTS = tuple(dt.date(y, m, 1) for y in range(2021, 2025) for m in range(1, 13))


def _calendar_unit(text: str) -> str | None:
    """"month" or "year" when the words count a length on the calendar in one unit only."""
    units: set[str] = set()
    for lang in all_languages():
        for word in _WORD.findall(text.lower()):
            unit = lang.calendar_units.get(word)
            if unit is not None:
                units.add(unit)
    return units.pop() if len(units) == 1 else None


def _span(n: float, unit: str) -> tuple[float, float]:
    """The shortest and longest lengths in days of ``n`` calendar months or years."""
    months = n * 12 if unit == "year" else n
    if not months.is_integer() or not 1 <= months <= 12_000:
        # a fraction ("half a year", "1.5 months"): between that share of the shortest and
        # of the longest month or year
        short, long = (365.0, 366.0) if unit == "year" else (28.0, 31.0)
        return n * short, n * long
    k = int(months)
    lengths = [
        (dt.date(d.year + (d.month - 1 + k) // 12, (d.month - 1 + k) % 12 + 1, 1) - d).days
        for d in _CALENDAR_STARTS
    ]
    return float(min(lengths)), float(max(lengths))


def calendar_span(days: float, text: str) -> tuple[float, float] | None:
    """The days a duration written in months or years may stand for (``days`` as the reader
    counts it, 30 a month, 365 a year, always included), or None for any other length."""
    unit = _calendar_unit(text)
    if unit is None or days <= 0:
        return None
    lo, hi = _span(days / (365.0 if unit == "year" else 30.0), unit)
    return min(lo, days), max(hi, days)


#: the words that name the day a state of things began ("since Monday", "from 1 January",
#: "effective 5 March"): for a date claim (when did it happen) they give that day exactly, as
#: the Russian reader reads "начиная с", where the reader's own qualifier is at least that day
START_WORDS: frozenset[str] = frozenset({
    "since", "from", "starting", "starting from", "beginning", "as from", "effective",
    "since the beginning of", "since the start of", "from the beginning of", "from the start of",
})


def as_claimed(value: Value, kind: Kind) -> Value:
    """The value as the claim's kind reads it: for a date claim, a day named as the start of a
    state ("since Monday") is the day the claim asks for (qualifier ``exact``)."""
    if (
        kind == "date" and value.qualifier == "at_least" and value.qualifier_text is not None
        and " ".join(value.qualifier_text.lower().split()) in START_WORDS
    ):
        return replace(value, qualifier="exact", high=value.low, high_inclusive=True)
    return value


def finding_bounds(value: Value, kind: Kind, tolerance: Tolerance | None) -> Comparable:
    """The interval(s) a value read from a source stands for (see the module docstring)."""
    r = value.reading
    if isinstance(r, PartialDate):
        b = _date_bounds(r.first(), r.last(), value.qualifier)
        return (_widen(b, _days(tolerance), None),)
    if isinstance(r, tuple) and isinstance(r[0], PartialDate) and isinstance(r[1], PartialDate):
        start, end = r
        tol = _days(tolerance)
        return (
            _widen(
                Bounds(float(start.first().toordinal()), float(start.last().toordinal())), tol, None
            ),
            _widen(
                Bounds(float(end.first().toordinal()), float(end.last().toordinal())), tol, None
            ),
        )
    if isinstance(r, tuple):
        low, high = float(r[0]), float(r[1])
    else:
        low = high = float(r)
    if kind == "duration" and not value.vague:
        span_low, span_high = calendar_span(low, value.text), calendar_span(high, value.text)
        if span_low is not None and span_high is not None:
            low, high = span_low[0], span_high[1]
    b = _numeric_bounds(low, high, value.qualifier, value.qualifier_text, value.vague, kind)
    return (_widen(b, tolerance, 0.0 if kind in _NON_NEGATIVE else None),)


def expected_bounds(expected: Expected, tolerance: Tolerance | None) -> Comparable:
    """The interval(s) the claim's ``expected`` stands for, tolerance included."""
    if isinstance(expected, PartialDate):
        b = Bounds(float(expected.first().toordinal()), float(expected.last().toordinal()))
        return (_widen(b, _days(tolerance), None),)
    if isinstance(expected, tuple):
        a, z = expected
        if isinstance(a, PartialDate) and isinstance(z, PartialDate):
            tol = _days(tolerance)
            return (
                _widen(
                    Bounds(float(a.first().toordinal()), float(a.last().toordinal())), tol, None
                ),
                _widen(
                    Bounds(float(z.first().toordinal()), float(z.last().toordinal())), tol, None
                ),
            )
        return (_widen(Bounds(float(a), float(z)), tolerance, None),)  # type: ignore[arg-type]
    return (_widen(Bounds(float(expected), float(expected)), tolerance, None),)


def _days(tolerance: Tolerance | None) -> Tolerance | None:
    """A tolerance applied to dates is always a number of days."""
    if tolerance is None:
        return None
    return Tolerance(tolerance.amount, relative=False)


def bounds_json(bounds: Comparable, kind: Kind) -> tuple[Number | str | None, Number | str | None]:
    """``low``/``high`` of the report: the outer ends of the interval, dates as ISO strings."""
    low, high = bounds[0].low, bounds[-1].high
    if kind in ("date", "date_range"):
        return (
            None if low is None else dt.date.fromordinal(int(low)).isoformat(),
            None if high is None else dt.date.fromordinal(int(high)).isoformat(),
        )
    return (None if low is None else _num(low), None if high is None else _num(high))


# ---------------------------------------------------------------------------------------------
# Outliers: which cells of a conflicting claim disagree with most of the others. Computed from
# the report's findings (low/high), so that every renderer can mark them the same way.
# ---------------------------------------------------------------------------------------------


def findings_overlap(a: Finding, b: Finding, kind: Kind) -> bool:
    """Do two found findings' intervals (their ``low``/``high``) overlap?

    An open end (None) reaches everything. Numbers compare with numbers, ISO dates with ISO
    dates (as strings, which order like the dates). A date range's ``low``/``high`` are only its
    outer ends, while the verdict compares starts and ends separately: two date ranges are
    taken to overlap only when they also have the same value.
    """
    if kind == "date_range" and a.value != b.value:
        return False

    def le(x: Number | str | None, y: Number | str | None) -> bool:
        if x is None or y is None:
            return True
        if isinstance(x, str) != isinstance(y, str):
            return a.value == b.value
        return x <= y  # type: ignore[operator]

    return le(a.low, b.high) and le(b.low, a.high)


def disagreements(claim: ClaimResult) -> dict[str, tuple[str, ...]]:
    """For each source that found the claim: the sources whose intervals do not overlap it."""
    found = [f for f in claim.findings if f.found]
    return {
        f.source: tuple(
            g.source for g in found if g is not f and not findings_overlap(f, g, claim.kind)
        )
        for f in found
    }


def outliers(claim: ClaimResult) -> tuple[str, ...]:
    """The sources of a conflicting claim whose value disagrees with most of the others.

    A finding is an outlier when its interval fails to overlap more than half of the other
    findings, and the findings in that position are fewer than half of all (with two sources,
    two camps of equal size, or values scattered so that most disagree with most, nobody stands
    out: the conflict is shown without an outlier; "≥11", "14", "13", "11" marked three of four).
    Empty unless the verdict is ``conflict``. In the report's source order.
    """
    if claim.verdict != "conflict":
        return ()
    against = disagreements(claim)
    others = len(against) - 1
    marked = tuple(s for s, d in against.items() if d and 2 * len(d) > others)
    return marked if 2 * len(marked) < len(against) else ()
