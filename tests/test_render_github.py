"""GitHub Actions workflow commands: mapping, escaping and the per-step annotation caps.

Golden files: ``tests/fixtures/expected/sample.github`` and ``sample-compared.github``.
Regenerate after an intended change with ``KZCLAIMS_REGEN=1 /work/venv/bin/pytest
tests/test_render_*.py`` and review the diff.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from report_factory import (
    SOURCES,
    claim,
    compared_report,
    found,
    missing,
    sample_report,
)

from kzclaims.errors import Problem
from kzclaims.model import Change, Report
from kzclaims.render.github import (
    escape_data,
    escape_property,
    problem_annotation,
    render_github,
    workflow_command,
)

_UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def _unescape(s: str, *, prop: bool) -> str:
    pattern = r"%25|%0D|%0A|%3A|%2C" if prop else r"%25|%0D|%0A"
    return re.sub(pattern, lambda m: _UNESCAPE[m.group(0)], s)


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """Parse one workflow command the way the Actions runner does (ActionCommand, v2 syntax)."""
    m = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
    assert m, line
    props: dict[str, str] = {}
    if m.group(2):
        for pair in m.group(2).split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape(value, prop=True)
    return m.group(1), props, _unescape(m.group(3), prop=False)


def commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    return [parse(line) for line in text.splitlines()]


def test_escaping_exactly_like_github() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert escape_data("%0A") == "%250A"  # an escape sequence in the input stays literal
    assert workflow_command("notice", "m") == "::notice::m"
    assert workflow_command("error", "m", file="a,b.yaml", line=3, col=None) == (
        "::error file=a%2Cb.yaml,line=3::m"
    )


def test_mapping_and_round_trip_of_awkward_titles() -> None:
    cmds = commands(render_github(compared_report()))
    levels = [c[0] for c in cmds]
    assert levels == ["error"] + ["warning"] * 7 + ["notice"]
    _, props, message = cmds[0]
    deaths = sample_report().claims[1]
    # commas, colons, percent signs, a newline, quotes and <>& survive the round trip
    assert props == {"file": "claims.yaml", "line": "14", "title": f"Conflict: {deaths.title}"}
    assert message.splitlines() == [
        "The sources' values for deaths do not overlap:",
        "- The Diplomatic Insight: 225 people (sources/tdi-2022-01-12.txt:20)",
        "- Akorda: almost 230 (≈230) (sources/akorda.txt:9)",
        "- RFE/RL: more than 160 (≥160) (sources/rfe.md:3)",
    ]
    # every command is a single physical line
    assert len(render_github(compared_report()).splitlines()) == len(cmds)


def test_changes_are_warnings_on_the_claim_line() -> None:
    cmds = commands(render_github(compared_report()))
    value = [c for c in cmds if c[0] == "warning" and "value changed" in c[2]]
    assert value == [("warning", {
        "file": "claims.yaml", "line": "14",
        "title": f"Changed since baseline: {sample_report().claims[1].title}",
    }, "deaths / Akorda: value changed since the baseline: about 250 (≈250) -> almost 230 (≈230)")]
    removed = [c for c in cmds if "claim removed" in c[2]]
    assert removed[0][1] == {"file": "claims.yaml",
                             "title": "Changed since baseline: State of emergency declared"}


def test_missing_is_a_notice() -> None:
    cmds = commands(render_github(sample_report()))
    assert cmds[-1] == ("notice", {
        "file": "claims.yaml", "line": "35", "title": "Not found: Annual inflation",
    }, "inflation: not found in any of the 3 sources.")


def test_nothing_to_annotate() -> None:
    r = Report("c.yaml", SOURCES, (sample_report().claims[0],), changes=())
    assert render_github(r) == ""


def _many(n_conflict: int, n_missing: int, n_changes: int) -> Report:
    claims = [claim(f"c{i}", "conflict", [found("tdi", "1", 1), found("akorda", "2", 2),
                                          missing("rfe")], line=i + 1)
              for i in range(n_conflict)]
    claims += [claim(f"m{i}", "missing", [missing("tdi"), missing("akorda"), missing("rfe")])
               for i in range(n_missing)]
    changes = tuple(Change("claim_added", f"m{i}", new="missing") for i in range(n_changes))
    return Report("c.yaml", SOURCES, tuple(claims), changes=changes)


@pytest.mark.parametrize(("conflicts", "missing_", "changes", "shown", "overflow"), [
    (10, 10, 10, {"error": 10, "warning": 10, "notice": 10}, None),
    (11, 0, 0, {"error": 10, "warning": 0, "notice": 1}, "1 more annotation not shown (1 error)"),
    (25, 3, 12, {"error": 10, "warning": 10, "notice": 3 + 1},
     "17 more annotations not shown (15 errors, 2 warnings)"),
    (0, 12, 0, {"error": 0, "warning": 0, "notice": 9 + 1},
     "3 more annotations not shown (3 notices)"),
    (12, 12, 0, {"error": 10, "warning": 0, "notice": 9 + 1},
     "5 more annotations not shown (2 errors, 3 notices)"),
])
def test_caps_per_level_with_one_overflow_notice(
    conflicts: int, missing_: int, changes: int, shown: dict[str, int], overflow: str | None
) -> None:
    cmds = commands(render_github(_many(conflicts, missing_, changes)))
    counts = {level: sum(c[0] == level for c in cmds) for level in ("error", "warning", "notice")}
    assert counts == shown
    last = cmds[-1]
    if overflow is None:
        assert "not shown" not in last[2]
    else:
        assert last[0] == "notice" and last[2].startswith(overflow)
        assert "see the job summary" in last[2]
        assert sum("not shown" in c[2] for c in cmds) == 1
    # the first ones in report order are the ones shown
    errors = [c for c in cmds if c[0] == "error"]
    assert [c[1]["line"] for c in errors] == [str(i + 1) for i in range(min(conflicts, 10))]


def test_custom_limit() -> None:
    cmds = commands(render_github(_many(3, 0, 0), limit=2))
    assert [c[0] for c in cmds] == ["error", "error", "notice"]


def test_no_file_property_without_claims_file() -> None:
    r = replace(_many(1, 0, 0), claims_file="")
    assert commands(render_github(r))[0][1] == {"line": "1", "title": "Conflict: C0"}


def test_problem_annotation() -> None:
    p = Problem("claims.yaml", 7, 5, 'unknown key "expect", did you mean "expected"?',
                code="unknown-key")
    line = problem_annotation(p)
    assert "\n" not in line
    assert parse(line) == ("error", {"file": "claims.yaml", "line": "7", "col": "5",
                                     "title": "kzclaims: unknown-key"}, p.message)
    w = Problem("sources/a,b.txt", None, 3, "empty file", "warning", "empty")
    assert parse(problem_annotation(w)) == (
        "warning", {"file": "sources/a,b.txt", "title": "kzclaims: empty"}, "empty file"
    )
