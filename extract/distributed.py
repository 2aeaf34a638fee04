"""Documents analysed on a Dask cluster (``policekg build --dask SCHEDULER_ADDRESS``).

The workers need policekg and the build's spaCy model installed, nothing else: each task carries one document's bytes
and its name, and the files of the user's lexicon if the build has one, so neither the
documents nor the lexicon need be on the workers' disks. Tasks are submitted a
window at a time and results taken in document order, so the client holds a bounded number
of documents and the merge, and the graph, are the same as with a local build. A worker
analyses one document at a time (a lock guards the shared spaCy pipeline when a worker runs
several threads).
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from .corpus import Result, analyse_one
from .errors import DocumentError, PoliceKGError
from .model import Failure
from .nlp import model_nlp
from .read import display_name, document_bytes, document_from_bytes
from .resources import use_lexicon, user_lexicon

WINDOW_PER_WORKER = 4  # tasks in flight per worker: enough to keep each busy while results come back
CONNECT_TIMEOUT = "20s"

_pipeline_lock = threading.Lock()


class ClusterError(PoliceKGError):
    """The Dask scheduler could not be reached, or dask.distributed is not installed."""


def _analyse(source: str, data: bytes, limit: float | None, lexicon: dict[str, bytes], model: str) -> Result:
    with _pipeline_lock:
        use_lexicon(_materialised(lexicon))
        return analyse_one(lambda: document_from_bytes(data, source), source, limit, model_nlp(model))


def _user_files() -> dict[str, bytes]:
    """The files of the build's own lexicon folder (none for the bundled lexicon)."""
    folder = user_lexicon()
    return {} if folder is None else {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _materialised(lexicon: dict[str, bytes]) -> Path | None:
    """A folder on this worker holding ``lexicon``'s files (one per distinct lexicon), or ``None``."""
    if not lexicon:
        return None
    digest = hashlib.sha256(b"".join(name.encode() + b"\0" + hashlib.sha256(data).digest()
                                     for name, data in sorted(lexicon.items()))).hexdigest()[:32]
    folder = Path(tempfile.gettempdir()) / f"policekg-lexicon-{digest}"
    if not folder.is_dir():
        staging = Path(tempfile.mkdtemp(prefix="policekg-lexicon-"))
        for name, data in lexicon.items():
            (staging / Path(name).name).write_bytes(data)
        try:
            staging.rename(folder)
        except OSError:  # another task made it first
            shutil.rmtree(staging, ignore_errors=True)
    return folder


def _client(address: str):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask needs dask.distributed: pip install \"policekg[dask]\"") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def _submit(client, path: Path, limit: float | None, lexicon: dict[str, bytes], model: str):
    try:
        source, data = document_bytes(path)
    except DocumentError as error:
        return Failure(error.path, error.reason)
    return client.submit(_analyse, source, data, limit, lexicon, model, pure=False)


def _collect(pending, source: str) -> Result:
    if isinstance(pending, Failure):
        return pending
    try:
        return pending.result()
    except Exception as error:  # noqa: BLE001 - a lost worker or task costs this document only
        return Failure(source, f"failed on the Dask cluster ({type(error).__name__}: {error})")


def analyse_on_dask(paths: list[Path], limits: list[float | None], address: str, model: str) -> Iterator[Result]:
    """One result per path, in order, from the cluster whose scheduler is at ``address``, each
    document within its limit (timed on the worker) and analysed with spaCy ``model`` (which
    must be installed on the workers)."""
    with _client(address) as client:
        window = max(1, WINDOW_PER_WORKER * len(client.scheduler_info().get("workers", {})))
        in_flight: deque = deque()
        lexicon = _user_files()
        for path, limit in zip(paths, limits):
            in_flight.append((_submit(client, path, limit, lexicon, model), display_name(path)))
            if len(in_flight) >= window:
                yield _collect(*in_flight.popleft())
        while in_flight:
            yield _collect(*in_flight.popleft())
