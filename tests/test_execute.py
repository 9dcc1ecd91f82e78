"""Streaming execution (kzclaims.execute): shards, --jobs, Dask give the same report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzclaims import execute
from kzclaims.claims import load_claims
from kzclaims.cli import app
from kzclaims.pipeline import compare, shard_bytes, shards
from kzclaims.render.json import render_json
from kzclaims.sources import list_sources, load_sources

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sources copied 8 times (40 sources), with a manifest."""
    out = tmp_path_factory.mktemp("many")
    src = out / "sources"
    src.mkdir()
    manifest = ["sources:"]
    for p in sorted((ROOT / "sources").glob("*.txt")):
        for k in range(8):
            name = f"{p.stem}-{k}.txt"
            shutil.copy(p, src / name)
            manifest.append(f"  - file: {name}\n    id: {p.stem[:12]}-{k}\n    outlet: O{k}")
    (src / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    shutil.copy(ROOT / "claims.yaml", out / "claims.yaml")
    return out


def _in_memory(d: Path) -> str:
    claims = load_claims(d / "claims.yaml", "claims.yaml")
    return render_json(compare(claims, load_sources(d / "sources", "sources")))


def _streamed(d: Path, **kw: object) -> str:
    claims = load_claims(d / "claims.yaml", "claims.yaml")
    run = execute.run_compare(claims, list_sources(d / "sources", "sources"), **kw)  # type: ignore[arg-type]
    return render_json(run.report)


def test_shards_cut_by_size_and_keep_order() -> None:
    assert shards([5, 5, 5, 5], 10) == [range(0, 2), range(2, 4)]
    assert shards([50, 1, 1], 10) == [range(0, 1), range(1, 3)]
    assert shards([], 10) == []


def test_shards_are_smaller_with_many_claims() -> None:
    """A shard's search holds every claim's passages in its sources at once (memory, issue 8):
    2 MB up to 50 claims, then smaller, never below 0.5 MB nor above the limit given."""
    assert shard_bytes(29) == shard_bytes(50) == 2_000_000
    assert shard_bytes(100) == 1_000_000
    assert shard_bytes(500) == shard_bytes(5_000) == 500_000
    assert shard_bytes(500, limit=20_000) == 20_000
    assert shard_bytes(0) == 2_000_000


def test_streamed_equals_in_memory(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    want = _in_memory(many)
    assert _streamed(many, jobs=1) == want
    # tiny shards: the per-process state carries over from one shard to the next
    monkeypatch.setattr(execute, "MAX_SHARD_BYTES", 20_000)
    monkeypatch.setattr(execute, "SHARDS_PER_WORKER", 50)
    assert _streamed(many, jobs=1) == want


def test_two_processes_give_the_same_report(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(execute, "PARALLEL_MIN_BYTES", 0)
    assert _streamed(many, jobs=2) == _in_memory(many)


def test_progress_is_reported_per_shard(many: Path) -> None:
    seen: list[tuple[int, int, int, int]] = []
    _streamed(many, jobs=1, progress=lambda *a: seen.append(a))
    assert seen and seen[-1][0] == seen[-1][1] == 40
    assert seen[-1][2] == seen[-1][3] > 0


def test_dask_gives_byte_identical_json(many: Path) -> None:
    pytest.importorskip("distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        got = _streamed(many, scheduler=cluster.scheduler_address)
    assert got == _in_memory(many)


def test_cli_jobs_and_quiet(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(many)
    runner = CliRunner()
    one = runner.invoke(app, ["compare", "-f", "json", "--jobs", "1", "--quiet"])
    two = runner.invoke(app, ["compare", "-f", "json", "-j", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout
    assert one.stdout.lstrip().startswith("{")  # no progress bar in a machine format


def test_missing_dask_names_the_extra(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_dask(name: str, *a: object, **k: object) -> object:
        if name.startswith(("dask", "distributed")):
            raise ImportError(name)
        return real(name, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_dask)
    monkeypatch.chdir(many)
    result = CliRunner().invoke(app, ["compare", "--scheduler", "dask"])
    assert result.exit_code == 2
    assert 'pip install "kzclaims[dask]"' in result.stderr


def test_compact_report_keeps_found_cells_and_counts_the_rest(many: Path) -> None:
    import json

    from kzclaims.render.json import load_report
    from kzclaims.render.markdown import render_markdown
    from kzclaims.render.text import render_text

    claims = load_claims(many / "claims.yaml", "claims.yaml")
    listing = list_sources(many / "sources", "sources")
    full = execute.run_compare(claims, listing, compact=False).report
    small = execute.run_compare(claims, listing, compact=True).report
    assert not full.compact and small.compact
    for f, s in zip(full.claims, small.claims, strict=True):
        kept = [x for x in f.findings if x.found or x.quote is not None]
        assert list(s.findings) == kept
        assert s.not_found == len(f.findings) - len(kept)
        assert s.verdict == f.verdict
    data = json.loads(render_json(small))
    assert data["compact"] is True
    assert "compact" not in json.loads(render_json(full))  # the small-run contract unchanged
    missing = next(c for c in data["claims"] if c["verdict"] == "missing")
    assert missing["findings"] == [] or all(not x["found"] for x in missing["findings"])
    assert missing["not_found"] > 0
    # a compact JSON report reads back as it was written (baselines)
    path = many / "compact.json"
    path.write_text(render_json(small), encoding="utf-8")
    assert render_json(load_report(path)) == render_json(small)
    text = render_text(small, width=120)
    found = next(c for c in small.claims if c.verdict == "agree")
    n = sum(1 for x in found.findings if x.found)
    assert f"found in {n} of 40 sources" in text
    assert f"found in {n} of 40 sources" in render_markdown(small)


def test_large_runs_are_compact_by_default(many: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(execute, "COMPACT_SOURCES", 10)
    claims = load_claims(many / "claims.yaml", "claims.yaml")
    assert execute.run_compare(claims, list_sources(many / "sources", "sources")).report.compact
    monkeypatch.chdir(many)
    out = CliRunner().invoke(app, ["compare", "-f", "json", "--full", "-q"])
    assert '"compact"' not in out.stdout


def test_big_manifests_parse_fast_with_the_same_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    from kzclaims import yamlfile
    from kzclaims.errors import InputError
    from kzclaims.sources import parse_manifest

    text = "sources:\n" + "".join(
        f"  - file: doc-{n}.txt\n    id: doc-{n}\n    outlet: Outlet {n % 7}\n"
        f"    published: 2022-01-{n % 28 + 1:02d}\n"
        for n in range(300)
    )
    slow = parse_manifest(text, "sources.yaml")
    monkeypatch.setattr(yamlfile, "FAST_MIN_BYTES", 0)
    assert yamlfile._fast_path_safe(text)
    assert parse_manifest(text, "sources.yaml") == slow  # lines and columns included
    bad = text.replace("published: 2022-01-05", "published: 2022-02-30", 1)
    with pytest.raises(InputError) as exc:
        parse_manifest(bad, "sources.yaml")
    (problem,) = exc.value.problems
    assert problem.line is not None and problem.line > 1 and problem.col is not None
    assert not yamlfile._fast_path_safe(text + "  - file: &a x\n")  # aliases: the precise path


def _small_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards of a few sources, parallel runs however small the corpus."""
    monkeypatch.setattr(execute, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(execute, "MIN_SHARD_BYTES", 1)
    monkeypatch.setattr(execute, "MAX_SHARD_BYTES", 20_000)
    monkeypatch.setattr(execute, "WARM_BYTES", 10_000)


def _on_a_terminal(monkeypatch: pytest.MonkeyPatch, many: Path) -> None:
    """A parallel run in ``many`` whose stderr is a terminal: the progress bar shows at once."""
    from kzclaims import cli

    _small_shards(monkeypatch)
    monkeypatch.setattr(cli, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    monkeypatch.chdir(many)


@pytest.mark.parametrize("jobs", [2, 4])
def test_any_number_of_jobs_gives_byte_identical_json(
    many: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    want = _streamed(many, jobs=1)
    _small_shards(monkeypatch)
    assert _streamed(many, jobs=jobs) == want == _in_memory(many)


def test_the_report_does_not_depend_on_which_shard_finishes_first(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shards handed out biggest first, results taken in reverse order of that: the report
    is the one of the sources in their order."""
    import multiprocessing

    want = _streamed(many, jobs=1)
    _small_shards(monkeypatch)
    handed: list[list[int]] = []

    class Pool:  # runs the tasks here, and returns them last first
        def __init__(self, n: int, initializer: object, initargs: tuple[object, ...]) -> None:
            initializer(*initargs)  # type: ignore[operator]

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def imap_unordered(self, fn: object, tasks: list[execute._Task]) -> list[object]:
            handed.append([t.number for t in tasks])
            sizes = [t.size for t in tasks]
            assert sizes == sorted(sizes, reverse=True)  # the biggest first
            return [fn(t) for t in tasks][::-1]  # type: ignore[operator]

    class Context:
        def Pool(self, n: int, initializer: object, initargs: tuple[object, ...]) -> Pool:
            return Pool(n, initializer, initargs)

        def get_start_method(self) -> str:
            return "fork"

    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: Context())
    assert _streamed(many, jobs=2) == want
    assert handed and 0 not in handed[0]  # the first shard was searched before the pool


def test_a_task_carries_its_place_not_the_listing(many: Path) -> None:
    import pickle

    claims = load_claims(many / "claims.yaml", "claims.yaml")
    listing = list_sources(many / "sources", "sources")
    task = execute._Task(3, 10, 20, 50_000)
    assert len(pickle.dumps(task)) < 200
    run = execute._Run(listing, claims.claims, None, "k")
    number, outcomes, size, later = execute._search_shard(task, run)
    assert number == 3 and [o.info.id for o in outcomes] == [
        e.id for e in listing.entries[10:20]
    ]
    assert size == sum(o.size for o in outcomes) > 0 and later == ()


def test_progress_counts_every_file_with_jobs_and_dask(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_shards(monkeypatch)
    runs: dict[str, list[tuple[int, int, int, int]]] = {"jobs": [], "dask": []}
    _streamed(many, jobs=2, progress=lambda *a: runs["jobs"].append(a))
    pytest.importorskip("distributed")
    from dask.distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        got = _streamed(
            many, scheduler=cluster.scheduler_address,
            progress=lambda *a: runs["dask"].append(a),
        )
    assert got == _in_memory(many)
    for seen in runs.values():
        assert len(seen) > 2  # one call per shard
        assert [s[0] for s in seen] == sorted(s[0] for s in seen)  # files done only grow
        assert seen[-1][0] == seen[-1][1] == 40
        assert seen[-1][2] == seen[-1][3] > 0


def test_unreachable_scheduler_fails_fast_in_one_line(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket
    import time

    pytest.importorskip("distributed")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.chdir(many)
    t = time.monotonic()
    result = CliRunner().invoke(app, ["compare", "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert time.monotonic() - t < 5  # Dask's client alone waits its whole timeout
    assert result.exit_code == 2 and result.stdout == ""
    err = result.stderr.strip()
    assert "\n" not in err and "Traceback" not in err
    assert f"cannot reach the Dask scheduler tcp://127.0.0.1:{port}: connection refused" in err


def test_scheduler_timeout_is_the_wait_for_an_address_that_does_not_answer(
    many: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    pytest.importorskip("distributed")

    def silent(address: tuple[str, int], timeout: float) -> socket.socket:
        assert timeout == 0.5
        raise TimeoutError("timed out")

    monkeypatch.setattr(socket, "create_connection", silent)
    monkeypatch.chdir(many)
    result = CliRunner().invoke(
        app, ["compare", "--scheduler", "10.255.255.1:8786", "--scheduler-timeout", "0.5"]
    )
    assert result.exit_code == 2
    assert "no answer within 0.5 s (--scheduler-timeout)" in result.stderr


@pytest.mark.parametrize("how", ["jobs", "dask"])
def test_progress_bar_on_a_terminal_is_on_stderr_only(
    many: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    _on_a_terminal(monkeypatch, many)
    args = ["compare", "-f", "json", "-j", "2"]
    cluster = None
    if how == "dask":
        pytest.importorskip("distributed")
        from dask.distributed import LocalCluster

        cluster = LocalCluster(  # a tcp:// address, as a real scheduler's
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
            protocol="tcp",
        )
        args += ["--scheduler", cluster.scheduler_address]
    try:
        shown = CliRunner().invoke(app, args)
        quiet = CliRunner().invoke(app, [*args, "--quiet"])
    finally:
        if cluster is not None:
            cluster.close()
    assert shown.exit_code == quiet.exit_code == 0
    assert shown.stdout == quiet.stdout and shown.stdout.lstrip().startswith("{")
    assert "/40 files" in shown.stderr and "kB" in shown.stderr  # files, size, time left
    assert "files" not in quiet.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    from kzclaims import cli

    with cli._progress_bar(False) as progress:  # pytest's stderr is not a terminal
        assert progress is None


def test_a_worker_that_cannot_import_kzclaims_is_one_line() -> None:
    pytest.importorskip("distributed")
    from dask.distributed import LocalCluster

    from kzclaims.distributed import run_on_dask
    from kzclaims.errors import InputError

    def task(n: int, shared: str) -> int:
        raise ModuleNotFoundError("No module named 'kzclaims'", name="kzclaims")

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, pytest.raises(InputError) as got:
        list(run_on_dask(task, [1, 2], "shared", cluster.scheduler_address, 1))
    [problem] = got.value.problems
    assert "a Dask worker cannot import kzclaims" in problem.message
    assert "install kzclaims, the same version, on every worker" in problem.message


@pytest.mark.parametrize("command", ["sources", "check"])
def test_sources_and_check_search_with_the_progress_bar(
    many: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # QA9 Q7: `kzclaims sources` and `check` searched 1,420 files in one process for ~40 s with
    # nothing on the screen; they now search as compare does, with its progress bar
    _on_a_terminal(monkeypatch, many)
    shown = CliRunner().invoke(app, [command])
    quiet = CliRunner().invoke(app, [command, "--quiet"])
    assert shown.exit_code == quiet.exit_code == 0, shown.stderr
    assert "/40 files" in shown.stderr, shown.stderr
    assert "files" not in quiet.stderr
