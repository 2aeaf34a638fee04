"""The ``policekg`` command: a thin layer over the library API.

Exit codes: 0 success; 1 the work was done but something is wrong (a document failed,
a graph does not conform, a name the graph does not hold); 2 nothing could be done (bad
arguments, unreadable input).

Each command lives in a ``cli_*`` module that is imported only when the command runs, so
``policekg query`` or ``policekg show`` never pay for loading spaCy, which only ``build``
and ``text`` need.
"""
from __future__ import annotations

import ast
import os
import sys
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import click

from policekg.cli_common import shorten_path

__all__ = ["cli", "main", "shorten_path"]

# command name -> (module, attribute) of its click command
COMMANDS = {
    "build": ("policekg.cli_build", "build"),
    "text": ("policekg.cli_build", "text"),
    "validate": ("policekg.cli_graph", "validate"),
    "evaluate": ("policekg.cli_graph", "evaluate"),
    "show": ("policekg.cli_show", "show"),
    "stats": ("policekg.cli_stats", "stats"),
    "export": ("policekg.cli_export", "export"),
    "evidence": ("policekg.cli_evidence", "evidence"),
    "query": ("policekg.cli_query", "query"),
    "ask": ("policekg.cli_query", "ask"),
    "load": ("policekg.cli_query", "load"),
    "serve": ("policekg.cli_query", "serve"),
    "push": ("policekg.cli_query", "push"),
    "review": ("policekg.cli_review", "review"),
    "lexicon": ("policekg.cli_lexicon", "lexicon"),
}
# Commands that start no threads, pools or temporary files and end holding a big graph's tables or
# network: they end without the interpreter's teardown (see main).
QUICK_EXIT = frozenset({"show", "stats", "export", "evidence"})


class LazyGroup(click.Group):
    """A command group that imports a command's module when the command is asked for."""

    chosen: str | None = None  # the command this run resolved, for main

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        LazyGroup.chosen = cmd_name
        module, attribute = COMMANDS[cmd_name]
        return getattr(import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``policekg --help``, each command's first docstring line read from
        its module's source, so that listing them imports none (``build`` would load spaCy)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=_docstring(*COMMANDS[name])).get_short_help_str(limit))
                for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _docstring(module: str, attribute: str) -> str:
    """The docstring of the function a command is made from, read without importing its module
    (imported after all when its source cannot be read)."""
    spec = find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return getattr(import_module(module), attribute).help or ""
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == attribute:
            return ast.get_docstring(node) or ""
    return getattr(import_module(module), attribute).help or ""


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policekg", prog_name="policekg")
def cli() -> None:
    """Turn policing documents into a knowledge graph.

    \b
    Example:
        policekg build examples/ -o out/graph.ttl
        policekg validate out/graph.ttl
    """


def main() -> None:
    """Entry point of the ``policekg`` command.

    A network command (:data:`QUICK_EXIT`) ends, once its output is flushed, without the
    interpreter's teardown: freeing a million-triple graph's network and its page object by
    object, then every module, costs 0.1 s that nothing needs. Every other command exits as usual.
    """
    try:
        cli(prog_name="policekg")
    except SystemExit as done:
        if LazyGroup.chosen in QUICK_EXIT and (done.code is None or isinstance(done.code, int)):
            _exit_now(done.code or 0)
        raise


def _exit_now(code: int) -> None:
    """Flush what was written, then end the process at once with ``code``."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``| head``) or stream: nothing more can be said
            pass
    os._exit(code)
