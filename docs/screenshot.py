"""Draw the seed documents' collaboration network and save a screenshot as docs/network.png.

Run by hand from the repository root (needs Playwright and Debian's chromium package):

    .venv/bin/python docs/screenshot.py

It does what ``policekg build ../shared/seeds -o /tmp/seeds.ttl`` does through the library,
reads the graph back, projects the collaboration view, renders it with
:func:`policekg.graph.network.view.render_network` and photographs the page in headless Chromium
once the layout has settled.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import policekg
from policekg.graph.network.view import render_network
from policekg.graph.rdf.rdflib_reading import read_graph

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds", help="documents to build from")
    parser.add_argument("--graph", type=Path, default=Path("/tmp/seeds.ttl"), help="where to write the built graph")
    parser.add_argument("--page", type=Path, default=Path("/tmp/seeds-network.html"), help="where to write the page")
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "network.png", help="the screenshot")
    return parser.parse_args()


def screenshot(page: Path, output: Path) -> None:
    """Open ``page`` in headless Chromium, wait until physics has stopped, and save a PNG."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 900}, device_scale_factor=1)
        tab.goto(page.resolve().as_uri())
        tab.wait_for_selector("body[data-ready='true']", state="attached", timeout=300_000)
        tab.screenshot(path=str(output))
        browser.close()


def main() -> None:
    from policekg.graph.network.projection import to_networkx  # imported here so this module loads without it

    args = arguments()
    policekg.write_graph(policekg.build_graph([args.seeds]), args.graph)
    network = to_networkx(read_graph(args.graph), "collaboration")
    render_network(network, args.page, title="policekg: who collaborates with whom in the seed documents")
    screenshot(args.page, args.output)
    print(f"{network.number_of_nodes()} entities, {network.number_of_edges()} links: {args.output}")


if __name__ == "__main__":
    main()
