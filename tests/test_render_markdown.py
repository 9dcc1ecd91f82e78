"""The Markdown report.

Golden files: ``tests/fixtures/expected/sample.md`` and ``sample-compared.md``, rendered from
the JSON fixtures in ``tests/fixtures/reports/`` (so they also exercise load_report).
Regenerate after an intended change with ``KZCLAIMS_REGEN=1 /work/venv/bin/pytest
tests/test_render_*.py`` and review the diff.
"""

from __future__ import annotations

import re
from dataclasses import replace

from report_factory import (
    SOURCES,
    claim,
    compared_report,
    found,
    missing,
    sample_report,
    with_claims,
)

from kzclaims.model import Change, Report, SourceInfo
from kzclaims.render.markdown import escape_markdown, render_markdown, render_step_summary


def _unescaped_pipes(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row))


def test_table_shape_survives_pipes_and_newlines() -> None:
    text = render_markdown(sample_report())
    rows = [line for line in text.splitlines() if line.startswith("|")]
    header, sep, *body = rows
    assert header == ("| Claim | Expected | The Diplomatic Insight | Akorda | RFE/RL | Verdict |")
    assert sep == "|---|---|---|---|---|---|"
    assert len(body) == 6
    assert all(_unescaped_pipes(r) == _unescaped_pipes(header) for r in body)
    deaths = body[1]
    assert "100% \\| all" in deaths and "<br>incl. \\<Almaty\\> \\& others" in deaths


def test_cells() -> None:
    body = [ln for ln in render_markdown(sample_report()).splitlines() if ln.startswith("| ")]
    troops = body[1].split(" | ")
    assert troops[0] == "| Size of the CSTO peacekeeping contingent<br>`csto-troops`"
    assert troops[1:] == ["2,030", "2,030 troops", "2030 servicemen (2,030)", "—",
                          "agree |"]
    deaths = body[2]
    assert "more than 160 (≥160) *≠ expected*" in deaths and deaths.endswith("| **conflict** |")
    assert "almost 230 (≈230)" in deaths
    assert "within 10 days (≤10 days)" in body[3]
    assert "| 8–9% | — | — | — | missing |" in body[5]
    assert "| stated | — | stated | agree |" in body[6]


def test_summary_and_heading() -> None:
    text = render_markdown(sample_report())
    assert text.startswith("# January 2022 events in Kazakhstan\n\n")
    assert ("6 claims from `claims.yaml`, 3 sources: 1 conflict, 1 consistent, 2 agree, "
            "1 single, 1 missing.") in text
    untitled = replace(sample_report(), title=None)
    assert render_markdown(untitled).startswith("# kzclaims report\n")


def test_no_expected_column_when_no_claim_has_one() -> None:
    r = with_claims(sample_report(), sample_report().claims[2])
    assert "Expected" not in render_markdown(r)


def test_changes_section() -> None:
    assert "Changes since baseline" not in render_markdown(sample_report())
    none = render_markdown(replace(sample_report(), changes=(), baseline_file="b.json"))
    assert "## Changes since baseline\n\nBaseline: `b.json`\n\nNo changes since baseline.\n" in none
    text = render_markdown(compared_report())
    assert "| Claim | Source | Change | Was | Now |" in text
    assert "| `deaths` | Akorda | value changed | about 250 (≈250) | almost 230 (≈230) |" in text
    assert "| `emergency` |   | claim removed | single |   |" in text


def test_quotes_section() -> None:
    text = render_markdown(sample_report())
    assert "<details>\n<summary>Quotes</summary>\n" in text and text.endswith("</details>\n")
    assert ("- **The Diplomatic Insight**: 2,030 troops; "
            "`sources/tdi-2022-01-12.txt:17`, score 91.4\n"
            "  > The mission consists of 2,030 troops and 250 units of military equipment.\n"
            ) in text
    assert "- **The Diplomatic Insight**: no value read; " in text  # the near miss
    assert "<details>" not in render_markdown(sample_report(), quotes=False)


def test_duplicate_outlets_get_their_id() -> None:
    sources = (SourceInfo("a1", "Akorda", "a1.txt"), SourceInfo("a2", "Akorda", "a2.txt"))
    r = Report("c.yaml", sources, (claim("x", "single", [found("a1", "5", 5), missing("a2")]),))
    assert "| Claim | Akorda (a1) | Akorda (a2) | Verdict |" in render_markdown(r)


def test_empty_report() -> None:
    text = render_markdown(Report("c.yaml", SOURCES, ()))
    assert "0 claims from `c.yaml`, 3 sources: nothing to compare." in text
    assert "|" not in text


def test_escape_markdown() -> None:
    assert escape_markdown("a|b *c* _d_ `e` [f](g) <h> ~i~ #j &k $l\\") == (
        "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\<h\\> \\~i\\~ \\#j \\&k \\$l\\\\"
    )
    assert escape_markdown("x\r\ny\nz", newline="<br>") == "x<br>y<br>z"


def test_deterministic() -> None:
    assert render_markdown(compared_report()) == render_markdown(compared_report())


# ---- the job summary: GitHub drops a step summary over 1 MiB ---------------------------------


def _big(n: int) -> Report:
    claims = tuple(
        claim(f"claim-{i}", "conflict" if i % 10 == 9 else "agree", [
            found("tdi", f"{i} troops", i, quote="q" * 200), found("akorda", f"{i} men", i),
            missing("rfe"),
        ], title=f"Claim number {i}")
        for i in range(n)
    )
    changes = tuple(Change("claim_added", f"claim-{i}", new="agree") for i in range(n))
    return Report("claims.yaml", SOURCES, claims, changes=changes, baseline_file="b.json")


def test_step_summary_is_the_full_report_when_it_fits() -> None:
    assert render_step_summary(compared_report()) == render_markdown(compared_report())


def test_step_summary_drops_quotes_first() -> None:
    r = _big(40)
    full = render_markdown(r)
    size = len(full.encode("utf-8"))
    short = render_step_summary(r, max_bytes=size - 1)
    assert "<details>" not in short and "quotes left out" in short
    lines = short.splitlines()
    assert sum(ln.startswith("| Claim number") for ln in lines) == 40  # every claim row
    assert sum(ln.startswith("| `claim-") for ln in lines) == 40  # every change row


def test_step_summary_cuts_rows_keeping_conflicts() -> None:
    r = _big(200)
    budget = 20_000
    text = render_step_summary(r, max_bytes=budget)
    assert len(text.encode("utf-8")) <= budget
    assert "more claims not shown here" in text and "more changes not shown here" in text
    rows = [ln for ln in text.splitlines() if ln.startswith("| Claim number")]
    assert 0 < len(rows) < 200
    # all 20 conflicts are kept before any other verdict, in file order
    conflicts = [ln for ln in rows if ln.endswith("| **conflict** |")]
    assert len(conflicts) == 20
    assert rows == sorted(rows, key=lambda ln: int(ln.split("claim-")[1].split("`")[0]))
    assert render_step_summary(r, max_bytes=budget) == text  # deterministic
    # one more byte of budget never gives fewer rows
    more = render_step_summary(r, max_bytes=budget + 2000)
    assert len([ln for ln in more.splitlines() if ln.startswith("| Claim number")]) >= len(rows)


def test_markdown_within_a_character_limit_for_a_pull_request_comment() -> None:
    # QA7 Q9 / QA8: GitHub refuses a comment over 65,536 characters; a 500-claim run's Markdown
    # was three times that, and only the library could cut it
    from kzclaims.render.markdown import render_markdown_within

    r = _big(500)
    assert len(render_markdown(r)) > 65_536
    text = render_markdown_within(r, 65_000)
    assert len(text) <= 65_000 and "Shortened to fit 65,000 characters: quotes left out" in text
    rows = render_markdown_within(r, 30_000)
    assert len(rows) <= 30_000 and "more claims not shown here" in rows
    small = compared_report()
    assert render_markdown_within(small, 65_000) == render_markdown(small)
    # characters, not bytes: Cyrillic text fits a character limit its UTF-8 bytes would not
    ru = replace(r, claims=tuple(replace(c, title="Число погибших " * 3) for c in r.claims[:60]))
    full = render_markdown(ru)
    assert len(full) < len(full.encode("utf-8"))
    assert render_markdown_within(ru, len(full)) == full
    assert render_step_summary(ru, max_bytes=len(full)) != full  # a byte budget cuts it


def test_a_compact_reports_markdown_is_cut_too() -> None:
    # the per-claim summaries of a large (compact) run ignored the row limit: nothing was cut
    from kzclaims.render.markdown import render_markdown_within

    r = replace(_big(500), compact=True, changes=None)
    text = render_markdown_within(r, 20_000)
    assert len(text) <= 20_000 and "more claims not shown here" in text
    assert sum(line.startswith("## claim-") for line in text.splitlines()) > 10


def test_a_dropped_cells_quote_says_why_it_was_left_out() -> None:
    # QA8: a value the agreement across sources dropped read "no value read" under its quote,
    # as if the passage held none ("Of the 87 passengers ... Twelve people are still missing")
    why = "abstained: its value “Twelve people” scores 100, no other source gives it"
    r = Report("claims.yaml", SOURCES, (claim("passengers", "agree", [
        found("tdi", "87 people", 87), found("akorda", "87 passengers", 87),
        missing("rfe", quote="Twelve people are still missing.", line=4, score=100.0, why=why,
                agreement="dropped"),
    ]),))
    text = render_markdown(r)
    assert f"- **RFE/RL**: {why}; `sources/rfe.md:4`, score 100" in text
    assert "no value read" not in text
