"""``kzclaims ARGS`` run in this process: through typer's CliRunner (:func:`invoke`), or by
``kzclaims.cli.main`` as the console script runs it (:func:`run_main`), for tests that need the
real entry point (its exit statuses, its handling of errors) without the cost of a new
interpreter."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

#: a plain terminal: 120 columns, no colour, not inside GitHub Actions
PLAIN_ENV = {"COLUMNS": "120", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "TERM": "dumb"}


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of ``kzclaims ARGS`` through typer's CliRunner in
    :data:`PLAIN_ENV` (``env``: variables added or changed); an exception other than an exit is
    raised."""
    from typer.testing import CliRunner

    from kzclaims.cli import app

    result = CliRunner().invoke(app, list(args), env={**PLAIN_ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run_main(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of ``kzclaims ARGS``, run in ``cwd`` if given; sys.argv,
    the standard streams and the working directory are set back after."""
    from kzclaims.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.argv
    here = None
    if cwd is not None:
        here = os.getcwd()
        os.chdir(cwd)
    sys.stdout, sys.stderr, sys.argv = out, err, ["kzclaims", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        sys.stdout, sys.stderr, sys.argv = saved
        if here is not None:
            os.chdir(here)
    return code, out.getvalue(), err.getvalue()
