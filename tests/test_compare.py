"""Stage 5: intervals, the approximation margin, tolerance and verdicts."""

from __future__ import annotations

import pytest

from kzclaims.compare import (
    Bounds,
    bounds_json,
    expected_bounds,
    finding_bounds,
    json_value,
    overlaps,
    verdict,
)
from kzclaims.model import Kind, PartialDate, Qualifier, Reading, Tolerance, Value


def val(reading: Reading, qualifier: Qualifier = "exact", qtext: str | None = None, vague: bool = False) -> Value:
    t = "date" if isinstance(reading, PartialDate) else "number"
    if isinstance(reading, tuple) and isinstance(reading[0], PartialDate):
        t = "date_range"
    return Value(type=t, start=0, end=1, text="x", reading=reading, qualifier=qualifier,  # type: ignore[arg-type]
                 qualifier_text=qtext, vague=vague)


def b(v: Value, kind: Kind = "count", tol: Tolerance | None = None) -> tuple[object, object]:
    return bounds_json(finding_bounds(v, kind, tol), kind)


@pytest.mark.parametrize(
    ("value", "kind", "low_high"),
    [
        (val(2030), "count", (2030, 2030)),
        (val(2000, "approx", "about"), "count", (1800, 2200)),
        (val(2500, "approx", "roughly"), "count", (2250, 2750)),
        (val(20000, "approx", "Almost"), "count", (18000, 20000)),
        (val(20000, "approx", "nearly"), "count", (18000, 20000)),
        (val(2000, "at_least", "more than"), "count", (2000, None)),
        (val(20000, "at_most", "up to"), "count", (0, 20000)),
        (val((3, 4)), "percent", (3, 4)),
        (val((200, 999), "approx", "hundreds", vague=True), "count", (200, 999)),
        (val(10, "at_most", "no more than"), "duration", (0, 10)),
        (val(10, "approx", "about"), "duration", (9, 11)),
        (val(5, "approx", "about"), "duration", (4, 6)),
        (val(PartialDate(2022, 1, 13)), "date", ("2022-01-13", "2022-01-13")),
        (val(PartialDate(2022, 1)), "date", ("2022-01-01", "2022-01-31")),
        (val(PartialDate(2022)), "date", ("2022-01-01", "2022-12-31")),
        (val(PartialDate(2022, 1, 23), "at_most", "by"), "date", (None, "2022-01-23")),
        (val(PartialDate(2022, 1, 13), "approx", "around"), "date", ("2022-01-10", "2022-01-16")),
        (val((PartialDate(2022, 1, 5), PartialDate(2022, 1, 19))), "date_range", ("2022-01-05", "2022-01-19")),
    ],
)
def test_intervals(value: Value, kind: Kind, low_high: tuple[object, object]) -> None:
    assert b(value, kind) == low_high


def test_tolerance_widens() -> None:
    assert b(val(2030), "count", Tolerance(5, relative=True)) == (1928.5, 2131.5)
    assert b(val(2030), "count", Tolerance(30)) == (2000, 2060)
    assert b(val(PartialDate(2022, 1, 13)), "date", Tolerance(2)) == ("2022-01-11", "2022-01-15")
    assert b(val(10, "at_most", "within"), "duration", Tolerance(1)) == (0, 11)


@pytest.mark.parametrize(
    ("a", "b_", "compatible"),
    [
        (val(2000, "approx", "about"), val(2030), True),  # "about 2,000" vs "2,030"
        (val(2000, "approx", "about"), val(2500, "approx", "roughly"), False),
        (val(50000, "at_least", "over"), val(50000), True),
        (val(164), val(225), False),
        (val(225, "at_least", "no fewer than"), val(163, "at_least", "at least"), True),
        (val(20000, "approx", "Almost"), val(20000), True),
        (val(20000, "approx", "Almost"), val(20500), False),
        (val(10000, "approx", "close to"), val(9900), True),
        (val(5000, "at_least", "more than"), val(6000, "approx", "some"), True),
    ],
)
def test_overlap_examples(a: Value, b_: Value, compatible: bool) -> None:
    assert overlaps(finding_bounds(a, "count", None), finding_bounds(b_, "count", None)) is compatible


def test_date_ranges_compare_both_ends() -> None:
    r1 = finding_bounds(val((PartialDate(2022, 1, 5), PartialDate(2022, 1, 19))), "date_range", None)
    r2 = finding_bounds(val((PartialDate(2022, 1, 5), PartialDate(2022, 1, 23))), "date_range", None)
    r3 = finding_bounds(val((PartialDate(2022, 1), PartialDate(2022, 1))), "date_range", None)
    assert not overlaps(r1, r2)  # same start, different end: a conflict, although the periods overlap
    assert overlaps(r1, r3)  # "January" at month precision is compatible with both ends


def cell(value: object, qualifier: Qualifier, lo: float, hi: float) -> tuple[object, Qualifier, tuple[Bounds, ...]]:
    return (value, qualifier, (Bounds(lo, hi),))


def test_verdicts() -> None:
    assert verdict([]) == "missing"
    assert verdict([cell(1, "exact", 1, 1)]) == "single"
    assert verdict([cell(10, "exact", 10, 10), cell(10, "exact", 10, 10)]) == "agree"
    assert verdict([cell(10, "exact", 10, 10), cell(10, "at_most", 0, 10)]) == "consistent"
    assert verdict([cell(10, "exact", 10, 10), cell(12, "exact", 12, 12)]) == "conflict"
    # every PAIR must overlap: a chain a~b~c with a and c apart is a conflict
    assert verdict([cell(1, "exact", 0, 2), cell(2, "exact", 1, 3), cell(3, "exact", 2.5, 4)]) == "conflict"
    # statements: found twice is agreement
    assert verdict([(True, "exact", ()), (True, "exact", ())]) == "agree"


def test_expected_bounds_and_json() -> None:
    assert expected_bounds(2030, None) == (Bounds(2030, 2030),)
    assert expected_bounds((3, 4), Tolerance(1)) == (Bounds(2, 5),)
    assert json_value(val(2030.0), "count") == 2030
    assert json_value(val((3, 4)), "percent") == [3, 4]
    assert json_value(val(PartialDate(2022, 1)), "date") == "2022-01"
    assert json_value(val((PartialDate(2020), PartialDate(2021))), "date_range") == ["2020", "2021"]
    assert json_value(val(1.6), "number") == 1.6


def dur(days: float | tuple[float, float], text: str, qualifier: Qualifier = "exact") -> Value:
    return Value(type="duration", start=0, end=len(text), text=text, reading=days,
                 qualifier=qualifier, qualifier_text=None if qualifier == "exact" else text.split()[0])


@pytest.mark.parametrize(
    ("value", "low_high"),
    [
        (dur(180, "six months"), (180, 184)),
        (dur(180, "шесть месяцев"), (180, 184)),
        (dur(365, "a year"), (365, 366)),
        (dur(360, "12 months"), (360, 366)),
        (dur(30, "a month"), (28, 31)),
        (dur(182.5, "half a year"), (181, 184)),
        (dur(182.5, "полгода"), (181, 184)),
        (dur(730, "two years"), (730, 731)),
        (dur(180, "up to six months", "at_most"), (0, 184)),
        (dur((60, 90), "two to three months"), (59, 92)),
        # not counted on the calendar: days, weeks, and mixed units keep the reader's days
        (dur(182, "26 weeks"), (182, 182)),
        (dur(10, "10 days"), (10, 10)),
        (dur(425, "1 year 2 months"), (425, 425)),
    ],
)
def test_calendar_lengths(value: Value, low_high: tuple[object, object]) -> None:
    """A length in months or years is the lengths it has on the calendar (QA: "up to six
    months", "half a year" and "about 26 weeks" were a conflict; "a year" vs "12 months" too)."""
    assert b(value, "duration") == low_high


@pytest.mark.parametrize(
    ("a", "b_", "compatible"),
    [
        (dur(180, "up to six months", "at_most"), dur(182.5, "half a year"), True),
        (dur(182.5, "half a year"), dur(182, "about 26 weeks", "approx"), True),
        (dur(365, "a year"), dur(360, "12 months"), True),
        (dur(180, "six months"), dur(150, "five months"), False),
        (dur(365, "a year"), dur(730, "two years"), False),
    ],
)
def test_calendar_lengths_overlap(a: Value, b_: Value, compatible: bool) -> None:
    assert overlaps(finding_bounds(a, "duration", None), finding_bounds(b_, "duration", None)) is compatible


def test_a_day_named_as_a_start_is_the_day_a_date_claim_asks_for() -> None:
    """For a date claim, "since Monday" / "from 1 January" (the reader's at_least) names the day
    the state began: the claim's value exactly, as "начиная с" reads in Russian; "after" and
    "no earlier than" keep their bound, and other kinds are left alone."""
    from kzclaims.compare import as_claimed

    day = PartialDate(2024, 2, 5)
    since = val(day, "at_least", "Since")
    assert as_claimed(since, "date").qualifier == "exact"
    assert b(as_claimed(since, "date"), "date") == ("2024-02-05", "2024-02-05")
    assert as_claimed(val(day, "at_least", "from  the start of"), "date").qualifier == "exact"
    for kept in (val(day, "at_least", "after"), val(day, "at_least", "no earlier than")):
        assert as_claimed(kept, "date") is kept
    assert as_claimed(val(10, "at_least", "since"), "duration").qualifier == "at_least"
    # with "on Monday" in another source: the same value and qualifier, so they agree
    on = val(day)
    claimed = as_claimed(since, "date")
    assert verdict([
        (json_value(v, "date"), v.qualifier, finding_bounds(v, "date", None))
        for v in (claimed, on)
    ]) == "agree"


def test_a_start_named_with_since_agrees_end_to_end(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kzclaims.claims import load_claims
    from kzclaims.pipeline import compare
    from kzclaims.sources import load_sources

    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n  - id: start\n    title: Start of the blockade\n    kind: date\n"
        "    find: [date the farmers' blockade of the border crossings began]\n",
        encoding="utf-8",
    )
    src = tmp_path / "sources"
    src.mkdir()
    (src / "a.txt").write_text(
        "VERESK, 9 February 2024 - Farmers have blockaded the border crossings since Monday, "
        "5 February.\n", encoding="utf-8",
    )
    (src / "b.txt").write_text(
        "VERESK, 9 February 2024 - The farmers' blockade of the border crossings began on "
        "Monday, 5 February.\n", encoding="utf-8",
    )
    report = compare(load_claims(tmp_path / "claims.yaml"), load_sources(src))
    [claim] = report.claims
    assert [(f.value, f.qualifier) for f in claim.findings] == [
        ("2024-02-05", "exact"), ("2024-02-05", "exact")
    ]
    assert claim.verdict == "agree"
