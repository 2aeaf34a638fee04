"""``policekg evidence``: each statement between two entities in its sentence and the sentences
around it, from an invented document; the quote alone when the document is gone or changed;
one line with the closest names for an unknown name."""
from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from policekg.cli import cli
from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Fund, Kind, Link, Predicate
from policekg.extract.read import read_document
from policekg.graph.rdf.build import build_rdf
from policekg.graph.network.evidence import statements_between
from policekg.graph.query.known_names import UnknownName
from policekg.graph.rdf.write import write_graph

NORTH, SOUTH, WEST = "PoliceForce/northshire-police", "PoliceForce/southshire-police", "PoliceForce/westshire-police"
HOMES = "PartnerOrganisation/safe-homes"
TEXT = ("Northshire Police published its plan in May. The force works with Southshire Police on firearms "
        "training. Both forces share a control room. Dr. Smith chaired the panel.\n\n"
        "The commissioner gave £40,000 to Safe Homes. The money runs for two years.\n")
COLLABORATION = "works with Southshire Police on firearms training"
GRANT = "gave £40,000 to Safe Homes"


def build(folder: Path, text: str = TEXT, source: str | None = None) -> Path:
    """A document in ``folder`` and the graph built from invented readings of it; returns the graph file.

    ``source`` is the path the graph records for the document (default: its full path)."""
    document = folder / "northshire-plan.txt"
    document.write_text(text, encoding="utf-8")
    cleaned = read_document(document).text

    def evidence(quote: str, page: int | None = None) -> Evidence:
        start = cleaned.index(quote)
        return Evidence("north", quote, start, start + len(quote), 0.9, "in place", page)

    entities = [Entity(NORTH, Kind.FORCE, "Northshire Police", {"Northshire Constabulary"}, {"north"}),
                Entity(SOUTH, Kind.FORCE, "Southshire Police", set(), {"north"}),
                Entity(WEST, Kind.FORCE, "Westshire Police", set(), {"north"}),
                Entity(HOMES, Kind.PARTNER, "Safe Homes", set(), {"north"})]
    extraction = Extraction(
        [DocumentInfo("north", source or str(document), "Northshire plan", hashlib.sha256(cleaned.encode()).hexdigest())],
        {entity.key: entity for entity in entities},
        [Link(NORTH, Predicate.COLLABORATES_WITH, SOUTH, evidence(COLLABORATION))],
        [Fund("Fund/homes", "Safe Homes grant", Decimal("40000"), [evidence(GRANT, page=2)], None, NORTH, HOMES)],
    )
    graph = folder / "graph.ttl"
    write_graph(build_rdf(extraction), str(graph))
    return graph


def run(*arguments: str):
    return CliRunner().invoke(cli, ["evidence", *arguments])


def test_evidence_prints_the_sentence_and_its_neighbours(tmp_path: Path) -> None:
    graph = build(tmp_path)
    result = run(str(graph), "--a", "northshire constabulary", "--b", "Southshire Police")
    assert result.exit_code == 0, result.output
    start = TEXT.index(COLLABORATION)
    assert result.output == (
        "Northshire Police — Southshire Police: 1 statement(s)\n\n"
        "[1] Northshire Police collaborates with Southshire Police (in place, confidence 0.90)\n"
        f"    Northshire plan, characters {start}–{start + len(COLLABORATION)} ({tmp_path / 'northshire-plan.txt'})\n"
        "      Northshire Police published its plan in May.\n"
        "    > The force works with Southshire Police on firearms training.\n"
        "      Both forces share a control room.\n"
    )


def test_evidence_gives_the_other_direction_once_with_the_first_name_first(tmp_path: Path) -> None:
    result = run(str(build(tmp_path)), "--a", "Southshire Police", "--b", "Northshire Police")
    assert result.output.splitlines()[2] == (
        "[1] Southshire Police collaborates with Northshire Police (in place, confidence 0.90)")
    assert result.output.count("[") == 1


def test_evidence_of_a_fund_with_more_sentences_around(tmp_path: Path) -> None:
    result = run(str(build(tmp_path)), "--a", "Safe Homes", "--b", "Northshire Police", "--around", "2")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:] == [
        "[1] Northshire Police funds Safe Homes: Safe Homes grant (in place, confidence 0.90)",
        f"    Northshire plan, page 2, characters {TEXT.index(GRANT)}–{TEXT.index(GRANT) + len(GRANT)} "
        f"({tmp_path / 'northshire-plan.txt'})",
        "      Both forces share a control room.",
        "      Dr. Smith chaired the panel.",
        "    > The commissioner gave £40,000 to Safe Homes.",
        "      The money runs for two years.",
    ]


def test_evidence_finds_a_relative_source_beside_the_graph(tmp_path: Path, monkeypatch) -> None:
    graph = build(tmp_path, source="northshire-plan.txt")
    monkeypatch.chdir(tmp_path.parent)
    result = run(str(graph), "--a", "Northshire Police", "--b", "Southshire Police")
    assert result.output.splitlines()[4:6] == [
        "      Northshire Police published its plan in May.",
        "    > The force works with Southshire Police on firearms training."]


def test_evidence_without_the_document_gives_the_quote_alone_and_says_so(tmp_path: Path) -> None:
    graph = build(tmp_path)
    (tmp_path / "northshire-plan.txt").unlink()
    result = run(str(graph), "--a", "Northshire Police", "--b", "Southshire Police")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        f"    no context: the document is not at {tmp_path / 'northshire-plan.txt'}; the quote alone:",
        f"    > {COLLABORATION}",
    ]


def test_evidence_from_a_changed_document_gives_the_quote_alone(tmp_path: Path) -> None:
    graph = build(tmp_path)
    (tmp_path / "northshire-plan.txt").write_text("Another text entirely.\n", encoding="utf-8")
    result = run(str(graph), "--a", "Northshire Police", "--b", "Southshire Police")
    assert "has changed since the graph was built; the quote alone:" in result.output
    assert result.output.splitlines()[-1] == f"    > {COLLABORATION}"


def test_evidence_between_unlinked_entities_is_an_empty_answer(tmp_path: Path) -> None:
    result = run(str(build(tmp_path)), "--a", "Westshire Police", "--b", "Northshire Police")
    assert (result.exit_code, result.output) == (0, "Westshire Police — Northshire Police: 0 statement(s)\n")


def test_evidence_unknown_name_is_one_line_with_the_closest_names(tmp_path: Path) -> None:
    result = run(str(build(tmp_path)), "--a", "Northshir Police", "--b", "Safe Homes")
    assert result.exit_code == 1
    assert result.output == ("Error: no entity named 'Northshir Police' in this graph "
                             "(closest: Northshire Police; Southshire Police; Westshire Police)\n")


def test_evidence_api_raises_unknown_name(tmp_path: Path) -> None:
    from policekg.graph.rdf.rdflib_reading import read_graph

    with pytest.raises(UnknownName) as raised:
        statements_between(read_graph(str(build(tmp_path))), "Safe Homes", "Safe Houses")
    assert raised.value.suggestions[0] == "Safe Homes"
