"""Load the data files shipped in ``policekg.extract/patterns`` (read once, cached)."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any


def patterns_dir() -> Path:
    """The folder of bundled pattern and gazetteer files."""
    return Path(str(files("policekg.extract") / "patterns"))


def _read(name: str, folder: Path | None) -> str:
    return ((folder or patterns_dir()) / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def read_csv(name: str, folder: Path | None = None) -> tuple[dict[str, str], ...]:
    """Rows of a CSV data file as dicts keyed by its header."""
    return tuple(csv.DictReader(io.StringIO(_read(name, folder))))


@lru_cache(maxsize=None)
def read_jsonl(name: str, folder: Path | None = None) -> tuple[dict[str, Any], ...]:
    """Objects of a JSON-lines data file; blank lines and ``//`` comments are skipped."""
    lines = _read(name, folder).splitlines()
    return tuple(json.loads(line) for line in lines if line.strip() and not line.lstrip().startswith("//"))


@lru_cache(maxsize=None)
def read_lines(name: str, folder: Path | None = None) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file."""
    lines = (line.strip() for line in _read(name, folder).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))
