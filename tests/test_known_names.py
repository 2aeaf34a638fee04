"""Names a user gives are looked up first: an unknown one is an error with the closest names, never an empty answer."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from policekg.cli import cli
from policekg.graph.query import sparql
from policekg.graph.query.known_names import UnknownName, check_names, closest
from policekg.graph.network.projection import to_networkx
from policekg.graph.rdf.write import write_graph

KNOWN = {
    "dorset police": "Dorset Police",
    "avon and somerset constabulary": "Avon and Somerset Police",
    "avon and somerset police": "Avon and Somerset Police",
    "dorset healthcare university nhs foundation trust": "Dorset HealthCare University NHS Foundation Trust",
    "wiltshire police": "Wiltshire Police",
    "office of the kent police and crime commissioner": "Office of the Kent Police and Crime Commissioner",
    "kent opcc": "Office of the Kent Police and Crime Commissioner",
    "kent police": "Kent Police",
    "kent county council": "Kent County Council",
    "kent criminal justice board": "Kent Criminal Justice Board",
}


@pytest.mark.parametrize(("typed", "first"), [
    ("Dorset Constabulary", "Dorset Police"),         # the distinguishing word agrees
    ("Dorst Police", "Dorset Police"),                # a typo
    ("wiltshire", "Wiltshire Police"),                # a short form
    ("Office of the Kent PCC", "Office of the Kent Police and Crime Commissioner"),
    ("avon & somerset constabulary", "Avon and Somerset Police"),  # an alias, loosely
    ("Kent Constabulary", "Kent Police"),             # a force's "Constabulary" stands for "Police"
])
def test_closest_puts_the_intended_entity_first(typed: str, first: str) -> None:
    assert closest(typed, KNOWN)[0] == first


@pytest.mark.parametrize("typed", ["zzzz", "Metropolitan Police Service"])
def test_closest_offers_nothing_for_unrelated_names(typed: str) -> None:
    assert closest(typed, KNOWN) == []


def test_closest_gives_each_entity_once_and_at_most_three() -> None:
    found = closest("Avon and Somerset Constabulary Police", KNOWN)
    assert len(found) == len(set(found)) <= 3


@pytest.mark.parametrize("names", [["Dorset Police"], ["dorset  POLICE"], ["kent opcc", "Wiltshire Police"], [" "]])
def test_check_names_accepts_known_names_in_any_case_and_spacing(names: list[str]) -> None:
    check_names(names, KNOWN)


def test_check_names_names_the_unknown_one_with_suggestions() -> None:
    with pytest.raises(UnknownName, match=r"no entity named 'Dorst Police' in this graph \(closest: Dorset Police"):
        check_names(["Wiltshire Police", "Dorst Police"], KNOWN)


@pytest.fixture(scope="module")
def examples_ttl(examples_graph, tmp_path_factory):
    return write_graph(examples_graph, tmp_path_factory.mktemp("known") / "examples.ttl")


@pytest.mark.parametrize(("question", "values"), [
    ("collaborators", {"org": "Dorst Police"}),
    ("funds", {"recipient": "Dorst Police"}),
    ("funds", {"funder": "Dorst Police"}),
    ("judgements", {"force": "Dorst Police"}),
    ("evidence", {"a": "Dorset Police", "b": "Dorst Police"}),
    ("shared-partners", {"org": ["Dorset Police", "Dorst Police"]}),
])
def test_ask_refuses_an_unknown_name_in_any_question(examples_ttl, question: str, values: dict) -> None:
    with pytest.raises(UnknownName) as raised:
        sparql.ask(sparql.open_store(examples_ttl), question, values)
    assert raised.value.name == "Dorst Police"
    assert raised.value.suggestions[0] == "Dorset Police"


def test_cli_ask_with_a_misspelt_name_exits_1_with_suggestions(examples_ttl) -> None:
    result = CliRunner().invoke(cli, ["ask", "collaborators", str(examples_ttl), "--org", "Dorst Police"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        result.output.strip().splitlines()[0]]
    assert "closest: Dorset Police" in result.output


def test_cli_ask_with_a_known_name_and_no_answer_is_an_honest_empty(examples_ttl) -> None:
    result = CliRunner().invoke(cli, ["ask", "funds", str(examples_ttl), "--funder", "Wiltshire Police"])
    assert result.exit_code == 0, result.output


def test_focus_on_an_unknown_name_suggests_names_of_the_view(examples_graph) -> None:
    with pytest.raises(UnknownName, match="in this view of the graph") as raised:
        to_networkx(examples_graph, "all", focus="Dorst Police")
    assert raised.value.suggestions[0] == "Dorset Police"
