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


def test_one_value_worded_differently_is_one_value_with_its_wordings() -> None:
    # QA4: "2,030 troops" and "2030 servicemen" were two values of one source each, so a large
    # run's summary split what the sources agree on and sent the rest to "other values"
    sources = tuple(SourceInfo(f"s{i}", f"Outlet {i}", f"sources/s{i}.txt", None) for i in range(6))
    c = claim("troops", "consistent", [
        found("s0", "2,030 troops", 2030), found("s1", "2030 servicemen", 2030.0),
        found("s2", "2,030 troops", 2030), found("s3", "2 030", 2030),
        found("s4", "about 2,000", 2000, qualifier="approx", low=1900, high=2100),
        found("s5", "2,030 troops", 2030),
    ])
    report = Report("claims.yaml", sources, (c,), compact=True)
    lines = summary_lines(report, c)
    assert lines[1] == (
        "2,030 (3 wordings: “2,030 troops”, “2 030”, 1 more): 5 sources (s0, s1, s2, 2 more)"
    )
    assert lines[2] == "about 2,000 (≈2,000): 1 source (s4)"
    assert lines[3] == "outlier: about 2,000 (≈2,000) in s4 line 1"
    c2 = claim("troops", "conflict", [*c.findings, found("s6", "5,000 troops", 5000)])
    report = Report("claims.yaml", (*sources, SourceInfo("s6", "O", "sources/s6.txt", None)), (c2,),
                    compact=True)
    assert summary_lines(report, c2)[-1] == "conflict: 2,030 vs 5,000 troops vs about 2,000 (≈2,000)"


def test_a_statement_is_one_value_whatever_its_passage_and_one_other_is_singular() -> None:
    sources = tuple(SourceInfo(f"s{i}", f"Outlet {i}", f"sources/s{i}.txt", None) for i in range(3))
    c = claim("appeal", "agree", [
        found(f"s{i}", f"appealed to the CSTO, said speaker {i}", True) for i in range(3)
    ], kind="statement")
    report = Report("claims.yaml", sources, (c,), compact=True)
    assert summary_lines(report, c)[1:] == ["states it: 3 sources (s0, s1, s2)"]
    values = [(2030, True)] * 3 + [(n, False) for n in range(1000, 1005)]
    big = _report(values)
    assert "other values: 1 source" in summary_lines(big, big.claims[0])
