"""Everything after extraction, in three rooms that follow the data.

* :mod:`.rdf`: extraction results become an RDF graph, written as Turtle, read back into
  pyoxigraph, validated against the SHACL shapes;
* :mod:`.query`: that graph answers SPARQL, saved questions and the endpoint;
* :mod:`.network`: its organisations and links become a network to analyse, draw and review.
"""
