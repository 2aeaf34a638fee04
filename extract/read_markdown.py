"""Read Markdown as plain text: headings as paragraphs, markup removed, pipe tables as TAB rows."""
from __future__ import annotations

import re

from .clean import clean_text


def read_markdown(text: str) -> tuple[str, str | None]:
    """Cleaned text and title (an opening level-one heading) of a Markdown document."""
    return clean_text(_markdown_to_text(text)), _markdown_title(text)


def _collapse(text: str) -> str:
    """Whitespace runs as single spaces, none at the ends."""
    return " ".join(text.split())


_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}(?:(?:[-*_] *){3,}|=+|```.*|~~~.*)$")
_MD_QUOTE = re.compile(r"^ {0,3}> ?")
_MD_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_MD_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])"
)
_TABLE_RULE = re.compile(r"\s*:?-{3,}:?\s*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def _markdown_to_text(markdown: str) -> str:
    """Markdown as plain text: headings as their own paragraphs, no markup, lists kept.

    Pipe tables become TAB-separated rows, like tables in every other format.
    """
    lines: list[str] = []
    for line in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_markdown_line(_MD_QUOTE.sub("", line)))
    return "\n".join(lines)


def _markdown_line(line: str) -> list[str]:
    """The plain-text lines one Markdown line becomes."""
    if _MD_RULE.match(line) or _MD_LINK_DEFINITION.match(line):
        return [""]
    heading = _MD_HEADING.match(line)
    if heading:
        return ["", _markdown_inline(heading.group(2)), ""]
    if _is_pipe_row(line):
        cells = _pipe_cells(line)
        return [] if is_pipe_separator(cells) else ["\t".join(_markdown_inline(cell.strip()) for cell in cells)]
    return [_markdown_inline(line)]


def _markdown_inline(text: str) -> str:
    """Inline Markdown reduced to its text: emphasis, links, images and code removed."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)
    return _MD_ESCAPE.sub(r"\1", text)


def _is_pipe_row(line: str) -> bool:
    """Whether ``line`` is a row of a Markdown pipe table."""
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|")


def _pipe_cells(line: str) -> list[str]:
    """The cells of a pipe-table row, unstripped."""
    return line.strip()[1:-1].split("|")


def is_pipe_separator(cells: list[str]) -> bool:
    """Whether a pipe-table row is the ``|---|:--:|`` line under the header (in Markdown, and
    in plain text that writes tables the same way)."""
    return all(_TABLE_RULE.fullmatch(cell) for cell in cells)


def _markdown_title(markdown: str) -> str | None:
    """The text of a level-one heading that opens the document, if there is one."""
    for line in markdown.splitlines():
        if line.strip():
            heading = _MD_HEADING.match(line)
            if heading and len(heading.group(1)) == 1:
                return _collapse(_markdown_inline(heading.group(2))) or None
            return None
    return None
