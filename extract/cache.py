"""Per-document extraction results kept on disk, so a rebuild redoes only what changed.

An entry is one document's :class:`~policekg.extract.document.DocumentAnalysis`, filed under
the pipeline's fingerprint (:func:`fingerprint`: policekg's code, the lexicon in use, the spaCy
version and the model's name and version) and keyed by the document's path and the sha256 of its bytes. Changing a
document misses its entry only; changing a lexicon file, the code or the model changes the
fingerprint, so every document is extracted again and the entries of other fingerprints are
removed.

An entry is data, never code: zlib-compressed JSON in the format of :mod:`.records`, read
back field by field with every type checked. Anyone who can write to the folder (it lives
beside the output) can make a build extract documents again, or, by forging an entry that
checks, change what it says about one, but cannot make it run anything. Entries are checked
before they are trusted: a file that is truncated, altered, too big to unpack, of another
format version or not an entry for that document is reported as corrupt and the document is
extracted again.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import shutil
import zlib
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from .document import DocumentAnalysis
from .model import CacheStats
from .nlp import MODEL, model_identity
from .records import VERSION, dump_analysis, load_analysis
from .resources import lexicon_cached, lexicon_files

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from spacy.language import Language

MAGIC = f"policekg-cache {VERSION} json\n".encode("ascii")
FOLDER_NAME = ".policekg-cache"
_DIGEST_BYTES = 32
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # an entry unpacks to at most this much JSON (a zip bomb stops here)


def default_folder(output: str | os.PathLike[str]) -> Path:
    """The cache folder for a build writing ``output``: ``.policekg-cache`` beside it."""
    return Path(output).resolve().parent / FOLDER_NAME


def _installed(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def fingerprint(package: Traversable | None = None, model: str | Language = MODEL) -> str:
    """A digest of everything extraction depends on besides the document itself: the code and
    pattern files of ``package``, or by default this package's code and the lexicon in use
    (digested once per process, lexicon and model), the versions of policekg, spaCy and Python,
    and the model's name and version (:func:`~policekg.extract.nlp.model_identity` of a model's
    name or folder, or of a loaded pipeline)."""
    identity = model_identity(model)
    if package is not None:
        return _digest(_code(package) + _pattern_files(package), identity)
    return _own_fingerprint(identity)


@lexicon_cached
def _own_fingerprint(identity: str) -> str:
    return _digest(_code(files(__package__)) + [(f"patterns/{name}", data) for name, data in lexicon_files().items()],
                   identity)


def _digest(parts: list[tuple[str, bytes]], identity: str) -> str:
    digest = hashlib.sha256()
    for part in ("policekg", _installed("policekg"), "spacy", _installed("spacy"), "model", identity,
                 platform.python_version()):
        digest.update(part.encode("utf-8") + b"\0")
    for name, data in sorted(parts):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _code(package: Traversable) -> list[tuple[str, bytes]]:
    """The extraction code (``*.py``), by name."""
    return [(entry.name, entry.read_bytes()) for entry in package.iterdir() if entry.name.endswith(".py")]


def _pattern_files(package: Traversable) -> list[tuple[str, bytes]]:
    """Every file of a package's bundled lexicon, by relative name."""
    return [(f"patterns/{entry.name}", entry.read_bytes()) for entry in (package / "patterns").iterdir()
            if entry.is_file()]


def document_key(source: str, data: bytes) -> str:
    """The entry name of a document: its path and the sha256 of its bytes."""
    return hashlib.sha256(source.encode("utf-8") + b"\0" + hashlib.sha256(data).digest()).hexdigest()


class ExtractionCache:
    """The entries of one pipeline fingerprint (default: :func:`fingerprint` of the default model) in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str], pipeline: str | None = None) -> None:
        self.root = Path(folder)
        self.folder = self.root / (pipeline or fingerprint())[:32]
        self.stats = CacheStats()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.entry"

    def get(self, key: str, source: str) -> DocumentAnalysis | None:
        """The stored analysis of ``source`` under ``key``, or ``None`` if absent or corrupt."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.stats.corrupt.append(source)
            return None
        analysis = _decode(blob)
        if analysis is None or analysis.info.source != source:
            self.stats.corrupt.append(source)
            return None
        self.stats.hits += 1
        return analysis

    def put(self, key: str, analysis: DocumentAnalysis) -> None:
        """Store ``analysis`` atomically; a cache that cannot be written never fails the build."""
        path = self._path(key)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            blob = _encode(analysis)
        except ValueError:  # a value JSON cannot carry, or an analysis too big to read back: not cached
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(blob)
            os.replace(temporary, path)
            self.stats.stored += 1
        except OSError:
            with contextlib.suppress(OSError):  # its folder may not exist: a file stands in the way
                temporary.unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove the entries of other fingerprints: they can never be used again."""
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder:
                shutil.rmtree(other, ignore_errors=True)


def _encode(analysis: DocumentAnalysis) -> bytes:
    data = dump_analysis(analysis)
    if len(data) > MAX_ENTRY_BYTES:
        raise ValueError(f"an analysis of {len(data)} bytes is over the cache's limit")
    payload = zlib.compress(data, 1)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def _unpack(payload: bytes) -> bytes:
    """The JSON in ``payload``; ``ValueError`` unless it is one whole zlib stream within the limit."""
    unpacker = zlib.decompressobj()
    data = unpacker.decompress(payload, MAX_ENTRY_BYTES)
    if not unpacker.eof or unpacker.unconsumed_tail or unpacker.unused_data:
        raise ValueError("not one whole zlib stream within the size limit")
    return data


def _decode(blob: bytes) -> DocumentAnalysis | None:
    """The analysis in an entry, or ``None`` unless the entry is intact and holds one."""
    if not blob.startswith(MAGIC):
        return None
    digest, payload = blob[len(MAGIC):len(MAGIC) + _DIGEST_BYTES], blob[len(MAGIC) + _DIGEST_BYTES:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return load_analysis(_unpack(payload))
    except (zlib.error, ValueError):  # CorruptRecord is a ValueError
        return None
