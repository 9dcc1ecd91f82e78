"""CLI conventions as in ruff, yamllint and sqlfluff, one CliRunner test (at least) each."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from cli_main import invoke

BASE_ENV = {"COLUMNS": "120", "NO_COLOR": "", "FORCE_COLOR": "", "GITHUB_ACTIONS": "", "TERM": "dumb"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def corpus(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture corpus of conftest.py, with no colour setting in the environment."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return corpus


def run(*args: str, **env: str) -> tuple[int, str, str]:
    return invoke(*args, env={**BASE_ENV, **env})


# --- --format auto ------------------------------------------------------------------------


def test_format_auto_is_github_inside_github_actions_else_text(corpus: Path) -> None:
    code, out, _ = run("compare", "-f", "auto", "--no-step-summary", GITHUB_ACTIONS="true")
    assert code == 0 and out.startswith("::error file=claims.yaml,line=4")
    code, out, _ = run("compare", "-f", "auto")
    assert code == 0 and out.startswith("Fixture corpus — 4 claims")


def test_format_auto_for_diff_sources_and_check(corpus: Path) -> None:
    run("compare", "-f", "json", "-o", "old.json")
    code, out, _ = run("diff", "old.json", "old.json", "-f", "auto")
    assert code == 0 and out.startswith("No changes since old.json")
    code, out, _ = run("diff", "old.json", "old.json", "-f", "auto", GITHUB_ACTIONS="true")
    assert code == 0 and out.startswith("::error")
    code, out, _ = run("sources", "-f", "auto")
    assert code == 0 and "News Agency" in out
    (corpus / "claims.yaml").write_text("version: 1\nclaims: 3\n", encoding="utf-8")
    code, out, _err = run("check", "-f", "auto", GITHUB_ACTIONS="true")
    assert code == 2 and out.startswith("::error file=claims.yaml,line=2,col=9")


# --- --quiet, --version ---------------------------------------------------------------------


def test_quiet_hides_warnings_and_notes_not_errors_or_the_report(corpus: Path) -> None:
    (corpus / "sources" / "stray.txt").write_text("Nothing here.\n", encoding="utf-8")
    code, out, err = run("compare")
    assert "warning: not listed in sources/sources.yaml" in err
    for args in (["compare", "-q"], ["compare", "--quiet"], ["-q", "compare"]):
        code, out, err = run(*args)
        assert code == 0 and err == "" and out.startswith("Fixture corpus"), args
    code, _, err = run("check", "-q", "--no-mentions")
    assert code == 0 and err == ""
    code, _, err = run("compare", "-q", "-b", "base.json", "--update-baseline")
    assert code == 0 and err == ""
    code, _, err = run("compare", "-q", "--fail-on", "conflict")
    # the failure is the run's error: its reason is printed under --quiet too, and only it
    assert code == 1 and err.startswith("kzclaims: --fail-on: ") and err.count("\n") == 1, err
    (corpus / "claims.yaml").write_text("version: 1\n", encoding="utf-8")
    code, _, err = run("check", "-q")
    assert code == 2 and err.startswith("claims.yaml:1:1: error: the claims file is missing")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flags(flag: str) -> None:
    code, out, _ = run(flag)
    assert code == 0 and re.fullmatch(r"kzclaims \d+\.\d+\.\d+\S*\n", out)


# --- colour ---------------------------------------------------------------------------------


def test_color_flags_and_environment(corpus: Path) -> None:
    assert not ANSI.search(run("compare")[1])  # not a terminal: no colour
    assert ANSI.search(run("compare", "--color")[1])
    assert ANSI.search(run("--color", "compare")[1])
    assert ANSI.search(run("compare", FORCE_COLOR="1")[1])
    assert not ANSI.search(run("compare", "--no-color", FORCE_COLOR="1")[1])
    assert not ANSI.search(run("compare", NO_COLOR="1", FORCE_COLOR="")[1])
    plain = ANSI.sub("", run("compare", "--color")[1])
    assert plain.splitlines()[0] == run("compare")[1].splitlines()[0]


# --- finding claims.yaml up the folder tree -------------------------------------------------


def test_claims_found_in_a_parent_folder_with_sources_beside_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = corpus / "notes" / "deeper"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    code, out, err = run("compare", "-f", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["claims_file"] == "../../claims.yaml"
    assert next(s["file"] for s in report["sources"]) == "../../sources/agency.txt"
    code, _, err = run("check", "--no-mentions")
    assert code == 0 and "4 claims and 3 sources are valid" in err
    code, out, _ = run("explain", "troops")
    assert code == 0 and "../../sources/agency.txt" in out


def test_a_run_says_which_claims_and_sources_it_found_upwards(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub = corpus / "story"
    (sub / "sources").mkdir(parents=True)  # a sources/ here that the found claims do not use
    monkeypatch.chdir(sub)
    code, out, err = run("compare", "-f", "json")
    assert code == 0
    assert json.loads(out)["claims_file"] == "../claims.yaml"
    assert "kzclaims: using ../claims.yaml and ../sources/ (not ./sources here" in err
    code, _, err = run("compare", "-q", "-f", "json")
    assert code == 0 and "using" not in err


def test_a_claims_file_given_from_another_folder_takes_the_sources_beside_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = corpus.parent / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run("compare", "-c", "../case/claims.yaml", "-f", "json")
    assert code == 0, err
    assert next(s["file"] for s in json.loads(out)["sources"]) == "../case/sources/agency.txt"
    code, _, err = run("check", "-c", "../case/claims.yaml", "--no-mentions")
    assert code == 0 and "4 claims and 3 sources are valid" in err


def test_a_shared_claims_file_without_sources_beside_it_uses_the_sources_here(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = corpus.parent / "shared"
    shared.mkdir()
    shutil.copy(corpus / "claims.yaml", shared / "claims.yaml")
    code, out, err = run("compare", "-c", "../shared/claims.yaml", "-f", "json")
    assert code == 0, err
    assert next(s["file"] for s in json.loads(out)["sources"]) == "sources/agency.txt"
    assert "kzclaims: using ./sources (there is no ../shared/sources/ beside" in err


def test_a_claims_file_with_no_sources_anywhere_names_the_folder_looked_for(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = corpus.parent / "empty"
    empty.mkdir()
    (empty / "claims.yaml").write_text((corpus / "claims.yaml").read_text())
    monkeypatch.chdir(corpus.parent)
    shutil.rmtree(corpus / "sources")
    code, out, err = run("compare", "-c", "empty/claims.yaml")
    assert code == 2 and out == ""
    assert "empty/sources: error: sources folder not found" in err


def test_the_search_stops_at_the_top_of_the_repository(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = corpus / "other-repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "src").mkdir()
    monkeypatch.chdir(repo / "src")
    code, _, err = run("compare")
    assert code == 2 and err.startswith("claims.yaml: error: file not found")


# --- markers that do not depend on colour ---------------------------------------------------


def test_outlier_and_conflict_markers_without_colour(corpus: Path) -> None:
    code, out, _ = run("compare", NO_COLOR="1")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith(" troops"))
    assert "! ≈2,500" in row and "! 2,030" not in row and "! ≈2,000" not in row
    assert row.rstrip().endswith("≠ conflict")
    assert "! outlier: disagrees with most other sources" in out
    agree = next(line for line in out.splitlines() if line.startswith(" withdrawal-start"))
    assert "!" not in agree and "≠" not in agree


def test_only_the_outlier_is_red(corpus: Path) -> None:
    _, out, _ = run("compare", "--color")
    row = next(line for line in out.splitlines() if "troops" in ANSI.sub("", line)[:8])
    red = re.findall(r"\x1b\[[0-9;]*31m([^\x1b]*)", row)
    assert any("2,500" in r for r in red), row
    assert not any("2,030" in r or "2,000" in r for r in red), row


# --- kzclaims init --------------------------------------------------------------------------


def test_init_writes_a_working_project_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("init", "new")
    assert code == 0, err
    assert "kzclaims: wrote new/claims.yaml" in err and "cd new && kzclaims check" in err
    claims = (tmp_path / "new" / "claims.yaml").read_text(encoding="utf-8")
    assert claims.count("#") > 10 and "version: 1" in claims  # commented
    # how to get schema checking in an editor, without a schema address that does not exist
    for name, rel in (("claims", "claims.yaml"), ("sources", "sources/sources.yaml")):
        text = (tmp_path / "new" / rel).read_text(encoding="utf-8")
        assert f"kzclaims schema {name} > {name}.schema.json" in text
        assert "kzclaims/kzclaims" not in text
    monkeypatch.chdir(tmp_path / "new")
    assert run("check", "--no-mentions")[0] == 0
    code, out, _ = run("compare")
    assert code == 0 and "example-troops" in out
    # a second init refuses, naming each file, and changes nothing
    (tmp_path / "new" / "claims.yaml").write_text("mine\n", encoding="utf-8")
    code, _, err = run("init")
    assert code == 2
    assert err.splitlines()[0] == (
        "claims.yaml: error: already exists; kzclaims init never overwrites a file"
        " (remove it, or init another folder)"
    )
    assert (tmp_path / "new" / "claims.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not list((tmp_path / "new").rglob("*.tmp"))


def test_init_refuses_when_only_the_manifest_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    code, _, err = run("init")
    assert code == 2 and err.startswith("sources/sources.yaml: error: already exists")
    assert not (tmp_path / "claims.yaml").exists()  # nothing written at all


# --- the first baseline ---------------------------------------------------------------------


def test_first_baseline_path(corpus: Path) -> None:
    code, _, err = run("compare", "--baseline", "reports/baseline.json")
    assert code == 2 and err.splitlines()[0] == (
        "reports/baseline.json: error: baseline not found; create it with"
        " `kzclaims compare --baseline reports/baseline.json --update-baseline`"
    )
    code, out, err = run("compare", "--baseline", "reports/baseline.json", "--update-baseline")
    assert code == 0
    assert "kzclaims: baseline reports/baseline.json created from this run; commit it" in err
    assert "No changes since" not in out  # nothing to compare with yet
    code, out, err = run("compare", "--baseline", "reports/baseline.json", "--fail-on", "changed")
    assert code == 0 and "No changes since reports/baseline.json" in out


# --- formats each command accepts -----------------------------------------------------------


def test_sources_format_lists_only_what_it_accepts(corpus: Path) -> None:
    _code, out, _ = run("sources", "--help", COLUMNS="200")
    assert "auto|text|json" in ANSI.sub("", out) and "markdown" not in out
    import subprocess
    import sys

    p = subprocess.run(
        [sys.executable, "-m", "kzclaims", "sources", "-f", "markdown"],
        capture_output=True, text=True, check=False,
    )
    assert p.returncode == 2 and "`markdown` is not one of: auto, text, json\n" in p.stderr.replace(
        " (see", "\n"
    )


# --- wording ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["compare", "--threshold", "abc"], "Invalid value for --threshold: not a number"),
        (["compare", "--threshold", "200"], "Invalid value for --threshold: must be at most 100"),
        (["explain", "x", "-n", "many"], "Invalid value for --passages: not a whole number"),
        (["compare", "-f", "pdf"], "Invalid value for --format: `pdf` is not one of: auto, text"),
        (["schema", "everything"], "`everything` is not one of: claims, sources, report"),
    ],
)
def test_no_pydantic_wording_in_errors(corpus: Path, args: list[str], message: str) -> None:
    import subprocess
    import sys

    p = subprocess.run(
        [sys.executable, "-m", "kzclaims", *args], capture_output=True, text=True, check=False
    )
    assert p.returncode == 2 and message in p.stderr, p.stderr
    assert "Input should be" not in p.stderr and "Value error" not in p.stderr


@pytest.mark.parametrize("command", ["compare", "check", "sources", "diff", "explain", "init"])
def test_help_shows_no_bool_metavar(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "<bool>" not in out and "--help" in out


# --- tables ---------------------------------------------------------------------------------


def test_sources_never_cut_a_value_table_when_it_fits_blocks_when_not(corpus: Path) -> None:
    long_id = "a-very-long-source-identifier-that-goes-on-and-on-and-on"
    manifest = corpus / "sources" / "sources.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("id: agency", f"id: {long_id}"),
        encoding="utf-8",
    )
    code, out, _ = run("sources", COLUMNS="100")  # the table would not fit: one block a source
    assert code == 0 and "…" not in out
    lines = out.splitlines()
    assert lines[0] == f"{long_id}  News Agency"
    assert lines[1] == "  published 2022-01-11 · en (detected) · 197 B"
    assert lines[2] == "  sources/agency.txt"
    assert lines[3].startswith("  claims mentioned: troops")
    code, out, _ = run("sources", COLUMNS="200")  # it fits: a table, every cell whole
    header = out.splitlines()[1].split()
    assert header[:3] == ["id", "outlet", "published"] and header[-2:] == ["claims", "mentioned"]
    assert any(line.split()[:3] == [long_id, "News", "Agency"] for line in out.splitlines())
    assert "2022-01-14" in out and "sources/weekly.txt" in out


def test_two_sources_of_one_outlet_are_told_apart(corpus: Path) -> None:
    manifest = corpus / "sources" / "sources.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("outlet: Weekly", "outlet: Daily"),
        encoding="utf-8",
    )
    _code, out, _ = run("compare", COLUMNS="140")
    header = next(line for line in out.splitlines() if line.lstrip().startswith("Claim"))
    assert "Daily (daily)" in header and "Daily (weekly)" in header and "News Agency" in header


def test_no_trailing_spaces_when_piped(corpus: Path) -> None:
    for args in (["compare"], ["compare", "-e"], ["sources"], ["explain", "troops"]):
        code, out, _ = run(*args)
        assert code == 0
        assert all(line == line.rstrip() for line in out.splitlines()), args


# --- relative dates against an inferred date ------------------------------------------------


def test_warning_when_relative_dates_use_an_inferred_date(corpus: Path) -> None:
    (corpus / "sources" / "sources.yaml").unlink()
    (corpus / "sources" / "agency.txt").write_text(
        "Pretoria, 11 January 2022\n\nThe withdrawal of the contingent will start in two days.\n",
        encoding="utf-8",
    )
    code, _out, err = run("compare", "--claim", "withdrawal-start")
    assert code == 0
    assert (
        "sources/agency.txt: warning: relative dates were read against 2022-01-11, the date"
        " read from its dateline; to be sure, give `published:` (or `as_of:`) in a manifest,"
        " sources/sources.yaml"
    ) in err
    assert "warning: relative dates" not in run("compare", "-q")[2]
    # sources from a glob have no manifest: the advice says to write one and pass it
    code, _out, err = run("compare", "--claim", "withdrawal-start", "-s", "sources/*.txt")
    assert code == 0
    assert (
        "read from its dateline; to be sure, list the files with `published:` (or `as_of:`) in a"
        " manifest and pass it to --sources"
    ) in err


def test_the_dateline_warning_names_the_manifest_read(corpus: Path) -> None:
    manifest = corpus / "sources" / "sources.yaml"
    (corpus / "sources" / "corpus.yaml").write_text(
        "\n".join(
            line for line in manifest.read_text(encoding="utf-8").splitlines()
            if not line.strip().startswith(("published:", "as_of:"))
        )
        + "\n",
        encoding="utf-8",
    )
    (corpus / "sources" / "agency.txt").write_text(
        "Pretoria, 11 January 2022\n\nThe withdrawal of the contingent will start in two days.\n",
        encoding="utf-8",
    )
    code, _out, err = run("compare", "--claim", "withdrawal-start", "-s", "sources/corpus.yaml")
    assert code == 0, err
    assert "give `published:` (or `as_of:`) in sources/corpus.yaml to be sure" in err


def test_the_warning_says_when_an_inferred_date_is_far_from_every_other_source(corpus: Path) -> None:
    # QA3 Q1 / QA4: a year-less dateline took its year from a past year in the text (2023) while
    # the other sources were from 2025; the warning now says so (the same for any --jobs)
    manifest = corpus / "sources" / "sources.yaml"
    manifest.write_text(
        "sources:\n  - file: agency.txt\n  - file: daily.txt\n    published: 2025-09-15\n"
        "  - file: weekly.txt\n    published: 2025-09-18\n",
        encoding="utf-8",
    )
    (corpus / "sources" / "agency.txt").write_text(
        "Pretoria, 11 January 2023\n\nThe withdrawal of the contingent will start in two days.\n",
        encoding="utf-8",
    )
    for jobs in ("1", "2"):
        code, _out, err = run("compare", "--claim", "withdrawal-start", "-j", jobs)
        assert code == 0
        assert (
            "sources/agency.txt: warning: relative dates were read against 2023-01-11, the date"
            " read from its dateline, but the other sources are from 2025-09-15 to 2025-09-18"
            " (a wrong year?); give `published:` (or `as_of:`) in sources/sources.yaml to be sure"
        ) in err, err
    (corpus / "sources" / "agency.txt").write_text(
        "Pretoria, 11 September 2025\n\nThe withdrawal of the contingent will start in two days.\n",
        encoding="utf-8",
    )
    assert "(a wrong year?)" not in run("compare", "--claim", "withdrawal-start")[2]
