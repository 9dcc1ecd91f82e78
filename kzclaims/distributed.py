"""The shards of a run as Dask tasks (``compare --scheduler dask`` or ``tcp://host:port``).

Dask is an optional extra (``pip install "kzclaims[dask]"``). ``dask`` alone starts a local
cluster of ``jobs`` single-threaded worker processes; an address connects to a running
scheduler, whose workers must have kzclaims installed and see the sources at the same path (or
read them from their URLs). What the shards share (the listing, the claims) is scattered to
every worker once; a task is a shard's place in the listing. Results come back as they are
done and are put back in source order by the caller, so the report is byte-identical to a
local run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from kzclaims.errors import InputError

__all__ = ["run_on_dask"]

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")

#: the port a scheduler address without one means (Dask's)
DEFAULT_PORT = 8786


def _unreachable(scheduler: str, why: str) -> InputError:
    return InputError.single(
        "--scheduler", f"cannot reach the Dask scheduler {scheduler}: {why}", code="scheduler"
    )


def _probe(scheduler: str, timeout: float) -> None:
    """Fail at once, in one line, when nothing answers at a ``tcp://`` address: Dask's client
    retries a refused connection until its timeout (20 s by default) before saying so."""
    import socket

    address = scheduler if "://" in scheduler else f"tcp://{scheduler}"
    proto, _, where = address.partition("://")
    if proto != "tcp":
        return  # tls://, ws://, ucx://: left to Dask
    host, sep, port = where.rpartition(":")
    if not sep:
        host, port = where, str(DEFAULT_PORT)
    host = host.strip("[]")  # [::1]:8786
    try:
        number = int(port)
    except ValueError:
        raise _unreachable(scheduler, f"{port!r} is not a port number") from None
    try:
        socket.create_connection((host, number), timeout=timeout).close()
    except ConnectionRefusedError:
        raise _unreachable(
            scheduler, "connection refused (is `dask scheduler` running there, on that port?)"
        ) from None
    except socket.gaierror:
        raise _unreachable(scheduler, f"unknown host {host!r}") from None
    except TimeoutError:
        raise _unreachable(
            scheduler, f"no answer within {timeout:g} s (--scheduler-timeout)"
        ) from None
    except (OSError, OverflowError) as exc:
        raise _unreachable(scheduler, getattr(exc, "strerror", None) or str(exc)) from None


def _client(scheduler: str, jobs: int, timeout: float) -> tuple[Any, Any]:
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
    _probe(scheduler, timeout)
    try:
        return Client(scheduler, timeout=f"{timeout}s"), None
    except (OSError, TimeoutError, ValueError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _unreachable(scheduler, why) from None


def run_on_dask(
    fn: Callable[[T, S], R],
    tasks: Sequence[T],
    shared: S,
    scheduler: str,
    jobs: int,
    timeout: float = 10.0,
) -> Iterator[R]:
    """``fn(task, shared)`` for every task on Dask, results as they are done; ``shared`` is
    sent to every worker once. Tasks are submitted in the order given (biggest first)."""
    client, cluster = _client(scheduler, jobs, timeout)
    try:
        from dask.distributed import as_completed

        [everywhere] = client.scatter([shared], broadcast=True, hash=False)
        n = len(tasks)
        futures = [  # a higher priority runs first
            client.submit(fn, t, shared=everywhere, pure=False, priority=n - k)
            for k, t in enumerate(tasks)
        ]
        for f in as_completed(futures):
            try:
                result = f.result()
            except ImportError as exc:  # a worker without kzclaims (or an extra the task needs)
                raise InputError.single(
                    "--scheduler",
                    f"a Dask worker cannot import {exc.name or 'a module'} ({exc}): install"
                    ' kzclaims, the same version, on every worker (pip install "kzclaims[dask]")',
                    code="scheduler",
                ) from None
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
