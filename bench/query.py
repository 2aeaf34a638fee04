"""Benchmark the saved questions on rdflib and pyoxigraph over a generated contract-shaped graph.

Run by hand; prints load times and per-question p50/p95 (ms) for both engines::

    .venv/bin/python bench/query.py --triples 1000000 --runs 5

The graph is written as N-Triples directly (building a million triples through rdflib
would dominate the run): forces, partners, programmes, people with memberships, funds,
documents, PEEL judgements and an evidence node for every link, as the contract shapes
them. Both engines run the very same query text (the saved question, with the contract's
prefixes predeclared) with the same parameter values bound.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyoxigraph import Literal, Store

from policekg.graph.rdf.search_names import search_name
from policekg.graph.rdf.namespaces import DCTERMS, DEFAULT_BASE, ORG, PKO, PROV, RDF, RDFS, SKOS, XSD
from policekg.graph.query.sparql import QUERY_PREFIXES, load_store, open_store, question_bindings, run_query, saved_questions

TRIPLES_PER_DOCUMENT = 385  # what one generated document adds, all its records included
FORCES = 45
GRADES = ("Outstanding", "Good", "RequiresImprovement", "Inadequate")
AREAS = ("Efficiency", "Effectiveness", "Legitimacy", "Leadership")


def iri(text: str) -> str:
    return f"<{text}>"


def document_date(document: str) -> str:
    """The date of generated document number N (its IRI ends in N): ten years, round and round."""
    return f"20{10 + int(document.rsplit('/', 1)[1]) % 10}-01-01"


def literal(text: str, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"^^<{datatype}>' if datatype else f'"{escaped}"'


@dataclass
class Generator:
    """Writes a contract-shaped graph of about ``documents`` x 385 triples as N-Triples lines."""

    documents: int
    seed: int = 7

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)
        self.statements = 0
        self.partners = [f"{DEFAULT_BASE}org/partner-{i}" for i in range(5 * self.documents)]
        self.forces = [f"{DEFAULT_BASE}force/force-{i}" for i in range(FORCES)]
        self.collaborator: dict[str, str] = {}  # each force's first partner: a pair with evidence to ask about

    def triple(self, s: str, p: str, o: str) -> str:
        return f"{s} {p} {o} .\n"

    def entity(self, node: str, kind: str, label: str, document: str) -> Iterator[str]:
        yield self.triple(iri(node), iri(RDF.type), iri(PKO[kind]))
        yield self.triple(iri(node), iri(RDFS.label), literal(label))
        alias = label.upper().replace(" ", "")
        yield self.triple(iri(node), iri(SKOS.altLabel), literal(alias))
        for name in sorted({search_name(label), search_name(alias)}):
            yield self.triple(iri(node), iri(PKO.searchName), literal(name))
        yield self.triple(iri(node), iri(PKO.mentionedIn), iri(document))

    def evidence(self, s: str, p: str, o: str, document: str, symmetric: bool = False) -> Iterator[str]:
        """One reading of the link; a collaboration's reverse triple gets its own node with the same details."""
        self.statements += 1
        quote = f"Sentence {self.statements} linking the two."
        start = self.random.randrange(100_000)
        confidence = f"0.{self.random.randrange(5, 10)}"
        for direction, (subject, obj) in enumerate([(s, o), (o, s)] if symmetric else [(s, o)]):
            node = iri(f"{DEFAULT_BASE}evidence/{self.statements}-{direction}")
            yield self.triple(node, iri(RDF.type), iri(RDF.Statement))
            yield self.triple(node, iri(RDF.subject), iri(subject))
            yield self.triple(node, iri(RDF.predicate), iri(p))
            yield self.triple(node, iri(RDF.object), iri(obj))
            yield self.triple(node, iri(PROV.wasDerivedFrom), iri(document))
            yield self.triple(node, iri(DCTERMS.date), literal(document_date(document), XSD.date))
            yield self.triple(node, iri(PKO.quote), literal(quote))
            yield self.triple(node, iri(PKO.charStart), literal(str(start), XSD.integer))
            yield self.triple(node, iri(PKO.charEnd), literal(str(start + 80), XSD.integer))
            yield self.triple(node, iri(PKO.confidence), literal(confidence, XSD.decimal))
            yield self.triple(node, iri(PKO.status), literal("in place"))

    def link(self, s: str, p: str, o: str, document: str, symmetric: bool = False) -> Iterator[str]:
        yield self.triple(iri(s), iri(p), iri(o))
        if symmetric:
            yield self.triple(iri(o), iri(p), iri(s))
        yield from self.evidence(s, p, o, document, symmetric)

    def lines(self) -> Iterator[str]:
        for number, force in enumerate(self.forces):
            yield from self.entity(force, "PoliceForce", f"Force {number} Police", f"{DEFAULT_BASE}document/0")
        for number in range(self.documents):
            yield from self.document(number)

    def document(self, number: int) -> Iterator[str]:
        """One document and what was read from it: partners, a programme, people, links, funds, judgements."""
        doc = f"{DEFAULT_BASE}document/{number}"
        force = self.random.choice(self.forces)
        yield self.triple(iri(doc), iri(RDF.type), iri(PKO.Document))
        yield self.triple(iri(doc), iri(DCTERMS.title), literal(f"Report {number}"))
        yield self.triple(iri(doc), iri(DCTERMS.source), literal(f"reports/{number}.txt"))
        yield self.triple(iri(doc), iri(PKO.sha256), literal(f"{number:064x}"))
        yield self.triple(iri(doc), iri(DCTERMS.date), literal(document_date(doc), XSD.date))
        yield self.triple(iri(doc), iri(PKO.aboutForce), iri(force))
        for partner in self.partners[5 * number:5 * number + 5]:
            yield from self.entity(partner, "PartnerOrganisation", f"Partner {partner.rsplit('-', 1)[1]}", doc)
        programme = f"{DEFAULT_BASE}programme/programme-{number}"
        yield from self.entity(programme, "Programme", f"Programme {number}", doc)
        known = self.partners[:5 * number + 5]
        for _ in range(6):
            partner = self.random.choice(known)
            self.collaborator.setdefault(force, partner)
            yield from self.link(force, PKO.collaboratesWith, partner, doc, symmetric=True)
        for member in (force, *self.random.sample(known, 2)):
            yield from self.link(member, PKO.participatesIn, programme, doc)
        for person in range(4):
            yield from self.membership(f"{DEFAULT_BASE}person/p-{number}-{person}", force, doc, number, person)
        for fund in range(3):
            yield from self.fund(f"{DEFAULT_BASE}fund/f-{number}-{fund}", force, self.random.choice(known), doc)
        for area in self.random.sample(AREAS, 3):
            yield from self.judgement(force, area, str(2014 + number % 6), doc)

    def membership(self, person: str, organisation: str, doc: str, number: int, index: int) -> Iterator[str]:
        yield self.triple(iri(person), iri(RDF.type), iri(PKO.Person))
        yield self.triple(iri(person), iri(RDFS.label), literal(f"Person {number}-{index}"))
        yield self.triple(iri(person), iri(PKO.mentionedIn), iri(doc))
        yield from self.link(person, ORG.memberOf, organisation, doc)
        node, role = iri(f"{person}/membership"), iri(f"{DEFAULT_BASE}role/role-{index}")
        yield self.triple(node, iri(RDF.type), iri(ORG.Membership))
        yield self.triple(node, iri(ORG.member), iri(person))
        yield self.triple(node, iri(ORG.organization), iri(organisation))
        yield self.triple(node, iri(ORG.role), role)
        yield self.triple(role, iri(RDFS.label), literal(f"Role {index}"))

    def fund(self, fund: str, funder: str, recipient: str, doc: str) -> Iterator[str]:
        yield self.triple(iri(fund), iri(RDF.type), iri(PKO.Fund))
        yield self.triple(iri(fund), iri(RDFS.label), literal(f"Grant {fund.rsplit('/', 1)[1]}"))
        yield self.triple(iri(fund), iri(PKO.amount), literal(str(self.random.randrange(1000, 10**6)), XSD.decimal))
        yield self.triple(iri(fund), iri(PKO.period), literal(f"20{self.random.randrange(10, 20)}/21"))
        yield self.triple(iri(fund), iri(PKO.purpose), literal("to support partnership work"))
        yield self.triple(iri(fund), iri(PKO.mentionedIn), iri(doc))
        yield from self.link(fund, PKO.funder, funder, doc)
        yield from self.link(fund, PKO.recipient, recipient, doc)

    def judgement(self, force: str, area: str, year: str, doc: str) -> Iterator[str]:
        node = iri(f"{force}/judgement/{area}-{year}-{self.random.randrange(10**9)}")
        yield self.triple(node, iri(RDF.type), iri(PKO.Judgement))
        yield self.triple(node, iri(PKO.aboutForce), iri(force))
        yield self.triple(node, iri(PKO.area), literal(area))
        yield self.triple(node, iri(PKO.grade), iri(PKO[self.random.choice(GRADES)]))
        yield self.triple(node, iri(PKO.year), literal(year))
        yield self.triple(node, iri(PKO.carriedOver), literal("false", XSD.boolean))
        concept = iri(f"{DEFAULT_BASE}area/{area.lower().replace(' ', '-')}")
        yield self.triple(node, iri(PKO.canonicalArea), concept)
        yield self.triple(concept, iri(SKOS.prefLabel), literal(area))
        yield self.triple(node, iri(PKO.pillar), iri(PKO.Effectiveness))
        yield self.triple(node, iri(PROV.wasDerivedFrom), iri(doc))


def parameters(generator: Generator) -> dict[str, dict[str, str | list[str]]]:
    """Realistic values for every saved question: a busy force, a partner with links, and so on.

    Call after the generator's lines are written: the evidence question asks about a pair it linked.
    """
    partner = f"Partner {min(3, 5 * generator.documents - 1)}"  # an early partner: chosen often as collaborator
    linked = generator.collaborator.get(generator.forces[1], "")
    colleague = f"Partner {linked.rsplit('-', 1)[1]}" if linked else partner
    return {
        "collaborators": {"org": "force 1 police"},
        "programmes": {"org": "Force 1 Police"},
        "people": {"org": "Force 1 Police"},
        "funds": {"recipient": partner},
        "evidence": {"a": "Force 1 Police", "b": colleague},
        "judgements": {"force": "FORCE1POLICE"},
        "grades": {"force": "Force 1 Police"},
        "shared-partners": {"org": ["Force 1 Police", "Force 2 Police"]},
        "link-dates": {"a": "Force 1 Police"},
        "timeline": {"a": "Force 1 Police", "b": colleague},
        "changes": {"force": "Force 1 Police", "from": "2015", "to": "2017"},
    }


def rdflib_literal(value: Literal) -> rdflib.Literal:
    """The same literal for rdflib: a plain string stays plain, a date (a year's bounds) keeps its type."""
    typed = value.datatype.value != str(XSD.string)
    return rdflib.Literal(value.value, datatype=value.datatype.value if typed else None)


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds (p95 by nearest rank)."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size of the generated graph")
    parser.add_argument("--runs", type=int, default=5, help="times each question is run on each engine")
    parser.add_argument("--no-rdflib", action="store_true",
                        help="time pyoxigraph only (skips rdflib's slow load of the graph)")
    options = parser.parse_args()
    documents = max(1, options.triples // TRIPLES_PER_DOCUMENT)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.nt"
        generator = Generator(documents)
        seconds, _ = timed(lambda: path.write_text("".join(generator.lines()), encoding="utf-8"))
        print(f"generated {documents} documents in {seconds:.1f} s")
        oxigraph_load, store = timed(lambda: open_store(path))
        disk_load, disk_count = timed(lambda: load_store(path, Path(folder) / "store"))
        disk = open_store(store_dir=Path(folder) / "store")
        print(f"triples: {len(store)} (on disk {disk_count})")
        print(f"load s: pyoxigraph in memory {oxigraph_load:.1f}, pyoxigraph on disk (bulk) {disk_load:.1f}")
        graph = None
        if not options.no_rdflib:
            rdflib_load, graph = timed(lambda: rdflib.Graph().parse(path, format="nt"))
            print(f"load s: rdflib {rdflib_load:.1f} ({len(graph)} triples)")
        report(store, disk, graph, parameters(generator), options.runs)


def report(store: Store, disk: Store, graph: rdflib.Graph | None,
           values: dict[str, dict[str, str | list[str]]], runs: int) -> None:
    """Run every saved question ``runs`` times on each engine and print a table of p50/p95 (ms) and row counts.

    pyoxigraph is timed on the in-memory store and on the on-disk one ``policekg load`` makes;
    without ``graph`` rdflib is not timed. Row counts differing between engines print as ``ox/rdflib``.
    """
    print(f"\n{'question':<16} {'rows':>5} {'oxigraph p50':>13} {'p95':>7} {'on disk p50':>12} {'p95':>7}"
          f" {'rdflib p50':>11} {'p95':>8} {'ratio':>6}")
    for question in saved_questions():
        bindings = question_bindings(question, values[question.name])
        oxigraph = [timed(lambda: run_query(store, question.text, bindings)) for _ in range(runs)]
        ox50, ox95 = percentiles([seconds for seconds, _ in oxigraph])
        disk50, disk95 = percentiles([timed(lambda: run_query(disk, question.text, bindings))[0] for _ in range(runs)])
        rows = len(oxigraph[0][1].rows)
        line = f"{question.name:<16} {{count:>5}} {ox50:>13.1f} {ox95:>7.1f} {disk50:>12.1f} {disk95:>7.1f}"
        if graph is None:
            print(line.format(count=rows) + f" {'-':>11} {'-':>8} {'-':>6}")
            continue
        init = {name: rdflib_literal(value) for name, value in bindings.items()}
        python = [timed(lambda: list(graph.query(question.text, initNs=QUERY_PREFIXES, initBindings=init)))
                  for _ in range(runs)]
        rd50, rd95 = percentiles([seconds for seconds, _ in python])
        count = str(rows) if rows == len(python[0][1]) else f"{rows}/{len(python[0][1])}"
        print(line.format(count=count) + f" {rd50:>11.1f} {rd95:>8.1f} {rd50 / ox50:>5.0f}x")

if __name__ == "__main__":
    main()
