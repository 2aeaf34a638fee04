"""Read documents from disk into cleaned text: the first stage of the pipeline.

Supported formats are plain text, Markdown, HTML and PDF (its text layer). Whatever
goes wrong with a file (missing, too big, binary, wrongly encoded, corrupt, encrypted,
scanned, empty) is reported as a :class:`DocumentError` carrying one line a user can
act on; no exception from a parsing library escapes.
"""
from __future__ import annotations

import codecs
import io
import logging
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PurePosixPath

import pypdf
from bs4 import BeautifulSoup, NavigableString, Tag
from pypdf.errors import DependencyError

from .clean import clean_text
from .errors import DocumentError
from .model import ReadDocument

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf")
FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG"})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
_BINARY_SNIFF_BYTES = 8192
# Text has almost no control bytes; UTF-16 of mostly Latin text has a zero in every other byte.
BINARY_SHARE = 0.01
UTF16_ZERO_SHARE = 0.3
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")
_PDF_HEADER_WINDOW = 1024
_REASON_MAX_CHARS = 80
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
    if file_format == "pdf":
        text, title = _read_pdf(data, source)
    else:
        text, title = _read_markup(_decode(data, source), file_format)
    if not text:
        raise DocumentError(source, _EMPTY)
    return ReadDocument(source=source, text=text, title=title, format=file_format)


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


def _read_markup(text: str, file_format: str) -> tuple[str, str | None]:
    """Cleaned text and title of a text, Markdown or HTML document."""
    if file_format == "html":
        return _read_html(text)
    if file_format == "md":
        return clean_text(_markdown_to_text(text)), _markdown_title(text)
    return clean_text(text), None


# ---------------------------------------------------------------- Markdown

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
_MD_TABLE_RULE = re.compile(r"\s*:?-{3,}:?\s*")
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
        return [] if _is_pipe_separator(cells) else ["\t".join(_markdown_inline(cell.strip()) for cell in cells)]
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


def _is_pipe_separator(cells: list[str]) -> bool:
    """Whether a pipe-table row is the ``|---|:--:|`` line under the header."""
    return all(_MD_TABLE_RULE.fullmatch(cell) for cell in cells)


def _markdown_title(markdown: str) -> str | None:
    """The text of a level-one heading that opens the document, if there is one."""
    for line in markdown.splitlines():
        if line.strip():
            heading = _MD_HEADING.match(line)
            if heading and len(heading.group(1)) == 1:
                return _collapse(_markdown_inline(heading.group(2))) or None
            return None
    return None


# ---------------------------------------------------------------- HTML

_UNWANTED_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button",
    "nav", "aside", "head", "object", "embed", "canvas", "dialog",
)
_UNWANTED_ROLES = {"navigation", "banner", "contentinfo", "search"}
# Words in an id or class name that mark page furniture rather than content.
_FURNITURE_WORDS = re.compile(
    r"(?:^|[-_])"
    r"(?:skip|skiplink|breadcrumbs?|cookies?|cookiebanner|consent|menu|navbar|share|sharing|social)"
    r"(?:$|[-_])",
    re.IGNORECASE,
)
# A header or footer inside one of these belongs to that section, not to the site.
_SECTIONING = ["article", "aside", "main", "nav", "section"]
_NEVER_FURNITURE = ("html", "body", "main", "article")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p "
    "pre section summary table ul".split()
)


def _read_html(html: str) -> tuple[str, str | None]:
    """Cleaned main text and title of an HTML page (navigation and other furniture removed)."""
    soup = BeautifulSoup(html, "lxml")
    title = _collapse(soup.title.get_text(" ")) if soup.title else ""
    for tag in _furniture(soup):
        if not tag.decomposed:
            tag.decompose()
    root = _content_root(soup)
    if not title:
        heading = root.find("h1")
        title = _collapse(heading.get_text(" ")) if heading else ""
    return clean_text(_HtmlText(root).text()), title or None


def _furniture(soup: BeautifulSoup) -> list[Tag]:
    """Elements that are navigation, banners, widgets or scripts rather than content."""
    return [tag for tag in soup.find_all(True) if _is_furniture(tag)]


def _is_furniture(tag: Tag) -> bool:
    """Whether ``tag`` is page furniture: by its name, role, id or class, or being hidden."""
    if tag.name in _UNWANTED_TAGS:
        return True
    if tag.name in ("header", "footer") and not tag.find_parent(_SECTIONING):
        return True
    if tag.name in _NEVER_FURNITURE:
        return False
    if tag.has_attr("hidden"):
        return True
    if str(tag.get("role", "")).lower() in _UNWANTED_ROLES:
        return True
    names = [*tag.get_attribute_list("id"), *tag.get_attribute_list("class")]
    return any(_FURNITURE_WORDS.search(name) for name in names if name)


def _content_root(soup: BeautifulSoup) -> Tag:
    """The element holding the page's main content: ``<main>``, else one ``<article>``, else the body."""
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main:
        return main
    articles = soup.find_all("article")
    if len(articles) == 1:
        return articles[0]
    return soup.body or soup


class _HtmlText:
    """Plain text of an element: blocks as paragraphs, table rows as TAB-separated lines."""

    def __init__(self, root: Tag) -> None:
        self._root = root
        self._paragraphs: list[list[str]] = []
        self._lines: list[str] = []
        self._inline: list[str] = []

    def text(self) -> str:
        self._walk(self._root)
        self._end_paragraph()
        return "\n\n".join("\n".join(lines) for lines in self._paragraphs)

    def _walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                self._element(child)
            elif type(child) is NavigableString:
                self._inline.append(str(child))

    def _element(self, tag: Tag) -> None:
        if tag.name == "br":
            self._end_line()
        elif tag.name == "tr":
            self._row(tag)
        elif tag.name == "pre":
            self._end_paragraph()
            self._lines.extend(tag.get_text().split("\n"))
            self._end_paragraph()
        elif tag.name in _BLOCK_TAGS:
            self._end_paragraph()
            self._walk(tag)
            self._end_paragraph()
        else:
            self._walk(tag)

    def _row(self, row: Tag) -> None:
        """A table row as one line of TAB-separated cells (its own paragraph if one cell)."""
        cells = [_collapse(cell.get_text(" ")) for cell in row.find_all(["td", "th"], recursive=False)]
        if not any(cells):
            return
        self._end_line()
        if len(cells) == 1:
            self._end_paragraph()
            self._paragraphs.append(cells)
        else:
            self._lines.append("\t".join(cells))

    def _end_line(self) -> None:
        line = _collapse("".join(self._inline))
        self._inline = []
        if line:
            self._lines.append(line)

    def _end_paragraph(self) -> None:
        self._end_line()
        if self._lines:
            self._paragraphs.append(self._lines)
        self._lines = []


def _collapse(text: str) -> str:
    """Whitespace runs as single spaces, none at the ends."""
    return " ".join(text.split())


# ---------------------------------------------------------------- PDF


def _read_pdf(data: bytes, source: str) -> tuple[str, str | None]:
    """Cleaned text of a PDF's text layer (running headers and footers removed), and its title."""
    if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
        raise DocumentError(source, "not a readable PDF: no PDF header")
    with _quiet_pypdf():
        reader = _open_pdf(data, source)
        pages = _pdf_page_texts(reader, source)
        title = _pdf_title(reader)
    if not pages:
        raise DocumentError(source, "PDF has no pages")
    if not any(page.strip() for page in pages):
        raise DocumentError(source, "PDF has no text layer (scanned image?)")
    return clean_text("\f".join(pages), pdf_pages=pages), title


def _open_pdf(data: bytes, source: str) -> pypdf.PdfReader:
    """A reader for the PDF, decrypted with the empty password (as viewers do) if need be."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        opened = not reader.is_encrypted or bool(reader.decrypt(""))
    except DependencyError as error:
        raise DocumentError(source, f"encrypted PDF cannot be opened: {_reason(error)}") from None
    except Exception as error:  # pypdf raises many exception types on damaged files
        raise DocumentError(source, f"not a readable PDF: {_reason(error)}") from None
    if not opened:
        raise DocumentError(source, "encrypted PDF: it needs a password to open")
    return reader


def _pdf_page_texts(reader: pypdf.PdfReader, source: str) -> list[str]:
    """The text layer of each page, in order."""
    try:
        return [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # pypdf raises many exception types on damaged files
        raise DocumentError(source, f"not a readable PDF: {_reason(error)}") from None


def _pdf_title(reader: pypdf.PdfReader) -> str | None:
    """The title in the PDF's metadata, if it has a usable one."""
    try:
        metadata = reader.metadata
        title = metadata.title if metadata else None
    except Exception:  # a damaged info dictionary only costs the title
        return None
    if title is None:
        return None
    return _collapse(str(title)) or None


def _reason(error: Exception) -> str:
    """A short, one-line description of a library error."""
    message = _collapse(str(error)) or type(error).__name__
    return message if len(message) <= _REASON_MAX_CHARS else message[: _REASON_MAX_CHARS - 1] + "…"


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's log messages and warnings about the damage it works around."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
