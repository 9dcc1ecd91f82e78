"""Baseline diffs (matched by claim id and source id, never by position) and --fail-on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from report_factory import (
    SOURCES,
    baseline_report,
    claim,
    compared_report,
    found,
    missing,
    sample_report,
    with_claims,
)

from kzclaims.baseline import FAIL_CONDITIONS, diff_reports, fail_conditions, with_changes
from kzclaims.model import Change, ClaimResult, Report
from kzclaims.render.json import load_report, render_json


def _kinds(changes: tuple[Change, ...]) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.claim, c.source) for c in changes]


def _set_finding(c: ClaimResult, i: int, **kw: object) -> ClaimResult:
    fs = list(c.findings)
    fs[i] = replace(fs[i], **kw)  # type: ignore[arg-type]
    return replace(c, findings=tuple(fs))


def test_identical_reports_have_no_changes() -> None:
    assert diff_reports(sample_report(), sample_report()) == ()


def test_reordering_and_unrelated_edits_are_no_change() -> None:
    new = sample_report()
    old_claims = []
    for c in reversed(new.claims):  # claims in another order, on other lines
        c = replace(c, line=c.line + 40, findings=tuple(reversed(c.findings)))
        c = replace(c, findings=tuple(
            replace(f, line=(f.line or 0) + 7, quote=(f.quote or "") + " (edited)",
                    score=(f.score or 0) - 3, text=(f.text or "").upper(), low=None, high=None)
            if f.found else replace(f, quote="a near miss", score=70.0, line=1)
            for f in c.findings
        ))
        old_claims.append(c)
    old = Report("old/claims.yaml", tuple(reversed(SOURCES)), tuple(old_claims),
                 title="Another title")
    assert diff_reports(old, new) == ()


def test_integral_float_equals_int_and_true_is_not_one() -> None:
    new = sample_report()
    old = with_claims(new, _set_finding(new.claims[0], 0, value=2030.0000000000002),
                      *new.claims[1:])
    assert diff_reports(old, new) == ()
    a = with_claims(new, claim("s", "single", [found("tdi", "x", 1), missing("akorda"),
                                               missing("rfe")], kind="number"))
    b = with_claims(new, claim("s", "single", [found("tdi", "x", True), missing("akorda"),
                                               missing("rfe")], kind="number"))
    assert _kinds(diff_reports(a, b)) == [("value_changed", "s", "tdi")]


def test_value_changed() -> None:
    new = sample_report()
    old = with_claims(new, _set_finding(new.claims[0], 1, text="2,300 troops", value=2300),
                      *new.claims[1:])
    (ch,) = diff_reports(old, new)
    assert ch == Change("value_changed", "csto-troops", "akorda", "2,300 troops",
                        "2030 servicemen (2,030)", "Size of the CSTO peacekeeping contingent", 6)


def test_qualifier_change_is_a_value_change() -> None:
    new = sample_report()
    old = with_claims(new, _set_finding(new.claims[0], 0, qualifier="approx"), *new.claims[1:])
    (ch,) = diff_reports(old, new)
    assert (ch.kind, ch.old, ch.new) == ("value_changed", "2,030 troops (≈2,030)",
                                         "2,030 troops")


def test_range_and_date_values() -> None:
    r = claim("p", "single", [found("tdi", "3-4 percent", [3, 4]), missing("akorda"),
                              missing("rfe")], kind="percent")
    old = with_claims(sample_report(), r)
    new = with_claims(sample_report(), _set_finding(r, 0, value=[3, 5]))
    assert _kinds(diff_reports(old, new)) == [("value_changed", "p", "tdi")]
    assert diff_reports(old, with_claims(sample_report(), _set_finding(r, 0, value=[3.0, 4.0]))
                        ) == ()


def test_an_expected_edit_that_flips_the_fit_is_a_change() -> None:
    # QA4 Q1: `expected: 2030` -> `5000` turns every cell to "does not fit expected" with no
    # value or verdict changed; it was "No changes since the baseline" and --fail-on changed passed
    old = sample_report()
    troops = old.claims[0]
    new_troops = replace(troops, expected=5000, findings=tuple(
        replace(f, matches_expected=False) if f.found else f for f in troops.findings))
    new = with_claims(old, new_troops, *old.claims[1:])
    changes = diff_reports(old, new)
    assert _kinds(changes) == [
        ("expected_changed", "csto-troops", None),
        ("expected_fit_changed", "csto-troops", "tdi"),
        ("expected_fit_changed", "csto-troops", "akorda"),
    ]
    assert (changes[0].old, changes[0].new) == ("2,030", "5,000")
    assert (changes[1].old, changes[1].new) == (
        "2,030 troops, fits expected 2,030", "2,030 troops, ≠ expected 5,000")
    assert fail_conditions(with_changes(new, changes, "b.json"), ["changed"])
    # back again, and an expected added or removed
    assert _kinds(diff_reports(new, old))[0] == ("expected_changed", "csto-troops", None)
    bare = with_claims(old, replace(troops, expected=None, has_expected=False, findings=tuple(
        replace(f, matches_expected=None) for f in troops.findings)), *old.claims[1:])
    assert [(c.kind, c.old, c.new) for c in diff_reports(bare, old)] == [
        ("expected_changed", "none", "2,030")]
    # the same expected written otherwise (2030.0) and the same fit: no change
    same = with_claims(old, replace(troops, expected=2030.0), *old.claims[1:])
    assert diff_reports(old, same) == ()


def test_newly_found_and_no_longer_found() -> None:
    new = sample_report()
    old = with_claims(new, _set_finding(new.claims[0], 1, found=False), *new.claims[1:])
    (ch,) = diff_reports(old, new)
    assert (ch.kind, ch.source, ch.old, ch.new) == (
        "newly_found", "akorda", "not found", "2030 servicemen (2,030)")
    (back,) = diff_reports(new, old)
    assert (back.kind, back.source, back.old, back.new) == (
        "no_longer_found", "akorda", "2030 servicemen (2,030)", "not found")


def test_near_miss_appearing_is_no_change() -> None:
    new = sample_report()
    old = with_claims(new, *new.claims[:3], _set_finding(new.claims[3], 0, quote=None, score=None,
                                                         line=None), *new.claims[4:])
    assert diff_reports(old, new) == ()


def test_verdict_changed_comes_first_in_its_claim() -> None:
    new = sample_report()
    old = with_claims(new, replace(new.claims[0], verdict="single"),
                      _set_finding(new.claims[1], 2, value=150), *new.claims[2:])
    assert _kinds(diff_reports(old, new)) == [
        ("verdict_changed", "csto-troops", None), ("value_changed", "deaths", "rfe")]
    assert diff_reports(old, new)[0].old == "single"
    assert diff_reports(old, new)[0].new == "agree"


def test_claims_added_and_removed() -> None:
    new = sample_report()
    old = with_claims(new, *new.claims[1:], claim("gone", "conflict", [], title="Gone"))
    changes = diff_reports(old, new)
    assert changes == (
        # the verdict and the values found, what a reviewer of the edit needs (QA6 Q6)
        Change("claim_added", "csto-troops", None, None,
               "agree (The Diplomatic Insight: 2,030 troops; Akorda: 2030 servicemen (2,030))",
               "Size of the CSTO peacekeeping contingent", 6),
        Change("claim_removed", "gone", None, "conflict", None, "Gone", 0),
    )


def test_source_added_and_removed() -> None:
    new = sample_report()
    old = replace(new, sources=new.sources[:2], claims=tuple(
        replace(c, findings=tuple(f for f in c.findings if f.source != "rfe"))
        for c in new.claims))
    # rfe was added: its found values are newly found; its not-found cells change nothing
    added = diff_reports(old, new)
    assert _kinds(added) == [
        ("newly_found", "deaths", "rfe"),
        ("newly_found", "withdrawal-days", "rfe"),
        ("newly_found", "gas-price-statement", "rfe"),
    ]
    assert added[0].old == "source not in the baseline"
    removed = diff_reports(new, old)
    assert _kinds(removed) == [
        ("no_longer_found", "deaths", "rfe"),
        ("no_longer_found", "withdrawal-days", "rfe"),
        ("no_longer_found", "gas-price-statement", "rfe"),
    ]
    assert removed[0].new == "source removed"


def test_golden_baseline_changes_in_order() -> None:
    assert _kinds(diff_reports(baseline_report(), sample_report())) == [
        ("verdict_changed", "csto-troops", None),
        ("no_longer_found", "csto-troops", "rfe"),
        ("value_changed", "deaths", "akorda"),
        ("verdict_changed", "start-date", None),
        ("newly_found", "start-date", "akorda"),
        ("claim_added", "inflation", None),
        ("claim_removed", "emergency", None),
    ]


def test_diff_after_json_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "baseline.json"
    p.write_text(render_json(baseline_report()), encoding="utf-8")
    assert diff_reports(load_report(p), sample_report()) == compared_report().changes
    p.write_text(render_json(sample_report()), encoding="utf-8")
    assert diff_reports(load_report(p), sample_report()) == ()


def test_with_changes() -> None:
    r = with_changes(sample_report(), iter([Change("claim_added", "x")]), "b.json")
    assert r.changes == (Change("claim_added", "x"),) and r.baseline_file == "b.json"
    assert r.claims == sample_report().claims


# ---- --fail-on -------------------------------------------------------------------------------


def test_fail_conditions_verdicts() -> None:
    r = sample_report()
    assert fail_conditions(r, set()) == []
    assert fail_conditions(r, {"conflict"}) == ["1 claim with verdict conflict: deaths"]
    assert fail_conditions(r, {"agree"}) == [
        "2 claims with verdict agree: csto-troops, gas-price-statement"]
    assert fail_conditions(r, {"missing", "single"}) == [
        "1 claim with verdict single: start-date", "1 claim with verdict missing: inflation"]
    calm = with_claims(r, r.claims[0])
    assert fail_conditions(calm, {"conflict", "missing", "consistent", "single"}) == []


def test_fail_conditions_changed() -> None:
    assert fail_conditions(sample_report(), {"changed"}) == []  # no baseline: never triggers
    assert fail_conditions(replace(sample_report(), changes=()), {"changed"}) == []
    assert fail_conditions(compared_report(), {"changed"}) == [
        "7 changes since reports/baseline.json: csto-troops, deaths, start-date, inflation, "
        "emergency"
    ]


def test_fail_conditions_mismatch() -> None:
    assert fail_conditions(sample_report(), {"mismatch"}) == [
        "1 claim with a value that does not match the expected one: deaths"]


def test_many_ids_are_shortened() -> None:
    r = Report("c.yaml", SOURCES, tuple(claim(f"c{i}", "conflict", []) for i in range(8)))
    assert fail_conditions(r, {"conflict"}) == [
        "8 claims with verdict conflict: c0, c1, c2, c3, c4 and 3 more"]


def test_unknown_condition() -> None:
    with pytest.raises(ValueError, match="unknown --fail-on condition nope"):
        fail_conditions(sample_report(), {"nope"})
    assert {"conflict", "missing", "changed", "consistent", "single", "agree",
            "mismatch"} == set(FAIL_CONDITIONS)


def _rename(report: Report, old_id: str, new_id: str, file: str | None = None) -> Report:
    return replace(
        report,
        sources=tuple(
            replace(s, id=new_id, file=file or s.file) if s.id == old_id else s
            for s in report.sources
        ),
        claims=tuple(
            replace(c, findings=tuple(
                replace(f, source=new_id) if f.source == old_id else f for f in c.findings
            ))
            for c in report.claims
        ),
    )


def test_a_source_whose_id_changed_but_not_its_file_is_the_same_source() -> None:
    # QA6 Q5: giving a source an `id:` in the manifest made every cell of it "no longer found"
    # under the old id and "newly found" under the new one (10 changes for one line edited)
    old = sample_report()
    new = _rename(old, "rfe", "radio-liberty")
    assert diff_reports(old, new) == ()
    # a real change of that source is still one change, under its new id
    deaths = next(k for k, c in enumerate(new.claims) if c.id == "deaths")
    at = next(k for k, f in enumerate(new.claims[deaths].findings) if f.source == "radio-liberty")
    claims = list(new.claims)
    claims[deaths] = _set_finding(claims[deaths], at, value=999)
    changed = diff_reports(old, replace(new, claims=tuple(claims)))
    assert _kinds(changed) == [("value_changed", "deaths", "radio-liberty")]
    # another file under the new id is another source
    other = _rename(old, "rfe", "radio-liberty", file="sources/other.txt")
    assert ("no_longer_found", "deaths", "rfe") in _kinds(diff_reports(old, other))


def test_an_added_claim_names_at_most_a_few_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzclaims import baseline

    monkeypatch.setattr(baseline, "ADDED_SHOWN", 1)
    new = sample_report()
    old = with_claims(new, *new.claims[1:])
    assert diff_reports(old, new)[0].new == "agree (The Diplomatic Insight: 2,030 troops; 1 more)"


def test_a_claim_whose_id_changed_but_not_its_title_is_renamed() -> None:
    # QA9 Q5: renaming an id in claims.yaml was "claim added" + "claim removed", two unrelated
    # changes with one title, and its cells were not compared with the baseline's
    old = sample_report()
    first = old.claims[0]
    new = with_claims(old, replace(first, id="csto-troop-count"), *old.claims[1:])
    assert diff_reports(old, new) == (
        Change("claim_renamed", "csto-troop-count", None, "csto-troops", "csto-troop-count",
               first.title, first.line),
    )
    # a change of its cells is still found, under the new id
    moved = with_claims(old, _set_finding(replace(first, id="csto-troop-count"), 0, value=999),
                        *old.claims[1:])
    assert _kinds(diff_reports(old, moved)) == [
        ("claim_renamed", "csto-troop-count", None),
        ("value_changed", "csto-troop-count", "tdi"),
    ]
    # another title (or kind) is another claim
    other = with_claims(old, replace(first, id="csto-troop-count", title="Troops sent"),
                        *old.claims[1:])
    assert _kinds(diff_reports(old, other)) == [
        ("claim_added", "csto-troop-count", None), ("claim_removed", "csto-troops", None)]
    # two new claims with the removed claim's title: no telling which is the renamed one
    two = with_claims(old, replace(first, id="a"), replace(first, id="b"), *old.claims[1:])
    assert [k for k, _, _ in _kinds(diff_reports(old, two))] == [
        "claim_added", "claim_added", "claim_removed"]
