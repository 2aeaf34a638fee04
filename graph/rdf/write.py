"""Writing a graph to a file: deterministic bytes, written atomically.

Every format (Turtle, TriG, N-Triples, JSON-LD) is written by pyoxigraph's serializer, which is
far faster than rdflib's; JSON-LD comes out expanded (full IRIs, no ``@context``), one node
object per subject in the canonical order below, so it is byte-stable too (rdflib's was not).

Determinism: pyoxigraph writes triples in the order it is given them, so :func:`serialize`
gives them in a canonical order: subjects by IRI (code-point order; any blank nodes,
which the contract forbids, after the IRIs, by label), each subject's predicates by IRI
with ``rdf:type`` first, and the objects of one subject and predicate by their N-Triples
form. Equal graphs therefore give byte-identical files whatever order their triples and
prefixes were added in (graphs with blank nodes only if the labels agree too). The
prefixes written are the graph's bound ones that Turtle can declare and that some IRI of
the graph falls under, sorted by name.

Two kinds of graph are written the same way, to the same bytes: the
:class:`~policekg.graph.rdf.triples.Triples` a build makes (``policekg build``), which are
pyoxigraph triples already grouped and ordered per subject, so writing them costs little
more than pyoxigraph's own serializing (``bench/write.py``, ``bench/build_graph.py``) and
they stream into the file; and an ``rdflib.Graph`` (the API's, or a graph read back).

Speed of an rdflib graph: converting a million rdflib terms and ordering a million triples
in Python costs far more than pyoxigraph's serializing them, so the work is kept to one pass: each
distinct IRI is converted once (a cache keyed by its text), the order comes from sorting
subjects and, per subject, predicates (rather than every triple), and the triples stream
into pyoxigraph as they are made instead of being collected first. For rdflib's default
in-memory store holding just this graph, the store's own subject index is walked, as
iterating the graph costs more than all the rest. ``bench/write.py`` has the figures.

Atomicity: the file is written to a temporary file beside the target (a build's triples
stream into it; anything else is serialized in memory first), flushed to disk and moved
over the target with :func:`os.replace`.
On any failure the temporary file is removed and an existing target is left as it was.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import repeat
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
from pyoxigraph import RdfFormat
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

from policekg.extract.errors import InvalidInput, PoliceKGError

from policekg.graph.rdf.prefixes import SortedPrefixes, declarable_prefixes, declared_prefixes, namespaces_of, prefix_lines
from policekg.graph.rdf.triples import Triples

FORMATS: dict[str, str] = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}
OXIGRAPH_FORMATS: dict[str, RdfFormat] = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "trig": RdfFormat.TRIG,
                                           "json-ld": RdfFormat.JSON_LD}
"""pyoxigraph's format for each of :data:`FORMATS`' names."""
UNPREFIXED = (RdfFormat.N_TRIPLES, RdfFormat.JSON_LD)  # formats written with full IRIs (JSON-LD expanded)

SubjectIndex = Mapping[Node, Mapping[Node, Iterable[Node]]]
"""Triples grouped by subject, then predicate: the shape of rdflib's in-memory ``spo`` index."""

_RDF_TYPE = str(RDF.type)


def format_for(path: str | os.PathLike[str]) -> str:
    """The rdflib format name for a file, from its suffix (``ValueError`` if unsupported)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        supported = ", ".join(sorted(FORMATS))
        raise InvalidInput(f"cannot tell the RDF format of {os.fspath(path)!r}; use a file ending in one of {supported}")
    return FORMATS[suffix]


def oxigraph_format(fmt: str) -> RdfFormat:
    """pyoxigraph's format for the rdflib format name ``fmt``; ``InvalidInput`` for any other name."""
    if fmt not in OXIGRAPH_FORMATS:
        raise InvalidInput(f"unsupported RDF format {fmt!r}; use one of {', '.join(sorted(FORMATS.values()))}")
    return OXIGRAPH_FORMATS[fmt]


def serialize(graph: Graph | Triples, fmt: str) -> bytes:
    """The UTF-8 bytes of ``graph`` in rdflib format ``fmt`` (one of :data:`FORMATS`' values).

    A build's :class:`~policekg.graph.rdf.triples.Triples` are written as they are; an
    ``rdflib.Graph`` gives the same bytes for the same triples and prefixes. Writes one graph:
    a dataset (``context_aware``) raises ``TypeError`` rather than silently losing its graph names. A term that cannot be written (an IRI that is not a
    valid absolute IRI, a malformed language tag, text that is not valid Unicode) raises
    ``ValueError`` naming the subject; a predicate that is not an IRI raises ``TypeError``.
    """
    target = oxigraph_format(fmt)
    if isinstance(graph, Triples):
        return serialize_triples(graph, target)
    if graph.context_aware:
        raise TypeError("serialize writes a single rdflib Graph, not a dataset of named graphs")
    index = subject_index(graph)
    prefixes = {} if target in UNPREFIXED else turtle_prefixes(graph)
    if prefixes:  # IRIs that would need escapes as prefixed names are written in full instead
        escaped = escaped_namespaces(index, prefixes.values())
        prefixes = {prefix: namespace for prefix, namespace in prefixes.items() if namespace not in escaped}
    terms = TermConverter(prefixes.values())
    data = pyoxigraph.serialize(ordered_triples(index, terms), format=target, prefixes=prefixes)
    return _sorted_prefixes(data, prefixes, terms.namespaces_used) if prefixes else data


def serialize_triples(triples: Triples, fmt: RdfFormat) -> bytes:
    """A build's triples in pyoxigraph format ``fmt``: the bytes :func:`write_triples` writes."""
    prefixes = {} if fmt in UNPREFIXED else declared_prefixes(triples.prefixes.items(), triples.iris)
    data = pyoxigraph.serialize(triples.ordered(), format=fmt, prefixes=prefixes)
    return _sorted_prefixes(data, prefixes, set(prefixes.values())) if prefixes else data


def write_triples(triples: Triples, fmt: RdfFormat, stream: BinaryIO) -> None:
    """Write a build's triples to ``stream`` in pyoxigraph format ``fmt``, in canonical order, declaring the
    prefixes an rdflib graph of the same triples and bindings would; the output never sits whole in memory."""
    prefixes = {} if fmt in UNPREFIXED else declared_prefixes(triples.prefixes.items(), triples.iris)
    output = SortedPrefixes(stream, prefixes)
    pyoxigraph.serialize(triples.ordered(), output, fmt, prefixes=prefixes)
    output.flush()


def escaped_namespaces(index: SubjectIndex, namespaces: Iterable[str]) -> set[str]:
    """The ``namespaces`` under which some IRI of ``index`` needs escapes (see :func:`namespaces_of`).

    One walk over the index, each distinct IRI looked at once, decides before anything is converted.
    """
    iris: dict[str, None] = {}
    for subject, predicates in index.items():
        if type(subject) is URIRef:
            iris[str(subject)] = None
        for predicate, objects in predicates.items():
            iris[str(predicate)] = None
            iris.update((str(obj), None) for obj in objects if type(obj) is URIRef)
    return namespaces_of(iris, namespaces)[0]


def turtle_prefixes(graph: Graph) -> dict[str, str]:
    """The graph's bound prefixes that Turtle can declare, by name (a namespace bound twice keeps the first)."""
    return declarable_prefixes(graph.namespaces())


def _sorted_prefixes(data: bytes, prefixes: Mapping[str, str], used: set[str]) -> bytes:
    """``data`` with its prefix lines sorted by name, and only those for namespaces in ``used``.

    pyoxigraph declares every prefix it is given, longest namespace first, before the first
    triple (and nothing for no triples). Should its output start any other way, ``data``
    is returned unchanged: still deterministic, only not in this order.
    """
    lines = prefix_lines(prefixes)
    size = sum(map(len, lines.values()))
    if not data or sorted(data[:size].splitlines(keepends=True)) != sorted(lines.values()):
        return data
    header = b"".join(lines[prefix] for prefix in sorted(lines) if prefixes[prefix] in used)
    return b"".join((header, b"\n" if header else b"", memoryview(data)[size:]))


def subject_index(graph: Graph) -> SubjectIndex:
    """The graph's triples grouped by subject, then predicate.

    rdflib's default in-memory store keeps exactly this index. When the store holds just
    this graph (its triples are all in the default context and in this graph's, and in no
    other) the index is used as it is: iterating the graph costs more than writing it.
    Any other graph is grouped here.
    """
    store = graph.store
    if type(store) is Memory:
        index = getattr(store, "_Memory__spo", None)
        contexts = getattr(store, "_Memory__contextTriples", None)
        if (isinstance(index, dict) and isinstance(contexts, dict) and len(contexts) <= 2
                and 0 < len(graph) == len(contexts.get(None, ()))):
            return index
    grouped: dict[Node, dict[Node, list[Node]]] = {}
    for subject, predicate, obj in graph:
        grouped.setdefault(subject, {}).setdefault(predicate, []).append(obj)
    return grouped


class TermConverter:
    """rdflib terms to pyoxigraph ones, each distinct IRI converted once.

    It also notes, of the prefix ``namespaces``, which some converted IRI falls under, so
    that prefixes nothing could be written with are not declared.
    """

    def __init__(self, namespaces: Iterable[str] = ()) -> None:
        self.iris: dict[str, pyoxigraph.NamedNode] = {}
        self.namespaces_used: set[str] = set()
        self._unused = tuple(namespaces)

    def iri(self, text: str) -> pyoxigraph.NamedNode:
        """A new IRI (``ValueError`` if invalid), remembered for the next time."""
        try:
            node = self.iris[text] = pyoxigraph.NamedNode(text)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a valid IRI: {exc}") from None
        if self._unused and text.startswith(self._unused):
            self.namespaces_used.update(namespace for namespace in self._unused if text.startswith(namespace))
            self._unused = tuple(namespace for namespace in self._unused if namespace not in self.namespaces_used)
        return node

    def term(self, term: Node) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
        """Any rdflib term: IRI, literal or blank node (``TypeError`` for anything else)."""
        if isinstance(term, URIRef):
            text = str(term)
            return self.iris.get(text) or self.iri(text)
        if isinstance(term, Literal):  # an rdflib literal is a str of its lexical form
            language = term.language
            if language:
                return pyoxigraph.Literal(term, language=language)
            datatype = term.datatype
            if datatype is None:
                return pyoxigraph.Literal(term)
            return pyoxigraph.Literal(term, datatype=self.term(datatype))
        if isinstance(term, BNode):
            return blank_node(term)
        raise TypeError(f"cannot write the {type(term).__name__} {term!r} as an RDF term")


def blank_node(node: BNode) -> pyoxigraph.BlankNode:
    """A blank node under its own label, or under a hex spelling of a label Turtle cannot write."""
    try:
        return pyoxigraph.BlankNode(str(node))
    except ValueError:
        return pyoxigraph.BlankNode("x" + str(node).encode("utf-8", "surrogatepass").hex())


def _subject_order(subject: Node) -> tuple[int, str]:
    """IRIs, then blank nodes, then anything else, each by its text."""
    return (0 if isinstance(subject, URIRef) else 1 if isinstance(subject, BNode) else 2, str(subject))


def _predicate_order(predicates: Iterable[Node]) -> list[Node]:
    """Predicates by IRI, but ``rdf:type`` (Turtle's ``a``) first, as Turtle is usually written."""
    ordered = sorted(predicates, key=str)
    at = bisect_left(ordered, _RDF_TYPE, key=str)
    if 0 < at < len(ordered) and str(ordered[at]) == _RDF_TYPE:
        ordered.insert(0, ordered.pop(at))
    return ordered


def ordered_triples(index: SubjectIndex, terms: TermConverter) -> Iterator[pyoxigraph.Triple]:
    """The triples of ``index`` as pyoxigraph triples, in canonical order (see the module notes).

    This is the hot loop, so the common cases are inlined: IRIs are looked up by their
    text, rdflib literals without a language converted in place, and only the objects of
    multi-valued properties sorted (by N-Triples form; terms pyoxigraph finds equal, such as
    ``"x"`` and ``"x"^^xsd:string``, written once).
    """
    triple, literal, iris, new_iri, convert = pyoxigraph.Triple, pyoxigraph.Literal, terms.iris, terms.iri, terms.term
    subjects = list(index)
    subjects.sort(key=str if set(map(type, subjects)) <= {URIRef} else _subject_order)
    for subject in subjects:
        predicates = index[subject]
        if not predicates:  # rdflib leaves an emptied subject in its index
            continue
        try:
            if type(subject) is URIRef:
                text = str(subject)
                s = iris.get(text) or new_iri(text)
            else:
                s = convert(subject)
            for predicate in _predicate_order(predicates) if len(predicates) > 1 else predicates:
                objects = predicates[predicate]
                if type(predicate) is URIRef:
                    text = str(predicate)
                    p = iris.get(text) or new_iri(text)
                else:
                    p = convert(predicate)  # pyoxigraph.Triple refuses all but an IRI, with TypeError
                if len(objects) != 1:
                    yield from map(triple, repeat(s), repeat(p), dict.fromkeys(sorted(map(convert, objects), key=str)))
                    continue
                for obj in objects:
                    kind = type(obj)
                    if kind is URIRef:
                        text = str(obj)
                        yield triple(s, p, iris.get(text) or new_iri(text))
                    elif kind is Literal and not obj.language:
                        datatype = obj.datatype
                        if datatype is None:
                            yield triple(s, p, literal(obj))
                        else:
                            text = str(datatype)
                            yield triple(s, p, literal(obj, datatype=iris.get(text) or new_iri(text)))
                    else:
                        yield triple(s, p, convert(obj))
        except ValueError as exc:
            raise ValueError(f"cannot write the triples of {subject!r}: {exc}") from exc


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX only; a no-op elsewhere)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class OutputError(PoliceKGError, OSError):
    """An output file could not be written (no space left, no permission, ...); it names the file."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or leave it untouched on failure (see :func:`atomic_write`)."""
    atomic_write(path, lambda stream: stream.write(data))


def atomic_write(path: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Replace ``path`` with what ``fill`` writes to the stream it is given, all at once, or leave
    it untouched on failure: ``fill`` writes a temporary file beside ``path`` that then replaces it.

    Parent folders are created. Raises :class:`OutputError` naming ``path`` when the file
    system refuses (a full disk, a read-only folder).
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(descriptor, "wb") as stream:
            fill(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
        _fsync_folder(path.parent)
    except OSError as error:
        _discard(temporary)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    except BaseException:
        _discard(temporary)
        raise


def _discard(temporary: Path) -> None:
    """Remove a half-written file if there is one; its folder may not even exist (a file in the way)."""
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


def write_graph(graph: Graph | Triples, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` (format from the suffix unless given); return the path.

    Parent folders are created. A graph that cannot be serialized leaves any existing file
    as it was. A build's :class:`~policekg.graph.rdf.triples.Triples` stream into the file; an
    rdflib graph is serialized in memory first.
    """
    target = Path(path)
    fmt = fmt or format_for(target)
    if isinstance(graph, Triples):
        atomic_write(target, lambda stream: write_triples(graph, oxigraph_format(fmt), stream))
    else:
        atomic_write_bytes(target, serialize(graph, fmt))
    return target


class GraphFileError(PoliceKGError, ValueError):
    """A graph file could not be read: missing, of an unknown format, or not valid RDF."""


def first_line(error: BaseException) -> str:
    """The first non-empty line of an exception's message, or its type name."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def graph_file(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """An existing graph file and its rdflib format name (from the suffix); every reader of
    graph files checks them here, so a missing file or an unknown suffix reads the same."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    try:
        return path, format_for(path)
    except ValueError as exc:
        raise GraphFileError(str(exc)) from None
