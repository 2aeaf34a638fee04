"""Read documents from disk into cleaned text: the first stage of the pipeline.

Supported formats are plain text, Markdown, HTML, PDF (read by its layout) and Word
(.docx); each has its own reader module, and this one finds files, checks them and hands
each to its reader. Whatever goes wrong with a file (missing, too big, binary, wrongly
encoded, corrupt, encrypted, scanned, a redirect, empty) is reported as a
:class:`DocumentError` carrying one line a user can act on; no exception from a parsing
library escapes.
"""
from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PurePosixPath

from .errors import DocumentError
from .model import ReadDocument
from .read_docx import read_docx
from .read_markdown import read_markdown
from .read_pdf import read_pdf
from .read_tables import locate_tables
from .read_text import read_text
from .read_web import read_html

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}
_BINARY_SNIFF_BYTES = 8192
# Text has almost no control bytes; UTF-16 of mostly Latin text has a zero in every other byte.
BINARY_SHARE = 0.01
UTF16_ZERO_SHARE = 0.3
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

_EMPTY = "empty document: no text found"


def display_name(path: str | os.PathLike) -> str:
    """A path as the graph and messages give it: its POSIX form, with any byte of a file name
    that is not UTF-8 written as ``\\xNN`` (as ``ls -b`` would), so that it can be written anywhere."""
    text = Path(path).as_posix()
    if not any("\udc80" <= character <= "\udcff" for character in text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def find_documents(paths: Iterable[str | os.PathLike], failures: list[DocumentError] | None = None) -> list[Path]:
    """The documents named by ``paths``, sorted by POSIX path and without repeats.

    A file named explicitly is always included, whatever its type, so that reading it
    reports a clear error instead of it being silently skipped. Folders are searched
    recursively for files of a supported type; hidden files and folders are skipped, and
    so are a folder's own notes (README, LICENSE, CHANGELOG), which describe the corpus
    rather than belong to it.

    A path that does not exist or a folder that cannot be listed raises
    :class:`DocumentError`, unless ``failures`` is given: then each is added to it and the
    search goes on with the rest.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            if not os.path.lexists(path):
                raise DocumentError(display_name(path), "no such file or directory")
            found.update(_documents_under(path, failures) if path.is_dir() else [path])
        except DocumentError as error:
            if failures is None:
                raise
            failures.append(error)
    return sorted(found, key=lambda path: path.as_posix())


def _documents_under(folder: Path, failures: list[DocumentError] | None) -> Iterator[Path]:
    """Supported, non-hidden files anywhere below ``folder``; see :func:`find_documents` for ``failures``."""

    def unlisted(error: OSError) -> None:
        problem = _folder_problem(error)
        if failures is None:
            raise problem
        failures.append(problem)

    for root, folders, files in os.walk(folder, onerror=unlisted):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).stem.upper() not in FOLDER_NOTES \
                    and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(root) / name


def _folder_problem(error: OSError) -> DocumentError:
    """A folder that cannot be listed, as a one-line error naming it."""
    folder = display_name(error.filename or "")
    if isinstance(error, PermissionError):
        return DocumentError(folder, "permission denied: cannot list this folder")
    return DocumentError(folder, f"cannot list folder: {error.strerror or type(error).__name__}")


def read_document(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadDocument:
    """The cleaned text of the document at ``path``, with its title and format.

    ``text`` is the exact string later stages quote from and count offsets in.
    Raises :class:`DocumentError` when the file cannot be read or holds no text.
    """
    source, data = document_bytes(path, max_bytes)
    return document_from_bytes(data, source)


def document_bytes(path: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """A document file's name (its POSIX path, as the graph records it) and its raw bytes.

    Raises :class:`DocumentError` for a missing file, a folder, an unsupported type or a
    file over ``max_bytes``, before reading it.
    """
    file = Path(path)
    source = display_name(file)
    size = _file_size(file, source)
    _format_of(file, source)
    if size > max_bytes:
        raise DocumentError(source, f"file is {_size(size, exact=False)}, over the {_size(max_bytes)} limit")
    return source, _read_bytes(file, source, max_bytes)


def document_from_bytes(data: bytes, source: str) -> ReadDocument:
    """The document whose file, named ``source`` (its suffix gives the format), holds ``data``.

    What :func:`read_document` does once the bytes are read; a process without the file
    (a Dask worker) reads a document from the bytes it was sent.
    """
    file_format = _format_of(PurePosixPath(source), source)
    pages: tuple[int, ...] = ()
    tables = ()
    if file_format == "pdf":
        paged, title = read_pdf(data, source)
        text, pages, tables = paged.finish()
    elif file_format == "docx":
        text, title, found = read_docx(data, source)
        tables = locate_tables(text, found, ())
    elif file_format == "html":
        text, title, found = read_html(_decode(data, source), source)
        tables = locate_tables(text, found, ())
    elif file_format == "md":
        text, title = read_markdown(_decode(data, source))
    else:
        text, title = read_text(_decode(data, source)), None
    if not text:
        raise DocumentError(source, _EMPTY)
    return ReadDocument(source=source, text=text, title=title, format=file_format, pages=pages, tables=tables)


@contextmanager
def _file_errors(source: str) -> Iterator[None]:
    """Turn operating-system errors about ``source`` into one-line document errors."""
    try:
        yield
    except FileNotFoundError:
        raise DocumentError(source, "no such file or directory") from None
    except PermissionError:
        raise DocumentError(source, "permission denied") from None
    except OSError as error:
        raise DocumentError(source, f"cannot read file: {error.strerror or type(error).__name__}") from None


def _file_size(file: Path, source: str) -> int:
    """The size in bytes of the file at ``file``, which must exist and not be a folder."""
    with _file_errors(source):
        if file.is_dir():
            raise DocumentError(source, "is a folder, not a document")
        return file.stat().st_size


def _format_of(file: PurePath, source: str) -> str:
    """The format named by the file's suffix, or an error listing what is supported."""
    suffix = file.suffix.lower()
    if suffix in _FORMATS:
        return _FORMATS[suffix]
    supported = ", ".join(SUPPORTED_SUFFIXES)
    kind = f" '{file.suffix}'" if file.suffix else ": no file extension"
    raise DocumentError(source, f"unsupported file type{kind} (supported: {supported})")


def _read_bytes(file: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes; a file that grew past ``max_bytes`` since it was measured is refused."""
    with _file_errors(source), file.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(source, f"file is over the {_size(max_bytes)} limit")
    return data


def _size(count: int, exact: bool = True) -> str:
    """A byte count for people: "512 B", "3 KB", "73.2 MB" (whole units when ``exact``)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            value = f"{count / scale:.1f}"
            return f"{value.removesuffix('.0') if exact else value} {unit}"
    return f"{count} B"


def _decode(data: bytes, source: str) -> str:
    """Text from UTF-8 (with or without a BOM) or UTF-16 bytes (with a BOM, or recognised
    by its zero bytes without one)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, source)
    utf16 = _utf16_without_bom(data[:_BINARY_SNIFF_BYTES])
    if utf16:
        return _decode_as(data, utf16, source, " (it looks like UTF-16 without a byte-order mark)")
    if _is_binary(data):
        raise DocumentError(source, "binary file, not a text document")
    return _decode_as(data, "utf-8", source)


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when ``sample`` has the zero bytes of UTF-16 text: in one
    of every two positions for most characters, and almost never in the other."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= UTF16_ZERO_SHARE * pairs and even <= BINARY_SHARE * pairs:
        return "utf-16-le"
    if even >= UTF16_ZERO_SHARE * pairs and odd <= BINARY_SHARE * pairs:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    """Whether control bytes (zero bytes above all) are too many for text, wherever they are:
    a stray zero byte in a text file is cleaned away, early or late alike."""
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls > BINARY_SHARE * max(len(data), 100)


def _decode_as(data: bytes, encoding: str, source: str, note: str = "") -> str:
    """``data`` decoded strictly, or an error naming the first bad byte."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        name = "UTF-16" if encoding.startswith("utf-16") else "UTF-8"
        byte = data[error.start]
        raise DocumentError(
            source, f"not valid {name}{note} (invalid byte 0x{byte:02X} at offset {error.start}); save it as UTF-8"
        ) from None
