"""What every ``policekg`` command shares: exit codes, one-line errors, short paths.

Kept free of heavy imports (no spaCy, no networkx): it is loaded by every command, and a
command that only reads a graph should start in a fraction of a second.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn

import click

from policekg.extract.errors import PoliceKGError

EXIT_PROBLEMS = 1
EXIT_ERROR = 2
MESSAGE_PATH_CHARS = 160


def fail(message: str) -> NoReturn:
    """Print one ``Error:`` line and exit with code 2: nothing could be done."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def clear_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn policekg's own errors into one clear line on stderr and the error's exit code (2, or
    1 for a name the graph does not know, which comes with the closest names it does).

    Only :class:`PoliceKGError` is caught: every failure a user can cause (a bad option, a file
    that cannot be read or written, a port in use) raises one, so any other exception is a bug
    and keeps its traceback.
    """

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PoliceKGError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(error.exit_code)

    return wrapper


def shorten_path(path: str, keep: int = MESSAGE_PATH_CHARS) -> str:
    """A path short enough for a one-line message: its start and end around "…" when long."""
    if len(path) <= keep:
        return path
    half = (keep - 1) // 2
    return f"{path[:half]}…{path[-half:]}"


def one_of(graph_file: str | None, store_dir: str | None) -> None:
    """Refuse a command given both, or neither, of a graph file and ``--store DIR``."""
    if bool(graph_file) == bool(store_dir):
        fail("give a graph file or --store DIR (one of the two)")
