"""Benchmark writing a generated contract-shaped graph: policekg's writer against pyoxigraph's own, like with like.

Run by hand; prints seconds, the ratio to pyoxigraph and memory::

    .venv/bin/python bench/write.py --triples 1000000 --runs 3

The graph comes from ``bench/query.py``'s generator (N-Triples lines parsed by
pyoxigraph, in chunks) and is held as ``policekg build`` holds it: a
:class:`~policekg.graph.rdf.triples.Triples` of ``pyoxigraph.Triple`` objects with the
contract's prefixes. Timed, best of ``--runs``, for Turtle and N-Triples:

- the floor: ``pyoxigraph.serialize`` of the very ``Triple`` objects the graph holds, as
  one list already in canonical order, with the prefixes policekg declares;
- :func:`policekg.graph.rdf.write.serialize`, which starts from the same graph: it orders the
  subjects, chooses the prefixes, serializes and sorts the prefix lines;
- :func:`policekg.graph.rdf.write.write_graph` to a file, which streams the same bytes (to a
  temporary file, flushed to disk, then renamed), against ``pyoxigraph.serialize`` to a file.

Then where policekg's time goes (ordering; choosing prefixes), and, unless ``--no-rdflib``,
the path an ``rdflib.Graph`` takes (:func:`policekg.to_graph` users): converting the graph
to rdflib once, and policekg's writer on that rdflib graph. "RSS" is the process's
resident size after a step, "peak" its high-water mark so far.
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query import TRIPLES_PER_DOCUMENT, Generator  # noqa: E402  (a sibling script, not a package)

from policekg.graph.rdf.prefixes import declared_prefixes  # noqa: E402
from policekg.graph.rdf.triples import Triples  # noqa: E402
from policekg.graph.rdf.write import serialize, write_graph  # noqa: E402

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FORMATS = {"turtle": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES}


def memory() -> str:
    """Current and peak resident set size in MB (Linux: /proc and ru_maxrss in KB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            current = next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return f"peak {peak:.0f} MB"
    return f"RSS {current:.0f} MB, peak {peak:.0f} MB"


def best(action: Callable[[], object], runs: int) -> tuple[float, object]:
    """The fastest of ``runs`` timings of ``action``, each after a full collection, and its last value."""
    fastest, value = float("inf"), None
    for _ in range(runs):
        value = None
        gc.collect()
        started = time.perf_counter()
        value = action()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, value


def chunks(lines: Iterator[str], size: int = 100_000) -> Iterator[str]:
    while chunk := "".join(islice(lines, size)):
        yield chunk


def generated(triples: int) -> Triples:
    """The generator's graph held as a build holds its graph."""
    graph = Triples()
    for chunk in chunks(Generator(max(1, triples // TRIPLES_PER_DOCUMENT)).lines()):
        for quad in pyoxigraph.parse(chunk, format=pyoxigraph.RdfFormat.N_TRIPLES):
            obj = quad.object
            graph.add(quad.subject.value, quad.predicate.value, obj.value if isinstance(obj, pyoxigraph.NamedNode)
                      else graph.literal(obj.value, obj.datatype.value if obj.datatype.value != XSD_STRING else None))
    return graph


def body(turtle: bytes) -> bytes:
    """Turtle without its prefix lines (policekg sorts them) and the blank line after them."""
    start = 0
    while turtle.startswith((b"@prefix ", b"\n"), start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


def write_file(graph: Triples, folder: str) -> int:
    return write_graph(graph, Path(folder) / "graph.ttl").stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the generated graph")
    parser.add_argument("--runs", type=int, default=3, help="times each writer is timed (the best is printed)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib graph path (slow)")
    options = parser.parse_args()

    print(f"before the graph: {memory()}")
    seconds, graph = best(lambda: generated(options.triples), 1)
    print(f"graph: {len(graph)} triples held as pyoxigraph triples, made in {seconds:.1f} s; {memory()}\n")

    held = graph.ordered()
    prefixes = declared_prefixes(graph.prefixes.items(), graph.iris)
    print(f"{'writer':<46} {'seconds':>8} {'vs floor':>9} {'MB out':>7}")
    sizes: dict[str, int] = {}
    for name, fmt in FORMATS.items():
        declared = prefixes if name == "turtle" else {}
        floor, direct = best(lambda fmt=fmt, declared=declared: pyoxigraph.serialize(held, format=fmt,
                                                                                     prefixes=declared), options.runs)
        seconds, data = best(lambda name=name: serialize(graph, name), options.runs)
        sizes[name] = len(data)
        print(f"{'pyoxigraph.serialize ' + name + ' (floor)':<46} {floor:>8.2f} {1:>8.2f}x {len(direct) / 1e6:>7.1f}")
        print(f"{'policekg serialize ' + name:<46} {seconds:>8.2f} {seconds / floor:>8.2f}x {len(data) / 1e6:>7.1f}")
        if name == "turtle":
            with tempfile.TemporaryDirectory() as folder:
                target = Path(folder) / "direct.ttl"
                to_file, _ = best(lambda: pyoxigraph.serialize(held, target, fmt, prefixes=declared), options.runs)
                seconds, size = best(lambda: write_file(graph, folder), options.runs)
            print(f"{'pyoxigraph.serialize turtle to a file (floor)':<46} {to_file:>8.2f} {1:>8.2f}x "
                  f"{size / 1e6:>7.1f}")
            print(f"{'policekg write_graph turtle (atomic, fsync)':<46} {seconds:>8.2f} {seconds / to_file:>8.2f}x "
                  f"{size / 1e6:>7.1f}")
            same = body(data) == body(direct)
        del direct, data
    print(f"memory after writing: {memory()}")

    print("\nwhere policekg's time goes (seconds, best of runs):")
    seconds, _ = best(graph.ordered, options.runs)
    print(f"  putting the triples in canonical order:  {seconds:.2f}")
    seconds, _ = best(lambda: declared_prefixes(graph.prefixes.items(), graph.iris), options.runs)
    print(f"  choosing the prefixes to declare:        {seconds:.2f}")
    print(f"\npolicekg Turtle is pyoxigraph's for the same triples, but for the prefix lines: {same}")
    read_back = sum(1 for _ in pyoxigraph.parse(serialize(graph, "nt"), format=FORMATS["nt"]))
    print(f"N-Triples read back by pyoxigraph: {read_back} triples (the graph has {len(graph)})")
    if not options.no_rdflib:
        seconds, rdf = best(graph.to_rdflib, 1)
        print(f"\nconverting to an rdflib.Graph (to_graph's boundary): {seconds:.1f} s; {memory()}")
        seconds, _ = best(lambda: serialize(rdf, "turtle"), 1)
        print(f"policekg serialize of that rdflib graph, Turtle:     {seconds:.1f} s")


if __name__ == "__main__":
    main()
