"""The text table never folds a value inside a column: when one would not fit, each claim becomes a
block with one line per source (the README's promise: no value is ever cut)."""

from __future__ import annotations

from report_factory import SOURCES, found, missing

from kzclaims.model import ClaimResult, Report
from kzclaims.render.text import render_text


def _report() -> Report:
    claim = ClaimResult(
        "emergency-period",
        "Emergency period",
        "date_range",
        "consistent",
        (
            found("tdi", "from January 5 to 19", ["2022-01-05", "2022-01-19"],
                  low="2022-01-05", high="2022-01-19"),
            found("akorda", "5-19 January", ["2022-01-05", "2022-01-19"],
                  low="2022-01-05", high="2022-01-19"),
            missing("rfe"),
        ),
    )
    return Report("claims.yaml", SOURCES, (claim,))


def test_a_value_that_would_be_folded_gives_blocks_instead() -> None:
    out = render_text(_report(), width=80)
    assert "2022-01-05/2022-01-19" in out or "2022-01-05–2022-01-19" in out
    lines = out.splitlines()
    assert not any(line.rstrip().endswith("2022-01-05/20") for line in lines)


def test_a_wide_terminal_keeps_the_table() -> None:
    out = render_text(_report(), width=160)
    assert "Verdict" in out  # the table's header
