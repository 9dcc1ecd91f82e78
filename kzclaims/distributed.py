"""The shards of a run as Dask tasks (``compare --scheduler dask`` or ``tcp://host:port``).

Dask is an optional extra (``pip install "kzclaims[dask]"``). ``dask`` alone starts a local
cluster of ``jobs`` single-threaded worker processes; an address connects to a running
scheduler, whose workers must have kzclaims installed and see the sources at the same path.
Results come back in task order, so the report is byte-identical to a local run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from kzclaims.errors import InputError

__all__ = ["run_on_dask"]

T = TypeVar("T")
R = TypeVar("R")


def _client(scheduler: str, jobs: int) -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError.single(
            "--scheduler",
            'Dask is not installed; pip install "kzclaims[dask]" to run on Dask',
            code="missing-extra",
        ) from None
    if scheduler == "dask":
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError.single(
            "--scheduler", f"cannot reach the Dask scheduler {scheduler}: {exc}", code="scheduler"
        ) from None


def run_on_dask(
    fn: Callable[[T], R], tasks: Sequence[T], scheduler: str, jobs: int
) -> Iterator[R]:
    """``fn`` over ``tasks`` on Dask, results in task order."""
    client, cluster = _client(scheduler, jobs)
    try:
        futures = client.map(fn, list(tasks), pure=False)
        for f in futures:
            yield f.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
