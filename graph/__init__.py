"""Turning extraction results into an RDF graph, and writing, validating and querying it."""
