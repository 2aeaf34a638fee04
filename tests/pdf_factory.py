"""Write small, valid PDF files for tests, without a PDF library.

Each page holds lines of text set in Helvetica (one of the standard 14 fonts, so no
font file is embedded); the cross-reference table is computed from real byte offsets.
Text is limited to Latin-1, the range the font's WinAnsi encoding covers for tests.
"""
from __future__ import annotations

_LEADING = 14
_TOP = 760
_LEFT = 72


def _escape(line: str) -> bytes:
    """A PDF literal string body: backslash and parentheses escaped."""
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("latin-1")


def _content_stream(lines: list[str]) -> bytes:
    """Drawing operators that set ``lines`` top to bottom, one per text line."""
    ops = [b"BT", b"/F1 11 Tf", f"{_LEADING} TL".encode(), f"{_LEFT} {_TOP} Td".encode()]
    for line in lines:
        ops.append(b"(" + _escape(line) + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def _info_dict(title: str | None) -> bytes:
    """The document information dictionary, carrying the title when there is one."""
    if title is None:
        return b"<< /Producer (policekg tests) >>"
    return b"<< /Title (" + _escape(title) + b") /Producer (policekg tests) >>"


def make_pdf(pages: list[str], title: str | None = None) -> bytes:
    """PDF bytes with one page per item of ``pages`` (lines split on newlines).

    An empty string makes a page with no text at all, like a scanned image page.
    """
    page_count = len(pages)
    first_page = 4
    font = first_page + 2 * page_count
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{first_page + 2 * i} 0 R".encode() for i in range(page_count))
        + f"] /Count {page_count} >>".encode(),
        _info_dict(title),
    ]
    for index, page in enumerate(pages):
        content_ref = first_page + 2 * index + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content_ref} 0 R >>".encode()
        )
        stream = _content_stream(page.split("\n")) if page else b""
        objects.append(
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    """Header, numbered objects, xref table and trailer (object 1 is the catalog, 3 the info)."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 3 0 R >>\n".encode()
    out += f"startxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)
