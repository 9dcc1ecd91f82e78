"""Sources named by URL in a manifest (``file: s3://bucket/a.html``), read through fsspec.

fsspec is an optional extra (``pip install "kzclaims[remote]"``; ``[dask]`` pulls it too): it
reads ``s3://``, ``gcs://``, ``https://``, ``memory://``, ``file://`` and the other protocols it
knows, each through the library its protocol needs (``s3fs``, ``gcsfs``, ``aiohttp`` ...). A
source read from a URL goes through the same readers (HTML, PDF, Word, text: by content) and
the same size limit as a file of the sources folder. Problems are one line each, at the
manifest's ``path:line:col``: fsspec missing, an unknown protocol or one whose library is
missing (found while listing, before anything is read), an object that is not there, refused
access or missing credentials, a source over the size limit (found while reading).

Each process reads its own sources: on Dask, the workers open the URLs themselves (with their
own credentials), so only the listing travels to them.
"""

from __future__ import annotations

from posixpath import basename, splitext
from typing import Any
from urllib.parse import unquote, urlsplit

from kzclaims._lazyre import cached
from kzclaims.errors import InputError, Problem

__all__ = ["EXTRA", "check_urls", "is_url", "read_url", "url_stem", "url_suffix"]

#: the extra that installs fsspec
EXTRA = "remote"
_URL = cached(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """``s3://b/k``, ``https://h/p``, ``file:///p``: a scheme and ``://`` (a Windows path
    ``C:\\x`` is not one)."""
    return _URL.match(text) is not None


def protocol(url: str) -> str:
    return url.split("://", 1)[0].lower()


def _path(url: str) -> str:
    return urlsplit(url).path


def url_stem(url: str) -> str:
    """The default source id of a URL: the last part of its path without the suffix."""
    name = basename(_path(url).rstrip("/")) or urlsplit(url).netloc
    return splitext(name)[0] or name


def url_suffix(url: str) -> str:
    """The suffix of a URL's path (``.html``); the readers decide by content first anyway."""
    return splitext(basename(_path(url)))[1].lower()


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:
        return None
    return fsspec


def check_urls(urls: list[tuple[str, str, int, int]]) -> tuple[list[Problem], set[str]]:
    """Problems of the URLs of a manifest, found before anything is read, and the URLs that
    cannot be read because of them: fsspec missing (one line for all), an unknown protocol, a
    protocol whose library is missing (one line per protocol). ``urls``: (url, manifest path
    as shown, line, column)."""
    if not urls:
        return [], set()
    fsspec = _fsspec()
    if fsspec is None:
        url, shown, line, col = urls[0]
        more = f" (and {len(urls) - 1} more)" if len(urls) > 1 else ""
        return [Problem(
            shown, line, col,
            f"{url}{more}: reading sources from URLs needs fsspec;"
            f' pip install "kzclaims[{EXTRA}]"',
            "error", "missing-extra",
        )], {u for u, *_ in urls}
    problems: list[Problem] = []
    checked: dict[str, tuple[str, str] | None] = {}
    unreadable: set[str] = set()
    for url, shown, line, col in urls:
        proto = protocol(url)
        if proto == "file" and urlsplit(url).netloc not in ("", "localhost"):
            # file://../a.txt: fsspec reads "../a.txt" from the working folder, so the same
            # manifest would read different files from different folders
            problems.append(Problem(
                shown, line, col,
                f"{url}: a file:// URL must be absolute (file:///path/to/file);"
                " a path relative to the manifest needs no file://",
                "error", "relative-file-url",
            ))
            unreadable.add(url)
            continue
        if proto not in checked:
            checked[proto] = _protocol_problem(fsspec, proto)
            if checked[proto] is not None:
                message, code = checked[proto]  # type: ignore[misc]
                problems.append(Problem(shown, line, col, f"{url}: {message}", "error", code))
        if checked[proto] is not None:
            unreadable.add(url)
    return problems, unreadable


def _protocol_problem(fsspec: Any, proto: str) -> tuple[str, str] | None:
    """(message, code) when fsspec cannot read ``proto://`` here."""
    try:
        fsspec.get_filesystem_class(proto)
    except ValueError:
        return (f"unknown protocol `{proto}://` (fsspec knows s3, gcs, https, file, memory"
                " and others: see fsspec's list of implementations)", "unknown-protocol")
    except ImportError as exc:
        return (f"reading {proto}:// needs a library that is not installed"
                f" ({_one_line(exc)})", "missing-extra")
    return None


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def read_url(url: str, where: tuple[str, int | None, int | None], limit: int) -> bytes:
    """The bytes of the object at ``url`` (at most ``limit``), or an InputError with one line at
    ``where`` (the manifest's path, line and column of the entry's ``file:``)."""
    from kzclaims.safefs import _size

    shown, line, col = where

    def fail(message: str, code: str) -> InputError:
        return InputError([Problem(shown, line, col, f"{url}: {message}", "error", code)])

    fsspec = _fsspec()
    if fsspec is None:  # checked while listing; a worker without it says the same
        raise fail(f'reading sources from URLs needs fsspec; pip install "kzclaims[{EXTRA}]"',
                   "missing-extra")
    try:
        fs, path = fsspec.core.url_to_fs(url)
        size = _known_size(fs, path)
        if size is not None and size > limit:
            raise fail(
                f"too large for a source ({_size(size)}; the limit is {_size(limit)})", "too-large"
            )
        with fs.open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except InputError:
        raise
    except FileNotFoundError as exc:
        raise fail(_not_found(url, exc), "missing-file") from None
    except IsADirectoryError:
        raise fail("a folder, not a source file", "not-a-file") from None
    except PermissionError as exc:
        raise fail(f"access refused (credentials?): {_one_line(exc)}", "remote-access") from None
    except ValueError as exc:  # fsspec: an unknown protocol, a malformed URL
        raise fail(f"cannot read: {_one_line(exc)}", "remote-read") from None
    except ImportError as exc:
        raise fail(f"reading {protocol(url)}:// needs a library: {_one_line(exc)}",
                   "missing-extra") from None
    except Exception as exc:  # credentials, network, the store's own errors: one line each
        name = type(exc).__name__
        hint = " (credentials?)" if "credential" in (name + str(exc)).lower() else ""
        raise fail(f"cannot read{hint}: {name}: {_one_line(exc)}", "remote-read") from None
    if len(data) > limit:
        raise fail(f"too large for a source (more than {_size(limit)})", "too-large")
    return data


def _not_found(url: str, exc: FileNotFoundError) -> str:
    """Why an object was not found, when fsspec knows more than "not found": HTTPFileSystem
    turns a connection error (no network, unknown host) into FileNotFoundError raised from it;
    a file:// path is read as written, so a %-encoded one (a browser's, ``Path.as_uri()``'s)
    names a file that is not there."""
    cause = exc.__cause__
    if isinstance(cause, OSError) and not isinstance(cause, FileNotFoundError):
        return f"cannot reach it (network?): {type(cause).__name__}: {_one_line(cause)}"
    if protocol(url) == "file":
        path = urlsplit(url).path
        if unquote(path) != path:
            from pathlib import Path

            if Path(unquote(path)).exists():
                return (f"source not found (file:// paths are read as written, not %-decoded:"
                        f" write `file://{unquote(path)}`)")
    return "source not found"


def _known_size(fs: Any, path: str) -> int | None:
    """The object's size when the store says it cheaply (None when it does not).

    A missing object raises FileNotFoundError here, before anything is opened."""
    info = fs.info(path)
    if info.get("type") == "directory":
        raise IsADirectoryError(path)
    size = info.get("size")
    return int(size) if isinstance(size, int) else None
