"""The RDF graph as a networkx graph of entities: the basis of analytics, export and the interactive view.

The contract's graph keeps links on ``rdf:Statement`` evidence nodes, posts on
``org:Membership`` nodes and money on ``pko:Fund`` nodes. :func:`to_networkx` projects that
onto a plain :class:`networkx.MultiGraph` whose nodes are the entities (keyed by IRI) and
whose edges are typed relations carrying their evidence, so graph algorithms and viewers
need no RDF. (rdflib's ``external_graph_libs`` bridge turns each triple into an edge, which
would leave statements, memberships and funds as nodes; hence the projection here.)

Edges are undirected with the edge type as key: at most one edge of a type joins two
entities. Directed relations (participation, post, funding) record where they start in the
``origin`` attribute. Two funds between the same funder and recipient share one funding
edge whose ``fund``, ``amount``, ``period`` and ``label`` list each fund, joined by "; ",
``funds`` holds each fund with its own evidence and ``total`` their sum. Funds are never nodes:
money is a funding edge, and a fund that lacks a funder or a recipient cannot be one, so the
views that show money list it in the graph attribute ``funds_without_parties`` instead.

Views (see :data:`VIEWS`) say which kinds and links are drawn. Entities left without a link
in the view are hidden unless asked for (``unconnected=True``), and the graph attribute
``hidden`` says how many were; the police forces of the corpus stay on the collaboration
view even without a link, since "no collaboration found" is itself an answer.
Nodes and edges are added in sorted order, so the same RDF gives the same networkx graph.
A graph file is read in one streaming pass that keeps only the predicates the view needs,
with no store (:mod:`policekg.graph.network.network_facts`), which keeps a million-triple
graph interactive.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import networkx as nx

from policekg.extract.errors import InvalidInput

from policekg.graph.rdf.search_names import search_name
from policekg.graph.collection import collection_paused
from policekg.graph.network.network_facts import Evidence, NetworkFacts, predicates_for
from policekg.graph.rdf.plain_terms import COLLABORATES_WITH, FUNDER, MEMBER_OF, PARTICIPATES_IN, RECIPIENT
from policekg.graph.network.views import ALWAYS_SHOWN, KINDS, VIEW_EDGE_TYPES, VIEW_KINDS, VIEWS
from policekg.graph.rdf.tables import GraphSource, read_tables

EDGE_LABELS = {"collaboration": "collaborates with", "participation": "takes part in", "post": "member of"}
JOIN = "; "


FundDetails = tuple[str, str, str]  # (fund label, amount in pounds, period)
# What an edge reader yields: (u, v, origin or None, evidence, hover label or None, fund details or None).
Reading = tuple[str, str, str | None, list[Evidence], str | None, FundDetails | None]


@dataclass(slots=True)
class _Edge:
    """One typed edge being assembled from the RDF readings behind it."""

    edge_type: str
    origin: str | None
    evidence: list[Evidence] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    funds: dict[FundDetails, list[Evidence]] = field(default_factory=dict)


@collection_paused()
def to_networkx(graph: GraphSource, view: str = "collaboration", *, focus: str | None = None, depth: int = 2,
                kinds: Iterable[str] | None = None, min_degree: int = 0, unconnected: bool = False) -> nx.MultiGraph:
    """The entities of ``graph`` and the relations between them, as a networkx MultiGraph.

    ``graph`` is a graph file (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``: read once, as a stream,
    keeping only what the view needs), a pyoxigraph store, an ``rdflib.Graph``, or the
    :class:`~policekg.graph.rdf.tables.Tables` of the view's predicates already read from one.
    ``view`` "collaboration" keeps police forces and partner organisations joined by
    collaboration edges, and every police force; "all" keeps every entity kind and edge
    type; "money" keeps the funders and recipients of funds, joined funder to recipient;
    "programme" keeps organisations and the programmes they take part in. Entities without
    a link in the view are hidden (their number is the graph attribute ``hidden``) unless
    ``unconnected``, or named by ``focus``. ``kinds`` keeps only those node kinds; ``focus`` (a label or alias, any
    case) keeps the entities within ``depth`` edges of it; ``min_degree`` then drops nodes
    with fewer edges. Raises ``ValueError`` for an unknown view or kind, a negative depth,
    or a focus that names no entity left by the other filters.
    """
    wanted = _check_arguments(view, kinds, depth)
    network = _project(graph, VIEW_KINDS[view], VIEW_EDGE_TYPES[view], parties_only=view == "money")
    extras = dict(network.graph)
    network = _restrict(network, [n for n, kind in network.nodes(data="kind") if kind in wanted])
    shown = ALWAYS_SHOWN.get(view, ())
    focused = set(_centres(network, focus)) if focus is not None else set()
    linked = [n for n, kind in network.nodes(data="kind")
              if unconnected or kind in shown or n in focused or network.degree(n) > 0]
    hidden = network.number_of_nodes() - len(linked)
    network = _restrict(network, linked)
    if focus is not None:
        network = _restrict(network, _neighbourhood(network, focus, depth))
    network = _restrict(network, [n for n in network if network.degree(n) >= min_degree])
    network.graph.update(extras, view=view, hidden=hidden)
    return network


def _check_arguments(view: str, kinds: Iterable[str] | None, depth: int) -> set[str]:
    """The node kinds to keep; ``ValueError`` for arguments no graph could satisfy."""
    if view not in VIEWS:
        raise InvalidInput(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    if depth < 0:
        raise InvalidInput(f"depth must be 0 or more, not {depth}")
    wanted = set(KINDS if kinds is None else kinds)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise InvalidInput(f"unknown kind(s) {', '.join(unknown)}; use any of {', '.join(KINDS)}")
    return wanted


def _restrict(network: nx.MultiGraph, keep: Iterable[str]) -> nx.MultiGraph:
    """``network`` on the nodes ``keep`` alone, changed in place (the projection owns it).

    The network is built in sorted order (nodes, and each node's neighbours and edge keys), and
    removing nodes keeps the order of the rest, so the result is what building the kept nodes
    and edges afresh gives, without copying a big network (a subgraph view would filter every
    edge lookup instead)."""
    kept = set(keep)
    network.remove_nodes_from([node for node in network if node not in kept])
    return network


def _names(network: nx.MultiGraph) -> dict[str, str]:
    """Every label and alias of the network's nodes (search form) and the node's label; labels win."""
    known: dict[str, str] = {}
    for _, data in sorted(network.nodes(data=True)):
        known.setdefault(search_name(data["label"]), data["label"])
    for _, data in sorted(network.nodes(data=True)):
        for alias in sorted(data.get("aliases", ())):
            known.setdefault(search_name(alias), data["label"])
    return known


def _centres(network: nx.MultiGraph, focus: str) -> list[str]:
    """The nodes named ``focus``: by label, else by alias, in any case."""
    name = focus.casefold()
    by_label = [n for n, label in network.nodes(data="label") if label.casefold() == name]
    return by_label or [n for n, aliases in network.nodes(data="aliases") if name in {a.casefold() for a in aliases}]


def _neighbourhood(network: nx.MultiGraph, focus: str, depth: int) -> set[str]:
    """The nodes within ``depth`` of the entities named ``focus`` (labels win over aliases)."""
    centres = _centres(network, focus)
    if not centres:
        from policekg.graph.query.known_names import UnknownName, closest  # the fuzzy matcher, for this error alone
        raise UnknownName(focus, closest(focus, _names(network)), "in this view of the graph")
    reached: set[str] = set()
    for centre in centres:
        reached.update(nx.single_source_shortest_path_length(network, centre, cutoff=depth))
    return reached


def _project(graph: GraphSource, kinds: tuple[str, ...], edge_types: tuple[str, ...], *,
             parties_only: bool = False) -> nx.MultiGraph:
    """Entities of ``kinds`` as nodes and the relations of ``edge_types`` between them as edges.

    With funding edges, the funds that lack a funder or a recipient are the graph attribute
    ``funds_without_parties``; ``parties_only`` keeps only the entities funds name.
    """
    facts = NetworkFacts(read_tables(graph, predicates_for(edge_types)))
    entities = facts.entities(kinds)
    if parties_only:
        parties = {party for _, _, funders, recipients in facts.funds.values() for party in (*funders, *recipients)}
        entities = {node: kind for node, kind in entities.items() if node in parties}
    network = nx.MultiGraph()
    for node in sorted(entities):
        network.add_node(node, **_node_attributes(facts, node, entities[node]))
    readers = {"collaboration": _collaborations, "participation": _participations, "post": _posts,
               "funding": _fundings}
    edges: dict[tuple[str, str, str], _Edge] = {}
    for edge_type in edge_types:
        for u, v, origin, readings, label, fund in readers[edge_type](facts):
            if u in entities and v in entities and u != v:
                pair = tuple(sorted((u, v)))
                edge = edges.setdefault((*pair, edge_type), _Edge(edge_type, origin))
                _extend(edge, readings, label, fund)
    for (u, v, edge_type), edge in sorted(edges.items()):
        network.add_edge(u, v, key=edge_type, **_edge_attributes(edge))
    if "funding" in edge_types:
        network.graph["funds_without_parties"] = _funds_without_parties(facts)
    return network


def _node_attributes(facts: NetworkFacts, node: str, kind: str) -> dict[str, object]:
    return {
        "kind": kind,
        "label": facts.label(node),
        "aliases": sorted(facts.aliases.get(node, ())),
        "documents": facts.documents(node),
    }


def _collaborations(facts: NetworkFacts) -> Iterator[Reading]:
    """pko:collaboratesWith in either direction; both directions' evidence joins one edge."""
    evidence = facts.evidence(COLLABORATES_WITH)
    for a, b in facts.pairs(COLLABORATES_WITH):
        yield a, b, None, evidence.get((a, b), []), None, None


def _participations(facts: NetworkFacts) -> Iterator[Reading]:
    evidence = facts.evidence(PARTICIPATES_IN)
    for org, programme in facts.pairs(PARTICIPATES_IN):
        yield org, programme, org, evidence.get((org, programme), []), None, None


def _posts(facts: NetworkFacts) -> Iterator[Reading]:
    """org:memberOf, labelled with the role of each org:Membership of the same person and organisation."""
    roles, evidence = facts.roles(), facts.evidence(MEMBER_OF)
    for person, organisation in facts.pairs(MEMBER_OF):
        readings = evidence.get((person, organisation), [])
        for role in sorted(roles.get((person, organisation), ())) or [None]:
            yield person, organisation, person, readings, role, None


def _fund_details(facts: NetworkFacts, fund: str, amount: str | None, period: str | None) -> FundDetails:
    return facts.label(fund), "" if amount is None else _pounds(Decimal(amount)), period or ""


def _fundings(facts: NetworkFacts) -> Iterator[Reading]:
    """Funder to recipient through each pko:Fund that names both (funds in IRI order)."""
    by_funder, by_recipient = facts.evidence(FUNDER), facts.evidence(RECIPIENT)
    for fund, (amount, period, funders, recipients) in facts.funds.items():
        details = _fund_details(facts, fund, amount, period)
        for funder in funders:
            for recipient in recipients:
                readings = by_funder.get((fund, funder), []) + by_recipient.get((fund, recipient), [])
                yield funder, recipient, funder, readings, None, details


def _funds_without_parties(facts: NetworkFacts) -> list[dict[str, object]]:
    """Each fund that lacks a funder or a recipient: what is known of it, sorted by label and amount."""
    rows = []
    for fund, (amount, period, funders, recipients) in facts.funds.items():
        if funders and recipients:
            continue
        name, pounds, when = _fund_details(facts, fund, amount, period)
        readings = [record for predicate, parties in ((FUNDER, funders), (RECIPIENT, recipients))
                    for party in parties for record in facts.evidence(predicate).get((fund, party), [])]
        rows.append({"fund": name, "amount": pounds, "period": when, "label": _money_label(pounds, when),
                     "funder": JOIN.join(facts.label(party) for party in funders),
                     "recipient": JOIN.join(facts.label(party) for party in recipients),
                     "documents": facts.documents(fund),
                     "evidence": _unique_evidence(readings)})
    return sorted(rows, key=lambda row: (row["fund"], row["amount"], row["period"], row["funder"], row["recipient"]))


def _pounds(amount: Decimal) -> str:
    """An amount in pounds without a needless fraction: ``Decimal("96782.0")`` is "96782"."""
    value = Decimal(amount)
    return str(value.quantize(Decimal(1))) if value == value.to_integral_value() else str(value.normalize())


def _money_label(amount: str, period: str) -> str:
    """Hover text for a fund: "£96,782 (2015/16)"."""
    text = f"£{Decimal(amount):,}" if amount else "an unknown amount"
    return f"{text} ({period})" if period else text


def _extend(edge: _Edge, readings: list[Evidence], label: str | None, fund: FundDetails | None) -> None:
    edge.evidence.extend(readings)
    if label is not None:
        edge.labels.append(label)
    if fund is not None:
        edge.funds.setdefault(fund, []).extend(readings)


def _evidence_key(record: Evidence) -> tuple:
    return (record["document"], record.get("page") or 0, record["quote"], record["status"] or "",
            record["confidence"] or 0.0, record.get("start") or 0)


def _unique_evidence(records: Iterable[Evidence]) -> list[Evidence]:
    """Evidence records sorted, each once (records are made with their keys in one order)."""
    unique = {tuple(record.items()): record for record in records}
    return sorted(unique.values(), key=_evidence_key)


def _edge_attributes(edge: _Edge) -> dict[str, object]:
    """The attributes of an assembled edge: evidence (sorted, without repeats), label, and type details."""
    attributes: dict[str, object] = {"evidence": _unique_evidence(edge.evidence)}
    if edge.origin is not None:
        attributes["origin"] = edge.origin
    if edge.funds:
        funds = sorted(edge.funds)
        attributes["fund"] = JOIN.join(name for name, _, _ in funds)
        attributes["amount"] = JOIN.join(amount for _, amount, _ in funds)
        attributes["period"] = JOIN.join(period for _, _, period in funds if period)
        attributes["label"] = JOIN.join(_money_label(amount, period) for _, amount, period in funds)
        attributes["total"] = _pounds(sum((Decimal(amount) for _, amount, _ in funds if amount), Decimal(0)))
        attributes["funds"] = [{"fund": name, "amount": amount, "period": period,
                                "label": _money_label(amount, period),
                                "evidence": _unique_evidence(edge.funds[(name, amount, period)])}
                               for name, amount, period in funds]
    elif edge.labels:
        attributes["role"] = attributes["label"] = JOIN.join(sorted(set(edge.labels)))
    else:
        attributes["label"] = EDGE_LABELS[edge.edge_type]
    return attributes
