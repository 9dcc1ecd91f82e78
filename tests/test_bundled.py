"""End to end on the bundled corpus: every cell of every claim, written out.

Each row: claim id -> verdict, and for each of the five sources either None (not found) or
(value, qualifier). The values are what the texts say, read by a person; the tool must agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kzclaims.claims import load_claims
from kzclaims.model import ClaimResult, Report
from kzclaims.pipeline import compare
from kzclaims.render.json import render_json
from kzclaims.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("tdi", "akorda", "transcript", "embassy", "tv")

Cell = "tuple[object, str] | None"
S = (True, "exact")  # a statement that is made

EXPECTED: dict[str, tuple[str, tuple[object, ...]]] = {
    # claim:                    (verdict,     (tdi, akorda, transcript, embassy, tv))
    "csto-appeal":              ("agree",      (None, S, S, S, S)),
    "csto-decision-date":       ("single",     (None, None, None, ("2022-01-06", "exact"), None)),
    "csto-short-stay":          ("agree",      (None, None, S, None, S)),
    "csto-troops":              ("single",     ((2030, "exact"), None, None, None, None)),
    "csto-equipment":           ("single",     ((250, "exact"), None, None, None, None)),
    "withdrawal-start":         ("agree",      (("2022-01-13", "exact"), None, None, ("2022-01-13", "exact"), None)),
    "withdrawal-length":        ("consistent", ((10, "exact"), None, None, (10, "at_most"), None)),
    "almaty-attackers":         ("consistent", (None, None, (20000, "approx"), None, (20000, "exact"))),
    "almaty-airport-aircraft":  ("single",     (None, (5, "approx"), None, None, None)),
    "casualties-scale":         ("agree",      (None, None, ([200, 1000], "approx"), None, ([200, 1000], "approx"))),
    "deaths-scale":             ("single",     (None, None, None, ([24, 120], "approx"), None)),
    "death-toll":               ("missing",    (None, None, None, None, None)),
    "fire-without-warning":     ("single",     (None, None, S, None, None)),
    "situation-stabilized":     ("single",     (None, None, ("2022-01-06", "exact"), None, None)),
    "state-of-emergency":       ("single",     ((["2022-01-05", "2022-01-19"], "exact"), None, None, None, None)),
    "mourning-day":             ("single",     (None, None, None, ("2022-01-10", "exact"), None)),
    "majilis-address-date":     ("agree",      (("2022-01-11", "exact"), None, ("2022-01-11", "exact"),
                                                ("2022-01-11", "exact"), ("2022-01-11", "exact"))),
    "new-cabinet-date":         ("single",     (None, None, None, ("2022-01-11", "exact"), None)),
    "action-program-deadline":  ("single",     ((21, "at_most"), None, None, None, None)),
    "anti-terror-main-phase":   ("single",     (S, None, None, None, None)),
    "inflation-target":         ("single",     (([3, 4], "exact"), None, None, None, None)),
    "party-list-quota":         ("single",     (None, None, None, (30, "exact"), None)),
    "democratic-reforms-period": ("single",    (None, None, None, (["2020", "2021"], "exact"), None)),
    "death-penalty-abolished":  ("single",     (None, None, None, ("2022", "exact"), None)),
    "assemblies-law":           ("single",     (None, None, ("2020-05", "exact"), None, None)),
    "independence-anniversary": ("single",     (None, None, (30, "exact"), None, None)),
    "code-of-conduct-adopted":  ("single",     (None, None, None, ("2018-09", "exact"), None)),
    "code-of-conduct-signatories": ("single",  (None, None, None, (90, "approx"), None)),
    "collective-security-treaty": ("single",   (None, None, None, ("1992-05-15", "exact"), None)),
}


@pytest.fixture(scope="module")
def report() -> Report:
    claims = load_claims(ROOT / "claims.yaml", "claims.yaml")
    corpus = load_sources(ROOT / "sources", "sources")
    return compare(claims, corpus)


def _claim(report: Report, cid: str) -> ClaimResult:
    return next(c for c in report.claims if c.id == cid)


def test_every_claim_is_covered(report: Report) -> None:
    assert [c.id for c in report.claims] == list(EXPECTED)
    assert [s.id for s in report.sources] == list(SOURCES)


@pytest.mark.parametrize("cid", list(EXPECTED))
def test_every_cell(report: Report, cid: str) -> None:
    verdict, cells = EXPECTED[cid]
    claim = _claim(report, cid)
    got = tuple((f.value, f.qualifier) if f.found else None for f in claim.findings)
    assert got == cells, f"{cid}: {[f.text for f in claim.findings]}"
    assert claim.verdict == verdict
    for f in claim.findings:
        if f.found and claim.has_expected:
            assert f.matches_expected is True, (cid, f.source, f.text)


def test_relative_dates_say_what_they_were_resolved_against(report: Report) -> None:
    tdi = _claim(report, "withdrawal-start").findings[0]
    assert (tdi.text, tdi.reference_date, tdi.line) == ("in two days", "2022-01-11", 9)
    stabilized = _claim(report, "situation-stabilized").findings[2]
    assert (stabilized.text, stabilized.reference_date, stabilized.line) == ("Yesterday", "2022-01-07", 15)


def test_quotes_come_with_their_original_lines(report: Report) -> None:
    troops = _claim(report, "csto-troops").findings[0]
    assert troops.text == "2,030 troops" and troops.line == 11
    assert troops.quote == "The mission consists of 2,030 troops and 250 units of military equipment."
    attackers = _claim(report, "almaty-attackers").findings[2]
    assert attackers.quote == "Almost 20 thousand bandits attacked Almaty."
    assert attackers.line == 165  # the PDF transcript: "Almost" ends line 165, the rest is on 167
    fire = _claim(report, "fire-without-warning").findings[2]
    assert fire.line == 25 and fire.quote is not None
    assert fire.quote.endswith("where necessary, to open fire without warning.")


def test_json_is_byte_identical_across_runs(report: Report) -> None:
    claims = load_claims(ROOT / "claims.yaml", "claims.yaml")
    again = compare(claims, load_sources(ROOT / "sources", "sources"))
    first, second = render_json(report), render_json(again)
    assert first == second
    assert json.loads(first)["claims_file"] == "claims.yaml"


def test_committed_baseline_is_current() -> None:
    """CI compares with reports/baseline.json: on an unchanged repository it must be silent."""
    from kzclaims.baseline import diff_reports
    from kzclaims.render.json import load_report

    claims = load_claims(ROOT / "claims.yaml", "claims.yaml")
    now = compare(claims, load_sources(ROOT / "sources", "sources"))
    changes = diff_reports(load_report(ROOT / "reports" / "baseline.json"), now)
    assert changes == (), "accept the change: kzclaims compare --baseline reports/baseline.json --update-baseline"
