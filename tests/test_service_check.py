"""The SERVICE check agrees with what pyoxigraph executes, and the worker sandbox stops what it might miss.

Every spelling is first run by pyoxigraph itself against a local recording server, so the
lists are proved to be real federated calls (or real non-calls), not guesses.
"""
from __future__ import annotations

import json
import platform
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_spellings import BENIGN, EXECUTED, NOT_EXECUTED, Recorder

from policekg.graph.query.service_check import UncheckedQuery, uses_service
from policekg.graph.query.sparql import QUERY_PREFIXES, saved_questions

SANDBOXED = sys.platform.startswith("linux") and platform.machine() in ("x86_64", "aarch64")


def verdict(query: str) -> str:
    """``service``, ``clean`` or ``unchecked``: what the check says of ``query``."""
    try:
        return "service" if uses_service(query) else "clean"
    except UncheckedQuery:
        return "unchecked"


def run_in_pyoxigraph(query: str) -> str:
    """Evaluate ``query`` on an empty store, reading its whole answer; ``ok`` or the error's type."""
    try:
        result = ox.Store().query(query, prefixes=QUERY_PREFIXES)
        bool(result) if isinstance(result, ox.QueryBoolean) else list(result)
    except Exception as error:  # noqa: BLE001 - only whether it ran matters
        return type(error).__name__
    return "ok"


@pytest.mark.parametrize("spelling", EXECUTED.values(), ids=EXECUTED.keys())
def test_service_check_finds_every_call_pyoxigraph_makes(recorder: Recorder, spelling: str) -> None:
    query = recorder.query(spelling)
    assert run_in_pyoxigraph(query) == "ok" and recorder.requests, "pyoxigraph itself calls this service"
    assert verdict(query) in ("service", "unchecked")


@pytest.mark.parametrize("spelling", NOT_EXECUTED.values(), ids=NOT_EXECUTED.keys())
def test_service_check_refuses_spellings_pyoxigraph_does_not_run(recorder: Recorder, spelling: str) -> None:
    query = recorder.query(spelling)
    assert run_in_pyoxigraph(query) != "ok" and not recorder.requests
    assert verdict(query) in ("service", "unchecked")


@pytest.mark.parametrize("spelling", BENIGN.values(), ids=BENIGN.keys())
def test_service_check_allows_service_in_strings_iris_comments_and_names(recorder: Recorder, spelling: str) -> None:
    query = recorder.query(spelling)
    assert run_in_pyoxigraph(query) == "ok" and not recorder.requests
    assert verdict(query) == "clean"


@pytest.mark.parametrize("question", saved_questions(), ids=lambda question: question.name)
def test_service_check_passes_every_saved_question(question) -> None:
    assert verdict(question.text) == "clean"


def test_service_check_names_the_position_it_cannot_read() -> None:
    with pytest.raises(UncheckedQuery) as error:
        uses_service('SELECT * WHERE {\n  BIND("\\u0041" AS ?a)\n}')
    assert error.value.line == 2


# --- agreement on generated queries -------------------------------------------------------------

TRICKY = ["SERVICE <URL> { ?s ?p ?o }", "#", '"', "'", '\\"', "\\'", "\\u0022", "\\u0027", "\\u000a", "\\u000d",
          "\\U0000000A", "\\u000A0000", "\\U000A", "}", "{", "\\\\", "<", ">", " ", "x", "\\u0023", "\n", "\r"]
NAMES = ["<http://x/#a>", "<http://x/\\u0041>", "<http://x/'>", "ex:a\\#b", "ex:a\\'b", "ex:%41", "<URL>", "s:",
         "ex:SERVICE", "<http://x/SERVICE>"]


@st.composite
def queries(draw: st.DrawFn) -> str:
    """Valid-looking queries with SERVICE patterns, strings, comments, escapes and line ends in
    random places, then a few tricky characters inserted anywhere."""

    def pick(options: list[str]) -> str:
        return draw(st.sampled_from(options))

    def keyword(word: str) -> str:
        return "".join(c.lower() if draw(st.booleans()) else c for c in word)

    def text(newlines: bool) -> str:
        return "".join(pick(TRICKY if newlines else TRICKY[:-2]) for _ in range(draw(st.integers(0, 4))))

    def gap() -> str:
        if draw(st.integers(0, 4)):
            return pick([" ", "\n", "\t", "\r", ""])
        return " #" + text(False) + pick(["\n", "\r", "\r\n"])

    def term() -> str:
        kind = draw(st.integers(0, 6))
        if kind == 0:
            return '"' + text(False).replace('"', "") + '"'
        if kind == 1:
            return "'" + text(False).replace("'", "") + "'"
        if kind == 2:
            return '"""' + text(True) + '"""'
        if kind == 3:
            return "'''" + text(True) + "'''"
        return pick(NAMES + ["1", "?v"])

    def item(depth: int) -> str:
        kind = draw(st.integers(0, 9 if depth < 3 else 3))
        if kind == 0:
            return "?s" + gap() + pick(NAMES) + gap() + term() + gap() + "."
        if kind == 1:
            return keyword("BIND") + "(" + gap() + term() + gap() + keyword("AS") + f" ?b{draw(st.integers(0, 99))})"
        if kind == 2:
            return keyword("FILTER") + "(" + term() + gap() + "!=" + gap() + term() + ")"
        if kind == 3:
            return gap()
        if kind == 4:
            silent = keyword("SILENT ") if draw(st.booleans()) else ""
            return keyword("SERVICE") + gap() + silent + pick(["<URL>", "s:", "?u"]) + gap() + group(depth + 1)
        opener = pick(["OPTIONAL", "MINUS", "FILTER EXISTS", "GRAPH ?g", ""])
        return keyword(opener) + gap() + group(depth + 1)

    def group(depth: int) -> str:
        return "{" + gap() + " ".join(item(depth) for _ in range(draw(st.integers(0, 3)))) + gap() + "}"

    query = ("PREFIX s: <URL>" + gap() + "PREFIX ex: <http://x/>" + gap() + keyword("SELECT") + " * "
             + keyword("WHERE") + gap() + group(0) + gap())
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(query)))
        query = query[:at] + pick(TRICKY) + query[at:]
    return query


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spelling=queries())
def test_service_check_never_passes_a_query_pyoxigraph_federates(recorder: Recorder, spelling: str) -> None:
    query = recorder.query(spelling)
    recorder.requests.clear()
    if verdict(query) == "clean":
        run_in_pyoxigraph(query)
        assert not recorder.requests, query


# --- the sandbox --------------------------------------------------------------------------------

SANDBOX_PROBE = textwrap.dedent("""
    import json, socket, sys
    import pyoxigraph
    from policekg.graph.query.sandbox import confine
    report = {"confine": confine()}
    try:
        socket.socket()
        report["socket"] = "opened"
    except OSError as error:
        report["socket"] = type(error).__name__
    report["queries"] = {}
    for name, query in json.loads(sys.stdin.read()).items():
        try:
            result = pyoxigraph.Store().query(query)
            report["queries"][name] = str(bool(result) if isinstance(result, pyoxigraph.QueryBoolean) else list(result))
        except Exception as error:
            report["queries"][name] = type(error).__name__
    print(json.dumps(report))
""")


@pytest.mark.skipif(not SANDBOXED, reason="the socket sandbox needs Linux on x86-64 or AArch64")
def test_sandbox_stops_every_service_call_even_unchecked(recorder: Recorder) -> None:
    queries = {name: recorder.query(spelling) for name, spelling in EXECUTED.items()}
    probe = subprocess.run([sys.executable, "-c", SANDBOX_PROBE], input=json.dumps(queries), capture_output=True,
                           text=True, timeout=120, check=True)
    report = json.loads(probe.stdout)
    assert report["confine"] is None
    assert report["socket"] == "PermissionError"
    assert recorder.requests == []
    assert set(report["queries"]) == set(EXECUTED)
