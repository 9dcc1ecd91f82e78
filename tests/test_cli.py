"""The command line through typer's CliRunner: exit codes, stdout/stderr separation, every error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_main import invoke as run

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


def test_compare_text_default(corpus: Path) -> None:
    code, out, err = run("compare")
    assert code == 0 and err == ""
    assert "Fixture corpus — 4 claims × 3 sources: 1 conflict, 2 agree, 1 missing" in out
    for text in ("News Agency", "“2,030 troops”", "≈2,000", "“Roughly 2,500 troops”", "≠ expected", "conflict", "missing"):
        assert text in out
    assert "\x1b[" not in out  # NO_COLOR, not a terminal


def test_compare_narrow_terminal_keeps_every_value(corpus: Path) -> None:
    code, out, _ = run("compare", env={"COLUMNS": "60"})
    assert code == 0
    assert "  Weekly: ! ≈2,500 ≠ expected  “Roughly 2,500 troops”" in out
    assert "  Daily: —" in out


def test_compare_evidence(corpus: Path) -> None:
    code, out, _ = run("compare", "--evidence")
    assert code == 0
    assert "sources/agency.txt:4, score 100.0" in out
    assert "read “in two days” → 2022-01-13 (relative to 2022-01-11)" in out


def test_compare_json_is_only_the_payload(corpus: Path) -> None:
    code, out, err = run("compare", "--format", "json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["schema_version"] == 1 and report["claims_file"] == "claims.yaml"
    assert [s["id"] for s in report["sources"]] == ["agency", "daily", "weekly"]
    troops = report["claims"][0]
    assert troops["verdict"] == "conflict" and troops["expected"] == 2030
    f = troops["findings"][0]
    assert {k: f[k] for k in ("source", "found", "text", "value", "qualifier", "low", "high", "line", "matches_expected")} == {
        "source": "agency", "found": True, "text": "2,030 troops", "value": 2030, "qualifier": "exact",
        "low": 2030, "high": 2030, "line": 3, "matches_expected": True,
    }
    start = report["claims"][1]["findings"][0]
    assert (start["value"], start["reference_date"]) == ("2022-01-13", "2022-01-11")
    assert report["claims"][3]["findings"] == [
        {"source": "agency", "found": False}, {"source": "daily", "found": False}, {"source": "weekly", "found": False}
    ]


def test_json_is_deterministic(corpus: Path) -> None:
    first = run("compare", "--format", "json")[1]
    second = run("compare", "--format", "json")[1]
    assert first == second


def test_markdown_github_junit_print_payload_only(corpus: Path) -> None:
    code, out, err = run("compare", "--format", "markdown")
    assert code == 0 and err == "" and out.startswith("# Fixture corpus") and "troops" in out
    code, out, err = run("compare", "--format", "github")
    assert code == 0 and err == "" and out.startswith("::")
    code, out, err = run("compare", "--format", "junit")
    assert code == 0 and err == "" and out.startswith("<?xml")


def test_claim_filter_and_threshold(corpus: Path) -> None:
    report = json.loads(run("compare", "--format", "json", "--claim", "toll", "--claim", "troops")[1])
    assert [c["id"] for c in report["claims"]] == ["troops", "toll"]  # file order
    code, _, err = run("compare", "--claim", "trops")
    assert code == 2 and err == "claims.yaml: error: no claim with id `trops`; did you mean `troops`?\n"
    report = json.loads(run("compare", "--format", "json", "--threshold", "100", "--claim", "emergency")[1])
    assert report["claims"][0]["verdict"] == "agree"


def test_output_file_is_written_and_stdout_empty(corpus: Path) -> None:
    code, out, err = run("compare", "--format", "json", "--output", "report.json")
    assert code == 0 and out == "" and err == ""
    assert json.loads((corpus / "report.json").read_text(encoding="utf-8"))["schema_version"] == 1
    code, out, _ = run("compare", "--output", "report.txt")
    assert code == 0 and out == ""
    assert "“Roughly 2,500 troops”" in (corpus / "report.txt").read_text(encoding="utf-8")


def test_fail_on(corpus: Path) -> None:
    code, out, err = run("compare", "--format", "json", "--fail-on", "conflict")
    assert code == 1 and json.loads(out)
    assert "--fail-on" in err and "troops" in err
    assert run("compare", "--fail-on", "conflict,missing")[0] == 1
    assert run("compare", "--claim", "emergency", "--fail-on", "conflict", "--fail-on", "missing")[0] == 0
    code, _, err = run("compare", "--fail-on", "sometimes")
    assert code == 2 and "unknown condition `sometimes`" in err


@pytest.mark.parametrize(
    ("claims_text", "message"),
    [
        ("version: 1\nclaims:\n  - id: a\n    title: [x\n", "claims.yaml:4:12: error: invalid YAML: this `[` is never closed"),
        ("version: 1\nclaims:\n  - id: a\n    title: T\n    kind: count\n    find: x\n    colour: red\n",
         "claims.yaml:7:5: error: unknown key `colour` in claim `a`"),
        ("version: 1\nclaims:\n  - {id: a, title: T, kind: count, find: x}\n  - {id: a, title: T, kind: count, find: y}\n",
         "claims.yaml:4:10: error: duplicate claim id `a` (first used at line 3)"),
        ("version: 1\nclaims:\n  - {id: a, title: T, kind: counts, find: x}\n", "claims.yaml:3:29: error: unknown kind `counts`"),
        ("version: 1\nclaims:\n  - {id: a, kind: count}\n", "claims.yaml:3:5: error: claim `a` is missing required key `title`"),
        ("version: 1\nclaims:\n  - {id: a, title: T, kind: date, find: x, expected: soon}\n",
         "claims.yaml:3:54: error: `expected` for a date claim must be"),
    ],
)
def test_claims_errors_exit_2_with_one_line_each(corpus: Path, claims_text: str, message: str) -> None:
    (corpus / "claims.yaml").write_text(claims_text, encoding="utf-8")
    code, out, err = run("compare", "--format", "json", "--output", "out.json")
    assert code == 2 and out == ""
    assert err.startswith(message), err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (corpus / "out.json").exists()  # nothing half-written


def test_source_errors(corpus: Path) -> None:
    src = corpus / "sources"
    (src / "daily.txt").write_bytes(b"\x00\x01\x02binary")
    (src / "weekly.txt").write_bytes(b"%PDF-1.7\n\x00\x01 truncated")
    code, out, err = run("compare")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "sources/daily.txt: error: binary file, not text, and no reader knows it (sources may be .txt, .md, .html, .htm, .pdf or .docx files)"
    assert lines[1].startswith("sources/weekly.txt: error: not a readable PDF (corrupt or truncated: ")
    assert len(lines) == 2 and "UTF-8" not in err
    (src / "daily.txt").unlink()
    code, _, err = run("compare")
    assert code == 2 and "sources/sources.yaml:6:11: error: source file not found: sources/daily.txt" in err


def test_missing_inputs(corpus: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("compare", "--sources", str(empty))
    assert code == 2 and err.endswith("error: no sources: the folder has no .txt, .md, .html, .htm, .pdf or .docx files and no sources.yaml\n")
    code, _, err = run("compare", "--sources", "nowhere", "--claims", "nothing.yaml")
    assert code == 2 and err.splitlines() == [
        "nothing.yaml: error: file not found",
        "nowhere: error: sources folder not found",
        "kzclaims: hint: run kzclaims in the folder that holds claims.yaml and sources/, or pass --claims FILE and --sources DIR",
    ]


def test_unknown_option_is_usage_error(corpus: Path) -> None:
    code, _, err = run("compare", "--bogus")
    assert code == 2 and "No such option" in err


def test_user_files_are_never_modified(corpus: Path) -> None:
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    run("compare", "--evidence")
    run("compare", "--format", "json")
    run("check")
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before


def test_check_reports_everything_at_once(corpus: Path) -> None:
    (corpus / "claims.yaml").write_text(
        "version: 1\n"
        "claims:\n"
        "  - id: Troops\n"
        "    title: T\n"
        "    kind: cont\n"
        "    find: []\n"
        "    expeted: 3\n"
        "  - id: b\n"
        "    title: T\n"
        "    kind: date\n"
        "    find: x\n"
        "    expected: 2022-02-30\n"
        "    threshold: 101\n",
        encoding="utf-8",
    )
    (corpus / "sources" / "stray.txt").write_text("Not listed.\n", encoding="utf-8")
    code, out, err = run("check")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "claims.yaml:3:9: error: invalid id `Troops`: use lower-case letters, digits and dashes; try `troops`",
        "claims.yaml:5:11: error: unknown kind `cont`; did you mean `count`? kinds are: count, number, percent, date, date_range, duration, statement",
        "claims.yaml:6:11: error: `find` is empty; give at least one phrasing to look for",
        "claims.yaml:7:5: error: unknown key `expeted` in claim `Troops`, did you mean `expected`?",
        "claims.yaml:12:15: error: not a valid date `2022-02-30`: day is out of range for month",
        "claims.yaml:13:16: error: `threshold` must be a number from 0 to 100, not 101",
        "sources/stray.txt: warning: not listed in sources/sources.yaml; it is not compared (add it to the manifest)",
        "kzclaims: 6 errors, 1 warning",
    ]


def test_check_ok_warns_about_unmentioned_claims(corpus: Path) -> None:
    code, out, err = run("check")
    assert code == 0 and out == ""
    assert err.splitlines() == [
        "claims.yaml:19:5: warning: claim `toll` is not mentioned by any source (no passage scores 75 or more; see `kzclaims explain toll`)",
        "kzclaims: 4 claims and 3 sources are valid (1 warning)",
    ]


def test_check_github_format(corpus: Path) -> None:
    code, out, _ = run("check", "--format", "auto", env={"GITHUB_ACTIONS": "true"})
    assert code == 0
    assert out.startswith("::warning file=claims.yaml,line=19,col=5")


def test_github_annotations_name_files_from_the_top_of_the_repository(corpus: Path) -> None:
    # QA6 Q11: GitHub reads an annotation's file= from the repository's top; run in a folder
    # below it (the action's working-directory), `file=claims.yaml` landed on no file
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(corpus.parent)}
    code, out, _ = run("check", "--format", "auto", env=env)
    assert code == 0
    assert out.startswith("::warning file=case/claims.yaml,line=19,col=5")
    code, out, _ = run("compare", "--format", "github", "--no-step-summary", env=env)
    assert code == 0
    assert "::error file=case/claims.yaml,line=" in out and "file=claims.yaml" not in out
    # outside the workspace (or without one): as given
    env["GITHUB_WORKSPACE"] = str(corpus.parent / "elsewhere")
    code, out, _ = run("compare", "--format", "github", "--no-step-summary", env=env)
    assert "::error file=claims.yaml,line=" in out


def test_explain(corpus: Path) -> None:
    code, out, err = run("explain", "troops")
    assert code == 0 and err == ""
    assert "troops — Size of the contingent" in out
    assert "Weekly (weekly, sources/weekly.txt)  → ≈2,500  from “Roughly 2,500 troops”" in out
    assert "✓ “Roughly 2,500”" in out
    code, out, _ = run("explain", "toll")
    assert code == 0 and "→ not found" in out
    code, _, err = run("explain", "nope")
    assert code == 2 and "no claim with id `nope`" in err


def test_sources_command(corpus: Path) -> None:
    code, out, _ = run("sources")
    assert code == 0
    assert "agency" in out and "News Agency" in out and "2022-01-11" in out
    # QA9 Q8: a line that sums up a folder of hundreds of files
    for columns in ("60", "250"):  # the block view and the table
        out = run("sources", env={"COLUMNS": columns})[1]
        assert " ".join(out.split("\n\n")[-1].split()) == (
            "3 sources, 469 B: 3 en; published 2022-01-11 to 2022-01-14; every source mentions"
            " a claim"), out
    data = json.loads(run("sources", "--format", "json")[1])
    assert [(s["id"], s["claims"]) for s in data["sources"]] == [
        ("agency", ["troops", "withdrawal-start", "emergency"]),
        ("daily", ["troops", "withdrawal-start"]),
        ("weekly", ["troops", "emergency"]),
    ]


def test_sources_shows_the_title_and_whether_it_was_read_from_the_file(corpus: Path) -> None:
    # README: what the manifest leaves out is taken from the file, "and reported as inferred
    # (`kzclaims sources` shows it)"; the title read from a page was shown by no view of `sources`
    (corpus / "sources" / "page.html").write_text(
        "<html><head><title>Troops leave Almaty</title></head><body><article><h1>Troops leave"
        " Almaty</h1><p>The contingent of 2,030 troops began to leave on January 13, 2022, the"
        " ministry said in a statement on Thursday.</p></article></body></html>",
        encoding="utf-8",
    )
    manifest = corpus / "sources" / "sources.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "  - file: page.html\n",
                        encoding="utf-8")
    data = json.loads(run("sources", "--format", "json")[1])
    page = data["sources"][-1]
    assert (page["id"], page["title"], page["title_inferred"]) == (
        "page", "Troops leave Almaty", True)
    for columns in ("60", "250"):  # the block view and the table
        out = run("sources", env={"COLUMNS": columns})[1]
        assert "Troops leave Almaty (read from the file)" in out, out


def test_schema_command() -> None:
    code, out, _ = run("schema", "claims")
    assert code == 0 and json.loads(out)["type"] == "object"
    assert run("schema", "tables")[0] == 2


def test_baseline_routine(corpus: Path) -> None:
    code, _, _ = run("compare", "--format", "json", "--baseline", "baseline.json", "--update-baseline", "--output", "r.json")
    assert code == 0 and (corpus / "baseline.json").exists()
    # unchanged: silent and green
    code, out, _ = run("compare", "--baseline", "baseline.json", "--fail-on", "changed")
    assert code == 0 and "No changes since baseline.json." in out
    # a source edit that changes a value names exactly that claim and source
    daily = corpus / "sources" / "daily.txt"
    daily.write_text(daily.read_text(encoding="utf-8").replace("about 2,000", "about 2,100"), encoding="utf-8")
    code, out, _err = run("compare", "--baseline", "baseline.json", "--fail-on", "changed", "--format", "json")
    assert code == 1
    changes = json.loads(out)["changes"]
    assert [(c["kind"], c["claim"], c["source"]) for c in changes] == [("value_changed", "troops", "daily")]
    # editing unrelated lines of claims.yaml is no change
    claims = corpus / "claims.yaml"
    claims.write_text("# a comment on top\n\n" + claims.read_text(encoding="utf-8"), encoding="utf-8")
    daily.write_text(daily.read_text(encoding="utf-8").replace("about 2,100", "about 2,000"), encoding="utf-8")
    code, out, _ = run("compare", "--baseline", "baseline.json", "--fail-on", "changed")
    assert code == 0 and "No changes since baseline.json." in out


def test_a_baseline_with_claim_compares_and_keeps_only_what_it_can(corpus: Path) -> None:
    # QA9 Q6: `--claim X --baseline b.json` listed every other claim as "claim removed" (and
    # failed --fail-on changed), and `--update-baseline` with it shrank the baseline to X
    code, _, _ = run("compare", "--baseline", "baseline.json", "--update-baseline")
    assert code == 0
    saved = (corpus / "baseline.json").read_text(encoding="utf-8")
    code, out, _ = run("compare", "--claim", "troops", "--baseline", "baseline.json",
                       "--fail-on", "changed")
    assert code == 0 and "No changes since baseline.json." in out, out
    daily = corpus / "sources" / "daily.txt"
    daily.write_text(daily.read_text(encoding="utf-8").replace("about 2,000", "about 2,100"),
                     encoding="utf-8")
    code, out, _ = run("compare", "--claim", "troops", "--baseline", "baseline.json",
                       "--format", "json")
    assert [(c["kind"], c["claim"]) for c in json.loads(out)["changes"]] == [
        ("value_changed", "troops")]
    code, _, err = run("compare", "--claim", "troops", "--baseline", "baseline.json",
                       "--update-baseline")
    assert code == 2 and "--update-baseline" in err and "--claim" in err, err
    assert (corpus / "baseline.json").read_text(encoding="utf-8") == saved


def test_diff_command(corpus: Path) -> None:
    run("compare", "--format", "json", "--output", "old.json")
    (corpus / "sources" / "weekly.txt").unlink()
    (corpus / "sources" / "sources.yaml").write_text(
        (corpus / "sources" / "sources.yaml").read_text(encoding="utf-8").split("  - file: weekly.txt")[0], encoding="utf-8"
    )
    run("compare", "--format", "json", "--output", "new.json")
    code, out, _ = run("diff", "old.json", "new.json", "--fail-on", "changed")
    assert code == 1 and "no longer found" in out and "troops" in out
    code, _, err = run("diff", "old.json", "missing.json")
    assert code == 2 and err == "missing.json: error: report not found\n"
    (corpus / "bad.json").write_text("{\"claims\": [", encoding="utf-8")
    code, _, err = run("diff", "old.json", "bad.json")
    assert code == 2 and err.startswith("bad.json:1:") and "Traceback" not in err


def test_step_summary_in_github_actions(corpus: Path) -> None:
    summary = corpus / "summary.md"
    code, out, _ = run("compare", "--format", "github", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert code == 0 and out.startswith("::")
    assert summary.read_text(encoding="utf-8").startswith("# Fixture corpus")
    summary.unlink()
    run("compare", "--no-step-summary", env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("kzclaims ")


def test_console_script_usage_errors_are_one_line(corpus: Path) -> None:
    """Through the real entry point (main), not CliRunner: usage errors too are one line, exit 2."""
    import subprocess
    import sys

    def main(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kzclaims", *args], capture_output=True, text=True,
                              env={"PATH": "", "NO_COLOR": "1", "COLUMNS": "100"}, check=False)

    p = main("compare", "--xyzzy")
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr == "kzclaims compare: error: No such option: --xyzzy (see `kzclaims compare --help`)\n"
    p = main("compare", "--fail-on", "changed")
    assert p.returncode == 2 and "`changed` needs --baseline FILE" in p.stderr
    (corpus / "claims.yaml").write_text("version: 1\nclaims: [\n", encoding="utf-8")
    p = main("compare")
    assert p.returncode == 2 and p.stdout == "" and p.stderr.startswith("claims.yaml:3:1: error: invalid YAML")
    assert "Traceback" not in p.stderr


def test_written_files_get_normal_permissions(corpus: Path) -> None:
    import os
    import stat

    umask = os.umask(0o022)
    try:
        run("compare", "--format", "json", "--output", "out/report.json")
    finally:
        os.umask(umask)
    mode = stat.S_IMODE((corpus / "out" / "report.json").stat().st_mode)
    assert mode == 0o644
    assert [p.name for p in (corpus / "out").iterdir()] == ["report.json"]  # no temporary left


def test_output_to_a_device_writes_through(corpus: Path) -> None:
    """`--output /dev/null` must write to the device, never replace it with a file."""
    import os
    import stat

    fifo = corpus / "pipe"
    os.mkfifo(fifo)
    import threading

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    code, _, _ = run("compare", "--format", "json", "--output", str(fifo))
    reader.join(timeout=10)
    assert code == 0 and stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"{")


def test_github_annotates_a_value_that_is_not_as_expected(corpus: Path) -> None:
    claims = corpus / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("expected: 2022-01-13", "expected: 2022-01-14"), encoding="utf-8")
    code, out, _ = run("compare", "--format", "github", "--claim", "withdrawal-start")
    assert code == 0
    assert out == (
        "::warning file=claims.yaml,line=10,title=Not as expected%3A Start of the withdrawal::"
        "withdrawal-start: a value does not fit the expected 2022-01-14:%0A"
        "- News Agency: in two days (2022-01-13)%0A- Daily: January 13 (2022-01-13)\n"
    )
    assert run("compare", "--claim", "withdrawal-start", "--fail-on", "mismatch")[0] == 1


def test_a_dozen_typical_mistakes_come_back_at_once(corpus: Path) -> None:
    """The issue's bar: every one of a dozen typical mistakes, at once, with line and column."""
    shutil.copy(FIXTURE.parent / "typical-mistakes.yaml", corpus / "claims.yaml")
    code, out, err = run("check", "--no-mentions")
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "claims.yaml:1:1: error: the claims file is missing required key `version`",
        "claims.yaml:3:9: error: invalid id `Troops Count`: use lower-case letters, digits and dashes; try `troops-count`",
        "claims.yaml:7:5: error: unknown key `expeted` in claim `Troops Count`, did you mean `expected`?",
        "claims.yaml:8:5: error: claim `withdrawal` is missing required key `title`",
        "claims.yaml:11:15: error: `expected` for a date claim must be a date `2022-01-13`, or `2022-01` / `2022`, not `13 January`",
        "claims.yaml:12:9: error: duplicate claim id `withdrawal` (first used at line 8)",
        "claims.yaml:14:11: error: unknown kind `durration`; did you mean `duration`? kinds are: count, number, percent, date, date_range, duration, statement",
        "claims.yaml:15:11: error: `find` is empty; give at least one phrasing to look for",
        "claims.yaml:20:15: error: `expected` for a percent claim must be a number, e.g. `30`, or a range `[3, 4]`, not that list (give `[low, high]` with low <= high)",
        "claims.yaml:21:16: error: `threshold` must be a number from 0 to 100, not 120",
        "claims.yaml:26:15: error: a `statement` claim takes no `expected`: it is found or not",
        "claims.yaml:31:15: error: `expected` for a date_range claim must be two dates, e.g. `[2022-01-05, 2022-01-19]`, not a list",
        "claims.yaml:32:16: error: `tolerance` must be a number of days (0 or more), not `-2`",
        "claims.yaml:37:11: error: `unit` must be text or a list of texts, not a mapping",
        "kzclaims: 14 errors, 0 warnings",
    ]


def test_step_summary_never_appends_to_an_input(corpus: Path) -> None:
    before = (corpus / "claims.yaml").read_bytes()
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(corpus / "claims.yaml")}
    code, _, err = run("compare", "--format", "github", env=env)
    assert code == 2
    assert "$GITHUB_STEP_SUMMARY names an input file" in err
    assert (corpus / "claims.yaml").read_bytes() == before


def test_claim_ids_comma_separated_as_repeated(corpus: Path) -> None:
    code, out, _ = run("compare", "--claim", "troops,toll", "--format", "json")
    assert code == 0
    assert [c["id"] for c in json.loads(out)["claims"]] == ["troops", "toll"]
    code, out_repeated, _ = run("compare", "--claim", "troops", "--claim", "toll", "-f", "json")
    assert code == 0 and out_repeated == out


def test_check_hint_names_the_files_explain_needs(corpus: Path) -> None:
    shutil.move("claims.yaml", "facts.yaml")
    shutil.move("sources", "articles")
    code, _, err = run("check", "-c", "facts.yaml", "-s", "articles")
    assert code == 0
    assert "see `kzclaims explain toll -c facts.yaml -s articles`)" in err.splitlines()[0]
    # the hint, run as printed, finds the claim
    code, out, _ = run("explain", "toll", "-c", "facts.yaml", "-s", "articles")
    assert code == 0 and out.startswith("toll")


@pytest.mark.parametrize("value", ["foo", "dask2", "http//x", "tcp://"])
def test_scheduler_typo_is_rejected_before_anything_else(corpus: Path, value: str) -> None:
    code, out, err = run("compare", "--scheduler", value)
    assert code == 2 and out == ""
    assert f"'{value}' is neither `dask` (a local cluster) nor a scheduler address" in err
    assert "Traceback" not in err and "not installed" not in err


def test_empty_claim_id_is_an_error_not_every_claim(corpus: Path) -> None:
    code, out, err = run("compare", "--claim", "")
    assert code == 2 and out == ""
    assert "give a claim id (or leave --claim out)" in err


def test_scheduler_port_out_of_range_is_rejected_at_once(corpus: Path) -> None:
    code, out, err = run("compare", "--scheduler", "tcp://localhost:99999")
    assert code == 2 and out == ""
    assert "'tcp://localhost:99999': port 99999 is out of range (1-65535)" in err
    assert "Traceback" not in err and "cannot reach" not in err


def test_scheduler_near_miss_suggests_dask(corpus: Path) -> None:
    code, _, err = run("compare", "--scheduler", "dsak")
    assert code == 2 and "did you mean `dask`?" in err


def test_help_names_the_extras_to_install() -> None:
    # square brackets are markup to rich: the extras must survive into the help text
    code, out, _ = run("compare", "--help", env={"COLUMNS": "250"})
    assert code == 0
    assert 'pip install "kzclaims[remote]"' in out and 'pip install "kzclaims[dask]"' in out


def test_explain_marks_the_value_the_cell_took_and_a_statements_score(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA3 Q6/Q7: ✓ stands on the value the cell took, not on the passage's best value that a
    sibling claim took; a statement shows the score compared with the threshold (relevance +
    the statement offset), so that "(above 75)" never follows a relevance under 75."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "wire.txt").write_text(
        "Brennmark dam gives way\n\nAbout 4,800 residents were evacuated from the valley during"
        " the day, the regional emergency service said in a statement on Sunday evening. Three"
        " people died in the dam collapse, among them a volunteer firefighter, and 27 were taken"
        " to hospital with injuries.\n\nEngineers had warned the operator about cracks.\n",
        encoding="utf-8",
    )
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nclaims:\n"
        "  - {id: evacuated, title: E, kind: count, find: number of people evacuated,"
        " unit: [people, residents]}\n"
        "  - {id: deaths, title: D, kind: count, find: how many people died in the dam collapse?}\n"
        "  - {id: warned, title: W, kind: statement,"
        " find: the operator was warned about cracks in the spillway}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("explain", "evacuated", env={"COLUMNS": "250"})
    assert code == 0 and "→ ≈4,800  from “About 4,800 residents”" in out
    ticked = [ln.strip() for ln in out.splitlines() if ln.strip().startswith("✓")]
    assert len(ticked) == 1 and ticked[0].startswith("✓ “About 4,800”"), ticked
    code, out, _ = run("explain", "warned", env={"COLUMNS": "250"})
    assert code == 0 and "relevance 72.0, score 82.0 (above 75)" in out
    assert "relevance 72.0 (above" not in out


def test_diff_text_keeps_each_change_on_one_line(corpus: Path) -> None:
    # QA4: piped (80 columns), "value changed  troops / News Agency: 2,030 troops → 2,600" and
    # "troops" on the next line
    run("compare", "--format", "json", "--output", "old.json")
    weekly = corpus / "sources" / "weekly.txt"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("2,500", "2,600"), encoding="utf-8")
    run("compare", "--format", "json", "--output", "new.json")
    code, out, _ = run("diff", "old.json", "new.json", env={"COLUMNS": "60"})
    changed = [line for line in out.splitlines() if "value changed" in line]
    assert code == 0 and len(changed) == 1 and changed[0].endswith("→ Roughly 2,600 troops (≈2,600)"), out


def test_a_change_names_the_source_when_two_share_an_outlet(corpus: Path) -> None:
    # QA4: in a large run "value changed  csto-troops / Outlet 39" named one of several sources
    # whose outlet is "Outlet 39"; Markdown said "Outlet 39 (doc-000233)"
    manifest = corpus / "sources" / "sources.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("outlet: Weekly", "outlet: Daily"),
        encoding="utf-8",
    )
    run("compare", "--format", "json", "--output", "old.json")
    weekly = corpus / "sources" / "weekly.txt"
    weekly.write_text(weekly.read_text(encoding="utf-8").replace("2,500", "2,600"), encoding="utf-8")
    run("compare", "--format", "json", "--output", "new.json")
    _code, out, _ = run("diff", "old.json", "new.json")
    assert "troops / Daily (weekly): Roughly 2,500 troops (≈2,500) → Roughly 2,600" in out, out


def test_max_chars_cuts_the_markdown_report(corpus: Path) -> None:
    # QA7 Q9 / QA8: a CI user posting the Markdown as a pull-request comment needs it under
    # GitHub's 65,536 characters; only the library could cut it
    code, full, _ = run("compare", "--format", "markdown")
    assert code == 0 and len(full) > 1500
    code, cut, err = run("compare", "--format", "markdown", "--max-chars", "1500")
    assert code == 0 and err == "" and len(cut) <= 1500
    assert "Shortened to fit 1,500 characters: quotes left out" in cut
    assert run("compare", "-f", "markdown", "--max-chars", "65000")[1] == full
    code, _, err = run("compare", "--max-chars", "65000")
    assert code == 2 and "Invalid value for --max-chars: it cuts a Markdown report: add" in err
    code, _, err = run("diff", "a.json", "b.json", "--format", "markdown", "--max-chars", "999")
    assert code == 2 and "--max-chars" in err


def test_a_source_without_a_manifest_outlet_is_named_once(corpus: Path) -> None:
    # QA8: without a manifest the outlet is the id (the file's stem), and explain printed
    # "Ferry capsizes on Irtysh ... - Steppe News (Ferry capsizes on Irtysh ... - Steppe News,
    # sources/Ferry capsizes ....html)"; the narrow sources listing printed the stem twice too
    (corpus / "sources" / "sources.yaml").unlink()
    code, out, _ = run("explain", "troops")
    assert code == 0 and "weekly (sources/weekly.txt)  →" in out and "weekly (weekly," not in out
    code, out, _ = run("sources", "-q", env={"COLUMNS": "60"})
    assert code == 0 and out.splitlines()[0] == "agency" and "agency  agency" not in out


def test_explain_without_an_id_lists_the_ids(corpus: Path) -> None:
    # QA8: "Missing argument 'CLAIM_ID'" left a new user to open claims.yaml for the ids
    code, out, err = run("explain")
    assert code == 2 and out == ""
    assert err == "kzclaims explain: error: which claim? give its id: troops, withdrawal-start, emergency, toll\n"


def test_help_in_an_80_column_terminal_cuts_no_option_name() -> None:
    # QA8: typer's rich table of options, at 80 columns (and whenever --help is piped), cut
    # names and words: "--update-baseli…", "--scheduler-tim…", "('articles/**/*.…"
    code, out, _ = run("compare", "--help", env={"COLUMNS": "80"})
    assert code == 0 and "…" not in out
    for name in ("--update-baseline", "--no-step-summary", "--follow-symlinks",
                 "--scheduler-timeout", "--max-chars", "('articles/**/*.html')"):
        assert name in out, name
    assert '"kzclaims[remote]")' in out and "\\[" not in out  # no rich markup escapes
    assert max(len(line) for line in out.splitlines()) <= 80
    code, wide, _ = run("compare", "--help", env={"COLUMNS": "120"})
    assert code == 0 and "╭─ Options" in wide  # a wide terminal keeps the rich panels
    code, top, _ = run("--help", env={"COLUMNS": "80"})  # each command's line whole
    assert code == 0 and "values the..." not in top and "the sources\n           give." in top


def test_one_source_file_as_sources(corpus: Path) -> None:
    # QA8: `--sources sources/agency.txt` (one article to check on its own) was "not a folder"
    code, out, err = run("compare", "-q", "--sources", "sources/agency.txt", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert [(s["id"], s["file"]) for s in report["sources"]] == [("agency", "sources/agency.txt")]
    code, _, err = run("compare", "-q", "--sources", "sources/agency.txt", "-o", "sources/agency.txt")
    assert code == 2 and "sources/agency.txt" in err  # never written over: it is an input
    code, _, err = run("compare", "-q", "--sources", "claims.yaml")
    assert code == 2  # a claims file is no source


def test_the_sources_summary_counts_languages_dates_and_silent_sources() -> None:
    import datetime

    from kzclaims.render.sources import sources_summary
    from kzclaims.sources import Corpus, Source

    def src(sid: str, lang: str, day: int | None) -> Source:
        published = datetime.date(2026, 3, day) if day else None
        return Source(id=sid, file=f"{sid}.txt", text="x" * 600, outlet=sid, size=600,
                      published=published, language=lang)

    corpus = Corpus("s", (src("a", "en", 14), src("b", "ru", None), src("c", "ru", 12),
                          src("d", "ru", None)))
    assert sources_summary(corpus, {"a": ["toll"], "b": [], "c": ["toll"]}) == (
        "4 sources, 2.3 KB: 3 ru, 1 en; published 2026-03-12 to 2026-03-14, 2 without a date;"
        " 2 mention no claim")
    assert sources_summary(corpus, None).endswith("2 without a date")


def test_explain_over_many_sources_lists_the_close_ones_and_counts_the_rest(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA9 Q19: explain on 1,420 sources printed 24,557 lines, a block per source, nearly all of
    # them unrelated passages of sources that never mention the claim
    from kzclaims.render import explain

    def _source_lines(out: str) -> list[str]:  # "Daily (daily, sources/daily.txt)  → ..."
        return [line for line in out.splitlines() if line[:1].isalpha() and "  → " in line]

    monkeypatch.setattr(explain, "SHOWN_SOURCES", 1)
    code, out, _ = run("explain", "toll")
    assert code == 0
    listed = _source_lines(out)
    assert len(listed) == 1, out  # the closest of the three, none gives the claim
    assert "and 2 other sources that do not give the claim, not listed" in " ".join(out.split())
    code, out, _ = run("explain", "toll", "--all")
    assert len(_source_lines(out)) == 3
    assert "not listed" not in out
    # the sources that give the claim are always listed
    code, out, _ = run("explain", "troops")
    assert len(_source_lines(out)) == 3
