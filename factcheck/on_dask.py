"""Running a check on a Dask cluster: the map (extraction, a task per batch of files) and the reduce (comparison, a
task per claim) as cluster tasks, the rest as in any check, so the report is the one a local run gives.

Optional: `pip install 'factcheck[dask]'`. The cluster's workers must see the article and rule files at the same
paths as this process (a shared or replicated file system), as they read them themselves. See docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from factcheck.claims import RuleSet
from factcheck.extraction import Extraction, ReadOptions, Runner, Wire, extract_file_by_rule_files, from_wire

if TYPE_CHECKING:
    from distributed import Client

# Files per task: the scheduler's cost per task (about a millisecond) stays small against the task's work.
_FILES_PER_TASK = 64
LOCAL = "local"


class DaskUnavailable(Exception):
    """Dask is not installed or the scheduler cannot be reached; the message says what to do."""


def extract_batch(paths: list[str], rule_files: tuple[str, ...], options: ReadOptions) -> list[Wire]:
    return [extract_file_by_rule_files(path, rule_files, options) for path in paths]


def dask_runner(client: Client) -> Runner:
    def run(paths: list[str], rules: RuleSet, options: ReadOptions) -> Iterator[Extraction]:
        kinds_by_claim = rules.kind_of_claim
        batches = [paths[start:start + _FILES_PER_TASK] for start in range(0, len(paths), _FILES_PER_TASK)]
        futures = client.map(extract_batch, batches, rule_files=rules.files, options=options, pure=False)
        for future in futures:  # in the order of the files, each batch let go once read
            for wire in future.result():
                yield from_wire(wire, kinds_by_claim)
            future.release()
    return run


def claim_mapper(client: Client) -> Callable[..., Iterable[Any]]:
    def map_claims(function: Callable[..., Any], *iterables: Collection[Any]) -> list[Any]:
        return client.gather(client.map(function, *iterables, pure=False))
    return map_claims


@contextmanager
def connect(scheduler: str, workers: int) -> Iterator[Client]:
    """A client of the scheduler at an address, or of a cluster of `workers` processes on this machine
    (scheduler "local"), listening on the loopback interface only."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("--scheduler needs Dask: pip install 'factcheck[dask]'") from None
    if scheduler == LOCAL:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="5s")
    except (OSError, TimeoutError) as error:
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield client
