"""The RDF side: building the graph from an extraction, writing and reading files, validating, scoring."""
