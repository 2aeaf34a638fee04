"""An interactive network of the graph as one self-contained HTML page.

:func:`render_network` draws a :class:`networkx.MultiGraph` of entities (see
``policekg.graph.network.projection``) with vis-network: nodes coloured and shaped by kind and sized by
degree centrality, links styled by type, plain-text tooltips that show the evidence, a
side panel that shows a clicked link's (or entity's) evidence whole, to read and copy, a
search box, filters by kind and a legend. Funding links point from funder to recipient and
are as wide as their amount allows; the page says how many unconnected entities the view
hid and lists the funds it could not draw (see ``policekg.graph.network.projection``). The words of
tooltips and panel come from ``policekg.graph.network.view_text``.

Self-contained: pyvis builds the node, edge and option records, but its own templates fetch
Bootstrap (and in "local"/"remote" mode vis-network) from CDNs, so the page is rendered
from this package's template with the vis-network script and stylesheet that pyvis ships
inlined. The page references nothing outside itself, and its Content-Security-Policy
(``default-src 'none'``, scripts allowed by hash only) forbids it to fetch anything.

Safe: document text is data, never markup. Nodes and edges travel as JSON in a
``<script type="application/json">`` element in which ``<``, ``>`` and ``&`` are written as
``\\u003c``-style escapes, so no label can close that element or open another; the page
reads it with ``JSON.parse`` and writes text only through ``textContent``. vis-network 9
shows a string ``title`` as text (it sets ``innerText``), unlike the pyvis template that
switches to ``innerHTML`` when a title contains "href". Inline event handlers such as an
``onerror`` attribute could not run even if one reached the DOM, since the policy lists
only the hashes of the page's own scripts.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
from collections import Counter
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Mapping, Sequence

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from policekg.graph.collection import collection_paused
from policekg.graph.network import view_text
from policekg.graph.rdf.write import atomic_write_bytes

VIS_ASSETS = files("pyvis") / "templates" / "lib" / "vis-9.1.2"
TEMPLATE = files(__package__) / "templates" / "network.html"

MIN_NODE_SIZE, MAX_NODE_SIZE = 10.0, 36.0
MIN_MONEY_WIDTH, MAX_MONEY_WIDTH = 2.0, 14.0  # funding links: width grows with the square root of the amount
STABILIZATION_ITERATIONS = 400
IMPROVED_LAYOUT_LIMIT = 150  # vis-network's clusterThreshold: above it the Kamada-Kawai start may fail


@dataclass(frozen=True)
class KindStyle:
    """How one kind of entity is drawn and named in the legend."""

    name: str
    colour: str
    shape: str  # a vis-network shape that draws its label below, so ``size`` applies


@dataclass(frozen=True)
class LinkStyle:
    """How one type of link is drawn: a link colour echoes the kind it usually leads to."""

    name: str
    colour: str
    dashes: bool | list[int]
    roundness: float  # curvature, so links of several types between one pair stay apart


KIND_STYLES: dict[str, KindStyle] = {
    "PoliceForce": KindStyle("Police force", "#1f4e9c", "dot"),
    "PartnerOrganisation": KindStyle("Partner organisation", "#2a9d8f", "square"),
    "Programme": KindStyle("Programme", "#e09f1f", "diamond"),
    "Person": KindStyle("Person", "#8e5ea2", "triangle"),
    "Fund": KindStyle("Fund", "#3a7d44", "star"),
}
OTHER_KIND = "Other"
OTHER_STYLE = KindStyle("Other", "#8a8a8a", "dot")

LINK_STYLES: dict[str, LinkStyle] = {
    "collaboration": LinkStyle("Collaboration", "#c0392b", False, 0.0),
    "participation": LinkStyle("Participation", "#e09f1f", [8, 4], 0.15),
    "post": LinkStyle("Post", "#8e5ea2", [2, 4], 0.3),
    "funding": LinkStyle("Funding", "#3a7d44", [12, 4, 2, 4], 0.45),
}
OTHER_LINK_STYLE = LinkStyle("Link", "#8a8a8a", [4, 4], 0.6)
END_ORDER = {kind: rank for rank, kind in enumerate(["Person", "Fund", "PoliceForce", "PartnerOrganisation", "Programme"])}


def render_network(g: nx.MultiGraph, path: str | os.PathLike[str], *, title: str = "policekg network") -> Path:
    """Write ``g`` as one self-contained interactive HTML page at ``path``; return the path.

    The page is rendered in memory first and then written atomically, so a failure leaves
    an existing file as it was. Parent folders are created.
    """
    return NetworkView(network_page(g, title=title)).save(path)


@collection_paused()
def network_page(g: nx.MultiGraph, *, title: str = "policekg network") -> str:
    """The HTML of the page :func:`render_network` writes."""
    net = _pyvis_network(g)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "kinds": _kind_legend(nodes),
        "linkTypes": _link_legend(edges),
        "hidden": int(g.graph.get("hidden") or 0),
        "unplacedFunds": [view_text.unplaced_fund_panel(fund) for fund in g.graph.get("funds_without_parties") or []],
    }
    environment = Environment(autoescape=True, keep_trailing_newline=True)
    environment.filters["csp_hash"] = _csp_hash
    template = environment.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(
        title=title,
        data=_json_for_script(data),
        vis_js=_inline_asset("vis-network.min.js", "</script"),
        vis_css=_inline_asset("vis-network.css", "</style"),
    )


@dataclass(frozen=True)
class NetworkView:
    """The interactive page of a network, shown inline by Jupyter and saved like :func:`render_network`.

    pyvis's own notebook mode (``Network(notebook=True).show()``) writes a file and shows an
    IFrame pointing at it, which JupyterLab, VS Code and exported notebooks cannot load, and
    its template fetches Bootstrap from a CDN (pyvis issue #216). Here the whole
    self-contained page travels inside the notebook as the ``srcdoc`` of a sandboxed iframe:
    scripts run, but in an opaque origin, cut off from the notebook and, by the page's
    Content-Security-Policy, from the network.
    """

    page: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'title="policekg network" style="width: 100%; height: {self.height}px; border: 0"></iframe>')

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page as a standalone HTML file (atomically, creating folders); return its path."""
        target = Path(path)
        atomic_write_bytes(target, self.page.encode("utf-8"))
        return target


def network_view(g: nx.MultiGraph, *, title: str = "policekg network", height: int = 600) -> NetworkView:
    """``g`` drawn as in :func:`render_network`, for display in a notebook cell (``height`` in pixels)."""
    return NetworkView(network_page(g, title=title), height)


def _pyvis_network(g: nx.MultiGraph) -> Network:
    """A pyvis network with one vis node per entity and one vis edge per typed link.

    ``directed=True`` only keeps pyvis from dropping a second link between the same pair
    (its undirected mode keeps one edge per pair); every edge switches its arrow off. Nodes
    and edges are appended as ``add_node`` and ``add_edge`` append them, without their checks:
    each scans a list of every node added before (quadratic: over a second and a half on a
    page of 7,000 entities and 15,000 links), and a networkx graph already guarantees what
    they check, unique nodes and edges between them.
    """
    net = Network(directed=True)
    net.options = _options(g.number_of_nodes(), g.number_of_edges())  # a dict is pyvis's own form after set_options
    sizes = _node_sizes(g)
    for node, attrs in g.nodes(data=True):
        kind = attrs.get("kind") if attrs.get("kind") in KIND_STYLES else OTHER_KIND
        style = KIND_STYLES.get(kind, OTHER_STYLE)
        label = _label(node, attrs)
        _add_node(
            net,
            str(node),
            label=label,
            shape=style.shape,
            color=style.colour,
            size=sizes[node],
            title=view_text.node_title(label, attrs, style.name),
            panel=view_text.node_panel(label, attrs, style.name),
            kind=kind,
            aliases=[str(alias) for alias in attrs.get("aliases") or []],
        )
    widths = _edge_widths(g)
    for number, (a, b, key, attrs) in enumerate(g.edges(keys=True, data=True)):
        u, v = _ends(g, a, b, attrs.get("origin"))
        style = LINK_STYLES.get(key, OTHER_LINK_STYLE)
        heading = f"{style.name if key in LINK_STYLES else key}: {_label(u, g.nodes[u])} — {_label(v, g.nodes[v])}"
        title, panel = view_text.edge_texts(heading, attrs)
        net.edges.append(Edge(
            str(u),
            str(v),
            net.directed,
            id=f"e{number}",
            type=str(key),
            title=title,
            panel=panel,
            color={"color": style.colour, "highlight": style.colour, "hover": style.colour},
            dashes=style.dashes,
            width=widths[(a, b, key)],
            smooth={"enabled": True, "type": "curvedCW", "roundness": style.roundness},
            arrows={"to": {"enabled": key == "funding", "scaleFactor": 0.6}},
        ).options)
    return net


def _add_node(net: Network, n_id: str, *, label: str, shape: str, color: str, **options: Any) -> None:
    """Add a node as ``Network.add_node`` does, without its scan for the id (it is new)."""
    node = Node(n_id, shape, label=label or n_id, color=color, font_color=net.font_color, **options)
    net.nodes.append(node.options)
    net.node_ids.append(n_id)
    net.node_map[n_id] = node.options


def _edge_widths(g: nx.MultiGraph) -> dict[tuple[Any, Any, Any], float]:
    """Link widths: a funding link's by its amount relative to the largest (square root, so area
    follows money); any other link's by how much evidence it has."""
    totals = {(u, v, key): view_text.money_total(attrs) for u, v, key, attrs in g.edges(keys=True, data=True)
              if key == "funding"}
    largest = max((total for total in totals.values() if total is not None and total > 0), default=None)
    widths = {}
    for u, v, key, attrs in g.edges(keys=True, data=True):
        total = totals.get((u, v, key))
        if key != "funding":
            widths[(u, v, key)] = 1.5 + min(len(attrs.get("evidence") or []), 4) * 0.75
        elif total is None or largest is None or total <= 0:
            widths[(u, v, key)] = MIN_MONEY_WIDTH
        else:
            share = math.sqrt(float(total / largest))
            widths[(u, v, key)] = round(MIN_MONEY_WIDTH + (MAX_MONEY_WIDTH - MIN_MONEY_WIDTH) * share, 2)
    return widths


def _ends(g: nx.MultiGraph, u: Any, v: Any, origin: Any) -> tuple[Any, Any]:
    """The ends of a link in reading order: its ``origin`` first where it has one (funder,
    member, participant), else by kind, so a force comes before a partner."""
    if origin is not None and str(origin) in (str(u), str(v)):
        return (u, v) if str(origin) == str(u) else (v, u)
    return tuple(sorted((u, v), key=lambda node: END_ORDER.get(g.nodes[node].get("kind"), len(END_ORDER))))


def _options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options: physics runs until the layout stabilises, then the page stops it."""
    return {
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "widthConstraint": {"maximum": 180},
        },
        "edges": {"selectionWidth": 2, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": edge_count > 1000},
        "layout": {"randomSeed": 7, "improvedLayout": node_count <= IMPROVED_LAYOUT_LIMIT},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 150, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": STABILIZATION_ITERATIONS, "updateInterval": 25, "fit": True},
        },
    }


def _node_sizes(g: nx.MultiGraph) -> dict[Any, float]:
    """Node size by degree centrality over distinct neighbours (links of several types count once).

    That is ``nx.degree_centrality(nx.Graph(g))``, computed the way networkx does, without
    copying a big network into a simple graph first (a self-loop counts twice, as there)."""
    scale = 1.0 / (g.number_of_nodes() - 1.0) if g.number_of_nodes() > 1 else 0.0
    centrality = {node: (len(g.adj[node]) + (node in g.adj[node])) * scale for node in g} \
        if g.number_of_nodes() > 1 else {}
    top = max(centrality.values(), default=0.0) or 1.0
    return {node: MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * centrality.get(node, 0.0) / top for node in g}


def _label(node: Any, attrs: Mapping[str, Any]) -> str:
    """The entity's label, or its id where it has none."""
    return str(attrs.get("label") or node)


def _kind_legend(nodes: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Legend and filter rows: each kind present, in the fixed kind order, with its count."""
    counts = Counter(node["kind"] for node in nodes)
    rows = []
    for kind in [*KIND_STYLES, OTHER_KIND]:
        if counts[kind]:
            style = KIND_STYLES.get(kind, OTHER_STYLE)
            rows.append({"kind": kind, "name": style.name, "colour": style.colour, "shape": style.shape,
                         "count": counts[kind]})
    return rows


def _link_legend(edges: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Legend rows: each link type present, with its colour, dash pattern and count."""
    counts = Counter(edge["type"] for edge in edges)
    known = [link for link in LINK_STYLES if counts[link]]
    others = sorted(link for link in counts if link not in LINK_STYLES)
    rows = []
    for link in known + others:
        style = LINK_STYLES.get(link, OTHER_LINK_STYLE)
        dashes = style.dashes if isinstance(style.dashes, list) else []
        rows.append({"type": link, "name": style.name if link in LINK_STYLES else link,
                     "colour": style.colour, "dashes": dashes, "count": counts[link]})
    return rows


def _json_for_script(data: Any) -> Markup:
    """JSON that is safe as the text of a ``<script type="application/json">`` element.

    Escaping every ``<`` (not only ``</``) also rules out ``<!--`` and ``<script``, which
    can otherwise keep the HTML parser from ending the element at its closing tag.
    """
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(escaped)  # escaped above for the script-data context


def _inline_asset(name: str, closing_tag: str) -> Markup:
    """A vis-network file that pyvis ships, checked to be safe to inline in its element."""
    text = (VIS_ASSETS / name).read_text(encoding="utf-8")
    if closing_tag in text.lower():
        raise ValueError(f"pyvis's {name} contains {closing_tag!r} and cannot be inlined")
    return Markup(text)  # a trusted library file, checked above


def _csp_hash(text: str) -> Markup:
    """The Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return Markup(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
