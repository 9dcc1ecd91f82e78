"""``kzclaims ARGS`` run in this process by ``kzclaims.cli.main``, as the console script runs it:
for tests that need the real entry point (its exit statuses, its handling of errors) without
the cost of a new interpreter."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path


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
