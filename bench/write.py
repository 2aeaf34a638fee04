"""Benchmark writing a generated contract-shaped graph: policekg's writer against pyoxigraph's own.

Run by hand; prints seconds, the ratio to pyoxigraph and memory::

    .venv/bin/python bench/write.py --triples 1000000 --runs 3

The graph comes from ``bench/query.py``'s generator (N-Triples lines parsed by rdflib,
in chunks, into an ordinary ``rdflib.Graph`` with the contract's prefixes bound, as
``policekg build`` would hold it). Timed, best of ``--runs``:
:func:`policekg.graph.write.serialize` for Turtle and N-Triples; :func:`pyoxigraph.serialize`
on the very same triples, in the same order, already held as pyoxigraph objects (the
floor policekg is measured against); and rdflib's own Turtle serializer, once
(``--no-rdflib`` skips it: it is slow). Then where policekg's time goes: walking rdflib's
store index without doing anything (the floor for touching every triple from Python),
the same walk converting to pyoxigraph triples, and iterating the graph through rdflib's
public API, which the writer avoids for rdflib's in-memory store.

Memory: "RSS" is the process's resident size after a step (freed memory Python keeps
counts), "peak" its high-water mark so far; policekg runs before any pyoxigraph copy of
the graph is made, so its figures are the graph plus what writing it costs.
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import pyoxigraph
import rdflib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query import TRIPLES_PER_DOCUMENT, Generator  # noqa: E402  (a sibling script, not a package)

from policekg.graph.namespaces import bind_prefixes  # noqa: E402
from policekg.graph.write import TermConverter, ordered_triples, serialize, subject_index, turtle_prefixes  # noqa: E402

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


def build_graph(triples: int) -> rdflib.Graph:
    graph = bind_prefixes(rdflib.Graph(bind_namespaces="none"))
    for chunk in chunks(Generator(max(1, triples // TRIPLES_PER_DOCUMENT)).lines()):
        graph.parse(data=chunk, format="nt")
    return graph


def body(turtle: bytes) -> bytes:
    """Turtle without its prefix lines (policekg sorts and trims them) and the blank line after them."""
    start = 0
    while turtle.startswith((b"@prefix ", b"\n"), start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


def row(name: str, seconds: float, floor: float, data: bytes) -> None:
    print(f"{name:<34} {seconds:>8.2f} {seconds / floor:>9.1f}x {len(data) / 1e6:>8.1f}   {memory()}")


def oxigraph_floor(graph: rdflib.Graph, runs: int) -> tuple[dict[str, float], dict[str, int], str, bytes]:
    """pyoxigraph's own seconds and output sizes per format on the triples policekg would hand it, held as a
    list; the memory with that list held; and its Turtle, to compare with policekg's."""
    prefixes = turtle_prefixes(graph)
    triples = list(ordered_triples(subject_index(graph), TermConverter()))
    timed = {name: best(lambda fmt=fmt: pyoxigraph.serialize(triples, format=fmt, prefixes=prefixes), runs)
             for name, fmt in FORMATS.items()}
    held = memory()
    direct = pyoxigraph.serialize(triples, format=FORMATS["turtle"], prefixes=prefixes)
    return ({name: seconds for name, (seconds, _) in timed.items()},
            {name: len(data) for name, (_, data) in timed.items()}, held, direct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the generated graph")
    parser.add_argument("--runs", type=int, default=3, help="times each writer is timed (the best is printed)")
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib's own (slow) Turtle serializer")
    options = parser.parse_args()

    print(f"before the graph: {memory()}")
    seconds, graph = best(lambda: build_graph(options.triples), 1)
    print(f"rdflib graph: {len(graph)} triples, built in {seconds:.1f} s; {memory()}\n")

    timings = {name: best(lambda name=name: serialize(graph, name), options.runs) for name in FORMATS}
    after_policekg = memory()
    floors, sizes, held, direct = oxigraph_floor(graph, options.runs)

    print(f"{'writer':<34} {'seconds':>8} {'vs floor':>10} {'MB out':>8}   memory")
    for name in FORMATS:
        print(f"{'pyoxigraph.serialize ' + name + ' (floor)':<34} {floors[name]:>8.2f} {1:>9.1f}x "
              f"{sizes[name] / 1e6:>8.1f}   (its triples held: {held})")
    for name in FORMATS:
        seconds, data = timings[name]
        print(f"{'policekg serialize ' + name:<34} {seconds:>8.2f} {seconds / floors[name]:>9.1f}x "
              f"{len(data) / 1e6:>8.1f}   (after both policekg runs: {after_policekg})")
    same = body(timings["turtle"][1]) == body(direct)
    read_back = sum(1 for _ in pyoxigraph.parse(timings["nt"][1], format=FORMATS["nt"]))
    del timings, direct
    if not options.no_rdflib:
        seconds, data = best(lambda: graph.serialize(format="turtle", encoding="utf-8"), 1)
        row("rdflib graph.serialize turtle", seconds, floors["turtle"], data)
        del data

    print("\nwhere policekg's time goes (seconds, best of runs):")
    index = subject_index(graph)
    seconds, _ = best(lambda: sum(1 for predicates in index.values() for objects in predicates.values()
                                  for _ in objects), options.runs)
    print(f"  walking rdflib's store index, converting nothing:  {seconds:.2f}")
    seconds, _ = best(lambda: deque(ordered_triples(index, TermConverter()), maxlen=0), options.runs)
    print(f"  the same walk in order, making pyoxigraph triples: {seconds:.2f}")
    print(f"  pyoxigraph serializing those triples (Turtle):     {floors['turtle']:.2f}")
    seconds, _ = best(lambda: deque(graph, maxlen=0), options.runs)
    print(f"  iterating the graph with rdflib's public API:      {seconds:.2f} (avoided)")
    print(f"\npolicekg Turtle is pyoxigraph's for the same triples, but for the prefix lines: {same}")
    print(f"N-Triples read back by pyoxigraph: {read_back} triples (the graph has {len(graph)})")


if __name__ == "__main__":
    main()
