"""Benchmark ``policekg validate`` on contract-shaped graphs of 100k and 1M triples.

Run by hand; prints, per size, pyoxigraph's own parse of the file (the floor), then the whole
validation (read into a store, shapes evaluated, lines formatted), wall clock and CPU::

    .venv/bin/python bench/validate.py                     # 100k and 1M triples
    .venv/bin/python bench/validate.py --triples 100000 --pyshacl

The graphs come from ``bench/query.py``'s generator, written as Turtle by pyoxigraph. They
leave PEEL areas and roles untyped, so validation reports thousands of lines (about 1.8% of
the triples): the timing includes finding and formatting them. ``--pyshacl`` also times the
way policekg validated before (rdflib's parser, then pySHACL with the ontology mixed into a
copy of the data); expect minutes at 100k and do not ask for it at 1M.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
from pyoxigraph import RdfFormat

from policekg.graph.rdf.validate import validate_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query import TRIPLES_PER_DOCUMENT, Generator  # noqa: E402

PREFIXES = {"pko": "https://w3id.org/policekg/ontology#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}


def timed(action: Callable[[], object]) -> tuple[float, float, object]:
    """Wall-clock seconds, CPU seconds of this process, and the action's value."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def write_graph(triples: int, folder: Path) -> Path:
    """A generated graph of about ``triples`` triples, as Turtle with the contract's prefixes."""
    lines = folder / f"graph-{triples}.nt"
    lines.write_text("".join(Generator(max(1, triples // TRIPLES_PER_DOCUMENT)).lines()), encoding="utf-8")
    turtle = folder / f"graph-{triples}.ttl"
    with turtle.open("wb") as out:
        pyoxigraph.serialize(pyoxigraph.parse(path=str(lines), format=RdfFormat.N_TRIPLES), out,
                             format=RdfFormat.TURTLE, prefixes=PREFIXES)
    lines.unlink()
    return turtle


def pyshacl_before(path: Path) -> int:
    """policekg's validation before the store: rdflib reads the file, pySHACL copies it with the ontology."""
    import pyshacl

    from policekg.graph.rdf.rdflib_reading import read_graph
    from policekg.ontology import load_ontology, load_shapes
    conforms, _, _ = pyshacl.validate(read_graph(path), shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                      inference="none")
    return int(conforms)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, action="append",
                        help="approximate size of a generated graph (repeat for several; default 100k and 1M)")
    parser.add_argument("--pyshacl", action="store_true", help="also time rdflib + pySHACL, the way it was done before")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for triples in args.triples or [100_000, 1_000_000]:
            path = write_graph(triples, Path(folder))
            wall, cpu, count = timed(lambda: sum(1 for _ in pyoxigraph.parse(path=str(path), format=RdfFormat.TURTLE)))
            print(f"{count:>9,} triples  pyoxigraph.parse {wall:6.1f} s wall {cpu:6.1f} s CPU")
            wall, cpu, result = timed(lambda: validate_file(path))
            print(f"{'':>18}validate         {wall:6.1f} s wall {cpu:6.1f} s CPU  "
                  f"({len(result.violations):,} violation lines)")
            if args.pyshacl:
                wall, cpu, _ = timed(lambda: pyshacl_before(path))
                print(f"{'':>18}rdflib + pySHACL {wall:6.1f} s wall {cpu:6.1f} s CPU")


if __name__ == "__main__":
    main()
