"""Wrong arguments to the library are errors, not silent empty reports (QA5 Q11)."""

from __future__ import annotations

import math

import pytest

from kzclaims import Corpus, Source, compare, explain, parse_claims

CLAIMS = parse_claims(
    "version: 1\nclaims:\n  - id: troops\n    title: Troops\n    kind: count\n"
    "    find: [troops sent]\n",
    "claims.yaml",
)
TEXT = "About 2,030 troops were sent to the country."


def _corpus(*ids: str) -> Corpus:
    return Corpus(directory="", sources=tuple(Source(id=i, file=f"{i}.txt", text=TEXT) for i in ids))


@pytest.mark.parametrize("threshold", [150, -5, math.nan, math.inf, 100.5])
def test_a_threshold_outside_0_to_100_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold must be a number from 0 to 100"):
        compare(CLAIMS, _corpus("a"), threshold=threshold)
    with pytest.raises(ValueError, match="threshold must be a number from 0 to 100"):
        explain(CLAIMS.claims[0], _corpus("a"), threshold=threshold)


@pytest.mark.parametrize("threshold", ["75", True])
def test_a_threshold_that_is_not_a_number_is_a_type_error(threshold: object) -> None:
    with pytest.raises(TypeError, match="threshold must be a number"):
        compare(CLAIMS, _corpus("a"), threshold=threshold)  # type: ignore[arg-type]


@pytest.mark.parametrize("threshold", [0, 0.0, 60, 100, None])
def test_thresholds_in_range_run(threshold: float | None) -> None:
    (finding,) = compare(CLAIMS, _corpus("a"), threshold=threshold).claims[0].findings
    assert finding.source == "a"
    assert finding.found and finding.value == 2030


def test_two_sources_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="two sources have the id 'a'"):
        compare(CLAIMS, _corpus("a", "b", "a"))
    assert len(compare(CLAIMS, _corpus("a", "b")).claims[0].findings) == 2
