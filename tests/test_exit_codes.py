"""Exit code 3: an internal error (a bug) is one line and a hint, never a traceback, unless asked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cli_main import run_main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    monkeypatch.delenv("KZCLAIMS_DEBUG", raising=False)

    def boom(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("kzclaims.execute.run_compare", boom)


def test_an_internal_error_exits_3_with_one_line_and_a_hint(broken: None) -> None:
    code, out, err = run_main("compare")
    assert code == 3 and out == ""
    lines = err.splitlines()
    assert lines[0] == "kzclaims: internal error: ZeroDivisionError: division by zero"
    # no invented address (QA3 Q10): kzclaims has no public issue tracker yet
    assert lines[1].startswith("kzclaims: this is a bug in kzclaims; please report it to its maintainers")
    assert "KZCLAIMS_DEBUG=1 or --traceback" in lines[1]
    assert len(lines) == 2 and "Traceback" not in err


@pytest.mark.parametrize("how", ["flag", "env"])
def test_the_traceback_on_request(
    broken: None, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "env":
        monkeypatch.setenv("KZCLAIMS_DEBUG", "1")
        code, _, err = run_main("compare")
    else:
        code, _, err = run_main("--traceback", "compare")
    assert code == 3
    assert err.startswith("Traceback (most recent call last):")
    assert "kzclaims: internal error: ZeroDivisionError" in err


def test_an_unquoted_glob_expanded_by_the_shell_gets_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(FIXTURE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")
    files = sorted(f"sources/{p.name}" for p in (tmp_path / "case" / "sources").glob("*.txt"))
    code, out, err = run_main("compare", "--sources", *files)  # what `--sources sources/*.txt` gives
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith("kzclaims compare: error: Got unexpected extra argument(s)")
    assert lines[1] == (
        "kzclaims: hint: the shell expanded a glob into several files; quote it so that kzclaims"
        " expands it: --sources 'sources/*.txt'"
    )
    # other extra arguments get no such hint
    code, _, err = run_main("compare", "one", "two")
    assert code == 2 and "hint" not in err


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C during a run: exit 130 and "kzclaims: interrupted" (QA8: typer turned the
    KeyboardInterrupt into a silent exit 130, and the line promised here was never printed)."""
    shutil.copytree(FIXTURE, tmp_path / "case")
    monkeypatch.chdir(tmp_path / "case")

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kzclaims.execute.run_compare", interrupted)
    code, out, err = run_main("compare")
    assert (code, out, err) == (130, "", "kzclaims: interrupted\n")


def test_a_pool_worker_leaves_ctrl_c_to_the_parent() -> None:
    """A --jobs worker ignores SIGINT: the parent stops the pool and says it once; a worker
    that took it too printed a traceback of its own (QA8)."""
    import signal

    from kzclaims.execute import _init_worker

    saved = signal.getsignal(signal.SIGINT)
    try:
        _init_worker(object())  # type: ignore[arg-type]
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, saved)
        from kzclaims.execute import _RUN

        _RUN.clear()


@pytest.mark.parametrize("columns", ["80", "120"])
def test_a_bare_kzclaims_shows_its_help_not_an_error(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    # QA8: with the plain help of a narrow terminal, a bare `kzclaims` printed
    # "kzclaims: error: Usage: kzclaims [OPTIONS] ..." on stderr
    monkeypatch.setenv("COLUMNS", columns)
    code, out, err = run_main()
    assert code == 2 and err == "" and "Usage: kzclaims [OPTIONS] COMMAND" in out
