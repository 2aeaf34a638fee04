"""Tests for policekg.graph.network.view: one self-contained, safe, interactive HTML page.

Static tests read the HTML; tests marked ``browser`` open it in headless Chromium through
Playwright (the system ``chromium`` package; they skip when it or Playwright is missing).
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from policekg.graph.network import view, view_text
from policekg.graph.network.view import render_network

ID = "https://w3id.org/policekg/id/"
KENT, ESSEX, KFRS = f"{ID}force/kent-police", f"{ID}force/essex-police", f"{ID}org/kent-fire-and-rescue-service"
ENCOMPASS, PUGHSLEY, FUND = f"{ID}programme/operation-encompass", f"{ID}person/alan-pughsley", f"{ID}fund/innovation"
HOME_OFFICE = f"{ID}org/home-office"
HOSTILE_NODE, HOSTILE_PARTNER = f"{ID}person/hostile", f"{ID}org/hostile"

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:alert(1)">href</a>',
    "<!--<script>",
    "</script><script>window.__pwned=1</script>",
    "<svg onload=alert(1)>&amp;",
]
PAGE_ELEMENTS = {  # every element the template writes; anything else was injected
    "html", "head", "meta", "title", "style", "body", "header", "h1", "form", "label", "input", "datalist",
    "button", "p", "main", "div", "aside", "fieldset", "legend", "h2", "ul", "script", "section",
}
EXTERNAL_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*|url\(\s*["']?\s*)(?:[a-z][a-z0-9+.-]*:)?//""", re.I
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def evidence(quote: str, document: str = "Kent PEEL 2016", confidence: float = 0.9) -> dict:
    return {"quote": quote, "document": document, "status": "in place", "confidence": confidence}


def sample_graph() -> nx.MultiGraph:
    """A small graph of the shape ``policekg.graph.network.projection.to_networkx(graph, "all")`` gives."""
    g = nx.MultiGraph()
    g.add_node(KENT, kind="PoliceForce", label="Kent Police", aliases=["Kent Constabulary"],
               documents=["Kent PEEL 2016", "Essex PCP minutes"])
    g.add_node(ESSEX, kind="PoliceForce", label="Essex Police", aliases=[], documents=["Essex PCP minutes"])
    g.add_node(KFRS, kind="PartnerOrganisation", label="Kent Fire and Rescue Service", aliases=["KFRS"],
               documents=["Kent PEEL 2016"])
    g.add_node(HOME_OFFICE, kind="PartnerOrganisation", label="Home Office", aliases=[], documents=["Essex PCP minutes"])
    g.add_node(ENCOMPASS, kind="Programme", label="Operation Encompass", aliases=[], documents=["Kent PEEL 2016"])
    g.add_node(PUGHSLEY, kind="Person", label="Alan Pughsley", aliases=["Chief Constable Alan Pughsley"],
               documents=["Kent PEEL 2016"])
    g.add_node(FUND, kind="Fund", label="Police Innovation Fund", aliases=[], documents=["Essex PCP minutes"])
    g.add_edge(ESSEX, KENT, key="collaboration", label="collaborates with",
               evidence=[evidence(f"Kent and Essex share service number {n}.") for n in range(7)])
    g.add_edge(KFRS, KENT, key="collaboration", label="collaborates with",
               evidence=[evidence("Kent Police and Kent Fire and Rescue Service share a control room.")])
    g.add_edge(KENT, ENCOMPASS, key="participation", label="takes part in", origin=KENT,
               evidence=[evidence("Kent Police joined Operation Encompass.")])
    g.add_edge(ESSEX, ENCOMPASS, key="participation", label="takes part in", origin=ESSEX, evidence=[])
    g.add_edge(KENT, PUGHSLEY, key="post", label="Chief Constable", role="Chief Constable", origin=PUGHSLEY,
               evidence=[evidence("Chief Constable Alan Pughsley said ...")])
    g.add_edge(HOME_OFFICE, KENT, key="funding", label="£1,500,000 (2015/16)", origin=HOME_OFFICE,
               fund="Police Innovation Fund", amount="1500000", period="2015/16",
               evidence=[evidence("Kent received £1.5m from the Police Innovation Fund.", "Essex PCP minutes", 0.75)])
    return g


def hostile_graph() -> nx.MultiGraph:
    """The sample graph plus entities whose every text field is an attack."""
    g = sample_graph()
    g.add_node(HOSTILE_NODE, kind="Person", label=HOSTILE[0], aliases=HOSTILE[1:4], documents=HOSTILE[3:])
    g.add_node(HOSTILE_PARTNER, kind="PartnerOrganisation", label=HOSTILE[4], aliases=[HOSTILE[5]],
               documents=[HOSTILE[6]])
    g.add_edge(HOSTILE_NODE, KENT, key="post", label=HOSTILE[5], role=HOSTILE[1],
               evidence=[evidence(text, document=HOSTILE[3]) for text in HOSTILE])
    g.add_edge(HOSTILE_PARTNER, KENT, key="collaboration", label=HOSTILE[6], evidence=[evidence(HOSTILE[2])])
    return g


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


class Elements(HTMLParser):
    """Every element of a page, as a browser's tokenizer sees it, with the text of scripts and styles."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.raw_text: Element | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, dict(attrs)))
        self.raw_text = self.elements[-1] if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self.raw_text = None

    def handle_data(self, data: str) -> None:
        if self.raw_text is not None:
            self.raw_text.text += data

    def all(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]


def page_data(page: str) -> dict:
    """The JSON the page carries."""
    (block,) = [s for s in Elements(page).all("script") if s.attrs.get("type") == "application/json"]
    return json.loads(block.text)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory) -> Path:
    return render_network(sample_graph(), tmp_path_factory.mktemp("view") / "sample.html", title="Kent & Essex")


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    return render_network(hostile_graph(), tmp_path_factory.mktemp("view") / "hostile.html", title=HOSTILE[0])


# --- static checks -------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["sample_page", "hostile_page"])
def test_view_page_references_nothing_external(which, request):
    page = request.getfixturevalue(which).read_text(encoding="utf-8")
    assert EXTERNAL_REFERENCE.findall(page) == []
    assert "@import" not in page
    assert [u for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", page) if not u.startswith("data:")] == []
    elements = Elements(page)
    for element in elements.elements:
        for name in ("src", "href", "action", "srcset", "poster", "data"):
            assert name not in element.attrs, (element.tag, element.attrs)
    assert not {"link", "img", "iframe", "object", "embed", "base"} & {e.tag for e in elements.elements}


@pytest.mark.parametrize("which", ["sample_page", "hostile_page"])
def test_view_policy_allows_exactly_the_page_scripts(which, request):
    elements = Elements(request.getfixturevalue(which).read_text(encoding="utf-8"))
    (policy,) = [m.attrs["content"] for m in elements.all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy
    code = [s.text for s in elements.all("script") if s.attrs.get("type") != "application/json"]
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'" for text in code}
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src")).split()[1:]
    assert len(code) == 2 and set(script_src) == hashes


def test_view_page_embeds_the_graph_as_json(sample_page):
    data = page_data(sample_page.read_text(encoding="utf-8"))
    assert {node["id"] for node in data["nodes"]} == {KENT, ESSEX, KFRS, HOME_OFFICE, ENCOMPASS, PUGHSLEY, FUND}
    assert len(data["edges"]) == 6 and len({edge["id"] for edge in data["edges"]}) == 6
    assert [edge["arrows"]["to"]["enabled"] for edge in data["edges"]] == [
        edge["type"] == "funding" for edge in data["edges"]]  # money points from funder to recipient
    stabilization = data["options"]["physics"]["stabilization"]
    assert stabilization["enabled"] and stabilization["iterations"] > 0
    assert [row["kind"] for row in data["kinds"]] == list(view.KIND_STYLES)
    assert [row["type"] for row in data["linkTypes"]] == list(view.LINK_STYLES)
    assert "<title>Kent &amp; Essex</title>" in sample_page.read_text(encoding="utf-8")


def test_view_hostile_text_is_only_escaped_json(hostile_page):
    page = hostile_page.read_text(encoding="utf-8")
    for text in HOSTILE:
        assert text not in page
    elements = Elements(page)
    assert {element.tag for element in elements.elements} <= PAGE_ELEMENTS
    assert len(elements.all("script")) == 3
    (block,) = [s for s in elements.all("script") if s.attrs.get("type") == "application/json"]
    assert "<" not in block.text and ">" not in block.text and "&" not in block.text
    data = json.loads(block.text)
    hostile = next(node for node in data["nodes"] if node["id"] == HOSTILE_NODE)
    assert hostile["label"] == HOSTILE[0] and hostile["aliases"] == HOSTILE[1:4]
    assert all(text in hostile["title"] for text in HOSTILE[3:])
    assert next(node for node in data["nodes"] if node["id"] == HOSTILE_PARTNER)["label"] == HOSTILE[4]
    edge_titles = "\n".join(edge["title"] for edge in data["edges"])
    assert all(text in edge_titles for text in HOSTILE)


def test_view_nodes_are_styled_by_kind_and_sized_by_degree(sample_page):
    nodes = {node["id"]: node for node in page_data(sample_page.read_text(encoding="utf-8"))["nodes"]}
    for kind, node in [("PoliceForce", KENT), ("PartnerOrganisation", KFRS), ("Programme", ENCOMPASS),
                       ("Person", PUGHSLEY), ("Fund", FUND)]:
        style = view.KIND_STYLES[kind]
        assert (nodes[node]["kind"], nodes[node]["color"], nodes[node]["shape"]) == (kind, style.colour, style.shape)
    assert len({(s.colour, s.shape) for s in view.KIND_STYLES.values()}) == len(view.KIND_STYLES)
    assert nodes[KENT]["size"] == view.MAX_NODE_SIZE
    assert nodes[KENT]["size"] > nodes[ESSEX]["size"] > nodes[PUGHSLEY]["size"] > nodes[FUND]["size"]
    assert nodes[FUND]["size"] == view.MIN_NODE_SIZE


def test_view_edges_are_styled_by_type_and_parallel_links_kept():
    g = nx.MultiGraph()
    g.add_node("a", kind="PoliceForce", label="A")
    g.add_node("b", kind="PartnerOrganisation", label="B")
    for key in view.LINK_STYLES:
        g.add_edge("a", "b", key=key, label=key, evidence=[])
    edges = page_data(view.network_page(g))["edges"]
    assert [edge["type"] for edge in edges] == list(view.LINK_STYLES)
    assert len({json.dumps(edge["dashes"]) for edge in edges}) == len(edges)
    assert len({edge["color"]["color"] for edge in edges}) == len(edges)
    assert len({edge["smooth"]["roundness"] for edge in edges}) == len(edges)
    assert [edge["title"].splitlines()[0] for edge in edges] == [f"{s.name}: A — B" for s in view.LINK_STYLES.values()]


def test_view_tooltips_are_plain_text_with_evidence(sample_page):
    data = page_data(sample_page.read_text(encoding="utf-8"))
    kent = next(node for node in data["nodes"] if node["id"] == KENT)
    assert kent["title"].splitlines() == [
        "Police force", "Kent Police", "Also known as: Kent Constabulary", "Documents (2):",
        "• Kent PEEL 2016", "• Essex PCP minutes",
    ]
    titles = {edge["title"].splitlines()[0]: edge["title"].splitlines() for edge in data["edges"]}
    collaboration = titles["Collaboration: Kent Police — Essex Police"]
    assert collaboration[1:3] == ["collaborates with", "Evidence (7):"]
    assert collaboration[3] == "• “Kent and Essex share service number 0.” — Kent PEEL 2016 (in place, confidence 0.90)"
    assert len(collaboration) == 3 + view_text.TOOLTIP_QUOTES + 1 and collaboration[-1] == "and 2 more"
    assert titles["Post: Alan Pughsley — Kent Police"][1:3] == ["Chief Constable", "Evidence (1):"]
    assert titles["Funding: Home Office — Kent Police"][1:4] == [
        "£1,500,000 (2015/16)", "Fund: Police Innovation Fund", "Evidence (1):"]
    assert titles["Funding: Home Office — Kent Police"][-1].endswith(
        "— Essex PCP minutes (in place, confidence 0.75)")
    assert "Participation: Essex Police — Operation Encompass" in titles
    assert "Collaboration: Kent Police — Kent Fire and Rescue Service" in titles


@pytest.mark.parametrize("attrs, expected", [
    ({"label": "Chief Constable", "role": "Chief Constable"}, ["Chief Constable"]),
    ({"label": "member of", "role": "Chief Constable"}, ["member of", "Role: Chief Constable"]),
    ({"label": "£96,782 (2015/16)", "amount": "96782", "period": "2015/16"}, ["£96,782 (2015/16)"]),
    ({"label": "grant", "amount": Decimal("1500000.50"), "period": "2015/16"},
     ["grant", "Amount: £1,500,000.50 (2015/16)"]),
    ({"amount": "1500000; 20000", "period": "2015/16; 2016/17"}, ["Amount: £1,500,000; £20,000 (2015/16; 2016/17)"]),
    ({"amount": "unknown"}, ["Amount: unknown"]),
    ({}, []),
])
def test_view_link_details_say_each_fact_once(attrs, expected):
    assert view_text.link_details(attrs) == expected


def test_view_unknown_kinds_and_empty_graphs_render():
    g = nx.MultiGraph()
    g.add_node("x", kind="Mystery", label="Alone")
    (node,) = page_data(view.network_page(g))["nodes"]
    assert (node["kind"], node["color"], node["size"]) == ("Other", view.OTHER_STYLE.colour, view.MIN_NODE_SIZE)
    assert page_data(view.network_page(nx.MultiGraph()))["nodes"] == []


def test_view_render_creates_folders_and_returns_the_path(tmp_path):
    target = tmp_path / "a" / "b" / "network.html"
    assert render_network(sample_graph(), target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert os.listdir(target.parent) == ["network.html"]


def failing_replace(*args, **kwargs):
    raise OSError("disk full")


def failing_render(*args, **kwargs):
    raise RuntimeError("cannot render")


@pytest.mark.parametrize("target, replacement", [(os, failing_replace), (view, failing_render)],
                         ids=["replace", "render"])
def test_view_failed_write_leaves_existing_file_untouched(tmp_path, monkeypatch, target, replacement):
    existing = tmp_path / "network.html"
    existing.write_text("old page", encoding="utf-8")
    monkeypatch.setattr(target, "replace" if target is os else "_pyvis_network", replacement)
    with pytest.raises((OSError, RuntimeError)):
        render_network(sample_graph(), existing)
    assert existing.read_text(encoding="utf-8") == "old page"
    assert os.listdir(tmp_path) == ["network.html"]


# --- in a browser --------------------------------------------------------------------------


@dataclass
class Loaded:
    """A page opened in Chromium, with what it did while loading."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def evaluate(self, script: str, argument: object = None):
        return self.page.evaluate(script, argument)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a rendered page and wait until its layout has stabilised and physics stopped."""
    pages = []

    def load(path: Path) -> Loaded:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        loaded = Loaded(page)
        page.on("console", lambda message: message.type == "error" and loaded.errors.append(message.text))
        page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        page.on("request", lambda request: loaded.requests.append(request.url))
        page.on("dialog", lambda dialog: (loaded.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=120_000)
        return loaded

    yield load
    for page in pages:
        page.close()


def drawn_nodes(loaded: Loaded) -> set[str]:
    return set(loaded.evaluate("() => window.policekgNetwork.body.nodeIndices"))


def search(loaded: Loaded, text: str) -> str:
    loaded.page.fill("#search-input", text)
    loaded.page.click("#search button")
    return loaded.page.text_content("#status")


def hover_node(loaded: Loaded, node: str) -> None:
    point = loaded.evaluate(
        """id => {
            const network = window.policekgNetwork;
            const at = network.canvasToDOM(network.getPosition(id));
            const box = document.getElementById("network").getBoundingClientRect();
            return {x: box.left + at.x, y: box.top + at.y};
        }""",
        node,
    )
    loaded.page.mouse.move(point["x"] - 30, point["y"] - 30)
    loaded.page.mouse.move(point["x"], point["y"], steps=5)


@pytest.mark.browser
def test_browser_page_loads_draws_and_fetches_nothing(open_page, sample_page):
    loaded = open_page(sample_page)
    assert loaded.errors == []
    assert loaded.requests == [sample_page.as_uri()]
    assert loaded.evaluate("() => window.policekgNetwork.body.data.nodes.length") == 7
    assert drawn_nodes(loaded) == {KENT, ESSEX, KFRS, HOME_OFFICE, ENCOMPASS, PUGHSLEY, FUND}
    assert len(loaded.evaluate("() => window.policekgNetwork.body.edgeIndices")) == 6
    assert loaded.evaluate("() => window.policekgNetwork.physics.options.enabled") is False
    assert loaded.page.text_content("#status") == "7 entities, 6 links"
    legend = loaded.page.text_content("#kind-filter")
    assert all(style.name in legend for style in view.KIND_STYLES.values())


@pytest.mark.browser
def test_browser_hostile_text_runs_nothing_and_shows_as_text(open_page, hostile_page):
    loaded = open_page(hostile_page)
    hover_node(loaded, HOSTILE_NODE)
    tooltip = loaded.page.wait_for_selector("div.vis-tooltip", state="visible")
    loaded.page.wait_for_timeout(300)
    assert HOSTILE[0] in tooltip.text_content() and HOSTILE[3] in tooltip.text_content()
    assert loaded.evaluate("() => document.querySelectorAll('.vis-tooltip *:not(br)').length") == 0
    assert search(loaded, HOSTILE[0]) == f"Found {HOSTILE[0]}"
    assert loaded.evaluate("() => window.policekgNetwork.getSelectedNodes()") == [HOSTILE_NODE]
    assert loaded.page.title() == HOSTILE[0]
    assert loaded.evaluate("() => [window.__pwned, document.querySelectorAll('img, a, iframe, svg script').length]") \
        == [None, 0]
    assert loaded.evaluate("() => document.scripts.length") == 3
    assert loaded.dialogs == [] and loaded.errors == []
    assert loaded.requests == [hostile_page.as_uri()]


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Kent Constabulary", "kent police", "constab"])
def test_browser_search_focuses_and_selects_a_node(open_page, sample_page, query):
    loaded = open_page(sample_page)
    assert search(loaded, query) == "Found Kent Police"
    assert loaded.evaluate("() => window.policekgNetwork.getSelectedNodes()") == [KENT]
    loaded.page.wait_for_timeout(900)  # the focus animation takes 500 ms
    offset = loaded.evaluate(
        """id => {
            const network = window.policekgNetwork;
            const node = network.getPosition(id), view = network.getViewPosition();
            return Math.hypot(node.x - view.x, node.y - view.y);
        }""",
        KENT,
    )
    assert offset < 1
    assert search(loaded, "Metropolitan") == "Nothing matches “Metropolitan”"


@pytest.mark.browser
def test_browser_kind_filter_hides_and_shows_nodes(open_page, sample_page):
    loaded = open_page(sample_page)
    box = "#kind-filter input[data-kind='PoliceForce']"
    loaded.page.uncheck(box)
    assert drawn_nodes(loaded) == {KFRS, HOME_OFFICE, ENCOMPASS, PUGHSLEY, FUND}
    assert loaded.evaluate("() => window.policekgNetwork.body.edgeIndices") == []
    assert search(loaded, "Kent Police") == "Kent Police is hidden by the entity filter"
    loaded.page.check(box)
    assert drawn_nodes(loaded) == {KENT, ESSEX, KFRS, HOME_OFFICE, ENCOMPASS, PUGHSLEY, FUND}
    assert len(loaded.evaluate("() => window.policekgNetwork.body.edgeIndices")) == 6
    assert loaded.errors == []


@pytest.mark.browser
def test_browser_large_network_stabilises_then_stops(open_page, tmp_path):
    g = nx.MultiGraph()
    kinds = list(view.KIND_STYLES)
    for n, (u, v) in enumerate(nx.barabasi_albert_graph(1500, 1, seed=3).edges()):
        for node in (u, v):
            g.add_node(node, kind=kinds[node % len(kinds)], label=f"Entity {node}", aliases=[], documents=[])
        g.add_edge(u, v, key=list(view.LINK_STYLES)[n % 4], label="link", evidence=[])
    loaded = open_page(render_network(g, tmp_path / "large.html"))
    assert loaded.evaluate("() => window.policekgNetwork.body.nodeIndices.length") == 1500
    assert loaded.evaluate("() => window.policekgNetwork.physics.options.enabled") is False
    assert loaded.errors == []


@pytest.fixture(scope="module")
def seeds_page(seeds_graph, tmp_path_factory) -> Path:
    from policekg.graph.network.projection import to_networkx

    return render_network(to_networkx(seeds_graph, "collaboration"), tmp_path_factory.mktemp("seeds") / "net.html")


@pytest.mark.parametrize("partner", ["Essex Police", "Kent Fire and Rescue Service"])
def test_view_seeds_draw_kent_police_linked_with_quotes(seeds_page, partner):
    data = page_data(seeds_page.read_text(encoding="utf-8"))
    ids = {node["label"]: node["id"] for node in data["nodes"]}
    ends = {ids["Kent Police"], ids[partner]}
    (edge,) = [e for e in data["edges"] if {e["from"], e["to"]} == ends]
    assert edge["title"].startswith("Collaboration:")
    assert re.search(rf"“[^”]*{re.escape(partner)}[^”]*”", edge["title"])


@pytest.mark.browser
def test_browser_seeds_page_draws_kent_and_fetches_nothing(open_page, seeds_page):
    loaded = open_page(seeds_page)
    assert not loaded.errors
    assert loaded.requests == [seeds_page.as_uri()]
    labels = set(loaded.evaluate("() => window.policekgNetwork.body.data.nodes.get().map(n => n.label)"))
    assert {"Kent Police", "Essex Police", "Kent Fire and Rescue Service"} <= labels


# --- inline in a notebook ------------------------------------------------------------------


def test_notebook_view_is_the_page_in_a_sandboxed_srcdoc_iframe():
    shown = view.network_view(hostile_graph(), height=480)
    markup = shown._repr_html_()
    elements = Elements(markup).elements
    assert [element.tag for element in elements] == ["iframe"]
    attrs = elements[0].attrs
    assert attrs["sandbox"] == "allow-scripts"  # no allow-same-origin: cut off from the notebook
    assert attrs["srcdoc"] == shown.page == view.network_page(hostile_graph())
    assert "height: 480px" in attrs["style"]


def test_notebook_view_saves_the_same_page(tmp_path):
    shown = view.network_view(sample_graph())
    path = shown.save(tmp_path / "deep" / "net.html")
    assert path.read_text(encoding="utf-8") == shown.page


@pytest.mark.browser
def test_browser_notebook_view_draws_inside_its_frame_and_fetches_nothing(browser, tmp_path):
    host = tmp_path / "notebook.html"
    host.write_text(f"<!doctype html><title>cell</title>{view.network_view(sample_graph())._repr_html_()}",
                    encoding="utf-8")
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(host.as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("body[data-ready='true']").wait_for(state="attached", timeout=120_000)
    assert frame.locator("#status").text_content() == "7 entities, 6 links"
    assert [url for url in requests if not url.startswith("about:")] == [host.as_uri()]
    assert errors == []
    page.close()
