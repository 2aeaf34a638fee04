"""Running the endpoint's queries in worker processes, so a query past its timeout can be stopped.

Why: pyoxigraph cannot cancel a running query and Python cannot kill a thread, so a query
abandoned at its timeout used to keep a core busy until it ended. A process can be killed.
Each worker opens the on-disk store read-only, confines itself (no sockets:
:mod:`policekg.graph.query.sandbox`) and answers one query at a time (:func:`policekg.graph.query.answer.answer`).
A worker whose query runs past the timeout is killed and a fresh one started in its place.

Workers come from a fork server that has imported this module already (where the platform has
one), so a replacement is ready in milliseconds instead of the seconds importing policekg takes.
A graph file, or a :class:`pyoxigraph.Store` object, is first copied into a temporary on-disk
store (:func:`prepare_store`), which every worker shares through the operating system's cache.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import pyoxigraph as ox

from policekg.extract.errors import InvalidInput

from policekg.graph.query.answer import Question, Response, answer, answer_question, text_response
from policekg.graph.query.sandbox import confine
from policekg.graph.query.service_check import uses_service
from policekg.graph.query.sparql import StoreError, load_store, open_store

READY_SECONDS = 60.0  # how long a starting worker may take to open the store
STACK_BYTES = 256 * 1024 * 1024  # the SERVICE check's parser recurses once per triple of a block
RECURSION_LIMIT = 50_000
Source = str | os.PathLike[str] | ox.Store

uses_service("ASK {}")  # readies the grammar once here, in the fork server, not in every worker


def default_workers() -> int:
    """One worker per core, at most four: each query uses one core."""
    return max(1, min(4, os.cpu_count() or 1))


def prepare_store(source: Source) -> tuple[Path, Path | None]:
    """The folder of an on-disk store holding ``source``, and a temporary folder to remove afterwards.

    A store folder (made by ``policekg load``) is used as it is; a graph file or a store object
    is copied into a new store in a temporary folder (the second value; ``None`` otherwise).
    """
    if not isinstance(source, ox.Store) and Path(source).is_dir():
        open_store(store_dir=source)  # a clear StoreError now rather than in every worker
        return Path(source), None
    temporary = Path(tempfile.mkdtemp(prefix="policekg-serve-"))
    folder = temporary / "store"
    try:
        if isinstance(source, ox.Store):
            copy = ox.Store(str(folder))
            copy.bulk_extend(source)
            copy.flush()
            del copy  # closes the database so workers can open it
        else:
            load_store(source, folder)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return folder, temporary


def _worker_main(folder: str, connection: Connection, row_limit: int) -> None:
    """A worker's life: confine itself, open the store, then answer queries until the pipe closes.

    Answers are computed in a thread with a large stack so the SERVICE check can parse long queries.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    unconfined = confine()
    try:
        store = ox.Store.read_only(folder)
    except OSError as error:
        connection.send(("failed", f"{folder}: cannot open the store: {error}"))
        return
    connection.send(("ready", unconfined))
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(STACK_BYTES)
    worker = threading.Thread(target=_answer_forever, args=(store, connection, row_limit, unconfined is None))
    worker.start()
    worker.join()


def _answer_forever(store: ox.Store, connection: Connection, row_limit: int, confined: bool) -> None:
    while True:
        try:
            query, accept = connection.recv()
        except (EOFError, OSError):
            return
        if isinstance(query, Question):
            connection.send(answer_question(store, query, accept, row_limit))
        else:
            connection.send(answer(store, query, accept, row_limit, confined))


def _context() -> multiprocessing.context.BaseContext:
    """A fork server that has imported this module where there is one, spawning elsewhere."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection


class QueryPool:
    """Worker processes over one store folder; :meth:`run` answers a query in one of them.

    ``confinement`` is ``None`` when the workers cannot open sockets, otherwise why not.
    """

    def __init__(self, folder: Path, *, workers: int, timeout: float, row_limit: int) -> None:
        if workers < 1:
            raise InvalidInput("workers must be at least 1")
        self.folder = folder
        self.timeout = timeout
        self.row_limit = row_limit
        self._context = _context()
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.confinement: str | None = None
        starting = [self._start() for _ in range(workers)]
        try:
            for worker in starting:
                self.confinement = self._await_ready(worker)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def run(self, query: str | Question, accept: str | None) -> Response:
        """The answer to ``query`` (a SPARQL query or a saved question), or 503 when no worker is free
        or the query overruns the timeout."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return text_response(503, f"all query workers stayed busy for {self.timeout:g} s; try again")
        try:
            worker.connection.send((query, accept))
            if worker.connection.poll(self.timeout):
                response = worker.connection.recv()
                self._idle.put(worker)
                return response
        except (EOFError, OSError):
            self._replace(worker)
            return text_response(500, "the query worker stopped unexpectedly")
        self._replace(worker)
        return text_response(503, f"query did not finish within {self.timeout:g} s and was stopped")

    def pids(self) -> list[int]:
        """Process ids of the live workers (for monitoring and tests)."""
        with self._lock:
            return [worker.process.pid for worker in self._workers if worker.process.pid is not None]

    def close(self) -> None:
        """Stop every worker: close its pipe (it exits), and kill it if it is still busy."""
        with self._lock:
            self._closed = True
            workers, self._workers = self._workers, set()
        for worker in workers:
            worker.connection.close()
        for worker in workers:
            worker.process.join(timeout=1.0)
            _kill(worker)

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(str(self.folder), theirs, self.row_limit),
                                        name="policekg-query", daemon=True)
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> str | None:
        """Wait for a new worker's first message; :class:`StoreError` if it could not start."""
        try:
            if worker.connection.poll(READY_SECONDS):
                status, detail = worker.connection.recv()
                if status == "ready":
                    return detail
                raise StoreError(detail)
        except (EOFError, OSError):
            pass
        self._forget(worker)
        raise StoreError(f"{self.folder}: a query worker did not start (a script that starts the endpoint "
                         "must do so under `if __name__ == '__main__':`, as multiprocessing requires)")

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now; start its successor in the background so the caller answers at once."""
        self._forget(worker)
        threading.Thread(target=self._add_worker, name="policekg-query-restart", daemon=True).start()

    def _add_worker(self) -> None:
        if self._closed:
            return
        try:
            worker = self._start()
            self._await_ready(worker)
        except (StoreError, OSError) as error:
            sys.stderr.write(f"query worker not replaced: {error}\n")
            return
        with self._lock:
            if not self._closed:
                self._idle.put(worker)
                return
        self._forget(worker)

    def _forget(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        _kill(worker)


def _kill(worker: _Worker) -> None:
    """Kill a worker's process if it is alive and reap it, so nothing of it keeps running."""
    worker.connection.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
