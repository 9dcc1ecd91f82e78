"""``kzclaims init``: a new project's claims file, manifest and one example source.

The files are commented templates (``kzclaims/templates/``) that work as they are: right after
``kzclaims init``, ``kzclaims check`` and ``kzclaims compare`` run on them. Nothing is ever
overwritten: when any of the files exists, nothing is written at all. Each file is written
atomically.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from kzclaims.errors import InputError, Problem
from kzclaims.io import write_atomic

__all__ = ["INIT_FILES", "init_project"]

#: What init writes, relative to the project folder -> the template it comes from.
INIT_FILES: dict[str, str] = {
    "claims.yaml": "claims.yaml",
    "sources/sources.yaml": "sources.yaml",
    "sources/example-agency.txt": "example-agency.txt",
    "sources/example-daily.txt": "example-daily.txt",
}


def init_project(folder: str | Path, display: str = ".") -> list[str]:
    """Write the template files into ``folder``; return their paths relative to it.

    Raises InputError (one problem per existing file) and writes nothing when any exists.
    """
    folder = Path(folder)
    shown = "" if display in ("", ".") else display.rstrip("/") + "/"
    existing = [
        Problem(
            f"{shown}{rel}",
            None,
            None,
            "already exists; kzclaims init never overwrites a file (remove it, or init another"
            " folder)",
            "error",
            "exists",
        )
        for rel in INIT_FILES
        if (folder / rel).exists() or (folder / rel).is_symlink()
    ]
    if existing:
        raise InputError(existing)
    templates = resources.files("kzclaims.templates")
    for rel, name in INIT_FILES.items():
        write_atomic(folder / rel, templates.joinpath(name).read_text(encoding="utf-8"))
    return [f"{shown}{rel}" for rel in INIT_FILES]
