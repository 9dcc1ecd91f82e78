"""Start-up stays light: what a run imports (a behaviour, checked in a fresh interpreter).

How fast it starts is measured in benchmarks/scale.py --startup, never asserted here. What is
asserted: ``import kzclaims.cli`` and the bundled ``kzclaims compare`` import neither pydantic
(typer 0.29 validates options with it: pyproject.toml caps typer below 0.29) nor any optional
library (readers, Russian morphology, Dask, fsspec, the JSON Schema validator); and the default
bundled run imports none of kzclaims's own modules it does not use (other readers and renderers,
the Russian value reader, other commands).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: top-level packages no plain start-up and no run over .txt sources may import
HEAVY = (
    "pydantic", "pydantic_core", "trafilatura", "htmldate", "lxml", "pypdf", "docx",
    "pymorphy3", "dask", "distributed", "fsspec", "jsonschema", "numpy", "pandas",
)

#: kzclaims's own modules that a compare of plain-text English sources rendered as a table or
#: JSON does not need (other readers, languages, renderers and commands): imported only when used
UNNEEDED = (
    "kzclaims.values.russian", "kzclaims.readers.html", "kzclaims.readers.pdf",
    "kzclaims.readers.docx", "kzclaims.distributed", "kzclaims.render.html",
    "kzclaims.render.markdown", "kzclaims.render.junit", "kzclaims.render.github",
    "kzclaims.render.explain", "kzclaims.render.summary", "kzclaims.render.sources",
    "kzclaims.init", "kzclaims.check", "kzclaims.io", "kzclaims.schemas",
    "kzclaims.readers.encoding",  # only for a file that is not UTF-8
)

_CHECK = """
import json, sys
heavy = set(sys.argv[1].split(","))
unneeded = set(sys.argv[2].split(","))
{body}
print(json.dumps(sorted({{m.split(".")[0] for m in sys.modules}} & heavy)))
print(json.dumps(sorted(set(sys.modules) & unneeded)))
"""


def _run_check(body: str, cwd: Path = ROOT) -> tuple[list[str], list[str]]:
    """(heavy packages, unneeded kzclaims modules) imported by ``body`` in a fresh interpreter."""
    code = _CHECK.format(body=body)
    p = subprocess.run(
        [sys.executable, "-c", code, ",".join(HEAVY), ",".join(UNNEEDED)],
        cwd=cwd, capture_output=True, text=True, check=False,
    )
    assert p.returncode == 0, p.stderr
    heavy, unneeded = p.stdout.strip().splitlines()[-2:]
    return json.loads(heavy), json.loads(unneeded)


def _imported(body: str, cwd: Path = ROOT) -> list[str]:
    return _run_check(body, cwd)[0]


def test_importing_the_cli_imports_nothing_heavy() -> None:
    assert _imported("import kzclaims.cli") == []


def test_help_imports_nothing_heavy() -> None:
    body = (
        "import contextlib, io\n"
        "from kzclaims import cli\n"
        "sys.argv = ['kzclaims', 'compare', '--help']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    assert _imported(body) == []


def _compare(args: str, check: str) -> str:
    """The body of a subprocess that runs ``kzclaims <args>`` through cli.main and asserts
    ``check`` on its standard output (``out``)."""
    return (
        "import contextlib, io\n"
        "from kzclaims import cli\n"
        f"sys.argv = ['kzclaims', {args}]\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code in (0, None), exc.code\n"
        f"assert {check}\n"
    )


def test_the_bundled_compare_imports_nothing_heavy() -> None:
    """A whole run with options that take values (parsed by typer: no pydantic) over the
    bundled .txt sources (no reader, language or distribution library)."""
    body = _compare(
        "'compare', '--threshold', '75', '--format', 'json', '-j', '1'",
        "json.loads(out.getvalue())['claims']",
    )
    assert _imported(body) == []


def test_the_bundled_compare_imports_only_the_modules_it_uses() -> None:
    """The default run (the rich table) over the bundled English .txt sources imports none of
    kzclaims's other readers, the Russian value reader, other renderers or commands."""
    body = _compare("'compare'", "out.getvalue().strip()")
    heavy, unneeded = _run_check(body)
    assert heavy == []
    assert unneeded == []
    # nor the JSON renderer (the CLI imports kzclaims.baseline for every run: it must not pull
    # the JSON renderer in)
    body = _compare("'compare'", "'kzclaims.render.json' not in sys.modules")
    assert _run_check(body)[0] == []
    # nor rich's console: text written to a pipe or a file is wrapped without one (PlainConsole)
    body = _compare("'compare'", "'rich.console' not in sys.modules and out.getvalue().strip()")
    assert _run_check(body)[0] == []


def test_the_collector_is_frozen_at_exit_and_other_exit_handlers_still_run() -> None:
    """cli.main skips the interpreter's last full garbage collection (gc.freeze at exit); an exit
    handler registered before it still runs, after it; the report is complete on stdout."""
    code = (
        "import atexit, gc, os, sys\n"
        "atexit.register(lambda: os.write(2, f'frozen {gc.get_freeze_count() > 0}'.encode()))\n"
        "from kzclaims import cli\n"
        "print(gc.get_freeze_count())\n"
        "sys.argv = ['kzclaims', 'compare', '--format', 'json']\n"
        "cli.main()\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert p.returncode == 0, p.stderr
    first, report = p.stdout.split("\n", 1)
    assert first == "0"  # not frozen while the run works
    assert json.loads(report)["claims"]
    assert p.stderr.endswith("frozen True"), p.stderr


def test_a_bad_option_value_is_worded_plainly_without_pydantic() -> None:
    """The wording of a bad value is ours whichever typer parses it (click's types)."""
    body = (
        "import contextlib, io\n"
        "from kzclaims import cli\n"
        "sys.argv = ['kzclaims', 'compare', '--jobs', '0']\n"
        "err = io.StringIO()\n"
        "with contextlib.redirect_stderr(err):\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 2, exc.code\n"
        "assert 'Invalid value for --jobs: must be at least 1 ' in err.getvalue(), err.getvalue()\n"
    )
    assert _imported(body) == []


def _yaml_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted([*ROOT.glob("*.yaml"), *ROOT.glob("tests/**/*.yaml"), *ROOT.glob("tests/**/*.yml")]):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if len(text) < 300_000:
            out.append((str(path.relative_to(ROOT)), text))
    return out


def test_small_yaml_files_compose_the_same_on_libyaml_as_on_the_precise_path() -> None:
    """claims.yaml and manifests of any size are composed by libyaml when that is safe (no
    aliases, tags or deep nesting): the nodes, lines and columns must be the precise path's."""
    import pytest

    from kzclaims import yamlfile

    texts = [(name, t) for name, t in _yaml_texts() if yamlfile._fast_path_safe(t)]
    assert any(name == "claims.yaml" for name, _ in texts)  # the bundled one takes the fast path
    compared = 0
    for name, text in texts:
        try:
            fast = yamlfile._parse_yaml_fast(text, name)
        except Exception:  # an error or a problem: parse_yaml falls back to the precise path
            continue
        mp = pytest.MonkeyPatch()
        mp.setattr(yamlfile, "FAST_MIN_BYTES", 10**12)
        try:
            precise = yamlfile.parse_yaml(text, name)
        finally:
            mp.undo()
        assert fast == precise, name
        compared += 1
    assert compared >= 10


def test_a_command_line_naming_a_command_builds_only_that_command() -> None:
    """``kzclaims [root flags] compare ...`` lets typer build only ``compare`` (start-up, issue
    8); the root help, an unknown command and anything else before the name see every command,
    and the app is whole again afterwards."""
    from kzclaims import cli

    every = list(cli.app.registered_commands)
    seen: list[list[str]] = []
    for args in (
        ["compare"], ["-q", "--no-color", "compare", "--format", "json"], ["--help", "compare"],
        ["compar"], [], ["--version"], ["diff", "a.json", "b.json"],
    ):
        with cli._only_the_command(args):
            seen.append([cli._command_name(c) for c in cli.app.registered_commands])
        assert cli.app.registered_commands == every
    names = [cli._command_name(c) for c in every]
    assert seen == [["compare"], ["compare"], names, names, names, names, ["diff"]]


def test_a_command_built_alone_shows_the_same_help_as_in_the_whole_app() -> None:
    """The same help through :func:`kzclaims.cli.main` (one command built) as through the whole
    app, in fresh interpreters."""
    import os

    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb"}
    whole = "import sys; from kzclaims.cli import app; app(sys.argv[1:], prog_name='kzclaims')"
    for args in (["compare", "--help"], ["-q", "diff", "--help"]):
        alone = subprocess.run(
            [sys.executable, "-m", "kzclaims", *args], capture_output=True, text=True, env=env,
            check=False,
        )
        built = subprocess.run(
            [sys.executable, "-c", whole, *args], capture_output=True, text=True, env=env,
            check=False,
        )
        assert alone.returncode == built.returncode == 0, args
        assert alone.stdout == built.stdout and "Usage: kzclaims" in alone.stdout, args


def test_a_command_collects_young_garbage_less_often_and_restores_the_collector() -> None:
    import gc

    from kzclaims import cli

    kept = gc.get_threshold()
    with cli._collecting_less():
        assert gc.get_threshold() == (cli.YOUNG_COLLECTION, *kept[1:])
    assert gc.get_threshold() == kept


def test_the_collector_is_set_back_after_the_import_and_after_a_command() -> None:
    """``import kzclaims.cli`` loads typer without the young collections the default threshold
    makes there (an import makes no garbage cycles) and leaves the collector as it found it;
    after a command the thresholds are set back without a collection of the objects it left
    (counted from zero), and a program's own frozen objects stay frozen."""
    code = (
        "import gc, io, sys\n"
        "gc.set_threshold(700, 10, 10)\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: runs.append(phase) if phase == 'start' else 0)\n"
        "from kzclaims import cli\n"
        "print(len(runs) < 5, gc.get_threshold(), gc.get_freeze_count())\n"
        "gc.set_threshold(100_000, 10, 10)\n"
        "left = [[] for _ in range(5000)]\n"
        "del runs[:]\n"
        "cli._thresholds_back((700, 10, 10))\n"
        "more = [[] for _ in range(100)]\n"
        "print(runs, gc.get_threshold(), gc.get_freeze_count(), gc.get_count()[0] < 700)\n"
        "keep = [[] for _ in range(100)]\n"
        "gc.freeze()\n"
        "frozen = gc.get_freeze_count()\n"
        "gc.set_threshold(100_000, 10, 10)\n"
        "garbage = [[] for _ in range(5000)]\n"
        "cli._thresholds_back((700, 10, 10))\n"
        "print(gc.get_freeze_count() == frozen)\n"
    )
    # Compiling modules from source makes garbage cycles that an import from bytecode does not
    # (this machine sets PYTHONDONTWRITEBYTECODE=1; an editable install has no bytecode of its
    # own): the modules are compiled once first, so that the import measured is the one users get.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-c", "import kzclaims.cli"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )
    p = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        check=False,
    )
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines() == [
        "True (700, 10, 10) 0", "[] (700, 10, 10) 0 True", "True",
    ]
