"""The command line: parse options, call the library, pick a renderer, map errors to exit codes.

Nothing else lives here. Library errors (:class:`~kzclaims.errors.InputError`) become one line
per problem on stderr and exit code 2; a ``--fail-on`` condition exits 1.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

# The collector's youngest generation is collected every 50,000 allocations while this module and
# what it imports (typer, rich) are loaded, as during a command (YOUNG_COLLECTION below): an
# import makes no cyclic garbage, so the ~35 passes over the young objects the default of 700
# makes here were wasted (set back at the end of the module, _thresholds_back).
_IMPORT_THRESHOLDS = gc.get_threshold()
gc.set_threshold(50_000, *_IMPORT_THRESHOLDS[1:])

import typer  # noqa: E402

from kzclaims.baseline import FAIL_CONDITIONS  # noqa: E402
from kzclaims.errors import InputError, KzclaimsError, Problem  # noqa: E402

if TYPE_CHECKING:
    from kzclaims.model import ClaimSet, Report, SourceInfo
    from kzclaims.sources import Corpus, SourceListing

# Exit codes (the contract; README "Output formats and exit codes" and docs/cli.md).
EXIT_OK = 0  # the command ran; whatever the findings are, they are in the report
EXIT_FAIL_ON = 1  # a --fail-on condition was met (and only that)
EXIT_INPUT = 2  # bad input or usage
EXIT_INTERNAL = 3  # a bug in kzclaims: one line, a hint to report it
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (128 + SIGPIPE), as shells report it

_TRACEBACK = False  # --traceback: show the traceback of an internal error
# Global conventions, set by the root options and by each command's own -q / --color.
_SETTINGS: dict[str, bool | None] = {"quiet": False, "color": None}

def _flags_without_metavar() -> None:
    """typer shows ``<bool>`` after every flag in --help; a flag takes no value, so show none.
    (Guarded: a typer without this hook keeps its own display.)"""
    try:
        from typer.core import TyperOption
    except ImportError:  # pragma: no cover
        return
    original = getattr(TyperOption, "display_type_rich", None)
    if original is None or getattr(original, "_kzclaims", False):  # pragma: no cover
        return

    def display_type_rich(self: Any, ctx: Any) -> Any:
        if getattr(self, "is_flag", False) and self.metavar is None:
            return None
        return original(self, ctx)

    display_type_rich._kzclaims = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_without_metavar()

#: narrower than this, --help is click's plain list: typer's rich table of options gives the
#: name, the --no- form, the type and the help a column each, and at 80 columns it cut option
#: names ("--update-baseli…", "--scheduler-tim…") and help words ("('articles/**/*.…")
PLAIN_HELP_BELOW = 100


def _plain_help_when_narrow() -> None:
    """In a terminal narrower than :data:`PLAIN_HELP_BELOW` columns (and when --help is piped:
    80), show click's plain help, which wraps text under each option and never cuts a name.
    (Guarded: a typer without these classes keeps its own display.)"""
    try:
        from typer.core import TyperCommand, TyperGroup
    except ImportError:  # pragma: no cover
        return
    for cls in (TyperCommand, TyperGroup):
        original = cls.format_help
        if getattr(original, "_kzclaims", False):  # pragma: no cover
            continue

        def format_help(
            self: Any, ctx: Any, formatter: Any, _original: Any = original, _cls: Any = cls
        ) -> Any:
            import shutil

            if shutil.get_terminal_size().columns >= PLAIN_HELP_BELOW:
                return _original(self, ctx, formatter)
            for command in getattr(self, "commands", {}).values():
                # click cuts a command's line in the list ("compare the values the...") unless
                # it has a short help: its first sentence, whole, as the rich list shows it
                if not command.short_help and command.help:
                    command.short_help = command.help.strip().split("\n\n")[0]
            super(_cls, self).format_help(ctx, formatter)  # click's own
            # rich markup escapes ("kzclaims\\[remote]") are plain text here
            formatter.buffer[:] = [part.replace("\\[", "[") for part in formatter.buffer]
            return None

        format_help._kzclaims = True  # type: ignore[attr-defined]
        cls.format_help = format_help  # type: ignore[method-assign]


_plain_help_when_narrow()

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
    """Report formats. ``auto``: ``github`` annotations inside GitHub Actions, else ``text``."""

    auto = "auto"
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"
    junit = "junit"
    html = "html"


class CheckFormat(str, Enum):
    auto = "auto"
    text = "text"
    github = "github"


class SourcesFormat(str, Enum):
    """What ``kzclaims sources`` prints (``auto`` is ``text``: there are no annotations)."""

    auto = "auto"
    text = "text"
    json = "json"


class SchemaName(str, Enum):
    claims = "claims"
    sources = "sources"
    report = "report"


FAIL_ON_CHOICES = FAIL_CONDITIONS

ClaimsOpt = Annotated[
    Path | None,
    typer.Option(
        "--claims",
        "-c",
        help="The claims file. (default: claims.yaml here or in the nearest parent folder)",
        show_default=False,
    ),
]
SourcesOpt = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        "-s",
        help="The sources folder (.txt, .md, .html, .pdf, .docx files; optional sources.yaml),"
        " one such file, a glob ('articles/**/*.html') or a manifest (corpus.yaml; its files"
        ' may be URLs: s3://, gcs://, https://, needs pip install "kzclaims\\[remote]").'
        " (default: sources/ beside the claims file)",
        show_default=False,
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print only the report and errors: no warnings, notes or progress."
    ),
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text output. (default: when the terminal has colour and NO_COLOR"
        " is unset; FORCE_COLOR forces it)",
        show_default=False,
    ),
]
FollowOpt = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Read sources whose symbolic links lead outside the sources folder.",
    ),
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


MaxCharsOpt = Annotated[
    int | None,
    typer.Option(
        "--max-chars",
        min=1000,
        metavar="N",
        help="Cut the Markdown report to at most N characters, quotes first, then table rows,"
        " and say so (a GitHub pull-request comment takes 65,536: --max-chars 65000).",
    ),
]


def _check_max_chars(max_chars: int | None, fmt: Format) -> None:
    if max_chars is not None and _resolve_format(fmt) is not Format.markdown:
        raise typer.BadParameter(
            "it cuts a Markdown report: add --format markdown", param_hint="--max-chars"
        )


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")


def _note(line: str) -> None:
    """A warning or an informational line: hidden by --quiet."""
    if not _SETTINGS["quiet"]:
        _err(line)


def is_quiet() -> bool:
    """--quiet was given (progress bars and notes stay hidden)."""
    return bool(_SETTINGS["quiet"])


def _apply(quiet: bool, color: bool | None) -> None:
    """A command's own -q / --color[/--no-color] (they add to the root options)."""
    if quiet:
        _SETTINGS["quiet"] = True
    if color is not None:
        _SETTINGS["color"] = color


def _console(stderr: bool = False) -> Any:
    """A rich console following --color/--no-color, else NO_COLOR (no colour), FORCE_COLOR
    (colour even when not a terminal), else whether stdout is a colour terminal."""
    from rich.console import Console

    color = _SETTINGS["color"]
    if color is None and os.environ.get("NO_COLOR"):
        color = False
    elif color is None and os.environ.get("FORCE_COLOR"):
        color = True
    kwargs: dict[str, Any] = {"highlight": False, "emoji": False, "stderr": stderr}
    if color is True:  # asked for: also through a pipe, a dumb terminal or CI logs
        kwargs["force_terminal"] = True
        kwargs["color_system"] = "standard"
    elif color is False:
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    return Console(**kwargs)


def _plain_width() -> int | None:
    """The width a rich console made by :func:`_console` would draw stdout at, when it would draw
    no terminal and no colour (a pipe, a file); None when it would (or when this cannot tell:
    Windows, Jupyter, IDLE). Rich's own tests of ``Console.is_terminal`` and ``Console.size``
    (rich/console.py), without importing ``rich.console``; ``tests/test_render.py`` compares
    the two."""
    if _SETTINGS["color"] is True or sys.platform == "win32":
        return None
    import builtins

    if hasattr(builtins, "get_ipython") or "idlelib" in sys.modules:
        return None
    environ = os.environ
    if environ.get("FORCE_COLOR") and _SETTINGS["color"] is None:
        return None  # _console() forces colour
    tty_compatible = environ.get("TTY_COMPATIBLE", "")
    if tty_compatible == "1":
        return None
    if tty_compatible != "0":
        force_color = environ.get("FORCE_COLOR")
        if force_color is not None:
            if force_color != "":
                return None
        else:
            file = getattr(sys.stdout, "rich_proxied_file", sys.stdout)
            isatty = getattr(file, "isatty", None)
            try:
                if isatty is not None and isatty():
                    return None
            except ValueError:
                pass
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width: int | None = int(columns)
    else:
        width = None
        for std in (sys.__stdin__, sys.__stdout__, sys.__stderr__):
            try:
                width = os.get_terminal_size(std.fileno())[0]  # type: ignore[union-attr]
            except Exception:  # not a terminal, or no such stream
                continue
            break
        width = width or 80
    return width if width >= 1 else None


def _show(draw: Any) -> None:
    """Print rich output on stdout. When stdout is not a terminal (a pipe, a file), the lines
    are written without the padding rich puts at their ends, and what is only text is wrapped
    without a rich console (:class:`~kzclaims.render.text.PlainConsole`)."""
    width = _plain_width()
    if width is not None:
        from kzclaims.render.text import NeedsConsole, PlainConsole

        plain = PlainConsole(width)
        try:
            draw(plain)
        except NeedsConsole:
            pass
        else:
            text = plain.getvalue()
            sys.stdout.write("\n".join(line.rstrip() for line in text.split("\n")))
            sys.stdout.flush()
            return
    console = _console()
    if console.is_terminal:
        draw(console)
        return
    with console.capture() as capture:
        draw(console)
    text = capture.get()
    sys.stdout.write("\n".join(line.rstrip() for line in text.split("\n")))
    sys.stdout.flush()


_STOP_AT = (".git", ".hg")


def _claim_ids(given: list[str] | None) -> tuple[str, ...]:
    """``--claim a --claim b`` and ``--claim a,b`` alike (ids never hold commas)."""
    parts = [part.strip() for item in given or () for part in item.split(",")]
    if given and not any(parts):
        # `--claim ""` (an unset shell variable) must not quietly mean every claim
        raise typer.BadParameter("give a claim id (or leave --claim out)", param_hint="--claim")
    return tuple(dict.fromkeys(part for part in parts if part))


#: what --scheduler accepts: "dask", or a Dask scheduler address (tcp://host:port, host:port)
_SCHEDULER_ADDRESS = r"(?:(?:tcp|tls|ucx|inproc|ws|wss)://)?[^\s/:]+(?::\d+)?"


def _check_scheduler(value: str | None) -> str | None:
    """Reject a --scheduler value that is neither ``dask`` nor an address, before anything
    else (a typo must not be reported as a missing Dask install or a 20 s connection wait)."""
    import re

    if value is None or value == "dask":
        return value
    if re.fullmatch(_SCHEDULER_ADDRESS, value) and ("://" in value or ":" in value):
        port = re.search(r":(\d+)$", value)
        if port and not 0 < int(port.group(1)) < 65536:
            raise typer.BadParameter(
                f"{value!r}: port {port.group(1)} is out of range (1-65535)",
                param_hint="--scheduler",
            )
        return value
    import difflib

    hint = "; did you mean `dask`?" if difflib.get_close_matches(value.lower(), ["dask"]) else ""
    raise typer.BadParameter(
        f"{value!r} is neither `dask` (a local cluster) nor a scheduler address such as"
        f" tcp://host:8786{hint}",
        param_hint="--scheduler",
    )


def _locate(claims: Path | None, sources: Path | None) -> tuple[Path, Path]:
    """The claims file and the sources folder of this run.

    Without ``--claims``, ``claims.yaml`` is looked for in the working directory, then in each
    parent folder up to the top of the repository (a folder holding ``.git``) or of the file
    system, as ruff and sqlfluff find their configuration. The default sources folder is
    ``sources/`` beside the claims file, found or given; when a claims file given from another
    folder has none beside it but the working directory has ``sources/``, that one (with a note).
    Paths stay relative to the working directory in messages and reports.
    """
    if claims is None:
        here = Path.cwd()
        found = None
        for folder in (here, *here.parents):
            candidate = folder / "claims.yaml"
            if candidate.is_file():
                found = candidate
                break
            if any((folder / marker).exists() for marker in _STOP_AT):
                break
        if found is None or found.parent == here:
            claims = Path("claims.yaml")
        else:
            claims = Path(os.path.relpath(found, here))
            if sources is None:
                sources = claims.parent / "sources"
                # say which files a run found upwards, and that a sources/ here is not them
                here_too = (
                    " (not ./sources here: give --sources sources to use it)"
                    if Path("sources").is_dir()
                    else ""
                )
                _note(f"kzclaims: using {claims} and {sources}/{here_too}")
    if sources is None:
        beside = claims.parent / "sources"
        if beside != Path("sources") and not beside.exists() and Path("sources").is_dir():
            # a claims file shared from elsewhere, and this folder has its own sources/
            if claims.is_file():
                _note(f"kzclaims: using ./sources (there is no {beside}/ beside {claims})")
            beside = Path("sources")
        sources = beside
    return claims, sources


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for p in problems:
        _err(str(p))


def _fail_input(exc: InputError) -> NoReturn:
    _print_problems(exc.problems)
    raise typer.Exit(EXIT_INPUT)


def _display(path: Path) -> str:
    """A path as shown in messages and reports: relative to the working directory (so reports
    are the same on every machine), absolute only on another drive. Symbolic links are not
    followed: a message names the path the user gave, not where it leads."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.getcwd())
    except ValueError:  # Windows: another drive
        return str(path)
    return Path(rel).as_posix()


def _load(
    claims: Path, sources: Path, follow_symlinks: bool = False
) -> tuple[ClaimSet, Corpus]:
    """Load and validate both inputs; report every problem of both before giving up."""
    from kzclaims.sources import load_sources

    return _claims_and(claims, lambda: load_sources(
        sources, _display(sources), follow_symlinks=follow_symlinks
    ))


_T = TypeVar("_T")


def _claims_and(claims: Path, second: Callable[[], _T]) -> tuple[ClaimSet, _T]:
    """The claims file and ``second()`` (the sources, loaded or listed); every problem of both
    is reported before giving up (errors always, warnings unless --quiet), then exit 2."""
    from kzclaims.claims import load_claims

    problems: list[Problem] = []
    claimset: ClaimSet | None = None
    other: _T | None = None
    try:
        claimset = load_claims(claims, _display(claims))
    except InputError as exc:
        problems.extend(exc.problems)
    try:
        other = second()
    except InputError as exc:
        problems.extend(exc.problems)
    if problems or claimset is None or other is None:
        _print_problems([p for p in problems if p.severity == "error" or not is_quiet()])
        if (
            claimset is None
            and other is None
            and all(p.code in ("missing-file", "missing-dir") for p in problems)
        ):
            _err(
                "kzclaims: hint: run kzclaims in the folder that holds claims.yaml and sources/,"
                " or pass --claims FILE and --sources DIR"
            )
        raise typer.Exit(EXIT_INPUT)
    return claimset, other


def _inputs(
    claims: Path, corpus: Corpus | None, sources: Path, listing: SourceListing | None = None
) -> list[Path]:
    """Every file this run reads: --output and --baseline must never name one of them."""
    paths = [claims, sources / "sources.yaml"]
    if corpus is not None:
        paths += [Path(s.file) for s in corpus.sources]
    if listing is not None:
        paths += [Path(listing.directory) / e.file for e in listing.entries if "://" not in e.file]
    return paths


def _load_listing(
    claims: Path, sources: Path, follow_symlinks: bool = False
) -> tuple[ClaimSet, SourceListing]:
    """Load the claims and list the sources (read later, a shard at a time); report every
    problem of both before giving up."""
    from kzclaims.sources import list_sources

    return _claims_and(claims, lambda: list_sources(
        sources, _display(sources), follow_symlinks=follow_symlinks
    ))


#: the progress bar appears only for runs longer than this (seconds)
PROGRESS_AFTER = 1.0


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress_bar(quiet: bool) -> Iterator[Callable[[int, int, int, int], None] | None]:
    """A rich progress bar on stderr (files, MB, time left) for runs over a second; none when
    quiet or when stderr is not a terminal. Never on stdout."""
    if quiet or not _stderr_is_terminal():
        yield None
        return
    import time

    start = time.monotonic()
    bar: Any = None
    task: Any = None

    def update(files: int, files_total: int, done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if time.monotonic() - start < PROGRESS_AFTER or files >= files_total:
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            bar = Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                # only ever made when stderr is a terminal (_stderr_is_terminal)
                console=Console(stderr=True, force_terminal=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task("", total=total)
        bar.update(task, completed=done, description=f"{files}/{files_total} files")

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


def _guard_output(target: Path | None, option: str, inputs: list[Path]) -> None:
    if target is None:
        return
    from kzclaims.safefs import refuse_overwrite

    try:
        refuse_overwrite(target, _display(target), inputs, option)
    except InputError as exc:
        _fail_input(exc)


def _write_owned(path: Path, text: str) -> None:
    """Write a tool-owned file atomically; a failure is one line and exit 2."""
    from kzclaims.io import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        _err(f"{_display(path)}: error: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from None


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    """Write a rendered report (its text, or its pieces as they come) to stdout or ``output``
    (atomically: whole or not at all)."""
    if output is None:
        # a slice at a time: the stream encodes what it is given in one piece (a large report
        # would be held twice, as text and as UTF-8)
        for part in [text] if isinstance(text, str) else text:
            for at in range(0, len(part), _EMIT_SLICE):
                sys.stdout.write(part[at : at + _EMIT_SLICE])
        sys.stdout.flush()
        return
    _write_owned(output, text if isinstance(text, str) else "".join(text))


#: characters written to stdout at a time (:func:`_emit`)
_EMIT_SLICE = 1 << 20


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


def _in_workspace(path: str) -> str:
    """A path for a GitHub annotation's ``file=``: GitHub reads it from the top of the
    repository (``GITHUB_WORKSPACE``), so a run in a folder below it (the action's
    ``working-directory``, or ``../claims.yaml`` found upwards) must name it from there, or the
    annotation lands on no file (QA6 Q11). Unchanged outside GitHub Actions or the workspace."""
    top = os.environ.get("GITHUB_WORKSPACE")
    if not top or not path:
        return path
    try:
        inside = Path(os.path.abspath(path)).relative_to(os.path.abspath(top))
    except ValueError:
        return path
    return inside.as_posix()


def _resolve_format(fmt: Format) -> Format:
    """``auto``: GitHub annotations inside GitHub Actions, else the text table."""
    if fmt is Format.auto:
        return Format.github if _in_github_actions() else Format.text
    return fmt


def _render(
    report: Report, fmt: Format, evidence: bool, to_file: bool, max_chars: int | None = None
) -> str | Iterable[str] | None:
    """The report in a machine or file format (JSON: its pieces, written as they come); None
    means: print the rich text to the terminal."""
    fmt = _resolve_format(fmt)
    if fmt is Format.json:
        from kzclaims.render.json import json_chunks

        return json_chunks(report)
    if fmt is Format.markdown:
        from kzclaims.render.markdown import render_markdown, render_markdown_within

        return render_markdown(report) if max_chars is None else render_markdown_within(
            report, max_chars
        )
    if fmt is Format.github:
        from dataclasses import replace

        from kzclaims.render.github import render_github

        return render_github(replace(report, claims_file=_in_workspace(report.claims_file)))
    if fmt is Format.junit:
        from kzclaims.render.junit import render_junit

        return render_junit(report)
    if fmt is Format.html:
        from kzclaims.render.html import render_html

        return render_html(report)
    if to_file:
        from kzclaims.render.text import render_text

        return render_text(report, width=120, color=False, evidence=evidence)
    return None


def _print_rich(report: Report, evidence: bool) -> None:
    from kzclaims.render.text import render_changes, render_to

    def draw(console: Any) -> None:
        render_to(console, report, evidence)
        if report.changes is not None:
            console.print()
            render_changes(console, report)

    _show(draw)


_FROM = {
    "dateline": "its dateline",
    "page metadata": "the page's metadata",
    "document properties": "the document's properties",
}


def _inferred_date_warnings(report: Report, listing: SourceListing) -> None:
    """Without a manifest date, relative dates ("in two days") resolve against the date read
    from the text's dateline: say so, per source, when that happened in this report."""
    by_id = {s.id: s for s in report.sources}
    used: dict[str, str] = {}
    for result in report.claims:
        for f in result.findings:
            src = by_id.get(f.source)
            if (
                f.found
                and f.reference_date
                and src is not None
                and src.published_inferred
                and src.as_of is None
            ):
                used.setdefault(f.source, str(f.reference_date))
    advice = listing.where_to_give("`published:` (or `as_of:`)")
    for sid, date in used.items():
        src = by_id[sid]
        _note(
            f"{src.file}: warning: relative dates were read against {date}, the date read from"
            f" {_FROM.get(src.published_from or '', 'the text')}"
            f"{_far_from_the_others(src, report)}; {advice}"
        )


#: an inferred date this far from every other source's date is probably a wrong year
_FAR_DAYS = 183


def _far_from_the_others(src: SourceInfo, report: Report) -> str:
    """", but the other sources are from 2025-09-15 to 2025-09-18" when a source's inferred date
    is half a year or more from every other source's date (a year-less dateline whose year was
    taken from a past year the text mentions: QA3 Q1); "" otherwise. A function of the whole
    report, so the same whatever --jobs or the shards."""
    import datetime as dt

    if not src.published:
        return ""
    own = dt.date.fromisoformat(str(src.published))
    others = sorted(
        dt.date.fromisoformat(str(s.published)) for s in report.sources
        if s.id != src.id and s.published
    )
    if not others or any(abs((d - own).days) < _FAR_DAYS for d in others):
        return ""
    span = others[0].isoformat() if others[0] == others[-1] else (
        f"{others[0].isoformat()} to {others[-1].isoformat()}"
    )
    return f", but the other sources are from {span} (a wrong year?)"


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
        # the run's failure, so printed under --quiet too ("only the report and errors"): a
        # pre-commit hook or CI step with -q must not fail with no word of why (QA4 Q2)
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
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    traceback: Annotated[
        bool,
        typer.Option(
            "--traceback",
            help="On an internal error, show the traceback (as KZCLAIMS_DEBUG=1 does).",
        ),
    ] = False,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
) -> None:
    """kzclaims: where outlets agree, roughly agree or conflict, with the quote behind each cell."""
    global _TRACEBACK
    _TRACEBACK = traceback
    _SETTINGS["quiet"] = quiet
    _SETTINGS["color"] = color


@app.command()
def compare(
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    claim: Annotated[
        list[str] | None,
        typer.Option("--claim", help="Only these claim ids (repeatable, or comma-separated)."),
    ] = None,
    threshold: ThresholdOpt = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="Output format; auto: github inside GitHub Actions, else text."
        ),
    ] = Format.text,
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
    follow_symlinks: FollowOpt = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Processes to search the sources with (default: all cores)."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help='Run on Dask: "dask" (a local cluster of --jobs workers) or a scheduler'
            ' address tcp://host:port. Needs pip install "kzclaims\\[dask]".',
        ),
    ] = None,
    scheduler_timeout: Annotated[
        float,
        typer.Option(
            "--scheduler-timeout",
            min=0.1,
            help="Seconds to wait for the Dask scheduler at a --scheduler address.",
        ),
    ] = 10.0,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
    full: Annotated[
        bool | None,
        typer.Option(
            "--full/--compact",
            help="Every source's cell for every claim, or only the cells where a claim was"
            " found, counting the rest (default: compact over 200 sources).",
        ),
    ] = None,
    max_chars: MaxCharsOpt = None,
) -> None:
    """Find every claim in every source and compare the values the sources give."""
    _apply(quiet, color)
    _check_max_chars(max_chars, fmt)
    scheduler = _check_scheduler(scheduler)
    claims, sources = _locate(claims, sources)
    conditions = _parse_fail_on(fail_on or [])
    if "changed" in conditions and baseline is None:
        raise typer.BadParameter(
            "`changed` needs --baseline FILE to compare with", param_hint="--fail-on"
        )
    if update_baseline and baseline is None:
        raise typer.BadParameter(
            "--update-baseline needs --baseline FILE", param_hint="--update-baseline"
        )
    if update_baseline and _claim_ids(claim):  # the baseline would keep only those claims
        raise typer.BadParameter(
            "--update-baseline with --claim would keep only the chosen claims in the baseline;"
            " accept a change with a run of every claim (without --claim)",
            param_hint="--update-baseline",
        )
    claimset, listing = _load_listing(claims, sources, follow_symlinks)
    inputs = _inputs(claims, None, sources, listing)
    _guard_output(output, "--output", inputs)
    if update_baseline:
        _guard_output(baseline, "--baseline", [*inputs, *([output] if output else [])])
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary and summary and _in_github_actions():
        # the job summary is appended to: never to a claims file, manifest or source
        _guard_output(Path(summary), "$GITHUB_STEP_SUMMARY", inputs)
    from kzclaims.execute import run_compare

    try:
        with _progress_bar(is_quiet()) as progress:
            run = run_compare(
                claimset,
                listing,
                claim_ids=_claim_ids(claim),
                threshold=threshold,
                jobs=jobs,
                scheduler=scheduler,
                scheduler_timeout=scheduler_timeout,
                progress=progress,
                compact=None if full is None else not full,
            )
        for w in (*claimset.warnings, *listing.warnings, *run.warnings):
            _note(str(w))
        report = run.report
        if baseline is not None:
            report = _with_baseline(report, baseline, update_baseline, _claim_ids(claim))
    except InputError as exc:
        _fail_input(exc)
    _inferred_date_warnings(report, listing)
    text = _render(report, fmt, evidence, output is not None, max_chars)
    if text is None:
        _print_rich(report, evidence)
    else:
        _emit(text, output)
    if update_baseline and baseline is not None:
        from kzclaims.io import write_baseline

        created = not baseline.exists()
        try:
            write_baseline(baseline, report)
        except OSError as exc:
            _err(f"{_display(baseline)}: error: cannot write the baseline: {exc.strerror or exc}")
            raise typer.Exit(EXIT_INPUT) from None
        _note(
            f"kzclaims: baseline {_display(baseline)} "
            + ("created from this run; commit it" if created else "updated")
        )
    _step_summary(report, step_summary)
    _finish(report, conditions)


def _with_baseline(
    report: Report, baseline: Path, update: bool, only: tuple[str, ...] = ()
) -> Report:
    """The report with its changes since ``baseline``; with ``only`` (--claim), since the
    baseline's claims of those ids (the others were not run: not "removed")."""
    from dataclasses import replace

    from kzclaims.baseline import diff_reports, with_changes
    from kzclaims.render.json import load_report

    if update and not baseline.exists():
        return report  # a first baseline: nothing to compare with, so no "No changes since"
    if not baseline.exists() and not baseline.is_symlink():
        raise InputError.single(
            _display(baseline),
            "baseline not found; create it with `kzclaims compare --baseline "
            f"{_display(baseline)} --update-baseline`",
            code="missing-file",
        )
    old = load_report(baseline)
    if only:
        old = replace(old, claims=tuple(c for c in old.claims if c.id in only))
    return with_changes(report, diff_reports(old, report), _display(baseline))


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The older saved JSON report.")],
    new: Annotated[Path, typer.Argument(help="The newer saved JSON report.")],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="Output format; auto: github inside GitHub Actions, else text."
        ),
    ] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    fail_on: Annotated[
        list[str] | None,
        typer.Option("--fail-on", help="Exit 1 when this happens (e.g. changed)."),
    ] = None,
    max_chars: MaxCharsOpt = None,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
) -> None:
    """Show what changed between two saved JSON reports."""
    _apply(quiet, color)
    _check_max_chars(max_chars, fmt)
    fmt = _resolve_format(fmt)
    conditions = _parse_fail_on(fail_on or [])
    _guard_output(output, "--output", [old, new])
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
        from kzclaims.render.text import render_changes

        _show(lambda console: render_changes(console, report))
    else:
        text = _render(report, fmt, False, output is not None, max_chars)
        if text is not None:
            _emit(text, output)
    _finish(report, conditions)


@app.command()
def check(
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
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
    follow_symlinks: FollowOpt = False,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
) -> None:
    """Validate the claims file and the sources manifest without comparing anything."""
    _apply(quiet, color)
    claims, sources = _locate(claims, sources)
    from kzclaims.check import run_check

    with _progress_bar(is_quiet()) as progress:
        problems, counts = run_check(
            claims,
            sources,
            _display(claims),
            _display(sources),
            mentions=mentions,
            follow_symlinks=follow_symlinks,
            progress=progress,
        )
    use_github = fmt is CheckFormat.github or (fmt is CheckFormat.auto and _in_github_actions())
    if is_quiet():
        problems = [p for p in problems if p.severity == "error"]
    for p in problems:
        if use_github:
            from dataclasses import replace

            from kzclaims.render.github import problem_annotation

            typer.echo(problem_annotation(replace(p, path=_in_workspace(p.path))))
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
    _note(
        f"kzclaims: {counts[0]} claim{'s' * (counts[0] != 1)} and {counts[1]}"
        f" source{'s' * (counts[1] != 1)} are valid"
        + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else "")
    )


@app.command()
def explain(
    claim_id: Annotated[
        str | None,
        typer.Argument(
            metavar="CLAIM_ID",
            help="The id of the claim to explain (without it, the ids are listed).",
            show_default=False,
        ),
    ] = None,
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    threshold: ThresholdOpt = None,
    passages: Annotated[
        int,
        typer.Option(
            "--passages", "-n", min=1, max=20, help="Candidate passages shown per source."
        ),
    ] = 3,
    every_source: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every source (over 20 sources, the default lists those that give the"
            " claim or nearly do and the closest others, and counts the rest).",
        ),
    ] = False,
    follow_symlinks: FollowOpt = False,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
) -> None:
    """Why each cell of one claim reads as it does: candidate passages, scores and values."""
    _apply(quiet, color)
    claims, sources = _locate(claims, sources)
    claimset, corpus = _load(claims, sources, follow_symlinks)
    if claim_id is None:  # the ids to choose from, not only "Missing argument 'CLAIM_ID'"
        ids = [c.id for c in claimset.claims]
        shown = ", ".join(ids[:12]) + (f" and {len(ids) - 12} more" if len(ids) > 12 else "")
        _err(f"kzclaims explain: error: which claim? give its id: {shown}")
        raise typer.Exit(EXIT_INPUT)
    from kzclaims.pipeline import explain as run_explain
    from kzclaims.pipeline import select_claims

    try:
        (target,) = select_claims(claimset, [claim_id])
    except InputError as exc:
        _fail_input(exc)
    from kzclaims.render.explain import SHOWN_SOURCES, render_explanation

    explanation = run_explain(target, corpus, threshold, passages, claimset.claims)
    _show(lambda console: render_explanation(
        console, explanation, None if every_source else SHOWN_SOURCES
    ))


@app.command("sources")
def list_sources(
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    fmt: Annotated[
        SourcesFormat, typer.Option("--format", "-f", help="text or json (auto: text).")
    ] = SourcesFormat.text,
    follow_symlinks: FollowOpt = False,
    quiet: QuietOpt = False,
    color: ColorOpt = None,
) -> None:
    """List the sources: id, outlet, date, size, and which claims each one mentions."""
    _apply(quiet, color)
    claims, sources = _locate(claims, sources)
    from kzclaims.claims import load_claims
    from kzclaims.sources import load_sources

    try:
        corpus = load_sources(sources, _display(sources), follow_symlinks=follow_symlinks)
    except InputError as exc:
        _fail_input(exc)
    claimset = None
    if claims.exists():
        try:
            claimset = load_claims(claims, _display(claims))
        except InputError as exc:
            _fail_input(exc)
    from kzclaims.render.sources import render_sources_json, render_sources_table

    mentioned: dict[str, list[str]] | None = None
    if claimset is not None:  # searched as compare searches: shards, every core, progress
        from kzclaims.execute import run_compare
        from kzclaims.sources import list_sources as listing_of

        listing = listing_of(sources, _display(sources), follow_symlinks=follow_symlinks)
        try:
            with _progress_bar(is_quiet()) as progress:
                report = run_compare(claimset, listing, progress=progress).report
        except InputError as exc:
            _fail_input(exc)
        mentioned = {s.id: [] for s in corpus.sources}
        for c in report.claims:
            for f in c.findings:
                if f.found:
                    mentioned.setdefault(f.source, []).append(c.id)
    if fmt is SourcesFormat.json:
        _emit(render_sources_json(corpus, mentioned), None)
    else:
        _show(lambda console: render_sources_table(console, corpus, mentioned))


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="The project folder (created when missing).")
    ] = Path("."),
    quiet: QuietOpt = False,
) -> None:
    """Start a project: a commented claims.yaml, sources/sources.yaml and two example sources."""
    _apply(quiet, None)
    from kzclaims.init import init_project

    shown = _display(folder)
    try:
        written = init_project(folder, shown)
    except InputError as exc:
        _fail_input(exc)
    except OSError as exc:
        _err(f"{shown}: error: cannot write: {exc.strerror or exc}")
        raise typer.Exit(EXIT_INPUT) from None
    for path in written:
        _note(f"kzclaims: wrote {path}")
    where = "" if shown == "." else f"cd {shown} && "
    _note(f"kzclaims: next: {where}kzclaims check && kzclaims compare")


@app.command()
def schema(
    name: Annotated[
        SchemaName, typer.Argument(help="claims, sources (the manifest) or report (JSON report).")
    ],
) -> None:
    """Print the JSON Schema of claims.yaml, sources.yaml or the JSON report."""
    import json

    from kzclaims.schemas import load_schema

    sys.stdout.write(json.dumps(load_schema(name.value), indent=2, ensure_ascii=False) + "\n")


def _out_of_range(m: Any) -> str:
    """click's "200.0 is not in the range 0<=x<=100." in plain words: the bound it passed."""
    value, low, high = m.group(1), m.group(2), m.group(3)
    try:
        below = float(value) < float(low)
    except ValueError:  # pragma: no cover - click prints numbers
        below = False
    return f"must be at least {low}" if below else f"must be at most {high}"


# typer validates option values with click's types (typer < 0.29, which the project pins: see
# pyproject.toml) or with pydantic (typer 0.29); either wording is translated into plain words.
_PYDANTIC_WORDING: tuple[tuple[str, Any], ...] = (
    (r"'[^']*' is not a valid float(?: range)?\.?", "not a number"),
    (r"'[^']*' is not a valid int(?:eger)?(?: range)?\.?", "not a whole number"),
    (r"'[^']*' is not a valid boolean(?: range)?\.?", "not true or false"),
    (r"(\S+) is not in the range (-?\d+(?:\.\d+)?)<=x<=(-?\d+(?:\.\d+)?)\.?", _out_of_range),
    (r"\S+ is not in the range x>=(-?\d+(?:\.\d+)?)\.?", r"must be at least \1"),
    (r"\S+ is not in the range x<=(-?\d+(?:\.\d+)?)\.?", r"must be at most \1"),
    (r"Input should be a valid number, unable to parse string as a number", "not a number"),
    (r"Input should be a valid integer, unable to parse string as an integer",
     "not a whole number"),
    (r"Input should be a valid integer[^.;]*", "not a whole number"),
    (r"Input should be a valid number[^.;]*", "not a number"),
    (r"Input should be a valid boolean[^.;]*", "not true or false"),
    (r"Input should be less than or equal to (\S+)", r"must be at most \1"),
    (r"Input should be greater than or equal to (\S+)", r"must be at least \1"),
    (r"Input should be less than (\S+)", r"must be less than \1"),
    (r"Input should be greater than (\S+)", r"must be more than \1"),
    (r"Input should be ", "must be "),
    (r"Value error, ", ""),
    (r"'([^']*)' is not one of ((?:'[^']*'(?:, )?)+)\.?",
     lambda m: f"`{m.group(1)}` is not one of: "  # type: ignore[misc]
     + ", ".join(x.strip("'") for x in m.group(2).split(", "))),
    (r"'(--[\w-]+)' / '-\w'", r"\1"),
    (r"'(--[\w-]+)'", r"\1"),
)


def _message(exc: Exception) -> str:
    import re

    fmt = getattr(exc, "format_message", None)
    text = str(fmt()) if callable(fmt) else str(exc)
    for pattern, replacement in _PYDANTIC_WORDING:
        text = re.sub(pattern, replacement, text)  # type: ignore[arg-type]
    return text


def _base_named(cls: type, name: str) -> type[Exception]:
    for base in cls.__mro__:
        if base.__name__ == name:
            return base
    return Exception


class _StdoutClosed(Exception):
    """Standard output cannot be written: closed (``>&-``) or its reader went away."""

    def __init__(self, broken_pipe: bool) -> None:
        super().__init__("standard output is closed")
        self.broken_pipe = broken_pipe


class _GuardedStdout:
    """sys.stdout, but a closed pipe or descriptor raises :class:`_StdoutClosed` -- which click
    does not catch (it turns EPIPE into exit code 1, the --fail-on code) -- so that main()
    decides the exit code."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def _guard(self, call: Any, *args: Any) -> Any:
        if self._stream is None:
            raise _StdoutClosed(broken_pipe=False)
        try:
            return call(*args)
        except BrokenPipeError:
            raise _StdoutClosed(broken_pipe=True) from None
        except (OSError, ValueError) as exc:  # EBADF, or the stream was closed
            raise _StdoutClosed(broken_pipe=False) from exc

    def write(self, text: str) -> int:
        return int(self._guard(lambda: self._stream.write(text)))

    def flush(self) -> None:
        if self._stream is not None:
            self._guard(self._stream.flush)

    def isatty(self) -> bool:
        return bool(self._stream is not None and self._stream.isatty())

    def fileno(self) -> int:
        if self._stream is None:
            raise OSError("standard output is closed")
        return int(self._stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    except (OSError, ValueError):
        pass
    sys.stdout = None  # type: ignore[assignment]


def _wants_traceback() -> bool:
    return _TRACEBACK or os.environ.get("KZCLAIMS_DEBUG", "") not in ("", "0")


def _glob_hint(exc: Exception) -> str:
    """A hint when the shell expanded an unquoted glob given to --sources into many files."""
    extra = getattr(exc, "message", "") or ""
    if "unexpected extra argument" not in extra:
        return ""
    argv = sys.argv[1:]
    flags = [i for i, a in enumerate(argv) if a in ("--sources", "-s")]
    if not flags:  # (the shell leaves `--sources=a/*.txt` alone: no file starts with --sources=)
        return ""
    files = [a for a in argv[flags[-1] + 1 :] if not a.startswith("-") and Path(a).is_file()]
    if len(files) < 2:
        return ""
    suffix = Path(files[0]).suffix
    folder = Path(files[0]).parent.as_posix()
    example = f"{folder}/*{suffix}" if folder != "." else f"*{suffix}"
    return (
        "kzclaims: hint: the shell expanded a glob into several files; quote it so that kzclaims"
        f" expands it: --sources '{example}'"
    )


#: the root options that may come before a command's name (flags: none takes a value)
_ROOT_FLAGS = frozenset({"--quiet", "-q", "--color", "--no-color", "--traceback"})


def _command_name(info: Any) -> str:
    from typer.main import get_command_name

    return str(info.name or get_command_name(info.callback.__name__))


@contextmanager
def _only_the_command(args: list[str]) -> Iterator[None]:
    """Let typer build only the command a command line names. Before parsing, typer turns every
    command of the app into a click command (each parameter's signature and annotations: ~11 ms
    of CPU for the seven, ~5 for ``compare`` alone: docs/benchmarks.md, "Start-up and scoring
    (issue 8, eighth session)"); ``kzclaims compare ...`` needs one. Only when the name comes
    first or after root flags: the root help, an unknown command, a bare ``kzclaims`` and shell
    completion see the whole app."""
    kept = app.registered_commands
    name = next((a for a in args if a not in _ROOT_FLAGS), None)
    mine = [c for c in kept if _command_name(c) == name]
    if len(mine) != 1 or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        yield
        return
    app.registered_commands = mine
    try:
        yield
    finally:
        app.registered_commands = kept


#: objects allocated (less those freed) between two collections of the collector's youngest
#: generation during a command (Python's default: 700)
YOUNG_COLLECTION = 50_000


@contextmanager
def _collecting_less() -> Iterator[None]:
    """The cyclic garbage collector's youngest generation collected every
    :data:`YOUNG_COLLECTION` allocations instead of 700, for the command's duration.

    A run makes next to no cyclic garbage (what reference counting cannot free): 18 objects in
    the 38 collections of the bundled ``compare``, 29 in 189 on 160 generated documents and in
    734 on 300 documents with 500 claims; so the collector's passes over the young objects were
    wasted work, ~10 ms of CPU of the bundled run in 55 collections, plus what their traversal
    evicts from the caches (docs/benchmarks.md, "Start-up and scoring (issue 8, eighth
    session)"). Garbage cycles are still collected, later: memory is unchanged. Restored after,
    for a program calling :func:`main` in process."""
    kept = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION, *kept[1:])
    try:
        yield
    finally:
        _thresholds_back(kept)


def _thresholds_back(kept: tuple[int, ...]) -> None:
    """Set the collector's thresholds back to ``kept`` without the collection that would follow
    at once: more objects than the youngest generation's threshold of 700 are pending after a
    command (~20,000 after the bundled ``compare``), and the next allocation would traverse them
    all (~8 ms of CPU there, the only collection of the command). ``gc.freeze`` then
    ``gc.unfreeze`` put the young objects in the oldest generation (list splices, no
    traversal) and count the youngest generation from zero; a cycle among them is collected by
    the next full collection. Skipped when the program has frozen objects of its own
    (``gc.unfreeze`` would thaw them)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    gc.set_threshold(*kept)


_FREEZE_AT_EXIT: list[bool] = []


def _freeze_at_exit() -> None:
    """At exit, put every object in the garbage collector's permanent generation
    (``gc.freeze``), once per process.

    The interpreter's finalization ends with a full collection that traverses every object the
    run created: ~20 ms of CPU of the bundled ``compare``, more than drawing its table (issue 8,
    docs/benchmarks.md "Fifth pass"). Frozen objects are not traversed. Nothing the run writes
    depends on it: reports are written and closed (atomically) before, standard output is
    flushed by :func:`main` and by the interpreter, and every other exit handler still runs
    (``atexit`` handlers registered during the run run first). Registered as an exit handler,
    not called here, so that a program calling :func:`main` in process keeps its collector."""
    if not _FREEZE_AT_EXIT:
        import atexit

        atexit.register(gc.freeze)
        _FREEZE_AT_EXIT.append(True)


def main() -> None:
    """Console-script entry point: every error is one line on stderr, never a traceback.

    Exit codes: 0 ran, 1 a --fail-on condition, 2 bad input or usage, 3 an internal error,
    130 interrupted, 141 standard output closed by its reader.
    """
    _freeze_at_exit()
    # typer raises click's exceptions (vendored in recent typer); find their classes through the
    # one typer exports, so that this works with either.
    usage_error = _base_named(typer.BadParameter, "UsageError")
    click_exception = _base_named(typer.BadParameter, "ClickException")
    sys.stdout = _GuardedStdout(sys.stdout)  # type: ignore[assignment]
    try:
        with _only_the_command(sys.argv[1:]), _collecting_less():
            code = app(prog_name="kzclaims", standalone_mode=False)
        sys.stdout.flush()
    except _StdoutClosed as exc:
        if exc.broken_pipe:
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        _err("kzclaims: error: standard output is closed; use --output FILE to write the report")
        sys.exit(EXIT_INPUT)
    except usage_error as exc:  # unknown option, bad value, missing argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare `kzclaims`: its help, as asked
            # (the rich help prints itself and leaves the message empty; the plain one of a
            # narrow terminal is the message)
            shown = _message(exc)
            if shown:
                sys.stdout.write(shown.rstrip("\n") + "\n")
            sys.exit(EXIT_INPUT)
        ctx = getattr(exc, "ctx", None)
        command = ctx.command_path if ctx is not None else "kzclaims"
        message = _message(exc)
        if message:  # empty when the help was shown for a bare `kzclaims`
            _err(f"{command}: error: {message} (see `{command} --help`)")
            hint = _glob_hint(exc)
            if hint:
                _err(hint)
        sys.exit(EXIT_INPUT)
    except click_exception as exc:
        _err(f"kzclaims: error: {_message(exc)}")
        sys.exit(getattr(exc, "exit_code", EXIT_INPUT))
    except KzclaimsError as exc:  # a library error that escaped a command: still one clean line
        _err(f"kzclaims: error: {exc}")
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        _err("kzclaims: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        if type(exc).__name__ == "Abort":  # click's Ctrl-C at a prompt
            _err("kzclaims: aborted")
            sys.exit(EXIT_INTERRUPTED)
        if _wants_traceback():
            import traceback

            traceback.print_exc()
        reason = " ".join(str(exc).split())[:200]
        _err(
            f"kzclaims: internal error: {type(exc).__name__}"
            + (f": {reason}" if reason else "")
        )
        _err(
            "kzclaims: this is a bug in kzclaims; please report it to its maintainers with the"
            " command you ran"
            + ("" if _wants_traceback() else " (KZCLAIMS_DEBUG=1 or --traceback shows the details)")
        )
        sys.exit(EXIT_INTERNAL)
    if code == EXIT_INTERRUPTED:
        # typer turns Ctrl-C into Exit(130) before it reaches the handler above (typer 0.28's
        # core.py: `except KeyboardInterrupt: raise Exit(130)`); kzclaims itself never exits 130
        _err("kzclaims: interrupted")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


_thresholds_back(_IMPORT_THRESHOLDS)
