"""compare.outliers / disagreements: which cells of a conflict disagree with most others."""

from __future__ import annotations

from report_factory import claim, found, missing

from kzclaims.compare import disagreements, findings_overlap, outliers


def approx(source: str, value: int) -> object:
    return found(source, f"about {value}", value, qualifier="approx", low=value * 0.9,
                 high=value * 1.1)


def test_one_source_against_the_rest_is_the_outlier() -> None:
    c = claim("c", "conflict", [approx("a", 2000), approx("b", 2500), found("c", "2,030", 2030),
                                missing("d")])
    assert outliers(c) == ("b",)
    assert disagreements(c) == {"a": ("b",), "b": ("a", "c"), "c": ("b",)}


def test_no_outlier_between_two_or_two_equal_camps() -> None:
    two = claim("c", "conflict", [found("a", "164", 164), found("b", "225", 225)])
    assert outliers(two) == ()
    camps = claim("c", "conflict", [found("a", "164", 164), found("b", "164", 164),
                                    found("c", "225", 225), found("d", "225", 225)])
    assert outliers(camps) == ()


def test_bridging_value_leaves_no_outlier() -> None:
    # a and b conflict, c is compatible with both: nobody disagrees with most others
    c = claim("c", "conflict", [found("a", "10", 10, low=9, high=11),
                                found("b", "14", 14, low=13, high=15),
                                found("c", "up to 20", 20, qualifier="at_most", low=0, high=20)])
    assert outliers(c) == ()


def test_no_outlier_when_most_cells_would_be_marked() -> None:
    """ "at least 11", "14", "13", "11": each exact figure disagrees with two of the three others,
    so three of four would be marked; to a reader that says nothing (QA8 S9)."""
    c = claim("c", "conflict", [found("a", "не менее 11", 11, qualifier="at_least", low=11,
                                      high=None),
                                found("b", "14", 14), found("c", "13", 13), found("d", "11", 11)])
    assert sorted(s for s, d in disagreements(c).items() if len(d) >= 2) == ["b", "c", "d"]
    assert outliers(c) == ()


def test_two_outliers_against_a_majority() -> None:
    c = claim("c", "conflict", [found(s, "225", 225) for s in "abc"]
              + [found("d", "100", 100), found("e", "90", 90, low=85, high=101)])
    assert outliers(c) == ("d", "e")


def test_only_conflicts_have_outliers() -> None:
    c = claim("c", "consistent", [approx("a", 2000), approx("b", 2500), found("c", "2", 2030)])
    assert outliers(c) == ()


def test_open_ends_and_dates() -> None:
    at_least = found("a", "more than 160", 160, qualifier="at_least", low=160, high=None)
    assert findings_overlap(at_least, found("b", "225", 225), "count")
    assert not findings_overlap(at_least, found("b", "100", 100), "count")
    by_19 = found("a", "by January 19", "2022-01-19", qualifier="at_most", low=None,
                  high="2022-01-19")
    assert findings_overlap(by_19, found("b", "Jan 13", "2022-01-13"), "date")
    assert not findings_overlap(found("b", "Jan 23", "2022-01-23"), by_19, "date")
    r1 = found("a", "5-19", ["2022-01-05", "2022-01-19"], low="2022-01-05", high="2022-01-19")
    r2 = found("b", "5-23", ["2022-01-05", "2022-01-23"], low="2022-01-05", high="2022-01-23")
    assert findings_overlap(r1, r1, "date_range") and not findings_overlap(r1, r2, "date_range")
