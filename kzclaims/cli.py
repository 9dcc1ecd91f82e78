"""The command line: parse options, call the library, pick a renderer, map errors to exit codes.

Nothing else lives here. Library errors (:class:`~kzclaims.errors.InputError`) become one line
per problem on stderr and exit code 2; a ``--fail-on`` condition exits 1.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from kzclaims.baseline import FAIL_CONDITIONS
from kzclaims.errors import InputError, KzclaimsError, Problem

if TYPE_CHECKING:
    from kzclaims.model import ClaimSet, Report
    from kzclaims.sources import Corpus

# Exit codes (the contract).
EXIT_OK = 0
EXIT_FAIL_ON = 1
EXIT_INPUT = 2

app = typer.Typer(
    name="kzclaims",
    help="Compare what several outlets report about the same event: find each curated claim in "
    "each source, read the value it gives, and show where the sources agree or conflict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class CheckFormat(str, Enum):
    auto = "auto"
    text = "text"
    github = "github"


class SchemaName(str, Enum):
    claims = "claims"
    sources = "sources"


FAIL_ON_CHOICES = FAIL_CONDITIONS

ClaimsOpt = Annotated[
    Path, typer.Option("--claims", "-c", help="The claims file.", show_default=True)
]
SourcesOpt = Annotated[
    Path, typer.Option("--sources", "-s", help="The sources folder.", show_default=True)
]
ThresholdOpt = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        "-t",
        min=0,
        max=100,
        help="Fuzzy score (0-100) a passage needs; overrides the claims file.",
    ),
]


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for p in problems:
        _err(str(p))


def _fail_input(exc: InputError) -> NoReturn:
    _print_problems(exc.problems)
    raise typer.Exit(EXIT_INPUT)


def _display(path: Path) -> str:
    """A path as shown in messages and reports: relative to the working directory (so reports
    are the same on every machine), absolute only on another drive."""
    try:
        rel = os.path.relpath(path.resolve(), Path.cwd().resolve())
    except ValueError:  # Windows: another drive
        return str(path)
    return Path(rel).as_posix()


def _load(claims: Path, sources: Path) -> tuple[ClaimSet, Corpus]:
    """Load and validate both inputs; report every problem of both before giving up."""
    from kzclaims.claims import load_claims
    from kzclaims.sources import load_sources

    problems: list[Problem] = []
    claimset = corpus = None
    try:
        claimset = load_claims(claims, _display(claims))
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        corpus = load_sources(sources, _display(sources))
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or claimset is None or corpus is None:
        _print_problems(problems)
        if (
            claimset is None
            and corpus is None
            and all(p.code in ("missing-file", "missing-dir") for p in problems)
        ):
            _err(
                "kzclaims: hint: run kzclaims in the folder that holds claims.yaml and sources/,"
                " or pass --claims FILE and --sources DIR"
            )
        raise typer.Exit(EXIT_INPUT)
    return claimset, corpus


def write_atomic(path: Path, text: str) -> None:
    """Write a file the tool owns so that readers never see it half-written."""
    import tempfile

    path = Path(path)
    if path.exists() and not path.is_file():  # /dev/stdout, /dev/null, a FIFO: write through
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private; give it the mode any new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        _err(f"{_display(output)}: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from None


def _parse_fail_on(values: list[str]) -> set[str]:
    out: set[str] = set()
    for v in values:
        for part in v.split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part not in FAIL_ON_CHOICES:
                raise typer.BadParameter(
                    f"unknown condition `{part}`; choose from {', '.join(FAIL_ON_CHOICES)}",
                    param_hint="--fail-on",
                )
            out.add(part)
    return out


def _in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def _render(report: Report, fmt: Format, evidence: bool, to_file: bool) -> str | None:
    """The report in a machine or file format; None means: print the rich text to the terminal."""
    if fmt is Format.json:
        from kzclaims.render.json import render_json

        return render_json(report)
    if fmt is Format.markdown:
        from kzclaims.render.markdown import render_markdown

        return render_markdown(report)
    if fmt is Format.github:
        from kzclaims.render.github import render_github

        return render_github(report)
    if fmt is Format.junit:
        from kzclaims.render.junit import render_junit

        return render_junit(report)
    if to_file:
        from kzclaims.render.text import render_text

        return render_text(report, width=120, color=False, evidence=evidence)
    return None


def _print_rich(report: Report, evidence: bool) -> None:
    from rich.console import Console

    from kzclaims.render.text import render_changes, render_to

    console = Console(highlight=False, emoji=False)
    render_to(console, report, evidence)
    if report.changes is not None:
        console.print()
        render_changes(console, report)


def _step_summary(report: Report, enabled: bool) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not (enabled and _in_github_actions() and path):
        return
    from kzclaims.render.markdown import render_step_summary

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(render_step_summary(report))
    except OSError as exc:
        _err(f"{path}: cannot append the job summary: {exc.strerror or exc}")


def _finish(report: Report, fail_on: set[str]) -> None:
    from kzclaims.baseline import fail_conditions

    reasons = fail_conditions(report, fail_on)
    for reason in reasons:
        _err(f"kzclaims: --fail-on: {reason}")
    if reasons:
        raise typer.Exit(EXIT_FAIL_ON)


# ---------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"kzclaims {version('kzclaims')}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """kzclaims: where outlets agree, roughly agree or conflict, with the quote behind each cell."""


@app.command()
def compare(
    claims: ClaimsOpt = Path("claims.yaml"),
    sources: SourcesOpt = Path("sources"),
    claim: Annotated[
        list[str] | None, typer.Option("--claim", help="Only this claim id (repeatable).")
    ] = None,
    threshold: ThresholdOpt = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (atomically) instead of stdout."
        ),
    ] = None,
    evidence: Annotated[
        bool,
        typer.Option(
            "--evidence", "-e", help="Show the quote, line and reasoning behind every cell."
        ),
    ] = False,
    fail_on: Annotated[
        list[str] | None,
        typer.Option(
            "--fail-on",
            help=f"Exit 1 when this happens: {', '.join(FAIL_ON_CHOICES)}"
            " (repeatable or comma-separated).",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", "-b", help="A saved JSON report: show what changed since it."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline", help="Rewrite the --baseline file with this run's JSON report."
        ),
    ] = False,
    step_summary: Annotated[
        bool,
        typer.Option(
            "--step-summary/--no-step-summary",
            help="Inside GitHub Actions, append the Markdown summary to $GITHUB_STEP_SUMMARY.",
        ),
    ] = True,
) -> None:
    """Find every claim in every source and compare the values the sources give."""
    conditions = _parse_fail_on(fail_on or [])
    if "changed" in conditions and baseline is None:
        raise typer.BadParameter(
            "`changed` needs --baseline FILE to compare with", param_hint="--fail-on"
        )
    if update_baseline and baseline is None:
        raise typer.BadParameter(
            "--update-baseline needs --baseline FILE", param_hint="--update-baseline"
        )
    claimset, corpus = _load(claims, sources)
    for w in corpus.warnings:
        _err(str(w))
    from kzclaims.pipeline import compare as run_compare

    try:
        report = run_compare(claimset, corpus, claim_ids=claim or (), threshold=threshold)
        if baseline is not None:
            report = _with_baseline(report, baseline, update_baseline)
    except InputError as exc:
        _fail_input(exc)
    text = _render(report, fmt, evidence, output is not None)
    if text is None:
        _print_rich(report, evidence)
    else:
        _emit(text, output)
    if update_baseline and baseline is not None:
        from dataclasses import replace

        from kzclaims.render.json import render_json

        write_atomic(baseline, render_json(replace(report, changes=None, baseline_file=None)))
        _err(f"kzclaims: baseline {_display(baseline)} updated")
    _step_summary(report, step_summary)
    _finish(report, conditions)


def _with_baseline(report: Report, baseline: Path, update: bool) -> Report:
    from kzclaims.baseline import diff_reports, with_changes
    from kzclaims.render.json import load_report

    if update and not baseline.exists():
        return with_changes(report, (), _display(baseline))
    old = load_report(baseline)
    return with_changes(report, diff_reports(old, report), _display(baseline))


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older saved JSON report.")],
    new: Annotated[Path, typer.Argument(help="The newer saved JSON report.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", help="Exit 1 when this happens (e.g. changed)."),
    ] = None,
) -> None:
    """Show what changed between two saved JSON reports."""
    conditions = _parse_fail_on(fail_on or [])
    from kzclaims.baseline import diff_reports, with_changes
    from kzclaims.render.json import load_report

    problems: list[Problem] = []
    reports = []
    for p in (old, new):
        try:
            reports.append(load_report(p))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        _print_problems(problems)
        raise typer.Exit(EXIT_INPUT)
    before, after = reports
    report = with_changes(after, diff_reports(before, after), _display(old))
    if fmt is Format.text and output is None:
        from rich.console import Console

        from kzclaims.render.text import render_changes

        render_changes(Console(highlight=False, emoji=False), report)
    else:
        text = _render(report, fmt, False, output is not None)
        if text is not None:
            _emit(text, output)
    _finish(report, conditions)


@app.command()
def check(
    claims: ClaimsOpt = Path("claims.yaml"),
    sources: SourcesOpt = Path("sources"),
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", "-f", help="auto: github inside GitHub Actions, else text."),
    ] = CheckFormat.auto,
    mentions: Annotated[
        bool,
        typer.Option(
            "--mentions/--no-mentions",
            help="Also warn about claims that no source mentions (runs the search).",
        ),
    ] = True,
) -> None:
    """Validate the claims file and the sources manifest without comparing anything."""
    from kzclaims.check import run_check

    problems, counts = run_check(
        claims, sources, _display(claims), _display(sources), mentions=mentions
    )
    use_github = fmt is CheckFormat.github or (fmt is CheckFormat.auto and _in_github_actions())
    for p in problems:
        if use_github:
            from kzclaims.render.github import problem_annotation

            typer.echo(problem_annotation(p))
        else:
            _err(str(p))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if errors:
        _err(
            f"kzclaims: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}"
        )
        raise typer.Exit(EXIT_INPUT)
    _err(
        f"kzclaims: {counts[0]} claims and {counts[1]} sources are valid"
        + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else "")
    )


@app.command()
def explain(
    claim_id: Annotated[
        str, typer.Argument(metavar="CLAIM_ID", help="The id of the claim to explain.")
    ],
    claims: ClaimsOpt = Path("claims.yaml"),
    sources: SourcesOpt = Path("sources"),
    threshold: ThresholdOpt = None,
    passages: Annotated[
        int,
        typer.Option(
            "--passages", "-n", min=1, max=20, help="Candidate passages shown per source."
        ),
    ] = 3,
) -> None:
    """Why each cell of one claim reads as it does: candidate passages, scores and values."""
    claimset, corpus = _load(claims, sources)
    from kzclaims.pipeline import explain as run_explain
    from kzclaims.pipeline import select_claims

    try:
        (target,) = select_claims(claimset, [claim_id])
    except InputError as exc:
        _fail_input(exc)
    from rich.console import Console

    from kzclaims.render.explain import render_explanation

    render_explanation(
        Console(highlight=False, emoji=False), run_explain(target, corpus, threshold, passages)
    )


@app.command("sources")
def list_sources(
    claims: ClaimsOpt = Path("claims.yaml"),
    sources: SourcesOpt = Path("sources"),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json.")] = Format.text,
) -> None:
    """List the sources: id, outlet, date, size, and which claims each one mentions."""
    from kzclaims.claims import load_claims
    from kzclaims.sources import load_sources

    try:
        corpus = load_sources(sources, _display(sources))
    except InputError as exc:
        _fail_input(exc)
    claimset = None
    if claims.exists():
        try:
            claimset = load_claims(claims, _display(claims))
        except InputError as exc:
            _fail_input(exc)
    from kzclaims.render.sources import render_sources_json, render_sources_table

    mentioned = None
    if claimset is not None:
        from kzclaims.pipeline import mentions as find_mentions

        mentioned = find_mentions(claimset, corpus)
    if fmt is Format.json:
        _emit(render_sources_json(corpus, mentioned), None)
    elif fmt is Format.text:
        from rich.console import Console

        render_sources_table(Console(highlight=False, emoji=False), corpus, mentioned)
    else:
        raise typer.BadParameter("`sources` prints text or json", param_hint="--format")


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which file: claims or sources.")],
) -> None:
    """Print the JSON Schema of claims.yaml or sources.yaml (for editors and other tools)."""
    import json

    from kzclaims.schemas import load_schema

    sys.stdout.write(json.dumps(load_schema(name.value), indent=2, ensure_ascii=False) + "\n")


def _message(exc: Exception) -> str:
    fmt = getattr(exc, "format_message", None)
    return str(fmt()) if callable(fmt) else str(exc)


def _base_named(cls: type, name: str) -> type[Exception]:
    for base in cls.__mro__:
        if base.__name__ == name:
            return base
    return Exception


def main() -> None:
    """Console-script entry point: every error is one line on stderr, never a traceback."""
    # typer raises click's exceptions (vendored in recent typer); find their classes through the
    # one typer exports, so that this works with either.
    usage_error = _base_named(typer.BadParameter, "UsageError")
    click_exception = _base_named(typer.BadParameter, "ClickException")
    try:
        code = app(prog_name="kzclaims", standalone_mode=False)
    except usage_error as exc:  # unknown option, bad value, missing argument
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "kzclaims"
        message = _message(exc)
        if message:  # empty when the help was shown for a bare `kzclaims`
            _err(f"{command}: error: {message} (see `{command} --help`)")
        sys.exit(EXIT_INPUT)
    except click_exception as exc:
        _err(f"kzclaims: error: {_message(exc)}")
        sys.exit(getattr(exc, "exit_code", EXIT_INPUT))
    except KzclaimsError as exc:  # a library error that escaped a command: still one clean line
        _err(f"kzclaims: error: {exc}")
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        _err("kzclaims: interrupted")
        sys.exit(130)
    except Exception as exc:
        if type(exc).__name__ != "Abort":
            raise
        _err("kzclaims: aborted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
