"""Files kzclaims writes: reports (``--output``) and baselines, always atomically.

:func:`write_atomic` writes to a temporary file in the same folder and renames it over the
target, so a reader (or a crash, a full disk, Ctrl-C) never leaves a half-written file: the
target holds either the old or the new contents. Nothing here imports a third-party package.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kzclaims.model import Report

__all__ = ["write_atomic", "write_baseline"]


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` so that it is never half-written.

    An existing non-regular target (``/dev/stdout``, ``/dev/null``, a FIFO) is written through.
    Missing parent folders are created. Raises OSError when the file cannot be written; the
    target is then unchanged and no temporary file is left behind.
    """
    path = Path(path)
    # Follow symbolic links to what they name: a linked baseline is updated where it lives and
    # the link is kept. A link into /proc (``/dev/stdout`` -> ``/proc/self/fd/1``) names an open
    # stream, not a file to replace: it is written through like any non-regular file.
    resolved = Path(os.path.realpath(path)) if path.is_symlink() else path
    through_proc = path.is_symlink() and _under_proc(path)
    if through_proc or (resolved.exists() and not resolved.is_file() and not resolved.is_dir()):
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        return
    path = resolved
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; give it the mode any new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _under_proc(link: Path) -> bool:
    """Whether a chain of symbolic links passes through /proc (an open file descriptor)."""
    seen = 0
    current = link
    while current.is_symlink() and seen < 40:
        target = Path(os.readlink(current))
        current = target if target.is_absolute() else current.parent / target
        if current.parts[:2] == ("/", "proc"):
            return True
        seen += 1
    return False


def write_baseline(path: str | Path, report: Report) -> None:
    """Save ``report`` (a :class:`~kzclaims.model.Report`) as a baseline: its JSON form without
    the changes of this run, written atomically."""
    from dataclasses import replace

    from kzclaims.render.json import render_json

    write_atomic(path, render_json(replace(report, changes=None, baseline_file=None)))
