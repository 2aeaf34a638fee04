"""Tests for policekg.graph.network.export: GraphML and GEXF that networkx (and so Gephi) read back."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from test_network import network_extraction

from policekg.graph.network import export
from policekg.graph.rdf.build import build_rdf
from policekg.graph.network.export import export_network, flatten
from policekg.graph.network.projection import to_networkx

READERS = {".graphml": nx.read_graphml, ".gexf": nx.read_gexf}
HOSTILE = [
    "<script>alert('x')</script>",
    'say "hi" & \'bye\'',
    "line one\nline two\r\nline three",
    "emoji 🚓👮\u200d♀️ and RTL עברית \u202e reversed",
    "]]> <![CDATA[ x ]]>",
    "  padded  ",
]


def small_network(labels: list[str]) -> nx.MultiGraph:
    """A star of partners around Kent Police, one per label, each edge with two evidence quotes."""
    g = nx.MultiGraph()
    g.add_node("kent", kind="PoliceForce", label="Kent Police", aliases=["Kent Constabulary", "the force"],
               documents=["Kent PEEL 2016"])
    for index, label in enumerate(labels):
        g.add_node(f"n{index}", kind="PartnerOrganisation", label=label, aliases=[label, "alias"], documents=[])
        g.add_edge("kent", f"n{index}", key="collaboration", label=label, evidence=[
            {"quote": label, "document": "Kent PEEL 2016", "status": None, "confidence": 0.9},
            {"quote": "second", "document": "Kent PEEL 2016", "status": "planned", "confidence": 0.5},
        ])
    g.add_edge("kent", "n0", key="funding", label="£96,782 (2015/16)", amount="96782", period="2015/16",
               fund="Innovation", evidence=[])
    return g


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_export_round_trip_keeps_kinds_labels_and_edges(tmp_path: Path, suffix: str) -> None:
    path = export_network(small_network(["Kent Fire and Rescue Service"]), tmp_path / f"net{suffix}")
    assert path == tmp_path / f"net{suffix}"
    back = READERS[suffix](path)
    assert back.nodes["kent"]["kind"] == "PoliceForce"
    assert back.nodes["kent"]["label"] == "Kent Police"
    assert back.nodes["kent"]["aliases"] == "Kent Constabulary | the force"
    assert back.nodes["n0"]["label"] == "Kent Fire and Rescue Service"
    edges = sorted((data["relation"], data["evidence_count"], data["evidence_quote"], data["label"])
                   for _, _, data in back.edges(data=True))
    assert edges == [("collaboration", 2, "Kent Fire and Rescue Service", "Kent Fire and Rescue Service"),
                     ("funding", 0, "", "£96,782 (2015/16)")]


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_export_hostile_labels_survive(tmp_path: Path, suffix: str) -> None:
    back = READERS[suffix](export_network(small_network(HOSTILE), tmp_path / f"hostile{suffix}"))
    assert [back.nodes[f"n{i}"]["label"] for i in range(len(HOSTILE))] == HOSTILE
    quotes = {data["evidence_quote"] for u, v, data in back.edges(data=True) if data["relation"] == "collaboration"}
    assert quotes == set(HOSTILE)


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_export_replaces_characters_xml_cannot_hold(tmp_path: Path, suffix: str) -> None:
    back = READERS[suffix](export_network(small_network(["tab\tvertical\x0bnul\x00"]), tmp_path / f"c{suffix}"))
    assert back.nodes["n0"]["label"] == "tab\tvertical\ufffdnul\ufffd"


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_export_network_from_rdf_opens_with_kind_and_label(tmp_path: Path, suffix: str) -> None:
    network = to_networkx(build_rdf(network_extraction()), "all")
    back = READERS[suffix](export_network(network, tmp_path / f"all{suffix}"))
    assert sorted(back) == sorted(network)
    for node, data in network.nodes(data=True):
        assert (back.nodes[node]["kind"], back.nodes[node]["label"]) == (data["kind"], data["label"])
    assert back.number_of_edges() == network.number_of_edges()


def test_export_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = export_network(small_network(["x"]), tmp_path / "net.GraphML")
    assert nx.read_graphml(path).nodes["kent"]["kind"] == "PoliceForce"


@pytest.mark.parametrize("name", ["net.ttl", "net.gml", "net", "net.graphml.txt"])
def test_export_rejects_unsupported_suffix(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match=r"use a file ending in one of \.gexf, \.graphml"):
        export_network(small_network(["x"]), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_export_replaces_existing_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "net.gexf"
    export_network(small_network(["first"]), path)
    export_network(small_network(["second"]), path)
    assert nx.read_gexf(path).nodes["n0"]["label"] == "second"
    assert [p.name for p in path.parent.iterdir()] == ["net.gexf"]


def test_export_failed_write_leaves_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "net.graphml"
    path.write_text("old", encoding="utf-8")

    def broken(graph: nx.Graph, stream) -> None:
        stream.write(b"partial")
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(export.WRITERS, ".graphml", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_network(small_network(["x"]), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["net.graphml"]


def test_export_flatten_makes_scalar_attributes() -> None:
    g = nx.MultiGraph()
    g.add_node("a", label="A", aliases=["x", "y"], tags={"b", "a"}, extra={"k": 1}, missing=None, count=3)
    g.add_node("b", label="B")
    g.add_edge("a", "b", key="post", role="Chief Constable", evidence=[{"quote": "q1"}, {"quote": "q2"}])
    flat = flatten(g)
    assert flat.nodes["a"] == {"label": "A", "aliases": "x | y", "tags": "a | b", "extra": "{'k': 1}", "count": 3}
    assert list(flat.edges(keys=True, data=True)) == [
        ("a", "b", "e0", {"role": "Chief Constable", "relation": "post", "evidence_count": 2,
                          "evidence_quote": "q1"}),
    ]
