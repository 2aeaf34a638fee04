"""The network's views on small built graphs: money, programme, hidden entities, forces kept,
funds without parties (network, page, export and CLI), and the page's evidence panel in a browser.

The graph is ``test_network.network_extraction`` plus a force and a fund that nothing links.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph
from test_network import HOSTILE, KENT_DOC, ESSEX_DOC, edge_set, evidence, labels, network_extraction, node
from test_view import browser, open_page, page_data  # noqa: F401  (fixtures shared with the view tests)

from policekg.cli import cli
from policekg.extract.model import Entity, Fund, Kind
from policekg.graph.network import view
from policekg.graph.rdf.build import build_rdf
from policekg.graph.network.export import export_network
from policekg.graph.network.projection import to_networkx
from policekg.graph.rdf.write import write_graph

HOME, KENT = "PartnerOrganisation/home-office", "PoliceForce/kent-police"
NORTH = "PoliceForce/northshire-police"
RESERVE = {"heading": "General reserve: £250,000", "lines": ["Funder: not named", "Recipient: Kent Police"],
           "groups": [{"heading": "Evidence (1)", "evidence": [
               {"quote": "a reserve of £250,000", "source": f"{KENT_DOC}, characters 800–821",
                "facts": "in place, confidence 0.90"}]}]}
MYSTERY = {"heading": "Mystery grant: £1,000", "lines": ["Funder: not named", "Recipient: not named"], "groups": []}


def views_extraction():
    extraction = network_extraction()
    entities = dict(extraction.entities)
    entities[NORTH] = Entity(NORTH, Kind.FORCE, "Northshire Police", set(), {"essex"})
    funds = [*extraction.funds, Fund("Fund/mystery", "Mystery grant", Decimal("1000"), [evidence("£1,000", 900)])]
    return replace(extraction, entities=entities, funds=funds)


@pytest.fixture(scope="module")
def rdf() -> Graph:
    return build_rdf(views_extraction())


@pytest.fixture(scope="module")
def graph_file(rdf: Graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("views") / "graph.ttl"
    write_graph(rdf, str(path))
    return path


def ends(network: nx.MultiGraph, u: str, v: str, key: str) -> tuple[str, str]:
    """A directed edge's (from, to) labels, by its origin."""
    origin = network.edges[u, v, key]["origin"]
    first, second = (u, v) if origin == u else (v, u)
    return network.nodes[first]["label"], network.nodes[second]["label"]


# --- views of the network --------------------------------------------------------------------


def test_views_collaboration_keeps_every_force_even_without_a_link(rdf: Graph) -> None:
    network = to_networkx(rdf)
    assert labels(network) == {"Kent Police", "Essex Police", "Kent Fire and Rescue Service", "Northshire Police"}
    assert network.degree(node(NORTH)) == 0
    assert network.graph["hidden"] == 2  # Home Office and Lonely Trust: partners with no collaboration
    assert labels(to_networkx(rdf, kinds=["PoliceForce"])) == {"Kent Police", "Essex Police", "Northshire Police"}


def test_views_all_hides_unconnected_entities_and_counts_them(rdf: Graph) -> None:
    network = to_networkx(rdf, "all")
    assert "Northshire Police" not in labels(network) and "Lonely Trust" not in labels(network)
    assert network.graph["hidden"] == 2
    assert not {kind for _, kind in network.nodes(data="kind")} & {"Fund"}
    shown = to_networkx(rdf, "all", unconnected=True)
    assert labels(shown) - labels(network) == {"Northshire Police", "Lonely Trust"}
    assert shown.graph["hidden"] == 0


def test_views_focus_shows_the_named_entity_even_without_links(rdf: Graph) -> None:
    assert labels(to_networkx(rdf, "all", focus="Lonely Trust")) == {"Lonely Trust"}
    assert labels(to_networkx(rdf, "all", focus="Lonely Trust", unconnected=True)) == {"Lonely Trust"}
    with pytest.raises(ValueError, match="no entity named 'Lonely Trusts'"):
        to_networkx(rdf, "all", focus="Lonely Trusts")


def test_views_money_is_funder_to_recipient(rdf: Graph) -> None:
    network = to_networkx(rdf, "money")
    assert labels(network) == {"Home Office", "Kent Police", "Kent Fire and Rescue Service"}
    assert sorted(ends(network, u, v, key) for u, v, key in network.edges(keys=True)) == [
        ("Home Office", "Kent Fire and Rescue Service"), ("Home Office", "Kent Police")]
    assert {key for _, _, key in network.edges(keys=True)} == {"funding"}
    assert network.edges[node(HOME), node(KENT), "funding"]["total"] == "146782"
    assert network.graph["hidden"] == 0


def test_views_funds_without_parties_are_listed_not_drawn(rdf: Graph) -> None:
    for view_name in ("money", "all"):
        network = to_networkx(rdf, view_name)
        assert [(f["fund"], f["label"], f["funder"], f["recipient"]) for f in network.graph["funds_without_parties"]] \
            == [("General reserve", "£250,000", "", "Kent Police"), ("Mystery grant", "£1,000", "", "")]
    assert "funds_without_parties" not in to_networkx(rdf, "collaboration").graph


def test_views_programme_joins_organisations_and_their_programmes(rdf: Graph) -> None:
    network = to_networkx(rdf, "programme")
    assert edge_set(network) == {("Essex Police", "Operation Encompass", "participation"),
                                 ("Kent Police", "Operation Encompass", "participation")}
    assert labels(network) == {"Essex Police", "Kent Police", "Operation Encompass"}
    assert network.graph["hidden"] == 4  # Northshire, Kent Fire and Rescue Service, Home Office, Lonely Trust


# --- the page -------------------------------------------------------------------------------


def test_views_money_page_edges_have_arrows_widths_and_fund_tooltips(rdf: Graph) -> None:
    data = page_data(view.network_page(to_networkx(rdf, "money")))
    names = {n["id"]: n["label"] for n in data["nodes"]}
    edges = {(names[e["from"]], names[e["to"]]): e for e in data["edges"]}
    assert set(edges) == {("Home Office", "Kent Police"), ("Home Office", "Kent Fire and Rescue Service")}
    kent, fire = edges["Home Office", "Kent Police"], edges["Home Office", "Kent Fire and Rescue Service"]
    assert (kent["width"], fire["width"]) == (5.75, view.MAX_MONEY_WIDTH)  # 2 + 12 * sqrt(146,782 / 1,500,000)
    assert kent["arrows"]["to"]["enabled"] and fire["arrows"]["to"]["enabled"]
    assert kent["title"].splitlines() == [
        "Funding: Home Office — Kent Police",
        "Total: £146,782 in 2 funds",
        "Funds (2):",
        "• Police Innovation Fund: £96,782 (2015/16)",
        f"   • “£96,782 from the Home Office” — {KENT_DOC} (in place, confidence 0.90)",
        "• Police Innovation Fund top-up: £50,000 (2016/17)",
        f"   • “a further £50,000” — {KENT_DOC} (in place, confidence 0.90)",
    ]
    assert fire["title"].splitlines()[1:3] == ["£1,500,000", "Funds (1):"]
    assert kent["panel"]["groups"][1] == {"heading": "Police Innovation Fund top-up: £50,000 (2016/17)", "evidence": [
        {"quote": "a further £50,000", "source": f"{KENT_DOC}, characters 600–617", "facts": "in place, confidence 0.90"}]}
    assert data["unplacedFunds"] == [RESERVE, MYSTERY]
    assert data["hidden"] == 0


def test_views_page_panel_records_keep_whole_quotes_with_offsets(rdf: Graph) -> None:
    data = page_data(view.network_page(to_networkx(rdf)))
    (edge,) = [e for e in data["edges"] if e["panel"]["heading"] == "Collaboration: Essex Police — Kent Police"]
    assert edge["panel"]["lines"] == ["collaborates with"]
    assert edge["panel"]["groups"] == [{"heading": "Evidence (2)", "evidence": [
        {"quote": "Essex works with Kent", "source": f"{ESSEX_DOC}, characters 5–26", "facts": "in place, confidence 0.80"},
        {"quote": " ".join(HOSTILE.split()), "source": f"{KENT_DOC}, characters 10–{10 + len(HOSTILE)}",
         "facts": "in place, confidence 0.90"}]}]
    assert data["hidden"] == 2


# --- export and the commands ---------------------------------------------------------------


def test_views_graphml_keeps_view_hidden_count_and_unplaced_funds(rdf: Graph, tmp_path: Path) -> None:
    back = nx.read_graphml(export_network(to_networkx(rdf, "money"), tmp_path / "money.graphml"))
    assert back.graph["view"] == "money" and back.graph["hidden"] == 0
    assert back.graph["funds_without_parties"] == 2
    assert back.graph["funds_without_parties_list"] == (
        "General reserve: £250,000 (funder: not named; recipient: Kent Police) | "
        "Mystery grant: £1,000 (funder: not named; recipient: not named)")
    (data,) = [d for _, _, d in back.edges(data=True) if d["fund_count"] == 2]
    assert (data["total"], data["amount"], data["evidence_count"]) == ("146782", "96782; 50000", 2)


def test_views_export_command_lists_funds_it_could_not_draw(graph_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(graph_file), "--view", "money", "-o", str(tmp_path / "m.gexf")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == [
        "not drawn: 2 fund(s) without a funder or a recipient:",
        "  General reserve: £250,000 (funder: not named; recipient: Kent Police)",
        "  Mystery grant: £1,000 (funder: not named; recipient: not named)",
    ]


def test_views_show_command_says_how_many_it_hid(graph_file: Path, tmp_path: Path) -> None:
    page = tmp_path / "all.html"
    result = CliRunner().invoke(cli, ["show", str(graph_file), "--view", "all", "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"wrote {page}", "hid 2 unconnected entities (give --unconnected to show them)",
        "not drawn: 2 fund(s) without a funder or a recipient (listed on the page)"]
    assert page_data(page.read_text(encoding="utf-8"))["hidden"] == 2
    shown = CliRunner().invoke(cli, ["show", str(graph_file), "--view", "programme", "--unconnected", "-o", str(page)])
    assert shown.output.splitlines() == [f"wrote {page}"]
    assert len(page_data(page.read_text(encoding="utf-8"))["nodes"]) == 7


# --- in a browser --------------------------------------------------------------------------


def click_edge(loaded, edge_id: str) -> None:
    """Click the middle of a drawn link (on its curve)."""
    point = loaded.evaluate(
        """id => {
            const network = window.policekgNetwork;
            const middle = network.body.edges[id].edgeType.getPoint(0.5);
            const at = network.canvasToDOM(middle);
            const box = document.getElementById("network").getBoundingClientRect();
            return {x: box.left + at.x, y: box.top + at.y};
        }""",
        edge_id,
    )
    loaded.page.mouse.click(point["x"], point["y"])


@pytest.fixture(scope="module")
def money_page(rdf: Graph, tmp_path_factory) -> Path:
    return view.render_network(to_networkx(rdf, "money"), tmp_path_factory.mktemp("money") / "money.html")


@pytest.fixture(scope="module")
def all_page(rdf: Graph, tmp_path_factory) -> Path:
    return view.render_network(to_networkx(rdf, "all"), tmp_path_factory.mktemp("all") / "all.html")


def edge_id(path: Path, heading: str) -> str:
    (edge,) = [e for e in page_data(path.read_text(encoding="utf-8"))["edges"] if e["panel"]["heading"] == heading]
    return edge["id"]


@pytest.mark.browser
def test_browser_click_on_a_link_opens_its_evidence_to_read_and_copy(open_page, all_page):  # noqa: F811
    loaded = open_page(all_page)
    assert loaded.page.is_hidden("#details")
    assert loaded.page.text_content("#status") == "7 entities, 8 links; 2 unconnected entities hidden"
    assert "2 unconnected entities hidden: they have no link in this view" in loaded.page.text_content("#hidden-note")
    click_edge(loaded, edge_id(all_page, "Collaboration: Essex Police — Kent Police"))
    loaded.page.wait_for_selector("#details", state="visible")
    assert loaded.page.text_content("#details h2") == "Collaboration: Essex Police — Kent Police"
    quotes = loaded.page.locator("#details blockquote").all_text_contents()
    assert quotes == ["Essex works with Kent", " ".join(HOSTILE.split())]  # markup in a quote is text
    assert loaded.page.locator("#details .source").all_text_contents()[0] == (
        f"{ESSEX_DOC}, characters 5–26 (in place, confidence 0.80)")
    assert loaded.evaluate("() => document.querySelectorAll('#details script, #details img').length") == 0
    loaded.page.click("#details-copy")
    selected = loaded.evaluate("() => window.getSelection().toString()")
    assert "Essex works with Kent" in selected and "<script>alert('x')</script>" in selected
    assert "Copied" in loaded.page.text_content("#status") or "press Ctrl+C" in loaded.page.text_content("#status")
    loaded.page.click("#details-close")
    assert loaded.page.is_hidden("#details")
    assert loaded.errors == [] and loaded.dialogs == [] and loaded.requests == [all_page.as_uri()]


@pytest.mark.browser
def test_browser_money_view_draws_funder_to_recipient_and_lists_funds_not_drawn(open_page, money_page):  # noqa: F811
    loaded = open_page(money_page)
    assert loaded.page.text_content("#status") == "3 entities, 2 links"
    heading = "Funding: Home Office — Kent Police"
    drawn = loaded.evaluate("id => { const e = window.policekgNetwork.body.edges[id]; "
                            "return [e.from.options.label, e.to.options.label, e.options.width, "
                            "e.options.arrows.to.enabled]; }", edge_id(money_page, heading))
    assert drawn == ["Home Office", "Kent Police", 5.75, True]
    click_edge(loaded, edge_id(money_page, heading))
    loaded.page.wait_for_selector("#details", state="visible")
    assert loaded.page.locator("#details h3").all_text_contents() == [
        "Police Innovation Fund: £96,782 (2015/16)", "Police Innovation Fund top-up: £50,000 (2016/17)"]
    assert loaded.page.locator("#details blockquote").all_text_contents() == [
        "£96,782 from the Home Office", "a further £50,000"]
    assert loaded.page.locator("#unplaced-funds h2").text_content() == "Funds not drawn (2)"
    loaded.page.click("#unplaced-funds button >> nth=1")
    assert loaded.page.text_content("#details h2") == "Mystery grant: £1,000"
    assert loaded.page.locator("#details p.detail").all_text_contents() == ["Funder: not named", "Recipient: not named"]
    assert loaded.errors == [] and loaded.requests == [money_page.as_uri()]


@pytest.mark.browser
def test_browser_click_on_an_entity_opens_its_documents(open_page, all_page):  # noqa: F811
    loaded = open_page(all_page)
    point = loaded.evaluate(
        """id => {
            const network = window.policekgNetwork;
            const at = network.canvasToDOM(network.getPosition(id));
            const box = document.getElementById("network").getBoundingClientRect();
            return {x: box.left + at.x, y: box.top + at.y};
        }""",
        node(KENT),
    )
    loaded.page.mouse.click(point["x"], point["y"])
    loaded.page.wait_for_selector("#details", state="visible")
    assert loaded.page.text_content("#details h2") == "Kent Police"
    assert loaded.page.locator("#details p.detail").all_text_contents() == [
        "Police force", "Also known as: Kent Constabulary; the Kent force", "Documents (1):", f"• {KENT_DOC}"]
    assert loaded.errors == []
