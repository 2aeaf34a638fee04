"""A large graph file parsed in two halves at once: the second in a forked process.

Parsing is the floor of every reading command, and pyoxigraph's parser holds Python's lock, so
a thread cannot share it; a second process can. The file is cut after a line that ends a
statement (``.`` then a newline, the next line starting a statement), near its middle. This
process parses the first half; a forked child parses the file's leading directives followed by
the second half, turns its triples into rows with the same function, and sends them back
(``marshal``: plain lists of string pairs, between two processes of the same program). The
child is a bare ``os.fork``: it parses, writes and ends, and runs nothing else of its parent's.

The cut is checked, never trusted. A cut inside a string, a bracket or a graph block leaves
the first half unfinished, so it does not parse; a prefix or base changed after the leading
directives would read the second half wrongly, so the first half's prefixes and base at its end
must be those the leading directives declare. Whenever a check fails, a half does not parse,
or the child dies, :func:`read_in_halves` returns ``None`` and the caller parses the whole
file as usual, which also gives a broken file its usual error. Labelled blank nodes keep their
labels across halves (pyoxigraph keeps them as written), so the rows are those of one parse,
in the same order.

Only Turtle, TriG, N-Triples and N-Quads files of at least :data:`LEAST_BYTES` are cut, and
only where a fork is safe: on a system that has it, with two CPUs free, from a process with a
single thread.
"""
from __future__ import annotations

import io
import marshal
import os
import re
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pyoxigraph import QuadParser, RdfFormat, parse

Rows = TypeVar("Rows")

LEAST_BYTES = 8 << 20  # below about 8 MB a fork and the rows' transfer cost more than they save
_PIPE_BYTES = 1 << 20  # the pipe from the child, widened to this where Linux allows
_BUFFER_BYTES = 1 << 20  # each half is read in pieces of this size
_CUTTABLE = (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.N_TRIPLES, RdfFormat.N_QUADS)
_HEADER_BYTES = 1 << 16  # leading directives longer than this are not looked for
_WINDOW_BYTES = 1 << 20  # how far past the middle a cut is looked for
_DIRECTIVE = re.compile(rb"[ \t]*(?:@prefix|@base|(?i:prefix|base))[ \t]")
_CUT = re.compile(rb"\.[ \t]*\r?\n(?=[^\s#])")  # a line ending a statement, a statement next


def read_in_halves(path: Path, fmt: RdfFormat, rows_of: Callable[[QuadParser], Rows],
                   join: Callable[[Rows, Rows], Rows], meanwhile: Callable[[], object] | None = None) -> Rows | None:
    """``rows_of`` applied to each half of the graph file ``path``, joined in file order by
    ``join``; ``None`` when the file is not cut (too small, not cuttable, no safe cut, a half
    that does not parse, or no second CPU): the caller then parses it whole.

    ``meanwhile`` is called here once the child is parsing, before this process parses its half:
    work the caller needs next (importing the libraries that use the rows) costs no time then.
    """
    if fmt not in _CUTTABLE or not _fork_is_safe():
        return None
    try:
        size = path.stat().st_size
        cut = _cut(path, size) if size >= LEAST_BYTES else None
    except OSError:
        return None
    return None if cut is None else read_cut(path, fmt, cut, rows_of, join, meanwhile)


def read_cut(path: Path, fmt: RdfFormat, cut: int, rows_of: Callable[[QuadParser], Rows],
             join: Callable[[Rows, Rows], Rows], meanwhile: Callable[[], object] | None = None) -> Rows | None:
    """``rows_of`` the file up to byte ``cut`` (here) and from it (in a forked child), joined;
    ``None`` unless both halves parse and the cut falls where the leading declarations hold."""
    try:
        header = _header(path, cut)
        declared = _declarations(header, fmt)
    except (OSError, SyntaxError, ValueError):
        return None
    if declared is None:
        return None
    receiving, sending = os.pipe()
    _widen(sending)
    child = os.fork()
    if child == 0:
        os.close(receiving)
        _second_half(sending, path, cut, header, fmt, rows_of)  # ends the child
    os.close(sending)
    first = second = None
    try:
        if meanwhile is not None:
            meanwhile()
        first = _first_half(path, cut, fmt, rows_of, declared)
        if first is not None:
            second = _received(receiving)
    finally:
        os.close(receiving)
        _reap(child)
    return None if first is None or second is None else join(first, second)


def _widen(pipe: int) -> None:
    """Let the pipe hold a megabyte, where Linux allows it: the second half's rows (about 20 MB
    for a million triples) then cross in 20 writes rather than 300."""
    try:
        import fcntl  # only where a fork is, that is, not on Windows
        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


def _received(receiving: int) -> object | None:
    """What the child sent, or ``None`` if it sent nothing whole (its half did not parse, or it died)."""
    with open(receiving, "rb", closefd=False) as stream:
        data = stream.read()
    try:
        return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None


def _reap(child: int) -> None:
    """End the child if it is still at work (this process gave up on the cut) and wait for it."""
    try:
        os.kill(child, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(child, 0)


def _fork_is_safe() -> bool:
    """A fork copies only the calling thread, and a lock another thread held stays held in the
    child; so a second process is forked only from a single-threaded process, with a second CPU."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and cpus >= 2 and threading.active_count() == 1


def _cut(path: Path, size: int) -> int | None:
    """The offset just past the first statement-ending line after the middle of ``path``."""
    middle = size // 2
    with path.open("rb") as stream:
        stream.seek(middle)
        found = _CUT.search(stream.read(_WINDOW_BYTES))
    return None if found is None else middle + found.end()


def _header(path: Path, cut: int) -> bytes:
    """The file's leading lines that are blank, comments or directives (before ``cut``)."""
    with path.open("rb") as stream:
        text = stream.read(min(cut, _HEADER_BYTES))
    end = 0
    for line in text.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        stripped = line.strip()
        if stripped and not stripped.startswith(b"#") and not _DIRECTIVE.match(line):
            break
        end += len(line)
    return text[:end]


def _declarations(text: bytes, fmt: RdfFormat) -> tuple[dict[str, str], str | None] | None:
    """The prefixes and base in force after ``text``; ``None`` if it holds a triple."""
    parser = parse(text, format=fmt)
    if next(iter(parser), None) is not None:
        return None
    return parser.prefixes, parser.base_iri


def _first_half(path: Path, cut: int, fmt: RdfFormat, rows_of: Callable[[QuadParser], Rows],
                declared: tuple[dict[str, str], str | None]) -> Rows | None:
    """The rows of the file up to ``cut``, if it parses and ends with the leading declarations."""
    with _window(path, 0, cut) as stream:
        parser = parse(stream, format=fmt)
        try:
            rows = rows_of(parser)
        except (SyntaxError, ValueError):
            return None
    return rows if (parser.prefixes, parser.base_iri) == declared else None


def _second_half(sending: int, path: Path, cut: int, header: bytes, fmt: RdfFormat,
                 rows_of: Callable[[QuadParser], Rows]) -> NoReturn:
    """In the child: the rows of the leading declarations and the file from ``cut``, written to
    ``sending``. The child then ends at once (``os._exit``), touching none of the exit handlers,
    buffered streams or locks it shares with its parent; it sends nothing if its half does not
    parse or cannot be read."""
    try:
        with _window(path, cut, None, header) as stream:
            rows = rows_of(parse(stream, format=fmt))
        with open(sending, "wb") as stream:
            stream.write(marshal.dumps(rows))
    finally:
        os._exit(0)


def _window(path: Path, start: int, end: int | None, prefix: bytes = b"") -> io.BufferedReader:
    """``prefix``, then the bytes of ``path`` from ``start`` to ``end`` (its end if ``None``), as
    one stream: neither half of a large file is ever held in memory whole."""
    return io.BufferedReader(_Window(path, start, end, prefix), _BUFFER_BYTES)


class _Window(io.RawIOBase):
    """The raw stream under :func:`_window`."""

    def __init__(self, path: Path, start: int, end: int | None, prefix: bytes) -> None:
        super().__init__()
        self._file = path.open("rb", buffering=0)
        self._file.seek(start)
        self._left = None if end is None else end - start
        self._prefix = memoryview(prefix)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._prefix:
            count = min(len(view), len(self._prefix))
            view[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        wanted = len(view) if self._left is None else min(len(view), self._left)
        if wanted <= 0:
            return 0
        count = self._file.readinto(view[:wanted]) or 0
        if self._left is not None:
            self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()
