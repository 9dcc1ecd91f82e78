"""Files the tool writes: atomically, so an interrupted write leaves the old file or the new one."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzclaims.cli import app
from kzclaims.io import write_atomic

ENV = {"COLUMNS": "120", "NO_COLOR": "1", "GITHUB_ACTIONS": "", "TERM": "dumb"}


class _HalfWritten(Exception):
    pass


def _fail_mid_write(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    """The next file written through os.fdopen gets half its text, then ``exc`` is raised."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        stream = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]
        real_write = stream.write

        def write(text: str) -> int:
            real_write(text[: len(text) // 2])
            stream.flush()
            raise exc

        stream.write = write
        return stream

    monkeypatch.setattr("kzclaims.io.os.fdopen", fdopen)


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")
    _fail_mid_write(monkeypatch, exc)
    with pytest.raises(type(exc)):
        write_atomic(target, "new contents\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temporary file


def test_a_completed_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.json"
    write_atomic(target, "one\n")
    write_atomic(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_interrupted_update_baseline_keeps_the_old_baseline(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["compare", "-b", "base.json", "--update-baseline"], env=ENV)
    assert first.exit_code == 0, first.output
    assert "baseline base.json created from this run" in first.stderr
    old = (corpus / "base.json").read_bytes()
    # a source changes, then the update fails half-way through writing (disk full)
    src = corpus / "sources" / "agency.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("2,030", "2,500"), encoding="utf-8")
    _fail_mid_write(monkeypatch, OSError(28, "No space left on device"))
    result = runner.invoke(app, ["compare", "-b", "base.json", "--update-baseline"], env=ENV)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "base.json: error: cannot write the baseline: No space left on device"
    )
    assert (corpus / "base.json").read_bytes() == old
    json.loads(old)  # still a whole report
    assert not list(corpus.glob(".base.json.*"))
    monkeypatch.undo()
    monkeypatch.chdir(corpus)
    done = runner.invoke(app, ["compare", "-b", "base.json", "--update-baseline"], env=ENV)
    assert done.exit_code == 0 and "baseline base.json updated" in done.stderr
    assert (corpus / "base.json").read_bytes() != old


def test_a_symlinked_target_is_updated_where_it_lives_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "baseline.json"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)
    write_atomic(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert not list(real.parent.glob(".*.tmp"))


def test_a_link_into_proc_is_written_through_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "captured.txt"
    link = tmp_path / "stdout"  # like /dev/stdout -> /proc/self/fd/1
    with open(out, "w", encoding="utf-8") as stream:
        link.symlink_to(f"/proc/self/fd/{stream.fileno()}")
        write_atomic(link, "report\n")
    assert link.is_symlink()
    assert out.read_text(encoding="utf-8") == "report\n"
