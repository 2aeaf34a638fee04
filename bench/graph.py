"""Time every reading command on a generated graph against pyoxigraph's own parse of the same file.

Run by hand; prints, per size, the seconds each ``policekg`` command takes (wall clock and
CPU, as a separate process, Python start-up and imports included) and its ratio to
``pyoxigraph.parse`` reading the very same Turtle file in this process::

    .venv/bin/python bench/graph.py                      # 100k and 1M triples
    .venv/bin/python bench/graph.py --triples 100000 --commands show stats

The graphs are :mod:`bench.query`'s contract-shaped generator (forces, partners,
programmes, people, funds, judgements, an evidence node per link), written as N-Triples
and turned into Turtle by pyoxigraph, as ``policekg build`` would write it. ``evaluate``
scores against one invented gold file naming a few of document 0's entities. Each command is
also set against pyoxigraph loading the file into an in-memory store, the least any command
that asks SPARQL of a file does (show, export and stats need none: they stream the file once,
and policekg's reading alone is timed in this process too). A command
still running after ``--timeout`` seconds is stopped and shown as ``>`` the timeout. Each
figure is the least of ``--runs`` runs, the usual guard against a busy machine.
The issue's target: show, export and stats at 1M triples within 3x of the parse.
On a shared machine the wall clock waits for other work; the CPU column does not.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query import TRIPLES_PER_DOCUMENT, Generator, parameters  # noqa: E402

from policekg.graph.network.network_facts import predicates_for  # noqa: E402
from policekg.graph.network.views import VIEW_EDGE_TYPES  # noqa: E402
from policekg.graph.rdf.namespaces import PREFIXES  # noqa: E402
from policekg.graph.rdf.tables import read_tables  # noqa: E402

POLICEKG = str(Path(sys.executable).with_name("policekg"))
SIZES = (100_000, 1_000_000)
TARGET = 3.0  # show, export and stats within this many times the parse, at 1M triples
TARGETED = ("show", "export", "stats")
READ_TARGET = 1.5  # policekg's reading of a file within this many times the parse


def commands(graph: Path, out: Path, gold: Path, names: dict[str, dict[str, str | list[str]]]
             ) -> dict[str, list[str]]:
    """Each reading command as run on ``graph``, writing into ``out``."""
    pair = names["evidence"]
    return {
        "show": ["show", str(graph), "-o", str(out / "network.html")],
        "export": ["export", str(graph), "-o", str(out / "network.graphml")],
        "stats": ["stats", str(graph)],
        "validate": ["validate", str(graph)],
        "evaluate": ["evaluate", str(graph), "--gold", str(gold)],
        "evidence": ["evidence", str(graph), "--a", str(pair["a"]), "--b", str(pair["b"])],
        "query": ["query", str(graph), "SELECT (COUNT(*) AS ?n) WHERE { ?s a pko:Fund }"],
        "ask": ["ask", "collaborators", str(graph), "--org", str(names["collaborators"]["org"])],
    }


def write_graph(triples: int, folder: Path) -> tuple[Path, dict[str, dict[str, str | list[str]]]]:
    """A generated graph of about ``triples`` triples as Turtle in ``folder``, and names to ask about."""
    generator = Generator(max(1, round(triples / TRIPLES_PER_DOCUMENT)))
    ntriples, turtle = folder / "graph.nt", folder / "graph.ttl"
    with ntriples.open("w", encoding="utf-8") as stream:
        stream.writelines(generator.lines())
    store = pyoxigraph.Store()
    store.bulk_load(path=str(ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES)
    with turtle.open("wb") as stream:
        store.dump(stream, format=pyoxigraph.RdfFormat.TURTLE, from_graph=pyoxigraph.DefaultGraph(),
                   prefixes={prefix: str(namespace) for prefix, namespace in PREFIXES.items()})
    ntriples.unlink()
    return turtle, parameters(generator)


def write_gold(folder: Path) -> Path:
    """An invented gold file for generated document 0 (source "reports/0.txt")."""
    gold = folder / "gold"
    gold.mkdir()
    entities = [{"name": f"Partner {i}", "type": "PartnerOrganisation"} for i in range(5)]
    (gold / "0.gold.json").write_text(json.dumps({"document": "0.txt", "entities": entities}), encoding="utf-8")
    return gold


def read_seconds(graph: Path, runs: int) -> float:
    """The least seconds of ``runs`` that policekg's own reading of ``graph`` takes in this process:
    the one streaming pass that keeps what the collaboration view needs (``read_tables``)."""
    predicates = predicates_for(VIEW_EDGE_TYPES["collaboration"])
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read_tables(graph, predicates)
        times.append(time.perf_counter() - started)
    return min(times)


def parse_seconds(graph: Path, runs: int) -> tuple[float, float]:
    """The least seconds of ``runs`` that pyoxigraph takes to parse ``graph`` completely (every
    triple made), and to load it into an in-memory store (what any command that asks SPARQL of
    the file must do)."""
    parses, loads = [], []
    for _ in range(runs):
        started = time.perf_counter()
        for _ in pyoxigraph.parse(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE):
            pass
        parsed = time.perf_counter()
        pyoxigraph.Store().load(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE)
        parses.append(parsed - started)
        loads.append(time.perf_counter() - parsed)
    return min(parses), min(loads)


def run(arguments: list[str], timeout: float) -> tuple[float | None, float, int | None]:
    """Wall seconds (``None`` past the timeout), CPU seconds and exit code of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run([POLICEKG, *arguments], capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, timeout, None
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        print(f"  {arguments[0]} exited {done.returncode}: {done.stderr.decode()[-300:]}", file=sys.stderr)
    return wall, cpu, done.returncode


def best(arguments: list[str], timeout: float, runs: int) -> tuple[float | None, float]:
    """The least wall and CPU seconds of ``runs`` runs of a command; ``None`` if it timed out."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _ = run(arguments, timeout)
        if wall is None:
            return None, timeout
        walls.append(wall)
        cpus.append(cpu)
    return min(walls), min(cpus)


def measure(triples: int, chosen: list[str], timeout: float, runs: int,
            say: Callable[[str], None]) -> dict[str, float | None]:
    """Generate a graph of ``triples``, time the parse and each chosen command; print a table."""
    with tempfile.TemporaryDirectory(prefix="policekg-bench-graph-") as tmp:
        folder = Path(tmp)
        graph, names = write_graph(triples, folder)
        count = sum(1 for _ in pyoxigraph.parse(path=str(graph), format=pyoxigraph.RdfFormat.TURTLE))
        parse, load = parse_seconds(graph, runs)
        read = read_seconds(graph, runs)
        say(f"\n{count:,} triples ({graph.stat().st_size / 1e6:.0f} MB Turtle); pyoxigraph.parse: {parse:.2f} s; "
            f"Store.load: {load:.2f} s")
        say(f"policekg's read (read_tables, the collaboration view's predicates, in this process): {read:.2f} s, "
            f"{read / parse:.1f}x the parse (target {READ_TARGET}x)")
        say(f"{'command':<10}{'wall s':>9}{'cpu s':>9}{'x parse':>9}{'x load':>9}")
        walls: dict[str, float | None] = {}
        table = commands(graph, folder, write_gold(folder), names)
        for name in chosen:
            wall, cpu = best(table[name], timeout, runs)
            walls[name] = wall
            shown = f"{wall:>9.2f}" if wall is not None else f"{'>' + str(int(timeout)):>9}"
            ratio = f"{wall / parse:>9.1f}{wall / load:>9.1f}" if wall is not None else f"{'-':>9}{'-':>9}"
            say(f"{name:<10}{shown}{cpu:>9.2f}{ratio}")
        return {name: (wall / parse if wall is not None else None) for name, wall in walls.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, nargs="+", default=list(SIZES), help="graph sizes to generate")
    parser.add_argument("--commands", nargs="+", default=None, help="commands to time (default: all)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a command is stopped")
    parser.add_argument("--runs", type=int, default=2, help="runs of each; the least time counts")
    arguments = parser.parse_args()
    every = list(commands(Path("g"), Path("o"), Path("d"), {"evidence": {"a": "", "b": ""},
                                                             "collaborators": {"org": ""}}))
    chosen = arguments.commands or every
    unknown = sorted(set(chosen) - set(every))
    if unknown:
        parser.error(f"unknown command(s) {', '.join(unknown)}; choose from {', '.join(every)}")
    print(f"policekg at {POLICEKG}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    for triples in arguments.triples:
        ratios = measure(triples, chosen, arguments.timeout, arguments.runs, print)
        if triples >= 1_000_000:
            for name in TARGETED:
                if name in ratios:
                    ratio = ratios[name]
                    met = ratio is not None and ratio <= TARGET
                    print(f"target {name} within {TARGET:.0f}x of the parse: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
