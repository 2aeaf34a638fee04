"""The lexicon: every data file extraction reads, from one folder, loaded once per lexicon.

The bundled lexicon is ``policekg.extract/patterns``. A user may point a build at a folder
of their own (:func:`use_lexicon`, ``policekg build --lexicon DIR``): a file there replaces
the bundled file of the same name, and every other file comes from the bundle, so a
linguist who copies the lexicon (``policekg lexicon copy DIR``) and edits one file changes
exactly that. Whatever a stage derives from the lexicon is cached with :func:`lexicon_cached`,
so switching lexicons clears it all and no stale word list survives.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from functools import lru_cache, wraps
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from .errors import PoliceKGError

SUFFIXES = (".csv", ".txt", ".jsonl", ".json")
_derived: list[Any] = []  # every lexicon_cached function, cleared when the lexicon changes
_user_folder: Path | None = None
F = TypeVar("F", bound=Callable[..., Any])


class LexiconError(PoliceKGError):
    """A user lexicon folder that cannot be used as given."""


def patterns_dir() -> Path:
    """The folder of the bundled lexicon."""
    return Path(str(files("policekg.extract") / "patterns"))


def bundled_names() -> list[str]:
    """The names of the bundled lexicon's files, sorted."""
    return sorted(p.name for p in patterns_dir().iterdir() if p.is_file() and p.suffix in SUFFIXES)


def lexicon_cached(function: F) -> F:
    """``functools.lru_cache`` for anything computed from lexicon files: cleared whenever
    :func:`use_lexicon` changes the lexicon."""
    cached = lru_cache(maxsize=None)(function)
    _derived.append(cached)
    return wraps(function)(cached)  # type: ignore[return-value]


def user_lexicon() -> Path | None:
    """The user's lexicon folder in use, or ``None`` for the bundled lexicon alone."""
    return _user_folder


def use_lexicon(folder: str | Path | None) -> None:
    """Read the lexicon from ``folder`` over the bundled one (``None``: the bundled one only).

    Raises :class:`LexiconError` when the folder is missing or holds a data file the
    bundled lexicon does not have (a misspelt name would otherwise be silently ignored).
    """
    global _user_folder
    resolved = _checked(Path(folder)) if folder is not None else None
    if resolved == _user_folder:
        return
    _user_folder = resolved
    for cached in _derived:
        cached.cache_clear()


def _checked(folder: Path) -> Path:
    if not folder.is_dir():
        raise LexiconError(f"lexicon folder {folder} does not exist or is not a folder")
    known = set(bundled_names())
    unknown = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix in SUFFIXES and p.name not in known)
    if unknown:
        raise LexiconError(f"lexicon folder {folder} has files policekg does not read: {', '.join(unknown)} "
                           "(see `policekg lexicon files`)")
    return folder.resolve()


def lexicon_path(name: str) -> Path:
    """Where the lexicon file ``name`` is read from: the user's folder if it has it, else the bundle."""
    if _user_folder is not None and (_user_folder / name).is_file():
        return _user_folder / name
    return patterns_dir() / name


def lexicon_files() -> dict[str, bytes]:
    """Every file of the lexicon in use, by name: what extraction's results depend on."""
    return {name: lexicon_path(name).read_bytes() for name in bundled_names()}


def lexicon_digest() -> str:
    """A digest of the lexicon in use (for cache fingerprints and for telling workers apart)."""
    digest = hashlib.sha256()
    for name, data in sorted(lexicon_files().items()):
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _read(name: str, folder: Path | None) -> str:
    path = folder / name if folder is not None else lexicon_path(name)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LexiconError(f"lexicon file {path} is not UTF-8: {error.reason}") from None


def _parse_error(name: str, number: int, error: Exception) -> LexiconError:
    return LexiconError(f"lexicon file {lexicon_path(name)}, line {number}: {error}")


@lexicon_cached
def read_csv(name: str, folder: Path | None = None) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file as dicts keyed by its header; ``#`` lines before the header are comments."""
    lines = _read(name, folder).splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return tuple(csv.DictReader(io.StringIO("".join(lines))))


@lexicon_cached
def read_jsonl(name: str, folder: Path | None = None) -> tuple[dict[str, Any], ...]:
    """Objects of a JSON-lines data file; blank lines and ``//`` comments are skipped."""
    found = []
    for number, line in enumerate(_read(name, folder).splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                found.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise _parse_error(name, number, error) from None
    return tuple(found)


@lexicon_cached
def read_lines(name: str, folder: Path | None = None) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file."""
    lines = (line.strip() for line in _read(name, folder).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
