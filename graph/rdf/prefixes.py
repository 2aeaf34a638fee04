"""Which prefixes a written graph declares, and in what order: the same for rdflib graphs and a build's triples.

A prefix is declared when Turtle can declare its name, some IRI of the graph falls under
its namespace, and no IRI under it would need backslash escapes as a prefixed name (such
IRIs are written in full instead). Declarations are sorted by prefix name, whatever order
pyoxigraph writes them in.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import BinaryIO

import pyoxigraph

_PREFIX_NAME = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)?")  # Turtle's PN_PREFIX, ASCII only
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")  # written as a prefixed name unescaped


def declarable_prefixes(bindings: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The (prefix, namespace) ``bindings`` Turtle can declare, by name (a namespace bound twice keeps the first)."""
    prefixes: dict[str, str] = {}
    for prefix, namespace in sorted(bindings):
        namespace = str(namespace)
        if not _PREFIX_NAME.fullmatch(prefix) or namespace in prefixes.values():
            continue
        try:
            pyoxigraph.NamedNode(namespace)
        except ValueError:
            continue
        prefixes[prefix] = namespace
    return prefixes


def namespaces_of(iris: Iterable[str], namespaces: Iterable[str]) -> tuple[set[str], set[str]]:
    """Of ``namespaces``: those under which one of the distinct ``iris`` has a local part that is
    not plain letters, digits, "_", "-" and inner dots; and those some IRI falls under.

    pyoxigraph would write an IRI of the first kind as a prefixed name with backslash escapes
    (``id:force\\/kent-police``, or a final ``\\.`` that rdflib 7.6 cannot read), so such a
    namespace is not declared. A namespace is looked for only until it is found, so most
    IRIs cost one ``startswith``.
    """
    unchecked = unused = tuple(namespaces)
    escaped: set[str] = set()
    used: set[str] = set()
    for text in iris:
        if text.startswith(unchecked):
            escaped.update(namespace for namespace in unchecked if text.startswith(namespace)
                           and len(text) > len(namespace) and not _PLAIN_LOCAL.fullmatch(text[len(namespace):]))
            unchecked = tuple(namespace for namespace in unchecked if namespace not in escaped)
        if text.startswith(unused):
            used.update(namespace for namespace in unused if text.startswith(namespace))
            unused = tuple(namespace for namespace in unused if namespace not in used)
    return escaped, used


def declared_prefixes(bindings: Iterable[tuple[str, str]], iris: Iterable[str]) -> dict[str, str]:
    """The prefixes of ``bindings`` a graph whose distinct IRIs are ``iris`` declares (see the module notes)."""
    prefixes = declarable_prefixes(bindings)
    escaped, used = namespaces_of(iris, prefixes.values())
    return {prefix: namespace for prefix, namespace in prefixes.items()
            if namespace in used and namespace not in escaped}


def prefix_lines(prefixes: Mapping[str, str]) -> dict[str, bytes]:
    """Each prefix's Turtle declaration line, by name."""
    return {prefix: f"@prefix {prefix}: <{namespace}> .\n".encode() for prefix, namespace in prefixes.items()}


class SortedPrefixes:
    """A binary stream for ``pyoxigraph.serialize`` that passes its output on to ``stream``
    with the prefix lines sorted by name and a blank line after them.

    pyoxigraph declares every prefix it is given, longest namespace first, before the first
    triple (and nothing for no triples). Should its output start any other way, it is
    passed on unchanged: still deterministic, only not in this order. Only the prefix lines
    are held back; the rest streams through in pyoxigraph's own chunks.
    """

    def __init__(self, stream: BinaryIO, prefixes: Mapping[str, str]) -> None:
        self.stream = stream
        self.lines = prefix_lines(prefixes)
        self.size = sum(map(len, self.lines.values()))
        self.head: bytearray | None = bytearray() if self.lines else None

    def write(self, data: bytes) -> int:
        if self.head is None:
            self.stream.write(data)
            return len(data)
        self.head += data
        if len(self.head) >= self.size:
            head, self.head = self.head, None
            if sorted(head[:self.size].splitlines(keepends=True)) == sorted(self.lines.values()):
                self.stream.write(b"".join(self.lines[prefix] for prefix in sorted(self.lines)) + b"\n")
                del head[:self.size]
            self.stream.write(head)
        return len(data)

    def flush(self) -> None:
        """Pass on output shorter than the prefix lines unchanged, and flush ``stream``."""
        if self.head:
            self.stream.write(self.head)
            self.head = bytearray()
        self.stream.flush()
