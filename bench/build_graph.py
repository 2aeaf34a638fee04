"""Benchmark building and writing a million-triple graph from a synthetic extraction, with peak memory.

Run by hand; prints seconds, triples and memory::

    .venv/bin/python bench/build_graph.py --triples 1000000

The extraction is invented (no spaCy runs): documents, forces, partners, programmes,
people, links of the three kinds with evidence (several links share a sentence, as they
do in real reports), memberships with posts, funds and PEEL judgements, in the proportions
of a real corpus. Timed: :func:`policekg.graph.rdf.build.build_triples` (what ``policekg build``
does after extraction) and :func:`policekg.graph.rdf.write.write_graph` to a Turtle file.
"peak" is the process's high-water resident size after writing: the extraction, the
graph and the written bytes together, which the issue wants under 0.6 GB at 1M triples.

Then, for the same triples and like with like, ``pyoxigraph.serialize`` of the very
``pyoxigraph.Triple`` objects the build holds (as a list, in the same order; the floor)
against policekg's serializer, which also puts them in canonical order and sorts the
prefix lines. Best of ``--runs`` for both.
"""
from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import pyoxigraph

from policekg.extract.model import DocumentInfo, Entity, Evidence, Extraction, Fund, Judgement, Kind, Link, Predicate
from policekg.graph.rdf.build import build_triples
from policekg.graph.rdf.write import declarable_prefixes, serialize, write_graph

TRIPLES_PER_DOCUMENT = 463  # what one synthetic document gives, measured
FORCES = 45
POSTS = ("Chief Executive", "Chair", "Director of Operations", "Head of Partnerships", "Chief Constable")
AREAS = ("Efficiency", "Effectiveness", "Legitimacy", "Leadership")
GRADES = ("Outstanding", "Good", "RequiresImprovement", "Inadequate")
WORDS = ("the force works with partners on a scheme to reduce harm and support victims across the county "
         "through shared funding joint teams early help and a new approach to prevention").split()


def memory() -> str:
    """Current and peak resident set size in MB (Linux: /proc and ru_maxrss in KB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/status", encoding="ascii") as status:
        current = next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))
    return f"RSS {current:.0f} MB, peak {peak:.0f} MB"


class Synthetic:
    """A seeded invented corpus: every document adds new partners, programmes and people and links them."""

    def __init__(self, documents: int, seed: int = 7) -> None:
        self.random = random.Random(seed)
        self.extraction = Extraction()
        self.forces = [self.entity(Kind.FORCE, f"Force {i} Police") for i in range(FORCES)]
        for number in range(documents):
            self.document(number)

    def entity(self, kind: Kind, label: str) -> str:
        key = f"{kind.value}/{label.lower().replace(' ', '-')}"
        self.extraction.entities[key] = Entity(key, kind, label, {label, label.upper()})
        return key

    def sentence(self) -> str:
        return " ".join(self.random.choices(WORDS, k=24)).capitalize() + "."

    def evidence(self, document: str, quote: str, start: int) -> Evidence:
        return Evidence(document, quote, start, start + len(quote), self.random.choice((0.6, 0.75, 0.9, 0.95)),
                        self.random.choice((None, "in place", "planned")), self.random.randint(1, 40))

    def document(self, number: int) -> None:
        extraction, pick = self.extraction, self.random.choice
        document, force = f"doc-{number:06d}", pick(self.forces)
        extraction.documents.append(DocumentInfo(document, f"corpus/{document}.html", f"Report {number}",
                                                 f"{number:064x}", "2019-05-01", force, force))
        partners = [self.entity(Kind.PARTNER, f"Partner {number} {i}") for i in range(6)]
        programmes = [self.entity(Kind.PROGRAMME, f"Programme {number} {i}") for i in range(2)]
        people = [self.entity(Kind.PERSON, f"Person {number} {i}") for i in range(3)]
        for key in (force, *partners, *programmes, *people):
            extraction.entities[key].documents.add(document)
        start = 0
        for _ in range(8):  # each sentence backs two or three links
            quote = self.sentence()
            links = [Link(force, Predicate.COLLABORATES_WITH, pick(partners), self.evidence(document, quote, start)),
                     Link(pick(partners), Predicate.PARTICIPATES_IN, pick(programmes),
                          self.evidence(document, quote, start)),
                     Link(pick(people), Predicate.MEMBER_OF, pick(partners), self.evidence(document, quote, start),
                          pick(POSTS))]
            extraction.links.extend(links[:self.random.randint(2, 3)])
            start += len(quote) + 1
        quote = self.sentence()
        extraction.funds.append(Fund(f"Fund/fund-{number}", f"£{number * 1000} for Programme {number}",
                                     Decimal(number * 1000 + 500), [self.evidence(document, quote, start)],
                                     "2019/20", force, partners[0], "victim support", {document}))
        for area in self.random.sample(AREAS, 2):
            extraction.judgements.append(Judgement(force, area, pick(GRADES), str(2014 + number % 8), document,
                                                   self.evidence(document, self.sentence(), start)))


def best(action, runs: int) -> tuple[float, object]:
    """The fastest of ``runs`` timings of ``action``, each after a full collection, and its last value."""
    fastest, value = float("inf"), None
    for _ in range(runs):
        value = None
        gc.collect()
        started = time.perf_counter()
        value = action()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the graph to build")
    parser.add_argument("--runs", type=int, default=3, help="times the two serializers are timed (best printed)")
    options = parser.parse_args()

    print(f"before: {memory()}")
    started = time.perf_counter()
    extraction = Synthetic(max(1, options.triples // TRIPLES_PER_DOCUMENT)).extraction
    print(f"synthetic extraction: {len(extraction.documents)} documents, {len(extraction.entities)} entities, "
          f"{len(extraction.links)} links in {time.perf_counter() - started:.1f} s; {memory()}")
    started = time.perf_counter()
    triples = build_triples(extraction)
    built = time.perf_counter() - started
    print(f"build_triples: {len(triples)} triples in {built:.1f} s; {memory()}")
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = write_graph(triples, Path(folder) / "graph.ttl")
        wrote = time.perf_counter() - started
        size = path.stat().st_size
    print(f"write_graph (Turtle file): {wrote:.1f} s, {size / 1e6:.1f} MB; {memory()}")
    print(f"build + write: {built + wrote:.1f} s; peak memory of the whole build {memory().split(', ')[1]}\n")

    held = list(triples.ordered())
    prefixes = declarable_prefixes(triples.prefixes.items())
    turtle = pyoxigraph.RdfFormat.TURTLE
    floor, direct = best(lambda: pyoxigraph.serialize(held, format=turtle, prefixes=prefixes), options.runs)
    seconds, data = best(lambda: serialize(triples, "turtle"), options.runs)
    print(f"pyoxigraph.serialize of the build's Triple objects (floor): {floor:.2f} s")
    print(f"policekg serialize (ordering, prefixes):                   {seconds:.2f} s = {seconds / floor:.2f}x floor")
    print(f"same triples written: {sum(1 for _ in pyoxigraph.parse(data, format=turtle)) == len(held)}")


if __name__ == "__main__":
    sys.exit(main())
