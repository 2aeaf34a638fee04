"""Read a web page: its main content as text, tables as rows, the site's furniture removed.

Pages from inspectorates, commissioners, council committee systems and force news sites
wrap their content in navigation, cookie banners, breadcrumbs, share links and footers;
those are dropped by their tag, role, hidden flag or the words of their id or class
(data in ``patterns/web_furniture.txt``). The content is ``<main>``, else the one
``<article>``, else the body.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .clean import clean_text
from .errors import DocumentError
from .read_tables import RawTable
from .resources import lexicon_cached, read_lines

FURNITURE_FILE = "web_furniture.txt"
# A page with a meta refresh and less text than this is only a redirect.
REDIRECT_MAX_CHARS = 200
_REDIRECT_URL = re.compile(r"url\s*=\s*(\S+)", re.IGNORECASE)
_NAME_PARTS = re.compile("[-_ ]")
_UNWANTED_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button",
    "nav", "aside", "head", "object", "embed", "canvas", "dialog",
)
_UNWANTED_ROLES = {"navigation", "banner", "contentinfo", "search"}
# A header or footer inside one of these belongs to that section, not to the site.
_SECTIONING = ["article", "aside", "main", "nav", "section"]
_NEVER_FURNITURE = ("html", "body", "main", "article")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu ol p "
    "pre section summary table ul".split()
)


def read_html(html: str, source: str) -> tuple[str, str | None, list[RawTable]]:
    """Cleaned main text, title and tables of an HTML page (navigation and other furniture
    removed); a page that only redirects elsewhere is an error naming where it goes."""
    soup = BeautifulSoup(html, "lxml")
    _refuse_redirect(soup, source)
    title = _collapse(soup.title.get_text(" ")) if soup.title else ""
    for tag in _furniture(soup):
        if not tag.decomposed:
            tag.decompose()
    root = _content_root(soup)
    if not title:
        heading = root.find("h1")
        title = _collapse(heading.get_text(" ")) if heading else ""
    reader = _HtmlText(root)
    return clean_text(reader.text()), title or None, reader.tables


def _refuse_redirect(soup: BeautifulSoup, source: str) -> None:
    """Raise when the page is a meta refresh to another address with next to no text of its own."""
    refresh = soup.find("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)})
    if refresh is None:
        return
    target = _REDIRECT_URL.search(str(refresh.get("content", "")))
    body = soup.body or soup
    if target and len(_collapse(body.get_text(" "))) < REDIRECT_MAX_CHARS:
        raise DocumentError(source, f"web page only redirects to {target.group(1).strip(chr(39) + chr(34))}: "
                                    "save the page it points to instead")


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
    words = _furniture_words()
    return any(part in words for name in names if name for part in _NAME_PARTS.split(name.casefold()))


@lexicon_cached
def _furniture_words() -> frozenset[str]:
    """Words of an id or class name that mark furniture, from the patterns data file."""
    return frozenset(word.casefold() for word in read_lines(FURNITURE_FILE))


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
        self.tables: list[RawTable] = []

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
        elif tag.name == "table":
            self.tables.append(RawTable(0, 0, 0, 0, ()))
            self._end_paragraph()
            self._walk(tag)
            self._end_paragraph()
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
        if len(cells) > 1 and self.tables and row.find_parent("table") is not None:
            self.tables[-1].rows += (tuple(cells),)
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
