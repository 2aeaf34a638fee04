"""A large graph file is parsed in two halves at once (graph/rdf/halves.py): whatever the cut, the
rows are those of one parse of the whole file, or there are none and the caller parses it whole.

The documents are invented and small; the size floor is lowered so they are cut."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pyoxigraph import QuadParser, RdfFormat, parse

from policekg.graph.rdf import halves
from policekg.graph.rdf.halves import read_cut, read_in_halves
from policekg.graph.rdf.tables import read_tables
from policekg.graph.rdf.write import GraphFileError

TURTLE = """# a comment before the directives .
@prefix ex: <http://example.org/> .
PREFIX pko: <https://w3id.org/policekg/ontology#>
@base <http://example.org/base/> .

ex:a pko:collaboratesWith ex:b ;
\tpko:quote "A quote that ends a line with a full stop." .
ex:b pko:quote \"\"\"A long quote .
ex:c pko:quote "not a triple" .
\"\"\" .
# a comment that ends with a full stop .
_:shared pko:quote "a labelled blank node" .
<relative> pko:collaboratesWith _:shared .
ex:c pko:amount 1.5 , 2 .
ex:d pko:collaboratesWith ex:a .
_:shared pko:collaboratesWith ex:d .
"""

REDEFINED = TURTLE.replace("ex:d pko:collaboratesWith ex:a .\n",
                           "@prefix ex: <http://other.example.org/> .\nex:d pko:collaboratesWith ex:a .\n")

TRIG = """@prefix ex: <http://example.org/> .
ex:g1 {
  ex:a ex:p ex:b .
  ex:b ex:p "in a graph ." .
}
ex:a ex:p ex:c .
GRAPH ex:g2 { ex:c ex:p ex:d . }
"""

MANY = TURTLE + "".join(f"ex:n{n} pko:collaboratesWith _:shared .\n" for n in range(40))

NTRIPLES = "".join(f'<http://example.org/{n}> <http://example.org/p> "{n} ." .\n' for n in range(12))


@pytest.fixture
def cutting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is cut, whatever threads earlier tests left running in this session (a Dask
    build leaves some, and then a file is rightly read whole): the child is a bare fork that
    touches no lock of theirs."""
    monkeypatch.setattr(halves, "LEAST_BYTES", 1)
    monkeypatch.setattr(halves, "_fork_is_safe", lambda: True)


def rows_of(quads: QuadParser) -> list[str]:
    return [str(quad) for quad in quads]


def joined(first: list[str], second: list[str]) -> list[str]:
    return first + second


def whole(path: Path, fmt: RdfFormat) -> list[str]:
    return rows_of(parse(path=str(path), format=fmt))


def line_ends(text: str) -> list[int]:
    """Every byte offset just past a newline: each place a cut may fall."""
    data = text.encode("utf-8")
    return [index + 1 for index, byte in enumerate(data) if byte == ord("\n")]


@pytest.mark.parametrize(("text", "fmt", "suffix"), [(TURTLE, RdfFormat.TURTLE, "ttl"),
                                                      (REDEFINED, RdfFormat.TURTLE, "ttl"),
                                                      (TRIG, RdfFormat.TRIG, "trig"),
                                                      (NTRIPLES, RdfFormat.N_TRIPLES, "nt")])
def test_every_cut_gives_the_rows_of_one_parse_or_none(tmp_path: Path, text: str, fmt: RdfFormat,
                                                       suffix: str) -> None:
    path = tmp_path / f"graph.{suffix}"
    path.write_text(text, encoding="utf-8")
    expected = whole(path, fmt)
    results = {cut: read_cut(path, fmt, cut, rows_of, joined) for cut in line_ends(text)}
    assert all(rows is None or rows == expected for rows in results.values())
    assert any(rows is not None for rows in results.values())


def test_cuts_inside_a_long_string_or_a_graph_block_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    inside = TURTLE.index("ex:c pko:quote \"not")
    assert read_cut(path, RdfFormat.TURTLE, len(TURTLE[:inside].encode("utf-8")), rows_of, joined) is None
    path = tmp_path / "graph.trig"
    path.write_text(TRIG, encoding="utf-8")
    inside = TRIG.index('  ex:b ex:p "in')
    assert read_cut(path, RdfFormat.TRIG, inside, rows_of, joined) is None


def test_a_prefix_changed_before_the_cut_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(REDEFINED, encoding="utf-8")
    after = REDEFINED.index("_:shared pko:collaboratesWith ex:d")
    assert read_cut(path, RdfFormat.TURTLE, after, rows_of, joined) is None


def test_a_large_file_is_read_in_halves_with_the_rows_of_one_parse(tmp_path: Path, cutting: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(MANY, encoding="utf-8")
    rows = read_in_halves(path, RdfFormat.TURTLE, rows_of, joined)
    assert rows == whole(path, RdfFormat.TURTLE)
    chosen = {"https://w3id.org/policekg/ontology#collaboratesWith": True,
              "https://w3id.org/policekg/ontology#quote": False}
    cut = read_tables(path, chosen)
    monkeypatch.setattr(halves, "LEAST_BYTES", 1 << 40)
    uncut = read_tables(path, chosen)
    assert all(cut.pairs(predicate) == uncut.pairs(predicate) for predicate in chosen)
    assert ("http://example.org/n39", "_:shared") in cut.pairs("https://w3id.org/policekg/ontology#collaboratesWith")


def test_what_is_done_meanwhile_runs_while_the_child_parses(tmp_path: Path, cutting: None) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(MANY, encoding="utf-8")
    calls = []
    rows = read_in_halves(path, RdfFormat.TURTLE, rows_of, joined, lambda: calls.append(1))
    assert rows == whole(path, RdfFormat.TURTLE) and calls == [1]


def test_small_files_other_formats_and_threaded_callers_are_not_cut(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    assert read_in_halves(path, RdfFormat.TURTLE, rows_of, joined) is None  # under the size floor
    monkeypatch.setattr(halves, "LEAST_BYTES", 1)
    assert read_in_halves(path, RdfFormat.JSON_LD, rows_of, joined) is None
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        assert read_in_halves(path, RdfFormat.TURTLE, rows_of, joined) is None  # a fork would copy one thread
    finally:
        release.set()
        waiting.join()


def test_a_broken_large_file_gives_the_usual_one_line_error(tmp_path: Path, cutting: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE + "ex:e pko:quote .\n" + TURTLE.split("\n\n", 1)[1], encoding="utf-8")
    with pytest.raises(GraphFileError) as cut:
        read_tables(path, {"https://w3id.org/policekg/ontology#quote": False})
    monkeypatch.setattr(halves, "LEAST_BYTES", 1 << 40)
    with pytest.raises(GraphFileError) as uncut:
        read_tables(path, {"https://w3id.org/policekg/ontology#quote": False})
    assert str(cut.value) == str(uncut.value)
    assert "\n" not in str(cut.value)
