"""The network side: projecting the graph onto networkx, analytics, pages, exports, evidence."""
