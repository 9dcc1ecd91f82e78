"""Running ``compare`` over a folder of sources: streamed shards, several processes, or Dask.

The sources are listed (:func:`kzclaims.sources.list_sources`), cut into shards of consecutive
sources by size, and each shard is read, searched (:class:`kzclaims.pipeline.ShardSearch`) and
released; only what each source gave (:class:`kzclaims.pipeline.SourceOutcome`: the claims found
in it) is sent back. Verdicts are computed at the end, from the outcomes in source order, so the
report is the same whatever runs the shards:

- ``jobs=1``: this process, one shard after the other;
- ``jobs=N``: a pool of N processes, a few coarse shards per process (each keeps its lexicon and
  prefilter from one shard to the next). What the shards share (the listing, the claims) goes
  to each worker once, a task is three numbers; the first, small shard is searched before the
  pool forks, so that the workers inherit what it learnt (the commonest words); the biggest
  shards are handed out first and the results put back in source order;
- ``scheduler="dask"`` (a local Dask cluster) or ``"tcp://host:port"`` (a running scheduler):
  the same shard function as Dask tasks (``pip install "kzclaims[dask]"``). Workers must see
  the sources at the same path (a shared file system) or read them from their URLs.

Nothing here imports typer or rich; ``progress`` is a callback the CLI gives.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence

from kzclaims._dataclass import dataclass
from kzclaims.errors import InputError, Problem
from kzclaims.model import Claim, ClaimSet, Report
from kzclaims.pipeline import (
    SHARD_CLAIM_BYTES,
    ShardSearch,
    SourceOutcome,
    assemble,
    check_threshold,
    select_claims,
    shards,
)
from kzclaims.sources import ManifestEntry, SourceListing, merge_missing_extras

__all__ = ["Progress", "RunResult", "default_jobs", "run_compare"]

#: below this many bytes of sources a run stays in this process whatever ``jobs`` says
#: (starting processes costs more than it saves)
PARALLEL_MIN_BYTES = 4_000_000
#: shards per worker: a few, so that a slow shard does not leave the others idle
SHARDS_PER_WORKER = 4
#: the largest shard: as in one process (``pipeline.SHARD_BYTES``; smaller with many claims,
#: ``pipeline.SHARD_CLAIM_BYTES``), so that a worker's memory is
#: that of a one-process run (one shard's text and index at a time); at 8 MB a worker's peak was
#: 432 MB against 282 MB for one process on 100 MB (docs/benchmarks.md "Scale")
MAX_SHARD_BYTES = 2_000_000
#: the smallest shard (unless the sources are fewer): a shard's fixed costs (an index, a query
#: per claim) are paid once for all its sources
MIN_SHARD_BYTES = 500_000

#: with a pool, the first shard (this size at most) is searched in the parent process before
#: the workers fork from it, so that they inherit what it learnt (the commonest words)
WARM_BYTES = 1_000_000
#: seconds to wait for a Dask scheduler given by address (``--scheduler-timeout``)
SCHEDULER_TIMEOUT = 10.0

#: a run over more sources than this gives a compact report (Report.compact): only the cells
#: where a claim was found or nearly, the rest counted; ``compact=False`` keeps every cell
COMPACT_SOURCES = 200

#: ``progress(files_done, files_total, bytes_done, bytes_total)``
Progress = Callable[[int, int, int, int], None]


@dataclass(frozen=True)
class RunResult:
    """A run's report and its warnings about single sources."""

    report: Report
    warnings: tuple[Problem, ...]  # about single sources (empty, unsupported language, ...)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Run:
    """What every shard of a run shares, shipped to a worker once (a pool's initializer, a Dask
    scatter), not with each shard: the listing (every entry, for the manifest's dates), the
    claims, the threshold and a key naming the run."""

    listing: SourceListing
    claims: tuple[Claim, ...]
    threshold: float | None
    key: str


@dataclass(frozen=True)
class _Task:
    """One shard: sources ``start:stop`` of the listing; ``number`` is its place in source
    order (results come back in any order and are put back in this one)."""

    number: int
    start: int
    stop: int
    size: int  # bytes (an estimate for URLs): the biggest shards are handed out first


#: per process (and thread): the search state of the current run, kept from one shard to the
#: next (its lexicon, prefilter and caches learn the vocabulary once per process)
_STATES: dict[tuple[str, int], ShardSearch] = {}
#: the run a pool worker was started for (:func:`_init_worker`)
_RUN: list[_Run] = []


def _state(run: _Run) -> ShardSearch:
    import threading

    key = (run.key, threading.get_ident())  # a Dask worker may run tasks in several threads
    state = _STATES.get(key)
    if state is None:
        for k in [k for k in _STATES if k[0] != run.key]:
            del _STATES[k]  # an earlier run's
        state = _STATES[key] = ShardSearch(run.claims, run.threshold)
    return state


def _init_worker(run: _Run) -> None:
    # Ctrl-C is the parent's to handle (it stops the pool and exits 130 with one line): a worker
    # interrupted too printed its traceback ("Process ForkPoolWorker-2: ... KeyboardInterrupt")
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _RUN[:] = [run]


def _pool_task(task: _Task) -> ShardResult:
    return _search_shard(task, _RUN[0])


#: a shard's result: its number, the outcomes in source order, the bytes read, and the places
#: (in the listing) of the sources left for later (:func:`kzclaims.sources.needs_other_dates`;
#: their outcomes in the list are stand-ins)
ShardResult = tuple[int, list[SourceOutcome], int, tuple[int, ...]]


def _search_shard(
    task: _Task, shared: _Run, others: tuple[dt.date, ...] | None = None
) -> ShardResult:
    """Read and search one shard (in whichever process runs it). A source whose year-less
    dateline has no date to go by is left for later, unless ``others`` (the other sources'
    dates) are given: :func:`_search_later`."""
    from kzclaims.sources import needs_other_dates

    state = _state(shared)
    listing = shared.listing
    sources = []
    read: list[SourceOutcome | None] = []  # None where a source was read
    later: list[int] = []
    for k, e in enumerate(listing.entries[task.start : task.stop], task.start):
        source, problems, warnings = listing.read(e, others)
        if source is None:
            read.append(_failed(e, problems, warnings))
        elif others is None and needs_other_dates(e, source):
            later.append(k)
            read.append(_failed(e, [], []))
        else:
            sources.append((source, tuple(warnings)))
            read.append(None)
    found = iter(state.search([s for s, _ in sources]))
    warned = iter(w for _, w in sources)
    out: list[SourceOutcome] = []
    size = 0
    for r in read:
        if r is None:
            o = next(found)
            w = next(warned)
            if w:
                from dataclasses import replace

                o = replace(o, warnings=w)
            size += o.size
            out.append(o)
        else:
            out.append(r)
    return task.number, out, size, tuple(later)


def _search_later(
    run: _Run, outcomes: list[SourceOutcome], later: Sequence[int]
) -> list[SourceOutcome]:
    """The sources left for later (``later``: their places), read with the dates of every other
    source and searched here: the outcomes with theirs in place. The dates are a set's median,
    so the result does not depend on the shards, their order or the number of jobs."""
    from kzclaims.sources import other_dates

    skip = set(later)
    others = other_dates(o.info.published for k, o in enumerate(outcomes) if k not in skip)
    out = list(outcomes)
    for k in sorted(later):
        _, got, _, _ = _search_shard(_Task(-1, k, k + 1, 0), run, others)
        out[k] = got[0]
    return out


def _forks() -> bool:
    """Do pool workers start as forks of this process (and so inherit its state)?"""
    import multiprocessing

    return multiprocessing.get_context().get_start_method() == "fork"


def _failed(e: ManifestEntry, problems: list[Problem], warnings: list[Problem]) -> SourceOutcome:
    from kzclaims.model import SourceInfo

    return SourceOutcome(
        SourceInfo(id=e.id, outlet=e.outlet, file=e.file), (), 0, tuple(problems), tuple(warnings)
    )


#: the size a source named by URL counts for when cutting shards (its size is not asked for:
#: a request per object would cost more than even shards save)
URL_SIZE_GUESS = 50_000


def _sizes(listing: SourceListing) -> list[int]:
    out = []
    for e in listing.entries:
        if "://" in e.file:  # read through fsspec by whichever process reads it
            out.append(URL_SIZE_GUESS)
            continue
        try:
            out.append(os.stat(os.path.join(listing.directory, e.file)).st_size)
        except OSError:
            out.append(0)
    return out


def run_compare(
    claimset: ClaimSet,
    listing: SourceListing,
    claim_ids: Sequence[str] = (),
    threshold: float | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    compact: bool | None = None,
    scheduler_timeout: float = SCHEDULER_TIMEOUT,
) -> RunResult:
    """Every claim in every source of ``listing``; raises InputError when sources could not be
    read (after the whole run, listing every one), like ``load_sources``.

    ``compact``: a compact report (None: when there are more than :data:`COMPACT_SOURCES`).
    ``scheduler_timeout``: seconds to wait for a Dask scheduler given by address."""
    # every claim competes for the values of a source, whichever are asked for (see compare())
    check_threshold(threshold)
    wanted = {c.id for c in select_claims(claimset, claim_ids)}
    claims = claimset.claims
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    sizes = _sizes(listing)
    total = sum(sizes)
    workers = 1 if scheduler is None and total < PARALLEL_MIN_BYTES else jobs
    if scheduler is not None and scheduler != "dask":
        workers = max(jobs, 2)
    limit = max(  # smaller with many claims: pipeline.shard_bytes
        MIN_SHARD_BYTES,
        min(
            MAX_SHARD_BYTES, SHARD_CLAIM_BYTES // max(1, len(claims)),
            total // max(1, workers * SHARDS_PER_WORKER) + 1,
        ),
    )
    run = _Run(listing, claims, threshold, os.urandom(8).hex())
    cuts = shards(sizes, limit)
    warm = workers > 1 and scheduler is None and len(cuts) > workers and _forks()
    if warm:  # a small first shard, searched here before the pool forks (see below)
        head = shards(sizes, min(limit, WARM_BYTES))[0]
        cuts = [head, *(range(r.start + head.stop, r.stop + head.stop)
                        for r in shards(sizes[head.stop :], limit))]
    tasks = [
        _Task(n, r.start, r.stop, sum(sizes[r.start : r.stop])) for n, r in enumerate(cuts)
    ]
    files = len(listing.entries)
    parts: dict[int, list[SourceOutcome]] = {}
    later: list[int] = []
    done_files = done_bytes = 0

    def collect(result: ShardResult) -> None:
        nonlocal done_files, done_bytes
        number, got, size, left = result
        parts[number] = got
        later.extend(left)
        done_files += len(got)
        done_bytes += size
        if progress is not None:
            progress(done_files, files, done_bytes, total)

    # the biggest shards first, so that no worker is left with a big one at the end; the
    # results are put back in source order, so the report does not depend on who finished first
    rest = sorted(tasks[1:] if warm else tasks, key=lambda t: (-t.size, t.number))
    try:
        if scheduler is not None:
            from kzclaims.distributed import run_on_dask

            for result in run_on_dask(
                _search_shard, rest, run, scheduler, jobs, scheduler_timeout
            ):
                collect(result)
        elif workers == 1 or len(tasks) == 1:
            for t in tasks:
                collect(_search_shard(t, run))
        else:
            import gc
            import multiprocessing

            first = None
            if warm:
                # The first shard is searched in this process before the pool forks: the
                # workers start with its lexicon, prefilter pieces and caches (the commonest
                # words of the corpus), which each would otherwise learn and expand itself
                # (docs/benchmarks.md "Scale"). The results do not depend on it.
                first = _search_shard(tasks[0], run)
                # what the workers inherit is never collected there: their garbage collector
                # does not walk it (nor copy its pages by touching it)
                gc.freeze()
            try:
                with multiprocessing.get_context().Pool(
                    min(workers, len(rest)), initializer=_init_worker, initargs=(run,)
                ) as pool:
                    if first is not None:
                        collect(first)
                    for result in pool.imap_unordered(_pool_task, rest):
                        collect(result)
            finally:
                gc.unfreeze()
        outcomes = [o for n in range(len(tasks)) for o in parts[n]]
        if later:
            outcomes = _search_later(run, outcomes, later)
    finally:
        for k in [k for k in _STATES if k[0] == run.key]:
            del _STATES[k]
    problems: list[Problem] = []
    missing: dict[str, list[Problem]] = {}
    warnings: list[Problem] = []
    for o in outcomes:
        for p in o.problems:
            if p.code == "missing-extra":
                missing.setdefault(p.message, []).append(p)
            else:
                problems.append(p)
        warnings.extend(o.warnings)
    problems.extend(merge_missing_extras(missing))
    if problems:
        raise InputError(problems)
    warnings.extend(_language_extras(outcomes))
    if compact is None:
        compact = len(outcomes) > COMPACT_SOURCES
    report = Report(
        claims_file=claimset.path,
        sources=tuple(o.info for o in outcomes),
        claims=tuple(r for r in assemble(claims, outcomes, compact) if r.id in wanted),
        title=claimset.title,
        compact=compact,
    )
    return RunResult(report, tuple(warnings))


def _language_extras(outcomes: Sequence[SourceOutcome]) -> list[Problem]:
    from typing import Any, cast

    from kzclaims.sources import _missing_extras

    return _missing_extras(cast("Any", [o.info for o in outcomes]))
