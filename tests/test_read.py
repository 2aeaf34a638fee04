"""Reading documents from disk: finding them, each format, and every way a file can be bad."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from policekg.extract.errors import DocumentError
from policekg.extract.read import SUPPORTED_SUFFIXES, find_documents, read_document

from pdf_factory import make_pdf

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# ---------------------------------------------------------------- finding documents


def test_read_find_documents_walks_folders_and_sorts(tmp_path: Path) -> None:
    for name in ["b.txt", "a.MD", "sub/c.html", "sub/deep/d.PDF", "sub/e.htm", "notes.odt", "image.png",
                 ".hidden.txt", ".git/config.txt", "sub/.cache/f.txt"]:
        write(tmp_path, name, "x")
    found = find_documents([tmp_path])
    assert [path.relative_to(tmp_path).as_posix() for path in found] == [
        "a.MD", "b.txt", "sub/c.html", "sub/deep/d.PDF", "sub/e.htm",
    ]


def test_read_find_documents_includes_explicit_files_of_any_type(tmp_path: Path) -> None:
    docx = write(tmp_path, "minutes.docx", "x")
    hidden = write(tmp_path, ".draft.txt", "x")
    assert find_documents([docx, hidden]) == [hidden, docx]


def test_read_find_documents_removes_duplicates(tmp_path: Path) -> None:
    text = write(tmp_path, "a.txt", "x")
    assert find_documents([tmp_path, text, str(text), tmp_path]) == [text]


def test_read_find_documents_accepts_an_empty_folder(tmp_path: Path) -> None:
    assert find_documents([tmp_path]) == []


def test_read_find_documents_reports_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(DocumentError) as caught:
        find_documents([tmp_path, missing])
    assert str(caught.value) == f"{missing.as_posix()}: no such file or directory"


# ---------------------------------------------------------------- plain text and Markdown


def test_read_text_file_is_cleaned(tmp_path: Path) -> None:
    path = write(tmp_path, "report.txt", "Skip to content\r\n\r\nEffectiveness\r\nGood\r\n\r\nThe force\r\nworks well.\r\n")
    document = read_document(path)
    assert document.text == "Effectiveness\nGood\n\nThe force works well."
    assert (document.source, document.title, document.format) == (path.as_posix(), None, "txt")


def test_read_source_is_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "docs/report.txt", "Some text.")
    monkeypatch.chdir(tmp_path)
    assert read_document("docs/report.txt").source == "docs/report.txt"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfCaf\xc3\xa9 culture.", "Café culture."),
        ("Café culture.".encode("utf-16"), "Café culture."),
        ("\ufeffCafé culture.".encode("utf-16-be"), "Café culture."),
    ],
)
def test_read_text_file_with_byte_order_mark(tmp_path: Path, data: bytes, expected: str) -> None:
    assert read_document(write(tmp_path, "bom.txt", data)).text == expected


MARKDOWN = """# Police and *Crime* Plan

## Priorities
The Commissioner's **main** priorities, set out in the [plan](https://example.org/plan), are:

- Cut crime and catch __criminals__
- Put *victims* first
1. Numbered item with `code`

| Organisation | 2015/16 |
|---|---:|
| Ashford CSP | 28858 |

![logo](logo.png)
A snake_case_name and 2 * 3 * 4 stay as written.
"""


def test_read_markdown_strips_markup(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "plan.md", MARKDOWN))
    assert document.text == (
        "Police and Crime Plan\n\n"
        "Priorities\n\n"
        "The Commissioner's main priorities, set out in the plan, are:\n\n"
        "- Cut crime and catch criminals\n"
        "- Put victims first\n"
        "1. Numbered item with code\n\n"
        "Organisation\t2015/16\n"
        "Ashford CSP\t28858\n\n"
        "A snake_case_name and 2 * 3 * 4 stay as written."
    )
    assert (document.title, document.format) == ("Police and Crime Plan", "md")


def test_read_markdown_title_only_from_an_opening_heading(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "notes.md", "Introduction text.\n\n# Later heading\n"))
    assert document.title is None


# ---------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html><head><title> Kent  PEEL 2016 &amp; efficiency </title>
<style>p { color: red }</style><script>var tracking = 1;</script></head>
<body>
<a class="govuk-skip-link" href="#main">Skip to main content</a>
<div id="cookie-banner"><p>We use cookies on this site.</p><button>Accept</button></div>
<header><p>HMICFRS</p><nav><ul><li>Home</li><li>Reports</li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/kent">Kent</a></div>
<main id="main">
<h1>Kent   PEEL
 2016</h1>
<p>Last updated 03/11/2016</p>
<h2>Efficiency</h2>
<p>Good</p>
<p>Kent Police is <strong>good</strong> at keeping people safe &amp;
   reducing crime.<br>It works well with Essex Police.</p>
<ul><li>Understanding demand</li><li>Using resources</li></ul>
<table>
<caption>Allocations</caption>
<thead><tr><th>Organisation</th><th>2015/16</th><th>2016/17</th></tr></thead>
<tbody><tr><td>Ashford CSP</td><td>28,858</td><td>27,848</td></tr>
<tr><td>Medway
   CSP</td><td>96,782</td><td><em>93,395</em></td></tr></tbody>
</table>
<div class="share-links"><a>Share on Twitter</a></div>
</main>
<aside><p>Related reports</p></aside>
<footer><p>Crown copyright</p></footer>
</body></html>
"""


def test_read_html_keeps_main_text_and_table_rows(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "kent.html", HTML))
    assert document.text == (
        "Kent PEEL 2016\n\n"
        "Last updated 03/11/2016\n\n"
        "Efficiency\n\n"
        "Good\n\n"
        "Kent Police is good at keeping people safe & reducing crime.\n"
        "It works well with Essex Police.\n\n"
        "Understanding demand\n\n"
        "Using resources\n\n"
        "Allocations\n\n"
        "Organisation\t2015/16\t2016/17\n"
        "Ashford CSP\t28,858\t27,848\n"
        "Medway CSP\t96,782\t93,395"
    )
    assert (document.title, document.format) == ("Kent PEEL 2016 & efficiency", "html")


def test_read_html_without_main_uses_body_and_h1_title(tmp_path: Path) -> None:
    page = (
        "<html><body><nav role='navigation'><a>Home</a></nav>"
        "<div role='banner'>Site name</div><h1>Annual report</h1>"
        "<div class='content'><p>First paragraph.</p><p>Second paragraph.</p></div>"
        "<article><header><p>Posted 3 May</p></header><p>News item.</p></article>"
        "<article><p>Another item.</p></article>"
        "<div role='contentinfo'>Footer text</div></body></html>"
    )
    document = read_document(write(tmp_path, "report.htm", page))
    assert document.text == (
        "Annual report\n\nFirst paragraph.\n\nSecond paragraph.\n\nPosted 3 May\n\nNews item.\n\nAnother item."
    )
    assert (document.title, document.format) == ("Annual report", "html")


# ---------------------------------------------------------------- PDF

PDF_PAGES = [
    "Kent Police PEEL 2018/19\nEffectiveness\nGood\n"
    "The force works well with partner organisations to keep people safe and to\nPage 1 of 4",
    "Kent Police PEEL 2018/19\nprotect vulnerable people across the county of Kent.\n"
    "Efficiency\nPage 2 of 4",
    "Kent Police PEEL 2018/19\nOutstanding\nThe force plans well for the future.\nPage 3 of 4",
    "Kent Police PEEL 2018/19\nLegitimacy\nGood\nIt treats the public fairly.\nPage 4 of 4",
]


def test_read_pdf_factory_round_trips_through_pypdf() -> None:
    reader = pypdf.PdfReader(io.BytesIO(make_pdf(["First (page)", "Second \\ page"], title="Made")), strict=True)
    assert [page.extract_text().strip() for page in reader.pages] == ["First (page)", "Second \\ page"]
    assert reader.metadata.title == "Made"


def test_read_pdf_removes_running_lines_and_joins_across_pages(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "peel.pdf", make_pdf(PDF_PAGES, title="PEEL 2018/19: Kent")))
    assert document.text == (
        "Effectiveness\nGood\n"
        "The force works well with partner organisations to keep people safe and to "
        "protect vulnerable people across the county of Kent.\n"
        "Efficiency\nOutstanding\nThe force plans well for the future.\n"
        "Legitimacy\nGood\nIt treats the public fairly."
    )
    assert (document.title, document.format) == ("PEEL 2018/19: Kent", "pdf")


def test_read_pdf_without_title_metadata(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "notes.pdf", make_pdf(["Some notes."])))
    assert (document.text, document.title) == ("Some notes.", None)


def encrypted_pdf(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf(["Secret text."]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_read_pdf_encrypted_with_empty_password_opens(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "open.pdf", encrypted_pdf(""))).text == "Secret text."


# ---------------------------------------------------------------- bad input

VALID_PDF = make_pdf(PDF_PAGES)


@pytest.mark.parametrize(
    ("name", "content", "max_bytes", "reason"),
    [
        ("empty.txt", b"", None, "empty document: no text found"),
        ("blank.md", b"  \n\t\n\r\n", None, "empty document: no text found"),
        ("furniture.txt", b"Skip to content\n\nPage 3\n", None, "empty document: no text found"),
        ("blank.html", b"<html><body><nav>Home</nav><p> </p></body></html>", None, "empty document: no text found"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", None, "binary file, not a text document"),
        ("latin1.txt", b"caf\xe9", None, "not valid UTF-8 (invalid byte 0xE9 at offset 3); save it as UTF-8"),
        ("latin1.html", b"<p>ok</p>\n<p>caf\xe9</p>", None, "not valid UTF-8 (invalid byte 0xE9 at offset 16)"),
        ("corrupt.pdf", b"%PDF-1.4 garbage", None, "not a readable PDF: "),
        ("truncated.pdf", VALID_PDF[: len(VALID_PDF) // 2], None, "not a readable PDF: "),
        ("fake.pdf", b"<html>not a pdf</html>", None, "not a readable PDF: no PDF header"),
        ("scanned.pdf", make_pdf(["", ""]), None,
         "PDF has no text layer (scanned image?): run OCR on it outside policekg, then read its text"),
        ("locked.pdf", encrypted_pdf("secret"), None, "encrypted PDF: it needs a password to open"),
        ("minutes.odt", b"PK\x03\x04", None, "unsupported file type '.odt' (supported: .txt, .md, .html, .htm, .pdf, .docx)"),
        ("minutes.docx", b"PK\x03\x04", None, "not a readable Word document: not a .docx (zip) file"),
        ("README", b"text", None, "unsupported file type: no file extension (supported: "),
        ("big.txt", b"x" * 2000, 1024, "file is 2.0 KB, over the 1 KB limit"),
        ("big.pdf", VALID_PDF, 100, f"file is {len(VALID_PDF) / 1024:.1f} KB, over the 100 B limit"),
    ],
)
def test_read_bad_input_raises_one_line_error(
    tmp_path: Path, name: str, content: bytes, max_bytes: int | None, reason: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(DocumentError) as caught:
        read_document(path) if max_bytes is None else read_document(path, max_bytes=max_bytes)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path.as_posix()}: {reason}")


def test_read_error_for_a_large_file_is_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(int(73.2 * 1024 * 1024))  # sparse: no real disk use
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path.as_posix()}: file is 73.2 MB, over the 50 MB limit"


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_read_non_file_paths_raise(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "missing.txt" if kind == "missing" else tmp_path
    with pytest.raises(DocumentError, match=r"^[^\n]*(no such file or directory|is a folder, not a document)$"):
        read_document(path)


def test_read_unreadable_file_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "private.txt", "Secret.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch, pytest.raises(DocumentError) as caught:
        patch.setattr(Path, "open", refuse)
        read_document(path)
    assert str(caught.value) == f"{path.as_posix()}: permission denied"


def test_read_pypdf_does_not_log_about_broken_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path, "broken.pdf", VALID_PDF[: len(VALID_PDF) // 2])
    with pytest.raises(DocumentError):
        read_document(path)
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


# ---------------------------------------------------------------- real documents

URL_LINE = re.compile(r"(?:https?://|www\.)\S+")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="sample documents not available")
def test_read_seed_documents_are_cleaned() -> None:
    paths = find_documents([SEEDS])
    assert paths and all(path.suffix in SUPPORTED_SUFFIXES for path in paths)
    texts = {path.name: read_document(path).text for path in paths if path.name != "README.md"}
    for name, text in texts.items():
        lines = text.split("\n")
        assert not [line for line in lines if URL_LINE.fullmatch(line)], name
        for furniture in ("Skip to content", "This page is intentionally left blank", "B1 Appendix A"):
            assert furniture not in lines, (name, furniture)

    agenda = next(text for name, text in texts.items() if name.startswith("004_"))
    rows = [line for line in agenda.split("\n") if line.startswith(("Ashford CSP", "Medway CSP", "Total"))]
    assert rows and all("\t" in row for row in rows)

    kent = next(text for name, text in texts.items() if name.startswith("001_")).split("\n")
    sentence = (
        "Kent Police is ambitious in its planning for the future and wants to be at the "
        "forefront of innovative practice."
    )
    assert any(sentence in line for line in kent)
    assert "Good" in kent and "Outstanding" in kent
