"""``policekg lexicon``: see and copy the lexicon, the data files extraction reads.

A linguist copies the lexicon to a folder, edits the files there (a cue, a force alias, a
programme word: each lives in one file), and builds with ``--lexicon FOLDER``.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import click

from policekg.cli_common import clear_errors
from policekg.extract.errors import AccessError
from policekg.extract.resources import LexiconError, bundled_names, lexicon_path, patterns_dir, use_lexicon


def _first_comment(path: Path) -> str:
    """A file's own description: its first ``#`` or ``//`` comment line, if it has one."""
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                text = line.strip()
                if text.startswith(("#", "//")):
                    return text.lstrip("#/ ").strip()
                if text:
                    return ""
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: cannot be read: {error}") from error
    return ""


@click.group()
def lexicon() -> None:
    """The lexicon: the word lists, cues and reference data extraction reads.

    \b
    Example:
        policekg lexicon copy my-lexicon/
        policekg build reports/ -o out/graph.ttl --lexicon my-lexicon/
    """

@lexicon.command("files")
@click.option("--lexicon", "folder", type=click.Path(path_type=str), default=None,
              help="Show which files this lexicon folder replaces.")
@clear_errors
def files(folder: str | None) -> None:
    """List the lexicon's files and where each is read from.

    \b
    Example:
        policekg lexicon files --lexicon my-lexicon/
    """
    use_lexicon(folder)
    for name in bundled_names():
        path = lexicon_path(name)
        origin = "yours" if path.parent != patterns_dir() else "bundled"
        description = _first_comment(path)
        click.echo(f"{name}\t{origin}" + (f"\t{description}" if description else ""))

@lexicon.command("copy")
@click.argument("folder", type=click.Path(file_okay=False, path_type=str))
@click.option("--force", is_flag=True, help="Overwrite files already in FOLDER.")
@clear_errors
def copy(folder: str, force: bool) -> None:
    """Copy the bundled lexicon into FOLDER to edit, for builds with --lexicon FOLDER.

    Files you leave out of FOLDER are read from the bundle, so you may also keep only the
    files you change.

    \b
    Example:
        policekg lexicon copy my-lexicon/
    """
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise AccessError(f"{folder}: cannot make the folder: {error.strerror or error}") from error
    clashes = [name for name in bundled_names() if (target / name).exists()]
    if clashes and not force:
        raise LexiconError(f"{folder} already has {', '.join(clashes[:3])}"
                                   f"{' …' if len(clashes) > 3 else ''}; give --force to overwrite")
    for name in bundled_names():
        try:
            shutil.copyfile(patterns_dir() / name, target / name)
        except OSError as error:
            raise AccessError(f"{target / name}: cannot write: {error.strerror or error}") from error
    click.echo(f"copied {len(bundled_names())} lexicon files to {folder}")
