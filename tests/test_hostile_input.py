"""Hostile and odd input costs one line per file, never the build: names that are not UTF-8,
folders that cannot be listed, stray zero bytes, UTF-16 without a byte-order mark, over-long
lines and documents past their time limit."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

from policekg import api
from policekg.cli import cli, shorten_path
from policekg.extract.deadline import TimeLimitExceeded, document_limit, time_limit
from policekg.extract.document import MAX_LINE_CHARS, split_lines
from policekg.extract.errors import DocumentError
from policekg.extract.read import display_name, find_documents, read_document

KENT = "Kent Police works closely with Essex Police on Operation Falcon.\n"


def test_hostile_input_name_that_is_not_utf8_is_kept_and_written(tmp_path: Path, nlp) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9-report.txt"
    with open(name, "wb") as stream:
        stream.write(KENT.encode())
    extraction = api.extract_documents([tmp_path], nlp=nlp)
    assert not extraction.failures
    source = extraction.documents[0].source
    assert source == f"{tmp_path.as_posix()}/caf\\xe9-report.txt"
    graph = Graph().parse(data=api.to_graph(extraction).serialize(format="turtle"), format="turtle")
    assert (None, DCTERMS.source, Literal(source)) in graph


@pytest.mark.parametrize(("raw", "shown"), [(b"plain.txt", "plain.txt"), (b"caf\xe9.txt", "caf\\xe9.txt"),
                                            (b"caf\xc3\xa9.txt", "café.txt"), (b"a\xff\xfeb.txt", "a\\xff\\xfeb.txt")])
def test_hostile_input_display_name_escapes_only_bytes_that_are_not_utf8(raw: bytes, shown: str) -> None:
    assert display_name(os.fsdecode(raw)) == shown


def _unlistable(monkeypatch: pytest.MonkeyPatch, locked: Path) -> None:
    """Make ``locked`` unlistable (root ignores permissions, so the refusal is simulated)."""
    scandir = os.scandir

    def refusing(path=".", *args, **kwargs):
        if Path(os.fsdecode(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)


def test_hostile_input_unlistable_folder_is_one_failure_and_the_rest_is_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(KENT)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(KENT)
    _unlistable(monkeypatch, tmp_path / "locked")
    failures: list[DocumentError] = []
    assert find_documents([tmp_path], failures) == [tmp_path / "a.txt"]
    assert [str(f) for f in failures] == [f"{(tmp_path / 'locked').as_posix()}: permission denied: cannot list this folder"]
    with pytest.raises(DocumentError, match="permission denied"):
        find_documents([tmp_path])


def test_hostile_input_cli_builds_the_rest_past_a_locked_folder_and_a_missing_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "a.txt").write_text(KENT)
    _unlistable(monkeypatch, corpus / "locked")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["build", str(corpus), str(missing), "-o", str(tmp_path / "g.ttl"), "-q",
                                      "--no-cache", "--workers", "1"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"skipped {(corpus / 'locked').as_posix()}: permission denied: cannot list this folder",
        f"skipped {missing.as_posix()}: no such file or directory",
    ]
    assert (tmp_path / "g.ttl").is_file()


def test_hostile_input_over_long_path_is_one_short_line(tmp_path: Path) -> None:
    deep = "/".join(["d" * 200] * 30)
    line = f"skipped {shorten_path(str(tmp_path / deep / 'x.txt'))}: cannot read file: File name too long"
    assert "\n" not in line and len(line) < 250


@pytest.mark.parametrize("where", ["early", "late"])
def test_hostile_input_a_stray_zero_byte_is_cleaned_wherever_it_is(tmp_path: Path, where: str) -> None:
    body = "The force works with partners. " * 400
    text = "\x00" + body if where == "early" else body + "\x00"
    path = tmp_path / "stray.txt"
    path.write_bytes(text.encode())
    assert read_document(path).text == body.strip()


def test_hostile_input_many_control_bytes_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(32)) * 50 + b"text")
    with pytest.raises(DocumentError, match="binary file"):
        read_document(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_hostile_input_utf16_without_a_bom_is_recognised(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "exported.txt"
    path.write_bytes("Café culture in Kent.".encode(encoding))
    assert read_document(path).text == "Café culture in Kent."


def test_hostile_input_broken_utf16_without_a_bom_says_what_it_looks_like(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes(("Kent Police and partners. " * 10).encode("utf-16-le") + b"\x00\xd8A\x00")
    with pytest.raises(DocumentError, match="looks like UTF-16 without a byte-order mark"):
        read_document(path)


@pytest.mark.parametrize("length", [MAX_LINE_CHARS + 1, 5 * MAX_LINE_CHARS, 1_100_000])
def test_hostile_input_over_long_lines_are_read_in_pieces(length: int) -> None:
    line = ("Kent Police works with Essex Police. " * (length // 37 + 1))[:length]
    text = f"Title\n{line}\nEnd."
    pieces = split_lines(text)
    assert all(len(piece) <= MAX_LINE_CHARS for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert "".join(piece for offset, piece in pieces if 0 < offset < len(text) - 4) == line


def test_hostile_input_pieces_end_after_a_sentence_when_they_can() -> None:
    line = "A sentence that ends here. " * 200
    pieces = split_lines(line)
    assert len(pieces) > 1
    assert all(piece.rstrip().endswith(".") for _, piece in pieces)


def test_hostile_input_unbroken_text_is_cut_at_the_limit() -> None:
    pieces = split_lines("x" * (2 * MAX_LINE_CHARS + 5))
    assert [len(piece) for _, piece in pieces] == [MAX_LINE_CHARS, MAX_LINE_CHARS, 5]


# ---------------------------------------------------------------- time limits


@pytest.mark.parametrize(("rate", "size", "limit"), [(180, 1000, 180), (180, 3 * 1024 * 1024, 540), (0, 10, None),
                                                      (None, 10, None)])
def test_hostile_input_document_limit_grows_with_the_file(rate, size, limit) -> None:
    assert document_limit(rate, size) == limit


def test_hostile_input_time_limit_stops_a_busy_loop() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            while True:
                pass
    assert time.monotonic() - started < 5


def test_hostile_input_time_limit_works_in_any_thread() -> None:
    outcome: list[str] = []

    def work() -> None:
        try:
            with time_limit(0.2):
                while True:
                    pass
        except TimeLimitExceeded:
            outcome.append("stopped")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome == ["stopped"]


def test_hostile_input_time_limit_never_fires_after_its_block() -> None:
    for _ in range(300):
        try:
            with time_limit(0.0005):
                sum(range(2000))
        except TimeLimitExceeded:
            pass
        total = 0
        for step in range(20000):  # long enough for a stray pending exception to surface here
            total += step
    assert total == sum(range(20000))


@pytest.mark.parametrize("workers", [1, 2])
def test_hostile_input_a_document_past_its_limit_is_one_failure(tmp_path: Path, workers: int) -> None:
    (tmp_path / "a.txt").write_text(KENT * 50)
    (tmp_path / "b.txt").write_text(KENT * 50)
    extraction = api.extract_documents([tmp_path], workers=workers, time_limit=1e-6)
    assert [f.source for f in extraction.failures] == [(tmp_path / n).as_posix() for n in ("a.txt", "b.txt")]
    assert all("took longer than its time limit" in f.reason for f in extraction.failures)


def test_hostile_input_no_limit_means_no_failure(tmp_path: Path, nlp) -> None:
    (tmp_path / "a.txt").write_text(KENT)
    assert not api.extract_documents([tmp_path], nlp=nlp, time_limit=0).failures


def test_hostile_input_cli_time_limit_skips_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(KENT)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "g.ttl"), "-q",
                                      "--no-cache", "--time-limit", "0.000001"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"skipped {(tmp_path / 'a.txt').as_posix()}: took longer")
