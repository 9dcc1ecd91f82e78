"""The per-claim summary of compact (large) reports: values, outliers, expected, conflicts."""

from __future__ import annotations

from report_factory import SOURCES, claim, found

from kzclaims.model import Report, SourceInfo
from kzclaims.render.summary import summary_lines


def _report(values: list[tuple[int, bool]]) -> Report:
    sources = tuple(
        SourceInfo(f"s{i}", f"Outlet {i}", f"sources/s{i}.txt", None) for i in range(len(values))
    )
    c = claim(
        "crews", "conflict",
        [found(f"s{i}", f"{v:,} firefighters", v, matches_expected=ok)
         for i, (v, ok) in enumerate(values)],
        expected=2030,
    )
    return Report("claims.yaml", sources or SOURCES, (c,), compact=True)


def test_values_that_miss_the_expected_value_are_marked_and_every_conflicting_value_named() -> None:
    values = [(2030, True)] * 5 + [(1990, False)] * 3 + [(2100, False)] * 2
    report = _report(values)
    lines = summary_lines(report, report.claims[0])
    assert lines[0] == "found in 10 of 10 sources"
    assert lines[1] == "2,030 firefighters: 5 sources (s0, s1, s2, 2 more)"
    assert lines[2] == "1,990 firefighters ≠ expected: 3 sources (s5, s6, s7)"
    assert lines[3] == "2,100 firefighters ≠ expected: 2 sources (s8, s9)"
    assert lines[-1] == "conflict: 2,030 firefighters vs 1,990 firefighters vs 2,100 firefighters"


def test_values_beyond_the_top_five_are_counted_in_the_conflict_line() -> None:
    values = [(2030, True)] * 3 + [(n, False) for n in range(1000, 1006)]
    report = _report(values)
    lines = summary_lines(report, report.claims[0])
    assert "other values: 2 sources" in lines
    assert lines[-1].startswith("conflict: 2,030 firefighters vs ") and lines[-1].endswith(" and other values")
    assert lines[-1].count(" vs ") == 4
