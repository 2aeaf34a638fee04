"""Documents as analysts get them: PDFs read by layout (columns, running lines, footnote
markers, hyphenation, tables across pages, pages), Word files and web pages with a site's
furniture, each made here from invented text; and bad files of those kinds, one line each."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from policekg import api
from policekg.extract.errors import DocumentError
from policekg.extract.model import Table, TableRow
from policekg.extract.pages import marked_pages
from policekg.extract.read import find_documents, read_document
from policekg.graph.network.projection import to_networkx
from policekg.graph.query.sparql import ask, graph_store
from policekg.graph.network.view_text import evidence_line

from docx_factory import make_docx
from report_factory import make_report

REPORT = [
    {"title": "Summary of findings", "full": ["The constabulary was inspected in the spring."],
     "left": ["The force works with the Riverside Trust on", "youth diversion and has im-", "proved its response.^3"],
     "right": ["The right column starts here and says", "that the council funds the project."],
     "footnote": "3 Figures from the force's own returns."},
    {"table": [["Area", "Grade"], ["Preventing crime", "Good"], ["Responding to the public", "Requires improvement"]]},
    {"full": ["The commissioner made these grant allocations in 2031/32:"],
     "table": [["Recipient", "Funder", "Amount"], ["Riverside Trust", "Home Office", "£20,000"],
               ["Hill Youth Club", "Home Office", "£5,000"]]},
    {"table": [["Recipient", "Funder", "Amount"], ["Lake Project", "Lottery Fund", "£7,500"]],
     "after": ["That is all."]},
]

REPORT_TEXT = (
    "Summary of findings\n\n"
    "The constabulary was inspected in the spring.\n\n"
    "The force works with the Riverside Trust on youth diversion and has improved its response.\n"
    "The right column starts here and says that the council funds the project.\n\n"
    "3 Figures from the force's own returns.\n"
    "Area\tGrade\n"
    "Preventing crime\tGood\n"
    "Responding to the public\tRequires improvement\n"
    "The commissioner made these grant allocations in 2031/32:\n\n"
    "Recipient\tFunder\tAmount\n"
    "Riverside Trust\tHome Office\t£20,000\n"
    "Hill Youth Club\tHome Office\t£5,000\n"
    "Lake Project\tLottery Fund\t£7,500\n\n"
    "That is all."
)


def records(result) -> list[dict[str, str]]:
    """Query rows as dicts of plain values."""
    return [{name: (term.value if term is not None else "") for name, term in zip(result.variables, row)}
            for row in result.rows]


def write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    return read_document(write(tmp_path_factory.mktemp("report"), "report.pdf", make_report(REPORT)))


def test_layout_pdf_reads_columns_in_order_without_running_lines_markers_or_hyphens(report) -> None:
    assert report.text == REPORT_TEXT
    assert report.format == "pdf"


def test_layout_pdf_pages_start_where_each_page_s_text_starts(report) -> None:
    starts = [report.text.index(line) for line in ("Summary of findings", "Area\tGrade",
                                                   "The commissioner made", "Lake Project")]
    assert report.pages == tuple(starts)
    assert [report.page_at(report.text.index(word)) for word in ("Riverside", "Preventing", "Hill", "Lake")] \
        == [1, 2, 3, 4]


def test_layout_pdf_tables_are_rows_with_their_header_across_pages(report) -> None:
    def row(cells: tuple[str, ...], page: int) -> TableRow:
        start = report.text.index("\t".join(cells))
        return TableRow(cells, start, start + len("\t".join(cells)), page)

    assert report.tables == (
        Table(("Area", "Grade"), (row(("Preventing crime", "Good"), 2),
                                  row(("Responding to the public", "Requires improvement"), 2))),
        Table(("Recipient", "Funder", "Amount"), (row(("Riverside Trust", "Home Office", "£20,000"), 3),
                                                  row(("Hill Youth Club", "Home Office", "£5,000"), 3),
                                                  row(("Lake Project", "Lottery Fund", "£7,500"), 4))),
    )


def test_layout_pdf_text_with_pages_marks_each_page(report) -> None:
    marked = marked_pages(report)
    assert marked.startswith("--- page 1 (character 0) ---\nSummary of findings")
    assert f"£5,000\n--- page 4 (character {report.pages[3]}) ---\nLake Project" in marked


def test_layout_pdf_reads_the_same_bytes_the_same_way(tmp_path: Path) -> None:
    data = make_report(REPORT)
    assert make_report(REPORT) == data
    first, second = (read_document(write(tmp_path, name, data)) for name in ("a.pdf", "b.pdf"))
    assert (first.text, first.pages, first.tables) == (second.text, second.pages, second.tables)


def test_layout_pdf_grant_table_over_two_pages_gives_every_allocation_with_its_funder_and_page(tmp_path: Path, nlp) -> None:
    pages = [
        {"title": "Community Safety Fund",
         "full": ["The Police and Crime Commissioner for Kent has awarded the following grants",
                  "from the Community Safety Fund in 2031/32."],
         "table": [["Organisation", "2031/32"], ["Riverside Youth Trust", "£20,000"], ["Hillside Youth Trust", "£12,500"]]},
        {"table": [["Organisation", "2031/32"], ["Lakeside Boxing Trust", "£7,500"]],
         "after": ["The panel noted the grants."]},
    ]
    path = write(tmp_path, "grants.pdf", make_report(pages))
    extraction = api.extract_documents([path], nlp=nlp)
    found = sorted((str(fund.amount), fund.recipient, fund.funder, [e.page for e in fund.evidence])
                   for fund in extraction.funds)
    office = "PartnerOrganisation/office-of-the-kent-police-and-crime-commissioner"
    assert found == [("12500", "PartnerOrganisation/hillside-youth-trust", office, [1]),
                     ("20000", "PartnerOrganisation/riverside-youth-trust", office, [1]),
                     ("7500", "PartnerOrganisation/lakeside-boxing-trust", office, [2])]
    turtle = api.to_graph(extraction).serialize(format="turtle")
    assert 'pko:page "2"^^xsd:positiveInteger' in turtle


def test_layout_docx_reads_paragraphs_headings_and_tables_without_deletions_or_comments(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "notice.docx", make_docx()))
    assert document.text == (
        "Decision notice\n\n"
        "The commissioner has agreed to fund the Riverside Youth Trust.\n\n"
        "The grant runs for one year.\n\n"
        "Grants awarded\n\n"
        "Recipient\tFunder\tAmount\n"
        "Riverside Youth Trust\tCommunity Safety Fund\t£20,000\n"
        "Hillside Boxing Club\tCommunity Safety Fund\t£5,000\n\n"
        "Signed by the commissioner."
    )
    assert (document.title, document.format, document.pages) == ("Decision notice 12/2031", "docx", ())
    assert [table.header for table in document.tables] == [("Recipient", "Funder", "Amount")]
    assert [(row.cells[0], document.text[row.start:row.end], row.page) for row in document.tables[0].rows] == [
        ("Riverside Youth Trust", "Riverside Youth Trust\tCommunity Safety Fund\t£20,000", None),
        ("Hillside Boxing Club", "Hillside Boxing Club\tCommunity Safety Fund\t£5,000", None),
    ]


def test_layout_docx_title_falls_back_to_the_first_heading(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "notice.docx", make_docx(title=None))).title == "Decision notice"


SITE_PAGE = """<!doctype html><html><head><title>Grants 2031 | Exemplarshire PCC</title></head><body>
<div id="cookie-banner"><p>We use cookies to improve this site.</p><button>Accept</button></div>
<header><a href="/">Exemplarshire PCC</a><nav><a href="/news">News</a></nav></header>
<ol class="govuk-breadcrumbs"><li>Home</li><li>Funding</li></ol>
<main>
<h1>Grants awarded in 2031</h1>
<p>The commissioner awarded these grants from the Community Safety Fund.</p>
<table><tr><th>Recipient</th><th>Amount</th></tr>
<tr><td>Riverside Youth Trust</td><td>£20,000</td></tr>
<tr><td>Hillside Boxing Club</td><td>£5,000</td></tr></table>
<div class="share-links"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="print-page"><a href="#">Print this page</a></div>
</main>
<footer><p>© Office of the Police and Crime Commissioner</p></footer>
</body></html>"""


def test_layout_web_page_keeps_the_main_content_and_its_table(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "grants.html", SITE_PAGE))
    assert document.text == (
        "Grants awarded in 2031\n\n"
        "The commissioner awarded these grants from the Community Safety Fund.\n\n"
        "Recipient\tAmount\n"
        "Riverside Youth Trust\t£20,000\n"
        "Hillside Boxing Club\t£5,000"
    )
    assert document.title == "Grants 2031 | Exemplarshire PCC"
    assert [(table.header, [row.cells for row in table.rows]) for table in document.tables] == [
        (("Recipient", "Amount"), [("Riverside Youth Trust", "£20,000"), ("Hillside Boxing Club", "£5,000")])]


def _encrypted_report() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, encrypt="secret", invariant=1)
    canvas.drawString(72, 720, "Locked text.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    """Two pages of drawing and no text, as a scan without OCR looks to a reader."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for _ in range(2):
        canvas.rect(72, 72, 400, 600, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _corrupt_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-closed")
    return buffer.getvalue()


BAD_FILES = [
    ("locked.pdf", _encrypted_report(), "encrypted PDF: it needs a password to open"),
    ("scanned.pdf", _image_only_pdf(),
     "PDF has no text layer (scanned image?): run OCR on it outside policekg, then read its text"),
    ("broken.docx", _corrupt_docx(), "not a readable Word document: "),
    ("moved.html", '<html><head><meta http-equiv="refresh" content="0; url=https://example.org/new">'
                   "</head><body><p>Redirecting…</p></body></html>",
     "web page only redirects to https://example.org/new: save the page it points to instead"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES)
def test_layout_bad_file_is_one_clear_line(tmp_path: Path, name: str, content: bytes | str, reason: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{path.as_posix()}: {reason}")


def test_layout_bad_files_cost_one_line_each_and_the_rest_builds(tmp_path: Path, nlp) -> None:
    for name, content, _ in BAD_FILES:
        write(tmp_path, name, content)
    write(tmp_path, "notice.docx", make_docx())
    extraction = api.extract_documents(find_documents([tmp_path]), nlp=nlp)
    assert sorted(Path(failure.source).name for failure in extraction.failures) == sorted(
        name for name, _, _ in BAD_FILES)
    assert [Path(document.source).name for document in extraction.documents] == ["notice.docx"]


def test_layout_page_reaches_the_network_tooltip_and_ask_evidence(tmp_path: Path, nlp) -> None:
    pages = [{"title": "Partnerships", "full": ["The force reviewed its partnerships this year."]},
             {"full": ["Kent Police works closely with Essex Police on Operation Falcon."]}]
    extraction = api.extract_documents([write(tmp_path, "partners.pdf", make_report(pages))], nlp=nlp)
    graph = api.to_graph(extraction)
    network = to_networkx(graph)
    edges = [data for _, _, data in network.edges(data=True) if data.get("evidence")]
    assert {record.get("page") for data in edges for record in data["evidence"]} == {2}
    assert all(", page 2 (" in evidence_line(record) for data in edges for record in data["evidence"])
    answer = records(ask(graph_store(graph), "evidence", {"a": "kent police", "b": "essex police"}))
    assert answer and {row["page"] for row in answer} == {"2"}
