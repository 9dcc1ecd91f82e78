"""Reading the user's files safely: regular files only, never unbounded, never blocking.

Everything kzclaims reads from the user's disk (the claims file, the manifest, each source, a
baseline report) goes through :func:`read_regular_file`:

* the file is opened non-blocking and checked with ``fstat`` on the open descriptor, so a FIFO,
  a device (``/dev/zero``, ``/dev/tty``), a socket or a directory is refused at once instead of
  hanging or filling memory (no race between a check and the open);
* at most ``limit`` bytes are read; a larger file is an input error, not a ``MemoryError``.

:func:`resolve_inside` makes sure a source path, after following symlinks, stays inside the
sources folder (``--follow-symlinks`` lifts that). :func:`refuse_overwrite` keeps ``--output``
and ``--baseline`` from naming one of the inputs or a place that is not a file. Every failure is
an :class:`~kzclaims.errors.InputError` with one clear line. Nothing here imports a third-party
package.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from kzclaims.errors import InputError

__all__ = [
    "MAX_REPORT_BYTES",
    "MAX_SOURCE_BYTES",
    "MAX_YAML_BYTES",
    "file_kind",
    "read_regular_file",
    "refuse_overwrite",
    "resolve_inside",
]

#: A claims file or manifest is written by hand: 10 MB is far beyond any real one.
MAX_YAML_BYTES = 10 * 1024 * 1024
#: One source text (a long transcript is ~1 MB); larger files are refused, not read.
MAX_SOURCE_BYTES = 100 * 1024 * 1024
#: A saved JSON report (a baseline).
MAX_REPORT_BYTES = 200 * 1024 * 1024


def file_kind(mode: int) -> str:
    """How a non-regular file is called in messages."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB") if n >= 1024 * 1024 else (
        f"{n} bytes"
    )


def read_regular_file(path: Path, display: str, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an InputError with one line.

    ``what`` names the file in messages ("claims file", "source").
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError.single(display, "file not found", code="missing-file") from None
    except IsADirectoryError:
        raise InputError.single(
            display, f"is a directory, expected a {what}", code="not-a-file"
        ) from None
    except OSError as exc:
        raise InputError.single(
            display, f"cannot read: {exc.strerror or exc}", code="unreadable"
        ) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError.single(
                display,
                f"is {file_kind(st.st_mode)}, not a regular file; give a {what}",
                code="not-a-file",
            )
        if st.st_size > limit:
            raise InputError.single(
                display,
                f"too large for a {what} ({_size(st.st_size)}; the limit is {_size(limit)})",
                code="too-large",
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while being read
                raise InputError.single(
                    display,
                    f"too large for a {what} (more than {_size(limit)})",
                    code="too-large",
                )
        return b"".join(chunks)
    except OSError as exc:
        raise InputError.single(
            display, f"cannot read: {exc.strerror or exc}", code="unreadable"
        ) from None
    finally:
        os.close(fd)


def resolve_inside(folder: Path, path: Path, display: str, *, follow_symlinks: bool) -> Path:
    """``path`` with symlinks resolved; an InputError when that leaves ``folder``.

    A symlink in the sources folder pointing at ``/etc/passwd`` or at another folder would put
    that file's text in a report meant to be shared: refused unless the user asked for it.
    """
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        raise InputError.single(
            display, "file not found (a broken symbolic link?)", code="missing-file"
        ) from None
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError.single(
            display, f"cannot resolve the path: {getattr(exc, 'strerror', None) or exc}",
            code="unreadable",
        ) from None
    if follow_symlinks:
        return real
    root = folder.resolve()
    if real != root and root not in real.parents:
        raise InputError.single(
            display,
            f"resolves to {real}, outside the sources folder; refused"
            " (pass --follow-symlinks to read it anyway)",
            code="outside-folder",
        )
    return real


def refuse_overwrite(
    target: Path, display: str, inputs: Iterable[Path], option: str
) -> None:
    """Refuse to write ``target`` when it is one of ``inputs`` or cannot be a file the tool owns.

    Paths are compared after resolving symlinks, so ``./claims.yaml``, an absolute path or a
    link to it are all caught. Raises InputError with one line.
    """
    if str(target) in ("-",):
        return
    try:
        real = target.resolve()
    except (OSError, RuntimeError) as exc:
        raise InputError.single(display, f"{option}: cannot use this path: {exc}", code="bad-output"
                                ) from None
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return  # /dev/stdout, /dev/null, a FIFO: written through, never replaced
    parts = real.parts
    if len(parts) > 1 and parts[1] in ("proc", "sys") and os.name != "nt":
        raise InputError.single(
            display, f"{option}: refusing to write under /{parts[1]}", code="bad-output"
        )
    for p in inputs:
        try:
            same = p.resolve() == real
        except (OSError, RuntimeError):
            same = False
        if same:
            raise InputError.single(
                display,
                f"{option} names an input file; refusing to overwrite it (choose another path)",
                code="output-is-input",
            )
    if real.exists() and real.is_dir():
        raise InputError.single(
            display, f"{option}: is a directory, expected a file path", code="bad-output"
        )
    for parent in real.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError.single(
                    display,
                    f"{option}: {parent} is a file, not a folder; choose another path",
                    code="bad-output",
                )
            break
