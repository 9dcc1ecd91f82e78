"""Running ``compare`` over a folder of sources: streamed shards, several processes, or Dask.

The sources are listed (:func:`kzclaims.sources.list_sources`), cut into shards of consecutive
sources by size, and each shard is read, searched (:class:`kzclaims.pipeline.ShardSearch`) and
released; only what each source gave (:class:`kzclaims.pipeline.SourceOutcome`: the claims found
in it) is sent back. Verdicts are computed at the end, from the outcomes in source order, so the
report is the same whatever runs the shards:

- ``jobs=1``: this process, one shard after the other;
- ``jobs=N``: a pool of N processes, a few coarse shards per process (each keeps its lexicon and
  prefilter from one shard to the next), results merged in source order;
- ``scheduler="dask"`` (a local Dask cluster) or ``"tcp://host:port"`` (a running scheduler):
  the same shard function as Dask tasks (``pip install "kzclaims[dask]"``). Workers must see
  the sources at the same path (a shared file system).

Nothing here imports typer or rich; ``progress`` is a callback the CLI gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kzclaims.errors import InputError, Problem
from kzclaims.model import Claim, ClaimSet, Report
from kzclaims.pipeline import ShardSearch, SourceOutcome, assemble, select_claims, shards
from kzclaims.sources import ManifestEntry, SourceListing, merge_missing_extras

__all__ = ["Progress", "RunResult", "default_jobs", "run_compare"]

#: below this many bytes of sources a run stays in this process whatever ``jobs`` says
#: (starting processes costs more than it saves)
PARALLEL_MIN_BYTES = 4_000_000
#: shards per worker: a few, so that a slow shard does not leave the others idle
SHARDS_PER_WORKER = 4
#: the largest shard: as in one process (``pipeline.SHARD_BYTES``), so that a worker's memory is
#: that of a one-process run (one shard's text and index at a time); at 8 MB a worker's peak was
#: 432 MB against 282 MB for one process on 100 MB (docs/benchmarks.md "Scale")
MAX_SHARD_BYTES = 2_000_000

#: a run over more sources than this gives a compact report (Report.compact): only the cells
#: where a claim was found or nearly, the rest counted; ``compact=False`` keeps every cell
COMPACT_SOURCES = 200

#: ``progress(files_done, files_total, bytes_done, bytes_total)``
Progress = Callable[[int, int, int, int], None]


@dataclass(frozen=True)
class RunResult:
    report: Report
    warnings: tuple[Problem, ...]  # about single sources (empty, unsupported language, ...)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Shard:
    listing: SourceListing
    entries: tuple[ManifestEntry, ...]
    claims: tuple[Claim, ...]
    threshold: float | None
    key: str  # the run: a worker keeps one ShardSearch per run


_STATES: dict[str, ShardSearch] = {}


def _search_shard(shard: _Shard) -> tuple[list[SourceOutcome], int]:
    """Read and search one shard (in whichever process runs it): outcomes in source order,
    and the bytes read."""
    state = _STATES.get(shard.key)
    if state is None:
        _STATES.clear()
        state = _STATES[shard.key] = ShardSearch(shard.claims, shard.threshold)
    sources = []
    read: list[SourceOutcome | None] = []  # None where a source was read
    for e in shard.entries:
        source, problems, warnings = shard.listing.read(e)
        if source is None:
            read.append(_failed(e, problems, warnings))
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
    return out, size


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
) -> RunResult:
    """Every claim in every source of ``listing``; raises InputError when sources could not be
    read (after the whole run, listing every one), like ``load_sources``.

    ``compact``: a compact report (None: when there are more than :data:`COMPACT_SOURCES`)."""
    # every claim competes for the values of a source, whichever are asked for (see compare())
    wanted = {c.id for c in select_claims(claimset, claim_ids)}
    claims = claimset.claims
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    sizes = _sizes(listing)
    total = sum(sizes)
    workers = 1 if scheduler is None and total < PARALLEL_MIN_BYTES else jobs
    if scheduler is not None and scheduler != "dask":
        workers = max(jobs, 2)
    limit = max(500_000, min(MAX_SHARD_BYTES, total // max(1, workers * SHARDS_PER_WORKER) + 1))
    if workers == 1:
        limit = min(limit, 2_000_000)
    key = f"{os.getpid()}-{id(listing)}-{len(claims)}-{threshold}"
    tasks = [
        _Shard(listing, listing.entries[r.start : r.stop], claims, threshold, key)
        for r in shards(sizes, limit)
    ]
    files = len(listing.entries)
    outcomes: list[SourceOutcome] = []
    done_bytes = 0

    def collect(result: tuple[list[SourceOutcome], int]) -> None:
        nonlocal done_bytes
        got, size = result
        outcomes.extend(got)
        done_bytes += size
        if progress is not None:
            progress(len(outcomes), files, done_bytes, total)

    if scheduler is not None:
        from kzclaims.distributed import run_on_dask

        for result in run_on_dask(_search_shard, tasks, scheduler, jobs):
            collect(result)
    elif workers == 1 or len(tasks) == 1:
        for t in tasks:
            collect(_search_shard(t))
    else:
        import multiprocessing

        with multiprocessing.get_context().Pool(min(workers, len(tasks))) as pool:
            for result in pool.imap(_search_shard, tasks):
                collect(result)
    _STATES.pop(key, None)
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
