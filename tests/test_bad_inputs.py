"""The bad-input suite: every case of ``tests/bad_inputs/cases.yaml`` run through the real entry
point, checking the exit code, the first line on stderr, that no traceback is printed, that no
user file is modified and that nothing hangs.

Each case starts from a copy of ``tests/fixtures/corpus`` (``claims.yaml`` and ``sources/``) as
the working directory, applies its ``files`` (see ``tests/bad_inputs/README.md`` for the file
specs: text, bytes in an encoding, repeated parts, symlinks, FIFOs, folders) and runs
``kzclaims ARGS``. Cases marked ``subprocess: true`` (FIFOs, devices, pipes, huge inputs) run
in a child process killed after 20 s; the rest run in-process through ``kzclaims.cli.main``
with a 20 s alarm, which is faster and goes through the same exit-code mapping.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from cli_main import run_main

HERE = Path(__file__).resolve().parent
CASES_FILE = HERE / "bad_inputs" / "cases.yaml"
FIXTURE = HERE / "fixtures" / "corpus"
TIMEOUT = 20
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "TERM": "dumb"}


@dataclass
class Case:
    name: str
    args: list[str]
    exit: int
    stderr: str | None = None  # the first line of stderr starts with this
    stderr_re: str | None = None  # ... or matches this regular expression
    files: dict[str, Any] = field(default_factory=dict)
    writes: list[str] = field(default_factory=list)  # files the command may create or change
    subprocess: bool = False
    stdout: str = "pipe"  # pipe, closed (>&-), broken (reader gone)
    skip_root: bool = False  # meaningless as root (permissions)


def _cases() -> list[Case]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return [Case(**c) for c in data]


CASES = _cases()


def _write(root: Path, rel: str, spec: Any) -> None:
    path = root / rel
    if spec is None:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    if isinstance(spec, str):
        path.write_bytes(spec.encode("utf-8"))
        return
    if "symlink" in spec:
        target = str(spec["symlink"]).replace("{root}", str(root))
        os.symlink(target, path)
    elif spec.get("fifo"):
        os.mkfifo(path)
    elif spec.get("dir"):
        path.mkdir()
    elif "parts" in spec:
        with open(path, "wb") as fh:
            for text, times in spec["parts"]:
                fh.write(text.encode(spec.get("encoding", "utf-8")) * int(times))
    elif "text" in spec:
        path.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))
    elif "hex" in spec:
        path.write_bytes(bytes.fromhex(spec["hex"]))
    else:  # pragma: no cover - a typo in cases.yaml
        raise ValueError(f"unknown file spec {spec!r}")


def _snapshot(root: Path) -> dict[str, str]:
    """A hash of every regular file under ``root`` (symlinks and FIFOs are not followed)."""
    out: dict[str, str] = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            p = Path(dirpath) / name
            if p.is_symlink() or not p.is_file():
                continue
            h = hashlib.sha256()
            with open(p, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            out[p.relative_to(root).as_posix()] = h.hexdigest()
    return out


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: Any) -> None:
    raise _Timeout


def _run_in_process(args: list[str]) -> tuple[int, str, str]:
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    try:
        return run_main(*args)
    except _Timeout:
        pytest.fail(f"kzclaims {' '.join(args)} took more than {TIMEOUT} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _run_subprocess(args: list[str], stdout: str) -> tuple[int, str, str]:
    cmd = [sys.executable, "-m", "kzclaims", *args]
    env = {**os.environ, **ENV}
    if stdout == "closed":
        # the child's stdout descriptor closed, as `kzclaims compare >&-` does
        proc = subprocess.run(
            ["/bin/sh", "-c", 'exec "$@" >&-', "sh", *cmd],
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            timeout=TIMEOUT,
        )
        return proc.returncode, "", proc.stderr.decode("utf-8", "replace")
    popen = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    try:
        if stdout == "broken":
            assert popen.stdout is not None
            popen.stdout.close()  # the reader goes away before anything is written
            _, err_b = popen.communicate(timeout=TIMEOUT)
            out_b = b""
        else:
            out_b, err_b = popen.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        popen.kill()
        popen.communicate()
        pytest.fail(f"kzclaims {' '.join(args)} took more than {TIMEOUT} s")
    return popen.returncode, out_b.decode("utf-8", "replace"), err_b.decode("utf-8", "replace")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    monkeypatch.chdir(root)
    for k, v in ENV.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("KZCLAIMS_DEBUG", raising=False)
    yield root


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES), "case names must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, project: Path) -> None:
    if case.skip_root and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("permissions do not apply to root")
    for rel, spec in case.files.items():
        _write(project, rel, spec)
    before = _snapshot(project)
    args = [a.replace("{root}", str(project)) for a in case.args]
    if case.subprocess or case.stdout != "pipe":
        code, out, err = _run_subprocess(args, case.stdout)
    else:
        code, out, err = _run_in_process(args)
    first = err.splitlines()[0] if err.strip() else ""
    shown = f"exit {code}\n--- stderr\n{err[:2000]}\n--- stdout\n{out[:500]}"
    assert "Traceback" not in err and "Traceback" not in out, shown
    assert code == case.exit, shown
    if case.stderr is not None:
        assert first.startswith(case.stderr), shown
    if case.stderr_re is not None:
        assert re.search(case.stderr_re, first), shown
    after = _snapshot(project)
    for rel in case.writes:
        before.pop(rel, None)
        after.pop(rel, None)
    assert after == before, "a user file was modified, created or removed"
    leftovers = [p for p in project.rglob(".*.tmp")]
    assert not leftovers, leftovers
