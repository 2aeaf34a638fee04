"""Ways to write a federated (SERVICE) query, and a local HTTP server that records whether one ran.

``URL`` in a spelling stands for the recorder's address. :data:`EXECUTED` are the spellings
pyoxigraph really evaluates (a test proves it sends a request for each); :data:`NOT_EXECUTED`
name a service pyoxigraph does not call (an escaped keyword is a syntax error to it, a service
variable stays unbound) but must be refused all the same; :data:`BENIGN` only mention SERVICE
in strings, IRIs, comments and names, and must run.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EMPTY_RESULTS = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'

EXECUTED = {
    "plain": "SELECT * WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "lower-case": "select * where { service <URL> { ?s ?p ?o } }",
    "mixed-case-silent": "SELECT * WHERE { SeRvIcE sIlEnT <URL> { ?s ?p ?o } }",
    "no-spaces": "SELECT*WHERE{SERVICE<URL>{}}",
    "tabs-and-newlines": "SELECT * WHERE {\n\tSERVICE\n<URL>\n{ }\n}",
    "crlf-line-ends": "SELECT * WHERE {\r\n SERVICE\r\n <URL> {}\r\n}",
    "comment-inside": "SELECT * WHERE { SERVICE # a note\n <URL> {} }",
    "comment-ended-by-cr": "SELECT * WHERE { # a note\r SERVICE <URL> {} }",
    "cr-comment-and-long-string": 'SELECT * WHERE { # \r SERVICE <URL> { ?s ?p ?o } BIND("""\n}\n# """ AS ?x) }',
    "prefixed-name": "PREFIX remote: <URL> SELECT * WHERE { SERVICE remote: {} }",
    "empty-prefix": "PREFIX : <URL> SELECT * WHERE { SERVICE : {} }",
    "keyword-glued-to-name": "PREFIX : <URL> SELECT * WHERE { SERVICE:{} }",
    "relative-iri": "BASE <URL> SELECT * WHERE { SERVICE <> {} }",
    "escape-in-iri-before": "SELECT * WHERE { BIND(<http://x/#\\u0041> AS ?z) SERVICE <URL> {} }",
    "escaped-quote-in-string-before": 'SELECT * WHERE { BIND("\\u0022" AS ?z) SERVICE <URL> {} }',
    "backslash-quote-before": 'SELECT * WHERE { BIND("\\"" AS ?z) SERVICE <URL> {} }',
    "single-quote-escape-before": "SELECT * WHERE { BIND(\"\\'\" AS ?z) SERVICE <URL> {} }",
    "hash-in-string-before": 'SELECT * WHERE { BIND("#" AS ?z) SERVICE <URL> {} }',
    "hash-in-iri-before": "SELECT * WHERE { BIND(<http://x/#> AS ?z) SERVICE <URL> {} }",
    "escaped-hash-in-name-before": "PREFIX ex: <http://x/> SELECT * WHERE { BIND(ex:a\\#b AS ?z) SERVICE <URL> {} }",
    "nested-groups": "SELECT * WHERE { { { SERVICE <URL> {} } } }",
    "subquery": "SELECT * WHERE { { SELECT * WHERE { SERVICE <URL> {} } } }",
    "optional": "SELECT * WHERE { OPTIONAL { SERVICE <URL> {} } }",
    "union": "SELECT * WHERE { {} UNION { SERVICE <URL> {} } }",
    "minus": "SELECT * WHERE { BIND(1 AS ?one) MINUS { SERVICE <URL> {} } }",
    "filter-exists": "SELECT * WHERE { BIND(1 AS ?one) FILTER EXISTS { SERVICE <URL> {} } }",
    "filter-not-exists": "SELECT * WHERE { BIND(1 AS ?one) FILTER NOT EXISTS { SERVICE <URL> {} } }",
    "exists-in-select": "SELECT (EXISTS { SERVICE <URL> {} } AS ?e) WHERE {}",
    "exists-in-order-by": "SELECT * WHERE { BIND(1 AS ?one) } ORDER BY (EXISTS { SERVICE <URL> {} })",
    "graph": "SELECT * WHERE { GRAPH ?g { SERVICE <URL> {} } }",
    "ask": "ASK { SERVICE <URL> {} }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "describe": "DESCRIBE ?s WHERE { SERVICE <URL> { ?s ?p ?o } }",
    "lateral": "SELECT * WHERE { LATERAL { SERVICE <URL> {} } }",
}

NOT_EXECUTED = {
    "escaped-keyword": "SELECT * WHERE { \\u0053ERVICE <URL> {} }",
    "long-escaped-keyword": "SELECT * WHERE { \\U00000053ERVICE <URL> {} }",
    "escaped-last-letter": "SELECT * WHERE { SERVIC\\u0045 <URL> {} }",
    "service-variable": "SELECT * WHERE { VALUES ?u { <URL> } SERVICE ?u {} }",
}

BENIGN = {
    "string": 'SELECT ?x WHERE { BIND("SERVICE <URL> {}" AS ?x) }',
    "long-string": 'SELECT ?x WHERE { BIND("""\nSERVICE <URL> {}\n""" AS ?x) }',
    "iri": "SELECT ?x WHERE { BIND(<http://x/SERVICE> AS ?x) }",
    "comment": "SELECT ?x WHERE { # SERVICE <URL> {}\n BIND(1 AS ?x) }",
    "name": "PREFIX ex: <http://x/> SELECT ?x WHERE { BIND(ex:SERVICE AS ?x) }",
    "variable": "SELECT ?SERVICE WHERE { BIND(1 AS ?SERVICE) }",
}


class Recorder:
    """A local HTTP server that answers every request with empty SPARQL results and remembers its path."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._reply()

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._reply()

            def _reply(self) -> None:
                recorder.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULTS)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def query(self, spelling: str) -> str:
        """``spelling`` with ``URL`` replaced by this recorder's address."""
        return spelling.replace("URL", self.url)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
