"""Small :class:`Report` objects for the renderer and baseline tests.

``sample_report()`` is the golden fixture: three sources, one claim of each verdict, a claim
with awkward characters in its title (pipes, commas, colons, percent signs, a newline, XML
specials) and a near miss. Change it only together with the golden files (see the module
docstrings of the test_render_* modules for how to regenerate them).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from kzclaims.model import ClaimResult, Finding, Report, SourceInfo

SOURCES = (
    SourceInfo("tdi", "The Diplomatic Insight", "sources/tdi-2022-01-12.txt", "2022-01-12"),
    SourceInfo("akorda", "Akorda", "sources/akorda.txt", "2022-01-11", published_inferred=True),
    SourceInfo(
        "rfe", "RFE/RL", "sources/rfe.md", None, as_of="2022-01-10", title="Unrest | timeline",
        url="https://example.org/rfe",
    ),
)


_SAME = object()


def found(source: str, text: str, value: Any, *, qualifier: str = "exact", low: Any = _SAME,
          high: Any = _SAME, quote: str = "", line: int = 1, score: float = 90.0,
          matches_expected: bool | None = None, **kw: Any) -> Finding:
    """A found finding; ``low``/``high`` default to the value itself (an exact reading)."""
    lo = value if low is _SAME else low
    hi = value if high is _SAME else high
    return Finding(source, True, text, value, qualifier, lo, hi, quote or f"... {text} ...",  # type: ignore[arg-type]
                   line, score, matches_expected, **kw)


def missing(source: str, **kw: Any) -> Finding:
    return Finding(source, False, **kw)


def claim(cid: str, verdict: str, findings: list[Finding], *, kind: str = "count",
          title: str | None = None, expected: Any = None, line: int = 1) -> ClaimResult:
    return ClaimResult(
        id=cid, title=title or cid.replace("-", " ").capitalize(), kind=kind,  # type: ignore[arg-type]
        verdict=verdict, findings=tuple(findings), expected=expected,  # type: ignore[arg-type]
        has_expected=expected is not None, line=line,
    )


def sample_report() -> Report:
    troops = claim(
        "csto-troops", "agree", [
            found("tdi", "2,030 troops", 2030, quote="The mission consists of 2,030 troops and "
                  "250 units of military equipment.", line=17, score=91.44,
                  matches_expected=True, unit="troops"),
            found("akorda", "2030 servicemen", 2030.0, line=5, score=88.0,
                  matches_expected=True),
            missing("rfe"),
        ], title="Size of the CSTO peacekeeping contingent", expected=2030, line=6,
    )
    deaths = claim(
        "deaths", "conflict", [
            found("tdi", "225 people", 225, line=20, score=80.25, matches_expected=True),
            found("akorda", "almost 230", 230, qualifier="approx", low=207, high=253.00000000000003,
                  line=9, score=77.0, matches_expected=True),
            found("rfe", "more than 160", 160, qualifier="at_least", low=160, high=None,
                  line=3, score=82.5, matches_expected=False),
        ], title='Deaths: "official" count, 100% | all, regions\nincl. <Almaty> & others',
        expected=225, line=14,
    )
    withdrawal = claim(
        "withdrawal-days", "consistent", [
            found("tdi", "within 10 days", 10, qualifier="at_most", low=0, high=10, line=30),
            found("rfe", "in two weeks", 14, line=12, reference_date="2022-01-10"),
            missing("akorda"),
        ], kind="duration", title="Length of the withdrawal", line=22,
    )
    start = claim(
        "start-date", "single", [
            missing("tdi", quote="Protests began in early January.", line=2, score=76.0),
            found("akorda", "January 2", "2022-01-02", line=1, score=85.0),
            missing("rfe"),
        ], kind="date", title="Start of the protests", line=29,
    )
    share = claim(
        "inflation", "missing", [missing("tdi"), missing("akorda"), missing("rfe")],
        kind="percent", title="Annual inflation", expected=[8, 9], line=35,
    )
    gas = claim(
        "gas-price-statement", "agree", [
            found("tdi", "prices for liquefied gas doubled", True, line=40, low=None, high=None),
            found("rfe", "LPG price doubled", True, line=8, low=None, high=None),
            missing("akorda"),
        ], kind="statement", title="LPG prices doubled", line=41,
    )
    return Report("claims.yaml", SOURCES, (troops, deaths, withdrawal, start, share, gas),
                  title="January 2022 events in Kazakhstan")


def compared_report() -> Report:
    """:func:`sample_report` compared with :func:`baseline_report`."""
    from kzclaims.baseline import diff_reports, with_changes

    new = sample_report()
    return with_changes(new, diff_reports(baseline_report(), new), "reports/baseline.json")


def baseline_report() -> Report:
    """An older run of the same claims (the golden baseline for the ``compared`` outputs).

    Against :func:`sample_report`: csto-troops had RFE/RL at "about 2,000" (now not found) and
    was ``consistent``; Akorda said "about 250" deaths; the start date was found nowhere;
    ``inflation`` did not exist;
    ``emergency`` was removed since. Everything else differs only in ways that are no change:
    claim order, lines, quotes, scores and the wording of the same value.
    """
    new = {c.id: c for c in sample_report().claims}
    troops = replace(new["csto-troops"], verdict="consistent", line=3, findings=(
        replace(new["csto-troops"].findings[0], line=12, score=95.0, quote="Another quote."),
        replace(new["csto-troops"].findings[1], text="2,030 servicemen"),
        found("rfe", "about 2,000 troops", 2000, qualifier="approx", low=1800, high=2200,
              line=4, matches_expected=True),
    ))
    deaths = replace(new["deaths"], findings=(
        new["deaths"].findings[0],
        replace(new["deaths"].findings[1], text="about 250", value=250, low=225, high=275),
        new["deaths"].findings[2],
    ))
    start = replace(new["start-date"], verdict="missing", findings=(
        new["start-date"].findings[0], missing("akorda"), new["start-date"].findings[2],
    ))
    emergency = claim("emergency", "single", [
        found("tdi", "January 5", "2022-01-05", line=3), missing("akorda"), missing("rfe"),
    ], kind="date", title="State of emergency declared", line=50)
    return Report("claims.yaml", SOURCES, (
        new["withdrawal-days"], troops, deaths, emergency, start,
        new["gas-price-statement"],
    ), title="January 2022 events in Kazakhstan")


def with_claims(report: Report, *claims: ClaimResult) -> Report:
    return replace(report, claims=tuple(claims))


# --------------------------------------------------------------------------------------------
# Golden files
# --------------------------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
EXPECTED = FIXTURES / "expected"


def regen() -> bool:
    return os.environ.get("KZCLAIMS_REGEN", "") not in ("", "0")


def assert_golden(path: Path, text: str) -> None:
    """``text`` must equal the file byte for byte; with KZCLAIMS_REGEN=1 the file is rewritten."""
    if regen():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run KZCLAIMS_REGEN=1 pytest to create it"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{path.name} differs (regenerate with KZCLAIMS_REGEN=1 pytest)"
